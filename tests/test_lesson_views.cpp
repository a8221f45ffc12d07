// The byte-stream view on real sticky/fix runs: structure at several cursors, offscreen render, export.

#include "ByteStreamLayout.h"
#include "ByteStreamRenderer.h"
#include "LessonView.h"
#include "Exporter.h"
#include "ScenarioRun.h"

#include <QImage>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace socklab;
using namespace socklab::test;

namespace {

int distinctColours(const QImage& img)
{
    QSet<QRgb> seen;
    for (int y = 0; y < img.height(); y += 3)
        for (int x = 0; x < img.width(); x += 3)
            seen.insert(img.pixel(x, y));
    return seen.size();
}

} // namespace

TEST(LessonViews, StickyStreamShowsThreeSendsAndOneMergedRecv)
{
    const Timeline tl = runScenario("sticky");
    const ByteStreamModel end = byteStreamAt(tl, tl.size() - 1);
    EXPECT_EQ(end.sender, "client");
    EXPECT_EQ(end.receiver, "server");
    EXPECT_EQ(end.sendCall, "send");
    EXPECT_EQ(end.recvCall, "recv");
    ASSERT_EQ(end.sends.size(), 3);
    ASSERT_EQ(end.recvs.size(), 1);
    EXPECT_EQ(end.recvs[0].end, 15);
    EXPECT_EQ(end.mergedRecvs(), 1);
    // Before the recv step nothing was received yet; at the start nothing was sent.
    const ByteStreamModel before = byteStreamAt(tl, tl.indexOfStep(tl.steps.size() - 4) - 1);
    EXPECT_EQ(before.sends.size(), 3);
    EXPECT_TRUE(before.recvs.isEmpty());
    EXPECT_TRUE(byteStreamAt(tl, 0).sends.isEmpty());
}

TEST(LessonViews, FixesPlaceEachParsedMessageOverItsBytes)
{
    const Timeline tl = runScenario("fix-length-prefix");
    const ByteStreamModel m = byteStreamAt(tl, tl.size() - 1);
    ASSERT_EQ(m.recvs.size(), 2);
    ASSERT_EQ(m.messages.size(), 3);
    EXPECT_EQ(m.messages[0].begin, 5);                  // after its 5-byte header
    EXPECT_EQ(m.messages[1].begin, 10 + 5);
    EXPECT_EQ(m.messages[1].end - m.messages[1].begin, 15); // 5 characters, 15 bytes
    EXPECT_LT(m.messages[1].begin, m.recvs[0].end);     // the split message spans both recv() calls
    EXPECT_GT(m.messages[1].end, m.recvs[1].begin);
}

TEST(LessonViews, WidgetAndExportRender)
{
    const Timeline tl = runScenario("sticky");
    LessonView view(LessonView::Kind::ByteStream);
    view.resize(900, 260);
    view.setTimeline(tl);
    for (int cursor : {0, tl.size() / 2, tl.size() - 1}) {
        view.setCursor(cursor);
        const QImage img = view.grab().toImage();
        EXPECT_EQ(img.size(), QSize(900, 260));
        EXPECT_GT(distinctColours(img), 3) << cursor;
    }
    ASSERT_TRUE(Exporter::hasView("stream"));
    QTemporaryDir dir;
    QString error;
    Exporter ex;
    const QString png = dir.filePath("stream.png");
    ASSERT_TRUE(ex.exportFile(png, "stream", tl, tl.size() - 1, QSize(1000, 400), &error)) << error.toStdString();
    EXPECT_EQ(QImage(png).size(), QSize(1000, 400));
    ASSERT_TRUE(ex.exportFile(dir.filePath("stream.svg"), "stream", tl, tl.size() - 1, QSize(1000, 400), &error));
    // For looking at it: SOCKLAB_SHOTS=/some/dir keeps a PNG of sticky and of a fix.
    if (const QString shots = qEnvironmentVariable("SOCKLAB_SHOTS"); !shots.isEmpty()) {
        ex.exportFile(shots + "/stream-sticky.png", "stream", tl, tl.size() - 1, QSize(1000, 400), &error);
        const Timeline fix = runScenario("fix-delimiter");
        ex.exportFile(shots + "/stream-fix.png", "stream", fix, fix.size() - 1, QSize(1000, 400), &error);
    }
}

// The call gate can take the receiver's read() return before the sender's
// send() return (nc and a C client, the gate slow under AddressSanitizer): the
// receiver is still the one that read the bytes.
TEST(LessonViews, TheReceiverIsFoundWhenItsReadReturnsBeforeTheSend)
{
    Timeline tl;
    auto ret = [&](qint64 t, const char* actor, const char* call, qint64 result, const QByteArray& data) {
        Event e;
        e.tUs = t;
        e.kind = EventKind::Return;
        e.actor = QString::fromLatin1(actor);
        ReturnData r;
        r.call = QString::fromLatin1(call);
        r.result = result;
        if (!data.isEmpty()) r.values.insert("data", data);
        e.data = r;
        return e;
    };
    tl.appendBatch({ret(10, "nc", "read", 10, "hi from C\n"), ret(20, "c_client", "send", 10, "hi from C\n"),
                    ret(30, "nc", "read", 0, {})});
    const ByteStreamModel m = byteStreamAt(tl, tl.size() - 1);
    EXPECT_EQ(m.sender, QStringLiteral("c_client"));
    EXPECT_EQ(m.receiver, QStringLiteral("nc"));
    EXPECT_EQ(m.recvCall, QStringLiteral("read"));
    ASSERT_EQ(m.recvs.size(), 1);
    EXPECT_EQ(m.recvs.first().bytes, QByteArray("hi from C\n"));
    ASSERT_EQ(m.sends.size(), 1);
}
