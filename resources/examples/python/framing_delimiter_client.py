# framing_delimiter_client.py —— 处理粘包方法1：发送时人为增加消息边界 '#'
import socket

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.connect(('127.0.0.1', 8888))
for msg in ['hello', 'world', 'tcp']:
    sockfd.send((msg + '#').encode())   # 每条消息后加结尾标志
sockfd.close()
