#include "LadderRenderer.h"

#include "Captions.h"

#include <algorithm>

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QSet>

#include <cmath>
#include <tuple>

namespace socklab {

namespace {

using Kind = LadderItem::Kind;
using RowType = LadderRow::Type;

QString roleTitle(const QString& name) { return actorTitle(name); } // 客户端, 客户端2; a program keeps its name

// Arrow geometry inside its row (fractions of the row's height).
constexpr qreal kArrowStart = 0.42;
constexpr qreal kArrowEnd = 0.92;

// The width a text really covers: its advance, or its ink where a glyph reaches
// past it. A slanted font (CJK has no italic: the glyphs are sheared) leans
// right by about a fifth of its ascent, which the advance does not count: the
// last glyph of "TIME_WAIT 计时器：剩余 60 秒" stood out of its box.
qreal inkWidth(const QFont& f, const QString& text)
{
    const QFontMetricsF fm(f);
    qreal w = 0;
    for (const QString& line : text.split(QLatin1Char('\n')))
        w = qMax(w, qMax(fm.horizontalAdvance(line), fm.boundingRect(line).right()));
    return w + (f.italic() ? std::ceil(fm.ascent() * 0.22) : 0);
}

} // namespace

LadderRenderer::LadderRenderer() { setStyle(ViewStyle()); }

void LadderRenderer::setStyle(const ViewStyle& style)
{
    m_style = style;
    m_gutterText = -1;
    fitToWidth(m_fitWidth);
}

void LadderRenderer::fitToWidth(qreal width)
{
    m_fitWidth = width;
    const ViewStyle& style = m_style;
    LadderLayout::Metrics m;
    m.rowHeight = style.rowHeight;
    // The band at the top holds the actor names and the legend; rows scroll under it, never over it.
    m.headerHeight = qMax(style.rowHeight * 2.0, QFontMetricsF(style.smallFont).height() * 3.6 + 10 * style.scale);
    m.gutter = 100 * style.scale;
    m.labelArea = (style.presenter ? 220 : 270) * style.scale;
    m.minColumnGap = (style.presenter ? 300 : 340) * style.scale;
    // A narrow pane (a projector at 1366x768 beside the state diagram) gets
    // tighter margins before it gets a horizontal scroll bar: every lifeline
    // should be on screen. Labels elide to what is left.
    const int gaps = qMax(1, m_layout.actorCount() - 1);
    const qreal need = m.gutter + 2 * m.labelArea + gaps * m.minColumnGap;
    if (width > 0 && width < need) {
        const qreal floorLabel = 150 * style.scale, floorGap = 190 * style.scale, floorGutter = 64 * style.scale;
        const qreal f = qMax<qreal>(0, (width - floorGutter - 2 * floorLabel - gaps * floorGap)
                                           / (need - floorGutter - 2 * floorLabel - gaps * floorGap));
        m.gutter = floorGutter + (m.gutter - floorGutter) * f;
        m.labelArea = floorLabel + (m.labelArea - floorLabel) * f;
        m.minColumnGap = floorGap + (m.minColumnGap - floorGap) * f;
    }
    const qreal gutter = qMax(m.gutter, std::ceil(gutterTextWidth()) + 16 + 8);
    if (width > 0 && gutter > m.gutter) {
        // The wider gutter comes out of the label areas and the gaps (down to
        // their floors), or the lanes no longer fit and the view scrolls a few
        // pixels sideways, cutting "Step 14" at its left edge.
        const qreal excess = gutter + 2 * m.labelArea + gaps * m.minColumnGap - width;
        const qreal floorLabel = 150 * style.scale, floorGap = 190 * style.scale;
        const qreal slack = 2 * qMax<qreal>(0, m.labelArea - floorLabel) + gaps * qMax<qreal>(0, m.minColumnGap - floorGap);
        if (excess > 0 && slack > 0) {
            const qreal k = qMin<qreal>(1, excess / slack);
            m.labelArea -= qMax<qreal>(0, m.labelArea - floorLabel) * k;
            m.minColumnGap -= qMax<qreal>(0, m.minColumnGap - floorGap) * k;
        }
    }
    m.gutter = gutter;
    m_layout.setMetrics(m);
}

// The gutter holds "Step 12" and its time ("155.900 s" in a long recording)
// whole. Measured once per timeline and style, and once per shape of text:
// digits read as '0' (figures are tabular in UI fonts; the margin covers the
// rest). A million-event session has a hundred thousand step marks, and
// shaping each of them on every resize of the pane took a second and a half
// when the narration's end note appeared at End (issue 12).
qreal LadderRenderer::gutterTextWidth() const
{
    if (m_gutterText >= 0) return m_gutterText;
    QFont bold = m_style.smallFont;
    bold.setBold(true);
    auto shape = [](QString t) {
        for (QChar& c : t)
            if (c.isDigit()) c = QLatin1Char('0');
        return t;
    };
    QSet<QString> boldTexts, smallTexts;
    for (const LadderRow& r : m_layout.rows()) {
        if (r.type == RowType::StepMark) {
            boldTexts.insert(shape(r.text));
            smallTexts.insert(shape(r.detail));
        } else if (r.type == RowType::Gap) {
            smallTexts.insert(QStringLiteral("⋮ ") + shape(r.text));
        }
    }
    qreal w = 0;
    for (const QString& t : std::as_const(boldTexts)) w = qMax(w, inkWidth(bold, t));
    for (const QString& t : std::as_const(smallTexts)) w = qMax(w, inkWidth(m_style.smallFont, t));
    m_gutterText = w;
    return w;
}

void LadderRenderer::setTimeline(const Timeline& tl)
{
    m_layout.setTimeline(tl);
    m_gutterText = -1;
    fitToWidth(m_fitWidth); // the number of actors decides the room needed
    m_colors.clear();
    for (int c = 0; c < m_layout.actorCount(); ++c)
        m_colors << m_style.actorColor(tl, m_layout.actorName(c));
}

QColor LadderRenderer::actorColor(int column) const
{
    return column >= 0 && column < m_colors.size() ? m_colors[column] : m_style.muted;
}

QList<LadderItem> LadderRenderer::items(const QRectF& target, int cursor, const LadderViewport& vp) const
{
    QList<LadderItem> out;
    const LadderLayout& L = m_layout;
    const auto& M = L.metrics();
    const qreal width = target.width();
    const qreal dy = target.top() - vp.top; // content y -> target y
    const QFontMetricsF fm(m_style.labelFont);
    const qreal unit = M.rowHeight * L.zoom();
    const bool showText = unit >= fm.height() * 0.95;
    const int nowRow = cursorRow(cursor);
    auto x = [&](int col) { return target.left() + L.actorX(col, width); };
    auto outerLeft = [&](int col) { return col == 0 && L.actorCount() > 1; };

    // Lifelines under everything, from the header to the bottom of the target.
    for (int c = 0; c < L.actorCount(); ++c) {
        LadderItem it;
        it.kind = Kind::Lifeline;
        it.actor = c;
        it.line = QLineF(x(c), target.top() + M.headerHeight * 0.8, x(c), target.bottom());
        out << it;
    }
    // Wait bars can start far above the viewport: they are few, check them all.
    const qreal bandTop = vp.top + M.headerHeight;
    const qreal bandBottom = vp.top + target.height();
    for (int r : L.waitRows()) {
        const LadderRow& row = L.rows()[r];
        if (row.eventIndex > cursor && !vp.ghostFuture) continue;
        const bool ended = row.endEventIndex >= 0 && row.endEventIndex <= cursor;
        const int endRow = ended ? L.lastRowAtOrBefore(row.endEventIndex) : qMax(r, nowRow);
        const qreal y1 = L.rowTop(r) + L.rowHeightPx(r) * 0.5;
        const qreal y2 = ended ? L.rowTop(endRow) + L.rowHeightPx(endRow) * 0.5 : L.rowTop(endRow) + L.rowHeightPx(endRow);
        if (y2 < bandTop || y1 > bandBottom) continue;
        LadderItem it;
        it.kind = Kind::Wait;
        it.row = r;
        it.eventIndex = row.eventIndex;
        it.actor = row.actor;
        it.text = showText ? row.text : QString();
        it.line = QLineF(x(row.actor), qMax(y1 + dy, target.top() + M.headerHeight), x(row.actor), y2 + dy);
        it.ghosted = row.eventIndex > cursor;
        it.highlighted = !ended && row.eventIndex <= cursor; // still blocked at the cursor
        out << it;
    }

    const auto [first, last] = L.visibleRows(bandTop, bandBottom);
    for (int r = first; r <= last; ++r) {
        const LadderRow& row = L.rows()[r];
        const bool future = row.eventIndex > cursor;
        if (future && !vp.ghostFuture) break; // rows are in event order
        const qreal top = L.rowTop(r) + dy;
        const qreal h = L.rowHeightPx(r);
        if (top < target.top() + M.headerHeight - 0.5) continue; // under the header band: not drawn over it
        LadderItem it;
        it.row = r;
        it.eventIndex = row.eventIndex;
        it.actor = row.actor;
        it.text = row.text;
        it.detail = row.detail;
        it.derived = row.derived;
        it.error = row.error;
        it.ghosted = future;
        it.highlighted = r == nowRow;
        switch (row.type) {
        case RowType::StepMark:
            it.kind = Kind::StepMark;
            it.rect = QRectF(target.left(), top, width, h);
            break;
        case RowType::Gap:
            it.kind = Kind::Gap;
            it.text = QStringLiteral("⋮ ") + row.text;
            it.rect = QRectF(target.left(), top, width, h);
            break;
        case RowType::Arrow: {
            it.kind = Kind::Arrow;
            it.selected = row.eventIndex == vp.selected;
            const qreal x1 = row.actor >= 0 ? x(row.actor) : target.left() + M.gutter;
            const qreal x2 = row.toActor >= 0 ? x(row.toActor) : (x1 + target.left() + width) / 2;
            QLineF line(x1, top + h * kArrowStart, x2, top + h * kArrowEnd);
            // A packet the wire dropped or holds never got further than the wire: half-way.
            it.wire = row.wire;
            const bool halfWay = row.wire != LadderRow::Wire::None;
            if (halfWay) line.setP2(line.pointAt(0.5));
            if (it.highlighted) line.setP2(line.pointAt(qBound(0.0, vp.progress, 1.0)));
            it.line = line;
            QFont af = m_style.labelFont; // as drawn: bold at the cursor, slanted when derived
            af.setBold(it.highlighted);
            af.setItalic(it.derived);
            const qreal w = inkWidth(af, row.text) + 12;
            const qreal cx = halfWay ? (x1 + (x1 + x2) / 2) / 2 : (x1 + x2) / 2;
            it.rect = QRectF(cx - w / 2, top + h * kArrowStart - fm.height() - 2, w, fm.height());
            if (!showText && !it.highlighted) it.text.clear();
            // What the wire did, in small type: beside the tip (dropped, held), or under the middle (delayed).
            if (row.wire == LadderRow::Wire::Dropped) {
                it.wireText = QCoreApplication::translate("Ladder", "dropped by the wire");
                it.error = true;
            } else if (row.wire == LadderRow::Wire::Held) {
                it.wireEnded = row.endEventIndex >= 0 && row.endEventIndex <= cursor;
                it.wireText = !it.wireEnded ? QCoreApplication::translate("Ladder", "held by the wire")
                    : row.error ? QCoreApplication::translate("Ladder", "held %1 s, then dropped")
                                      .arg(double(row.wireDelayUs) / 1e6, 0, 'f', 1)
                                : QCoreApplication::translate("Ladder", "held %1 s, then released")
                                      .arg(double(row.wireDelayUs) / 1e6, 0, 'f', 1);
                it.error = false;
            } else if (row.wireDelayUs > 0) {
                it.wireText = QCoreApplication::translate("Ladder", "+%1 ms: the wire's delay")
                                  .arg(double(row.wireDelayUs) / 1000.0, 0, 'f', 0);
            }
            if (!it.wireText.isEmpty()) {
                const QFontMetricsF sm(m_style.smallFont);
                const bool rightward = x2 >= x1;
                const QLineF full(x1, top + h * kArrowStart, x2, top + h * kArrowEnd);
                if (halfWay) {
                    // From the ✕ (or the pause mark) towards the receiver, up to a little before its lifeline.
                    const QPointF tip = full.pointAt(0.5);
                    const qreal gap = 14 * m_style.scale;
                    const qreal room = qMax<qreal>(40, std::abs(x2 - tip.x()) - gap - 10 * m_style.scale);
                    it.wireText = sm.elidedText(it.wireText, Qt::ElideRight, room);
                    qreal ww = sm.horizontalAdvance(it.wireText) + 4;
                    // Held now in a live session: [Release] [Drop] after the text, or
                    // instead of it when the two do not fit beside it.
                    const bool controls = vp.wireControls && row.wire == LadderRow::Wire::Held
                                          && row.endEventIndex < 0 && row.packetId != 0;
                    qreal buttons = 0, rw = 0, dw = 0;
                    const qreal pad = 6 * m_style.scale, space = 6 * m_style.scale;
                    const qreal bh = sm.height() + 4 * m_style.scale;
                    if (controls) {
                        rw = sm.horizontalAdvance(QCoreApplication::translate("Ladder", "Release")) + 2 * pad;
                        dw = sm.horizontalAdvance(QCoreApplication::translate("Ladder", "Drop")) + 2 * pad;
                        buttons = rw + space + dw;
                        const qreal full = sm.horizontalAdvance(QCoreApplication::translate("Ladder", "held by the wire")) + 4;
                        const qreal icons = 2 * bh * 1.3 + space;
                        if (full + space + buttons <= room) {
                            it.wireText = QCoreApplication::translate("Ladder", "held by the wire");
                            ww = full;
                        } else if (buttons <= room) {
                            it.wireText.clear();
                            ww = 0;
                        } else if (icons <= room) {
                            it.wireText.clear(); // a narrow pane: ▶ and ✕
                            it.wireIcons = true;
                            ww = 0;
                            rw = dw = bh * 1.3;
                            buttons = icons;
                        } else {
                            buttons = 0; // no room: the dialog's buttons and F7 / F8 still act
                        }
                    }
                    const qreal total = ww + (buttons > 0 && ww > 0 ? space : 0) + buttons;
                    const qreal left = rightward ? tip.x() + gap : tip.x() - gap - total;
                    it.wireRect = QRectF(left, tip.y() - sm.height() / 2, ww, sm.height());
                    if (buttons > 0) {
                        const qreal bx = left + ww + (ww > 0 ? space : 0);
                        it.packetId = row.packetId;
                        it.releaseRect = QRectF(bx, tip.y() - bh / 2, rw, bh);
                        it.dropRect = QRectF(bx + rw + space, tip.y() - bh / 2, dw, bh);
                    }
                } else {
                    // Beside the segment's own label, on its line (above the arrow, inside the row),
                    // between the two lifelines: after the label, else before it, else only "+20 ms".
                    const qreal lo = qMin(x1, x2) + 10 * m_style.scale, hi = qMax(x1, x2) - 10 * m_style.scale;
                    qreal ww = sm.horizontalAdvance(it.wireText) + 4;
                    qreal left = it.rect.right() + 6;
                    if (left + ww > hi) left = it.rect.left() - 6 - ww;
                    if (left < lo) {
                        it.wireText = QCoreApplication::translate("Ladder", "+%1 ms")
                                          .arg(double(row.wireDelayUs) / 1000.0, 0, 'f', 0);
                        ww = sm.horizontalAdvance(it.wireText) + 4;
                        left = it.rect.right() + 6;
                        if (left + ww > hi) left = it.rect.left() - 6 - ww;
                        if (left < lo) left = lo; // a very narrow pane: under the label's start
                    }
                    it.wireRect = QRectF(left, it.rect.bottom() - sm.height(), ww, sm.height());
                }
                if (!showText && !it.highlighted) {
                    it.wireText.clear();
                    it.releaseRect = it.dropRect = QRectF();
                }
            }
            break;
        }
        case RowType::Call:
        case RowType::Wait:
        case RowType::Timer:
        case RowType::Note: {
            it.kind = row.type == RowType::Call ? Kind::Call
                    : row.type == RowType::Wait ? Kind::Wait
                    : row.type == RowType::Timer ? Kind::Timer : Kind::Note;
            if (it.kind == Kind::Wait) {
                it.kind = Kind::Note; // the bar itself is listed above; this is its label
                it.detail = QStringLiteral("wait");
            }
            // The room a label really has: to the gutter on the outer left, else to the
            // next lifeline (or the edge). Elided only when even that is too small.
            const qreal ax = x(row.actor);
            qreal room;
            if (outerLeft(row.actor))
                room = ax - 16 - (target.left() + M.gutter * 0.5);
            else if (row.actor + 1 < L.actorCount())
                room = x(row.actor + 1) - ax - 16 - 20 * m_style.scale;
            else
                room = target.right() - ax - 16 - 6;
            room = qMax(room, M.labelArea - 30) - 8;
            if (it.kind == Kind::Call || it.kind == Kind::Note || it.kind == Kind::Timer) {
                // What the lesson is about is never cut: a call label too long for its
                // room gets smaller type (not under the floor), then two lines (the call,
                // then "→ result"), and is elided only when even that cannot fit.
                QFont base = it.kind == Kind::Call ? m_style.labelFont : m_style.smallFont;
                base.setItalic(it.kind != Kind::Call); // as drawItem draws it
                QFont f = base;
                const qreal natural = f.pixelSize() > 0 ? f.pixelSize() : f.pointSizeF() * 96.0 / 72.0;
                const qreal floorPx = m_style.presenter ? 14.0 : 11.0;
                auto widthAt = [&](qreal px, const QString& t) {
                    QFont g = f;
                    g.setPixelSize(qMax(1, int(px)));
                    return inkWidth(g, t); // the slant of an italic label counts
                };
                QStringList lines{row.text};
                qreal px = natural;
                if (inkWidth(base, row.text) > room) {
                    px = std::floor(natural * room / qMax<qreal>(1, widthAt(natural, row.text)));
                    while (px > floorPx && widthAt(px, row.text) > room) px -= 1; // hinting can round up
                    if (px < floorPx || widthAt(qMax(px, floorPx), row.text) > room) {
                        // Two lines, split where the longer half is shortest: after the
                        // call ("→ result", "— waiting for data"), after an "(" that has
                        // arguments, or at an argument's comma; never inside "()".
                        qsizetype best = -1;
                        qreal bestWidth = 1e9;
                        for (const QString& at : {QStringLiteral(" → "), QStringLiteral(" \u2014"), QStringLiteral("("),
                                                  QStringLiteral(", ")}) {
                            for (qsizetype c = row.text.indexOf(at); c > 0; c = row.text.indexOf(at, c + 1)) {
                                if (at == QLatin1String("(") && row.text.mid(c + 1, 1) == QLatin1String(")")) continue;
                                const qsizetype cut = at == QLatin1String("(") ? c + 1 : c + (at == QLatin1String(", ") ? 1 : 0);
                                const qreal wdt = qMax(widthAt(natural, row.text.left(cut)),
                                                       widthAt(natural, row.text.mid(cut).trimmed()));
                                if (wdt < bestWidth) bestWidth = wdt, best = cut;
                            }
                        }
                        if (best > 0) lines = QStringList{row.text.left(best), row.text.mid(best).trimmed()};
                        const qreal wide = qMax(widthAt(natural, lines.first()), widthAt(natural, lines.last()));
                        const qreal byHeight = h / (lines.size() * 1.42);
                        px = qMin(natural, qMin(byHeight, std::floor(natural * room / qMax<qreal>(1, wide))));
                        while (px > floorPx && qMax(widthAt(px, lines.first()), widthAt(px, lines.last())) > room) px -= 1;
                        px = qMax(px, floorPx);
                    }
                }
                const bool smaller = px < natural - 0.5;
                if (smaller) f.setPixelSize(qMax(1, int(px)));
                else f = base; // drawn in the style's own font: measure that one
                const QFontMetricsF lm(f);
                const qreal lean = inkWidth(f, QStringLiteral(" ")) - lm.horizontalAdvance(QStringLiteral(" "));
                // Last resort: a payload shown as b'…' loses bytes, never its closing quote;
                // anything else is elided.
                auto fit = [&](const QString& l) {
                    if (lm.horizontalAdvance(l) <= room - lean) return l;
                    const qsizetype q = l.indexOf(QLatin1String("b'"));
                    if (q >= 0 && l.endsWith(QLatin1Char('\''))) {
                        QString inner = l.mid(q + 2, l.size() - q - 3);
                        if (inner.endsWith(QChar(0x2026))) inner.chop(1);
                        while (!inner.isEmpty()) {
                            inner.chop(1);
                            const QString t = l.left(q + 2) + inner + QChar(0x2026) + QLatin1Char('\'');
                            if (lm.horizontalAdvance(t) <= room - lean) return t;
                        }
                    }
                    return lm.elidedText(l, Qt::ElideRight, room - lean);
                };
                qreal widest = 0;
                for (QString& l : lines) {
                    l = fit(l);
                    widest = qMax(widest, inkWidth(f, l));
                }
                it.text = lines.join('\n');
                it.fontPx = smaller ? f.pixelSize() : 0;
                if (it.kind == Kind::Call) it.detail = row.detail;
                const qreal w = widest + 8;
                it.rect = outerLeft(row.actor) ? QRectF(ax - 16 - w, top, w, h) : QRectF(ax + 16, top, w, h);
                if (!showText && !it.highlighted) it.text.clear();
                break;
            }
            it.text = fm.elidedText(row.text, Qt::ElideRight, room);
            const qreal w = fm.horizontalAdvance(it.text) + 8;
            it.rect = outerLeft(row.actor) ? QRectF(ax - 16 - w, top, w, h) : QRectF(ax + 16, top, w, h);
            if (!showText && !it.highlighted) it.text.clear();
            break;
        }
        case RowType::State: {
            it.kind = Kind::State;
            QFont sf = m_style.stateFont;
            sf.setItalic(row.derived); // as drawn
            const QFontMetricsF sm(sf);
            const QString label = row.derived ? row.text + QStringLiteral(" *") : row.text;
            it.text = label;
            const qreal w = inkWidth(sf, label) + 18 * m_style.scale;
            const qreal bh = qMin(h * 0.82, sm.height() + 8 * m_style.scale);
            it.rect = QRectF(x(row.actor) - w / 2, top + (h - bh) / 2, w, bh);
            if (!it.detail.isEmpty()) {
                // The socket's name beside the badge: outside the lanes for the first one,
                // else to the right — unless it would run off the view there (a long
                // name on the right lane: "connectionSocket").
                const qreal dw = QFontMetricsF(m_style.smallFont).horizontalAdvance(it.detail) + 2;
                const qreal gap = 8 * m_style.scale;
                const QRectF right(it.rect.right() + gap, it.rect.top(), dw, it.rect.height());
                const QRectF left(it.rect.left() - gap - dw, it.rect.top(), dw, it.rect.height());
                const bool preferLeft = row.actor == 0 && L.actorCount() > 1;
                const bool rightFits = right.right() <= target.right();
                const bool leftFits = left.left() >= target.left() + M.gutter;
                it.detailRect = (preferLeft && leftFits) || (!rightFits && leftFits) ? left : right;
            }
            if (!showText && !it.highlighted) it.text.clear();
            break;
        }
        }
        // A label reaching up into the header band (an arrow's, above its line) waits for the next scroll.
        if (it.rect.isValid() && it.rect.top() < target.top() + M.headerHeight - 0.5) continue;
        if (it.wireRect.isValid() && it.wireRect.top() < target.top() + M.headerHeight - 0.5) continue;
        if (it.releaseRect.isValid() && it.releaseRect.top() < target.top() + M.headerHeight - 0.5) continue;
        out << it;
    }

    // Header last so it stays on top when scrolled.
    const QFontMetricsF hm(m_style.headerFont);
    for (int c = 0; c < L.actorCount(); ++c) {
        LadderItem it;
        it.kind = Kind::Header;
        it.actor = c;
        it.text = roleTitle(L.actorName(c));
        const qreal w = qMax(hm.horizontalAdvance(it.text) + 36 * m_style.scale, 120 * m_style.scale);
        const qreal hh = hm.height() + 12 * m_style.scale;
        it.rect = QRectF(x(c) - w / 2, target.top() + (M.headerHeight - hh) / 2, w, hh);
        out << it;
    }
    if (vp.legend) {
        LadderItem it;
        it.kind = Kind::Legend;
        const QFontMetricsF sm(m_style.smallFont);
        qreal w = 0;
        for (const QString& t : {QCoreApplication::translate("Ladder", "state seen by the kernel"),
                                 QCoreApplication::translate("Ladder", "* derived from the segments"),
                                 QCoreApplication::translate("Ladder", "reset / error")})
            w = qMax(w, sm.horizontalAdvance(t) + 80);
        const qreal lh = sm.height() * 3.6;
        // Top-left, top-centre or top-right: wherever no actor name is; in a
        // pane too narrow for any, leave it out (the narration bar explains "*").
        const qreal top = target.top() + 4;
        for (const qreal left : {target.left() + 6, target.center().x() - w / 2, target.right() - w - 6}) {
            const QRectF r(left, top, w, lh);
            const bool clear = std::none_of(out.cbegin(), out.cend(), [&](const LadderItem& h) {
                return h.kind == Kind::Header && h.rect.adjusted(-8, 0, 8, 0).intersects(r);
            });
            if (!clear) continue;
            it.rect = r;
            out << it;
            break;
        }
    }
    return out;
}

int LadderRenderer::arrowAt(const QPointF& pos, qreal width) const
{
    const auto [first, last] = m_layout.visibleRows(pos.y() - 2, pos.y() + 2);
    for (int r = first; r <= last; ++r) {
        const LadderRow& row = m_layout.rows()[r];
        if (row.type != RowType::Arrow || row.wire == LadderRow::Wire::Held) continue;
        const qreal x1 = m_layout.actorX(row.actor, width), x2 = m_layout.actorX(row.toActor, width);
        if (pos.x() >= qMin(x1, x2) - 10 && pos.x() <= qMax(x1, x2) + 10) return row.eventIndex;
    }
    return -1;
}

LadderRenderer::WireButton LadderRenderer::wireButtonAt(const QPointF& pos, const QRectF& target, int cursor,
                                                       const LadderViewport& vp) const
{
    if (!vp.wireControls) return {};
    for (const LadderItem& it : items(target, cursor, vp)) {
        if (it.releaseRect.contains(pos)) return {it.packetId, false};
        if (it.dropRect.contains(pos)) return {it.packetId, true};
    }
    return {};
}

void LadderRenderer::paint(QPainter& p, const QRectF& target, int cursor, const LadderViewport& vp) const
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.fillRect(target, m_style.background);
    p.setClipRect(target);
    const QList<LadderItem> list = items(target, cursor, vp);
    bool band = false;
    for (const LadderItem& it : list) {
        if (!band && (it.kind == LadderItem::Kind::Header || it.kind == LadderItem::Kind::Legend)) {
            // An opaque band: what scrolls up goes under the names and the legend.
            band = true;
            p.fillRect(QRectF(target.left(), target.top(), target.width(), m_layout.metrics().headerHeight),
                       m_style.background);
            p.setPen(QPen(m_style.grid, 1));
            p.drawLine(QPointF(target.left(), target.top() + m_layout.metrics().headerHeight),
                       QPointF(target.right(), target.top() + m_layout.metrics().headerHeight));
            for (const LadderItem& l : list)
                if (l.kind == LadderItem::Kind::Lifeline)
                    drawItem(p, l); // the lifelines start under the names
        }
        drawItem(p, it);
    }
    p.restore();
}

