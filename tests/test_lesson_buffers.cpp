// The buffers and backlog views on real `buffers` and `backlog` runs: layout
// structure at several cursors (bars equal the Queue events, blocked send,
// zero window, probes; accept-queue slots, dropped SYNs and their timing),
// offscreen render without Qt warnings, exports, and the lesson captions.

#include "BacklogLayout.h"

#include <cmath>
#include "BacklogRenderer.h"
#include "BuffersLayout.h"
#include "BuffersRenderer.h"
#include "LessonView.h"
#include "ByteStreamRenderer.h"
#include "Captions.h"
#include "Exporter.h"
#include "ScenarioRun.h"

#include <QImage>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace socklab;
using namespace socklab::test;

namespace {

const Timeline& buffersRun()
{
    static const Timeline tl = runScenario("buffers");
    return tl;
}

const Timeline& backlogRun()
{
    static const Timeline tl = runScenario("backlog");
    return tl;
}

const EndpointBuffers* endpoint(const BuffersModel& m, const QString& actor)
{
    for (const EndpointBuffers& ep : m.endpoints)
        if (ep.actor == actor) return &ep;
    return nullptr;
}

qint64 partsTotal(const QueueBar& q)
{
    qint64 n = 0;
    for (const QueuePart& p : q.parts)
        n += p.bytes;
    return n;
}

// Counts Qt warnings while alive.
struct WarningCounter {
    static inline int count = 0;
    static inline QString last;
    QtMessageHandler previous;
    WarningCounter()
    {
        count = 0;
        previous = qInstallMessageHandler([](QtMsgType t, const QMessageLogContext&, const QString& msg) {
            if (t != QtDebugMsg && t != QtInfoMsg) {
                ++count;
                last = msg;
            }
        });
    }
    ~WarningCounter() { qInstallMessageHandler(previous); }
};

} // namespace

TEST(BuffersView, BarsEqualTheQueueEventsAtEveryCursor)
{
    const Timeline& tl = buffersRun();
    ASSERT_FALSE(tl.isEmpty());
    int checked = 0;
    for (int cursor = 0; cursor < tl.size(); ++cursor) {
        const QueueData* q = tl.at(cursor).queue();
        if (!q || q->acceptQueue >= 0 || q->inq < 0) continue;
        const BuffersModel m = buffersAt(tl, cursor);
        const QString actor = tl.at(cursor).actor;
        const EndpointBuffers* ep = endpoint(m, actor);
        if (!ep || ep->socket != q->socket) continue; // the listener before it listened
        EXPECT_EQ(ep->queueEvent, cursor);
        EXPECT_EQ(ep->sendQueue.used, q->outq) << cursor;
        EXPECT_EQ(ep->sendQueue.unsent, qMax<qint64>(0, q->outqNsd)) << cursor;
        EXPECT_EQ(ep->sendQueue.capacity, q->sndbuf);
        EXPECT_EQ(ep->recvQueue.used, q->inq) << cursor;
        EXPECT_EQ(ep->recvQueue.capacity, q->rcvbuf);
        // The coloured runs add up to the measured bytes.
        EXPECT_EQ(partsTotal(ep->sendQueue), qMax<qint64>(0, q->outq)) << cursor;
        EXPECT_EQ(partsTotal(ep->recvQueue), qMax<qint64>(0, q->inq)) << cursor;
        ++checked;
    }
    EXPECT_GE(checked, 4);
}

