// The main() of every test executable: enter the lab's user namespace while
// still single-threaded, run headless, then hand over to GoogleTest.

#include "Lab.h"

#include <QCoreApplication>

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
    socklab::Lab::prepareProcess();
    std::signal(SIGPIPE, SIG_IGN);
    ::setenv("QT_QPA_PLATFORM", "offscreen", 1);
    ::testing::InitGoogleTest(&argc, argv);
    TestApp app(argc, argv);
    return RUN_ALL_TESTS();
}
