#include "WirePolicy.h"

#include <QRegularExpression>
#include <QStringList>

#include <cmath>

namespace socklab {

namespace {

Problem specProblem(const QString& code, const QString& item, QVariantMap more = {})
{
    more.insert("item", item);
    return Problem(code, more);
}

// "50ms", "1.5s", "200us", "0": microseconds, or -1.
int64_t parseDuration(const QString& v)
{
    static const QRegularExpression re(QStringLiteral("^([0-9]+(?:\\.[0-9]+)?)(us|ms|s)?$"));
    const auto m = re.match(v.trimmed().toLower());
    if (!m.hasMatch()) return -1;
    const double x = m.captured(1).toDouble();
    const QString unit = m.captured(2);
    if (unit.isEmpty() && x != 0) return -1; // a duration needs its unit
    const double us = unit == QLatin1String("s") ? x * 1e6 : unit == QLatin1String("us") ? x : x * 1e3;
    if (us > 60e6) return -1; // more than a minute is no wire
    return int64_t(std::llround(us));
}

// "30%", "30", "2.5%": 0..100, or -1.
double parsePercent(const QString& v)
{
    static const QRegularExpression re(QStringLiteral("^([0-9]+(?:\\.[0-9]+)?)%?$"));
    const auto m = re.match(v.trimmed());
    if (!m.hasMatch()) return -1;
    const double x = m.captured(1).toDouble();
    return x <= 100 ? x : -1;
}

// "1mbit", "500kbit", "2gbit", "9600bit", "100kbps" (bytes): bits per second, or -1.
int64_t parseRate(const QString& v)
{
    static const QRegularExpression re(QStringLiteral("^([0-9]+(?:\\.[0-9]+)?)(bit|kbit|mbit|gbit|bps|kbps|mbps|gbps)$"));
    const auto m = re.match(v.trimmed().toLower());
    if (!m.hasMatch()) return -1;
    const double x = m.captured(1).toDouble();
    const QString u = m.captured(2);
    double bits = x;
    if (u.startsWith('k')) bits *= 1e3;
    else if (u.startsWith('m')) bits *= 1e6;
    else if (u.startsWith('g')) bits *= 1e9;
    if (u.endsWith(QLatin1String("bps"))) bits *= 8;
    if (bits < 8000 || bits > 100e9) return -1; // below 1 kB/s a lesson never ends
    return int64_t(bits);
}

QVariantMap directionMap(const WireDirectionPolicy& d)
{
    return {{"loss_percent", d.lossPercent}, {"duplicate_percent", d.duplicatePercent},
            {"delay_us", qint64(d.delayUs)}, {"jitter_us", qint64(d.jitterUs)},
            {"rate_bit_s", qint64(d.rateBitsPerS)}};
}

} // namespace

bool WirePolicy::parse(const QString& spec, WirePolicy* out, Problem* error)
{
    WirePolicy p;
    if (spec.trimmed().isEmpty()) {
        *error = Problem(QStringLiteral("wire-spec-empty"));
        return false;
    }
    for (const QString& rawItem : spec.split(',')) {
        const QString item = rawItem.trimmed();
        const qsizetype eq = item.indexOf('=');
        if (eq <= 0) {
            *error = specProblem(QStringLiteral("wire-spec-item"), item);
            return false;
        }
        QString key = item.left(eq).trimmed().toLower();
        const QString value = item.mid(eq + 1).trimmed();
        bool toC2s = true, toS2c = true;
        if (key.endsWith(QLatin1String(".c2s"))) {
            toS2c = false;
            key.chop(4);
        } else if (key.endsWith(QLatin1String(".s2c"))) {
            toC2s = false;
            key.chop(4);
        }
        const bool both = toC2s && toS2c;
        auto apply = [&](auto setter) {
            if (toC2s) setter(p.c2s);
            if (toS2c) setter(p.s2c);
        };
        if (key == QLatin1String("loss") || key == QLatin1String("duplicate")) {
            const double x = parsePercent(value);
            if (x < 0) {
                *error = specProblem(QStringLiteral("wire-spec-percent"), item);
                return false;
            }
            const bool loss = key == QLatin1String("loss");
            apply([&](WireDirectionPolicy& d) { (loss ? d.lossPercent : d.duplicatePercent) = x; });
        } else if (key == QLatin1String("delay") || key == QLatin1String("jitter")) {
            const int64_t us = parseDuration(value);
            if (us < 0) {
                *error = specProblem(QStringLiteral("wire-spec-duration"), item);
                return false;
            }
            const bool delay = key == QLatin1String("delay");
            apply([&](WireDirectionPolicy& d) { (delay ? d.delayUs : d.jitterUs) = us; });
        } else if (key == QLatin1String("rate")) {
            const int64_t bits = parseRate(value);
            if (bits < 0) {
                *error = specProblem(QStringLiteral("wire-spec-rate"), item);
                return false;
            }
            apply([&](WireDirectionPolicy& d) { d.rateBitsPerS = bits; });
        } else if (key == QLatin1String("mtu") && both) {
            bool ok = false;
            const int mtu = value.toInt(&ok);
            if (!ok || mtu < 576 || mtu > 65536) {
                *error = specProblem(QStringLiteral("wire-spec-mtu"), item);
                return false;
            }
            p.mtu = mtu;
        } else if (key == QLatin1String("seed") && both) {
            bool ok = false;
            const qulonglong seed = value.toULongLong(&ok);
            if (!ok) {
                *error = specProblem(QStringLiteral("wire-spec-seed"), item);
                return false;
            }
            p.seed = seed;
            p.seedGiven = true;
        } else {
            // mtu and seed belong to the lab, not to a direction: mtu.c2s is unknown too.
            *error = specProblem(QStringLiteral("wire-spec-key"), item, {{"key", item.left(eq).trimmed()}});
            return false;
        }
    }
    *out = p;
    return true;
}

QVariantMap WirePolicy::toMap() const
{
    return {{"c2s", directionMap(c2s)}, {"s2c", directionMap(s2c)}, {"mtu", mtu}, {"seed", QString::number(seed)}};
}

} // namespace socklab
