#pragma once
// The three ways the lesson recovers messages from a TCP byte stream (粘包的
// 处理方法): an end marker, a length header ("Y 18 abcd…"), or one message per
// recv() when sender and receiver take turns. Pure byte work, no sockets.

#include <QByteArray>
#include <QList>
#include <QVariantMap>

namespace socklab {

enum class Framing { None, Delimiter, LengthPrefix, PerRecv };

// struct.pack('!cI', b'Y', len(body)): one type byte and the body's length in
// bytes (not characters), big-endian.
constexpr int kLengthHeaderSize = 5;
QByteArray lengthPrefixed(const QByteArray& body, char type = 'Y');
QByteArray delimited(const QByteArray& body, const QByteArray& delimiter);

// Takes every complete message off the front of `buffer`; what is left is an
// incomplete message waiting for the next recv().
QList<QByteArray> takeDelimited(QByteArray& buffer, const QByteArray& delimiter);
QList<QByteArray> takeLengthPrefixed(QByteArray& buffer);

// The receiver's parser as its Python code keeps it: bytes in, messages out.
class MessageFramer
{
public:
    MessageFramer() = default;
    MessageFramer(Framing framing, QByteArray delimiter);
    // A recv step's args carry the framing: {"framing": "delimiter"|"length-prefix"|"per-recv", "delimiter": bytes}.
    static MessageFramer fromArgs(const QVariantMap& args);

    Framing framing() const { return m_framing; }
    QList<QByteArray> feed(const QByteArray& bytes);
    const QByteArray& pending() const { return m_buffer; }

private:
    Framing m_framing = Framing::None;
    QByteArray m_delimiter;
    QByteArray m_buffer;
};

} // namespace socklab
