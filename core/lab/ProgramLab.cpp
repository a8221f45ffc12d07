#include "ProgramLab.h"

#include "CallGate.h"
#include "CaptureSetup.h"
#include "PythonHook.h"
#include "SegmentSynthesizer.h"

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
#include "Wire.h"
#include "WireDelays.h"
#include "WireEvents.h"

#include <QFile>

#include <csignal>
#include <sys/wait.h>
#include <thread>

namespace socklab {

namespace {
constexpr int kQuietMs = 150;   // after the last exit: late FINs and ACKs still belong to the run
constexpr int kSettleMs = 1500; // ... but not forever
constexpr qint64 kBlockedUs = 30000; // as scenario events: >= 30 ms asleep in the kernel is "blocked"

bool sleepingInKernel(pid_t pid, pid_t tid)
{
    QFile f(QStringLiteral("/proc/%1/task/%2/stat").arg(pid).arg(tid));
    if (!f.open(QIODevice::ReadOnly)) return false;
    const QByteArray s = f.readAll();
    const int close = s.lastIndexOf(')'); // the comm field may hold spaces
    return close > 0 && close + 2 < s.size() && (s.at(close + 2) == 'S' || s.at(close + 2) == 'D');
}
} // namespace

ProgramLab::ProgramLab(QList<QStringList> commands, ProgramLabOptions options)
    : m_commands(std::move(commands)), m_options(std::move(options))
{
    // Two programs of the same name: "nc" and "nc#2".
    for (int i = 0; i < m_commands.size(); ++i) {
        const QStringList& c = m_commands[i];
        if (i < m_options.actorNames.size()) {
            m_names << m_options.actorNames[i];
            continue;
        }
        const QString base = LabProcess::actorNameFor(c);
        QString name = base;
        for (int n = 2; m_names.contains(name); ++n)
            name = QStringLiteral("%1#%2").arg(base).arg(n);
        m_names << name;
    }
}

ProgramLab::~ProgramLab()
{
    // Children first (they were forked by the lab thread or the gate), then the observers.
    m_programs.clear();
    m_gate.reset(); // reaps the traced programs, ends the tracer thread
    m_wire.reset(); // ends the wire's thread; its rule and MTU go with the lab
    if (m_tap) m_tap->stop();
    if (m_pcap) m_pcap->close();
    if (m_labThread && m_diag) m_labThread->run([this] { m_diag.reset(); });
    m_labThread.reset();
}

QString ProgramLab::command(int program) const { return m_commands.value(program).join(' '); }
bool ProgramLab::started(int program) const { return program >= 0 && program < int(m_programs.size()); }
pid_t ProgramLab::pid(int program) const { return started(program) ? m_programs[size_t(program)]->pid() : -1; }

bool ProgramLab::start(Problem* error)
{
    auto fail = [&](const Problem& why) {
        if (error) *error = why;
        return false;
    };
    if (m_commands.isEmpty()) return fail(Problem(QStringLiteral("lab-no-command")));
    for (const QStringList& c : std::as_const(m_commands)) {
        if (c.isEmpty()) return fail(Problem(QStringLiteral("lab-empty-command")));
        if (LabProcess::resolve(c.first()).isEmpty())
            return fail(Problem(QStringLiteral("command-not-found"), {{"command", c.first()}}));
    }
    m_lab = std::make_unique<Lab>(m_options.capture);
    if (!m_lab->ok()) return fail(m_lab->error());
    // Unknown programs never run on the host's network; a scenario's own
    // programs may, on free ports its runner chose (hostPorts), as the lessons
    // always could in host and states-only mode.
    if (!m_lab->isolated() && (m_options.hostPorts.isEmpty() || m_options.wire))
        return fail(Problem(QStringLiteral("lab-no-namespace")).causedBy(m_lab->fallbackReason()));
    m_labThread = std::make_unique<LabThread>();
    QString why;
    if (!m_labThread->start(*m_lab, &why)) return fail(Problem(QStringLiteral("lab-enter-failed"), {{"detail", why}}));
    Problem err;
    m_recorder = std::make_unique<Recorder>(Recorder::epochNowUs());
    m_deriver = std::make_unique<StateDeriver>(
        [this](uint16_t l, uint16_t r) {
            ownerActor(l, r); // registers a guessed owner if needed
            return m_recorder->ownerOf(l, r);
        });
    m_annotator = std::make_unique<PacketAnnotator>([this](uint16_t l, uint16_t r) { return ownerActor(l, r); });
    m_watcher = std::make_unique<SocketWatcher>(*m_recorder);
    if (m_lab->mode() == CaptureMode::StatesOnly) m_synth = std::make_unique<SegmentSynthesizer>(*m_recorder);

    {
        // The lab holds nothing but these programs' traffic: capture all of it
        // (on the host: only the scenario's ports).
        CaptureSetup capture;
        const QList<uint16_t> ports = m_lab->isolated() ? QList<uint16_t>{} : m_options.hostPorts;
        if (!startCapture(*m_lab, PacketTap::filterForPorts(ports, ports), m_options.pcapPath, capture, &err))
            return fail(err);
        m_tap = std::move(capture.tap);
        m_pcap = std::move(capture.pcap);
    }
    m_labThread->run([this] { m_diag = std::make_unique<SockDiag>(); });
    if (m_options.wire) {
        // Before the first program: every packet of the session crosses the wire.
        m_wire = std::make_unique<Wire>(*m_options.wire);
        if (!m_wire->start(*m_lab, &why)) {
            m_wire.reset();
            return fail(Problem(QStringLiteral("wire-failed"), {{"detail", why}}));
        }
        for (const WireRule& rule : std::as_const(m_options.wireRules)) m_wireRuleIds << m_wire->addRule(rule);
    }
    if (m_options.gate) {
        m_hook = std::make_unique<PythonHook>();
        QString why;
        if (!m_hook->prepare(&why)) return fail(Problem(QStringLiteral("python-hook-failed"), {{"detail", why}}));
        m_gate = std::make_unique<CallGate>();
        if (!m_gate->start(*m_lab, &why)) return fail(Problem(QStringLiteral("gate-failed"), {{"detail", why}}));
        m_gate->setHolding(m_options.holdAtStart);
        if (!m_options.breakpoints.isEmpty()) m_gate->setBreakpoints(m_options.breakpoints);
    }

    if (m_options.scripted) {
        // A scenario's {addr2} is the lab's second address (192.0.2.1 on its lo),
        // known only now; 127.0.0.2 (loopback too) if the lab could not add it.
        const QString token = QStringLiteral("{addr2}");
        const QString addr2 = m_lab->secondAddress().isEmpty() ? QStringLiteral("127.0.0.2") : m_lab->secondAddress();
        for (QStringList& c : m_commands)
            for (QString& a : c)
                a.replace(token, addr2);
        for (QList<QByteArray>& env : m_options.extraEnv)
            for (QByteArray& v : env)
                v.replace(token.toUtf8(), addr2.toUtf8());
        for (std::optional<QByteArray>& in : m_options.stdinData)
            if (in) in->replace(token.toUtf8(), addr2.toUtf8());
    }
    m_timeline.scenarioId = m_options.scenarioId.isEmpty() ? QStringLiteral("lab") : m_options.scenarioId;
    m_timeline.captureMode = captureModeName(m_lab->mode());
    QStringList commands;
    for (int i = 0; i < m_commands.size(); ++i) {
        commands << command(i);
        m_timeline.actors.append({m_names[i], m_options.roles.value(i, QStringLiteral("program")),
                                  m_options.codeFiles.value(i), command(i)});
    }
    m_timeline.parameters.insert("commands", commands);
    m_timeline.parameters.insert("timeout_s", m_options.timeoutMs / 1000.0);
    m_timeline.parameters.insert("gate", m_options.gate);
    if (m_wire) {
        QVariantMap w = m_wire->policy().toMap();
        w.insert("seed", QString::number(m_wire->seed())); // drawn when not given: --wire ...,seed=N repeats it
        m_timeline.parameters.insert("wire", w);
    }
    m_recorder->setOrigin(Recorder::epochNowUs());
    m_timeline.originEpochUs = m_recorder->origin();
    m_clock.start();
    addNote(QStringLiteral("capture-mode"), {{"mode", m_timeline.captureMode}, {"reason", m_lab->fallbackReason().toMap()}});
    if (!startProgram(0, &err)) {
        m_problems << err;
        finish();
    }
    return true;
}

bool ProgramLab::startProgram(int i, Problem* error)
{
    auto p = std::make_unique<LabProcess>(m_commands[i]);
    bool ok = false;
    if (m_gate) {
        p->setExtraEnvironment(m_hook->environment() + m_options.extraEnv.value(i));
        ok = m_gate->spawn(i, *p, error);
    } else {
        p->setExtraEnvironment(m_options.extraEnv.value(i));
        m_labThread->run([&] { ok = p->spawn(error); });
    }
    if (ok && i < m_options.stdinData.size() && m_options.stdinData[i]) {
        if (!m_options.stdinData[i]->isEmpty()) p->writeStdin(*m_options.stdinData[i]);
        p->closeStdin();
    }
    m_lastStartMs = m_clock.elapsed();
    if (ok) {
        m_watcher->addProgram(p->pid(), m_names[i]);
        addNote(QStringLiteral("program-start"), {{"command", command(i)}, {"pid", p->pid()}}, m_names[i]);
    } else {
        addNote(QStringLiteral("program-failed"), {{"command", command(i)}, {"problem", error->toMap()}}, m_names[i]);
        *error = Problem(QStringLiteral("program-failed"), {{"actor", m_names[i]}}).causedBy(*error);
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
    // Stepping: a program waiting at the gate (or asleep in accept()) has
    // done what it can alone; the next one starts.
    const ProgramStatus::Where w = status(next - 1).where;
    const bool waiting = w == ProgramStatus::Where::HeldAtGate || w == ProgramStatus::Where::InKernel;
    if (!m_watcher->isServing(m_names[next - 1]) && !waiting && prev.running()
        && nowMs - m_lastStartMs < m_options.startGapMs)
        return;
    Problem err;
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
        addNote(QStringLiteral("program-exit"), p.exitValues(), m_names[i]);
        if (!p.succeeded() && !m_stopping) {
            QVariantMap args = p.exitValues();
            args.insert("actor", m_names[i]);
            args.insert("pid", qint64(p.pid()));
            m_problems << Problem(QStringLiteral("program-exit"), args);
        }
    }
}

void ProgramLab::stop() { stopRunning(QStringLiteral("asked")); }

void ProgramLab::stopRunning(const QString& reason)
{
    if (m_finished || m_stopping) return;
    m_stopping = true;
    m_termSentMs = m_clock.elapsed();
    if (m_gate) {
        const qint64 t = m_recorder->nowUs();
        m_gate->releaseAll(); // a held program must be able to see its SIGTERM
        flushHeldCalls(-1, t);
    }
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
            m_problems << Problem(QStringLiteral("lab-timeout"),
                                  {{"seconds", m_options.timeoutMs / 1000.0}, {"running", running}});
        m_timedOut = true;
        stopRunning(QStringLiteral("timeout"));
    }
    if (m_termSentMs >= 0 && nowMs - m_termSentMs >= m_options.graceMs) {
        for (int i = 0; i < int(m_programs.size()); ++i)
            if (m_programs[size_t(i)]->running()) {
                m_programs[size_t(i)]->signalGroup(SIGKILL);
                addNote(QStringLiteral("killed"), {{"signal", QStringLiteral("SIGKILL")}}, m_names[i]);
                m_problems << Problem(QStringLiteral("ignored-sigterm"), {{"actor", m_names[i]}});
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
    // The wire's actions first: a packet's hold or drop comes before its capture.
    // A policy's delay is told by its packet's capture (WireDelays), not beside it.
    if (m_wire) {
        QList<WireRecord> records = m_wire->take();
        if (m_tap) {
            if (!m_wireDelays) m_wireDelays = std::make_unique<WireDelays>();
            m_wireDelays->keep(records);
        }
        batch.append(WireEvents::toEvents(records, *m_annotator, m_recorder->origin()));
    }
    const int ipAt = m_tap ? WireDelays::ipOffset(m_tap->linkType()) : -1;
    for (const CapturedFrame& f : frames) {
        if (m_pcap) m_pcap->write(f.epochUs, QByteArrayView(f.bytes), f.wireLen);
        Event e = m_annotator->toEvent(f, m_tap->linkType(), m_recorder->origin());
        if (m_wireDelays && m_wireDelays->waiting() > 0 && ipAt >= 0 && e.packet() && f.bytes.size() > ipAt)
            e.wireDelayUs = uint32_t(std::clamp<int64_t>(m_wireDelays->claim(QByteArrayView(f.bytes).sliced(ipAt)), 0, UINT32_MAX));
        if (const PacketData* p = e.packet()) {
            m_talked.insert(p->fromActor);
            m_talked.insert(p->toActor);
        }
        batch.append(std::move(e));
    }
    // A delayed packet no capture claimed in time (capture lost it) is a wire event as before.
    if (m_wireDelays)
        batch.append(WireEvents::toEvents(m_wireDelays->unclaimed(m_recorder->origin() + m_recorder->nowUs()),
                                          *m_annotator, m_recorder->origin()));
    if (m_tap) batch.append(takeCaptureProblems(*m_tap, m_recorder->origin()));
    batch.append(m_recorder->take());
    if (m_sealed) // after the lesson: only what the programs did at their end, told as notes
        batch.removeIf([](const Event& e) { return e.kind != EventKind::Note; });
    if (batch.isEmpty()) return;
    m_lastActivityMs = m_clock.elapsed();
    std::stable_sort(batch.begin(), batch.end(), [](const Event& a, const Event& b) { return a.tUs < b.tUs; });
    QList<Event> extra;
    if (m_synth) {
        // No capture: the segments a call implies need its socket's ports (from sock_diag).
        for (Event& e : batch)
            if (auto* r = std::get_if<ReturnData>(&e.data); r && !r->blocked && !r->socket.isEmpty()
                && (!r->values.contains("local_port") || !r->values.contains("remote_port"))) {
                // The gate gives connect() its local_port; the peer's port still comes from here.
                const auto [l, rp] = m_recorder->portsOf(e.actor, r->socket);
                if (l && !r->values.contains("local_port")) r->values.insert("local_port", l);
                if (rp && !r->values.contains("remote_port")) r->values.insert("remote_port", rp);
            }
        extra.append(m_synth->synthesize(batch));
    }
    // A packet the wire dropped never reached its receiver: nothing to derive from it.
    auto derivable = [](const Event& e) { return !e.packet() || e.packet()->wire.isEmpty(); };
    for (const Event& e : batch)
        if (derivable(e)) extra.append(m_deriver->feed(e));
    for (const Event& e : batch)
        if (derivable(e)) extra.append(m_deriver->check(e));
    batch.append(extra);
    m_timeline.appendBatch(std::move(batch));
}

bool ProgramLab::poll()
{
    if (m_finished) return false;
    const qint64 now = m_clock.elapsed();
    takeGateEvents();
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
    if (!m_options.scripted && int(m_programs.size()) == m_commands.size() && m_commands.size() > 1
        && m_programs.back()->exited()) {
        if (m_lastExitedMs < 0) m_lastExitedMs = now;
        if (now - m_lastExitedMs >= m_options.lingerMs) stopRunning(QStringLiteral("last-exited"));
    }
    bool allDone = int(m_programs.size()) == m_commands.size() || m_stopping;
    for (const auto& p : m_programs)
        allDone = allDone && !p->running();
    if (allDone && !m_options.scripted) {
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

void ProgramLab::finishNow() { finish(); }

void ProgramLab::nameSocket(int program, int fd, const QString& name)
{
    if (m_watcher && program >= 0 && program < m_names.size() && fd >= 0 && !name.isEmpty())
        m_watcher->nameSocket(m_names[program], fd, name);
}

void ProgramLab::seal()
{
    if (m_sealed || m_finished) return;
    takeGateEvents();
    lastLook();
    m_sealed = true;
}

void ProgramLab::lastLook()
{
    const QList<CapturedFrame> frames = m_tap ? m_tap->take() : QList<CapturedFrame>{};
    if (m_diag) m_watcher->poll(*m_diag); // TIME_WAIT and its timer
    merge(frames);
    if (m_tap) {
        m_tap->stop();
        merge(m_tap->take());
    }
    if (m_wireDelays) { // nothing more will be captured: what no capture claimed is told as the wire did it
        QList<Event> rest = WireEvents::toEvents(m_wireDelays->unclaimed(-1), *m_annotator, m_recorder->origin());
        if (!rest.isEmpty()) m_timeline.appendBatch(std::move(rest));
    }
    recordCapture(m_tap.get(), m_timeline);
    if (m_pcap) m_pcap->close();
}

qint64 ProgramLab::nowUs() const { return m_recorder ? m_recorder->nowUs() : 0; }

bool ProgramLab::anyRunning() const
{
    if (int(m_programs.size()) < m_commands.size() && !m_stopping) return true;
    for (const auto& p : m_programs)
        if (p->running()) return true;
    return false;
}

void ProgramLab::finish()
{
    if (m_finished) return;
    m_finished = true;
    for (auto& p : m_programs)
        p->signalGroup(SIGKILL); // whatever they left behind in their groups
    takeGateEvents();
    if (!m_sealed) lastLook();
    if (m_wire) {
        const WireStats st = m_wire->stats();
        addNote(QStringLiteral("wire-stats"),
                {{"received", qint64(st.received)}, {"passed", qint64(st.passed)}, {"dropped", qint64(st.dropped)},
                 {"held", qint64(st.held)}, {"delayed", qint64(st.delayed)}, {"duplicated", qint64(st.duplicated)},
                 {"reordered", qint64(st.reordered)}, {"relay_lost", qint64(st.relayLost)},
                 {"largest_packet", qint64(st.largestPacket)}});
    }
    // A socket() the gate saw counts too: one never bound or connected shows in no kernel table.
    QSet<QString> madeSocket;
    for (const Event& e : m_timeline.events())
        if (const ReturnData* r = e.ret(); r && !r->blocked && r->result >= 0 && r->call == QLatin1String("socket"))
            madeSocket.insert(e.actor);
    for (int i = 0; i < int(m_programs.size()); ++i) {
        if (!m_watcher->hadSocket(m_names[i]) && !m_talked.contains(m_names[i]) && !madeSocket.contains(m_names[i])
            && m_programs[size_t(i)]->pid() > 0) {
            m_warnings << Problem(QStringLiteral("no-socket"), {{"actor", m_names[i]}});
            addNote(QStringLiteral("no-socket"), {}, m_names[i]);
        }
    }
    for (const Event& e : m_timeline.events())
        if (const NoteData* n = e.note(); n && n->code == QLatin1String("non-loopback-listen"))
            m_warnings << Problem(QStringLiteral("non-loopback-listen"),
                                  {{"actor", e.actor.toString()}, {"address", n->args.value("address")}, {"port", n->args.value("port")}});
    merge({});
}

} // namespace socklab

namespace socklab {

void ProgramLab::addBlocked(const QString& actor, const QString& call, pid_t tid, qint64 tUs)
{
    Event e;
    e.tUs = tUs;
    e.kind = EventKind::Return;
    e.actor = actor;
    ReturnData r;
    r.call = call;
    r.blocked = true;
    r.values.insert("pid", tid);
    e.data = r;
    if (m_options.decorate) m_options.decorate(m_names.indexOf(actor), e);
    m_recorder->add(std::move(e));
}

void ProgramLab::takeGateEvents()
{
    if (!m_gate) return;
    const qint64 origin = m_recorder->origin();
    for (const GateEvent& g : m_gate->take()) {
        const QString actor = m_names.value(g.program);
        if (g.kind == GateEventKind::Exit) {
            for (auto& p : m_programs)
                if (p->pid() == g.pid) p->noteExited(g.waitStatus);
            if (g.args.value("held").toBool())
                addNote(QStringLiteral("killed-at-gate"), {{"pid", g.pid}}, actor);
            continue;
        }
        Event e;
        e.tUs = g.epochUs - origin;
        e.actor = actor;
        if (g.kind == GateEventKind::Call) {
            e.kind = EventKind::Call;
            CallData c;
            c.call = g.call;
            c.args = g.args;
            if (g.fd >= 0) c.args.insert("fd", g.fd);
            c.args.insert("syscall", g.syscall);
            c.args.insert("pid", g.tid);
            c.codeFile = g.codeFile;
            c.codeLine = g.codeLine > 0 ? g.codeLine : -1;
            // The code pane shows the program's own source: the file its first call came from.
            if (!g.codeFile.isEmpty() && g.program >= 0 && g.program < m_timeline.actors.size()
                && m_timeline.actors[g.program].codeFile.isEmpty()) {
                m_timeline.actors[g.program].codeFile = g.codeFile;
                // --json tells what ran: the program's full text, read when it made its first call.
                QFile src(g.codeFile);
                if (src.open(QIODevice::ReadOnly) && src.size() <= (4 << 20))
                    m_timeline.programs.append({actor, g.codeFile, QString::fromUtf8(src.readAll())});
            }
            e.data = c;
        } else {
            // A call that slept in the kernel says so first, as scenario calls do.
            if (g.slept && !m_blockedOpen.value(g.tid)) addBlocked(actor, g.call, g.tid, e.tUs - g.kernelUs + kBlockedUs);
            m_blockedOpen.remove(g.tid);
            e.kind = EventKind::Return;
            ReturnData r;
            r.call = g.call;
            r.result = g.result;
            r.errnoName = g.errnoName;
            if (g.fd >= 0) r.values.insert("fd", g.fd);
            if (g.bytes >= 0) r.values.insert("bytes", g.bytes);
            if (g.bytes >= 0 && !g.data.isEmpty()) r.values.insert("data", g.data);
            if (!g.exception.isEmpty()) r.values.insert("exception", g.exception);
            for (const char* k : {"peer", "local_port", "datagram_len", "truncated"})
                if (g.args.contains(k)) r.values.insert(k, g.args.value(k));
            r.values.insert("kernel_us", g.kernelUs);
            if (g.slept) r.values.insert("slept", true);
            r.values.insert("syscall", g.syscall);
            r.values.insert("pid", g.tid);
            e.data = r;
        }
        if (e.kind == EventKind::Call && m_options.scripted && m_gate->holding()) {
            m_heldCalls.insert(g.tid, {g.program, std::move(e)}); // recorded when released
            continue;
        }
        if (e.kind == EventKind::Return && m_heldCalls.contains(g.tid)) { // released without step()
            Event call = std::move(m_heldCalls[g.tid].second);
            m_heldCalls.remove(g.tid);
            if (m_options.decorate) m_options.decorate(g.program, call);
            m_recorder->add(std::move(call));
        }
        if (m_options.decorate) m_options.decorate(g.program, e);
        m_recorder->add(std::move(e));
    }
    // Calls asleep in the kernel for 30 ms or more are "blocked" now, not at their return.
    m_gateStatus = m_gate->status();
    const qint64 now = Recorder::epochNowUs();
    for (const GateThreadStatus& s : std::as_const(m_gateStatus)) {
        if (s.where != GateThreadStatus::Where::InKernel || m_blockedOpen.value(s.tid)) continue;
        if (now - s.sinceEpochUs < kBlockedUs || !sleepingInKernel(s.pid, s.tid)) continue;
        m_blockedOpen.insert(s.tid, true);
        addBlocked(m_names.value(s.program), s.call, s.tid, s.sinceEpochUs - origin + kBlockedUs);
    }
}

void ProgramLab::setHolding(bool hold)
{
    if (m_gate) m_gate->setHolding(hold);
}

bool ProgramLab::holding() const { return m_gate && m_gate->holding(); }

bool ProgramLab::step(int program)
{
    if (!m_gate) return false;
    takeGateEvents(); // the call about to be released is known
    const qint64 t = m_recorder->nowUs();
    const bool ok = m_gate->step(program);
    if (ok) flushHeldCalls(program, t);
    return ok;
}

void ProgramLab::run()
{
    if (!m_gate) return;
    takeGateEvents();
    const qint64 t = m_recorder->nowUs();
    m_gate->run();
    flushHeldCalls(-1, t);
}

void ProgramLab::flushHeldCalls(int program, qint64 releasedUs)
{
    for (auto it = m_heldCalls.begin(); it != m_heldCalls.end();) {
        if (program >= 0 && it->first != program) {
            ++it;
            continue;
        }
        Event e = std::move(it->second);
        e.tUs = qMax(e.tUs, releasedUs);
        if (m_options.decorate) m_options.decorate(it->first, e);
        m_recorder->add(std::move(e));
        it = m_heldCalls.erase(it);
    }
}

void ProgramLab::setBreakpoints(const QList<GateBreakpoint>& breakpoints)
{
    if (m_gate) m_gate->setBreakpoints(breakpoints);
}

ProgramStatus ProgramLab::status(int program) const
{
    ProgramStatus st;
    if (!started(program)) return st;
    const LabProcess& p = *m_programs[size_t(program)];
    st.where = p.running() ? ProgramStatus::Where::Running : ProgramStatus::Where::Exited;
    if (!p.running() || !m_gate) return st;
    // Held anywhere wins over asleep anywhere: a held thread is what Step moves.
    const QList<GateThreadStatus> all = m_gate->status();
    for (const GateThreadStatus& s : all) {
        if (s.program != program || s.where == GateThreadStatus::Where::Running) continue;
        const bool held = s.where == GateThreadStatus::Where::HeldAtGate;
        if (st.where == ProgramStatus::Where::HeldAtGate && !held) continue;
        st.where = held ? ProgramStatus::Where::HeldAtGate : ProgramStatus::Where::InKernel;
        st.call = s.call;
        st.codeFile = s.codeFile;
        st.codeLine = s.codeLine;
        st.sinceUs = s.sinceEpochUs - m_recorder->origin();
        st.callId = s.callId;
    }
    return st;
}

bool ProgramLab::waitingForStep() const
{
    bool anyHeld = false;
    for (int i = 0; i < int(m_programs.size()); ++i) {
        const ProgramStatus::Where w = status(i).where;
        if (w == ProgramStatus::Where::Running) return false;
        anyHeld = anyHeld || w == ProgramStatus::Where::HeldAtGate;
    }
    return anyHeld;
}

} // namespace socklab
