#include "ProgramRun.h"

#include <QDir>
#include <QFile>

#include <gtest/gtest.h>

#include <thread>
#include <unistd.h>

namespace socklab::test {

QList<Seg> segments(const Timeline& tl)
{
    QList<Seg> out;
    for (const Event& e : tl.events())
        if (const PacketData* p = e.packet(); p && e.kind == EventKind::Segment)
            out.append({p->fromActor, p->toActor, tcpFlagNames(p->flags).join(','), p->payload.left(int(p->len))});
    return out;
}

QStringList outputOf(const Timeline& tl, const QString& actor, const QString& stream)
{
    QStringList out;
    for (const Event& e : tl.events())
        if (const NoteData* n = e.note(); n && n->code == QLatin1String("program-output") && e.actor == actor
                                          && n->args.value("stream").toString() == stream)
            out << n->args.value("text").toString();
    return out;
}

bool hasState(const Timeline& tl, const QString& actor, const QString& state, Provenance p)
{
    for (const Event& e : tl.events())
        if (const StateData* s = e.state(); s && e.actor == actor && s->state == state && e.provenance == p) return true;
    return false;
}

std::unique_ptr<ProgramLab> runLab(const QList<QStringList>& commands, ProgramLabOptions options,
                                   const std::function<void(ProgramLab&)>& each)
{
    auto lab = std::make_unique<ProgramLab>(commands, options);
    Problem error;
    EXPECT_TRUE(lab->start(&error)) << error.debugText().toStdString();
    while (lab->poll()) {
        if (each) each(*lab);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return lab;
}

int netnsDescriptors()
{
    int n = 0;
    const QDir fds(QStringLiteral("/proc/self/fd"));
    for (const QString& f : fds.entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System)) {
        char buf[128];
        const ssize_t len = ::readlink(fds.filePath(f).toLocal8Bit().constData(), buf, sizeof buf - 1);
        if (len > 0 && QByteArray(buf, len).startsWith("net:[")) ++n;
    }
    return n;
}

QList<int> childrenOfThisProcess()
{
    QList<int> out;
    const QDir proc(QStringLiteral("/proc"));
    for (const QString& d : proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool ok = false;
        const int pid = d.toInt(&ok);
        if (!ok) continue;
        QFile stat(proc.filePath(d + QStringLiteral("/stat")));
        if (!stat.open(QIODevice::ReadOnly)) continue;
        const QByteArray s = stat.readAll();
        const QList<QByteArray> rest = s.mid(s.lastIndexOf(')') + 2).split(' ');
        if (rest.size() > 1 && rest[1].toInt() == ::getpid()) out << pid;
    }
    return out;
}

std::string debugText(const ProblemList& list)
{
    QStringList parts;
    for (const Problem& p : list)
        parts << p.debugText();
    return parts.join(QStringLiteral("; ")).toStdString();
}

} // namespace socklab::test