void LadderRenderer::paint(QPainter& p, const QRectF& target, const Timeline& tl, int cursor, const ViewStyle& style,
                           const LadderViewport& vp)
{
    LadderRenderer r;
    r.setStyle(style);
    r.setTimeline(tl);
    r.paint(p, target, cursor, vp);
}

QFont LadderRenderer::textFont(const LadderItem& it) const
{
    const ViewStyle& S = m_style;
    QFont f;
    switch (it.kind) {
    case Kind::Header: return S.headerFont;
    case Kind::Arrow:
        f = S.labelFont;
        f.setBold(it.highlighted);
        f.setItalic(it.derived);
        return f;
    case Kind::Call:
    case Kind::Timer:
    case Kind::Note:
        f = it.kind == Kind::Call ? S.labelFont : S.smallFont;
        if (it.fontPx > 0) f.setPixelSize(int(it.fontPx));
        f.setItalic(it.kind != Kind::Call);
        return f;
    case Kind::State:
        f = S.stateFont;
        f.setItalic(it.derived);
        return f;
    case Kind::StepMark:
        f = S.smallFont;
        f.setBold(true);
        return f;
    default: return S.smallFont;
    }
}

QRectF LadderRenderer::textRect(const LadderItem& it) const
{
    switch (it.kind) {
    case Kind::Call:
    case Kind::Timer:
    case Kind::Note: return it.rect.adjusted(4, 0, -4, 0);
    case Kind::StepMark:
    case Kind::Gap: return QRectF(it.rect.left() + 8, it.rect.top(), m_layout.metrics().gutter - 16, it.rect.height());
    default: return it.rect;
    }
}

