#include "NoteText.h"

#include "Problem.h"
#include "ProblemText.h"
#include "TextFormatter.h"

#include <QCoreApplication>
#include <QStringList>

namespace socklab {

namespace {

struct Words {
    Q_DECLARE_TR_FUNCTIONS(NoteText)
};

QString stopReason(const QString& code)
{
    if (code == QLatin1String("last-exited")) return Words::tr("the last program has exited");
    if (code == QLatin1String("timeout")) return Words::tr("the time limit was reached");
    if (code == QLatin1String("asked")) return Words::tr("asked to stop");
    return code;
}

} // namespace

QString exitText(const QVariantMap& v)
{
    if (v.contains("signal") && v.value("signal").toInt() != 0)
        return Words::tr("killed by signal %1 (%2)")
            .arg(v.value("signal").toInt())
            .arg(v.value("signal_name").toString());
    if (v.contains("status"))
        return Words::tr("exited with status %1").arg(v.value("status").toInt());
    if (v.value("running").toBool()) return Words::tr("still running");
    return v.value("text").toString(); // a session saved before exits were values
}

QString noteText(const NoteData& n)
{
    const QString& c = n.code;
    const QVariantMap& a = n.args;
    if (c == QLatin1String("step") || c == QLatin1String("program-output")) return {};
    if (c == QLatin1String("state-mismatch"))
        return Words::tr("the kernel says %1, the derivation said %2")
                   .arg(a.value("kernel").toString(), a.value("derived").toString())
               + (a.value("uncertain").toBool() ? Words::tr(" (uncertain: capture lost packets)") : QString());
    if (c == QLatin1String("wire-stats"))
        return Words::tr("the wire: %1 packets, %2 passed, %3 dropped, %4 held, %5 delayed, %6 duplicated; "
                         "lost by the wire itself: %7")
            .arg(a.value("received").toULongLong())
            .arg(a.value("passed").toULongLong())
            .arg(a.value("dropped").toULongLong())
            .arg(a.value("held").toULongLong())
            .arg(a.value("delayed").toULongLong())
            .arg(a.value("duplicated").toULongLong())
            .arg(a.value("relay_lost").toULongLong());
    if (c == QLatin1String("capture-loss"))
        return Words::tr("capture lost %1 packets here (%2 lost, %3 captured so far): what follows has gaps")
            .arg(a.value("new_drops").toULongLong())
            .arg(a.value("dropped").toULongLong())
            .arg(a.value("captured").toULongLong());
    if (c == QLatin1String("teardown-3"))
        return Words::tr("the ACK of the peer's FIN rode on this FIN (3-segment teardown)");
    if (c == QLatin1String("capture-mode"))
        return Words::tr("capture mode: %1").arg(a.value("mode").toString());
    if (c == QLatin1String("parsed-message")) {
        const QByteArray b = a.value("bytes").toByteArray();
        const QString text = QString::fromUtf8(b); // shown too when the bytes are valid UTF-8
        return Words::tr("parsed message: %1%2")
            .arg(pythonBytes(b),
                 text.toUtf8() == b ? QStringLiteral(" \"%1\"").arg(text) : QString());
    }
    if (c == QLatin1String("step-timeout"))
        return Words::tr("step %1 never became quiet: it ended after %2 ms")
            .arg(a.value("index").toInt() + 1)
            .arg(a.value("ms").toLongLong());
    if (c == QLatin1String("undecodable-packet"))
        return Words::tr("a captured packet could not be decoded (%1)")
            .arg(a.value("error").toString());
    if (c == QLatin1String("program-input"))
        return Words::tr("typed: %1").arg(a.value("text").toString().trimmed());
    if (c == QLatin1String("program-start"))
        return Words::tr("started: %1 (pid %2)")
            .arg(a.value("command").toString())
            .arg(a.value("pid").toLongLong());
    if (c == QLatin1String("program-exit")) return exitText(a);
    if (c == QLatin1String("program-failed")) {
        if (a.contains("problem")) return problemText(Problem::fromMap(a.value("problem").toMap()));
        return a.value("error").toString(); // a session saved before problems were codes
    }
    if (c == QLatin1String("stopping"))
        return Words::tr("stopping %1 with %2 (%3)")
            .arg(a.value("running").toStringList().join(QStringLiteral(", ")),
                 a.value("signal", QStringLiteral("SIGTERM")).toString(),
                 stopReason(a.value("reason").toString()));
    if (c == QLatin1String("killed"))
        return Words::tr("killed with %1")
            .arg(a.value("signal", QStringLiteral("SIGKILL")).toString());
    if (c == QLatin1String("no-socket")) return Words::tr("never opened a TCP or UDP socket");
    if (c == QLatin1String("attach-states-only")) {
        QString text = Words::tr("no capture permission on the host: states from sock_diag only");
        const Problem why = Problem::fromMap(a.value("reason").toMap());
        if (!why.isNull())
            text += QStringLiteral(" (%1)").arg(problemText(why));
        else if (a.contains("text"))
            text = a.value("text").toString(); // saved before reasons were codes
        return text;
    }
    if (c == QLatin1String("attach-nothing-seen"))
        return Words::tr("nothing used port %1 on the loopback").arg(a.value("port").toInt());
    if (c == QLatin1String("non-loopback-listen"))
        return Words::tr(
                   "listens on %1:%2 (not loopback; inside the lab nothing outside can reach it)")
            .arg(a.value("address").toString())
            .arg(a.value("port").toInt());
    return c; // a code this socklab has no words for: as it is
}

bool noteHasWords(const NoteData& n)
{
    return noteText(n) != n.code;
}

} // namespace socklab
