#include "TimelineJson.h"

#include "JsonScanner.h"
#include "StringPool.h"
#include "TimelineJsonWriter.h"

#include "OutputPath.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include "PacketDecoder.h"

#include <algorithm>
#include <cmath>
#include <cerrno>
#include <cstring>

namespace socklab {

namespace {

const char* kFormat = "socklab-timeline";
constexpr int kVersion = 1;
// A million-event session is ~300 MB; several GB is no session of ours.
constexpr qint64 kMaxSessionBytes = 2048LL * 1024 * 1024;

// Bytes in variant maps survive the trip as {"bytes_b64": "..."}.
QJsonValue variantToJson(const QVariant& v)
{
    if (v.typeId() == QMetaType::QByteArray)
        return QJsonObject{{"bytes_b64", QString::fromLatin1(v.toByteArray().toBase64())}};
    if (v.typeId() == QMetaType::QVariantMap) {
        QJsonObject o;
        const QVariantMap m = v.toMap();
        for (auto it = m.begin(); it != m.end(); ++it)
            o.insert(it.key(), variantToJson(it.value()));
        return o;
    }
    if (v.typeId() == QMetaType::QVariantList) {
        QJsonArray a;
        for (const QVariant& x : v.toList())
            a.append(variantToJson(x));
        return a;
    }
    return QJsonValue::fromVariant(v);
}

QVariant jsonToVariant(const QJsonValue& v)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        if (o.size() == 1 && o.contains("bytes_b64"))
            return QByteArray::fromBase64(o.value("bytes_b64").toString().toLatin1());
        QVariantMap m;
        for (auto it = o.begin(); it != o.end(); ++it)
            m.insert(it.key(), jsonToVariant(it.value()));
        return m;
    }
    if (v.isArray()) {
        QVariantList l;
        for (const QJsonValue& x : v.toArray())
            l.append(jsonToVariant(x));
        return l;
    }
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (std::fabs(d) < 9.0e15 && d == double(qint64(d))) return qint64(d); // cast only what fits
        return d;
    }
    return v.toVariant();
}

QJsonObject mapToJson(const QVariantMap& m) { return variantToJson(m).toObject(); }
QVariantMap jsonToMap(const QJsonValue& v) { return jsonToVariant(v).toMap(); }

QJsonObject optionsToJson(const TcpOptions& o)
{
    QJsonObject j;
    if (o.mss >= 0) j.insert("mss", o.mss);
    if (o.sackPermitted) j.insert("sackOK", true);
    if (o.hasTimestamps) {
        j.insert("ts_val", qint64(o.tsVal));
        j.insert("ts_ecr", qint64(o.tsEcr));
    }
    if (o.wscale >= 0) j.insert("wscale", o.wscale);
    if (!o.sackBlocks.isEmpty()) {
        QJsonArray blocks;
        for (const auto& b : o.sackBlocks)
            blocks.append(QJsonArray{qint64(b.first), qint64(b.second)});
        j.insert("sack", blocks);
    }
    if (!o.order.isEmpty()) j.insert("order", QJsonArray::fromStringList(o.order));
    return j;
}

TcpOptions optionsFromJson(const QJsonObject& j)
{
    TcpOptions o;
    o.mss = j.value("mss").toInt(-1);
    o.sackPermitted = j.value("sackOK").toBool();
    o.hasTimestamps = j.contains("ts_val");
    o.tsVal = uint32_t(j.value("ts_val").toInteger());
    o.tsEcr = uint32_t(j.value("ts_ecr").toInteger());
    o.wscale = j.value("wscale").toInt(-1);
    for (const QJsonValue& b : j.value("sack").toArray())
        o.sackBlocks.append({uint32_t(b.toArray().at(0).toInteger()),
                             uint32_t(b.toArray().at(1).toInteger())});
    QStringList order;
    for (const QJsonValue& s : j.value("order").toArray())
        order.append(s.toString());
    o.order = order;
    return o;
}

