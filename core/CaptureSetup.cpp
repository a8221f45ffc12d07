#include "CaptureSetup.h"

namespace socklab {

bool startCapture(const Lab& lab, const QString& filter, const QString& pcapPath, CaptureSetup& out,
                  QString* error)
{
    auto fail = [&](const QString& why) {
        out.tap.reset();
        out.pcap.reset();
        if (error) *error = why;
        return false;
    };
    if (!pcapPath.isEmpty()) {
        if (lab.mode() == CaptureMode::StatesOnly)
            return fail(QStringLiteral("cannot write a pcap in states-only mode: nothing is captured (%1)")
                            .arg(lab.fallbackReason()));
        out.pcap = std::make_unique<PcapWriter>();
        if (!out.pcap->open(pcapPath, 1)) return fail(out.pcap->error());
    }
    if (lab.mode() == CaptureMode::StatesOnly) return true;
    out.tap = std::make_unique<PacketTap>(lab);
    QString err;
    if (!out.tap->start(filter, &err)) return fail(err);
    // The file was opened as Ethernet to test the path early; match the tap.
    if (out.pcap && out.tap->linkType() != 1) {
        out.pcap->close();
        if (!out.pcap->open(pcapPath, out.tap->linkType())) return fail(out.pcap->error());
    }
    return true;
}

} // namespace socklab
