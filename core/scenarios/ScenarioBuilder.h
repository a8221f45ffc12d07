#pragma once
// Writes a scenario's steps the way the lesson's code reads: each step names
// a snippet of its actor's Python code, and the builder finds its line.

#include "Scenario.h"

#include <QHash>
#include <QStringList>

namespace socklab {

class ScenarioBuilder
{
public:
    ScenarioBuilder(QString id, const char* title, const char* lesson);
    ScenarioBuilder& actor(const QString& name, const QString& role, const QString& codeFile);
    // `snippet` is searched in the actor's code from the line after its last
    // step on; the step gets that line (or -1 when absent, which tests catch).
    ScenarioBuilder& step(const QString& actor, const QString& call, const QString& socket,
                          QVariantMap args, const QString& snippet, const QString& caption);
    ScenarioBuilder& wait(int minMs, int maxMs = 5000); // applies to the last step
    ScenarioBuilder& param(const QString& key, const QVariant& value);
    Scenario build() const { return m_s; }

private:
    Scenario m_s;
    QHash<QString, QStringList> m_code;
    QHash<QString, int> m_lastLine;
};

// The three steps every TCP scenario starts its server with, and a client's connect.
void addListeningServer(ScenarioBuilder& b, const QString& prefix, int backlog = 5);
void addConnectingClient(ScenarioBuilder& b, const QString& prefix);

} // namespace socklab
