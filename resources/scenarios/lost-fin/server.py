# 丢失的 FIN：被动关闭的一方
import socket
import sys

port = int(sys.argv[1])

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.bind(('127.0.0.1', port))
sockfd.listen(5)
connfd, addr = sockfd.accept()
data = connfd.recv(1024)    # 客户端的 FIN 到达后才返回 b''：FIN 被扣住时一直阻塞
connfd.close()              # 被动方关闭：发出自己的 FIN，进入 LAST_ACK
sockfd.close()
