#include "ScenarioCatalog.h"

#include "LessonScenarios.h"
#include "ScenarioBuilder.h"

#include <QFile>
#include <QtGlobal>

namespace socklab {

namespace {

Scenario handshake(const QVariantMap&)
{
    ScenarioBuilder b("handshake", QT_TRANSLATE_NOOP("Scenario", "Three-way handshake"), "2–3");
    b.actor("server", "server", ":/code/handshake_server.py")
        .actor("client", "client", ":/code/handshake_client.py");
    addListeningServer(b, "tcp");
    addConnectingClient(b, "tcp");
    return b.build();
}

Scenario echo(const QVariantMap& p)
{
    const QByteArray msg = p.value("message", QByteArray("hello")).toByteArray();
    const QByteArray reply = p.value("reply", QByteArray("Thanks")).toByteArray();
    ScenarioBuilder b("echo", QT_TRANSLATE_NOOP("Scenario", "Echo: the lesson's server and client"), "2–3");
    b.actor("server", "server", ":/code/echo_server.py").actor("client", "client", ":/code/echo_client.py");
    b.param("message", msg).param("reply", reply);
    addListeningServer(b, "tcp");
    addConnectingClient(b, "tcp");
    b.step("client", "send", "sockfd", {{"data", msg}}, ".send(", "echo.client-send")
        .step("server", "recv", "connfd", {{"bufsize", 1024}}, ".recv(1024)", "echo.server-recv")
        .step("server", "send", "connfd", {{"data", reply}}, ".send(", "echo.server-send")
        .step("client", "recv", "sockfd", {{"bufsize", 1024}}, ".recv(1024)", "echo.client-recv")
        .step("server", "recv", "connfd", {{"bufsize", 1024}}, ".recv(1024)", "echo.server-recv-wait")
        .step("client", "close", "sockfd", {}, ".close()", "echo.client-close")
        .step("server", "close", "connfd", {}, "connfd.close()", "echo.server-close")
        .step("server", "close", "sockfd", {}, "sockfd.close()", "echo.listener-close");
    return b.build();
}

Scenario teardown(const QVariantMap&)
{
    ScenarioBuilder b("teardown", QT_TRANSLATE_NOOP("Scenario", "Four-way teardown"), "四次挥手");
    b.actor("server", "server", ":/code/teardown_server.py").actor("client", "client", ":/code/teardown_client.py");
    addListeningServer(b, "tcp");
    addConnectingClient(b, "tcp");
    b.step("server", "recv", "connfd", {{"bufsize", 1024}}, ".recv(1024)", "teardown.server-recv")
        .step("client", "close", "sockfd", {}, ".close()", "teardown.client-close")
        .step("server", "close", "connfd", {}, ".close()", "teardown.server-close")
        .wait(300);
    return b.build();
}

Scenario refused(const QVariantMap&)
{
    ScenarioBuilder b("refused", QT_TRANSLATE_NOOP("Scenario", "Connection refused"), "");
    b.actor("client", "client", ":/code/refused_client.py");
    b.step("client", "socket", "sockfd", {{"type", "stream"}}, "socket.socket(", "tcp.client-socket")
        .step("client", "connect", "sockfd", {{"addr", "127.0.0.1"}, {"port", "$port2"}}, "connect(",
              "refused.connect");
    return b.build();
}

Scenario brokenPipe(const QVariantMap&)
{
    ScenarioBuilder b("broken-pipe", QT_TRANSLATE_NOOP("Scenario", "Broken pipe: send() after the peer left"), "4.3");
    b.actor("server", "server", ":/code/broken_pipe_server.py")
        .actor("client", "client", ":/code/broken_pipe_client.py");
    addListeningServer(b, "tcp");
    addConnectingClient(b, "tcp");
    b.step("server", "close", "connfd", {}, ".close()", "broken-pipe.server-close")
        .step("client", "send", "sockfd", {{"data", QByteArray("hello")}}, ".send(b'hello')", "broken-pipe.first-send")
        .step("client", "send", "sockfd", {{"data", QByteArray("again")}}, ".send(b'again')", "broken-pipe.second-send")
        .step("client", "recv", "sockfd", {{"bufsize", 1024}}, ".recv(1024)", "broken-pipe.recv");
    return b.build();
}

Scenario resetUnread(const QVariantMap&)
{
    ScenarioBuilder b("reset-unread", QT_TRANSLATE_NOOP("Scenario", "Reset: close() with unread data"), "");
    b.actor("server", "server", ":/code/reset_unread_server.py")
        .actor("client", "client", ":/code/reset_unread_client.py");
    addListeningServer(b, "tcp");
    addConnectingClient(b, "tcp");
    b.step("client", "send", "sockfd", {{"data", QByteArray("hello")}}, ".send(", "reset-unread.client-send")
        .step("server", "close", "connfd", {}, ".close()", "reset-unread.server-close")
        .step("client", "recv", "sockfd", {{"bufsize", 1024}}, ".recv(1024)", "reset-unread.client-recv");
    return b.build();
}

struct Entry {
    const char* id;
    const char* title;
    Scenario (*build)(const QVariantMap&);
};

const Entry kEntries[] = {
    {"handshake", QT_TRANSLATE_NOOP("Scenario", "Three-way handshake"), handshake},
    {"echo", QT_TRANSLATE_NOOP("Scenario", "Echo: the lesson's server and client"), echo},
    {"teardown", QT_TRANSLATE_NOOP("Scenario", "Four-way teardown"), teardown},
    {"refused", QT_TRANSLATE_NOOP("Scenario", "Connection refused"), refused},
    {"broken-pipe", QT_TRANSLATE_NOOP("Scenario", "Broken pipe: send() after the peer left"), brokenPipe},
    {"reset-unread", QT_TRANSLATE_NOOP("Scenario", "Reset: close() with unread data"), resetUnread},
    {"buffers", QT_TRANSLATE_NOOP("Scenario", "Send and receive buffers, zero window"), buffersScenario},
    {"sticky", QT_TRANSLATE_NOOP("Scenario", "Sticky packets: message boundaries lost"), stickyScenario},
    {"fix-delimiter", QT_TRANSLATE_NOOP("Scenario", "Fix 1: an end marker after each message"), fixDelimiterScenario},
    {"fix-length-prefix", QT_TRANSLATE_NOOP("Scenario", "Fix 2: a header with the length (\"Y 18 abcd…\")"),
     fixLengthPrefixScenario},
    {"fix-pacing", QT_TRANSLATE_NOOP("Scenario", "Fix 3: take turns, one message per recv()"), fixPacingScenario},
    {"udp", QT_TRANSLATE_NOOP("Scenario", "UDP: datagrams, truncation, port unreachable"), udpScenario},
    {"backlog", QT_TRANSLATE_NOOP("Scenario", "listen(n): a full accept queue drops SYNs"), backlogScenario},
    {"time-wait", QT_TRANSLATE_NOOP("Scenario", "TIME_WAIT holds the port: SO_REUSEADDR"), timeWaitScenario},
    {"homework", QT_TRANSLATE_NOOP("Scenario", "Homework: serve the next client"), homeworkScenario},
    {"bind-address", QT_TRANSLATE_NOOP("Scenario", "127.0.0.1 or 0.0.0.0: which bind accepts what"),
     bindAddressScenario},
};

const Entry* find(const QString& id)
{
    for (const Entry& e : kEntries)
        if (id == QLatin1String(e.id)) return &e;
    return nullptr;
}

} // namespace

QStringList ScenarioCatalog::ids()
{
    QStringList out;
    for (const Entry& e : kEntries)
        out << QString::fromLatin1(e.id);
    return out;
}

bool ScenarioCatalog::contains(const QString& id) { return find(id) != nullptr; }

const char* ScenarioCatalog::title(const QString& id)
{
    const Entry* e = find(id);
    return e ? e->title : "";
}

std::optional<Scenario> ScenarioCatalog::build(const QString& id, const QVariantMap& params, QString* error)
{
    const Entry* e = find(id);
    if (!e) {
        if (error) *error = QStringLiteral("unknown scenario \"%1\" (see: socklab list)").arg(id);
        return std::nullopt;
    }
    if (!checkLessonParameters(id, params, error)) return std::nullopt;
    return e->build(params);
}

QStringList ScenarioCatalog::codeLines(const QString& codeFile)
{
    QFile f(codeFile);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) return {};
    QStringList lines = QString::fromUtf8(f.readAll()).split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty()) lines.removeLast();
    return lines;
}

} // namespace socklab