// raw: the frame's bytes a session file keeps (empty: none are written).
void packetToJson(const PacketData& p, QJsonObject& j, const QByteArray& raw, const QByteArray& payload)
{
    j.insert("from", p.fromActor.toString());
    j.insert("to", p.toActor.toString());
    j.insert("protocol", p.protocol.toString());
    j.insert("ip_version", p.ipVersion);
    j.insert("src", p.srcAddr.toString());
    j.insert("dst", p.dstAddr.toString());
    j.insert("src_port", p.srcPort);
    j.insert("dst_port", p.dstPort);
    j.insert("len", qint64(p.len));
    if (p.protocol == QLatin1String("tcp")) {
        j.insert("flags", QJsonArray::fromStringList(tcpFlagNames(p.flags)));
        j.insert("seq", qint64(p.seq));
        j.insert("ack", qint64(p.ack));
        j.insert("rel_seq", qint64(p.relSeq));
        j.insert("rel_ack", qint64(p.relAck));
        j.insert("win", p.win);
        j.insert("wscale", p.winScale);
        j.insert("window_bytes", qint64(p.scaledWindow()));
        j.insert("options", optionsToJson(p.options));
    }
    if (p.icmpType >= 0) {
        j.insert("icmp_type", p.icmpType);
        j.insert("icmp_code", p.icmpCode);
    }
    if (!payload.isEmpty()) j.insert("payload_b64", QString::fromLatin1(payload.toBase64()));
    j.insert("wire_len", qint64(p.wireLen));
    if (!p.wire.isEmpty()) j.insert("wire", p.wire.toString());
    if (!raw.isEmpty()) {
        j.insert("raw_b64", QString::fromLatin1(raw.toBase64()));
        j.insert("link_type", p.linkType);
        if (p.capLen > uint32_t(raw.size())) j.insert("cap_len", qint64(p.capLen));
    }
}

PacketData packetFromJson(const QJsonObject& j)
{
    PacketData p;
    p.fromActor = intern(j.value("from").toString());
    p.toActor = intern(j.value("to").toString());
    p.protocol = intern(j.value("protocol").toString());
    p.ipVersion = j.value("ip_version").toInt(4);
    p.srcAddr = intern(j.value("src").toString());
    p.dstAddr = intern(j.value("dst").toString());
    p.srcPort = uint16_t(j.value("src_port").toInt());
    p.dstPort = uint16_t(j.value("dst_port").toInt());
    p.len = uint32_t(j.value("len").toInteger());
    QStringList flags;
    for (const QJsonValue& f : j.value("flags").toArray())
        flags << f.toString();
    p.flags = tcpFlagsFromNames(flags);
    p.seq = uint32_t(j.value("seq").toInteger());
    p.ack = uint32_t(j.value("ack").toInteger());
    p.relSeq = uint32_t(j.value("rel_seq").toInteger());
    p.relAck = uint32_t(j.value("rel_ack").toInteger());
    p.win = uint16_t(j.value("win").toInt());
    p.winScale = j.value("wscale").toInt(-1);
    p.options = optionsFromJson(j.value("options").toObject());
    p.icmpType = j.value("icmp_type").toInt(-1);
    p.icmpCode = j.value("icmp_code").toInt(-1);
    p.payload = QByteArray::fromBase64(j.value("payload_b64").toString().toLatin1());
    p.wireLen = uint32_t(j.value("wire_len").toInteger());
    p.raw = QByteArray::fromBase64(j.value("raw_b64").toString().toLatin1());
    p.linkType = j.value("link_type").toInt(1);
    p.capLen = uint32_t(std::max<qint64>(j.value("cap_len").toInteger(), p.raw.size()));
    p.wire = j.value("wire").toString();
    return p;
}

