// Run my programs… through socklab's wire, offscreen, real kernel: with "Hold
// the next packet" on, the wire holds the SYN; Release lets the connection go
// on; the client's data segment held and dropped with Drop is sent again by
// the kernel (same seq, later). The ladder and the time–sequence graph show it.

#include "LadderRenderer.h"
#include "LadderView.h"
#include "LessonViewsPane.h"
#include "MainWindow.h"
#include "ProgramConsole.h"
#include "ProgramSession.h"
#include "RunProgramsDialog.h"
#include "TestShots.h"
#include "TimeSeqLayout.h"
#include "WireMarks.h"

#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace socklab;

namespace {
QString script(const char* file) { return QStringLiteral("python3 " SOCKLAB_SOURCE_DIR "/tests/wire/") + file; }

// Leaves the user's saved choices as they were.
struct SavedSettings {
    SavedSettings() { QSettings().remove(QStringLiteral("programs")); }
    ~SavedSettings() { QSettings().remove(QStringLiteral("programs")); }
};
// What crossed and what the wire did, for a failure's message.
std::string dump(const Timeline& tl)
{
    std::string out;
    for (const Event& e : tl.events()) {
        const PacketData* p = e.packet();
        if (const WireData* w = e.wire()) {
            out += QStringLiteral("\n%1 wire %2 %3 id=%4 flags=%5 seq=%6 len=%7")
                       .arg(e.tUs).arg(w->action, w->reason).arg(w->packetId).arg(w->packet.flags)
                       .arg(w->packet.relSeq).arg(w->packet.len).toStdString();
        } else if (p) {
            out += QStringLiteral("\n%1 %2:%3 flags=%4 seq=%5 len=%6 %7")
                       .arg(e.tUs).arg(p->srcPort).arg(p->dstPort).arg(p->flags).arg(p->relSeq).arg(p->len)
                       .arg(p->wire).toStdString();
        }
    }
    return out + "\n";
}
} // namespace

TEST(RunProgramsWire, TheSpecIsTheOneOfLabWireAndIsSaved)
{
    SavedSettings keep;
    {
        RunProgramsDialog dialog;
        EXPECT_FALSE(dialog.wireSettings().on);
        dialog.setWireSettings({true, 30, 50, 10, 576, 7});
        EXPECT_EQ(dialog.wireSpec(), QStringLiteral("loss=30%,delay=50ms,jitter=10ms,mtu=576,seed=7"));
        WirePolicy policy;
        Problem problem;
        ASSERT_TRUE(WirePolicy::parse(dialog.wireSpec(), &policy, &problem));
        EXPECT_EQ(policy.mtu, 576);
        EXPECT_DOUBLE_EQ(policy.c2s.lossPercent, 30);
        EXPECT_EQ(policy.s2c.delayUs, 50000);
        EXPECT_EQ(policy.c2s.jitterUs, 10000);
        EXPECT_EQ(policy.seed, 7u);
        // Saved when the programs run (a missing command still saves nothing else).
        dialog.setCommands(QStringLiteral("true"), {});
        QSignalSpy finished(&dialog, &RunProgramsDialog::runFinished);
        ASSERT_TRUE(dialog.run()) << dialog.status().toStdString();
        ASSERT_TRUE(finished.wait(60000));
        const Timeline tl = dialog.session()->timeline();
        EXPECT_EQ(tl.parameters.value("wire").toMap().value("mtu").toInt(), 576) << "the lab ran with this wire";
    }
    RunProgramsDialog again;
    const RunProgramsDialog::WireSettings w = again.wireSettings();
    EXPECT_TRUE(w.on);
    EXPECT_DOUBLE_EQ(w.lossPercent, 30);
    EXPECT_EQ(w.delayMs, 50);
    EXPECT_EQ(w.jitterMs, 10);
    EXPECT_EQ(w.mtu, 576);
    EXPECT_EQ(w.seed, 7);
}

