# MTU：一次 send() 10000 字节，内核按 MSS 切成多个报文段
import socket
import sys

port = int(sys.argv[1])
size = int(sys.argv[2])

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.connect(('127.0.0.1', port))
n = sockfd.send(b'x' * size)   # 一次调用；线路上是多个报文段
print('send() 返回', n)
sockfd.close()
