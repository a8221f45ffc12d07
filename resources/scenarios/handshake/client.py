# tcp_client.py —— 三次握手：客户端（打电话的一方）
import socket
import sys

port = int(sys.argv[1])

# 1. 创建套接字：必须和服务端类型相同
sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
# 2. 发起连接：connect() 返回时三次握手已经完成
sockfd.connect(('127.0.0.1', port))
print('已连接')
