#include "CallLines.h"

#include <QFile>
#include <QFileInfo>

namespace socklab {

namespace {

QString bytesText(const QByteArray& b)
{
    QString s = QStringLiteral("b'");
    for (const char ch : b) {
        const auto c = uchar(ch);
        if (c == '\\' || c == '\'') s += '\\' + QChar(c);
        else if (c == '\n') s += QStringLiteral("\\n");
        else if (c == '\r') s += QStringLiteral("\\r");
        else if (c >= 0x20 && c < 0x7f) s += QChar(c);
        else s += QStringLiteral("\\x%1").arg(c, 2, 16, QChar('0'));
    }
    return s + '\'';
}

} // namespace

QString CallLines::sourceLine(const QString& file, int line)
{
    auto it = m_sources.find(file);
    if (it == m_sources.end()) {
        QFile f(file);
        QStringList lines;
        if (f.open(QIODevice::ReadOnly)) lines = QString::fromUtf8(f.readAll()).split('\n');
        it = m_sources.insert(file, lines);
    }
    return it->value(line - 1).trimmed();
}

QString CallLines::cCall(const CallData& c)
{
    const QVariantMap& a = c.args;
    QStringList parts;
    if (a.contains("fd")) parts << QStringLiteral("fd %1").arg(a.value("fd").toInt());
    if (a.contains("type")) parts << a.value("family").toString() << a.value("type").toString();
    if (a.contains("addr")) parts << QStringLiteral("%1:%2").arg(a.value("addr").toString()).arg(a.value("port").toInt());
    if (a.contains("backlog")) parts << QString::number(a.value("backlog").toInt());
    if (a.contains("length")) parts << tr("%n bytes", nullptr, a.value("length").toInt());
    if (a.contains("how")) parts << a.value("how").toString();
    if (a.contains("option")) parts << a.value("option").toString();
    if (a.contains("fds")) {
        QStringList fds;
        for (const QVariant& v : a.value("fds").toList())
            fds << QString::number(v.toInt());
        parts << tr("fds %1").arg(fds.join(','));
    }
    return QStringLiteral("%1(%2)").arg(c.call, parts.join(QStringLiteral(", ")));
}

QString CallLines::result(const ReturnData& r)
{
    const QString exception = r.values.value("exception").toString();
    if (!exception.isEmpty())
        return r.errnoName.isEmpty() ? QStringLiteral("→ %1").arg(exception)
                                     : QStringLiteral("→ %1 (%2)").arg(exception, r.errnoName);
    if (!r.errnoName.isEmpty()) return tr("→ error %1").arg(r.errnoName);
    QString v = QStringLiteral("→ %1").arg(r.result);
    if (r.values.contains("data")) v += ' ' + bytesText(r.values.value("data").toByteArray());
    if (r.values.contains("peer")) v += ' ' + tr("from %1").arg(r.values.value("peer").toString());
    return v;
}

QString CallLines::format(const Event& e)
{
    const QString who = e.actor.toString().leftJustified(7);
    if (const CallData* c = e.call()) {
        const QString key = e.actor + '/' + c->args.value("pid").toString();
        m_last.insert(key, {c->codeFile, c->codeLine});
        if (c->codeFile.isEmpty() || c->codeLine < 1) return QStringLiteral("%1 %2").arg(who, cCall(*c));
        const QString code = sourceLine(c->codeFile, c->codeLine);
        // The call itself when the line does not show it (socketserver, asyncio, create_connection).
        const QString hidden = code.contains(c->call + '(') ? QString() : QStringLiteral("  [%1]").arg(cCall(*c));
        return QStringLiteral("%1 %2:%3  %4%5").arg(who, QFileInfo(c->codeFile).fileName()).arg(c->codeLine)
            .arg(code, hidden);
    }
    const ReturnData* r = e.ret();
    if (!r) return {};
    const QString key = e.actor + '/' + r->values.value("pid").toString();
    const Where w = m_last.value(key);
    const QString tail = r->blocked ? QStringLiteral("… %1").arg(tr("blocked")) : result(*r);
    if (!r->blocked) m_last.remove(key);
    if (w.file.isEmpty() || w.line < 1) return QStringLiteral("%1 %2() %3").arg(who, r->call, tail);
    return QStringLiteral("%1 %2:%3  %4  %5").arg(who, QFileInfo(w.file).fileName()).arg(w.line)
        .arg(sourceLine(w.file, w.line), tail);
}

} // namespace socklab
