# Running the user's own programs inside the lab (socklab lab).
target_sources(socklab_core PRIVATE
    LabProcess.cpp LabProcess.h
    LabThread.cpp LabThread.h
    PacketAnnotator.cpp PacketAnnotator.h
    ProcessSockets.cpp ProcessSockets.h
    ProgramLab.cpp ProgramLab.h
    SocketWatcher.cpp SocketWatcher.h
)

# The lesson's programs, shipped to be run in the lab (:/examples/python/...).
set(SOCKLAB_PYTHON_EXAMPLES
    tcp_server.py tcp_client.py
    udp_server.py udp_client.py
    homework_server.py
    sticky_demo_server.py sticky_demo_client.py
    framing_delimiter_server.py framing_delimiter_client.py
    framing_length_server.py framing_length_client.py
)
list(TRANSFORM SOCKLAB_PYTHON_EXAMPLES PREPEND ${PROJECT_SOURCE_DIR}/resources/examples/python/
     OUTPUT_VARIABLE SOCKLAB_PYTHON_EXAMPLE_PATHS)
qt_add_resources(socklab_core "python_examples"
    PREFIX "/examples/python"
    BASE ${PROJECT_SOURCE_DIR}/resources/examples/python
    FILES ${SOCKLAB_PYTHON_EXAMPLE_PATHS}
)

# Attaching to programs already running on the host (socklab lab --attach PORT).
target_sources(socklab_core PRIVATE
    HostAttach.cpp HostAttach.h
    HostSockets.cpp HostSockets.h
)
