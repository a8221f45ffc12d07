# Sends a line, shuts down its side (FIN) and waits for the server's FIN.
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.connect(('127.0.0.1', int(sys.argv[1])))
s.sendall(b'bye\n')
s.shutdown(socket.SHUT_WR)
while s.recv(1024):
    pass
print('closed', flush=True)
s.close()
