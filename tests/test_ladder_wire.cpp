// Wire mode in the views, as structure not pixels: on the ladder a dropped
// segment stops half-way with a ✕ and "dropped by the wire", a held one waits
// mid-flight, a delayed one says its delay; the time–sequence graph puts each
// segment's bar at its time and sequence numbers, marks drops and
// retransmissions. Synthetic timelines with the values a real wire session has.

#include "LadderRenderer.h"
#include "TimeSeqLayout.h"
#include "TimeSeqRenderer.h"
#include "WireMarks.h"

#include <QFontMetricsF>
#include <QImage>
#include <QPainter>

#include <gtest/gtest.h>

using namespace socklab;

namespace {

constexpr uint16_t kClientPort = 40000, kServerPort = 9000;
constexpr uint32_t kClientIsn = 1000, kServerIsn = 5000;

PacketData tcp(bool fromClient, uint8_t flags, uint32_t seq, uint32_t ack, uint32_t len)
{
    PacketData p;
    p.protocol = QStringLiteral("tcp");
    p.fromActor = fromClient ? QStringLiteral("client") : QStringLiteral("server");
    p.toActor = fromClient ? QStringLiteral("server") : QStringLiteral("client");
    p.srcPort = fromClient ? kClientPort : kServerPort;
    p.dstPort = fromClient ? kServerPort : kClientPort;
    p.flags = flags;
    p.seq = seq;
    p.ack = ack;
    p.relSeq = seq - (fromClient ? kClientIsn : kServerIsn);
    p.relAck = ack ? ack - (fromClient ? kServerIsn : kClientIsn) : 0;
    p.len = len;
    p.win = 1000;
    p.winScale = 0;
    return p;
}

Event segment(qint64 t, PacketData p, bool dropped = false)
{
    Event e;
    e.tUs = t;
    e.kind = EventKind::Segment;
    e.actor = p.fromActor;
    if (dropped) p.wire = QStringLiteral("dropped");
    e.data = std::move(p);
    return e;
}

Event wire(qint64 t, const char* action, qint64 id, const PacketData& p, qint64 delayUs = 0)
{
    Event e;
    e.tUs = t;
    e.kind = EventKind::Wire;
    e.provenance = Provenance::Wire;
    e.actor = p.fromActor;
    e.data = WireData{QString::fromLatin1(action), QStringLiteral("user"),
                      p.fromActor == QLatin1String("client") ? QStringLiteral("c2s") : QStringLiteral("s2c"), id, delayUs,
                      0, p};
    return e;
}

// The SYN held 0.5 s and released; the first data segment dropped by the wire,
// the second one delayed 50 ms; a duplicate ACK; the kernel's retransmission.
Timeline wireTimeline()
{
    using namespace TcpFlag;
    Timeline tl;
    tl.scenarioId = QStringLiteral("lab");
    tl.actors = {{QStringLiteral("client"), QStringLiteral("client"), {}, {}},
                 {QStringLiteral("server"), QStringLiteral("server"), {}, {}}};
    const PacketData syn = tcp(true, SYN, kClientIsn, 0, 0);
    const PacketData data1 = tcp(true, PSH | ACK, kClientIsn + 1, kServerIsn + 1, 100);
    const PacketData data2 = tcp(true, PSH | ACK, kClientIsn + 101, kServerIsn + 1, 100);
    QList<Event> ev{
        wire(0, "hold", 1, syn),                                                   // 0
        wire(500000, "release", 1, syn, 500000),                                   // 1
        segment(500010, syn),                                                      // 2
        segment(500050, tcp(false, SYN | ACK, kServerIsn, kClientIsn + 1, 0)),     // 3
        segment(500080, tcp(true, ACK, kClientIsn + 1, kServerIsn + 1, 0)),        // 4
        wire(600000, "drop", 5, data1),                                            // 5
        segment(600000, data1, true),                                              // 6
        wire(600100, "delay", 6, data2, 50000),                                    // 7
        segment(650100, data2),                                                    // 8
        segment(650150, tcp(false, ACK, kServerIsn + 1, kClientIsn + 1, 0)),       // 9: duplicate ACK
        segment(800000, data1),                                                    // 10: sent again
        segment(800050, tcp(false, ACK, kServerIsn + 1, kClientIsn + 201, 0)),     // 11
    };
    tl.appendBatch(ev);
    return tl;
}

const LadderItem* arrowOf(const QList<LadderItem>& items, int eventIndex)
{
    for (const LadderItem& it : items)
        if (it.kind == LadderItem::Kind::Arrow && it.eventIndex == eventIndex) return &it;
    return nullptr;
}
// A pointer into a list that dies at the end of the statement: keep the list first.
const LadderItem* arrowOf(QList<LadderItem>&& items, int eventIndex) = delete;

} // namespace

