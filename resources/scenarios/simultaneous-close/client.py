# 同时关闭：两个 FIN 在线路上交错
import socket
import sys

port = int(sys.argv[1])

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.connect(('127.0.0.1', port))
sockfd.close()              # FIN_WAIT_1；收到对方的 FIN（自己的还没被确认）：CLOSING
