# 同时关闭：服务端不等客户端的 FIN，自己也关闭
import socket
import sys

port = int(sys.argv[1])

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.bind(('127.0.0.1', port))
sockfd.listen(5)
connfd, addr = sockfd.accept()
connfd.close()              # 对方的 FIN 还在路上：FIN_WAIT_1，收到它的 FIN 后 CLOSING
sockfd.close()
