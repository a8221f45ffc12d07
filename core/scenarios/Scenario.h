#pragma once
// A scenario is data: the actors of a scenario folder and the steps its script
// takes, each tied to the line of Python code it stops at and a caption id
// (translated where it is shown). The folder's programs are what run.

#include <QList>
#include <QString>
#include <QVariantMap>

#include <memory>

namespace socklab {

class ScenarioFolder;

struct ActorSpec {
    QString name;     // "server", "client"
    QString role;     // "server", "client", "peer"
    QString codeFile; // the program's file: ":/scenarios/handshake/server.py" or a teacher's path
};

struct Step {
    QString actor;
    // The Python-level call the step stops at (accept, connect, sendall, recv,
    // recvfrom, close, ...), or "sleep" for a step that only waits (args "ms").
    QString call;
    QString socket; // the Python variable the call is made on ("sockfd", "connfd"), where known
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
    QVariantMap parameters; // the values this run uses (the folder's defaults, or the user's)
    // A scenario folder (docs/scenario-format.md): its programs run for real,
    // stepped by its script (ScriptedRun); parameters hold the resolved values.
    std::shared_ptr<const ScenarioFolder> folder;
};

} // namespace socklab
