// Connections and ports: listen(n), TIME_WAIT and SO_REUSEADDR, the homework
// server, and which address a server binds.

#include "LessonParameters.h"
#include "LessonScenarios.h"
#include "ScenarioBuilder.h"

#include <QtGlobal>

namespace socklab {

namespace {

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

} // namespace

Scenario backlogScenario(const QVariantMap& p)
{
    const int backlog = int(intParam(p, "backlog", 1));
    ScenarioBuilder b("backlog", QT_TRANSLATE_NOOP("Scenario", "listen(n): a full accept queue drops SYNs"), "2.3");
    usePortParam(b, p);
    b.actor("server", "server", ":/code/backlog_server.py");
    // Linux queues backlog+1 finished connections; one client more finds it full.
    const int clients = backlog + 2;
    for (int i = 1; i <= clients; ++i)
        b.actor(QStringLiteral("client%1").arg(i), "client", ":/code/backlog_client.py");
    b.param("backlog", backlog);
    b.step("server", "socket", "sockfd", {{"type", "stream"}}, "socket.socket(", "backlog.server-socket")
        .step("server", "bind", "sockfd", {{"addr", "127.0.0.1"}, {"port", "$port"}}, "bind(", "backlog.bind")
        .step("server", "listen", "sockfd", {{"backlog", backlog}}, "listen(", "backlog.listen");
    for (int i = 1; i <= clients; ++i) {
        const QString c = QStringLiteral("client%1").arg(i);
        const bool dropped = i == clients;
        b.step(c, "socket", "sockfd", {{"type", "stream"}}, "socket.socket(", "backlog.client-socket")
            .step(c, "connect", "sockfd", {{"addr", "127.0.0.1"}, {"port", "$port"}}, "connect(",
                  dropped ? "backlog.connect-dropped" : "backlog.connect-queued");
        // The last client's SYN is dropped: watch it being sent again ≈1 s and ≈2 s later.
        if (dropped) b.wait(3300, 6000);
    }
    // The listener goes away: the queued connections are reset, the waiting connect() fails.
    b.step("server", "close", "sockfd", {}, ".close()", "backlog.listener-close");
    return b.build();
}

Scenario timeWaitScenario(const QVariantMap& p)
{
    ScenarioBuilder b("time-wait", QT_TRANSLATE_NOOP("Scenario", "TIME_WAIT holds the port: SO_REUSEADDR"), "");
    usePortParam(b, p);
    b.actor("server", "server", ":/code/time_wait_server.py").actor("client", "client", ":/code/time_wait_client.py");
    const QVariantMap reuse{{"option", "SO_REUSEADDR"}, {"value", 1}};
    const QVariantMap addr{{"addr", "127.0.0.1"}, {"port", "$port"}};
    b.step("server", "socket", "sockfd", {{"type", "stream"}}, "socket.socket(", "time-wait.server-socket")
        .step("server", "setsockopt", "sockfd", reuse, "SO_REUSEADDR", "time-wait.reuseaddr-first")
        .step("server", "bind", "sockfd", addr, "bind(", "time-wait.bind")
        .step("server", "listen", "sockfd", {{"backlog", 5}}, "listen(", "time-wait.listen")
        .step("server", "accept", "sockfd", {{"as", "connfd"}}, "accept()", "time-wait.accept");
    addConnectingClient(b, "time-wait");
    b.step("server", "close", "connfd", {}, "connfd.close()", "time-wait.server-close-first")
        .step("client", "recv", "sockfd", {{"bufsize", 1024}}, ".recv(1024)", "time-wait.client-recv-eof")
        .step("client", "close", "sockfd", {}, ".close()", "time-wait.client-close")
        .step("server", "close", "sockfd", {}, "sockfd.close()", "time-wait.listener-close")
        .wait(1200) // the TIME_WAIT timer counting down (sock_diag)
        .step("server", "socket", "sockfd", {{"type", "stream"}}, "socket.socket(", "time-wait.restart-socket")
        .step("server", "bind", "sockfd", addr, "bind(", "time-wait.bind-in-use")
        .step("server", "setsockopt", "sockfd", reuse, "SO_REUSEADDR", "time-wait.reuseaddr")
        .step("server", "bind", "sockfd", addr, "bind(", "time-wait.bind-reuse")
        .step("server", "listen", "sockfd", {{"backlog", 5}}, "listen(", "time-wait.listen-again")
        .step("server", "close", "sockfd", {}, "sockfd.close()", "time-wait.final-close");
    return b.build();
}

Scenario homeworkScenario(const QVariantMap& p)
{
    const QByteArray special = bytesParam(p, "special", "##");
    const QByteArray message = bytesParam(p, "message", "hello");
    ScenarioBuilder b("homework", QT_TRANSLATE_NOOP("Scenario", "Homework: serve the next client"), "作业 2");
    usePortParam(b, p);
    b.actor("server", "server", ":/code/homework_server.py")
        .actor("client1", "client", ":/code/homework_client.py")
        .actor("client2", "client", ":/code/homework_client.py");
    b.param("special", QString::fromUtf8(special)).param("message", QString::fromUtf8(message));
    const QVariantMap recv{{"bufsize", 1024}};
    addListeningServer(b, "homework");
    b.step("client1", "socket", "sockfd", {{"type", "stream"}}, "socket.socket(", "homework.client-socket")
        .step("client1", "connect", "sockfd", {{"addr", "127.0.0.1"}, {"port", "$port"}}, "connect(",
              "homework.connect")
        .step("client1", "send", "sockfd", {{"data", message}}, ".send(b'hello')", "homework.client-send")
        .step("server", "recv", "connfd", recv, ".recv(1024)", "homework.server-recv")
        .step("server", "send", "connfd", {{"data", QByteArray("Thanks")}}, ".send(", "homework.server-send")
        .step("client1", "recv", "sockfd", recv, ".recv(1024)", "homework.client-recv")
        // A second client arrives while the server is busy: the kernel completes
        // its handshake and queues it; its message waits in the receive buffer.
        .step("client2", "socket", "sockfd", {{"type", "stream"}}, "socket.socket(", "homework.client-socket")
        .step("client2", "connect", "sockfd", {{"addr", "127.0.0.1"}, {"port", "$port"}}, "connect(",
              "homework.connect-queued")
        .step("client2", "send", "sockfd", {{"data", message}}, ".send(b'hello')", "homework.client-send-queued")
        .step("client2", "recv", "sockfd", recv, ".recv(1024)", "homework.client-recv-waits")
        .step("client1", "send", "sockfd", {{"data", special}}, ".send(b'##')", "homework.client-send-special")
        .step("server", "recv", "connfd", recv, ".recv(1024)", "homework.server-recv-special")
        .step("server", "close", "connfd", {}, "connfd.close()", "homework.server-close")
        .step("client1", "close", "sockfd", {}, ".close()", "homework.client-close")
        // Back to the top of the loop: accept() returns the queued client at once.
        .step("server", "accept", "sockfd", {{"as", "connfd"}}, "accept()", "homework.accept-next")
        .step("server", "recv", "connfd", recv, ".recv(1024)", "homework.server-recv")
        .step("server", "send", "connfd", {{"data", QByteArray("Thanks")}}, ".send(", "homework.server-send")
        .step("client2", "send", "sockfd", {{"data", special}}, ".send(b'##')", "homework.client-send-special")
        .step("server", "recv", "connfd", recv, ".recv(1024)", "homework.server-recv-special")
        .step("server", "close", "connfd", {}, "connfd.close()", "homework.server-close")
        .step("client2", "close", "sockfd", {}, ".close()", "homework.client-close")
        .step("server", "accept", "sockfd", {{"as", "connfd"}}, "accept()", "homework.accept-waits");
    Scenario s = b.build();
    reuseLoopLines(s);
    return s;
}

Scenario bindAddressScenario(const QVariantMap& p)
{
    ScenarioBuilder b("bind-address", QT_TRANSLATE_NOOP("Scenario", "127.0.0.1 or 0.0.0.0: which bind accepts what"),
                      "2.2");
    usePortParam(b, p);
    b.actor("server", "server", ":/code/bind_address_server.py")
        .actor("client", "client", ":/code/bind_address_client.py");
    const QVariantMap toSecond{{"addr", "$addr2"}, {"port", "$port"}};
    b.step("server", "socket", "sockfd", {{"type", "stream"}}, "socket.socket(", "bind-address.server-socket")
        .step("server", "bind", "sockfd", {{"addr", "127.0.0.1"}, {"port", "$port"}}, "bind(", "bind-address.bind-loopback")
        .step("server", "listen", "sockfd", {{"backlog", 5}}, "listen(", "bind-address.listen")
        .step("client", "socket", "sockfd", {{"type", "stream"}}, "socket.socket(", "bind-address.client-socket")
        .step("client", "connect", "sockfd", toSecond, "connect(", "bind-address.connect-refused")
        .step("client", "close", "sockfd", {}, ".close()", "bind-address.client-close")
        .step("server", "close", "sockfd", {}, ".close()", "bind-address.listener-close")
        .step("server", "socket", "sockfd", {{"type", "stream"}}, "socket.socket(", "bind-address.server-socket")
        .step("server", "bind", "sockfd", {{"addr", "0.0.0.0"}, {"port", "$port"}}, "bind(", "bind-address.bind-any")
        .step("server", "listen", "sockfd", {{"backlog", 5}}, "listen(", "bind-address.listen")
        .step("server", "accept", "sockfd", {{"as", "connfd"}}, "accept()", "bind-address.accept")
        .step("client", "socket", "sockfd", {{"type", "stream"}}, "socket.socket(", "bind-address.client-socket")
        .step("client", "connect", "sockfd", toSecond, "connect(", "bind-address.connect-accepted")
        .step("server", "close", "connfd", {}, "connfd.close()", "bind-address.server-close")
        .step("client", "close", "sockfd", {}, ".close()", "bind-address.client-close")
        .step("server", "close", "sockfd", {}, "sockfd.close()", "bind-address.listener-close");
    return b.build();
}

} // namespace socklab
