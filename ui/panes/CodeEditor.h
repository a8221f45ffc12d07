#pragma once
// A read-only code view with a gutter: line numbers and, where breakpoints are
// allowed (the user's own programs, run through the call gate), a red dot on
// each line with a breakpoint. A click on a line, or F9 on the line with the
// text cursor, toggles it: breakpointToggled(line) says which (1-based).

#include <QPlainTextEdit>
#include <QSet>

namespace socklab {

class CodeEditor final : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit CodeEditor(QWidget* parent = nullptr);

    void setBreakpointsEnabled(bool on);
    bool breakpointsEnabled() const { return m_enabled; }
    void setBreakpoints(const QSet<int>& lines); // what the owner decided; does not emit
    QSet<int> breakpoints() const { return m_breakpoints; }
    QWidget* gutter() const { return m_gutter; }
    int gutterWidth() const;
    // The gutter's rectangle of a line (in the gutter's coordinates); null when scrolled away.
    QRect gutterRectOfLine(int line) const;

Q_SIGNALS:
    void breakpointToggled(int line);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void paintGutter();
    void toggleAt(int line);
    void updateGutterWidth();

    QWidget* m_gutter;
    QSet<int> m_breakpoints;
    bool m_enabled = false;
    int m_pressedLine = -1;
};

} // namespace socklab
