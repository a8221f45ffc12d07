# 服务端 —— listen(n)：监听队列很短，而且从不 accept()
import socket
import sys
import time

port = int(sys.argv[1])             # 端口（默认 8888）
backlog = int(sys.argv[2])          # 监听队列大小 n（默认 1）

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.bind(('127.0.0.1', port))
sockfd.listen(backlog)              # Linux：已完成握手、等待 accept() 的连接最多 n+1 个
time.sleep(4)                       # 服务端在忙，不调用 accept()：握手由内核完成，连接排在队列里
sockfd.close()                      # 监听套接字关闭：排队的连接被重置（RST）
