#include "CodePosition.h"

#include <algorithm>

namespace socklab {

CodeEventIndex indexCodeEvents(const Timeline& tl)
{
    CodeEventIndex index;
    for (int i = 0; i < tl.size(); ++i)
        if (const Event& e = tl.at(i); e.kind == EventKind::Call || e.kind == EventKind::Return)
            index[e.actor].append(i);
    return index;
}

CodePosition codePositionAt(const Timeline& tl, const CodeEventIndex& index, int cursor, const QString& actor)
{
    CodePosition pos;
    const auto found = index.constFind(actor);
    if (found == index.constEnd()) return pos;
    const QList<int>& events = *found;
    const int last = qMin(cursor, tl.size() - 1);
    // Back from the cursor: the latest call or return says whether it blocks,
    // the latest call its name, the latest call with a line where it is.
    bool haveCall = false, haveBlocked = false;
    for (auto it = std::upper_bound(events.begin(), events.end(), last); it != events.begin();) {
        const Event& e = tl.at(*--it);
        if (const CallData* c = e.call()) {
            if (!haveBlocked) pos.blocked = false;
            haveBlocked = true;
            if (!haveCall) pos.call = c->call;
            haveCall = true;
            if (c->codeLine > 0) {
                pos.line = c->codeLine;
                break;
            }
        } else if (const ReturnData* r = e.ret(); r && !haveBlocked) {
            pos.blocked = r->blocked;
            haveBlocked = true;
        }
    }
    return pos;
}

CodePosition codePositionAt(const Timeline& tl, int cursor, const QString& actor)
{
    return codePositionAt(tl, indexCodeEvents(tl), cursor, actor);
}

} // namespace socklab
