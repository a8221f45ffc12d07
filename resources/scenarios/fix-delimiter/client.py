# 客户端 —— 每条消息后面加结尾标志（人为增加消息边界）
import socket
import sys

port = int(sys.argv[1])                            # 端口（默认 8888）
msgs = sys.argv[2].split('|')                      # 消息（默认 hello|你好，世界|The quick brown fox）
delim = sys.argv[3].replace('\\n', '\n').encode()  # 结尾标志（默认 #）

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.connect(('127.0.0.1', port))
for msg in msgs:
    sockfd.send(msg.encode() + delim)   # 消息本身不能含有结尾标志
sockfd.close()
