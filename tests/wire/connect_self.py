# One program that listens and connects to itself at once: its SYN is the
# session's first packet, sent the moment the program starts.
import socket, sys
port = int(sys.argv[1])
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(('127.0.0.1', port))
srv.listen(1)
cli = socket.create_connection(('127.0.0.1', port))
conn, _ = srv.accept()
cli.sendall(b'hi')
print(conn.recv(10).decode())
cli.close(); conn.close(); srv.close()
