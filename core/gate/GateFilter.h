#pragma once
// The seccomp filter of the call gate, made with libseccomp: socket-related
// system calls stop the program for its tracer (SECCOMP_RET_TRACE), all others
// run untouched. Built before fork(); the child installs it with one system call.

#include <QString>

#include <linux/filter.h>

#include <vector>

namespace socklab {

class GateFilter
{
public:
    GateFilter() = default;
    bool build(QString* error);
    // In the child, after fork(): async-signal-safe. Sets no_new_privs too.
    bool install() const;
    // Number -> name for the trapped calls ("sendto"); empty for others.
    static QString nameOf(long nr);
    static long numberOf(const char* name); // -1 when unknown

private:
    std::vector<sock_filter> m_code;
    sock_fprog m_prog{};
};

} // namespace socklab
