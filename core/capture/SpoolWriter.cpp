#include "SpoolWriter.h"


#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace socklab {

namespace {
constexpr size_t kAlign = 4096; // O_DIRECT's buffer and offset alignment, at most a page

QString errnoText(int err) { return QStringLiteral("%1 (%2)").arg(QString::fromLocal8Bit(std::strerror(err))).arg(err); }

template <typename T> char* put(char* at, T v)
{
    std::memcpy(at, &v, sizeof v);
    return at + sizeof v;
}
} // namespace

void SpoolWriter::ChunkFree::operator()(char* p) const { std::free(p); }

SpoolWriter::~SpoolWriter() { close(); }

bool SpoolWriter::open(int fd, const QString& name, int linkType, int snapLen, qint64 queueLimit, QString* error,
                       bool direct)
{
    close();
    // The classic pcap header in host byte order, microsecond timestamps.
    char header[24];
    char* at = put<uint32_t>(header, 0xa1b2c3d4);
    at = put<uint16_t>(at, 2);
    at = put<uint16_t>(at, 4);
    at = put<int32_t>(at, 0);
    at = put<uint32_t>(at, 0);
    at = put<uint32_t>(at, uint32_t(snapLen));
    put<uint32_t>(at, uint32_t(linkType));
    m_fd = fd;
    m_name = name;
    if (!writeAt(fd, header, sizeof header, 0)) {
        if (error) *error = QStringLiteral("cannot write %1: %2").arg(name, errnoText(errno));
        ::close(fd);
        m_fd = -1;
        return false;
    }
    // The same file again, written past the page cache where its file system
    // allows (tmpfs before Linux 6.6 does not; then every chunk is buffered).
    m_directFd = -1;
    if (direct)
        m_directFd = ::open(QByteArrayLiteral("/proc/self/fd/").append(QByteArray::number(fd)).constData(),
                            O_WRONLY | O_DIRECT | O_CLOEXEC);
    m_maxChunks = int(std::max<qint64>(2, queueLimit / kChunk));
    m_closing = false;
    m_skipped = 0;
    m_direct = 0;
    m_buffered = 0;
    m_failed = false;
    m_directUs = m_bufferedUs = -1;
    m_error.clear();
    m_tail = nullptr;
    m_tailPending = false;
    m_offset = 0;
    m_next = nullptr;
    {
        std::lock_guard lock(m_mutex);
        m_cur = takeChunk();
    }
    auto undo = [&](const QString& why) {
        if (error) *error = why;
        if (m_directFd >= 0) ::close(m_directFd);
        ::close(m_fd);
        m_directFd = m_fd = -1;
        m_cur = nullptr;
        m_chunks.clear();
        m_free.clear();
        return false;
    };
    if (!m_cur) return undo(QStringLiteral("cannot write %1: out of memory").arg(name));
    m_cur->fileOffset = 0;
    m_curSize = 0;
    m_published = 0;
    copyIn(header, sizeof header); // the first chunk holds the header too
    m_offset = sizeof header;
    m_published = m_curSize; // already in the file
    try {
        m_thread = std::thread([this] { run(); });
    } catch (const std::system_error& e) {
        return undo(QStringLiteral("cannot write %1: no thread: %2").arg(name, QString::fromLocal8Bit(e.what())));
    }
    return true;
}

SpoolWriter::Chunk* SpoolWriter::takeChunk()
{
    if (!m_free.empty()) {
        Chunk* c = m_free.back();
        m_free.pop_back();
        return c;
    }
    if (int(m_chunks.size()) >= m_maxChunks) return nullptr;
    auto* bytes = static_cast<char*>(std::aligned_alloc(kAlign, size_t(kChunk)));
    if (!bytes) return nullptr;
    auto c = std::make_unique<Chunk>();
    c->data.reset(bytes);
    m_chunks.push_back(std::move(c));
    return m_chunks.back().get();
}

qint64 SpoolWriter::append(qint64 epochUs, const unsigned char* data, uint32_t capLen, uint32_t wireLen)
{
    if (m_fd < 0 || m_failed) return -1;
    const qsizetype need = 16 + qsizetype(capLen);
    if (!m_cur || (need > kChunk - m_curSize && !m_next)) {
        // A record starts a chunk or runs on into the next one: both must be
        // there before any of it is copied, or the frame is not spooled.
        std::lock_guard lock(m_mutex);
        if (!m_cur) {
            m_cur = takeChunk();
            if (m_cur) {
                m_cur->fileOffset = m_offset; // the stream ended on a chunk's end
                m_curSize = 0;
                m_published = 0;
            }
        }
        if (m_cur && need > kChunk - m_curSize && !m_next) m_next = takeChunk();
        if (!m_cur || (need > kChunk - m_curSize && !m_next)) {
            ++m_skipped; // the disk is that far behind: keep capturing, skip the file
            return -1;
        }
    }
    qint64 sec = epochUs / 1000000, usec = epochUs % 1000000;
    if (usec < 0) {
        --sec;
        usec += 1000000;
    }
    char head[16];
    char* at = put<uint32_t>(head, uint32_t(sec));
    at = put<uint32_t>(at, uint32_t(usec));
    at = put<uint32_t>(at, capLen);
    put<uint32_t>(at, std::max(wireLen, capLen));
    copyIn(head, sizeof head);
    copyIn(reinterpret_cast<const char*>(data), qsizetype(capLen));
    const qint64 record = m_offset;
    m_offset += need;
    return record;
}

