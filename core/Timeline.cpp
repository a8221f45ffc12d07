#include "Timeline.h"

#include <algorithm>

namespace socklab {

void Timeline::append(Event e)
{
    auto pos = std::upper_bound(m_events.begin(), m_events.end(), e.tUs,
                                [](qint64 t, const Event& x) { return t < x.tUs; });
    m_events.insert(pos, std::move(e));
}

void Timeline::appendBatch(QList<Event> batch)
{
    std::stable_sort(batch.begin(), batch.end(),
                     [](const Event& a, const Event& b) { return a.tUs < b.tUs; });
    // Usually the whole batch is later than what we have: a plain append.
    if (m_events.isEmpty() || batch.isEmpty() || batch.first().tUs >= m_events.last().tUs) {
        m_events.append(std::move(batch));
        return;
    }
    for (auto& e : batch)
        append(std::move(e));
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
