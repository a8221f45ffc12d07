#include "RunProgramsDialog.h"

#include "ProgramConsole.h"
#include "ProgramSession.h"
#include "WireMarks.h"
#include "WirePolicy.h"

#include "Captions.h"
#include "ProblemText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSettings>
#include <QShortcut>
#include <QSpinBox>
#include <QFile>
#include <QFileInfo>
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
      m_status(new QLabel(this)), m_stepping(new QCheckBox(tr("Step through socket calls"), this)),
      m_step(new QPushButton(tr("Step"), this)), m_continue(new QPushButton(tr("Continue"), this)),
      m_clock(new QTimer(this))
{
    m_stepping->setToolTip(tr("Every socket call waits before it runs until you press Step"));
    m_step->setToolTip(tr("Let the socket call that has waited longest run (one call)"));
    m_continue->setToolTip(tr("Let every program run freely again"));
    m_step->setEnabled(false);
    m_continue->setEnabled(false);
    m_clock->setInterval(100);
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
    form->addRow(tr("Wire:"), makeWireControls());
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_stepping);
    buttons->addWidget(m_step);
    buttons->addWidget(m_continue);
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
    connect(m_session, &ProgramSession::statusChanged, this, &RunProgramsDialog::showWhere);
    connect(m_clock, &QTimer::timeout, this, &RunProgramsDialog::showWhere);
    connect(m_step, &QPushButton::clicked, this, [this] { m_session->step(-1); });
    connect(m_continue, &QPushButton::clicked, this, [this] { m_session->run(); });
    connect(m_session, &ProgramSession::timelineChanged, this, &RunProgramsDialog::showHeldPackets);
    connect(m_session, &ProgramSession::statusChanged, this, &RunProgramsDialog::showHeldPackets);
    loadSettings();
}

QWidget* RunProgramsDialog::makeWireControls()
{
    auto* box = new QWidget(this);
    m_wire = new QCheckBox(tr("Through socklab's wire"), box);
    m_wire->setToolTip(tr("Every packet of the programs passes socklab, which can lose, delay, hold or drop it "
                          "(the programs keep 127.0.0.1)"));
    m_loss = new QDoubleSpinBox(box);
    m_loss->setRange(0, 100);
    m_loss->setDecimals(0);
    m_loss->setSuffix(QStringLiteral(" %"));
    m_loss->setToolTip(tr("The share of packets the wire loses, each way"));
    m_delay = new QSpinBox(box);
    m_delay->setRange(0, 10000);
    m_delay->setSuffix(tr(" ms"));
    m_delay->setToolTip(tr("How long every packet is on its way"));
    m_jitter = new QSpinBox(box);
    m_jitter->setRange(0, 10000);
    m_jitter->setSuffix(tr(" ms"));
    m_jitter->setToolTip(tr("The delay varies by up to this much, either way"));
    m_mtu = new QComboBox(box);
    for (int mtu : {576, 1500, 9000})
        m_mtu->addItem(QString::number(mtu), mtu);
    m_mtu->setCurrentIndex(1);
    m_mtu->setToolTip(tr("The largest packet on the lab's link: a big send() becomes segments of this size"));
    m_seed = new QSpinBox(box);
    m_seed->setRange(0, 999999);
    m_seed->setSpecialValueText(tr("random"));
    m_seed->setToolTip(tr("The same seed loses the same packets again"));
    m_holdNext = new QPushButton(tr("Hold the next packet"), box);
    m_holdNext->setCheckable(true);
    m_holdNext->setShortcut(QKeySequence(Qt::Key_F6));
    m_holdNext->setToolTip(tr("Stop time on the next SYN, FIN or data segment: the wire keeps it until Release or Drop (F6)"));
    m_heldBox = new QWidget(box);
    m_heldBox->setObjectName(QStringLiteral("heldPackets"));
    auto* held = new QVBoxLayout(m_heldBox);
    held->setContentsMargins(0, 0, 0, 0);

    // Two short rows rather than one long one: the dialog still fits beside the ladder on a projector.
    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    auto* row2 = new QHBoxLayout;
    row2->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_wire);
    auto add = [&](QHBoxLayout* in, const QString& label, QWidget* w) {
        auto* l = new QLabel(label, box);
        l->setBuddy(w);
        in->addWidget(l);
        in->addWidget(w);
    };
    add(row, tr("Loss:"), m_loss);
    add(row, tr("Delay:"), m_delay);
    add(row2, tr("Jitter:"), m_jitter);
    add(row2, tr("MTU:"), m_mtu);
    add(row2, tr("Seed:"), m_seed);
    row->addStretch(1);
    row2->addStretch(1);
    auto* hold = new QHBoxLayout;
    hold->setContentsMargins(0, 0, 0, 0);
    hold->addWidget(m_holdNext, 0, Qt::AlignTop);
    hold->addWidget(m_heldBox, 1);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addLayout(row2);
    layout->addLayout(hold);

    auto enable = [this] {
        const bool on = m_wire->isChecked();
        for (QWidget* w : std::initializer_list<QWidget*>{m_loss, m_delay, m_jitter, m_mtu, m_seed})
            w->setEnabled(on && !m_session->running());
        m_holdNext->setEnabled(on || m_session->wire());
    };
    connect(m_wire, &QCheckBox::toggled, this, enable);
    connect(m_session, &ProgramSession::statusChanged, this, enable);
    connect(m_session, &ProgramSession::finished, this, enable);
    enable();
    connect(m_holdNext, &QPushButton::toggled, this, [this](bool on) { m_session->setHoldNextPacket(on); });
    auto* release = new QShortcut(QKeySequence(Qt::Key_F7), this);
    connect(release, &QShortcut::activated, this, [this] {
        if (!m_heldIds.isEmpty()) m_session->releasePacket(m_heldIds.first());
    });
    auto* drop = new QShortcut(QKeySequence(Qt::Key_F8), this);
    connect(drop, &QShortcut::activated, this, [this] {
        if (!m_heldIds.isEmpty()) m_session->dropPacket(m_heldIds.first());
    });
    return box;
}

