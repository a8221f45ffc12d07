#include "PacketTap.h"

#include "Lab.h"
#include "SpoolWriter.h"
#include "Recorder.h"

#include <QFile>
#include <QStringList>

#include <pcap/pcap.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace socklab {

namespace {
pcap_t* P(void* p) { return static_cast<pcap_t*>(p); }
QString errnoText(int err) { return QStringLiteral("%1 (%2)").arg(QString::fromLocal8Bit(std::strerror(err))).arg(err); }
} // namespace

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

bool PacketTap::start(const QString& filter, QString* error, TapOptions options)
{
    stop();
    m_options = std::move(options);
    if (const QByteArray hook = qgetenv("SOCKLAB_TEST_CAPTURE_BUFFER"); !hook.isEmpty()) {
        bool ok = false;
        const int bytes = hook.toInt(&ok);
        if (ok && bytes > 0) m_options.bufferBytes = bytes;
    }
    QString err;
    bool ok = false;
    // Open the capture on a thread that has entered the lab: a packet socket
    // belongs to the namespace it was created in.
    std::thread opener([&] {
        if (!m_lab.enterThisThread(&err)) return;
        char ebuf[PCAP_ERRBUF_SIZE] = {};
        pcap_t* p = pcap_create("lo", ebuf);
        if (!p) {
            err = QStringLiteral("capture on lo: %1").arg(QString::fromLocal8Bit(ebuf));
            return;
        }
        auto failWith = [&](const QString& what) {
            err = QStringLiteral("capture on lo: %1: %2").arg(what, QString::fromLocal8Bit(pcap_geterr(p)));
            pcap_close(p);
        };
        // No immediate mode: libpcap then uses TPACKET_V3, whose blocks hold
        // frames of any length; the timeout bounds how long a packet waits.
        if (pcap_set_snaplen(p, m_options.snapLen) != 0) return failWith(QStringLiteral("snap length"));
        if (pcap_set_immediate_mode(p, 0) != 0) return failWith(QStringLiteral("immediate mode"));
        if (pcap_set_timeout(p, m_options.timeoutMs) != 0) return failWith(QStringLiteral("timeout"));
        if (pcap_set_buffer_size(p, m_options.bufferBytes) != 0) return failWith(QStringLiteral("buffer size"));
        if (pcap_set_tstamp_precision(p, PCAP_TSTAMP_PRECISION_MICRO) != 0)
            return failWith(QStringLiteral("timestamp precision"));
        if (pcap_activate(p) < 0) return failWith(QStringLiteral("activate"));
        bpf_program prog{};
        const QByteArray f = filter.toLatin1();
        if (pcap_compile(p, &prog, f.constData(), 1, PCAP_NETMASK_UNKNOWN) < 0) {
            err = QStringLiteral("capture filter \"%1\": %2").arg(filter, QString::fromLocal8Bit(pcap_geterr(p)));
            pcap_close(p);
            return;
        }
        const int set = pcap_setfilter(p, &prog);
        pcap_freecode(&prog);
        if (set < 0) {
            err = QStringLiteral("capture filter \"%1\": %2").arg(filter, QString::fromLocal8Bit(pcap_geterr(p)));
            pcap_close(p);
            return;
        }
        if (pcap_setnonblock(p, 1, ebuf) != 0) {
            err = QStringLiteral("capture on lo: non-blocking mode: %1").arg(QString::fromLocal8Bit(ebuf));
            pcap_close(p);
            return;
        }
        if (pcap_get_selectable_fd(p) < 0) {
            err = QStringLiteral("capture on lo: no descriptor to wait on");
            pcap_close(p);
            return;
        }
        m_pcap = p;
        m_linkType = pcap_datalink(p);
        ok = true;
    });
    opener.join();
    auto fail = [&](const QString& why) {
        if (m_pcap) pcap_close(P(m_pcap));
        m_pcap = nullptr;
        m_spoolWriter.reset();
        m_store.reset();
        if (error) *error = why;
        return false;
    };
    if (!ok) return fail(err);
    if (m_options.spool) {
        m_spoolWriter = std::make_unique<SpoolWriter>();
        int fd = -1;
        QString name = m_options.spoolPath;
        if (m_options.spoolPath.isEmpty()) {
            m_store = FrameStore::createTemporary(m_options.tempDir, &err);
            if (!m_store) return fail(err);
            fd = m_store->duplicateForWriting(&err);
            if (fd < 0) return fail(err);
            name = QStringLiteral("the frame file in %1").arg(m_options.tempDir);
        } else {
            fd = ::open(QFile::encodeName(m_options.spoolPath).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
                        0666);
            if (fd < 0)
                return fail(QStringLiteral("cannot write %1: %2").arg(m_options.spoolPath, errnoText(errno)));
        }
        // SOCKLAB_FRAME_FILE_DIRECT=0: through the page cache only (a benchmark's comparison).
        const bool direct = qgetenv("SOCKLAB_FRAME_FILE_DIRECT") != "0";
        if (!m_spoolWriter->open(fd, name, m_linkType, m_options.snapLen, m_options.spoolQueueBytes, &err, direct))
            return fail(err);
        if (!m_store) {
            m_store = FrameStore::openFile(m_options.spoolPath, &err);
            if (!m_store) return fail(err);
        }
    }
    m_stopFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (m_stopFd < 0) return fail(QStringLiteral("capture: eventfd: %1").arg(errnoText(errno)));
    {
        std::lock_guard lock(m_mutex);
        m_stats = {};
        m_error.clear();
        m_frames.clear();
        m_losses.clear();
    }
    m_batchCount = 0;
    m_running = true;
    try {
        m_thread = std::thread([this] { loop(); });
    } catch (const std::system_error& e) {
        m_running = false;
        ::close(m_stopFd);
        m_stopFd = -1;
        return fail(QStringLiteral("capture: cannot start its thread: %1").arg(QString::fromLocal8Bit(e.what())));
    }
    return true;
}

