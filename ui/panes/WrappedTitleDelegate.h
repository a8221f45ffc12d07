#pragma once
// Draws a list's titles on as many lines as they need, breaking them once, at
// the width the view really gives its items. Qt's own delegate measures the
// wrapped height at one width and paints at another: a Chinese title (which
// may break between any two characters) came out as "UDP：数据报、截断与端口不"
// over an empty second line, its end cut off at the right.

#include <QStyledItemDelegate>

class QListView;

namespace socklab {

class WrappedTitleDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit WrappedTitleDelegate(QListView* view);

    // The lines `text` is drawn in, `width` pixels wide (words kept whole where they fit).
    static QStringList lines(const QFont& font, const QString& text, qreal width);
    // The width the text of every item gets (the view's, less the item's margins).
    qreal textWidth(const QStyleOptionViewItem& option) const;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    QStyleOptionViewItem broken(const QStyleOptionViewItem& option, const QModelIndex& index) const;

    QListView* m_view;
};

} // namespace socklab
