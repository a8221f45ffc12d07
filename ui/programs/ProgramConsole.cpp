#include "ProgramConsole.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextCursor>
#include <QVBoxLayout>

namespace socklab {

ProgramConsole::ProgramConsole(const QString& title, QWidget* parent)
    : QWidget(parent), m_title(new QLabel(title, this)), m_log(new QPlainTextEdit(this)),
      m_input(new QLineEdit(this)), m_eof(new QPushButton(tr("End input"), this)), m_where(new QLabel(this)),
      m_step(new QPushButton(tr("Step"), this))
{
    m_where->setTextFormat(Qt::PlainText);
    m_where->setWordWrap(true);
    m_step->setToolTip(tr("Let this program's held socket call run (one call)"));
    m_step->setEnabled(false);
    auto* whereRow = new QHBoxLayout;
    whereRow->addWidget(m_where, 1);
    whereRow->addWidget(m_step);
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_log->setReadOnly(true);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_input->setPlaceholderText(tr("Type a line for this program's input() and press Enter"));
    m_eof->setToolTip(tr("Close the program's standard input (end of file, like Ctrl+D)"));
    auto* inputRow = new QHBoxLayout;
    inputRow->addWidget(m_input, 1);
    inputRow->addWidget(m_eof);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addLayout(whereRow);
    layout->addWidget(m_log, 1);
    layout->addLayout(inputRow);
    connect(m_input, &QLineEdit::returnPressed, this, [this] {
        const QString line = m_input->text();
        m_input->clear();
        appendOutput(line + '\n', false); // echoed, as a terminal would
        Q_EMIT lineEntered(line);
    });
    connect(m_step, &QPushButton::clicked, this, &ProgramConsole::stepRequested);
    connect(m_eof, &QPushButton::clicked, this, [this] {
        setInputEnabled(false);
        Q_EMIT endOfInput();
    });
}

void ProgramConsole::appendOutput(const QString& text, bool isError)
{
    QTextCursor c(m_log->document());
    c.movePosition(QTextCursor::End);
    QTextCharFormat f;
    if (isError) f.setForeground(QColor(200, 30, 30));
    c.insertText(text, f);
    m_log->ensureCursorVisible();
}

void ProgramConsole::setInputEnabled(bool on)
{
    m_input->setEnabled(on);
    m_eof->setEnabled(on);
}

QString ProgramConsole::text() const { return m_log->toPlainText(); }

} // namespace socklab

namespace socklab {

void ProgramConsole::setWhere(const QString& text, bool canStep)
{
    m_where->setText(text);
    m_step->setEnabled(canStep);
}

QString ProgramConsole::where() const { return m_where->text(); }

} // namespace socklab
