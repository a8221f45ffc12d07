# fix_pacing_client.py —— 每次发送后都预留接收时间
import socket
import time

msgs = [b'hello', '你好，世界'.encode(), b'The quick brown fox']
sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.connect(('127.0.0.1', 8888))
for msg in msgs:
    sockfd.send(msg)
    time.sleep(0.1)                 # 等对方收走这一条，再发下一条
sockfd.close()
