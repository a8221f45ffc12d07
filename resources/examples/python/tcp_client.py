# tcp_client.py —— tcp套接字客户端（第3节）
# 运行：python3 tcp_client.py [消息]
#   有参数：发送参数里的消息；没有参数：从键盘(stdin)读取，输入空行结束
import socket
import sys

# 1.创建套接字（必须和服务端相同类型）
sockfd = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
# 2.建立连接（三次握手）
sockfd.connect(('127.0.0.1', 8888))
# 3.消息收发：要和服务端配合，避免两边都阻塞在recv
if len(sys.argv) > 1:
    messages = [' '.join(sys.argv[1:])]
else:
    messages = None
while True:
    if messages is not None:
        if not messages:
            break
        msg = messages.pop(0)
    else:
        try:
            msg = input('发送>>')
        except EOFError:
            break
        if not msg:
            break
    sockfd.send(msg.encode())
    data = sockfd.recv(1024)
    print('服务端回复：', data.decode())
# 4.关闭套接字（发起四次挥手）
sockfd.close()
