# Connects where nobody listens, then writes to a connection the peer reset.
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
try:
    s.connect(('127.0.0.1', 9))
except ConnectionRefusedError as e:
    print('refused:', e.errno)
s.close()
