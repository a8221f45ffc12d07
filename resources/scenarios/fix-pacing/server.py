# 服务端 —— 方法三：协调收发速度，每条消息单独到达
import socket
import sys

port = int(sys.argv[1])             # 端口（默认 8888）

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.bind(('127.0.0.1', port))
sockfd.listen(5)
connfd, addr = sockfd.accept()
while True:
    data = connfd.recv(1024)        # 对方每发一条就等我收完，一次 recv() 正好一条
    if not data:                    # 对方关闭了：recv() 返回 b''
        break
    print('消息：', data.decode())
connfd.close()
sockfd.close()
