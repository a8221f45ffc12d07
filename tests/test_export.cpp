// Exports: exact-size PNG with content, SVG that parses, a notes PDF with one
// page per step, the `socklab export` verb and its exit codes, and every
// built-in scenario rendered at several cursors without a Qt warning.

#include "Captions.h"
#include "LadderLayout.h"
#include "Exporter.h"
#include "LadderRenderer.h"
#include "ScenarioCatalog.h"
#include "StateMachineRenderer.h"
#include "ViewsTestData.h"

#include <QCoreApplication>
#include <QFile>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTranslator>
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
    // An overview page, then one per step that teaches: the setup calls are on the overview.
    const QList<int> teach = Exporter::teachingSteps(tl);
    EXPECT_EQ(pages, 1 + teach.size());
    EXPECT_LT(teach.size(), tl.steps.size());
    EXPECT_GE(teach.size(), 4); // close, recv b'', close, TIME_WAIT at least
    for (int k : teach) EXPECT_NE(tl.steps[k].call, "bind");
}

TEST(Exporter, ChineseNotesPdfKeepsRealUnicodeText)
{
    if (QProcess::execute(QStringLiteral("sh"), {"-c", "command -v pdftotext >/dev/null"}) != 0)
        GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    QTemporaryDir dir;
    const QString pdf = dir.filePath("notes.pdf");
    QString err;
    ASSERT_EQ(runCli({"--lang", "zh_CN", "export", "teardown", "--all", "--out", pdf}, &err), 0) << err.toStdString();
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    ASSERT_TRUE(p.waitForFinished(60000));
    const QString text = QString::fromUtf8(p.readAllStandardOutput());
    // Searchable and copyable: the real characters, not look-alike Kangxi radicals (⼿ U+2F3F).
    EXPECT_TRUE(text.contains(QStringLiteral("四次挥手"))) << text.left(400).toStdString();
    for (QChar c : text) EXPECT_FALSE(c.unicode() >= 0x2F00 && c.unicode() <= 0x2FDF) << "Kangxi radical U+" << std::hex << int(c.unicode());
}

TEST(Exporter, ExportSaysWhatItWrote)
{
    QTemporaryDir dir;
    const QString png = dir.filePath("h.png");
    QProcess p;
    p.start(QStringLiteral(SOCKLAB_BINARY), {"export", "handshake", "--out", png});
    ASSERT_TRUE(p.waitForFinished(120000));
    ASSERT_EQ(p.exitCode(), 0);
    EXPECT_TRUE(QString::fromUtf8(p.readAllStandardOutput()).contains(png));
}

// Presenter mode at 1366x768: the state diagram in the right third, the ladder in
// the rest. No text under 14 px, no label cut at the pane's edge, no call label
// elided, nothing drawn over the lane headers or the legend — every scenario.
namespace {

// Where the text of a ladder item really has ink, drawn as the ladder draws it
// (its font, rectangle and alignment), in the target's coordinates.
QRectF inkOf(const LadderRenderer& lr, const LadderItem& it, const QString& text)
{
    const QRectF box = lr.textRect(it);
    const QPointF origin = box.topLeft() - QPointF(200, 60);
    QImage img(QSize(int(box.width()) + 400, int(box.height()) + 120), QImage::Format_ARGB32_Premultiplied);
    img.fill(Qt::transparent);
    {
        QPainter p(&img);
        p.setRenderHint(QPainter::TextAntialiasing);
        p.translate(-origin);
        p.setFont(lr.textFont(it));
        p.setPen(Qt::black);
        p.drawText(box, lr.textFlags(it), text);
    }
    int x0 = img.width(), y0 = img.height(), x1 = -1, y1 = -1;
    for (int y = 0; y < img.height(); ++y) {
        const QRgb* line = reinterpret_cast<const QRgb*>(img.constScanLine(y));
        for (int x = 0; x < img.width(); ++x)
            if (qAlpha(line[x]) > 60) x0 = qMin(x0, x), x1 = qMax(x1, x), y0 = qMin(y0, y), y1 = qMax(y1, y);
    }
    if (x1 < 0) return {};
    return QRectF(x0, y0, x1 - x0 + 1, y1 - y0 + 1).translated(origin);
}

// The Chinese catalogue while it lives (the window's language for a teacher in China).
class Catalogue
{
  public:
    explicit Catalogue(const QString& lang)
    {
        if (lang == QLatin1String("en")) return;
        loaded = m_tr.load(QStringLiteral(":/i18n/socklab_%1.qm").arg(lang));
        if (loaded) QCoreApplication::installTranslator(&m_tr);
    }
    ~Catalogue() { QCoreApplication::removeTranslator(&m_tr); }
    bool loaded = true;

