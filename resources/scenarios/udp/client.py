# 客户端 —— 直接 sendto()，没有三次握手
import socket
import sys

port = int(sys.argv[1])             # 服务端的端口（默认 8888）
port2 = int(sys.argv[2])            # 一个没有人监听的端口
msgs = sys.argv[3].split('|')       # 消息（默认 hello|world|this datagram is too long）
count = int(sys.argv[4])            # 发几个数据报（默认 3）

sockfd = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for i in range(count):
    sockfd.sendto(msgs[i % len(msgs)].encode(), ('127.0.0.1', port))   # 每次 sendto() 就是一个数据报
sockfd.close()
# 向一个没有人监听的端口发送
sockfd = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sockfd.connect(('127.0.0.1', port2))  # UDP 的 connect() 只记下对方地址，不发任何包
sockfd.send(b'anyone?')               # 发出去了；对方回 ICMP port unreachable
sockfd.settimeout(1)                  # 最多等 1 秒，recv() 不会一直阻塞
try:
    data = sockfd.recv(1024)          # ICMP 的错误报到了下一次调用上
except ConnectionRefusedError as e:   # [Errno 111] Connection refused
    print('ConnectionRefusedError:', e)
sockfd.close()