TEST(BuffersView, BlockedSendZeroWindowAndProbes)
{
    const Timeline& tl = buffersRun();
    // Two endpoints, the client (the sender) first.
    const BuffersModel end = buffersAt(tl, tl.size() - 1);
    ASSERT_EQ(end.endpoints.size(), 2);
    EXPECT_EQ(end.endpoints[0].actor, "client");
    EXPECT_EQ(end.endpoints[1].actor, "server");
    EXPECT_EQ(end.peerOf(0), 1);
    EXPECT_FALSE(end.endpoints[0].sendBlocked);

    bool sawBlocked = false, sawZero = false, sawFullSendQueue = false;
    int maxProbes = 0;
    for (int cursor = 0; cursor < tl.size(); ++cursor) {
        const BuffersModel m = buffersAt(tl, cursor);
        const EndpointBuffers* client = endpoint(m, "client");
        const EndpointBuffers* server = endpoint(m, "server");
        if (!client || !server) continue;
        if (client->sendBlocked) {
            sawBlocked = true;
            // The latest return of the client is a blocked sendall().
            const ReturnData* r = nullptr;
            for (int i = cursor; i >= 0 && !r; --i)
                if (tl.at(i).actor == "client") r = tl.at(i).ret();
            ASSERT_TRUE(r);
            EXPECT_TRUE(r->blocked);
            EXPECT_EQ(r->call, "sendall");
        }
        sawZero |= server->zeroWindow();
        sawFullSendQueue |= client->sendQueue.full();
        maxProbes = qMax(maxProbes, int(client->probes.size()));
        for (const ZeroWindowProbe& z : client->probes) {
            const PacketData* p = tl.at(z.event).packet();
            ASSERT_TRUE(p);
            EXPECT_LE(p->len, 1u);
            EXPECT_EQ(p->fromActor, "client");
        }
    }
    EXPECT_TRUE(sawBlocked);
    EXPECT_TRUE(sawZero);
    EXPECT_TRUE(sawFullSendQueue);
    EXPECT_GE(maxProbes, 1);
    // The queued bytes are attributed to the send() calls: the first call's bytes come first.
    bool sawColoured = false;
    for (int cursor = 0; cursor < tl.size(); ++cursor) {
        const BuffersModel model = buffersAt(tl, cursor); // endpoint() points into it: keep it alive
        if (const EndpointBuffers* c = endpoint(model, "client"); c && !c->sendQueue.parts.isEmpty()) {
            EXPECT_EQ(c->sendQueue.parts.first().sendIndex, 0);
            sawColoured = true;
            break;
        }
    }
    EXPECT_TRUE(sawColoured);
    // Before the connection there is nothing to show.
    EXPECT_TRUE(buffersAt(tl, 0).endpoints.isEmpty() || buffersAt(tl, 0).endpoints[0].sends.isEmpty());
}

TEST(BacklogView, SlotsDroppedSynsAndRetransmissionGaps)
{
    const Timeline& tl = backlogRun();
    ASSERT_FALSE(tl.isEmpty());
    int checked = 0;
    for (int cursor = 0; cursor < tl.size(); ++cursor) {
        const QueueData* q = tl.at(cursor).queue();
        if (!q || q->acceptQueue < 0) continue;
        const BacklogModel m = backlogAt(tl, cursor);
        EXPECT_EQ(m.queued, q->acceptQueue);
        EXPECT_EQ(m.backlog, q->backlog);
        EXPECT_EQ(m.slotCount(), q->backlog + 1);
        EXPECT_EQ(m.waiting().size(), q->acceptQueue) << cursor;
        ++checked;
    }
    EXPECT_GE(checked, 2);

    // Just before the listener closes: the queue is full, the last client's SYNs were dropped.
    const int beforeClose = tl.indexOfStep(tl.steps.last().index) - 1;
    const BacklogModel m = backlogAt(tl, beforeClose);
    EXPECT_EQ(m.listener, "server");
    EXPECT_EQ(m.backlog, 1);
    EXPECT_EQ(m.queued, 2);
    EXPECT_GE(m.droppedSyns(), 1);
    EXPECT_GE(m.maxRetransmitGapUs(), 900000);
    ASSERT_EQ(m.attempts.size(), 3);
    EXPECT_EQ(m.attempts[2].client, "client3"); // named from sock_diag although the capture could not
    EXPECT_GE(m.attempts[2].syns.size(), 2);
    EXPECT_FALSE(m.attempts[2].established);
    EXPECT_TRUE(m.attempts[0].established);
    // The first SYN of the dropped attempt arrived while the queue was full.
    EXPECT_TRUE(m.attempts[2].syns[0].queueFull);
    EXPECT_TRUE(m.attempts[2].syns[0].dropped);
    // Before anyone connected nothing waits.
    EXPECT_TRUE(backlogAt(tl, tl.indexOfStep(3)).waiting().isEmpty());
    // The server closes its listening socket: the queue is gone with it (its
    // connections are reset), nothing is shown waiting any more.
    const BacklogModel end = backlogAt(tl, tl.size() - 1);
    EXPECT_TRUE(end.closed);
    EXPECT_EQ(end.inQueue(), 0);
    EXPECT_TRUE(end.waiting().isEmpty());
    EXPECT_FALSE(m.closed);
}

