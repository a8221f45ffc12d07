#include "PcapFile.h"

#include <QFile>

#include <pcap/pcap.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace socklab {

PcapWriter::~PcapWriter() { close(); }

bool PcapWriter::open(const QString& path, int linkType, int snapLen)
{
    close();
    error_.clear();
    if (snapLen <= 0) snapLen = 262144;
    // fopen ourselves so the error message carries errno's text, which
    // pcap_dump_open would only give mixed into its own wording.
    FILE* fp = std::fopen(QFile::encodeName(path).constData(), "wb");
    if (!fp) {
        error_ =
            QStringLiteral("cannot write %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    dead_ = pcap_open_dead(linkType, snapLen);
    if (!dead_) {
        std::fclose(fp);
        error_ = QStringLiteral("cannot write %1: libpcap refused link type %2").arg(path).arg(linkType);
        return false;
    }
    dumper_ = pcap_dump_fopen(dead_, fp);
    if (!dumper_) {
        error_ = QStringLiteral("cannot write %1: %2").arg(path, QString::fromLocal8Bit(pcap_geterr(dead_)));
        std::fclose(fp);
        pcap_close(dead_);
        dead_ = nullptr;
        return false;
    }
    path_ = path;
    snapLen_ = snapLen;
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
    if (std::ferror(pcap_dump_file(dumper_))) {
        error_ =
            QStringLiteral("cannot write %1: %2").arg(path_, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    return true;
}

void PcapWriter::close()
{
    if (dumper_) {
        if (pcap_dump_flush(dumper_) != 0 && error_.isEmpty())
            error_ = QStringLiteral("cannot write %1: %2")
                         .arg(path_, QString::fromLocal8Bit(std::strerror(errno)));
        pcap_dump_close(dumper_); // also closes the FILE
        dumper_ = nullptr;
    }
    if (dead_) {
        pcap_close(dead_);
        dead_ = nullptr;
    }
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
