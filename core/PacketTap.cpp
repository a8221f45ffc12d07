#include "PacketTap.h"

#include "Lab.h"

#include <QStringList>

#include <pcap/pcap.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace socklab {

namespace {
pcap_t* P(void* p) { return static_cast<pcap_t*>(p); }
}

PacketTap::PacketTap(const Lab& lab) : m_lab(lab) {}

PacketTap::~PacketTap() { stop(); }

QString PacketTap::filterForPorts(const QList<uint16_t>& tcpPorts, const QList<uint16_t>& udpPorts)
{
    QStringList parts;
    for (uint16_t p : tcpPorts)
        parts << QStringLiteral("tcp port %1").arg(p);
    for (uint16_t p : udpPorts) {
        parts << QStringLiteral("udp port %1").arg(p);
        // ICMP errors quoting a datagram to/from this port (IPv4 header without options).
        parts << QStringLiteral("(icmp and (icmp[30:2] = %1 or icmp[28:2] = %1))").arg(p);
    }
    return parts.isEmpty() ? QStringLiteral("tcp or udp or icmp or icmp6") : parts.join(QStringLiteral(" or "));
}

bool PacketTap::start(const QString& filter, QString* error, int snapLen)
{
    QString err;
    bool ok = false;
    // Open the capture on a thread that has entered the lab: a packet socket
    // belongs to the namespace it was created in.
    std::thread opener([&] {
        if (!m_lab.enterThisThread(&err)) return;
        char ebuf[PCAP_ERRBUF_SIZE] = {};
        pcap_t* p = pcap_create("lo", ebuf);
        if (!p) {
            err = QString::fromLocal8Bit(ebuf);
            return;
        }
        pcap_set_snaplen(p, snapLen);
        pcap_set_immediate_mode(p, 1);
        pcap_set_buffer_size(p, 32 << 20); // bulk transfers must not overflow it
        pcap_set_tstamp_precision(p, PCAP_TSTAMP_PRECISION_MICRO);
        if (pcap_activate(p) < 0) {
            err = QStringLiteral("capture on lo: %1").arg(QString::fromLocal8Bit(pcap_geterr(p)));
            pcap_close(p);
            return;
        }
        bpf_program prog{};
        const QByteArray f = filter.toLatin1();
        if (pcap_compile(p, &prog, f.constData(), 1, PCAP_NETMASK_UNKNOWN) < 0
            || pcap_setfilter(p, &prog) < 0) {
            err = QStringLiteral("capture filter \"%1\": %2").arg(filter, QString::fromLocal8Bit(pcap_geterr(p)));
            pcap_freecode(&prog);
            pcap_close(p);
            return;
        }
        pcap_freecode(&prog);
        pcap_setnonblock(p, 1, ebuf);
        m_pcap = p;
        m_linkType = pcap_datalink(p);
        ok = true;
    });
    opener.join();
    if (!ok) {
        if (error) *error = err;
        return false;
    }
    m_stopFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    m_running = true;
    m_thread = std::thread([this] { loop(); });
    return true;
}

void PacketTap::loop()
{
    pollfd fds[2] = {{pcap_get_selectable_fd(P(m_pcap)), POLLIN, 0}, {m_stopFd, POLLIN, 0}};
    auto handler = [](u_char* user, const pcap_pkthdr* h, const u_char* bytes) {
        auto* self = reinterpret_cast<PacketTap*>(user);
        std::lock_guard lock(self->m_mutex);
        ++self->m_captured;
        if (self->m_countOnly) return;
        self->m_frames.append({qint64(h->ts.tv_sec) * 1000000 + h->ts.tv_usec,
                               QByteArray(reinterpret_cast<const char*>(bytes), int(h->caplen)), h->len});
    };
    for (;;) {
        ::poll(fds, 2, 100);
        // Drain what is there before honouring a stop, so nothing is lost.
        while (pcap_dispatch(P(m_pcap), 256, handler, reinterpret_cast<u_char*>(this)) > 0) {
        }
        if (fds[1].revents & POLLIN) break;
    }
}

void PacketTap::stop()
{
    if (m_thread.joinable()) {
        const uint64_t one = 1;
        [[maybe_unused]] auto n = ::write(m_stopFd, &one, sizeof one);
        m_thread.join();
    }
    if (m_pcap) {
        m_finalStats = stats();
        pcap_close(P(m_pcap));
        m_pcap = nullptr;
    }
    if (m_stopFd >= 0) {
        ::close(m_stopFd);
        m_stopFd = -1;
    }
    m_running = false;
}

QList<CapturedFrame> PacketTap::take()
{
    std::lock_guard lock(m_mutex);
    return std::exchange(m_frames, {});
}

TapStats PacketTap::stats() const
{
    if (!m_pcap) return m_finalStats;
    TapStats s;
    pcap_stat ps{};
    if (pcap_stats(P(m_pcap), &ps) == 0) {
        s.kernelDrops = ps.ps_drop;
        s.ifDrops = ps.ps_ifdrop;
    }
    std::lock_guard lock(m_mutex);
    s.captured = m_captured;
    return s;
}

} // namespace socklab
