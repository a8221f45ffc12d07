#pragma once
// The command-line contract of design.md: list, run, export, lab, or the window.

#include <QStringList>

#include <atomic>

namespace socklab {

struct Invocation {
    QString verb;      // "", "list", "run", "export", "lab", "replay", "doctor", "help", "version"
    QString lang;      // "en", "zh_CN" (empty: the system's)
    bool presenter = false;
    QString sessionFile; // `socklab FILE`: a saved session the window opens
    QStringList args;  // what follows the verb
};

class CommandLine
{
public:
    // Splits argv into verb, language and the rest; exit code 2 and one line on
    // stderr for a bad global option (returns false).
    static bool parse(const QStringList& argv, Invocation& out, QString* error);
    // Runs a verb that needs no display ("list", "run", "replay"). Exit code.
    // `stop` (StopOnSignal): once set, a run stops at once and returns 1 without a line.
    static int runHeadless(const Invocation& inv, const std::atomic<int>* stop = nullptr);
    static QString usage();
};

} // namespace socklab
