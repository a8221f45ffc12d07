#include "Actor.h"

#include "Lab.h"
#include "Recorder.h"
#include "SocketProbe.h"

#include <QFile>

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/sockios.h>

namespace socklab {

namespace {

struct Address {
    sockaddr_storage ss{};
    socklen_t len = 0;
};

bool makeAddress(const QString& host, int port, Address& out)
{
    auto* v4 = reinterpret_cast<sockaddr_in*>(&out.ss);
    auto* v6 = reinterpret_cast<sockaddr_in6*>(&out.ss);
    const QByteArray h = host.toLatin1();
    if (::inet_pton(AF_INET, h.constData(), &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons(uint16_t(port));
        out.len = sizeof(sockaddr_in);
        return true;
    }
    if (::inet_pton(AF_INET6, h.constData(), &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons(uint16_t(port));
        out.len = sizeof(sockaddr_in6);
        return true;
    }
    return false;
}

// The port of an IPv4 or IPv6 address (0 for anything else).
uint16_t portOf(const sockaddr_storage& ss)
{
    if (ss.ss_family == AF_INET) return ntohs(reinterpret_cast<const sockaddr_in*>(&ss)->sin_port);
    if (ss.ss_family == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6*>(&ss)->sin6_port);
    return 0;
}

QString addressText(const sockaddr_storage& ss)
{
    char buf[INET6_ADDRSTRLEN] = {};
    if (ss.ss_family == AF_INET) {
        const auto* a = reinterpret_cast<const sockaddr_in*>(&ss);
        ::inet_ntop(AF_INET, &a->sin_addr, buf, sizeof buf);
        return QStringLiteral("%1:%2").arg(QLatin1String(buf)).arg(ntohs(a->sin_port));
    }
    if (ss.ss_family == AF_INET6) {
        const auto* a = reinterpret_cast<const sockaddr_in6*>(&ss);
        ::inet_ntop(AF_INET6, &a->sin6_addr, buf, sizeof buf);
        return QStringLiteral("[%1]:%2").arg(QLatin1String(buf)).arg(ntohs(a->sin6_port));
    }
    return {};
}

struct SockOpt {
    const char* name;
    int level;
    int opt;
};
constexpr SockOpt kOptions[] = {
    {"SO_REUSEADDR", SOL_SOCKET, SO_REUSEADDR}, {"SO_REUSEPORT", SOL_SOCKET, SO_REUSEPORT},
    {"SO_SNDBUF", SOL_SOCKET, SO_SNDBUF},       {"SO_RCVBUF", SOL_SOCKET, SO_RCVBUF},
    {"SO_KEEPALIVE", SOL_SOCKET, SO_KEEPALIVE}, {"SO_LINGER", SOL_SOCKET, SO_LINGER},
    {"TCP_NODELAY", IPPROTO_TCP, TCP_NODELAY},  {"TCP_CORK", IPPROTO_TCP, TCP_CORK},
    {"TCP_QUICKACK", IPPROTO_TCP, TCP_QUICKACK},
};

QByteArray dataArg(const QVariantMap& args)
{
    const QVariant v = args.value("data");
    return v.typeId() == QMetaType::QByteArray ? v.toByteArray() : v.toString().toUtf8();
}

} // namespace

Actor::Actor(QString name, const Lab& lab, Recorder& recorder)
    : m_name(std::move(name)), m_lab(lab), m_rec(recorder)
{
}

Actor::~Actor()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_cv.notify_all();
    if (m_thread.joinable()) {
        // A thread still blocked in the kernel (accept(), recv()) is woken by
        // shutting its sockets down; the call then returns and the thread ends.
        for (int i = 0; i < 200 && m_inCall.load(); ++i) {
            {
                std::lock_guard lock(m_mutex);
                for (const auto& [name, fd] : m_fds)
                    ::shutdown(fd.get(), SHUT_RDWR);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        m_thread.join();
    }
    closeAll();
}

bool Actor::start(QString* error)
{
    m_thread = std::thread([this] { run(); });
    std::unique_lock lock(m_mutex);
    m_cv.wait(lock, [this] { return m_started; });
    if (!m_startOk && error) *error = m_startError;
    return m_startOk;
}

void Actor::run()
{
    m_tid = pid_t(::syscall(SYS_gettid));
    QString err;
    const bool ok = m_lab.enterThisThread(&err);
    {
        std::lock_guard lock(m_mutex);
        m_started = true;
        m_startOk = ok;
        m_startError = err;
    }
    m_cv.notify_all();
    if (!ok) return;
    for (;;) {
        std::pair<Step, int> job;
        {
            std::unique_lock lock(m_mutex);
            m_cv.wait(lock, [this] { return m_stop || m_pending.has_value(); });
            if (m_stop) return;
            job = std::move(*m_pending);
            m_pending.reset();
            m_inCall = true; // set under the lock: idle() never sees a gap
            m_current = job.first;
        }
        execute(job.first, job.second);
        m_inCall = false;
    }
}

bool Actor::post(const Step& step, int stepIndex)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_pending || m_inCall || m_stop) return false;
        m_pending = std::make_pair(step, stepIndex);
    }
    m_cv.notify_all();
    return true;
}

std::optional<Step> Actor::currentCall() const
{
    std::lock_guard lock(m_mutex);
    if (!m_inCall) return std::nullopt;
    return m_current;
}

bool Actor::idle() const
{
    std::lock_guard lock(m_mutex);
    return !m_pending && !m_inCall;
}

bool Actor::sleepingInKernel() const
{
    const pid_t t = m_tid.load();
    if (t == 0) return false;
    QFile f(QStringLiteral("/proc/self/task/%1/stat").arg(t));
    if (!f.open(QIODevice::ReadOnly)) return false;
    const QByteArray s = f.readAll();
    const int close = s.lastIndexOf(')'); // the comm field may hold spaces
    return close > 0 && close + 2 < s.size() && s.at(close + 2) == 'S';
}

int Actor::fdOf(const QString& socket) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_fds.find(socket);
    return it == m_fds.end() ? -1 : it->second.get();
}

