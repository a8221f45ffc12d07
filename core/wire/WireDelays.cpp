#include "WireDelays.h"

#include "PacketDecoder.h"

namespace socklab {

void WireDelays::keep(QList<WireRecord>& records)
{
    QList<WireRecord> rest;
    for (WireRecord& r : records) {
        QByteArray key = r.action == WireAction::Delay ? packetKey(QByteArrayView(r.bytes)) : QByteArray();
        if (key.isEmpty()) { // not a delay, or not TCP/UDP over IP: it stays a wire event
            rest.append(std::move(r));
            continue;
        }
        const uint64_t id = m_next++;
        m_byKey[key].push_back(id);
        m_kept.emplace(id, std::pair{std::move(r), std::move(key)});
    }
    records = std::move(rest);
}

int64_t WireDelays::claim(QByteArrayView ip)
{
    if (m_kept.empty()) return 0;
    const QByteArray key = packetKey(ip);
    const auto it = m_byKey.find(key);
    if (key.isEmpty() || it == m_byKey.end()) return 0;
    const uint64_t id = it->front();
    it->pop_front();
    if (it->empty()) m_byKey.erase(it);
    const auto kept = m_kept.find(id);
    const int64_t delay = kept->second.first.delayUs;
    m_kept.erase(kept);
    return delay;
}

QList<WireRecord> WireDelays::unclaimed(int64_t epochUs, int64_t graceUs)
{
    QList<WireRecord> out;
    for (auto it = m_kept.begin(); it != m_kept.end();) {
        const WireRecord& r = it->second.first;
        if (epochUs >= 0 && r.epochUs + r.delayUs + graceUs > epochUs) {
            ++it;
            continue;
        }
        const auto ids = m_byKey.find(it->second.second);
        if (ids != m_byKey.end()) {
            std::erase(*ids, it->first);
            if (ids->empty()) m_byKey.erase(ids);
        }
        out.append(std::move(it->second.first));
        it = m_kept.erase(it);
    }
    return out;
}

QByteArray WireDelays::packetKey(QByteArrayView ip)
{
    const auto* b = reinterpret_cast<const uint8_t*>(ip.data());
    const qsizetype n = ip.size();
    if (n < 1) return {};
    QByteArray key;
    qsizetype l4 = 0;
    uint8_t proto = 0;
    if ((b[0] >> 4) == 4) {
        const qsizetype ihl = qsizetype(b[0] & 0x0f) * 4;
        if (ihl < 20 || n < ihl) return {};
        proto = b[9];
        key.append(ip.first(8));     // version, length, id, fragment
        key.append(char(proto));     // not the TTL (8) nor the checksum (10-11)
        key.append(ip.sliced(12, 8)); // addresses
        l4 = ihl;
    } else if ((b[0] >> 4) == 6) {
        if (n < 40) return {};
        proto = b[6];
        key.append(ip.first(7)); // version, flow, length, next header; not the hop limit (7)
        key.append(ip.sliced(8, 32));
        l4 = 40;
    } else {
        return {};
    }
    const qsizetype checksum = proto == 6 ? 16 : proto == 17 ? 6 : -1;
    if (checksum < 0 || n < l4 + checksum + 2) return {};
    const qsizetype end = std::min(n, l4 + 40);
    key.append(ip.sliced(l4, checksum));
    key.append(ip.sliced(l4 + checksum + 2, end - (l4 + checksum + 2)));
    return key;
}

int WireDelays::ipOffset(int linkType)
{
    switch (linkType) {
    case LinkType::Ethernet: return 14;
    case LinkType::Raw:
    case LinkType::RawAlt: return 0;
    case LinkType::Null:
    case LinkType::Loop: return 4;
    case LinkType::LinuxSll: return 16;
    case LinkType::LinuxSll2: return 20;
    default: return -1;
    }
}

} // namespace socklab
