#pragma once
// What the wire did to one packet, as the wire thread reports it: plain
// values, turned into timeline events by the session (WireEvents).

#include <QByteArray>
#include <QString>

#include <cstdint>

namespace socklab {

// Pass: the wire records no plain pass (the packet's capture on lo shows it,
// WireStats::passed counts it); the word stays for sessions saved before.
enum class WireAction { Pass, Drop, Hold, Release, Delay, Duplicate, Reorder };
QString wireActionName(WireAction a); // "pass", "drop", "hold", "release", "delay", "duplicate", "reorder"

struct WireRecord {
    int64_t epochUs = 0;  // when the wire did it (CLOCK_REALTIME µs)
    WireAction action = WireAction::Pass;
    QString reason;       // "policy", "loss", "rule", "user", "delay", "rate", "reorder", "end"
    uint32_t packetId = 0; // the kernel's NFQUEUE id: the same packet in hold and release
    QString direction;    // "c2s", "s2c"
    int64_t delayUs = 0;  // Delay: planned wait; Release: how long it was held
    int rule = -1;        // the rule that acted (index in the order added), -1: the policy
    QByteArray bytes;     // the IP packet (whole for a drop, else its first bytes)
    uint32_t length = 0;  // the IP packet's length
};

struct WireStats {
    // passed: every packet accepted (at once, or after a delay, hold or reorder).
    uint64_t received = 0, passed = 0, dropped = 0, held = 0, delayed = 0, duplicated = 0, reordered = 0;
    uint64_t relayLost = 0;     // packets the kernel could not hand to the wire (queue overrun): 0 is the goal
    uint32_t largestPacket = 0; // IP bytes: at most the MTU when segmentation happened before the queue
};

} // namespace socklab