// In a projector's lesson pane the view asks for the height that shows the
// queue and, under it, the SYNs on their time axis (compact: without their
// heading); at that height they are drawn, taller the heading is back.
TEST(BacklogView, ItsNeededHeightShowsTheSynsOnTheirAxis)
{
    const Timeline& tl = backlogRun();
    for (const ViewStyle& st : {ViewStyle::presenterMode(), ViewStyle()}) {
        const qreal need = backlogNaturalHeight(st, true);
        if (st.presenter) {
            EXPECT_LE(need, 768 * 0.58 - 60); // the most PaneDocks gives a lesson view at 1366x768
        }
        auto where = [&](qreal h, const char* what, qreal w = 1366) {
            for (const BacklogText& t : backlogTexts(QRectF(0, 0, w, h), tl, tl.size() - 1, st))
                if (t.text.contains(QLatin1String(what))) return t.rect;
            return QRectF();
        };
        auto drawn = [&](qreal h, const char* what, qreal w = 1366) { return where(h, what, w).isValid(); };
        EXPECT_TRUE(drawn(std::ceil(need), "0 s")) << (st.presenter ? "presenter" : "window");
        EXPECT_LT(where(std::ceil(need), "0 s").left(), 1366 * 0.4) << "under the queue";
        // Shorter but wide (a projector's lesson pane): the axis goes beside the queue, the dropped SYN on it.
        EXPECT_GT(where(need - 30, "0 s").left(), 1366 * 0.55);
        EXPECT_TRUE(drawn(need - 30, "SYN dropped"));
        // Shorter and narrow: the axis gives way, nothing overlaps.
        EXPECT_FALSE(drawn(need - 30, "0 s", 600));
        EXPECT_FALSE(drawn(std::ceil(need), "SYNs to port"));
        EXPECT_TRUE(drawn(std::ceil(backlogNaturalHeight(st, false)), "SYNs to port"));
        EXPECT_TRUE(drawn(std::ceil(need), "closed")); // the end: the listening socket is closed
    }
}

// The timeline under the queue in the presenter's lesson pane at 1366x768 and in a
// wide window: tick labels and "SYN dropped" never run into one smear, nothing
// leaves the view (over the caption under it), and the listener's box says what
// its program does (homework's server does call accept()).
// The lesson pane PaneDocks gives the backlog view in presenter mode at
// 1366x768 (~245 px): the SYNs beside the queue, and when not every
// connection's row fits, the one whose SYN was dropped is the one shown.
TEST(BacklogView, ThePresentersShortPaneShowsTheDroppedSynBesideTheQueue)
{
    const Timeline& tl = backlogRun();
    const ViewStyle st = ViewStyle::presenterMode();
    for (const qreal h : {245.0, 280.0, 320.0}) {
        const QList<BacklogText> texts = backlogTexts(QRectF(0, 0, 1366, h), tl, tl.size() - 1, st);
        bool dropped = false, axis = false, count = false;
        int rows = 0;
        for (const BacklogText& t : texts) {
            dropped = dropped || t.text.contains(QLatin1String("SYN dropped"));
            axis = axis || t.text == QLatin1String("0 s");
            count = count || t.text.contains(QLatin1String("listening socket closed"));
            rows += t.text.contains(QLatin1String("client")) && t.rect.left() > 1366 * 0.55 ? 1 : 0;
            EXPECT_LE(t.rect.bottom(), h + 0.5) << t.text.toStdString() << " leaves the view at " << h;
        }
        SCOPED_TRACE(h);
        EXPECT_TRUE(dropped);
        EXPECT_TRUE(axis);
        EXPECT_TRUE(count) << "the count line stays whole";
        EXPECT_GE(rows, 1);
        for (int i = 0; i < texts.size(); ++i)
            for (int j = i + 1; j < texts.size(); ++j)
                EXPECT_FALSE(texts[i].rect.intersects(texts[j].rect))
                    << texts[i].text.toStdString() << " / " << texts[j].text.toStdString() << " at " << h;
    }
}

