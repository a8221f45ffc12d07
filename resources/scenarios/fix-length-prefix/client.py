# 客户端 —— 发送“结构体”：头里写明消息体的长度，如 "Y 18 abcd..."
import socket
import struct
import sys

port = int(sys.argv[1])             # 端口（默认 8888）
msgs = sys.argv[2].split('|')       # 消息（默认 hello|你好，世界|The quick brown fox）

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.connect(('127.0.0.1', port))
for msg in msgs:
    body = msg.encode()                           # '你好，世界' 是 5 个字符、15 个字节
    header = struct.pack('!cI', b'Y', len(body))  # 长度按字节算，不是按字符
    sockfd.send(header + body)
sockfd.close()
