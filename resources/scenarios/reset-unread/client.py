# 对端带着未读数据关闭：ConnectionResetError
import socket
import sys

port = int(sys.argv[1])

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.connect(('127.0.0.1', port))
sockfd.send(b'hello')       # 对端不读这条消息
try:
    data = sockfd.recv(1024)
except ConnectionResetError as e:
    print('连接被重置：', e)
