#include "ExportVerb.h"

#include <QTextStream>

namespace socklab {

// Replaced by the window issue (#3).
int runExportVerb(const QStringList&, bool)
{
    QTextStream(stderr) << "socklab: export is not built yet\n";
    return 1;
}

} // namespace socklab
