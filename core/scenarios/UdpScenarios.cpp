// 数据报套接字: no connection, one datagram per recvfrom(), truncation, ICMP.

#include "LessonParameters.h"
#include "LessonScenarios.h"
#include "ScenarioBuilder.h"

#include <QStringList>
#include <QtGlobal>

namespace socklab {

QStringList messageTexts(const QList<QByteArray>& msgs); // StickyScenarios.cpp

Scenario udpScenario(const QVariantMap& p)
{
    // The last datagram is longer than the last recvfrom()'s buffer.
    const QList<QByteArray> msgs = messagesParam(p, {"hello", "world", "this datagram is too long"});
    const int shortBuf = int(intParam(p, "bufsize", 10));
    ScenarioBuilder b("udp", QT_TRANSLATE_NOOP("Scenario", "UDP: datagrams, truncation, port unreachable"), "1.3");
    usePortParam(b, p);
    b.actor("server", "server", ":/code/udp_server.py").actor("client", "client", ":/code/udp_client.py");
    b.param("messages", messageTexts(msgs)).param("bufsize", shortBuf);
    b.step("server", "socket", "sockfd", {{"type", "dgram"}}, "socket.socket(", "udp.server-socket")
        .step("server", "bind", "sockfd", {{"addr", "127.0.0.1"}, {"port", "$port"}}, "bind(", "udp.bind")
        .step("client", "socket", "sockfd", {{"type", "dgram"}}, "socket.socket(", "udp.client-socket");
    const QStringList sendSnippets{"sendto(b'hello'", "sendto(b'world'", "sendto(b'this"};
    for (int i = 0; i < msgs.size(); ++i)
        b.step("client", "sendto", "sockfd", {{"data", msgs[i]}, {"addr", "127.0.0.1"}, {"port", "$port"}},
               sendSnippets.value(i, QStringLiteral("sendto(")), "udp.sendto");
    for (int i = 0; i < msgs.size(); ++i) {
        const bool last = i == msgs.size() - 1;
        b.step("server", "recvfrom", "sockfd", {{"bufsize", last ? shortBuf : 1024}},
               last ? QStringLiteral("recvfrom(10)") : QStringLiteral("recvfrom(1024)"),
               last ? "udp.recvfrom-truncated" : "udp.recvfrom");
    }
    // A connected UDP socket hears about the ICMP error: the next call fails.
    b.step("client", "close", "sockfd", {}, ".close()", "udp.client-close")
        .step("client", "socket", "sockfd", {{"type", "dgram"}}, "socket.socket(", "udp.client-socket2")
        .step("client", "connect", "sockfd", {{"addr", "127.0.0.1"}, {"port", "$port2"}}, "connect(",
              "udp.connect")
        .step("client", "send", "sockfd", {{"data", QByteArray("anyone?")}}, ".send(", "udp.send-unreachable")
        .step("client", "settimeout", "sockfd", {{"ms", 1000}}, "settimeout(", "udp.settimeout")
        .step("client", "recv", "sockfd", {{"bufsize", 1024}}, ".recv(1024)", "udp.recv-refused")
        .step("client", "close", "sockfd", {}, ".close()", "udp.client-close2")
        .step("server", "close", "sockfd", {}, ".close()", "udp.server-close");
    Scenario s = b.build();
    for (int i = 1; i < s.steps.size(); ++i) // more datagrams than code lines reuse the previous line
        if (s.steps[i].codeLine < 0 && s.steps[i].call == s.steps[i - 1].call)
            s.steps[i].codeLine = s.steps[i - 1].codeLine;
    return s;
}

} // namespace socklab
