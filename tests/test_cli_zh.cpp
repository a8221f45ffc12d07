// The Chinese command line: `--lang zh_CN`, or a zh_CN locale without --lang,
// makes every line run/list/lab print Chinese, errors included; packet lines
// keep tcpdump's notation. Without either (LANG=C), English as before.

#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>

#include <gtest/gtest.h>

namespace {

struct Result {
    int code = -1;
    QString out, err;
};

// Runs socklab with the locale variables set exactly as given (the rest of them removed).
Result socklab(const QStringList& args, const QMap<QString, QString>& locale = {{"LANG", "C"}})
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* v : {"LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"})
        env.remove(QString::fromLatin1(v));
    for (auto it = locale.cbegin(); it != locale.cend(); ++it)
        env.insert(it.key(), it.value());
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(SOCKLAB_BINARY), args);
    EXPECT_TRUE(p.waitForFinished(60000));
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

bool hasChinese(const QString& s)
{
    static const QRegularExpression han(QStringLiteral("\\p{Han}"));
    return s.contains(han);
}

// The handshake in Chinese words, the packets in tcpdump's notation.
void expectChineseHandshake(const Result& r)
{
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QStringList lines = r.out.split('\n', Qt::SkipEmptyParts);
    ASSERT_GT(lines.size(), 20);
    EXPECT_TRUE(lines.first().startsWith(QStringLiteral("捕获："))) << lines.first().toStdString();
    EXPECT_TRUE(hasChinese(lines.first()));
    EXPECT_TRUE(r.out.contains(QStringLiteral("── 第 1 步：server socket()")))
        << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("server  accept() … 阻塞"))) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("server  sockfd LISTEN（内核：sock_diag）")))
        << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("server → client  [SYN,ACK] seq=0 ack=1 win=")))
        << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("client → server  [SYN] seq=0 win=")));
    // Each step's caption (the window's narration, with this run's values) right under its header.
    EXPECT_TRUE(r.out.contains(QRegularExpression(
        QStringLiteral("── 第 1 步：server socket\\(\\)\n\\s+» 服务端创建一个流式套接字（SOCK_STREAM）：socket\\(\\) 返回描述符 \\d+。"))))
        << r.out.toStdString();
    // No English words left around the notation.
    for (const char* english : {"capture:", "blocked", "step ", "(kernel", "(derived", "note:"})
        EXPECT_FALSE(r.out.contains(QLatin1String(english))) << english << "\n"
                                                             << r.out.toStdString();
}

} // namespace

TEST(CliChinese, RunWithLangFlag)
{
    expectChineseHandshake(socklab({"run", "handshake", "--lang", "zh_CN"}));
}

TEST(CliChinese, RunUnderAChineseLocale)
{
    expectChineseHandshake(socklab({"run", "handshake"}, {{"LANG", "zh_CN.UTF-8"}}));
    expectChineseHandshake(
        socklab({"run", "handshake"}, {{"LANG", "C"}, {"LC_MESSAGES", "zh_CN.UTF-8"}}));
    expectChineseHandshake(
        socklab({"run", "handshake"}, {{"LANG", "C"}, {"LC_ALL", "zh_CN.UTF-8"}}));
}

TEST(CliChinese, EnglishByDefaultAndWhenAsked)
{
    for (const Result& r :
         {socklab({"run", "handshake"}),
          socklab({"run", "handshake", "--lang", "en"}, {{"LANG", "zh_CN.UTF-8"}})}) {
        ASSERT_EQ(r.code, 0) << r.err.toStdString();
        EXPECT_TRUE(r.out.startsWith(QStringLiteral("capture: "))) << r.out.toStdString();
        EXPECT_TRUE(r.out.contains(QStringLiteral("── step 1: server socket()")));
        EXPECT_TRUE(r.out.contains(QRegularExpression(QStringLiteral(
            "── step 1: server socket\\(\\)\n\\s+» The server creates a stream socket \\(SOCK_STREAM\\): socket\\(\\) returns descriptor \\d+\\."))))
            << r.out.toStdString();
        EXPECT_TRUE(r.out.contains(QStringLiteral("server  accept() … blocked")));
        EXPECT_TRUE(r.out.contains(QStringLiteral("server  sockfd LISTEN (kernel: sock_diag)")))
            << r.out.toStdString();
        EXPECT_TRUE(r.out.contains(QStringLiteral("server → client  [SYN,ACK] seq=0 ack=1 win=")));
        // socklab's own words are English; what the lesson's programs print
        // ("  | ..." / "  ! ..." lines) is theirs, and they print Chinese.
        QString words = r.out;
        words.remove(QRegularExpression(QStringLiteral("(?m)^\\s*[0-9.]+\\s+\\S+\\s+[|!] .*$")));
        EXPECT_FALSE(hasChinese(words)) << words.toStdString();
        EXPECT_TRUE(hasChinese(r.out)); // the programs' own output is there, untranslated
    }
}

