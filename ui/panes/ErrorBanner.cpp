#include "ErrorBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace socklab {

ErrorBanner::ErrorBanner(QWidget* parent) : QFrame(parent), m_text(new QLabel(this)), m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("errorBanner"));
    // Fixed colours: an error must look like one in light and dark themes alike.
    setStyleSheet(QStringLiteral("#errorBanner { background: #fde8e8; border: 1px solid #c62828; border-radius: 4px; }"
                                 "#errorBanner QLabel { color: #7f1010; }"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close->setText(QStringLiteral("✕"));
    m_close->setAutoRaise(true);
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(10, 6, 6, 6);
    row->addWidget(m_text, 1);
    row->addWidget(m_close, 0, Qt::AlignTop);
    retranslate();
    hide();
}

void ErrorBanner::showMessage(const QString& message)
{
    m_text->setText(QStringLiteral("⚠ ") + message);
    show();
}

QString ErrorBanner::message() const { return isHidden() ? QString() : m_text->text(); }

void ErrorBanner::setTypeScale(qreal k)
{
    QFont f = parentWidget() ? parentWidget()->font() : QFont();
    f.setPointSizeF(f.pointSizeF() * k);
    m_text->setFont(f);
}

void ErrorBanner::retranslate() { m_close->setToolTip(tr("Dismiss")); }

} // namespace socklab
