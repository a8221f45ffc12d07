# Reads numbered lines until the client closes; says whether all came, in order.
import socket, sys
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(('127.0.0.1', int(sys.argv[1])))
srv.listen(1)
conn, addr = srv.accept()
data = b''
while True:
    chunk = conn.recv(4096)
    if not chunk:
        break
    data += chunk
numbers = [int(line.split()[1]) for line in data.decode().splitlines()]
ok = numbers == list(range(int(sys.argv[2])))
print('received', len(numbers), 'in order' if ok else 'OUT OF ORDER', flush=True)
conn.close()
srv.close()
