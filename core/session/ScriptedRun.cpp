#include "ScriptedRun.h"

#include "FreePorts.h"
#include "Lab.h"
#include "ProgramLab.h"
#include "StepSummary.h"
#include "TempFolders.h"
#include "Wire.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>

#include <cstring>
#include <thread>

namespace socklab {

namespace {

QStringList splitLines(const QByteArray& source)
{
    QStringList lines = QString::fromUtf8(source).split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty()) lines.removeLast();
    return lines;
}

// The Python variable a call is made on, read from its line:
// "connfd, addr = sockfd.accept()" -> "sockfd"; "sockfd = socket.socket(...)" -> "sockfd".
QString socketVariable(const QString& line, const QString& call)
{
    if (call == QLatin1String("socket")) {
        static const QRegularExpression assign(QStringLiteral("^\\s*([A-Za-z_]\\w*)\\s*=\\s*(?:socket\\.)?socket\\s*\\("));
        if (const auto m = assign.match(line); m.hasMatch()) return m.captured(1);
        return {};
    }
    const QRegularExpression on(QStringLiteral("([A-Za-z_]\\w*)\\s*\\.\\s*%1\\s*\\(").arg(QRegularExpression::escape(call)));
    if (const auto m = on.match(line); m.hasMatch()) return m.captured(1);
    return {};
}

// The name the program gives the socket a call returns, read from its line:
// "sockfd = socket.socket(...)" -> "sockfd"; "connfd, addr = sockfd.accept()" -> "connfd".
QString returnedSocketName(const QString& line)
{
    static const QRegularExpression lhs(QStringLiteral("^\\s*([A-Za-z_]\\w*)\\s*(?:,\\s*[A-Za-z_]\\w*\\s*)?="));
    const auto m = lhs.match(line);
    return m.hasMatch() ? m.captured(1) : QString();
}

} // namespace

ScriptedRun::ScriptedRun(Scenario scenario, ScenarioFolder folder, QString capture,
                         QString pcapPath)
    : m_scenario(std::move(scenario)), m_folder(std::move(folder)), m_capture(std::move(capture)),
      m_pcapPath(std::move(pcapPath)), m_dir(TempFolders::nameTemplate(QStringLiteral("scenario")))
{
    m_steps = m_folder.expandedSteps(m_scenario.parameters);
}

ScriptedRun::~ScriptedRun() { m_lab.reset(); } // kills and reaps the programs; m_dir removes their copies

const Timeline& ScriptedRun::timeline() const { return m_lab ? m_lab->timeline() : m_empty; }

CaptureMode ScriptedRun::captureMode() const
{
    return m_lab && m_lab->lab() ? m_lab->lab()->mode() : CaptureMode::StatesOnly;
}

int ScriptedRun::programOf(const QString& actor) const
{
    for (int i = 0; i < m_programs.size(); ++i)
        if (m_programs[i].actor == actor) return i;
    return -1;
}

