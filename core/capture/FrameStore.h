#pragma once
// Where captured frames live in full while the timeline keeps only their
// first bytes: a pcap file on disk (the user's --pcap file, or an unnamed
// temporary file that disappears with the last timeline holding it). Frames
// are read back on demand, e.g. for the hex dump of a big segment.

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <memory>

namespace socklab {

class FrameStore
{
public:
    ~FrameStore();
    FrameStore(const FrameStore&) = delete;
    FrameStore& operator=(const FrameStore&) = delete;

    // An unnamed file in `dir` (O_TMPFILE; unlinked at once where that is
    // missing): nothing is left behind, even after a crash.
    static std::shared_ptr<FrameStore> createTemporary(const QString& dir, QString* error);
    // A pcap file someone else writes (the user's --pcap file).
    static std::shared_ptr<FrameStore> openFile(const QString& path, QString* error);

    // A descriptor open for writing the same file (the caller owns it), or -1.
    int duplicateForWriting(QString* error) const;
    QString name() const { return m_name; }

    // The captured bytes of the pcap record at `offset` (its 16-byte header
    // included in the offset), `capLen` long; empty when it cannot be read.
    QByteArray read(qint64 offset, uint32_t capLen) const;

private:
    FrameStore(int fd, QString name) : m_fd(fd), m_name(std::move(name)) {}
    int m_fd = -1;
    QString m_name;
};

} // namespace socklab
