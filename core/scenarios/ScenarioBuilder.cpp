#include "ScenarioBuilder.h"

#include "ScenarioCatalog.h"

namespace socklab {

ScenarioBuilder::ScenarioBuilder(QString id, const char* title, const char* lesson)
{
    m_s.id = std::move(id);
    m_s.title = title;
    m_s.lesson = lesson;
}

ScenarioBuilder& ScenarioBuilder::actor(const QString& name, const QString& role, const QString& codeFile)
{
    m_s.actors.append({name, role, codeFile});
    m_code.insert(name, ScenarioCatalog::codeLines(codeFile));
    return *this;
}

ScenarioBuilder& ScenarioBuilder::step(const QString& actor, const QString& call, const QString& socket,
                                       QVariantMap args, const QString& snippet, const QString& caption)
{
    Step s;
    s.actor = actor;
    s.call = call;
    s.socket = socket;
    s.args = std::move(args);
    s.captionId = caption;
    const QStringList& code = m_code[actor];
    for (int i = m_lastLine.value(actor, 0); i < code.size(); ++i) {
        // Comments often name the call they explain: the step is the code line.
        if (code[i].trimmed().startsWith('#')) continue;
        if (code[i].contains(snippet)) {
            s.codeLine = i + 1;
            m_lastLine.insert(actor, i + 1);
            break;
        }
    }
    m_s.steps.append(std::move(s));
    return *this;
}

ScenarioBuilder& ScenarioBuilder::wait(int minMs, int maxMs)
{
    m_s.steps.last().minWaitMs = minMs;
    m_s.steps.last().maxWaitMs = maxMs;
    return *this;
}

ScenarioBuilder& ScenarioBuilder::param(const QString& key, const QVariant& value)
{
    m_s.parameters.insert(key, value);
    return *this;
}

void addListeningServer(ScenarioBuilder& b, const QString& prefix, int backlog)
{
    b.step("server", "socket", "sockfd", {{"type", "stream"}}, "socket.socket(", prefix + ".server-socket")
        .step("server", "bind", "sockfd", {{"addr", "127.0.0.1"}, {"port", "$port"}}, "bind(", prefix + ".bind")
        .step("server", "listen", "sockfd", {{"backlog", backlog}}, "listen(", prefix + ".listen")
        .step("server", "accept", "sockfd", {{"as", "connfd"}}, "accept()", prefix + ".accept");
}

void addConnectingClient(ScenarioBuilder& b, const QString& prefix)
{
    b.step("client", "socket", "sockfd", {{"type", "stream"}}, "socket.socket(", prefix + ".client-socket")
        .step("client", "connect", "sockfd", {{"addr", "127.0.0.1"}, {"port", "$port"}}, "connect(",
              prefix + ".connect");
}

} // namespace socklab
