#pragma once
// A cursor over a timeline's events, and how it moves: step, back, play/pause
// at a speed, scrub, home/end. The cursor is an event index (-1: before the
// first event). Step and Back move by teaching units: one socket call with all
// it caused (its segments, states and returns) — a scenario step, or, in a
// recording of the user's own programs, a call and what follows until the next
// call. stepEvent()/backEvent() (Shift+→/←) keep the event-by-event walk. What the views show depends only on (timeline, cursor), so the
// state at cursor N is the same however the cursor got there; the only extra is
// a 0..1 animation progress for the arrow that "flies" after a forward step,
// and it always rests at 1.

#include "Timeline.h"

#include <QList>
#include <QObject>

class QTimer;
class QVariantAnimation;

namespace socklab {

class PlaybackController final : public QObject
{
    Q_OBJECT

public:
    explicit PlaybackController(QObject* parent = nullptr);

    // Events the Step button stops at (calls, returns, packets, states, timers);
    // queue samples and bookkeeping notes are passed over.
    static bool isStop(const Event& e);
    static const QList<double>& speeds(); // 0.25 … 4
    // The last stop of each teaching unit, ascending (event indices).
    static QList<int> unitEnds(const Timeline& tl);

    // `canExtend`: stepping past the end may ask for the scenario's next real step.
    void setTimeline(const Timeline& tl, bool canExtend);
    void setCanExtend(bool canExtend);

    int cursor() const { return m_cursor; }
    int lastIndex() const { return m_size - 1; }
    int eventCount() const { return m_size; }
    bool isPlaying() const { return m_playing; }
    bool isWaiting() const { return m_pending; } // asked for a real step, waiting for it
    double speed() const { return speeds().at(m_speedIndex); }
    qreal progress() const { return m_progress; }
    bool atEnd() const; // no stop after the cursor
    // The cursor rests where a teaching unit ends (or before the first event):
    // the views show all the unit's call caused, so its caption may say so.
    bool atUnitEnd() const;
    // At the end of the recording with nothing more to run: say so and what to do next.
    bool finished() const { return atEnd() && !m_canExtend && !m_pending && m_size > 0; }

    void setCursor(int eventIndex); // jump (scrubber, event log): no animation
    void step();      // to the end of the next teaching unit (→)
    void back();      // to the end of the previous teaching unit (←)
    void stepEvent(); // one event forward (Shift+→)
    void backEvent(); // one event back (Shift+←)
    void home();
    void end();
    void play();
    void pause();
    void togglePlay();
    void faster();
    void slower();
    void setSpeed(double speed);

signals:
    void cursorChanged(int cursor);
    void progressChanged(qreal progress);
    void playingChanged(bool playing);
    void speedChanged(double speed);
    void waitingChanged(bool waiting);
    void needNextStep(); // at the end of the recording: run the scenario's next real step
    void finishedChanged(bool finished);

private:
    int nextStop(int from) const;
    int previousStop(int from) const;
    int nextUnitEnd(int from) const;
    int previousUnitEnd(int from) const;
    void advance(bool byUnit);
    void emitFinished();
    void moveTo(int index, bool animate);
    void setPending(bool pending);
    void tick();
    void applySpeed();

    QList<int> m_stops; // event indices, ascending
    QList<int> m_unitEnds; // the last stop of each teaching unit, ascending
    bool m_pendingUnit = true; // what the awaited step is for: a unit or one event
    bool m_finished = false;
    int m_size = 0;
    int m_cursor = -1;
    int m_speedIndex = 2;
    bool m_canExtend = false;
    bool m_pending = false;
    bool m_playing = false;
    qreal m_progress = 1.0;
    QTimer* m_timer;
    QVariantAnimation* m_anim;
};

} // namespace socklab
