# 客户端 —— 发送缓冲区很小，一直发，对方不收
import socket
import sys

port = int(sys.argv[1])             # 端口（默认 8888）
sndbuf = int(sys.argv[2])           # 发送缓冲区大小（默认 4096）
size = int(sys.argv[3])             # 第一次要发的字节数（默认 65536）

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, sndbuf)  # 发送缓冲区设小
sockfd.connect(('127.0.0.1', port))
sockfd.settimeout(0.5)              # send() 最多阻塞 0.5 秒
try:
    sockfd.sendall(b'x' * size)     # 缓冲区满了：send() 阻塞，0.5 秒没有进展就超时
except socket.timeout:              # poll() 等了 0.5 秒仍不能写：发送缓冲区满，对方窗口为 0
    print('发送缓冲区满，发送超时')
sockfd.settimeout(None)             # 恢复为普通的阻塞套接字
sockfd.sendall(b'z' * 4096)         # 阻塞，直到对方读走数据、窗口打开
sockfd.close()
