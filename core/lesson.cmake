# Scenarios for the rest of the lesson: buffers, sticky packets and their three
# fixes, UDP, listen backlog, TIME_WAIT, the homework server, bind addresses.
target_sources(socklab_core PRIVATE
    BufferScenarios.cpp
    ConnectionScenarios.cpp
    FixScenarios.cpp
    LessonParameters.cpp LessonParameters.h
    LessonScenarios.h
    MessageFramer.cpp MessageFramer.h
    StickyScenarios.cpp
    UdpScenarios.cpp
)
# Their Python code (resources/code/), shown in the code pane as :/code/NAME.py.
set(SOCKLAB_LESSON_CODE_FILES
    bind_address_client.py bind_address_server.py
    backlog_client.py backlog_server.py
    buffers_client.py buffers_server.py
    fix_delimiter_client.py fix_delimiter_server.py
    fix_length_client.py fix_length_server.py
    fix_pacing_client.py fix_pacing_server.py
    homework_client.py homework_server.py
    sticky_client.py sticky_server.py
    time_wait_client.py time_wait_server.py
    udp_client.py udp_server.py
)
