# time_wait_client.py —— 客户端
import socket

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.connect(('127.0.0.1', 8888))
data = sockfd.recv(1024)            # 服务端关闭了：返回 b''
sockfd.close()
