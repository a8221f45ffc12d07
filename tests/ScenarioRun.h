#pragma once
// Helpers for tests that run a scenario for real and look at its timeline.

#include "Runner.h"
#include "ScenarioCatalog.h"
#include "QtPrinters.h"

#include <QStringList>

#include <gtest/gtest.h>

namespace socklab::test {

inline Timeline runScenario(const QString& id, const QVariantMap& params = {}, RunOptions opt = {})
{
    Problem error;
    const auto sc = ScenarioCatalog::build(id, params, &error);
    EXPECT_TRUE(sc.has_value()) << error.debugText().toStdString();
    if (!sc) return {};
    Runner r(*sc, opt);
    EXPECT_TRUE(r.start(&error)) << error.debugText().toStdString();
    EXPECT_TRUE(r.runAll(&error)) << error.debugText().toStdString();
    return r.timeline();
}

inline QList<const PacketData*> segments(const Timeline& tl, bool kernelOnly = true)
{
    QList<const PacketData*> out;
    for (const Event& e : tl.events())
        if (e.kind == EventKind::Segment && (!kernelOnly || e.provenance == Provenance::Kernel))
            out << e.packet();
    return out;
}

inline QStringList flagSequence(const Timeline& tl)
{
    QStringList out;
    for (const PacketData* p : segments(tl))
        out << tcpFlagNames(p->flags).join(',');
    return out;
}

// The (non-blocked) return of the first call named `call` by `actor` at or after step `fromStep`.
inline const ReturnData* findReturn(const Timeline& tl, const QString& actor, const QString& call, int nth = 0)
{
    for (const Event& e : tl.events()) {
        const ReturnData* r = e.ret();
        if (r && !r->blocked && e.actor == actor && r->call == call && nth-- == 0) return r;
    }
    return nullptr;
}

inline bool sawState(const Timeline& tl, const QString& actor, const QString& state, Provenance prov)
{
    for (const Event& e : tl.events())
        if (const StateData* s = e.state(); s && e.actor == actor && s->state == state && e.provenance == prov)
            return true;
    return false;
}

} // namespace socklab::test
