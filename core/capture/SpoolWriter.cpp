#include "SpoolWriter.h"

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace socklab {

namespace {
constexpr qsizetype kChunk = 1 << 20;

QString errnoText(int err) { return QStringLiteral("%1 (%2)").arg(QString::fromLocal8Bit(std::strerror(err))).arg(err); }

// write() all of it; errno is kept on failure.
bool writeAll(int fd, const char* p, qsizetype n)
{
    while (n > 0) {
        const ssize_t w = ::write(fd, p, size_t(n));
        if (w < 0 && errno == EINTR) continue;
        if (w < 0) return false;
        if (w == 0) {
            errno = EIO;
            return false;
        }
        p += w;
        n -= w;
    }
    return true;
}

template <typename T> void put(QByteArray& b, T v) { b.append(reinterpret_cast<const char*>(&v), sizeof v); }
} // namespace

SpoolWriter::~SpoolWriter() { close(); }

bool SpoolWriter::open(int fd, const QString& name, int linkType, int snapLen, qint64 queueLimit, QString* error)
{
    close();
    // The classic pcap header in host byte order, microsecond timestamps.
    QByteArray header;
    put<uint32_t>(header, 0xa1b2c3d4);
    put<uint16_t>(header, 2);
    put<uint16_t>(header, 4);
    put<int32_t>(header, 0);
    put<uint32_t>(header, 0);
    put<uint32_t>(header, uint32_t(snapLen));
    put<uint32_t>(header, uint32_t(linkType));
    if (!writeAll(fd, header.constData(), header.size())) {
        if (error) *error = QStringLiteral("cannot write %1: %2").arg(name, errnoText(errno));
        ::close(fd);
        return false;
    }
    m_fd = fd;
    m_name = name;
    m_queueLimit = queueLimit;
    m_offset = header.size();
    m_chunk.clear();
    m_chunk.reserve(kChunk);
    m_closing = false;
    m_skipped = 0;
    m_queued = 0;
    m_error.clear();
    try {
        m_thread = std::thread([this] { run(); });
    } catch (const std::system_error& e) {
        if (error) *error = QStringLiteral("cannot write %1: no thread: %2").arg(name, QString::fromLocal8Bit(e.what()));
        ::close(m_fd);
        m_fd = -1;
        return false;
    }
    return true;
}

qint64 SpoolWriter::append(qint64 epochUs, const unsigned char* data, uint32_t capLen, uint32_t wireLen)
{
    if (m_fd < 0) return -1;
    const qsizetype need = 16 + qsizetype(capLen);
    {
        std::lock_guard lock(m_mutex);
        if (!m_error.isEmpty()) return -1;
        if (m_queued + m_chunk.capacity() + need > m_queueLimit) {
            ++m_skipped; // the disk is that far behind: keep capturing, skip the file
            return -1;
        }
    }
    if (m_chunk.size() + need > kChunk && !m_chunk.isEmpty()) flush();
    qint64 sec = epochUs / 1000000, usec = epochUs % 1000000;
    if (usec < 0) {
        --sec;
        usec += 1000000;
    }
    put<uint32_t>(m_chunk, uint32_t(sec));
    put<uint32_t>(m_chunk, uint32_t(usec));
    put<uint32_t>(m_chunk, capLen);
    put<uint32_t>(m_chunk, std::max(wireLen, capLen));
    m_chunk.append(reinterpret_cast<const char*>(data), qsizetype(capLen));
    const qint64 at = m_offset;
    m_offset += need;
    return at;
}

void SpoolWriter::flush()
{
    if (m_chunk.isEmpty()) return;
    {
        std::lock_guard lock(m_mutex);
        // The bound is on memory really held: a chunk's capacity, not its content.
        m_queued += m_chunk.capacity();
        m_queue.push_back(std::exchange(m_chunk, {}));
    }
    m_chunk.reserve(kChunk);
    m_wake.notify_one();
}

void SpoolWriter::run()
{
    for (;;) {
        QByteArray chunk;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_closing || !m_queue.empty(); });
            if (m_queue.empty()) return; // closing, all written
            chunk = std::move(m_queue.front());
            m_queue.pop_front();
        }
        const bool ok = writeAll(m_fd, chunk.constData(), chunk.size());
        const int err = errno;
        std::lock_guard lock(m_mutex);
        m_queued -= chunk.capacity();
        if (!ok && m_error.isEmpty()) m_error = QStringLiteral("cannot write %1: %2").arg(m_name, errnoText(err));
        if (!ok) { // nothing more can go to the file: drop what waits
            m_queue.clear();
            m_queued = 0;
        }
    }
}

void SpoolWriter::close()
{
    if (m_fd < 0) return;
    flush();
    {
        std::lock_guard lock(m_mutex);
        m_closing = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable()) m_thread.join();
    if (::close(m_fd) != 0) {
        std::lock_guard lock(m_mutex);
        if (m_error.isEmpty()) m_error = QStringLiteral("cannot write %1: %2").arg(m_name, errnoText(errno));
    }
    m_fd = -1;
}

QString SpoolWriter::error() const
{
    std::lock_guard lock(m_mutex);
    return m_error;
}

quint64 SpoolWriter::skipped() const
{
    std::lock_guard lock(m_mutex);
    return m_skipped;
}

} // namespace socklab
