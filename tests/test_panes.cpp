// The event log, packet layers and code panes, on timelines of real runs.

#include "CodePane.h"
#include "EventLogFilterModel.h"
#include "EventLogModel.h"
#include "EventLogPane.h"
#include "HexDump.h"
#include "OsiModelWidget.h"
#include "PacketLayersPane.h"
#include "ScenarioRun.h"
#include "TestShots.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFont>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTextBlock>
#include <QTableView>
#include <QTranslator>
#include <QTreeWidget>

using namespace socklab;

namespace {

void failOnWarnings(QtMsgType type, const QMessageLogContext&, const QString& msg)
{
    if (type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg)
        ADD_FAILURE() << "Qt warning: " << msg.toStdString();
}

class Panes : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_handshake = new Timeline(test::runScenario("handshake"));
        s_teardown = new Timeline(test::runScenario("teardown"));
    }
    static void TearDownTestSuite()
    {
        delete s_handshake;
        delete s_teardown;
    }
    void SetUp() override { m_previous = qInstallMessageHandler(failOnWarnings); }
    void TearDown() override { qInstallMessageHandler(m_previous); }

    static const Timeline& handshake() { return *s_handshake; }
    static const Timeline& teardown() { return *s_teardown; }

    static int firstSyn(const Timeline& tl)
    {
        for (int i = 0; i < tl.size(); ++i)
            if (const PacketData* p = tl.at(i).packet();
                p && tl.at(i).provenance == Provenance::Kernel && p->has(TcpFlag::SYN) && !p->has(TcpFlag::ACK))
                return i;
        return -1;
    }

    static int countIf(const Timeline& tl, const std::function<bool(const Event&)>& pred)
    {
        return int(std::count_if(tl.events().begin(), tl.events().end(), pred));
    }

    static QTreeWidgetItem* findItem(QTreeWidgetItem* root, const QString& name)
    {
        for (int i = 0; i < root->childCount(); ++i) {
            QTreeWidgetItem* c = root->child(i);
            if (c->text(0) == name) return c;
            if (QTreeWidgetItem* found = findItem(c, name)) return found;
        }
        return nullptr;
    }

private:
    static inline Timeline* s_handshake = nullptr;
    static inline Timeline* s_teardown = nullptr;
    QtMessageHandler m_previous = nullptr;
};

} // namespace

TEST_F(Panes, EventLogModelPassesTheModelTesterAndShowsEveryEvent)
{
    for (const Timeline* tl : {&handshake(), &teardown()}) {
        ASSERT_GT(tl->size(), 10);
        EventLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
        model.setTimeline(*tl);
        ASSERT_EQ(model.rowCount(), tl->size());
        ASSERT_EQ(model.columnCount(), int(EventLogModel::ColumnCount));
        model.setCursor(tl->size() / 2);
        model.setCursor(-1);
        model.setCursor(tl->size() - 1);

        for (int row = 0; row < tl->size(); ++row) {
            const Event& e = tl->at(row);
            EXPECT_EQ(model.index(row, EventLogModel::ActorColumn).data().toString(), e.actor);
            EXPECT_FALSE(model.index(row, EventLogModel::DescriptionColumn).data().toString().isEmpty()) << row;
            const QString source = model.index(row, EventLogModel::SourceColumn).data().toString();
            const QFont f = model.index(row, 0).data(Qt::FontRole).value<QFont>();
            if (e.provenance == Provenance::Derived) {
                EXPECT_EQ(source, QStringLiteral("derived"));
                EXPECT_TRUE(f.italic()) << row;
            } else {
                EXPECT_EQ(source, QStringLiteral("kernel"));
                EXPECT_FALSE(f.italic()) << row;
            }
        }
        EXPECT_EQ(model.index(0, EventLogModel::TimeColumn).data().toString(),
                  QString::number(double(tl->at(0).tUs) / 1e6, 'f', 6));
    }
}

TEST_F(Panes, EventLogGreysOutRowsAfterTheCursor)
{
    EventLogModel model;
    model.setTimeline(handshake());
    const int cursor = handshake().size() / 2;
    model.setCursor(cursor);
    const QColor grey = model.index(cursor + 1, EventLogModel::DescriptionColumn)
                            .data(Qt::ForegroundRole).value<QBrush>().color();
    EXPECT_EQ(grey, QColor(160, 160, 160));
    EXPECT_FALSE(model.index(cursor - 1, EventLogModel::DescriptionColumn).data(Qt::ForegroundRole).isValid() &&
                 model.index(cursor - 1, EventLogModel::DescriptionColumn).data(Qt::ForegroundRole)
                         .value<QBrush>().color() == grey);
    EXPECT_TRUE(model.index(cursor, 0).data(Qt::BackgroundRole).isValid());
    EXPECT_FALSE(model.index(cursor + 1, 0).data(Qt::BackgroundRole).isValid());
}