TEST(LadderWire, ADroppedSegmentStopsHalfWayWithACrossAndItsLabel)
{
    const Timeline tl = wireTimeline();
    LadderRenderer r;
    r.setTimeline(tl);
    const QRectF target(0, 0, 1200, 2000);
    const QList<LadderItem> items = r.items(target, tl.size() - 1, {});
    const LadderItem* dropped = arrowOf(items, 6);
    ASSERT_NE(dropped, nullptr) << "a dropped segment is drawn, never hidden";
    EXPECT_EQ(dropped->wire, LadderRow::Wire::Dropped);
    EXPECT_TRUE(dropped->error);
    const qreal xc = r.layout().actorX(r.layout().columnOf("client"), target.width());
    const qreal xs = r.layout().actorX(r.layout().columnOf("server"), target.width());
    EXPECT_NEAR(dropped->line.x1(), xc, 0.5);
    EXPECT_NEAR(dropped->line.x2(), (xc + xs) / 2, 0.5) << "it stops at the wire, half-way";
    EXPECT_EQ(dropped->wireText, QStringLiteral("dropped by the wire"));
    EXPECT_FALSE(dropped->text.isEmpty()); // and keeps its segment label
    // The label starts beside the ✕ and stays before the receiver's lifeline.
    EXPECT_GT(dropped->wireRect.left(), dropped->line.x2());
    EXPECT_LT(dropped->wireRect.right(), xs);
    EXPECT_GE(dropped->wireRect.top(), target.top() + r.layout().metrics().headerHeight);
    // The retransmission that follows is a whole arrow.
    const LadderItem* again = arrowOf(items, 10);
    ASSERT_NE(again, nullptr);
    EXPECT_EQ(again->wire, LadderRow::Wire::None);
    EXPECT_NEAR(again->line.x2(), xs, 0.5);
}

TEST(LadderWire, ADroppedArrowNeverCoversTheLaneHeaders)
{
    const Timeline tl = wireTimeline();
    LadderRenderer r;
    r.setTimeline(tl);
    const QRectF target(0, 0, 1200, 700);
    const qreal band = r.layout().metrics().headerHeight;
    const int row = r.layout().lastRowAtOrBefore(6);
    // Scroll so that the dropped arrow's row is at every height around the header band.
    for (qreal shift = -60; shift <= 60; shift += 3) {
        LadderViewport vp;
        vp.top = r.layout().rowTop(row) - band + shift;
        const QList<LadderItem> items = r.items(target, tl.size() - 1, vp);
        QList<QRectF> headers;
        for (const LadderItem& it : items)
            if (it.kind == LadderItem::Kind::Header) headers << it.rect;
        ASSERT_EQ(headers.size(), 2);
        if (const LadderItem* d = arrowOf(items, 6)) {
            EXPECT_GE(d->rect.top(), band - 0.5) << shift;
            EXPECT_GE(d->wireRect.top(), band - 0.5) << shift;
            for (const QRectF& h : headers) {
                EXPECT_FALSE(d->wireRect.intersects(h)) << shift;
                EXPECT_FALSE(d->rect.intersects(h)) << shift;
            }
        }
    }
}

