#include "Timeline.h"

#include "FrameStore.h"

#include <algorithm>

namespace socklab {

QByteArray Timeline::fullFrame(const PacketData& p) const
{
    if (p.capLen <= uint32_t(p.raw.size()) || p.frameOffset < 0 || !frames) return p.raw;
    const QByteArray whole = frames->read(p.frameOffset, p.capLen);
    // The file must hold the very frame we kept the start of (if any).
    if (whole.size() != qsizetype(p.capLen) || !whole.startsWith(p.raw)) return p.raw;
    return whole;
}

QByteArray Timeline::frameHead(const PacketData& p, qsizetype n) const
{
    n = std::min<qsizetype>(n, p.capLen);
    if (n <= p.raw.size() || p.frameOffset < 0 || !frames) return p.raw.first(std::min(n, p.raw.size()));
    const QByteArray head = frames->read(p.frameOffset, uint32_t(n));
    if (head.size() != n || !head.startsWith(p.raw)) return p.raw;
    return head;
}

void Timeline::noteLoss(const Event& e)
{
    if (e.kind != EventKind::Note) return;
    if (const NoteData* n = e.note(); n && n->code == QLatin1String("capture-loss"))
        m_droppedInNotes = std::max<quint64>(m_droppedInNotes, n->args.value("dropped").toULongLong());
}

// QList grows to the next power of two bytes: up to half of a million-event
// timeline would be slack (issue 12: memory per event). Grow by a quarter
// instead: at most 25 % unused, and the old and new buffers together while
// growing are 2.25x the events, not 3x.
void Timeline::reserveFor(qsizetype more)
{
    const qsizetype need = m_events.size() + more;
    if (need <= m_events.capacity()) return;
    m_events.reserve(std::max<qsizetype>(need, m_events.size() + m_events.size() / 4 + 64));
}

void Timeline::append(Event e)
{
    noteLoss(e);
    reserveFor(1);
    auto pos = std::upper_bound(m_events.begin(), m_events.end(), e.tUs,
                                [](qint64 t, const Event& x) { return t < x.tUs; });
    m_events.insert(pos, std::move(e));
}

void Timeline::appendBatch(QList<Event> batch)
{
    // A reopened session is already in order: std::stable_sort would still take
    // a buffer as big as the whole batch (a million events: hundreds of MB).
    const auto earlier = [](const Event& a, const Event& b) { return a.tUs < b.tUs; };
    if (!std::is_sorted(batch.begin(), batch.end(), earlier)) std::stable_sort(batch.begin(), batch.end(), earlier);
    for (const Event& e : std::as_const(batch))
        noteLoss(e);
    // Into an empty timeline (a session being opened): take the batch's
    // buffer as it is, without a copy or growth slack.
    if (m_events.isEmpty()) {
        m_events = std::move(batch);
        return;
    }
    reserveFor(batch.size());
    // Usually the whole batch is later than what we have: a plain append.
    if (batch.isEmpty() || batch.first().tUs >= m_events.last().tUs) {
        m_events.append(std::move(batch));
        return;
    }
    for (auto& e : batch) {
        auto pos = std::upper_bound(m_events.begin(), m_events.end(), e.tUs,
                                    [](qint64 t, const Event& x) { return t < x.tUs; });
        m_events.insert(pos, std::move(e));
    }
}

int Timeline::lastIndexAtOrBefore(qint64 tUs) const
{
    auto pos = std::upper_bound(m_events.begin(), m_events.end(), tUs,
                                [](qint64 t, const Event& x) { return t < x.tUs; });
    return int(pos - m_events.begin()) - 1;
}

int Timeline::indexOfStep(int step) const
{
    for (int i = 0; i < m_events.size(); ++i) {
        const NoteData* n = m_events[i].note();
        if (n && n->code == QLatin1String("step") && n->args.value("index").toInt() == step)
            return i;
    }
    return -1;
}

int Timeline::actorIndex(const QString& name) const
{
    for (int i = 0; i < actors.size(); ++i)
        if (actors[i].name == name) return i;
    return -1;
}

int Timeline::countOf(EventKind kind) const
{
    return int(std::count_if(m_events.begin(), m_events.end(),
                             [kind](const Event& e) { return e.kind == kind; }));
}

} // namespace socklab