bool ScriptedRun::start(Problem* error)
{
    auto fail = [&](const Problem& p) {
        m_lab.reset();
        if (error) *error = p;
        return false;
    };
    if (!m_dir.isValid())
        return fail(Problem(QStringLiteral("scenario-copy-failed"), {{"detail", m_dir.errorString()}}));
    QVariantMap values = m_scenario.parameters;
    const int want = values.value("port", 8888).toInt();
    m_port = m_hostPort ? m_hostPort : uint16_t(want > 0 && want <= 65535 ? want : 8888);
    values.insert("port", m_port);
    values.insert("port2", m_hostPort2 ? m_hostPort2 : m_port == 65535 ? 65534 : m_port + 1);
    // {addr2} stays as it is: ProgramLab puts in the lab's second address once the lab exists.
    m_programs = m_folder.expandedPrograms(values);
    if (!m_folder.framing.actor.isEmpty()) {
        // The receiver's parse, as its program does it ("\\n" given as a delimiter is a newline there too).
        QString delimiter = ScenarioFolder::substitute(m_folder.framing.delimiter, values);
        delimiter.replace(QStringLiteral("\\n"), QStringLiteral("\n"));
        m_framer = MessageFramer::fromArgs({{"framing", m_folder.framing.kind}, {"delimiter", delimiter.toUtf8()}});
        m_framing = true;
    }

    // The programs run from a private copy of the folder (a built-in folder is
    // compiled in); every call's file is mapped back to the folder's own.
    const QStringList files = QDir(m_folder.dir).entryList(QDir::Files, QDir::Name);
    for (const QString& f : files) {
        QFile out(m_dir.path() + '/' + f);
        const QByteArray bytes = m_folder.source(f);
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size())
            return fail(Problem(QStringLiteral("scenario-copy-failed"), {{"file", f}, {"detail", out.errorString()}}));
    }

    QList<QStringList> commands;
    ProgramLabOptions o;
    o.capture = m_capture;
    o.pcapPath = m_pcapPath;
    o.timeoutMs = 24 * 3600 * 1000; // a student may take their time between steps
    o.gate = true;
    o.holdAtStart = true;
    o.scripted = true;
    o.scenarioId = m_scenario.id;
    if (m_folder.wire.policy) o.wire = *m_folder.wire.policy; // wire mode (the folder's "wire" key)
    for (const FolderProgram& p : std::as_const(m_programs)) {
        QStringList c{QStringLiteral("python3"), m_dir.path() + '/' + p.file};
        for (const QString& a : p.args)
            c << ScenarioFolder::substitute(a, values);
        commands << c;
        o.actorNames << p.actor;
        o.roles << p.role;
        o.codeFiles << m_folder.filePath(p.file);
        QList<QByteArray> env{QByteArrayLiteral("PYTHONUNBUFFERED=1"), QByteArrayLiteral("PYTHONDONTWRITEBYTECODE=1")};
        for (auto it = p.env.begin(); it != p.env.end(); ++it)
            env << (it.key() + '=' + ScenarioFolder::substitute(it.value(), values)).toUtf8();
        o.extraEnv << env;
        o.stdinData << (p.hasStdin ? std::optional<QByteArray>(ScenarioFolder::substitute(p.stdinText, values).toUtf8())
                                   : std::nullopt);
        if (!m_lines.contains(m_folder.filePath(p.file)))
            m_lines.insert(m_folder.filePath(p.file), splitLines(m_folder.source(p.file)));
    }
    o.decorate = [this](int program, Event& e) { decorate(program, e); };
    if (m_hostPort) o.hostPorts = {m_hostPort, m_hostPort2};
    m_lab = std::make_unique<ProgramLab>(commands, o);
    Problem err;
    if (!m_lab->start(&err)) {
        // No private namespace here (host mode, or states-only on the host):
        // the lesson's programs run on the host's loopback instead, on two
        // free ports the kernel picks, passed to them as {port} and {port2}.
        if (m_hostPort || err.code != QLatin1String("lab-no-namespace")) return fail(err);
        QString why;
        if (!freePorts(m_hostPort, m_hostPort2, &why))
            return fail(Problem(QStringLiteral("no-free-port"), {{"detail", why}}));
        m_lab.reset();
        m_lines.clear();
        return start(error);
    }
    Timeline& tl = m_lab->scriptTimeline();
    QVariantMap shown = m_scenario.parameters;
    shown.insert("port", m_port);
    if (tl.parameters.contains("wire")) shown.insert("wire", tl.parameters.value("wire")); // the policy and seed in use
    tl.parameters = shown;
    for (const FolderProgram& p : std::as_const(m_programs))
        tl.programs.append({p.actor, m_folder.filePath(p.file), QString::fromUtf8(m_folder.source(p.file))});
    return true;
}

void ScriptedRun::decorate(int program, Event& e)
{
    const QString prefix = m_dir.path() + '/';
    if (CallData* c = std::get_if<CallData>(&e.data)) {
        if (c->codeFile.startsWith(prefix) && program >= 0 && program < m_programs.size())
            c->codeFile = m_folder.filePath(c->codeFile.mid(prefix.size()));
        const QStringList lines = m_lines.value(c->codeFile);
        if (c->codeLine >= 1 && c->codeLine <= lines.size())
            c->socket = socketVariable(lines[c->codeLine - 1], c->call);
        c->step = m_current;
        const qint64 tid = c->args.value("pid").toLongLong();
        m_stepOfThread.insert(tid, m_current);
        m_socketOfThread.insert(tid, c->socket);
        m_lineOfThread.insert(tid, c->codeLine >= 1 && c->codeLine <= lines.size() ? lines[c->codeLine - 1] : QString());
    } else if (ReturnData* r = std::get_if<ReturnData>(&e.data)) {
        const qint64 tid = r->values.value("pid").toLongLong();
        r->step = m_stepOfThread.value(tid, m_current);
        r->socket = m_socketOfThread.value(tid);
        // A new socket (socket(), accept()) takes the name the code gives it.
        if (!r->blocked && r->result >= 0
            && (r->call == QLatin1String("socket") || r->call == QLatin1String("accept")))
            m_lab->nameSocket(program, int(r->result), returnedSocketName(m_lineOfThread.value(tid)));
        if (m_framing) frame(program, *r);
    }
}