  private:
    QTranslator m_tr;
};

void checkDiagram(const QList<StateMachineText>& texts, const QRectF& states, int c)
{
    ASSERT_FALSE(texts.isEmpty());
    for (const StateMachineText& t : texts) {
        EXPECT_GE(t.pixelSize, states.width() > 400 ? 14.0 : 11.0) << t.text.toStdString();
        EXPECT_TRUE(states.contains(t.rect)) << t.text.toStdString() << " cut at the edge";
    }
    // Nothing covers anything: state names, transition labels, actor badges.
    for (int i = 0; i < texts.size(); ++i)
        for (int j = i + 1; j < texts.size(); ++j)
            EXPECT_FALSE(texts[i].rect.intersects(texts[j].rect))
                << texts[i].text.toStdString() << " and " << texts[j].text.toStdString() << " overlap ("
                << states.width() << "x" << states.height() << " px pane, event " << c << ")";
}

} // namespace

TEST(Exporter, PresenterLayoutAt1366x768IsReadableForEveryScenario)
{
    const ViewStyle S = ViewStyle::presenterMode();
    for (const QFont& f : {S.labelFont, S.smallFont, S.stateFont, S.headerFont, S.captionFont})
        EXPECT_GE(f.pointSizeF() * 96 / 72, 14.0) << f.toString().toStdString();
    // The diagram in the right third, full height and as short as it gets beside a lesson view;
    // also on a 1024x768 projector, where a faded label with no free place gives way.
    const QList<QRectF> diagramPanes{QRectF(0, 0, 1366 / 3, 768 - 90), QRectF(0, 0, 1366 / 3, 768 - 250),
                                     QRectF(0, 0, 1024 / 3, 768 - 90), QRectF(0, 0, 1024 / 3, 768 - 250)};
    const QRectF ladder(0, 0, 1366 - 1366 / 3 - 10, 768 - 240);
    for (const QString lang : {"en", "zh_CN"}) {
        const Catalogue catalogue(lang);
        ASSERT_TRUE(catalogue.loaded);
        for (const QString& id : ScenarioCatalog::ids()) {
            SCOPED_TRACE((lang + ' ' + id).toStdString());
            const Timeline& tl = test::cachedRun(id);
            for (const QRectF& states : diagramPanes)
                for (int c : {tl.size() / 3, 2 * tl.size() / 3, tl.size() - 1}) {
                    const QList<StateMachineText> texts = StateMachineRenderer::texts(states, tl, c, S);
                    checkDiagram(texts, states, c);
                    // The transition each socket just took keeps its label, whatever gave way.
                    static const StateMachineLayout layout;
                    for (const ActorState& a : StateMachineRenderer::statesAt(tl, c)) {
                        const int edge = layout.edgeIndex(a.previous, a.state);
                        if (edge < 0) continue;
                        const QString label = layout.edges().at(edge).label;
                        EXPECT_TRUE(std::any_of(texts.cbegin(), texts.cend(), [&](const StateMachineText& t) {
                            return t.kind == 1 && t.text == label;
                        })) << label.toStdString() << " left out (" << states.width() << "x" << states.height() << ")";
                    }
                }
            // And the window's own diagram pane at 1600x1000 (its top right corner).
            const QRectF windowPane(0, 0, 370, 360);
            for (int c : {tl.size() / 3, 2 * tl.size() / 3, tl.size() - 1})
                checkDiagram(StateMachineRenderer::texts(windowPane, tl, c, ViewStyle()), windowPane, c);
            LadderRenderer lr;
            lr.setStyle(S);
            lr.setTimeline(tl);
            lr.fitToWidth(ladder.width());
            const qreal band = lr.layout().metrics().headerHeight;
            const qreal total = lr.layout().contentHeight();
            for (qreal top = 0; top < total; top += ladder.height() / 2) {
                LadderViewport vp;
                vp.top = top;
                // At the end (the last row highlighted) and with every row drawn as history.
                for (int cursor : {tl.size() - 1, lr.layout().rows().isEmpty() ? 0 : lr.layout().rows().last().eventIndex - 1}) {
                    const QList<LadderItem> items = lr.items(ladder, cursor, vp);
                    QList<QRectF> fixed;
                    for (const LadderItem& it : items)
                        if (it.kind == LadderItem::Kind::Header || it.kind == LadderItem::Kind::Legend) fixed << it.rect;
                    for (const LadderItem& it : items) {
                        using K = LadderItem::Kind;
                        if (it.kind == K::Header || it.kind == K::Legend || it.kind == K::Lifeline) continue;
                        if (it.kind == K::Wait) {
                            EXPECT_GE(it.line.y1(), band - 0.5);
                            continue;
                        }
                        if (it.text.isEmpty()) continue;
                        EXPECT_GE(it.rect.top(), band - 0.5) << it.text.toStdString() << " over the lane headers";
                        for (const QRectF& f : fixed) EXPECT_FALSE(f.intersects(it.rect)) << it.text.toStdString();
                        // Every glyph inside the box drawn for it: none cut, none standing out.
                        if (it.kind == K::Call || it.kind == K::Timer || it.kind == K::Note || it.kind == K::State
                            || it.kind == K::Arrow) {
                            const QRectF ink = inkOf(lr, it, it.text);
                            EXPECT_TRUE(it.rect.adjusted(-0.5, -2, 0.5, 2).contains(ink))
                                << it.text.toStdString() << ": ink " << ink.left() << ".." << ink.right()
                                << " outside its box " << it.rect.left() << ".." << it.rect.right();
                        }
                        // The step's number and time fit the gutter ("155.900 s" lost its "s").
                        if (it.kind == K::StepMark || it.kind == K::Gap) {
                            const QRectF gutter = lr.textRect(it);
                            EXPECT_LE(inkOf(lr, it, it.text).right(), gutter.right() + 0.5) << it.text.toStdString();
                            if (it.kind == K::StepMark) {
                                const QFontMetricsF fm(S.smallFont);
                                EXPECT_LE(fm.horizontalAdvance(it.detail), gutter.width()) << it.detail.toStdString();
                            }
                        }
                        if (it.kind == K::Call) {
                            // b'The quick…' abbreviates a payload on purpose; anything else cut is elided.
                            QString t = it.text;
                            t.remove(QRegularExpression(QStringLiteral("\u2026'")));
                            t.remove(QStringLiteral("(\u2026)"));
                            EXPECT_FALSE(t.contains(QChar(0x2026))) << "elided: " << it.text.toStdString();
                            EXPECT_TRUE(it.fontPx == 0 || it.fontPx >= 14) << it.text.toStdString() << " at " << it.fontPx << " px";
                        }
                    }
                }
            }
        }
    }
}

