#include "LabVerb.h"

#include "CallLines.h"
#include "HostAttach.h"
#include "OutputPath.h"
#include "ProblemText.h"
#include "ProgramLab.h"
#include "TextFormatter.h"
#include "TimelineJson.h"
#include "TimelineJsonWriter.h"
#include "PayloadOption.h"
#include "WireOption.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <memory>
#include <poll.h>
#include <thread>
#include <unistd.h>

namespace socklab {

namespace {

struct Words {
    Q_DECLARE_TR_FUNCTIONS(LabVerb)
};

int fail(int code, const QString& line)
{
    QTextStream(stderr) << "socklab: " << line << '\n';
    return code;
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


int g_payload = kDefaultJsonPayload; // --payload

void printTimeline(const Timeline& tl, const QString& captureLine, bool json, const ProblemList& problems,
                   const ProblemList& warnings)
{
    QTextStream out(stdout);
    if (json) {
        // Streamed: a long capture is never one document in memory (issue 12).
        out.flush();
        writeTimelineJson(tl, {.payloadLimit = g_payload},
                          {{"problems", problemsJson(problems)}, {"warnings", problemsJson(warnings)}},
                          QJsonDocument::Indented, stdout);
    } else {
        out << captureLine << '\n';
        CallLines calls;
        for (const Event& e : tl.events()) {
            const QString text = e.call() || e.ret() ? calls.format(e) : formatEvent(tl, e);
            if (!text.isEmpty()) out << QStringLiteral("%1  %2\n").arg(double(e.tUs) / 1e6, 10, 'f', 6).arg(text);
        }
    }
    out.flush();
    for (const Problem& w : warnings)
        QTextStream(stderr) << "socklab: " << Words::tr("note: %1").arg(problemText(w)) << '\n';
    if (const QString loss = captureLossLine(tl); !loss.isEmpty()) QTextStream(stderr) << "socklab: " << loss << '\n';
}

// `lab --attach PORT`: observe programs already running on the host until the
// timeout or Ctrl-C; observation only, nothing is sent to them. A signal
// (StopOnSignal's `stop`) is the normal end of the observation: what was seen
// is printed and the exit code is the observation's own.
int runAttach(const QString& target, bool json, HostAttachOptions options, std::atomic<int>* stop)
{
    Problem error;
    if (!HostAttach::parseTarget(target, &options.port, &options.address, &error)) return fail(2, problemText(error));
    HostAttach attach(options);
    if (!attach.start(&error)) return fail(1, problemText(error));
    attach.runToEnd(stop);
    if (stop) stop->store(0); // told as the observation's end, not as an interruption
    const Timeline& tl = attach.timeline();
    const QString where = options.address.isEmpty() ? Words::tr("loopback") : options.address;
    const QString line = attach.capturing()
        ? Words::tr("capture: host (host loopback, packets of port %1 on %2 only)").arg(options.port).arg(where)
        : Words::tr("capture: states-only (no capture permission on the host: states from sock_diag only)");
    printTimeline(tl, line, json, {}, attach.warnings());
    if (attach.socketsSeen() == 0 && tl.countOf(EventKind::Segment) + tl.countOf(EventKind::Datagram) == 0)
        return fail(1, Words::tr("nothing observed on port %1: is a program listening or connecting there?")
                           .arg(options.port));
    return 0;
}

} // namespace

QJsonArray problemsJson(const ProblemList& list)
{
    QJsonArray out; // as before: a list of strings
    for (const Problem& p : list)
        out.append(problemText(p));
    return out;
}

int runLabVerb(const QStringList& args, std::atomic<int>* stop)
{
    bool json = false;
    QString pcap;
    ProgramLabOptions options;
    options.capture = qEnvironmentVariable("SOCKLAB_CAPTURE");
    QString attachTarget, savePath;
    bool attach = false;
    int i = 0;
    for (; i < args.size() && args[i] != QLatin1String("--"); ++i) {
        const QString& a = args[i];
        if (a == QLatin1String("--attach")) {
            if (++i >= args.size() || args[i] == QLatin1String("--"))
                return fail(2, Words::tr("--attach needs a port: socklab lab --attach PORT [--timeout S]"));
            attach = true;
            attachTarget = args[i];
        } else if (a == QLatin1String("--no-gate")) {
            options.gate = false;
        } else if (a == QLatin1String("--wire")) {
            QString err;
            if (++i >= args.size() || args[i] == QLatin1String("--"))
                return fail(2, problemText(Problem(QStringLiteral("wire-spec-empty"))));
            if (!parseWireOption(args[i], &options.wire, &err)) return fail(2, err);
        } else if (a == QLatin1String("--json")) {
            json = true;
        } else if (a == QLatin1String("--pcap")) {
            if (++i >= args.size() || args[i] == QLatin1String("--")) return fail(2, Words::tr("--pcap needs a file name"));
            options.pcapPath = args[i];
        } else if (a == QLatin1String("--save")) {
            if (++i >= args.size() || args[i] == QLatin1String("--"))
                return fail(2, QCoreApplication::translate("Replay", "--save needs a file name"));
            savePath = args[i];
        } else if (a == QLatin1String("--payload")) {
            QString err;
            if (++i >= args.size() || !parsePayloadOption(args[i], &g_payload, &err))
                return fail(2, err.isEmpty() ? QCoreApplication::translate("PayloadOption", "--payload needs a number of bytes or \"all\"") : err);
        } else if (a == QLatin1String("--timeout")) {
            bool ok = false;
            const double s = ++i < args.size() ? args[i].toDouble(&ok) : 0;
            if (!ok || s <= 0) return fail(2, Words::tr("--timeout needs a number of seconds > 0"));
            options.timeoutMs = int(s * 1000);
        } else {
            return fail(2, Words::tr("unknown option for lab: %1 (the programs come after --)").arg(a));
        }
    }
    if (attach) {
        if (i < args.size())
            return fail(2, Words::tr("--attach observes programs already running: no command after --"));
        if (!savePath.isEmpty())
            return fail(2, QCoreApplication::translate("Replay", "--save records programs run in the lab, not --attach"));
        if (options.wire)
            return fail(2, Words::tr("--wire puts socklab between programs it runs, not --attach"));
        HostAttachOptions a;
        a.durationMs = options.timeoutMs;
        a.pcapPath = options.pcapPath;
        if (options.capture == QLatin1String("states-only") || options.capture == QLatin1String("host"))
            a.capture = options.capture;
        return runAttach(attachTarget, json, a, stop);
    }
    QList<QStringList> commands{{}};
    for (++i; i < args.size(); ++i) {
        if (args[i] == QLatin1String("---")) commands.append(QStringList());
        else commands.last() << args[i];
    }
    if (commands.size() == 1 && commands.first().isEmpty())
        return fail(2, Words::tr("lab needs a command: socklab lab -- COMMAND [ARG...] [--- COMMAND ...]"));
    for (const QStringList& c : std::as_const(commands))
        if (c.isEmpty()) return fail(2, Words::tr("lab: an empty command (nothing before or after ---)"));

    if (!savePath.isEmpty()) // refused before any program starts
        if (const QString problem = outputPathProblem(savePath); !problem.isEmpty())
            return fail(1, QCoreApplication::translate("Replay", "cannot write %1: %2").arg(savePath, problem));

    auto labOwner = std::make_unique<ProgramLab>(commands, options);
    ProgramLab& lab = *labOwner;
    Problem error;
    if (!lab.start(&error)) return fail(1, problemText(error));
    // Only the last program reads socklab's stdin; the others see end-of-file.
    const int reader = int(commands.size()) - 1;
    bool stdinOpen = true;
    int closedUpTo = 0;
    while (lab.poll()) {
        if (stop && stop->load()) {
            labOwner.reset(); // kills and reaps the programs, tears the lab down, closes the pcap
            if (!options.pcapPath.isEmpty())
                QFile::remove(options.pcapPath); // never left half-written
            return 1;                            // main() tells the signal
        }
        for (; closedUpTo < reader && lab.started(closedUpTo); ++closedUpTo)
            lab.closeStdin(closedUpTo);
        forwardStdin(lab, reader, stdinOpen);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    if (!savePath.isEmpty()) {
        // Problems and warnings as codes and values, so a replay tells them in its own language.
        QJsonArray problems, warnings;
        for (const Problem& p : lab.problems()) problems.append(QJsonObject::fromVariantMap(p.toMap()));
        for (const Problem& w : lab.warnings()) warnings.append(QJsonObject::fromVariantMap(w.toMap()));
        const QJsonObject cli{{"verb", "lab"}, {"problems", problems}, {"warnings", warnings}, {"payload", g_payload}};
        QString saveError;
        if (!saveTimeline(lab.timeline(), savePath, &saveError, cli)) return fail(1, saveError);
    }
    return printLabSession(lab.timeline(), json, g_payload, lab.problems(), lab.warnings());
}

int printLabSession(const Timeline& tl, bool json, int payload, const ProblemList& problems, const ProblemList& warnings)
{
    g_payload = payload;
    printTimeline(tl, formatCaptureLine(tl), json, problems, warnings);
    if (!problems.isEmpty()) return fail(1, problemsText(problems));
    return 0;
}

} // namespace socklab
