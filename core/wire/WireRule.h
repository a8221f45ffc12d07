#pragma once
// A programmatic rule of the wire: "drop the first SYN", "hold every FIN the
// client sends". Rules are looked at in the order they were added, before the
// policy (loss, delay); the first that matches acts.

#include <cstdint>

namespace socklab {

enum class WireDirection { Any, C2S, S2C };

struct WireRule {
    enum class Action { Drop, Hold, Reorder, Duplicate };
    Action action = Action::Drop;
    uint8_t required = 0;  // TCP flags that must be set (0: any packet, also UDP)
    uint8_t forbidden = 0; // TCP flags that must be clear
    bool tcpOnly = false;
    bool udpOnly = false;
    bool dataOnly = false; // only packets with payload
    bool emptyOnly = false; // only packets without payload (a bare ACK)
    // When set: at least one of these TCP flags, or a payload when anyOfData
    // ("the next SYN, FIN or data segment": anyOf SYN|FIN, anyOfData).
    uint8_t anyOf = 0;
    bool anyOfData = false;
    WireDirection direction = WireDirection::Any;
    int nth = 1;    // acts from the nth matching packet on (1: the first)
    int count = 1;  // on this many matches (-1: every one from the nth on)
    int64_t holdUs = -1; // Hold: released by itself after this long (-1: until release()/drop())

    // The nth packet with these TCP flags (a bare SYN when flags == SYN: not the SYN+ACK).
    static WireRule dropNth(uint8_t flags, int n, WireDirection dir = WireDirection::Any);
    // From the nth packet with these flags on, `count` of them (-1: all, e.g. a FIN and its retransmissions).
    static WireRule holdNth(uint8_t flags, int n, int count = -1, WireDirection dir = WireDirection::Any);
    // Every next TCP segment that carries a SYN, a FIN or data, either way (a teacher's "hold the next packet").
    static WireRule holdNextSynFinOrData();
};

} // namespace socklab
