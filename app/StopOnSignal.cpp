#include "StopOnSignal.h"

#include "Problem.h"
#include "ProblemText.h"

#include <QTextStream>

#include <csignal>
#include <cstring>

namespace socklab {

namespace {

std::atomic<int> g_signal{0};
static_assert(std::atomic<int>::is_always_lock_free,
              "a signal handler may only touch a lock-free atomic");
constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};

void onSignal(int sig)
{
    int none = 0;
    g_signal.compare_exchange_strong(none, sig); // the first one is the one told
}

} // namespace

StopOnSignal::StopOnSignal()
{
    struct sigaction sa {
    };
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART | SA_RESETHAND; // a second signal: the default action, at once
    for (int s : kSignals)
        ::sigaction(s, &sa, nullptr);
}

StopOnSignal::~StopOnSignal()
{
    for (int s : kSignals)
        std::signal(s, SIG_DFL);
}

std::atomic<int>* StopOnSignal::flag() const
{
    return &g_signal;
}

int StopOnSignal::signalNumber() const
{
    return g_signal.load();
}

int StopOnSignal::finish(int code) const
{
    const int sig = g_signal.load();
    if (!sig) return code;
    const Problem p(
        QStringLiteral("interrupted"),
        {{"signal", sig},
         {"signal_name", QStringLiteral("SIG") + QString::fromLatin1(sigabbrev_np(sig))}});
    QTextStream(stderr) << "socklab: " << problemText(p) << '\n';
    return 128 + sig;
}

} // namespace socklab
