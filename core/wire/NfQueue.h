#pragma once
// One NFQUEUE queue of the namespace the calling thread is in, spoken with
// libmnl (nfnetlink_queue): packets the kernel hands over, verdicts back.
// No NFQA_CFG_F_GSO: the kernel segments a GSO super-packet before queueing,
// so every packet received is one the receiver will see (at most the MTU).

#include "UniqueFd.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <functional>

struct mnl_socket;

namespace socklab {

struct QueuedPacket {
    uint32_t id = 0;
    uint16_t hwProtocol = 0; // ETH_P_IP / ETH_P_IPV6
    uint8_t hook = 0;
    QByteArray bytes; // the IP packet, from its IP header on
};

class NfQueue
{
public:
    NfQueue() = default;
    ~NfQueue();
    NfQueue(const NfQueue&) = delete;
    NfQueue& operator=(const NfQueue&) = delete;

    // Binds queue `number`, copy mode "whole packet", at most `maxLen` packets waiting.
    bool open(uint16_t number, uint32_t maxLen, QString* error);
    int fd() const;
    // Reads what is waiting (non-blocking) and calls `onPacket` for each packet.
    // Returns false on a socket error other than EAGAIN; ENOBUFS (the kernel
    // could not hand over packets: they are lost) is counted, not an error.
    bool receive(const std::function<void(QueuedPacket&&)>& onPacket, QString* error);
    static constexpr uint32_t Drop = 0, Accept = 1; // NF_DROP, NF_ACCEPT
    bool verdict(uint32_t id, uint32_t verdict);
    uint64_t overruns() const { return m_overruns; }  // ENOBUFS seen
    uint64_t idGaps() const { return m_idGaps; }      // packet ids skipped (packets the kernel lost)

private:
    bool config(uint8_t command, uint16_t pf, QString* error);
    bool sendAndAck(const char* what, void* buf, QString* error);

    mnl_socket* m_nl = nullptr;
    uint16_t m_queue = 0;
    uint32_t m_portId = 0;
    uint32_t m_seq = 0;
    uint32_t m_lastId = 0;
    uint64_t m_overruns = 0;
    uint64_t m_idGaps = 0;
    QByteArray m_buf;
};

} // namespace socklab
