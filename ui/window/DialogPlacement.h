#pragma once
// Where a modeless dialog goes so that it leaves a part of the window in view
// (Run my programs… over the ladder hid the very thing it feeds).

#include <QRect>
#include <QSize>

namespace socklab {

class DialogPlacement final
{
public:
    // A rectangle inside `screen` of size `want` (shrunk, not below `minimum`) that
    // covers as little of `avoid` as it can: beside, below or above it where there is
    // room, else in the screen's corner that covers the least of it.
    static QRect beside(const QRect& avoid, QSize want, QSize minimum, const QRect& screen);
};

} // namespace socklab
