#include "CodePosition.h"

namespace socklab {

CodePosition codePositionAt(const Timeline& tl, int cursor, const QString& actor)
{
    CodePosition pos;
    const int last = qMin(cursor, tl.size() - 1);
    for (int i = 0; i <= last; ++i) {
        const Event& e = tl.at(i);
        if (e.actor != actor) continue;
        if (const CallData* c = e.call()) {
            if (c->codeLine > 0) pos.line = c->codeLine;
            pos.call = c->call;
            pos.blocked = false;
        } else if (const ReturnData* r = e.ret()) {
            pos.blocked = r->blocked;
        }
    }
    return pos;
}

} // namespace socklab
