#pragma once
// The lab: where scenario sockets live. Preferably a private network namespace
// (own loopback, capture without root, invisible from the host); else the host
// loopback with capture permission; else "states only" (no capture: segments
// are derived and marked so).

#include "Problem.h"
#include "UniqueFd.h"

#include <QString>

#include <sys/types.h>

namespace socklab {

enum class CaptureMode { Namespace, Host, StatesOnly };
QString captureModeName(CaptureMode m); // "namespace", "host", "states-only"

class Lab
{
public:
    // Call first thing in main(), while the process is still single-threaded:
    // unshare(CLONE_NEWUSER) refuses once a second thread exists. Without root
    // this is what later allows a private network namespace.
    static void prepareProcess();
    static QString processNote(); // why the user namespace was not entered, if it was not

    // What prepareProcess() does without root: enters a new user namespace in
    // which `uid`/`gid` are root. The sequence (unshare, setgroups, uid_map,
    // gid_map) is tried in a throw-away child first, so a map that cannot be
    // written leaves this process as it was. Empty when done, else the step
    // that failed and its errno ("writing /proc/self/uid_map: EPERM (…)").
    // Tests pass ids that cannot be mapped.
    static QString enterUserNamespaceAs(uid_t uid, gid_t gid);

    // Creates the session's lab. `forced` ("namespace", "host", "states-only", or
    // empty) comes from --capture / SOCKLAB_CAPTURE to test the fallbacks.
    explicit Lab(const QString& forced = {});
    ~Lab();
    Lab(const Lab&) = delete;
    Lab& operator=(const Lab&) = delete;

    bool ok() const { return m_error.isNull(); }
    Problem error() const { return m_error; }
    CaptureMode mode() const { return m_mode; }
    // Why a better capture mode was not used ("capture-unavailable" with what the
    // system said, "states-only-asked"); null when nothing was missing.
    Problem fallbackReason() const { return m_reason; }

    // Moves the calling thread into the lab (setns); a no-op without a namespace.
    bool enterThisThread(QString* error = nullptr) const;
    int netnsFd() const { return m_netns.get(); }
    bool isolated() const { return m_netns.valid(); }

    // A second address of the lab, for the 127.0.0.1 vs 0.0.0.0 lesson. Empty
    // outside namespace mode (we never add addresses to the host).
    QString secondAddress() const { return m_second; }

private:
    bool createNamespace(bool* captureOk, QString* why);
    static bool captureWorks(QString* why);

    CaptureMode m_mode = CaptureMode::StatesOnly;
    UniqueFd m_netns;
    Problem m_error;
    Problem m_reason;
    QString m_second;
};

} // namespace socklab
