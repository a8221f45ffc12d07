#include "CommandLine.h"

#include "OutputPath.h"
#include "ProblemText.h"
#include "ReplayVerb.h"
#include "Runner.h"
#include "ScenarioCatalog.h"
#include "ScenarioTitle.h"
#include "FolderCatalog.h"
#include "Captions.h"
#include "TextFormatter.h"
#include "TimelineJson.h"
#include "PayloadOption.h"
#include "Version.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

namespace socklab {

namespace {

struct Words {
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
};

int fail(int code, const QString& line)
{
    QTextStream(stderr) << "socklab: " << line << '\n';
    return code;
}

void print(const QString& text)
{
    QTextStream out(stdout);
    out << text;
    out.flush();
}

int listVerb(const QStringList& args)
{
    if (!args.isEmpty()) return fail(2, Words::tr("list takes no arguments (got \"%1\")").arg(args.first()));
    QString out;
    for (const QString& id : ScenarioCatalog::ids())
        out += id + '\t' + scenarioListTitle(id) + '\n';
    print(out);
    // A broken folder: its one line, and every other folder still listed.
    for (const FolderEntry& e : FolderCatalog::entries(isKnownCaption, ScenarioCatalog::lessonIds()))
        if (!e.folder) QTextStream(stderr) << "socklab: " << problemText(e.problem) << '\n';
    return 0;
}

int runVerb(const QStringList& args, const std::atomic<int>* stop)
{
    QString id, pcap, capture, save;
    bool json = false;
    int payload = kDefaultJsonPayload;
    QVariantMap params;
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        auto value = [&](QString& into) {
            if (i + 1 >= args.size()) return false;
            into = args[++i];
            return true;
        };
        if (a == QLatin1String("--json")) json = true;
        else if (a == QLatin1String("--pcap")) {
            if (!value(pcap)) return fail(2, Words::tr("--pcap needs a file name"));
        } else if (a == QLatin1String("--save")) {
            if (!value(save)) return fail(2, QCoreApplication::translate("Replay", "--save needs a file name"));
        } else if (a == QLatin1String("--payload")) {
            QString v, err;
            if (!value(v) || !parsePayloadOption(v, &payload, &err)) return fail(2, err.isEmpty() ? QCoreApplication::translate("PayloadOption", "--payload needs a number of bytes or \"all\"") : err);
        } else if (a == QLatin1String("--capture")) {
            if (!value(capture)) return fail(2, Words::tr("--capture needs namespace, host or states-only"));
        } else if (a == QLatin1String("--set")) {
            QString kv;
            if (!value(kv) || !kv.contains('=')) return fail(2, Words::tr("--set needs NAME=VALUE"));
            params.insert(kv.section('=', 0, 0), kv.section('=', 1));
        } else if (a.startsWith('-')) {
            return fail(2, Words::tr("unknown option for run: %1").arg(a));
        } else if (id.isEmpty()) {
            id = a;
        } else {
            return fail(2, Words::tr("run takes one scenario id (got \"%1\" and \"%2\")").arg(id, a));
        }
    }
    if (id.isEmpty()) return fail(2, Words::tr("run needs a scenario id (see: socklab list)"));
    if (capture.isEmpty()) capture = qEnvironmentVariable("SOCKLAB_CAPTURE");
    Problem error;
    const auto scenario = ScenarioCatalog::build(id, params, &error);
    if (!scenario) return fail(2, problemText(error));

    if (!save.isEmpty()) // refused before any socket is opened
        if (const QString problem = outputPathProblem(save); !problem.isEmpty())
            return fail(1, QCoreApplication::translate("Replay", "cannot write %1: %2").arg(save, problem));

    Runner runner(*scenario, RunOptions{capture, pcap, stop});
    if (!runner.start(&error) || !runner.runAll(&error)) {
        if (error.code == QLatin1String("interrupted")) return 1; // main() tells the signal
        return fail(1, QStringLiteral("%1: %2").arg(id, problemText(error)));
    }
    // A program of the scenario that crashed or ignored SIGTERM is the run's
    // problem (one line, exit 1); saved as codes, so a replay says it in its language.
    const ProblemList problems = runner.problems(), warnings = runner.warnings();
    auto codes = [](const ProblemList& list) {
        QJsonArray out;
        for (const Problem& p : list)
            out.append(QJsonObject::fromVariantMap(p.toMap()));
        return out;
    };
    QString saveError;
    if (!save.isEmpty()
        && !saveTimeline(runner.timeline(), save, &saveError,
                         {{"verb", "run"}, {"payload", payload}, {"problems", codes(problems)}, {"warnings", codes(warnings)}}))
        return fail(1, saveError);
    return printRunSession(runner.timeline(), json, payload, problems, warnings);
}

// `socklab FILE`: a file that exists, or a name that can only be a path.
bool looksLikeSessionFile(const QString& a)
{
    if (a.isEmpty() || a.startsWith('-')) return false;
    return QFileInfo::exists(a) || a.contains('/') || a.endsWith(QLatin1String(".json"));
}

} // namespace

