#pragma once
// One endpoint of a scenario: a thread of its own making real BSD socket calls
// inside the lab. Blocking calls block for real on this thread.

#include "MessageFramer.h"
#include "Scenario.h"
#include "UniqueFd.h"

#include <QHash>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <sys/types.h>
#include <thread>

namespace socklab {

class Lab;
class Recorder;

class Actor
{
public:
    Actor(QString name, const Lab& lab, Recorder& recorder);
    ~Actor(); // ends the thread and closes every descriptor still open
    Actor(const Actor&) = delete;
    Actor& operator=(const Actor&) = delete;

    const QString& name() const { return m_name; }
    bool start(QString* error); // starts the thread and enters the lab

    // Hands one resolved step to the thread. False if a call is still running.
    bool post(const Step& step, int stepIndex);
    bool inCall() const { return m_inCall.load(); }
    bool idle() const;
    // The step being executed right now (e.g. a connect() still waiting for its SYN+ACK).
    std::optional<Step> currentCall() const;
    pid_t tid() const { return m_tid.load(); }
    // Is the thread asleep in the kernel (e.g. blocked in accept())?
    bool sleepingInKernel() const;

    // Probe every open socket and report changes (safe from another thread).
    void probeSockets();
    QList<int> openDescriptors() const;

private:
    void run();
    void execute(const Step& step, int stepIndex);
    QVariantMap afterCall(const QString& socket); // returns {local_port, remote_port}
    void emitCall(const Step& step, int stepIndex);
    void emitReturn(const Step& step, int stepIndex, qint64 result, int err, QVariantMap values = {});
    void emitParsedMessages(const Step& step, const QByteArray& bytes);
    int fdOf(const QString& socket) const;
    void closeAll();
    // Binds `socket` to `fd`; a descriptor the name held before is closed
    // (Python drops the old object when the name is rebound). Under m_mutex.
    void bindName(const QString& socket, int fd);

    QString m_name;
    const Lab& m_lab;
    Recorder& m_rec;
    std::thread m_thread;
    mutable std::mutex m_mutex; // guards m_pending, m_fds (the fd table changes under it)
    std::condition_variable m_cv;
    std::optional<std::pair<Step, int>> m_pending;
    Step m_current;
    bool m_stop = false;
    bool m_startOk = false;
    bool m_started = false;
    QString m_startError;
    std::map<QString, UniqueFd> m_fds; // Python variable -> descriptor
    QHash<QString, MessageFramer> m_framers; // socket -> the receiver's message parser (actor thread only)
    std::atomic<bool> m_inCall{false};
    std::atomic<pid_t> m_tid{0};
};

} // namespace socklab
