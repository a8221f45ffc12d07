#include "ScenarioFolderKeys.h"

#include <QRegularExpression>
#include <QSet>

namespace socklab::folderkeys {

namespace {

constexpr int kMaxItems = 1000;

bool fail(const QString& id, const QString& key, const QString& what, Problem* error, QVariantMap more = {})
{
    more.insert("id", id);
    more.insert("file", QStringLiteral("scenario.json"));
    more.insert("key", key);
    more.insert("what", what);
    if (error) *error = Problem(QStringLiteral("folder-invalid"), more);
    return false;
}

QString oneLine(QString s)
{
    s.replace('\n', ' ').replace('\r', ' ');
    return s.left(200);
}

QVariantMap defaultsOf(const ScenarioFolder& s)
{
    QVariantMap v;
    for (const FolderParameter& p : s.parameters)
        v.insert(p.name, p.defaultValue);
    return v;
}

} // namespace

QStringList itemsOf(const FolderParameter& p, const QString& value)
{
    return p.listSeparator.isEmpty() ? QStringList{value} : value.split(p.listSeparator);
}

// What "repeat": "{name}" counts: a number's value, a list's items.
QVariantMap repeatValues(const QList<FolderParameter>& parameters, QVariantMap values)
{
    for (const FolderParameter& p : parameters)
        if (!p.listSeparator.isEmpty()) values.insert(p.name, itemsOf(p, values.value(p.name).toString()).size());
    return values;
}

bool takeFraming(const QString& id, QJsonObject* root, FolderFraming* out, Problem* error)
{
    if (!root->contains("framing")) return true;
    const QJsonValue v = root->take("framing");
    if (!v.isObject()) return fail(id, QStringLiteral("framing"), QStringLiteral("not-object"), error);
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!QStringList{"actor", "kind", "delimiter"}.contains(it.key()))
            return fail(id, QStringLiteral("framing.") + oneLine(it.key()), QStringLiteral("unknown-key"), error);
    out->actor = o.value("actor").toString();
    out->kind = o.value("kind").toString();
    out->delimiter = o.value("delimiter").toString();
    if (out->actor.isEmpty()) return fail(id, QStringLiteral("framing.actor"), QStringLiteral("missing"), error);
    if (!QStringList{"delimiter", "length-prefix", "per-recv"}.contains(out->kind))
        return fail(id, QStringLiteral("framing.kind"), QStringLiteral("bad-framing"), error, {{"value", oneLine(out->kind)}});
    if (out->kind == QLatin1String("delimiter") && out->delimiter.isEmpty())
        return fail(id, QStringLiteral("framing.delimiter"), QStringLiteral("missing"), error);
    return true;
}

bool checkFraming(const ScenarioFolder& s, Problem* error)
{
    if (s.framing.actor.isEmpty()) return true;
    bool known = false;
    for (const FolderProgram& p : s.programs)
        known = known || p.actor == s.framing.actor;
    if (!known)
        return fail(s.id, QStringLiteral("framing.actor"), QStringLiteral("unknown-actor"), error,
                    {{"value", oneLine(s.framing.actor)}});
    static const QRegularExpression re(QStringLiteral("\\{([A-Za-z0-9_]+)\\}"));
    const QVariantMap names = defaultsOf(s);
    for (auto it = re.globalMatch(s.framing.delimiter); it.hasNext();) {
        const QString n = it.next().captured(1);
        if (!names.contains(n))
            return fail(s.id, QStringLiteral("framing.delimiter"), QStringLiteral("unknown-parameter"), error, {{"value", n}});
    }
    return true;
}

bool readTextChecks(const QString& id, const QString& key, const QJsonObject& o, FolderParameter* p, Problem* error)
{
    if (o.contains("min_bytes")) {
        const QJsonValue v = o.value("min_bytes");
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d != double(int(d)) || d < 0 || d > p->maxBytes)
            return fail(id, key + QStringLiteral(".min_bytes"), QStringLiteral("bad-value"), error,
                        {{"min", 0}, {"max", p->maxBytes}});
        p->minBytes = int(d);
    }
    if (o.contains("list")) {
        const QJsonObject l = o.value("list").toObject();
        const QString sep = l.value("separator").toString();
        const double max = l.value("max_items").toDouble(-1);
        if (!o.value("list").isObject() || sep.size() != 1 || max != double(int(max)) || max < 1 || max > kMaxItems)
            return fail(id, key + QStringLiteral(".list"), QStringLiteral("bad-list"), error);
        p->listSeparator = sep;
        p->maxItems = int(max);
    }
    if (o.contains("not_in")) {
        p->notIn = o.value("not_in").toString();
        if (p->notIn.isEmpty() || p->notIn == p->name)
            return fail(id, key + QStringLiteral(".not_in"), QStringLiteral("bad-not-in"), error,
                        {{"value", oneLine(o.value("not_in").toString())}});
    }
    return true;
}

bool checkParameters(const ScenarioFolder& s, Problem* error)
{
    for (const FolderParameter& p : s.parameters) {
        if (p.notIn.isEmpty()) continue;
        bool text = false;
        for (const FolderParameter& q : s.parameters)
            text = text || (q.name == p.notIn && q.type == QLatin1String("text"));
        if (!text)
            return fail(s.id, QStringLiteral("parameters.%1.not_in").arg(p.name), QStringLiteral("bad-not-in"), error,
                        {{"value", oneLine(p.notIn)}});
    }
    Problem why;
    if (!s.checkValues(defaultsOf(s), &why))
        return fail(s.id, QStringLiteral("parameters.%1.default").arg(why.args.value("name").toString()),
                    QStringLiteral("bad-default"), error, {{"value", why.code}, {"cause", why.toMap()}});
    return true;
}

