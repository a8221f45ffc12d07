#include "GateTracer.h"

#include "CallGate.h"
#include "GateFilter.h"
#include "LabProcess.h"
#include "Recorder.h"

#include <QFile>
#include <QFileInfo>

#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <netinet/in.h>
#include <poll.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace socklab {

namespace {

constexpr qint64 kSleptUs = 30000; // as scenario events: >= 30 ms in the kernel is "blocked"
constexpr int kPreview = 64;       // bytes of data kept with a send or a receive
const QByteArray kMagic = QByteArrayLiteral("SOCKLAB1 ");

constexpr long kOptions = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACESECCOMP | PTRACE_O_TRACECLONE
                          | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACEEXEC | PTRACE_O_EXITKILL;

qint64 nowUs() { return Recorder::epochNowUs(); }

// How Python waits on a socket with a timeout (settimeout): poll() first, then
// the socket call itself. The wait is not the call the program made.
bool isWait(const QString& call)
{
    return call == QLatin1String("poll") || call == QLatin1String("select") || call == QLatin1String("epoll_wait");
}

// A host the kernel gets as it is written (127.0.0.1, ::1), not a name to look up.
bool isNumericAddress(const QByteArray& text)
{
    unsigned char buf[sizeof(in6_addr)];
    return ::inet_pton(AF_INET, text.constData(), buf) == 1 || ::inet_pton(AF_INET6, text.constData(), buf) == 1;
}

void resume(pid_t tid, __ptrace_request how, int sig = 0)
{
    ::ptrace(how, tid, nullptr, reinterpret_cast<void*>(intptr_t(sig)));
}

QVariantMap procStatus(pid_t tid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(tid));
    QVariantMap m;
    if (!f.open(QIODevice::ReadOnly)) return m;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.startsWith("Tgid:")) m.insert("tgid", line.mid(5).trimmed().toInt());
        else if (line.startsWith("PPid:")) m.insert("ppid", line.mid(5).trimmed().toInt());
    }
    return m;
}

QString shutdownHow(uint64_t h)
{
    return h == SHUT_RD ? QStringLiteral("SHUT_RD") : h == SHUT_WR ? QStringLiteral("SHUT_WR") : QStringLiteral("SHUT_RDWR");
}

QString optionName(uint64_t level, uint64_t name)
{
    if (level == SOL_SOCKET) {
        switch (name) {
        case SO_REUSEADDR: return QStringLiteral("SO_REUSEADDR");
        case SO_REUSEPORT: return QStringLiteral("SO_REUSEPORT");
        case SO_KEEPALIVE: return QStringLiteral("SO_KEEPALIVE");
        case SO_LINGER: return QStringLiteral("SO_LINGER");
        case SO_RCVBUF: return QStringLiteral("SO_RCVBUF");
        case SO_SNDBUF: return QStringLiteral("SO_SNDBUF");
        case SO_ERROR: return QStringLiteral("SO_ERROR");
        case SO_TYPE: return QStringLiteral("SO_TYPE");
        case SO_BROADCAST: return QStringLiteral("SO_BROADCAST");
        case SO_RCVTIMEO_NEW: case SO_RCVTIMEO_OLD: return QStringLiteral("SO_RCVTIMEO");
        case SO_SNDTIMEO_NEW: case SO_SNDTIMEO_OLD: return QStringLiteral("SO_SNDTIMEO");
        default: break;
        }
    }
    if (level == IPPROTO_TCP) {
        if (name == 1) return QStringLiteral("TCP_NODELAY");
        if (name == 11) return QStringLiteral("TCP_INFO");
    }
    return QStringLiteral("%1/%2").arg(level).arg(name);
}

} // namespace

GateTracer::GateTracer(CallGate& gate, const GateFilter& filter) : m_gate(gate), m_filter(filter) {}

GateTracer::~GateTracer()
{
    killAll();
    while (waitOnce(true)) {}
    for (Proc& p : m_procs)
        if (p.pidfd >= 0) ::close(p.pidfd);
}

void GateTracer::killAll()
{
    for (auto it = m_threads.cbegin(); it != m_threads.cend(); ++it)
        ::kill(it.value().tgid, SIGKILL);
}

