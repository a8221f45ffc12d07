#include "PacketLayersPane.h"

#include "Captions.h"
#include "HexDump.h"
#include "MonospaceFont.h"
#include "OsiModelWidget.h"
#include "PacketDecoder.h"
#include "TextFormatter.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTextBlock>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cstring>

namespace socklab {

namespace {

QString fieldName(const char* name) { return QCoreApplication::translate("PacketField", name); }

QString layerKindText(PacketLayer::Kind k)
{
    switch (k) {
    case PacketLayer::Kind::Link: return PacketLayersPane::tr("Link layer");
    case PacketLayer::Kind::Network: return PacketLayersPane::tr("Network layer");
    case PacketLayer::Kind::Transport: return PacketLayersPane::tr("Transport layer");
    case PacketLayer::Kind::Application: return PacketLayersPane::tr("Application layer");
    }
    return {};
}

QTreeWidgetItem* addItem(QTreeWidgetItem* parent, const QString& name, const QString& value, int off = -1,
                         int len = 0)
{
    auto* item = new QTreeWidgetItem(parent, {name, value});
    item->setData(0, PacketLayersPane::OffsetRole, off);
    item->setData(0, PacketLayersPane::LengthRole, len);
    item->setToolTip(1, value);
    return item;
}

// Sequence and acknowledgement numbers are shown both ways: relative as the
// lesson counts them, absolute as they are on the wire.
QString fieldValue(const char* name, const QString& value, const PacketData& p)
{
    if (std::strcmp(name, "Sequence number") == 0)
        return PacketLayersPane::tr("%1 (relative) · %2 (absolute)").arg(p.relSeq).arg(p.seq);
    if (std::strcmp(name, "Acknowledgment number") == 0) {
        if (!p.has(TcpFlag::ACK)) return PacketLayersPane::tr("%1 (ACK not set: ignored)").arg(p.ack);
        return PacketLayersPane::tr("%1 (relative) · %2 (absolute)").arg(p.relAck).arg(p.ack);
    }
    return value;
}

void addFields(QTreeWidgetItem* parent, const QList<PacketField>& fields, const PacketData& p)
{
    for (const PacketField& f : fields) {
        QTreeWidgetItem* item = addItem(parent, fieldName(f.name), fieldValue(f.name, f.value, p), f.offset, f.length);
        addFields(item, f.children, p);
    }
}

void addPayloadViews(QTreeWidgetItem* layer, const QByteArray& payload, int off)
{
    if (payload.isEmpty()) return;
    addItem(layer, PacketLayersPane::tr("As hex"), QString::fromLatin1(payload.toHex(' ')), off,
            int(payload.size()));
    addItem(layer, PacketLayersPane::tr("As text"), pythonBytes(payload, 200), off, int(payload.size()));
}

} // namespace

PacketLayersPane::PacketLayersPane(QWidget* parent)
    : QWidget(parent),
      m_header(new QLabel(this)),
      m_derivedNote(new QLabel(this)),
      m_tree(new QTreeWidget(this)),
      m_hex(new QPlainTextEdit(this)),
      m_osi(new OsiModelWidget(this))
{
    m_header->setTextFormat(Qt::PlainText);
    m_header->setWordWrap(true);
    QFont hf = m_header->font();
    hf.setBold(true);
    m_header->setFont(hf);
    m_derivedNote->setText(derivedText());
    m_derivedNote->setWordWrap(true);
    m_derivedNote->setStyleSheet(QStringLiteral("QLabel { color: #8a5a00; background: #fff4d6; "
                                                "border: 1px solid #e0c080; border-radius: 3px; padding: 3px; }"));
    m_derivedNote->hide();

    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Field"), tr("Value")});
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_tree->header()->setStretchLastSection(true);

    m_hex->setReadOnly(true);
    m_hex->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_hex->setFont(monospaceFont());
    m_hex->setPlaceholderText(tr("No captured bytes."));

    auto* left = new QSplitter(Qt::Vertical, this);
    left->addWidget(m_tree);
    left->addWidget(m_hex);
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 2);
    left->setChildrenCollapsible(false);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(m_osi);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 0);
    split->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_header);
    layout->addWidget(m_derivedNote);
    layout->addWidget(split, 1);

    connect(m_tree, &QTreeWidget::currentItemChanged, this, &PacketLayersPane::highlightBytes);
    rebuild();
}

void PacketLayersPane::setTimeline(const Timeline& tl)
{
    // Keep showing the same packet (and the reader's place in the tree) when
    // a live session only appended events.
    const bool same = m_shown >= 0 && m_shown < tl.size() && m_shown < m_tl.size() &&
                      tl.scenarioId == m_tl.scenarioId && tl.originEpochUs == m_tl.originEpochUs &&
                      tl.at(m_shown).tUs == m_tl.at(m_shown).tUs && tl.at(m_shown).packet();
    m_tl = tl;
    // A frame the capture's writer had not put on disk yet is read again
    // when the session moves on.
    if (same && m_unreadable) {
        rebuild();
        return;
    }
    if (same) return;
    m_shown = -1;
    m_cursor = kNoCursor;
    rebuild();
}

