#include "Wire.h"

#include "Event.h"
#include "Lab.h"
#include "NfQueue.h"
#include "SysError.h"
#include "UniqueFd.h"
#include "WireFirewall.h"

#include <QHash>

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <optional>
#include <future>
#include <map>
#include <netinet/in.h>
#include <poll.h>
#include <random>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace socklab {

namespace {

constexpr uint16_t kQueue = 0;         // the lab's namespace is ours alone
constexpr uint32_t kQueueMax = 65536;  // packets waiting for a verdict (held and delayed)
constexpr int kRecordBytes = 128;      // what a record keeps of a passed packet: the headers
constexpr int64_t kReorderMaxUs = 200000; // a reordered packet waits at most this for a successor

int64_t nowUs()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// What the wire needs of a packet: protocol, ports, TCP flags, payload size.
struct Header {
    bool ok = false;
    int version = 4;
    uint8_t proto = 0;
    uint16_t src = 0, dst = 0;
    uint8_t flags = 0;
    uint32_t payload = 0;
    QByteArray dstAddr; // 4 or 16 bytes
};

Header parseHeader(const QByteArray& b)
{
    Header h;
    const auto* p = reinterpret_cast<const uint8_t*>(b.constData());
    const int n = int(b.size());
    int l4 = 0, total = n;
    if (n >= 20 && (p[0] >> 4) == 4) {
        const int ihl = (p[0] & 0x0f) * 4;
        if (ihl < 20 || ihl > n) return h;
        h.proto = p[9];
        total = std::min(n, (p[2] << 8) | p[3]);
        h.dstAddr = b.mid(16, 4);
        l4 = ihl;
    } else if (n >= 40 && (p[0] >> 4) == 6) {
        h.version = 6;
        h.proto = p[6]; // extension headers: not on the lab's loopback
        total = std::min(n, 40 + ((p[4] << 8) | p[5]));
        h.dstAddr = b.mid(24, 16);
        l4 = 40;
    } else {
        return h;
    }
    if ((h.proto == IPPROTO_TCP && total >= l4 + 20) || (h.proto == IPPROTO_UDP && total >= l4 + 8)) {
        h.src = uint16_t((p[l4] << 8) | p[l4 + 1]);
        h.dst = uint16_t((p[l4 + 2] << 8) | p[l4 + 3]);
        if (h.proto == IPPROTO_TCP) {
            h.flags = p[l4 + 13];
            const int doff = (p[l4 + 12] >> 4) * 4;
            h.payload = uint32_t(std::max(0, total - l4 - doff));
        } else {
            h.payload = uint32_t(total - l4 - 8);
        }
    }
    h.ok = true;
    return h;
}

struct Pending {
    uint32_t id = 0;
    int dir = 0; // 0 c2s, 1 s2c
    int64_t sinceUs = 0;
    int64_t dueUs = -1; // -1: until released
    int rule = -1;
    bool duplicate = false;
    WireAction kind = WireAction::Hold;
    QByteArray bytes;
};

QString dirName(int d) { return d == 0 ? QStringLiteral("c2s") : QStringLiteral("s2c"); }

} // namespace

struct Wire::State {
    // Shared with the callers (under `mutex`).
    mutable std::mutex mutex;
    std::vector<WireRule> rules;
    std::vector<int> matches; // per rule: packets it matched so far
    std::vector<bool> ended;  // per rule: releaseAll() ended a hold rule
    QList<WireRecord> records;
    WireStats stats;
    std::vector<std::pair<uint32_t, bool>> commands; // (id, release?) ; id 0 with true: release all
    QList<HeldPacket> heldView;
    bool quit = false;
    UniqueFd wake; // eventfd: a command or quit

    // The wire thread's own.
    NfQueue queue;
    UniqueFd raw4, raw6; // the wire's duplicates
    std::map<uint32_t, Pending> held;      // by id: held or waiting to be reordered
    std::multimap<int64_t, Pending> timed; // by due time: delayed (and holds with a time limit)
    QHash<quint64, uint16_t> clientPort;   // flow -> the connecting side's port
    std::mt19937_64 rng[2];
    int64_t nextFreeUs[2] = {0, 0}; // rate limit: when each direction's "link" is free again
};