bool GateTracer::spawn(int program, LabProcess& process, Problem* error)
{
    LabProcess::Traced traced;
    traced.seccomp = [f = &m_filter] { return f->install(); };
    traced.afterFork = [this, program](pid_t pid, int reportFd, int* execErrno) {
        return startChild(program, pid, reportFd, execErrno);
    };
    const bool ok = process.spawnTraced(traced, error);
    publish();
    return ok;
}

bool GateTracer::startChild(int program, pid_t pid, int reportFd, int* execErrno)
{
    // Only this child exists for us until its exec: wait() for it alone.
    for (;;) {
        int st = 0;
        pid_t r;
        while ((r = ::waitpid(pid, &st, __WALL)) < 0 && errno == EINTR) {}
        if (r != pid) {
            *execErrno = errno;
            return false;
        }
        if (WIFEXITED(st) || WIFSIGNALED(st)) {
            int e = 0;
            *execErrno = ::read(reportFd, &e, sizeof e) == sizeof e ? e : ECHILD;
            return false;
        }
        const int sig = WSTOPSIG(st), ev = st >> 16;
        if (sig == SIGSTOP && ev == 0) {
            // Its own raise(SIGSTOP) after PTRACE_TRACEME: from here every stop is ours.
            if (::ptrace(PTRACE_SETOPTIONS, pid, nullptr, reinterpret_cast<void*>(kOptions)) != 0) {
                *execErrno = errno;
                ::kill(pid, SIGKILL);
                continue;
            }
            resume(pid, PTRACE_CONT);
        } else if (sig == SIGTRAP && ev == PTRACE_EVENT_EXEC) {
            Thread t;
            t.tid = t.tgid = pid;
            t.program = program;
            t.fresh = false;
            m_threads.insert(pid, t);
            m_procs[pid].program = program;
            m_roots.insert(pid, program);
            resume(pid, PTRACE_CONT);
            return true;
        } else if (sig == SIGTRAP && ev == PTRACE_EVENT_SECCOMP) {
            resume(pid, PTRACE_CONT); // the failed exec's report
        } else {
            resume(pid, PTRACE_CONT, sig == SIGTRAP ? 0 : sig);
        }
    }
}

bool GateTracer::waitOnce(bool block)
{
    int st = 0;
    const pid_t tid = ::waitpid(-1, &st, __WALL | __WNOTHREAD | (block ? 0 : WNOHANG));
    if (tid < 0) {
        if (errno == ECHILD) {
            m_threads.clear();
            publish();
            return false;
        }
        return true; // EINTR: woken for a job
    }
    if (tid == 0) return true;
    onStatus(tid, st);
    publish();
    return true;
}

GateTracer::Thread& GateTracer::adopt(pid_t tid)
{
    // A child or thread of a traced program, seen before its parent's event.
    const QVariantMap s = procStatus(tid);
    Thread t;
    t.tid = tid;
    t.tgid = s.value("tgid", tid).toInt();
    const pid_t ppid = s.value("ppid", 0).toInt();
    if (m_procs.contains(t.tgid)) {
        t.program = m_procs[t.tgid].program;
    } else {
        Proc p;
        if (m_procs.contains(ppid)) {
            p.program = m_procs[ppid].program;
            p.fds = m_procs[ppid].fds; // fork() copies the descriptor table
        }
        t.program = p.program;
        m_procs.insert(t.tgid, p);
    }
    return *m_threads.insert(tid, t);
}

void GateTracer::onStatus(pid_t tid, int st)
{
    if (WIFEXITED(st) || WIFSIGNALED(st)) {
        onGone(tid, st);
        return;
    }
    if (!WIFSTOPPED(st)) return;
    auto it = m_threads.find(tid);
    Thread& t = it != m_threads.end() ? it.value() : adopt(tid);
    const int sig = WSTOPSIG(st), ev = st >> 16;
    if (sig == SIGTRAP && ev != 0) {
        if (ev == PTRACE_EVENT_SECCOMP) {
            onEntry(t);
            return;
        }
        if (ev == PTRACE_EVENT_EXEC) {
            unsigned long former = 0;
            ::ptrace(PTRACE_GETEVENTMSG, tid, nullptr, &former);
            if (pid_t(former) != tid) m_threads.remove(pid_t(former));
            Proc& p = m_procs[m_threads[tid].tgid];
            p.fds.clear(); // close-on-exec descriptors are gone
        }
        resume(tid, PTRACE_CONT);
        return;
    }
    if (sig == (SIGTRAP | 0x80)) {
        onExit(t);
        return;
    }
    if (sig == SIGSTOP && t.fresh) {
        t.fresh = false; // the stop every new tracee starts with
        resume(tid, PTRACE_CONT);
        return;
    }
    t.fresh = false;
    resume(tid, t.inSyscall ? PTRACE_SYSCALL : PTRACE_CONT, sig); // the program's own signal
}

