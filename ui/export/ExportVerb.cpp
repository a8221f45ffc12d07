#include "ExportVerb.h"

#include "AtomicExportFile.h"
#include "Exporter.h"
#include "OutputPath.h"
#include "ProblemText.h"
#include "Runner.h"
#include "ScenarioCatalog.h"
#include "TimelineJson.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QGuiApplication>
#include <QRegularExpression>
#include <QDir>
#include <QTextStream>

namespace socklab {

namespace {

struct Words {
    Q_DECLARE_TR_FUNCTIONS(ExportVerb)
};

int usage(const QString& message)
{
    QTextStream(stderr) << "socklab export: " << message << '\n';
    return 2;
}

} // namespace

int runExportVerb(const QStringList& args, bool presenter, const std::atomic<int>* stop)
{
    QString id, out, session, view = QStringLiteral("ladder");
    int step = 0; // 1-based; 0: the end of the run
    bool all = false;
    QSize size;
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        auto value = [&](QString* v) {
            if (i + 1 >= args.size()) return false;
            *v = args[++i];
            return true;
        };
        QString v;
        if (a == QLatin1String("--out")) {
            if (!value(&out)) return usage(Words::tr("--out needs a file name"));
        } else if (a == QLatin1String("--session")) {
            if (!value(&session)) return usage(QCoreApplication::translate("Replay", "--session needs a session file"));
        } else if (a == QLatin1String("--step")) {
            bool ok = false;
            if (!value(&v) || (step = v.toInt(&ok), !ok) || step < 1)
                return usage(Words::tr("--step needs a step number (1, 2, …)"));
        } else if (a == QLatin1String("--all")) {
            all = true;
        } else if (a == QLatin1String("--view")) {
            if (!value(&view)) return usage(Words::tr("--view needs a name"));
        } else if (a == QLatin1String("--presenter")) {
            presenter = true;
        } else if (a == QLatin1String("--lang")) {
            ++i; // the translator is installed by main()
        } else if (a == QLatin1String("--size")) {
            static const QRegularExpression re(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
            const auto m = re.match(value(&v) ? v : QString());
            if (!m.hasMatch()) return usage(Words::tr("--size needs WIDTHxHEIGHT, e.g. 1600x1000"));
            size = QSize(m.captured(1).toInt(), m.captured(2).toInt());
            if (size.width() < 100 || size.height() < 100 || size.width() > 10000 || size.height() > 10000)
                return usage(Words::tr("--size must be between 100x100 and 10000x10000"));
        } else if (a.startsWith(QLatin1String("--"))) {
            return usage(Words::tr("unknown option \"%1\"").arg(a));
        } else if (id.isEmpty()) {
            id = a;
        } else {
            return usage(Words::tr("unexpected argument \"%1\"").arg(a));
        }
    }
    if (!session.isEmpty() && !id.isEmpty())
        return usage(QCoreApplication::translate("Replay", "a scenario id or --session FILE, not both"));
    if (id.isEmpty() && session.isEmpty()) return usage(Words::tr("which scenario? (see: socklab list)"));
    if (out.isEmpty()) return usage(Words::tr("--out FILE.png|.svg|.pdf is required"));
    const QString ext = QFileInfo(out).suffix().toLower();
    if (ext != QLatin1String("png") && ext != QLatin1String("svg") && ext != QLatin1String("pdf"))
        return usage(Words::tr("unknown file type \"%1\" (png, svg or pdf)").arg(out));
    if (all && ext != QLatin1String("pdf")) return usage(Words::tr("--all makes lecture notes: it needs a .pdf file"));
    if (all && step) return usage(Words::tr("--step and --all exclude each other"));
    if (!Exporter::hasView(view))
        return usage(Words::tr("unknown view \"%1\" (%2)").arg(view, Exporter::views().join(QStringLiteral(", "))));
    QString error;
    Timeline tl;
    if (const QString problem = outputPathProblem(out); !problem.isEmpty()) {
        QTextStream(stderr) << "socklab export: " << QCoreApplication::translate("Replay", "cannot write %1: %2").arg(out, problem) << '\n';
        return 1;
    }
    if (!session.isEmpty()) {
        // A saved session: exported as it was recorded, no socket opened.
        TimelineLoadResult r = loadTimeline(session);
        if (!r.ok) {
            QTextStream(stderr) << "socklab export: " << r.error << '\n';
            return 1;
        }
        tl = std::move(r.timeline);
        if (step > tl.steps.size())
            return usage(QCoreApplication::translate("Replay", "step %1 is out of range: %2 has %3 steps")
                             .arg(step).arg(session).arg(tl.steps.size()));
    } else {
    Problem problem;
    const auto scenario = ScenarioCatalog::build(id, {}, &problem);
    if (!scenario) return usage(problemText(problem));
    if (step > scenario->steps.size())
        return usage(Words::tr("step %1 is out of range: %2 has %3 steps").arg(step).arg(id).arg(scenario->steps.size()));
    if (!QFileInfo(QFileInfo(out).absolutePath()).isDir()) {
        QTextStream(stderr) << "socklab export: " << Words::tr("cannot write %1: no such folder").arg(out) << '\n';
        return 1;
    }

    Runner runner(*scenario, RunOptions{.stop = stop});
    if (!runner.start(&problem) || !runner.runAll(&problem)) {
        if (problem.code == QLatin1String("interrupted")) return 1; // main() tells the signal
        QTextStream(stderr) << "socklab export: " << Words::tr("the run failed: %1").arg(problemText(problem)) << '\n';
        return 1;
    }
    tl = runner.timeline();
    }
    ViewStyle style(presenter, QGuiApplication::palette());
    Exporter exporter(style);
    if (size.isEmpty()) size = presenter ? QSize(1366, 768) : QSize(1400, 900);
    // Rendered beside `out` and renamed onto it once complete: a full disk or
    // a failed render leaves no half-written file.
    AtomicExportFile file(out);
    bool ok = file.open(&error);
    ok = ok && (all ? exporter.exportNotesPdf(file.path(), view, tl, &error)
                    : exporter.exportFile(file.path(), view, tl,
                                          step ? Exporter::cursorAfterStep(tl, step - 1) : tl.size() - 1, size, &error));
    if (stop && stop->load())
        return 1; // a signal while rendering: nothing written (main() tells it)
    ok = ok && file.commit(&error);
    if (!ok) {
        QTextStream(stderr) << "socklab export: " << error << '\n';
        return 1;
    }
    QTextStream(stdout) << QCoreApplication::translate("ExportVerb", "Wrote %1").arg(QDir::toNativeSeparators(out)) << '\n';
    return 0;
}

} // namespace socklab
