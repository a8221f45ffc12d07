# 丢失的 FIN：主动关闭的一方
import socket
import sys

port = int(sys.argv[1])

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.connect(('127.0.0.1', port))
sockfd.close()              # 发出 FIN：FIN_WAIT_1，收到 ACK 后 FIN_WAIT_2，最后 TIME_WAIT
print('已关闭')
