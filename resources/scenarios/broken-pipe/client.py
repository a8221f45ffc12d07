# 对端关闭后仍然 send()：BrokenPipeError
import socket
import sys

port = int(sys.argv[1])

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.connect(('127.0.0.1', port))
sockfd.send(b'hello')       # 第一次发送成功，对端回复 RST
try:
    sockfd.send(b'again')   # 再次发送：BrokenPipeError
except BrokenPipeError as e:
    print('管道破裂：', e)
try:
    data = sockfd.recv(1024)    # 连接已结束
    print('recv() 返回', data)
except ConnectionResetError as e:
    print('连接被重置：', e)
