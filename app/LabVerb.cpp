#include "LabVerb.h"

#include <QTextStream>

namespace socklab {

// Replaced by the programs issue (#5).
int runLabVerb(const QStringList&)
{
    QTextStream(stderr) << "socklab: lab is not built yet\n";
    return 1;
}

} // namespace socklab
