# Sends N numbered datagrams (and a few END markers), unchanged lesson style.
import socket, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for i in range(int(sys.argv[2])):
    s.sendto(b'msg %d' % i, ('127.0.0.1', int(sys.argv[1])))
    time.sleep(0.005)
for _ in range(10):
    s.sendto(b'END', ('127.0.0.1', int(sys.argv[1])))
s.close()
