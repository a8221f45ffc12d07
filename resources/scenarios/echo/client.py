# tcp_client.py —— 课上的客户端：发一条消息，收一条回复
import socket
import sys

port = int(sys.argv[1])
message = sys.argv[2].encode()      # 课上是 b'hello'：消息必须是 bytes

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.connect(('127.0.0.1', port))
sockfd.send(message)
data = sockfd.recv(1024)
print('服务端回复：', data.decode())
sockfd.close()
