#include "DoctorVerb.h"

#include "SystemDoctor.h"

#include <QCoreApplication>
#include <QTextStream>

namespace socklab {

namespace {

// The words of `socklab doctor` (translation context "Doctor").
struct Doctor {
    Q_DECLARE_TR_FUNCTIONS(Doctor)
};

QString modeLine(const DoctorReport& r)
{
    switch (r.mode) {
    case CaptureMode::Namespace:
        return Doctor::tr("capture mode: namespace (a private network namespace; its packets are captured, no root needed)");
    case CaptureMode::Host:
        return Doctor::tr("capture mode: host (the host's loopback, with capture permission; other programs' traffic on it is visible)");
    case CaptureMode::StatesOnly:
        return Doctor::tr("capture mode: states-only (no packets are captured: states come from the kernel, segments are derived and marked so)");
    }
    return {};
}

QString whyLine(const DoctorReport& r)
{
    if (r.forced) return Doctor::tr("because SOCKLAB_CAPTURE or --capture asks for it");
    switch (r.mode) {
    case CaptureMode::Namespace: return Doctor::tr("because this system lets socklab make a private lab of its own");
    case CaptureMode::Host:
        return Doctor::tr("because no private lab can be made here, but socklab may capture on the host's loopback");
    case CaptureMode::StatesOnly:
        return Doctor::tr("because neither a private lab nor capture on the host's loopback is possible here (see the checks that failed)");
    }
    return {};
}

QString checkName(DoctorCheckId id)
{
    switch (id) {
    case DoctorCheckId::UserNamespace: return Doctor::tr("user namespaces");
    case DoctorCheckId::AppArmor: return Doctor::tr("AppArmor");
    case DoctorCheckId::NetworkNamespace: return Doctor::tr("private network namespace");
    case DoctorCheckId::LabCapture: return Doctor::tr("capture in the private lab");
    case DoctorCheckId::HostCapture: return Doctor::tr("CAP_NET_RAW on the host");
    case DoctorCheckId::SockDiag: return Doctor::tr("sock_diag (states, queues, TIME_WAIT)");
    case DoctorCheckId::Tun: return Doctor::tr("/dev/net/tun");
    case DoctorCheckId::Python3: return Doctor::tr("Python 3");
    case DoctorCheckId::Wire: return Doctor::tr("wire (NFQUEUE on the lab's loopback, iptables-nft)");
    }
    return {};
}

QString finding(const DoctorCheck& c)
{
    const QString& v = c.value;
    switch (c.id) {
    case DoctorCheckId::UserNamespace:
        if (v == QLatin1String("root")) return Doctor::tr("not needed: socklab runs as root");
        if (c.ok) return Doctor::tr("allowed: socklab runs in one of its own");
        return Doctor::tr("refused (%1)").arg(v);
    case DoctorCheckId::AppArmor:
        if (v == QLatin1String("absent")) return Doctor::tr("no restriction of user namespaces on this kernel");
        if (v == QLatin1String("off")) return Doctor::tr("the restriction of user namespaces is switched off");
        if (v == QLatin1String("profile")) return Doctor::tr("user namespaces are restricted, and socklab's profile allows them");
        return Doctor::tr("user namespaces are restricted, and socklab runs without its profile (confinement: %1)").arg(v);
    case DoctorCheckId::NetworkNamespace:
        return c.ok ? Doctor::tr("can be made") : Doctor::tr("cannot be made (%1)").arg(v);
    case DoctorCheckId::LabCapture:
        if (c.ok) return Doctor::tr("works");
        if (v == QLatin1String("no-namespace")) return Doctor::tr("impossible without a private network namespace");
        return Doctor::tr("refused (%1)").arg(v);
    case DoctorCheckId::HostCapture:
        if (c.ok) return Doctor::tr("yes: socklab may capture on the host's loopback");
        return c.needed ? Doctor::tr("no (%1)").arg(v) : Doctor::tr("no (%1); not needed while the private lab captures").arg(v);
    case DoctorCheckId::SockDiag:
        return c.ok ? Doctor::tr("answers") : Doctor::tr("does not answer: no states, queues or TIME_WAIT timers");
    case DoctorCheckId::Tun:
        return c.ok ? Doctor::tr("usable") : Doctor::tr("not usable (%1): only a wire between two lab hosts needs it").arg(v);
    case DoctorCheckId::Python3:
        return c.ok ? v : Doctor::tr("not found: needed to run the lesson's programs and your own (socklab lab -- python3 …)");
    case DoctorCheckId::Wire:
        if (c.ok) return Doctor::tr("works: socklab lab --wire can drop, hold and delay the lab's packets");
        if (v == QLatin1String("no-namespace")) return Doctor::tr("impossible without a private network namespace");
        if (v == QLatin1String("no-iptables")) return Doctor::tr("iptables-nft not found: socklab lab --wire cannot divert packets");
        return Doctor::tr("does not work here (%1): socklab lab --wire is unavailable").arg(v);
    }
    return {};
}

QString fixText(const DoctorCheck& c, bool asRoot)
{
    const QString sudo = asRoot ? QString() : QStringLiteral("sudo ");
    auto keep = [&](const char* setting) {
        return Doctor::tr("%1sysctl -w %2 (to keep it after a reboot: echo %2 | %3tee /etc/sysctl.d/60-socklab.conf)")
            .arg(sudo, QLatin1String(setting), sudo);
    };
    switch (c.fix) {
    case DoctorFix::None: return {};
    case DoctorFix::SysctlUnprivilegedUsernsClone: return keep("kernel.unprivileged_userns_clone=1");
    case DoctorFix::SysctlMaxUserNamespaces: return keep("user.max_user_namespaces=15000");
    case DoctorFix::AppArmorLoadProfile:
        return Doctor::tr("load socklab's AppArmor profile: %1apparmor_parser -r %2").arg(sudo, c.fixArg);
    case DoctorFix::AppArmorUseInstalled:
        return Doctor::tr("run %1: socklab's AppArmor profile applies to that program only").arg(c.fixArg);
    case DoctorFix::AppArmorInstallProfile:
        return Doctor::tr("install the socklab package (%1apt-get install ./socklab_*.deb): its AppArmor profile %2 "
                  "allows user namespaces; or, for every program: %1sysctl -w kernel.apparmor_restrict_unprivileged_userns=0")
            .arg(sudo, c.fixArg);
    case DoctorFix::RootOrContainer:
        return Doctor::tr("this system's policy refuses it (a container or a seccomp filter): allow user namespaces there, "
                  "or run socklab as root");
    case DoctorFix::SetcapNetRaw:
        return Doctor::tr("only if no private lab can be made: %1setcap cap_net_raw+ep %2").arg(sudo, c.fixArg);
    case DoctorFix::ModprobeTun: return Doctor::tr("%1modprobe tun").arg(sudo);
    case DoctorFix::ChmodTun: return Doctor::tr("%1chmod 0666 /dev/net/tun (what desktop systems do)").arg(sudo);
    case DoctorFix::InstallPackage: return Doctor::tr("%1apt-get install %2").arg(sudo, c.fixArg);
    }
    return {};
}

int usageError(const QString& line)
{
    QTextStream(stderr) << "socklab: " << line << '\n';
    return 2;
}

} // namespace

int runDoctorVerb(const QStringList& args, uid_t startEuid)
{
    DoctorInput in;
    in.startEuid = startEuid;
    in.forced = qEnvironmentVariable("SOCKLAB_CAPTURE");
    in.binary = QCoreApplication::applicationFilePath();
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--capture") && i + 1 < args.size()) {
            in.forced = args[++i];
        } else if (args[i] == QLatin1String("--capture")) {
            return usageError(Doctor::tr("--capture needs namespace, host or states-only"));
        } else {
            return usageError(Doctor::tr("doctor takes no arguments but --capture MODE (got \"%1\")").arg(args[i]));
        }
    }
    if (!in.forced.isEmpty() && in.forced != QLatin1String("namespace") && in.forced != QLatin1String("host")
        && in.forced != QLatin1String("states-only"))
        return usageError(Doctor::tr("unknown capture mode \"%1\" (namespace, host or states-only)").arg(in.forced));

    const DoctorReport r = SystemDoctor::examine(in);
    QString out = r.canRun ? modeLine(r) + '\n' + QStringLiteral("  ") + whyLine(r) + '\n'
                           : Doctor::tr("capture mode: none (%1 was asked for with SOCKLAB_CAPTURE or --capture)")
                                     .arg(in.forced)
                                 + '\n';
    QStringList fixesShown; // one fix often mends several checks: say it once
    for (const DoctorCheck& c : r.checks) {
        const bool optional = c.id == DoctorCheckId::Tun || c.id == DoctorCheckId::Python3 || c.id == DoctorCheckId::Wire;
        const QString mark = c.ok ? Doctor::tr("ok") : c.needed ? Doctor::tr("FAIL") : Doctor::tr("--");
        out += QStringLiteral("  %1 %2: %3\n")
                   .arg(QStringLiteral("[%1]").arg(mark).leftJustified(6), checkName(c.id), finding(c));
        const QString fix = fixText(c, r.asRoot);
        if (c.ok || !(c.needed || optional) || fix.isEmpty()) continue;
        out += QStringLiteral("         ")
               + (fixesShown.contains(fix) ? Doctor::tr("fix: the same as above") : Doctor::tr("fix: %1").arg(fix)) + '\n';
        fixesShown << fix;
    }
    if (r.canRun) {
        for (const DoctorCheck& c : r.checks)
            if (c.id == DoctorCheckId::NetworkNamespace && !c.ok)
                out += Doctor::tr("without the private lab the lessons run on the host's loopback, on free ports; "
                                  "your own programs (socklab lab, Run my programs…) need the lab.")
                       + '\n';
        out += r.mode == CaptureMode::StatesOnly && !r.forced
                   ? Doctor::tr("socklab works here, without packets: the fixes above give it real captured segments.") + '\n'
                   : Doctor::tr("socklab works here.") + '\n';
    } else {
        out += Doctor::tr("socklab cannot run scenarios here: the capture mode asked for is not available (see the checks that failed).")
               + '\n';
    }
    QTextStream stream(stdout);
    stream << out;
    stream.flush();
    return r.canRun ? 0 : 1;
}

} // namespace socklab
