# 服务端 —— 方法一：按结尾标志切分消息
import socket
import sys
import time

port = int(sys.argv[1])                            # 端口（默认 8888）
delim = sys.argv[2].replace('\\n', '\n').encode()  # 结尾标志（默认 #）

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.bind(('127.0.0.1', port))
sockfd.listen(5)
connfd, addr = sockfd.accept()
buf = b''
time.sleep(1)                       # 晚一点读：几条消息已经粘在一起
buf += connfd.recv(10)              # 故意只收一部分：一条消息被拆成两半
buf += connfd.recv(1024)            # 收下剩余的字节
while delim in buf:                 # 每遇到一个结尾标志就是一条完整的消息
    msg, buf = buf.split(delim, 1)
    print('消息：', msg.decode())
connfd.close()
sockfd.close()