// A long recording (your own programs, minutes of them): the step's time is in the gutter whole.
TEST(Exporter, LongRecordingTimesFitTheGutter)
{
    const Timeline tl = test::syntheticTimeline(40);
    QList<Event> events = tl.events();
    for (Event& e : events) e.tUs += 155'900'000; // 155.900 s into the session
    Timeline late;
    late.actors = tl.actors;
    late.appendBatch(events);
    for (const ViewStyle& S : {ViewStyle::presenterMode(), ViewStyle()}) {
        LadderRenderer lr;
        lr.setStyle(S);
        lr.setTimeline(late);
        lr.fitToWidth(700);
        bool seen = false;
        for (const LadderItem& it : lr.items(QRectF(0, 0, 700, 2000), late.size() - 1, {})) {
            if (it.kind != LadderItem::Kind::StepMark) continue;
            seen = true;
            EXPECT_LE(QFontMetricsF(S.smallFont).horizontalAdvance(it.detail), lr.textRect(it).width())
                << it.detail.toStdString();
        }
        EXPECT_TRUE(seen);
    }
}

// sticky step 10: the ladder, the step label and the code line name the same call.
TEST(Exporter, StickyWaitIsNamedAsTheCodeLineThatRan)
{
    // The wait before the one recv() is the server's own time.sleep(1), a line
    // of the code shown, before its recv(); nothing calls it "wait_readable".
    const Timeline& tl = test::cachedRun("sticky");
    int wait = -1;
    for (int k = 0; k < tl.steps.size(); ++k)
        if (tl.steps[k].captionId == "sticky.wait") wait = k;
    ASSERT_GE(wait, 0);
    const int a = tl.actorIndex("server");
    ASSERT_GE(a, 0);
    const QStringList code = ScenarioCatalog::codeLines(tl.actors[a].codeFile);
    int sleepLine = -1, recvLine = -1;
    for (int i = 0; i < code.size(); ++i) {
        const QString c = code[i].section('#', 0, 0);
        if (sleepLine < 0 && c.contains("time.sleep(")) sleepLine = i + 1;
        if (recvLine < 0 && c.contains(".recv(")) recvLine = i + 1;
    }
    ASSERT_GT(sleepLine, 0);
    EXPECT_LT(sleepLine, recvLine);
    // The recv() that ran after the wait is made from the line after the sleep.
    const ReturnData* recv = test::findReturn(tl, "server", "recv");
    ASSERT_TRUE(recv);
    EXPECT_GT(recv->step, wait);
    LadderLayout L;
    L.setTimeline(tl);
    for (const LadderRow& r : L.rows()) EXPECT_FALSE(r.text.contains("wait_readable")) << r.text.toStdString();
    for (const Event& e : tl.events()) EXPECT_FALSE(eventSummary(tl, e).contains("wait_readable"));
}

