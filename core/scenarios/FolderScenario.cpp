#include "FolderScenario.h"

#include <QHash>
#include <QMutex>
#include <QRegularExpression>

namespace socklab {

namespace {

QStringList linesOf(const QByteArray& source)
{
    QStringList lines = QString::fromUtf8(source).split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty()) lines.removeLast();
    return lines;
}

} // namespace

const char* keptText(const QString& text)
{
    static QMutex mutex;
    static QHash<QString, QByteArray> kept;
    QMutexLocker lock(&mutex);
    auto it = kept.find(text);
    if (it == kept.end()) it = kept.insert(text, text.toUtf8());
    return it->constData();
}

int lineOfCall(const QStringList& lines, const QString& call, int from)
{
    if (call.isEmpty()) return -1;
    const QString esc = QRegularExpression::escape(call);
    const QRegularExpression re(call == QLatin1String("socket")
                                    ? QStringLiteral("(^|[^.\\w])(socket\\.)?socket\\s*\\(")
                                    : QStringLiteral("\\.\\s*%1\\s*\\(").arg(esc));
    for (int pass = 0; pass < 2; ++pass)
        for (int i = pass == 0 ? qMax(1, from) : 1; i <= lines.size(); ++i) {
            const QString code = lines[i - 1].section('#', 0, 0);
            if (re.match(code).hasMatch()) return i;
        }
    return -1;
}

std::optional<Scenario> scenarioFromFolder(const ScenarioFolder& folder, const QVariantMap& params, Problem* error)
{
    QVariantMap values;
    if (!folder.resolveParameters(params, &values, error)) return std::nullopt;
    Scenario s;
    s.id = folder.id;
    s.title = keptText(folder.titleEn);
    s.lesson = keptText(folder.lesson);
    s.parameters = values;
    s.folder = std::make_shared<const ScenarioFolder>(folder);
    QHash<QString, QStringList> lines;
    QHash<QString, int> cursor;
    for (const FolderProgram& p : folder.expandedPrograms(values)) {
        s.actors.append({p.actor, p.role, folder.filePath(p.file)});
        lines.insert(p.actor, linesOf(folder.source(p.file)));
    }
    QString lastActor = s.actors.isEmpty() ? QString() : s.actors.first().name;
    for (const FolderStep& fs : folder.expandedSteps(values)) { // repeats expanded for these values
        Step st;
        st.actor = fs.actor;
        st.captionId = fs.caption;
        st.minWaitMs = qMax(fs.minWaitMs, fs.waitMs);
        st.maxWaitMs = fs.maxWaitMs;
        if (fs.waitMs >= 0) {
            st.actor = lastActor; // the code pane stays where that actor is
            st.call = QStringLiteral("sleep");
            st.codeLine = qMax(1, cursor.value(lastActor, 1));
            st.args.insert("ms", fs.waitMs);
        } else {
            const QStringList& l = lines[fs.actor];
            if (fs.untilLine > 0) {
                st.codeLine = fs.untilLine;
                static const QRegularExpression callRe(QStringLiteral("\\.\\s*([a-z_]+)\\s*\\("));
                if (fs.untilLine <= l.size())
                    if (const auto m = callRe.match(l[fs.untilLine - 1]); m.hasMatch()) st.call = m.captured(1);
            } else if (!fs.untilCall.isEmpty()) {
                st.call = fs.untilCall;
                st.codeLine = lineOfCall(l, st.call, cursor.value(fs.actor, 1));
            }
            if (st.codeLine > 0) cursor.insert(fs.actor, st.codeLine + 1);
            lastActor = fs.actor;
        }
        s.steps.append(st);
    }
    return s;
}

} // namespace socklab
