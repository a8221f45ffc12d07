# UDP echo until "stop".
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(('127.0.0.1', int(sys.argv[1])))
while True:
    data, peer = s.recvfrom(2048)
    if data == b'stop':
        break
    s.sendto(data, peer)
