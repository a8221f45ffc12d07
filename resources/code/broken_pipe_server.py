# 服务端接受连接后立即退出
import socket

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.bind(('127.0.0.1', 8888))
sockfd.listen(5)
connfd, addr = sockfd.accept()
connfd.close()              # 服务端退出：发出 FIN
