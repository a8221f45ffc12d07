#include "Runner.h"

#include "Actor.h"
#include "CaptureSetup.h"
#include "FreePorts.h"
#include "PacketDecoder.h"
#include "PcapFile.h"
#include "ScenarioFolder.h"
#include "ScriptedRun.h"
#include "StepSummary.h"
#include "SockDiag.h"
#include "SysError.h"
#include "UniqueFd.h"

#include <QElapsedTimer>
#include <QFile>

#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace socklab {

namespace {

QString dirKey(uint16_t a, uint16_t b) { return QString::number(a) + ':' + QString::number(b); }

} // namespace

Runner::Runner(Scenario scenario, RunOptions options)
    : m_scenario(std::move(scenario)), m_options(std::move(options))
{
}

Runner::~Runner()
{
    m_script.reset();
    m_actors.clear(); // wakes blocked calls, closes descriptors, joins threads
    if (m_tap) m_tap->stop();
    if (m_pcap) m_pcap->close();
}

CaptureMode Runner::captureMode() const
{
    if (m_script) return m_script->captureMode();
    return m_lab ? m_lab->mode() : CaptureMode::StatesOnly;
}

TapStats Runner::tapStats() const
{
    if (m_script) return TapStats{m_script->timeline().captureStats.captured, m_script->timeline().captureStats.dropped, 0, 0};
    return m_tap ? m_tap->stats() : TapStats{};
}

bool Runner::hasNextStep() const { return m_script ? m_script->hasNextStep() : m_next < m_scenario.steps.size(); }
int Runner::nextStep() const { return m_script ? m_script->nextStep() : m_next; }
int Runner::stepCount() const { return m_script ? m_script->stepCount() : int(m_scenario.steps.size()); }
const Timeline& Runner::timeline() const { return m_script ? m_script->timeline() : m_timeline; }
uint16_t Runner::port() const { return m_script ? m_script->port() : m_port; }

Actor* Runner::actor(const QString& name) const
{
    for (const auto& a : m_actors)
        if (a->name() == name) return a.get();
    return nullptr;
}

bool Runner::start(Problem* error)
{
    if (m_scenario.folder) { // the scenario's own programs, run for real
        m_script = std::make_unique<ScriptedRun>(m_scenario, *m_scenario.folder, m_options.capture, m_options.pcapPath);
        if (m_script->start(error)) return true;
        m_script.reset();
        return false;
    }
    auto fail = [&](const Problem& why) {
        m_actors.clear();
        m_tap.reset();
        m_pcap.reset();
        m_diag.reset();
        if (error) *error = why;
        return false;
    };
    m_lab = std::make_unique<Lab>(m_options.capture);
    if (!m_lab->ok()) return fail(m_lab->error());
    if (!m_lab->isolated()) {
        QString why;
        if (!freePorts(m_port, m_port2, &why)) return fail(Problem(QStringLiteral("no-free-port"), {{"detail", why}}));
    } else if (const int want = m_scenario.parameters.value("port").toInt(); want > 0 && want <= 65535) {
        m_port = uint16_t(want); // the user's port (checked by ScenarioCatalog::build)
        if (m_port2 == m_port) m_port2 = uint16_t(want == 65535 ? want - 1 : want + 1);
    }
    m_addr2 = m_lab->secondAddress();
    const qint64 origin = Recorder::epochNowUs();
    m_recorder = std::make_unique<Recorder>(origin);
    m_deriver = std::make_unique<StateDeriver>(
        [rec = m_recorder.get()](uint16_t l, uint16_t r) { return rec->ownerOf(l, r); });
    if (m_lab->mode() == CaptureMode::StatesOnly) m_synth = std::make_unique<SegmentSynthesizer>(*m_recorder);

    m_timeline.scenarioId = m_scenario.id;
    m_timeline.captureMode = captureModeName(m_lab->mode());
    m_timeline.originEpochUs = origin;
    m_timeline.parameters = m_scenario.parameters;
    m_timeline.parameters.insert("port", m_port);
    for (const ActorSpec& a : m_scenario.actors)
        m_timeline.actors.append({a.name, a.role, a.codeFile, {}});

    const QList<uint16_t> ports{m_port, m_port2};
    CaptureSetup capture;
    Problem err;
    if (!startCapture(*m_lab, PacketTap::filterForPorts(ports, ports), m_options.pcapPath, capture, &err))
        return fail(err);
    m_tap = std::move(capture.tap);
    m_pcap = std::move(capture.pcap);
    // The netlink socket must be born inside the lab to see the lab's sockets.
    std::thread([this] {
        if (m_lab->enterThisThread()) m_diag = std::make_unique<SockDiag>();
    }).join();
    for (const ActorSpec& spec : m_scenario.actors) {
        auto a = std::make_unique<Actor>(spec.name, *m_lab, *m_recorder);
        QString why;
        if (!a->start(&why))
            return fail(Problem(QStringLiteral("actor-failed"), {{"actor", spec.name}, {"detail", why}}));
        m_actors.push_back(std::move(a));
    }
    // Time zero is when the lab is ready, not when we began building it.
    m_recorder->setOrigin(Recorder::epochNowUs());
    m_timeline.originEpochUs = m_recorder->origin();
    addNote(QStringLiteral("capture-mode"),
            {{"mode", m_timeline.captureMode}, {"reason", m_lab->fallbackReason().toMap()}});
    return true;
}

