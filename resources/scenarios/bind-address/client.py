# 客户端 —— 连接本机的另一个地址（实验网络里是 192.0.2.1）
import socket
import sys

port = int(sys.argv[1])             # 端口（默认 8888）
addr2 = sys.argv[2]                 # 本机的另一个地址，就像课上的 192.168.205.127

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
try:
    sockfd.connect((addr2, port))   # 服务端只绑定了 127.0.0.1：ConnectionRefusedError
except ConnectionRefusedError as e:
    print('ConnectionRefusedError:', e)
sockfd.close()
sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.connect((addr2, port))       # 服务端绑定 0.0.0.0：连接成功
sockfd.close()
