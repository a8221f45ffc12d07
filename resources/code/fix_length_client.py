# fix_length_client.py —— 发送“结构体”：头里写明消息体的长度，如 "Y 18 abcd..."
import socket
import struct

msgs = [b'hello', '你好，世界'.encode(), b'The quick brown fox']
sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.connect(('127.0.0.1', 8888))
for msg in msgs:
    header = struct.pack('!cI', b'Y', len(msg))  # 长度按字节算，不是按字符
    sockfd.send(header + msg)
sockfd.close()
