# Counts the datagrams that arrive until none came for a second; prints the count.
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(('127.0.0.1', int(sys.argv[1])))
s.settimeout(5.0)
got = []
while True:
    try:
        data, addr = s.recvfrom(1024)
    except socket.timeout:
        break
    if data == b'END':
        s.settimeout(1.0)
        continue
    got.append(int(data.split()[1]))
    s.settimeout(1.0)
print('received', len(got), 'of', sys.argv[2], flush=True)
