# framing_delimiter_server.py —— 处理粘包方法1：每条消息添加结尾标志 '#'
import socket
import time

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.bind(('127.0.0.1', 8888))
sockfd.listen(5)
connfd, addr = sockfd.accept()
time.sleep(0.5)            # 同样接收得慢，消息同样会粘在一起
buffer = b''
while True:
    data = connfd.recv(1024)
    if not data:
        break
    buffer += data
    # 按结尾标志拆分，得到一条条完整的消息；不完整的留在buffer里
    while b'#' in buffer:
        msg, buffer = buffer.split(b'#', 1)
        print('一条消息：', msg.decode())
connfd.close()
sockfd.close()
