# 可靠与不可靠：先用 UDP 发 20 条，再用 TCP 发同样的 20 条
import socket
import sys

port = int(sys.argv[1])
count = int(sys.argv[2])

udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for i in range(1, count + 1):
    udp.sendto(b'msg %d\n' % i, ('127.0.0.1', port))   # 丢了就是丢了：没有确认，没有重传
udp.close()

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.connect(('127.0.0.1', port))
for i in range(1, count + 1):
    sockfd.send(b'msg %d\n' % i)                        # 丢了内核会重传，直到对方确认
sockfd.close()
