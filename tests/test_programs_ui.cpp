// "Run my programs…", offscreen: a client reading stdin gets the lines typed
// into its console pane, and the examples open with one click.

#include "ByteStreamLayout.h"
#include "CodeEditor.h"
#include "CodePane.h"
#include "GatePrograms.h"
#include "LabGuard.h"
#include "LessonView.h"
#include "LessonViewsPane.h"
#include "MainWindow.h"
#include "NewScenarioDialog.h"
#include "ProgramConsole.h"
#include "ProgramSession.h"
#include "RunProgramsDialog.h"
#include "ScenarioListPane.h"
#include "ScenarioMenu.h"
#include "SessionController.h"
#include "TestShots.h"

#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

#include <gtest/gtest.h>

using namespace socklab;

namespace {
// The dialog remembers its options (stepping, the wire) between runs: each test
// starts from the defaults, whatever the test before it chose.
void forgetDialogOptions() { QSettings().remove(QStringLiteral("programs")); }
} // namespace

TEST(RunProgramsDialog, TypedLineReachesTheClientsInput)
{
    forgetDialogOptions();
    RunProgramsDialog dialog;
    dialog.openExample(0); // TCP server and client; the client reads input() when given no argument
    QSignalSpy finished(&dialog, &RunProgramsDialog::runFinished);
    ASSERT_TRUE(dialog.run()) << dialog.status().toStdString();
    EXPECT_TRUE(dialog.status().contains("after 30 s")) << dialog.status().toStdString(); // the run's own limit
    ASSERT_NE(dialog.console(1), nullptr);
    // Type once the client has asked (its prompt is in its pane).
    ASSERT_TRUE(QTest::qWaitFor([&] { return dialog.console(1)->text().contains(QStringLiteral("发送>>")); }, 60000));
    QLineEdit* input = dialog.console(1)->inputEdit();
    QTest::keyClicks(input, QStringLiteral("hello pane"));
    QTest::keyClick(input, Qt::Key_Return);
    ASSERT_TRUE(QTest::qWaitFor([&] { return dialog.console(0)->text().contains(QStringLiteral("收到： hello pane")); },
                                60000));
    // The reply is printed in pieces (print() writes its arguments one by one):
    // the empty line typed before the last piece arrived would be echoed between
    // them, as in a terminal. Type it once the whole reply is in the pane.
    ASSERT_TRUE(QTest::qWaitFor([&] { return dialog.console(1)->text().contains(QStringLiteral("服务端回复： Thanks\n")); },
                                60000))
        << dialog.console(1)->text().toStdString();
    QTest::keyClick(input, Qt::Key_Return); // an empty line ends the client, then the server
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_TRUE(finished.first().first().toBool()) << dialog.status().toStdString();
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
    forgetDialogOptions();
    RunProgramsDialog dialog;
    dialog.setCommands(QStringLiteral("no-such-program-xyz"), {});
    EXPECT_FALSE(dialog.run());
    EXPECT_TRUE(dialog.status().contains("command not found: no-such-program-xyz"));
}

TEST(RunProgramsDialog, SteppingWaitsAtTheGateUntilStepIsPressed)
{
    forgetDialogOptions();
    RunProgramsDialog dialog;
    const QString server = QStringLiteral(SOCKLAB_SOURCE_DIR "/tests/gate/kr_tcp_server.py");
    dialog.setCommands(QStringLiteral("python3 ") + server + QStringLiteral(" 12110"), {});
    dialog.setStepping(true);
    QSignalSpy finished(&dialog, &RunProgramsDialog::runFinished);
    ASSERT_TRUE(dialog.run()) << dialog.status().toStdString();
    EXPECT_TRUE(dialog.status().contains("after 10 min")) << dialog.status().toStdString(); // a student takes their time
    // The first socket call waits at the gate, with its line, until Step.
    ASSERT_TRUE(QTest::qWaitFor([&] { return dialog.console(0)->where().contains("socket()"); }, 60000));
    EXPECT_TRUE(dialog.console(0)->where().contains("kr_tcp_server.py:5"));
    EXPECT_TRUE(dialog.console(0)->stepButton()->isEnabled());
    QTest::qWait(200);
    EXPECT_TRUE(dialog.console(0)->where().contains("socket()")); // nothing moved by itself
    QTest::mouseClick(dialog.console(0)->stepButton(), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return dialog.console(0)->where().contains("setsockopt()"); }, 60000));
    // Step (the next waiting program) to bind, then Continue: it listens and sits in accept().
    QTest::mouseClick(dialog.stepButton(), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return dialog.console(0)->where().contains("bind()"); }, 60000));
    QTest::mouseClick(dialog.continueButton(), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return dialog.console(0)->where().contains("blocked in the kernel in accept()"); },
                                60000));
    dialog.session()->stop();
    ASSERT_TRUE(finished.wait(60000));
}

