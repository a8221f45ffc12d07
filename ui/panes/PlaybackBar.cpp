#include "PlaybackBar.h"

#include "PlaybackController.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QLayout>
#include <QResizeEvent>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

namespace socklab {

PlaybackBar::PlaybackBar(PlaybackController* playback, QWidget* parent)
    : QWidget(parent), m_playback(playback), m_slider(new QSlider(Qt::Horizontal, this)),
      m_speed(new QLabel(this)), m_position(new QLabel(this)), m_running(new QLabel(this))
{
    m_reset = new QAction(style()->standardIcon(QStyle::SP_BrowserReload), QString(), this);
    // Ctrl+R is Run my programs…; one key, one action.
    m_reset->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(m_reset, &QAction::triggered, this, &PlaybackBar::resetRequested);
    m_home = makeAction(QStyle::SP_MediaSkipBackward, {Qt::Key_Home}, &PlaybackController::home);
    m_back = makeAction(QStyle::SP_MediaSeekBackward, {Qt::Key_Left, Qt::Key_PageUp}, &PlaybackController::back);
    m_play = makeAction(QStyle::SP_MediaPlay, {Qt::Key_Space}, &PlaybackController::togglePlay);
    m_step = makeAction(QStyle::SP_MediaSeekForward, {Qt::Key_Right, Qt::Key_PageDown}, &PlaybackController::step);
    m_stepEvent = makeAction(QStyle::SP_CustomBase, {QKeySequence(Qt::SHIFT | Qt::Key_Right)}, &PlaybackController::stepEvent);
    m_backEvent = makeAction(QStyle::SP_CustomBase, {QKeySequence(Qt::SHIFT | Qt::Key_Left)}, &PlaybackController::backEvent);
    m_end = makeAction(QStyle::SP_MediaSkipForward, {Qt::Key_End}, &PlaybackController::end);
    m_slower = makeAction(QStyle::SP_CustomBase, {Qt::Key_Minus}, &PlaybackController::slower);
    m_faster = makeAction(QStyle::SP_CustomBase, {Qt::Key_Plus, Qt::Key_Equal}, &PlaybackController::faster);

    m_slider->setMinimum(-1);
    m_slider->setPageStep(1);
    m_slider->setFocusPolicy(Qt::NoFocus); // arrows belong to Back/Step
    m_slider->setMinimumWidth(160);
    connect(m_slider, &QSlider::valueChanged, m_playback, [this](int v) {
        if (v != m_playback->cursor()) m_playback->setCursor(v);
    });
    m_running->setForegroundRole(QPalette::Highlight);

    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(8, 4, 8, 4);
    row->addWidget(button(m_reset));
    row->addSpacing(8);
    for (QAction* a : {m_home, m_back, m_play, m_step, m_end})
        row->addWidget(button(a));
    row->addSpacing(8);
    row->addWidget(button(m_slower));
    row->addWidget(m_speed);
    row->addWidget(button(m_faster));
    row->addSpacing(8);
    row->addWidget(m_slider, 1);
    row->addWidget(m_position);
    row->addWidget(m_running);

    connect(m_playback, &PlaybackController::cursorChanged, this, &PlaybackBar::refresh);
    connect(m_playback, &PlaybackController::speedChanged, this, &PlaybackBar::refresh);
    connect(m_playback, &PlaybackController::playingChanged, this, &PlaybackBar::refresh);
    retranslate();
}

QAction* PlaybackBar::makeAction(QStyle::StandardPixmap icon, QList<QKeySequence> keys,
                                 void (PlaybackController::*slot)())
{
    auto* a = new QAction(this);
    if (icon != QStyle::SP_CustomBase) a->setIcon(style()->standardIcon(icon));
    a->setShortcuts(keys);
    a->setShortcutContext(Qt::WindowShortcut);
    connect(a, &QAction::triggered, m_playback, slot);
    return a;
}

QToolButton* PlaybackBar::button(QAction* a)
{
    auto* b = new QToolButton(this);
    b->setDefaultAction(a);
    b->setAutoRaise(true);
    // The verbs a student needs most carry a word as well as an icon.
    if (a == m_reset || a == m_back || a == m_step || a == m_play) m_wordButtons << b;
    b->setFocusPolicy(Qt::NoFocus);
    m_buttons << b;
    b->setToolButtonStyle(styleFor(b));
    return b;
}

Qt::ToolButtonStyle PlaybackBar::styleFor(const QToolButton* b) const
{
    if (!m_wordButtons.contains(b)) return Qt::ToolButtonIconOnly;
    // Presenters drive with a remote: the Reset word gives way to the bigger icons.
    if (b->defaultAction() == m_reset && m_presenter) return Qt::ToolButtonIconOnly;
    return m_compact ? Qt::ToolButtonIconOnly : Qt::ToolButtonTextBesideIcon;
}

void PlaybackBar::applyButtonStyles()
{
    for (QToolButton* b : std::as_const(m_buttons))
        b->setToolButtonStyle(styleFor(b));
}

void PlaybackBar::measureWords()
{
    m_wordsExtra = 0;
    const bool compact = m_compact;
    m_compact = false; // styleFor() as with room for the words
    for (QToolButton* b : std::as_const(m_wordButtons)) {
        b->setToolButtonStyle(Qt::ToolButtonIconOnly);
        const int bare = b->sizeHint().width();
        b->setToolButtonStyle(styleFor(b));
        m_wordsExtra += b->sizeHint().width() - bare;
    }
    m_compact = compact;
    applyButtonStyles();
    updateGeometry();
}

int PlaybackBar::wordsMinimum() const
{
    const int now = layout() ? layout()->minimumSize().width() : 0;
    return m_compact ? now + m_wordsExtra : now;
}

QSize PlaybackBar::minimumSizeHint() const
{
    QSize s = QWidget::minimumSizeHint();
    if (!m_compact) s.setWidth(s.width() - m_wordsExtra);
    return s;
}

void PlaybackBar::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    const bool compact = width() < wordsMinimum();
    if (compact == m_compact) return;
    m_compact = compact;
    applyButtonStyles();
}