bool flattenSteps(const QString& id, const QJsonArray& in, QJsonArray* out, QList<StepMark>* marks, Problem* error)
{
    for (int i = 0; i < in.size(); ++i) {
        const QString key = QStringLiteral("steps[%1]").arg(i);
        if (!in[i].isObject()) {
            out->append(in[i]); // the loader says what is wrong with it
            continue;
        }
        QJsonObject o = in[i].toObject();
        StepMark m;
        m.index = int(out->size());
        if (o.contains("repeat")) {
            const QJsonValue r = o.take("repeat");
            m.repeat = r.isDouble() ? QString::number(r.toInt()) : r.toString();
            if (m.repeat.isEmpty())
                return fail(id, key + QStringLiteral(".repeat"), QStringLiteral("bad-repeat"), error, {{"value", QString()}});
        }
        if (o.contains("steps")) {
            // A group: {"repeat": "{count}", "steps": [...]}.
            const QJsonValue g = o.take("steps");
            if (m.repeat.isEmpty()) return fail(id, key + QStringLiteral(".repeat"), QStringLiteral("missing"), error);
            if (!o.isEmpty()) return fail(id, key + '.' + oneLine(o.begin().key()), QStringLiteral("unknown-key"), error);
            if (!g.isArray() || g.toArray().isEmpty())
                return fail(id, key + QStringLiteral(".steps"), QStringLiteral("not-list"), error);
            const QJsonArray inner = g.toArray();
            m.span = int(inner.size());
            marks->append(m);
            for (int k = 0; k < inner.size(); ++k) {
                QJsonObject s = inner[k].toObject();
                if (!inner[k].isObject() || s.contains("steps") || s.contains("repeat"))
                    return fail(id, QStringLiteral("%1.steps[%2]").arg(key).arg(k), QStringLiteral("bad-group"), error);
                StepMark r;
                r.index = int(out->size());
                if (s.contains("raises")) {
                    r.raises = s.take("raises").toString();
                    marks->append(r);
                }
                out->append(s);
            }
            continue;
        }
        if (o.contains("raises")) m.raises = o.take("raises").toString(QStringLiteral("-"));
        if (!m.repeat.isEmpty() || !m.raises.isEmpty()) marks->append(m);
        out->append(o);
    }
    return true;
}

bool applyStepMarks(ScenarioFolder* s, const QList<StepMark>& marks, Problem* error)
{
    static const QRegularExpression exceptionName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,60}$"));
    const QVariantMap defaults = repeatValues(s->parameters, defaultsOf(*s));
    for (const StepMark& m : marks) {
        if (m.index < 0 || m.index >= s->steps.size()) continue;
        FolderStep& st = s->steps[m.index];
        const QString key = QStringLiteral("steps[%1]").arg(m.index);
        if (!m.raises.isEmpty()) {
            if (!exceptionName.match(m.raises).hasMatch() || st.untilCall.isEmpty())
                return fail(s->id, key + QStringLiteral(".raises"), QStringLiteral("bad-raises"), error,
                            {{"value", oneLine(m.raises)}});
            st.raises = m.raises;
        }
        if (!m.repeat.isEmpty()) {
            if (ScenarioFolder::copiesCount(m.repeat, defaults) < 1)
                return fail(s->id, key + QStringLiteral(".repeat"), QStringLiteral("bad-repeat"), error,
                            {{"value", oneLine(m.repeat)}});
            st.repeat = m.repeat;
            st.repeatSpan = m.span;
        }
    }
    return true;
}

} // namespace socklab::folderkeys

namespace socklab {

QList<FolderStep> ScenarioFolder::expandedSteps(const QVariantMap& values) const
{
    QList<FolderStep> out;
    const QVariantMap counts = folderkeys::repeatValues(parameters, values);
    for (int i = 0; i < steps.size();) {
        const FolderStep& first = steps[i];
        const int span = first.repeat.isEmpty() ? 1 : qBound(1, first.repeatSpan, int(steps.size()) - i);
        const int times = first.repeat.isEmpty() ? 1 : qMax(1, copiesCount(first.repeat, counts));
        for (int t = 0; t < times; ++t)
            for (int k = i; k < i + span; ++k) {
                FolderStep st = steps[k];
                if (k == i) st.repeat.clear();
                out << st;
            }
        i += span;
    }
    return out;
}

bool ScenarioFolder::checkValues(const QVariantMap& values, Problem* error) const
{
    auto problem = [&](const QString& code, QVariantMap args) {
        if (error) *error = Problem(code, args);
        return false;
    };
    for (const FolderParameter& p : parameters) {
        if (p.type != QLatin1String("text")) continue;
        const QString v = values.value(p.name).toString();
        if (v.toUtf8().size() < p.minBytes) return problem(QStringLiteral("param-empty"), {{"name", p.name}});
        if (!p.listSeparator.isEmpty()) {
            const QStringList items = folderkeys::itemsOf(p, v);
            if (items.size() > p.maxItems) return problem(QStringLiteral("param-messages-count"), {{"max", p.maxItems}});
            for (int i = 0; i < items.size(); ++i)
                if (items[i].isEmpty()) return problem(QStringLiteral("param-message-empty"), {{"index", i + 1}});
        }
        if (!p.notIn.isEmpty() && !v.isEmpty()) {
            const FolderParameter* other = nullptr;
            for (const FolderParameter& q : parameters)
                if (q.name == p.notIn) other = &q;
            if (!other) continue;
            const QStringList items = folderkeys::itemsOf(*other, values.value(other->name).toString());
            for (int i = 0; i < items.size(); ++i)
                if (items[i].contains(v))
                    return problem(QStringLiteral("param-message-has-delimiter"), {{"index", i + 1}, {"delimiter", v}});
        }
    }
    return true;
}

} // namespace socklab