QList<int> Actor::openDescriptors() const
{
    std::lock_guard lock(m_mutex);
    QList<int> fds;
    for (const auto& [name, fd] : m_fds)
        fds.append(fd.get());
    return fds;
}

void Actor::probeSockets()
{
    std::lock_guard lock(m_mutex);
    for (const auto& [name, fd] : m_fds)
        m_rec.observe(m_name, name, probeSocket(fd.get()));
}

void Actor::closeAll()
{
    std::lock_guard lock(m_mutex);
    m_fds.clear(); // each UniqueFd closes its descriptor
}

void Actor::bindName(const QString& socket, int fd)
{
    const auto it = m_fds.find(socket);
    if (it != m_fds.end()) {
        it->second.reset(fd); // closes the descriptor the name held
        return;
    }
    m_fds.emplace(socket, UniqueFd(fd));
}

void Actor::emitCall(const Step& step, int stepIndex)
{
    Event e;
    e.tUs = m_rec.nowUs();
    e.kind = EventKind::Call;
    e.actor = m_name;
    e.data = CallData{step.call, step.socket, step.args, stepIndex, step.codeLine};
    m_rec.add(std::move(e));
}

// The receiver's own parse (the lesson's fixes for sticky packets): each
// message it completes becomes a "parsed-message" note.
void Actor::emitParsedMessages(const Step& step, const QByteArray& bytes)
{
    auto it = m_framers.find(step.socket);
    if (it == m_framers.end()) it = m_framers.insert(step.socket, MessageFramer::fromArgs(step.args));
    for (const QByteArray& m : it->feed(bytes)) {
        Event e;
        e.tUs = m_rec.nowUs();
        e.kind = EventKind::Note;
        e.actor = m_name;
        e.data = NoteData{QStringLiteral("parsed-message"), {{"socket", step.socket}, {"bytes", m}}};
        m_rec.add(std::move(e));
    }
}

void Actor::emitReturn(const Step& step, int stepIndex, qint64 result, int err, QVariantMap values)
{
    Event e;
    e.tUs = m_rec.nowUs();
    e.kind = EventKind::Return;
    e.actor = m_name;
    ReturnData r;
    r.call = step.call;
    r.socket = step.socket;
    r.result = result;
    r.errnoName = err ? errnoName(err) : QString();
    r.values = std::move(values);
    r.step = stepIndex;
    e.data = std::move(r);
    m_rec.add(std::move(e));
}

// Registers the socket's ports (for attributing packets) and probes every
// socket of this actor: the call boundary is where the kernel is asked.
QVariantMap Actor::afterCall(const QString& socket)
{
    QVariantMap ports;
    const int fd = fdOf(socket);
    if (fd >= 0) {
        sockaddr_storage local{}, peer{};
        socklen_t ll = sizeof local, pl = sizeof peer;
        uint16_t lp = 0, rp = 0;
        if (::getsockname(fd, reinterpret_cast<sockaddr*>(&local), &ll) == 0) lp = portOf(local);
        if (::getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &pl) == 0) rp = portOf(peer);
        int acceptConn = 0;
        socklen_t al = sizeof acceptConn;
        ::getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &acceptConn, &al);
        if (lp != 0) m_rec.registerSocket(m_name, socket, lp, rp, acceptConn != 0);
        ports = {{"local_port", lp}, {"remote_port", rp}};
    }
    probeSockets();
    return ports;
}

