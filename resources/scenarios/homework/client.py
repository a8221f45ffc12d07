# 客户端 —— 发一条消息，收到回复后发送特殊字符串
import socket
import sys

port = int(sys.argv[1])             # 端口（默认 8888）
message = sys.argv[2].encode()      # 消息（默认 hello）
special = sys.argv[3].encode()      # 特殊字符串（默认 ##）

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.connect(('127.0.0.1', port))
sockfd.send(message)
data = sockfd.recv(1024)            # 等服务端的回复
print('回复：', data.decode())
sockfd.send(special)                # 告诉服务端：我说完了
sockfd.close()
