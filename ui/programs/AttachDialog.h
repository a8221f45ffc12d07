#pragma once
// "Attach to a running program…": watch a port of programs already running on
// the host's loopback (outside the lab). With capture permission the full
// view; without it the states-only view from sock_diag, labelled as such.
// Observation only: nothing is sent to those programs.
//
// For the main window: create it, connect timelineChanged(const Timeline&) to
// whatever shows a timeline (as with RunProgramsDialog), and show() it (modeless).
// It polls on the thread it lives on, which must be the main thread (the one
// in the host's network namespace).

#include "Timeline.h"

#include <QDialog>
#include <QThread>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTimer;

namespace socklab {

class AttachWorker;

class AttachDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit AttachDialog(QWidget* parent = nullptr);
    ~AttachDialog() override;

    // "8080", "127.0.0.1:8080" or "[::1]:8080"; seconds <= 0: until stop().
    // False (and the reason in the status line) when it cannot attach.
    bool attach(const QString& target, int seconds);
    void stop();
    bool attached() const;
    QString status() const;

Q_SIGNALS:
    void timelineChanged(const socklab::Timeline& timeline);
    void attachFinished(bool sawSomething);

private:
    void onSnapshot(const Timeline& timeline, bool finished, int socketsSeen);
    void setRunning(bool running);

    QThread m_thread;
    AttachWorker* m_worker; // lives on m_thread: HostAttach is polled there
    bool m_attached = false;
    QLineEdit* m_target;
    QSpinBox* m_seconds;
    QPushButton* m_start;
    QPushButton* m_stop;
    QLabel* m_status;
};

} // namespace socklab
