#pragma once
// Which process holds which socket: /proc/<pid>/fd links read "socket:[inode]",
// and sock_diag reports the same inode. That is how a socket the kernel lists
// is tied to the program that opened it, with no help from the program.

#include <QHash>
#include <QList>

#include <sys/types.h>

namespace socklab {

struct SocketHolder {
    pid_t group = -1; // the process group (= the program's pid) it was found in
    pid_t pid = -1;
    int fd = -1;
};

class ProcessSockets
{
public:
    // Socket inodes held by every process of the given process groups.
    static QHash<quint64, SocketHolder> scan(const QList<pid_t>& groups);
    // Pids of the processes in these groups (for clean-up checks).
    static QList<pid_t> members(const QList<pid_t>& groups);
};

} // namespace socklab