void Runner::addNote(const QString& code, QVariantMap args, const QString& actor)
{
    Event e;
    e.tUs = m_recorder->nowUs();
    e.kind = EventKind::Note;
    e.actor = actor;
    e.data = NoteData{code, std::move(args)};
    m_recorder->add(std::move(e));
}

Step Runner::resolve(const Step& s) const
{
    Step r = s;
    for (auto it = r.args.begin(); it != r.args.end(); ++it) {
        const QString v = it.value().typeId() == QMetaType::QString ? it.value().toString() : QString();
        if (v == QLatin1String("$port")) it.value() = m_port;
        else if (v == QLatin1String("$port2")) it.value() = m_port2;
        else if (v == QLatin1String("$addr2")) it.value() = m_addr2.isEmpty() ? QStringLiteral("127.0.0.2") : m_addr2;
    }
    return r;
}

bool Runner::runAll(Problem* error)
{
    if (m_script) return m_script->runAll(error);
    while (hasNextStep())
        if (!runStep(error)) return false;
    finish();
    if (m_pcap && !m_pcap->error().isEmpty()) {
        if (error) // the file was removed, not left half-written
            *error = Problem(QStringLiteral("pcap-write-failed"),
                             {{"path", m_options.pcapPath}, {"detail", m_pcap->systemError()}});
        return false;
    }
    // The pcap asked for could not be written (a full disk): the run did not
    // do what it was asked; the capture removed the unfinished file.
    if (!m_options.pcapPath.isEmpty() && !m_timeline.captureStats.error.isEmpty()) {
        QFile::remove(m_options.pcapPath); // never left half-written
        if (error)
            *error = Problem(QStringLiteral("pcap-write-failed"),
                             {{"path", m_options.pcapPath}, {"detail", m_timeline.captureStats.error}});
        return false;
    }
    return true;
}

bool Runner::runStep(Problem* error)
{
    if (m_script) return m_script->runStep(error);
    if (!hasNextStep() || m_finished) {
        if (error) *error = Problem(QStringLiteral("no-more-steps"));
        return false;
    }
    const int index = m_next++;
    const Step step = resolve(m_scenario.steps[index]);
    Actor* a = actor(step.actor);
    if (!a) {
        if (error) *error = Problem(QStringLiteral("step-no-actor"), {{"step", index + 1}, {"actor", step.actor}});
        return false;
    }
    StepRecord rec;
    rec.index = index;
    rec.actor = step.actor;
    rec.call = step.call;
    rec.socket = step.socket;
    rec.captionId = step.captionId;
    rec.codeLine = step.codeLine;
    rec.tStartUs = m_recorder->nowUs();
    addNote(QStringLiteral("step"),
            {{"index", index}, {"call", step.call}, {"caption", step.captionId}, {"code_line", step.codeLine}},
            step.actor);
    const int before = m_timeline.size();
    if (!a->post(step, index)) {
        if (error) *error = Problem(QStringLiteral("step-actor-busy"), {{"step", index + 1}, {"actor", step.actor}});
        return false;
    }
    settle(step, a, index);
    rec.tEndUs = m_recorder->nowUs();
    rec.values = summarizeStep(m_timeline, before, index);
    m_timeline.steps.append(rec);
    return true;
}

