#pragma once
// Reading the user's values for the lesson scenarios. Values arrive as the
// command line gives them (strings) or as the window gives them (typed).

#include <QByteArray>
#include <QList>
#include <QVariantMap>

namespace socklab {

class ScenarioBuilder;

constexpr qint64 kMaxBufferBytes = 16 << 20;
constexpr qint64 kMaxMessageBytes = 1 << 20;
constexpr int kMaxMessages = 10;

// "messages": a list, or one string with the messages separated by '|';
// "count": how many (the list is cycled when count is larger).
QList<QByteArray> messagesParam(const QVariantMap& p, const QList<QByteArray>& defaults);
qint64 intParam(const QVariantMap& p, const QString& key, qint64 fallback);
// Text values; "\n", "\t", "\r" written as escapes become the bytes.
QByteArray bytesParam(const QVariantMap& p, const QString& key, const QByteArray& fallback);

// The user's "port" (instead of the lesson's 8888), for the Runner.
void usePortParam(ScenarioBuilder& b, const QVariantMap& p);

QByteArray joined(const QList<QByteArray>& parts);
QVariantList toVariantList(const QList<QByteArray>& parts);

} // namespace socklab
