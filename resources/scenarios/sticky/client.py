# 客户端 —— 连续快速地发几条消息
import socket
import sys

port = int(sys.argv[1])             # 端口（默认 8888）
msgs = sys.argv[2].split('|')       # 要发的消息（默认 hello|world|12345）
count = int(sys.argv[3])            # 一共发几条（默认 3；消息不够就从头再用）

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.connect(('127.0.0.1', port))
for i in range(count):
    sockfd.send(msgs[i % len(msgs)].encode())   # 每次 send() 只是把字节放进发送缓冲区
sockfd.close()