Wire::Wire(WirePolicy policy) : m_policy(std::move(policy)), m_state(std::make_unique<State>())
{
    m_seed = m_policy.seedGiven ? m_policy.seed : std::random_device{}();
    // One stream per direction: the losses of one side do not depend on how much the other sent.
    m_state->rng[0].seed(m_seed * 2 + 1);
    m_state->rng[1].seed(m_seed * 2 + 2);
}

Wire::~Wire() { stop(); }

bool Wire::start(const Lab& lab, QString* error)
{
    m_state->wake.reset(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK));
    if (!m_state->wake) {
        *error = sysError(QStringLiteral("eventfd"), errno);
        return false;
    }
    std::promise<QString> ready;
    auto result = ready.get_future();
    m_thread = std::thread([this, &lab, &ready] {
        QString err;
        State& s = *m_state;
        if (!lab.isolated()) err = QStringLiteral("the wire needs the lab's private network namespace");
        else if (!lab.enterThisThread(&err)) {}
        else if (!WireFirewall::setLoopbackMtu(m_policy.mtu, &err)) {}
        else if (!s.queue.open(kQueue, kQueueMax, &err)) {}
        else if (!WireFirewall::divertLoopback(kQueue, &err)) {}
        if (err.isEmpty()) {
            // Raw sockets for duplicates, marked so that their copies skip the queue.
            const int mark = int(WireFirewall::kInjectedMark);
            s.raw4.reset(::socket(AF_INET, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_RAW));
            s.raw6.reset(::socket(AF_INET6, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_RAW));
            for (const UniqueFd* fd : {&s.raw4, &s.raw6})
                if (*fd) ::setsockopt(fd->get(), SOL_SOCKET, SO_MARK, &mark, sizeof mark);
        }
        ready.set_value(err);
        if (err.isEmpty()) loop();
    });
    const QString err = result.get();
    if (err.isEmpty()) return true;
    m_thread.join();
    *error = err;
    return false;
}

void Wire::stop()
{
    if (!m_thread.joinable()) return;
    {
        std::lock_guard lock(m_state->mutex);
        m_state->quit = true;
    }
    const uint64_t one = 1;
    (void)!::write(m_state->wake.get(), &one, sizeof one);
    m_thread.join();
}

int Wire::addRule(const WireRule& rule)
{
    std::lock_guard lock(m_state->mutex);
    m_state->rules.push_back(rule);
    m_state->matches.push_back(0);
    m_state->ended.push_back(false);
    return int(m_state->rules.size()) - 1;
}

void Wire::clearRules()
{
    std::lock_guard lock(m_state->mutex);
    std::fill(m_state->ended.begin(), m_state->ended.end(), true);
}

void Wire::endRule(int index)
{
    std::lock_guard lock(m_state->mutex);
    if (index >= 0 && size_t(index) < m_state->ended.size()) m_state->ended[size_t(index)] = true;
}

QList<HeldPacket> Wire::held() const
{
    std::lock_guard lock(m_state->mutex);
    return m_state->heldView;
}

void Wire::release(uint32_t id)
{
    {
        std::lock_guard lock(m_state->mutex);
        m_state->commands.push_back({id, true});
    }
    const uint64_t one = 1;
    (void)!::write(m_state->wake.get(), &one, sizeof one);
}

void Wire::drop(uint32_t id)
{
    {
        std::lock_guard lock(m_state->mutex);
        m_state->commands.push_back({id, false});
    }
    const uint64_t one = 1;
    (void)!::write(m_state->wake.get(), &one, sizeof one);
}

void Wire::releaseAll() { release(0); }

QList<WireRecord> Wire::take()
{
    std::lock_guard lock(m_state->mutex);
    return std::exchange(m_state->records, {});
}

WireStats Wire::stats() const
{
    std::lock_guard lock(m_state->mutex);
    WireStats st = m_state->stats;
    return st;
}

