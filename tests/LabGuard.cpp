#include "LabGuard.h"

#include "Lab.h"

#include <unistd.h>

namespace socklab::test {

namespace {
uid_t g_realEuid = uid_t(-1); // written once in main(), before any thread exists
bool g_recorded = false;
} // namespace

void recordRealIdentity()
{
    g_realEuid = ::geteuid();
    g_recorded = true;
}

uid_t realEuid()
{
    // A test main that forgot to record would make every check below a guess.
    if (!g_recorded) {
        ADD_FAILURE() << "socklab::test::recordRealIdentity() was not called before Lab::prepareProcess()";
        return ::geteuid();
    }
    return g_realEuid;
}

bool reallyRoot() { return realEuid() == 0; }

QString labUnavailable()
{
    static const QString why = [] {
        const Lab lab(QStringLiteral("namespace"));
        return lab.ok() ? QString() : lab.error().debugText();
    }();
    return why;
}

} // namespace socklab::test
