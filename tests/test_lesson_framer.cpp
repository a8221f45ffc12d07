// MessageFramer and the lesson scenarios' parameters: pure functions, no sockets.

#include "MessageFramer.h"
#include "ScenarioCatalog.h"
#include "ScenarioFolder.h"

#include <gtest/gtest.h>

using namespace socklab;

TEST(LessonFramer, LengthHeaderIsStructPackBangCI)
{
    const QByteArray body = QStringLiteral("你好").toUtf8(); // 2 characters, 6 bytes
    EXPECT_EQ(lengthPrefixed(body), QByteArray("Y\x00\x00\x00\x06", 5) + body);
}

TEST(LessonFramer, DelimiterKeepsTheTailForTheNextRecv)
{
    MessageFramer f(Framing::Delimiter, "#");
    EXPECT_EQ(f.feed("hel"), QList<QByteArray>{});
    EXPECT_EQ(f.feed("lo#wor"), QList<QByteArray>{"hello"});
    EXPECT_EQ(f.pending(), QByteArray("wor"));
    EXPECT_EQ(f.feed("ld##"), (QList<QByteArray>{"world", ""}));
}

TEST(LessonFramer, LengthPrefixWaitsForTheWholeBodyEvenInsideAUtf8Character)
{
    const QByteArray zh = QStringLiteral("你好，世界").toUtf8();
    const QByteArray stream = lengthPrefixed("hello") + lengthPrefixed(zh) + lengthPrefixed("fox");
    MessageFramer f(Framing::LengthPrefix, {});
    const int cut = 10 + 5 + 4; // one byte into the second character
    EXPECT_EQ(f.feed(stream.left(cut)), QList<QByteArray>{"hello"});
    EXPECT_EQ(f.feed(stream.mid(cut)), (QList<QByteArray>{zh, "fox"}));
    EXPECT_TRUE(f.pending().isEmpty());
}

TEST(LessonFramer, ArgsNameTheFraming)
{
    EXPECT_EQ(MessageFramer::fromArgs({{"framing", "delimiter"}, {"delimiter", "\n"}}).framing(), Framing::Delimiter);
    EXPECT_EQ(MessageFramer::fromArgs({{"framing", "length-prefix"}}).framing(), Framing::LengthPrefix);
    EXPECT_EQ(MessageFramer::fromArgs({{"framing", "per-recv"}}).framing(), Framing::PerRecv);
    EXPECT_EQ(MessageFramer::fromArgs({}).framing(), Framing::None);
}

TEST(LessonParameters, BadValuesGiveOneClearLineAndNoScenario)
{
    const QList<std::pair<QString, QVariantMap>> bad{
        {"buffers", {{"sndbuf", "0"}}},
        {"buffers", {{"rcvbuf", QString::number(16 * 1024 * 1024 + 1)}}},
        {"buffers", {{"sndbuf", "lots"}}},
        {"fix-delimiter", {{"delimiter", ""}}},
        {"fix-delimiter", {{"delimiter", "o"}}}, // "hello" contains it
        {"sticky", {{"messages", QString(1024 * 1024 + 1, 'a')}}},
        {"sticky", {{"messages", "a||b"}}},
        {"sticky", {{"count", "0"}}},
        {"handshake", {{"port", "0"}}},
        {"udp", {{"port", "65536"}}},
        {"homework", {{"special", ""}}},
        {"backlog", {{"colour", "red"}}},
    };
    for (const auto& [id, params] : bad) {
        Problem error;
        EXPECT_FALSE(ScenarioCatalog::build(id, params, &error).has_value()) << id.toStdString();
        EXPECT_TRUE(error.code.startsWith("param-")) << id.toStdString() << ": " << error.debugText().toStdString();
    }
}

TEST(LessonParameters, GoodValuesReachTheSteps)
{
    // A folder's values reach its programs' arguments (the code shown is the
    // code that ran with them) and its repeated steps.
    Problem error;
    const auto s = ScenarioCatalog::build("fix-delimiter", {{"messages", "a|bb|ccc"}, {"delimiter", "\\n"}}, &error);
    ASSERT_TRUE(s) << error.debugText().toStdString();
    ASSERT_TRUE(s->folder);
    int sends = 0;
    for (const Step& st : s->steps)
        sends += st.call == "send";
    EXPECT_EQ(sends, 3); // "repeat": "{messages}": one send() step per message
    QStringList clientArgs;
    for (const FolderProgram& p : s->folder->expandedPrograms(s->parameters))
        if (p.actor == "client")
            for (const QString& a : p.args)
                clientArgs << ScenarioFolder::substitute(a, s->parameters);
    EXPECT_TRUE(clientArgs.contains("a|bb|ccc")) << clientArgs.join(' ').toStdString();
    EXPECT_TRUE(clientArgs.contains("\\n")) << clientArgs.join(' ').toStdString();
    const auto b = ScenarioCatalog::build("buffers", {{"sndbuf", "8192"}, {"port", "9000"}}, &error);
    ASSERT_TRUE(b) << error.debugText().toStdString();
    EXPECT_EQ(b->parameters.value("port").toInt(), 9000);
    EXPECT_EQ(b->parameters.value("sndbuf").toInt(), 8192);
    bool sawSndbuf = false;
    for (const FolderProgram& p : b->folder->expandedPrograms(b->parameters))
        if (p.actor == "client")
            for (const QString& a : p.args)
                sawSndbuf = sawSndbuf || ScenarioFolder::substitute(a, b->parameters) == "8192";
    EXPECT_TRUE(sawSndbuf);
    const auto five = ScenarioCatalog::build("sticky", {{"count", "5"}}, &error);
    ASSERT_TRUE(five);
    int fiveSends = 0;
    for (const Step& st : five->steps)
        fiveSends += st.call == "send";
    EXPECT_EQ(fiveSends, 5);
}
