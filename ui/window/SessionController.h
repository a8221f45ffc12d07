#pragma once
// One session of the window: a live run of a scenario on real sockets (driven
// step by step on a worker thread) or a saved session replayed from a file
// (no sockets at all). Publishes the timeline as a value after every change;
// every failure becomes one readable message (errorOccurred), never a crash.

#include "Timeline.h"
#include "TimelineJson.h"

#include <QObject>

class QThread;

namespace socklab {

class SessionWorker;

class SessionController final : public QObject
{
    Q_OBJECT

public:
    explicit SessionController(QObject* parent = nullptr);
    ~SessionController() override;

    // Forces a capture mode ("namespace", "host", "states-only"); empty: best available.
    void setCaptureMode(const QString& forced) { m_capture = forced; }

    void openScenario(const QString& id); // a fresh live run (asynchronous)
    void reset();                         // a fresh run of the same scenario
    void stepForward();                   // runs the scenario's next step on the real sockets

    // Replay: no sockets. Reads the file here and now (the command line, before the window shows).
    bool openSession(const QString& path);
    // The same, read on the file thread so the window keeps painting (File ▸ Open):
    // openFinished follows, and errorOccurred if it could not be opened. Whatever is
    // asked for meanwhile (a scenario, a recording, another file) wins over it.
    void openSessionInBackground(const QString& path);
    // Shows a recording made elsewhere (the user's own programs, "Run my programs…"),
    // as it grows: no scenario steps, nothing to reset.
    void showRecording(const Timeline& tl);
    bool saveSession(const QString& path);
    // Writes a copy of the timeline on the file thread (stepping goes on meanwhile);
    // succeeded or errorOccurred follows. A save under way is finished before the
    // controller goes.
    void saveSessionInBackground(const QString& path);
    bool exportPcap(const QString& path);

    const Timeline& timeline() const { return m_timeline; }
    QString scenarioId() const { return m_scenarioId; }
    bool isBusy() const { return m_busy; } // a step running, the lab starting or a file opening
    QString openingPath() const { return m_opening; } // the file being opened, or empty
    int savesUnderWay() const { return m_saving; }
    bool isReplay() const { return m_replay; }
    bool isLive() const { return m_live; } // started, and not a replay
    bool isRecording() const { return m_recording; } // showing the user's own programs
    bool hasNextStep() const { return m_live && m_nextStep < m_stepCount; }
    int nextStep() const { return m_nextStep; }
    int stepCount() const { return m_stepCount; }

    // What a capture mode means, for the status bar.
    static QString captureModeText(const QString& mode);
    static QString captureModeTooltip(const QString& mode);

signals:
    void timelineChanged(const socklab::Timeline& tl);
    void busyChanged(bool busy);
    void errorOccurred(const QString& message);
    void succeeded(const QString& message); // a file saved or exported: where it went
    void sessionChanged(); // scenario, replay state or step counts changed
    void openFinished(const QString& path, bool opened); // after openSession / openSessionInBackground

private:
    void setBusy(bool running);
    void updateBusy();
    void cancelOpening(); // something else is shown: an open under way is thrown away
    void showOpened(const QString& path, Timeline tl);
    void finishOpening(quint64 ticket, const QString& path, const TimelineLoadResult& r);
    void onStarted(quint64 generation, const Timeline& tl, int stepCount);
    void onStepped(quint64 generation, const Timeline& tl, int nextStep, int stepCount);
    void onFailed(quint64 generation, const QString& message);

    QThread* m_thread;
    SessionWorker* m_worker;
    QThread* m_fileThread; // reads and writes session files
    QObject* m_fileContext; // lives on m_fileThread
    Timeline m_timeline;
    QString m_scenarioId;
    QString m_capture;
    quint64 m_generation = 0;
    int m_stepCount = 0;
    int m_nextStep = 0;
    bool m_busy = false;
    bool m_running = false; // the worker is starting the lab or running a step
    QString m_opening;
    QString m_busyOpening; // m_opening when busyChanged was last emitted
    quint64 m_openTicket = 0;
    int m_saving = 0;
    bool m_live = false;
    bool m_replay = false;
    bool m_recording = false;
};

} // namespace socklab
