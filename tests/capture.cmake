# Capture under load, loss reporting and payload storage (issue 12).
socklab_test(test_capture test_capture.cpp ProgramRun.cpp ProgramRun.h)
