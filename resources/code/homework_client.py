# homework_client.py —— 发几条消息，最后发送特殊字符串 ##
import socket

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.connect(('127.0.0.1', 8888))
sockfd.send(b'hello')
data = sockfd.recv(1024)
sockfd.send(b'##')                  # 告诉服务端：我说完了
sockfd.close()