TEST(LadderWire, AHeldPacketWaitsMidFlightUntilItsRelease)
{
    const Timeline tl = wireTimeline();
    LadderRenderer r;
    r.setTimeline(tl);
    const QRectF target(0, 0, 1200, 2000);
    const qreal xc = r.layout().actorX(r.layout().columnOf("client"), target.width());
    const qreal xs = r.layout().actorX(r.layout().columnOf("server"), target.width());
    {
        const QList<LadderItem> items = r.items(target, 0, {}); // the cursor on the hold
        const LadderItem* held = arrowOf(items, 0);
        ASSERT_NE(held, nullptr);
        EXPECT_EQ(held->wire, LadderRow::Wire::Held);
        EXPECT_FALSE(held->wireEnded);
        EXPECT_EQ(held->wireText, QStringLiteral("held by the wire"));
        EXPECT_NEAR(held->line.x2(), (xc + xs) / 2, 0.5);
        ASSERT_EQ(WireMarks::heldAt(tl, 0).size(), 1);
        EXPECT_EQ(WireMarks::heldAt(tl, 0).first().packetId, 1);
    }
    {
        const QList<LadderItem> items = r.items(target, tl.size() - 1, {});
        const LadderItem* held = arrowOf(items, 0);
        ASSERT_NE(held, nullptr);
        EXPECT_TRUE(held->wireEnded);
        EXPECT_EQ(held->wireText, QStringLiteral("held 0.5 s, then released"));
        EXPECT_TRUE(WireMarks::heldAt(tl, tl.size() - 1).isEmpty());
        // The delayed segment says how long the wire kept it.
        const LadderItem* delayed = arrowOf(items, 8);
        ASSERT_NE(delayed, nullptr);
        EXPECT_EQ(delayed->wire, LadderRow::Wire::None);
        EXPECT_EQ(delayed->wireText, QStringLiteral("+50 ms: the wire's delay"));
        // After its label, above the line, inside its row (clear of the next row's label).
        EXPECT_TRUE(delayed->wireRect.left() >= delayed->rect.right() || delayed->wireRect.right() <= delayed->rect.left());
        EXPECT_GT(delayed->wireRect.left(), xc);
        EXPECT_LT(delayed->wireRect.right(), xs) << "between the lifelines";
        EXPECT_LE(delayed->wireRect.bottom(), delayed->line.y1());
        EXPECT_GE(delayed->wireRect.top(), delayed->rect.top()); // no higher than the segment's own label
        EXPECT_LE(delayed->wireRect.bottom(), delayed->rect.bottom());
    }
}

// Issue 12: a session now records a policy's delay on the capture itself (no
// "delay" wire event beside it); the arrow says it just the same.
TEST(LadderWire, ACaptureCarryingItsDelaySaysItWithoutADelayEvent)
{
    const Timeline old = wireTimeline();
    QList<Event> events = old.events();
    ASSERT_NE(events[7].wire(), nullptr);
    events.removeAt(7); // the "delay" wire event
    events[7].wireDelayUs = 50000; // the delayed data segment, as its capture now says
    Timeline tl;
    tl.scenarioId = old.scenarioId;
    tl.actors = old.actors;
    tl.appendBatch(events);
    LadderRenderer r;
    r.setTimeline(tl);
    const QList<LadderItem> items = r.items(QRectF(0, 0, 1200, 2000), tl.size() - 1, {});
    const LadderItem* delayed = arrowOf(items, 7);
    ASSERT_NE(delayed, nullptr);
    EXPECT_EQ(delayed->wire, LadderRow::Wire::None);
    EXPECT_EQ(delayed->wireText, QStringLiteral("+50 ms: the wire's delay"));
    const LadderItem* next = arrowOf(items, 8); // the duplicate ACK: not delayed
    ASSERT_NE(next, nullptr);
    EXPECT_TRUE(next->wireText.isEmpty());

    // The time-sequence tab's test: a session the wire only passed and delayed has no wire events.
    Timeline delayedOnly;
    delayedOnly.actors = old.actors;
    QList<Event> captures;
    for (const Event& e : events)
        if (e.packet()) captures << e;
    delayedOnly.appendBatch(captures);
    EXPECT_TRUE(WireMarks::hasWireEvents(delayedOnly)) << "a capture the wire delayed";
    for (Event& e : captures)
        e.wireDelayUs = 0;
    Timeline passedOnly;
    passedOnly.appendBatch(captures);
    EXPECT_FALSE(WireMarks::hasWireEvents(passedOnly));
    passedOnly.parameters.insert(QStringLiteral("wire"), QVariantMap{{QStringLiteral("seed"), 1}});
    EXPECT_TRUE(WireMarks::hasWireEvents(passedOnly)) << "a session through the wire says so in its parameters";
}

