# 客户端 —— 每次发送后都预留接收时间
import socket
import sys
import time

port = int(sys.argv[1])             # 端口（默认 8888）
msgs = sys.argv[2].split('|')       # 消息（默认 hello|你好，世界|The quick brown fox）

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.connect(('127.0.0.1', port))
for msg in msgs:
    sockfd.send(msg.encode())
    time.sleep(0.1)                 # 等对方收走这一条，再发下一条
sockfd.close()
