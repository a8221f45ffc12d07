#include "ScenarioFolder.h"

#include "FolderWire.h"
#include "ScenarioFolderKeys.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace socklab {

namespace {

constexpr int kMaxCopies = 64;

struct Checker {
    QString id;
    Problem* error;
    bool fail(const QString& key, const QString& what, QVariantMap more = {})
    {
        more.insert("id", id);
        more.insert("file", QStringLiteral("scenario.json"));
        more.insert("key", key);
        more.insert("what", what);
        if (error) *error = Problem(QStringLiteral("folder-invalid"), more);
        return false;
    }
};

bool validName(const QString& s)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_-]{1,40}$"));
    return re.match(s).hasMatch();
}

bool validFile(const QString& s)
{
    return !s.isEmpty() && !s.contains('/') && !s.contains('\\') && s != QLatin1String(".")
           && s != QLatin1String("..") && !s.startsWith('.');
}

QString oneLine(QString s)
{
    s.replace('\n', ' ').replace('\r', ' ');
    return s.left(200);
}

bool stringList(const QJsonValue& v, QStringList* out)
{
    if (!v.isArray()) return false;
    for (const QJsonValue& x : v.toArray()) {
        if (!x.isString()) return false;
        *out << x.toString();
    }
    return true;
}

bool readInt(const QJsonValue& v, qint64 lo, qint64 hi, qint64* out)
{
    if (!v.isDouble()) return false;
    const double d = v.toDouble();
    // The range first: casting 1e43 (or NaN) to an integer is undefined (fuzz_folder).
    if (!(d >= double(lo) && d <= double(hi)) || d != std::trunc(d)) return false;
    *out = qint64(d);
    return true;
}

// Every {name} in text must be a parameter (or port2/addr2).
bool placeholdersKnown(const QString& text, const QSet<QString>& names, QString* unknown)
{
    static const QRegularExpression re(QStringLiteral("\\{([A-Za-z0-9_]+)\\}"));
    for (auto it = re.globalMatch(text); it.hasNext();) {
        const QString n = it.next().captured(1);
        if (!names.contains(n)) {
            *unknown = n;
            return false;
        }
    }
    return true;
}

} // namespace

std::optional<ScenarioFolder> ScenarioFolder::load(const QString& dir, const CaptionCheck& knownCaption,
                                                    Problem* error)
{
    const QString id = QFileInfo(dir).fileName();
    QFile f(dir + QStringLiteral("/scenario.json"));
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = Problem(QStringLiteral("folder-invalid"),
                             {{"id", id}, {"file", QStringLiteral("scenario.json")}, {"key", QString()},
                              {"what", QStringLiteral("no-file")}, {"detail", oneLine(f.errorString())}});
        return std::nullopt;
    }
    const QByteArray json = f.read(1 << 20);
    auto hasFile = [&](const QString& file) { return QFileInfo(dir + '/' + file).isFile(); };
    auto folder = parse(id, json, hasFile, knownCaption, error);
    if (folder) {
        folder->dir = dir;
        folder->teacher = !dir.startsWith(':');
    }
    return folder;
}

