#pragma once
// The call gate's tracer: the state of every traced thread, driven by wait()
// on the tracer thread only (CallGate runs it there). Not thread-safe.

#include "GateEvent.h"
#include "Problem.h"
#include "TraceeMemory.h"
#include "SocketProbe.h"

#include <QHash>
#include <QList>
#include <QSet>

#include <array>
#include <cstdint>

namespace socklab {

class CallGate;
class GateFilter;
class LabProcess;

class GateTracer
{
public:
    GateTracer(CallGate& gate, const GateFilter& filter);
    ~GateTracer();
    GateTracer(const GateTracer&) = delete;
    GateTracer& operator=(const GateTracer&) = delete;

    bool spawn(int program, LabProcess& process, Problem* error);
    // One wait(): false when nothing is traced any more.
    bool waitOnce(bool block);
    bool hasTracees() const { return !m_threads.isEmpty(); }
    bool step(int program);
    void releaseHeld();
    void setBreakpoints(QList<GateBreakpoint> b) { m_breakpoints = std::move(b); }
    void killAll();

private:
    struct PyCall {
        bool active = false, callEmitted = false;
        QString name, file;
        int line = -1, syscalls = 0;
        QString firstSyscall, errnoName;
        qint64 result = 0, bytes = 0, kernelUs = 0;
        bool dataCall = false, slept = false;
        bool socketCallSeen = false; // a call other than Python's poll() for its timeout
        bool socketResult = false;   // py.result is that call's
        bool setting = false;        // settimeout()/setblocking(): its record is the call
        QByteArray data;
        int fd = -1;
        QVariantMap args;
        QVariantMap told; // the hook's own account of the arguments (lengths, a numeric address)
    };
    struct Call {
        QString syscall, call;
        std::array<uint64_t, 6> a{};
        int fd = -1;
        bool data = false, incoming = false;
        qint64 entryUs = 0, releasedUs = 0;
        qint64 datagramLen = -1; // recvfrom on a UDP socket: the queued datagram's length when released
        quint64 id = 0;
        GateEvent event; // the call event, for the return
    };
    struct Thread {
        pid_t tid = -1, tgid = -1;
        int program = -1;
        bool fresh = true, held = false, inSyscall = false;
        qint64 heldSinceUs = 0;
        Call cur;
        PyCall py;
    };
    struct Proc {
        int program = -1;
        int pidfd = -1;
        QHash<int, FdKind> fds;
    };

    bool startChild(int program, pid_t pid, int reportFd, int* execErrno);
    void onStatus(pid_t tid, int status);
    void onGone(pid_t tid, int status);
    Thread& adopt(pid_t tid);
    void onEntry(Thread& t);
    void onExit(Thread& t);
    void onPython(Thread& t, const QByteArray& record);
    bool classify(Thread& t, Proc& p, Call& c); // false: not a socket call, let it run
    FdKind kindOf(pid_t tgid, Proc& p, int fd);
    void release(Thread& t);
    bool atBreakpoint(const QString& file, int line) const;
    void emitEvent(GateEvent e);
    void publish();
    GateEvent base(const Thread& t, GateEventKind kind) const;

    CallGate& m_gate;
    const GateFilter& m_filter;
    QHash<pid_t, Thread> m_threads;
    QHash<pid_t, Proc> m_procs;
    QHash<pid_t, int> m_roots; // main process of each program -> program
    QList<GateBreakpoint> m_breakpoints;
    quint64 m_nextId = 1;
};

} // namespace socklab
