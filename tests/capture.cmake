# Capture under load, loss reporting and payload storage (issue 12).
socklab_test(test_capture test_capture.cpp test_spool_writer.cpp ProgramRun.cpp ProgramRun.h)
