# 客户端
import socket
import sys

port = int(sys.argv[1])             # 端口（默认 8888）

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.connect(('127.0.0.1', port))
data = sockfd.recv(1024)            # 服务端关闭了：返回 b''
sockfd.close()
