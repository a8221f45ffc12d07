#include "LessonViewsPane.h"

#include "BacklogView.h"
#include "BuffersView.h"
#include "ByteStreamView.h"
#include "ViewStyle.h"

namespace socklab {

namespace {
const QStringList& viewNames()
{
    static const QStringList names{QStringLiteral("stream"), QStringLiteral("buffers"), QStringLiteral("backlog")};
    return names; // in tab order
}
} // namespace

LessonViewsPane::LessonViewsPane(QWidget* parent)
    : QTabWidget(parent), m_stream(new ByteStreamView(this)), m_buffers(new BuffersView(this)),
      m_backlog(new BacklogView(this))
{
    setObjectName(QStringLiteral("lessonViews"));
    setDocumentMode(true);
    addTab(m_stream, QString());
    addTab(m_buffers, QString());
    addTab(m_backlog, QString());
    retranslate();
}

QString LessonViewsPane::viewForScenario(const QString& id)
{
    if (id == QLatin1String("sticky") || id.startsWith(QLatin1String("fix-"))) return QStringLiteral("stream");
    if (id == QLatin1String("buffers")) return QStringLiteral("buffers");
    if (id == QLatin1String("backlog")) return QStringLiteral("backlog");
    return {};
}

void LessonViewsPane::setTimeline(const Timeline& tl)
{
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
}

void LessonViewsPane::setStyle(const ViewStyle& style)
{
    m_stream->setStyle(style);
    m_buffers->setStyle(style);
    m_backlog->setStyle(style);
}

void LessonViewsPane::retranslate()
{
    setTabText(0, tr("Byte stream"));
    setTabText(1, tr("Buffers"));
    setTabText(2, tr("Backlog"));
    setTabToolTip(0, tr("What send() wrote and what each recv() got: message boundaries are not kept"));
    setTabToolTip(1, tr("Send and receive queues, the advertised window, zero-window probes"));
    setTabToolTip(2, tr("The listen() accept queue: finished connections waiting for accept()"));
}

QString LessonViewsPane::currentViewName() const { return viewNames().value(currentIndex()); }

QWidget* LessonViewsPane::viewWidget(const QString& name) const
{
    const int i = viewNames().indexOf(name);
    return i >= 0 ? widget(i) : nullptr;
}

} // namespace socklab
