# sticky_demo_client.py —— tcp粘包演示：客户端连续发送三条消息
import socket

sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sockfd.connect(('127.0.0.1', 8888))
for msg in ['hello', 'world', 'tcp']:
    sockfd.send(msg.encode())      # 三次send，没有消息边界
sockfd.close()
