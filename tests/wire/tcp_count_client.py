# Sends N numbered lines, one send() each, then closes.
import socket, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.connect(('127.0.0.1', int(sys.argv[1])))
for i in range(int(sys.argv[2])):
    s.sendall(b'msg %d\n' % i)
    time.sleep(0.01)
s.close()
