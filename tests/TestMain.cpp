// The main() of every test executable: enter the lab's user namespace while
// still single-threaded, run headless, then hand over to GoogleTest.

#include "Lab.h"
#include "LabGuard.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <csignal>
#include <cstdlib>

#ifdef SOCKLAB_TEST_GUI
#include <QApplication>
using TestApp = QApplication;
#else
using TestApp = QCoreApplication;
#endif

int main(int argc, char** argv)
{
    // Who we really are, before the user namespace makes everyone uid 0.
    socklab::test::recordRealIdentity();
    socklab::Lab::prepareProcess();
    std::signal(SIGPIPE, SIG_IGN);
    ::setenv("QT_QPA_PLATFORM", "offscreen", 1);
    // Settings of this run only: a dialog's remembered options (Run my programs…
    // with the wire's "hold the next packet" on) must not leak into the next
    // test run, nor into the settings of whoever runs the suite.
    QTemporaryDir config;
    if (config.isValid()) ::setenv("XDG_CONFIG_HOME", QFile::encodeName(config.path()).constData(), 1);
    ::testing::InitGoogleTest(&argc, argv);
    TestApp app(argc, argv);
    return RUN_ALL_TESTS();
}
