#pragma once
// Paints the ladder (sequence) diagram of a timeline at a cursor. A pure
// function of (timeline, cursor, style, viewport); items() returns the same
// scene as a list so tests can check structure instead of pixels.

#include "LadderLayout.h"
#include "ViewStyle.h"

#include <QLineF>
#include <QList>
#include <QRectF>
#include <QStringList>

class QPainter;

namespace socklab {

struct LadderViewport {
    qreal top = 0;            // content y at the top of the target (scroll position)
    qreal progress = 1.0;     // 0..1: how far the arrow at the cursor has "flown"
    bool ghostFuture = false; // draw events after the cursor faintly instead of hiding them
    int selected = -1;        // event index of the selected segment
    bool legend = true;
    bool wireControls = false; // a live wire session: packets held now get Release and Drop buttons
};

struct LadderItem {
    enum class Kind { Header, Lifeline, StepMark, Gap, Call, Wait, Arrow, State, Timer, Note, Legend };
    Kind kind = Kind::Note;
    int row = -1;
    int eventIndex = -1;
    int actor = -1;
    QString text;
    QString detail;
    QRectF detailRect; // State: where its socket's name is written (beside the badge, on the side with room)
    QLineF line;  // Arrow: sender -> receiver (already shortened by progress); Lifeline; Wait bar axis
    QRectF rect;  // the label's or box's rectangle in target coordinates
    bool derived = false;
    bool error = false;
    bool highlighted = false; // the row at the cursor
    bool ghosted = false;     // after the cursor (only with ghostFuture)
    bool selected = false;
    qreal fontPx = 0; // Call: the pixel size its label was fitted to (0: the style's label font)
    // Arrow in wire mode: what the wire did ("dropped by the wire", "held by the wire", "+50 ms: the wire's delay")
    LadderRow::Wire wire = LadderRow::Wire::None;
    bool wireEnded = false; // Held: released or dropped at the cursor (drawn faint)
    QString wireText;
    QRectF wireRect;        // wireText's rectangle, beside the arrow's tip (dropped, held) or under it (delayed)
    // Held now, with wireControls: the packet and its two buttons, after the wire text on its line.
    qint64 packetId = 0;
    QRectF releaseRect, dropRect;
    bool wireIcons = false; // no room for the words: ▶ and ✕ (their tooltips say the words)
};

class LadderRenderer
{
public:
    LadderRenderer();

    void setTimeline(const Timeline& tl);
    // Tightens margins and column gaps (down to a readable floor) to fit `width`; 0 = natural size.
    void fitToWidth(qreal width);
    void setStyle(const ViewStyle& style);
    const ViewStyle& style() const { return m_style; }
    LadderLayout& layout() { return m_layout; }
    const LadderLayout& layout() const { return m_layout; }

    // The row drawn as "now" for a cursor: the last row at or before it.
    int cursorRow(int cursor) const { return m_layout.lastRowAtOrBefore(cursor); }
    QList<LadderItem> items(const QRectF& target, int cursor, const LadderViewport& vp) const;
    void paint(QPainter& p, const QRectF& target, int cursor, const LadderViewport& vp) const;
    // How an item's text is drawn: its font, the rectangle and the alignment
    // given to drawText (tests measure the ink against the item's rect).
    QFont textFont(const LadderItem& it) const;
    QRectF textRect(const LadderItem& it) const;
    int textFlags(const LadderItem& it) const;
    // Event index of the segment arrow under a content-coordinate point, or -1.
    int arrowAt(const QPointF& contentPos, qreal width) const;
    // The Release / Drop button of a held packet under a point of `target` (items() with `vp`).
    struct WireButton {
        qint64 packetId = 0; // 0: none there
        bool drop = false;
    };
    WireButton wireButtonAt(const QPointF& pos, const QRectF& target, int cursor, const LadderViewport& vp) const;

    // One-shot convenience for exports and tests.
    static void paint(QPainter& p, const QRectF& target, const Timeline& tl, int cursor, const ViewStyle& style,
                      const LadderViewport& vp = {});

private:
    qreal gutterTextWidth() const;
    void drawItem(QPainter& p, const LadderItem& it) const;
    QColor actorColor(int column) const;

    ViewStyle m_style;
    LadderLayout m_layout;
    QList<QColor> m_colors;
    qreal m_fitWidth = 0;
    mutable qreal m_gutterText = -1; // gutterTextWidth(), -1 until measured for this timeline and style
};

} // namespace socklab
