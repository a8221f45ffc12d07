#include "Lab.h"

#include <QByteArray>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <net/if.h>
#include <pcap/pcap.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace socklab {

namespace {

QString g_processNote; // written once in prepareProcess(), before any thread exists

QString sysError(const char* what, int err)
{
    return QStringLiteral("%1: %2").arg(QLatin1String(what), QString::fromLocal8Bit(strerror(err)));
}

bool writeFile(const char* path, const QByteArray& text)
{
    const int fd = ::open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) return false;
    const bool ok = ::write(fd, text.constData(), size_t(text.size())) == text.size();
    ::close(fd);
    return ok;
}

bool setInterfaceUp(const char* name, QString* why)
{
    const int s = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (s < 0) {
        *why = sysError("socket", errno);
        return false;
    }
    ifreq req{};
    std::strncpy(req.ifr_name, name, IFNAMSIZ - 1);
    bool ok = ::ioctl(s, SIOCGIFFLAGS, &req) == 0;
    req.ifr_flags |= IFF_UP | IFF_RUNNING;
    ok = ok && ::ioctl(s, SIOCSIFFLAGS, &req) == 0;
    if (!ok) *why = sysError("bringing lo up", errno);
    ::close(s);
    return ok;
}

// An alias address on lo ("lo:1"): exists only inside the lab's namespace.
bool addAddress(const char* label, const char* addr)
{
    const int s = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (s < 0) return false;
    ifreq req{};
    std::strncpy(req.ifr_name, label, IFNAMSIZ - 1);
    auto* sin = reinterpret_cast<sockaddr_in*>(&req.ifr_addr);
    sin->sin_family = AF_INET;
    ::inet_pton(AF_INET, addr, &sin->sin_addr);
    bool ok = ::ioctl(s, SIOCSIFADDR, &req) == 0;
    inet_pton(AF_INET, "255.255.255.255", &sin->sin_addr);
    ok = ok && ::ioctl(s, SIOCSIFNETMASK, &req) == 0;
    ::close(s);
    return ok;
}

} // namespace

QString captureModeName(CaptureMode m)
{
    switch (m) {
    case CaptureMode::Namespace: return QStringLiteral("namespace");
    case CaptureMode::Host: return QStringLiteral("host");
    case CaptureMode::StatesOnly: return QStringLiteral("states-only");
    }
    return {};
}

void Lab::prepareProcess()
{
    // Real root may create network namespaces directly; keep its identity.
    if (::geteuid() == 0) return;
    const uid_t uid = ::geteuid();
    const gid_t gid = ::getegid();
    if (::unshare(CLONE_NEWUSER) != 0) {
        g_processNote = sysError("unshare(CLONE_NEWUSER)", errno);
        return;
    }
    // Map ourselves to root inside; "deny" is required before an unprivileged gid_map.
    writeFile("/proc/self/setgroups", "deny");
    const bool ok = writeFile("/proc/self/uid_map", QByteArray("0 ") + QByteArray::number(uid) + " 1")
                    && writeFile("/proc/self/gid_map", QByteArray("0 ") + QByteArray::number(gid) + " 1");
    if (!ok) g_processNote = sysError("writing uid_map/gid_map", errno);
}

QString Lab::processNote() { return g_processNote; }

Lab::Lab(const QString& forced)
{
    if (!forced.isEmpty() && forced != QLatin1String("namespace") && forced != QLatin1String("host")
        && forced != QLatin1String("states-only")) {
        m_error = QStringLiteral("unknown capture mode \"%1\" (namespace, host or states-only)").arg(forced);
        return;
    }
    QString why;
    if (forced.isEmpty() || forced == QLatin1String("namespace")) {
        bool captureOk = false;
        if (createNamespace(&captureOk, &why)) {
            // A namespace without capture still keeps the sockets private.
            m_mode = captureOk ? CaptureMode::Namespace : CaptureMode::StatesOnly;
            m_reason = why;
            if (!captureOk && forced == QLatin1String("namespace"))
                m_error = QStringLiteral("no capture in the private namespace: %1").arg(why);
            return;
        }
        m_reason = why;
        if (forced == QLatin1String("namespace")) {
            m_error = QStringLiteral("cannot create a private network namespace: %1").arg(why);
            return;
        }
    }
    if (forced.isEmpty() || forced == QLatin1String("host")) {
        if (captureWorks(&why)) {
            m_mode = CaptureMode::Host;
            return;
        }
        m_reason += (m_reason.isEmpty() ? QString() : QStringLiteral("; ")) + why;
        if (forced == QLatin1String("host")) {
            m_error = QStringLiteral("cannot capture on the host loopback: %1").arg(why);
            return;
        }
    }
    m_mode = CaptureMode::StatesOnly;
    // Even without capture, keep the sockets private when we can.
    if (forced == QLatin1String("states-only")) {
        bool captureOk = false;
        QString ignored;
        createNamespace(&captureOk, &ignored);
        m_reason = QStringLiteral("states-only was asked for");
    }
}

Lab::~Lab()
{
    if (m_netns >= 0) ::close(m_netns);
}

bool Lab::createNamespace(bool* captureOk, QString* why)
{
    // unshare(CLONE_NEWNET) moves only the calling thread; doing it on a
    // short-lived thread leaves every other thread where it was, and the
    // namespace lives on as long as we hold its descriptor.
    bool ok = false;
    std::thread t([&] {
        if (::unshare(CLONE_NEWNET) != 0) {
            *why = sysError("unshare(CLONE_NEWNET)", errno);
            if (!g_processNote.isEmpty()) *why += QStringLiteral(" (") + g_processNote + ')';
            return;
        }
        m_netns = ::open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
        if (m_netns < 0) {
            *why = sysError("open /proc/thread-self/ns/net", errno);
            return;
        }
        if (!setInterfaceUp("lo", why)) return;
        if (addAddress("lo:1", "192.0.2.1")) m_second = QStringLiteral("192.0.2.1");
        ok = true;
        *captureOk = captureWorks(why);
    });
    t.join();
    if (!ok && m_netns >= 0) {
        ::close(m_netns);
        m_netns = -1;
    }
    return ok;
}

bool Lab::captureWorks(QString* why)
{
    char err[PCAP_ERRBUF_SIZE] = {};
    pcap_t* p = pcap_create("lo", err);
    if (!p) {
        *why = QStringLiteral("capture: %1").arg(QString::fromLocal8Bit(err));
        return false;
    }
    const int rc = pcap_activate(p);
    if (rc < 0) *why = QStringLiteral("capture on lo: %1").arg(QString::fromLocal8Bit(pcap_geterr(p)));
    pcap_close(p);
    return rc >= 0;
}

bool Lab::enterThisThread(QString* error) const
{
    if (m_netns < 0) return true;
    if (::setns(m_netns, CLONE_NEWNET) == 0) return true;
    if (error) *error = sysError("setns", errno);
    return false;
}

} // namespace socklab
