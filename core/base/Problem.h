#pragma once
// What went wrong, as a code and its values: the engine makes no sentences.
// {"unknown-scenario", {{"id", "foo"}}} becomes "unknown scenario "foo" (see:
// socklab list)" or its Chinese where it is shown (present/ProblemText).
// A problem caused by another carries it in args["cause"] (toMap()); what
// the system said (strerror, libpcap) travels as args["detail"], verbatim.

#include <QString>
#include <QVariantMap>

namespace socklab {

struct Problem {
    QString code; // empty: no problem
    QVariantMap args;

    Problem() = default;
    explicit Problem(QString c, QVariantMap a = {}) : code(std::move(c)), args(std::move(a)) {}

    bool isNull() const { return code.isEmpty(); }
    // {"code": ..., "args": {...}}: how a problem is nested, stored in a note or in JSON.
    QVariantMap toMap() const;
    static Problem fromMap(const QVariantMap& m);
    // This problem with `cause` as the reason behind it.
    Problem causedBy(const Problem& cause) const;
    // "code {key=value, ...}" for logs and test failure messages; never shown to users.
    QString debugText() const;
    bool operator==(const Problem& o) const { return code == o.code && args == o.args; }
};

using ProblemList = QList<Problem>;

} // namespace socklab