// #11: in a live wire session a packet held now has its Release and Drop
// buttons on the ladder, after "held by the wire" on the arrow's line (or
// instead of the words when a narrow pane has no room for both), between the
// pause mark and the receiver; none in a recording, none once it was let go.
TEST(LadderWire, APacketHeldNowHasReleaseAndDropButtonsInALiveSession)
{
    using namespace TcpFlag;
    Timeline tl;
    tl.scenarioId = QStringLiteral("lab");
    tl.actors = {{QStringLiteral("client"), QStringLiteral("client"), {}, {}},
                 {QStringLiteral("server"), QStringLiteral("server"), {}, {}}};
    const PacketData syn = tcp(true, SYN, kClientIsn, 0, 0);
    const PacketData synAck = tcp(false, SYN | ACK, kServerIsn, kClientIsn + 1, 0);
    tl.appendBatch({wire(0, "hold", 7, syn)});
    LadderViewport live;
    live.wireControls = true;
    int textDropped = 0, withButtons = 0, iconic = 0, words = 0;
    for (qreal width = 1400; width >= 260; width -= 20) {
        LadderRenderer r;
        r.setTimeline(tl);
        r.fitToWidth(width);
        const QRectF target(0, 0, qMax(width, r.layout().minimumWidth()), 700);
        const qreal xs = r.layout().actorX(r.layout().columnOf("server"), target.width());
        const LadderItem* held = nullptr;
        const QList<LadderItem> items = r.items(target, 0, live);
        held = arrowOf(items, 0);
        ASSERT_NE(held, nullptr);
        if (!held->releaseRect.isValid()) continue; // no room at all: the dialog's buttons and F7 / F8
        ++withButtons;
        EXPECT_EQ(held->packetId, 7);
        ASSERT_TRUE(held->dropRect.isValid());
        EXPECT_GT(held->releaseRect.left(), held->line.x2()) << width; // after the pause mark
        EXPECT_LT(held->dropRect.right(), xs) << width;                // before the receiver's lifeline
        EXPECT_LT(held->releaseRect.right(), held->dropRect.left()) << width;
        EXPECT_NEAR(held->releaseRect.center().y(), held->line.y2(), 0.5) << "on the arrow's line";
        if (held->wireIcons) ++iconic;
        else ++words;
        if (held->wireText.isEmpty()) ++textDropped;
        else EXPECT_LE(held->wireRect.right(), held->releaseRect.left()) << width;
        // A click finds them; anywhere else finds none.
        const auto release = r.wireButtonAt(held->releaseRect.center(), target, 0, live);
        const auto drop = r.wireButtonAt(held->dropRect.center(), target, 0, live);
        EXPECT_EQ(release.packetId, 7);
        EXPECT_FALSE(release.drop);
        EXPECT_EQ(drop.packetId, 7);
        EXPECT_TRUE(drop.drop);
        EXPECT_EQ(r.wireButtonAt(held->line.p1(), target, 0, live).packetId, 0);
        if (width == 1400) {
            EXPECT_EQ(held->wireText, QStringLiteral("held by the wire"));
            // A recording (an export, a saved session) has no buttons.
            const QList<LadderItem> recorded = r.items(target, 0, {});
            const LadderItem* still = arrowOf(recorded, 0);
            ASSERT_NE(still, nullptr);
            EXPECT_FALSE(still->releaseRect.isValid());
            EXPECT_EQ(r.wireButtonAt(held->releaseRect.center(), target, 0, {}).packetId, 0);
        }
    }
    EXPECT_GT(withButtons, 20);
    EXPECT_GT(textDropped, 0) << "a narrow pane keeps the buttons and drops the words";
    EXPECT_GT(iconic, 0) << "narrower still: ▶ and ✕";
    EXPECT_GT(words, iconic);

    // Released: the buttons go, also with the cursor back on the hold.
    Timeline released = tl;
    released.appendBatch({wire(300000, "release", 7, syn, 300000), segment(300010, syn)});
    LadderRenderer r;
    r.setTimeline(released);
    const QRectF target(0, 0, 1200, 700);
    for (const int cursor : {0, released.size() - 1}) {
        const QList<LadderItem> items = r.items(target, cursor, live);
        const LadderItem* held = arrowOf(items, 0);
        ASSERT_NE(held, nullptr);
        EXPECT_FALSE(held->releaseRect.isValid()) << cursor;
    }

    // The server's SYN+ACK held (leftward): the buttons between the pause mark and the client.
    Timeline back = released;
    back.appendBatch({wire(300100, "hold", 8, synAck)});
    r.setTimeline(back);
    const QList<LadderItem> backItems = r.items(target, back.size() - 1, live);
    const LadderItem* held = arrowOf(backItems, back.size() - 1);
    ASSERT_NE(held, nullptr);
    ASSERT_TRUE(held->releaseRect.isValid());
    EXPECT_EQ(held->packetId, 8);
    const qreal xc = r.layout().actorX(r.layout().columnOf("client"), target.width());
    EXPECT_LT(held->dropRect.right(), held->line.x2());
    EXPECT_GT(held->releaseRect.left(), xc);
    EXPECT_LE(held->wireRect.right(), held->releaseRect.left());
}

