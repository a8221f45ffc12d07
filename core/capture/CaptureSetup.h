#pragma once
// Starting a capture the same way wherever a timeline is recorded (scenarios,
// the user's programs, attaching to the host): the pcap file is opened first,
// so an unwritable path fails before any socket or program exists. Whole
// frames go to that pcap file (or to an unnamed temporary one) from the
// capture thread; the timeline keeps their first bytes.

#include "Lab.h"
#include "PacketTap.h"
#include "PcapFile.h"
#include "Timeline.h"

#include <memory>

namespace socklab {

struct CaptureSetup {
    std::unique_ptr<PacketTap> tap;  // null in states-only mode
    // Always null now: the tap itself writes the pcap file. Kept so callers
    // that write frames they are given (host attach) still compile.
    std::unique_ptr<PcapWriter> pcap;
};

// False with the problem in *error; nothing is left open then.
bool startCapture(const Lab& lab, const QString& filter, const QString& pcapPath, CaptureSetup& out,
                  Problem* error);

// "capture-loss" notes for the drops the kernel reported since the last
// call, timed when they were seen (args: captured, dropped, new_drops).
QList<Event> takeCaptureProblems(PacketTap& tap, qint64 originEpochUs);

// The counts at the end of a session, and where its whole frames are.
void recordCapture(const PacketTap* tap, Timeline& timeline);

} // namespace socklab
