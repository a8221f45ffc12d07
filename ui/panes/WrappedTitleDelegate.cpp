#include "WrappedTitleDelegate.h"

#include <QApplication>
#include <QListView>
#include <QScrollBar>
#include <QStyle>
#include <QTextLayout>

namespace socklab {

WrappedTitleDelegate::WrappedTitleDelegate(QListView* view) : QStyledItemDelegate(view), m_view(view) {}

QStringList WrappedTitleDelegate::lines(const QFont& font, const QString& text, qreal width)
{
    QTextLayout layout(text, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    QStringList out;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(qMax<qreal>(1, width));
        const QString part = text.mid(line.textStart(), line.textLength()).trimmed();
        if (!part.isEmpty()) out << part;
    }
    layout.endLayout();
    return out;
}

qreal WrappedTitleDelegate::textWidth(const QStyleOptionViewItem& option) const
{
    const QStyle* style = m_view->style();
    // QCommonStyle's text margin, on both sides.
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, &option, m_view) + 1;
    // The viewport the items are laid out in; a vertical scroll bar that may
    // still appear is counted as there (the width can only grow after that).
    qreal w = m_view->viewport()->width();
    if (!m_view->verticalScrollBar()->isVisible())
        w -= style->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, m_view);
    w -= 2 * m_view->spacing() + 2 * margin;
    if (option.rect.width() > 0) w = qMin<qreal>(w, option.rect.width() - 2 * margin);
    return qMax<qreal>(20, w - 1);
}

QStyleOptionViewItem WrappedTitleDelegate::broken(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text = lines(opt.font, opt.text, textWidth(option)).join(QChar::LineSeparator);
    opt.features &= ~QStyleOptionViewItem::WrapText; // broken already: the style draws the lines as they are
    opt.textElideMode = Qt::ElideNone;
    return opt;
}

void WrappedTitleDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QStyleOptionViewItem opt = broken(option, index);
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
}

QSize WrappedTitleDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QStyleOptionViewItem opt = broken(option, index);
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    return style->sizeFromContents(QStyle::CT_ItemViewItem, &opt, QSize(), widget);
}

} // namespace socklab
