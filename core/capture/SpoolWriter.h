#pragma once
// Writes captured frames to a pcap file on a thread of its own, so a disk
// that stalls (page-cache writeback on a busy machine) never stalls the
// capture thread: records are appended to memory chunks that the writer
// thread hands to write(). The queue is bounded; past the bound a frame is
// not spooled (counted in skipped()) rather than blocking capture.

#include <QByteArray>
#include <QList>
#include <QString>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <thread>

namespace socklab {

class SpoolWriter
{
public:
    SpoolWriter() = default;
    ~SpoolWriter(); // close()
    SpoolWriter(const SpoolWriter&) = delete;
    SpoolWriter& operator=(const SpoolWriter&) = delete;

    // Takes over `fd` (open for writing), writes the pcap file header, starts
    // the writer thread. False with one line in *error (fd closed then).
    bool open(int fd, const QString& name, int linkType, int snapLen, qint64 queueLimit, QString* error);
    bool isOpen() const { return m_fd >= 0; }

    // Capture thread: the record's file offset, or -1 when it was not spooled.
    qint64 append(qint64 epochUs, const unsigned char* data, uint32_t capLen, uint32_t wireLen);
    // Capture thread: hands what was appended to the writer thread.
    void flush();
    // Writes everything queued, stops the thread and closes the file.
    void close();

    QString error() const;
    quint64 skipped() const;

private:
    void run();

    int m_fd = -1;
    QString m_name;
    qint64 m_queueLimit = 0;
    qint64 m_offset = 0;  // capture thread: file offset of the next record
    QByteArray m_chunk;   // capture thread: records not yet handed over
    std::thread m_thread;
    mutable std::mutex m_mutex; // guards what follows
    std::condition_variable m_wake;
    std::deque<QByteArray> m_queue;
    qint64 m_queued = 0;
    bool m_closing = false;
    quint64 m_skipped = 0;
    QString m_error;
};

} // namespace socklab
