#include "CodePane.h"

#include "Captions.h"

#include "ActorPalette.h"
#include "CodeEditor.h"
#include "MonospaceFont.h"
#include "PythonHighlighter.h"
#include "ScenarioCatalog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTextBlock>
#include <QVBoxLayout>

#include <algorithm>

namespace socklab {

namespace {
// Painted rather than a glyph: the hourglass emoji is missing from most
// Linux fonts and would show as an empty box.
QPixmap statusIcon(bool blocked, const QColor& color, int size, qreal dpr)
{
    QPixmap pm(QSize(size, size) * dpr);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(color, qMax(1.0, size / 10.0)));
    p.setBrush(color);
    const qreal s = size, m = s * 0.12;
    if (blocked) {
        p.drawLine(QPointF(m, m), QPointF(s - m, m));
        p.drawLine(QPointF(m, s - m), QPointF(s - m, s - m));
        p.setBrush(Qt::NoBrush);
        const QPointF glass[] = {{m * 1.8, m}, {s - m * 1.8, m}, {s / 2, s / 2}, {s - m * 1.8, s - m},
                                 {m * 1.8, s - m}, {s / 2, s / 2}};
        p.drawPolygon(glass, 6);
        p.setBrush(color); // sand in the lower bulb
        const QPointF sand[] = {{s / 2, s * 0.62}, {s - m * 2.4, s - m}, {m * 2.4, s - m}};
        p.drawPolygon(sand, 3);
    } else {
        const QPointF tri[] = {{m * 2, m}, {s - m, s / 2}, {m * 2, s - m}};
        p.drawPolygon(tri, 3);
    }
    return pm;
}
} // namespace

CodePane::CodePane(QWidget* parent)
    : QWidget(parent), m_split(new QSplitter(Qt::Horizontal, this)), m_empty(new QLabel(this))
{
    m_split->setChildrenCollapsible(false);
    m_empty->setText(tr("No code to show for this session."));
    m_empty->setAlignment(Qt::AlignCenter);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_empty);
    layout->addWidget(m_split, 1);
    m_split->hide();
}

void CodePane::setTimeline(const Timeline& tl)
{
    // A live session sends a new timeline every step: keep the editors (and
    // their scroll positions) unless the actors changed.
    auto sameActors = [](const QList<ActorInfo>& a, const QList<ActorInfo>& b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); ++i)
            if (a[i].name != b[i].name || a[i].role != b[i].role || a[i].codeFile != b[i].codeFile) return false;
        return true;
    };
    const bool rebuild = m_columns.isEmpty() || !sameActors(tl.actors, m_tl.actors);
    m_tl = tl;
    m_codeEvents = indexCodeEvents(m_tl);
    m_cursor = qBound(-1, m_cursor, m_tl.size() - 1);
    if (rebuild) rebuildColumns();
    refresh();
}

void CodePane::setCursor(int eventIndex)
{
    m_cursor = qBound(-1, eventIndex, m_tl.size() - 1);
    refresh();
}

void CodePane::setPresenter(bool on)
{
    m_presenter = on;
    applyFonts();
    refresh(); // icons follow the font size
}

QStringList CodePane::actors() const
{
    QStringList out;
    for (const Column& c : m_columns) out << c.actor;
    return out;
}

const CodePane::Column* CodePane::column(const QString& actor) const
{
    for (const Column& c : m_columns)
        if (c.actor == actor) return &c;
    return nullptr;
}

CodePosition CodePane::position(const QString& actor) const
{
    const Column* c = column(actor);
    return c ? c->pos : CodePosition{};
}

QString CodePane::currentLineText(const QString& actor) const
{
    const Column* c = column(actor);
    if (!c || c->pos.line < 1) return {};
    return c->edit->document()->findBlockByNumber(c->pos.line - 1).text();
}

QString CodePane::statusText(const QString& actor) const
{
    const Column* c = column(actor);
    return c ? c->status->text() : QString();
}

QPlainTextEdit* CodePane::editor(const QString& actor) const
{
    const Column* c = column(actor);
    return c ? c->edit : nullptr;
}

CodeEditor* CodePane::codeEditor(const QString& actor) const
{
    const Column* c = column(actor);
    return c ? c->edit : nullptr;
}

void CodePane::setBreakpointsEnabled(bool on)
{
    if (m_breakpointsEnabled == on) return;
    m_breakpointsEnabled = on;
    for (Column& c : m_columns) c.edit->setBreakpointsEnabled(on);
}

void CodePane::toggleBreakpoint(const QString& actor, int line)
{
    Column* c = nullptr;
    for (Column& col : m_columns)
        if (col.actor == actor) c = &col;
    if (!c || !m_breakpointsEnabled || line < 1) return;
    QSet<int>& lines = m_breakpoints[c->codeFile];
    if (!lines.remove(line)) lines.insert(line);
    // Every program showing this file gets the dot (two clients of one file).
    for (Column& col : m_columns)
        if (col.codeFile == c->codeFile) col.edit->setBreakpoints(lines);
    Q_EMIT breakpointsChanged(breakpoints());
}

