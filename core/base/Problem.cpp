#include "Problem.h"

#include <QStringList>

namespace socklab {

QVariantMap Problem::toMap() const
{
    return {{"code", code}, {"args", args}};
}

Problem Problem::fromMap(const QVariantMap& m)
{
    return Problem(m.value("code").toString(), m.value("args").toMap());
}

Problem Problem::causedBy(const Problem& cause) const
{
    Problem p = *this;
    if (!cause.isNull()) p.args.insert("cause", cause.toMap());
    return p;
}

QString Problem::debugText() const
{
    QStringList parts;
    for (auto it = args.cbegin(); it != args.cend(); ++it) {
        const QVariant& v = it.value();
        parts << it.key() + '=' +
                     (it.key() == QLatin1String("cause") ? fromMap(v.toMap()).debugText()
                      : v.canConvert<QStringList>() && v.typeId() != QMetaType::QString
                          ? v.toStringList().join(',')
                          : v.toString());
    }
    return parts.isEmpty() ? code
                           : code + QStringLiteral(" {") + parts.join(QStringLiteral(", ")) + '}';
}

} // namespace socklab
