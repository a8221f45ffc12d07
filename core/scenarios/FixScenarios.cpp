// The lesson's three fixes for sticky packets (6.1–6.3). The receiver's parse
// runs in MessageFramer (named by the recv step's "framing" arg); the actor
// reports each message it completes.

#include "LessonParameters.h"
#include "LessonScenarios.h"
#include "MessageFramer.h"
#include "ScenarioBuilder.h"

#include <QStringList>
#include <QtGlobal>

namespace socklab {

QStringList messageTexts(const QList<QByteArray>& msgs); // StickyScenarios.cpp

namespace {

const QList<QByteArray>& defaultMessages()
{
    // The second is Chinese: 15 bytes for 5 characters (UTF-8).
    static const QList<QByteArray> m{"hello", QStringLiteral("你好，世界").toUtf8(), "The quick brown fox"};
    return m;
}

// A loop body run again has no later line to find: it keeps its first line.
void reuseLoopLines(Scenario& s)
{
    for (int i = 0; i < s.steps.size(); ++i) {
        if (s.steps[i].codeLine >= 0) continue;
        for (int j = i - 1; j >= 0; --j)
            if (s.steps[j].actor == s.steps[i].actor && s.steps[j].call == s.steps[i].call) {
                s.steps[i].codeLine = s.steps[j].codeLine;
                break;
            }
    }
}

// Delimiter and length prefix: all messages are sent, the receiver reads late
// and in two pieces, the first ending a few bytes into the second message's
// body (inside a UTF-8 character with the default messages).
Scenario framedScenario(ScenarioBuilder& b, const QList<QByteArray>& frames, int bodyOffset,
                        const QVariantMap& framingArgs, const QString& prefix, const QString& sendSnippet,
                        const QString& firstRecvSnippet)
{
    addListeningServer(b, prefix);
    addConnectingClient(b, prefix);
    for (const QByteArray& f : frames)
        b.step("client", "send", "sockfd", {{"data", f}}, sendSnippet, prefix + ".send");
    const QByteArray all = joined(frames);
    const int split = frames.size() >= 2 ? int(frames[0].size()) + qMin(bodyOffset + 4, int(frames[1].size()) - 1)
                                         : qMax(1, int(frames[0].size()) / 2);
    QVariantMap first = framingArgs, rest = framingArgs;
    first.insert("bufsize", split);
    rest.insert("bufsize", qMax(1024, int(all.size()) - split));
    b.step("server", "wait_readable", "connfd", {{"bytes", all.size()}}, "time.sleep(", prefix + ".wait")
        .step("server", "recv", "connfd", first, firstRecvSnippet, prefix + ".recv-part")
        .step("server", "recv", "connfd", rest, ".recv(1024)", prefix + ".recv-rest")
        .step("client", "close", "sockfd", {}, ".close()", prefix + ".client-close")
        .step("server", "close", "connfd", {}, "connfd.close()", prefix + ".server-close")
        .step("server", "close", "sockfd", {}, "sockfd.close()", prefix + ".listener-close");
    Scenario s = b.build();
    reuseLoopLines(s);
    return s;
}

} // namespace

Scenario fixDelimiterScenario(const QVariantMap& p)
{
    const QList<QByteArray> msgs = messagesParam(p, defaultMessages());
    const QByteArray delim = bytesParam(p, "delimiter", "#");
    ScenarioBuilder b("fix-delimiter", QT_TRANSLATE_NOOP("Scenario", "Fix 1: an end marker after each message"),
                      "6.1");
    usePortParam(b, p);
    b.actor("server", "server", ":/code/fix_delimiter_server.py")
        .actor("client", "client", ":/code/fix_delimiter_client.py");
    b.param("messages", messageTexts(msgs)).param("delimiter", QString::fromUtf8(delim));
    QList<QByteArray> frames;
    for (const QByteArray& m : msgs)
        frames << delimited(m, delim);
    return framedScenario(b, frames, 0, {{"framing", "delimiter"}, {"delimiter", delim}}, "fix-delimiter",
                          ".send(msg", ".recv(10)");
}

Scenario fixLengthPrefixScenario(const QVariantMap& p)
{
    const QList<QByteArray> msgs = messagesParam(p, defaultMessages());
    ScenarioBuilder b("fix-length-prefix",
                      QT_TRANSLATE_NOOP("Scenario", "Fix 2: a header with the length (\"Y 18 abcd…\")"), "6.2");
    usePortParam(b, p);
    b.actor("server", "server", ":/code/fix_length_server.py")
        .actor("client", "client", ":/code/fix_length_client.py");
    b.param("messages", messageTexts(msgs));
    QList<QByteArray> frames;
    for (const QByteArray& m : msgs)
        frames << lengthPrefixed(m);
    return framedScenario(b, frames, kLengthHeaderSize, {{"framing", "length-prefix"}}, "fix-length-prefix",
                          ".send(header", ".recv(19)");
}

Scenario fixPacingScenario(const QVariantMap& p)
{
    const QList<QByteArray> msgs = messagesParam(p, defaultMessages());
    ScenarioBuilder b("fix-pacing", QT_TRANSLATE_NOOP("Scenario", "Fix 3: take turns, one message per recv()"),
                      "6.3");
    usePortParam(b, p);
    b.actor("server", "server", ":/code/fix_pacing_server.py")
        .actor("client", "client", ":/code/fix_pacing_client.py");
    b.param("messages", messageTexts(msgs));
    addListeningServer(b, "fix-pacing");
    addConnectingClient(b, "fix-pacing");
    const QVariantMap recvArgs{{"bufsize", 1024}, {"framing", "per-recv"}};
    // The receiver waits in recv() first; each send() completes it with one message.
    for (const QByteArray& m : msgs) {
        b.step("server", "recv", "connfd", recvArgs, ".recv(1024)", "fix-pacing.recv-waits")
            .step("client", "send", "sockfd", {{"data", m}}, ".send(msg)", "fix-pacing.send")
            .step("client", "sleep", "", {{"ms", 100}}, "time.sleep(", "fix-pacing.pause");
    }
    b.step("server", "recv", "connfd", recvArgs, ".recv(1024)", "fix-pacing.recv-waits")
        .step("client", "close", "sockfd", {}, ".close()", "fix-pacing.client-close")
        .step("server", "close", "connfd", {}, "connfd.close()", "fix-pacing.server-close")
        .step("server", "close", "sockfd", {}, "sockfd.close()", "fix-pacing.listener-close");
    Scenario s = b.build();
    reuseLoopLines(s);
    return s;
}

} // namespace socklab
