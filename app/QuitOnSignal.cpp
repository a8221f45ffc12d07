#include "QuitOnSignal.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace socklab {

namespace {

int g_writeFd = -1;
constexpr int kSignals[] = {SIGTERM, SIGINT, SIGHUP};

void onSignal(int sig)
{
    const int saved = errno;
    const unsigned char b = static_cast<unsigned char>(sig);
    if (g_writeFd >= 0) (void)!::write(g_writeFd, &b, 1);
    // A second one ends the process even if quitting hangs.
    std::signal(sig, SIG_DFL);
    errno = saved;
}

} // namespace

QuitOnSignal::QuitOnSignal(QObject* parent) : QObject(parent)
{
    if (::pipe2(m_fds, O_CLOEXEC | O_NONBLOCK) != 0) return; // then the signals keep their default action
    g_writeFd = m_fds[1];
    m_notifier = new QSocketNotifier(m_fds[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &QuitOnSignal::readSignal);
    struct sigaction sa {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    for (int s : kSignals)
        ::sigaction(s, &sa, nullptr);
}

QuitOnSignal::~QuitOnSignal()
{
    for (int s : kSignals)
        std::signal(s, SIG_DFL);
    g_writeFd = -1;
    for (int fd : m_fds)
        if (fd >= 0) ::close(fd);
}

void QuitOnSignal::readSignal()
{
    unsigned char b = 0;
    while (::read(m_fds[0], &b, 1) == 1)
        if (!m_signal) m_signal = b;
    if (m_signal) QCoreApplication::quit();
}

} // namespace socklab
