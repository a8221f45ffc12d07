#include "ExportVerb.h"

#include "ByteStreamRenderer.h"
#include "Exporter.h"
#include "Runner.h"
#include "ScenarioCatalog.h"

#include <QFileInfo>
#include <QGuiApplication>
#include <QRegularExpression>
#include <QTextStream>

namespace socklab {

namespace {

int usage(const QString& message)
{
    QTextStream(stderr) << "socklab export: " << message << '\n';
    return 2;
}

} // namespace

int runExportVerb(const QStringList& args, bool presenter)
{
    registerLessonViews(); // "stream", "buffers", "backlog" next to the built-in views
    QString id, out, view = QStringLiteral("ladder");
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
            if (!value(&out)) return usage(QStringLiteral("--out needs a file name"));
        } else if (a == QLatin1String("--step")) {
            bool ok = false;
            if (!value(&v) || (step = v.toInt(&ok), !ok) || step < 1)
                return usage(QStringLiteral("--step needs a step number (1, 2, …)"));
        } else if (a == QLatin1String("--all")) {
            all = true;
        } else if (a == QLatin1String("--view")) {
            if (!value(&view)) return usage(QStringLiteral("--view needs a name"));
        } else if (a == QLatin1String("--presenter")) {
            presenter = true;
        } else if (a == QLatin1String("--lang")) {
            ++i; // the translator is installed by main()
        } else if (a == QLatin1String("--size")) {
            static const QRegularExpression re(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
            const auto m = re.match(value(&v) ? v : QString());
            if (!m.hasMatch()) return usage(QStringLiteral("--size needs WIDTHxHEIGHT, e.g. 1600x1000"));
            size = QSize(m.captured(1).toInt(), m.captured(2).toInt());
            if (size.width() < 100 || size.height() < 100 || size.width() > 10000 || size.height() > 10000)
                return usage(QStringLiteral("--size must be between 100x100 and 10000x10000"));
        } else if (a.startsWith(QLatin1String("--"))) {
            return usage(QStringLiteral("unknown option \"%1\"").arg(a));
        } else if (id.isEmpty()) {
            id = a;
        } else {
            return usage(QStringLiteral("unexpected argument \"%1\"").arg(a));
        }
    }
    if (id.isEmpty()) return usage(QStringLiteral("which scenario? (see: socklab list)"));
    if (out.isEmpty()) return usage(QStringLiteral("--out FILE.png|.svg|.pdf is required"));
    const QString ext = QFileInfo(out).suffix().toLower();
    if (ext != QLatin1String("png") && ext != QLatin1String("svg") && ext != QLatin1String("pdf"))
        return usage(QStringLiteral("unknown file type \"%1\" (png, svg or pdf)").arg(out));
    if (all && ext != QLatin1String("pdf")) return usage(QStringLiteral("--all makes lecture notes: it needs a .pdf file"));
    if (all && step) return usage(QStringLiteral("--step and --all exclude each other"));
    if (!Exporter::hasView(view))
        return usage(QStringLiteral("unknown view \"%1\" (%2)").arg(view, Exporter::views().join(QStringLiteral(", "))));
    QString error;
    const auto scenario = ScenarioCatalog::build(id, {}, &error);
    if (!scenario) return usage(error);
    if (step > scenario->steps.size())
        return usage(QStringLiteral("step %1 is out of range: %2 has %3 steps").arg(step).arg(id).arg(scenario->steps.size()));
    if (!QFileInfo(QFileInfo(out).absolutePath()).isDir()) {
        QTextStream(stderr) << "socklab export: cannot write " << out << ": no such folder\n";
        return 1;
    }

    Runner runner(*scenario);
    if (!runner.start(&error) || !runner.runAll(&error)) {
        QTextStream(stderr) << "socklab export: the run failed: " << error << '\n';
        return 1;
    }
    const Timeline& tl = runner.timeline();
    ViewStyle style(presenter, QGuiApplication::palette());
    Exporter exporter(style);
    if (size.isEmpty()) size = presenter ? QSize(1366, 768) : QSize(1400, 900);
    const bool ok = all ? exporter.exportNotesPdf(out, view, tl, &error)
                        : exporter.exportFile(out, view, tl, step ? Exporter::cursorAfterStep(tl, step - 1) : tl.size() - 1,
                                              size, &error);
    if (!ok) {
        QTextStream(stderr) << "socklab export: " << error << '\n';
        return 1;
    }
    return 0;
}

} // namespace socklab
