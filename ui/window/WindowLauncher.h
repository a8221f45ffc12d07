#pragma once
// The window side of main(): what `socklab [--lang L] [--presenter]` opens.

#include <QString>

namespace socklab {

struct WindowOptions {
    QString lang; // "en", "zh_CN", or empty for the system's
    bool presenter = false;
    QString sessionFile; // a saved session to open instead of a scenario
};

// Runs the window's event loop; the QApplication must exist. Exit code: 1
// (and one line on stderr) when the session file cannot be opened.
int runWindow(const WindowOptions& options);

} // namespace socklab