int LadderRenderer::textFlags(const LadderItem& it) const
{
    const bool left = it.actor == 0 && m_layout.actorCount() > 1;
    switch (it.kind) {
    case Kind::Call:
    case Kind::Timer:
    case Kind::Note: return (left ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter;
    case Kind::StepMark: return Qt::AlignLeft | Qt::AlignTop;
    case Kind::Gap: return Qt::AlignLeft | Qt::AlignVCenter;
    default: return Qt::AlignCenter;
    }
}

void LadderRenderer::drawItem(QPainter& p, const LadderItem& it) const
{
    const ViewStyle& S = m_style;
    const QColor actor = actorColor(it.actor);
    auto ink = [&](const QColor& c) { return it.ghosted ? S.faded(c, 0.75) : c; };
    switch (it.kind) {
    case Kind::Lifeline:
        p.setPen(QPen(S.faded(actor, 0.35), S.lifelineWidth));
        p.drawLine(it.line);
        break;
    case Kind::Header: {
        p.setPen(Qt::NoPen);
        p.setBrush(actor);
        p.drawRoundedRect(it.rect, 8, 8);
        p.setFont(S.headerFont);
        p.setPen(Qt::white);
        p.drawText(it.rect, Qt::AlignCenter, it.text);
        break;
    }
    case Kind::StepMark: {
        p.setPen(QPen(S.grid, 1, Qt::SolidLine));
        const qreal y = it.rect.top() + it.rect.height() * 0.5;
        p.drawLine(QPointF(it.rect.left() + m_layout.metrics().gutter - 6, y), QPointF(it.rect.right(), y));
        p.setFont(textFont(it));
        p.setPen(ink(S.foreground));
        const QRectF g = textRect(it);
        p.drawText(g, textFlags(it), it.text);
        p.setFont(S.smallFont);
        p.setPen(ink(S.muted));
        p.drawText(g, Qt::AlignLeft | Qt::AlignBottom, it.detail);
        break;
    }
    case Kind::Gap: {
        p.setFont(textFont(it));
        p.setPen(ink(S.muted));
        p.drawText(textRect(it), textFlags(it), it.text);
        break;
    }
    case Kind::Wait: {
        // A hatched bar on the lifeline: the thread sleeps in the kernel.
        const qreal w = 12 * S.scale;
        const QRectF bar(it.line.x1() - w / 2, it.line.y1(), w, it.line.length());
        p.setPen(QPen(ink(actor), 1.2));
        p.setBrush(QBrush(S.faded(actor, it.ghosted ? 0.85 : 0.55), Qt::BDiagPattern));
        p.drawRect(bar);
        if (it.highlighted) {
            p.setBrush(Qt::NoBrush);
            p.setPen(QPen(ink(actor), 1.2, Qt::DotLine));
            p.drawLine(QPointF(bar.left(), bar.bottom()), QPointF(bar.right(), bar.bottom()));
        }
        break;
    }
    case Kind::Arrow: {
        const QColor c = ink(it.error ? S.errorColor() : actorColor(it.actor));
        if (it.highlighted || it.selected) {
            p.setPen(QPen(S.faded(S.highlight, it.selected ? 0.2 : 0.45), S.highlightWidth * 2.4, Qt::SolidLine,
                          Qt::RoundCap));
            p.drawLine(it.line);
        }
        QPen pen(c, it.highlighted ? S.highlightWidth : S.lineWidth);
        if (it.derived || it.wireEnded) pen.setStyle(Qt::DashLine);
        p.setPen(pen);
        p.drawLine(it.line);
        // Arrow head at the (possibly still flying) tip.
        const qreal len = (it.highlighted ? 15 : 11) * S.scale;
        const qreal a = std::atan2(it.line.dy(), it.line.dx());
        QPainterPath head;
        head.moveTo(it.line.p2());
        head.lineTo(it.line.p2() - QPointF(std::cos(a - 0.4) * len, std::sin(a - 0.4) * len));
        head.lineTo(it.line.p2() - QPointF(std::cos(a + 0.4) * len, std::sin(a + 0.4) * len));
        head.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        if (it.wire == LadderRow::Wire::Dropped) {
            // Lost: a ✕ where it stopped, no head.
            const qreal r = 7 * S.scale;
            const QPointF t = it.line.p2();
            p.setPen(QPen(c, S.lineWidth * 1.6, Qt::SolidLine, Qt::RoundCap));
            p.drawLine(t + QPointF(-r, -r), t + QPointF(r, r));
            p.drawLine(t + QPointF(-r, r), t + QPointF(r, -r));
        } else if (it.wire == LadderRow::Wire::Held) {
            // Held: a pause mark where it waits.
            const qreal r = 6 * S.scale;
            const QPointF t = it.line.p2();
            p.setBrush(it.wireEnded ? S.faded(c, 0.6) : c);
            p.drawRect(QRectF(t.x() - r, t.y() - r, r * 0.7, 2 * r));
            p.drawRect(QRectF(t.x() + r * 0.3, t.y() - r, r * 0.7, 2 * r));
        } else {
            p.drawPath(head);
        }
        if (!it.wireText.isEmpty()) {
            p.setFont(S.smallFont);
            p.setPen(it.wire == LadderRow::Wire::Dropped ? ink(S.errorColor()) : ink(S.muted));
            p.drawText(it.wireRect, Qt::AlignCenter, it.wireText);
        }
        if (it.releaseRect.isValid()) {
            // The teacher's two buttons on the held packet itself (the dialog has the same, and F7 / F8).
            p.setFont(S.smallFont);
            const qreal r = 3 * S.scale;
            const QColor go = actor, lose = S.errorColor();
            for (const auto& [rect, color, text] :
                 {std::tuple{it.releaseRect, go, QCoreApplication::translate("Ladder", "Release")},
                  std::tuple{it.dropRect, lose, QCoreApplication::translate("Ladder", "Drop")}}) {
                p.setPen(QPen(color, S.lineWidth));
                p.setBrush(S.background);
                p.drawRoundedRect(rect, r, r);
                if (!it.wireIcons) {
                    p.setPen(ink(color));
                    p.drawText(rect, Qt::AlignCenter, text);
                }
            }
            if (it.wireIcons) {
                const qreal a = it.releaseRect.height() * 0.28;
                const QPointF g = it.releaseRect.center(), d = it.dropRect.center();
                QPainterPath play;
                play.moveTo(g + QPointF(-a * 0.8, -a));
                play.lineTo(g + QPointF(a, 0));
                play.lineTo(g + QPointF(-a * 0.8, a));
                play.closeSubpath();
                p.setPen(Qt::NoPen);
                p.setBrush(go);
                p.drawPath(play);
                p.setPen(QPen(lose, S.lineWidth * 1.4, Qt::SolidLine, Qt::RoundCap));
                p.drawLine(d + QPointF(-a, -a), d + QPointF(a, a));
                p.drawLine(d + QPointF(-a, a), d + QPointF(a, -a));
            }
        }
        if (!it.text.isEmpty()) {
            p.setFont(textFont(it));
            p.setBrush(S.background);
            p.setPen(Qt::NoPen);
            p.drawRect(it.rect.adjusted(-2, 0, 2, 0));
            p.setPen(c);
            p.drawText(textRect(it), textFlags(it), it.text);
        }
        break;
    }
    case Kind::Call:
    case Kind::Timer:
    case Kind::Note: {
        const bool isCall = it.kind == Kind::Call;
        if (isCall && it.actor >= 0) {
            const qreal s = 8 * S.scale;
            const bool left = it.actor == 0 && m_layout.actorCount() > 1;
            const qreal lx = left ? it.rect.right() + 16 : it.rect.left() - 16;
            p.setPen(Qt::NoPen);
            p.setBrush(ink(it.error ? S.errorColor() : actor));
            p.drawRect(QRectF(lx - s / 2, it.rect.center().y() - s / 2, s, s));
        }
        if (it.highlighted && !it.ghosted) {
            p.setPen(Qt::NoPen);
            p.setBrush(S.faded(S.highlight, 0.55));
            p.drawRoundedRect(it.rect.adjusted(-4, 2, 4, -2), 4, 4);
        }
        p.setFont(textFont(it));
        p.setPen(ink(it.error ? S.errorColor() : isCall ? S.foreground : S.muted));
        p.drawText(textRect(it), textFlags(it), it.text);
        break;
    }
    case Kind::State: {
        if (it.highlighted && !it.ghosted) {
            p.setPen(Qt::NoPen);
            p.setBrush(S.faded(S.highlight, 0.35));
            p.drawRoundedRect(it.rect.adjusted(-5, -4, 5, 4), 10, 10);
        }
        QPen pen = S.actors.statePen(ink(actor), it.derived, S.lineWidth * 1.2);
        p.setPen(pen);
        p.setBrush(it.derived ? S.background : S.faded(actor, it.ghosted ? 0.92 : 0.8));
        p.drawRoundedRect(it.rect, it.rect.height() / 2, it.rect.height() / 2);
        p.setFont(textFont(it));
        p.setPen(ink(S.dark ? S.foreground : actor.darker(160)));
        p.drawText(textRect(it), textFlags(it), it.text);
        if (!it.detail.isEmpty() && it.detailRect.isValid()) {
            p.setFont(S.smallFont);
            p.setPen(ink(S.muted));
            const bool left = it.detailRect.right() <= it.rect.left();
            p.drawText(it.detailRect, (left ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter | Qt::TextDontClip,
                       it.detail);
        }
        break;
    }
    case Kind::Legend: {
        p.setPen(QPen(S.grid, 1));
        p.setBrush(S.panel);
        p.drawRoundedRect(it.rect, 6, 6);
        p.setFont(S.smallFont);
        const QFontMetricsF sm(S.smallFont);
        const qreal lh = sm.height() * 1.1;
        qreal y = it.rect.top() + sm.height() * 0.2;
        auto sample = [&](const QPen& pen, const QString& text, bool italic) {
            const QRectF box(it.rect.left() + 10, y + lh * 0.2, 36, lh * 0.6);
            p.setPen(pen);
            p.setBrush(Qt::NoBrush);
            p.drawRoundedRect(box, 5, 5);
            QFont f = S.smallFont;
            f.setItalic(italic);
            p.setFont(f);
            p.setPen(S.foreground);
            p.drawText(QRectF(box.right() + 10, y, it.rect.width() - 60, lh), Qt::AlignVCenter, text);
            y += lh;
        };
        sample(S.actors.statePen(S.foreground, false, 1.5), QCoreApplication::translate("Ladder", "state seen by the kernel"), false);
        sample(S.actors.statePen(S.foreground, true, 1.5), QCoreApplication::translate("Ladder", "* derived from the segments"), true);
        p.setPen(QPen(S.errorColor(), 2.5));
        p.drawLine(QPointF(it.rect.left() + 10, y + lh / 2), QPointF(it.rect.left() + 46, y + lh / 2));
        p.setPen(S.foreground);
        p.setFont(S.smallFont);
        p.drawText(QRectF(it.rect.left() + 56, y, it.rect.width() - 60, lh), Qt::AlignVCenter,
                   QCoreApplication::translate("Ladder", "reset / error"));
        break;
    }
    }
}

} // namespace socklab
