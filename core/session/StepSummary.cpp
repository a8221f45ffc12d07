#include "StepSummary.h"

namespace socklab {

QVariantMap summarizeStep(const Timeline& tl, int fromIndex, int stepIndex)
{
    QVariantMap v;
    QStringList segments;
    QStringList states;
    for (int i = qMax(0, fromIndex); i < tl.size(); ++i) {
        const Event& e = tl.at(i);
        if (const ReturnData* r = e.ret(); r && r->step == stepIndex) {
            v.insert("blocked", r->blocked);
            if (r->blocked) continue;
            v.insert("result", r->result);
            v.insert("errno", r->errnoName);
            for (auto it = r->values.begin(); it != r->values.end(); ++it)
                v.insert(it.key(), it.value());
        } else if (const PacketData* p = e.packet(); p && e.kind == EventKind::Segment) {
            if (segments.isEmpty()) {
                v.insert("seq", qint64(p->relSeq));
                v.insert("isn", qint64(p->seq));
                v.insert("win", qint64(p->win));
            }
            segments << tcpFlagNames(p->flags).join(',');
        } else if (const StateData* s = e.state()) {
            states << QStringLiteral("%1:%2").arg(e.actor, s->state);
        } else if (const TimerData* t = e.timer()) {
            v.insert("timer_ms", t->expiresMs);
        }
    }
    v.insert("segments", segments);
    v.insert("segment_count", segments.size());
    v.insert("states", states);
    return v;
}

} // namespace socklab