void PacketTap::onPacket(unsigned char* user, const pcap_pkthdr* h, const unsigned char* bytes)
{
    auto* self = reinterpret_cast<PacketTap*>(user);
    ++self->m_batchCount;
    if (self->m_countOnly) return;
    CapturedFrame f;
    f.epochUs = qint64(h->ts.tv_sec) * 1000000 + h->ts.tv_usec;
    f.wireLen = h->len;
    f.capLen = h->caplen;
    int keep = int(h->caplen);
    if (SpoolWriter* w = self->m_spoolWriter.get(); w && w->isOpen()) {
        // When the disk is too far behind (or failed) the frame is not in the
        // file: memory still keeps only its first bytes (bounded), and the
        // count of such frames is reported (TapStats::notSpooled).
        f.spoolOffset = w->append(f.epochUs, bytes, h->caplen, h->len);
        keep = std::min(keep, self->m_options.keepBytes);
    }
    f.bytes = QByteArray(reinterpret_cast<const char*>(bytes), keep);
    self->m_batch.append(std::move(f));
}

void PacketTap::drain()
{
    // Take everything the ring holds now; a persistent error ends the loop
    // instead of spinning on it.
    for (;;) {
        const int n = pcap_dispatch(P(m_pcap), -1, &PacketTap::onPacket, reinterpret_cast<u_char*>(this));
        if (n == 0) break;
        if (n < 0) {
            setError(QStringLiteral("capture on lo: %1").arg(QString::fromLocal8Bit(pcap_geterr(P(m_pcap)))));
            m_running = false;
            break;
        }
    }
    if (m_spoolWriter) m_spoolWriter->flush();
    std::lock_guard lock(m_mutex);
    m_stats.captured += std::exchange(m_batchCount, 0);
    if (!m_batch.isEmpty()) {
        if (m_frames.isEmpty())
            m_frames = std::exchange(m_batch, {});
        else
            m_frames.append(std::exchange(m_batch, {}));
    }
}

void PacketTap::updateStats()
{
    // Only this thread touches the pcap handle once the loop runs.
    pcap_stat ps{};
    if (pcap_stats(P(m_pcap), &ps) != 0) return;
    std::lock_guard lock(m_mutex);
    if (ps.ps_drop > m_stats.kernelDrops) {
        const quint64 fresh = ps.ps_drop - m_stats.kernelDrops;
        m_stats.kernelDrops = ps.ps_drop;
        m_losses.append({Recorder::epochNowUs(), m_stats.captured, m_stats.kernelDrops, fresh});
    }
    m_stats.ifDrops = ps.ps_ifdrop;
    if (m_spoolWriter) m_stats.notSpooled = m_spoolWriter->skipped();
}

void PacketTap::loop()
{
    pollfd fds[2] = {{pcap_get_selectable_fd(P(m_pcap)), POLLIN, 0}, {m_stopFd, POLLIN, 0}};
    while (m_running) {
        const int r = ::poll(fds, 2, 100);
        if (r < 0 && errno != EINTR) {
            setError(QStringLiteral("capture: poll: %1").arg(errnoText(errno)));
            break;
        }
        drain();
        updateStats();
        if (r > 0 && (fds[1].revents & POLLIN)) {
            // A ring block still open is handed over after the timeout:
            // wait for it, so nothing captured before stop() is lost.
            std::this_thread::sleep_for(std::chrono::milliseconds(2 * m_options.timeoutMs + 1));
            drain();
            updateStats();
            break;
        }
        if (r > 0 && (fds[0].revents & (POLLERR | POLLHUP | POLLNVAL))) {
            drain(); // names the error if libpcap has one
            if (m_running) setError(QStringLiteral("capture on lo: the packet socket reported an error"));
            break;
        }
    }
    m_running = false;
}

void PacketTap::stop()
{
    if (m_thread.joinable()) {
        const uint64_t one = 1;
        // Cannot fail short of a bad descriptor (checked at start): the
        // counter would have to reach 2^64 - 1.
        if (::write(m_stopFd, &one, sizeof one) != ssize_t(sizeof one))
            setError(QStringLiteral("capture: eventfd write: %1").arg(errnoText(errno)));
        m_thread.join();
    }
    if (m_pcap) {
        pcap_close(P(m_pcap));
        m_pcap = nullptr;
    }
    if (m_spoolWriter) {
        m_spoolWriter->close();
        if (!m_spoolWriter->error().isEmpty()) setError(m_spoolWriter->error());
        std::lock_guard lock(m_mutex);
        m_stats.notSpooled = m_spoolWriter->skipped();
        m_spoolWriter.reset();
    }
    if (m_stopFd >= 0) {
        ::close(m_stopFd);
        m_stopFd = -1;
    }
    m_running = false;
}

void PacketTap::setError(const QString& e)
{
    std::lock_guard lock(m_mutex);
    if (m_error.isEmpty()) m_error = e;
}

QString PacketTap::error() const
{
    std::lock_guard lock(m_mutex);
    return m_error;
}

QList<CapturedFrame> PacketTap::take()
{
    std::lock_guard lock(m_mutex);
    return std::exchange(m_frames, {});
}

QList<CaptureLoss> PacketTap::takeLosses()
{
    std::lock_guard lock(m_mutex);
    return std::exchange(m_losses, {});
}

TapStats PacketTap::stats() const
{
    std::lock_guard lock(m_mutex);
    return m_stats;
}

} // namespace socklab
