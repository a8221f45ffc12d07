#include "NarrationBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QResizeEvent>
#include <QVBoxLayout>

#include <algorithm>

namespace socklab {

NarrationBar::NarrationBar(QWidget* parent)
    : QWidget(parent), m_step(new QLabel(this)), m_caption(new QLabel(this)), m_legend(new QLabel(this)), m_end(new QLabel(this))
{
    setObjectName(QStringLiteral("narration"));
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase);
    m_basePointSize = font().pointSizeF() > 0 ? font().pointSizeF() : 10;
    m_caption->setWordWrap(true);
    m_caption->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_caption->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_caption->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::MinimumExpanding);
    m_step->setForegroundRole(QPalette::PlaceholderText);
    m_legend->setForegroundRole(QPalette::PlaceholderText);
    m_legend->setWordWrap(true);
    m_end->setWordWrap(true);
    m_end->setForegroundRole(QPalette::Highlight);
    m_end->hide();

    auto* head = new QHBoxLayout;
    head->addWidget(m_step);
    head->addStretch();
    head->addWidget(m_legend);
    auto* box = new QVBoxLayout(this);
    box->setContentsMargins(14, 8, 14, 10);
    box->setSpacing(4);
    box->addLayout(head);
    box->addWidget(m_caption, 1);
    box->addWidget(m_end);
    applyFonts();
    retranslate();
}

void NarrationBar::setCaption(const QString& caption, const QString& stepLabel)
{
    m_caption->setText(caption.isEmpty()
                           ? tr("Press Step (→) to make the first socket call. Each step runs on real "
                                "sockets; Back (←) replays what was recorded.")
                           : caption);
    m_step->setText(stepLabel);
    fitWrappedHeights();
}

void NarrationBar::setPresenter(bool on)
{
    m_presenter = on;
    applyFonts();
}

void NarrationBar::retranslate()
{
    m_legend->setText(tr("* = derived from segments (not seen directly by polling the kernel)"));
}

void NarrationBar::setEndNote(const QString& note)
{
    m_end->setText(note);
    m_end->setVisible(!note.isEmpty());
    fitWrappedHeights();
}

QString NarrationBar::endNote() const { return m_end->text(); }

QString NarrationBar::caption() const { return m_caption->text(); }

qreal NarrationBar::captionPointSize() const { return m_caption->font().pointSizeF(); }

void NarrationBar::applyFonts()
{
    QFont f = font();
    f.setPointSizeF(m_basePointSize * (m_presenter ? 2.2 : 1.35));
    m_caption->setFont(f);
    QFont small = font();
    small.setPointSizeF(m_basePointSize * (m_presenter ? 1.15 : 0.95));
    m_step->setFont(small);
    m_legend->setFont(small);
    QFont end = small;
    end.setPointSizeF(m_basePointSize * (m_presenter ? 1.6 : 1.1));
    end.setBold(true);
    m_end->setFont(end);
    fitWrappedHeights();
}

void NarrationBar::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (event->size().width() != event->oldSize().width()) fitWrappedHeights();
}

namespace {

// The height a word-wrapped label's text takes at this width. QLabel's own
// heightForWidth() never answers less than the minimum height already set.
int wrappedHeight(const QLabel* label, int width)
{
    if (label->text().isEmpty()) return 0;
    const QMargins m = label->contentsMargins();
    const int inner = std::max(1, width - m.left() - m.right() - 2 * label->margin());
    const QRect r = label->fontMetrics().boundingRect(QRect(0, 0, inner, 1 << 20), int(label->alignment()) | Qt::TextWordWrap,
                                                      label->text());
    return r.height() + m.top() + m.bottom() + 2 * label->margin();
}

} // namespace

void NarrationBar::fitWrappedHeights()
{
    // Captions run to three or four lines; they must never be cut off. Room for
    // that many is kept even for a shorter one (the bar does not jump at every
    // step) — the end note, when shown, takes its lines out of that room; a
    // longer caption, or a narrower window, gets what it needs.
    const QMargins m = layout()->contentsMargins();
    const int width = std::max(1, this->width() - m.left() - m.right());
    const int lines = QFontMetrics(m_caption->font()).lineSpacing() * (m_presenter ? 3 : 4) + 4;
    const int end = m_end->isVisibleTo(this) ? wrappedHeight(m_end, width) : 0;
    m_caption->setMinimumHeight(std::max(lines - end, wrappedHeight(m_caption, width)));
    m_end->setMinimumHeight(end);
}

} // namespace socklab
