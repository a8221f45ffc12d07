# Words where they are shown (present/): sessions recorded in one language read
# in another; the Chinese command line (run, list, lab, errors) and its locale.
socklab_test(test_present test_present.cpp test_cli_zh.cpp GUI)
target_link_libraries(test_present PRIVATE socklab_present)
