# tcp_client.py —— 课上的客户端：发一条消息，收一条回复
import socket

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.connect(('127.0.0.1', 8888))
sockfd.send(b'hello')               # 消息必须是 bytes
data = sockfd.recv(1024)
print('服务端回复：', data.decode())
sockfd.close()