void GateTracer::onGone(pid_t tid, int st)
{
    const Thread t = m_threads.take(tid);
    if (m_roots.contains(tid)) {
        GateEvent e = base(t, GateEventKind::Exit);
        e.program = m_roots.take(tid);
        e.pid = e.tid = tid;
        e.waitStatus = st;
        if (t.held) e.args.insert("held", true); // killed while waiting at the gate
        emitEvent(std::move(e));
    }
    if (t.tgid == tid || t.tgid < 0) {
        const Proc p = m_procs.take(tid);
        if (p.pidfd >= 0) ::close(p.pidfd);
    }
}

FdKind GateTracer::kindOf(pid_t tgid, Proc& p, int fd)
{
    auto it = p.fds.find(fd);
    if (it != p.fds.end()) return it.value();
    const FdKind k = fdKindOf(tgid, fd, &p.pidfd);
    p.fds.insert(fd, k);
    return k;
}

bool GateTracer::classify(Thread& t, Proc& p, Call& c)
{
    const auto& a = c.a;
    const QString& s = c.syscall;
    auto inet = [&](uint64_t fd) { return kindOf(t.tgid, p, int(fd)) == FdKind::InetSocket; };
    QVariantMap& args = c.event.args;
    if (s == QLatin1String("socket")) {
        if (a[0] != AF_INET && a[0] != AF_INET6) return false;
        const int type = int(a[1]) & 0xf;
        args.insert("family", a[0] == AF_INET ? "AF_INET" : "AF_INET6");
        args.insert("type", type == SOCK_STREAM ? QStringLiteral("stream")
                            : type == SOCK_DGRAM ? QStringLiteral("dgram") : QString::number(type));
        c.call = s;
        return true;
    }
    if (s == QLatin1String("dup2") || s == QLatin1String("dup3")) {
        p.fds.remove(int(a[1]));
        return false;
    }
    if (s == QLatin1String("close_range")) {
        p.fds.clear();
        return false;
    }
    if (s == QLatin1String("close")) {
        const bool socket = inet(a[0]);
        p.fds.remove(int(a[0]));
        c.fd = int(a[0]);
        c.call = s;
        return socket;
    }
    if (s == QLatin1String("write") && kindOf(t.tgid, p, int(a[0])) == FdKind::DevNull) {
        if (a[2] > uint64_t(kMagic.size()) && a[2] < 8192) {
            const QByteArray text = readTracee(t.tid, a[1], size_t(a[2]));
            if (text.startsWith(kMagic)) onPython(t, text.mid(kMagic.size()));
            if (t.py.active && t.py.setting && !t.py.callEmitted) {
                // settimeout()/setblocking() on an IPv4/IPv6 socket: the record's write is the call held.
                if (!inet(uint64_t(t.py.fd))) {
                    t.py = PyCall{};
                    return false;
                }
                c.call = t.py.name;
                c.syscall.clear(); // no socket system call of its own
                c.fd = t.py.fd;
                args.insert(t.py.args);
                return true;
            }
        }
        return false;
    }
    if (s == QLatin1String("poll") || s == QLatin1String("ppoll")) {
        const uint64_t n = qMin<uint64_t>(a[1], 1024);
        const QByteArray raw = readTracee(t.tid, a[0], size_t(n * sizeof(pollfd)));
        QVariantList fds;
        for (qsizetype i = 0; i + qsizetype(sizeof(pollfd)) <= raw.size(); i += sizeof(pollfd)) {
            const auto* pf = reinterpret_cast<const pollfd*>(raw.constData() + i);
            if (pf->fd >= 0 && inet(uint64_t(pf->fd))) fds << pf->fd;
        }
        if (fds.isEmpty()) return false;
        args.insert("fds", fds);
        c.call = QStringLiteral("poll");
        return true;
    }
    if (s == QLatin1String("select") || s == QLatin1String("pselect6")) {
        const int n = int(qMin<uint64_t>(a[0], 1024));
        QVariantList fds;
        for (int set = 1; set <= 2; ++set) {
            const QByteArray bits = readTracee(t.tid, a[size_t(set)], size_t((n + 7) / 8));
            for (int fd = 0; fd < n && fd / 8 < bits.size(); ++fd)
                if ((uchar(bits[fd / 8]) >> (fd % 8)) & 1 && inet(uint64_t(fd)) && !fds.contains(fd)) fds << fd;
        }
        if (fds.isEmpty()) return false;
        args.insert("fds", fds);
        c.call = QStringLiteral("select");
        return true;
    }
    if (s.startsWith(QLatin1String("epoll_"))) {
        QList<int> watched;
        if (!epollTargetsOf(t.tgid, int(a[0]), &watched)) return false;
        QVariantList fds;
        for (int fd : std::as_const(watched))
            if (inet(uint64_t(fd))) fds << fd;
        if (fds.isEmpty()) return false;
        args.insert("fds", fds);
        c.call = QStringLiteral("epoll_wait");
        return true;
    }
    // Everything else takes the socket as its first argument.
    if (!inet(a[0])) return false;
    c.fd = int(a[0]);
    c.call = s;
    if (s == QLatin1String("bind") || s == QLatin1String("connect")) {
        args.insert(sockaddrOf(t.tid, a[1], a[2]));
    } else if (s == QLatin1String("listen")) {
        args.insert("backlog", qint64(a[1]));
    } else if (s == QLatin1String("accept4")) {
        c.call = QStringLiteral("accept");
    } else if (s == QLatin1String("shutdown")) {
        args.insert("how", shutdownHow(a[1]));
    } else if (s == QLatin1String("setsockopt") || s == QLatin1String("getsockopt")) {
        args.insert("option", optionName(a[1], a[2]));
    } else if (s == QLatin1String("sendto") || s == QLatin1String("write") || s == QLatin1String("sendfile")
               || s == QLatin1String("sendmsg") || s == QLatin1String("writev") || s == QLatin1String("sendmmsg")) {
        c.data = true;
        if (s == QLatin1String("sendto") || s == QLatin1String("write")) {
            args.insert("length", qint64(a[2]));
            c.event.data = readTracee(t.tid, a[1], size_t(qMin<uint64_t>(a[2], kPreview)));
        }
        if (s == QLatin1String("sendfile")) args.insert("length", qint64(a[3]));
        if (s == QLatin1String("sendto") && a[4] != 0) args.insert(sockaddrOf(t.tid, a[4], a[5]));
        else if (s == QLatin1String("sendto")) c.call = QStringLiteral("send");
    } else if (s == QLatin1String("recvfrom") || s == QLatin1String("read") || s == QLatin1String("recvmsg")
               || s == QLatin1String("readv") || s == QLatin1String("recvmmsg")) {
        c.data = c.incoming = true;
        if (s == QLatin1String("recvfrom") || s == QLatin1String("read")) args.insert("length", qint64(a[2]));
        if (s == QLatin1String("recvfrom") && a[4] == 0) c.call = QStringLiteral("recv");
    }
    return true;
}

