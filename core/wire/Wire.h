#pragma once
// socklab as the wire of a lab (wire mode): every packet leaving on the lab's
// lo is handed by the kernel to this wire (NFQUEUE), which passes, drops,
// holds, delays, duplicates or reorders it by its rules and policy, and
// reports each action (take()). Programs keep 127.0.0.1.
//
// The wire runs on a thread of its own inside the lab (never the GUI thread);
// every public function may be called from any thread.

#include "WirePolicy.h"
#include "WireRecord.h"
#include "WireRule.h"

#include <QList>
#include <QString>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>

namespace socklab {

class Lab;

struct HeldPacket {
    uint32_t packetId = 0;
    QString direction;
    int64_t sinceEpochUs = 0;
    int rule = -1;
    QByteArray bytes; // the IP packet's first bytes
};

class Wire
{
public:
    explicit Wire(WirePolicy policy);
    ~Wire(); // stops the thread; held packets are released (the lab is ending)
    Wire(const Wire&) = delete;
    Wire& operator=(const Wire&) = delete;

    // lo's MTU set, the queue bound and the rule installed inside `lab`; false
    // with the reason (nothing is left running then).
    bool start(const Lab& lab, QString* error);
    void stop();
    bool running() const { return m_thread.joinable(); }
    const WirePolicy& policy() const { return m_policy; }
    uint64_t seed() const { return m_seed; } // the seed in use (given or drawn)

    int addRule(const WireRule& rule); // its index, as WireRecord::rule names it
    void clearRules();
    void endRule(int index); // that rule acts no more (what it holds stays held)

    QList<HeldPacket> held() const;
    void release(uint32_t packetId);
    void drop(uint32_t packetId);
    void releaseAll(); // and the hold rules stop holding

    QList<WireRecord> take(); // what happened since the last call, in order
    WireStats stats() const;

private:
    struct State;
    void loop();

    WirePolicy m_policy;
    uint64_t m_seed = 0;
    std::unique_ptr<State> m_state;
    std::thread m_thread;
};

} // namespace socklab
