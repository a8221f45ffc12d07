#include "WindowLauncher.h"

#include <QTextStream>

namespace socklab {

// Replaced by the window issue (#3).
int runWindow(const WindowOptions&)
{
    QTextStream(stderr) << "socklab: the window is not built yet; try: socklab run handshake\n";
    return 1;
}

} // namespace socklab
