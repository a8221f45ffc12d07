#pragma once
// Paints the TCP state diagram with each actor's state at the cursor
// highlighted in the actor's colour and the transition it just took.

#include "StateMachineLayout.h"
#include "Timeline.h"
#include "ViewStyle.h"

#include <QList>

class QPainter;

namespace socklab {

struct ActorState {
    QString actor;
    QString socket;
    QString state;
    QString previous; // state before the last transition ("" when unknown)
    QString cause;    // "rcv SYN / snd SYN,ACK" (derived) or "tcp_info"/"sock_diag" (kernel)
    bool derived = false;
    int eventIndex = -1;
};

// A text drawn by the diagram, in target coordinates (tests measure sizes and overlaps).
struct StateMachineText {
    QRectF rect;
    qreal pixelSize = 0;
    QString text;
    int kind = 0; // 0 state name, 1 transition label, 2 actor badge
};

class StateMachineRenderer
{
public:
    // Each actor's state at the cursor, from its latest State event; the
    // connection socket wins over the listener. Actors with no state are left out.
    static QList<ActorState> statesAt(const Timeline& tl, int cursor);
    // Text is sized on screen (never under minimumTextPx), the geometry scales with the target.
    static void paint(QPainter& p, const QRectF& target, const Timeline& tl, int cursor, const ViewStyle& style);
    static QList<StateMachineText> texts(const QRectF& target, const Timeline& tl, int cursor, const ViewStyle& style);
    static qreal minimumTextPx(const ViewStyle& style); // 14 px in presenter mode
    // The transform from layout coordinates to the target (aspect kept, centred).
    static QTransform fit(const QRectF& target);

private:
    static void paintOrMeasure(QPainter* p, const QRectF& target, const Timeline& tl, int cursor,
                               const ViewStyle& style, QList<StateMachineText>* texts);
};

} // namespace socklab
