// Ladder: layout math (actor -> x, time -> y, visible range) and the scene
// drawn at a cursor for a real handshake, checked as structure, not pixels.

#include "Captions.h"
#include "LadderRenderer.h"
#include "ViewsTestData.h"

#include <QFontMetricsF>
#include <QImage>
#include <QSet>
#include <QPainter>

#include <gtest/gtest.h>

using namespace socklab;

namespace {

QStringList texts(const QList<LadderItem>& items, LadderItem::Kind kind)
{
    QStringList out;
    for (const LadderItem& it : items)
        if (it.kind == kind) out << it.text;
    return out;
}

int connectStep(const Timeline& tl)
{
    for (int k = 0; k < tl.steps.size(); ++k)
        if (tl.steps[k].call == QLatin1String("connect")) return k;
    return -1;
}

int cursorAfter(const Timeline& tl, int k)
{
    const int next = tl.indexOfStep(tl.steps[k].index + 1);
    return next < 0 ? tl.size() - 1 : next - 1;
}

} // namespace

TEST(LadderLayout, ClientLeftServerRightAndRowsMonotonic)
{
    const Timeline tl = test::syntheticTimeline(200);
    LadderLayout L;
    L.setTimeline(tl);
    ASSERT_EQ(L.actorCount(), 2);
    EXPECT_EQ(L.actorName(0), "client");
    EXPECT_EQ(L.actorName(1), "server");
    EXPECT_LT(L.actorX(0, 1200), L.actorX(1, 1200));
    EXPECT_GE(L.actorX(1, 100), L.actorX(0, 100) + L.metrics().minColumnGap - 1); // never squeezed
    qreal lastY = -1;
    int lastEvent = -1;
    for (int r = 0; r < L.rows().size(); ++r) {
        EXPECT_GT(L.rowTop(r), lastY);
        EXPECT_GE(L.rows()[r].eventIndex, lastEvent);
        lastY = L.rowTop(r);
        lastEvent = L.rows()[r].eventIndex;
    }
    // Zoom scales the time axis.
    const qreal h1 = L.contentHeight();
    L.setZoom(2.0);
    EXPECT_NEAR(L.contentHeight() - L.metrics().headerHeight, 2 * (h1 - L.metrics().headerHeight), 1e-6);
}

TEST(LadderLayout, VisibleRangeMatchesBruteForce)
{
    const Timeline tl = test::syntheticTimeline(1000);
    LadderLayout L;
    L.setTimeline(tl);
    L.setZoom(0.7);
    for (qreal top : {0.0, 333.0, 5000.0, 20000.0, L.contentHeight() - 100}) {
        const qreal bottom = top + 600;
        const auto [first, last] = L.visibleRows(top, bottom);
        int bf = -1, bl = -2;
        for (int r = 0; r < L.rows().size(); ++r) {
            const bool vis = L.rowTop(r) + L.rowHeightPx(r) > top && L.rowTop(r) < bottom;
            if (vis && bf < 0) bf = r;
            if (vis) bl = r;
        }
        EXPECT_EQ(first, bf) << top;
        EXPECT_EQ(last, bl) << top;
    }
    // The row of an event: the last row at or before it.
    const int row = L.lastRowAtOrBefore(501);
    ASSERT_GE(row, 0);
    EXPECT_LE(L.rows()[row].eventIndex, 501);
    if (row + 1 < L.rows().size()) EXPECT_GT(L.rows()[row + 1].eventIndex, 501);
    EXPECT_EQ(L.lastRowAtOrBefore(-1), -1);
}

TEST(LadderLayout, IdleGapsAreCompressed)
{
    Timeline tl = test::syntheticTimeline(4);
    Timeline later = test::syntheticTimeline(4);
    QList<Event> shifted;
    for (Event e : later.events()) {
        e.tUs += 30'000'000; // 30 s of nothing
        shifted << e;
    }
    tl.appendBatch(shifted);
    LadderLayout L;
    L.setTimeline(tl);
    const qreal h = L.contentHeight();
    // 30 seconds cost at most a couple of rows, not 30 s worth of pixels.
    LadderLayout M;
    M.setTimeline(test::syntheticTimeline(8));
    EXPECT_LT(h - M.contentHeight(), 3 * L.metrics().rowHeight);
}

