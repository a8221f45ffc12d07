#include "LessonViewsPane.h"

#include "LessonView.h"
#include "WireMarks.h"
#include "ViewStyle.h"

namespace socklab {

namespace {
const QStringList& viewNames()
{
    static const QStringList names{QStringLiteral("stream"), QStringLiteral("buffers"), QStringLiteral("backlog"),
                                   QStringLiteral("tseq")};
    return names; // in tab order
}
} // namespace

LessonViewsPane::LessonViewsPane(QWidget* parent)
    : QTabWidget(parent), m_stream(new LessonView(LessonView::Kind::ByteStream, this)),
      m_buffers(new LessonView(LessonView::Kind::Buffers, this)),
      m_backlog(new LessonView(LessonView::Kind::Backlog, this)),
      m_tseq(new LessonView(LessonView::Kind::TimeSeq, this))
{
    setObjectName(QStringLiteral("lessonViews"));
    setDocumentMode(true);
    addTab(m_stream, QString());
    addTab(m_buffers, QString());
    addTab(m_backlog, QString());
    addTab(m_tseq, QString());
    setTabVisible(3, false); // until a session has something to show in it
    retranslate();
}

QString LessonViewsPane::viewForScenario(const QString& id)
{
    if (id == QLatin1String("sticky") || id.startsWith(QLatin1String("fix-"))) return QStringLiteral("stream");
    if (id == QLatin1String("buffers")) return QStringLiteral("buffers");
    if (id == QLatin1String("backlog")) return QStringLiteral("backlog");
    if (id == QLatin1String("lost-syn") || id == QLatin1String("lost-data") || id == QLatin1String("lost-fin")
        || id == QLatin1String("mtu") || id == QLatin1String("reliable-vs-unreliable"))
        return QStringLiteral("tseq");
    return {};
}

void LessonViewsPane::setTimeline(const Timeline& tl)
{
    // The time–sequence graph has a tab when the wire acted or the kernel sent something again.
    m_tseq->setTimeline(tl);
    setTabVisible(3, WireMarks::hasWireEvents(tl) || m_tseq->timeSeqLayout().retransmissions(tl.size() - 1) > 0);
    if (tl.scenarioId != m_scenarioId) {
        m_scenarioId = tl.scenarioId;
        if (QWidget* w = viewWidget(viewForScenario(m_scenarioId))) setCurrentWidget(w);
    }
    m_stream->setTimeline(tl);
    m_buffers->setTimeline(tl);
    m_backlog->setTimeline(tl);
}

void LessonViewsPane::setCursor(int eventIndex)
{
    m_stream->setCursor(eventIndex);
    m_buffers->setCursor(eventIndex);
    m_backlog->setCursor(eventIndex);
    m_tseq->setCursor(eventIndex);
}

bool LessonViewsPane::timeSeqShown() const { return isTabVisible(3); }

int LessonViewsPane::neededHeight() const
{
    // The time-sequence graph draws its compact form in a pane's share: asking
    // for more squeezed the narration of the wire lessons (seen at 1366x768 in
    // presenter mode, Chinese: the caption's third line under the end note).
    if (const auto* view = qobject_cast<const LessonView*>(currentWidget())) return view->neededHeight();
    return 0;
}

void LessonViewsPane::setStyle(const ViewStyle& style)
{
    m_stream->setStyle(style);
    m_buffers->setStyle(style);
    m_backlog->setStyle(style);
    m_tseq->setStyle(style);
}

void LessonViewsPane::retranslate()
{
    setTabText(0, tr("Byte stream"));
    setTabText(1, tr("Buffers"));
    setTabText(2, tr("Backlog"));
    setTabToolTip(0, tr("What send() wrote and what each recv() got: message boundaries are not kept"));
    setTabToolTip(1, tr("Send and receive queues, the advertised window, zero-window probes"));
    setTabToolTip(2, tr("The listen() accept queue: finished connections waiting for accept()"));
    setTabText(3, tr("Time–sequence"));
    setTabToolTip(3, tr("Sequence numbers over time: each segment a bar, the ACKs a line, retransmissions and drops marked"));
}

QString LessonViewsPane::currentViewName() const { return viewNames().value(currentIndex()); }

QWidget* LessonViewsPane::viewWidget(const QString& name) const
{
    const int i = viewNames().indexOf(name);
    return i >= 0 ? widget(i) : nullptr;
}

} // namespace socklab
