#include "LadderLayout.h"

#include "StateReadings.h"

#include "Captions.h"
#include "TextFormatter.h"
#include "WireMarks.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>

namespace socklab {

namespace {

constexpr qreal kStepHeight = 1.15;
constexpr qreal kGapHeight = 0.6;
constexpr qreal kCallHeight = 0.9;
constexpr qreal kArrowHeight = 1.35;
constexpr qreal kStateHeight = 0.95;
constexpr qreal kSmallHeight = 0.8;
constexpr qint64 kGapUs = 300000; // idle longer than this gets a marker

QString callText(const CallData& c)
{
    if (c.call == QLatin1String("wait_readable") || c.call == QLatin1String("sleep")) {
        // The lesson's time.sleep(): socklab waits (until the bytes are in, for
        // wait_readable) where the program sleeps. Named as the code names it.
        const qint64 bytes = c.args.value("bytes", -1).toLongLong();
        if (bytes >= 0)
            return QCoreApplication::translate("Ladder", "time.sleep(…) until %1 B wait").arg(bytes);
        return QStringLiteral("time.sleep(%1)").arg(c.args.value("ms").toDouble() / 1000.0);
    }
    const QVariantMap& a = c.args;
    QString args;
    if (a.contains("addr") && a.contains("data"))
        args = QStringLiteral("%1, ('%2', %3)").arg(pythonBytes(a.value("data").toByteArray(), 16),
                                                   a.value("addr").toString(), a.value("port").toString());
    else if (a.contains("addr"))
        args = QStringLiteral("('%1', %2)").arg(a.value("addr").toString(), a.value("port").toString());
    else if (a.contains("data"))
        args = pythonBytes(a.value("data").toByteArray(), 20);
    else if (a.contains("bufsize"))
        args = a.value("bufsize").toString();
    else if (a.contains("backlog"))
        args = a.value("backlog").toString();
    else if (c.call == QLatin1String("socket"))
        args = a.value("type").toString() == QLatin1String("dgram") ? QStringLiteral("SOCK_DGRAM")
                                                                     : QStringLiteral("SOCK_STREAM");
    else if (a.contains("how"))
        args = a.value("how").toString();
    const QString target = c.socket.isEmpty() ? QString() : c.socket + '.';
    return QStringLiteral("%1%2(%3)").arg(target, c.call, args);
}

QString resultText(const ReturnData& r)
{
    if (!r.errnoName.isEmpty()) return QStringLiteral("→ %1").arg(r.errnoName);
    QString s = QStringLiteral("→ %1").arg(r.result);
    if (r.values.contains("data")) s += ' ' + pythonBytes(r.values.value("data").toByteArray(), 20);
    return s;
}

QString waitText(const QString& call)
{
    if (call == QLatin1String("accept"))
        return QCoreApplication::translate("Ladder", "accept() — waiting for a connection");
    if (call.startsWith(QLatin1String("recv")))
        return QCoreApplication::translate("Ladder", "%1() — waiting for data").arg(call);
    if (call.startsWith(QLatin1String("send")))
        return QCoreApplication::translate("Ladder", "%1() — waiting for buffer space").arg(call);
    if (call == QLatin1String("connect"))
        return QCoreApplication::translate("Ladder", "connect() — waiting for the handshake");
    return QCoreApplication::translate("Ladder", "%1() — blocked").arg(call);
}

QString seconds(qint64 us) { return QStringLiteral("%1 s").arg(double(us) / 1e6, 0, 'f', 3); }

} // namespace

void LadderLayout::addRow(LadderRow r, qreal height)
{
    r.y = m_total;
    r.height = height;
    m_total += height;
    m_rowEvent.append(r.eventIndex);
    if (r.type == LadderRow::Type::Wait) m_waitRows.append(int(m_rows.size()));
    m_rows.append(std::move(r));
}

void LadderLayout::setTimeline(const Timeline& tl)
{
    m_rows.clear();
    m_rowEvent.clear();
    m_waitRows.clear();
    m_actors.clear();
    m_roles.clear();
    m_total = 0.25;

    // Columns: clients on the left, servers on the right, others in between.
    QList<QPair<int, QString>> order;
    auto rank = [](const QString& role) {
        return role == QLatin1String("client") ? 0 : role == QLatin1String("server") ? 2 : 1;
    };
    QStringList names;
    for (const ActorInfo& a : tl.actors) names << a.name;
    for (const Event& e : tl.events())
        if (!e.actor.isEmpty() && !names.contains(e.actor) && e.kind != EventKind::Note) names << e.actor;
    for (int i = 0; i < names.size(); ++i) {
        const int ai = tl.actorIndex(names[i]);
        const QString role = ai >= 0 ? tl.actors[ai].role : QStringLiteral("program");
        order.append({rank(role) * 1000 + i, names[i]});
    }
    std::sort(order.begin(), order.end());
    for (const auto& o : order) {
        m_actors << o.second;
        const int ai = tl.actorIndex(o.second);
        m_roles << (ai >= 0 ? tl.actors[ai].role : QStringLiteral("program"));
    }

    QHash<QString, QString> shownState; // actor/socket -> last state drawn
    const QSet<int> confirmations = StateReadings::confirmations(tl); // late kernel readings: no new chip
    const QSet<int> datagram = StateReadings::datagramStates(tl);     // UDP sockets have no TCP state
    QHash<QString, int> pendingWait;    // actor -> wait row waiting for its return
    QSet<QString> shownTimer;
    QSet<int> mergedReturns;
    qint64 lastT = 0;
    const QHash<int, int> holdEnds = WireMarks::holdEnds(tl);
    QList<QPair<PacketData, qint64>> delays; // the wire's delays waiting for their segment's capture
    const int n = tl.size();
    for (int i = 0; i < n; ++i) {
        const Event& e = tl.at(i);
        const int col = columnOf(e.actor);
        LadderRow r;
        r.eventIndex = i;
        r.actor = col;
        r.derived = e.provenance == Provenance::Derived;
        qreal h = 0;
        if (const NoteData* note = e.note()) {
            if (note->code == QLatin1String("step")) {
                r.type = LadderRow::Type::StepMark;
                r.actor = -1;
                r.text = QCoreApplication::translate("Ladder", "Step %1").arg(note->args.value("index").toInt() + 1);
                r.detail = seconds(e.tUs);
                h = kStepHeight;
            } else if (note->code == QLatin1String("teardown-3")) {
                r.type = LadderRow::Type::Note;
                r.text = QCoreApplication::translate("Ladder", "ACK rode on this FIN: 3 segments, not 4");
                h = kSmallHeight;
            }
        } else if (const CallData* c = e.call()) {
            r.type = LadderRow::Type::Call;
            r.text = callText(*c);
            // Merge an immediate return into the call's row: "bind(...) → 0".
            for (int j = i + 1; j < n; ++j) {
                const Event& f = tl.at(j);
                if (f.actor != e.actor) continue;
                if (const ReturnData* ret = f.ret(); ret && !ret->blocked) {
                    r.endEventIndex = j;
                    r.text += ' ' + resultText(*ret);
                    r.error = !ret->errnoName.isEmpty();
                    mergedReturns.insert(j);
                }
                break;
            }
            h = kCallHeight;
        } else if (const ReturnData* ret = e.ret()) {
            if (ret->blocked) {
                r.type = LadderRow::Type::Wait;
                r.text = waitText(ret->call);
                pendingWait.insert(e.actor, int(m_rows.size()));
                h = kSmallHeight;
            } else if (!mergedReturns.contains(i)) {
                r.type = LadderRow::Type::Call;
                r.text = QStringLiteral("%1() %2").arg(callName(ret->call), resultText(*ret));
                if (ret->values.contains("peer") && ret->call == QLatin1String("accept"))
                    r.detail = ret->values.value("peer").toString();
                r.error = !ret->errnoName.isEmpty();
                r.endEventIndex = i;
                if (auto it = pendingWait.find(e.actor); it != pendingWait.end()) {
                    m_rows[*it].endEventIndex = i;
                    pendingWait.erase(it);
                }
                h = kCallHeight;
            } else if (auto it = pendingWait.find(e.actor); it != pendingWait.end()) {
                m_rows[*it].endEventIndex = i;
                pendingWait.erase(it);
            }
        } else if (const PacketData* p = e.packet()) {
            r.type = LadderRow::Type::Arrow;
            r.actor = columnOf(p->fromActor);
            r.toActor = columnOf(p->toActor);
            r.text = segmentLabel(*p);
            r.error = p->has(TcpFlag::RST) || p->protocol.toString().startsWith(QLatin1String("icmp"));
            if (p->wire == QLatin1String("dropped")) r.wire = LadderRow::Wire::Dropped;
            r.wireDelayUs = e.wireDelayUs; // the capture carries its delay; a session saved before has "delay" events
            for (qsizetype k = 0; k < delays.size() && r.wireDelayUs == 0; ++k)
                if (WireMarks::samePacket(delays[k].first, *p)) {
                    r.wireDelayUs = delays[k].second;
                    delays.removeAt(k);
                    break;
                }
            h = kArrowHeight;
        } else if (const WireData* w = e.wire()) {
            if (w->action == QLatin1String("delay")) {
                delays.append({w->packet, w->delayUs});
            } else if (w->action == QLatin1String("hold")) {
                // Held: drawn mid-flight until its release or drop (the capture follows a release).
                r.type = LadderRow::Type::Arrow;
                r.actor = columnOf(w->packet.fromActor);
                r.toActor = columnOf(w->packet.toActor);
                r.text = segmentLabel(w->packet);
                r.wire = LadderRow::Wire::Held;
                r.packetId = w->packetId;
                r.endEventIndex = holdEnds.value(i, -1);
                if (r.endEventIndex >= 0) {
                    r.wireDelayUs = tl.at(r.endEventIndex).tUs - e.tUs;
                    const WireData* end = tl.at(r.endEventIndex).wire();
                    r.error = end && end->action == QLatin1String("drop"); // held, then dropped
                }
                h = kArrowHeight;
            }
        } else if (const StateData* s = e.state()) {
            if (!s->socket.isEmpty()) {
                const QString key = e.actor + '/' + s->socket;
                if (!confirmations.contains(i) && !datagram.contains(i) && shownState.value(key) != s->state) {
                    shownState.insert(key, s->state);
                    r.type = LadderRow::Type::State;
                    r.text = s->state;
                    r.detail = s->socket;
                    h = kStateHeight;
                }
            }
        } else if (const TimerData* t = e.timer()) {
            const QString key = e.actor + '/' + t->socket + '/' + t->timer;
            if (!shownTimer.contains(key) && t->timer == QLatin1String("timewait")) {
                shownTimer.insert(key);
                r.type = LadderRow::Type::Timer;
                r.text = QCoreApplication::translate("Ladder", "TIME_WAIT timer: %1 s left")
                             .arg(qRound(double(t->expiresMs) / 1000.0));
                h = kSmallHeight;
            }
        }
        if (h <= 0) continue;
        if (r.type != LadderRow::Type::StepMark && !m_rows.isEmpty() && e.tUs - lastT > kGapUs) {
            LadderRow g;
            g.type = LadderRow::Type::Gap;
            g.eventIndex = i;
            g.text = QStringLiteral("+%1").arg(seconds(e.tUs - lastT));
            addRow(g, kGapHeight);
        }
        lastT = e.tUs;
        addRow(std::move(r), h);
    }
    m_total += 0.5;
}

qreal LadderLayout::actorX(int column, qreal width) const
{
    const int count = actorCount();
    if (count <= 0 || column < 0) return m_metrics.gutter;
    const qreal left = m_metrics.gutter + m_metrics.labelArea;
    const qreal right = qMax(width, minimumWidth()) - m_metrics.labelArea;
    if (count == 1) return (left + right) / 2;
    return left + (right - left) * column / (count - 1);
}

qreal LadderLayout::minimumWidth() const
{
    return m_metrics.gutter + 2 * m_metrics.labelArea + qMax(0, actorCount() - 1) * m_metrics.minColumnGap;
}

qreal LadderLayout::horizontalScrollFor(int row, qreal current, qreal viewportWidth) const
{
    const qreal width = minimumWidth();
    const qreal maxScroll = qMax<qreal>(0, width - viewportWidth);
    if (row < 0 || row >= m_rows.size() || maxScroll <= 0) return qBound<qreal>(0, current, maxScroll);
    const LadderRow& r = m_rows[row];
    if (r.actor < 0) return qBound<qreal>(0, current, maxScroll); // step marks, gaps: no lane of their own
    qreal left = actorX(r.actor, width), right = left;
    if (r.type == LadderRow::Type::Arrow && r.toActor >= 0) {
        left = qMin(left, actorX(r.toActor, width));
        right = qMax(right, actorX(r.toActor, width));
    }
    const qreal room = m_metrics.labelArea; // the call labels beside an outer lifeline use all of it
    left = qMax<qreal>(0, left - room);
    right = qMin(width, right + room);
    qreal want = current;
    if (right - left > viewportWidth) want = (left + right - viewportWidth) / 2; // too wide: centre it
    else if (left < current) want = left;
    else if (right > current + viewportWidth) want = right - viewportWidth;
    return qBound<qreal>(0, want, maxScroll);
}

qreal LadderLayout::contentHeight() const
{
    return m_metrics.headerHeight + m_total * m_metrics.rowHeight * m_zoom;
}

int LadderLayout::lastRowAtOrBefore(int eventIndex) const
{
    const auto it = std::upper_bound(m_rowEvent.cbegin(), m_rowEvent.cend(), eventIndex);
    return int(it - m_rowEvent.cbegin()) - 1;
}

qreal LadderLayout::yOfEvent(int eventIndex) const
{
    const int row = lastRowAtOrBefore(eventIndex);
    return row < 0 ? m_metrics.headerHeight : rowTop(row);
}

QPair<int, int> LadderLayout::visibleRows(qreal top, qreal bottom) const
{
    if (m_rows.isEmpty()) return {0, -1};
    const qreal unit = m_metrics.rowHeight * m_zoom;
    const qreal uTop = (top - m_metrics.headerHeight) / unit;
    const qreal uBottom = (bottom - m_metrics.headerHeight) / unit;
    // First row whose bottom edge is below the band's top.
    auto first = std::partition_point(m_rows.cbegin(), m_rows.cend(),
                                      [uTop](const LadderRow& r) { return r.y + r.height <= uTop; });
    auto last = std::partition_point(m_rows.cbegin(), m_rows.cend(),
                                     [uBottom](const LadderRow& r) { return r.y < uBottom; });
    return {int(first - m_rows.cbegin()), int(last - m_rows.cbegin()) - 1};
}

} // namespace socklab
