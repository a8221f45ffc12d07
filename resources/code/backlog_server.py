# backlog_server.py —— listen(1)：监听队列很短，而且从不 accept()
import socket

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.bind(('127.0.0.1', 8888))
sockfd.listen(1)                    # 已完成握手、等待 accept() 的连接最多 1+1 个
# 服务端在忙，不调用 accept()：握手由内核完成，连接排在队列里
sockfd.close()