TEST_F(Panes, FilterModelKeepsOnlyTheChosenActorAndKind)
{
    const Timeline& tl = teardown();
    EventLogModel model;
    model.setTimeline(tl);
    EventLogFilterModel filter;
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::Warning);
    filter.setSourceModel(&model);
    EXPECT_EQ(filter.rowCount(), tl.size());

    filter.setActorFilter(QStringLiteral("server"));
    const int serverRows = countIf(tl, [](const Event& e) { return e.actor == QLatin1String("server"); });
    ASSERT_GT(serverRows, 0);
    EXPECT_EQ(filter.rowCount(), serverRows);
    for (int r = 0; r < filter.rowCount(); ++r)
        EXPECT_EQ(filter.index(r, EventLogModel::ActorColumn).data().toString(), QStringLiteral("server"));

    filter.setKindFilter(EventKind::Call);
    const int serverCalls = countIf(tl, [](const Event& e) {
        return e.actor == QLatin1String("server") && e.kind == EventKind::Call;
    });
    EXPECT_GT(serverCalls, 3); // socket, bind, listen, accept, recv, close
    EXPECT_EQ(filter.rowCount(), serverCalls);

    filter.setActorFilter({});
    filter.setKindFilter(EventKind::Segment);
    EXPECT_EQ(filter.rowCount(), tl.countOf(EventKind::Segment));
    for (int r = 0; r < filter.rowCount(); ++r)
        EXPECT_TRUE(filter.index(r, 0).data(EventLogModel::IsPacketRole).toBool());

    filter.setKindFilter(std::nullopt);
    EXPECT_EQ(filter.rowCount(), tl.size());
}

// The filter is not dynamic (a cursor move must not re-filter a million
// rows): rows that arrive in a live session are still filtered, and a cursor
// move still reaches the view as the colour change it is.
TEST_F(Panes, AFilteredLogFiltersRowsThatArriveAndPassesCursorMovesOn)
{
    const Timeline& full = teardown();
    Timeline part;
    part.scenarioId = full.scenarioId;
    part.originEpochUs = full.originEpochUs;
    part.actors = full.actors;
    const int half = full.size() / 2;
    for (int i = 0; i < half; ++i) part.append(full.at(i));

    EventLogModel model;
    model.setTimeline(part);
    EventLogFilterModel filter;
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::Warning);
    filter.setSourceModel(&model);
    filter.setActorFilter(QStringLiteral("server"));
    const auto serverRows = [](const Timeline& tl, int upTo) {
        int n = 0;
        for (int i = 0; i < upTo; ++i) n += tl.at(i).actor == QLatin1String("server");
        return n;
    };
    ASSERT_EQ(filter.rowCount(), serverRows(part, part.size()));
    ASSERT_LT(serverRows(full, half), serverRows(full, full.size())); // the second half adds server rows

    model.setTimeline(full); // grows: rows inserted, not a reset
    EXPECT_EQ(filter.rowCount(), serverRows(full, full.size()));
    for (int r = 0; r < filter.rowCount(); ++r)
        EXPECT_EQ(filter.index(r, EventLogModel::ActorColumn).data().toString(), QStringLiteral("server"));

    QSignalSpy changed(&filter, &QAbstractItemModel::dataChanged);
    model.setCursor(full.size() - 1);
    ASSERT_GE(changed.count(), 1);
    const QModelIndex last = filter.index(filter.rowCount() - 1, EventLogModel::DescriptionColumn);
    EXPECT_NE(last.data(Qt::ForegroundRole).value<QBrush>().color(), QColor(160, 160, 160)); // no longer in the future
    EXPECT_EQ(filter.rowCount(), serverRows(full, full.size())); // a cursor move drops no rows
}

