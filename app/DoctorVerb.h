#pragma once
// `socklab doctor [--capture MODE]`: which capture mode `run` would use on this
// machine and why, each check made, and the fix for each that failed, in the
// user's language. Exit 0 when scenarios run here (any mode), 1 when not.

#include <QStringList>

#include <sys/types.h>

namespace socklab {

// `args`: what follows "doctor"; `startEuid`: geteuid() before Lab::prepareProcess().
int runDoctorVerb(const QStringList& args, uid_t startEuid);

} // namespace socklab