GateEvent GateTracer::base(const Thread& t, GateEventKind kind) const
{
    GateEvent e;
    e.kind = kind;
    e.program = t.program;
    e.pid = t.tgid;
    e.tid = t.tid;
    e.epochUs = nowUs();
    return e;
}

void GateTracer::onEntry(Thread& t)
{
    __ptrace_syscall_info info{};
    if (::ptrace(PTRACE_GET_SYSCALL_INFO, t.tid, reinterpret_cast<void*>(sizeof info), &info) <= 0
        || info.op != PTRACE_SYSCALL_INFO_SECCOMP) {
        resume(t.tid, PTRACE_CONT);
        return;
    }
    Call c;
    c.syscall = GateFilter::nameOf(long(info.seccomp.nr));
    for (size_t i = 0; i < 6; ++i)
        c.a[i] = info.seccomp.args[i];
    c.event = base(t, GateEventKind::Call);
    Proc& p = m_procs[t.tgid];
    if (c.syscall.isEmpty() || !classify(t, p, c)) {
        resume(t.tid, PTRACE_CONT);
        return;
    }
    c.entryUs = c.event.epochUs;
    c.id = m_nextId++;
    c.event.syscall = c.syscall;
    c.event.call = c.call;
    c.event.fd = c.fd;
    bool report = true;
    if (t.py.active) {
        // The Python method this system call serves: one call event for it
        // (sendall, not four sendto), with the student's line.
        if (t.py.callEmitted) {
            report = false;
            if (!t.py.socketCallSeen && !isWait(c.call)) {
                // After the poll() of a socket with a timeout: the call's own system call.
                t.py.socketCallSeen = true;
                t.py.firstSyscall = c.syscall;
                t.py.dataCall = c.data;
                t.py.fd = c.fd;
                for (auto it = c.event.args.cbegin(); it != c.event.args.cend(); ++it)
                    if (it.key() != QLatin1String("fds")) t.py.args.insert(it.key(), it.value());
            }
        } else {
            if (isWait(c.call)) {
                const QVariantList fds = c.event.args.value("fds").toList();
                if (fds.size() == 1 && !isWait(t.py.name)) {
                    // The poll() of a socket with a timeout comes before the call
                    // itself: the event is the method's, with the arguments the
                    // hook told (recv(1024), not poll(fds 3)); its system call says poll.
                    c.event.fd = c.fd = fds.first().toInt();
                    c.event.args.remove("fds");
                    c.event.args.insert(t.py.told);
                }
            } else {
                t.py.socketCallSeen = true;
            }
            t.py.callEmitted = true;
            t.py.firstSyscall = c.syscall;
            t.py.dataCall = c.data;
            t.py.fd = c.fd;
            t.py.args = c.event.args;
            c.event.call = t.py.name;
            c.event.codeFile = t.py.file;
            c.event.codeLine = t.py.line;
        }
    }
    const QByteArray preview = c.event.data;
    c.event.data.clear(); // the call shows its length; the data rides on the return
    if (report) emitEvent(c.event);
    c.event.data = preview;
    t.cur = c;
    const bool hit = report && atBreakpoint(c.event.codeFile, c.event.codeLine);
    if (hit) m_gate.m_holding = true; // Run stops here
    if (report && m_gate.m_holding.load()) {
        t.held = true;
        t.heldSinceUs = nowUs();
        return; // stays stopped: held at the gate
    }
    release(t);
}