TEST(TimeSeqLayout, BarsAtTheirSequenceNumbersAndTimes)
{
    const Timeline tl = wireTimeline();
    TimeSeqLayout L;
    L.setTimeline(tl);
    ASSERT_FALSE(L.empty());
    EXPECT_EQ(L.senderPort(), kClientPort) << "the direction that carried the data";
    EXPECT_EQ(L.sender(), "client");
    EXPECT_EQ(L.firstUs(), 0);
    EXPECT_EQ(L.lastUs(), 800050);
    EXPECT_EQ(L.maxSeq(), 201);

    const QList<TimeSeqBar> bars = L.bars(tl.size() - 1);
    ASSERT_EQ(bars.size(), 4); // SYN, dropped data, delayed data, the retransmission (the hold has ended)
    EXPECT_EQ(bars[0].eventIndex, 2);
    EXPECT_TRUE(bars[0].syn);
    EXPECT_EQ(bars[0].seqLo, 0);
    EXPECT_EQ(bars[0].seqHi, 1);
    EXPECT_EQ(bars[1].eventIndex, 6);
    EXPECT_TRUE(bars[1].dropped);
    EXPECT_FALSE(bars[1].retransmission);
    EXPECT_EQ(bars[1].seqLo, 1);
    EXPECT_EQ(bars[1].seqHi, 101);
    EXPECT_EQ(bars[2].seqLo, 101);
    EXPECT_EQ(bars[2].tUs, 650100);
    EXPECT_FALSE(bars[2].retransmission);
    EXPECT_EQ(bars[3].seqLo, 1);
    EXPECT_EQ(bars[3].seqHi, 101);
    EXPECT_TRUE(bars[3].retransmission);
    EXPECT_EQ(L.retransmissions(tl.size() - 1), 1);
    EXPECT_EQ(L.drops(tl.size() - 1), 1);

    // The ACK line, in the sender's numbers: 1, the duplicate 1, then 201.
    const QList<TimeSeqAck> acks = L.acks(tl.size() - 1);
    ASSERT_EQ(acks.size(), 3);
    EXPECT_EQ(acks[0].ack, 1);
    EXPECT_EQ(acks[1].ack, 1);
    EXPECT_EQ(acks[2].ack, 201);
    EXPECT_EQ(acks[2].windowEdge, 201 + 1000);

    // Mapping: x linear in time over the recording, y linear in seq from the bottom.
    L.setPlot(QRectF(100, 50, 800, 400));
    const QLineF l = L.barLine(bars[3]);
    EXPECT_NEAR(l.x1(), 100 + 800.0 * 800000 / 800050, 1e-6);
    EXPECT_DOUBLE_EQ(l.x1(), l.x2());
    EXPECT_NEAR(l.y1(), 450 - 400.0 * 1 / 201, 1e-6); // the axis: the data and the ACKs (the window edge is clipped)
    EXPECT_NEAR(l.y2(), 450 - 400.0 * 101 / 201, 1e-6);
    EXPECT_GT(L.barLine(bars[3]).x1(), L.barLine(bars[1]).x1()) << "the retransmission is later";
    EXPECT_DOUBLE_EQ(L.barLine(bars[3]).y1(), L.barLine(bars[1]).y1()) << "at the same sequence numbers";
}

TEST(TimeSeqLayout, AFunctionOfTheCursor)
{
    const Timeline tl = wireTimeline();
    TimeSeqLayout L;
    L.setTimeline(tl);
    // On the hold: only the held SYN, marked held.
    QList<TimeSeqBar> bars = L.bars(0);
    ASSERT_EQ(bars.size(), 1);
    EXPECT_TRUE(bars[0].held);
    // After the drop, before the retransmission: no retransmission yet, one drop.
    bars = L.bars(9);
    EXPECT_EQ(L.retransmissions(9), 0);
    EXPECT_EQ(L.drops(9), 1);
    EXPECT_EQ(L.acks(9).size(), 2);
    // The axes do not move with the cursor.
    EXPECT_EQ(L.lastUs(), 800050);
    EXPECT_TRUE(TimeSeqLayout::worthShowing(tl));
}

