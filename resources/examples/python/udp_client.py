# udp_client.py —— udp套接字客户端：不需要connect，每次sendto都写明地址
# 运行：python3 udp_client.py [消息...]   最后自动发送 ## 让服务端结束
import socket
import sys

ADDR = ('127.0.0.1', 8888)
sockfd = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
messages = sys.argv[1:] or ['hello', 'udp']
for msg in messages + ['##']:
    sockfd.sendto(msg.encode(), ADDR)       # 一次sendto就是一个数据报
    data, addr = sockfd.recvfrom(1024)
    print('服务端回复：', data.decode())
sockfd.close()
