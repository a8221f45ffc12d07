# Accepts one client and reads until it closes; prints the byte count.
import socket, sys
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(('127.0.0.1', int(sys.argv[1])))
srv.listen(1)
conn, addr = srv.accept()
n = 0
while True:
    chunk = conn.recv(65536)
    if not chunk:
        break
    n += len(chunk)
print('received', n, flush=True)
conn.close()