TEST(RunProgramsWire, HeldPacketsAreReleasedAndDroppedFromTheWindow)
{
    SavedSettings keep;
    RunProgramsDialog dialog;
    dialog.setWireSettings({true, 0, 0, 0, 1500, 1});
    dialog.setCommands(script("close_server.py") + QStringLiteral(" 12701"), script("close_client.py") + QStringLiteral(" 12701"));
    dialog.holdNextButton()->setChecked(true);
    dialog.show(); // the keys (F7, F8) act in the active dialog
    dialog.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&dialog));
    QSignalSpy finished(&dialog, &RunProgramsDialog::runFinished);
    ASSERT_TRUE(dialog.run()) << dialog.status().toStdString();

    // Packet after packet: Release the handshake's, Drop the first data segment.
    int released = 0;
    qint64 droppedId = -1;
    while (droppedId < 0) {
        ASSERT_TRUE(QTest::qWaitFor([&] { return !dialog.heldPacketIds().isEmpty(); }, 30000))
            << "no packet held: " << dialog.status().toStdString();
        const qint64 id = dialog.heldPacketIds().first();
        const Timeline tl = dialog.session()->timeline();
        const QList<HeldWirePacket> held = WireMarks::heldAt(tl, tl.size() - 1);
        ASSERT_FALSE(held.isEmpty());
        ASSERT_EQ(held.first().packetId, id);
        if (released == 0) {
            // The dialog with its held packet, to look at.
            if (!qEnvironmentVariableIsEmpty("SOCKLAB_TEST_SHOT_DIR")) {
                QTest::qWait(200); // the held line laid out
                test::keepShot(&dialog, QStringLiteral("run-programs-wire-held"));
            }
            EXPECT_TRUE(held.first().packet.has(TcpFlag::SYN) && !held.first().packet.has(TcpFlag::ACK))
                << "the first packet held is the client's SYN";
            // The client waits in connect() while its SYN is held: nothing else crossed.
            for (const Event& e : tl.events())
                if (e.packet()) ADD_FAILURE() << "a packet crossed a held wire";
        }
        if (held.first().packet.len > 0) {
            dialog.holdNextButton()->setChecked(false); // the kernel's retransmission may pass
            ASSERT_NE(dialog.dropButton(id), nullptr);
            QTest::mouseClick(dialog.dropButton(id), Qt::LeftButton);
            droppedId = id;
        } else {
            ASSERT_NE(dialog.releaseButton(id), nullptr);
            QTest::mouseClick(dialog.releaseButton(id), Qt::LeftButton);
            ++released;
        }
        ASSERT_TRUE(QTest::qWaitFor([&] { return !dialog.heldPacketIds().contains(id); }, 30000));
        ASSERT_LT(released, 10) << "no data segment was held";
    }
    // Whatever else the wire still holds (a FIN sent right after the data) goes on, with F7.
    while (QTest::qWaitFor([&] { return !dialog.heldPacketIds().isEmpty(); }, 1500)) {
        const qint64 id = dialog.heldPacketIds().first();
        QTest::keyClick(&dialog, Qt::Key_F7);
        ASSERT_TRUE(QTest::qWaitFor([&] { return !dialog.heldPacketIds().contains(id); }, 30000));
    }
    // The run may have ended while the last packets were released: then the signal came already.
    ASSERT_TRUE(!finished.isEmpty() || finished.wait(60000)) << dialog.status().toStdString() << dump(dialog.session()->timeline())
                                      << dialog.console(0)->text().toStdString() << dialog.console(1)->text().toStdString();
    EXPECT_TRUE(finished.first().first().toBool()) << dialog.status().toStdString();
    EXPECT_TRUE(dialog.console(0)->text().contains(QStringLiteral("got FIN"))) << "the connection went on";
    EXPECT_TRUE(dialog.console(1)->text().contains(QStringLiteral("closed")));

    const Timeline tl = dialog.session()->timeline();
    int userReleases = 0, userDrops = 0, droppedAt = -1;
    for (int i = 0; i < tl.size(); ++i) {
        const Event& e = tl.at(i);
        if (const WireData* w = e.wire(); w && w->reason == QLatin1String("user")) {
            userReleases += w->action == QLatin1String("release");
            userDrops += w->action == QLatin1String("drop");
            if (w->action == QLatin1String("drop")) {
                EXPECT_EQ(w->packetId, droppedId);
            }
        }
        if (const PacketData* p = e.packet(); p && p->wire == QLatin1String("dropped") && droppedAt < 0) droppedAt = i;
    }
    EXPECT_GE(userReleases, released);
    EXPECT_EQ(userDrops, 1);
    ASSERT_GE(droppedAt, 0) << "the dropped segment is in the recording";
    const PacketData lost = *tl.at(droppedAt).packet();
    EXPECT_GT(lost.len, 0u);
    // The kernel sent the same bytes again, later, and this time they crossed.
    int again = -1;
    for (int i = droppedAt + 1; i < tl.size() && again < 0; ++i)
        if (const PacketData* p = tl.at(i).packet(); p && p->wire.isEmpty() && p->srcPort == lost.srcPort
                                                      && p->seq == lost.seq && p->len >= lost.len)
            again = i;
    ASSERT_GE(again, 0) << "no retransmission of the dropped segment";
    EXPECT_GT(tl.at(again).tUs, tl.at(droppedAt).tUs) << "sent again by the kernel, after the drop";

    // The ladder draws it as lost, half-way; the graph has the drop and the retransmission at one seq.
    LadderRenderer ladder;
    ladder.setTimeline(tl);
    bool drawnLost = false;
    const QRectF target(0, 0, 1200, ladder.layout().contentHeight() + 100);
    for (const LadderItem& it : ladder.items(target, tl.size() - 1, {}))
        drawnLost = drawnLost || (it.kind == LadderItem::Kind::Arrow && it.eventIndex == droppedAt
                                  && it.wire == LadderRow::Wire::Dropped && !it.wireText.isEmpty());
    EXPECT_TRUE(drawnLost);
    TimeSeqLayout graph;
    graph.setTimeline(tl);
    EXPECT_EQ(graph.senderPort(), lost.srcPort);
    const QList<TimeSeqBar> bars = graph.bars(tl.size() - 1);
    const auto dropBar = std::find_if(bars.cbegin(), bars.cend(), [&](const TimeSeqBar& b) { return b.eventIndex == droppedAt; });
    const auto againBar = std::find_if(bars.cbegin(), bars.cend(), [&](const TimeSeqBar& b) { return b.eventIndex == again; });
    ASSERT_NE(dropBar, bars.cend());
    ASSERT_NE(againBar, bars.cend());
    EXPECT_TRUE(dropBar->dropped);
    EXPECT_TRUE(againBar->retransmission);
    EXPECT_EQ(dropBar->seqLo, againBar->seqLo);
    EXPECT_EQ(dropBar->seqLo, 1) << "the first data byte, relative to the ISN";
    graph.setPlot(QRectF(0, 0, 1000, 500));
    EXPECT_GT(graph.barLine(*againBar).x1(), graph.barLine(*dropBar).x1());
    // The lesson views get the graph's tab for this session.
    LessonViewsPane pane;
    pane.setTimeline(tl);
    EXPECT_TRUE(pane.timeSeqShown());
}