// The first opt.payloadLimit payload bytes (all for -1), from the frame
// store when memory kept fewer than that.
QByteArray payloadFor(const PacketData& p, const Timeline& tl, const TimelineJsonOptions& opt)
{
    const qsizetype want = opt.payloadLimit < 0 ? qsizetype(p.len) : std::min<qsizetype>(opt.payloadLimit, p.len);
    if (p.payload.size() >= want || !opt.readBack || p.capLen <= uint32_t(p.raw.size()))
        return p.payload.first(std::min(want, p.payload.size()));
    const QByteArray whole = tl.fullFrame(p);
    if (whole.size() <= p.raw.size()) return p.payload.first(std::min(want, p.payload.size()));
    const DecodedPacket d = decodePacket(p.linkType, QByteArrayView(whole), p.wireLen);
    if (!d.ok) return p.payload.first(std::min(want, p.payload.size()));
    return d.data.payload.first(std::min(want, d.data.payload.size()));
}

QJsonValue nullable(qint64 v) { return v < 0 ? QJsonValue() : QJsonValue(v); }

// A value from the file quoted in an error: the error stays one short line
// whatever the file holds (fuzzing found a "format" with a newline in it).
QString quoted(const QString& text)
{
    QString out;
    for (const QChar c : text.left(60))
        out += c.isPrint() ? c : QChar('?');
    if (text.size() > 60) out += QStringLiteral("…");
    return out;
}

} // namespace

QJsonObject eventToJson(const Event& e, bool includeRaw)
{
    static const Timeline none;
    return eventToJson(e, none, {.includeRaw = includeRaw, .payloadLimit = -1, .readBack = false});
}

QJsonObject eventToJson(const Event& e, const Timeline& tl, const TimelineJsonOptions& opt)
{
    const bool includeRaw = opt.includeRaw;
    QJsonObject j{{"t_us", e.tUs},
                  {"kind", kindName(e.kind)},
                  {"actor", e.actor.toString()},
                  {"source", provenanceName(e.provenance)}};
    if (auto c = e.call()) {
        j.insert("call", c->call);
        j.insert("socket", c->socket);
        j.insert("args", mapToJson(c->args));
        j.insert("step", c->step);
        j.insert("code_line", c->codeLine);
        if (!c->codeFile.isEmpty()) j.insert("code_file", c->codeFile);
    } else if (auto r = e.ret()) {
        j.insert("call", r->call);
        j.insert("socket", r->socket);
        j.insert("result", r->result);
        j.insert("errno", r->errnoName.isEmpty() ? QJsonValue() : QJsonValue(r->errnoName));
        j.insert("blocked", r->blocked);
        j.insert("values", mapToJson(r->values));
        j.insert("step", r->step);
    } else if (auto p = e.packet()) {
        // Memory may hold none of a captured frame (it is in the frame store).
        packetToJson(*p, j, includeRaw ? tl.frameHead(*p, std::max<qsizetype>(kFrameHeadBytes, p->raw.size())) : QByteArray(),
                     payloadFor(*p, tl, opt));
    } else if (auto s = e.state()) {
        j.insert("socket", s->socket);
        j.insert("state", s->state);
        j.insert("previous", s->previous);
        j.insert("local_port", s->localPort);
        j.insert("remote_port", s->remotePort);
        j.insert("cause", s->cause);
        if (s->uncertain) j.insert("uncertain", true);
    } else if (auto q = e.queue()) {
        j.insert("socket", q->socket);
        j.insert("inq", nullable(q->inq));
        j.insert("outq", nullable(q->outq));
        j.insert("outq_nsd", nullable(q->outqNsd));
        j.insert("sndbuf", nullable(q->sndbuf));
        j.insert("rcvbuf", nullable(q->rcvbuf));
        j.insert("accept_queue", nullable(q->acceptQueue));
        j.insert("backlog", nullable(q->backlog));
        j.insert("local_port", q->localPort);
    } else if (auto t = e.timer()) {
        j.insert("socket", t->socket);
        j.insert("timer", t->timer);
        j.insert("expires_ms", t->expiresMs);
        j.insert("retransmits", t->retransmits);
        j.insert("local_port", t->localPort);
        j.insert("remote_port", t->remotePort);
    } else if (auto n = e.note()) {
        j.insert("code", n->code);
        j.insert("args", mapToJson(n->args));
    } else if (auto w = e.wire()) {
        j.insert("action", w->action);
        j.insert("reason", w->reason);
        j.insert("direction", w->direction);
        j.insert("packet_id", w->packetId);
        j.insert("delay_us", w->delayUs);
        j.insert("rule", w->rule);
        QJsonObject packet;
        packetToJson(w->packet, packet, includeRaw ? w->packet.raw : QByteArray(), w->packet.payload);
        j.insert("packet", packet);
    }
    return j;
}