void ScriptedRun::frame(int program, const ReturnData& r)
{
    // "framing": MessageFramer over the bytes each recv() of the named actor
    // returned; every message it completes is a parsed-message note, as the
    // program's own parse finds it.
    if (m_finished || r.blocked || r.result <= 0 || m_programs.value(program).actor != m_folder.framing.actor) return;
    if (r.call != QLatin1String("recv") && r.call != QLatin1String("recvfrom")) return;
    const QByteArray data = r.values.value("data").toByteArray();
    if (data.size() < r.result) {
        m_framing = false; // the gate kept only the first bytes: the stream can no longer be parsed
        return;
    }
    for (const QByteArray& m : m_framer.feed(data))
        m_lab->note(QStringLiteral("parsed-message"), {{"socket", r.socket}, {"bytes", m}}, m_folder.framing.actor);
}

const ReturnData* ScriptedRun::returnSince(int from, const QString& actor, const QString& call) const
{
    const Timeline& tl = m_lab->timeline();
    for (int i = qMax(0, from); i < tl.size(); ++i)
        if (const ReturnData* r = tl.at(i).ret(); r && !r->blocked && r->call == call && tl.at(i).actor == actor) return r;
    return nullptr;
}

bool ScriptedRun::hasNextStep() const
{
    if (m_finished || !m_lab) return false;
    if (!m_steps.isEmpty()) return m_next < m_steps.size();
    return m_lab->anyRunning();
}

int ScriptedRun::stepCount() const
{
    if (!m_steps.isEmpty()) return int(m_steps.size());
    return m_next + (hasNextStep() ? 1 : 0);
}

bool ScriptedRun::runStep(Problem* error)
{
    if (!hasNextStep()) {
        if (error) *error = Problem(QStringLiteral("no-more-steps"));
        return false;
    }
    const int index = m_next++;
    FolderStep fs;
    if (index < m_steps.size()) fs = m_steps[index];
    else fs.calls = 1; // no script: the next held call, whoever made it
    if (!fs.actor.isEmpty() && programOf(fs.actor) < 0) {
        if (error) *error = Problem(QStringLiteral("step-no-actor"), {{"step", index + 1}, {"actor", fs.actor}});
        return false;
    }
    return runScriptStep(index, fs, error);
}

bool ScriptedRun::interrupted(Problem* error)
{
    const int sig = m_stop->load();
    if (error)
        *error = Problem(
            QStringLiteral("interrupted"),
            {{"signal", sig},
             {"signal_name", QStringLiteral("SIG") + QString::fromLatin1(sigabbrev_np(sig))}});
    m_finished = true;
    m_lab.reset(); // kills and reaps the programs, tears the lab down, closes the pcap
    m_dir.remove();
    if (!m_pcapPath.isEmpty()) QFile::remove(m_pcapPath); // never left half-written
    return false;
}

