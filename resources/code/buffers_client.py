# buffers_client.py —— 发送缓冲区很小，一直发，对方不收
import socket

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4096)  # 发送缓冲区设小
sockfd.connect(('127.0.0.1', 8888))
sockfd.settimeout(0.5)              # send() 最多阻塞 0.5 秒
try:
    sockfd.sendall(b'x' * 65536)    # 缓冲区满了：send() 阻塞，0.5 秒没有进展就超时
except socket.timeout:              # 内核返回 EAGAIN：发送缓冲区满，对方窗口为 0
    print('发送缓冲区满，发送超时')
sockfd.settimeout(None)             # 恢复为普通的阻塞套接字
sockfd.sendall(b'z' * 4096)         # 阻塞，直到对方读走数据、窗口打开
sockfd.close()
