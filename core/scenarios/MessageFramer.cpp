#include "MessageFramer.h"

#include <QtEndian>

namespace socklab {

QByteArray lengthPrefixed(const QByteArray& body, char type)
{
    QByteArray out(kLengthHeaderSize, Qt::Uninitialized);
    out[0] = type;
    qToBigEndian<quint32>(quint32(body.size()), out.data() + 1);
    return out + body;
}

QByteArray delimited(const QByteArray& body, const QByteArray& delimiter) { return body + delimiter; }

QList<QByteArray> takeDelimited(QByteArray& buffer, const QByteArray& delimiter)
{
    QList<QByteArray> out;
    if (delimiter.isEmpty()) return out;
    qsizetype from = 0, at = 0;
    while ((at = buffer.indexOf(delimiter, from)) >= 0) {
        out << buffer.mid(from, at - from);
        from = at + delimiter.size();
    }
    buffer.remove(0, from);
    return out;
}

QList<QByteArray> takeLengthPrefixed(QByteArray& buffer)
{
    QList<QByteArray> out;
    qsizetype from = 0;
    while (buffer.size() - from >= kLengthHeaderSize) {
        const quint32 len = qFromBigEndian<quint32>(buffer.constData() + from + 1);
        if (quint64(buffer.size() - from - kLengthHeaderSize) < len) break; // body not all here yet
        out << buffer.mid(from + kLengthHeaderSize, qsizetype(len));
        from += kLengthHeaderSize + qsizetype(len);
    }
    buffer.remove(0, from);
    return out;
}

MessageFramer::MessageFramer(Framing framing, QByteArray delimiter)
    : m_framing(framing), m_delimiter(std::move(delimiter))
{
}

MessageFramer MessageFramer::fromArgs(const QVariantMap& args)
{
    const QString f = args.value("framing").toString();
    const QVariant d = args.value("delimiter");
    const QByteArray delim = d.typeId() == QMetaType::QByteArray ? d.toByteArray() : d.toString().toUtf8();
    if (f == QLatin1String("delimiter")) return MessageFramer(Framing::Delimiter, delim);
    if (f == QLatin1String("length-prefix")) return MessageFramer(Framing::LengthPrefix, {});
    if (f == QLatin1String("per-recv")) return MessageFramer(Framing::PerRecv, {});
    return {};
}

QList<QByteArray> MessageFramer::feed(const QByteArray& bytes)
{
    switch (m_framing) {
    case Framing::None:
        return {};
    case Framing::PerRecv:
        return bytes.isEmpty() ? QList<QByteArray>{} : QList<QByteArray>{bytes};
    case Framing::Delimiter:
        m_buffer += bytes;
        return takeDelimited(m_buffer, m_delimiter);
    case Framing::LengthPrefix:
        m_buffer += bytes;
        return takeLengthPrefixed(m_buffer);
    }
    return {};
}

} // namespace socklab