void Runner::settle(const Step& step, Actor* a, int stepIndex)
{
    QElapsedTimer clock;
    clock.start();
    qint64 lastActivity = 0, sleepingSince = -1, lastDiag = -1000, lastProbe = 0;
    bool blockedReported = false;
    for (;;) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        const qint64 now = clock.elapsed();
        const bool returned = a->idle();
        if (!returned) {
            // Asleep in the kernel long enough: the call blocks (accept(), recv()).
            if (a->sleepingInKernel()) {
                if (sleepingSince < 0) sleepingSince = now;
                if (!blockedReported && now - sleepingSince >= kBlockedMs) {
                    Event e;
                    e.tUs = m_recorder->nowUs() - (now - sleepingSince) * 1000;
                    e.kind = EventKind::Return;
                    e.actor = a->name();
                    ReturnData r;
                    r.call = step.call;
                    r.socket = step.socket;
                    r.blocked = true;
                    r.step = stepIndex;
                    e.data = r;
                    m_recorder->add(std::move(e));
                    blockedReported = true;
                    lastActivity = now;
                }
            } else {
                sleepingSince = -1;
            }
        }
        // While some actor is blocked, look at its sockets every few ms.
        if (now - lastProbe >= 5) {
            for (const auto& other : m_actors)
                if (other->inCall()) other->probeSockets();
            lastProbe = now;
        }
        if (now - lastDiag >= 20) {
            pollDiag();
            lastDiag = now;
        }
        const int before = m_timeline.size();
        merge();
        if (m_timeline.size() != before) lastActivity = now;
        const bool callDone = returned || blockedReported;
        if (callDone && now - lastActivity >= kQuietMs && now >= step.minWaitMs) break;
        if (now >= qMax(step.maxWaitMs, step.minWaitMs + kQuietMs)) {
            addNote(QStringLiteral("step-timeout"), {{"index", stepIndex}, {"ms", now}}, step.actor);
            merge();
            break;
        }
    }
}

