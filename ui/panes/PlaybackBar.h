#pragma once
// The transport under the ladder: reset, home, back, play/pause, step, end,
// speed, a scrubber over the whole timeline and where the cursor is. Owns the
// playback actions so menus and keys (Space, ←/→ by teaching step, Shift+←/→
// event by event, PageUp/PageDown for presentation remotes, Home/End, +/−) share them.

#include <QStyle>
#include <QWidget>

class QAction;
class QLabel;
class QSlider;
class QToolButton;

namespace socklab {

class PlaybackController;

class PlaybackBar final : public QWidget
{
    Q_OBJECT

public:
    explicit PlaybackBar(PlaybackController* playback, QWidget* parent = nullptr);

    QList<QAction*> actions() const;
    QAction* resetAction() const { return m_reset; }
    QSlider* scrubber() const { return m_slider; }
    QString positionText() const;

    void setRunning(bool running, const QString& what); // a real step is running on the sockets
    void setPresenter(bool on);
    void retranslate();
    void refresh();
    // Its narrowest: the verbs as icons alone. Wider than the words need, they come back.
    QSize minimumSizeHint() const override;
    bool isCompact() const { return m_compact; }

signals:
    void resetRequested();

private:
    QAction* makeAction(QStyle::StandardPixmap icon, QList<QKeySequence> keys, void (PlaybackController::*slot)());
    QToolButton* button(QAction* a);
    Qt::ToolButtonStyle styleFor(const QToolButton* b) const;
    void applyButtonStyles();
    void measureWords(); // m_wordsExtra after a change of type or language; styles the buttons
    int wordsMinimum() const;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:

    PlaybackController* m_playback;
    QAction *m_reset, *m_home, *m_back, *m_play, *m_step, *m_end, *m_slower, *m_faster, *m_stepEvent, *m_backEvent;
    QSlider* m_slider;
    QLabel* m_speed;
    QLabel* m_position;
    QLabel* m_running;
    QList<QToolButton*> m_buttons;
    QList<QToolButton*> m_wordButtons; // the verbs that carry a word beside the icon
    bool m_presenter = false;
    bool m_compact = false; // the words left out: the bar is narrower than they need
    int m_wordsExtra = 0;   // what the words add to the bar's minimum width
};

} // namespace socklab
