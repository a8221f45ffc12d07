# Prints the numbers of the datagrams in the order they arrived (until a second of silence).
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
    s.settimeout(1.0)
    if data != b'END':
        got.append(data.split()[1].decode())
print('got', ' '.join(got), flush=True)