TEST(CliChinese, ListShowsChineseTitles)
{
    const Result zh = socklab({"list", "--lang", "zh_CN"});
    ASSERT_EQ(zh.code, 0);
    EXPECT_TRUE(zh.out.startsWith(QStringLiteral("handshake\t三次握手"))) << zh.out.toStdString();
    const Result en = socklab({"list"});
    EXPECT_EQ(en.out.count('\n'), zh.out.count('\n'));
    EXPECT_FALSE(hasChinese(en.out)) << en.out.toStdString();
}

TEST(CliChinese, ErrorsInChinese)
{
    const Result unknown = socklab({"run", "nope", "--lang", "zh_CN"});
    EXPECT_EQ(unknown.code, 2);
    EXPECT_EQ(unknown.err, QStringLiteral("socklab: 未知的场景“nope”（见：socklab list）\n"));
    const Result option = socklab({"run", "handshake", "--bogus"}, {{"LANG", "zh_CN.UTF-8"}});
    EXPECT_EQ(option.code, 2);
    EXPECT_EQ(option.err, QStringLiteral("socklab: run 没有这个选项：--bogus\n"));
    // A parameter checked by the engine (a code and values), told in Chinese.
    const Result param = socklab({"run", "buffers", "--set", "sndbuf=lots", "--lang", "zh_CN"});
    EXPECT_EQ(param.code, 2);
    EXPECT_EQ(param.err, QStringLiteral("socklab: sndbuf（发送缓冲区字节数） 必须是 1 到 16777216 "
                                        "之间的整数（收到了“lots”）\n"));
    // Before any verb: the command line itself is wrong.
    const Result verb = socklab({"frobnicate"}, {{"LANG", "zh_CN.UTF-8"}});
    EXPECT_EQ(verb.code, 2);
    EXPECT_EQ(verb.err,
              QStringLiteral("socklab: 未知的命令“frobnicate”（可用 list、run、export、lab、replay、doctor）\n"));
    // The same in English under LANG=C.
    EXPECT_EQ(socklab({"run", "nope"}).err,
              QStringLiteral("socklab: unknown scenario \"nope\" (see: socklab list)\n"));
    EXPECT_EQ(socklab({"frobnicate"}).err,
              QStringLiteral("socklab: unknown command \"frobnicate\" (list, run, export, lab, replay, doctor)\n"));
}

TEST(CliChinese, LabWithARealProgram)
{
    // A real program in the lab: it prints, opens no socket and exits with 3.
    const Result r = socklab(
        {"lab", "--lang", "zh_CN", "--timeout", "20", "--", "sh", "-c", "echo 你好; exit 3"});
    EXPECT_EQ(r.code, 1) << r.err.toStdString();
    EXPECT_TRUE(r.out.startsWith(QStringLiteral("捕获："))) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("sh      已启动：sh -c echo 你好; exit 3（pid ")))
        << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("sh      | 你好"))) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("sh      退出，状态码 3"))) << r.out.toStdString();
    EXPECT_TRUE(r.err.contains(
        QStringLiteral("socklab: 提示：sh 从未打开过 TCP 或 UDP 套接字：没有可展示的内容\n")))
        << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(
        QRegularExpression(QStringLiteral("socklab: sh（pid \\d+）退出，状态码 3\n"))))
        << r.err.toStdString();
    for (const char* english : {"started", "exited", "note:", "capture:"}) {
        EXPECT_FALSE(r.out.contains(QLatin1String(english))) << english;
        EXPECT_FALSE(r.err.contains(QLatin1String(english))) << english;
    }
    const Result usage = socklab({"lab", "--lang", "zh_CN"});
    EXPECT_EQ(usage.code, 2);
    EXPECT_EQ(usage.err,
              QStringLiteral(
                  "socklab: lab 需要一个命令：socklab lab -- 命令 [参数...] [--- 命令 ...]\n"));
}
