// The frame file's writer (issue 12): whatever path a chunk takes to the disk
// (O_DIRECT, the page cache, a tail written before its chunk is full), the
// file is the pcap stream byte for byte; a tail is readable soon without more
// traffic; memory is a bounded set of chunks, reused.

#include "FrameStore.h"
#include "SpoolWriter.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <chrono>
#include <fcntl.h>
#include <thread>
#include <unistd.h>

using namespace socklab;

namespace {

template <typename T> void put(QByteArray& b, T v) { b.append(reinterpret_cast<const char*>(&v), sizeof v); }

QByteArray pcapHeader(int linkType, int snapLen)
{
    QByteArray h;
    put<uint32_t>(h, 0xa1b2c3d4);
    put<uint16_t>(h, 2);
    put<uint16_t>(h, 4);
    put<int32_t>(h, 0);
    put<uint32_t>(h, 0);
    put<uint32_t>(h, uint32_t(snapLen));
    put<uint32_t>(h, uint32_t(linkType));
    return h;
}

void putRecord(QByteArray& stream, qint64 epochUs, const QByteArray& frame, uint32_t wireLen)
{
    put<uint32_t>(stream, uint32_t(epochUs / 1000000));
    put<uint32_t>(stream, uint32_t(epochUs % 1000000));
    put<uint32_t>(stream, uint32_t(frame.size()));
    put<uint32_t>(stream, std::max<uint32_t>(wireLen, uint32_t(frame.size())));
    stream.append(frame);
}

QByteArray randomBytes(QRandomGenerator& rng, qsizetype n)
{
    QByteArray b(n, Qt::Uninitialized);
    for (char& c : b)
        c = char(rng.generate() & 0xff);
    return b;
}

int openForWriting(const QString& path)
{
    return ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
}

bool fileTakesDirectWrites(const QString& path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_DIRECT | O_CLOEXEC);
    if (fd >= 0) ::close(fd);
    return fd >= 0;
}

} // namespace

TEST(SpoolWriter, TheFileIsThePcapStreamByteForByteOnEitherPath)
{
    for (const bool direct : {true, false}) {
        SCOPED_TRACE(direct ? "O_DIRECT where it can" : "page cache only");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("frames.pcap"));
        SpoolWriter w;
        QString error;
        ASSERT_TRUE(w.open(openForWriting(path), path, 1, 262144, 8 * SpoolWriter::kChunk, &error, direct))
            << error.toStdString();
        const bool canDirect = direct && fileTakesDirectWrites(path);
        QByteArray stream = pcapHeader(1, 262144);
        QRandomGenerator rng(12);
        QList<QPair<qint64, QByteArray>> records;
        // Sizes that end a chunk exactly, run on into the next, or are empty;
        // a flush now and then leaves tails written before their chunk is full.
        for (int i = 0; i < 400; ++i) {
            qsizetype n = qsizetype(rng.bounded(70000));
            if (i % 37 == 5) n = SpoolWriter::kChunk - (stream.size() % SpoolWriter::kChunk) - 16;
            if (i % 53 == 7) n = 0;
            if (n < 0) n = 0;
            const QByteArray frame = randomBytes(rng, n);
            const qint64 at = w.append(1700000000000000 + i, reinterpret_cast<const unsigned char*>(frame.constData()),
                                       uint32_t(frame.size()), uint32_t(frame.size()) + 3);
            ASSERT_EQ(at, stream.size()) << "record " << i;
            putRecord(stream, 1700000000000000 + i, frame, uint32_t(frame.size()) + 3);
            records.append({at, frame});
            if (i % 9 == 0) w.flush();
            if (i % 61 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(SpoolWriter::kTailDelayMs + 5));
        }
        w.close();
        EXPECT_TRUE(w.error().isEmpty()) << w.error().toStdString();
        EXPECT_EQ(w.skipped(), 0u);
        const qint64 fullChunks = stream.size() / SpoolWriter::kChunk;
        EXPECT_GE(fullChunks, 10);
        EXPECT_EQ(qint64(w.directChunks() + w.bufferedChunks()), fullChunks);
        if (canDirect)
            EXPECT_GT(w.directChunks(), 0u);
        else
            EXPECT_EQ(w.directChunks(), 0u);
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::ReadOnly));
        const QByteArray written = f.readAll();
        ASSERT_EQ(written.size(), stream.size());
        EXPECT_TRUE(written == stream) << "the file differs from the stream";
        QString e;
        const auto store = FrameStore::openFile(path, &e);
        ASSERT_TRUE(store) << e.toStdString();
        for (const auto& [at, frame] : records)
            EXPECT_EQ(store->read(at, uint32_t(frame.size())), frame) << at;
    }
}