void Actor::execute(const Step& step, int stepIndex)
{
    const QVariantMap& a = step.args;
    const QString& call = step.call;
    emitCall(step, stepIndex);
    const int fd = fdOf(step.socket);
    auto needFd = [&]() {
        if (fd >= 0) return true;
        emitReturn(step, stepIndex, -1, EBADF);
        return false;
    };

    if (call == QLatin1String("socket")) {
        const bool dgram = a.value("type").toString() == QLatin1String("dgram");
        const int family = a.value("family").toString() == QLatin1String("inet6") ? AF_INET6 : AF_INET;
        const int s = ::socket(family, (dgram ? SOCK_DGRAM : SOCK_STREAM) | SOCK_CLOEXEC, 0);
        const int err = errno;
        if (s >= 0) {
            const bool rebound = fd >= 0;
            {
                std::lock_guard lock(m_mutex);
                bindName(step.socket, s);
            }
            if (rebound) m_rec.socketClosed(m_name, step.socket); // the old socket is gone
        }
        emitReturn(step, stepIndex, s, s < 0 ? err : 0);
    } else if (call == QLatin1String("setsockopt")) {
        if (!needFd()) return;
        const QString name = a.value("option").toString();
        int rc = -1, err = EINVAL;
        for (const SockOpt& o : kOptions) {
            if (name != QLatin1String(o.name)) continue;
            const int v = a.value("value").toInt();
            rc = ::setsockopt(fd, o.level, o.opt, &v, sizeof v);
            err = errno;
        }
        emitReturn(step, stepIndex, rc, rc < 0 ? err : 0);
    } else if (call == QLatin1String("settimeout")) {
        if (!needFd()) return;
        const int ms = a.value("ms").toInt();
        timeval tv{ms / 1000, (ms % 1000) * 1000};
        int rc = ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        rc |= ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
        emitReturn(step, stepIndex, rc, rc < 0 ? errno : 0);
    } else if (call == QLatin1String("bind") || call == QLatin1String("connect")) {
        if (!needFd()) return;
        Address addr;
        if (!makeAddress(a.value("addr").toString(), a.value("port").toInt(), addr)) {
            emitReturn(step, stepIndex, -1, EINVAL);
            return;
        }
        const auto* sa = reinterpret_cast<const sockaddr*>(&addr.ss);
        const int rc = call == QLatin1String("bind") ? ::bind(fd, sa, addr.len) : ::connect(fd, sa, addr.len);
        const int err = errno;
        QVariantMap values = afterCall(step.socket);
        values.insert("port", a.value("port").toInt());
        emitReturn(step, stepIndex, rc, rc < 0 ? err : 0, values);
    } else if (call == QLatin1String("listen")) {
        if (!needFd()) return;
        const int rc = ::listen(fd, a.value("backlog", 5).toInt());
        const int err = errno;
        emitReturn(step, stepIndex, rc, rc < 0 ? err : 0, afterCall(step.socket));
    } else if (call == QLatin1String("accept")) {
        if (!needFd()) return;
        sockaddr_storage peer{};
        socklen_t pl = sizeof peer;
        const int c = ::accept4(fd, reinterpret_cast<sockaddr*>(&peer), &pl, SOCK_CLOEXEC);
        const int err = errno;
        const QString as = a.value("as", QStringLiteral("connfd")).toString();
        if (c >= 0) {
            std::lock_guard lock(m_mutex);
            bindName(as, c); // Python rebinds the name: the old connection is closed
        }
        QVariantMap values = afterCall(c >= 0 ? as : step.socket);
        if (c >= 0) {
            values.insert("peer", addressText(peer));
            values.insert("as", as);
        }
        emitReturn(step, stepIndex, c, c < 0 ? err : 0, values);
    } else if (call == QLatin1String("send") || call == QLatin1String("sendall")) {
        if (!needFd()) return;
        const QByteArray data = dataArg(a);
        qint64 sent = 0;
        int err = 0;
        do {
            const ssize_t n = ::send(fd, data.constData() + sent, size_t(data.size() - sent), MSG_NOSIGNAL);
            if (n < 0) {
                err = errno;
                break;
            }
            sent += n;
        } while (call == QLatin1String("sendall") && sent < data.size());
        emitReturn(step, stepIndex, err && sent == 0 ? -1 : sent, err, afterCall(step.socket));
    } else if (call == QLatin1String("recv") || call == QLatin1String("recvfrom")) {
        if (!needFd()) return;
        const int bufsize = qBound(1, a.value("bufsize", 1024).toInt(), 16 << 20);
        QByteArray buf(bufsize, Qt::Uninitialized);
        sockaddr_storage peer{};
        socklen_t pl = sizeof peer;
        // MSG_TRUNC on a datagram socket returns the datagram's real length,
        // so a too-small buffer can be shown for what it did.
        int type = 0;
        socklen_t tl = sizeof type;
        ::getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &tl);
        const int flags = type == SOCK_DGRAM ? MSG_TRUNC : 0;
        // "repeat": the Python loop `while True: data = connfd.recv(n)` —
        // one call/return pair per recv(), until an error (timeout) or b''.
        for (bool again = true; again;) {
            pl = sizeof peer;
            const ssize_t n = ::recvfrom(fd, buf.data(), size_t(bufsize), flags,
                                         reinterpret_cast<sockaddr*>(&peer), &pl);
            const int err = errno;
            QVariantMap values = afterCall(step.socket);
            if (n >= 0) {
                values.insert("data", buf.left(int(qMin<ssize_t>(n, bufsize))));
                if (type == SOCK_DGRAM && n > bufsize) {
                    values.insert("truncated", true);
                    values.insert("datagram_len", qint64(n));
                }
                if (pl > 0 && peer.ss_family != 0) values.insert("peer", addressText(peer));
            }
            emitReturn(step, stepIndex, n < 0 ? -1 : qMin<qint64>(n, bufsize), n < 0 ? err : 0, values);
            if (n > 0 && a.contains("framing")) emitParsedMessages(step, buf.left(int(qMin<ssize_t>(n, bufsize))));
            again = n > 0 && a.value("repeat").toBool();
            if (again) emitCall(step, stepIndex);
        }
    } else if (call == QLatin1String("sendto")) {
        if (!needFd()) return;
        Address addr;
        if (!makeAddress(a.value("addr").toString(), a.value("port").toInt(), addr)) {
            emitReturn(step, stepIndex, -1, EINVAL);
            return;
        }
        const QByteArray data = dataArg(a);
        const ssize_t n = ::sendto(fd, data.constData(), size_t(data.size()), MSG_NOSIGNAL,
                                   reinterpret_cast<const sockaddr*>(&addr.ss), addr.len);
        const int err = errno;
        emitReturn(step, stepIndex, n, n < 0 ? err : 0, afterCall(step.socket));
    } else if (call == QLatin1String("shutdown")) {
        if (!needFd()) return;
        const QString how = a.value("how", QStringLiteral("SHUT_WR")).toString();
        const int h = how == QLatin1String("SHUT_RD") ? SHUT_RD : how == QLatin1String("SHUT_RDWR") ? SHUT_RDWR : SHUT_WR;
        const int rc = ::shutdown(fd, h);
        const int err = errno;
        emitReturn(step, stepIndex, rc, rc < 0 ? err : 0, afterCall(step.socket));
    } else if (call == QLatin1String("close")) {
        if (!needFd()) return;
        const QVariantMap ports = afterCall(step.socket); // the ports, while they can still be read
        int rc = 0, err = 0;
        {
            std::lock_guard lock(m_mutex);
            const auto it = m_fds.find(step.socket);
            rc = ::close(it->second.release()); // close()'s own result is what the step shows
            err = errno;
            m_fds.erase(it);
        }
        m_rec.socketClosed(m_name, step.socket);
        probeSockets();
        emitReturn(step, stepIndex, rc, rc < 0 ? err : 0, ports);
    } else if (call == QLatin1String("sleep")) {
        std::this_thread::sleep_for(std::chrono::milliseconds(a.value("ms").toInt()));
        emitReturn(step, stepIndex, 0, 0);
    } else if (call == QLatin1String("wait_readable")) {
        if (!needFd()) return;
        // Stands for the lesson's time.sleep(): wait until the bytes are in
        // the receive queue, so every run teaches the same thing.
        const int want = a.value("bytes").toInt();
        int inq = 0;
        for (int i = 0; i < 600; ++i) {
            if (::ioctl(fd, SIOCINQ, &inq) == 0 && inq >= want) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        QVariantMap values = afterCall(step.socket);
        values.insert("inq", inq);
        emitReturn(step, stepIndex, inq, inq >= want ? 0 : ETIMEDOUT, values);
    } else {
        emitReturn(step, stepIndex, -1, ENOSYS);
    }
}

} // namespace socklab
