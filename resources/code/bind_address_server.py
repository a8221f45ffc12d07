# bind_address_server.py —— 绑定 127.0.0.1 还是 0.0.0.0？
import socket

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.bind(('127.0.0.1', 8888))    # 只在本机回环地址上监听
sockfd.listen(5)
sockfd.close()
sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.bind(('0.0.0.0', 8888))      # 在本机所有地址上监听
sockfd.listen(5)
connfd, addr = sockfd.accept()
connfd.close()
sockfd.close()
