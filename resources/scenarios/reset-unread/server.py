# 接收缓冲区里还有数据没读，就 close()
import socket
import sys

port = int(sys.argv[1])

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.bind(('127.0.0.1', port))
sockfd.listen(5)
connfd, addr = sockfd.accept()
connfd.close()              # 未读的数据被丢弃：内核发 RST 而不是 FIN
