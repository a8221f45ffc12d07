#include "TimelineJsonWriter.h"

#include <QJsonArray>

namespace socklab {

namespace {

// Stands for the events array in the serialised root; a JSON string cannot
// hold the unescaped quotes around it, so only the real member matches.
constexpr char kHole[] = "\x01socklab-events\x01";

// Indented: every line of a top-level document, shifted by `indent` spaces
// (an element of an array two levels deep), without its final newline.
void appendShifted(QByteArray& out, const QByteArray& doc, int indent)
{
    const QByteArray pad(indent, ' ');
    qsizetype start = 0;
    const qsizetype end = doc.endsWith('\n') ? doc.size() - 1 : doc.size();
    while (start < end) {
        qsizetype nl = doc.indexOf('\n', start);
        if (nl < 0 || nl > end) nl = end;
        out += pad;
        out += QByteArrayView(doc).sliced(start, nl - start);
        if (nl < end) out += '\n';
        start = nl + 1;
    }
}

} // namespace

bool writeTimelineJson(const Timeline& tl, const TimelineJsonOptions& opt, const QJsonObject& extra,
                       QJsonDocument::JsonFormat format, const JsonSink& write)
{
    TimelineJsonOptions headerOpt = opt;
    headerOpt.withEvents = false;
    QJsonObject root = timelineToJson(tl, headerOpt);
    for (auto it = extra.begin(); it != extra.end(); ++it)
        root.insert(it.key(), it.value());
    root.insert("events", QString::fromLatin1(kHole));
    const bool compact = format == QJsonDocument::Compact;
    const QByteArray whole = QJsonDocument(root).toJson(format);
    // The events member as the writer wrote it (it escapes the control characters).
    const QByteArray quotedHole =
        QJsonDocument(QJsonArray{QString::fromLatin1(kHole)}).toJson(QJsonDocument::Compact).sliced(1).chopped(1);
    const QByteArray prefix = compact ? QByteArray("\"events\":") : QByteArray("\n    \"events\": ");
    const qsizetype at = whole.indexOf(prefix + quotedHole);
    if (at < 0) return false; // cannot happen: the root has its events member
    const qsizetype valueAt = at + prefix.size();
    if (!write(QByteArrayView(whole).first(valueAt))) return false;

    const QList<Event>& events = tl.events();
    QByteArray chunk = compact ? QByteArray("[") : QByteArray("[\n");
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (compact) {
            if (i > 0) chunk += ',';
            appendEventJsonText(chunk, events.at(i), tl, opt);
        } else {
            appendShifted(chunk, QJsonDocument(eventToJson(events.at(i), tl, opt)).toJson(format), 8);
            chunk += i + 1 < events.size() ? ",\n" : "\n";
        }
        if (chunk.size() >= (1 << 16)) {
            if (!write(chunk)) return false;
            chunk.clear();
        }
    }
    chunk += compact ? QByteArray("]") : QByteArray("    ]");
    if (!write(chunk)) return false;
    return write(QByteArrayView(whole).sliced(valueAt + quotedHole.size()));
}

bool writeTimelineJson(const Timeline& tl, const TimelineJsonOptions& opt, const QJsonObject& extra,
                       QJsonDocument::JsonFormat format, FILE* out)
{
    const bool ok = writeTimelineJson(tl, opt, extra, format, [out](QByteArrayView b) {
        return std::fwrite(b.data(), 1, size_t(b.size()), out) == size_t(b.size());
    });
    return std::fflush(out) == 0 && ok;
}

} // namespace socklab