namespace {

bool eventFromJson(const QJsonObject& j, Event& e, QString& error)
{
    const auto kind = kindFromName(j.value("kind").toString());
    if (!kind) {
        error = QStringLiteral("unknown event kind \"%1\"").arg(quoted(j.value("kind").toString()));
        return false;
    }
    if (!j.value("t_us").isDouble()) {
        error = QStringLiteral("event without a numeric t_us");
        return false;
    }
    e.tUs = j.value("t_us").toInteger();
    e.kind = *kind;
    e.actor = intern(j.value("actor").toString());
    const QString source = j.value("source").toString();
    e.provenance = source == QLatin1String("derived") ? Provenance::Derived
        : source == QLatin1String("wire")             ? Provenance::Wire
                                                      : Provenance::Kernel;
    switch (*kind) {
    case EventKind::Call:
        e.data = CallData{j.value("call").toString(), j.value("socket").toString(),
                          jsonToMap(j.value("args")), j.value("step").toInt(-1),
                          j.value("code_line").toInt(-1), j.value("code_file").toString()};
        break;
    case EventKind::Return:
        e.data = ReturnData{j.value("call").toString(), j.value("socket").toString(),
                            j.value("result").toInteger(), j.value("errno").toString(),
                            jsonToMap(j.value("values")), j.value("blocked").toBool(),
                            j.value("step").toInt(-1)};
        break;
    case EventKind::Segment:
    case EventKind::Datagram:
        e.data = packetFromJson(j);
        break;
    case EventKind::State:
        e.data = StateData{j.value("socket").toString(), j.value("state").toString(),
                           j.value("previous").toString(), uint16_t(j.value("local_port").toInt()),
                           uint16_t(j.value("remote_port").toInt()), j.value("cause").toString(),
                           j.value("uncertain").toBool()};
        break;
    case EventKind::Queue: {
        QueueData q;
        q.socket = j.value("socket").toString();
        q.inq = j.value("inq").toInteger(-1);
        q.outq = j.value("outq").toInteger(-1);
        q.outqNsd = j.value("outq_nsd").toInteger(-1);
        q.sndbuf = j.value("sndbuf").toInteger(-1);
        q.rcvbuf = j.value("rcvbuf").toInteger(-1);
        q.acceptQueue = j.value("accept_queue").toInteger(-1);
        q.backlog = j.value("backlog").toInteger(-1);
        q.localPort = uint16_t(j.value("local_port").toInt());
        e.data = q;
        break;
    }
    case EventKind::Timer:
        e.data = TimerData{j.value("socket").toString(), j.value("timer").toString(),
                           j.value("expires_ms").toInteger(), j.value("retransmits").toInt(),
                           uint16_t(j.value("local_port").toInt()),
                           uint16_t(j.value("remote_port").toInt())};
        break;
    case EventKind::Note:
        e.data = NoteData{j.value("code").toString(), jsonToMap(j.value("args"))};
        break;
    case EventKind::Wire:
        e.data = WireData{j.value("action").toString(), j.value("reason").toString(), j.value("direction").toString(),
                          j.value("packet_id").toInteger(), j.value("delay_us").toInteger(), j.value("rule").toInt(-1),
                          packetFromJson(j.value("packet").toObject())};
        break;
    }
    return true;
}

} // namespace

namespace {
// Always present: 0 dropped says nothing was lost, not that nobody looked.
QJsonObject captureStatsToJson(const CaptureStats& s)
{
    QJsonObject o{{"captured", qint64(s.captured)}, {"dropped", qint64(s.dropped)}};
    if (!s.error.isEmpty()) o.insert("error", s.error);
    if (s.notInFile > 0) o.insert("not_in_file", qint64(s.notInFile));
    return o;
}
} // namespace

