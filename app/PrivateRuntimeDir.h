#pragma once
// Qt's GUI start-up looks into XDG_RUNTIME_DIR (for a Wayland socket) and warns
// on stderr when it is not set: a cron job, a container, an ssh session running
// `socklab export`. Then this gives the process a private one (0700, in the
// temporary folder) for as long as it lives, and removes it at the end.

#include <QTemporaryDir>

#include <memory>

namespace socklab {

class PrivateRuntimeDir final
{
public:
    // Acts only when `needed` (a GUI application will be made) and
    // XDG_RUNTIME_DIR is unset or empty.
    explicit PrivateRuntimeDir(bool needed);
    ~PrivateRuntimeDir(); // unsets it again and removes the folder
    PrivateRuntimeDir(const PrivateRuntimeDir&) = delete;
    PrivateRuntimeDir& operator=(const PrivateRuntimeDir&) = delete;

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

} // namespace socklab
