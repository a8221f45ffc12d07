// MessageFramer and the lesson scenarios' parameters: pure functions, no sockets.

#include "MessageFramer.h"
#include "ScenarioCatalog.h"

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
        QString error;
        EXPECT_FALSE(ScenarioCatalog::build(id, params, &error).has_value()) << id.toStdString();
        EXPECT_FALSE(error.isEmpty()) << id.toStdString();
        EXPECT_FALSE(error.contains('\n')) << error.toStdString();
    }
}

TEST(LessonParameters, GoodValuesReachTheSteps)
{
    QString error;
    const auto s = ScenarioCatalog::build("fix-delimiter", {{"messages", "a|bb|ccc"}, {"delimiter", "\\n"}}, &error);
    ASSERT_TRUE(s) << error.toStdString();
    QList<QByteArray> sent;
    for (const Step& st : s->steps)
        if (st.call == "send") sent << st.args.value("data").toByteArray();
    EXPECT_EQ(sent, (QList<QByteArray>{"a\n", "bb\n", "ccc\n"}));
    const auto b = ScenarioCatalog::build("buffers", {{"sndbuf", "8192"}, {"port", "9000"}}, &error);
    ASSERT_TRUE(b) << error.toStdString();
    EXPECT_EQ(b->parameters.value("port").toInt(), 9000);
    bool sawSndbuf = false;
    for (const Step& st : b->steps)
        if (st.args.value("option") == "SO_SNDBUF") sawSndbuf = st.args.value("value").toInt() == 8192;
    EXPECT_TRUE(sawSndbuf);
    const auto five = ScenarioCatalog::build("sticky", {{"count", "5"}}, &error);
    ASSERT_TRUE(five);
    int sends = 0;
    for (const Step& st : five->steps)
        sends += st.call == "send";
    EXPECT_EQ(sends, 5);
}
