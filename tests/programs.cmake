# socklab_test(test_NAME sources... [GUI])
# The user's own programs in the lab (issue 5): engine and command line.
socklab_test(test_programs test_programs.cpp test_programs_cli.cpp test_scenario_writer.cpp ProgramRun.cpp ProgramRun.h)
socklab_test(test_programs_ui test_programs_ui.cpp test_programs_wire_ui.cpp GUI)
# Attaching to programs already running on the host (socklab lab --attach).
socklab_test(test_attach test_attach.cpp)
socklab_test(test_attach_ui test_attach_ui.cpp GUI)
# The call gate (issue 9): every socket call, held until released, Python lines.
socklab_test(test_gate test_gate.cpp ProgramRun.cpp ProgramRun.h)
