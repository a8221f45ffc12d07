#include "DialogPlacement.h"

#include <QList>

namespace socklab {

namespace {
qint64 area(const QRect& r) { return r.isValid() ? qint64(r.width()) * r.height() : 0; }
} // namespace

QRect DialogPlacement::beside(const QRect& avoid, QSize want, QSize minimum, const QRect& screen)
{
    want = want.boundedTo(screen.size());
    minimum = minimum.boundedTo(want);
    const QRect a = avoid.intersected(screen);
    // The free bands around `avoid`, largest first in the order tried: right, below, left, above.
    const QList<QRect> bands{QRect(QPoint(a.right() + 1, screen.top()), screen.bottomRight()),
                             QRect(QPoint(screen.left(), a.bottom() + 1), screen.bottomRight()),
                             QRect(screen.topLeft(), QPoint(a.left() - 1, screen.bottom())),
                             QRect(screen.topLeft(), QPoint(screen.right(), a.top() - 1))};
    QRect best;
    for (const QRect& b : bands) {
        if (b.width() < minimum.width() || b.height() < minimum.height()) continue;
        const QSize s = want.boundedTo(b.size());
        // Against the band's edge next to `avoid`'s far side: bottom-right where it can.
        const QRect r(QPoint(b.right() - s.width() + 1, b.bottom() - s.height() + 1), s);
        if (area(r) > area(best)) best = r;
    }
    if (best.isValid()) return best;
    // No room anywhere: the corner that covers the least.
    QRect corner;
    qint64 least = -1;
    for (const QPoint& c : {screen.bottomRight(), screen.topRight(), screen.bottomLeft(), screen.topLeft()}) {
        QRect r(QPoint(0, 0), want);
        if (c.x() == screen.right()) r.moveRight(screen.right());
        else r.moveLeft(screen.left());
        if (c.y() == screen.bottom()) r.moveBottom(screen.bottom());
        else r.moveTop(screen.top());
        const qint64 covered = area(r.intersected(a));
        if (least < 0 || covered < least) least = covered, corner = r;
    }
    return corner;
}

} // namespace socklab