QList<GateBreakpoint> CodePane::breakpoints() const
{
    QList<GateBreakpoint> out;
    for (auto it = m_breakpoints.cbegin(); it != m_breakpoints.cend(); ++it)
        for (int line : it.value()) out.append({it.key(), line});
    std::sort(out.begin(), out.end(), [](const GateBreakpoint& a, const GateBreakpoint& b) {
        return a.file != b.file ? a.file < b.file : a.line < b.line;
    });
    return out;
}

void CodePane::rebuildColumns()
{
    for (const Column& c : m_columns) delete c.box;
    m_columns.clear();
    const ActorPalette palette;
    for (int i = 0; i < m_tl.actors.size(); ++i) {
        const ActorInfo& a = m_tl.actors.at(i);
        const QStringList lines = a.codeFile.isEmpty() ? QStringList() : ScenarioCatalog::codeLines(m_tl, a.codeFile);
        if (lines.isEmpty()) continue;
        Column col;
        col.actor = a.name;
        col.color = palette.actorColor(a.role, i);
        col.box = new QWidget(m_split);
        col.header = new QLabel(col.box);
        const QString file = a.codeFile.section(QLatin1Char('/'), -1);
        col.header->setText(QStringLiteral("%1 — %2").arg(a.name, file));
        col.header->setStyleSheet(QStringLiteral("QLabel { background: %1; color: white; font-weight: bold; "
                                                 "padding: 3px 6px; border-radius: 3px; }")
                                      .arg(col.color.name()));
        col.icon = new QLabel(col.box);
        col.status = new QLabel(col.box);
        col.status->setStyleSheet(QStringLiteral("QLabel { color: %1; font-weight: bold; padding: 1px 6px; }")
                                      .arg(col.color.darker(130).name()));
        col.codeFile = a.codeFile;
        col.edit = new CodeEditor(col.box);
        col.edit->setPlainText(lines.join(QLatin1Char('\n')));
        col.edit->setBreakpointsEnabled(m_breakpointsEnabled);
        col.edit->setBreakpoints(m_breakpoints.value(a.codeFile));
        connect(col.edit, &CodeEditor::breakpointToggled, this, [this, actor = a.name](int line) {
            // The editor has drawn its dot; the pane owns the list (and tells the others).
            toggleBreakpoint(actor, line);
        });
        new PythonHighlighter(col.edit->document());
        auto* v = new QVBoxLayout(col.box);
        v->setContentsMargins(0, 0, 0, 0);
        v->setSpacing(2);
        v->addWidget(col.header);
        auto* statusRow = new QHBoxLayout;
        statusRow->setContentsMargins(6, 0, 0, 0);
        statusRow->setSpacing(0);
        statusRow->addWidget(col.icon);
        statusRow->addWidget(col.status, 1);
        v->addLayout(statusRow);
        v->addWidget(col.edit, 1);
        m_split->addWidget(col.box);
        m_columns << col;
    }
    m_split->setVisible(!m_columns.isEmpty());
    m_empty->setVisible(m_columns.isEmpty());
    applyFonts();
}

void CodePane::refresh()
{
    for (Column& col : m_columns) {
        col.pos = codePositionAt(m_tl, m_codeEvents, m_cursor, col.actor);
        QList<QTextEdit::ExtraSelection> sels;
        if (col.pos.line >= 1) {
            const QTextBlock block = col.edit->document()->findBlockByNumber(col.pos.line - 1);
            QTextEdit::ExtraSelection s;
            s.cursor = QTextCursor(block);
            QColor bg = col.color;
            bg.setAlpha(col.pos.blocked ? 110 : 60);
            s.format.setBackground(bg);
            s.format.setProperty(QTextFormat::FullWidthSelection, true);
            sels << s;
            col.edit->setTextCursor(QTextCursor(block));
            col.edit->ensureCursorVisible();
        }
        col.edit->setExtraSelections(sels);
        const QString call = callName(col.pos.call) + QStringLiteral("()");
        const int iconSize = QFontMetrics(col.status->font()).ascent();
        const QColor iconColor = col.color.darker(130);
        col.icon->setVisible(col.pos.line >= 1);
        if (col.pos.line < 1) {
            col.icon->clear();
            col.status->setText(tr("not started"));
        } else if (col.pos.blocked) {
            col.icon->setPixmap(statusIcon(true, iconColor, iconSize, devicePixelRatioF()));
            col.status->setText(tr("blocked in %1").arg(call));
        } else {
            col.icon->setPixmap(statusIcon(false, iconColor, iconSize, devicePixelRatioF()));
            col.status->setText(tr("line %1: %2").arg(col.pos.line).arg(call));
        }
    }
}

void CodePane::applyFonts()
{
    QFont mono = monospaceFont();
    QFont label = font();
    if (m_presenter) {
        mono.setPointSizeF(mono.pointSizeF() * 1.6);
        label.setPointSizeF(label.pointSizeF() * 1.6);
    }
    for (Column& col : m_columns) {
        col.edit->setFont(mono);
        col.header->setFont(label);
        col.status->setFont(label);
    }
}

} // namespace socklab
