#include "LabVerb.h"

#include "HostAttach.h"
#include "ProgramLab.h"
#include "TextFormatter.h"
#include "TimelineJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <poll.h>
#include <thread>
#include <unistd.h>

namespace socklab {

namespace {

int fail(int code, const QString& line)
{
    QTextStream(stderr) << "socklab: " << line << '\n';
    return code;
}

// The lines socklab adds to `run`'s format: what the programs printed and did.
QString programLine(const Event& e)
{
    const NoteData* n = e.note();
    if (!n) return formatEvent(Timeline(), e);
    const QString who = e.actor.leftJustified(7);
    if (n->code == QLatin1String("program-output"))
        return QStringLiteral("%1 %2 %3").arg(who, n->args.value("stream") == QLatin1String("stderr") ? "!" : "|",
                                              n->args.value("text").toString());
    if (n->code == QLatin1String("program-input"))
        return QStringLiteral("%1 < %2").arg(who, n->args.value("text").toString().trimmed());
    if (n->code == QLatin1String("program-start"))
        return QStringLiteral("%1 started: %2 (pid %3)").arg(who, n->args.value("command").toString())
            .arg(n->args.value("pid").toLongLong());
    if (n->code == QLatin1String("program-exit")) return QStringLiteral("%1 %2").arg(who, n->args.value("text").toString());
    if (n->code == QLatin1String("program-failed")) return QStringLiteral("%1 %2").arg(who, n->args.value("error").toString());
    if (n->code == QLatin1String("stopping"))
        return QStringLiteral("stopping %1 with SIGTERM (%2)")
            .arg(n->args.value("running").toStringList().join(", "),
                 n->args.value("reason") == QLatin1String("last-exited") ? QStringLiteral("the last program has exited")
                                                                          : n->args.value("reason").toString());
    if (n->code == QLatin1String("killed")) return QStringLiteral("%1 killed with SIGKILL").arg(who);
    if (n->code == QLatin1String("no-socket")) return QStringLiteral("%1 note: never opened a TCP or UDP socket").arg(who);
    if (n->code == QLatin1String("attach-states-only"))
        return QStringLiteral("note: %1 (%2)").arg(n->args.value("text").toString(), n->args.value("reason").toString());
    if (n->code == QLatin1String("attach-nothing-seen"))
        return QStringLiteral("note: nothing used port %1 on the loopback").arg(n->args.value("port").toInt());
    if (n->code == QLatin1String("non-loopback-listen"))
        return QStringLiteral("%1 note: listens on %2:%3 (not loopback; inside the lab nothing outside can reach it)")
            .arg(who, n->args.value("address").toString()).arg(n->args.value("port").toInt());
    return formatEvent(Timeline(), e);
}

// socklab's own stdin goes to the last program (the client, typically).
void forwardStdin(ProgramLab& lab, int program, bool& open)
{
    if (!open || !lab.started(program)) return;
    pollfd p{0, POLLIN, 0};
    if (::poll(&p, 1, 0) <= 0) return;
    char buf[4096];
    const ssize_t n = ::read(0, buf, sizeof buf);
    if (n > 0) {
        lab.writeStdin(program, QByteArray(buf, n));
        return;
    }
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) return;
    open = false;
    lab.closeStdin(program);
}

std::atomic<bool> g_interrupted{false};

void onInterrupt(int) { g_interrupted = true; }

void printTimeline(const Timeline& tl, const QString& captureLine, bool json, const QStringList& problems,
                   const QStringList& warnings)
{
    QTextStream out(stdout);
    if (json) {
        QJsonObject doc = timelineToJson(tl);
        doc.insert("problems", QJsonArray::fromStringList(problems));
        doc.insert("warnings", QJsonArray::fromStringList(warnings));
        out << QJsonDocument(doc).toJson(QJsonDocument::Indented);
    } else {
        out << captureLine << '\n';
        for (const Event& e : tl.events()) {
            const QString text = programLine(e);
            if (!text.isEmpty()) out << QStringLiteral("%1  %2\n").arg(double(e.tUs) / 1e6, 10, 'f', 6).arg(text);
        }
    }
    out.flush();
    for (const QString& w : warnings)
        QTextStream(stderr) << "socklab: note: " << w << '\n';
}

// `lab --attach PORT`: observe programs already running on the host until the
// timeout or Ctrl-C; observation only, nothing is sent to them.
int runAttach(const QString& target, bool json, HostAttachOptions options)
{
    QString error;
    if (!HostAttach::parseTarget(target, &options.port, &options.address, &error)) return fail(2, error);
    HostAttach attach(options);
    if (!attach.start(&error)) return fail(1, error);
    struct sigaction sa{};
    sa.sa_handler = onInterrupt;
    ::sigemptyset(&sa.sa_mask);
    struct sigaction oldInt{}, oldTerm{};
    ::sigaction(SIGINT, &sa, &oldInt);
    ::sigaction(SIGTERM, &sa, &oldTerm);
    attach.runToEnd(&g_interrupted);
    ::sigaction(SIGINT, &oldInt, nullptr);
    ::sigaction(SIGTERM, &oldTerm, nullptr);
    const Timeline& tl = attach.timeline();
    const QString where = options.address.isEmpty() ? QStringLiteral("loopback") : options.address;
    const QString line = attach.capturing()
        ? QStringLiteral("capture: host (host loopback, packets of port %1 on %2 only)").arg(options.port).arg(where)
        : QStringLiteral("capture: states-only (%1)").arg(HostAttach::statesOnlyText());
    printTimeline(tl, line, json, {}, attach.warnings());
    if (attach.socketsSeen() == 0 && tl.countOf(EventKind::Segment) + tl.countOf(EventKind::Datagram) == 0)
        return fail(1, QStringLiteral("nothing observed on port %1: is a program listening or connecting there?")
                           .arg(options.port));
    return 0;
}

} // namespace

