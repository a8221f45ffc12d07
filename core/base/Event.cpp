#include "Event.h"

namespace socklab {

namespace {
constexpr struct {
    EventKind kind;
    const char* name;
} kKinds[] = {
    {EventKind::Call, "call"},   {EventKind::Return, "return"}, {EventKind::Segment, "segment"},
    {EventKind::Datagram, "datagram"}, {EventKind::State, "state"}, {EventKind::Queue, "queue"},
    {EventKind::Timer, "timer"}, {EventKind::Note, "note"}, {EventKind::Wire, "wire"},
};
constexpr struct {
    uint8_t bit;
    const char* name;
} kFlags[] = {
    {TcpFlag::SYN, "SYN"}, {TcpFlag::FIN, "FIN"}, {TcpFlag::RST, "RST"}, {TcpFlag::PSH, "PSH"},
    {TcpFlag::ACK, "ACK"}, {TcpFlag::URG, "URG"}, {TcpFlag::ECE, "ECE"}, {TcpFlag::CWR, "CWR"},
};
} // namespace

QString kindName(EventKind k)
{
    for (const auto& e : kKinds)
        if (e.kind == k) return QString::fromLatin1(e.name);
    return {};
}

std::optional<EventKind> kindFromName(const QString& name)
{
    for (const auto& e : kKinds)
        if (name == QLatin1String(e.name)) return e.kind;
    return std::nullopt;
}

QString provenanceName(Provenance p)
{
    switch (p) {
    case Provenance::Kernel: return QStringLiteral("kernel");
    case Provenance::Derived: return QStringLiteral("derived");
    case Provenance::Wire: return QStringLiteral("wire");
    }
    return {};
}

QStringList tcpFlagNames(uint8_t flags)
{
    QStringList out;
    for (const auto& f : kFlags)
        if (flags & f.bit) out << QString::fromLatin1(f.name);
    return out;
}

uint8_t tcpFlagsFromNames(const QStringList& names)
{
    uint8_t flags = 0;
    for (const auto& f : kFlags)
        if (names.contains(QLatin1String(f.name))) flags |= f.bit;
    return flags;
}

QString canonicalTcpState(const QString& k)
{
    if (k == QLatin1String("CLOSE")) return QStringLiteral("CLOSED");
    if (k == QLatin1String("FIN_WAIT1")) return QStringLiteral("FIN_WAIT_1");
    if (k == QLatin1String("FIN_WAIT2")) return QStringLiteral("FIN_WAIT_2");
    if (k == QLatin1String("NEW_SYN_RECV")) return QStringLiteral("SYN_RECV");
    return k;
}

const QStringList& tcpStates()
{
    static const QStringList states{"CLOSED",     "LISTEN",     "SYN_SENT", "SYN_RECV",
                                    "ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2", "CLOSE_WAIT",
                                    "CLOSING",    "LAST_ACK",   "TIME_WAIT"};
    return states;
}

} // namespace socklab
