#include "ViewFocus.h"

#include <QAbstractScrollArea>
#include <QEvent>

namespace socklab {

void ViewFocus::watch(QWidget* view, const QString& name)
{
    m_names.insert(view, name);
    view->installEventFilter(this);
    // Scroll areas get their clicks on the viewport.
    if (auto* area = qobject_cast<QAbstractScrollArea*>(view)) {
        m_names.insert(area->viewport(), name);
        area->viewport()->installEventFilter(this);
    }
}

bool ViewFocus::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::MouseButtonPress || event->type() == QEvent::FocusIn)
        if (auto it = m_names.constFind(watched); it != m_names.cend()) m_current = it.value();
    return false; // only watching
}

} // namespace socklab
