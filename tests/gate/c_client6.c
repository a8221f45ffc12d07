/* A C client over IPv6: connect to [::1]:PORT, send, close. The gate decodes
   its sockaddr_in6 itself (no Python): the address must read ::1. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char** argv)
{
    usleep(200000);
    int fd = socket(AF_INET6, SOCK_STREAM, 0);
    struct sockaddr_in6 a;
    memset(&a, 0, sizeof a);
    a.sin6_family = AF_INET6;
    a.sin6_port = htons(argc > 1 ? atoi(argv[1]) : 12000);
    a.sin6_flowinfo = htonl(0x12345); /* where sockaddr_in has its address */
    a.sin6_addr = in6addr_loopback;
    if (connect(fd, (struct sockaddr*)&a, sizeof a) != 0) return 1;
    if (send(fd, "hi over IPv6\n", 13, 0) != 13) return 1;
    close(fd);
    return 0;
}
