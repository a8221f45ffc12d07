#include "LessonView.h"

#include "BacklogRenderer.h"
#include "BuffersRenderer.h"
#include "ByteStreamRenderer.h"
#include "TimeSeqRenderer.h"

#include <QPainter>

#include <cmath>

namespace socklab {

LessonView::LessonView(Kind kind, QWidget* parent)
    : QWidget(parent), m_kind(kind), m_style(ViewStyle::normal(palette()))
{
}

QString LessonView::viewName() const
{
    switch (m_kind) {
    case Kind::ByteStream: return QStringLiteral("stream");
    case Kind::Buffers: return QStringLiteral("buffers");
    case Kind::Backlog: return QStringLiteral("backlog");
    case Kind::TimeSeq: return QStringLiteral("tseq");
    }
    return {};
}

void LessonView::setTimeline(const Timeline& tl)
{
    if (m_kind == Kind::TimeSeq) m_tseq.setTimeline(tl);
    else m_timeline = tl;
    m_cursor = tl.size() - 1;
    update();
}

void LessonView::setCursor(int eventIndex)
{
    m_cursor = eventIndex;
    update();
}

void LessonView::setPresenter(bool on)
{
    setStyle(on ? ViewStyle::presenterMode(palette()) : ViewStyle::normal(palette()));
}

void LessonView::setStyle(const ViewStyle& style)
{
    m_style = style;
    update();
}

QSize LessonView::sizeHint() const
{
    switch (m_kind) {
    case Kind::ByteStream: return {900, 260};
    case Kind::Buffers: return {1000, int(buffersNaturalHeight(m_style, 2, false))};
    case Kind::Backlog:
    case Kind::TimeSeq: return {1000, 420};
    }
    return {};
}

int LessonView::neededHeight() const
{
    switch (m_kind) {
    case Kind::Buffers: return int(buffersNaturalHeight(m_style, 1, true));
    case Kind::Backlog: return int(std::ceil(backlogNaturalHeight(m_style, true)));
    case Kind::ByteStream:
    case Kind::TimeSeq: return 0;
    }
    return 0;
}

void LessonView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    const QRectF area(rect());
    switch (m_kind) {
    case Kind::ByteStream: paintByteStream(p, area, m_timeline, m_cursor, m_style); break;
    case Kind::Buffers: paintBuffers(p, area, m_timeline, m_cursor, m_style); break;
    case Kind::Backlog: paintBacklog(p, area, m_timeline, m_cursor, m_style); break;
    case Kind::TimeSeq: paintTimeSeq(p, area, m_tseq, m_cursor, m_style); break;
    }
}

} // namespace socklab
