// PcapWriter / readPcapFile: round trip, snap length, errors, and (when
// tshark is installed) that Wireshark's own reader agrees with the file and
// with PacketDecoder.

#include "PacketDecoder.h"
#include "PcapFile.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cerrno>
#include <cstdio>
#include <cstring>

using namespace socklab;

static void PrintTo(const QString& s, std::ostream* os) { *os << '"' << s.toStdString() << '"'; }

namespace {

// A loopback handshake as `lo` in a network namespace captures it (DLT_EN10MB,
// zero MACs): SYN with Linux's options, SYN+ACK, ACK.
const QList<QByteArray> kHandshake = {
    QByteArray::fromHex("00000000000000000000000008004500003c1c4640004006208e7f0000017f000001"
                        "9d7822b8000003e800000000a002ffd7fe300000"
                        "0204ffd70402080a0102030400000000"
                        "01030307"),
    QByteArray::fromHex("00000000000000000000000008004500003c000040004006"
                        "3cd07f0000017f000001"
                        "22b89d78000013880000"
                        "03e9a012ffcbfe300000"
                        "0204ffd70402080a0000000901020304"
                        "01030307"),
    QByteArray::fromHex("000000000000000000000000080045000034"
                        "1c4740004006"
                        "20957f0000017f000001"
                        "9d7822b8000003e900001389"
                        "80100200fe280000"
                        "0101080a0102030500000009"),
};

QString tempPath(const QTemporaryDir& dir, const char* name)
{
    return dir.filePath(QString::fromLatin1(name));
}

bool writeAll(const QString& path, const QList<QByteArray>& frames, int linkType = 1)
{
    PcapWriter w;
    if (!w.open(path, linkType)) return false;
    qint64 t = 1717750000123456;
    for (const QByteArray& f : frames) {
        if (!w.write(t, f, uint32_t(f.size()))) return false;
        t += 1500;
    }
    w.close();
    return w.error().isEmpty();
}

// Runs a shell command and returns its standard output (stderr dropped).
QString run(const QString& command)
{
    QByteArray out;
    FILE* p = popen((command + QStringLiteral(" 2>/dev/null")).toLocal8Bit().constData(), "r");
    if (!p) return {};
    char buf[4096];
    size_t n = 0;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, qsizetype(n));
    pclose(p);
    return QString::fromLocal8Bit(out);
}

QStringList nonEmptyLines(const QString& text)
{
    QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    lines.removeAll(QString());
    return lines;
}

} // namespace

TEST(PcapFile, HandshakeFramesDecode)
{
    for (const QByteArray& f : kHandshake) {
        const DecodedPacket p = decodePacket(1, f);
        EXPECT_TRUE(p.ok) << p.error.toStdString();
    }
}

TEST(PcapFile, WriteThenReadBackEqual)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = tempPath(dir, "three.pcap");
    PcapWriter w;
    ASSERT_TRUE(w.open(path, 1)) << w.error().toStdString();
    EXPECT_TRUE(w.isOpen());
    const qint64 times[] = {1717750000123456, 1717750000123999, 1717750001000001};
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(w.write(times[i], kHandshake[i], uint32_t(kHandshake[i].size())));
    w.close();
    EXPECT_FALSE(w.isOpen());
    w.close(); // twice is harmless
    EXPECT_TRUE(w.error().isEmpty());

    const PcapContents c = readPcapFile(path);
    ASSERT_TRUE(c.ok) << c.error.toStdString();
    EXPECT_TRUE(c.error.isEmpty());
    EXPECT_EQ(c.linkType, 1);
    ASSERT_EQ(c.records.size(), 3);
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(c.records[i].epochUs, times[i]);
        EXPECT_EQ(c.records[i].frame, kHandshake[i]);
        EXPECT_EQ(c.records[i].wireLen, uint32_t(kHandshake[i].size()));
    }
}