void Wire::loop()
{
    State& s = *m_state;
    QList<WireRecord> out; // this round's records, handed over at its end
    WireStats delta;
    auto record = [&](WireAction a, const QString& reason, const Pending& p, int64_t delayUs = 0) {
        WireRecord r;
        r.epochUs = nowUs();
        r.action = a;
        r.reason = reason;
        r.packetId = p.id;
        r.direction = dirName(p.dir);
        r.delayUs = delayUs;
        r.rule = p.rule;
        r.length = uint32_t(p.bytes.size());
        r.bytes = a == WireAction::Drop ? p.bytes : p.bytes.left(kRecordBytes);
        out.append(std::move(r));
    };
    auto inject = [&](const Pending& p) {
        const Header h = parseHeader(p.bytes);
        if (h.version == 4 && s.raw4) {
            sockaddr_in to{};
            to.sin_family = AF_INET;
            std::memcpy(&to.sin_addr, h.dstAddr.constData(), 4);
            ::sendto(s.raw4.get(), p.bytes.constData(), size_t(p.bytes.size()), 0, reinterpret_cast<sockaddr*>(&to), sizeof to);
        } else if (h.version == 6 && s.raw6) {
            sockaddr_in6 to{};
            to.sin6_family = AF_INET6;
            std::memcpy(&to.sin6_addr, h.dstAddr.constData(), 16);
            ::sendto(s.raw6.get(), p.bytes.constData(), size_t(p.bytes.size()), 0, reinterpret_cast<sockaddr*>(&to), sizeof to);
        }
    };
    std::vector<uint32_t> passedNow[2]; // per direction: ids accepted this round (for reorder)
    auto accept = [&](const Pending& p) {
        s.queue.verdict(p.id, NfQueue::Accept);
        ++delta.passed;
        passedNow[p.dir].push_back(p.id);
        if (p.duplicate) {
            inject(p);
            ++delta.duplicated;
            record(WireAction::Duplicate, p.rule >= 0 ? QStringLiteral("rule") : QStringLiteral("policy"), p);
        }
    };
    auto releasePending = [&](Pending p, const QString& reason) {
        record(WireAction::Release, reason, p, nowUs() - p.sinceUs);
        accept(p);
    };
    auto dropPending = [&](const Pending& p, const QString& reason) {
        s.queue.verdict(p.id, NfQueue::Drop);
        ++delta.dropped;
        record(WireAction::Drop, reason, p);
    };

    auto onPacket = [&](QueuedPacket&& q) {
        ++delta.received;
        delta.largestPacket = std::max(delta.largestPacket, uint32_t(q.bytes.size()));
        const Header h = parseHeader(q.bytes);
        Pending p;
        p.id = q.id;
        p.sinceUs = nowUs();
        p.bytes = std::move(q.bytes);
        // Direction: the side that sent the SYN (or a flow's first packet) is the client.
        const quint64 flow = (quint64(h.proto) << 32) | (quint64(std::min(h.src, h.dst)) << 16) | std::max(h.src, h.dst);
        const bool bareSyn = h.proto == IPPROTO_TCP && (h.flags & TcpFlag::SYN) && !(h.flags & TcpFlag::ACK);
        if (bareSyn || !s.clientPort.contains(flow)) s.clientPort.insert(flow, h.src);
        p.dir = s.clientPort.value(flow) == h.src ? 0 : 1;
        if (h.proto == IPPROTO_ICMP || h.proto == IPPROTO_ICMPV6) p.dir = 1;

        // Rules first, in the order added.
        std::optional<WireRule> hit;
        {
            std::lock_guard lock(s.mutex);
            for (size_t i = 0; i < s.rules.size() && !hit; ++i) {
                const WireRule& r = s.rules[i];
                if (s.ended[i]) continue;
                if (r.tcpOnly && h.proto != IPPROTO_TCP) continue;
                if (r.udpOnly && h.proto != IPPROTO_UDP) continue;
                if ((r.required || r.forbidden) && h.proto != IPPROTO_TCP) continue;
                if ((h.flags & r.required) != r.required || (h.flags & r.forbidden)) continue;
                if (r.dataOnly && h.payload == 0) continue;
                if (r.emptyOnly && h.payload != 0) continue;
                if ((r.anyOf || r.anyOfData) && !(h.flags & r.anyOf) && !(r.anyOfData && h.payload > 0)) continue;
                if (r.direction == WireDirection::C2S && p.dir != 0) continue;
                if (r.direction == WireDirection::S2C && p.dir != 1) continue;
                const int m = ++s.matches[i];
                if (m < r.nth || (r.count >= 0 && m >= r.nth + r.count)) continue;
                hit = r;
                p.rule = int(i);
            }
        }
        if (hit) {
            switch (hit->action) {
            case WireRule::Action::Drop: dropPending(p, QStringLiteral("rule")); return;
            case WireRule::Action::Hold:
                ++delta.held;
                record(WireAction::Hold, QStringLiteral("rule"), p);
                p.kind = WireAction::Hold;
                if (hit->holdUs >= 0) {
                    p.dueUs = p.sinceUs + hit->holdUs;
                    s.timed.emplace(p.dueUs, p);
                } else {
                    s.held.emplace(p.id, p);
                }
                return;
            case WireRule::Action::Reorder:
                ++delta.reordered;
                record(WireAction::Reorder, QStringLiteral("rule"), p);
                p.kind = WireAction::Reorder;
                p.dueUs = p.sinceUs + kReorderMaxUs;
                s.held.emplace(p.id, p);
                return;
            case WireRule::Action::Duplicate: p.duplicate = true; break;
            }
        }
        // Then the policy of the packet's direction.
        const WireDirectionPolicy& pol = p.dir == 0 ? m_policy.c2s : m_policy.s2c;
        std::mt19937_64& rng = s.rng[p.dir];
        if (pol.lossPercent > 0 && std::uniform_real_distribution<double>(0, 100)(rng) < pol.lossPercent) {
            dropPending(p, QStringLiteral("loss"));
            return;
        }
        if (pol.duplicatePercent > 0 && std::uniform_real_distribution<double>(0, 100)(rng) < pol.duplicatePercent)
            p.duplicate = true;
        int64_t due = p.sinceUs;
        QString why = QStringLiteral("delay");
        if (pol.rateBitsPerS > 0) {
            const int64_t txUs = int64_t(double(p.bytes.size()) * 8e6 / double(pol.rateBitsPerS));
            int64_t& free = s.nextFreeUs[p.dir];
            free = std::max(free, p.sinceUs) + txUs;
            due = free;
            why = QStringLiteral("rate");
        }
        due += pol.delayUs;
        if (pol.jitterUs > 0) due += std::uniform_int_distribution<int64_t>(-pol.jitterUs, pol.jitterUs)(rng);
        if (due > p.sinceUs) {
            ++delta.delayed;
            p.kind = WireAction::Delay;
            p.dueUs = due;
            record(WireAction::Delay, why, p, due - p.sinceUs);
            s.timed.emplace(due, p);
            return;
        }
        // A plain pass is no event: its captured segment on lo is the packet that
        // crossed, and the wire-stats note counts it (issue 12: a bulk transfer
        // through the wire made an event per packet twice over). A rule's pass is
        // its duplicate, recorded by accept().
        accept(p);
    };

    for (;;) {
        int timeoutMs = -1;
        const int64_t now = nowUs();
        int64_t next = s.timed.empty() ? -1 : s.timed.begin()->first;
        for (const auto& [id, p] : s.held)
            if (p.dueUs >= 0 && (next < 0 || p.dueUs < next)) next = p.dueUs;
        if (next >= 0) timeoutMs = int(std::max<int64_t>(0, (next - now + 999) / 1000));
        pollfd fds[2] = {{s.queue.fd(), POLLIN, 0}, {s.wake.get(), POLLIN, 0}};
        ::poll(fds, 2, timeoutMs);

        QString err;
        if (fds[0].revents & (POLLIN | POLLERR)) s.queue.receive(onPacket, &err);
        // This round's records so far are handed over before any verdict is given:
        // a delayed packet's record is there before its capture on lo can be
        // (WireDelays joins the two).
        if (!out.isEmpty()) {
            std::lock_guard lock(s.mutex);
            s.records.append(std::exchange(out, {}));
        }

        std::vector<std::pair<uint32_t, bool>> commands;
        bool quit = false;
        if (fds[1].revents & POLLIN) {
            uint64_t v;
            (void)!::read(s.wake.get(), &v, sizeof v);
        }
        {
            std::lock_guard lock(s.mutex);
            commands = std::exchange(s.commands, {});
            quit = s.quit;
            if (std::any_of(commands.begin(), commands.end(), [](const auto& c) { return c.first == 0; }))
                for (size_t i = 0; i < s.rules.size(); ++i)
                    if (s.rules[i].action == WireRule::Action::Hold) s.ended[i] = true;
        }
        for (const auto& [id, rel] : commands) {
            if (id == 0) {
                for (auto& [hid, p] : std::exchange(s.held, {})) releasePending(p, QStringLiteral("user"));
                for (auto it = s.timed.begin(); it != s.timed.end();)
                    if (it->second.kind == WireAction::Hold) {
                        releasePending(it->second, QStringLiteral("user"));
                        it = s.timed.erase(it);
                    } else {
                        ++it;
                    }
                continue;
            }
            Pending p;
            bool found = false;
            if (auto it = s.held.find(id); it != s.held.end()) {
                p = it->second;
                s.held.erase(it);
                found = true;
            } else {
                for (auto t = s.timed.begin(); t != s.timed.end(); ++t)
                    if (t->second.id == id) {
                        p = t->second;
                        s.timed.erase(t);
                        found = true;
                        break;
                    }
            }
            if (!found) continue;
            if (rel) releasePending(p, QStringLiteral("user"));
            else dropPending(p, QStringLiteral("user"));
        }
        // Due: delayed packets and holds with a time limit, in time order.
        const int64_t t = nowUs();
        while (!s.timed.empty() && s.timed.begin()->first <= t) {
            Pending p = s.timed.begin()->second;
            s.timed.erase(s.timed.begin());
            if (p.kind == WireAction::Delay) {
                // A delayed packet's release is its capture on lo: no second record.
                accept(p);
            } else {
                releasePending(p, QStringLiteral("timer"));
            }
        }
        // Reordered packets go after a later packet of their direction (or after kReorderMaxUs).
        for (auto it = s.held.begin(); it != s.held.end();) {
            const Pending& p = it->second;
            const bool overtaken = std::any_of(passedNow[p.dir].begin(), passedNow[p.dir].end(),
                                               [&](uint32_t id) { return id > p.id; });
            if (p.kind == WireAction::Reorder && (overtaken || (p.dueUs >= 0 && p.dueUs <= t))) {
                Pending copy = p;
                it = s.held.erase(it);
                releasePending(copy, QStringLiteral("reorder"));
            } else {
                ++it;
            }
        }
        passedNow[0].clear();
        passedNow[1].clear();
        if (quit) {
            // The lab is ending: whatever waits is let go (its programs are gone or going).
            for (auto& [id, p] : std::exchange(s.held, {})) releasePending(p, QStringLiteral("end"));
            for (auto& [due, p] : std::exchange(s.timed, {})) accept(p);
        }
        {
            std::lock_guard lock(s.mutex);
            s.records.append(std::move(out));
            WireStats& st = s.stats;
            st.received += delta.received;
            st.passed += delta.passed;
            st.dropped += delta.dropped;
            st.held += delta.held;
            st.delayed += delta.delayed;
            st.duplicated += delta.duplicated;
            st.reordered += delta.reordered;
            st.largestPacket = std::max(st.largestPacket, delta.largestPacket);
            st.relayLost = s.queue.overruns() + s.queue.idGaps();
            s.heldView.clear();
            for (const auto& [id, p] : s.held)
                if (p.kind == WireAction::Hold) s.heldView.append({p.id, dirName(p.dir), p.sinceUs, p.rule, p.bytes.left(kRecordBytes)});
            for (const auto& [due, p] : s.timed)
                if (p.kind == WireAction::Hold) s.heldView.append({p.id, dirName(p.dir), p.sinceUs, p.rule, p.bytes.left(kRecordBytes)});
        }
        out.clear();
        delta = {};
        if (quit) return;
    }
}

} // namespace socklab
