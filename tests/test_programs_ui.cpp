// "Run my programs…", offscreen: a client reading stdin gets the lines typed
// into its console pane, and the examples open with one click.

#include "ProgramConsole.h"
#include "ProgramSession.h"
#include "RunProgramsDialog.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace socklab;

TEST(RunProgramsDialog, TypedLineReachesTheClientsInput)
{
    RunProgramsDialog dialog;
    dialog.openExample(0); // TCP server and client; the client reads input() when given no argument
    QSignalSpy finished(&dialog, &RunProgramsDialog::runFinished);
    ASSERT_TRUE(dialog.run()) << dialog.status().toStdString();
    ASSERT_NE(dialog.console(1), nullptr);
    // Type once the client has asked (its prompt is in its pane).
    ASSERT_TRUE(QTest::qWaitFor([&] { return dialog.console(1)->text().contains(QStringLiteral("发送>>")); }, 60000));
    QLineEdit* input = dialog.console(1)->inputEdit();
    QTest::keyClicks(input, QStringLiteral("hello pane"));
    QTest::keyClick(input, Qt::Key_Return);
    ASSERT_TRUE(QTest::qWaitFor([&] { return dialog.console(0)->text().contains(QStringLiteral("收到： hello pane")); },
                                60000));
    QTest::keyClick(input, Qt::Key_Return); // an empty line ends the client, then the server
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_TRUE(finished.first().first().toBool()) << dialog.status().toStdString();
    EXPECT_TRUE(dialog.console(1)->text().contains(QStringLiteral("服务端回复： Thanks")));
    // The same bytes are on the wire, from the client's pane to the server.
    bool onWire = false;
    const Timeline recorded = dialog.session()->timeline(); // a copy: iterate something that lives
    for (const Event& e : recorded.events())
        if (const PacketData* p = e.packet())
            onWire = onWire || (p->fromActor == "tcp_client.py" && p->payload == "hello pane");
    EXPECT_TRUE(onWire);
}

TEST(RunProgramsDialog, MissingCommandIsAClearStatus)
{
    RunProgramsDialog dialog;
    dialog.setCommands(QStringLiteral("no-such-program-xyz"), {});
    EXPECT_FALSE(dialog.run());
    EXPECT_TRUE(dialog.status().contains("command not found: no-such-program-xyz"));
}