void SpoolWriter::copyIn(const char* p, qsizetype n)
{
    while (n > 0) {
        const qsizetype k = std::min(n, kChunk - m_curSize);
        std::memcpy(m_cur->data.get() + m_curSize, p, size_t(k));
        m_curSize += k;
        p += k;
        n -= k;
        if (m_curSize < kChunk) continue;
        Chunk* full = m_cur;
        {
            std::lock_guard lock(m_mutex);
            m_full.push_back(full);
            if (m_tail == full) {
                m_tail = nullptr; // the whole chunk is the writer's now
                m_tailPending = false;
            }
        }
        m_wake.notify_one();
        m_cur = std::exchange(m_next, nullptr);
        m_curSize = 0;
        m_published = 0;
        if (m_cur) m_cur->fileOffset = full->fileOffset + kChunk;
    }
}

void SpoolWriter::flush()
{
    if (m_fd < 0 || !m_cur || m_curSize == m_published) return;
    {
        std::lock_guard lock(m_mutex);
        // The delay counts from the first flush the writer has not taken, so
        // a steady trickle of small flushes cannot put the write off forever.
        if (m_tail != m_cur || !m_tailPending) m_tailSince = std::chrono::steady_clock::now();
        m_tail = m_cur;
        m_tailSize = m_curSize;
        m_tailPending = true;
    }
    m_published = m_curSize;
    m_wake.notify_one();
}

void SpoolWriter::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        if (!m_full.empty()) {
            Chunk* c = m_full.front();
            m_full.pop_front();
            // Half the chunks waiting: the disk is slower than the traffic,
            // and the page cache takes a burst faster than it.
            const bool deep = int(m_full.size()) >= m_maxChunks / 2;
            lock.unlock();
            writeFull(c, deep);
            lock.lock();
            c->bufferedUpTo = 0;
            m_free.push_back(c);
            continue;
        }
        if (m_tailPending) {
            const auto due = m_tailSince + std::chrono::milliseconds(kTailDelayMs);
            if (!m_closing && std::chrono::steady_clock::now() < due) {
                m_wake.wait_until(lock, due, [this] { return m_closing || !m_full.empty(); });
                continue;
            }
            Chunk* c = m_tail;
            const qsizetype upTo = m_tailSize;
            m_tailPending = false;
            lock.unlock();
            writeTail(c, upTo);
            lock.lock();
            continue;
        }
        if (m_closing) return;
        m_wake.wait(lock);
    }
}

void SpoolWriter::writeFull(Chunk* c, bool deepQueue)
{
    if (m_failed) return;
    using Clock = std::chrono::steady_clock;
    // Each path's recent time per chunk: with the queue deep, the faster one
    // (the page cache until it has been timed once), so neither a slow disk
    // nor a page cache slower than the disk (ext4 here: 0.4-0.6 GB/s against
    // 1.6 GB/s direct) can keep the queue deep.
    auto timed = [](double& ewmaUs, Clock::time_point since) {
        const double us = std::chrono::duration<double, std::micro>(Clock::now() - since).count();
        ewmaUs = ewmaUs < 0 ? us : 0.8 * ewmaUs + 0.2 * us;
    };
    const bool direct = m_directFd >= 0 && (!deepQueue || (m_bufferedUs >= 0 && m_directUs <= m_bufferedUs));
    if (direct) {
        const auto t0 = Clock::now();
        if (writeAt(m_directFd, c->data.get(), kChunk, c->fileOffset)) {
            timed(m_directUs, t0);
            ++m_direct;
            return;
        }
        if (errno != EINVAL) return fail(errno);
        ::close(m_directFd); // the file system takes no direct writes after all
        m_directFd = -1;
    }
    const auto t0 = Clock::now();
    if (!writeAt(m_fd, c->data.get() + c->bufferedUpTo, kChunk - c->bufferedUpTo, c->fileOffset + c->bufferedUpTo))
        return fail(errno);
    if (c->bufferedUpTo == 0) timed(m_bufferedUs, t0);
    ++m_buffered;
}

void SpoolWriter::writeTail(Chunk* c, qsizetype upTo)
{
    if (m_failed || upTo <= c->bufferedUpTo) return;
    if (!writeAt(m_fd, c->data.get() + c->bufferedUpTo, upTo - c->bufferedUpTo, c->fileOffset + c->bufferedUpTo))
        return fail(errno);
    c->bufferedUpTo = upTo;
}

bool SpoolWriter::writeAt(int fd, const char* p, qsizetype n, qint64 offset)
{
    while (n > 0) {
        const ssize_t w = ::pwrite(fd, p, size_t(n), off_t(offset));
        if (w < 0 && errno == EINTR) continue;
        if (w < 0) return false;
        if (w == 0) {
            errno = EIO;
            return false;
        }
        p += w;
        n -= w;
        offset += w;
    }
    return true;
}

void SpoolWriter::fail(int err)
{
    std::lock_guard lock(m_mutex);
    if (m_error.isEmpty()) m_error = QStringLiteral("cannot write %1: %2").arg(m_name, errnoText(err));
    m_failed = true; // nothing more can go to the file: what waits is dropped unwritten
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
    if (m_directFd >= 0) ::close(m_directFd);
    m_directFd = -1;
    if (::close(m_fd) != 0) {
        std::lock_guard lock(m_mutex);
        if (m_error.isEmpty()) m_error = QStringLiteral("cannot write %1: %2").arg(m_name, errnoText(errno));
    }
    m_fd = -1;
    std::lock_guard lock(m_mutex);
    m_cur = m_next = m_tail = nullptr;
    m_tailPending = false;
    m_full.clear();
    m_free.clear();
    m_chunks.clear();
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

int SpoolWriter::chunksHeld() const
{
    std::lock_guard lock(m_mutex);
    return int(m_chunks.size());
}

} // namespace socklab
