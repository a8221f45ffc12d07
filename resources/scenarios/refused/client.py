# 连接一个没有人监听的端口
import socket
import sys

port = int(sys.argv[1])     # 这个端口上没有服务端

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
try:
    sockfd.connect(('127.0.0.1', port))   # 没有监听套接字：内核回复 RST
except ConnectionRefusedError as e:
    print('连接被拒绝：', e)
