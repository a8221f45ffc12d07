#include "ViewStyle.h"

#include "Timeline.h"

namespace socklab {

ViewStyle::ViewStyle(bool presenterMode, const QPalette& palette)
    : presenter(presenterMode), actors(presenterMode)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor window = palette.color(QPalette::Window);
    dark = window.lightnessF() < 0.5;
    scale = presenter ? 1.5 : 1.0;

    QFont sans;
    sans.setFamilies(sansFamilies());
    sans.setStyleHint(QFont::SansSerif);
    const int pt = presenter ? 17 : 10;
    labelFont = sans;
    labelFont.setPointSizeF(pt);
    smallFont = sans;
    smallFont.setPointSizeF(pt * 0.85);
    stateFont = sans;
    stateFont.setPointSizeF(pt * 0.9);
    stateFont.setBold(true);
    headerFont = sans;
    headerFont.setPointSizeF(pt * 1.2);
    headerFont.setBold(true);
    captionFont = sans;
    captionFont.setPointSizeF(pt * 1.1);
    titleFont = sans;
    titleFont.setPointSizeF(pt * 1.6);
    titleFont.setBold(true);

    lineWidth = presenter ? 3.0 : 1.6;
    lifelineWidth = presenter ? 3.5 : 2.0;
    highlightWidth = presenter ? 6.0 : 3.4;
    rowHeight = presenter ? 46 : 30;

    if (presenter) {
        // High contrast: pure background, near-black (or white) ink.
        background = dark ? QColor(0, 0, 0) : QColor(255, 255, 255);
        foreground = dark ? QColor(255, 255, 255) : QColor(0, 0, 0);
    } else {
        background = dark ? base.darker(105) : QColor(252, 252, 251);
        foreground = palette.color(QPalette::Text);
        if (!dark && foreground.lightnessF() > 0.5) foreground = QColor(30, 30, 30);
    }
    muted = faded(foreground, presenter ? 0.35 : 0.5);
    grid = faded(foreground, 0.88);
    ghost = faded(foreground, 0.8);
    highlight = dark ? QColor(255, 214, 10) : QColor(255, 196, 0);
    panel = dark ? background.lighter(140) : QColor(243, 244, 246);
}

QStringList ViewStyle::sansFamilies()
{
    // Latin from Noto Sans; Han from the Simplified Chinese cut (not whichever CJK
    // face the fallback finds first: the Japanese one draws 手 and 网 differently).
    return {QStringLiteral("Noto Sans"), QStringLiteral("Noto Sans CJK SC")};
}

QColor ViewStyle::faded(const QColor& c, qreal amount) const
{
    const QColor b = background;
    auto mix = [amount](int x, int y) { return int(x + (y - x) * amount); };
    return QColor(mix(c.red(), b.red()), mix(c.green(), b.green()), mix(c.blue(), b.blue()));
}

QColor ViewStyle::actorColor(const Timeline& tl, const QString& actorName) const
{
    const int i = tl.actorIndex(actorName);
    const QString role = i >= 0 ? tl.actors.at(i).role : actorName;
    QColor c = actors.actorColor(role, i);
    if (dark) c = c.lighter(125);
    return c;
}

} // namespace socklab
