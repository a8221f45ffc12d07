# socklab_test(test_NAME sources... [GUI])
# Installing on a classroom machine (issue 8): scripts/install-deps.sh.
socklab_test(test_install test_install.cpp)
# Classroom basics (issue 8): --version (and About), --help, doctor, quiet stderr.
socklab_test(test_classroom test_version.cpp test_doctor.cpp test_session_open.cpp GUI)
target_compile_definitions(test_classroom PRIVATE SOCKLAB_PROJECT_VERSION="${PROJECT_VERSION}")