TEST(BacklogView, TextsStandApartInANarrowPresenterPane)
{
    const Timeline& tl = backlogRun();
    const Timeline homework = runScenario("homework");
    for (const ViewStyle& st : {ViewStyle::presenterMode(), ViewStyle()})
        for (const QRectF& area : {QRectF(0, 0, 906, 330), QRectF(0, 0, 1300, 330), QRectF(0, 0, 700, 260)})
            for (const Timeline* run : {&tl, &homework})
                for (int cursor : {run->size() / 2, run->size() - 1}) {
                    SCOPED_TRACE(QStringLiteral("%1 %2x%3 %4 at %5").arg(run->scenarioId).arg(area.width()).arg(area.height())
                                     .arg(st.presenter ? "presenter" : "window").arg(cursor).toStdString());
                    const QList<BacklogText> texts = backlogTexts(area, *run, cursor, st);
                    ASSERT_FALSE(texts.isEmpty());
                    for (int i = 0; i < texts.size(); ++i) {
                        EXPECT_TRUE(area.contains(texts[i].rect)) << texts[i].text.toStdString() << " outside the view";
                        for (int j = i + 1; j < texts.size(); ++j)
                            EXPECT_FALSE(texts[i].rect.adjusted(1, 1, -1, -1).intersects(texts[j].rect.adjusted(1, 1, -1, -1)))
                                << texts[i].text.toStdString() << " runs into " << texts[j].text.toStdString();
                    }
                }
    auto says = [](const Timeline& run, const char* what) {
        for (const BacklogText& t : backlogTexts(QRectF(0, 0, 1300, 330), run, run.size() - 1, ViewStyle()))
            if (t.text.contains(QLatin1String(what))) return true;
        return false;
    };
    EXPECT_FALSE(says(homework, "never calls accept()"));
    EXPECT_TRUE(says(tl, "never calls accept()")); // the backlog lesson's server really never does
}

TEST(LessonViewsRender, WidgetsRenderWithoutWarningsAndExport)
{
    const Timeline& buf = buffersRun();
    const Timeline& bl = backlogRun();
    WarningCounter warnings;
    LessonView bv(LessonView::Kind::Buffers);
    bv.resize(1100, 460);
    bv.setTimeline(buf);
    LessonView kv(LessonView::Kind::Backlog);
    kv.resize(1100, 460);
    kv.setTimeline(bl);
    for (bool presenter : {false, true}) {
        bv.setPresenter(presenter);
        kv.setPresenter(presenter);
        EXPECT_EQ(bv.viewStyle().presenter, presenter);
        for (int cursor : {0, buf.size() / 3, buf.size() / 2, buf.size() - 1}) {
            bv.setCursor(cursor);
            const QImage img = bv.grab().toImage();
            EXPECT_EQ(img.size(), QSize(1100, 460));
        }
        for (int cursor : {0, bl.size() / 2, bl.size() - 1}) {
            kv.setCursor(cursor);
            EXPECT_EQ(kv.grab().toImage().size(), QSize(1100, 460));
        }
    }
    EXPECT_EQ(WarningCounter::count, 0) << WarningCounter::last.toStdString();

    ASSERT_TRUE(Exporter::hasView("buffers"));
    ASSERT_TRUE(Exporter::hasView("backlog"));
    ASSERT_TRUE(Exporter::hasView("stream"));
    QTemporaryDir dir;
    QString error;
    Exporter ex;
    for (const auto& [view, tl] : {std::pair<QString, const Timeline*>{"buffers", &buf}, {"backlog", &bl}}) {
        const QString png = dir.filePath(view + ".png");
        // buffers: mid-run, while the window is 0; backlog: the queue full, just before the listener closes.
        const int cursor = view == "buffers" ? tl->size() / 2 : tl->indexOfStep(tl->steps.last().index) - 1;
        ASSERT_TRUE(ex.exportFile(png, view, *tl, cursor, QSize(1200, 700), &error)) << error.toStdString();
        const QImage img(png);
        EXPECT_EQ(img.size(), QSize(1200, 700));
        // The zero window / dropped SYN are drawn in the error colour somewhere.
        const QColor red = ViewStyle().errorColor();
        int reddish = 0;
        for (int y = 0; y < img.height(); y += 2)
            for (int x = 0; x < img.width(); x += 2)
                reddish += QColor(img.pixel(x, y)) == red;
        EXPECT_GT(reddish, 10) << view.toStdString();
        ASSERT_TRUE(ex.exportFile(dir.filePath(view + ".svg"), view, *tl, tl->size() - 1, QSize(1200, 700), &error));
    }
}

