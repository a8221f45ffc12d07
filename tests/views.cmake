# socklab_test(test_NAME sources... [GUI])
socklab_test(test_ladder test_ladder.cpp test_ladder_wire.cpp GUI)
socklab_test(test_statemachine test_statemachine.cpp GUI)
socklab_test(test_export test_export.cpp GUI)
