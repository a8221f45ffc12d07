// A teacher's scenario folder is untrusted input: this fuzzes the reading and
// checking of scenario.json (ScenarioFolder::parse). A broken file must give
// one clear line naming the file, key and problem; a good one must give
// programs the engine can start.

#include "ProblemText.h"
#include "ScenarioFolder.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char*>(data), qsizetype(size));
    auto hasFile = [](const QString& f) {
        return f == QLatin1String("server.py") || f == QLatin1String("client.py") || f == QLatin1String("a.py");
    };
    auto knownCaption = [](const QString& id) { return id.startsWith(QLatin1String("tcp.")); };
    socklab::Problem problem;
    const auto folder = socklab::ScenarioFolder::parse(QStringLiteral("fuzz"), json, hasFile, knownCaption, &problem);
    if (!folder) {
        const QString line = socklab::problemText(problem);
        if (problem.code != QLatin1String("folder-invalid") || line.isEmpty() || line.contains('\n')
            || !line.contains(QLatin1String("scenario.json")))
            __builtin_trap(); // one clear line
        return 0;
    }
    if (folder->programs.isEmpty() || folder->titleEn.isEmpty()) __builtin_trap();
    QVariantMap values;
    socklab::Problem p;
    if (!folder->resolveParameters({}, &values, &p)) __builtin_trap(); // the defaults are valid
    const QList<socklab::FolderProgram> progs = folder->expandedPrograms(values);
    if (progs.isEmpty() || progs.size() > 64 * folder->programs.size()) __builtin_trap();
    for (const socklab::FolderProgram& prog : progs) {
        if (prog.actor.isEmpty() || !hasFile(prog.file)) __builtin_trap();
        for (const QString& a : prog.args)
            (void)socklab::ScenarioFolder::substitute(a, values);
    }
    return 0;
}
