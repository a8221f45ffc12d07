# framing_length_server.py —— 处理粘包方法2：发送数据结构体
# 每条消息前有4个字节的长度（struct.pack('!I', n)），先读长度，再读内容
import socket
import struct
import time


def recv_exactly(connfd, n):
    """一直接收，直到正好收到 n 个字节；对方关闭则返回 None"""
    data = b''
    while len(data) < n:
        part = connfd.recv(n - len(data))
        if not part:
            return None
        data += part
    return data


sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.bind(('127.0.0.1', 8888))
sockfd.listen(5)
connfd, addr = sockfd.accept()
time.sleep(0.5)
while True:
    head = recv_exactly(connfd, 4)          # 消息头：长度
    if head is None:
        break
    length, = struct.unpack('!I', head)
    body = recv_exactly(connfd, length)     # 消息体
    print('一条消息（%d字节）：%s' % (length, body.decode()))
connfd.close()
sockfd.close()