void GateTracer::release(Thread& t)
{
    if (t.cur.syscall == QLatin1String("recvfrom") && t.cur.fd >= 0)
        t.cur.datagramLen = nextDatagramLength(t.tgid, t.cur.fd, &m_procs[t.tgid].pidfd);
    t.held = false;
    t.inSyscall = true;
    t.cur.releasedUs = nowUs();
    resume(t.tid, PTRACE_SYSCALL);
}

void GateTracer::onExit(Thread& t)
{
    __ptrace_syscall_info info{};
    if (::ptrace(PTRACE_GET_SYSCALL_INFO, t.tid, reinterpret_cast<void*>(sizeof info), &info) <= 0) {
        t.inSyscall = false;
        resume(t.tid, PTRACE_CONT);
        return;
    }
    if (info.op == PTRACE_SYSCALL_INFO_ENTRY) { // kernels that stop at entry after the seccomp stop
        resume(t.tid, PTRACE_SYSCALL);
        return;
    }
    t.inSyscall = false;
    const Call& c = t.cur;
    const qint64 kernelUs = nowUs() - c.releasedUs;
    qint64 r = info.exit.rval;
    int err = info.exit.is_error ? int(-r) : 0;
    if (err >= 512 && err <= 516) err = EINTR; // ERESTARTSYS & co.: interrupted by a signal
    GateEvent e = base(t, GateEventKind::Return);
    e.call = c.call;
    e.syscall = c.syscall;
    e.fd = c.fd;
    e.kernelUs = kernelUs;
    e.slept = kernelUs >= kSleptUs;
    if (err != 0) {
        e.result = -1;
        e.errnoName = errnoName(err);
    } else {
        e.result = r;
    }
    if (err == 0 && c.data) {
        e.bytes = r;
        e.data = c.incoming ? readTracee(t.tid, c.a[1], size_t(qMin<qint64>(r, kPreview)))
                            : c.event.data.left(int(qMin<qint64>(r, kPreview)));
        if (c.incoming && c.syscall == QLatin1String("readv")) e.data.clear();
    }
    if (err == 0 && (c.syscall == QLatin1String("accept") || c.syscall == QLatin1String("accept4")
                     || c.syscall == QLatin1String("recvfrom"))) {
        const uint64_t addr = c.syscall == QLatin1String("recvfrom") ? c.a[4] : c.a[1];
        const uint64_t lenp = c.syscall == QLatin1String("recvfrom") ? c.a[5] : c.a[2];
        const QByteArray len = readTracee(t.tid, lenp, sizeof(socklen_t));
        if (addr && len.size() == sizeof(socklen_t)) {
            const QVariantMap peer = sockaddrOf(t.tid, addr, *reinterpret_cast<const socklen_t*>(len.constData()));
            if (!peer.isEmpty()) {
                // [::1]:40000 for IPv6, as a URL writes it: "::1:40000" reads as one address.
                const QString addr = peer.value("family").toString() == QLatin1String("AF_INET6")
                                         ? '[' + peer.value("addr").toString() + ']'
                                         : peer.value("addr").toString();
                e.args.insert("peer", QStringLiteral("%1:%2").arg(addr).arg(peer.value("port").toInt()));
            }
        }
    }
    if (err == 0 && c.datagramLen >= 0 && c.syscall == QLatin1String("recvfrom")) {
        // recvfrom(10) of a 25-byte datagram returns 10 and the kernel drops the rest.
        e.args.insert("datagram_len", c.datagramLen);
        e.args.insert("truncated", c.datagramLen > r);
    }
    if (c.syscall == QLatin1String("connect") && (err == 0 || err == EINPROGRESS))
        if (const int port = localPortOf(t.tgid, c.fd, &m_procs[t.tgid].pidfd); port > 0)
            e.args.insert("local_port", port);
    if (err == 0 && (c.syscall == QLatin1String("socket") || c.syscall.startsWith(QLatin1String("accept"))))
        m_procs[t.tgid].fds.insert(int(r), FdKind::InetSocket);
    if (t.py.active && t.py.callEmitted) {
        // Part of a Python call: its return is told when the method returns.
        PyCall& py = t.py;
        // The result is the socket call's, not the poll() before it (a timeout).
        const bool wait = isWait(c.call);
        if (!py.socketResult) py.result = e.result;
        if (!wait) py.socketResult = true;
        ++py.syscalls;
        if (e.bytes > 0) {
            py.bytes += e.bytes;
            if (py.data.size() < kPreview) py.data += e.data.left(kPreview - py.data.size());
        }
        if (!e.errnoName.isEmpty()) py.errnoName = e.errnoName;
        py.kernelUs += kernelUs;
        py.slept = py.slept || e.slept;
        for (const char* k : {"peer", "local_port", "datagram_len", "truncated"})
            if (e.args.contains(k)) py.args.insert(k, e.args.value(k));
    } else {
        emitEvent(std::move(e));
    }
    resume(t.tid, PTRACE_CONT);
}

