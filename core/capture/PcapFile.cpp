#include "PcapFile.h"

#include "OutputPath.h"

#include <QFile>

#include <pcap/pcap.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace socklab {

PcapWriter::~PcapWriter() { close(); }

bool PcapWriter::open(const QString& path, int linkType, int snapLen)
{
    close();
    error_.clear();
    systemError_.clear();
    // A FIFO would block fopen() until a reader comes; a directory or a device
    // (/dev/full) is no place for a capture file.
    if (const QString problem = outputPathProblem(path); !problem.isEmpty()) {
        error_ = QStringLiteral("cannot write %1: %2").arg(path, problem);
        return false;
    }
    // fopen ourselves so the error message carries errno's text, which
    // pcap_dump_open would only give mixed into its own wording.
    FILE* fp = std::fopen(QFile::encodeName(path).constData(), "wbe");
    if (!fp) {
        systemError_ = QString::fromLocal8Bit(std::strerror(errno));
        error_ = QStringLiteral("cannot write %1: %2").arg(path, systemError_);
        return false;
    }
    if (!openStream(fp, path, linkType, snapLen)) return false;
    ownsPath_ = true;
    return true;
}

bool PcapWriter::openFd(int fd, const QString& name, int linkType, int snapLen)
{
    close();
    error_.clear();
    FILE* fp = ::fdopen(fd, "wb");
    if (!fp) {
        error_ =
            QStringLiteral("cannot write %1: %2").arg(name, QString::fromLocal8Bit(std::strerror(errno)));
        ::close(fd);
        return false;
    }
    return openStream(fp, name, linkType, snapLen);
}

bool PcapWriter::openStream(FILE* fp, const QString& path, int linkType, int snapLen)
{
    if (snapLen <= 0) snapLen = 262144;
    // Bulk captures write tens of MB a second: few, large writes.
    std::setvbuf(fp, nullptr, _IOFBF, 1 << 20);
    dead_ = pcap_open_dead(linkType, snapLen);
    if (!dead_) {
        std::fclose(fp);
        systemError_ = QStringLiteral("pcap_open_dead(%1)").arg(linkType);
        error_ = QStringLiteral("cannot write %1: libpcap refused link type %2").arg(path).arg(linkType);
        return false;
    }
    dumper_ = pcap_dump_fopen(dead_, fp);
    if (!dumper_) {
        systemError_ = QString::fromLocal8Bit(pcap_geterr(dead_));
        error_ = QStringLiteral("cannot write %1: %2").arg(path, systemError_);
        std::fclose(fp);
        pcap_close(dead_);
        dead_ = nullptr;
        return false;
    }
    path_ = path;
    snapLen_ = snapLen;
    offset_ = 24; // the pcap file header
    return true;
}

bool PcapWriter::flush()
{
    if (!dumper_) return false;
    if (pcap_dump_flush(dumper_) != 0) {
        error_ = QStringLiteral("cannot write %1: %2").arg(path_, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    return true;
}

bool PcapWriter::write(qint64 epochUs, QByteArrayView frame, uint32_t wireLen)
{
    if (!dumper_) {
        error_ = QStringLiteral("pcap file is not open");
        return false;
    }
    pcap_pkthdr hdr{};
    // Floor division so that times before 1970 still give 0 <= tv_usec < 1e6.
    qint64 sec = epochUs / 1000000, usec = epochUs % 1000000;
    if (usec < 0) {
        --sec;
        usec += 1000000;
    }
    hdr.ts.tv_sec = time_t(sec);
    hdr.ts.tv_usec = suseconds_t(usec);
    hdr.caplen = uint32_t(std::min<qsizetype>(frame.size(), snapLen_));
    hdr.len = std::max(wireLen, uint32_t(frame.size()));
    pcap_dump(reinterpret_cast<u_char*>(dumper_), &hdr, reinterpret_cast<const u_char*>(frame.data()));
    offset_ += 16 + hdr.caplen;
    if (std::ferror(pcap_dump_file(dumper_))) {
        error_ =
            QStringLiteral("cannot write %1: %2").arg(path_, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    return true;
}

bool PcapWriter::close()
{
    if (dumper_) {
        FILE* fp = pcap_dump_file(dumper_);
        if ((pcap_dump_flush(dumper_) != 0 || std::ferror(fp)) && error_.isEmpty())
            error_ = QStringLiteral("cannot write %1: %2")
                         .arg(path_, QString::fromLocal8Bit(std::strerror(errno)));
        pcap_dump_close(dumper_); // also closes the FILE
        dumper_ = nullptr;
        // A capture that could not be written whole (a full disk) is removed,
        // never left half-written. A reader holding it open keeps its frames.
        if (!error_.isEmpty() && ownsPath_) ::unlink(QFile::encodeName(path_).constData());
        ownsPath_ = false;
    }
    if (dead_) {
        pcap_close(dead_);
        dead_ = nullptr;
    }
    return error_.isEmpty();
}

PcapContents readPcapFile(const QString& path)
{
    PcapContents out;
    char errbuf[PCAP_ERRBUF_SIZE] = {};
    // Ask for microseconds: libpcap converts nanosecond files for us.
    pcap_t* p = pcap_open_offline_with_tstamp_precision(QFile::encodeName(path).constData(),
                                                        PCAP_TSTAMP_PRECISION_MICRO, errbuf);
    if (!p) {
        out.error = QStringLiteral("cannot read %1: %2").arg(path, QString::fromLocal8Bit(errbuf));
        return out;
    }
    out.linkType = pcap_datalink(p);
    pcap_pkthdr* hdr = nullptr;
    const u_char* data = nullptr;
    int rc = 0;
    while ((rc = pcap_next_ex(p, &hdr, &data)) == 1) {
        PcapRecord r;
        r.epochUs = qint64(hdr->ts.tv_sec) * 1000000 + hdr->ts.tv_usec;
        r.frame = QByteArray(reinterpret_cast<const char*>(data), qsizetype(hdr->caplen));
        r.wireLen = hdr->len;
        out.records.append(std::move(r));
    }
    if (rc == PCAP_ERROR) {
        out.error = QStringLiteral("cannot read %1: %2").arg(path, QString::fromLocal8Bit(pcap_geterr(p)));
    } else {
        out.ok = true;
    }
    pcap_close(p);
    return out;
}

} // namespace socklab
