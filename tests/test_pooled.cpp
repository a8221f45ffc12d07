// Pooled handles and sparse lists: the compact members of a packet event
// (issue 12, memory per event).

#include "Event.h"
#include "Pooled.h"
#include "SparseList.h"

#include <gtest/gtest.h>

#include <cstdlib>

using namespace socklab;

TEST(Pooled, EqualValuesShareOneCopyAndReadAsTheirValue)
{
    static_assert(sizeof(Interned) == 8 && sizeof(InternedList) == 8);
    const Interned a = QStringLiteral("127.0.0.1");
    const Interned b = QString::fromLatin1("127.0.0.") + QLatin1Char('1');
    EXPECT_EQ(&a.value(), &b.value()); // one pooled QString
    EXPECT_FALSE(a.isOwned());
    EXPECT_EQ(a, b);
    EXPECT_EQ(a, QStringLiteral("127.0.0.1"));
    EXPECT_EQ(a, "127.0.0.1");
    EXPECT_EQ(a, QLatin1String("127.0.0.1"));
    EXPECT_TRUE(QStringLiteral("127.0.0.1") == a);
    EXPECT_NE(a, "127.0.0.2");
    const QString& s = a;
    EXPECT_EQ(s, QStringLiteral("127.0.0.1"));
    EXPECT_EQ(QStringLiteral("%1:%2").arg(a).arg(80), QStringLiteral("127.0.0.1:80"));
    EXPECT_EQ(qHash(a), qHash(QStringLiteral("127.0.0.1")));

    const Interned none;
    EXPECT_TRUE(none.isEmpty());
    EXPECT_TRUE(none.value().isEmpty());
    EXPECT_EQ(none, QString());
    EXPECT_EQ(Interned(QString()), none);

    Interned moved = a;
    const Interned taken = std::move(moved);
    EXPECT_EQ(taken, a);
    EXPECT_TRUE(moved.isEmpty()); // NOLINT: a moved-from handle is empty

    const InternedList l1 = QStringList{"nop", "nop", "TS"};
    const InternedList l2 = QStringList{"nop", "nop", "TS"};
    EXPECT_EQ(&l1.value(), &l2.value());
    EXPECT_EQ(l1, (QStringList{"nop", "nop", "TS"}));
    EXPECT_EQ(l1.size(), 3);
    QStringList walked;
    for (const QString& k : l1) walked << k;
    EXPECT_EQ(walked, (QStringList{"nop", "nop", "TS"}));
}

// The pool is bounded: a session file with a million distinct names must not
// grow it without end. Past the bound a value is a copy of its own, freed
// with its handle (LeakSanitizer checks that in the sanitized build). In a
// child process: the full pool must not change the other tests.
namespace {
// 0 when every check holds, else the number of the one that failed.
int fillThePoolAndCheck()
{
    for (int i = 0; i < 70000; ++i) (void)Interned(QStringLiteral("name-%1").arg(i));
    const Interned late = QStringLiteral("one more name");
    if (!late.isOwned() || late != "one more name") return 1;
    Interned copy = late;
    if (!copy.isOwned() || &copy.value() == &late.value() || copy != late) return 2;
    copy = Interned(QStringLiteral("name-5")); // pooled before the bound
    if (copy.isOwned() || copy != "name-5") return 3;
    Interned gone = late; // an owned copy is freed with its handle (LeakSanitizer)
    gone = Interned();
    if (!gone.isEmpty()) return 4;
    return 0;
}
} // namespace

TEST(Pooled, ComparesWithTextAsItIsMadeFromIt)
{
    // Made from a const char* as UTF-8: it compares with the same const char* as UTF-8 too.
    const Interned chinese("客户端");
    EXPECT_EQ(chinese.toString(), QString::fromUtf8("客户端"));
    EXPECT_TRUE(chinese == "客户端");
    EXPECT_FALSE(chinese == "客户");
    EXPECT_TRUE(Interned("hold") == "hold");
    EXPECT_FALSE(Interned("hold") == "drop");
    EXPECT_TRUE(Interned() == "");
}

TEST(Pooled, PastItsBoundTheValueIsACopyOfItsOwn)
{
    EXPECT_EXIT(std::exit(fillThePoolAndCheck()), ::testing::ExitedWithCode(0), "");
}

TEST(SparseList, IsOnePointerAndCopiesDeep)
{
    using Sack = SparseList<QPair<uint32_t, uint32_t>>;
    static_assert(sizeof(Sack) == 8);
    Sack none;
    EXPECT_TRUE(none.isEmpty());
    EXPECT_EQ(none.size(), 0);
    EXPECT_EQ(none.begin(), none.end());
    Sack s;
    s.append({100, 200});
    s.append({300, 400});
    Sack copy = s;
    copy.append({500, 600});
    EXPECT_EQ(s.size(), 2);
    EXPECT_EQ(copy.size(), 3);
    EXPECT_EQ(s[1], qMakePair(300u, 400u));
    EXPECT_FALSE(s == copy);
    EXPECT_TRUE((Sack{{100, 200}, {300, 400}}) == s);
    EXPECT_TRUE(none == Sack());
    copy = none;
    EXPECT_TRUE(copy.isEmpty());
}

TEST(Event, APacketEventStaysSmall)
{
    // 1,000,000 small segments must fit in 300 B each (issue 12): the event
    // itself, QList's slack, and a small payload block.
    EXPECT_LE(sizeof(Event), 216u);
    EXPECT_LE(sizeof(PacketData), 184u);
}
