# MTU：服务端一次收齐 10000 字节
import socket
import sys

port = int(sys.argv[1])
size = int(sys.argv[2])

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.bind(('127.0.0.1', port))
sockfd.listen(5)
connfd, addr = sockfd.accept()
data = connfd.recv(size, socket.MSG_WAITALL)   # 等到 size 字节全部到达
print('收到', len(data), '字节')
connfd.close()
sockfd.close()
