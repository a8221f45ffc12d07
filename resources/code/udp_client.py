# udp_client.py —— 直接 sendto()，没有三次握手
import socket

sockfd = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sockfd.sendto(b'hello', ('127.0.0.1', 8888))   # 每次 sendto() 就是一个数据报
sockfd.sendto(b'world', ('127.0.0.1', 8888))
sockfd.sendto(b'this datagram is too long', ('127.0.0.1', 8888))
sockfd.close()
# 向一个没有人监听的端口发送
sockfd = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sockfd.connect(('127.0.0.1', 8889))  # UDP 的 connect() 只记下对方地址，不发任何包
sockfd.send(b'anyone?')              # 发出去了；对方回 ICMP port unreachable
sockfd.settimeout(1)
data = sockfd.recv(1024)             # ConnectionRefusedError：ICMP 的错误报到了下一次调用上
sockfd.close()
