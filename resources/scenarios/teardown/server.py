# 四次挥手：被动关闭的一方（服务端）
import socket
import sys

port = int(sys.argv[1])

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.bind(('127.0.0.1', port))
sockfd.listen(5)
connfd, addr = sockfd.accept()
data = connfd.recv(1024)    # 客户端关闭后立即返回 b''，不再阻塞
connfd.close()              # 被动方也关闭：发出自己的 FIN
