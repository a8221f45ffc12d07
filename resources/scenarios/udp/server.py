# 服务端 —— 数据报套接字：不需要 listen()/accept()
import socket
import sys

port = int(sys.argv[1])             # 端口（默认 8888）
count = int(sys.argv[2])            # 要收几个数据报（默认 3）
bufsize = int(sys.argv[3])          # 最后一次 recvfrom() 的缓冲区大小（默认 10）

sockfd = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sockfd.bind(('127.0.0.1', port))
for i in range(count - 1):
    data, addr = sockfd.recvfrom(1024)      # 一次 recvfrom() 只取一个数据报：边界保留，不会粘在一起
    print('收到', data, '来自', addr)
data, addr = sockfd.recvfrom(bufsize)       # 缓冲区太小：数据报被截断，多出的字节被丢弃，Python 不报错
print('只收到', len(data), '字节：', data)
sockfd.close()
