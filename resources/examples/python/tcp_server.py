# tcp_server.py —— tcp套接字服务端（第2节）：像接一个电话
# 运行：python3 tcp_server.py   （先运行服务端，再运行客户端）
import socket

# 1.创建套接字  AF_INET--ipv4  SOCK_STREAM--流式套接字(tcp)
sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
# 2.绑定服务端地址  127.0.0.1：只有本机可以访问
sockfd.bind(('127.0.0.1', 8888))
# 3.设置监听套接字，创建监听队列（只针对tcp）
sockfd.listen(5)
print('等待客户端连接...')
# 4.阻塞等待处理客户端连接（三次握手由内核完成）
connfd, addr = sockfd.accept()
print('连接来自：', addr)
# 5.消息收发
while True:
    data = connfd.recv(1024)      # 没有消息则阻塞；对方退出时返回 b''
    if not data:
        break
    print('收到：', data.decode())
    n = connfd.send(b'Thanks')    # 返回实际发送的字节数
# 6.关闭套接字（四次挥手）
connfd.close()
sockfd.close()
