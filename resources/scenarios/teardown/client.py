# 四次挥手：主动关闭的一方（客户端）
import socket
import sys

port = int(sys.argv[1])

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.connect(('127.0.0.1', port))
sockfd.close()              # 主动关闭：发出 FIN，最后进入 TIME_WAIT