// In Chinese the event log names the programs as the ladder and the
// narration do (客户端, 服务端), in its actor column and its actor filter;
// the filter still filters by the actor itself.
TEST_F(Panes, EventLogNamesTheActorsInTheWindowsLanguage)
{
    QTranslator zh;
    ASSERT_TRUE(zh.load(QStringLiteral(":/i18n/socklab_zh_CN.qm")));
    QCoreApplication::installTranslator(&zh);
    const Timeline& tl = handshake();
    EventLogPane pane;
    pane.resize(900, 400);
    pane.setTimeline(tl);
    pane.setCursor(tl.size() - 1);
    QStringList titles;
    for (int i = 1; i < pane.actorCombo()->count(); ++i) titles << pane.actorCombo()->itemText(i);
    EXPECT_TRUE(titles.contains(QString::fromUtf8("客户端"))) << titles.join(',').toStdString();
    EXPECT_TRUE(titles.contains(QString::fromUtf8("服务端"))) << titles.join(',').toStdString();
    pane.actorCombo()->setCurrentIndex(pane.actorCombo()->findText(QString::fromUtf8("服务端")));
    EXPECT_EQ(pane.filterModel()->actorFilter(), QStringLiteral("server"));
    ASSERT_GT(pane.filterModel()->rowCount(), 0);
    for (int r = 0; r < pane.filterModel()->rowCount(); ++r)
        EXPECT_EQ(pane.filterModel()->index(r, EventLogModel::ActorColumn).data().toString(), QString::fromUtf8("服务端"));
    QCoreApplication::removeTranslator(&zh);
}

TEST_F(Panes, EventLogPaneCombosFilterAndSegmentRowsSelectPackets)
{
    const Timeline& tl = handshake();
    EventLogPane pane;
    pane.resize(900, 400);
    pane.setTimeline(tl);
    pane.setCursor(tl.size() - 1);
    QSignalSpy spy(&pane, &EventLogPane::packetSelected);

    // The actor combo lists "all" plus each actor.
    ASSERT_EQ(pane.actorCombo()->count(), 1 + tl.actors.size());
    pane.actorCombo()->setCurrentIndex(pane.actorCombo()->findData(QStringLiteral("client")));
    EXPECT_EQ(pane.filterModel()->actorFilter(), QStringLiteral("client"));
    pane.actorCombo()->setCurrentIndex(0);
    pane.kindCombo()->setCurrentIndex(pane.kindCombo()->findData(int(EventKind::Segment)));
    EXPECT_EQ(pane.filterModel()->rowCount(), tl.countOf(EventKind::Segment));

    // A user picking a segment row selects that packet.
    const QModelIndex row = pane.filterModel()->index(0, 0);
    pane.view()->selectionModel()->setCurrentIndex(row, QItemSelectionModel::ClearAndSelect);
    ASSERT_EQ(spy.count(), 1);
    const int ev = spy.at(0).at(0).toInt();
    EXPECT_TRUE(tl.at(ev).packet() != nullptr);

    // The window selecting a packet does not echo it back.
    const int syn = firstSyn(tl);
    pane.setSelectedPacket(syn);
    EXPECT_EQ(spy.count(), 1);
    EXPECT_EQ(pane.view()->currentIndex().data(EventLogModel::EventIndexRole).toInt(), syn);
}

// The columns are sized from the words they can hold, not measured row by
// row (issue 12: that cost a million-event session seconds per jump): every
// cell's words still fit, in ordinary and in presenter type.
TEST_F(Panes, EventLogColumnsFitTheirWordsInEitherType)
{
    const Timeline& tl = teardown();
    for (const bool presenter : {false, true}) {
        EventLogPane pane;
        pane.resize(1200, 500);
        pane.setPresenter(presenter);
        pane.setTimeline(tl);
        pane.setCursor(tl.size() / 2);
        QTableView* view = pane.view();
        const QFontMetrics fm(view->font());
        EXPECT_GE(view->verticalHeader()->defaultSectionSize(), fm.height()) << presenter;
        for (int column : {EventLogModel::TimeColumn, EventLogModel::ActorColumn, EventLogModel::KindColumn,
                           EventLogModel::SourceColumn}) {
            const int width = view->horizontalHeader()->sectionSize(column);
            for (int row = 0; row < tl.size(); ++row) {
                const QString text = pane.filterModel()->index(row, column).data().toString();
                QFont f = view->font();
                f.setBold(row == tl.size() / 2); // the cursor's row is bold
                EXPECT_LT(QFontMetrics(f).horizontalAdvance(text), width)
                    << "column " << column << " row " << row << ": " << text.toStdString() << (presenter ? " presenter" : "");
            }
        }
        test::keepShot(&pane, presenter ? QStringLiteral("event-log-presenter") : QStringLiteral("event-log"));
    }
}

