#pragma once
// A scenario is data: actors and the steps they take, each tied to the line of
// Python code it corresponds to and a caption id (translated in ui/).

#include <QList>
#include <QString>
#include <QVariantMap>

#include <memory>

namespace socklab {

class ScenarioFolder;

struct ActorSpec {
    QString name;     // "server", "client"
    QString role;     // "server", "client", "peer"
    QString codeFile; // resource name of the Python code: ":/code/handshake_server.py"
};

struct Step {
    QString actor;
    // Python-level call: socket, setsockopt, bind, listen, accept, connect, send,
    // sendall, recv, shutdown, close, sendto, recvfrom; and two pacing calls:
    // sleep (time.sleep) and wait_readable (sleep until the receive queue holds
    // `bytes` bytes, so a lesson comes out the same every run).
    QString call;
    QString socket; // the Python variable the call is made on ("sockfd", "connfd")
    // Arguments. Strings "$port", "$port2", "$addr", "$addr2" are replaced by the
    // session's values when the step runs. Known keys: type ("stream"/"dgram"),
    // addr, port, backlog, data (bytes), bufsize, how, option, value, as (the name
    // of the socket accept() returns), ms, bytes, expect_errno.
    QVariantMap args;
    int codeLine = -1; // 1-based line in the actor's code file
    QString captionId; // e.g. "handshake.connect"
    int minWaitMs = 0; // keep observing at least this long (retransmissions, probes)
    int maxWaitMs = 5000;
};

struct Scenario {
    QString id;
    const char* title = "";  // QT_TRANSLATE_NOOP("Scenario", ...)
    const char* lesson = ""; // lesson section, e.g. "2–3"
    QList<ActorSpec> actors;
    QList<Step> steps;
    QVariantMap parameters; // defaults a user may change (message texts, sizes, ...)
    // A scenario folder (docs/scenario-format.md): its programs run for real,
    // stepped by its script (ScriptedRun); parameters hold the resolved values.
    std::shared_ptr<const ScenarioFolder> folder;
};

} // namespace socklab