TEST(PcapFile, SnapLengthAndWireLength)
{
    QTemporaryDir dir;
    const QString path = tempPath(dir, "snap.pcap");
    PcapWriter w;
    ASSERT_TRUE(w.open(path, 113, 64));
    const QByteArray big(100, 'x');
    ASSERT_TRUE(w.write(5, big, 100));             // cut to the snap length
    ASSERT_TRUE(w.write(-1, big.first(20), 1500)); // already cut by the capture; before 1970
    ASSERT_TRUE(w.write(7, big.first(10), 0));     // 0: the frame is whole
    w.close();

    const PcapContents c = readPcapFile(path);
    ASSERT_TRUE(c.ok) << c.error.toStdString();
    EXPECT_EQ(c.linkType, 113);
    ASSERT_EQ(c.records.size(), 3);
    EXPECT_EQ(c.records[0].frame, big.first(64));
    EXPECT_EQ(c.records[0].wireLen, 100u);
    EXPECT_EQ(c.records[0].epochUs, 5);
    EXPECT_EQ(c.records[1].frame.size(), 20);
    EXPECT_EQ(c.records[1].wireLen, 1500u);
    EXPECT_EQ(c.records[1].epochUs, -1);
    EXPECT_EQ(c.records[2].wireLen, 10u);
}

TEST(PcapFile, UnwritablePathGivesClearError)
{
    PcapWriter w;
    EXPECT_FALSE(w.open(QStringLiteral("/nonexistent-socklab-dir/x.pcap"), 1));
    EXPECT_FALSE(w.isOpen());
    EXPECT_EQ(w.error(), QStringLiteral("cannot write /nonexistent-socklab-dir/x.pcap: %1")
                             .arg(QString::fromLocal8Bit(std::strerror(ENOENT))));
    EXPECT_FALSE(w.write(0, "abc", 3));
    EXPECT_EQ(w.error(), "pcap file is not open");
}

TEST(PcapFile, ReadErrors)
{
    const PcapContents missing = readPcapFile(QStringLiteral("/nonexistent-socklab-dir/x.pcap"));
    EXPECT_FALSE(missing.ok);
    EXPECT_TRUE(missing.error.startsWith("cannot read /nonexistent-socklab-dir/x.pcap: "))
        << missing.error.toStdString();

    QTemporaryDir dir;
    const QString garbage = tempPath(dir, "garbage.pcap");
    QFile f(garbage);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("this is not a capture file at all");
    f.close();
    const PcapContents bad = readPcapFile(garbage);
    EXPECT_FALSE(bad.ok);
    EXPECT_TRUE(bad.error.startsWith("cannot read ")) << bad.error.toStdString();

    // A record cut off in the middle: the whole records before it are kept
    const QString path = tempPath(dir, "cut.pcap");
    ASSERT_TRUE(writeAll(path, kHandshake));
    QFile cut(path);
    ASSERT_TRUE(cut.open(QIODevice::ReadWrite));
    ASSERT_TRUE(cut.resize(cut.size() - 10));
    cut.close();
    const PcapContents partial = readPcapFile(path);
    EXPECT_FALSE(partial.ok);
    EXPECT_EQ(partial.records.size(), 2);
}

TEST(PcapFile, TsharkReadsWhatWeWrite)
{
    const QString tshark = QStandardPaths::findExecutable(QStringLiteral("tshark"));
    if (tshark.isEmpty()) GTEST_SKIP() << "tshark is not on PATH";
    QTemporaryDir dir;
    const QString path = tempPath(dir, "handshake.pcap");
    ASSERT_TRUE(writeAll(path, kHandshake));

    const QString listing = run(QStringLiteral("'%1' -n -r '%2'").arg(tshark, path));
    EXPECT_EQ(nonEmptyLines(listing).size(), 3) << listing.toStdString();

    // Wireshark's dissector and ours agree on the fields the views use.
    const QString fields = run(QStringLiteral("'%1' -n -r '%2' -T fields -E separator=, -e tcp.srcport "
                                              "-e tcp.dstport -e tcp.seq_raw -e tcp.ack_raw -e tcp.flags "
                                              "-e tcp.window_size_value -e tcp.len -e tcp.options.mss_val")
                                   .arg(tshark, path));
    const QStringList lines = nonEmptyLines(fields);
    ASSERT_EQ(lines.size(), 3) << fields.toStdString();
    for (int i = 0; i < 3; ++i) {
        const PacketData d = decodePacket(1, kHandshake[i]).data;
        const QString ours = QStringLiteral("%1,%2,%3,%4,0x%5,%6,%7,%8")
                                 .arg(d.srcPort)
                                 .arg(d.dstPort)
                                 .arg(d.seq)
                                 .arg(d.ack)
                                 .arg(d.flags, 4, 16, QLatin1Char('0'))
                                 .arg(d.win)
                                 .arg(d.len)
                                 .arg(d.options.mss >= 0 ? QString::number(d.options.mss) : QString());
        EXPECT_EQ(lines[i].trimmed(), ours);
    }
}