bool ScriptedRun::runScriptStep(int index, const FolderStep& fs, Problem* error)
{
    const Step planned = m_scenario.steps.value(index);
    StepRecord rec;
    rec.index = index;
    rec.actor = fs.actor;
    rec.call = planned.call;
    rec.captionId = fs.caption;
    rec.codeLine = planned.codeLine;
    rec.tStartUs = m_lab->nowUs();
    m_lab->note(QStringLiteral("step"),
                {{"index", index}, {"call", rec.call}, {"caption", rec.captionId}, {"code_line", rec.codeLine}},
                fs.actor);
    m_current = index;
    if (m_lab->wire() && m_folder.wire.steps.contains(index)) // the step's wire actions, before its calls go
        FolderWire::apply(m_folder.wire.steps.value(index), *m_lab->wire());
    const int before = m_lab->timeline().size();
    const int program = programOf(fs.actor); // -1: a wait step, or (no script) any program
    const bool waitStep = fs.waitMs >= 0;
    const bool anyProgram = !waitStep && fs.actor.isEmpty();
    const int wantCalls = qMax(1, fs.calls);
    bool reached = waitStep, targetReleased = false;
    int raiseFrom = -1; // "raises": the candidate's return is looked for from here
    int released = 0;
    quint64 lastReleased = 0;
    qint64 lastActivity = 0, lastSize = -1;
    const qint64 settleMs = qMax(fs.minWaitMs, fs.waitMs);
    QElapsedTimer clock;
    clock.start();
    for (;;) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        if (stopAsked()) return interrupted(error);
        m_lab->poll();
        const qint64 now = clock.elapsed();
        if (m_lab->timeline().size() != lastSize) {
            lastSize = m_lab->timeline().size();
            lastActivity = now;
        }
        if (raiseFrom >= 0) {
            // The candidate call returned: did it raise the step's exception?
            if (const ReturnData* r = returnSince(raiseFrom, fs.actor, fs.untilCall)) {
                raiseFrom = -1;
                targetReleased = r->values.value("exception").toString() == fs.raises;
            }
        }
        if (!reached) {
            int who = program;
            if (anyProgram) { // the one that has waited longest at the gate
                qint64 since = -1;
                for (int i = 0; i < m_programs.size(); ++i) {
                    const ProgramStatus s = m_lab->status(i);
                    if (s.where == ProgramStatus::Where::HeldAtGate && s.callId != lastReleased
                        && (since < 0 || s.sinceUs < since)) {
                        since = s.sinceUs;
                        who = i;
                    }
                }
                if (who < 0 && !m_lab->anyRunning()) reached = true;
                if (who < 0 && targetReleased && m_lab->waitingForStep()) reached = true;
            }
            if (who >= 0) {
                const ProgramStatus st = m_lab->status(who);
                if (st.where == ProgramStatus::Where::Exited) {
                    reached = true;
                } else if (st.where == ProgramStatus::Where::HeldAtGate && st.callId != lastReleased) {
                    if (raiseFrom >= 0) {
                        // wait for the candidate's return before releasing anything more
                    } else if (targetReleased) {
                        reached = true; // the target returned: the program waits at its next call
                    } else {
                        bool match = false;
                        if (fs.untilExit) match = false;
                        else if (!fs.untilCall.isEmpty()) match = st.call == fs.untilCall;
                        else if (fs.untilLine > 0) match = st.codeLine == fs.untilLine;
                        else match = released + 1 >= wantCalls;
                        const int releasedAt = m_lab->timeline().size();
                        m_lab->step(who);
                        lastReleased = st.callId;
                        ++released;
                        lastActivity = now;
                        if (match && !fs.raises.isEmpty()) {
                            raiseFrom = releasedAt; // the step ends only if this one raises
                            rec.call = st.call;
                            if (st.codeLine > 0) rec.codeLine = st.codeLine;
                        } else if (match) {
                            targetReleased = true;
                            rec.call = st.call;
                            if (st.codeLine > 0) rec.codeLine = st.codeLine;
                            if (rec.actor.isEmpty()) rec.actor = m_programs.value(who).actor;
                        }
                    }
                } else if (st.where == ProgramStatus::Where::InKernel && targetReleased
                           && m_lab->nowUs() - st.sinceUs >= kBlockedMs * 1000) {
                    reached = true; // blocked in the kernel (accept(), recv())
                }
            }
        }
        if (reached && now - lastActivity >= kQuietMs && now >= settleMs) break;
        if (now >= qMax<qint64>(fs.maxWaitMs, settleMs + kQuietMs)) {
            m_lab->note(QStringLiteral("step-timeout"), {{"index", index}, {"ms", now}}, fs.actor);
            m_lab->poll();
            break;
        }
    }
    rec.tEndUs = m_lab->nowUs();
    Timeline& tl = m_lab->scriptTimeline();
    rec.values = summarizeStep(tl, before, index);
    tl.steps.append(rec);
    return true;
}

ProblemList ScriptedRun::problems() const { return m_lab ? m_lab->problems() : ProblemList{}; }
ProblemList ScriptedRun::warnings() const { return m_lab ? m_lab->warnings() : ProblemList{}; }

bool ScriptedRun::runAll(Problem* error)
{
    while (hasNextStep()) {
        if (stopAsked()) return interrupted(error);
        if (!runStep(error)) return false;
    }
    finish();
    if (stopAsked()) return interrupted(error);
    const Timeline& tl = timeline();
    if (!m_pcapPath.isEmpty() && !tl.captureStats.error.isEmpty()) {
        QFile::remove(m_pcapPath); // never left half-written
        if (error)
            *error = Problem(QStringLiteral("pcap-write-failed"), {{"path", m_pcapPath}, {"detail", tl.captureStats.error}});
        return false;
    }
    return true;
}

void ScriptedRun::finish()
{
    if (m_finished || !m_lab) return;
    m_finished = true;
    m_current = -1;
    // The lesson's record ends with its last step.
    // Then every program runs to its end; one that does not within kRunOutMs
    // is stopped (a "stopping" note, then "killed").
    m_lab->seal();
    m_lab->run();
    m_lab->setHolding(false);
    QElapsedTimer clock;
    clock.start();
    bool stopped = false;
    qint64 lastActivity = 0, lastSize = -1;
    for (;;) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        if (stopAsked()) break; // runAll() ends it
        m_lab->poll();
        const qint64 now = clock.elapsed();
        if (m_lab->timeline().size() != lastSize) {
            lastSize = m_lab->timeline().size();
            lastActivity = now;
        }
        if (!m_lab->anyRunning()) {
            if (now - lastActivity >= kQuietMs) break;
        } else if (!stopped && now >= kRunOutMs) {
            m_lab->stop();
            stopped = true;
        } else if (now >= kRunOutMs + 3000) {
            break; // ProgramLab's destructor kills what is left
        }
    }
    m_lab->finishNow();
}

} // namespace socklab
