# homework_server.py —— 作业：客户端输入特殊字符 ## 后，
# 服务端回到accept()继续接收下一个客户端的请求
# 运行：python3 homework_server.py [客户端个数，默认1]
import socket
import sys

clients = int(sys.argv[1]) if len(sys.argv) > 1 else 1   # 接待几个客户端后结束（方便演示）

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # 端口可以立即重用
sockfd.bind(('127.0.0.1', 8888))
sockfd.listen(5)
for i in range(clients):
    print('等待第 %d 个客户端...' % (i + 1))
    connfd, addr = sockfd.accept()       # 回到这里，等待下一个连接
    print('连接来自：', addr)
    while True:
        data = connfd.recv(1024)
        if not data:                     # 客户端直接退出
            break
        msg = data.decode()
        print('收到：', msg)
        if msg == '##':                  # 特殊字符：结束和这个客户端的通信
            connfd.send(b'bye')
            break
        connfd.send(b'Thanks')
    connfd.close()
sockfd.close()
