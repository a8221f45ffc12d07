#pragma once
// The window side of main(): what `socklab [--lang L] [--presenter]` opens.

#include <QString>

namespace socklab {

struct WindowOptions {
    QString lang; // "en", "zh_CN", or empty for the system's
    bool presenter = false;
};

// Runs the window's event loop; the QApplication must exist. Exit code.
int runWindow(const WindowOptions& options);

} // namespace socklab