TEST(LadderLayout, AWideLadderFollowsTheCursorSideways)
{
    // homework: client1, client2 and the server — wider than a projector's pane.
    const Timeline& tl = test::cachedRun(QStringLiteral("homework"));
    LadderLayout L;
    L.setTimeline(tl);
    ASSERT_EQ(L.actorCount(), 3);
    const qreal viewport = L.minimumWidth() * 0.6;
    qreal scroll = 0;
    QSet<int> positions;
    int checked = 0;
    for (int r = 0; r < L.rows().size(); ++r) {
        const LadderRow& row = L.rows()[r];
        scroll = L.horizontalScrollFor(r, scroll, viewport);
        EXPECT_GE(scroll, 0);
        EXPECT_LE(scroll, L.minimumWidth() - viewport + 0.5);
        positions.insert(int(scroll));
        if (row.actor < 0 || (row.type != LadderRow::Type::Call && row.type != LadderRow::Type::Arrow)) continue;
        const qreal x = L.actorX(row.actor, L.minimumWidth());
        EXPECT_GE(x, scroll) << r << " " << row.text.toStdString(); // the cursor's lifeline is on screen
        EXPECT_LE(x, scroll + viewport) << r << " " << row.text.toStdString();
        ++checked;
    }
    EXPECT_GT(checked, 20);
    EXPECT_GE(positions.size(), 2); // it did move: the server's and client1's lanes do not fit together
    // A ladder that fits its pane never scrolls sideways.
    for (int r = 0; r < L.rows().size(); ++r)
        EXPECT_EQ(L.horizontalScrollFor(r, 0, L.minimumWidth() + 10), 0);
}

TEST(LadderRenderer, HandshakeSceneAtCursors)
{
    const Timeline& tl = test::cachedRun("handshake");
    const int k = connectStep(tl);
    ASSERT_GE(k, 0);
    LadderRenderer r;
    r.setTimeline(tl);
    const QRectF target(0, 0, 1400, 4000);

    // Before connect(): no arrow yet, the server is blocked in accept().
    const int before = tl.indexOfStep(tl.steps[k].index) ;
    auto items = r.items(target, before, {});
    EXPECT_TRUE(texts(items, LadderItem::Kind::Arrow).isEmpty());
    bool waiting = false;
    for (const LadderItem& it : items)
        if (it.kind == LadderItem::Kind::Wait && it.highlighted) waiting = true;
    EXPECT_TRUE(waiting) << "accept() should be drawn as still waiting";

    // After connect(): the three segments with relative numbers, derived states marked.
    items = r.items(target, cursorAfter(tl, k), {});
    const QStringList arrows = texts(items, LadderItem::Kind::Arrow);
    ASSERT_EQ(arrows.size(), 3) << arrows.join(" | ").toStdString();
    EXPECT_EQ(arrows[0], "SYN seq=0");
    EXPECT_EQ(arrows[1], "SYN,ACK seq=0 ack=1");
    EXPECT_TRUE(arrows[2].startsWith("ACK ack=1 win=")) << arrows[2].toStdString();
    const QStringList states = texts(items, LadderItem::Kind::State);
    EXPECT_TRUE(states.contains("SYN_SENT *"));
    EXPECT_TRUE(states.contains("SYN_RECV *"));
    EXPECT_TRUE(states.contains("LISTEN")); // kernel-observed: no marker
    for (const LadderItem& it : items)
        if (it.kind == LadderItem::Kind::State) EXPECT_EQ(it.derived, it.text.endsWith(" *"));
    // Calls on their actor's lifeline; the wait has ended.
    const QStringList calls = texts(items, LadderItem::Kind::Call);
    // listen() returned at once: its result is on the call's row ("… → 0"),
    // or on a row of its own when other events of its actor came between.
    EXPECT_TRUE(calls.contains("sockfd.listen(5) → 0")
                || (calls.contains("sockfd.listen(5)") && calls.contains("listen() → 0")))
        << calls.join(" | ").toStdString();
    for (const LadderItem& it : items)
        if (it.kind == LadderItem::Kind::Wait) EXPECT_FALSE(it.highlighted);

    // The cursor on the SYN,ACK: that arrow is highlighted and can be half-way.
    int synack = -1;
    for (int i = 0; i < tl.size(); ++i)
        if (const PacketData* p = tl.at(i).packet(); p && p->has(TcpFlag::SYN) && p->has(TcpFlag::ACK)) synack = i;
    ASSERT_GE(synack, 0);
    LadderViewport vp;
    vp.progress = 0.5;
    items = r.items(target, synack, vp);
    const LadderItem* hot = nullptr;
    for (const LadderItem& it : items)
        if (it.kind == LadderItem::Kind::Arrow && it.highlighted) hot = &it;
    ASSERT_NE(hot, nullptr);
    EXPECT_EQ(hot->eventIndex, synack);
    const qreal full = r.layout().actorX(1, 1400) - r.layout().actorX(0, 1400);
    EXPECT_NEAR(qAbs(hot->line.dx()), full / 2, 1.0);
    EXPECT_EQ(texts(items, LadderItem::Kind::Arrow).size(), 2);
    // Ghosting shows what comes later, faintly.
    vp.ghostFuture = true;
    items = r.items(target, synack, vp);
    int ghosts = 0;
    for (const LadderItem& it : items) ghosts += it.ghosted ? 1 : 0;
    EXPECT_GT(ghosts, 0);
}

