// Exports: exact-size PNG with content, SVG that parses, a notes PDF with one
// page per step, the `socklab export` verb and its exit codes, and every
// built-in scenario rendered at several cursors without a Qt warning.

#include "Captions.h"
#include "Exporter.h"
#include "ViewsTestData.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

using namespace socklab;

namespace {

int distinctColours(const QImage& img)
{
    QSet<QRgb> seen;
    for (int y = 0; y < img.height(); y += 3)
        for (int x = 0; x < img.width(); x += 3) seen.insert(img.pixel(x, y));
    return int(seen.size());
}

QStringList warnings;
void recordWarnings(QtMsgType type, const QMessageLogContext&, const QString& msg)
{
    if (type == QtDebugMsg || type == QtInfoMsg) return;
    if (msg.contains("XDG_RUNTIME_DIR")) return; // the environment, not us
    warnings << msg;
}

int runCli(const QStringList& args, QString* err = nullptr)
{
    QProcess p;
    p.start(QStringLiteral(SOCKLAB_BINARY), args);
    if (!p.waitForFinished(120000)) return -1;
    if (err) *err = QString::fromUtf8(p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace

TEST(Exporter, PngOfExactSizeWithContent)
{
    const Timeline& tl = test::cachedRun("handshake");
    QTemporaryDir dir;
    const Exporter ex;
    for (const QString view : {"ladder", "states"}) {
        const QString path = dir.filePath(view + ".png");
        QString error;
        ASSERT_TRUE(ex.exportFile(path, view, tl, tl.size() - 1, QSize(1234, 777), &error)) << error.toStdString();
        QImage img(path);
        ASSERT_FALSE(img.isNull());
        EXPECT_EQ(img.size(), QSize(1234, 777));
        EXPECT_GT(distinctColours(img), 20) << view.toStdString();
    }
}

TEST(Exporter, SvgParsesAndCarriesText)
{
    const Timeline& tl = test::cachedRun("handshake");
    QTemporaryDir dir;
    const QString path = dir.filePath("x.svg");
    QString error;
    ASSERT_TRUE(Exporter().exportFile(path, "ladder", tl, tl.size() - 1, QSize(1400, 900), &error)) << error.toStdString();
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray svg = f.readAll();
    QXmlStreamReader xml(svg);
    int texts = 0;
    while (!xml.atEnd())
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("text")) ++texts;
    EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    EXPECT_GT(texts, 10);
    EXPECT_TRUE(svg.contains("SYN,ACK seq=0 ack=1"));
}

TEST(Exporter, NotesPdfHasOnePagePerStep)
{
    const Timeline& tl = test::cachedRun("teardown");
    QTemporaryDir dir;
    const QString path = dir.filePath("notes.pdf");
    QString error;
    ASSERT_TRUE(Exporter().exportNotesPdf(path, "ladder", tl, &error)) << error.toStdString();
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QString pdf = QString::fromLatin1(f.readAll());
    const int pages = int(pdf.count(QRegularExpression("/Type\\s*/Page(?!s)")));
    EXPECT_EQ(pages, tl.steps.size());
    EXPECT_GT(tl.steps.size(), 5);
}

TEST(Exporter, RegisteredViewsAreExported)
{
    bool called = false;
    Exporter::registerView("test-view", [&](QPainter&, const QRectF&, const Timeline&, int, const ViewStyle&) { called = true; });
    EXPECT_TRUE(Exporter::hasView("test-view"));
    Exporter().image("test-view", test::syntheticTimeline(3), 1, QSize(200, 100));
    EXPECT_TRUE(called);
}

TEST(Exporter, EveryScenarioAtSeveralCursorsWithoutWarnings)
{
    warnings.clear();
    const QtMessageHandler old = qInstallMessageHandler(recordWarnings);
    for (const QString& id : ScenarioCatalog::ids()) {
        const Timeline& tl = test::cachedRun(id);
        ASSERT_FALSE(tl.isEmpty()) << id.toStdString();
        for (bool presenter : {false, true}) {
            const Exporter ex(ViewStyle(presenter, QPalette(presenter ? QColor(20, 20, 20) : QColor(250, 250, 250))));
            for (const QString& view : Exporter::views()) {
                if (view == QLatin1String("test-view")) continue;
                for (int c : {-1, 0, tl.size() / 3, 2 * tl.size() / 3, tl.size() - 1}) {
                    const QImage img = ex.image(view, tl, c, QSize(900, 600));
                    EXPECT_EQ(img.size(), QSize(900, 600));
                }
            }
        }
        for (int k = 0; k < tl.steps.size(); ++k) EXPECT_FALSE(captionText(tl, k).isEmpty()) << id.toStdString();
    }
    qInstallMessageHandler(old);
    EXPECT_TRUE(warnings.isEmpty()) << warnings.join('\n').toStdString();
}

TEST(ExportVerb, WritesPngAndReportsBadUsage)
{
    QTemporaryDir dir;
    const QString png = dir.filePath("x.png");
    QString err;
    ASSERT_EQ(runCli({"export", "handshake", "--out", png, "--size", "800x500"}, &err), 0) << err.toStdString();
    EXPECT_EQ(QImage(png).size(), QSize(800, 500));
    // Bad usage: exit 2 and one line.
    for (const QStringList& bad : {QStringList{"export", "handshake", "--out", png, "--view", "nope"},
                                   QStringList{"export", "handshake", "--out", png, "--size", "big"},
                                   QStringList{"export", "handshake", "--out", png, "--all"},
                                   QStringList{"export", "handshake", "--out", png, "--step", "99"},
                                   QStringList{"export", "handshake", "--out", dir.filePath("x.gif")},
                                   QStringList{"export", "no-such-scenario", "--out", png}}) {
        EXPECT_EQ(runCli(bad, &err), 2) << bad.join(' ').toStdString();
        QStringList lines = err.trimmed().split('\n');
        lines.removeIf([](const QString& l) { return l.startsWith("QStandardPaths:"); }); // the environment's
        EXPECT_EQ(lines.size(), 1) << err.toStdString();
        EXPECT_FALSE(err.trimmed().isEmpty());
    }
    EXPECT_EQ(runCli({"export", "handshake", "--out", "/no/such/folder/x.png"}, &err), 1);
    EXPECT_TRUE(err.contains("cannot write")) << err.toStdString();
}

TEST(ExportVerb, NotesAndStepSvg)
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath("notes.pdf");
    QString err;
    ASSERT_EQ(runCli({"export", "handshake", "--all", "--out", pdf}, &err), 0) << err.toStdString();
    QFile f(pdf);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(QString::fromLatin1(f.readAll()).count(QRegularExpression("/Type\\s*/Page(?!s)")), 6);
    const QString svg = dir.filePath("s.svg");
    ASSERT_EQ(runCli({"export", "handshake", "--step", "6", "--view", "states", "--out", svg}, &err), 0);
    QFile s(svg);
    ASSERT_TRUE(s.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(s.readAll());
    EXPECT_TRUE(text.contains("ESTABLISHED"));
    EXPECT_TRUE(text.contains("connect()")); // the step's caption under the view
}

TEST(ExportVerb, ChineseCaption)
{
    QTemporaryDir dir;
    const QString svg = dir.filePath("zh.svg");
    QString err;
    ASSERT_EQ(runCli({"--lang", "zh_CN", "export", "handshake", "--step", "6", "--out", svg}, &err), 0) << err.toStdString();
    QFile s(svg);
    ASSERT_TRUE(s.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(s.readAll());
    const bool chinese = text.contains(QRegularExpression("[\\x{4e00}-\\x{9fff}]"));
    QFile ts(QStringLiteral(SOCKLAB_SOURCE_DIR "/resources/translations/socklab_zh_CN.ts"));
    const bool translated = ts.open(QIODevice::ReadOnly) && ts.readAll().contains("<name>Captions</name>");
    if (!translated && !chinese) GTEST_SKIP() << "no zh_CN translation of the captions yet";
    EXPECT_TRUE(chinese);
}