void RunProgramsDialog::setWireSettings(const WireSettings& w)
{
    m_wire->setChecked(w.on);
    m_loss->setValue(w.lossPercent);
    m_delay->setValue(w.delayMs);
    m_jitter->setValue(w.jitterMs);
    const int mtu = m_mtu->findData(w.mtu);
    m_mtu->setCurrentIndex(mtu >= 0 ? mtu : 1);
    m_seed->setValue(w.seed);
}

RunProgramsDialog::WireSettings RunProgramsDialog::wireSettings() const
{
    WireSettings w;
    w.on = m_wire->isChecked();
    w.lossPercent = m_loss->value();
    w.delayMs = m_delay->value();
    w.jitterMs = m_jitter->value();
    w.mtu = m_mtu->currentData().toInt();
    w.seed = m_seed->value();
    return w;
}

QString RunProgramsDialog::wireSpec() const
{
    const WireSettings w = wireSettings();
    QString spec = QStringLiteral("loss=%1%,delay=%2ms,jitter=%3ms,mtu=%4")
                       .arg(w.lossPercent, 0, 'f', 0).arg(w.delayMs).arg(w.jitterMs).arg(w.mtu);
    if (w.seed > 0) spec += QStringLiteral(",seed=%1").arg(w.seed);
    return spec;
}

void RunProgramsDialog::loadSettings()
{
    QSettings s;
    s.beginGroup(QStringLiteral("programs"));
    setStepping(s.value(QStringLiteral("stepping"), false).toBool());
    WireSettings w;
    w.on = s.value(QStringLiteral("wire"), false).toBool();
    w.lossPercent = s.value(QStringLiteral("wireLoss"), 0).toDouble();
    w.delayMs = s.value(QStringLiteral("wireDelayMs"), 0).toInt();
    w.jitterMs = s.value(QStringLiteral("wireJitterMs"), 0).toInt();
    w.mtu = s.value(QStringLiteral("wireMtu"), 1500).toInt();
    w.seed = s.value(QStringLiteral("wireSeed"), 0).toInt();
    setWireSettings(w);
}

