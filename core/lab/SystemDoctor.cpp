#include "SystemDoctor.h"

#include "WireProbe.h"

#include "SockDiag.h"

#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <linux/if_ether.h>
#include <sched.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace socklab {

namespace {

DoctorCheck makeCheck(DoctorCheckId id, bool ok = false)
{
    DoctorCheck c;
    c.id = id;
    c.ok = ok;
    return c;
}

QString errnoName(int err)
{
    const char* name = ::strerrorname_np(err);
    return name ? QString::fromLatin1(name) : QString::number(err);
}

// A sysctl's value, or empty when this kernel has no such switch.
QString sysctl(const char* path)
{
    QFile f(QString::fromLatin1(path));
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QString::fromLatin1(f.readAll()).trimmed();
}

QString apparmorLabel()
{
    for (const char* path : {"/proc/self/attr/apparmor/current", "/proc/self/attr/current"}) {
        QFile f(QString::fromLatin1(path));
        if (f.open(QIODevice::ReadOnly)) {
            const QString label = QString::fromLatin1(f.readAll()).trimmed();
            if (!label.isEmpty()) return label;
        }
    }
    return QStringLiteral("unconfined");
}

// errno of unshare(CLONE_NEWUSER) in a child (only async-signal-safe calls
// there: this process may have threads); 0 when it was granted.
int probeUserNamespace()
{
    const pid_t pid = ::fork();
    if (pid < 0) return errno;
    if (pid == 0) ::_exit(::unshare(CLONE_NEWUSER) == 0 ? 0 : errno);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : EINVAL;
}

int probePacketSocket()
{
    const int s = ::socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, htons(ETH_P_ALL));
    if (s < 0) return errno;
    ::close(s);
    return 0;
}

// On a short-lived thread, as the lab does: unshare(CLONE_NEWNET) moves only it,
// and the namespace goes away with it.
void probeNetworkNamespace(int* netnsErr, int* captureErr)
{
    std::thread t([&] {
        *netnsErr = ::unshare(CLONE_NEWNET) == 0 ? 0 : errno;
        *captureErr = *netnsErr == 0 ? probePacketSocket() : -1;
    });
    t.join();
}

// Why unprivileged user namespaces are refused, from this kernel's switches.
DoctorFix userNamespaceCause(const DoctorCheck& apparmor)
{
    if (sysctl("/proc/sys/kernel/unprivileged_userns_clone") == QLatin1String("0"))
        return DoctorFix::SysctlUnprivilegedUsernsClone;
    if (sysctl("/proc/sys/user/max_user_namespaces") == QLatin1String("0")) return DoctorFix::SysctlMaxUserNamespaces;
    if (!apparmor.ok) return apparmor.fix;
    return DoctorFix::RootOrContainer;
}

DoctorCheck checkAppArmor(const DoctorInput& in)
{
    DoctorCheck c = makeCheck(DoctorCheckId::AppArmor);
    const QString restrict = sysctl("/proc/sys/kernel/apparmor_restrict_unprivileged_userns");
    if (restrict.isEmpty()) {
        c.ok = true;
        c.value = QStringLiteral("absent");
        return c;
    }
    if (restrict == QLatin1String("0")) {
        c.ok = true;
        c.value = QStringLiteral("off");
        return c;
    }
    const QString label = apparmorLabel();
    if (label == QLatin1String("socklab") || label.startsWith(QLatin1String("socklab "))) {
        c.ok = true;
        c.value = QStringLiteral("profile");
        return c;
    }
    c.value = label;
    if (!QFileInfo::exists(in.profilePath)) {
        c.fix = DoctorFix::AppArmorInstallProfile;
        c.fixArg = in.profilePath;
    } else if (QFileInfo(in.binary).canonicalFilePath() != QFileInfo(in.profiledBinary).canonicalFilePath()) {
        c.fix = DoctorFix::AppArmorUseInstalled;
        c.fixArg = in.profiledBinary;
    } else {
        c.fix = DoctorFix::AppArmorLoadProfile;
        c.fixArg = in.profilePath;
    }
    return c;
}

} // namespace

const DoctorCheck* DoctorReport::find(DoctorCheckId id) const
{
    for (const DoctorCheck& c : checks)
        if (c.id == id) return &c;
    return nullptr;
}

