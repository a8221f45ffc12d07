#pragma once
// The selected packet by layer (link, network, transport, application) as a
// tree, its bytes as a hex dump that highlights the selected field, and the
// OSI / TCP-IP models with the layers this packet carries lit up.
// A derived segment (no captured bytes) shows the fields it has and says so.

#include "Timeline.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace socklab {

class OsiModelWidget;
struct PacketData;

class PacketLayersPane final : public QWidget
{
    Q_OBJECT

public:
    enum ItemRole { OffsetRole = Qt::UserRole + 1, LengthRole, KindRole /* PacketLayer::Kind of a layer row */ };

    explicit PacketLayersPane(QWidget* parent = nullptr);

    void setTimeline(const Timeline& tl);
    // Shows the last packet at or before the cursor (when the cursor moves).
    void setCursor(int eventIndex);
    // Shows packet `eventIndex` (a Segment or Datagram event) until the cursor moves.
    void setSelectedPacket(int eventIndex);
    void setPresenter(bool on);

    int shownPacket() const { return m_shown; } // event index, -1 for none
    QTreeWidget* tree() const { return m_tree; }
    QPlainTextEdit* hexView() const { return m_hex; }
    OsiModelWidget* osiWidget() const { return m_osi; }
    QString headerText() const;
    QString derivedNoteText() const; // the warning above the layers (empty when none shows)

private:
    void showPacket(int eventIndex);
    void rebuild();
    static QString derivedText();
    static QString unreadableText();
    void addDecodedLayers(const PacketData& p, const QByteArray& frame);
    void addDerivedLayers(const PacketData& p);
    void highlightBytes(QTreeWidgetItem* item);

    bool m_unreadable = false; // the shown frame could not be read back (yet)
    static constexpr int kNoCursor = -2; // no cursor given since the timeline changed
    Timeline m_tl;
    int m_shown = -1;
    int m_cursor = kNoCursor;
    QLabel* m_header;
    QLabel* m_derivedNote;
    QTreeWidget* m_tree;
    QPlainTextEdit* m_hex;
    OsiModelWidget* m_osi;
    qreal m_baseFontSize = -1;
};

} // namespace socklab
