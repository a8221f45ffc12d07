#include "Lab.h"

#include "SysError.h"

#include <QByteArray>
#include <QStringList>

#include <arpa/inet.h>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <net/if.h>
#include <pcap/pcap.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace socklab {

namespace {

QString g_processNote; // written once in prepareProcess(), before any thread exists

QString sysError(const char* what, int err) { return socklab::sysError(QLatin1String(what), err); }

// Writes `text` to a /proc file in one write(); 0, or the errno of what failed.
int writeFile(const char* path, const QByteArray& text)
{
    const UniqueFd fd(::open(path, O_WRONLY | O_CLOEXEC));
    if (!fd) return errno;
    const ssize_t n = ::write(fd.get(), text.constData(), size_t(text.size()));
    if (n < 0) return errno;
    return n == text.size() ? 0 : EIO;
}

// A /proc number of the calling thread's namespace ("-262144"), or `fallback`.
long readNumber(const char* path, long fallback)
{
    const UniqueFd fd(::open(path, O_RDONLY | O_CLOEXEC));
    if (!fd) return fallback;
    char buf[32] = {};
    const ssize_t n = ::read(fd.get(), buf, sizeof buf - 1);
    if (n <= 0) return fallback;
    char* end = nullptr;
    const long v = std::strtol(buf, &end, 10);
    return end == buf ? fallback : v;
}

// Leaves the calling thread in a new network namespace with socket hash
// tables of its own (Linux >= 6.1 for TCP, 6.2 for UDP) when the kernel has
// them. A namespace made the usual way shares the host's: its TCP table has
// as many buckets as the machine's memory gives (262,144 here), and every
// sock_diag dump the lab makes walks all of them. Polled every 10 ms during a
// 1 GiB download that was 14 % of all the CPU the session used, taken from the
// programs and the capture. A namespace's own sizes are inherited from the one
// it is made in, so the thread first goes to a stepping-stone namespace, sets
// them there and makes the lab's from it; the stepping stone is gone once the
// thread has left it. The lab then allows as many TIME_WAIT sockets as any
// namespace on this machine (a smaller table would lower that limit).
// 0 or the errno of unshare().
int unshareWithOwnTables()
{
    if (::unshare(CLONE_NEWNET) != 0) return errno;
    const long twBuckets = readNumber("/proc/sys/net/ipv4/tcp_max_tw_buckets", -1);
    const bool tcp = writeFile("/proc/sys/net/ipv4/tcp_child_ehash_entries", "4096") == 0;
    const bool udp = writeFile("/proc/sys/net/ipv4/udp_child_hash_entries", "1024") == 0;
    if (!tcp && !udp) return 0; // an older kernel: the stepping stone is the lab
    const UniqueFd stone(::open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC));
    if (!stone) return 0;
    if (::unshare(CLONE_NEWNET) != 0) return 0; // stay in the stepping stone: a lab all the same
    if (tcp && twBuckets > 0
        && writeFile("/proc/sys/net/ipv4/tcp_max_tw_buckets", QByteArray::number(qlonglong(twBuckets))) != 0)
        ::setns(stone.get(), CLONE_NEWNET); // TIME_WAIT would behave otherwise: use the ordinary one
    return 0;
}

// One ioctl socket of the namespace the calling thread is in.
UniqueFd ioctlSocket() { return UniqueFd(::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0)); }

bool setInterfaceUp(const char* name, QString* why)
{
    const UniqueFd s = ioctlSocket();
    if (!s) {
        *why = sysError("socket", errno);
        return false;
    }
    ifreq req{};
    std::strncpy(req.ifr_name, name, IFNAMSIZ - 1);
    if (::ioctl(s.get(), SIOCGIFFLAGS, &req) != 0) {
        *why = sysError("SIOCGIFFLAGS lo", errno);
        return false;
    }
    req.ifr_flags |= IFF_UP | IFF_RUNNING;
    if (::ioctl(s.get(), SIOCSIFFLAGS, &req) != 0) {
        *why = sysError("bringing lo up (SIOCSIFFLAGS)", errno);
        return false;
    }
    return true;
}

