#include "PlaybackController.h"

#include <QTimer>
#include <QVariantAnimation>

#include <algorithm>

namespace socklab {

namespace {
constexpr int kTickMs = 2800; // one teaching unit per tick at 1×: time to read its caption
constexpr int kFlightMs = 600;
} // namespace

PlaybackController::PlaybackController(QObject* parent)
    : QObject(parent), m_timer(new QTimer(this)), m_anim(new QVariantAnimation(this))
{
    connect(m_timer, &QTimer::timeout, this, &PlaybackController::tick);
    m_anim->setStartValue(0.0);
    m_anim->setEndValue(1.0);
    m_anim->setEasingCurve(QEasingCurve::InOutQuad);
    connect(m_anim, &QVariantAnimation::valueChanged, this, [this](const QVariant& v) {
        m_progress = v.toReal();
        emit progressChanged(m_progress);
    });
    applySpeed();
}

bool PlaybackController::isStop(const Event& e)
{
    switch (e.kind) {
    case EventKind::Call:
    case EventKind::Return:
    case EventKind::Segment:
    case EventKind::Datagram:
    case EventKind::State:
    case EventKind::Timer:
        return true;
    case EventKind::Queue:
    case EventKind::Note:
    case EventKind::Wire: // its packet's segment (or the drop's) is the stop
        return false;
    }
    return false;
}

const QList<double>& PlaybackController::speeds()
{
    static const QList<double> s{0.25, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0};
    return s;
}

QList<int> PlaybackController::unitEnds(const Timeline& tl)
{
    // A unit starts at each "step" note; a recording without them (the user's
    // own programs) starts one at each call instead.
    bool hasStepNotes = false;
    for (const Event& e : tl.events())
        if (const NoteData* n = e.note(); n && n->code == QLatin1String("step")) {
            hasStepNotes = true;
            break;
        }
    QList<int> ends;
    int lastStop = -1;
    for (int i = 0; i < tl.size(); ++i) {
        const Event& e = tl.at(i);
        const NoteData* n = e.note();
        const bool starts = hasStepNotes ? (n && n->code == QLatin1String("step")) : e.kind == EventKind::Call;
        if (starts && lastStop >= 0 && (ends.isEmpty() || ends.last() != lastStop)) ends << lastStop;
        if (isStop(e)) lastStop = i;
    }
    if (lastStop >= 0 && (ends.isEmpty() || ends.last() != lastStop)) ends << lastStop;
    return ends;
}

void PlaybackController::setTimeline(const Timeline& tl, bool canExtend)
{
    m_size = tl.size();
    m_stops.clear();
    for (int i = 0; i < tl.size(); ++i)
        if (isStop(tl.at(i))) m_stops << i;
    m_unitEnds = unitEnds(tl);
    m_canExtend = canExtend;
    if (m_cursor >= m_size) moveTo(m_size - 1, false);
    if (!m_pending) {
        emitFinished();
        return;
    }
    setPending(false);
    if (nextStop(m_cursor) >= 0) {
        advance(m_pendingUnit);
    } else if (m_canExtend) {
        // The step added nothing to stop at (a pause, a quiet wait): run the next one.
        setPending(true);
        emit needNextStep();
    } else if (m_playing) {
        pause();
    }
    emitFinished();
}

void PlaybackController::setCanExtend(bool canExtend)
{
    m_canExtend = canExtend;
    if (!canExtend) setPending(false);
    emitFinished();
}

bool PlaybackController::atEnd() const { return nextStop(m_cursor) < 0; }

bool PlaybackController::atUnitEnd() const
{
    if (m_cursor < 0) return true;
    // Past the last stop of its unit (only passed-over events follow): the unit is complete.
    const int end = nextUnitEnd(m_cursor - 1);
    return end < 0 || nextStop(m_cursor) < 0 || nextStop(m_cursor) > end;
}

void PlaybackController::emitFinished()
{
    const bool f = finished();
    if (f == m_finished) return;
    m_finished = f;
    emit finishedChanged(f);
}

int PlaybackController::nextUnitEnd(int from) const
{
    auto it = std::upper_bound(m_unitEnds.begin(), m_unitEnds.end(), from);
    return it == m_unitEnds.end() ? -1 : *it;
}

int PlaybackController::previousUnitEnd(int from) const
{
    auto it = std::lower_bound(m_unitEnds.begin(), m_unitEnds.end(), from);
    return it == m_unitEnds.begin() ? -1 : *std::prev(it);
}

int PlaybackController::nextStop(int from) const
{
    auto it = std::upper_bound(m_stops.begin(), m_stops.end(), from);
    return it == m_stops.end() ? -1 : *it;
}

int PlaybackController::previousStop(int from) const
{
    auto it = std::lower_bound(m_stops.begin(), m_stops.end(), from);
    return it == m_stops.begin() ? -1 : *std::prev(it);
}

void PlaybackController::moveTo(int index, bool animate)
{
    index = std::clamp(index, -1, m_size - 1);
    m_anim->stop();
    const bool moved = index != m_cursor;
    m_cursor = index;
    if (animate) {
        m_progress = 0.0;
        m_anim->start();
    } else {
        m_progress = 1.0;
    }
    if (moved) emit cursorChanged(m_cursor);
    emit progressChanged(m_progress);
    emitFinished();
}

void PlaybackController::setPending(bool pending)
{
    if (m_pending == pending) return;
    m_pending = pending;
    emit waitingChanged(pending);
    emitFinished();
}

void PlaybackController::setCursor(int eventIndex) { moveTo(eventIndex, false); }

void PlaybackController::step() { advance(true); }
void PlaybackController::stepEvent() { advance(false); }

void PlaybackController::advance(bool byUnit)
{
    if (m_pending) return;
    int next = byUnit ? nextUnitEnd(m_cursor) : nextStop(m_cursor);
    if (byUnit && next < 0) next = nextStop(m_cursor); // a unit still growing (a live recording)
    if (next >= 0) {
        moveTo(next, true);
        return;
    }
    // Past the end of the recording: the kernel has to do the next thing for real.
    if (m_cursor < m_size - 1) moveTo(m_size - 1, false);
    if (m_canExtend) {
        m_pendingUnit = byUnit;
        setPending(true);
        emit needNextStep();
    } else if (m_playing) {
        pause();
    }
    emitFinished();
}

void PlaybackController::back()
{
    setPending(false);
    moveTo(previousUnitEnd(m_cursor), false);
}

void PlaybackController::backEvent()
{
    setPending(false);
    moveTo(previousStop(m_cursor), false);
}

void PlaybackController::home()
{
    setPending(false);
    moveTo(-1, false);
}

void PlaybackController::end()
{
    setPending(false);
    moveTo(m_size - 1, false);
}

void PlaybackController::play()
{
    if (m_playing) return;
    m_playing = true;
    m_timer->start();
    emit playingChanged(true);
    tick();
}

void PlaybackController::pause()
{
    if (!m_playing) return;
    m_playing = false;
    m_timer->stop();
    emit playingChanged(false);
}

void PlaybackController::togglePlay() { m_playing ? pause() : play(); }

void PlaybackController::tick()
{
    if (m_pending) return; // the real step is still running
    if (atEnd() && !m_canExtend) {
        pause();
        return;
    }
    step();
}

void PlaybackController::faster()
{
    m_speedIndex = std::min<int>(m_speedIndex + 1, int(speeds().size()) - 1);
    applySpeed();
}

void PlaybackController::slower()
{
    m_speedIndex = std::max(m_speedIndex - 1, 0);
    applySpeed();
}

void PlaybackController::setSpeed(double speed)
{
    int best = 0;
    for (int i = 0; i < speeds().size(); ++i)
        if (std::abs(speeds()[i] - speed) < std::abs(speeds()[best] - speed)) best = i;
    m_speedIndex = best;
    applySpeed();
}

void PlaybackController::applySpeed()
{
    m_timer->setInterval(int(kTickMs / speed()));
    m_anim->setDuration(int(kFlightMs / speed()));
    emit speedChanged(speed());
}

} // namespace socklab