QJsonObject timelineToJson(const Timeline& tl, TimelineJsonOptions opt)
{
    QJsonArray actors;
    for (const ActorInfo& a : tl.actors)
        actors.append(QJsonObject{{"name", a.name},
                                  {"role", a.role},
                                  {"code", a.codeFile},
                                  {"command", a.command}});
    QJsonArray steps;
    for (const StepRecord& s : tl.steps)
        steps.append(QJsonObject{{"index", s.index},
                                 {"actor", s.actor},
                                 {"call", s.call},
                                 {"socket", s.socket},
                                 {"caption", s.captionId},
                                 {"code_line", s.codeLine},
                                 {"t_start_us", s.tStartUs},
                                 {"t_end_us", s.tEndUs},
                                 {"values", mapToJson(s.values)}});
    QJsonArray programs;
    for (const ProgramSource& p : tl.programs)
        programs.append(QJsonObject{{"actor", p.actor}, {"code_file", p.codeFile}, {"source", p.source}});
    QJsonArray events;
    if (opt.withEvents)
        for (const Event& e : tl.events())
            events.append(eventToJson(e, tl, opt));
    return QJsonObject{{"format", kFormat},
                       {"programs", programs},
                       {"capture_stats", captureStatsToJson(tl.captureStats)},
                       {"version", kVersion},
                       {"scenario", tl.scenarioId},
                       {"capture", tl.captureMode},
                       {"origin_epoch_us", tl.originEpochUs},
                       {"parameters", mapToJson(tl.parameters)},
                       {"actors", actors},
                       {"steps", steps},
                       {"events", events}};
}

namespace {

// One value of the document parsed on its own; its errors say where in the
// whole document they are.
bool parseValue(QByteArrayView slice, qsizetype at, QJsonValue* out, QString* error)
{
    QJsonParseError perr;
    if (slice.startsWith('{') || slice.startsWith('[')) {
        const QJsonDocument d = QJsonDocument::fromJson(QByteArray::fromRawData(slice.data(), slice.size()), &perr);
        if (perr.error == QJsonParseError::NoError) {
            *out = d.isObject() ? QJsonValue(d.object()) : QJsonValue(d.array());
            return true;
        }
    } else { // a scalar: parsed as the one element of an array
        const QJsonDocument d = QJsonDocument::fromJson("[" + slice.toByteArray() + "]", &perr);
        if (perr.error == QJsonParseError::NoError) {
            *out = d.array().at(0);
            return true;
        }
        perr.offset = qMax(0, perr.offset - 1);
    }
    *error = QStringLiteral("not JSON: %1 at byte %2").arg(perr.errorString()).arg(at + perr.offset);
    return false;
}

} // namespace

