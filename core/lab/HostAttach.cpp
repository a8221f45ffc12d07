#include "HostAttach.h"

#include "HostSockets.h"
#include "Lab.h"
#include "PacketAnnotator.h"
#include "PacketDecoder.h"
#include "CaptureSetup.h"
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

bool HostAttach::checkAddress(const QString& address, Problem* error)
{
    if (address.isEmpty()) return true;
    const QByteArray a = address.toLatin1();
    in_addr v4{};
    in6_addr v6{};
    if (::inet_pton(AF_INET, a.constData(), &v4) == 1 && (ntohl(v4.s_addr) >> 24) == 127) return true;
    if (::inet_pton(AF_INET6, a.constData(), &v6) == 1 && IN6_IS_ADDR_LOOPBACK(&v6)) return true;
    if (error) *error = Problem(QStringLiteral("attach-not-loopback"), {{"address", address}});
    return false;
}

bool HostAttach::parseTarget(const QString& text, uint16_t* port, QString* address, Problem* error)
{
    QString addr, portText = text;
    if (text.startsWith('[')) { // [::1]:8080
        const qsizetype close = text.indexOf(QLatin1String("]:"));
        if (close < 0) {
            if (error) *error = Problem(QStringLiteral("attach-ipv6-syntax"), {{"text", text}});
            return false;
        }
        addr = text.mid(1, close - 1);
        portText = text.mid(close + 2);
    } else if (text.count(':') == 1) {
        addr = text.section(':', 0, 0);
        portText = text.section(':', 1);
    } else if (text.count(':') > 1) {
        if (error) *error = Problem(QStringLiteral("attach-ipv6-syntax"), {{"text", text}});
        return false;
    }
    bool ok = false;
    const uint p = portText.toUInt(&ok);
    if (!ok || p < 1 || p > 65535) {
        if (error) *error = Problem(QStringLiteral("attach-bad-port"), {{"text", portText}});
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

bool HostAttach::start(Problem* error)
{
    auto fail = [&](const Problem& why) {
        if (error) *error = why;
        return false;
    };
    if (m_started) return fail(Problem(QStringLiteral("attach-already")));
    if (m_options.port == 0) return fail(Problem(QStringLiteral("attach-bad-port"), {{"text", QStringLiteral("0")}}));
    if (!checkAddress(m_options.address, error)) return false;
    if (!m_options.capture.isEmpty() && m_options.capture != QLatin1String("states-only")
        && m_options.capture != QLatin1String("host"))
        return fail(Problem(QStringLiteral("attach-capture-mode"), {{"mode", m_options.capture}}));
    if (!inHostNamespace()) return fail(Problem(QStringLiteral("attach-in-lab")));

    m_diag = std::make_unique<SockDiag>();
    if (!m_diag->isOpen())
        return fail(Problem(QStringLiteral("attach-no-sockdiag"), {{"detail", m_diag->error()}}));
    m_recorder = std::make_unique<Recorder>(Recorder::epochNowUs());
    m_sockets = std::make_unique<HostSockets>(*m_recorder, m_options.port, m_options.address);
    m_annotator = std::make_unique<PacketAnnotator>([this](uint16_t l, uint16_t r) { return m_sockets->actorFor(l, r); });
    m_deriver = std::make_unique<StateDeriver>([this](uint16_t l, uint16_t r) {
        m_sockets->actorFor(l, r); // names a socket sock_diag never saw
        return m_recorder->ownerOf(l, r);
    });

    Problem reason;
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
            QString why;
            if (!m_tap->start(filter, &why)) {
                m_tap.reset();
                reason = Problem(QStringLiteral("capture-failed"), {{"detail", why}});
            }
        } else {
            reason = m_lab->error();
        }
        if (!m_tap && m_options.capture == QLatin1String("host"))
            return fail(Problem(QStringLiteral("attach-capture-failed")).causedBy(reason));
    } else {
        reason = Problem(QStringLiteral("states-only-asked"));
    }
    if (!m_options.pcapPath.isEmpty()) {
        if (!m_tap) return fail(Problem(QStringLiteral("attach-pcap-states-only")).causedBy(reason));
        m_pcap = std::make_unique<PcapWriter>();
        if (!m_pcap->open(m_options.pcapPath, m_tap->linkType()))
            return fail(Problem(QStringLiteral("pcap-write-failed"),
                                {{"path", m_options.pcapPath}, {"detail", m_pcap->systemError()}}));
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
    addNote(QStringLiteral("capture-mode"), {{"mode", m_timeline.captureMode}, {"reason", reason.toMap()}});
    if (!m_tap) {
        addNote(QStringLiteral("attach-states-only"), {{"reason", reason.toMap()}});
        m_warnings << Problem(QStringLiteral("attach-states-only")).causedBy(reason);
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
    if (m_tap) batch.append(takeCaptureProblems(*m_tap, m_recorder->origin()));
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

void HostAttach::runToEnd(const std::atomic<int>* cancel)
{
    while (poll()) {
        if (cancel && cancel->load() != 0) {
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
    recordCapture(m_tap.get(), m_timeline);
    if (m_pcap) m_pcap->close();
    const int ignored = m_sockets->ignoredNonLoopback();
    if (ignored > 0)
        m_warnings << Problem(QStringLiteral("attach-left-out"), {{"count", ignored}, {"port", m_options.port}});
    if (m_sockets->socketsSeen() > 0 && !m_sockets->ownersReadable())
        m_warnings << Problem(QStringLiteral("attach-owners-unreadable"));
    if (m_sockets->socketsSeen() == 0) {
        m_warnings << Problem(QStringLiteral("attach-nothing-seen"),
                              {{"port", m_options.port}, {"seconds", qRound(m_clock.elapsed() / 100.0) / 10.0}});
        addNote(QStringLiteral("attach-nothing-seen"), {{"port", m_options.port}});
        merge({});
    }
}

} // namespace socklab
