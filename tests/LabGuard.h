#pragma once
// "Am I really root?" and "can this process make a private lab?", decided the
// same way in every test executable. The test main enters its own user
// namespace first thing (Lab::prepareProcess()), after which geteuid() is 0
// for everyone, so the real identity is recorded before that.

#include <QString>

#include <gtest/gtest.h>

#include <sys/types.h>

namespace socklab::test {

// Called by the test main before Lab::prepareProcess().
void recordRealIdentity();
// The effective uid the test was started with (outside any namespace of ours).
uid_t realEuid();
// Started as root: may drop to another uid in a child, capture on the host.
bool reallyRoot();
// Why this process cannot make a private network namespace with capture (the
// lab scenarios run in), empty when it can. Checked once, with a real Lab.
QString labUnavailable();

} // namespace socklab::test

// First line of a test that needs the private lab. Without one the test is
// skipped with the reason, unless SOCKLAB_TEST_REQUIRE_LAB=1 (CI, where the
// lab must work, also as an ordinary user): then it fails with it.
#define SOCKLAB_REQUIRE_LAB()                                                                        \
    do {                                                                                             \
        if (const QString why_ = ::socklab::test::labUnavailable(); !why_.isEmpty()) {               \
            if (qEnvironmentVariableIntValue("SOCKLAB_TEST_REQUIRE_LAB") == 1)                       \
                FAIL() << "no private lab here: " << why_.toStdString();                             \
            GTEST_SKIP() << "no private lab here: " << why_.toStdString();                           \
        }                                                                                            \
    } while (false)
