# fix_delimiter_client.py —— 每条消息后面加结尾标志 #（人为增加消息边界）
import socket

msgs = [b'hello', '你好，世界'.encode(), b'The quick brown fox']
sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.connect(('127.0.0.1', 8888))
for msg in msgs:
    sockfd.send(msg + b'#')         # 消息本身不能含有 #
sockfd.close()
