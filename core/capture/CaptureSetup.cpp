#include "CaptureSetup.h"

#include <QDir>

namespace socklab {

bool startCapture(const Lab& lab, const QString& filter, const QString& pcapPath, CaptureSetup& out,
                  Problem* error)
{
    auto fail = [&](const Problem& why) {
        out.tap.reset();
        out.pcap.reset();
        if (error) *error = why;
        return false;
    };
    if (!pcapPath.isEmpty()) {
        if (lab.mode() == CaptureMode::StatesOnly)
            return fail(Problem(QStringLiteral("pcap-states-only")).causedBy(lab.fallbackReason()));
        PcapWriter probe; // fails early on an unwritable path; the tap rewrites it
        if (!probe.open(pcapPath, 1))
            return fail(Problem(QStringLiteral("pcap-write-failed"), {{"path", pcapPath}, {"detail", probe.systemError()}}));
    }
    if (lab.mode() == CaptureMode::StatesOnly) return true;
    out.tap = std::make_unique<PacketTap>(lab);
    TapOptions options;
    options.spool = true;
    options.spoolPath = pcapPath;
    options.tempDir = QDir::tempPath();
    QString err;
    if (!out.tap->start(filter, &err, options))
        return fail(Problem(QStringLiteral("capture-failed"), {{"detail", err}}));
    return true;
}

QList<Event> takeCaptureProblems(PacketTap& tap, qint64 originEpochUs)
{
    QList<Event> out;
    for (const CaptureLoss& l : tap.takeLosses()) {
        Event e;
        e.tUs = l.epochUs - originEpochUs;
        e.kind = EventKind::Note;
        e.data = NoteData{QStringLiteral("capture-loss"),
                          {{"captured", qulonglong(l.captured)},
                           {"dropped", qulonglong(l.dropped)},
                           {"new_drops", qulonglong(l.newDrops)}}};
        out.append(std::move(e));
    }
    return out;
}

void recordCapture(const PacketTap* tap, Timeline& timeline)
{
    if (!tap) return;
    const TapStats s = tap->stats();
    timeline.captureStats.captured = s.captured;
    timeline.captureStats.dropped = s.kernelDrops;
    timeline.captureStats.error = tap->error();
    timeline.captureStats.notInFile = s.notSpooled;
    timeline.frames = tap->frameStore();
}

} // namespace socklab
