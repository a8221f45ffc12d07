# 10,000 socket.sendto() calls; prints the nanoseconds a call took.
import socket
import time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
t0 = time.perf_counter_ns()
for _ in range(10000):
    s.sendto(b'x', ('127.0.0.1', 9))
print('ns_per_call %d' % ((time.perf_counter_ns() - t0) // 10000))
