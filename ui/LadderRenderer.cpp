#include "LadderRenderer.h"

#include <algorithm>

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace socklab {

namespace {

using Kind = LadderItem::Kind;
using RowType = LadderRow::Type;

QString roleTitle(const QString& name)
{
    if (name == QLatin1String("client")) return QCoreApplication::translate("Ladder", "client");
    if (name == QLatin1String("server")) return QCoreApplication::translate("Ladder", "server");
    return name;
}

// Arrow geometry inside its row (fractions of the row's height).
constexpr qreal kArrowStart = 0.42;
constexpr qreal kArrowEnd = 0.92;

} // namespace

LadderRenderer::LadderRenderer() { setStyle(ViewStyle()); }

void LadderRenderer::setStyle(const ViewStyle& style)
{
    m_style = style;
    fitToWidth(m_fitWidth);
}

void LadderRenderer::fitToWidth(qreal width)
{
    m_fitWidth = width;
    const ViewStyle& style = m_style;
    LadderLayout::Metrics m;
    m.rowHeight = style.rowHeight;
    m.headerHeight = style.rowHeight * 2.0;
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
    m_layout.setMetrics(m);
}

void LadderRenderer::setTimeline(const Timeline& tl)
{
    m_layout.setTimeline(tl);
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
        it.line = QLineF(x(row.actor), y1 + dy, x(row.actor), y2 + dy);
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
            it.rect = QRectF(target.left(), top, width, h);
            break;
        case RowType::Arrow: {
            it.kind = Kind::Arrow;
            it.selected = row.eventIndex == vp.selected;
            const qreal x1 = row.actor >= 0 ? x(row.actor) : target.left() + M.gutter;
            const qreal x2 = row.toActor >= 0 ? x(row.toActor) : (x1 + target.left() + width) / 2;
            QLineF line(x1, top + h * kArrowStart, x2, top + h * kArrowEnd);
            if (it.highlighted) line.setP2(line.pointAt(qBound(0.0, vp.progress, 1.0)));
            it.line = line;
            const qreal w = fm.horizontalAdvance(row.text) + 12;
            const qreal cx = (x1 + x2) / 2;
            it.rect = QRectF(cx - w / 2, top + h * kArrowStart - fm.height() - 2, w, fm.height());
            if (!showText && !it.highlighted) it.text.clear();
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
            it.text = fm.elidedText(row.text, Qt::ElideRight, M.labelArea - 30);
            const qreal w = fm.horizontalAdvance(it.text) + 8;
            const qreal ax = x(row.actor);
            it.rect = outerLeft(row.actor) ? QRectF(ax - 16 - w, top, w, h) : QRectF(ax + 16, top, w, h);
            if (!showText && !it.highlighted) it.text.clear();
            break;
        }
        case RowType::State: {
            it.kind = Kind::State;
            const QFontMetricsF sm(m_style.stateFont);
            const QString label = row.derived ? row.text + QStringLiteral(" *") : row.text;
            it.text = label;
            const qreal w = sm.horizontalAdvance(label) + 18 * m_style.scale;
            const qreal bh = qMin(h * 0.82, sm.height() + 8 * m_style.scale);
            it.rect = QRectF(x(row.actor) - w / 2, top + (h - bh) / 2, w, bh);
            if (!showText && !it.highlighted) it.text.clear();
            break;
        }
        }
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
        if (row.type != RowType::Arrow) continue;
        const qreal x1 = m_layout.actorX(row.actor, width), x2 = m_layout.actorX(row.toActor, width);
        if (pos.x() >= qMin(x1, x2) - 10 && pos.x() <= qMax(x1, x2) + 10) return row.eventIndex;
    }
    return -1;
}

void LadderRenderer::paint(QPainter& p, const QRectF& target, int cursor, const LadderViewport& vp) const
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.fillRect(target, m_style.background);
    p.setClipRect(target);
    const QList<LadderItem> list = items(target, cursor, vp);
    for (const LadderItem& it : list)
        drawItem(p, it);
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
        QFont f = S.smallFont;
        f.setBold(true);
        p.setFont(f);
        p.setPen(ink(S.foreground));
        const QRectF g(it.rect.left() + 8, it.rect.top(), m_layout.metrics().gutter - 16, it.rect.height());
        p.drawText(g, Qt::AlignLeft | Qt::AlignTop, it.text);
        p.setFont(S.smallFont);
        p.setPen(ink(S.muted));
        p.drawText(g, Qt::AlignLeft | Qt::AlignBottom, it.detail);
        break;
    }
    case Kind::Gap: {
        p.setFont(S.smallFont);
        p.setPen(ink(S.muted));
        const QRectF g(it.rect.left() + 8, it.rect.top(), m_layout.metrics().gutter - 12, it.rect.height());
        p.drawText(g, Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("⋮ ") + it.text);
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
        if (it.derived) pen.setStyle(Qt::DashLine);
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
        p.drawPath(head);
        if (!it.text.isEmpty()) {
            QFont f = S.labelFont;
            f.setBold(it.highlighted);
            f.setItalic(it.derived);
            p.setFont(f);
            p.setBrush(S.background);
            p.setPen(Qt::NoPen);
            p.drawRect(it.rect.adjusted(-2, 0, 2, 0));
            p.setPen(c);
            p.drawText(it.rect, Qt::AlignCenter, it.text);
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
        QFont f = isCall ? S.labelFont : S.smallFont;
        f.setItalic(!isCall);
        p.setFont(f);
        p.setPen(ink(it.error ? S.errorColor() : isCall ? S.foreground : S.muted));
        const bool left = it.actor == 0 && m_layout.actorCount() > 1;
        p.drawText(it.rect.adjusted(4, 0, -4, 0), (left ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter, it.text);
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
        QFont f = S.stateFont;
        f.setItalic(it.derived);
        p.setFont(f);
        p.setPen(ink(S.dark ? S.foreground : actor.darker(160)));
        p.drawText(it.rect, Qt::AlignCenter, it.text);
        if (!it.detail.isEmpty()) {
            p.setFont(S.smallFont);
            p.setPen(ink(S.muted));
            const bool left = it.actor == 0 && m_layout.actorCount() > 1;
            const QRectF d = left ? QRectF(it.rect.left() - 150 * S.scale, it.rect.top(), 150 * S.scale - 8, it.rect.height())
                                  : QRectF(it.rect.right() + 8, it.rect.top(), 150 * S.scale, it.rect.height());
            p.drawText(d, (left ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter, it.detail);
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
