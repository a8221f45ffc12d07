#include "PayloadOption.h"

#include "Timeline.h"

#include <QCoreApplication>

namespace socklab {

bool parsePayloadOption(const QString& value, int* limit, QString* error)
{
    if (value == QLatin1String("all")) {
        *limit = -1;
        return true;
    }
    bool ok = false;
    const int n = value.toInt(&ok);
    if (!ok || n < 0) {
        if (error)
            *error = QCoreApplication::translate("PayloadOption",
                                                 "--payload needs a number of bytes >= 0 or \"all\" (got \"%1\")")
                         .arg(value);
        return false;
    }
    *limit = n;
    return true;
}

QString captureLossLine(const Timeline& tl)
{
    const CaptureStats& s = tl.captureStats;
    QString line;
    if (s.dropped > 0)
        line = QCoreApplication::translate("PayloadOption",
                                           "capture lost %1 packets (the kernel's capture ring was full; %2 "
                                           "captured): the timeline has gaps")
                   .arg(s.dropped)
                   .arg(s.captured);
    if (s.notInFile > 0) {
        const QString n = QCoreApplication::translate("PayloadOption",
                                                      "%1 frames are not in the pcap file: the disk could not keep up")
                              .arg(s.notInFile);
        line = line.isEmpty() ? n : line + QStringLiteral("; ") + n;
    }
    if (!s.error.isEmpty()) {
        const QString e = QCoreApplication::translate("PayloadOption", "capture failed: %1").arg(s.error);
        line = line.isEmpty() ? e : line + QStringLiteral("; ") + e;
    }
    return line;
}

} // namespace socklab
