# 可靠与不可靠：同样 20 条编号消息，一份走 UDP，一份走 TCP
import socket
import sys

port = int(sys.argv[1])
count = int(sys.argv[2])

udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
udp.bind(('127.0.0.1', port))
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.bind(('127.0.0.1', port))
srv.listen(5)
connfd, addr = srv.accept()          # 客户端先发完 UDP，再连接 TCP

# TCP：一直读到对方关闭（recv 返回 b''）
stream = b''
while True:
    data = connfd.recv(4096)
    if not data:
        break
    stream += data
numbers = [int(line.split()[1]) for line in stream.decode().splitlines()]
in_order = numbers == list(range(1, count + 1))
print('TCP 收到', len(numbers), '条', '按顺序' if in_order else '顺序不对')

# UDP：数据报早已到达（或永远不会到达）：不阻塞地取出接收缓冲区里的全部
udp.setblocking(False)
got = []
while True:
    try:
        data, peer = udp.recvfrom(1024)
    except BlockingIOError:
        break
    got.append(int(data.split()[1]))
missing = [n for n in range(1, count + 1) if n not in got]
print('UDP 收到', len(got), '条，丢失', missing)
connfd.close()
srv.close()
udp.close()