using test::keepShot;

// Your own programs' bytes in the byte stream view: a C client's send() read by
// nc with read(), the names the call gate records for programs that are not Python.
TEST(RunProgramsDialog, ByteStreamShowsTheBytesOfProgramsThatWriteAndRead)
{
    forgetDialogOptions();
    SOCKLAB_REQUIRE_LAB();
    QTemporaryDir dir;
    const QString exe = dir.filePath(QStringLiteral("c_client"));
    ASSERT_EQ(QProcess::execute(QStringLiteral("cc"), {QStringLiteral("-o"), exe, test::gateProgram("c_client.c")}), 0);
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    w.openRunPrograms();
    RunProgramsDialog& dialog = *w.programsDialog();
    dialog.setCommands(QStringLiteral("nc -l 127.0.0.1 12131"), exe + QStringLiteral(" 12131"));
    QSignalSpy finished(&dialog, &RunProgramsDialog::runFinished);
    ASSERT_TRUE(dialog.run()) << dialog.status().toStdString();
    ASSERT_TRUE(finished.wait(60000));
    const Timeline tl = dialog.session()->timeline();
    // The window's byte stream view shows the same recording.
    EXPECT_EQ(w.lessonViews()->byteStream()->cursor(), w.session()->timeline().size() - 1);
    w.lessonDock()->show();
    w.lessonDock()->raise();
    keepShot(&w, QStringLiteral("programs-bytestream"));
    const ByteStreamModel m = byteStreamAt(tl, tl.size() - 1);
    EXPECT_EQ(m.sender, QStringLiteral("c_client"));
    EXPECT_EQ(m.receiver, QStringLiteral("nc"));
    // Named as the programs called them, not as the lessons' Python does.
    EXPECT_EQ(m.sendCall, QStringLiteral("send")); // c_client.c calls send(); nc reads
    EXPECT_EQ(m.recvCall, QStringLiteral("read"));
    qint64 sent = 0, read = 0;
    QByteArray got;
    for (const ByteRange& r : m.sends) sent += r.end - r.begin;
    for (const ByteRange& r : m.recvs) read += r.end - r.begin, got += r.bytes;
    EXPECT_EQ(sent, 10);
    EXPECT_EQ(read, 10);
    EXPECT_EQ(got, QByteArray("hi from C\n"));
}

