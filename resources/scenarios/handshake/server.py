# tcp_server.py —— 三次握手：服务端（接电话的一方）
import socket
import sys

port = int(sys.argv[1])   # 课上写死的 8888，这里由 socklab 传入

# 1. 创建流式套接字（TCP）
sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
# 2. 绑定服务端地址
sockfd.bind(('127.0.0.1', port))
# 3. 设置为监听套接字，创建监听队列
sockfd.listen(5)
# 4. 阻塞等待客户端连接：三次握手由内核完成
connfd, addr = sockfd.accept()
print('连接来自', addr)
