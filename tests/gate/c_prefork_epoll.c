/* A pre-forking epoll server, as event-driven servers start their workers: the
 * parent listens, makes the epoll set and adds the listener, then forks; the
 * worker waits in epoll_wait() on a set it never added anything to itself. */
#include <arpa/inet.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char** argv)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    int on = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(argc > 1 ? atoi(argv[1]) : 12000);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, (struct sockaddr*)&a, sizeof a) != 0 || listen(fd, 4) != 0) return 1;
    int ep = epoll_create1(0);
    struct epoll_event ev = {.events = EPOLLIN, .data.fd = fd};
    if (ep < 0 || epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) != 0) return 1;
    pid_t worker = fork();
    if (worker < 0) return 1;
    if (worker == 0) {
        struct epoll_event got;
        if (epoll_wait(ep, &got, 1, 10000) != 1) _exit(2);
        int conn = accept(fd, NULL, NULL);
        char buf[64];
        ssize_t n = recv(conn, buf, sizeof buf, 0);
        for (ssize_t i = 0; i < n; ++i) buf[i] = (char)toupper((unsigned char)buf[i]);
        if (n > 0) send(conn, buf, (size_t)n, 0);
        close(conn);
        _exit(0);
    }
    int status = 0;
    waitpid(worker, &status, 0);
    close(fd);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
