#pragma once
// What this machine lets socklab do, as codes and values (`socklab doctor`
// makes the words): the capture mode `run` would use, each check behind it
// (user namespaces, AppArmor's restriction, a private network namespace and
// capture in it, CAP_NET_RAW on the host, /dev/net/tun, sock_diag, Python 3),
// and for each failing check the fix that applies to this system.

#include "Lab.h"

#include <QList>
#include <QString>

#include <sys/types.h>

namespace socklab {

enum class DoctorCheckId {
    UserNamespace,    // may socklab enter a user namespace of its own (or is it root)?
    AppArmor,         // does AppArmor restrict unprivileged user namespaces, and does a profile lift it?
    NetworkNamespace, // can it make a private network namespace (the lab)?
    LabCapture,       // can it capture (AF_PACKET) on the lab's loopback?
    HostCapture,      // CAP_NET_RAW on the host: capture on the host loopback (the first fallback)
    SockDiag,         // NETLINK_SOCK_DIAG answers: states, queues, TIME_WAIT (also states-only)
    Tun,              // /dev/net/tun can be opened (a wire between two hosts)
    Python3,          // python3 on PATH (the lesson's programs, `socklab lab -- python3 …`)
    Wire,             // one datagram through socklab's wire in a lab (NFQUEUE, iptables-nft): `lab --wire`
};

enum class DoctorFix {
    None,
    SysctlUnprivilegedUsernsClone, // kernel.unprivileged_userns_clone=1 (Debian's switch)
    SysctlMaxUserNamespaces,       // user.max_user_namespaces > 0
    AppArmorLoadProfile,           // the profile is installed but not loaded: apparmor_parser -r `arg`
    AppArmorUseInstalled,          // the profile is loaded for `arg` (/usr/bin/socklab): run that one
    AppArmorInstallProfile,        // no profile: install the socklab package (or lift the sysctl)
    RootOrContainer,               // refused by a container or seccomp policy: run with root or allow userns
    SetcapNetRaw,                  // setcap cap_net_raw+ep `arg` (the socklab binary)
    ModprobeTun,                   // no /dev/net/tun: modprobe tun
    ChmodTun,                      // /dev/net/tun is not openable: chmod 0666 (udev's default on desktops)
    InstallPackage,                // apt-get install `arg`
};

struct DoctorCheck {
    DoctorCheckId id = DoctorCheckId::UserNamespace;
    bool ok = false;
    // Whether this check's failure limits socklab here (a failing fallback is
    // not needed while the private lab captures; Tun and Python3 never stop `run`).
    bool needed = true;
    // What was found: an errno name ("EPERM"), a sysctl's value, a path, an
    // AppArmor label; codes for the words the check is shown with:
    //   UserNamespace: "root" (not needed), "entered", or the errno of unshare(CLONE_NEWUSER)
    //   AppArmor: "absent" (no such restriction), "off", "profile" (ours applies), else the label
    //   NetworkNamespace, LabCapture, HostCapture, Tun: "" when ok, else the errno name
    //   SockDiag: "" or the errno name; Python3: its path, or ""
    //   Wire: "" when it works, "no-namespace", "no-iptables", else what failed (the system's words)
    QString value;
    DoctorFix fix = DoctorFix::None;
    QString fixArg; // a path or package name the fix names
};

struct DoctorInput {
    uid_t startEuid = 0;   // geteuid() before Lab::prepareProcess()
    QString forced;        // SOCKLAB_CAPTURE / --capture, or empty
    QString binary;        // the running socklab (for setcap and the AppArmor profile)
    QString profilePath = QStringLiteral("/etc/apparmor.d/socklab");
    QString profiledBinary = QStringLiteral("/usr/bin/socklab"); // what the profile attaches to
};

struct DoctorReport {
    bool canRun = false;   // a lab could be made in `mode` (scenarios run here)
    CaptureMode mode = CaptureMode::StatesOnly;
    bool forced = false;   // the mode was asked for, not found
    bool asRoot = false;   // started as root: the host fixes need no sudo
    QList<DoctorCheck> checks;

    const DoctorCheck* find(DoctorCheckId id) const;
};

class SystemDoctor
{
public:
    // Runs every check for real in this process (which has already been
    // through Lab::prepareProcess()) and the same Lab a scenario would get.
    static DoctorReport examine(const DoctorInput& input);
};

} // namespace socklab
