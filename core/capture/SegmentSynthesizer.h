#pragma once
// States-only mode has no capture. So that the ladder still tells the story,
// this makes the segments the protocol implies from each call's outcome
// (connect() returned 0: SYN, SYN+ACK, ACK). Every one is marked "derived".

#include "Event.h"
#include "Recorder.h"

#include <QHash>

namespace socklab {

class SegmentSynthesizer
{
public:
    explicit SegmentSynthesizer(const Recorder& recorder) : m_rec(recorder) {}
    // Segments implied by the calls in `batch` (time-ordered).
    QList<Event> synthesize(const QList<Event>& batch);

private:
    void push(QList<Event>& out, qint64 t, uint16_t from, uint16_t to, uint8_t flags, uint32_t len = 0);
    QHash<QString, uint32_t> m_next; // "src:dst" -> next relative sequence number
    const Recorder& m_rec;
};

} // namespace socklab