// An alias address on lo ("lo:1"): exists only inside the lab's namespace.
bool addAddress(const char* label, const char* addr)
{
    const UniqueFd s = ioctlSocket();
    if (!s) return false;
    ifreq req{};
    std::strncpy(req.ifr_name, label, IFNAMSIZ - 1);
    auto* sin = reinterpret_cast<sockaddr_in*>(&req.ifr_addr);
    sin->sin_family = AF_INET;
    if (::inet_pton(AF_INET, addr, &sin->sin_addr) != 1) return false;
    if (::ioctl(s.get(), SIOCSIFADDR, &req) != 0) return false;
    ::inet_pton(AF_INET, "255.255.255.255", &sin->sin_addr);
    return ::ioctl(s.get(), SIOCSIFNETMASK, &req) == 0;
}

// The steps of entering a user namespace mapped to ourselves; on failure, which
// step failed and its errno.
struct UserNsResult {
    const char* step = nullptr; // nullptr: all done
    int err = 0;
};

// The maps' texts, made before any fork(): a child of a threaded process may
// not allocate.
struct UserNsMaps {
    QByteArray uidMap, gidMap;
};

UserNsMaps mapsOf(uid_t uid, gid_t gid)
{
    return {QByteArray("0 ") + QByteArray::number(uid) + " 1", QByteArray("0 ") + QByteArray::number(gid) + " 1"};
}

UserNsResult enterMappedUserNamespace(const UserNsMaps& maps)
{
    if (::unshare(CLONE_NEWUSER) != 0) return {"unshare(CLONE_NEWUSER)", errno};
    // "deny" is required before an unprivileged gid_map; a kernel older than
    // 3.19 has no setgroups file and needs none.
    if (const int err = writeFile("/proc/self/setgroups", "deny"); err != 0 && err != ENOENT)
        return {"writing /proc/self/setgroups", err};
    if (const int err = writeFile("/proc/self/uid_map", maps.uidMap)) return {"writing /proc/self/uid_map", err};
    if (const int err = writeFile("/proc/self/gid_map", maps.gidMap)) return {"writing /proc/self/gid_map", err};
    return {};
}

// Tries the whole sequence in a throw-away child first: a user namespace whose
// map cannot be written cannot be left again, and would leave this process
// without an identity (uid 65534, no access to its own files).
UserNsResult trialInChild(const UserNsMaps& maps)
{
    int fds[2] = {-1, -1};
    if (::pipe2(fds, O_CLOEXEC) != 0) return {"pipe2", errno};
    UniqueFd readEnd(fds[0]), writeEnd(fds[1]);
    const pid_t pid = ::fork();
    if (pid < 0) return {"fork", errno};
    if (pid == 0) {
        const UserNsResult r = enterMappedUserNamespace(maps);
        // The step names are literals: the same addresses in parent and child.
        (void)!::write(writeEnd.get(), &r, sizeof r);
        ::_exit(0);
    }
    writeEnd.reset();
    UserNsResult report;
    ssize_t n;
    do n = ::read(readEnd.get(), &report, sizeof report);
    while (n < 0 && errno == EINTR);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (n != ssize_t(sizeof report)) return {"user namespace trial (the child ended without a report)", EIO};
    return report;
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
    g_processNote = enterUserNamespaceAs(::geteuid(), ::getegid());
}

QString Lab::enterUserNamespaceAs(uid_t uid, gid_t gid)
{
    const UserNsMaps maps = mapsOf(uid, gid);
    if (const UserNsResult trial = trialInChild(maps); trial.step) return sysError(trial.step, trial.err);
    if (const UserNsResult r = enterMappedUserNamespace(maps); r.step) return sysError(r.step, r.err);
    return {};
}

