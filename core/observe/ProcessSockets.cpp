#include "ProcessSockets.h"

#include "UniqueFd.h"

#include <QByteArray>

#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

namespace socklab {

namespace {

// The process group in /proc/<pid>/stat: field 5, after "(comm)" which may hold spaces.
pid_t groupOf(pid_t pid)
{
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/stat", pid);
    const UniqueFd fd(::open(path, O_RDONLY | O_CLOEXEC));
    if (!fd) return -1; // the process has gone: not ours to report
    char buf[512];
    const ssize_t n = ::read(fd.get(), buf, sizeof buf - 1);
    if (n <= 0) return -1;
    buf[n] = 0;
    const char* p = std::strrchr(buf, ')');
    if (!p) return -1;
    char state = 0;
    int ppid = 0, pgrp = -1;
    if (std::sscanf(p + 1, " %c %d %d", &state, &ppid, &pgrp) != 3) return -1;
    return state == 'Z' ? -1 : pgrp; // a zombie holds no descriptors
}

template<typename F>
void forEachPid(F f)
{
    DIR* d = ::opendir("/proc");
    if (!d) return;
    while (dirent* e = ::readdir(d)) {
        char* end = nullptr;
        const long pid = std::strtol(e->d_name, &end, 10);
        if (pid > 0 && end && *end == 0) f(pid_t(pid));
    }
    ::closedir(d);
}

} // namespace

QList<pid_t> ProcessSockets::members(const QList<pid_t>& groups)
{
    QList<pid_t> out;
    forEachPid([&](pid_t pid) {
        if (groups.contains(groupOf(pid))) out << pid;
    });
    return out;
}

QHash<quint64, SocketHolder> ProcessSockets::scan(const QList<pid_t>& groups)
{
    QHash<quint64, SocketHolder> out;
    for (pid_t pid : members(groups)) {
        const pid_t group = groupOf(pid);
        char dirPath[64];
        std::snprintf(dirPath, sizeof dirPath, "/proc/%d/fd", pid);
        DIR* d = ::opendir(dirPath);
        if (!d) continue;
        while (dirent* e = ::readdir(d)) {
            if (e->d_name[0] == '.') continue;
            char link[128];
            const ssize_t n = ::readlinkat(::dirfd(d), e->d_name, link, sizeof link - 1);
            if (n <= 0) continue;
            link[n] = 0;
            unsigned long long inode = 0;
            if (std::sscanf(link, "socket:[%llu]", &inode) != 1) continue;
            if (!out.contains(inode)) out.insert(inode, SocketHolder{group, pid, std::atoi(e->d_name)});
        }
        ::closedir(d);
    }
    return out;
}

} // namespace socklab
