# The rest of the lesson on real sockets (buffers, sticky packets and fixes, UDP,
# backlog, TIME_WAIT, homework, bind addresses) and the framing parser.
socklab_test(test_lesson test_lesson_scenarios.cpp test_lesson_framer.cpp)
socklab_test(test_lesson_views test_lesson_views.cpp GUI)
socklab_test(test_lesson_buffers test_lesson_buffers.cpp GUI)