TEST(LessonCaptions, EveryLessonStepHasItsOwnCaptionWithValues)
{
    const Timeline& buf = buffersRun();
    const Timeline& bl = backlogRun();
    const Timeline sticky = runScenario("sticky");
    for (const Timeline* tl : {&buf, &bl, &sticky})
        for (int k = 0; k < tl->steps.size(); ++k) {
            const QString text = captionText(*tl, k);
            EXPECT_FALSE(text.isEmpty()) << tl->steps[k].captionId.toStdString();
            // Not the generic fallback sentence.
            const StepRecord& st = tl->steps[k];
            const QString call = st.socket.isEmpty() ? st.call + "()" : st.socket + '.' + st.call + "()";
            EXPECT_FALSE(text.startsWith(QStringLiteral("The %1 calls %2").arg(st.actor, call)))
                << tl->steps[k].captionId.toStdString() << ": " << text.toStdString();
        }
    int recvStep = -1;
    for (int k = 0; k < sticky.steps.size(); ++k)
        if (sticky.steps[k].captionId == "sticky.recv-all") recvStep = k;
    ASSERT_GE(recvStep, 0);
    const QString c = captionText(sticky, recvStep);
    EXPECT_TRUE(c.contains("15 bytes of 3 send() calls")) << c.toStdString();
    EXPECT_TRUE(c.contains("b'helloworld12345'")) << c.toStdString();
    for (int k = 0; k < bl.steps.size(); ++k)
        if (bl.steps[k].captionId == "backlog.connect-dropped") {
            EXPECT_TRUE(captionText(bl, k).contains("+1.0 s")) << captionText(bl, k).toStdString();
        }
}

// The buffers view in a projector's lesson pane (1366x768, presenter mode: the
// pane gets about 300 px) and in a window: no text runs into another, none
// leaves the view. Too short for both directions, it shows the data's; shorter
// still, the subtitle and the legend give way (they overlapped the lanes).
TEST(BuffersView, TextsStandApartInAShortPresenterPane)
{
    const Timeline& tl = buffersRun();
    int blocked = -1; // the step where sendall() waits for buffer space
    for (int i = 0; i < tl.size() && blocked < 0; ++i)
        if (const ReturnData* r = tl.at(i).ret(); r && r->blocked && r->call.startsWith(QLatin1String("send"))) blocked = i;
    ASSERT_GE(blocked, 0);
    const ViewStyle presenter = ViewStyle::presenterMode();
    const qreal need = buffersNaturalHeight(presenter, 1, true);
    EXPECT_LE(need, 768 * 0.52 - 60); // fits the share PaneDocks gives it at 1366x768
    for (const ViewStyle& st : {presenter, ViewStyle()})
        for (const QRectF& area : {QRectF(0, 0, 1366, need), QRectF(0, 0, 1366, 480), QRectF(0, 0, 1000, 420),
                                   QRectF(0, 0, 1366, buffersNaturalHeight(st, 2, false))})
            for (int cursor : {blocked, tl.size() - 1}) {
                if (!st.presenter && area.height() < buffersNaturalHeight(st, 1, true)) continue;
                SCOPED_TRACE(QStringLiteral("%1x%2 %3 at %4").arg(area.width()).arg(area.height())
                                 .arg(st.presenter ? "presenter" : "window").arg(cursor).toStdString());
                const QList<BuffersText> texts = buffersTexts(area, tl, cursor, st);
                ASSERT_GT(texts.size(), 8);
                for (int i = 0; i < texts.size(); ++i) {
                    EXPECT_TRUE(area.adjusted(-1, -1, 1, 1).contains(texts[i].rect)) << texts[i].text.toStdString() << " outside the view";
                    for (int j = i + 1; j < texts.size(); ++j)
                        EXPECT_FALSE(texts[i].rect.adjusted(1, 1, -1, -1).intersects(texts[j].rect.adjusted(1, 1, -1, -1)))
                            << texts[i].text.toStdString() << " runs into " << texts[j].text.toStdString();
                }
            }
}
