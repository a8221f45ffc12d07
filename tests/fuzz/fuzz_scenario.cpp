// Scenarios are C++ data today (no scenario-folder loader exists), so what a
// user can feed them is parameters: `socklab run ID --set NAME=VALUE`. This
// fuzzes ScenarioCatalog::build with an id and NAME=VALUE lines from the input.

#include "ProblemText.h"
#include "ScenarioCatalog.h"

#include <QByteArray>
#include <QList>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QList<QByteArray> lines = QByteArray(reinterpret_cast<const char*>(data), qsizetype(size)).split('\n');
    static const QStringList ids = socklab::ScenarioCatalog::ids();
    // The first line names the scenario: an id, or a number choosing one.
    QString id = QString::fromUtf8(lines.value(0));
    bool isNumber = false;
    if (const uint n = id.toUInt(&isNumber); isNumber && !ids.isEmpty()) id = ids.at(int(n % uint(ids.size())));
    QVariantMap params;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype eq = lines[i].indexOf('=');
        if (eq < 0) continue;
        params.insert(QString::fromUtf8(lines[i].left(eq)), QString::fromUtf8(lines[i].mid(eq + 1)));
    }
    socklab::Problem problem;
    const auto sc = socklab::ScenarioCatalog::build(id, params, &problem);
    const QString error = socklab::problemText(problem); // the words a user would read
    if (!sc && (problem.isNull() || error.isEmpty() || error.contains('\n'))) __builtin_trap(); // one clear line
    if (sc) {
        for (const socklab::Step& s : sc->steps)
            if (s.actor.isEmpty() || s.call.isEmpty()) __builtin_trap();
    }
    return 0;
}
