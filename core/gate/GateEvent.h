#pragma once
// What the call gate hands out: plain values, copied out of the tracer
// thread (never pointers into it).

#include <QByteArray>
#include <QString>
#include <QVariantMap>

#include <sys/types.h>

namespace socklab {

enum class GateEventKind { Call, Return, Exit };

struct GateEvent {
    GateEventKind kind = GateEventKind::Call;
    int program = -1;  // index of the program socklab started (children inherit it)
    pid_t pid = -1;    // process (thread-group id)
    pid_t tid = -1;    // thread that made the call
    qint64 epochUs = 0;
    QString call;      // Python name ("sendall") for Python programs, else the C name ("send")
    QString syscall;   // the system call(s) the kernel ran ("sendto")
    QString codeFile;  // Python programs: the student's file and line (1-based)
    int codeLine = -1;
    int fd = -1;
    QVariantMap args;  // call: address, port, backlog, length, ...
    qint64 result = 0; // return: the system call's result (bytes for data calls)
    QString errnoName; // return: "ECONNREFUSED"; empty on success
    QString exception; // return, Python: "ConnectionRefusedError"
    QByteArray data;   // return: first bytes sent or received
    qint64 bytes = -1; // return, data calls: bytes moved
    qint64 kernelUs = 0; // return: time the call spent in the kernel after it was released
    bool slept = false;  // return: it slept in the kernel (>= 30 ms)
    int waitStatus = 0;  // exit: the wait() status of the program's main process
};

// One traced thread as the gate sees it, for "who goes next" and the code pane.
struct GateThreadStatus {
    enum class Where { Running, HeldAtGate, InKernel };
    int program = -1;
    pid_t pid = -1, tid = -1;
    Where where = Where::Running;
    QString call;     // HeldAtGate / InKernel: the call
    QString codeFile;
    int codeLine = -1;
    qint64 sinceEpochUs = 0; // held since / in the kernel since
    quint64 callId = 0;      // distinct for every call
};

struct GateBreakpoint {
    QString file; // matched on the file name (no directory) or the full path
    int line = -1;
};

} // namespace socklab