QList<QAction*> PlaybackBar::actions() const
{
    return {m_play, m_step, m_back, m_stepEvent, m_backEvent, m_home, m_end, m_faster, m_slower, m_reset};
}

QString PlaybackBar::positionText() const { return m_position->text(); }

void PlaybackBar::setRunning(bool running, const QString& what)
{
    m_running->setText(running ? what : QString());
    m_running->setVisible(running);
}

void PlaybackBar::setPresenter(bool on)
{
    m_presenter = on;
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * (on ? 1.5 : 1.15));
    const int icon = on ? 32 : 16;
    for (QToolButton* b : m_buttons) {
        b->setFont(f);
        b->setIconSize(QSize(icon, icon));
    }
    for (QLabel* l : {m_speed, m_position, m_running})
        l->setFont(f);
    measureWords(); // and the buttons' styles for the new type
}

void PlaybackBar::retranslate()
{
    m_reset->setText(tr("Reset"));
    m_reset->setToolTip(tr("Start again with fresh sockets (Ctrl+Shift+R)"));
    m_home->setText(tr("To the beginning"));
    m_home->setToolTip(tr("To the beginning (Home)"));
    m_back->setText(tr("Step back"));
    m_back->setIconText(tr("Back"));
    m_back->setToolTip(tr("Step back (← or Page Up): replays the recording, nothing is undone in the kernel"));
    m_play->setText(tr("Play / pause"));
    m_play->setToolTip(tr("Play / pause (Space)"));
    m_step->setText(tr("Step"));
    m_step->setIconText(tr("Step"));
    m_step->setToolTip(tr("Step (→ or Page Down): one socket call with all it caused; at the end of the "
                          "recording, runs the next real call. Shift+→ goes event by event"));
    m_stepEvent->setText(tr("Next event"));
    m_stepEvent->setToolTip(tr("One event forward (Shift+→)"));
    m_backEvent->setText(tr("Previous event"));
    m_backEvent->setToolTip(tr("One event back (Shift+←)"));
    m_end->setText(tr("To the end of the recording"));
    m_end->setToolTip(tr("To the end of the recording (End)"));
    m_slower->setText(tr("Slower"));
    m_slower->setIconText(QStringLiteral("−"));
    m_slower->setToolTip(tr("Slower (−)"));
    m_faster->setText(tr("Faster"));
    m_faster->setIconText(QStringLiteral("+"));
    m_faster->setToolTip(tr("Faster (+)"));
    m_slider->setToolTip(tr("Drag to any moment of the recording"));
    refresh();
    measureWords();
}

void PlaybackBar::refresh()
{
    const int n = m_playback->eventCount();
    m_slider->blockSignals(true);
    m_slider->setMaximum(std::max(n - 1, -1));
    m_slider->setValue(m_playback->cursor());
    m_slider->blockSignals(false);
    m_slider->setEnabled(n > 0);
    m_play->setIcon(style()->standardIcon(m_playback->isPlaying() ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_play->setIconText(m_playback->isPlaying() ? tr("Pause") : tr("Play"));
    m_speed->setText(tr("%1×").arg(m_playback->speed()));
    m_position->setText(tr("event %1 / %2").arg(m_playback->cursor() + 1).arg(n));
}

} // namespace socklab
