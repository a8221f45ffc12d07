#pragma once
// Fills in what a decoded packet alone cannot say: which actor sent and
// receives it, sequence numbers relative to each side's ISN (as Wireshark
// shows them), and the window scale in force. Shared by the scenario runner,
// the program lab and host attach.

#include "Event.h"
#include "PacketTap.h"

#include <QHash>
#include <QString>

#include <functional>

namespace socklab {

class PacketAnnotator
{
public:
    // The actor owning the socket with these ports ("" when unknown).
    using ActorOf = std::function<QString(uint16_t localPort, uint16_t remotePort)>;
    explicit PacketAnnotator(ActorOf actorOf) : m_actorOf(std::move(actorOf)) {}

    // Call in capture order: SYNs teach the ISNs and window scales.
    void annotate(PacketData& p);

    // A captured frame as a timeline event: decoded, annotated, timed from
    // `originEpochUs`; an "undecodable-packet" note when it cannot be decoded.
    // `beforeAnnotate` may teach the owner lookup something first.
    Event toEvent(const CapturedFrame& f, int linkType, qint64 originEpochUs,
                  const std::function<void(const PacketData&)>& beforeAnnotate = {});

private:
    static QString dirKey(uint16_t a, uint16_t b) { return QString::number(a) + ':' + QString::number(b); }

    ActorOf m_actorOf;
    QHash<QString, uint32_t> m_isn; // "src:dst" -> initial sequence number
    QHash<QString, int> m_wscale;   // "src:dst" -> window scale offered in its SYN
};

} // namespace socklab