void RunProgramsDialog::saveSettings() const
{
    QSettings s;
    s.beginGroup(QStringLiteral("programs"));
    s.setValue(QStringLiteral("stepping"), m_stepping->isChecked());
    const WireSettings w = wireSettings();
    s.setValue(QStringLiteral("wire"), w.on);
    s.setValue(QStringLiteral("wireLoss"), w.lossPercent);
    s.setValue(QStringLiteral("wireDelayMs"), w.delayMs);
    s.setValue(QStringLiteral("wireJitterMs"), w.jitterMs);
    s.setValue(QStringLiteral("wireMtu"), w.mtu);
    s.setValue(QStringLiteral("wireSeed"), w.seed);
}

QPushButton* RunProgramsDialog::releaseButton(qint64 packetId) const
{
    return m_heldBox->findChild<QPushButton*>(QStringLiteral("release-%1").arg(packetId));
}

QPushButton* RunProgramsDialog::dropButton(qint64 packetId) const
{
    return m_heldBox->findChild<QPushButton*>(QStringLiteral("drop-%1").arg(packetId));
}

void RunProgramsDialog::showHeldPackets()
{
    // What the wire holds, as the recording says (the GUI asks the lab nothing).
    const Timeline tl = m_session->timeline();
    const QList<HeldWirePacket> held = m_session->running() ? WireMarks::heldAt(tl, tl.size() - 1) : QList<HeldWirePacket>{};
    QList<qint64> ids;
    for (const HeldWirePacket& h : held) ids << h.packetId;
    if (ids == m_heldIds) return;
    m_heldIds = ids;
    auto* layout = static_cast<QVBoxLayout*>(m_heldBox->layout());
    while (QLayoutItem* item = layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (qsizetype k = 0; k < held.size(); ++k) {
        const HeldWirePacket& h = held[k];
        auto* line = new QWidget(m_heldBox);
        auto* row = new QHBoxLayout(line);
        row->setContentsMargins(0, 0, 0, 0);
        auto* what = new QLabel(tr("Held by the wire: %1 from %2 (%3)")
                                    .arg(segmentLabel(h.packet), h.fromActor.isEmpty() ? h.direction : h.fromActor,
                                         h.direction),
                                line);
        what->setWordWrap(true); // never wider than the dialog
        auto* release = new QPushButton(k == 0 ? tr("Release (F7)") : tr("Release"), line);
        release->setObjectName(QStringLiteral("release-%1").arg(h.packetId));
        release->setToolTip(tr("Let this packet go on to its receiver"));
        auto* drop = new QPushButton(k == 0 ? tr("Drop (F8)") : tr("Drop"), line);
        drop->setObjectName(QStringLiteral("drop-%1").arg(h.packetId));
        drop->setToolTip(tr("Lose this packet: the sender's kernel will send it again if it is TCP"));
        const qint64 id = h.packetId;
        connect(release, &QPushButton::clicked, this, [this, id] { m_session->releasePacket(id); });
        connect(drop, &QPushButton::clicked, this, [this, id] { m_session->dropPacket(id); });
        row->addWidget(what, 1);
        row->addWidget(release);
        row->addWidget(drop);
        layout->addWidget(line);
    }
}

void RunProgramsDialog::setStepping(bool on) { m_stepping->setChecked(on); }

void RunProgramsDialog::setBreakpoints(const QList<GateBreakpoint>& breakpoints)
{
    m_breakpoints = breakpoints;
    if (m_session->running()) m_session->setBreakpoints(breakpoints);
}

QString RunProgramsDialog::describe(int program) const
{
    const ProgramStatus s = m_session->status(program);
    const QString where = s.codeLine > 0
        ? QStringLiteral("%1:%2").arg(QFileInfo(s.codeFile).fileName()).arg(s.codeLine) : QString();
    // Timeline time starts with the lab, a few ms after m_clockOrigin: close enough for tenths.
    const double seconds = s.sinceUs >= 0 ? double(qMax<qint64>(0, m_clockOrigin.elapsed() * 1000 - s.sinceUs)) / 1e6 : 0.0;
    switch (s.where) {
    case ProgramStatus::Where::NotStarted: return tr("not started yet");
    case ProgramStatus::Where::Running: return tr("running");
    case ProgramStatus::Where::Exited: return tr("exited");
    case ProgramStatus::Where::HeldAtGate:
        return where.isEmpty() ? tr("waits at the gate before %1()").arg(s.call)
                               : tr("waits at the gate before %1() at %2").arg(s.call, where);
    case ProgramStatus::Where::InKernel:
        return where.isEmpty() ? tr("blocked in the kernel in %1() for %2 s").arg(s.call).arg(seconds, 0, 'f', 1)
                               : tr("blocked in the kernel in %1() at %2 for %3 s").arg(s.call, where)
                                     .arg(seconds, 0, 'f', 1);
    }
    return {};
}

void RunProgramsDialog::showWhere()
{
    bool anyHeld = false;
    for (int i = 0; i < m_consoles.size(); ++i) {
        const bool held = m_session->status(i).where == ProgramStatus::Where::HeldAtGate;
        anyHeld = anyHeld || held;
        m_consoles[i]->setWhere(describe(i), held);
    }
    m_step->setEnabled(m_session->running() && anyHeld);
    m_continue->setEnabled(m_session->running() && (anyHeld || m_session->holding()));
    if (!m_session->waitingForStep()) return;
    // Nothing moves until a Step: say who waits for whom.
    QStringList blocked, held;
    for (int i = 0; i < m_consoles.size(); ++i) {
        const ProgramStatus s = m_session->status(i);
        if (s.where == ProgramStatus::Where::InKernel) blocked << tr("%1 waits in %2()").arg(m_session->actorName(i), s.call);
        if (s.where == ProgramStatus::Where::HeldAtGate) held << m_session->actorName(i);
    }
    m_status->setText(blocked.isEmpty() ? tr("Held at the gate: %1 — press Step").arg(held.join(QStringLiteral(", ")))
                                         : tr("%1 — step %2").arg(blocked.join(QStringLiteral(", ")),
                                                                  held.join(QStringLiteral(", "))));
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
    ProgramLabOptions options;
    options.holdAtStart = m_stepping->isChecked();
    options.breakpoints = m_breakpoints;
    if (options.holdAtStart) options.timeoutMs = 600000; // a student stepping takes their time
    if (m_wire->isChecked()) {
        // The same spec, parsed the same way, as `socklab lab --wire SPEC`.
        WirePolicy policy;
        Problem problem;
        if (!WirePolicy::parse(wireSpec(), &policy, &problem)) {
            m_status->setText(tr("Cannot run: %1").arg(problemText(problem)));
            return false;
        }
        options.wire = policy;
        if (m_holdNext->isChecked()) {
            options.timeoutMs = 600000; // the class looks at a held packet
            options.wireRules << WireRule::holdNextSynFinOrData(); // before the first program starts
        }
    }
    saveSettings();
    m_clockOrigin.start();
    if (!m_session->start(commands, options, &error)) {
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
        connect(console, &ProgramConsole::stepRequested, this, [this, i] { m_session->step(i); });
    }
    m_clock->start();
    showWhere();
    m_run->setEnabled(false);
    m_stop->setEnabled(true);
    // The limit this run has: 30 s, or 10 min when a student steps or the class looks at a held packet.
    const int seconds = options.timeoutMs / 1000;
    m_status->setText(seconds < 120 ? tr("Running… (stops by itself after %1 s)").arg(seconds)
                                    : tr("Running… (stops by itself after %1 min)").arg(seconds / 60));
    return true;
}

void RunProgramsDialog::onFinished(const QStringList& problems, const QStringList& warnings)
{
    m_run->setEnabled(true);
    m_stop->setEnabled(false);
    m_clock->stop();
    showWhere();
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
