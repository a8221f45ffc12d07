#pragma once
// The narration under the ladder: what happened at the cursor, in one or two
// large sentences that wrap, plus the legend for derived facts. Shows text it
// is given; the caption itself comes from Captions (a pure function).

#include <QWidget>

class QLabel;

namespace socklab {

class NarrationBar final : public QWidget
{
    Q_OBJECT

public:
    explicit NarrationBar(QWidget* parent = nullptr);

    void setCaption(const QString& caption, const QString& stepLabel);
    // A line of its own, as large as the caption: the recording has ended, and what to do next.
    void setEndNote(const QString& note);
    QString endNote() const;
    void setPresenter(bool on);
    void retranslate();

    QString caption() const;
    qreal captionPointSize() const;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void applyFonts();
    // The caption and the end note wrap: their minimum height is what their
    // text needs at the width they have now, so that the window's layout (the
    // docks under the ladder) can never squeeze a line away.
    void fitWrappedHeights();

    QLabel* m_step;
    QLabel* m_caption;
    QLabel* m_legend;
    QLabel* m_end;
    bool m_presenter = false;
    qreal m_basePointSize = 10;
};

} // namespace socklab
