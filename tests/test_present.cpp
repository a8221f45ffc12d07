// Words are made where they are shown: a session recorded in English (codes
// and values in its JSON) reads in Chinese, and the language follows --lang
// or the locale.

#include "Captions.h"
#include "Language.h"
#include "NoteText.h"
#include "ProblemText.h"
#include "ProgramLab.h"
#include "ScenarioRun.h"
#include "TextFormatter.h"
#include "TimelineJson.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTranslator>

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

using namespace socklab;

namespace {

// The Chinese catalogue for the lifetime of the object.
class Chinese
{
  public:
    Chinese()
    {
        loaded = m_translator.load(QStringLiteral(":/i18n/socklab_zh_CN.qm"));
        if (loaded) QCoreApplication::installTranslator(&m_translator);
    }
    ~Chinese() { QCoreApplication::removeTranslator(&m_translator); }
    bool loaded = false;

  private:
    QTranslator m_translator;
};

Timeline throughJson(const Timeline& tl)
{
    const QByteArray json = QJsonDocument(timelineToJson(tl, {true})).toJson();
    const TimelineLoadResult back = timelineFromJson(json);
    EXPECT_TRUE(back.ok) << back.error.toStdString();
    return back.timeline;
}

QStringList packetLines(const QString& text)
{
    QStringList out;
    for (const QString& line : text.split('\n'))
        if (line.contains(QStringLiteral(" → ")) && line.contains(QStringLiteral("] seq=")))
            out << line;
    return out;
}

} // namespace

TEST(SessionLanguage, AScenarioRecordedInEnglishReplaysInChinese)
{
    const Timeline recorded = test::runScenario(QStringLiteral("handshake"));
    ASSERT_GT(recorded.size(), 10);
    const QString english = formatTimeline(recorded);
    ASSERT_TRUE(english.contains(QStringLiteral("accept() … blocked"))) << english.toStdString();
    const QByteArray json = QJsonDocument(timelineToJson(recorded, {true})).toJson();
    // The file holds codes and values, not the sentences made from them.
    EXPECT_FALSE(json.contains("packets captured")) << json.left(2000).toStdString();

    const Timeline replayed = throughJson(recorded);
    Chinese zh;
    ASSERT_TRUE(zh.loaded);
    const QString chinese = formatTimeline(replayed);
    EXPECT_TRUE(chinese.startsWith(QStringLiteral("捕获：%1（").arg(recorded.captureMode)))
        << chinese.toStdString();
    EXPECT_TRUE(chinese.contains(QStringLiteral("accept() … 阻塞"))) << chinese.toStdString();
    EXPECT_TRUE(chinese.contains(QStringLiteral("── 第 1 步：server socket()")))
        << chinese.toStdString();
    if (recorded.captureMode == QLatin1String("namespace")) {
        EXPECT_TRUE(chinese.contains(QStringLiteral("server  sockfd LISTEN（内核：sock_diag）")))
            << chinese.toStdString();
        // The accepted socket is "connfd" once Python's record of accept() names it;
        // sock_diag can find it a moment earlier as "fd5" (a naming race, noted in
        // the issue). The words are what this test is about.
        EXPECT_TRUE(chinese.contains(QStringLiteral(" SYN_RECV（推导：rcv SYN / snd SYN,ACK）")))
            << chinese.toStdString();
    }
    EXPECT_FALSE(chinese.contains(QStringLiteral("blocked")));
    EXPECT_FALSE(chinese.contains(QStringLiteral("step ")));
    // The packet lines keep tcpdump's notation, the same in both languages.
    const QStringList englishPackets = packetLines(english);
    EXPECT_EQ(englishPackets.size(), recorded.countOf(EventKind::Segment)) << english.toStdString();
    EXPECT_EQ(packetLines(chinese), englishPackets);
    EXPECT_TRUE(chinese.contains(QStringLiteral("[SYN,ACK] seq=0 ack=1 win=")));
}

