#pragma once
// What the wire does to every packet, per direction: loss, delay with jitter,
// a rate limit; the lab's MTU and the seed of the losses. Parsed from the
// command line's --wire spec: loss=30%,delay=50ms,jitter=10ms,mtu=1500,rate=1mbit,seed=7
// (a key alone applies to both directions; key.c2s / key.s2c to one: c2s is
// what the connecting side sends, s2c what the other side answers).

#include "Problem.h"

#include <QString>
#include <QVariantMap>

#include <cstdint>

namespace socklab {

struct WireDirectionPolicy {
    double lossPercent = 0;    // 0..100: the share of packets dropped
    double duplicatePercent = 0; // 0..100: the share of packets sent twice
    int64_t delayUs = 0;       // every packet waits this long
    int64_t jitterUs = 0;      // ... plus or minus up to this (uniform)
    int64_t rateBitsPerS = 0;  // 0: unlimited
    bool passesAll() const { return lossPercent <= 0 && duplicatePercent <= 0 && delayUs <= 0 && jitterUs <= 0 && rateBitsPerS <= 0; }
};

struct WirePolicy {
    WireDirectionPolicy c2s; // from the side that connected (sent the SYN, or the first datagram)
    WireDirectionPolicy s2c;
    int mtu = 1500;          // the lab's lo while the wire is on (576, 1500, 9000, ... 65536)
    uint64_t seed = 0;
    bool seedGiven = false;  // false: a random seed, recorded so that the run can be repeated

    // "loss=30%,delay=50ms": false with a Problem ("wire-spec-*") for a wrong spec.
    static bool parse(const QString& spec, WirePolicy* out, Problem* error);
    QVariantMap toMap() const; // recorded in the timeline's parameters
};

} // namespace socklab