TEST(LadderRenderer, ArrowHitTest)
{
    const Timeline& tl = test::cachedRun("handshake");
    LadderRenderer r;
    r.setTimeline(tl);
    for (int row = 0; row < r.layout().rows().size(); ++row) {
        const LadderRow& lr = r.layout().rows()[row];
        if (lr.type != LadderRow::Type::Arrow) continue;
        const QPointF mid((r.layout().actorX(0, 1400) + r.layout().actorX(1, 1400)) / 2,
                          r.layout().rowTop(row) + r.layout().rowHeightPx(row) * 0.67);
        EXPECT_EQ(r.arrowAt(mid, 1400), lr.eventIndex);
    }
    EXPECT_EQ(r.arrowAt(QPointF(5, 5), 1400), -1);
}

TEST(Captions, QuoteRealValues)
{
    const Timeline& tl = test::cachedRun("handshake");
    const int k = connectStep(tl);
    ASSERT_GE(k, 0);
    const QString c = captionText(tl, k);
    EXPECT_TRUE(c.contains("SYN")) << c.toStdString();
    EXPECT_TRUE(c.contains(QString::number(tl.steps[k].values.value("isn").toLongLong()))) << c.toStdString();
    EXPECT_EQ(captionForCursor(tl, cursorAfter(tl, k)), c);
    EXPECT_TRUE(captionForCursor(tl, 0).isEmpty() || stepAtEvent(tl, 0) >= 0);
    for (int i = 0; i < tl.steps.size(); ++i) EXPECT_FALSE(captionText(tl, i).isEmpty());
    for (const Event& e : tl.events())
        if (e.kind != EventKind::Queue) EXPECT_FALSE(eventSummary(tl, e).isEmpty());
}

