# socklab_test(test_NAME sources... [GUI])
socklab_test(test_window test_playback.cpp test_window.cpp test_translations.cpp GUI)
socklab_test(test_panes test_panes.cpp GUI)
