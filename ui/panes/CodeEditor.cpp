#include "CodeEditor.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QTextBlock>

namespace socklab {

CodeEditor::CodeEditor(QWidget* parent) : QPlainTextEdit(parent), m_gutter(new QWidget(this))
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    m_gutter->installEventFilter(this);
    viewport()->installEventFilter(this);
    m_gutter->setCursor(Qt::PointingHandCursor);
    connect(this, &QPlainTextEdit::blockCountChanged, this, &CodeEditor::updateGutterWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect& r, int dy) {
        if (dy != 0) m_gutter->scroll(0, dy);
        else m_gutter->update(0, r.y(), m_gutter->width(), r.height());
    });
    updateGutterWidth();
}

void CodeEditor::setBreakpointsEnabled(bool on)
{
    if (m_enabled == on) return;
    m_enabled = on;
    m_gutter->setToolTip(on ? tr("Click a line (or press F9) to stop your program at its next socket call there")
                            : QString());
    m_gutter->update();
}

void CodeEditor::setBreakpoints(const QSet<int>& lines)
{
    m_breakpoints = lines;
    m_gutter->update();
}

int CodeEditor::gutterWidth() const
{
    const int digits = QString::number(qMax(1, blockCount())).size();
    const QFontMetrics fm(font());
    // The number, then room for the dot (a line's height).
    return 6 + fm.horizontalAdvance(QLatin1Char('9')) * digits + fm.height() + 4;
}

void CodeEditor::updateGutterWidth() { setViewportMargins(gutterWidth(), 0, 0, 0); }

void CodeEditor::resizeEvent(QResizeEvent* event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect cr = contentsRect();
    m_gutter->setGeometry(QRect(cr.left(), cr.top(), gutterWidth(), cr.height()));
    updateGutterWidth(); // the font may have changed (presenter mode)
}

QRect CodeEditor::gutterRectOfLine(int line) const
{
    const QTextBlock block = document()->findBlockByNumber(line - 1);
    if (!block.isValid() || !block.isVisible()) return {};
    const QRectF r = blockBoundingGeometry(block).translated(contentOffset());
    if (r.bottom() < 0 || r.top() > viewport()->height()) return {};
    return QRect(0, int(r.top()), gutterWidth(), int(r.height()));
}

void CodeEditor::paintGutter()
{
    QPainter p(m_gutter);
    p.fillRect(m_gutter->rect(), palette().window());
    p.setRenderHint(QPainter::Antialiasing);
    p.setFont(font());
    const QFontMetrics fm(font());
    const int dot = fm.height() - 4;
    for (QTextBlock block = firstVisibleBlock(); block.isValid(); block = block.next()) {
        const QRectF r = blockBoundingGeometry(block).translated(contentOffset());
        if (r.top() > m_gutter->height()) break;
        const int line = block.blockNumber() + 1;
        const QRect row(0, int(r.top()), m_gutter->width(), int(r.height()));
        if (m_enabled && m_breakpoints.contains(line)) {
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(0xd3, 0x2f, 0x2f));
            p.drawEllipse(QRectF(row.right() - dot - 3, row.center().y() - dot / 2.0, dot, dot));
        }
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(QRect(2, row.top(), row.width() - dot - 10, row.height()), Qt::AlignRight | Qt::AlignVCenter,
                   QString::number(line));
    }
}

void CodeEditor::toggleAt(int line)
{
    if (!m_enabled || line < 1 || line > blockCount()) return;
    if (!m_breakpoints.remove(line)) m_breakpoints.insert(line);
    m_gutter->update();
    Q_EMIT breakpointToggled(line);
}

bool CodeEditor::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_gutter && event->type() == QEvent::Paint) {
        paintGutter();
        return true;
    }
    if (event->type() != QEvent::MouseButtonPress && event->type() != QEvent::MouseButtonRelease)
        return QPlainTextEdit::eventFilter(watched, event);
    auto* me = static_cast<QMouseEvent*>(event);
    if (me->button() != Qt::LeftButton || (watched != m_gutter && watched != viewport()))
        return QPlainTextEdit::eventFilter(watched, event);
    // A click on a line (a press and a release on it, not a drag to select) toggles its breakpoint.
    const QPoint inText(watched == m_gutter ? 1 : me->position().toPoint().x(), me->position().toPoint().y());
    const int line = cursorForPosition(inText).blockNumber() + 1;
    if (event->type() == QEvent::MouseButtonPress) m_pressedLine = line;
    else if (m_pressedLine == line && !textCursor().hasSelection()) toggleAt(line);
    return QPlainTextEdit::eventFilter(watched, event);
}

void CodeEditor::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_F9 && m_enabled) {
        toggleAt(textCursor().blockNumber() + 1);
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace socklab
