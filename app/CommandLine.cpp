#include "CommandLine.h"

#include "Runner.h"
#include "ScenarioCatalog.h"
#include "TextFormatter.h"
#include "TimelineJson.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTextStream>

#include <cstdio>

namespace socklab {

namespace {

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
    if (!args.isEmpty()) return fail(2, QStringLiteral("list takes no arguments (got \"%1\")").arg(args.first()));
    QString out;
    for (const QString& id : ScenarioCatalog::ids())
        out += id + '\t' + QCoreApplication::translate("Scenario", ScenarioCatalog::title(id)) + '\n';
    print(out);
    return 0;
}

int runVerb(const QStringList& args)
{
    QString id, pcap, capture;
    bool json = false;
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
            if (!value(pcap)) return fail(2, QStringLiteral("--pcap needs a file name"));
        } else if (a == QLatin1String("--capture")) {
            if (!value(capture)) return fail(2, QStringLiteral("--capture needs namespace, host or states-only"));
        } else if (a == QLatin1String("--set")) {
            QString kv;
            if (!value(kv) || !kv.contains('=')) return fail(2, QStringLiteral("--set needs NAME=VALUE"));
            params.insert(kv.section('=', 0, 0), kv.section('=', 1));
        } else if (a.startsWith('-')) {
            return fail(2, QStringLiteral("unknown option for run: %1").arg(a));
        } else if (id.isEmpty()) {
            id = a;
        } else {
            return fail(2, QStringLiteral("run takes one scenario id (got \"%1\" and \"%2\")").arg(id, a));
        }
    }
    if (id.isEmpty()) return fail(2, QStringLiteral("run needs a scenario id (see: socklab list)"));
    if (capture.isEmpty()) capture = qEnvironmentVariable("SOCKLAB_CAPTURE");
    QString error;
    const auto scenario = ScenarioCatalog::build(id, params, &error);
    if (!scenario) return fail(2, error);

    Runner runner(*scenario, RunOptions{capture, pcap});
    if (!runner.start(&error) || !runner.runAll(&error)) return fail(1, QStringLiteral("%1: %2").arg(id, error));
    if (json)
        print(QString::fromUtf8(QJsonDocument(timelineToJson(runner.timeline())).toJson(QJsonDocument::Indented)));
    else
        print(formatTimeline(runner.timeline()));
    return 0;
}

} // namespace

QString CommandLine::usage()
{
    return QStringLiteral(
        "usage:\n"
        "  socklab [--lang en|zh_CN] [--presenter]          open the window\n"
        "  socklab list [--lang L]                          the scenarios: ID<TAB>title\n"
        "  socklab run ID [--json] [--pcap FILE] [--lang L] run a scenario on real sockets\n"
        "  socklab export ID --out FILE.png|.svg|.pdf [--step N | --all] [--view V]\n"
        "                 [--lang L] [--presenter] [--size WxH]\n"
        "  socklab lab [--json] [--pcap FILE] [--timeout S] -- COMMAND [ARG...] [--- COMMAND ...]\n"
        "  socklab lab --attach [ADDR:]PORT [--timeout S] [--json] [--pcap FILE]  watch a host loopback port\n");
}

bool CommandLine::parse(const QStringList& argv, Invocation& out, QString* error)
{
    static const QStringList verbs{"list", "run", "export", "lab", "help"};
    for (int i = 1; i < argv.size(); ++i) {
        const QString& a = argv[i];
        if (out.verb == QLatin1String("lab") && out.args.contains(QStringLiteral("--"))) {
            out.args << a; // the user's command line is theirs, untouched
            continue;
        }
        if (a == QLatin1String("--lang")) {
            if (i + 1 >= argv.size()) {
                *error = QStringLiteral("--lang needs en or zh_CN");
                return false;
            }
            out.lang = argv[++i];
            if (out.lang != QLatin1String("en") && out.lang != QLatin1String("zh_CN")) {
                *error = QStringLiteral("unknown language \"%1\" (en or zh_CN)").arg(out.lang);
                return false;
            }
        } else if (a == QLatin1String("--presenter")) {
            out.presenter = true;
        } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            out.verb = QStringLiteral("help");
        } else if (out.verb.isEmpty() && verbs.contains(a)) {
            out.verb = a;
        } else if (out.verb.isEmpty()) {
            *error = a.startsWith('-') ? QStringLiteral("unknown option: %1").arg(a)
                                       : QStringLiteral("unknown command \"%1\" (list, run, export, lab)").arg(a);
            return false;
        } else {
            out.args << a;
        }
    }
    return true;
}

int CommandLine::runHeadless(const Invocation& inv)
{
    if (inv.verb == QLatin1String("help")) {
        print(usage());
        return 0;
    }
    if (inv.verb == QLatin1String("list")) return listVerb(inv.args);
    if (inv.verb == QLatin1String("run")) return runVerb(inv.args);
    return fail(2, QStringLiteral("unknown command \"%1\"").arg(inv.verb));
}

} // namespace socklab
