#include "TimelineJson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace socklab {

namespace {

const char* kFormat = "socklab-timeline";
constexpr int kVersion = 1;

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
        if (d == double(qint64(d))) return qint64(d);
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
    for (const QJsonValue& s : j.value("order").toArray())
        o.order.append(s.toString());
    return o;
}

void packetToJson(const PacketData& p, QJsonObject& j, bool includeRaw)
{
    j.insert("from", p.fromActor);
    j.insert("to", p.toActor);
    j.insert("protocol", p.protocol);
    j.insert("ip_version", p.ipVersion);
    j.insert("src", p.srcAddr);
    j.insert("dst", p.dstAddr);
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
    if (!p.payload.isEmpty()) j.insert("payload_b64", QString::fromLatin1(p.payload.toBase64()));
    j.insert("wire_len", qint64(p.wireLen));
    if (includeRaw && !p.raw.isEmpty()) {
        j.insert("raw_b64", QString::fromLatin1(p.raw.toBase64()));
        j.insert("link_type", p.linkType);
    }
}

PacketData packetFromJson(const QJsonObject& j)
{
    PacketData p;
    p.fromActor = j.value("from").toString();
    p.toActor = j.value("to").toString();
    p.protocol = j.value("protocol").toString();
    p.ipVersion = j.value("ip_version").toInt(4);
    p.srcAddr = j.value("src").toString();
    p.dstAddr = j.value("dst").toString();
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
    return p;
}

QJsonValue nullable(qint64 v) { return v < 0 ? QJsonValue() : QJsonValue(v); }

} // namespace

QJsonObject eventToJson(const Event& e, bool includeRaw)
{
    QJsonObject j{{"t_us", e.tUs},
                  {"kind", kindName(e.kind)},
                  {"actor", e.actor},
                  {"source", provenanceName(e.provenance)}};
    if (auto c = e.call()) {
        j.insert("call", c->call);
        j.insert("socket", c->socket);
        j.insert("args", mapToJson(c->args));
        j.insert("step", c->step);
        j.insert("code_line", c->codeLine);
    } else if (auto r = e.ret()) {
        j.insert("call", r->call);
        j.insert("socket", r->socket);
        j.insert("result", r->result);
        j.insert("errno", r->errnoName.isEmpty() ? QJsonValue() : QJsonValue(r->errnoName));
        j.insert("blocked", r->blocked);
        j.insert("values", mapToJson(r->values));
        j.insert("step", r->step);
    } else if (auto p = e.packet()) {
        packetToJson(*p, j, includeRaw);
    } else if (auto s = e.state()) {
        j.insert("socket", s->socket);
        j.insert("state", s->state);
        j.insert("previous", s->previous);
        j.insert("local_port", s->localPort);
        j.insert("remote_port", s->remotePort);
        j.insert("cause", s->cause);
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
    }
    return j;
}

namespace {

bool eventFromJson(const QJsonObject& j, Event& e, QString& error)
{
    const auto kind = kindFromName(j.value("kind").toString());
    if (!kind) {
        error = QStringLiteral("unknown event kind \"%1\"").arg(j.value("kind").toString());
        return false;
    }
    if (!j.value("t_us").isDouble()) {
        error = QStringLiteral("event without a numeric t_us");
        return false;
    }
    e.tUs = j.value("t_us").toInteger();
    e.kind = *kind;
    e.actor = j.value("actor").toString();
    e.provenance = j.value("source").toString() == QLatin1String("derived") ? Provenance::Derived
                                                                           : Provenance::Kernel;
    switch (*kind) {
    case EventKind::Call:
        e.data = CallData{j.value("call").toString(), j.value("socket").toString(),
                          jsonToMap(j.value("args")), j.value("step").toInt(-1),
                          j.value("code_line").toInt(-1)};
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
                           uint16_t(j.value("remote_port").toInt()), j.value("cause").toString()};
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
    }
    return true;
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
    QJsonArray events;
    for (const Event& e : tl.events())
        events.append(eventToJson(e, opt.includeRaw));
    return QJsonObject{{"format", kFormat},
                       {"version", kVersion},
                       {"scenario", tl.scenarioId},
                       {"capture", tl.captureMode},
                       {"origin_epoch_us", tl.originEpochUs},
                       {"parameters", mapToJson(tl.parameters)},
                       {"actors", actors},
                       {"steps", steps},
                       {"events", events}};
}

TimelineLoadResult timelineFromJson(const QByteArray& json)
{
    TimelineLoadResult r;
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &perr);
    if (perr.error != QJsonParseError::NoError) {
        r.error = QStringLiteral("not JSON: %1 at byte %2").arg(perr.errorString()).arg(perr.offset);
        return r;
    }
    const QJsonObject root = doc.object();
    if (!doc.isObject() || !root.value("events").isArray()) {
        r.error = QStringLiteral("not a socklab session: no \"events\" list");
        return r;
    }
    if (root.contains("version") && root.value("version").toInt() > kVersion) {
        r.error = QStringLiteral("session format version %1 is newer than this socklab (%2)")
                      .arg(root.value("version").toInt())
                      .arg(kVersion);
        return r;
    }
    Timeline& tl = r.timeline;
    tl.scenarioId = root.value("scenario").toString();
    tl.captureMode = root.value("capture").toString();
    tl.originEpochUs = root.value("origin_epoch_us").toInteger();
    tl.parameters = jsonToMap(root.value("parameters"));
    for (const QJsonValue& a : root.value("actors").toArray()) {
        const QJsonObject o = a.toObject();
        tl.actors.append({o.value("name").toString(), o.value("role").toString(),
                          o.value("code").toString(), o.value("command").toString()});
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
    const QJsonArray arr = root.value("events").toArray();
    for (int i = 0; i < arr.size(); ++i) {
        if (!arr[i].isObject()) {
            r.error = QStringLiteral("event %1 is not an object").arg(i);
            return r;
        }
        Event e;
        QString err;
        if (!eventFromJson(arr[i].toObject(), e, err)) {
            r.error = QStringLiteral("event %1: %2").arg(i).arg(err);
            return r;
        }
        events.append(std::move(e));
    }
    tl.appendBatch(std::move(events));
    r.ok = true;
    return r;
}

bool saveTimeline(const Timeline& tl, const QString& path, QString* error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        if (error) *error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    f.write(QJsonDocument(timelineToJson(tl, {.includeRaw = true})).toJson(QJsonDocument::Compact));
    if (!f.commit()) {
        if (error) *error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

TimelineLoadResult loadTimeline(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        TimelineLoadResult r;
        r.error = QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
        return r;
    }
    // A session file of hundreds of MB is not one of ours: refuse before parsing.
    if (f.size() > 512LL * 1024 * 1024) {
        TimelineLoadResult r;
        r.error = QStringLiteral("%1 is too large to be a socklab session").arg(path);
        return r;
    }
    TimelineLoadResult r = timelineFromJson(f.readAll());
    if (!r.ok) r.error = QStringLiteral("%1: %2").arg(path, r.error);
    return r;
}

} // namespace socklab