TEST(SessionLanguage, AProgramRunRecordedInEnglishReplaysInChinese)
{
    ProgramLabOptions o;
    o.timeoutMs = 20000;
    ProgramLab lab({{"sh", "-c", "echo hello; exit 3"}}, o);
    Problem error;
    ASSERT_TRUE(lab.start(&error)) << error.debugText().toStdString();
    while (lab.poll())
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    // How it ended is a code and its values...
    ASSERT_EQ(lab.problems().size(), 1);
    const Problem exit = lab.problems().first();
    EXPECT_EQ(exit.code, "program-exit");
    EXPECT_EQ(exit.args.value("status").toInt(), 3);
    EXPECT_EQ(problemText(exit),
              QStringLiteral("sh (pid %1) exited with status 3").arg(lab.pid(0)));
    const QString english = formatTimeline(lab.timeline());
    EXPECT_TRUE(english.contains(QStringLiteral("sh      exited with status 3")))
        << english.toStdString();
    EXPECT_TRUE(english.contains(QStringLiteral("sh      | hello"))) << english.toStdString();

    // ...so the saved session reads in Chinese.
    const Timeline replayed = throughJson(lab.timeline());
    Chinese zh;
    ASSERT_TRUE(zh.loaded);
    const QString chinese = formatTimeline(replayed);
    EXPECT_TRUE(chinese.contains(QStringLiteral("sh      退出，状态码 3")))
        << chinese.toStdString();
    EXPECT_TRUE(chinese.contains(
        QStringLiteral("sh      已启动：sh -c echo hello; exit 3（pid %1）").arg(lab.pid(0))))
        << chinese.toStdString();
    EXPECT_TRUE(chinese.contains(QStringLiteral("sh      | hello")));
    EXPECT_TRUE(chinese.contains(QStringLiteral("sh      提示：从未打开过 TCP 或 UDP 套接字")))
        << chinese.toStdString();
    EXPECT_EQ(problemText(exit), QStringLiteral("sh（pid %1）退出，状态码 3").arg(lab.pid(0)));
}

TEST(SessionLanguage, ProblemsAndNotesHaveWordsInBothLanguages)
{
    const Problem unknown(QStringLiteral("unknown-scenario"), {{"id", "nope"}});
    const Problem nested = Problem(QStringLiteral("pcap-states-only"))
                               .causedBy(Problem(QStringLiteral("states-only-asked")));
    const NoteData teardown{QStringLiteral("teardown-3"), {}};
    EXPECT_EQ(problemText(unknown),
              QStringLiteral("unknown scenario \"nope\" (see: socklab list)"));
    EXPECT_EQ(problemText(nested),
              QStringLiteral("cannot write a pcap in states-only mode: nothing is captured "
                             "(states-only was asked for)"));
    EXPECT_TRUE(noteHasWords(teardown));
    // A code from a newer socklab: its values, never an empty line.
    EXPECT_EQ(problemText(Problem(QStringLiteral("from-the-future"), {{"n", 1}})),
              QStringLiteral("from-the-future {n=1}"));
    EXPECT_FALSE(noteHasWords(NoteData{QStringLiteral("from-the-future"), {}}));
    // A nested problem survives the JSON of a note.
    EXPECT_EQ(Problem::fromMap(nested.toMap()), nested);

    Chinese zh;
    ASSERT_TRUE(zh.loaded);
    EXPECT_EQ(problemText(unknown), QStringLiteral("未知的场景“nope”（见：socklab list）"));
    EXPECT_EQ(
        problemText(nested),
        QStringLiteral(
            "只看状态模式下无法写 pcap：没有抓到任何数据包（指定了 states-only（只看状态））"));
    EXPECT_EQ(noteText(teardown),
              QStringLiteral("对端 FIN 的 ACK 搭载在这个 FIN 上（三个报文的挥手）"));
}

TEST(Language, FlagFirstThenTheLocaleInPosixOrder)
{
    EXPECT_EQ(languageFromLocale({}, {}, QStringLiteral("zh_CN.UTF-8")), "zh_CN");
    EXPECT_EQ(languageFromLocale({}, QStringLiteral("zh_CN.UTF-8"), QStringLiteral("C")), "zh_CN");
    EXPECT_EQ(
        languageFromLocale(QStringLiteral("zh_CN.UTF-8"), QStringLiteral("C"), QStringLiteral("C")),
        "zh_CN");
    EXPECT_EQ(languageFromLocale(QStringLiteral("C"), QStringLiteral("zh_CN.UTF-8"),
                                 QStringLiteral("zh_CN.UTF-8")),
              "en");
    EXPECT_EQ(languageFromLocale({}, {}, QStringLiteral("C")), "en");
    EXPECT_EQ(languageFromLocale({}, {}, {}), "en");
    EXPECT_EQ(languageFromLocale({}, {}, QStringLiteral("en_US.UTF-8")), "en");
    EXPECT_EQ(chosenLanguage(QStringLiteral("zh_CN")), "zh_CN");
    EXPECT_EQ(chosenLanguage(QStringLiteral("en")), "en");
}

// Found by fuzz_scenario in CI: `--set delimiter='\n'` with a message holding a
// newline gave a refusal of two lines. A quoted value stays on one line.
TEST(ProblemWords, AQuotedValueNeverBreaksTheLine)
{
    using socklab::Problem;
    const QString text = socklab::problemText(
        Problem(QStringLiteral("param-message-has-delimiter"), {{"index", 1}, {"delimiter", QStringLiteral("\n\r\t\x01")}}));
    EXPECT_FALSE(text.contains(u'\n')) << text.toStdString();
    EXPECT_FALSE(text.contains(u'\r')) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("\\n\\r\\t\\x01"))) << text.toStdString();
    const QString longValue = socklab::problemText(
        Problem(QStringLiteral("param-message-has-delimiter"), {{"index", 1}, {"delimiter", QString(500, u'x')}}));
    EXPECT_LT(longValue.size(), 200);
}