// #11: the teacher at the ladder: a packet held now has Release and Drop on
// its own arrow in the main window, and F7 / F8 act there too; the wire
// does what was clicked (a "user" release or drop of that packet), and the
// buttons are gone when nothing is held any more.
TEST(RunProgramsWire, HeldPacketsAreReleasedAndDroppedOnTheLadder)
{
    SavedSettings keep;
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    w.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&w));
    w.openRunPrograms();
    RunProgramsDialog* dialog = w.programsDialog();
    ASSERT_NE(dialog, nullptr);
    LadderView* ladder = w.findChild<LadderView*>();
    ASSERT_NE(ladder, nullptr);
    dialog->setWireSettings({true, 0, 0, 0, 1500, 1});
    dialog->setCommands(script("close_server.py") + QStringLiteral(" 12702"), script("close_client.py") + QStringLiteral(" 12702"));
    dialog->holdNextButton()->setChecked(true);
    QSignalSpy finished(dialog, &RunProgramsDialog::runFinished);
    ASSERT_TRUE(dialog->run()) << dialog->status().toStdString();

    auto nextHeld = [&] {
        qint64 id = 0;
        const bool shown = QTest::qWaitFor(
            [&] {
                // The one held longest whose arrow is in view (older ones may be scrolled up).
                for (const qint64 held : dialog->heldPacketIds())
                    if (ladder->wireButtonRect(held, false).isValid()) {
                        id = held;
                        return true;
                    }
                return false;
            },
            30000);
        return shown ? id : qint64(0);
    };
    auto clickOnLadder = [&](qint64 id, bool drop) {
        const QRectF button = ladder->wireButtonRect(id, drop);
        ASSERT_TRUE(button.isValid());
        QTest::mouseClick(ladder->viewport(), Qt::LeftButton, {}, button.center().toPoint());
    };

    // The SYN: Release on the ladder.
    const qint64 syn = nextHeld();
    ASSERT_NE(syn, 0) << "the SYN is not held on the ladder: " << dialog->status().toStdString();
    test::keepShot(&w, QStringLiteral("ladder-held-syn"));
    clickOnLadder(syn, false);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !dialog->heldPacketIds().contains(syn); }, 30000));
    // Then F7 in the main window (not the dialog) for every packet without data, and Drop on the first with data.
    qint64 dropped = 0;
    int keys = 0;
    while (dropped == 0) {
        const qint64 id = nextHeld();
        ASSERT_NE(id, 0) << "no data segment was held";
        const Timeline tl = dialog->session()->timeline();
        const QList<HeldWirePacket> held = WireMarks::heldAt(tl, tl.size() - 1);
        ASSERT_FALSE(held.isEmpty());
        if (held.first().packet.len > 0) {
            dialog->holdNextButton()->setChecked(false); // its retransmission may pass
            clickOnLadder(id, true);
            dropped = id;
        } else {
            w.activateWindow();
            ASSERT_TRUE(QTest::qWaitForWindowActive(&w));
            QTest::keyClick(&w, Qt::Key_F7);
            ++keys;
        }
        ASSERT_TRUE(QTest::qWaitFor([&] { return !dialog->heldPacketIds().contains(id); }, 30000));
        ASSERT_LT(keys, 10);
    }
    while (QTest::qWaitFor([&] { return !dialog->heldPacketIds().isEmpty(); }, 1500)) {
        const qint64 id = dialog->heldPacketIds().first();
        w.activateWindow();
        QTest::keyClick(&w, Qt::Key_F7);
        ASSERT_TRUE(QTest::qWaitFor([&] { return !dialog->heldPacketIds().contains(id); }, 30000));
    }
    ASSERT_TRUE(!finished.isEmpty() || finished.wait(60000)) << dialog->status().toStdString();
    EXPECT_TRUE(finished.first().first().toBool()) << dialog->status().toStdString();
    EXPECT_FALSE(ladder->wireControls()) << "the run ended: a recording has no buttons";

    // What the wire did is what was clicked: the SYN let go, the data segment lost, by the user.
    const Timeline tl = dialog->session()->timeline();
    QHash<qint64, QString> byUser;
    for (const Event& e : tl.events())
        if (const WireData* wd = e.wire(); wd && wd->reason == QLatin1String("user")) byUser.insert(wd->packetId, wd->action);
    EXPECT_EQ(byUser.value(syn), QStringLiteral("release"));
    EXPECT_EQ(byUser.value(dropped), QStringLiteral("drop"));
    EXPECT_GE(byUser.size(), 2 + keys);
    EXPECT_TRUE(dialog->console(0)->text().contains(QStringLiteral("got FIN"))) << "the connection went on";
}
