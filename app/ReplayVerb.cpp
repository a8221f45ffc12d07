#include "ReplayVerb.h"

#include "LabVerb.h"
#include "PayloadOption.h"
#include "ProblemText.h"
#include "TextFormatter.h"
#include "TimelineJson.h"
#include "TimelineJsonWriter.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include <optional>

namespace socklab {

namespace {

int fail(int code, const QString& line)
{
    QTextStream(stderr) << "socklab: " << line << '\n';
    return code;
}

// Problems as saved by `lab --save`: codes and values ({"code", "args"}).
ProblemList problems(const QJsonValue& v)
{
    ProblemList out;
    for (const QJsonValue& p : v.toArray())
        if (p.isObject()) out << Problem::fromMap(p.toObject().toVariantMap());
    return out;
}

} // namespace

void printRunOutput(const Timeline& tl, bool json, int payload, const QJsonObject& extra)
{
    QTextStream out(stdout);
    if (json) {
        out.flush();
        writeTimelineJson(tl, {.payloadLimit = payload}, extra, QJsonDocument::Indented, stdout);
    } else {
        out << formatTimeline(tl);
    }
    out.flush();
    if (const QString loss = captureLossLine(tl); !loss.isEmpty()) QTextStream(stderr) << "socklab: " << loss << '\n';
}

int printRunSession(const Timeline& tl, bool json, int payload, const ProblemList& problems,
                    const ProblemList& warnings)
{
    // --json carries them as `socklab lab --json` does (the same field names).
    printRunOutput(tl, json, payload,
                   {{"problems", problemsJson(problems)}, {"warnings", problemsJson(warnings)}});
    for (const Problem& w : warnings)
        QTextStream(stderr) << "socklab: " << QCoreApplication::translate("LabVerb", "note: %1").arg(problemText(w)) << '\n';
    if (!problems.isEmpty()) return fail(1, problemsText(problems));
    return 0;
}

int runReplayVerb(const QStringList& args)
{
    QString file;
    bool json = false;
    std::optional<int> payload; // default: what the run was asked for
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        if (a == QLatin1String("--json")) json = true;
        else if (a == QLatin1String("--payload")) {
            int limit = 0;
            QString err;
            if (++i >= args.size() || !parsePayloadOption(args[i], &limit, &err))
                return fail(2, err.isEmpty() ? QCoreApplication::translate("PayloadOption", "--payload needs a number of bytes or \"all\"") : err);
            payload = limit;
        } else if (a.startsWith('-') && a != QLatin1String("-"))
            return fail(2, QCoreApplication::translate("Replay", "unknown option for replay: %1").arg(a));
        else if (file.isEmpty()) file = a;
        else return fail(2, QCoreApplication::translate("Replay", "replay takes one session file (got \"%1\" and \"%2\")").arg(file, a));
    }
    if (file.isEmpty()) return fail(2, QCoreApplication::translate("Replay", "replay needs a session file: socklab replay FILE [--json]"));
    TimelineLoadResult r = loadTimeline(file);
    if (!r.ok) return fail(1, r.error);
    // A lab session is printed the way `socklab lab` printed it (with what the
    // programs wrote, and its problems and warnings); anything else as `run`.
    // The session keeps the payload bytes memory held (a few hundred per packet).
    const int limit = payload.value_or(r.cli.value("payload").toInt(kDefaultJsonPayload));
    if (r.cli.value("verb").toString() == QLatin1String("lab"))
        return printLabSession(r.timeline, json, limit, problems(r.cli.value("problems")),
                               problems(r.cli.value("warnings")));
    return printRunSession(r.timeline, json, limit, problems(r.cli.value("problems")),
                           problems(r.cli.value("warnings")));
}

} // namespace socklab
