# N UDP round trips of 64 bytes; prints the median round trip in microseconds.
import socket, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
to = ('127.0.0.1', int(sys.argv[1]))
time.sleep(0.3)
rtts = []
for i in range(int(sys.argv[2])):
    t = time.perf_counter()
    s.sendto(b'p' * 64, to)
    s.recvfrom(2048)
    rtts.append((time.perf_counter() - t) * 1e6)
s.sendto(b'stop', to)
rtts.sort()
print('%.1f' % rtts[len(rtts) // 2], flush=True)