std::optional<ScenarioFolder> ScenarioFolder::parse(const QString& id, const QByteArray& json,
                                                     const std::function<bool(const QString&)>& hasFile,
                                                     const CaptionCheck& knownCaption, Problem* error)
{
    Checker c{id, error};
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError) {
        c.fail(QString(), QStringLiteral("bad-json"), {{"offset", pe.offset}, {"detail", oneLine(pe.errorString())}});
        return std::nullopt;
    }
    if (!doc.isObject()) {
        c.fail(QString(), QStringLiteral("not-object"));
        return std::nullopt;
    }
    QJsonObject root = doc.object();
    FolderFraming framing; // the lesson keys: ScenarioFolderKeys.h
    if (!folderkeys::takeFraming(id, &root, &framing, error)) return std::nullopt;
    ScenarioFolder s;
    s.id = id;
    if (!FolderWire::take(id, &root, &s.wire, error)) return std::nullopt; // the "wire" keys, checked and taken out
    static const QStringList rootKeys{"title", "lesson", "programs", "steps", "parameters", "description"};
    for (auto it = root.begin(); it != root.end(); ++it)
        if (!rootKeys.contains(it.key())) {
            c.fail(oneLine(it.key()), QStringLiteral("unknown-key"));
            return std::nullopt;
        }

    // title
    const QJsonValue title = root.value("title");
    if (title.isUndefined()) {
        c.fail(QStringLiteral("title"), QStringLiteral("missing"));
        return std::nullopt;
    }
    if (title.isString()) {
        s.titleEn = title.toString();
    } else if (title.isObject()) {
        s.titleEn = title.toObject().value("en").toString();
        s.titleZh = title.toObject().value("zh_CN").toString();
    }
    if (s.titleEn.trimmed().isEmpty()) {
        c.fail(QStringLiteral("title.en"), QStringLiteral("missing"));
        return std::nullopt;
    }
    s.titleEn = oneLine(s.titleEn);
    s.titleZh = oneLine(s.titleZh);
    if (root.contains("lesson")) {
        if (!root.value("lesson").isString()) {
            c.fail(QStringLiteral("lesson"), QStringLiteral("not-string"));
            return std::nullopt;
        }
        s.lesson = oneLine(root.value("lesson").toString());
    }

    // parameters (before the programs: their {name}s are checked against them)
    QSet<QString> names{QStringLiteral("port2"), QStringLiteral("addr2")};
    if (root.contains("parameters")) {
        const QJsonValue pv = root.value("parameters");
        if (!pv.isObject()) {
            c.fail(QStringLiteral("parameters"), QStringLiteral("not-object"));
            return std::nullopt;
        }
        const QJsonObject po = pv.toObject();
        for (auto it = po.begin(); it != po.end(); ++it) {
            const QString key = QStringLiteral("parameters.") + oneLine(it.key());
            if (!validName(it.key()) || it.key().contains('-')) {
                c.fail(key, QStringLiteral("bad-name"));
                return std::nullopt;
            }
            if (!it.value().isObject()) {
                c.fail(key, QStringLiteral("not-object"));
                return std::nullopt;
            }
            const QJsonObject o = it.value().toObject();
            FolderParameter p;
            p.name = it.key();
            p.type = o.value("type").toString();
            const QJsonValue def = o.value("default");
            if (p.type == QLatin1String("port")) {
                qint64 v = 0;
                if (!readInt(def, 1, 65535, &v)) {
                    c.fail(key + QStringLiteral(".default"), QStringLiteral("bad-value"), {{"min", 1}, {"max", 65535}});
                    return std::nullopt;
                }
                p.min = 1;
                p.max = 65535;
                p.defaultValue = v;
            } else if (p.type == QLatin1String("int")) {
                qint64 lo = 0, hi = 0, v = 0;
                if (!readInt(o.value("min"), -(qint64(1) << 40), qint64(1) << 40, &lo)
                    || !readInt(o.value("max"), lo, qint64(1) << 40, &hi)) {
                    c.fail(key + QStringLiteral(".min/max"), QStringLiteral("bad-range"));
                    return std::nullopt;
                }
                if (!readInt(def, lo, hi, &v)) {
                    c.fail(key + QStringLiteral(".default"), QStringLiteral("bad-value"), {{"min", lo}, {"max", hi}});
                    return std::nullopt;
                }
                p.min = lo;
                p.max = hi;
                p.defaultValue = v;
            } else if (p.type == QLatin1String("text")) {
                qint64 mb = 4096;
                if (o.contains("max_bytes") && !readInt(o.value("max_bytes"), 1, 1 << 20, &mb)) {
                    c.fail(key + QStringLiteral(".max_bytes"), QStringLiteral("bad-value"), {{"min", 1}, {"max", 1 << 20}});
                    return std::nullopt;
                }
                p.maxBytes = int(mb);
                if (!def.isString() || def.toString().toUtf8().size() > p.maxBytes) {
                    c.fail(key + QStringLiteral(".default"), QStringLiteral("not-string"));
                    return std::nullopt;
                }
                p.defaultValue = def.toString();
                if (!folderkeys::readTextChecks(id, key, o, &p, error)) return std::nullopt;
            } else {
                c.fail(key + QStringLiteral(".type"), QStringLiteral("bad-type"), {{"value", oneLine(p.type)}});
                return std::nullopt;
            }
            names.insert(p.name);
            s.parameters << p;
        }
    }

    // programs
    const QJsonValue progs = root.value("programs");
    if (progs.isUndefined()) {
        c.fail(QStringLiteral("programs"), QStringLiteral("missing"));
        return std::nullopt;
    }
    if (!progs.isArray() || progs.toArray().isEmpty()) {
        c.fail(QStringLiteral("programs"), QStringLiteral("not-list"));
        return std::nullopt;
    }
    QSet<QString> actors;
    const QJsonArray pa = progs.toArray();
    for (int i = 0; i < pa.size(); ++i) {
        const QString key = QStringLiteral("programs[%1]").arg(i);
        if (!pa[i].isObject()) {
            c.fail(key, QStringLiteral("not-object"));
            return std::nullopt;
        }
        const QJsonObject o = pa[i].toObject();
        FolderProgram p;
        p.actor = o.value("actor").toString();
        if (!validName(p.actor)) {
            c.fail(key + QStringLiteral(".actor"), QStringLiteral("bad-name"), {{"value", oneLine(p.actor)}});
            return std::nullopt;
        }
        if (actors.contains(p.actor)) {
            c.fail(key + QStringLiteral(".actor"), QStringLiteral("duplicate-actor"), {{"value", p.actor}});
            return std::nullopt;
        }
        if (o.contains("role")) {
            p.role = o.value("role").toString();
            if (p.role != QLatin1String("server") && p.role != QLatin1String("client") && p.role != QLatin1String("peer")) {
                c.fail(key + QStringLiteral(".role"), QStringLiteral("bad-role"), {{"value", oneLine(p.role)}});
                return std::nullopt;
            }
        }
        p.file = o.value("file").toString();
        if (!validFile(p.file)) {
            c.fail(key + QStringLiteral(".file"), QStringLiteral("bad-file"), {{"value", oneLine(p.file)}});
            return std::nullopt;
        }
        if (!hasFile(p.file)) {
            c.fail(key + QStringLiteral(".file"), QStringLiteral("missing-file"), {{"value", p.file}});
            return std::nullopt;
        }
        QString unknown;
        if (o.contains("args")) {
            if (!stringList(o.value("args"), &p.args)) {
                c.fail(key + QStringLiteral(".args"), QStringLiteral("not-string-list"));
                return std::nullopt;
            }
            for (const QString& a : std::as_const(p.args))
                if (!placeholdersKnown(a, names, &unknown)) {
                    c.fail(key + QStringLiteral(".args"), QStringLiteral("unknown-parameter"), {{"value", unknown}});
                    return std::nullopt;
                }
        }
        if (o.contains("env")) {
            if (!o.value("env").isObject()) {
                c.fail(key + QStringLiteral(".env"), QStringLiteral("not-object"));
                return std::nullopt;
            }
            const QJsonObject env = o.value("env").toObject();
            for (auto it = env.begin(); it != env.end(); ++it) {
                static const QRegularExpression envName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
                if (!envName.match(it.key()).hasMatch() || it.key().startsWith(QLatin1String("SOCKLAB"))
                    || it.key() == QLatin1String("PYTHONPATH")) {
                    c.fail(key + QStringLiteral(".env.") + oneLine(it.key()), QStringLiteral("bad-name"));
                    return std::nullopt;
                }
                if (!it.value().isString()) {
                    c.fail(key + QStringLiteral(".env.") + it.key(), QStringLiteral("not-string"));
                    return std::nullopt;
                }
                if (!placeholdersKnown(it.value().toString(), names, &unknown)) {
                    c.fail(key + QStringLiteral(".env.") + it.key(), QStringLiteral("unknown-parameter"), {{"value", unknown}});
                    return std::nullopt;
                }
                p.env.insert(it.key(), it.value().toString());
            }
        }
        if (o.contains("stdin")) {
            if (!o.value("stdin").isString()) {
                c.fail(key + QStringLiteral(".stdin"), QStringLiteral("not-string"));
                return std::nullopt;
            }
            p.stdinText = o.value("stdin").toString();
            p.hasStdin = true;
            if (!placeholdersKnown(p.stdinText, names, &unknown)) {
                c.fail(key + QStringLiteral(".stdin"), QStringLiteral("unknown-parameter"), {{"value", unknown}});
                return std::nullopt;
            }
        }
        if (o.contains("copies")) {
            const QJsonValue cv = o.value("copies");
            p.copies = cv.isDouble() ? QString::number(cv.toInt()) : cv.toString();
            QVariantMap defaults;
            for (const FolderParameter& fp : std::as_const(s.parameters))
                defaults.insert(fp.name, fp.defaultValue);
            if (copiesCount(p.copies, defaults) < 1) {
                c.fail(key + QStringLiteral(".copies"), QStringLiteral("bad-copies"), {{"value", oneLine(p.copies)}});
                return std::nullopt;
            }
        }
        for (auto it = o.begin(); it != o.end(); ++it) {
            static const QStringList keys{"actor", "role", "file", "args", "env", "stdin", "copies"};
            if (!keys.contains(it.key())) {
                c.fail(key + '.' + oneLine(it.key()), QStringLiteral("unknown-key"));
                return std::nullopt;
            }
        }
        actors.insert(p.actor);
        s.programs << p;
    }

    s.framing = framing;
    if (!folderkeys::checkFraming(s, error) || !folderkeys::checkParameters(s, error)) return std::nullopt;

    // steps
    if (root.contains("steps")) {
        const QJsonValue sv = root.value("steps");
        if (!sv.isArray()) {
            c.fail(QStringLiteral("steps"), QStringLiteral("not-list"));
            return std::nullopt;
        }
        QJsonArray sa;
        QList<folderkeys::StepMark> marks; // raises, repeat
        if (!folderkeys::flattenSteps(id, sv.toArray(), &sa, &marks, error)) return std::nullopt;
        for (int i = 0; i < sa.size(); ++i) {
            const QString key = QStringLiteral("steps[%1]").arg(i);
            if (!sa[i].isObject()) {
                c.fail(key, QStringLiteral("not-object"));
                return std::nullopt;
            }
            const QJsonObject o = sa[i].toObject();
            FolderStep st;
            for (auto it = o.begin(); it != o.end(); ++it) {
                static const QStringList keys{"actor", "until", "calls", "wait_ms", "min_wait_ms", "max_wait_ms", "caption"};
                if (!keys.contains(it.key())) {
                    c.fail(key + '.' + oneLine(it.key()), QStringLiteral("unknown-key"));
                    return std::nullopt;
                }
            }
            qint64 v = 0;
            if (o.contains("wait_ms")) {
                if (!readInt(o.value("wait_ms"), 0, 120000, &v)) {
                    c.fail(key + QStringLiteral(".wait_ms"), QStringLiteral("bad-value"), {{"min", 0}, {"max", 120000}});
                    return std::nullopt;
                }
                st.waitMs = int(v);
                if (o.contains("actor") || o.contains("until") || o.contains("calls")) {
                    c.fail(key + QStringLiteral(".wait_ms"), QStringLiteral("wait-with-actor"));
                    return std::nullopt;
                }
            } else {
                st.actor = o.value("actor").toString();
                if (!o.contains("actor")) {
                    c.fail(key + QStringLiteral(".actor"), QStringLiteral("missing"));
                    return std::nullopt;
                }
                bool known = actors.contains(st.actor);
                // A copy's actor: client1..clientN of a program with copies.
                for (const FolderProgram& p : std::as_const(s.programs))
                    if (!p.copies.isEmpty() && st.actor.startsWith(p.actor)) {
                        bool num = false;
                        const int n = st.actor.mid(p.actor.size()).toInt(&num);
                        known = known || (num && n >= 1 && n <= kMaxCopies);
                    }
                if (!known) {
                    c.fail(key + QStringLiteral(".actor"), QStringLiteral("unknown-actor"), {{"value", oneLine(st.actor)}});
                    return std::nullopt;
                }
                if (o.contains("until")) {
                    const QString u = o.value("until").toString();
                    static const QRegularExpression callRe(QStringLiteral("^[a-z_][a-z0-9_]{0,30}$"));
                    if (u.startsWith(QLatin1String("line:"))) {
                        bool ok = false;
                        st.untilLine = u.mid(5).toInt(&ok);
                        if (!ok || st.untilLine < 1) {
                            c.fail(key + QStringLiteral(".until"), QStringLiteral("bad-until"), {{"value", oneLine(u)}});
                            return std::nullopt;
                        }
                    } else if (u == QLatin1String("exit")) {
                        st.untilExit = true;
                    } else if (callRe.match(u).hasMatch()) {
                        st.untilCall = u;
                    } else {
                        c.fail(key + QStringLiteral(".until"), QStringLiteral("bad-until"), {{"value", oneLine(u)}});
                        return std::nullopt;
                    }
                }
                if (o.contains("calls")) {
                    if (!readInt(o.value("calls"), 1, 100000, &v)) {
                        c.fail(key + QStringLiteral(".calls"), QStringLiteral("bad-value"), {{"min", 1}, {"max", 100000}});
                        return std::nullopt;
                    }
                    st.calls = int(v);
                }
            }
            if (o.contains("min_wait_ms")) {
                if (!readInt(o.value("min_wait_ms"), 0, 120000, &v)) {
                    c.fail(key + QStringLiteral(".min_wait_ms"), QStringLiteral("bad-value"), {{"min", 0}, {"max", 120000}});
                    return std::nullopt;
                }
                st.minWaitMs = int(v);
            }
            if (o.contains("max_wait_ms")) {
                if (!readInt(o.value("max_wait_ms"), 1, 120000, &v)) {
                    c.fail(key + QStringLiteral(".max_wait_ms"), QStringLiteral("bad-value"), {{"min", 1}, {"max", 120000}});
                    return std::nullopt;
                }
                st.maxWaitMs = int(v);
            }
            if (o.contains("caption")) {
                st.caption = o.value("caption").toString();
                if (st.caption.isEmpty() || (knownCaption && !knownCaption(st.caption))) {
                    c.fail(key + QStringLiteral(".caption"), QStringLiteral("unknown-caption"), {{"value", oneLine(st.caption)}});
                    return std::nullopt;
                }
            }
            s.steps << st;
        }
        if (!folderkeys::applyStepMarks(&s, marks, error)) return std::nullopt;
    }
    return s;
}

