# backlog_client.py —— 几个客户端同时连接（每个客户端运行一份）
import socket

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.connect(('127.0.0.1', 8888))  # 队列满时：SYN 被悄悄丢弃，connect() 阻塞，约 1 秒后重发 SYN
sockfd.close()
