# 服务端 —— 作业：客户端发来特殊字符串后，回去 accept() 下一个客户端
import socket
import sys

port = int(sys.argv[1])             # 端口（默认 8888）
special = sys.argv[2].encode()      # 特殊字符串（默认 ##）

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.bind(('127.0.0.1', port))
sockfd.listen(5)
while True:
    connfd, addr = sockfd.accept()  # 阻塞，等待下一个客户端
    print('连接来自', addr)
    while True:
        data = connfd.recv(1024)
        if not data or data == special:   # 特殊字符串（或对方已关闭）：结束这个客户端
            break
        print('收到：', data.decode())
        connfd.send(b'Thanks')
    connfd.close()                  # 关闭连接套接字，监听套接字还在
