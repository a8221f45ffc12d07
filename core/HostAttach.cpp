#include "HostAttach.h"

#include "HostSockets.h"
#include "Lab.h"
#include "PacketAnnotator.h"
#include "PacketDecoder.h"
#include "PacketTap.h"
#include "PcapFile.h"
#include "Recorder.h"
#include "SockDiag.h"
#include "StateDeriver.h"

#include <arpa/inet.h>
#include <sys/stat.h>
#include <thread>

namespace socklab {

namespace {

// sock_diag and a packet socket see the namespace of the thread that opens
// them; a thread that entered a lab would attach to the lab, not the host.
// The main thread (what /proc/self names) never enters one.
bool inHostNamespace()
{
    struct stat self{}, thread{};
    if (::stat("/proc/self/ns/net", &self) != 0 || ::stat("/proc/thread-self/ns/net", &thread) != 0) return true;
    return self.st_ino == thread.st_ino && self.st_dev == thread.st_dev;
}

} // namespace

HostAttach::HostAttach(HostAttachOptions options) : m_options(std::move(options)) {}

HostAttach::~HostAttach()
{
    if (m_tap) m_tap->stop();
    if (m_pcap) m_pcap->close();
}

QString HostAttach::statesOnlyText()
{
    return QStringLiteral("no capture permission on the host: states from sock_diag only");
}

bool HostAttach::checkAddress(const QString& address, QString* error)
{
    if (address.isEmpty()) return true;
    const QByteArray a = address.toLatin1();
    in_addr v4{};
    in6_addr v6{};
    if (::inet_pton(AF_INET, a.constData(), &v4) == 1 && (ntohl(v4.s_addr) >> 24) == 127) return true;
    if (::inet_pton(AF_INET6, a.constData(), &v6) == 1 && IN6_IS_ADDR_LOOPBACK(&v6)) return true;
    if (error)
        *error = QStringLiteral("%1 is not a loopback address: socklab attaches only to programs on the host "
                                "loopback (127.0.0.0/8 or ::1), and never looks at other interfaces")
                     .arg(address);
    return false;
}

bool HostAttach::parseTarget(const QString& text, uint16_t* port, QString* address, QString* error)
{
    QString addr, portText = text;
    if (text.startsWith('[')) { // [::1]:8080
        const qsizetype close = text.indexOf(QLatin1String("]:"));
        if (close < 0) {
            if (error) *error = QStringLiteral("write an IPv6 address as [::1]:PORT, not %1").arg(text);
            return false;
        }
        addr = text.mid(1, close - 1);
        portText = text.mid(close + 2);
    } else if (text.count(':') == 1) {
        addr = text.section(':', 0, 0);
        portText = text.section(':', 1);
    } else if (text.count(':') > 1) {
        if (error) *error = QStringLiteral("write an IPv6 address as [::1]:PORT, not %1").arg(text);
        return false;
    }
    bool ok = false;
    const uint p = portText.toUInt(&ok);
    if (!ok || p < 1 || p > 65535) {
        if (error) *error = QStringLiteral("the port must be a number from 1 to 65535, not \"%1\"").arg(portText);
        return false;
    }
    if (addr == QLatin1String("localhost")) addr.clear();
    if (!checkAddress(addr, error)) return false;
    // The text sock_diag reports (inet_ntop), so addresses compare as strings.
    if (!addr.isEmpty()) {
        char buf[INET6_ADDRSTRLEN] = {};
        in6_addr bin{};
        const int family = addr.contains(':') ? AF_INET6 : AF_INET;
        if (::inet_pton(family, addr.toLatin1().constData(), &bin) == 1 && ::inet_ntop(family, &bin, buf, sizeof buf))
            addr = QString::fromLatin1(buf);
    }
    *port = uint16_t(p);
    *address = addr;
    return true;
}

int HostAttach::socketsSeen() const { return m_sockets ? m_sockets->socketsSeen() : 0; }

bool HostAttach::start(QString* error)
{
    auto fail = [&](const QString& why) {
        if (error) *error = why;
        return false;
    };
    if (m_started) return fail(QStringLiteral("already attached"));
    if (m_options.port == 0) return fail(QStringLiteral("the port must be a number from 1 to 65535"));
    if (!checkAddress(m_options.address, error)) return false;
    if (!m_options.capture.isEmpty() && m_options.capture != QLatin1String("states-only")
        && m_options.capture != QLatin1String("host"))
        return fail(QStringLiteral("attaching to the host captures on the host or not at all (\"host\" or "
                                   "\"states-only\"), not \"%1\"").arg(m_options.capture));
    if (!inHostNamespace())
        return fail(QStringLiteral("attach from a thread outside the lab: this one sees a lab's network, not the host's"));

    m_diag = std::make_unique<SockDiag>();
    if (!m_diag->isOpen())
        return fail(QStringLiteral("nothing can be observed: sock_diag is not available (%1)").arg(m_diag->error()));
    m_recorder = std::make_unique<Recorder>(Recorder::epochNowUs());
    m_sockets = std::make_unique<HostSockets>(*m_recorder, m_options.port, m_options.address);
    m_annotator = std::make_unique<PacketAnnotator>([this](uint16_t l, uint16_t r) { return m_sockets->actorFor(l, r); });
    m_deriver = std::make_unique<StateDeriver>([this](uint16_t l, uint16_t r) {
        m_sockets->actorFor(l, r); // names a socket sock_diag never saw
        return m_recorder->ownerOf(l, r);
    });

    QString reason;
    if (m_options.capture != QLatin1String("states-only")) {
        m_lab = std::make_unique<Lab>(QStringLiteral("host"));
        if (m_lab->ok()) {
            const uint16_t p = m_options.port;
            // This port only, and only loopback addresses (lo also carries
            // traffic to the host's own other addresses: not ours to look at).
            const QString where = m_options.address.isEmpty()
                                      ? QStringLiteral("(net 127.0.0.0/8 or ip6 host ::1)")
                                      : QStringLiteral("host %1").arg(m_options.address);
            const QString filter = QStringLiteral("(%1) and %2").arg(PacketTap::filterForPorts({p}, {p}), where);
            m_tap = std::make_unique<PacketTap>(*m_lab);
            if (!m_tap->start(filter, &reason)) m_tap.reset();
        } else {
            reason = m_lab->error();
        }
        if (!m_tap && m_options.capture == QLatin1String("host"))
            return fail(QStringLiteral("cannot capture on the host loopback: %1").arg(reason));
    } else {
        reason = QStringLiteral("states-only was asked for");
    }
    if (!m_options.pcapPath.isEmpty()) {
        if (!m_tap) return fail(QStringLiteral("cannot write a pcap: %1 (%2)").arg(statesOnlyText(), reason));
        m_pcap = std::make_unique<PcapWriter>();
        if (!m_pcap->open(m_options.pcapPath, m_tap->linkType())) return fail(m_pcap->error());
    }

    m_timeline.scenarioId = QStringLiteral("attach");
    m_timeline.captureMode = m_tap ? captureModeName(CaptureMode::Host) : captureModeName(CaptureMode::StatesOnly);
    m_timeline.parameters.insert("port", m_options.port);
    m_timeline.parameters.insert("address", m_options.address.isEmpty() ? QStringLiteral("loopback")
                                                                         : m_options.address);
    m_timeline.parameters.insert("duration_s", m_options.durationMs / 1000.0);
    m_recorder->setOrigin(Recorder::epochNowUs());
    m_timeline.originEpochUs = m_recorder->origin();
    m_clock.start();
    m_started = true;
    addNote(QStringLiteral("capture-mode"), {{"mode", m_timeline.captureMode}, {"reason", reason}});
    if (!m_tap) {
        addNote(QStringLiteral("attach-states-only"), {{"text", statesOnlyText()}, {"reason", reason}});
        m_warnings << QStringLiteral("%1 (%2)").arg(statesOnlyText(), reason);
    }
    return true;
}

void HostAttach::addNote(const QString& code, QVariantMap args)
{
    Event e;
    e.tUs = m_recorder->nowUs();
    e.kind = EventKind::Note;
    e.data = NoteData{code, std::move(args)};
    m_recorder->add(std::move(e));
}

void HostAttach::merge(const QList<CapturedFrame>& frames)
{
    QList<Event> batch;
    for (const CapturedFrame& f : frames) {
        if (m_pcap) m_pcap->write(f.epochUs, QByteArrayView(f.bytes), f.wireLen);
        Event e = m_annotator->toEvent(f, m_tap->linkType(), m_recorder->origin());
        batch.append(std::move(e));
    }
    batch.append(m_recorder->take());
    m_timeline.actors = m_sockets->actors();
    if (batch.isEmpty()) return;
    std::stable_sort(batch.begin(), batch.end(), [](const Event& a, const Event& b) { return a.tUs < b.tUs; });
    if (m_tap) { // without segments there is nothing to derive or compare
        QList<Event> extra;
        for (const Event& e : std::as_const(batch))
            extra.append(m_deriver->feed(e));
        for (const Event& e : std::as_const(batch))
            extra.append(m_deriver->check(e));
        batch.append(extra);
    }
    m_timeline.appendBatch(std::move(batch));
}

bool HostAttach::poll()
{
    if (!m_started || m_finished) return false;
    // Frames first, then sock_diag: a socket that sent a frame is known by now.
    const QList<CapturedFrame> frames = m_tap ? m_tap->take() : QList<CapturedFrame>{};
    m_sockets->poll(*m_diag);
    merge(frames);
    if (m_options.durationMs > 0 && m_clock.elapsed() >= m_options.durationMs) finish();
    return !m_finished;
}

void HostAttach::runToEnd(const std::atomic<bool>* cancel)
{
    while (poll()) {
        if (cancel && cancel->load()) {
            stop();
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

void HostAttach::stop()
{
    if (m_started && !m_finished) finish();
}

void HostAttach::finish()
{
    m_finished = true;
    const QList<CapturedFrame> frames = m_tap ? m_tap->take() : QList<CapturedFrame>{};
    m_sockets->poll(*m_diag); // a last look: TIME_WAIT and its timer
    merge(frames);
    if (m_tap) {
        m_tap->stop();
        merge(m_tap->take());
    }
    if (m_pcap) m_pcap->close();
    const int ignored = m_sockets->ignoredNonLoopback();
    if (ignored > 0)
        m_warnings << QStringLiteral("%1 socket(s) on port %2 with a non-loopback address were left out")
                          .arg(ignored).arg(m_options.port);
    if (m_sockets->socketsSeen() > 0 && !m_sockets->ownersReadable())
        m_warnings << QStringLiteral("the owning processes could not be read (/proc/PID/fd): actors are named by port");
    if (m_sockets->socketsSeen() == 0) {
        m_warnings << QStringLiteral("nothing used port %1 on the loopback while attached (%2 s)")
                          .arg(m_options.port).arg(m_clock.elapsed() / 1000.0, 0, 'f', 1);
        addNote(QStringLiteral("attach-nothing-seen"), {{"port", m_options.port}});
        merge({});
    }
}

} // namespace socklab