QString ScenarioFolder::title(const QString& language) const
{
    return language.startsWith(QLatin1String("zh")) && !titleZh.isEmpty() ? titleZh : titleEn;
}

QByteArray ScenarioFolder::source(const QString& file) const
{
    QFile f(filePath(file));
    if (!f.open(QIODevice::ReadOnly)) return {};
    return f.readAll();
}

bool ScenarioFolder::resolveParameters(const QVariantMap& given, QVariantMap* values, Problem* error) const
{
    QVariantMap out;
    QStringList known;
    for (const FolderParameter& p : parameters) {
        out.insert(p.name, p.defaultValue);
        known << p.name;
    }
    for (auto it = given.begin(); it != given.end(); ++it) {
        const FolderParameter* p = nullptr;
        for (const FolderParameter& fp : parameters)
            if (fp.name == it.key()) p = &fp;
        if (!p) {
            // The session's port is every scenario's (design.md: --set port=...).
            if (it.key() == QLatin1String("port")) {
                bool ok = false;
                const qint64 v = it.value().toString().toLongLong(&ok);
                if (!ok || v < 1 || v > 65535) {
                    if (error)
                        *error = Problem(QStringLiteral("param-range"),
                                         {{"name", it.key()}, {"min", 1}, {"max", 65535}, {"value", it.value().toString()}});
                    return false;
                }
                out.insert(it.key(), v);
                continue;
            }
            if (error)
                *error = Problem(QStringLiteral("param-unknown"), {{"scenario", id}, {"name", it.key()}, {"known", known}});
            return false;
        }
        if (p->type == QLatin1String("text")) {
            const QString v = it.value().toString();
            if (v.toUtf8().size() > p->maxBytes) {
                if (error)
                    *error = Problem(QStringLiteral("param-text-too-long"),
                                     {{"name", p->name}, {"bytes", v.toUtf8().size()}, {"max", p->maxBytes}});
                return false;
            }
            out.insert(p->name, v);
        } else {
            bool ok = false;
            const qint64 v = it.value().toString().trimmed().toLongLong(&ok);
            if (!ok || v < p->min || v > p->max) {
                if (error)
                    *error = Problem(QStringLiteral("param-range"),
                                     {{"name", p->name}, {"min", p->min}, {"max", p->max}, {"value", it.value().toString()}});
                return false;
            }
            out.insert(p->name, v);
        }
    }
    if (!checkValues(out, error)) return false;
    *values = out;
    return true;
}