// #9: a click on a line of the code pane sets a breakpoint there (drawn in the
// gutter; F9 on the text cursor's line too); a program reaching a socket call
// made from that line waits at the gate, also while the programs run freely.
TEST(RunProgramsDialog, ABreakpointClickedInTheCodePaneHoldsTheProgramThere)
{
    forgetDialogOptions();
    SOCKLAB_REQUIRE_LAB();
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    w.openRunPrograms();
    RunProgramsDialog* dialog = w.programsDialog();
    ASSERT_NE(dialog, nullptr);
    const QString server = test::gateProgram("kr_tcp_server.py");
    dialog->setCommands(QStringLiteral("python3 ") + server + QStringLiteral(" 12132"),
                        QStringLiteral("python3 ") + test::gateProgram("kr_tcp_client.py") + QStringLiteral(" 12132"));
    dialog->setStepping(true);
    QSignalSpy finished(dialog, &RunProgramsDialog::runFinished);
    ASSERT_TRUE(dialog->run()) << dialog->status().toStdString();
    // Held at its first call, the server's own source is in the code pane.
    CodePane* pane = w.findChild<CodePane*>();
    ASSERT_NE(pane, nullptr);
    const QString actor = QStringLiteral("kr_tcp_server.py");
    ASSERT_TRUE(QTest::qWaitFor([&] { return pane->codeEditor(actor) != nullptr; }, 60000));
    // The pane rebuilds its columns when the client's code arrives: ask for the editor each time.
    auto editor = [&] { return pane->codeEditor(actor); };
    EXPECT_TRUE(pane->breakpointsEnabled());
    ASSERT_TRUE(editor()->isVisible());
    // Click line 11, `sentence = connectionSocket.recv(1024).decode()`.
    auto lineOnScreen = [&](int line) {
        CodeEditor* code = editor();
        QTextCursor c(code->document()->findBlockByNumber(line - 1));
        code->setTextCursor(c);
        code->ensureCursorVisible();
        return code->gutterRectOfLine(line);
    };
    QRect row = lineOnScreen(11);
    ASSERT_FALSE(row.isNull());
    QTest::mouseClick(editor()->viewport(), Qt::LeftButton, {}, QPoint(40, row.center().y()));
    ASSERT_EQ(pane->breakpoints().size(), 1);
    EXPECT_EQ(pane->breakpoints().first().line, 11);
    EXPECT_EQ(pane->breakpoints().first().file, server);
    // Drawn: a red dot in the gutter on that line.
    const QImage gutter = editor()->gutter()->grab().toImage();
    int red = 0;
    for (int x = 0; x < gutter.width(); ++x) {
        const QColor c = gutter.pixelColor(int(x * gutter.devicePixelRatio()), int(row.center().y() * gutter.devicePixelRatio()));
        red += c.red() > 180 && c.green() < 90 && c.blue() < 90;
    }
    EXPECT_GT(red, 2) << "no breakpoint dot in the gutter";
    keepShot(&w, QStringLiteral("breakpoint-window"));
    // Continue: the programs run freely, and the server stops at line 11's recv().
    QTest::mouseClick(dialog->continueButton(), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return dialog->console(0)->where().contains(QStringLiteral("recv() at kr_tcp_server.py:11")); },
                                60000)) << dialog->console(0)->where().toStdString();
    EXPECT_TRUE(dialog->console(0)->where().contains(QStringLiteral("waits at the gate")));
    QTest::qWait(300);
    EXPECT_TRUE(dialog->console(0)->where().contains(QStringLiteral("recv() at kr_tcp_server.py:11"))) << "held, not run";
    // F9 on line 12 adds one there; a click on line 11 takes that one away.
    lineOnScreen(12);
    QTest::keyClick(editor(), Qt::Key_F9);
    row = lineOnScreen(11);
    QTest::mouseClick(editor()->gutter(), Qt::LeftButton, {}, QPoint(4, row.center().y()));
    ASSERT_EQ(pane->breakpoints().size(), 1);
    EXPECT_EQ(pane->breakpoints().first().line, 12);
    QTest::mouseClick(dialog->continueButton(), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return dialog->console(0)->where().contains(QStringLiteral("send() at kr_tcp_server.py:12")); },
                                60000)) << dialog->console(0)->where().toStdString();
    QTest::mouseClick(dialog->continueButton(), Qt::LeftButton);
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_TRUE(finished.first().first().toBool()) << dialog->status().toStdString();
    EXPECT_TRUE(dialog->console(1)->text().contains(QStringLiteral("HELLO")));
}

