# 丢失的数据：一次 send() 变成多个报文段，线路丢掉其中第 2 个
import socket
import sys

port = int(sys.argv[1])
size = int(sys.argv[2])

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.connect(('127.0.0.1', port))
sockfd.send(b'x' * size)      # 第 2 个报文段丢失：重复 ACK，快速重传
sockfd.send(b'bye')           # 最后一个报文段丢失：没有重复 ACK，只能等计时器
sockfd.close()
