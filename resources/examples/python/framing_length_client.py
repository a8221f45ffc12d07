# framing_length_client.py —— 处理粘包方法2：消息前加上长度
import socket
import struct

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.connect(('127.0.0.1', 8888))
for msg in ['hello', 'world', 'tcp']:
    body = msg.encode()
    sockfd.send(struct.pack('!I', len(body)) + body)   # 长度(4字节) + 内容
sockfd.close()