int runLabVerb(const QStringList& args)
{
    bool json = false;
    QString pcap;
    ProgramLabOptions options;
    options.capture = qEnvironmentVariable("SOCKLAB_CAPTURE");
    QString attachTarget;
    bool attach = false;
    int i = 0;
    for (; i < args.size() && args[i] != QLatin1String("--"); ++i) {
        const QString& a = args[i];
        if (a == QLatin1String("--attach")) {
            if (++i >= args.size() || args[i] == QLatin1String("--"))
                return fail(2, QStringLiteral("--attach needs a port: socklab lab --attach PORT [--timeout S]"));
            attach = true;
            attachTarget = args[i];
        } else if (a == QLatin1String("--json")) {
            json = true;
        } else if (a == QLatin1String("--pcap")) {
            if (++i >= args.size() || args[i] == QLatin1String("--")) return fail(2, QStringLiteral("--pcap needs a file name"));
            options.pcapPath = args[i];
        } else if (a == QLatin1String("--timeout")) {
            bool ok = false;
            const double s = ++i < args.size() ? args[i].toDouble(&ok) : 0;
            if (!ok || s <= 0) return fail(2, QStringLiteral("--timeout needs a number of seconds > 0"));
            options.timeoutMs = int(s * 1000);
        } else {
            return fail(2, QStringLiteral("unknown option for lab: %1 (the programs come after --)").arg(a));
        }
    }
    if (attach) {
        if (i < args.size())
            return fail(2, QStringLiteral("--attach observes programs already running: no command after --"));
        HostAttachOptions a;
        a.durationMs = options.timeoutMs;
        a.pcapPath = options.pcapPath;
        if (options.capture == QLatin1String("states-only") || options.capture == QLatin1String("host"))
            a.capture = options.capture;
        return runAttach(attachTarget, json, a);
    }
    QList<QStringList> commands{{}};
    for (++i; i < args.size(); ++i) {
        if (args[i] == QLatin1String("---")) commands.append(QStringList());
        else commands.last() << args[i];
    }
    if (commands.size() == 1 && commands.first().isEmpty())
        return fail(2, QStringLiteral("lab needs a command: socklab lab -- COMMAND [ARG...] [--- COMMAND ...]"));
    for (const QStringList& c : std::as_const(commands))
        if (c.isEmpty()) return fail(2, QStringLiteral("lab: an empty command (nothing before or after ---)"));

    ProgramLab lab(commands, options);
    QString error;
    if (!lab.start(&error)) return fail(1, error);
    // Only the last program reads socklab's stdin; the others see end-of-file.
    const int reader = int(commands.size()) - 1;
    bool stdinOpen = true;
    int closedUpTo = 0;
    while (lab.poll()) {
        for (; closedUpTo < reader && lab.started(closedUpTo); ++closedUpTo)
            lab.closeStdin(closedUpTo);
        forwardStdin(lab, reader, stdinOpen);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    printTimeline(lab.timeline(), formatCaptureLine(lab.timeline()), json, lab.problems(), lab.warnings());
    if (!lab.problems().isEmpty()) return fail(1, lab.problems().join(QStringLiteral("; ")));
    return 0;
}

} // namespace socklab
