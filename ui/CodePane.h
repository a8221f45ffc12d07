#pragma once
// The Python code of each actor, side by side under a header in the actor's
// colour. Each actor's current line (the line of its latest call at or
// before the cursor) is highlighted; an actor still blocked in that call is
// marked with an hourglass: "blocked in accept()".

#include "CodePosition.h"
#include "Timeline.h"

#include <QColor>
#include <QList>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QSplitter;

namespace socklab {

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

private:
    struct Column {
        QString actor;
        QColor color;
        QWidget* box = nullptr;
        QLabel* header = nullptr;
        QLabel* icon = nullptr; // hourglass (blocked) or triangle (running), painted
        QLabel* status = nullptr;
        QPlainTextEdit* edit = nullptr;
        CodePosition pos;
    };

    void rebuildColumns();
    void refresh();
    void applyFonts();
    const Column* column(const QString& actor) const;

    Timeline m_tl;
    int m_cursor = -1;
    bool m_presenter = false;
    QSplitter* m_split;
    QLabel* m_empty;
    QList<Column> m_columns;
};

} // namespace socklab
