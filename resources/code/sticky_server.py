# sticky_server.py —— 粘包：一次 recv() 收到了几次 send() 的数据
import socket
import time

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.bind(('127.0.0.1', 8888))
sockfd.listen(5)
connfd, addr = sockfd.accept()
time.sleep(1)                       # 服务端晚一点才读：三条消息都已在接收缓冲区里
data = connfd.recv(1024)            # 一次取走缓冲区里所有字节：消息边界没有了
print('收到：', data)
connfd.close()
sockfd.close()
