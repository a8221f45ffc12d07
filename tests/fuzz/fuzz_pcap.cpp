// Fuzzes readPcapFile (libpcap's reader plus socklab's copying of records), and
// decodes each record as the packet view would.

#include "PacketDecoder.h"
#include "PcapFile.h"

#include <QString>

#include <cstddef>
#include <cstdint>
#include <sys/mman.h>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // A memory file: no disk, nothing left behind; read through its /proc path.
    static const int fd = ::memfd_create("socklab-fuzz-pcap", MFD_CLOEXEC);
    if (fd < 0) __builtin_trap();
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, data, size, 0) != ssize_t(size)) __builtin_trap();
    const socklab::PcapContents c = socklab::readPcapFile(QStringLiteral("/proc/self/fd/%1").arg(fd));
    if (!c.ok && (c.error.isEmpty() || c.error.contains('\n'))) __builtin_trap();
    for (const socklab::PcapRecord& r : c.records) {
        const socklab::DecodedPacket p = socklab::decodePacket(c.linkType, r.frame, r.wireLen);
        volatile qsizetype sink = p.layers.size();
        (void)sink;
    }
    return 0;
}
