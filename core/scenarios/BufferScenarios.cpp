// 收发缓冲区: small buffers and a receiver that does not read.

#include "LessonParameters.h"
#include "LessonScenarios.h"
#include "ScenarioBuilder.h"

#include <QtGlobal>

namespace socklab {

Scenario buffersScenario(const QVariantMap& p)
{
    const qint64 sndbuf = intParam(p, "sndbuf", 4096);
    const qint64 rcvbuf = intParam(p, "rcvbuf", 4096);
    const qint64 size = intParam(p, "size", 65536);
    ScenarioBuilder b("buffers", QT_TRANSLATE_NOOP("Scenario", "Send and receive buffers, zero window"), "5");
    usePortParam(b, p);
    b.actor("server", "server", ":/code/buffers_server.py").actor("client", "client", ":/code/buffers_client.py");
    b.param("sndbuf", sndbuf).param("rcvbuf", rcvbuf).param("size", size);
    // The receive buffer is set on the listener: the accepted socket inherits
    // it, and the window it offers in its SYN+ACK is already small.
    b.step("server", "socket", "sockfd", {{"type", "stream"}}, "socket.socket(", "buffers.server-socket")
        .step("server", "setsockopt", "sockfd", {{"option", "SO_RCVBUF"}, {"value", rcvbuf}}, "SO_RCVBUF",
              "buffers.rcvbuf")
        .step("server", "bind", "sockfd", {{"addr", "127.0.0.1"}, {"port", "$port"}}, "bind(", "buffers.bind")
        .step("server", "listen", "sockfd", {{"backlog", 5}}, "listen(", "buffers.listen")
        .step("server", "accept", "sockfd", {{"as", "connfd"}}, "accept()", "buffers.accept")
        .step("client", "socket", "sockfd", {{"type", "stream"}}, "socket.socket(", "buffers.client-socket")
        .step("client", "setsockopt", "sockfd", {{"option", "SO_SNDBUF"}, {"value", sndbuf}}, "SO_SNDBUF",
              "buffers.sndbuf")
        .step("client", "connect", "sockfd", {{"addr", "127.0.0.1"}, {"port", "$port"}}, "connect(",
              "buffers.connect")
        .step("client", "settimeout", "sockfd", {{"ms", 500}}, "settimeout(0.5)", "buffers.settimeout")
        // Both queues fill, the receiver advertises window 0, send() blocks;
        // the sender's kernel starts zero-window probes (≈0.2, 0.4, 0.8 s).
        .step("client", "sendall", "sockfd", {{"data", QByteArray(int(size), 'x')}}, ".sendall(b'x'",
              "buffers.send-fills")
        .wait(2500, 8000)
        .step("client", "settimeout", "sockfd", {{"ms", 0}}, "settimeout(None)", "buffers.blocking")
        .step("client", "sendall", "sockfd", {{"data", QByteArray(4096, 'z')}}, ".sendall(b'z'", "buffers.sendall-blocks")
        .wait(300)
        .step("server", "recv", "connfd", {{"bufsize", 4096}}, ".recv(4096)", "buffers.first-read")
        .wait(300)
        .step("server", "recv", "connfd", {{"bufsize", 4096}}, ".recv(4096)", "buffers.second-read")
        .wait(300)
        .step("server", "settimeout", "connfd", {{"ms", 500}}, "settimeout(0.5)", "buffers.read-timeout")
        // The loop of the Python code: recv() again and again until 0.5 s bring nothing.
        .step("server", "recv", "connfd", {{"bufsize", 4096}, {"repeat", true}}, ".recv(4096)", "buffers.drain")
        .wait(0, 15000)
        .step("client", "close", "sockfd", {}, ".close()", "buffers.client-close")
        .step("server", "close", "connfd", {}, "connfd.close()", "buffers.server-close")
        .step("server", "close", "sockfd", {}, "sockfd.close()", "buffers.listener-close");
    return b.build();
}

} // namespace socklab
