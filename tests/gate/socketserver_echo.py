# An echo server built on socketserver: the calls happen inside the library.
import socketserver
import sys


class Echo(socketserver.BaseRequestHandler):
    def handle(self):
        data = self.request.recv(1024)
        self.request.sendall(data)


with socketserver.TCPServer(('127.0.0.1', int(sys.argv[1])), Echo) as server:
    server.handle_request()
