# 服务端 —— 绑定 127.0.0.1 还是 0.0.0.0？
import socket
import sys

port = int(sys.argv[1])             # 端口（默认 8888）

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.bind(('127.0.0.1', port))    # 只在本机回环地址上监听（写 'localhost' 也一样）：只有本机用 127.0.0.1 能连上
sockfd.listen(5)
sockfd.close()
sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.bind(('0.0.0.0', port))      # 在本机所有地址上监听：127.0.0.1 和本机的其他地址都能连上
sockfd.listen(5)
connfd, addr = sockfd.accept()
print('连接来自', addr)
connfd.close()
sockfd.close()
