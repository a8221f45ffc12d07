# 服务端 —— 接收缓冲区很小，而且先不调用 recv()
import socket
import sys
import time

port = int(sys.argv[1])             # 端口（默认 8888）
rcvbuf = int(sys.argv[2])           # 接收缓冲区大小（默认 4096）

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)  # 接收缓冲区设小（内核会翻倍）
sockfd.bind(('127.0.0.1', port))
sockfd.listen(5)
connfd, addr = sockfd.accept()      # 连接套接字继承这个小缓冲区
time.sleep(3)                       # 服务端在忙别的事，一直不 recv()：数据堆在接收缓冲区里，窗口变成 0
data = connfd.recv(4096)            # 终于读了：腾出空间，窗口重新打开
data = connfd.recv(4096)            # 再读一些
connfd.settimeout(0.5)
while True:
    try:
        data = connfd.recv(4096)    # 循环读，直到 0.5 秒内没有新数据
    except socket.timeout:
        break
    if not data:                    # 对方已关闭：recv() 返回 b''
        break
connfd.close()
sockfd.close()