void Runner::pollDiag()
{
    if (!m_diag || !m_diag->isOpen()) return;
    QSet<uint16_t> ports = m_recorder->localPorts();
    ports.insert(m_port);
    ports.insert(m_port2);
    const QList<DiagSocket> socks = m_diag->tcp(ports, false);
    QSet<QString> present;
    for (const DiagSocket& d : socks) {
        present.insert(dirKey(d.localPort, d.remotePort));
        const auto owner = m_recorder->ownerOf(d.localPort, d.remotePort);
        if (!owner) continue;
        if (d.state == QLatin1String("LISTEN") && owner->listening) {
            const QString k = dirKey(d.localPort, 0);
            if (m_lastAcceptQ.value(k, -1) != d.rqueue) {
                m_lastAcceptQ.insert(k, d.rqueue);
                Event e;
                e.tUs = m_recorder->nowUs();
                e.kind = EventKind::Queue;
                e.actor = owner->actor;
                QueueData q;
                q.socket = owner->socket;
                q.acceptQueue = d.rqueue;
                q.backlog = d.wqueue;
                q.localPort = d.localPort;
                e.data = q;
                m_recorder->add(std::move(e));
            }
            continue;
        }
        // Sockets with no descriptor of ours: closed ones (TIME_WAIT) and
        // connections the listener has not accept()ed yet.
        const bool unaccepted = owner->listening;
        if (!owner->open || unaccepted)
            m_recorder->observeState(owner->actor, unaccepted ? QString() : owner->socket, d.localPort,
                                     d.remotePort, d.state, QStringLiteral("sock_diag"));
        if (d.timer == QLatin1String("timewait")) {
            // An orphaned FIN_WAIT_2 runs the same kernel timer (tcp_fin_timeout).
            const QString timerName = canonicalTcpState(d.state) == QLatin1String("TIME_WAIT")
                                          ? d.timer : QStringLiteral("fin_wait_2");
            const QString k = dirKey(d.localPort, d.remotePort) + timerName;
            // One timer event a second is enough to show it counting down.
            if (!m_lastTimerMs.contains(k) || m_lastTimerMs.value(k) - d.expiresMs >= 1000) {
                m_lastTimerMs.insert(k, d.expiresMs);
                Event e;
                e.tUs = m_recorder->nowUs();
                e.kind = EventKind::Timer;
                e.actor = owner->actor;
                e.data = TimerData{owner->socket, timerName, d.expiresMs, d.retransmits, d.localPort, d.remotePort};
                m_recorder->add(std::move(e));
            }
        }
    }
    for (const auto& [l, r] : m_recorder->closedConnections()) {
        if (present.contains(dirKey(l, r))) continue;
        if (const auto owner = m_recorder->ownerOf(l, r))
            m_recorder->observeState(owner->actor, owner->socket, l, r, QStringLiteral("CLOSED"),
                                     QStringLiteral("sock_diag"));
    }
}

Event Runner::frameToEvent(const CapturedFrame& f)
{
    return m_annotator.toEvent(f, m_tap->linkType(), m_recorder->origin(),
                               [this](const PacketData& p) { claimConnectingPort(p); });
}

// A connect() that has not returned has not told us its port yet (a SYN the
// listener drops keeps it waiting for seconds). Its SYN does: if exactly one
// actor is inside connect() to that port, the SYN is its.
void Runner::claimConnectingPort(const PacketData& p)
{
    if (p.protocol != QLatin1String("tcp") || !p.has(TcpFlag::SYN) || p.has(TcpFlag::ACK)) return;
    if (m_recorder->ownerOf(p.srcPort, p.dstPort)) return;
    const Actor* claimant = nullptr;
    Step call;
    for (const auto& a : m_actors) {
        const auto c = a->currentCall();
        if (!c || c->call != QLatin1String("connect") || c->args.value("port").toInt() != p.dstPort) continue;
        if (claimant) return; // two candidates: do not guess
        claimant = a.get();
        call = *c;
    }
    if (claimant) m_recorder->registerSocket(claimant->name(), call.socket, p.srcPort, p.dstPort, false);
}

void Runner::merge()
{
    QList<Event> batch;
    if (m_tap) {
        const QList<CapturedFrame> frames = m_tap->take();
        for (const CapturedFrame& f : frames) {
            if (m_pcap) m_pcap->write(f.epochUs, QByteArrayView(f.bytes), f.wireLen);
            batch.append(frameToEvent(f));
        }
        batch.append(takeCaptureProblems(*m_tap, m_recorder->origin()));
    }
    batch.append(m_recorder->take());
    if (batch.isEmpty()) return;
    std::stable_sort(batch.begin(), batch.end(), [](const Event& a, const Event& b) { return a.tUs < b.tUs; });
    QList<Event> extra;
    if (m_synth) extra.append(m_synth->synthesize(batch));
    for (const Event& e : batch)
        extra.append(m_deriver->feed(e));
    for (const Event& e : batch)
        extra.append(m_deriver->check(e));
    batch.append(extra);
    m_timeline.appendBatch(std::move(batch));
}

void Runner::finish()
{
    if (m_script) return m_script->finish();
    if (m_finished || !m_recorder) return;
    m_finished = true;
    pollDiag();
    merge();
    if (m_tap) {
        m_tap->stop();
        merge();
    }
    recordCapture(m_tap.get(), m_timeline);
    if (m_pcap) m_pcap->close();
}

} // namespace socklab
