# 服务端 —— 服务端主动关闭后立刻重启，端口还被 TIME_WAIT 占着
import socket
import sys

port = int(sys.argv[1])             # 端口（默认 8888）

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
sockfd.bind(('127.0.0.1', port))
sockfd.listen(5)
connfd, addr = sockfd.accept()
connfd.close()                      # 服务端先关闭：TIME_WAIT 留在服务端这一边（约 60 秒）
sockfd.close()
# 立刻“重启”服务端，绑定同一个端口
sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
try:
    sockfd.bind(('127.0.0.1', port))    # OSError: [Errno 98] Address already in use
except OSError as e:
    print('OSError: errno', e.errno, e.strerror)   # 98 就是 EADDRINUSE
sockfd.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
sockfd.bind(('127.0.0.1', port))    # 设置 SO_REUSEADDR 后绑定成功
sockfd.listen(5)                    # （Linux 上旧套接字也要设置过 SO_REUSEADDR）
sockfd.close()