void GateTracer::onPython(Thread& t, const QByteArray& record)
{
    // "E\tname\tfile\tline\n" before a socket method, "X\tname\texception\n" after it.
    const QList<QByteArray> f = record.trimmed().split('\t');
    if (f.value(0) == "E" && f.size() >= 4) {
        t.py = PyCall{};
        t.py.active = true;
        t.py.name = QString::fromUtf8(f[1]);
        t.py.file = QString::fromUtf8(f[2]);
        t.py.line = f[3].toInt();
        // "E\tsendto\tfile\tline\tlength=5\taddr=127.0.0.1\tport=9\n": what the method was asked.
        for (qsizetype i = 4; i < f.size(); ++i) {
            const qsizetype eq = f[i].indexOf('=');
            if (eq <= 0) continue;
            const QByteArray key = f[i].left(eq), value = f[i].mid(eq + 1);
            bool number = false;
            const qint64 n = value.toLongLong(&number);
            if ((key == "length" || key == "port") && number && n >= 0) t.py.told.insert(QString::fromLatin1(key), n);
            else if (key == "addr" && isNumericAddress(value)) {
                t.py.told.insert("addr", QString::fromLatin1(value));
                t.py.told.insert("family", value.contains(':') ? "AF_INET6" : "AF_INET");
            }
        }
        return;
    }
    if (f.value(0) == "S" && f.size() >= 6) {
        // "S\tsettimeout\tfile\tline\tfd\tvalue\n"
        t.py = PyCall{};
        t.py.active = t.py.setting = true;
        t.py.name = QString::fromUtf8(f[1]);
        t.py.file = QString::fromUtf8(f[2]);
        t.py.line = f[3].toInt();
        t.py.fd = f[4].toInt();
        t.py.args.insert(t.py.name == QLatin1String("settimeout") ? "timeout" : "flag", QString::fromUtf8(f[5]));
        return;
    }
    if (f.value(0) != "X" || !t.py.active) return;
    PyCall py = std::exchange(t.py, PyCall{});
    if (!py.callEmitted) return; // no system call on an IPv4/IPv6 socket: nothing happened in the kernel
    GateEvent e = base(t, GateEventKind::Return);
    e.call = py.name;
    e.syscall = py.firstSyscall;
    e.codeFile = py.file;
    e.codeLine = py.line;
    e.fd = py.fd;
    e.result = py.dataCall && py.errnoName.isEmpty() ? py.bytes : py.result;
    if (py.dataCall) {
        e.bytes = py.bytes;
        e.data = py.data;
    }
    e.errnoName = py.errnoName;
    e.exception = QString::fromUtf8(f.value(2));
    if (e.exception.isEmpty()) e.errnoName.clear(); // retried inside Python (EINTR, EAGAIN in sendall)
    else if (e.errnoName.isEmpty() && !(py.dataCall && py.bytes > 0))
        e.result = -1; // a sendall() that timed out keeps the bytes the kernel took before
    if (py.setting) e.result = e.exception.isEmpty() ? 0 : -1; // returns None, or raised (ValueError)
    e.kernelUs = py.kernelUs;
    e.slept = py.slept;
    for (const char* k : {"peer", "local_port", "datagram_len", "truncated"})
        if (py.args.contains(k)) e.args.insert(k, py.args.value(k));
    emitEvent(std::move(e));
}