// #10: File ▸ New scenario from my programs… saves the run's Python programs as
// a folder of your own; it is in the scenario list at once and opens there.
TEST(RunProgramsDialog, TheProgramsOfARunBecomeAScenarioInTheList)
{
    forgetDialogOptions();
    SOCKLAB_REQUIRE_LAB();
    QTemporaryDir home;
    qputenv("XDG_DATA_HOME", home.path().toUtf8());
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    EXPECT_FALSE(w.newScenarioAction()->isEnabled()); // no programs of yours yet
    w.openRunPrograms();
    RunProgramsDialog& dialog = *w.programsDialog();
    const QString py = test::python3();
    dialog.setCommands(py + ' ' + test::gateProgram("kr_tcp_server.py") + QStringLiteral(" 12132"),
                       py + ' ' + test::gateProgram("kr_tcp_client.py") + QStringLiteral(" 12132"));
    QSignalSpy finished(&dialog, &RunProgramsDialog::runFinished);
    ASSERT_TRUE(dialog.run()) << dialog.status().toStdString();
    ASSERT_TRUE(finished.wait(60000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return w.newScenarioAction()->isEnabled(); }, 10000));
    dialog.close();

    w.newScenarioAction()->trigger();
    auto* d = w.findChild<NewScenarioDialog*>(QStringLiteral("newScenarioDialog"));
    ASSERT_NE(d, nullptr);
    EXPECT_TRUE(d->isVisible());
    EXPECT_EQ(d->findChild<QLineEdit*>(QStringLiteral("scenarioId"))->text(), QStringLiteral("my-kr_tcp_server"));
    EXPECT_TRUE(d->findChild<QLabel*>(QStringLiteral("draftPrograms"))->text().contains(
        QStringLiteral("kr_tcp_server (server): kr_tcp_server.py {port}")));
    auto* save = d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save);
    EXPECT_FALSE(save->isEnabled()); // the English title is missing
    // A lesson's id is refused in the dialog, in one line, and nothing is written.
    d->findChild<QLineEdit*>(QStringLiteral("scenarioId"))->setText(QStringLiteral("handshake"));
    QTest::keyClicks(d->findChild<QLineEdit*>(QStringLiteral("titleEn")), QStringLiteral("Textbook pair"));
    ASSERT_TRUE(save->isEnabled());
    save->click();
    EXPECT_TRUE(d->isVisible());
    const QLabel* error = d->findChild<QLabel*>(QStringLiteral("newScenarioError"));
    EXPECT_TRUE(error->isVisible());
    EXPECT_TRUE(error->text().contains(QStringLiteral("handshake is the id of a lesson"))) << error->text().toStdString();
    EXPECT_FALSE(QFileInfo::exists(home.path() + QStringLiteral("/socklab/scenarios/handshake")));
    keepShot(d, QStringLiteral("new-scenario-refused"));

    d->findChild<QLineEdit*>(QStringLiteral("scenarioId"))->setText(QStringLiteral("textbook-pair"));
    d->findChild<QLineEdit*>(QStringLiteral("titleZh"))->setText(QStringLiteral("课本程序"));
    save->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return w.findChild<NewScenarioDialog*>() == nullptr; }, 5000)); // closed
    const QString folder = home.path() + QStringLiteral("/socklab/scenarios/textbook-pair");
    EXPECT_TRUE(QFileInfo(folder + QStringLiteral("/scenario.json")).isFile());
    EXPECT_TRUE(QFileInfo(folder + QStringLiteral("/kr_tcp_client.py")).isFile());
    // In the list (marked as yours) and in Playback ▸ Scenario, and it opens.
    auto* list = w.scenarioList()->findChild<QListWidget*>();
    QListWidgetItem* item = nullptr;
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->data(Qt::UserRole).toString() == QLatin1String("textbook-pair")) item = list->item(i);
    ASSERT_NE(item, nullptr);
    EXPECT_TRUE(item->text().startsWith(QStringLiteral("Textbook pair"))) << item->text().toStdString();
    bool inMenu = false;
    for (QAction* a : w.scenarioMenu()->menu()->actions()) inMenu = inMenu || a->data().toString() == QLatin1String("textbook-pair");
    EXPECT_TRUE(inMenu);
    EXPECT_TRUE(w.statusBar()->currentMessage().contains(folder)) << w.statusBar()->currentMessage().toStdString();
    w.openScenario(QStringLiteral("textbook-pair"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return w.session()->timeline().scenarioId == QLatin1String("textbook-pair")
                                             && !w.session()->timeline().programs.isEmpty(); },
                                60000));
    // Without steps each Step releases the next call: the window steps it to the
    // end, its count growing as it goes (it once stopped after step 1 of 1).
    SessionController* session = w.session();
    ASSERT_TRUE(QTest::qWaitFor([&] {
        if (!session->isBusy() && session->hasNextStep()) session->stepForward();
        return !session->isBusy() && !session->hasNextStep();
    }, 120000));
    EXPECT_GE(session->stepCount(), 10); // socket, setsockopt, bind, listen, accept, socket, connect, sendall, recv, ...
    EXPECT_EQ(session->timeline().steps.size(), session->stepCount());
    if (!qEnvironmentVariableIsEmpty("SOCKLAB_TEST_SHOT_DIR")) {
        // The same dialog in Chinese, to look at.
        ASSERT_TRUE(w.setLanguage(QStringLiteral("zh_CN")));
        const std::optional<ScenarioDraft> draft = ScenarioFolderWriter::draftOf(dialog.session()->timeline(), nullptr);
        ASSERT_TRUE(draft);
        NewScenarioDialog zh(*draft, home.path(), &w);
        zh.show();
        keepShot(&zh, QStringLiteral("new-scenario-zh"));
        w.setLanguage(QStringLiteral("en"));
    }
    qunsetenv("XDG_DATA_HOME");
}