TEST(Exporter, UdpSocketsLightNoTcpState)
{
    const Timeline& tl = test::cachedRun("udp");
    EXPECT_TRUE(StateMachineRenderer::statesAt(tl, tl.size() - 1).isEmpty());
    // The kernel does report the UDP sockets (sock_diag: their queues, no TCP
    // state): the ladder draws no TCP chip for them either.
    bool reported = false;
    for (const Event& e : tl.events()) reported = reported || (e.queue() && e.actor == "server");
    ASSERT_TRUE(reported);
    LadderLayout L;
    L.setTimeline(tl);
    for (const LadderRow& r : L.rows())
        EXPECT_NE(r.type, LadderRow::Type::State) << r.text.toStdString() << " drawn for a UDP socket";
}

// The views are one constant table: each name paints something of its own (no
// two give the same image), an unknown name paints only the background.
TEST(Exporter, EveryViewOfTheTableIsExported)
{
    EXPECT_EQ(Exporter::views(), QStringList({"ladder", "states", "buffers", "stream", "backlog", "tseq"}));
    EXPECT_FALSE(Exporter::hasView("test-view"));
    const Timeline& tl = test::cachedRun("sticky");
    Exporter ex;
    ex.setCaptions(false);
    const QImage none = ex.image("test-view", tl, tl.size() - 1, QSize(600, 400));
    QList<QImage> seen;
    for (const QString& view : Exporter::views()) {
        const QImage img = ex.image(view, tl, tl.size() - 1, QSize(600, 400));
        EXPECT_NE(img, none) << view.toStdString() << " painted nothing";
        for (const QImage& other : seen) EXPECT_NE(img, other) << view.toStdString();
        seen << img;
    }
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
    // The overview, then accept() and connect(): socket/bind/listen are on the overview.
    EXPECT_EQ(QString::fromLatin1(f.readAll()).count(QRegularExpression("/Type\\s*/Page(?!s)")), 3);
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

TEST(Exporter, ActorNamesAreShownInTheChosenLanguage)
{
    // The lessons' actors, numbered ones included (backlog's client1..client4);
    // a program's own name (your script's) stays as it is.
    const Catalogue catalogue(QStringLiteral("zh_CN"));
    ASSERT_TRUE(catalogue.loaded);
    EXPECT_EQ(actorTitle(QStringLiteral("client")), QString::fromUtf8("客户端"));
    EXPECT_EQ(actorTitle(QStringLiteral("server")), QString::fromUtf8("服务端"));
    EXPECT_EQ(actorTitle(QStringLiteral("client3")), QString::fromUtf8("客户端3"));
    EXPECT_EQ(actorTitle(QStringLiteral("clients")), QStringLiteral("clients"));
    EXPECT_EQ(actorTitle(QStringLiteral("kr_tcp_server.py")), QStringLiteral("kr_tcp_server.py"));
}