void PacketLayersPane::setCursor(int eventIndex)
{
    // The same cursor again (the window refreshing) keeps a packet the user picked.
    if (eventIndex == m_cursor) return;
    m_cursor = eventIndex;
    int found = -1;
    for (int i = qMin(eventIndex, m_tl.size() - 1); i >= 0 && found < 0; --i)
        if (m_tl.at(i).packet()) found = i;
    showPacket(found);
}

void PacketLayersPane::setSelectedPacket(int eventIndex)
{
    if (eventIndex >= 0 && eventIndex < m_tl.size() && m_tl.at(eventIndex).packet()) showPacket(eventIndex);
}

void PacketLayersPane::setPresenter(bool on)
{
    if (m_baseFontSize < 0) m_baseFontSize = font().pointSizeF();
    QFont f = font();
    f.setPointSizeF(on ? m_baseFontSize * 1.5 : m_baseFontSize);
    setFont(f);
    QFont mono = monospaceFont();
    mono.setPointSizeF(f.pointSizeF());
    m_hex->setFont(mono);
    QFont hf = f;
    hf.setBold(true);
    m_header->setFont(hf);
}

QString PacketLayersPane::headerText() const { return m_header->text(); }

QString PacketLayersPane::derivedNoteText() const { return m_derivedNote->isHidden() ? QString() : m_derivedNote->text(); }

QString PacketLayersPane::derivedText()
{
    return tr("⚠ Derived from the protocol — not captured: socklab inferred this segment, "
              "so there are no bytes to show.");
}

QString PacketLayersPane::unreadableText()
{
    return tr("⚠ Captured, but its bytes could not be read back from the capture file: "
              "below is what socklab kept in memory.");
}

void PacketLayersPane::showPacket(int eventIndex)
{
    if (eventIndex == m_shown) return;
    m_shown = eventIndex;
    rebuild();
}

void PacketLayersPane::rebuild()
{
    m_tree->clear();
    m_hex->clear();
    m_unreadable = false;
    const PacketData* p = m_shown >= 0 && m_shown < m_tl.size() ? m_tl.at(m_shown).packet() : nullptr;
    if (!p) {
        m_header->setText(tr("No packet yet. Select a segment in the event log or on the ladder."));
        m_derivedNote->hide();
        m_osi->setCarriedLayers({});
        m_osi->setNote({});
        return;
    }
    const Event& e = m_tl.at(m_shown);
    const QString from = p->fromActor.isEmpty() ? QStringLiteral("%1:%2").arg(p->srcAddr.toString()).arg(p->srcPort)
                                                : p->fromActor.toString();
    const QString to = p->toActor.isEmpty() ? QStringLiteral("%1:%2").arg(p->dstAddr.toString()).arg(p->dstPort) : p->toActor.toString();
    m_header->setText(tr("#%1  %2 → %3   %4   (%5 s)")
                          .arg(m_shown)
                          .arg(from, to, segmentLabel(*p), QString::number(double(e.tUs) / 1e6, 'f', 6)));
    if (e.wireDelayUs > 0) // what socklab's wire did to the packet the kernel sent
        m_header->setText(m_header->text() + QStringLiteral("   ")
                          + tr("delayed %1 ms by socklab's wire").arg(double(e.wireDelayUs) / 1000.0, 0, 'f', 1));

    // Memory holds at most a captured frame's first bytes: the frame is read
    // back from the capture file. Should that fail, the fields memory holds
    // are shown, and said to be all there is.
    const QByteArray frame = p->captured() ? m_tl.fullFrame(*p) : QByteArray();
    const bool derived = !p->captured();
    const bool unreadable = p->captured() && frame.isEmpty();
    m_unreadable = unreadable;
    m_derivedNote->setText(unreadable ? unreadableText() : derivedText());
    m_derivedNote->setVisible(derived || unreadable);
    if (derived || unreadable)
        addDerivedLayers(*p);
    else
        addDecodedLayers(*p, frame);

    // What the packet carries; the link layer exists on lo, the physical one does not.
    QSet<OsiModelWidget::Layer> layers{OsiModelWidget::Layer::Link, OsiModelWidget::Layer::Network};
    if (p->protocol == QLatin1String("tcp") || p->protocol == QLatin1String("udp"))
        layers << OsiModelWidget::Layer::Transport;
    if (p->len > 0 && p->protocol != QLatin1String("icmp") && p->protocol != QLatin1String("icmp6"))
        layers << OsiModelWidget::Layer::Application;
    m_osi->setCarriedLayers(layers);
    m_osi->setNote(tr("Loopback (lo): the frame never leaves the kernel, so there is no physical layer."));

    // Open what the lesson is about (TCP/UDP and the data); link and network
    // stay folded, their one-line summaries already say src -> dst.
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* top = m_tree->topLevelItem(i);
        const auto kind = PacketLayer::Kind(top->data(0, KindRole).toInt());
        top->setExpanded(derived || kind == PacketLayer::Kind::Transport || kind == PacketLayer::Kind::Application);
    }
    m_tree->resizeColumnToContents(0);
}

