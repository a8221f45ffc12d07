# udp_server.py —— 数据报套接字：不需要 listen()/accept()
import socket

sockfd = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sockfd.bind(('127.0.0.1', 8888))
data, addr = sockfd.recvfrom(1024)  # 一次 recvfrom() 只取一个数据报
data, addr = sockfd.recvfrom(1024)  # 下一个数据报，边界保留，不会粘在一起
data, addr = sockfd.recvfrom(10)    # 缓冲区太小：数据报被截断，多出的字节丢弃
sockfd.close()
