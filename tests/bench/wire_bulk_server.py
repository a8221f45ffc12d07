# Receives until the client closes; prints "bytes seconds" (first byte to EOF).
import socket, sys, time
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(('127.0.0.1', int(sys.argv[1])))
srv.listen(1)
conn, _ = srv.accept()
buf = bytearray(1 << 20)
n, start = 0, None
while True:
    k = conn.recv_into(buf)
    if start is None:
        start = time.perf_counter()
    if not k:
        break
    n += k
print(n, time.perf_counter() - start, flush=True)