// Wire mode: what the wire did has words in the narration and the event log
// (it had none: "client calls connect() — then ."), in both languages.
TEST(SessionLanguage, WhatTheWireDidHasWordsInTheNarration)
{
    Timeline tl;
    tl.actors = {{QStringLiteral("client"), QStringLiteral("client"), {}, {}},
                 {QStringLiteral("server"), QStringLiteral("server"), {}, {}}};
    Event call;
    call.kind = EventKind::Call;
    call.actor = QStringLiteral("client");
    CallData c;
    c.call = QStringLiteral("connect");
    call.data = c;
    PacketData syn;
    syn.protocol = QStringLiteral("tcp");
    syn.fromActor = QStringLiteral("client");
    syn.toActor = QStringLiteral("server");
    syn.flags = TcpFlag::SYN;
    QList<Event> events{call};
    for (const char* action : {"hold", "release", "drop", "delay", "duplicate", "reorder", "pass"}) {
        Event w;
        w.tUs = 1000;
        w.kind = EventKind::Wire;
        w.provenance = Provenance::Wire;
        w.actor = QStringLiteral("client");
        w.data = WireData{QString::fromLatin1(action), QStringLiteral("user"), QStringLiteral("c2s"), 1, 250000, 0, syn};
        events << w;
    }
    tl.appendBatch(events);
    const QString label = segmentLabel(syn);
    EXPECT_EQ(narrationAt(tl, 1, true), QStringLiteral("client calls connect() — then the wire holds %1 from client.").arg(label));
    EXPECT_EQ(eventSummary(tl, tl.at(2)), QStringLiteral("the wire releases %1 from client after 0.3 s").arg(label));
    EXPECT_EQ(eventSummary(tl, tl.at(4)), QStringLiteral("the wire delays %1 from client by 250 ms").arg(label));
    QSet<QString> distinct;
    for (int i = 1; i < tl.size(); ++i) {
        const QString s = eventSummary(tl, tl.at(i));
        EXPECT_TRUE(s.contains(label)) << i;
        distinct << s;
    }
    EXPECT_EQ(distinct.size(), 7); // each action its own words

    // A note of no actor's is a line of its own in the log, but after "then" it goes on the
    // sentence (it read "— then The wire: 3 packets…").
    Event stats;
    stats.tUs = 3000;
    stats.kind = EventKind::Note;
    stats.data = NoteData{QStringLiteral("wire-stats"), {{"received", 3}, {"passed", 3}}};
    Timeline closing;
    closing.actors = tl.actors;
    closing.appendBatch({call, stats});
    EXPECT_TRUE(eventSummary(closing, closing.at(1)).startsWith(QStringLiteral("The wire: 3 packets")))
        << eventSummary(closing, closing.at(1)).toStdString();
    EXPECT_TRUE(narrationAt(closing, 1, true).startsWith(QStringLiteral("client calls connect() — then the wire: 3 packets")))
        << narrationAt(closing, 1, true).toStdString();

    // A capture carrying the wire's delay (issue 12: no "delay" event beside it) says it
    // in the narration and in the text output; a plain pass is no line.
    Event delayed;
    delayed.tUs = 2000;
    delayed.kind = EventKind::Segment;
    delayed.actor = QStringLiteral("client");
    delayed.data = syn;
    delayed.wireDelayUs = 40000;
    EXPECT_EQ(eventSummary(tl, delayed), QStringLiteral("client → server: %1 (the wire delayed it 40 ms)").arg(label));
    EXPECT_TRUE(formatEvent(tl, delayed).endsWith(QStringLiteral("(delayed 40.0 ms by the wire)"))) << formatEvent(tl, delayed).toStdString();
    delayed.wireDelayUs = 0;
    EXPECT_FALSE(formatEvent(tl, delayed).contains(QStringLiteral("wire")));
    EXPECT_TRUE(formatEvent(tl, tl.at(7)).isEmpty()) << "pass";

    Chinese zh;
    ASSERT_TRUE(zh.loaded);
    EXPECT_EQ(eventSummary(tl, tl.at(1)), QStringLiteral("线路扣住了 客户端 发出的 %1").arg(segmentLabel(syn)));
    EXPECT_TRUE(narrationAt(tl, 3, true).contains(QStringLiteral("线路丢弃了")));
    delayed.wireDelayUs = 40000;
    EXPECT_TRUE(eventSummary(tl, delayed).contains(QStringLiteral("40 毫秒"))) << eventSummary(tl, delayed).toStdString();
    EXPECT_TRUE(formatEvent(tl, delayed).contains(QStringLiteral("40.0 毫秒"))) << formatEvent(tl, delayed).toStdString();
}
