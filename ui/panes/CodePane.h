#pragma once
// The Python code of each actor, side by side under a header in the actor's
// colour. Each actor's current line (the line of its latest call at or
// before the cursor) is highlighted; an actor still blocked in that call is
// marked with an hourglass: "blocked in accept()". For the user's own
// programs (run through the call gate) a click on a line, or F9, toggles a
// breakpoint there: breakpointsChanged() hands the whole list to the session.

#include "CodePosition.h"
#include "GateEvent.h"
#include "Timeline.h"

#include <QColor>
#include <QHash>
#include <QList>
#include <QSet>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QSplitter;

namespace socklab {

class CodeEditor;

class CodePane final : public QWidget
{
    Q_OBJECT

public:
    explicit CodePane(QWidget* parent = nullptr);

    void setTimeline(const Timeline& tl);
    void setCursor(int eventIndex);
    void setPresenter(bool on);

    QStringList actors() const;
    CodePosition position(const QString& actor) const;
    QString currentLineText(const QString& actor) const; // "" when no line
    QString statusText(const QString& actor) const;      // "blocked in accept()" (after an hourglass icon), …
    QPlainTextEdit* editor(const QString& actor) const;
    CodeEditor* codeEditor(const QString& actor) const;

    // Breakpoints: only where a session can stop a program at a line.
    void setBreakpointsEnabled(bool on);
    bool breakpointsEnabled() const { return m_breakpointsEnabled; }
    void toggleBreakpoint(const QString& actor, int line);
    QList<GateBreakpoint> breakpoints() const; // sorted by file, then line

Q_SIGNALS:
    void breakpointsChanged(const QList<socklab::GateBreakpoint>& breakpoints);

private:
    struct Column {
        QString actor;
        QColor color;
        QWidget* box = nullptr;
        QLabel* header = nullptr;
        QLabel* icon = nullptr; // hourglass (blocked) or triangle (running), painted
        QLabel* status = nullptr;
        CodeEditor* edit = nullptr;
        QString codeFile;
        CodePosition pos;
    };

    void rebuildColumns();
    void refresh();
    void applyFonts();
    const Column* column(const QString& actor) const;

    Timeline m_tl;
    CodeEventIndex m_codeEvents; // indexCodeEvents(m_tl)
    int m_cursor = -1;
    bool m_presenter = false;
    QSplitter* m_split;
    QLabel* m_empty;
    QList<Column> m_columns;
    QHash<QString, QSet<int>> m_breakpoints; // code file -> lines (kept across runs and rebuilds)
    bool m_breakpointsEnabled = false;
};

} // namespace socklab
