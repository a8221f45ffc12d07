#include "TimelineJson.h"

#include "JsonObjectView.h"
#include "JsonScanner.h"
#include "JsonText.h"
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
#include <thread>
#include <vector>

namespace socklab {

namespace {

const char* kFormat = "socklab-timeline";
constexpr int kVersion = 1;
// A million-event session is ~300 MB; several GB is no session of ours.
constexpr qint64 kMaxSessionBytes = 2048LL * 1024 * 1024;

QJsonObject mapToJson(const QVariantMap& m) { return variantToJson(m).toObject(); }
QVariantMap jsonToMap(const QJsonValue& v) { return jsonToVariant(v).toMap(); }
QVariantMap jsonToMap(const JsonValueView& v) { return jsonToVariant(v).toMap(); }

// The i-th element of an array, undefined past its end (as QJsonArray::at).
JsonValueView elementAt(const QList<JsonValueView>& a, qsizetype i) { return i < a.size() ? a.at(i) : JsonValueView(); }

// The members of a QJsonObject as JsonTextObject writes them, so that one
// function of each lists a session's fields for both (eventToJson's object,
// the session writer's text).
class ObjectSink final {
public:
    explicit ObjectSink(QJsonObject& j) : m_j(j) {}
    void integer(const char* key, qint64 v) { m_j.insert(QLatin1String(key), v); }
    void boolean(const char* key, bool v) { m_j.insert(QLatin1String(key), v); }
    void null(const char* key) { m_j.insert(QLatin1String(key), QJsonValue()); }
    void string(const char* key, const QString& s) { m_j.insert(QLatin1String(key), s); }
    void ascii(const char* key, QByteArrayView text) { m_j.insert(QLatin1String(key), QString::fromLatin1(text)); }
    void strings(const char* key, const QStringList& l) { m_j.insert(QLatin1String(key), QJsonArray::fromStringList(l)); }
    void map(const char* key, const QVariantMap& m) { m_j.insert(QLatin1String(key), mapToJson(m)); }
    template<class Fill> void object(const char* key, Fill fill)
    {
        QJsonObject sub;
        ObjectSink s(sub);
        fill(s);
        m_j.insert(QLatin1String(key), sub);
    }
    template<class Pairs> void pairs(const char* key, const Pairs& list)
    {
        QJsonArray a;
        for (const auto& p : list)
            a.append(QJsonArray{qint64(p.first), qint64(p.second)});
        m_j.insert(QLatin1String(key), a);
    }

private:
    QJsonObject& m_j;
};

template<class Sink> void writeOptions(const TcpOptions& o, Sink& j)
{
    if (o.mss >= 0) j.integer("mss", o.mss);
    if (o.sackPermitted) j.boolean("sackOK", true);
    if (o.hasTimestamps) {
        j.integer("ts_val", qint64(o.tsVal));
        j.integer("ts_ecr", qint64(o.tsEcr));
    }
    if (o.wscale >= 0) j.integer("wscale", o.wscale);
    if (!o.sackBlocks.isEmpty()) j.pairs("sack", o.sackBlocks);
    if (!o.order.isEmpty()) j.strings("order", o.order);
}

TcpOptions optionsFromJson(const JsonObjectView& j)
{
    TcpOptions o;
    o.mss = j.value("mss").toInt(-1);
    o.sackPermitted = j.value("sackOK").toBool();
    o.hasTimestamps = j.contains("ts_val");
    o.tsVal = uint32_t(j.value("ts_val").toInteger());
    o.tsEcr = uint32_t(j.value("ts_ecr").toInteger());
    o.wscale = j.value("wscale").toInt(-1);
    for (const JsonValueView& b : j.value("sack").toArray()) {
        const QList<JsonValueView> pair = b.toArray();
        o.sackBlocks.append({uint32_t(elementAt(pair, 0).toInteger()), uint32_t(elementAt(pair, 1).toInteger())});
    }
    QStringList order;
    for (const JsonValueView& s : j.value("order").toArray())
        order.append(s.toString());
    o.order = order;
    return o;
}

// raw: the frame's bytes a session file keeps (empty: none are written).
template<class Sink> void writePacket(const PacketData& p, Sink& j, const QByteArray& raw, const QByteArray& payload)
{
    j.string("from", p.fromActor.toString());
    j.string("to", p.toActor.toString());
    j.string("protocol", p.protocol.toString());
    j.integer("ip_version", p.ipVersion);
    j.string("src", p.srcAddr.toString());
    j.string("dst", p.dstAddr.toString());
    j.integer("src_port", p.srcPort);
    j.integer("dst_port", p.dstPort);
    j.integer("len", qint64(p.len));
    if (p.protocol == QLatin1String("tcp")) {
        j.strings("flags", tcpFlagNames(p.flags));
        j.integer("seq", qint64(p.seq));
        j.integer("ack", qint64(p.ack));
        j.integer("rel_seq", qint64(p.relSeq));
        j.integer("rel_ack", qint64(p.relAck));
        j.integer("win", p.win);
        j.integer("wscale", p.winScale);
        j.integer("window_bytes", qint64(p.scaledWindow()));
        j.object("options", [&](Sink& o) { writeOptions(p.options, o); });
    }
    if (p.icmpType >= 0) {
        j.integer("icmp_type", p.icmpType);
        j.integer("icmp_code", p.icmpCode);
    }
    if (!payload.isEmpty()) j.ascii("payload_b64", payload.toBase64());
    j.integer("wire_len", qint64(p.wireLen));
    if (!p.wire.isEmpty()) j.string("wire", p.wire.toString());
    if (!raw.isEmpty()) {
        j.ascii("raw_b64", raw.toBase64());
        j.integer("link_type", p.linkType);
        if (p.capLen > uint32_t(raw.size())) j.integer("cap_len", qint64(p.capLen));
    }
}

PacketData packetFromJson(const JsonObjectView& j)
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
    for (const JsonValueView& f : j.value("flags").toArray())
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
    // The payload's bytes are in the frame's: seen through it, as the capture
    // keeps them, not a second heap block per reopened segment.
    if (const qsizetype at = p.payload.isEmpty() ? -1 : p.raw.indexOf(p.payload); at >= 0)
        p.payload = sharedSlice(p.raw, at, p.payload.size());
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

template<class Sink> void nullable(Sink& j, const char* key, qint64 v)
{
    if (v < 0) j.null(key);
    else j.integer(key, v);
}

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

namespace {

template<class Sink> void writeEvent(const Event& e, const Timeline& tl, const TimelineJsonOptions& opt, Sink& j)
{
    const bool includeRaw = opt.includeRaw;
    j.integer("t_us", e.tUs);
    j.string("kind", kindName(e.kind));
    j.string("actor", e.actor.toString());
    j.string("source", provenanceName(e.provenance));
    if (auto c = e.call()) {
        j.string("call", c->call);
        j.string("socket", c->socket);
        j.map("args", c->args);
        j.integer("step", c->step);
        j.integer("code_line", c->codeLine);
        if (!c->codeFile.isEmpty()) j.string("code_file", c->codeFile);
    } else if (auto r = e.ret()) {
        j.string("call", r->call);
        j.string("socket", r->socket);
        j.integer("result", r->result);
        if (r->errnoName.isEmpty()) j.null("errno");
        else j.string("errno", r->errnoName);
        j.boolean("blocked", r->blocked);
        j.map("values", r->values);
        j.integer("step", r->step);
    } else if (auto p = e.packet()) {
        // Memory may hold none of a captured frame (it is in the frame store).
        writePacket(*p, j, includeRaw ? tl.frameHead(*p, std::max<qsizetype>(kFrameHeadBytes, p->raw.size())) : QByteArray(),
                    payloadFor(*p, tl, opt));
        if (e.wireDelayUs > 0) j.integer("wire_delay_us", qint64(e.wireDelayUs)); // what socklab's wire did to it
    } else if (auto s = e.state()) {
        j.string("socket", s->socket);
        j.string("state", s->state);
        j.string("previous", s->previous);
        j.integer("local_port", s->localPort);
        j.integer("remote_port", s->remotePort);
        j.string("cause", s->cause);
        if (s->uncertain) j.boolean("uncertain", true);
    } else if (auto q = e.queue()) {
        j.string("socket", q->socket);
        nullable(j, "inq", q->inq);
        nullable(j, "outq", q->outq);
        nullable(j, "outq_nsd", q->outqNsd);
        nullable(j, "sndbuf", q->sndbuf);
        nullable(j, "rcvbuf", q->rcvbuf);
        nullable(j, "accept_queue", q->acceptQueue);
        nullable(j, "backlog", q->backlog);
        j.integer("local_port", q->localPort);
    } else if (auto t = e.timer()) {
        j.string("socket", t->socket);
        j.string("timer", t->timer);
        j.integer("expires_ms", t->expiresMs);
        j.integer("retransmits", t->retransmits);
        j.integer("local_port", t->localPort);
        j.integer("remote_port", t->remotePort);
    } else if (auto n = e.note()) {
        j.string("code", n->code);
        j.map("args", n->args);
    } else if (auto w = e.wire()) {
        j.string("action", w->action);
        j.string("reason", w->reason);
        j.string("direction", w->direction);
        j.integer("packet_id", w->packetId);
        j.integer("delay_us", w->delayUs);
        j.integer("rule", w->rule);
        j.object("packet", [&](Sink& packet) {
            writePacket(w->packet, packet, includeRaw ? w->packet.raw : QByteArray(), w->packet.payload);
        });
    }
}

} // namespace

QJsonObject eventToJson(const Event& e, const Timeline& tl, const TimelineJsonOptions& opt)
{
    QJsonObject j;
    ObjectSink sink(j);
    writeEvent(e, tl, opt, sink);
    return j;
}

void appendEventJsonText(QByteArray& out, const Event& e, const Timeline& tl, const TimelineJsonOptions& opt)
{
    JsonTextObject j;
    writeEvent(e, tl, opt, j);
    j.appendTo(out);
}

namespace {

bool eventFromJson(const JsonObjectView& j, Event& e, QString& error)
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
        e.wireDelayUs = uint32_t(std::clamp<qint64>(j.value("wire_delay_us").toInteger(), 0, UINT32_MAX));
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
    // Each event is parsed on its own: on all cores (a million take seconds on
    // one), each thread a run of them, stopping at its first bad one; the
    // first bad event of the file is then the first of those.
    const qsizetype n = eventTexts.size();
    QList<Event> events(n); // exactly: no growth slack in a reopened session
    const int threads = n < 20000 ? 1 : std::clamp(int(std::thread::hardware_concurrency()), 1, 8);
    QList<qsizetype> firstBad(threads, n);
    QList<QString> badWhy(threads);
    auto parseRun = [&](int t) {
        for (qsizetype i = n * t / threads, end = n * (t + 1) / threads; i < end; ++i) {
            // Read from its text: no QJsonDocument, no QJsonObject (most of the time it took).
            JsonObjectView view;
            QString err;
            if (!eventTexts[i].startsWith('{')) {
                QString what;
                if (checkJsonValue(eventTexts[i], &what, eventAt[i])) err = QStringLiteral("event %1 is not an object").arg(i);
                else err = QStringLiteral("not JSON: %1").arg(what);
            } else if (!view.parse(eventTexts[i], eventAt[i], &err)) {
                err = QStringLiteral("not JSON: %1").arg(err);
            } else if (!eventFromJson(view, events[i], err)) {
                err = QStringLiteral("event %1: %2").arg(i).arg(err);
            } else {
                continue;
            }
            firstBad[t] = i;
            badWhy[t] = err;
            return;
        }
    };
    {
        std::vector<std::thread> workers;
        for (int t = 1; t < threads; ++t)
            workers.emplace_back(parseRun, t);
        parseRun(0);
        for (std::thread& w : workers)
            w.join();
    }
    for (int t = 0; t < threads; ++t)
        if (firstBad[t] < n) {
            r.error = badWhy[t];
            return r;
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
