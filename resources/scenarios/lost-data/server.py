# 丢失的数据：接收方的内核收到后面的报文段，却交不出前面缺的那一段
import socket
import sys

port = int(sys.argv[1])
size = int(sys.argv[2])

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.bind(('127.0.0.1', port))
sockfd.listen(5)
connfd, addr = sockfd.accept()
data = connfd.recv(size, socket.MSG_WAITALL)   # 按顺序、一个不少：缺的那段补上之前拿不到
print('收到', len(data), '字节，按顺序')
last = connfd.recv(1024)                      # 最后一条消息：它丢了，只有超时重传能救
print('最后一条：', last.decode())
connfd.close()
sockfd.close()
