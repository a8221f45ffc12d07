#include "ActorPalette.h"

namespace socklab {

QColor ActorPalette::actorColor(const QString& role, int index) const
{
    // Blue and orange stay distinct for the common colour-vision deficiencies.
    if (role == QLatin1String("client")) return m_highContrast ? QColor(0, 90, 200) : QColor(31, 119, 180);
    if (role == QLatin1String("server")) return m_highContrast ? QColor(210, 95, 0) : QColor(255, 127, 14);
    static const QColor others[] = {QColor(44, 160, 44), QColor(148, 103, 189), QColor(140, 86, 75),
                                    QColor(23, 190, 207)};
    return others[qMax(0, index) % 4];
}

QColor ActorPalette::errorColor() const { return m_highContrast ? QColor(200, 0, 0) : QColor(214, 39, 40); }

QColor ActorPalette::derivedColor() const { return QColor(127, 127, 127); }

QPen ActorPalette::statePen(const QColor& c, bool derived, qreal width) const
{
    QPen pen(c, width);
    if (derived) pen.setStyle(Qt::DashLine);
    return pen;
}

} // namespace socklab