TEST(TimeSeqRenderer, PaintsAndExportsUnderItsName)
{
    const Timeline tl = wireTimeline();
    QImage img(900, 500, QImage::Format_ARGB32);
    img.fill(Qt::white);
    QPainter p(&img);
    paintTimeSeq(p, QRectF(0, 0, 900, 500), tl, tl.size() - 1, ViewStyle::normal());
    p.end();
    // The dropped bar's ✕ is in the error colour at its place.
    TimeSeqLayout L;
    L.setTimeline(tl);
    const QRectF plot = timeSeqPlotRect(QRectF(0, 0, 900, 500), ViewStyle::normal());
    L.setPlot(timeSeqDataRect(QRectF(0, 0, 900, 500), ViewStyle::normal()));
    EXPECT_EQ(timeSeqDataRect(QRectF(0, 0, 900, 500), ViewStyle::normal()).bottom(), plot.bottom());
    const QPointF m = L.barLine(L.bars(tl.size() - 1)[1]).center();
    const QColor c = img.pixelColor(m.toPoint());
    EXPECT_GT(c.red(), c.blue() + 40) << "the ✕ of the dropped segment";
}

// The graph in a projector's lesson pane (1366x768, presenter mode: about
// 190 px) and in a window: the plot keeps room to be read (the legend gives
// way), its numbers stand apart.
TEST(TimeSeqRenderer, AShortPresenterPaneKeepsAReadablePlot)
{
    const ViewStyle presenter = ViewStyle::presenterMode();
    const qreal need = timeSeqNaturalHeight(presenter);
    for (const ViewStyle& st : {presenter, ViewStyle::normal()})
        for (qreal h : {150.0, 190.0, 260.0, double(timeSeqNaturalHeight(st)), 500.0}) {
            const QRectF area(0, 0, 1366, h);
            SCOPED_TRACE(QStringLiteral("%1 px %2").arg(h).arg(st.presenter ? "presenter" : "window").toStdString());
            const qreal line = QFontMetricsF(st.smallFont).height();
            EXPECT_EQ(timeSeqShowsLegend(area, st), h >= timeSeqNaturalHeight(st));
            const QRectF plot = timeSeqPlotRect(area, st);
            if (h >= 190) {
                EXPECT_GE(plot.height(), line * 1.5) << "no plot left to read";
            }
            const QList<TimeSeqTick> ticks = timeSeqSeqTicks(area, 10005, st);
            ASSERT_FALSE(ticks.isEmpty());
            EXPECT_EQ(ticks.first().seq, 10000);
            for (int i = 1; i < ticks.size(); ++i)
                EXPECT_GE(ticks[i].y - ticks[i - 1].y, line) << ticks[i - 1].seq << " and " << ticks[i].seq << " overlap";
            for (const TimeSeqTick& t : ticks)
                EXPECT_TRUE(t.y >= plot.top() - 1 && t.y <= plot.bottom() + 1) << t.seq;
        }
    // Tall enough: the legend line is back, and the axis has two numbers at least.
    const QRectF tall(0, 0, 1366, need);
    EXPECT_TRUE(timeSeqShowsLegend(tall, presenter));
    EXPECT_GE(timeSeqSeqTicks(tall, 10005, presenter).size(), 2);
}

// A retransmitted bar at the top of a short plot: its "R" stays inside the
// plot (it was drawn above it, where the plot's clip cut it off).
TEST(TimeSeqRenderer, TheRetransmissionMarkStaysInsideThePlot)
{
    for (const ViewStyle& st : {ViewStyle::presenterMode(), ViewStyle()}) {
        const QRectF plot(60, 40, 500, 120);
        for (qreal top : {plot.top(), plot.top() + 5, plot.center().y(), plot.bottom() - 2}) {
            const QLineF bar(200, qMin(plot.bottom(), top + 30), 200, top);
            const QRectF r = timeSeqRetransmissionMark(plot, bar, st);
            EXPECT_TRUE(plot.contains(r)) << "bar top " << top << ": R at " << r.top() << ".." << r.bottom();
            EXPECT_GT(r.left(), bar.x1()); // beside the bar, not over it
        }
        // With room above, it is above the bar's top, as before.
        const QLineF low(200, plot.bottom(), 200, plot.center().y());
        EXPECT_LE(timeSeqRetransmissionMark(plot, low, st).bottom(), plot.center().y() + 0.5);
    }
}
