// `socklab lab`: output, exit codes and stdin, through the real binary.

#include "LabGuard.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <gtest/gtest.h>

namespace {

struct Result {
    int code = -1;
    QString out, err;
};

Result lab(const QStringList& args, const QByteArray& input = {}, bool closeInput = true)
{
    QProcess p;
    p.setWorkingDirectory(QStringLiteral(SOCKLAB_SOURCE_DIR "/resources/examples/python"));
    p.start(QStringLiteral(SOCKLAB_BINARY), QStringList{"lab"} + args);
    EXPECT_TRUE(p.waitForStarted());
    if (!input.isEmpty()) p.write(input);
    if (closeInput) p.closeWriteChannel();
    EXPECT_TRUE(p.waitForFinished(120000));
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

TEST(LabCli, ServerAndClientText)
{
    const Result r = lab({"--", "python3", "tcp_server.py", "---", "python3", "tcp_client.py", "hello"});
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.startsWith("capture: namespace"));
    EXPECT_TRUE(r.out.contains("tcp_client.py → tcp_server.py  [SYN] seq=0"));
    EXPECT_TRUE(r.out.contains("tcp_server.py → tcp_client.py  [SYN,ACK] seq=0 ack=1"));
    EXPECT_TRUE(r.out.contains("b'hello'"));
    EXPECT_TRUE(r.out.contains(QStringLiteral("tcp_server.py | 收到： hello")));
    EXPECT_TRUE(r.out.contains("TIME_WAIT (kernel: sock_diag)"));
    EXPECT_TRUE(r.out.contains("tcp_client.py exited with status 0"));
}

TEST(LabCli, JsonHasSegmentsAndNoProblems)
{
    SOCKLAB_REQUIRE_LAB();
    const Result r = lab({"--json", "--", "python3", "tcp_server.py", "---", "python3", "tcp_client.py", "hi"});
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
    EXPECT_EQ(doc.value("capture").toString(), "namespace");
    EXPECT_TRUE(doc.value("problems").toArray().isEmpty());
    QStringList handshake;
    for (const QJsonValue& v : doc.value("events").toArray()) {
        const QJsonObject e = v.toObject();
        if (e.value("kind") != "segment" || handshake.size() == 3) continue;
        QStringList f;
        for (const QJsonValue& x : e.value("flags").toArray())
            f << x.toString();
        handshake << e.value("from").toString() + ':' + f.join(',');
    }
    EXPECT_EQ(handshake, (QStringList{"tcp_client.py:SYN", "tcp_server.py:SYN,ACK", "tcp_client.py:ACK"}));
}

TEST(LabCli, StdinGoesToTheLastProgram)
{
    const Result r = lab({"--", "nc", "-l", "127.0.0.1", "8888", "---", "nc", "-N", "127.0.0.1", "8888"},
                         "typed line\n");
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains("nc      | typed line")) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains("nc#2    < typed line"));
}

TEST(LabCli, ExitCodes)
{
    Result r = lab({"--timeout", "1", "--", "sleep", "100"});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("socklab: timeout: after 1 s still running: sleep (stopped with SIGTERM)"))
        << r.err.toStdString();
    r = lab({"--", "python3", "-c", "import os; os.abort()"});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("killed by signal 6 (SIGABRT)")) << r.err.toStdString();
    r = lab({"--", "python3", "-c", "import sys; sys.exit(3)"});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("exited with status 3"));
    r = lab({"--", "no-such-program-xyz"});
    EXPECT_EQ(r.code, 1);
    EXPECT_EQ(r.err, "socklab: command not found: no-such-program-xyz\n");
    EXPECT_EQ(lab({}).code, 2);
    EXPECT_EQ(lab({"--"}).code, 2);
    EXPECT_EQ(lab({"--bogus", "--", "true"}).code, 2);
    EXPECT_EQ(lab({"--timeout", "soon", "--", "true"}).code, 2);
    EXPECT_EQ(lab({"--", "true", "---"}).code, 2);
    EXPECT_EQ(lab({"--", "true"}).code, 0);
}

TEST(LabCli, CallsInterleavedWithFileLineAndBlocked)
{
    const QString dir = QStringLiteral(SOCKLAB_SOURCE_DIR "/tests/gate/");
    const Result r = lab({"--", "python3", dir + "kr_tcp_server.py", "12120", "---", "python3",
                          dir + "kr_tcp_client.py", "12120"});
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    // The student's line, the code itself, and the kernel's verdict.
    EXPECT_TRUE(r.out.contains("kr_tcp_server.py:10  connectionSocket, addr = serverSocket.accept()  … blocked"))
        << r.out.toStdString();
    EXPECT_TRUE(r.out.contains("kr_tcp_server.py:11  sentence = connectionSocket.recv(1024).decode()  → 5 b'hello'"));
    EXPECT_TRUE(r.out.contains("kr_tcp_client.py:8  clientSocket.connect(('127.0.0.1', serverPort))  → 0"));
    // Calls before the packets they cause: connect() starts, then the SYN.
    const int connect = int(r.out.indexOf("kr_tcp_client.py:8  clientSocket.connect"));
    const int syn = int(r.out.indexOf("[SYN] seq=0"));
    EXPECT_GE(connect, 0);
    EXPECT_GT(syn, connect);
}

TEST(LabCli, NoGateRunsWithoutCalls)
{
    const QString dir = QStringLiteral(SOCKLAB_SOURCE_DIR "/tests/gate/");
    const Result r = lab({"--no-gate", "--", "python3", dir + "kr_tcp_server.py", "12121", "---", "python3",
                          dir + "kr_tcp_client.py", "12121"});
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains("[SYN] seq=0"));
    EXPECT_FALSE(r.out.contains("kr_tcp_server.py:10"));
}
