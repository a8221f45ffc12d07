#include "RunProgramsDialog.h"

#include "ProgramConsole.h"
#include "ProgramSession.h"

#include <QComboBox>
#include <QFile>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace socklab {

const QList<RunProgramsDialog::Example>& RunProgramsDialog::examples()
{
    static const QList<Example> list{
        {QT_TRANSLATE_NOOP("RunProgramsDialog", "TCP server and client (sections 2–3)"), "tcp_server.py", "tcp_client.py"},
        {QT_TRANSLATE_NOOP("RunProgramsDialog", "UDP server and client"), "udp_server.py", "udp_client.py"},
        {QT_TRANSLATE_NOOP("RunProgramsDialog", "Homework: server back to accept() after ##"), "homework_server.py",
         "tcp_client.py"},
        {QT_TRANSLATE_NOOP("RunProgramsDialog", "Sticky packets"), "sticky_demo_server.py", "sticky_demo_client.py"},
        {QT_TRANSLATE_NOOP("RunProgramsDialog", "Fix 1: end-of-message marker"), "framing_delimiter_server.py",
         "framing_delimiter_client.py"},
        {QT_TRANSLATE_NOOP("RunProgramsDialog", "Fix 2: length before each message"), "framing_length_server.py",
         "framing_length_client.py"},
    };
    return list;
}

RunProgramsDialog::RunProgramsDialog(QWidget* parent)
    : QDialog(parent), m_session(new ProgramSession(this)), m_examples(new QComboBox(this)),
      m_first(new QLineEdit(this)), m_second(new QLineEdit(this)), m_run(new QPushButton(tr("Run"), this)),
      m_stop(new QPushButton(tr("Stop"), this)), m_panes(new QSplitter(Qt::Horizontal, this)),
      m_status(new QLabel(this))
{
    setWindowTitle(tr("Run my programs"));
    m_examples->addItem(tr("Open an example…"));
    for (const Example& e : examples())
        m_examples->addItem(tr(e.title));
    m_first->setPlaceholderText(tr("e.g. python3 server.py"));
    m_second->setPlaceholderText(tr("e.g. python3 client.py (optional, starts once the first one listens)"));
    m_stop->setEnabled(false);
    m_status->setWordWrap(true);
    m_status->setText(tr("Programs run inside socklab's private lab network: only they can reach each other."));

    auto* form = new QFormLayout;
    form->addRow(tr("Example:"), m_examples);
    form->addRow(tr("First program:"), m_first);
    form->addRow(tr("Second program:"), m_second);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_run);
    buttons->addWidget(m_stop);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_panes, 1);
    layout->addLayout(buttons);
    resize(900, 560);

    connect(m_examples, &QComboBox::activated, this, [this](int i) {
        if (i > 0) openExample(i - 1);
    });
    connect(m_run, &QPushButton::clicked, this, &RunProgramsDialog::run);
    connect(m_stop, &QPushButton::clicked, m_session, &ProgramSession::stop);
    connect(m_session, &ProgramSession::output, this, [this](int program, bool isError, const QString& text) {
        if (ProgramConsole* c = m_consoles.value(program)) c->appendOutput(text, isError);
    });
    connect(m_session, &ProgramSession::timelineChanged, this,
            [this] { Q_EMIT timelineChanged(m_session->timeline()); });
    connect(m_session, &ProgramSession::finished, this, &RunProgramsDialog::onFinished);
}

RunProgramsDialog::~RunProgramsDialog() = default;

QString RunProgramsDialog::status() const { return m_status->text(); }

void RunProgramsDialog::setCommands(const QString& first, const QString& second)
{
    m_first->setText(first);
    m_second->setText(second);
}

void RunProgramsDialog::openExample(int index)
{
    const Example& e = examples().value(index);
    auto copyOut = [this](const char* file) -> QString {
        if (!file || !*file) return {};
        const QString target = m_exampleDir.filePath(QString::fromLatin1(file));
        QFile::remove(target);
        QFile::copy(QStringLiteral(":/examples/python/") + QLatin1String(file), target);
        return QStringLiteral("python3 ") + target;
    };
    setCommands(copyOut(e.server), copyOut(e.client));
}

bool RunProgramsDialog::run()
{
    QList<QStringList> commands;
    for (const QLineEdit* edit : {m_first, m_second})
        if (const QStringList words = QProcess::splitCommand(edit->text()); !words.isEmpty()) commands << words;
    if (commands.isEmpty()) {
        m_status->setText(tr("Type a command to run first, or open an example."));
        return false;
    }
    qDeleteAll(m_consoles);
    m_consoles.clear();
    QString error;
    if (!m_session->start(commands, ProgramLabOptions{}, &error)) {
        m_status->setText(tr("Cannot run: %1").arg(error));
        return false;
    }
    for (int i = 0; i < m_session->programCount(); ++i) {
        auto* console = new ProgramConsole(m_session->actorName(i) + QStringLiteral("  —  ") + commands[i].join(' '));
        m_panes->addWidget(console);
        m_consoles << console;
        connect(console, &ProgramConsole::lineEntered, this, [this, i](const QString& line) {
            m_session->sendLine(i, line);
        });
        connect(console, &ProgramConsole::endOfInput, this, [this, i] { m_session->closeInput(i); });
    }
    m_run->setEnabled(false);
    m_stop->setEnabled(true);
    m_status->setText(tr("Running… (stops by itself after 30 s)"));
    return true;
}

void RunProgramsDialog::onFinished(const QStringList& problems, const QStringList& warnings)
{
    m_run->setEnabled(true);
    m_stop->setEnabled(false);
    for (ProgramConsole* c : std::as_const(m_consoles))
        c->setInputEnabled(false);
    QStringList lines;
    lines << (problems.isEmpty() ? tr("Finished: every program exited normally.") : tr("Finished with problems:"));
    lines << problems << warnings;
    m_status->setText(lines.join('\n'));
    Q_EMIT timelineChanged(m_session->timeline());
    Q_EMIT runFinished(problems.isEmpty());
}

} // namespace socklab
