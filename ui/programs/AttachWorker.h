#pragma once
// The worker side of AttachDialog: owns the HostAttach on a thread of its own
// and polls it there (sock_diag, capture and decoding never on the GUI
// thread); after each round with news it hands a Timeline value out.

#include "HostAttach.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace socklab {

class AttachWorker final : public QObject
{
    Q_OBJECT
public:
    AttachWorker() = default;
    ~AttachWorker() override;

    // On the worker thread (blocking-queued from the GUI).
    bool start(const HostAttachOptions& options, Problem* error, bool* capturing);
    // A last look, then finished: the final timeline (false when not attached).
    bool stop(Timeline* timeline, int* socketsSeen);
    void shutdown(); // before the thread ends

Q_SIGNALS:
    void snapshot(const socklab::Timeline& timeline, bool finished, int socketsSeen);

private:
    void tick();

    std::unique_ptr<HostAttach> m_attach;
    QTimer* m_timer = nullptr;
    int m_shown = -1;
};

} // namespace socklab
