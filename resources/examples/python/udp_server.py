# udp_server.py —— udp套接字服务端：面向无连接，不需要listen/accept
import socket

# 创建数据报套接字
sockfd = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
# 绑定地址
sockfd.bind(('127.0.0.1', 8888))
print('等待消息...')
while True:
    # 接收消息，同时得到发送方地址（每次收到一个完整的数据报）
    data, addr = sockfd.recvfrom(1024)
    msg = data.decode()
    print('收到 %s：%s' % (addr, msg))
    # 给发送方回复
    sockfd.sendto(b'Thanks', addr)
    if msg == '##':       # 约定：收到 ## 就结束
        break
sockfd.close()
