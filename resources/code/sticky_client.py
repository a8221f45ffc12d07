# sticky_client.py —— 连续快速地发三条消息
import socket

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.connect(('127.0.0.1', 8888))
sockfd.send(b'hello')               # 每次 send() 只是把字节放进发送缓冲区
sockfd.send(b'world')
sockfd.send(b'12345')
sockfd.close()