// Streamed: the top-level object is walked by JsonScanner, each member but
// "events" parsed on its own, and the events one at a time, so a session of a
// million events never is one QJsonDocument (several times the file) in memory.
TimelineLoadResult timelineFromJson(const QByteArray& json)
{
    TimelineLoadResult r;
    JsonScanner scan(json);
    if (scan.peek() != '{') {
        // Not an object: whatever it is, the one-document parser says what is wrong with it.
        QJsonParseError perr;
        QJsonDocument::fromJson(json, &perr);
        r.error = perr.error != QJsonParseError::NoError
            ? QStringLiteral("not JSON: %1 at byte %2").arg(perr.errorString()).arg(perr.offset)
            : QStringLiteral("not a socklab session: no \"events\" list");
        return r;
    }
    auto notJson = [&] {
        r.error = QStringLiteral("not JSON: %1").arg(scan.error());
        return r;
    };
    QJsonObject root;
    QList<QByteArrayView> eventTexts; // each event's bytes, in order
    QList<qsizetype> eventAt;         // and where they start
    bool hasEvents = false;
    scan.take('{');
    if (!scan.take('}')) {
        for (;;) {
            QByteArrayView keyToken;
            if (!scan.string(&keyToken)) return notJson();
            if (!scan.take(':')) {
                scan.fail(QStringLiteral("':' expected"));
                return notJson();
            }
            QString key;
            if (!jsonStringText(keyToken, &key)) {
                r.error = QStringLiteral("not JSON: a key that is no valid string before byte %1").arg(scan.pos());
                return r;
            }
            if (key == QLatin1String("events") && scan.peek() == '[') {
                hasEvents = true;
                eventTexts.clear();
                eventAt.clear();
                scan.take('[');
                if (!scan.take(']')) {
                    for (;;) {
                        QByteArrayView ev;
                        scan.peek();
                        const qsizetype at = scan.pos();
                        if (!scan.value(&ev)) return notJson();
                        eventTexts.append(ev);
                        eventAt.append(at);
                        if (scan.take(',')) continue;
                        if (scan.take(']')) break;
                        scan.fail(QStringLiteral("',' or ']' expected"));
                        return notJson();
                    }
                }
            } else {
                QByteArrayView v;
                scan.peek();
                const qsizetype at = scan.pos();
                if (!scan.value(&v)) return notJson();
                QJsonValue parsed;
                if (!parseValue(v, at, &parsed, &r.error)) return r;
                if (key == QLatin1String("events")) hasEvents = false;
                root.insert(key, parsed);
            }
            if (scan.take(',')) continue;
            if (scan.take('}')) break;
            scan.fail(QStringLiteral("',' or '}' expected"));
            return notJson();
        }
    }
    if (!scan.atEnd()) {
        scan.fail(QStringLiteral("garbage at the end of the document"));
        return notJson();
    }
    if (!hasEvents) {
        r.error = QStringLiteral("not a socklab session: no \"events\" list");
        return r;
    }
    if (root.contains("format") && root.value("format").toString() != QLatin1String(kFormat)) {
        r.error = QStringLiteral("not a socklab session: its format is \"%1\", not \"%2\"")
                      .arg(quoted(root.value("format").toVariant().toString()), QLatin1String(kFormat));
        return r;
    }
    // A file without a version is the --json output of the first socklab: version 1.
    if (root.contains("version")) {
        const QJsonValue v = root.value("version");
        const double d = v.toDouble(-1);
        if (!v.isDouble() || !(std::fabs(d) < 9.0e15) || d != double(qint64(d))) { // cast only what fits
            r.error = QStringLiteral("the session format version is not a whole number");
            return r;
        }
        if (d > kVersion) {
            r.error = QStringLiteral("session format version %1 is newer than this socklab reads (%2): "
                                     "open it with a newer socklab")
                          .arg(qint64(d))
                          .arg(kVersion);
            return r;
        }
        if (d < 1) {
            r.error = QStringLiteral("session format version %1 is not one socklab ever wrote (1 to %2)")
                          .arg(qint64(d))
                          .arg(kVersion);
            return r;
        }
    }
    r.cli = root.value("cli").toObject();
    Timeline& tl = r.timeline;
    tl.scenarioId = root.value("scenario").toString();
    tl.captureMode = root.value("capture").toString();
    tl.originEpochUs = root.value("origin_epoch_us").toInteger();
    tl.parameters = jsonToMap(root.value("parameters"));
    const QJsonObject stats = root.value("capture_stats").toObject();
    tl.captureStats.captured = quint64(std::max<qint64>(0, stats.value("captured").toInteger()));
    tl.captureStats.dropped = quint64(std::max<qint64>(0, stats.value("dropped").toInteger()));
    tl.captureStats.error = stats.value("error").toString();
    tl.captureStats.notInFile = quint64(std::max<qint64>(0, stats.value("not_in_file").toInteger()));
    for (const QJsonValue& a : root.value("actors").toArray()) {
        const QJsonObject o = a.toObject();
        tl.actors.append({o.value("name").toString(), o.value("role").toString(),
                          o.value("code").toString(), o.value("command").toString()});
    }
    for (const QJsonValue& p : root.value("programs").toArray()) {
        const QJsonObject o = p.toObject();
        tl.programs.append({o.value("actor").toString(), o.value("code_file").toString(), o.value("source").toString()});
    }
    for (const QJsonValue& s : root.value("steps").toArray()) {
        const QJsonObject o = s.toObject();
        tl.steps.append({o.value("index").toInt(), o.value("actor").toString(),
                         o.value("call").toString(), o.value("socket").toString(),
                         o.value("caption").toString(), o.value("code_line").toInt(-1),
                         o.value("t_start_us").toInteger(), o.value("t_end_us").toInteger(),
                         jsonToMap(o.value("values"))});
    }
    QList<Event> events;
    events.reserve(eventTexts.size()); // exactly: no growth slack in a reopened session
    for (qsizetype i = 0; i < eventTexts.size(); ++i) {
        QJsonValue v;
        if (!parseValue(eventTexts[i], eventAt[i], &v, &r.error)) return r;
        if (!v.isObject()) {
            r.error = QStringLiteral("event %1 is not an object").arg(i);
            return r;
        }
        Event e;
        QString err;
        if (!eventFromJson(v.toObject(), e, err)) {
            r.error = QStringLiteral("event %1: %2").arg(i).arg(err);
            return r;
        }
        events.append(std::move(e));
    }
    eventTexts = {};
    eventAt = {};
    tl.appendBatch(std::move(events));
    r.ok = true;
    return r;
}