bool GateTracer::atBreakpoint(const QString& file, int line) const
{
    if (file.isEmpty() || line < 0) return false;
    for (const GateBreakpoint& b : m_breakpoints)
        if (b.line == line && (b.file == file || QFileInfo(file).fileName() == b.file)) return true;
    return false;
}

bool GateTracer::step(int program)
{
    Thread* next = nullptr;
    for (Thread& t : m_threads)
        if (t.held && (program < 0 || t.program == program) && (!next || t.heldSinceUs < next->heldSinceUs))
            next = &t;
    if (!next) return false;
    release(*next);
    publish();
    return true;
}

void GateTracer::releaseHeld()
{
    for (Thread& t : m_threads)
        if (t.held) release(t);
    publish();
}

void GateTracer::emitEvent(GateEvent e)
{
    std::lock_guard lock(m_gate.m_mutex);
    m_gate.m_events.append(std::move(e));
}

void GateTracer::publish()
{
    QList<GateThreadStatus> list;
    for (const Thread& t : std::as_const(m_threads)) {
        GateThreadStatus s;
        s.program = t.program;
        s.pid = t.tgid;
        s.tid = t.tid;
        if (t.held || t.inSyscall) {
            s.where = t.held ? GateThreadStatus::Where::HeldAtGate : GateThreadStatus::Where::InKernel;
            s.call = t.py.callEmitted ? t.py.name : t.cur.call;
            s.codeFile = t.py.callEmitted ? t.py.file : QString();
            s.codeLine = t.py.callEmitted ? t.py.line : -1;
            s.sinceEpochUs = t.held ? t.heldSinceUs : t.cur.releasedUs;
            s.callId = t.cur.id;
        }
        list.append(s);
    }
    std::lock_guard lock(m_gate.m_mutex);
    m_gate.m_status = std::move(list);
    m_gate.m_traced = int(m_threads.size());
}

} // namespace socklab
