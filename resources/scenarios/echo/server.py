# tcp_server.py —— 课上的服务端：收一条消息，回一条消息
import socket
import sys

port = int(sys.argv[1])
reply = sys.argv[2].encode()        # 课上是 b'Thanks'

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.bind(('127.0.0.1', port))
sockfd.listen(5)
connfd, addr = sockfd.accept()      # 阻塞，等待连接
data = connfd.recv(1024)            # 阻塞，等待消息
print('收到：', data.decode())
n = connfd.send(reply)              # 返回实际发送的字节数
data = connfd.recv(1024)            # 对方退出时返回 b''
connfd.close()
sockfd.close()
