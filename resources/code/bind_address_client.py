# bind_address_client.py —— 连接本机的另一个地址 192.0.2.1
import socket

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.connect(('192.0.2.1', 8888))  # 服务端只绑定了 127.0.0.1：ConnectionRefusedError
sockfd.close()
sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.connect(('192.0.2.1', 8888))  # 服务端绑定 0.0.0.0：连接成功
sockfd.close()