QString CommandLine::usage()
{
    return Words::tr("usage:\n"
        "  socklab [--lang en|zh_CN] [--presenter] [FILE]   open the window (and a saved session)\n"
        "  socklab list [--lang L]                          the scenarios: ID<TAB>title\n"
        "  socklab run ID [--json] [--payload N|all] [--pcap FILE] [--save FILE] [--lang L]  run a scenario on real sockets\n"
        "  socklab export ID --out FILE.png|.svg|.pdf [--step N | --all] [--view V]\n"
        "                 [--lang L] [--presenter] [--size WxH]\n"
        "  socklab lab [--json] [--payload N|all] [--pcap FILE] [--save FILE] [--timeout S] [--no-gate]\n"
        "              [--wire loss=30%,delay=50ms,jitter=10ms,mtu=1500,rate=1mbit,seed=N] -- COMMAND [ARG...] [--- COMMAND ...]\n"
        "  socklab lab --attach [ADDR:]PORT [--timeout S] [--json] [--pcap FILE]  watch a host loopback port\n"
        "  socklab replay FILE [--json] [--payload N|all] [--lang L]  print a saved session, no sockets\n"
        "  socklab doctor [--capture MODE]                  which capture mode works here, and how to fix the rest\n"
        "  socklab --version                                the version\n");
}

bool CommandLine::parse(const QStringList& argv, Invocation& out, QString* error)
{
    static const QStringList verbs{"list", "run", "export", "lab", "replay", "doctor", "help"};
    for (int i = 1; i < argv.size(); ++i) {
        const QString& a = argv[i];
        if (out.verb == QLatin1String("lab") && out.args.contains(QStringLiteral("--"))) {
            out.args << a; // the user's command line is theirs, untouched
            continue;
        }
        if (a == QLatin1String("--lang")) {
            if (i + 1 >= argv.size()) {
                *error = Words::tr("--lang needs en or zh_CN");
                return false;
            }
            out.lang = argv[++i];
            if (out.lang != QLatin1String("en") && out.lang != QLatin1String("zh_CN")) {
                *error = Words::tr("unknown language \"%1\" (en or zh_CN)").arg(out.lang);
                return false;
            }
        } else if (a == QLatin1String("--presenter")) {
            out.presenter = true;
        } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            out.verb = QStringLiteral("help");
        } else if (a == QLatin1String("--version")) {
            out.verb = QStringLiteral("version");
        } else if (out.verb.isEmpty() && verbs.contains(a)) {
            out.verb = a;
        } else if (out.verb.isEmpty() && out.sessionFile.isEmpty() && looksLikeSessionFile(a)) {
            out.sessionFile = a; // `socklab FILE`: the window opens it
        } else if (out.verb.isEmpty()) {
            *error = a.startsWith('-') ? Words::tr("unknown option: %1").arg(a)
                                       : Words::tr("unknown command \"%1\" (list, run, export, lab, replay, doctor)").arg(a);
            return false;
        } else {
            out.args << a;
        }
    }
    return true;
}

int CommandLine::runHeadless(const Invocation& inv, const std::atomic<int>* stop)
{
    if (inv.verb == QLatin1String("help")) {
        print(usage());
        return 0;
    }
    if (inv.verb == QLatin1String("version")) {
        print(QStringLiteral("socklab %1\n").arg(version()));
        return 0;
    }
    if (inv.verb == QLatin1String("list")) return listVerb(inv.args);
    if (inv.verb == QLatin1String("run")) return runVerb(inv.args, stop);
    if (inv.verb == QLatin1String("replay")) return runReplayVerb(inv.args);
    return fail(2, Words::tr("unknown command \"%1\"").arg(inv.verb));
}

} // namespace socklab
