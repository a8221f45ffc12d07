# Sends MIB mebibytes in 64 KiB send() calls, then closes.
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.connect(('127.0.0.1', int(sys.argv[1])))
chunk = b'x' * 65536
for _ in range(int(sys.argv[2]) * 16):
    s.sendall(chunk)
s.close()
