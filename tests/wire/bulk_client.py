# One sendall() of N bytes, then close.
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.connect(('127.0.0.1', int(sys.argv[1])))
s.sendall(b'x' * int(sys.argv[2]))
s.close()
