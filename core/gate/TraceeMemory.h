#pragma once
// Reading a stopped tracee: its memory (process_vm_readv), the addresses it
// passes to bind()/connect(), and what its descriptors are (/proc, pidfd_getfd).

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariantMap>

#include <cstdint>
#include <sys/types.h>

namespace socklab {

enum class FdKind { Unknown, InetSocket, OtherSocket, DevNull, Other };

QByteArray readTracee(pid_t tid, uint64_t address, size_t length);
// {"address": "127.0.0.1", "port": 12000, "family": "AF_INET"}; empty when not IPv4/IPv6.
QVariantMap sockaddrOf(pid_t tid, uint64_t address, uint64_t length);
// What descriptor `fd` of process `tgid` is; `pidfd` (opened on demand) lets
// socklab look at the socket's family.
FdKind fdKindOf(pid_t tgid, int fd, int* pidfd);
// The local port socket `fd` of process `tgid` is bound to (getsockname on a
// pidfd_getfd copy); 0 when unknown or not bound.
int localPortOf(pid_t tgid, int fd, int* pidfd);
// A UDP socket's next queued datagram: its length (FIONREAD, i.e. SIOCINQ, which neither
// takes the datagram nor clears a pending error); -1 when the socket is not a
// datagram socket or nothing is queued.
qint64 nextDatagramLength(pid_t tgid, int fd, int* pidfd);
// The descriptors epoll instance `epfd` of process `tgid` watches, as the kernel
// lists them (the "tfd:" lines of /proc/TGID/fdinfo/EPFD), in ascending order;
// false when that file cannot be read (process gone). Read at each wait, it is
// what the kernel has: registrations made before a fork or by another thread too.
bool epollTargetsOf(pid_t tgid, int epfd, QList<int>* fds);


} // namespace socklab
