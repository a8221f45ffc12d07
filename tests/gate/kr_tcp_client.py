# The textbook TCP client (Kurose & Ross), as a student writes it.
from socket import *
import sys
import time
serverPort = int(sys.argv[1]) if len(sys.argv) > 1 else 12000
time.sleep(0.2)  # the server sits in accept() meanwhile
clientSocket = socket(AF_INET, SOCK_STREAM)
clientSocket.connect(('127.0.0.1', serverPort))
clientSocket.sendall(b'hello')
modifiedSentence = clientSocket.recv(1024)
print('From Server:', modifiedSentence.decode())
clientSocket.close()
