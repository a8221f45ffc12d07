// 粘包: quick send()s, one late recv() that gets them all.

#include "LessonParameters.h"
#include "LessonScenarios.h"
#include "ScenarioBuilder.h"

#include <QStringList>
#include <QtGlobal>

namespace socklab {

QStringList messageTexts(const QList<QByteArray>& msgs)
{
    QStringList out;
    for (const QByteArray& m : msgs)
        out << QString::fromUtf8(m);
    return out;
}

Scenario stickyScenario(const QVariantMap& p)
{
    const QList<QByteArray> msgs = messagesParam(p, {"hello", "world", "12345"});
    const QByteArray all = joined(msgs);
    ScenarioBuilder b("sticky", QT_TRANSLATE_NOOP("Scenario", "Sticky packets: message boundaries lost"), "6");
    usePortParam(b, p);
    b.actor("server", "server", ":/code/sticky_server.py").actor("client", "client", ":/code/sticky_client.py");
    b.param("messages", messageTexts(msgs));
    addListeningServer(b, "sticky");
    addConnectingClient(b, "sticky");
    // The code shows three send() lines; more messages reuse the last one.
    const QStringList snippets{".send(b'hello')", ".send(b'world')", ".send(b'12345')"};
    for (int i = 0; i < msgs.size(); ++i)
        b.step("client", "send", "sockfd", {{"data", msgs[i]}}, snippets.value(i, QStringLiteral(".send(")),
               "sticky.send");
    // The lesson's time.sleep(): wait until every byte is in the receive
    // queue, so the one recv() below gets them all in every run.
    b.step("server", "wait_readable", "connfd", {{"bytes", all.size()}}, "time.sleep(", "sticky.wait")
        .step("server", "recv", "connfd", {{"bufsize", qMax(1024, int(all.size()))}}, ".recv(1024)",
              "sticky.recv-all")
        .step("client", "close", "sockfd", {}, ".close()", "sticky.client-close")
        .step("server", "close", "connfd", {}, "connfd.close()", "sticky.server-close")
        .step("server", "close", "sockfd", {}, "sockfd.close()", "sticky.listener-close");
    Scenario s = b.build();
    // Messages past the third run the last send() line again.
    for (int i = 1; i < s.steps.size(); ++i)
        if (s.steps[i].codeLine < 0 && s.steps[i].call == QLatin1String("send"))
            s.steps[i].codeLine = s.steps[i - 1].codeLine;
    return s;
}

} // namespace socklab
