#include "ProgramLab.h"

#include "CaptureSetup.h"

#include "Lab.h"
#include "LabThread.h"
#include "PacketAnnotator.h"
#include "PacketDecoder.h"
#include "PacketTap.h"
#include "PcapFile.h"
#include "Recorder.h"
#include "SockDiag.h"
#include "SocketWatcher.h"
#include "StateDeriver.h"

#include <csignal>
#include <thread>

namespace socklab {

namespace {
constexpr int kQuietMs = 150;   // after the last exit: late FINs and ACKs still belong to the run
constexpr int kSettleMs = 1500; // ... but not forever
} // namespace

ProgramLab::ProgramLab(QList<QStringList> commands, ProgramLabOptions options)
    : m_commands(std::move(commands)), m_options(std::move(options))
{
    // Two programs of the same name: "nc" and "nc#2".
    for (const QStringList& c : std::as_const(m_commands)) {
        const QString base = LabProcess::actorNameFor(c);
        QString name = base;
        for (int n = 2; m_names.contains(name); ++n)
            name = QStringLiteral("%1#%2").arg(base).arg(n);
        m_names << name;
    }
}

ProgramLab::~ProgramLab()
{
    // Children first (they were forked by the lab thread), then the observers.
    m_programs.clear();
    if (m_tap) m_tap->stop();
    if (m_pcap) m_pcap->close();
    if (m_labThread && m_diag) m_labThread->run([this] { m_diag.reset(); });
    m_labThread.reset();
}

QString ProgramLab::command(int program) const { return m_commands.value(program).join(' '); }
bool ProgramLab::started(int program) const { return program >= 0 && program < int(m_programs.size()); }
pid_t ProgramLab::pid(int program) const { return started(program) ? m_programs[size_t(program)]->pid() : -1; }

bool ProgramLab::start(QString* error)
{
    auto fail = [&](const QString& why) {
        if (error) *error = why;
        return false;
    };
    if (m_commands.isEmpty()) return fail(QStringLiteral("no command to run"));
    for (const QStringList& c : std::as_const(m_commands)) {
        if (c.isEmpty()) return fail(QStringLiteral("an empty command (nothing between two ---)"));
        if (LabProcess::resolve(c.first()).isEmpty())
            return fail(QStringLiteral("command not found: %1").arg(c.first()));
    }
    m_lab = std::make_unique<Lab>(m_options.capture);
    if (!m_lab->ok()) return fail(m_lab->error());
    if (!m_lab->isolated())
        return fail(QStringLiteral("no private network namespace for the programs (%1): socklab will not run "
                                   "unknown programs on the host's network")
                        .arg(m_lab->fallbackReason()));
    m_labThread = std::make_unique<LabThread>();
    QString err;
    if (!m_labThread->start(*m_lab, &err)) return fail(err);
    m_recorder = std::make_unique<Recorder>(Recorder::epochNowUs());
    m_deriver = std::make_unique<StateDeriver>(
        [this](uint16_t l, uint16_t r) {
            ownerActor(l, r); // registers a guessed owner if needed
            return m_recorder->ownerOf(l, r);
        });
    m_annotator = std::make_unique<PacketAnnotator>([this](uint16_t l, uint16_t r) { return ownerActor(l, r); });
    m_watcher = std::make_unique<SocketWatcher>(*m_recorder);

    {
        // The lab holds nothing but these programs' traffic: capture all of it.
        CaptureSetup capture;
        if (!startCapture(*m_lab, PacketTap::filterForPorts({}, {}), m_options.pcapPath, capture, &err))
            return fail(err);
        m_tap = std::move(capture.tap);
        m_pcap = std::move(capture.pcap);
    }
    m_labThread->run([this] { m_diag = std::make_unique<SockDiag>(); });

    m_timeline.scenarioId = QStringLiteral("lab");
    m_timeline.captureMode = captureModeName(m_lab->mode());
    QStringList commands;
    for (int i = 0; i < m_commands.size(); ++i) {
        commands << command(i);
        m_timeline.actors.append({m_names[i], QStringLiteral("program"), {}, command(i)});
    }
    m_timeline.parameters.insert("commands", commands);
    m_timeline.parameters.insert("timeout_s", m_options.timeoutMs / 1000.0);
    m_recorder->setOrigin(Recorder::epochNowUs());
    m_timeline.originEpochUs = m_recorder->origin();
    m_clock.start();
    addNote(QStringLiteral("capture-mode"), {{"mode", m_timeline.captureMode}, {"reason", m_lab->fallbackReason()}});
    if (!startProgram(0, &err)) {
        m_problems << err;
        finish();
    }
    return true;
}

bool ProgramLab::startProgram(int i, QString* error)
{
    auto p = std::make_unique<LabProcess>(m_commands[i]);
    bool ok = false;
    m_labThread->run([&] { ok = p->spawn(error); });
    m_lastStartMs = m_clock.elapsed();
    if (ok) {
        m_watcher->addProgram(p->pid(), m_names[i]);
        addNote(QStringLiteral("program-start"), {{"command", command(i)}, {"pid", p->pid()}}, m_names[i]);
    } else {
        addNote(QStringLiteral("program-failed"), {{"command", command(i)}, {"error", *error}}, m_names[i]);
        *error = QStringLiteral("%1: %2").arg(m_names[i], *error);
    }
    m_programs.push_back(std::move(p));
    return ok;
}

void ProgramLab::startDue(qint64 nowMs)
{
    const int next = int(m_programs.size());
    if (next >= m_commands.size() || m_stopping) return;
    const LabProcess& prev = *m_programs.back();
    // A client needs its server listening first; a program that serves
    // nothing (yet) gets a head start of startGapMs.
    if (!m_watcher->isServing(m_names[next - 1]) && prev.running() && nowMs - m_lastStartMs < m_options.startGapMs)
        return;
    QString err;
    if (!startProgram(next, &err)) m_problems << err;
}

void ProgramLab::addNote(const QString& code, QVariantMap args, const QString& actor)
{
    Event e;
    e.tUs = m_recorder->nowUs();
    e.kind = EventKind::Note;
    e.actor = actor;
    e.data = NoteData{code, std::move(args)};
    m_recorder->add(std::move(e));
}

void ProgramLab::collectOutput(int i, bool flush)
{
    LabProcess& p = *m_programs[size_t(i)];
    const QByteArray chunks[2] = {p.readStdout(), p.readStderr()};
    for (int s = 0; s < 2; ++s) {
        const QString stream = s == 0 ? QStringLiteral("stdout") : QStringLiteral("stderr");
        if (!chunks[s].isEmpty()) m_console.append({i, stream, chunks[s]});
        QByteArray& buf = m_partial[i * 2 + s];
        buf += chunks[s];
        // One note per line; an unfinished line (an input() prompt) when the program ends.
        qsizetype nl;
        while ((nl = buf.indexOf('\n')) >= 0) {
            addNote(QStringLiteral("program-output"), {{"stream", stream}, {"text", QString::fromUtf8(buf.left(nl))}},
                    m_names[i]);
            buf.remove(0, nl + 1);
        }
        if (flush && !buf.isEmpty()) {
            addNote(QStringLiteral("program-output"), {{"stream", stream}, {"text", QString::fromUtf8(buf)}},
                    m_names[i]);
            buf.clear();
        }
    }
}

bool ProgramLab::writeStdin(int program, const QByteArray& bytes)
{
    if (!started(program) || !m_programs[size_t(program)]->writeStdin(bytes)) return false;
    addNote(QStringLiteral("program-input"), {{"text", QString::fromUtf8(bytes)}}, m_names[program]);
    return true;
}

void ProgramLab::closeStdin(int program)
{
    if (started(program)) m_programs[size_t(program)]->closeStdin();
}

void ProgramLab::reapAll()
{
    for (int i = 0; i < int(m_programs.size()); ++i) {
        LabProcess& p = *m_programs[size_t(i)];
        if (!p.reap()) continue;
        collectOutput(i, true);
        addNote(QStringLiteral("program-exit"),
                {{"status", p.exitStatus()}, {"signal", p.termSignal()}, {"text", p.exitDescription()}}, m_names[i]);
        if (!p.succeeded() && !m_stopping)
            m_problems << QStringLiteral("%1 (pid %2) %3").arg(m_names[i]).arg(p.pid()).arg(p.exitDescription());
    }
}

void ProgramLab::stop() { stopRunning(QStringLiteral("asked")); }

void ProgramLab::stopRunning(const QString& reason)
{
    if (m_finished || m_stopping) return;
    m_stopping = true;
    m_termSentMs = m_clock.elapsed();
    QStringList running;
    for (int i = 0; i < int(m_programs.size()); ++i)
        if (m_programs[size_t(i)]->running()) {
            running << m_names[i];
            m_programs[size_t(i)]->signalGroup(SIGTERM);
        }
    addNote(QStringLiteral("stopping"), {{"running", running}, {"signal", QStringLiteral("SIGTERM")}, {"reason", reason}});
}

void ProgramLab::handleTimeout(qint64 nowMs)
{
    if (!m_timedOut && !m_stopping && nowMs >= m_options.timeoutMs) {
        QStringList running;
        for (int i = 0; i < int(m_programs.size()); ++i)
            if (m_programs[size_t(i)]->running()) running << m_names[i];
        if (!running.isEmpty())
            m_problems << QStringLiteral("timeout: after %1 s still running: %2 (stopped with SIGTERM)")
                              .arg(m_options.timeoutMs / 1000.0).arg(running.join(QStringLiteral(", ")));
        m_timedOut = true;
        stopRunning(QStringLiteral("timeout"));
    }
    if (m_termSentMs >= 0 && nowMs - m_termSentMs >= m_options.graceMs) {
        for (int i = 0; i < int(m_programs.size()); ++i)
            if (m_programs[size_t(i)]->running()) {
                m_programs[size_t(i)]->signalGroup(SIGKILL);
                addNote(QStringLiteral("killed"), {{"signal", QStringLiteral("SIGKILL")}}, m_names[i]);
                m_problems << QStringLiteral("%1 ignored SIGTERM: killed with SIGKILL").arg(m_names[i]);
            }
        m_termSentMs = -1;
    }
}

QString ProgramLab::ownerActor(uint16_t local, uint16_t remote)
{
    if (const auto o = m_recorder->ownerOf(local, remote)) return o->actor;
    // A socket opened and closed between two polls never showed its inode.
    // Its peer is known: with only one other program, it is that one's.
    const auto peer = m_recorder->ownerOf(remote, local);
    QStringList others;
    for (int i = 0; i < int(m_programs.size()); ++i)
        if (m_programs.size() == 1 || !peer || peer->actor != m_names[i]) others << m_names[i];
    if (others.size() != 1 || local == 0) return {};
    m_recorder->registerSocket(others.first(), QStringLiteral("port %1").arg(local), local, remote, false);
    return others.first();
}

void ProgramLab::merge(const QList<CapturedFrame>& frames)
{
    QList<Event> batch;
    for (const CapturedFrame& f : frames) {
        if (m_pcap) m_pcap->write(f.epochUs, QByteArrayView(f.bytes), f.wireLen);
        Event e = m_annotator->toEvent(f, m_tap->linkType(), m_recorder->origin());
        if (const PacketData* p = e.packet()) {
            m_talked.insert(p->fromActor);
            m_talked.insert(p->toActor);
        }
        batch.append(std::move(e));
    }
    batch.append(m_recorder->take());
    if (batch.isEmpty()) return;
    m_lastActivityMs = m_clock.elapsed();
    std::stable_sort(batch.begin(), batch.end(), [](const Event& a, const Event& b) { return a.tUs < b.tUs; });
    QList<Event> extra;
    for (const Event& e : batch)
        extra.append(m_deriver->feed(e));
    for (const Event& e : batch)
        extra.append(m_deriver->check(e));
    batch.append(extra);
    m_timeline.appendBatch(std::move(batch));
}

bool ProgramLab::poll()
{
    if (m_finished) return false;
    const qint64 now = m_clock.elapsed();
    startDue(now);
    for (int i = 0; i < int(m_programs.size()); ++i)
        collectOutput(i, false);
    reapAll();
    handleTimeout(now);
    // Frames first, then sock_diag: a socket that sent a frame is known by now.
    const QList<CapturedFrame> frames = m_tap ? m_tap->take() : QList<CapturedFrame>{};
    m_watcher->poll(*m_diag);
    merge(frames);
    for (int i = 0; i < int(m_timeline.actors.size()); ++i)
        m_timeline.actors[i].role = m_watcher->roleOf(m_names[i]);
    // The last program (the client) has ended: servers that would serve
    // forever (http.server, nc -lk) are stopped, as a user would with Ctrl+C.
    if (int(m_programs.size()) == m_commands.size() && m_commands.size() > 1 && m_programs.back()->exited()) {
        if (m_lastExitedMs < 0) m_lastExitedMs = now;
        if (now - m_lastExitedMs >= m_options.lingerMs) stopRunning(QStringLiteral("last-exited"));
    }
    bool allDone = int(m_programs.size()) == m_commands.size() || m_stopping;
    for (const auto& p : m_programs)
        allDone = allDone && !p->running();
    if (allDone) {
        if (m_allExitedMs < 0) m_allExitedMs = now;
        if (now - m_lastActivityMs >= kQuietMs || now - m_allExitedMs >= kSettleMs) finish();
    }
    return !m_finished;
}

void ProgramLab::runToEnd()
{
    while (poll())
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

void ProgramLab::finish()
{
    if (m_finished) return;
    m_finished = true;
    for (auto& p : m_programs)
        p->signalGroup(SIGKILL); // whatever they left behind in their groups
    const QList<CapturedFrame> frames = m_tap ? m_tap->take() : QList<CapturedFrame>{};
    if (m_diag) m_watcher->poll(*m_diag); // a last look: TIME_WAIT and its timer
    merge(frames);
    if (m_tap) {
        m_tap->stop();
        merge(m_tap->take());
    }
    if (m_pcap) m_pcap->close();
    for (int i = 0; i < int(m_programs.size()); ++i) {
        if (!m_watcher->hadSocket(m_names[i]) && !m_talked.contains(m_names[i]) && m_programs[size_t(i)]->pid() > 0) {
            m_warnings << QStringLiteral("%1 never opened a TCP or UDP socket: nothing of it to show").arg(m_names[i]);
            addNote(QStringLiteral("no-socket"), {}, m_names[i]);
        }
    }
    for (const Event& e : m_timeline.events())
        if (const NoteData* n = e.note(); n && n->code == QLatin1String("non-loopback-listen"))
            m_warnings << QStringLiteral("%1 listens on %2:%3, not on a loopback address; inside the lab that "
                                         "changes nothing: only the lab's own programs can reach it")
                              .arg(e.actor, n->args.value("address").toString())
                              .arg(n->args.value("port").toInt());
    merge({});
}

} // namespace socklab
