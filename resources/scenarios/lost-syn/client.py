# 丢失的 SYN：第一个 SYN 被线路丢掉，内核约 1 秒后重发同一个 SYN
import socket
import sys

port = int(sys.argv[1])

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.connect(('127.0.0.1', port))  # 阻塞在 SYN_SENT，直到重传的 SYN 得到应答
sockfd.send(b'hello')
sockfd.close()
