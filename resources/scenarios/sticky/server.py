# 服务端 —— 粘包：一次 recv() 收到了几次 send() 的数据
import socket
import sys
import time

port = int(sys.argv[1])             # 端口（默认 8888）

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.bind(('127.0.0.1', port))
sockfd.listen(5)
connfd, addr = sockfd.accept()
time.sleep(1)                       # 服务端晚一点才读：几条消息都已在接收缓冲区里
data = connfd.recv(1024)            # 一次取走缓冲区里所有字节（最多 1024）：消息边界没有了
print('收到：', data)
connfd.close()
sockfd.close()