DoctorReport SystemDoctor::examine(const DoctorInput& in)
{
    DoctorReport r;
    r.asRoot = in.startEuid == 0;
    r.forced = !in.forced.isEmpty();

    const DoctorCheck apparmor = checkAppArmor(in);

    DoctorCheck userns = makeCheck(DoctorCheckId::UserNamespace);
    if (r.asRoot) {
        userns.ok = true;
        userns.value = QStringLiteral("root");
    } else if (Lab::processNote().isEmpty()) {
        userns.ok = true;
        userns.value = QStringLiteral("entered");
    } else {
        const int err = probeUserNamespace();
        userns.ok = err == 0; // granted to a child now: a race with a sysctl change
        userns.value = err == 0 ? QStringLiteral("entered") : errnoName(err);
        if (!userns.ok) userns.fix = userNamespaceCause(apparmor);
    }

    int netnsErr = 0, labCaptureErr = 0;
    probeNetworkNamespace(&netnsErr, &labCaptureErr);
    DoctorCheck netns = makeCheck(DoctorCheckId::NetworkNamespace, netnsErr == 0);
    if (!netns.ok) {
        netns.value = errnoName(netnsErr);
        netns.fix = !userns.ok ? userns.fix : !apparmor.ok ? apparmor.fix : DoctorFix::RootOrContainer;
    }
    DoctorCheck labCapture = makeCheck(DoctorCheckId::LabCapture, labCaptureErr == 0);
    if (labCaptureErr > 0) {
        labCapture.value = errnoName(labCaptureErr);
        labCapture.fix = DoctorFix::RootOrContainer;
    } else if (labCaptureErr < 0) {
        labCapture.value = QStringLiteral("no-namespace");
        labCapture.fix = netns.fix;
    }
    const bool labWorks = netns.ok && labCapture.ok;
    userns.needed = !labWorks;
    DoctorCheck apparmorShown = apparmor;
    apparmorShown.needed = !labWorks;
    labCapture.needed = true;

    DoctorCheck host = makeCheck(DoctorCheckId::HostCapture);
    const int hostErr = probePacketSocket(); // this thread stays in the host's network namespace
    host.ok = hostErr == 0;
    host.needed = !labWorks;
    if (!host.ok) {
        host.value = errnoName(hostErr);
        host.fix = DoctorFix::SetcapNetRaw;
        host.fixArg = in.binary;
    }

    DoctorCheck diag = makeCheck(DoctorCheckId::SockDiag);
    {
        SockDiag d;
        d.tcp({}, false);
        diag.ok = d.isOpen() && d.error().isEmpty();
        if (!diag.ok) diag.value = QStringLiteral("unavailable");
    }

    DoctorCheck tun = makeCheck(DoctorCheckId::Tun);
    tun.needed = false;
    const int fd = ::open("/dev/net/tun", O_RDWR | O_CLOEXEC);
    tun.ok = fd >= 0;
    if (fd >= 0) {
        ::close(fd);
    } else {
        const int err = errno;
        tun.value = errnoName(err);
        tun.fix = err == ENOENT || err == ENODEV || err == ENXIO ? DoctorFix::ModprobeTun : DoctorFix::ChmodTun;
    }

    DoctorCheck python = makeCheck(DoctorCheckId::Python3);
    python.needed = false;
    python.value = QStandardPaths::findExecutable(QStringLiteral("python3"));
    python.ok = !python.value.isEmpty();
    if (!python.ok) {
        python.fix = DoctorFix::InstallPackage;
        python.fixArg = QStringLiteral("python3");
    }

    r.checks = {userns, apparmorShown, netns, labCapture, host, diag, tun, python};

    // The very lab a scenario would get decides the mode.
    const Lab lab(in.forced);
    r.canRun = lab.ok();
    r.mode = lab.mode();

    DoctorCheck wire = makeCheck(DoctorCheckId::Wire);
    wire.needed = false; // only `socklab lab --wire` and the wire scenarios need it
    wire.value = WireProbe::run(lab);
    wire.ok = wire.value.isEmpty();
    if (wire.value == QLatin1String("no-iptables")) {
        wire.fix = DoctorFix::InstallPackage;
        wire.fixArg = QStringLiteral("iptables");
    }
    r.checks.append(wire);
    return r;
}

} // namespace socklab