QString Lab::processNote() { return g_processNote; }

Lab::Lab(const QString& forced)
{
    if (!forced.isEmpty() && forced != QLatin1String("namespace") && forced != QLatin1String("host")
        && forced != QLatin1String("states-only")) {
        m_error = Problem(QStringLiteral("unknown-capture-mode"), {{"mode", forced}});
        return;
    }
    QString why;
    QStringList reasons; // why each better mode was not possible (what the system said)
    if (forced.isEmpty() || forced == QLatin1String("namespace")) {
        bool captureOk = false;
        if (createNamespace(&captureOk, &why)) {
            // A namespace without capture still keeps the sockets private.
            m_mode = captureOk ? CaptureMode::Namespace : CaptureMode::StatesOnly;
            if (!why.isEmpty()) m_reason = Problem(QStringLiteral("capture-unavailable"), {{"detail", why}});
            if (!captureOk && forced == QLatin1String("namespace"))
                m_error = Problem(QStringLiteral("namespace-no-capture"), {{"detail", why}});
            return;
        }
        reasons << why;
        if (forced == QLatin1String("namespace")) {
            m_error = Problem(QStringLiteral("namespace-failed"), {{"detail", why}});
            return;
        }
    }
    if (forced.isEmpty() || forced == QLatin1String("host")) {
        if (captureWorks(&why)) {
            m_mode = CaptureMode::Host;
            return;
        }
        reasons << why;
        if (forced == QLatin1String("host")) {
            m_error = Problem(QStringLiteral("host-capture-failed"), {{"detail", why}});
            return;
        }
    }
    m_mode = CaptureMode::StatesOnly;
    m_reason = Problem(QStringLiteral("capture-unavailable"), {{"detail", reasons.join(QStringLiteral("; "))}});
    // Even without capture, keep the sockets private when we can.
    if (forced == QLatin1String("states-only")) {
        bool captureOk = false;
        QString ignored;
        createNamespace(&captureOk, &ignored);
        m_reason = Problem(QStringLiteral("states-only-asked"));
    }
}

Lab::~Lab() = default;

bool Lab::createNamespace(bool* captureOk, QString* why)
{
    // unshare(CLONE_NEWNET) moves only the calling thread; doing it on a
    // short-lived thread leaves every other thread where it was, and the
    // namespace lives on as long as we hold its descriptor.
    bool ok = false;
    std::thread t([&] {
        if (const int err = unshareWithOwnTables(); err != 0) {
            *why = sysError("unshare(CLONE_NEWNET)", err);
            if (!g_processNote.isEmpty()) *why += QStringLiteral(" (") + g_processNote + ')';
            return;
        }
        m_netns.reset(::open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC));
        if (!m_netns) {
            *why = sysError("open /proc/thread-self/ns/net", errno);
            return;
        }
        if (!setInterfaceUp("lo", why)) return;
        if (addAddress("lo:1", "192.0.2.1")) m_second = QStringLiteral("192.0.2.1");
        ok = true;
        *captureOk = captureWorks(why);
    });
    t.join();
    if (!ok) m_netns.reset();
    return ok;
}

bool Lab::captureWorks(QString* why)
{
    char err[PCAP_ERRBUF_SIZE] = {};
    pcap_t* p = pcap_create("lo", err);
    if (!p) {
        *why = QStringLiteral("pcap_create(lo): %1").arg(QString::fromLocal8Bit(err));
        return false;
    }
    const int rc = pcap_activate(p);
    if (rc < 0) *why = QStringLiteral("pcap_activate(lo): %1").arg(QString::fromLocal8Bit(pcap_geterr(p)));
    pcap_close(p);
    return rc >= 0;
}

bool Lab::enterThisThread(QString* error) const
{
    if (!m_netns) return true;
    if (::setns(m_netns.get(), CLONE_NEWNET) == 0) return true;
    if (error) *error = sysError("setns", errno);
    return false;
}

} // namespace socklab
