#include "ProblemText.h"

#include "NoteText.h"

#include <QCoreApplication>
#include <QStringList>

namespace socklab {

namespace {

struct Words {
    Q_DECLARE_TR_FUNCTIONS(ProblemText)
};

// A lesson parameter as the user knows it.
QString parameterName(const QString& key)
{
    if (key == QLatin1String("sndbuf")) return Words::tr("sndbuf (send buffer bytes)");
    if (key == QLatin1String("rcvbuf")) return Words::tr("rcvbuf (receive buffer bytes)");
    if (key == QLatin1String("size")) return Words::tr("size (bytes to send)");
    if (key == QLatin1String("count")) return Words::tr("count (number of messages)");
    if (key == QLatin1String("bufsize")) return Words::tr("bufsize (recvfrom buffer bytes)");
    if (key == QLatin1String("backlog")) return Words::tr("backlog (listen(n))");
    return key;
}

// A value quoted inside a one-line message: control characters written as
// escapes (a delimiter "\n" stays visible and on the same line), cut at 80.
QString oneLine(const QString& v)
{
    QString out;
    for (const QChar ch : v) {
        if (out.size() >= 80) return out + QStringLiteral("…");
        if (ch == u'\n') out += QStringLiteral("\\n");
        else if (ch == u'\r') out += QStringLiteral("\\r");
        else if (ch == u'\t') out += QStringLiteral("\\t");
        else if (ch.category() == QChar::Other_Control || ch == QChar::LineSeparator || ch == QChar::ParagraphSeparator)
            out += QStringLiteral("\\x%1").arg(ch.unicode(), 2, 16, QLatin1Char('0'));
        else out += ch;
    }
    return out;
}

QString listText(const QVariant& v)
{
    QStringList items = v.toStringList();
    for (QString& i : items) i = oneLine(i);
    return items.join(QStringLiteral(", "));
}

// What is wrong with a folder's "wire" keys.
QString wireFolderWhat(const QVariantMap& a, const QString& w, const QString& v)
{
    if (w == QLatin1String("bad-wire"))
        return Words::tr("the wire policy is wrong: %1").arg(problemText(Problem::fromMap(a.value("cause").toMap())));
    if (w == QLatin1String("bad-wire-action"))
        return Words::tr("wire action \"%1\" must be drop-next, hold-next, release, drop-held or pass").arg(v);
    if (w == QLatin1String("bad-wire-match"))
        return Words::tr("match \"%1\" must be SYN, SYN-ACK, FIN, RST, data, ack, udp or any").arg(v);
    if (w == QLatin1String("bad-wire-direction")) return Words::tr("direction \"%1\" must be c2s, s2c or any").arg(v);
    if (w == QLatin1String("bad-wire-count")) return Words::tr("count must be a whole number from 1 to 100000 or \"all\"");
    if (w == QLatin1String("wire-key-needs-rule"))
        return Words::tr("only drop-next and hold-next take this key (the action is \"%1\")").arg(v);
    if (w == QLatin1String("wire-without-policy"))
        return Words::tr("a step's wire action needs the folder's \"wire\" policy (e.g. \"wire\": \"mtu=1500\")");
    return oneLine(w);
}

// What is wrong in a scenario folder's scenario.json (Problem "folder-invalid", args["what"]).
QString folderWhat(const QVariantMap& a)
{
    const QString w = a.value("what").toString();
    const QString v = oneLine(a.value("value").toString());
    if (w.contains(QLatin1String("wire"))) return wireFolderWhat(a, w, v); // the "wire" keys (FolderWire.h)
    if (w == QLatin1String("bad-json"))
        return Words::tr("bad JSON at offset %1: %2").arg(a.value("offset").toLongLong()).arg(oneLine(a.value("detail").toString()));
    if (w == QLatin1String("no-file")) return Words::tr("cannot be read: %1").arg(oneLine(a.value("detail").toString()));
    if (w == QLatin1String("not-object")) return Words::tr("must be a JSON object");
    if (w == QLatin1String("unknown-key")) return Words::tr("unknown key");
    if (w == QLatin1String("missing")) return Words::tr("is required and missing");
    if (w == QLatin1String("not-string")) return Words::tr("must be a string");
    if (w == QLatin1String("not-list")) return Words::tr("must be a non-empty list");
    if (w == QLatin1String("not-string-list")) return Words::tr("must be a list of strings");
    if (w == QLatin1String("bad-name")) return Words::tr("\"%1\" is not a name (letters, digits, '-' and '_')").arg(v);
    if (w == QLatin1String("duplicate-actor")) return Words::tr("actor \"%1\" is named twice").arg(v);
    if (w == QLatin1String("bad-role")) return Words::tr("role must be server, client or peer (got \"%1\")").arg(v);
    if (w == QLatin1String("bad-file")) return Words::tr("\"%1\" is not a file name in this folder").arg(v);
    if (w == QLatin1String("missing-file")) return Words::tr("%1 is not in the folder").arg(v);
    if (w == QLatin1String("unknown-parameter")) return Words::tr("{%1} is not a parameter of this scenario").arg(v);
    if (w == QLatin1String("bad-copies"))
        return Words::tr("copies \"%1\" must be \"{parameter}+N\" or a number, 1 to 64 in all").arg(v);
    if (w == QLatin1String("unknown-actor")) return Words::tr("no program is actor \"%1\"").arg(v);
    if (w == QLatin1String("bad-until")) return Words::tr("until \"%1\" must be a call name, line:N or exit").arg(v);
    if (w == QLatin1String("bad-value"))
        return Words::tr("must be a whole number from %1 to %2").arg(a.value("min").toLongLong()).arg(a.value("max").toLongLong());
    if (w == QLatin1String("bad-range")) return Words::tr("min and max must be whole numbers with min ≤ max");
    if (w == QLatin1String("bad-type")) return Words::tr("type must be port, int or text (got \"%1\")").arg(v);
    if (w == QLatin1String("wait-with-actor")) return Words::tr("a wait_ms step names no actor, until or calls");
    if (w == QLatin1String("unknown-caption")) return Words::tr("unknown caption id \"%1\"").arg(v);
    // The lesson keys (core/scenarios/ScenarioFolderKeys.h).
    if (w == QLatin1String("bad-raises"))
        return Words::tr("raises \"%1\" must be a Python exception name, on a step with until a call").arg(v);
    if (w == QLatin1String("bad-repeat"))
        return Words::tr("repeat \"%1\" must be \"{parameter}+N\" or a number, 1 to 64 in all").arg(v);
    if (w == QLatin1String("bad-group")) return Words::tr("a repeated group holds plain steps (no repeat, no steps)");
    if (w == QLatin1String("bad-framing"))
        return Words::tr("framing kind must be delimiter, length-prefix or per-recv (got \"%1\")").arg(v);
    if (w == QLatin1String("bad-list"))
        return Words::tr("list must be {\"separator\": one character, \"max_items\": 1 to 1000}");
    if (w == QLatin1String("bad-not-in")) return Words::tr("not_in \"%1\" must name another text parameter").arg(v);
    if (w == QLatin1String("bad-default"))
        return Words::tr("the default fails its own checks: %1").arg(problemText(Problem::fromMap(a.value("cause").toMap())));
    return oneLine(w);
}

} // namespace

QString problemText(const Problem& p)
{
    const QString& c = p.code;
    const QVariantMap& a = p.args;
    auto s = [&](const char* key) { return oneLine(a.value(key).toString()); };
    auto n = [&](const char* key) { return a.value(key).toLongLong(); };
    const Problem causeProblem = Problem::fromMap(a.value("cause").toMap());
    const QString cause = causeProblem.isNull() ? QString() : problemText(causeProblem);
    if (c.isEmpty()) return {};

    // Scenario folders (docs/scenario-format.md).
    if (c == QLatin1String("folder-invalid")) {
        const QString where = s("key").isEmpty() ? s("file") : QStringLiteral("%1: %2").arg(s("file"), s("key"));
        return Words::tr("scenario folder %1: %2: %3").arg(s("id"), where, folderWhat(a));
    }
    if (c == QLatin1String("folder-bad-id"))
        return Words::tr("scenario folder \"%1\": a folder name must be letters, digits, '-' and '_'").arg(s("id"));
    if (c == QLatin1String("folder-id-taken"))
        return Words::tr("scenario folder %1: a built-in scenario has this id; rename the folder (%2)").arg(s("id"), s("dir"));
    if (c == QLatin1String("folder-id-is-lesson"))
        return Words::tr("%1 is the id of a lesson: choose another name").arg(s("id"));
    if (c == QLatin1String("folder-exists"))
        return Words::tr("a scenario folder named %1 exists already (%2): choose another name").arg(s("id"), s("dir"));
    if (c == QLatin1String("folder-write-failed"))
        return Words::tr("cannot write the scenario folder %1: %2").arg(s("path"), s("detail"));
    if (c == QLatin1String("draft-not-python"))
        return Words::tr("%1 is not a Python program (%2): a scenario folder runs Python files only")
            .arg(s("actor"), oneLine(s("command")));
    if (c == QLatin1String("draft-no-programs"))
        return Words::tr("this recording ran none of your programs: run them with Run my programs… first");
    if (c == QLatin1String("draft-no-title"))
        return Words::tr("the scenario needs an English title");
    if (c == QLatin1String("scenario-copy-failed"))
        return Words::tr("cannot copy the scenario's programs to run them: %1").arg(s("detail"));
    if (c == QLatin1String("param-text-too-long"))
        return Words::tr("%1 is %2 bytes; the limit is %3").arg(s("name")).arg(n("bytes")).arg(n("max"));

    // Choosing a scenario and its parameters.
    if (c == QLatin1String("unknown-scenario"))
        return Words::tr("unknown scenario \"%1\" (see: socklab list)").arg(s("id"));
    if (c == QLatin1String("param-range"))
        return Words::tr("%1 must be a whole number from %2 to %3 (got \"%4\")")
            .arg(parameterName(s("name")))
            .arg(n("min"))
            .arg(n("max"))
            .arg(s("value"));
    if (c == QLatin1String("param-unknown"))
        return Words::tr("%1 has no parameter \"%2\" (known: %3)")
            .arg(s("scenario"), s("name"), listText(a.value("known")));
    if (c == QLatin1String("param-messages-count"))
        return Words::tr("messages: give 1 to %1 messages separated by '|'").arg(n("max"));
    if (c == QLatin1String("param-message-empty"))
        return Words::tr("message %1 is empty: TCP cannot show a message of no bytes")
            .arg(n("index"));
    if (c == QLatin1String("param-message-too-long"))
        return Words::tr("message %1 is %2 bytes; the limit is 1 MiB (%3 bytes)")
            .arg(n("index"))
            .arg(n("bytes"))
            .arg(n("max"));
    if (c == QLatin1String("param-message-over-recv"))
        return Words::tr("message %1 is %2 bytes; in fix-pacing the receiver "
                         "reads %3 bytes at a time, so pacing alone "
                         "cannot keep it whole")
            .arg(n("index"))
            .arg(n("bytes"))
            .arg(n("max"));
    if (c == QLatin1String("param-message-over-udp"))
        return Words::tr("message %1 is %2 bytes; a UDP datagram holds at most %3")
            .arg(n("index"))
            .arg(n("bytes"))
            .arg(n("max"));
    if (c == QLatin1String("param-empty")) return Words::tr("%1 must not be empty").arg(s("name"));
    if (c == QLatin1String("param-too-long"))
        return Words::tr("%1 is %2 bytes; the limit is 1 MiB").arg(s("name")).arg(n("bytes"));
    if (c == QLatin1String("param-message-has-delimiter"))
        return Words::tr(
                   "message %1 contains the delimiter \"%2\": the receiver would cut it in two")
            .arg(n("index"))
            .arg(s("delimiter"));

    // The lab and its capture.
    if (c == QLatin1String("unknown-capture-mode"))
        return Words::tr("unknown capture mode \"%1\" (namespace, host or states-only)")
            .arg(s("mode"));
    if (c == QLatin1String("namespace-no-capture"))
        return Words::tr("no capture in the private namespace: %1").arg(s("detail"));
    if (c == QLatin1String("namespace-failed"))
        return Words::tr("cannot create a private network namespace: %1").arg(s("detail"));
    if (c == QLatin1String("host-capture-failed"))
        return Words::tr("cannot capture on the host loopback: %1").arg(s("detail"));
    if (c == QLatin1String("capture-unavailable"))
        return Words::tr("no capture permission: %1").arg(s("detail"));
    if (c == QLatin1String("states-only-asked")) return Words::tr("states-only was asked for");
    if (c == QLatin1String("capture-failed"))
        return Words::tr("cannot start the capture: %1").arg(s("detail"));
    if (c == QLatin1String("pcap-states-only"))
        return Words::tr("cannot write a pcap in states-only mode: nothing is captured (%1)")
            .arg(cause);
    if (c == QLatin1String("pcap-write-failed"))
        return Words::tr("cannot write %1: %2").arg(s("path"), s("detail"));

    // Running a scenario.
    if (c == QLatin1String("no-free-port")) return Words::tr("no free port on the loopback: %1").arg(s("detail"));
    if (c == QLatin1String("actor-failed"))
        return Words::tr("the %1 could not start: %2").arg(s("actor"), s("detail"));
    if (c == QLatin1String("no-more-steps")) return Words::tr("the scenario has no more steps");
    // A command-line verb that SIGINT, SIGTERM or SIGHUP stopped ({"signal_name": "SIGINT"}).
    if (c == QLatin1String("interrupted")) return Words::tr("stopped by %1").arg(s("signal_name"));
    if (c == QLatin1String("step-no-actor"))
        return Words::tr("step %1: no actor \"%2\"").arg(n("step")).arg(s("actor"));
    if (c == QLatin1String("step-actor-busy"))
        return Words::tr("step %1: the %2 is still inside its previous call")
            .arg(n("step"))
            .arg(s("actor"));

    // The user's own programs.
    if (c == QLatin1String("command-not-found"))
        return Words::tr("command not found: %1").arg(s("command"));
    if (c == QLatin1String("fork-failed"))
        return Words::tr("cannot start a program: %1").arg(s("detail"));
    if (c == QLatin1String("exec-failed"))
        return Words::tr("cannot run %1: %2").arg(s("command"), s("detail"));
    if (c == QLatin1String("lab-no-command")) return Words::tr("no command to run");
    if (c == QLatin1String("lab-empty-command"))
        return Words::tr("an empty command (nothing between two ---)");
    if (c == QLatin1String("lab-no-namespace"))
        return Words::tr("no private network namespace for the programs (%1): "
                         "socklab will not run unknown programs on "
                         "the host's network")
            .arg(cause);
    if (c == QLatin1String("python-hook-failed"))
        return Words::tr("cannot prepare the Python hook of the call gate: %1").arg(s("detail"));
    if (c == QLatin1String("gate-failed")) return Words::tr("call gate: %1").arg(s("detail"));
    if (c == QLatin1String("gate-not-running")) return Words::tr("the call gate is not running");
    // The wire (socklab lab --wire).
    if (c == QLatin1String("wire-failed"))
        return Words::tr("the wire cannot run here: %1 (see: socklab doctor)").arg(s("detail"));
    if (c == QLatin1String("wire-spec-empty"))
        return Words::tr("--wire needs a policy, e.g. --wire loss=30%,delay=50ms");
    if (c == QLatin1String("wire-spec-item"))
        return Words::tr("--wire: \"%1\" is not KEY=VALUE (loss, delay, jitter, rate, mtu, seed, duplicate)").arg(s("item"));
    if (c == QLatin1String("wire-spec-key"))
        return Words::tr("--wire: unknown key \"%1\" (loss, delay, jitter, rate, duplicate, each also .c2s or .s2c; mtu, seed)").arg(s("key"));
    if (c == QLatin1String("wire-spec-percent"))
        return Words::tr("--wire: %1: a percentage from 0 to 100 (30%)").arg(s("item"));
    if (c == QLatin1String("wire-spec-duration"))
        return Words::tr("--wire: %1: a duration with its unit, at most 60 s (50ms, 1s, 200us)").arg(s("item"));
    if (c == QLatin1String("wire-spec-rate"))
        return Words::tr("--wire: %1: a rate of 8kbit or more (500kbit, 1mbit, 2gbit, 100kbps)").arg(s("item"));
    if (c == QLatin1String("wire-spec-mtu"))
        return Words::tr("--wire: %1: an MTU from 576 to 65536 (576, 1500, 9000)").arg(s("item"));
    if (c == QLatin1String("wire-spec-seed"))
        return Words::tr("--wire: %1: a seed is a whole number").arg(s("item"));
    if (c == QLatin1String("lab-enter-failed"))
        return Words::tr("cannot enter the lab: %1").arg(s("detail"));
    if (c == QLatin1String("program-failed"))
        return QStringLiteral("%1: %2").arg(s("actor"), cause);
    if (c == QLatin1String("program-exit"))
        return Words::tr("%1 (pid %2) %3").arg(s("actor")).arg(n("pid")).arg(exitText(a));
    if (c == QLatin1String("lab-timeout"))
        return Words::tr("timeout: after %1 s still running: %2 (stopped with SIGTERM)")
            .arg(a.value("seconds").toDouble())
            .arg(listText(a.value("running")));
    if (c == QLatin1String("ignored-sigterm"))
        return Words::tr("%1 ignored SIGTERM: killed with SIGKILL").arg(s("actor"));
    if (c == QLatin1String("no-socket"))
        return Words::tr("%1 never opened a TCP or UDP socket: nothing of it to show")
            .arg(s("actor"));
    if (c == QLatin1String("non-loopback-listen"))
        return Words::tr("%1 listens on %2:%3, not on a loopback address; inside "
                         "the lab that changes nothing: only the "
                         "lab's own programs can reach it")
            .arg(s("actor"), s("address"))
            .arg(n("port"));

    // Attaching to programs on the host.
    if (c == QLatin1String("attach-not-loopback"))
        return Words::tr("%1 is not a loopback address: socklab attaches only to programs "
                         "on the host loopback "
                         "(127.0.0.0/8 or ::1), and never looks at other interfaces")
            .arg(s("address"));
    if (c == QLatin1String("attach-ipv6-syntax"))
        return Words::tr("write an IPv6 address as [::1]:PORT, not %1").arg(s("text"));
    if (c == QLatin1String("attach-bad-port"))
        return Words::tr("the port must be a number from 1 to 65535, not \"%1\"").arg(s("text"));
    if (c == QLatin1String("attach-already")) return Words::tr("already attached");
    if (c == QLatin1String("attach-capture-mode"))
        return Words::tr("attaching to the host captures on the host or not at "
                         "all (\"host\" or \"states-only\"), not \"%1\"")
            .arg(s("mode"));
    if (c == QLatin1String("attach-in-lab"))
        return Words::tr(
            "attach from a thread outside the lab: this one sees a lab's network, not the host's");
    if (c == QLatin1String("attach-no-sockdiag"))
        return Words::tr("nothing can be observed: sock_diag is not available (%1)")
            .arg(s("detail"));
    if (c == QLatin1String("attach-capture-failed"))
        return Words::tr("cannot capture on the host loopback: %1").arg(cause);
    if (c == QLatin1String("attach-pcap-states-only"))
        return Words::tr("cannot write a pcap: no capture permission on the "
                         "host, states from sock_diag only (%1)")
            .arg(cause);
    if (c == QLatin1String("attach-states-only"))
        return Words::tr("no capture permission on the host: states from sock_diag only (%1)")
            .arg(cause);
    if (c == QLatin1String("attach-left-out"))
        return Words::tr("%1 socket(s) on port %2 with a non-loopback address were left out")
            .arg(n("count"))
            .arg(n("port"));
    if (c == QLatin1String("attach-owners-unreadable"))
        return Words::tr(
            "the owning processes could not be read (/proc/PID/fd): actors are named by port");
    if (c == QLatin1String("attach-nothing-seen"))
        return Words::tr("nothing used port %1 on the loopback while attached (%2 s)")
            .arg(n("port"))
            .arg(a.value("seconds").toDouble());

    // A code this socklab has no words for (a newer socklab's session): its values, as they are.
    return p.debugText();
}

QString problemsText(const ProblemList& list)
{
    QStringList parts;
    for (const Problem& p : list)
        parts << problemText(p);
    return parts.join(QStringLiteral("; "));
}

} // namespace socklab
