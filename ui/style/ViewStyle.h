#pragma once
// Fonts, line widths and colours shared by the diagram views and exports:
// normal or presenter (large type, thick lines, high contrast), light or dark
// (taken from the QPalette the caller passes in), built on ActorPalette.

#include "ActorPalette.h"

#include <QColor>
#include <QFont>
#include <QPalette>
#include <QStringList>

namespace socklab {

class Timeline;

class ViewStyle
{
public:
    ViewStyle() : ViewStyle(false, QPalette(QColor(250, 250, 250))) {}
    ViewStyle(bool presenter, const QPalette& palette);

    static ViewStyle normal(const QPalette& p = QPalette(QColor(250, 250, 250))) { return ViewStyle(false, p); }
    static ViewStyle presenterMode(const QPalette& p = QPalette(QColor(250, 250, 250))) { return ViewStyle(true, p); }

    bool presenter = false;
    bool dark = false;
    qreal scale = 1.0; // spacing multiplier (presenter > 1)

    QFont labelFont;   // arrow labels, calls
    QFont smallFont;   // gutter, legend, timers
    QFont stateFont;   // state pills
    QFont headerFont;  // actor names, node names
    QFont captionFont; // narration / notes captions
    QFont titleFont;

    qreal lineWidth = 1.5;     // arrows, edges
    qreal lifelineWidth = 2.0;
    qreal highlightWidth = 3.5; // the arrow at the cursor, the current state
    qreal rowHeight = 30;       // ladder: one row at zoom 1

    QColor background, foreground, muted, grid, ghost, highlight, panel;
    ActorPalette actors;

    QColor actorColor(const QString& role, int index) const { return actors.actorColor(role, index); }
    QColor actorColor(const Timeline& tl, const QString& actorName) const;
    QColor errorColor() const { return actors.errorColor(); }
    QColor derivedColor() const { return dark ? QColor(170, 170, 170) : actors.derivedColor(); }
    // A colour mixed toward the background (fills behind text, ghosted events).
    QColor faded(const QColor& c, qreal amount) const;
    // The sans-serif families of every view, export and window: Latin, then Simplified Chinese.
    static QStringList sansFamilies();
};

} // namespace socklab