TEST(Captions, TeardownOfThreeSegmentsIsExplained)
{
    Timeline tl;
    tl.actors = {{"server", "server", {}, {}}, {"client", "client", {}, {}}};
    Event step;
    step.kind = EventKind::Note;
    step.data = NoteData{"step", {{"index", 0}, {"call", "close"}}};
    Event three;
    three.tUs = 5;
    three.kind = EventKind::Note;
    three.data = NoteData{"teardown-3", {}};
    tl.append(step);
    StepRecord rec;
    rec.index = 0;
    rec.actor = "server";
    rec.call = "close";
    rec.captionId = "teardown.server-close";
    tl.steps << rec;
    const QString four = captionText(tl, 0);
    tl.append(three);
    const QString threeSeg = captionText(tl, 0);
    EXPECT_FALSE(four.contains("3 segments"));
    EXPECT_TRUE(threeSeg.contains("3 segments")) << threeSeg.toStdString();
    // An unknown caption id falls back to the call and its result.
    tl.steps[0].captionId = "someone-else.new-step";
    EXPECT_TRUE(captionText(tl, 0).contains("close()"));
}

// The socket's name beside a state badge stays on the view: a student's long
// name on the right lane ("connectionSocket") ran off its right edge.
TEST(LadderRenderer, ASocketNameBesideAStateStaysOnTheView)
{
    Timeline tl;
    tl.scenarioId = QStringLiteral("lab");
    tl.actors = {{QStringLiteral("kr_tcp_client"), QStringLiteral("client"), {}, {}},
                 {QStringLiteral("kr_tcp_server"), QStringLiteral("server"), {}, {}}};
    QList<Event> events;
    auto state = [&](qint64 t, const QString& actor, const QString& socket) {
        Event e;
        e.tUs = t;
        e.kind = EventKind::State;
        e.actor = actor;
        e.provenance = Provenance::Kernel;
        StateData s;
        s.socket = socket;
        s.state = QStringLiteral("ESTABLISHED");
        e.data = s;
        events.append(e);
    };
    state(1000, QStringLiteral("kr_tcp_client"), QStringLiteral("clientSocket"));
    state(2000, QStringLiteral("kr_tcp_server"), QStringLiteral("connectionSocket"));
    tl.appendBatch(events);
    for (const ViewStyle& S : {ViewStyle::presenterMode(), ViewStyle()}) {
        for (qreal width : {560.0, 900.0}) {
            LadderRenderer lr;
            lr.setStyle(S);
            lr.setTimeline(tl);
            lr.fitToWidth(width);
            const QRectF target(0, 0, width, 600);
            int seen = 0;
            for (const LadderItem& it : lr.items(target, tl.size() - 1, {})) {
                if (it.kind != LadderItem::Kind::State) continue;
                ++seen;
                ASSERT_TRUE(it.detailRect.isValid()) << it.detail.toStdString();
                EXPECT_GE(it.detailRect.left(), target.left()) << it.detail.toStdString() << " at " << width;
                EXPECT_LE(it.detailRect.right(), target.right()) << it.detail.toStdString() << " at " << width;
                EXPECT_FALSE(it.detailRect.intersects(it.rect)) << it.detail.toStdString();
                const QFontMetricsF fm(S.smallFont);
                EXPECT_GE(it.detailRect.width(), fm.horizontalAdvance(it.detail)); // the whole name
            }
            EXPECT_EQ(seen, 2);
        }
    }
}

// Fitted to its pane, the ladder needs no sideways scroll: a gutter widened for
// a long step time or idle gap takes its room from the label areas (at
// 1366x768 presenter a few pixels of scroll cut "第 14 步" at the left edge).
TEST(LadderRenderer, FittedToItsPaneItNeedsNoSidewaysScroll)
{
    for (const QString id : {"time-wait", "backlog", "echo"}) {
        const Timeline& tl = test::cachedRun(id);
        for (const ViewStyle& S : {ViewStyle::presenterMode(), ViewStyle()}) {
            for (qreal width : {760.0, 875.0, 1000.0}) {
                LadderRenderer lr;
                lr.setStyle(S);
                lr.setTimeline(tl);
                lr.fitToWidth(width);
                const auto& M = lr.layout().metrics();
                const qreal floors = M.gutter + 2 * 150 * S.scale + qMax(0, lr.layout().actorCount() - 1) * 190 * S.scale;
                if (floors > width) continue; // narrower than the floors: scrolling is the answer
                EXPECT_LE(lr.layout().minimumWidth(), width + 0.5)
                    << id.toStdString() << " at " << width << (S.presenter ? " presenter" : "") << ": gutter " << M.gutter;
            }
        }
    }
}

