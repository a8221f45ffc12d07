# Hardening: descriptors, session files, bad input (issue 13).
socklab_test(test_harden test_uniquefd.cpp test_free_ports.cpp test_lab_tables.cpp test_user_namespace.cpp test_replay.cpp test_signals.cpp)

# Soak: 200 mixed sessions in one process; run alone with `ctest -L soak`.
socklab_test(test_soak test_soak.cpp)
set_tests_properties(test_soak PROPERTIES LABELS soak)

# `socklab FILE`: the window opens a saved session.
socklab_test(test_open_session test_open_session.cpp GUI)