TEST_F(Panes, LiveSessionGrowthKeepsSelectionAndEditors)
{
    const Timeline& full = handshake();
    const int syn = firstSyn(full);
    ASSERT_GE(syn, 0);
    ASSERT_LT(syn + 3, full.size());
    Timeline part;
    part.scenarioId = full.scenarioId;
    part.originEpochUs = full.originEpochUs;
    part.actors = full.actors;
    for (int i = 0; i <= syn + 2; ++i) part.append(full.at(i));

    EventLogPane log;
    QAbstractItemModelTester tester(log.model(), QAbstractItemModelTester::FailureReportingMode::Warning);
    log.setTimeline(part);
    log.setSelectedPacket(syn);
    QSignalSpy inserted(log.model(), &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(log.model(), &QAbstractItemModel::modelReset);
    log.setTimeline(full);
    EXPECT_EQ(inserted.count(), 1);
    EXPECT_EQ(reset.count(), 0);
    EXPECT_EQ(log.model()->rowCount(), full.size());
    EXPECT_EQ(log.view()->currentIndex().data(EventLogModel::EventIndexRole).toInt(), syn);

    CodePane code;
    code.setTimeline(part);
    const QPlainTextEdit* serverEditor = code.editor("server");
    code.setTimeline(full);
    EXPECT_EQ(code.editor("server"), serverEditor);

    PacketLayersPane layers;
    layers.setTimeline(part);
    layers.setSelectedPacket(syn);
    layers.setTimeline(full);
    EXPECT_EQ(layers.shownPacket(), syn);

    // Another session resets everything.
    log.setTimeline(teardown());
    EXPECT_EQ(reset.count(), 1);
    layers.setTimeline(teardown());
    EXPECT_EQ(layers.shownPacket(), -1);
}

TEST_F(Panes, PacketLayersShowTheSynByLayer)
{
    const Timeline& tl = handshake();
    const int syn = firstSyn(tl);
    ASSERT_GE(syn, 0);
    const PacketData& p = *tl.at(syn).packet();
    ASSERT_TRUE(p.captured());

    PacketLayersPane pane;
    pane.setTimeline(tl);
    pane.setSelectedPacket(syn);
    EXPECT_EQ(pane.shownPacket(), syn);
    QTreeWidget* tree = pane.tree();
    ASSERT_GE(tree->topLevelItemCount(), 3); // link, IPv4, TCP

    QTreeWidgetItem* tcp = nullptr;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        if (tree->topLevelItem(i)->text(0).endsWith(QStringLiteral("TCP"))) tcp = tree->topLevelItem(i);
    ASSERT_NE(tcp, nullptr);
    QTreeWidgetItem* synFlag = findItem(tcp, QStringLiteral("Syn (SYN)"));
    ASSERT_NE(synFlag, nullptr);
    EXPECT_EQ(synFlag->text(1), QStringLiteral("1"));
    QTreeWidgetItem* ackFlag = findItem(tcp, QStringLiteral("Acknowledgment (ACK)"));
    ASSERT_NE(ackFlag, nullptr);
    EXPECT_EQ(ackFlag->text(1), QStringLiteral("0"));
    QTreeWidgetItem* mss = findItem(tcp, QStringLiteral("Maximum segment size"));
    ASSERT_NE(mss, nullptr);
    EXPECT_EQ(mss->text(1), QString::number(p.options.mss));
    QTreeWidgetItem* seq = findItem(tcp, QStringLiteral("Sequence number"));
    ASSERT_NE(seq, nullptr);
    EXPECT_TRUE(seq->text(1).contains(QStringLiteral("0 (relative)"))) << seq->text(1).toStdString();
    EXPECT_TRUE(seq->text(1).contains(QString::number(p.seq))) << seq->text(1).toStdString();
    EXPECT_NE(findItem(tree->invisibleRootItem(), QStringLiteral("Source address")), nullptr);

    // The OSI picture lights transport, network and link; a SYN has no payload.
    const OsiModelWidget* osi = pane.osiWidget();
    EXPECT_TRUE(osi->isHighlighted(OsiModelWidget::Layer::Transport));
    EXPECT_TRUE(osi->isHighlighted(OsiModelWidget::Layer::Network));
    EXPECT_TRUE(osi->isHighlighted(OsiModelWidget::Layer::Link));
    EXPECT_FALSE(osi->isHighlighted(OsiModelWidget::Layer::Application));
    EXPECT_FALSE(osi->isHighlighted(OsiModelWidget::Layer::Physical));
    EXPECT_FALSE(osi->note().isEmpty());

    // Choosing a field highlights its bytes in the hex dump.
    EXPECT_EQ(pane.hexView()->toPlainText(), HexDump::text(tl.fullFrame(p))); // read back from the frame store
    EXPECT_FALSE(pane.hexView()->toPlainText().isEmpty());
    QTreeWidgetItem* srcPort = findItem(tcp, QStringLiteral("Source port"));
    ASSERT_NE(srcPort, nullptr);
    tree->setCurrentItem(srcPort);
    const auto sels = pane.hexView()->extraSelections();
    ASSERT_EQ(sels.size(), 2); // hex and ASCII parts
    const QString portHex = QStringLiteral("%1 %2").arg(p.srcPort >> 8, 2, 16, QLatin1Char('0'))
                                .arg(p.srcPort & 0xff, 2, 16, QLatin1Char('0'));
    EXPECT_EQ(sels.at(0).cursor.selectedText(), portHex);
}

TEST_F(Panes, PacketLayersFollowTheCursorAndMarkDerivedSegments)
{
    Timeline tl = handshake();
    PacketLayersPane pane;
    pane.setTimeline(tl);
    pane.setCursor(-1);
    EXPECT_EQ(pane.shownPacket(), -1);
    EXPECT_EQ(pane.tree()->topLevelItemCount(), 0);
    pane.setCursor(tl.size() - 1);
    ASSERT_GE(pane.shownPacket(), 0);
    EXPECT_NE(tl.at(pane.shownPacket()).packet(), nullptr);
    // A packet the user picked stays until the cursor really moves.
    const int syn = firstSyn(tl);
    pane.setSelectedPacket(syn);
    pane.setCursor(tl.size() - 1);
    EXPECT_EQ(pane.shownPacket(), syn);
    pane.setCursor(syn - 1);
    EXPECT_LT(pane.shownPacket(), syn);

    // A segment socklab inferred: no bytes, fields only, and it says so.
    Event derived = tl.at(firstSyn(tl));
    derived.provenance = Provenance::Derived;
    PacketData& inferred = std::get<PacketData>(derived.data);
    inferred.raw.clear();
    inferred.capLen = 0; // not captured: no frame anywhere
    inferred.frameOffset = -1;
    derived.tUs = tl.durationUs() + 1;
    tl.append(derived);
    pane.setTimeline(tl);
    pane.setSelectedPacket(tl.size() - 1);
    EXPECT_TRUE(pane.hexView()->toPlainText().isEmpty());
    const QList<QLabel*> labels = pane.findChildren<QLabel*>();
    EXPECT_TRUE(std::any_of(labels.begin(), labels.end(), [&pane](QLabel* l) {
        return l->isVisibleTo(&pane) && l->text().contains(QStringLiteral("not captured"));
    }));
    QTreeWidgetItem* seq = findItem(pane.tree()->invisibleRootItem(), QStringLiteral("Sequence number"));
    ASSERT_NE(seq, nullptr);
    EXPECT_TRUE(seq->text(1).contains(QStringLiteral("(absolute)")));
    EXPECT_TRUE(pane.osiWidget()->isHighlighted(OsiModelWidget::Layer::Transport));

    // Wire mode: a capture the wire delayed says so above its layers (issue 12).
    EXPECT_FALSE(pane.headerText().contains(QStringLiteral("wire")));
    Event delayed = tl.at(syn);
    delayed.wireDelayUs = 52500;
    delayed.tUs = tl.durationUs() + 1;
    tl.append(delayed);
    pane.setTimeline(tl);
    pane.setSelectedPacket(tl.size() - 1);
    EXPECT_TRUE(pane.headerText().endsWith(QStringLiteral("delayed 52.5 ms by socklab's wire"))) << pane.headerText().toStdString();
}

// Memory holds no bytes of a captured frame: they come from the capture
// file. When that cannot be read, the pane shows the fields memory holds and
// says why there are no bytes (not "derived": the kernel did send it).
TEST_F(Panes, PacketLayersSayWhenACapturedFrameCannotBeReadBack)
{
    Timeline tl = handshake();
    const int syn = firstSyn(tl);
    ASSERT_GE(syn, 0);
    ASSERT_TRUE(tl.at(syn).packet()->captured());
    PacketLayersPane pane;
    pane.setTimeline(tl);
    pane.setSelectedPacket(syn);
    EXPECT_TRUE(pane.derivedNoteText().isEmpty());
    EXPECT_FALSE(pane.hexView()->toPlainText().isEmpty());

    ASSERT_TRUE(tl.at(syn).packet()->raw.isEmpty()) << "memory kept the frame: the frame store is not used";
    Timeline gone = tl;
    gone.frames.reset(); // the capture file is no longer there
    PacketLayersPane lost;
    lost.setTimeline(gone);
    lost.setSelectedPacket(syn);
    EXPECT_TRUE(lost.derivedNoteText().contains(QStringLiteral("could not be read back")))
        << lost.derivedNoteText().toStdString();
    EXPECT_TRUE(lost.hexView()->toPlainText().isEmpty());
    EXPECT_NE(findItem(lost.tree()->invisibleRootItem(), QStringLiteral("Sequence number")), nullptr);
    // Live, the frame may not be on disk yet: the next update reads it again.
    lost.setTimeline(tl);
    EXPECT_EQ(lost.shownPacket(), syn);
    EXPECT_TRUE(lost.derivedNoteText().isEmpty());
    EXPECT_EQ(lost.hexView()->toPlainText(), pane.hexView()->toPlainText());
}

TEST_F(Panes, CodePaneMarksTheServerBlockedInAcceptAndEndsOnConnect)
{
    const Timeline& tl = handshake();
    CodePane pane;
    pane.setTimeline(tl);
    EXPECT_EQ(pane.actors(), (QStringList{QStringLiteral("server"), QStringLiteral("client")}));

    int blockedAccept = -1;
    for (int i = 0; i < tl.size() && blockedAccept < 0; ++i)
        if (const ReturnData* r = tl.at(i).ret();
            r && r->blocked && r->call == QLatin1String("accept") && tl.at(i).actor == QLatin1String("server"))
            blockedAccept = i;
    ASSERT_GE(blockedAccept, 0);

    pane.setCursor(blockedAccept);
    EXPECT_TRUE(pane.currentLineText("server").contains(QStringLiteral("accept()")))
        << pane.currentLineText("server").toStdString();
    EXPECT_TRUE(pane.position("server").blocked);
    EXPECT_EQ(pane.statusText("server"), QStringLiteral("blocked in accept()"));
    EXPECT_FALSE(pane.editor("server")->extraSelections().isEmpty());
    EXPECT_EQ(pane.editor("server")->extraSelections().first().cursor.block().text(),
              pane.currentLineText("server"));

    pane.setCursor(tl.size() - 1);
    EXPECT_TRUE(pane.currentLineText("client").contains(QStringLiteral("connect(")))
        << pane.currentLineText("client").toStdString();
    EXPECT_FALSE(pane.position("server").blocked);
    EXPECT_FALSE(pane.position("client").blocked);

    pane.setCursor(-1);
    EXPECT_EQ(pane.position("server").line, -1);
    EXPECT_TRUE(pane.editor("server")->extraSelections().isEmpty());
}

TEST_F(Panes, CodePaneFollowsTheTeardown)
{
    const Timeline& tl = teardown();
    CodePane pane;
    pane.setTimeline(tl);
    pane.setCursor(tl.size() - 1);
    EXPECT_TRUE(pane.currentLineText("server").contains(QStringLiteral("close()")))
        << pane.currentLineText("server").toStdString();
    EXPECT_TRUE(pane.currentLineText("client").contains(QStringLiteral("close()")))
        << pane.currentLineText("client").toStdString();
}

TEST(HexDump, RangesPointAtTheBytesInTheText)
{
    QByteArray bytes;
    for (int i = 0; i < 40; ++i) bytes += char(i + 0x41);
    const QString text = HexDump::text(bytes);
    EXPECT_EQ(text.count(QLatin1Char('\n')), 2);
    EXPECT_TRUE(text.startsWith(QStringLiteral("0000  41 42 43")));
    // Bytes 14..17 cross the first line's end.
    const QList<TextRange> r = HexDump::ranges(14, 4, int(bytes.size()));
    ASSERT_EQ(r.size(), 4);
    EXPECT_EQ(text.mid(r[0].start, r[0].length), QStringLiteral("4f 50"));
    EXPECT_EQ(text.mid(r[1].start, r[1].length), QStringLiteral("OP"));
    EXPECT_EQ(text.mid(r[2].start, r[2].length), QStringLiteral("51 52"));
    EXPECT_EQ(text.mid(r[3].start, r[3].length), QStringLiteral("QR"));
    EXPECT_TRUE(HexDump::ranges(50, 4, int(bytes.size())).isEmpty());
}
