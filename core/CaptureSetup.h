#pragma once
// Starting a capture the same way wherever a timeline is recorded (scenarios,
// the user's programs, attaching to the host): the pcap file is opened first,
// so an unwritable path fails before any socket or program exists.

#include "Lab.h"
#include "PacketTap.h"
#include "PcapFile.h"

#include <memory>

namespace socklab {

struct CaptureSetup {
    std::unique_ptr<PacketTap> tap;  // null in states-only mode
    std::unique_ptr<PcapWriter> pcap; // null unless a path was given
};

// False with one clear line in *error; nothing is left open then.
bool startCapture(const Lab& lab, const QString& filter, const QString& pcapPath, CaptureSetup& out,
                  QString* error);

} // namespace socklab
