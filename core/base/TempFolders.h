#pragma once
// socklab's temporary folders in QDir::tempPath() carry the id of the process
// that made them: socklab-scenario-<pid>-XXXXXX (a scenario's programs),
// socklab-gate-<pid>-XXXXXX (the Python hook), socklab-runtime-<pid>-XXXXXX
// (a private XDG_RUNTIME_DIR). A socklab that SIGKILL or a crash ended could
// not remove its own; the next socklab does, at start-up.

#include <QString>

namespace socklab {

class TempFolders
{
  public:
    // The QTemporaryDir template for a folder of `kind` ("scenario", "gate", "runtime").
    static QString nameTemplate(const QString& kind);
    // Removes the folders of those kinds that belong to this user (euid) and
    // whose process is gone (kill(pid, 0) fails with ESRCH). A live process's
    // folder, another user's, a symbolic link or any other name is never touched.
    // The number removed.
    static int removeStale();
};

} // namespace socklab
