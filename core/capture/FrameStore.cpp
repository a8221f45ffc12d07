#include "FrameStore.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace socklab {

namespace {
QString errnoText(int err) { return QStringLiteral("%1 (%2)").arg(QString::fromLocal8Bit(std::strerror(err))).arg(err); }
} // namespace

FrameStore::~FrameStore()
{
    if (m_fd >= 0) ::close(m_fd);
}

std::shared_ptr<FrameStore> FrameStore::createTemporary(const QString& dir, QString* error)
{
    const QByteArray d = QFile::encodeName(dir);
    int fd = ::open(d.constData(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)) {
        QByteArray tmpl = d + "/socklab-frames-XXXXXX";
        fd = ::mkostemp(tmpl.data(), O_CLOEXEC);
        if (fd >= 0 && ::unlink(tmpl.constData()) != 0) {
            const int err = errno;
            ::close(fd);
            if (error) *error = QStringLiteral("cannot unlink %1: %2").arg(QFile::decodeName(tmpl), errnoText(err));
            return nullptr;
        }
    }
    if (fd < 0) {
        if (error) *error = QStringLiteral("cannot create a frame file in %1: %2").arg(dir, errnoText(errno));
        return nullptr;
    }
    return std::shared_ptr<FrameStore>(new FrameStore(fd, QString()));
}

std::shared_ptr<FrameStore> FrameStore::openFile(const QString& path, QString* error)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (error) *error = QStringLiteral("cannot read %1: %2").arg(path, errnoText(errno));
        return nullptr;
    }
    return std::shared_ptr<FrameStore>(new FrameStore(fd, path));
}

int FrameStore::duplicateForWriting(QString* error) const
{
    if (!m_name.isEmpty()) {
        if (error) *error = QStringLiteral("%1 is written by its own writer").arg(m_name);
        return -1;
    }
    const int fd = ::fcntl(m_fd, F_DUPFD_CLOEXEC, 0);
    if (fd < 0 && error) *error = QStringLiteral("cannot duplicate the frame file: %1").arg(errnoText(errno));
    return fd;
}

QByteArray FrameStore::read(qint64 offset, uint32_t capLen) const
{
    constexpr qint64 kRecordHeader = 16;
    if (offset < 0 || capLen == 0 || capLen > (1u << 20)) return {};
    QByteArray out(qsizetype(capLen), Qt::Uninitialized);
    qsizetype got = 0;
    while (got < out.size()) {
        const ssize_t n = ::pread(m_fd, out.data() + got, size_t(out.size() - got), offset + kRecordHeader + got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return {};
        got += n;
    }
    return out;
}

} // namespace socklab
