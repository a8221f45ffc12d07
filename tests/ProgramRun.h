#pragma once
// Helpers for the program-lab tests: run commands in a ProgramLab and read
// what it recorded.

#include "ProgramLab.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <string>
#include <memory>

namespace socklab::test {

inline QString example(const QString& file)
{
    return QStringLiteral(SOCKLAB_SOURCE_DIR "/resources/examples/python/") + file;
}

// Flags of the TCP segments in order, "SYN", "SYN,ACK", ...; from -> to.
struct Seg {
    QString from, to, flags;
    QByteArray payload;
};
QList<Seg> segments(const Timeline& tl);
QStringList outputOf(const Timeline& tl, const QString& actor, const QString& stream = QStringLiteral("stdout"));
bool hasState(const Timeline& tl, const QString& actor, const QString& state, Provenance p);

// Runs to the end; `each` is called every round (to type into stdin).
std::unique_ptr<ProgramLab> runLab(const QList<QStringList>& commands, ProgramLabOptions options = {},
                                   const std::function<void(ProgramLab&)>& each = {});
// Problems for a test failure message: "code {key=value}; …".
std::string debugText(const ProblemList& list);
int netnsDescriptors();        // /proc/self/fd links to a network namespace
QList<int> childrenOfThisProcess(); // /proc/*/stat with our pid as parent

} // namespace socklab::test
