# The wire (issue 11): socklab between the lab's programs; real kernels, real packets.
socklab_test(test_wire test_wire.cpp ProgramRun.cpp ProgramRun.h)
# The six wire-mode lessons as scenario folders (issue 11, point 3).
socklab_test(test_wire_lessons test_wire_lessons.cpp)
