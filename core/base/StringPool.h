#pragma once
// Shared text for what repeats in every event: addresses, actor names,
// protocol names, TCP option orders. An interned QString or QStringList is an
// implicitly shared copy of one pooled value, so a million segments from the
// same two endpoints cost no heap block per event for them (issue 12: memory
// per event). Thread-safe; the pool is bounded (a value past the bound is
// returned as it is, still correct, just not shared).

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace socklab {

QString intern(const QString& s);
QStringList intern(const QStringList& list);

// The bytes [pos, pos + len) of `whole` without copying them: the result
// shares `whole`'s buffer (a payload that is part of a kept frame costs no
// second heap block). Falls back to a copy where `whole` owns no buffer.
QByteArray sharedSlice(const QByteArray& whole, qsizetype pos, qsizetype len);

} // namespace socklab
