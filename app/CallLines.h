#pragma once
// `socklab lab`'s lines for the calls the gate recorded: a Python program's
// call shows its file:line and the line of code itself,
//   kr_tcp_server.py:8  connectionSocket, addr = serverSocket.accept()  … blocked
// a C program's call its name, arguments and result.

#include "Event.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringList>

namespace socklab {

class CallLines
{
    Q_DECLARE_TR_FUNCTIONS(CallLines)

public:
    // Empty for events that are not calls or returns.
    QString format(const Event& e);

private:
    QString sourceLine(const QString& file, int line);
    static QString cCall(const CallData& c);
    static QString result(const ReturnData& r);

    struct Where {
        QString file;
        int line = -1;
    };
    QHash<QString, Where> m_last; // actor/pid -> its call being made
    QHash<QString, QStringList> m_sources;
};

} // namespace socklab
