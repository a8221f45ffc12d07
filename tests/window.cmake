# socklab_test(test_NAME sources... [GUI])
socklab_test(test_window test_playback.cpp test_window.cpp test_session_files.cpp test_translations.cpp GUI)
# The translation test runs lupdate over the sources (Qt's own, as CMake found it).
target_compile_definitions(test_window PRIVATE SOCKLAB_LUPDATE="$<TARGET_FILE:Qt6::lupdate>")
socklab_test(test_panes test_panes.cpp GUI)