// The gutter's width is measured once per timeline and style (issue 12: a
// hundred thousand step marks were shaped on every resize), and measured again
// for a new timeline or style: the same renderer given a session with long
// step times and an idle gap widens its gutter, as a fresh one does.
TEST(LadderRenderer, TheGutterIsMeasuredAgainForANewTimelineOrStyle)
{
    const Timeline small = test::syntheticTimeline(20); // no step marks: the gutter's minimum
    const Timeline& longer = test::cachedRun(QStringLiteral("time-wait")); // "Step 7", "60.000 s", a gap
    auto gutterOf = [](const Timeline& tl, const ViewStyle& st) {
        LadderRenderer fresh;
        fresh.setStyle(st);
        fresh.setTimeline(tl);
        fresh.fitToWidth(2000);
        return fresh.layout().metrics().gutter;
    };
    // Type large enough that the gutter's words, not its minimum, decide it.
    ViewStyle big;
    big.smallFont.setPointSizeF(big.smallFont.pointSizeF() * 4);
    ASSERT_GT(gutterOf(longer, big), gutterOf(small, big));
    ASSERT_GT(gutterOf(longer, big), gutterOf(longer, ViewStyle()));
    LadderRenderer lr;
    lr.setTimeline(small);
    lr.fitToWidth(2000);
    EXPECT_DOUBLE_EQ(lr.layout().metrics().gutter, gutterOf(small, ViewStyle()));
    lr.setStyle(big);
    EXPECT_DOUBLE_EQ(lr.layout().metrics().gutter, gutterOf(small, big));
    lr.setTimeline(longer); // measured again: wider
    EXPECT_GT(lr.layout().metrics().gutter, gutterOf(small, big));
    EXPECT_DOUBLE_EQ(lr.layout().metrics().gutter, gutterOf(longer, big));
    lr.setStyle(ViewStyle()); // measured again: narrower
    EXPECT_DOUBLE_EQ(lr.layout().metrics().gutter, gutterOf(longer, ViewStyle()));
    lr.setTimeline(small);
    EXPECT_DOUBLE_EQ(lr.layout().metrics().gutter, gutterOf(small, ViewStyle()));
}

// A label split in two lines is split between its words: a wait's words go
// under its call ("accept()" / "— waiting for a connection"), never inside
// "()" ("accept(" / ") — waiting…" in a narrow presenter ladder).
TEST(LadderRenderer, ATwoLineLabelIsNeverSplitInsideEmptyParentheses)
{
    const Timeline& tl = test::cachedRun(QStringLiteral("handshake"));
    int twoLines = 0;
    for (const ViewStyle& S : {ViewStyle::presenterMode(), ViewStyle()})
        for (qreal width = 320; width <= 900; width += 40) {
            LadderRenderer lr;
            lr.setStyle(S);
            lr.setTimeline(tl);
            lr.fitToWidth(width);
            const QRectF target(0, 0, width, lr.layout().contentHeight());
            for (int cursor : {tl.size() / 2, tl.size() - 1})
                for (const LadderItem& it : lr.items(target, cursor, {})) {
                    if (!it.text.contains(QLatin1Char('\n'))) continue;
                    ++twoLines;
                    EXPECT_FALSE(it.text.contains(QStringLiteral("(\n)"))) << it.text.toStdString() << " at " << width;
                    const QStringList lines = it.text.split(QLatin1Char('\n'));
                    if (it.detail == QLatin1String("wait") && it.text.contains(QChar(0x2014)))
                        EXPECT_TRUE(lines.last().startsWith(QChar(0x2014))) << it.text.toStdString() << " at " << width;
                }
        }
    EXPECT_GT(twoLines, 0); // the narrow ladders had labels in two lines to look at
}
