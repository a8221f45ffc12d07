#pragma once
// Writes captured frames to a pcap file on a thread of its own, so a disk
// that stalls (page-cache writeback on a busy machine) never stalls the
// capture thread. The file is a stream of 1 MiB chunks, each at a file offset
// that is a multiple of its size; the capture thread appends records to the
// chunk at the stream's end (a record may run on into the next chunk) and
// hands a full chunk to the writer thread, which writes it with O_DIRECT where
// the file system allows (no copy into the page cache: the copy cost as much
// CPU as the capture itself and ran slower than loopback) and gives it back
// for reuse (no fresh pages to fault in and zero for every megabyte). The
// part of a chunk not yet full is written through the page cache once it has
// waited kTailDelayMs, so a frame can be read back soon after its capture
// even when no more traffic comes. When the disk falls behind, full chunks go
// the way that has lately been faster (the page cache absorbs a burst a slow
// disk cannot); past the bound on chunks a frame is not spooled (counted in
// skipped()) rather than blocking capture.

#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace socklab {

class SpoolWriter
{
public:
    static constexpr qsizetype kChunk = 1 << 20;
    static constexpr int kTailDelayMs = 10;

    SpoolWriter() = default;
    ~SpoolWriter(); // close()
    SpoolWriter(const SpoolWriter&) = delete;
    SpoolWriter& operator=(const SpoolWriter&) = delete;

    // Takes over `fd` (open for writing), writes the pcap file header, starts
    // the writer thread. False with one line in *error (fd closed then).
    // `queueLimit` bounds the memory held in chunks (at least two).
    // `direct` false: never O_DIRECT (a test of the other path).
    bool open(int fd, const QString& name, int linkType, int snapLen, qint64 queueLimit, QString* error,
              bool direct = true);
    bool isOpen() const { return m_fd >= 0; }

    // Capture thread: the record's file offset, or -1 when it was not spooled.
    qint64 append(qint64 epochUs, const unsigned char* data, uint32_t capLen, uint32_t wireLen);
    // Capture thread: lets the writer thread write what was appended.
    void flush();
    // Writes everything appended, stops the thread and closes the file.
    void close();

    QString error() const;
    quint64 skipped() const;
    // Chunks written with O_DIRECT / through the page cache so far.
    quint64 directChunks() const { return m_direct; }
    quint64 bufferedChunks() const { return m_buffered; }
    // Chunks of memory held (each kChunk bytes), reused as they are written.
    int chunksHeld() const;

private:
    struct ChunkFree {
        void operator()(char* p) const;
    };
    struct Chunk {
        std::unique_ptr<char[], ChunkFree> data; // kChunk bytes, aligned for O_DIRECT
        qint64 fileOffset = 0;
        qsizetype bufferedUpTo = 0; // writer thread: bytes already written through the page cache
    };

    void run();
    Chunk* takeChunk(); // capture thread, m_mutex held
    void copyIn(const char* p, qsizetype n);
    void writeFull(Chunk* c, bool deepQueue);
    void writeTail(Chunk* c, qsizetype upTo);
    bool writeAt(int fd, const char* p, qsizetype n, qint64 offset);
    void fail(int err);

    int m_fd = -1;
    int m_directFd = -1; // the same file opened with O_DIRECT, -1 when it cannot be
    double m_directUs = -1;   // writer thread: recent time per chunk written so (-1: none yet)
    double m_bufferedUs = -1;
    QString m_name;
    qint64 m_offset = 0; // capture thread: stream offset of the next record
    Chunk* m_cur = nullptr;    // capture thread: the chunk at the stream's end
    qsizetype m_curSize = 0;   // capture thread: bytes in m_cur
    Chunk* m_next = nullptr;   // capture thread: reserved for a record running on
    qsizetype m_published = 0; // capture thread: m_curSize at the last flush()
    std::thread m_thread;

    mutable std::mutex m_mutex; // guards what follows
    std::condition_variable m_wake;
    std::vector<std::unique_ptr<Chunk>> m_chunks; // every chunk there is
    std::vector<Chunk*> m_free;
    std::deque<Chunk*> m_full;
    int m_maxChunks = 2;
    Chunk* m_tail = nullptr; // the chunk not yet full, with m_tailSize bytes flushed
    qsizetype m_tailSize = 0;
    std::chrono::steady_clock::time_point m_tailSince;
    bool m_tailPending = false; // flushed bytes the writer has not taken yet
    bool m_closing = false;
    quint64 m_skipped = 0;
    QString m_error;
    std::atomic<bool> m_failed = false; // m_error is set
    std::atomic<quint64> m_direct = 0;
    std::atomic<quint64> m_buffered = 0;
};

} // namespace socklab