TEST(SpoolWriter, AFlushedTailIsReadableSoonWithoutMoreTraffic)
{
    QString error;
    const auto store = FrameStore::createTemporary(QDir::tempPath(), &error);
    ASSERT_TRUE(store) << error.toStdString();
    SpoolWriter w;
    ASSERT_TRUE(w.open(store->duplicateForWriting(&error), QStringLiteral("frames"), 1, 262144, 4 * SpoolWriter::kChunk,
                       &error))
        << error.toStdString();
    const QByteArray frame("a SYN, say: forty bytes or so of headers");
    const qint64 at = w.append(1, reinterpret_cast<const unsigned char*>(frame.constData()), uint32_t(frame.size()),
                               uint32_t(frame.size()));
    ASSERT_GE(at, 0);
    w.flush();
    // Nothing else comes: the writer writes the chunk's tail once it has
    // waited kTailDelayMs, long before the chunk is full or the file closed.
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    QByteArray back;
    while (back != frame && std::chrono::steady_clock::now() < until) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        back = store->read(at, uint32_t(frame.size()));
    }
    EXPECT_EQ(back, frame);
    EXPECT_EQ(w.directChunks() + w.bufferedChunks(), 0u) << "no chunk was full";
    w.close();
    EXPECT_EQ(store->read(at, uint32_t(frame.size())), frame);
}

TEST(SpoolWriter, MemoryIsABoundedSetOfChunksReused)
{
    QString error;
    const auto store = FrameStore::createTemporary(QDir::tempPath(), &error);
    ASSERT_TRUE(store) << error.toStdString();
    SpoolWriter w;
    constexpr int kChunks = 4;
    ASSERT_TRUE(w.open(store->duplicateForWriting(&error), QStringLiteral("frames"), 1, 262144,
                       kChunks * SpoolWriter::kChunk, &error))
        << error.toStdString();
    QRandomGenerator rng(4);
    const QByteArray frame = randomBytes(rng, 65000);
    qint64 spooled = 0, skipped = 0, maxHeld = 0;
    QList<qint64> offsets;
    for (int i = 0; i < 1000; ++i) { // 65 MB through 4 MiB of chunks
        const qint64 at = w.append(i, reinterpret_cast<const unsigned char*>(frame.constData()), uint32_t(frame.size()),
                                   uint32_t(frame.size()));
        if (at < 0) {
            ++skipped;
            std::this_thread::sleep_for(std::chrono::milliseconds(1)); // let the disk catch up
        } else {
            ++spooled;
            offsets.append(at);
        }
        if (i % 16 == 0) w.flush();
        maxHeld = std::max<qint64>(maxHeld, w.chunksHeld());
    }
    w.close();
    EXPECT_LE(maxHeld, kChunks);
    EXPECT_EQ(qint64(w.skipped()), skipped);
    EXPECT_GT(spooled * frame.size(), 8 * kChunks * SpoolWriter::kChunk) << "chunks are written and used again";
    for (qint64 at : offsets)
        ASSERT_EQ(store->read(at, uint32_t(frame.size())), frame) << at;
}
