# 服务端 —— 方法二：先读 5 字节的头，再按头里的长度读消息体
import socket
import struct
import sys
import time

port = int(sys.argv[1])             # 端口（默认 8888）

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.bind(('127.0.0.1', port))
sockfd.listen(5)
connfd, addr = sockfd.accept()
buf = b''
time.sleep(1)                       # 晚一点读：几条消息已经粘在一起
buf += connfd.recv(19)              # 故意只收一部分：第二条消息被拆成两半
buf += connfd.recv(1024)            # 收下剩余的字节
while len(buf) >= 5:
    kind, size = struct.unpack('!cI', buf[:5])   # 头：类型 b'Y' + 长度（字节数）
    if len(buf) < 5 + size:
        break                       # 消息体还没收全，等下一次 recv()
    msg, buf = buf[5:5 + size], buf[5 + size:]
    print('消息：', msg.decode())
connfd.close()
sockfd.close()
