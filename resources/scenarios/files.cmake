# The built-in scenario folders, file by file (compiled in as :/scenarios/<id>/...).
# One line per folder: add yours (docs/scenario-format.md).
set(SOCKLAB_SCENARIO_FILES
    backlog/scenario.json backlog/server.py backlog/client.py
    bind-address/scenario.json bind-address/server.py bind-address/client.py
    broken-pipe/scenario.json broken-pipe/server.py broken-pipe/client.py
    buffers/scenario.json buffers/server.py buffers/client.py
    echo/scenario.json echo/server.py echo/client.py
    fix-delimiter/scenario.json fix-delimiter/server.py fix-delimiter/client.py
    fix-length-prefix/scenario.json fix-length-prefix/server.py fix-length-prefix/client.py
    fix-pacing/scenario.json fix-pacing/server.py fix-pacing/client.py
    handshake/scenario.json handshake/server.py handshake/client.py
    homework/scenario.json homework/server.py homework/client.py
    refused/scenario.json refused/client.py
    reset-unread/scenario.json reset-unread/server.py reset-unread/client.py
    sticky/scenario.json sticky/server.py sticky/client.py
    teardown/scenario.json teardown/server.py teardown/client.py
    time-wait/scenario.json time-wait/server.py time-wait/client.py
    udp/scenario.json udp/server.py udp/client.py
    lost-syn/scenario.json lost-syn/server.py lost-syn/client.py
    lost-data/scenario.json lost-data/server.py lost-data/client.py
    lost-fin/scenario.json lost-fin/server.py lost-fin/client.py
    simultaneous-close/scenario.json simultaneous-close/server.py simultaneous-close/client.py
    reliable-vs-unreliable/scenario.json reliable-vs-unreliable/server.py reliable-vs-unreliable/client.py
    mtu/scenario.json mtu/server.py mtu/client.py
)