int sessionFormatVersion() { return kVersion; }

bool saveTimeline(const Timeline& tl, const QString& path, QString* error, const QJsonObject& cli)
{
    auto fail = [&](const QString& why) {
        if (error) *error = QStringLiteral("cannot write %1: %2").arg(path, why);
        return false;
    };
    // QSaveFile would replace a FIFO or a device by a regular file (or write
    // into it directly): neither is what was asked for.
    if (const QString problem = outputPathProblem(path); !problem.isEmpty()) return fail(problem);
    QSaveFile f(path);
    // Unbuffered: a full disk shows as the write's own error (ENOSPC), not as
    // an "Unknown error" from a later flush.
    if (!f.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) return fail(f.errorString());
    // Streamed event by event: a million-event session is never one document in memory.
    QJsonObject extra;
    if (!cli.isEmpty()) extra.insert("cli", cli);
    errno = 0;
    int err = 0;
    const bool written = writeTimelineJson(
        tl, {.includeRaw = true, .payloadLimit = -1, .readBack = false}, extra, QJsonDocument::Compact,
        [&](QByteArrayView b) {
            if (f.write(b.data(), b.size()) == b.size()) return true;
            err = errno;
            return false;
        });
    if (!written) {
        // A short write (a full disk) is not an error to QSaveFile: the errno
        // of the write that failed says what happened.
        const QString why = err ? QString::fromLocal8Bit(std::strerror(err)) : f.errorString();
        f.cancelWriting();
        return fail(why);
    }
    if (!f.commit()) return fail(f.errorString()); // nothing is left: the temporary file is removed
    return true;
}

TimelineLoadResult loadTimeline(const QString& path)
{
    // Opening a FIFO would wait for a writer forever; a directory is no session.
    if (const QFileInfo info(path); info.exists() && !info.isFile()) {
        TimelineLoadResult r;
        r.error = QStringLiteral("cannot read %1: %2")
                      .arg(path, info.isDir() ? QStringLiteral("it is a directory") : QStringLiteral("not a regular file"));
        return r;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        TimelineLoadResult r;
        r.error = QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
        return r;
    }
    // Read whole (once: the events are then parsed one at a time), but a file
    // of several GB is not one of ours: refuse it before reading.
    if (f.size() > kMaxSessionBytes) {
        TimelineLoadResult r;
        r.error = QStringLiteral("%1 is too large to be a socklab session (%2 MB, at most %3 MB)")
                      .arg(path)
                      .arg(f.size() >> 20)
                      .arg(kMaxSessionBytes >> 20);
        return r;
    }
    const QByteArray bytes = f.read(kMaxSessionBytes + 1);
    if (f.error() != QFileDevice::NoError) {
        TimelineLoadResult r;
        r.error = QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
        return r;
    }
    TimelineLoadResult r = timelineFromJson(bytes);
    if (!r.ok) r.error = QStringLiteral("%1: %2").arg(path, r.error);
    return r;
}

} // namespace socklab
