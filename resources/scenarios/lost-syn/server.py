# 丢失的 SYN：服务端就是课上的服务端，它什么也不知道
import socket
import sys

port = int(sys.argv[1])

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.bind(('127.0.0.1', port))
sockfd.listen(5)
connfd, addr = sockfd.accept()      # 第一个 SYN 丢了：要等重传的 SYN 到达才返回
data = connfd.recv(1024)
print('收到：', data.decode())
connfd.close()
sockfd.close()