QString ScenarioFolder::substitute(const QString& text, const QVariantMap& values)
{
    static const QRegularExpression re(QStringLiteral("\\{([A-Za-z0-9_]+)\\}"));
    QString out;
    qsizetype last = 0;
    for (auto it = re.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        out += values.contains(m.captured(1)) ? values.value(m.captured(1)).toString() : m.captured(0);
        last = m.capturedEnd();
    }
    return out + text.mid(last);
}

int ScenarioFolder::copiesCount(const QString& copies, const QVariantMap& values)
{
    if (copies.trimmed().isEmpty()) return 1;
    static const QRegularExpression re(QStringLiteral("^\\s*(?:\\{([A-Za-z0-9_]+)\\}|(\\d+))\\s*(?:\\+\\s*(\\d+))?\\s*$"));
    const auto m = re.match(copies);
    if (!m.hasMatch()) return -1;
    qint64 n = 0;
    if (!m.captured(1).isEmpty()) {
        if (!values.contains(m.captured(1))) return -1;
        bool ok = false;
        n = values.value(m.captured(1)).toLongLong(&ok);
        if (!ok) return -1;
    } else {
        n = m.captured(2).toLongLong();
    }
    n += m.captured(3).toLongLong();
    return n >= 1 && n <= kMaxCopies ? int(n) : -1;
}

QList<FolderProgram> ScenarioFolder::expandedPrograms(const QVariantMap& values) const
{
    QList<FolderProgram> out;
    for (const FolderProgram& p : programs) {
        if (p.copies.isEmpty()) {
            out << p;
            continue;
        }
        const int n = qMax(1, copiesCount(p.copies, values));
        for (int k = 1; k <= n; ++k) {
            FolderProgram c = p;
            c.actor = p.actor + QString::number(k);
            out << c;
        }
    }
    return out;
}

} // namespace socklab
