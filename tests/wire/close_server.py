# Reads until the client's FIN, waits a moment in CLOSE_WAIT, then closes.
import socket, sys, time
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(('127.0.0.1', int(sys.argv[1])))
srv.listen(1)
conn, addr = srv.accept()
while conn.recv(1024):
    pass
print('got FIN', flush=True)
time.sleep(0.6)
conn.close()
srv.close()
