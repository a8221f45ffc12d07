#include "ByteStreamRenderer.h"
#include "TimeSeqRenderer.h"

#include "BacklogRenderer.h"
#include "ByteStreamLayout.h"
#include "Captions.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>

namespace socklab {

namespace {

// Printable text of some stream bytes (UTF-8 where whole, dots elsewhere).
QString preview(const QByteArray& b, int maxChars)
{
    QString t = QString::fromUtf8(b);
    if (t.toUtf8() != b) {
        t.clear();
        for (char c : b)
            t += (c >= 32 && c < 127) ? QChar(c) : QChar(0x00B7);
    }
    return t.size() > maxChars ? t.left(maxChars - 1) + QChar(0x2026) : t;
}

} // namespace

void paintByteStream(QPainter& p, const QRectF& area, const Timeline& tl, int cursor, const ViewStyle& st)
{
    const ByteStreamModel m = byteStreamAt(tl, cursor);
    p.save();
    p.fillRect(area, st.background);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal margin = 16 * st.scale, rowH = 34 * st.scale;
    const qreal left = area.left() + margin + 110 * st.scale, right = area.right() - margin;
    const qint64 total = qMax<qint64>(1, m.length());
    auto x = [&](qint64 off) { return left + (right - left) * qreal(off) / qreal(total); };
    qreal y = area.top() + margin;

    p.setFont(st.headerFont);
    p.setPen(st.foreground);
    if (m.sender.isEmpty()) {
        p.drawText(area, Qt::AlignCenter, QCoreApplication::translate("ByteStreamView", "No bytes sent yet."));
        p.restore();
        return;
    }
    const QColor sendColor = st.actorColor(tl, m.sender), recvColor = st.actorColor(tl, m.receiver);
    auto rowLabel = [&](const QString& text, qreal top) {
        p.setFont(st.labelFont);
        p.setPen(st.foreground);
        p.drawText(QRectF(area.left() + margin, top, left - area.left() - margin - 6, rowH),
                   Qt::AlignRight | Qt::AlignVCenter, text);
    };

    // send() calls: alternating shades of the sender's colour, so that where
    // one call ends and the next begins is visible on the byte line.
    rowLabel(QCoreApplication::translate("ByteStreamView", "%1 %2()").arg(actorTitle(m.sender), m.sendCall), y);
    p.setFont(st.smallFont);
    for (int i = 0; i < m.sends.size(); ++i) {
        const ByteRange& s = m.sends[i];
        const QRectF r(x(s.begin), y, qMax<qreal>(2, x(s.end) - x(s.begin)), rowH);
        p.fillRect(r, i % 2 ? st.faded(sendColor, 0.45) : sendColor);
        p.setPen(st.background);
        p.drawRect(r);
        p.setPen(st.foreground);
        if (r.width() > 40) p.drawText(r, Qt::AlignCenter, QCoreApplication::translate("ByteStreamView", "#%1: %2 B").arg(i + 1).arg(s.end - s.begin));
    }
    y += rowH + 6 * st.scale;

    // The byte line: what the receiver's stream holds, with no marks between messages.
    rowLabel(QCoreApplication::translate("ByteStreamView", "byte stream"), y);
    p.setPen(QPen(st.muted, st.lineWidth));
    p.drawLine(QPointF(left, y + rowH / 2), QPointF(right, y + rowH / 2));
    p.setFont(st.smallFont);
    p.setPen(st.foreground);
    for (const ByteRange& r : m.recvs)
        p.drawText(QRectF(x(r.begin), y, x(r.end) - x(r.begin), rowH / 2), Qt::AlignCenter,
                   preview(r.bytes, int((x(r.end) - x(r.begin)) / 7) + 1));
    y += rowH + 6 * st.scale;

    // recv() results as brackets; a bracket over two or more send() blocks is a lost boundary.
    rowLabel(QCoreApplication::translate("ByteStreamView", "%1 %2()").arg(actorTitle(m.receiver), m.recvCall), y);
    for (int i = 0; i < m.recvs.size(); ++i) {
        const ByteRange& r = m.recvs[i];
        int touched = 0;
        for (const ByteRange& s : m.sends)
            touched += s.begin < r.end && r.begin < s.end;
        const bool merged = touched >= 2;
        const qreal x0 = x(r.begin) + 1, x1 = x(r.end) - 1;
        QPainterPath path;
        path.moveTo(x0, y + 4);
        path.lineTo(x0, y + rowH * 0.6);
        path.lineTo(x1, y + rowH * 0.6);
        path.lineTo(x1, y + 4);
        p.setPen(QPen(merged ? st.errorColor() : recvColor, merged ? st.highlightWidth : st.lineWidth));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        p.setFont(st.smallFont);
        p.setPen(st.foreground);
        const QString label = merged ? QCoreApplication::translate("ByteStreamView", "%1 #%2: %3 B from %4 %5() calls")
                                               .arg(m.recvCall).arg(i + 1).arg(r.end - r.begin).arg(touched).arg(m.sendCall)
                                     : QCoreApplication::translate("ByteStreamView", "%1 #%2: %3 B").arg(m.recvCall).arg(i + 1).arg(r.end - r.begin);
        p.drawText(QRectF(x0, y + rowH * 0.6, qMax<qreal>(x1 - x0, 160), rowH * 0.6), Qt::AlignLeft | Qt::AlignTop,
                   label);
    }
    y += rowH * 1.3;

    // Messages the receiver's parser recovered (the lesson's three fixes).
    if (!m.messages.isEmpty()) {
        rowLabel(QCoreApplication::translate("ByteStreamView", "messages"), y);
        for (const ByteRange& msg : m.messages) {
            const QRectF r(x(msg.begin), y + 4, qMax<qreal>(2, x(msg.end) - x(msg.begin)), rowH - 8);
            p.setPen(QPen(st.highlight, st.lineWidth));
            p.setBrush(st.faded(st.highlight, 0.8));
            p.drawRoundedRect(r, 4, 4);
            p.setFont(st.labelFont);
            p.setPen(st.foreground);
            p.drawText(r.adjusted(-20, 0, 40, 0), Qt::AlignCenter,
                       QCoreApplication::translate("ByteStreamView", "%1 (%2 B)").arg(preview(msg.bytes, 24)).arg(msg.bytes.size()));
        }
        y += rowH;
    }
    p.setFont(st.captionFont);
    const QRectF note(area.left() + margin, y + 6, area.width() - 2 * margin, rowH);
    if (!m.messages.isEmpty()) {
        p.setPen(st.foreground);
        p.drawText(note, Qt::AlignLeft,
                   QCoreApplication::translate("ByteStreamView", "The receiver's parser recovered %n message(s), whatever each recv() returned.", nullptr,
                      int(m.messages.size())));
    } else if (m.mergedRecvs() > 0) {
        p.setPen(st.errorColor());
        p.drawText(note, Qt::AlignLeft,
                   QCoreApplication::translate("ByteStreamView", "Boundaries lost: one recv() returned the bytes of several send() calls (sticky packets)."));
    }
    p.restore();
}

} // namespace socklab
