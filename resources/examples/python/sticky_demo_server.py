# sticky_demo_server.py —— tcp粘包演示：服务端慢慢接收
# tcp以字节流方式传输，没有消息边界，几次send的内容可能被一次recv收到
import socket
import time

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.bind(('127.0.0.1', 8888))
sockfd.listen(5)
connfd, addr = sockfd.accept()
time.sleep(0.5)          # 接收得慢：几条消息在接收缓冲区里"粘"在一起
while True:
    data = connfd.recv(1024)
    if not data:
        break
    print('一次recv收到：', data)
connfd.close()
sockfd.close()
