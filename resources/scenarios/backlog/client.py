# 客户端 —— 几个客户端同时连接（每个客户端运行一份）
import socket
import sys

port = int(sys.argv[1])             # 端口（默认 8888）

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
try:
    sockfd.connect(('127.0.0.1', port))  # 队列满时：SYN 被悄悄丢弃，connect() 阻塞，约 1 秒、2 秒后重发 SYN
    print('已连接：排在监听队列里')
except ConnectionRefusedError as e:     # 监听套接字关闭后，重发的 SYN 得到 RST
    print('ConnectionRefusedError:', e)
sockfd.close()
