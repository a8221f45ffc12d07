#pragma once
// One colour per actor, used everywhere (lifeline, state highlight, code line,
// buffer bytes); a colour for errors; and how derived facts are drawn apart
// from kernel-observed ones.

#include <QColor>
#include <QPen>
#include <QString>

namespace socklab {

class ActorPalette
{
public:
    explicit ActorPalette(bool highContrast = false) : m_highContrast(highContrast) {}
    // client blue, server orange, then further distinct hues by actor index.
    QColor actorColor(const QString& role, int index) const;
    QColor errorColor() const;   // RST, EPIPE, ECONNREFUSED
    QColor derivedColor() const; // neutral grey for "derived" marks
    // Kernel-observed: solid. Derived: dashed.
    QPen statePen(const QColor& c, bool derived, qreal width) const;

private:
    bool m_highContrast;
};

} // namespace socklab
