#include "OsiModelWidget.h"

#include <QEvent>
#include <QFontMetrics>
#include <QPainter>

#include <algorithm>

namespace socklab {

namespace {
const QColor kLit(46, 139, 87);       // a carried layer
const QColor kLitFill(214, 240, 222);
const QColor kDim(170, 170, 170);

int rowHeight(const QFontMetrics& fm) { return fm.height() + 10; }
} // namespace

OsiModelWidget::OsiModelWidget(QWidget* parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

void OsiModelWidget::setCarriedLayers(const QSet<Layer>& layers)
{
    m_layers = layers;
    update();
}

bool OsiModelWidget::isHighlighted(Layer l) const
{
    if (m_layers.contains(l)) return true;
    return (l == Layer::Session || l == Layer::Presentation) && m_layers.contains(Layer::Application);
}

void OsiModelWidget::setNote(const QString& note)
{
    m_note = note;
    updateGeometry();
    update();
}

QString OsiModelWidget::layerName(Layer l)
{
    switch (l) {
    case Layer::Application: return tr("Application");
    case Layer::Presentation: return tr("Presentation");
    case Layer::Session: return tr("Session");
    case Layer::Transport: return tr("Transport");
    case Layer::Network: return tr("Network");
    case Layer::Link: return tr("Link");
    case Layer::Physical: return tr("Physical");
    }
    return {};
}

QSize OsiModelWidget::sizeHint() const
{
    const QFontMetrics fm(font());
    QFont bold = font();
    bold.setBold(true); // titles and lit layers are bold
    const QFontMetrics bfm(bold);
    int w = 0;
    for (int i = 1; i <= 7; ++i) w = qMax(w, bfm.horizontalAdvance(layerName(Layer(i))));
    const int colW = std::max({w + 24, bfm.horizontalAdvance(tr("TCP/IP (5 layers)")) + 12,
                           bfm.horizontalAdvance(tr("OSI (7 layers)")) + 12});
    return {2 * colW + 16, fm.height() + 6 + 7 * rowHeight(fm) + 3 * fm.height() + 12};
}

QSize OsiModelWidget::minimumSizeHint() const { return sizeHint(); }

void OsiModelWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange) updateGeometry();
    QWidget::changeEvent(event);
}

void OsiModelWidget::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm(font());
    const int rh = rowHeight(fm);
    const int gap = 12;
    const int colW = (width() - gap - 4) / 2;
    const int top = fm.height() + 6;
    const QRect osiCol(2, top, colW, 7 * rh);
    const QRect tcpCol(2 + colW + gap, top, colW, 7 * rh);

    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(QRect(osiCol.left(), 0, colW, top), Qt::AlignCenter, tr("OSI (7 layers)"));
    p.drawText(QRect(tcpCol.left(), 0, colW, top), Qt::AlignCenter, tr("TCP/IP (5 layers)"));

    auto box = [&](const QRect& r, const QString& text, bool lit) {
        const QRectF rf = QRectF(r).adjusted(1, 1, -1, -1);
        p.setPen(QPen(lit ? kLit : kDim, lit ? 2 : 1));
        p.setBrush(lit ? kLitFill : palette().color(QPalette::Base));
        p.drawRoundedRect(rf, 4, 4);
        QFont f = font();
        f.setBold(lit);
        p.setFont(f);
        p.setPen(lit ? kLit.darker(140) : palette().color(QPalette::PlaceholderText));
        p.drawText(r, Qt::AlignCenter, text);
    };

    // OSI: 7 at the top.
    for (int i = 7; i >= 1; --i) {
        const QRect r(osiCol.left(), osiCol.top() + (7 - i) * rh, colW, rh);
        box(r, layerName(Layer(i)), isHighlighted(Layer(i)));
    }
    // TCP/IP: application spans OSI 5-7; the other four line up with OSI 1-4.
    box(QRect(tcpCol.left(), tcpCol.top(), colW, 3 * rh), layerName(Layer::Application),
        isHighlighted(Layer::Application));
    for (int i = 4; i >= 1; --i) {
        const QRect r(tcpCol.left(), tcpCol.top() + (7 - i) * rh, colW, rh);
        box(r, layerName(Layer(i)), isHighlighted(Layer(i)));
    }

    if (!m_note.isEmpty()) {
        p.setFont(font());
        p.setPen(palette().color(QPalette::WindowText));
        const QRect noteRect(2, osiCol.bottom() + 6, width() - 4, height() - osiCol.bottom() - 6);
        p.drawText(noteRect, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, m_note);
    }
}

} // namespace socklab
