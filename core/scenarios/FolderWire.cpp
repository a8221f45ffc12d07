#include "FolderWire.h"

#include "Event.h"
#include "Wire.h"

#include <QJsonArray>
#include <QStringList>

namespace socklab {

namespace {

const QStringList& kindNames()
{
    static const QStringList names{"drop-next", "hold-next", "release", "drop-held", "pass"};
    return names;
}

const QStringList& matchNames()
{
    static const QStringList names{"syn", "syn-ack", "fin", "rst", "data", "ack", "udp", "any"};
    return names;
}

struct Fail {
    QString id;
    Problem* error;
    bool operator()(const QString& key, const QString& what, QVariantMap more = {}) const
    {
        more.insert("id", id);
        more.insert("file", QStringLiteral("scenario.json"));
        more.insert("key", key);
        more.insert("what", what);
        if (error) *error = Problem(QStringLiteral("folder-invalid"), more);
        return false;
    }
};

bool readInt(const QJsonValue& v, int lo, int hi, int* out)
{
    if (!v.isDouble()) return false;
    const double d = v.toDouble();
    if (d != double(int(d)) || d < lo || d > hi) return false;
    *out = int(d);
    return true;
}

// One action: its name and the keys that go with it (from the step itself or a list entry).
bool readAction(const QString& name, const QJsonObject& o, const QString& key, const Fail& fail, FolderWireAction* a)
{
    const qsizetype kind = kindNames().indexOf(name);
    if (kind < 0) return fail(key, QStringLiteral("bad-wire-action"), {{"value", name.left(60)}});
    a->kind = FolderWireAction::Kind(kind);
    const bool rule = a->kind == FolderWireAction::Kind::DropNext || a->kind == FolderWireAction::Kind::HoldNext;
    const QString base = key.endsWith(QLatin1String(".wire")) ? key.chopped(5) : key;
    const QStringList ruleKeys{"match", "direction", "nth", "count", "hold_ms"};
    for (const QString& k : ruleKeys)
        if (o.contains(k) && !rule) return fail(base + '.' + k, QStringLiteral("wire-key-needs-rule"), {{"value", name}});
    if (o.contains("match")) {
        const QString m = o.value("match").toString().toLower();
        if (!matchNames().contains(m))
            return fail(base + QStringLiteral(".match"), QStringLiteral("bad-wire-match"), {{"value", o.value("match").toString().left(60)}});
        a->match = m;
    }
    if (o.contains("direction")) {
        const QString d = o.value("direction").toString();
        if (d == QLatin1String("c2s")) a->direction = WireDirection::C2S;
        else if (d == QLatin1String("s2c")) a->direction = WireDirection::S2C;
        else if (d == QLatin1String("any")) a->direction = WireDirection::Any;
        else return fail(base + QStringLiteral(".direction"), QStringLiteral("bad-wire-direction"), {{"value", d.left(60)}});
    }
    if (o.contains("nth") && !readInt(o.value("nth"), 1, 100000, &a->nth))
        return fail(base + QStringLiteral(".nth"), QStringLiteral("bad-value"), {{"min", 1}, {"max", 100000}});
    if (o.contains("count")) {
        if (o.value("count").toString() == QLatin1String("all")) a->count = -1;
        else if (!readInt(o.value("count"), 1, 100000, &a->count))
            return fail(base + QStringLiteral(".count"), QStringLiteral("bad-wire-count"));
    }
    if (o.contains("hold_ms")) {
        if (a->kind != FolderWireAction::Kind::HoldNext)
            return fail(base + QStringLiteral(".hold_ms"), QStringLiteral("wire-key-needs-rule"), {{"value", name}});
        if (!readInt(o.value("hold_ms"), 0, 120000, &a->holdMs))
            return fail(base + QStringLiteral(".hold_ms"), QStringLiteral("bad-value"), {{"min", 0}, {"max", 120000}});
    }
    return true;
}

} // namespace

QString FolderWireAction::kindName(Kind k) { return kindNames().value(int(k)); }

WireRule FolderWireAction::rule() const
{
    WireRule r;
    r.action = kind == Kind::HoldNext ? WireRule::Action::Hold : WireRule::Action::Drop;
    r.direction = direction;
    r.nth = nth;
    r.count = count;
    r.holdUs = holdMs < 0 ? -1 : int64_t(holdMs) * 1000;
    if (match == QLatin1String("syn")) {
        r.required = TcpFlag::SYN;
        r.forbidden = TcpFlag::ACK;
    } else if (match == QLatin1String("syn-ack")) {
        r.required = TcpFlag::SYN | TcpFlag::ACK;
    } else if (match == QLatin1String("fin")) {
        r.required = TcpFlag::FIN;
    } else if (match == QLatin1String("rst")) {
        r.required = TcpFlag::RST;
    } else if (match == QLatin1String("data")) {
        r.tcpOnly = true;
        r.dataOnly = true;
    } else if (match == QLatin1String("ack")) { // a bare ACK: no data, no SYN/FIN/RST
        r.required = TcpFlag::ACK;
        r.forbidden = TcpFlag::SYN | TcpFlag::FIN | TcpFlag::RST;
        r.emptyOnly = true;
    } else if (match == QLatin1String("udp")) {
        r.udpOnly = true;
    }
    r.tcpOnly = r.tcpOnly || r.required != 0;
    return r;
}

bool FolderWire::take(const QString& id, QJsonObject* root, FolderWire* out, Problem* error)
{
    const Fail fail{id, error};
    FolderWire w;
    if (root->contains("wire")) {
        const QJsonValue v = root->value("wire");
        if (!v.isString()) return fail(QStringLiteral("wire"), QStringLiteral("not-string"));
        w.spec = v.toString();
        WirePolicy p;
        Problem why;
        if (!WirePolicy::parse(w.spec, &p, &why))
            return fail(QStringLiteral("wire"), QStringLiteral("bad-wire"), {{"cause", why.toMap()}});
        w.policy = p;
        root->remove("wire");
    }
    if (root->value("steps").isArray()) {
        QJsonArray steps = root->value("steps").toArray();
        for (int i = 0; i < steps.size(); ++i) {
            if (!steps[i].isObject()) continue; // the loader says what is wrong with it
            QJsonObject st = steps[i].toObject();
            if (!st.contains("wire")) continue;
            const QString key = QStringLiteral("steps[%1].wire").arg(i);
            if (!w.policy) return fail(key, QStringLiteral("wire-without-policy"));
            const QJsonValue v = st.value("wire");
            QList<FolderWireAction> actions;
            if (v.isString()) {
                FolderWireAction a;
                if (!readAction(v.toString(), st, key, fail, &a)) return false;
                actions << a;
                for (const char* k : {"match", "direction", "nth", "count", "hold_ms"})
                    st.remove(QLatin1String(k));
            } else if (v.isArray() && !v.toArray().isEmpty()) {
                const QJsonArray list = v.toArray();
                for (int k = 0; k < list.size(); ++k) {
                    const QString ak = key + QStringLiteral("[%1]").arg(k);
                    const QJsonObject o = list[k].toObject();
                    if (!list[k].isObject() || !o.value("do").isString())
                        return fail(ak + QStringLiteral(".do"), QStringLiteral("missing"));
                    for (auto it = o.begin(); it != o.end(); ++it)
                        if (!QStringList{"do", "match", "direction", "nth", "count", "hold_ms"}.contains(it.key()))
                            return fail(ak + '.' + it.key().left(40), QStringLiteral("unknown-key"));
                    FolderWireAction a;
                    if (!readAction(o.value("do").toString(), o, ak, fail, &a)) return false;
                    actions << a;
                }
            } else {
                return fail(key, QStringLiteral("bad-wire-action"), {{"value", QString()}});
            }
            st.remove("wire");
            steps[i] = st;
            w.steps.insert(i, actions);
        }
        root->insert("steps", steps);
    }
    *out = w;
    return true;
}

void FolderWire::apply(const QList<FolderWireAction>& actions, Wire& wire)
{
    for (const FolderWireAction& a : actions) {
        switch (a.kind) {
        case FolderWireAction::Kind::DropNext:
        case FolderWireAction::Kind::HoldNext: wire.addRule(a.rule()); break;
        case FolderWireAction::Kind::Release:
            for (const HeldPacket& h : wire.held())
                wire.release(h.packetId);
            break;
        case FolderWireAction::Kind::DropHeld:
            for (const HeldPacket& h : wire.held())
                wire.drop(h.packetId);
            break;
        case FolderWireAction::Kind::Pass: wire.releaseAll(); break;
        }
    }
}

} // namespace socklab
