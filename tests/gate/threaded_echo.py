# A threaded socketserver: the handler runs in a thread socketserver starts,
# and the connection is shut down and closed there after handle() returns.
import socketserver
import sys


class Echo(socketserver.BaseRequestHandler):
    def handle(self):
        data = self.request.recv(1024)
        self.request.sendall(data)


with socketserver.ThreadingTCPServer(('127.0.0.1', int(sys.argv[1])), Echo) as server:
    server.handle_request()