void PacketLayersPane::addDecodedLayers(const PacketData& p, const QByteArray& frame)
{
    const DecodedPacket d = decodePacket(p.linkType, frame, p.wireLen);
    for (const PacketLayer& l : d.layers) {
        auto* top = new QTreeWidgetItem(m_tree, {QStringLiteral("%1 · %2").arg(
                                                     layerKindText(l.kind),
                                                     QCoreApplication::translate("PacketLayer", l.name)),
                                                 l.summary});
        top->setData(0, OffsetRole, l.offset);
        top->setData(0, LengthRole, l.length);
        top->setData(0, KindRole, int(l.kind));
        QFont f = m_tree->font();
        f.setBold(true);
        top->setFont(0, f);
        addFields(top, l.fields, p);
        if (l.kind == PacketLayer::Kind::Application)
            addPayloadViews(top, d.ok ? d.data.payload : p.payload, l.offset);
    }
    if (!d.ok) addItem(m_tree->invisibleRootItem(), tr("Decoding stopped"), d.error);
    m_hex->setPlainText(HexDump::text(frame));
}

void PacketLayersPane::addDerivedLayers(const PacketData& p)
{
    QFont bold = m_tree->font();
    bold.setBold(true);
    auto layer = [&](PacketLayer::Kind k, const QString& name) {
        auto* top = new QTreeWidgetItem(m_tree, {QStringLiteral("%1 · %2").arg(layerKindText(k), name),
                                                 tr("derived — not captured")});
        top->setFont(0, bold);
        top->setData(0, OffsetRole, -1);
        top->setData(0, KindRole, int(k));
        return top;
    };
    const QString ip = p.ipVersion == 6 ? QStringLiteral("IPv6") : QStringLiteral("IPv4");
    QTreeWidgetItem* net = layer(PacketLayer::Kind::Network, ip);
    addItem(net, fieldName("Source address"), p.srcAddr);
    addItem(net, fieldName("Destination address"), p.dstAddr);

    const bool tcp = p.protocol == QLatin1String("tcp");
    QTreeWidgetItem* tr_ = layer(PacketLayer::Kind::Transport, tcp ? QStringLiteral("TCP") : p.protocol.toString().toUpper());
    addItem(tr_, fieldName("Source port"), QString::number(p.srcPort));
    addItem(tr_, fieldName("Destination port"), QString::number(p.dstPort));
    if (tcp) {
        addItem(tr_, fieldName("Sequence number"), fieldValue("Sequence number", {}, p));
        addItem(tr_, fieldName("Acknowledgment number"), fieldValue("Acknowledgment number", {}, p));
        addItem(tr_, fieldName("Flags"), tcpFlagNames(p.flags).join(QStringLiteral(", ")));
        addItem(tr_, fieldName("Window"), QString::number(p.win));
        const QString opts = formatTcpOptions(p.options);
        if (!opts.isEmpty()) addItem(tr_, fieldName("Options"), opts);
    }
    addItem(tr_, tr("Payload length"), QString::number(p.len));
    if (p.len > 0 && !p.payload.isEmpty()) {
        QTreeWidgetItem* app = layer(PacketLayer::Kind::Application, fieldName("Data"));
        addPayloadViews(app, p.payload, -1);
    }
}

void PacketLayersPane::highlightBytes(QTreeWidgetItem* item)
{
    QList<QTextEdit::ExtraSelection> sels;
    const int off = item ? item->data(0, OffsetRole).toInt() : -1;
    const int len = item ? item->data(0, LengthRole).toInt() : 0;
    const PacketData* p = m_shown >= 0 ? m_tl.at(m_shown).packet() : nullptr;
    if (p && p->captured() && off >= 0 && len > 0) {
        QTextCharFormat fmt;
        fmt.setBackground(QColor(255, 214, 102));
        fmt.setForeground(Qt::black);
        for (const TextRange& r : HexDump::ranges(off, len, int(m_tl.fullFrame(*p).size()))) {
            QTextEdit::ExtraSelection s;
            s.cursor = QTextCursor(m_hex->document());
            s.cursor.setPosition(r.start);
            s.cursor.setPosition(r.start + r.length, QTextCursor::KeepAnchor);
            s.format = fmt;
            sels << s;
        }
        const QTextBlock b = m_hex->document()->findBlockByNumber(off / HexDump::kBytesPerLine);
        if (b.isValid()) {
            QTextCursor c(b);
            m_hex->setTextCursor(c);
            m_hex->ensureCursorVisible();
        }
    }
    m_hex->setExtraSelections(sels);
}

} // namespace socklab
