// File ▸ New scenario from my programs… (issue 10): the Python programs of a
// real run become a teacher's folder that socklab lists and runs with the same
// text; what cannot be saved is one problem, and leaves nothing.

#include "FolderCatalog.h"
#include "GatePrograms.h"
#include "ProblemText.h"
#include "ProgramRun.h"
#include "Runner.h"
#include "ScenarioCatalog.h"
#include "ScenarioFolderWriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace socklab;
using namespace socklab::test;

namespace {

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The textbook pair on port 12130, as Run my programs runs it.
const Timeline& textbookRun()
{
    static const Timeline tl = [] {
        const auto lab = runLab({{python3(), gateProgram("kr_tcp_server.py"), "12130"},
                                 {python3(), gateProgram("kr_tcp_client.py"), "12130"}});
        return lab->timeline();
    }();
    return tl;
}

bool labUsable(const Timeline& tl) { return tl.programs.size() == 2; }

struct DataHome {
    QTemporaryDir dir;
    DataHome() { qputenv("XDG_DATA_HOME", dir.path().toUtf8()); }
    ~DataHome() { qunsetenv("XDG_DATA_HOME"); }
    QStringList entries() const
    {
        return QDir(FolderCatalog::teacherRoot()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    }
};

} // namespace

TEST(ScenarioWriter, TheProgramsOfARunAreADraftWithTheirRolesAndPort)
{
    const Timeline& tl = textbookRun();
    if (!labUsable(tl)) GTEST_SKIP() << "the programs did not run";
    Problem why;
    const std::optional<ScenarioDraft> d = ScenarioFolderWriter::draftOf(tl, &why);
    ASSERT_TRUE(d) << problemText(why).toStdString();
    ASSERT_EQ(d->programs.size(), 2);
    EXPECT_EQ(d->programs[0].actor, "kr_tcp_server");
    EXPECT_EQ(d->programs[0].role, "server");
    EXPECT_EQ(d->programs[0].file, "kr_tcp_server.py");
    EXPECT_EQ(d->programs[0].source.toUtf8(), fileBytes(gateProgram("kr_tcp_server.py")));
    EXPECT_EQ(d->programs[1].actor, "kr_tcp_client");
    EXPECT_EQ(d->programs[1].role, "client");
    // The port they were given becomes the folder's {port}.
    EXPECT_EQ(d->programs[0].args, QStringList{"{port}"});
    EXPECT_EQ(d->programs[1].args, QStringList{"{port}"});
    EXPECT_EQ(d->port, 12130);
}

TEST(ScenarioWriter, ASavedFolderIsListedAndRunsTheSameText)
{
    const Timeline& tl = textbookRun();
    if (!labUsable(tl)) GTEST_SKIP() << "the programs did not run";
    DataHome home;
    std::optional<ScenarioDraft> d = ScenarioFolderWriter::draftOf(tl, nullptr);
    ASSERT_TRUE(d);
    d->id = "my-textbook";
    d->titleEn = "My textbook pair";
    d->titleZh = "我的课本程序";
    QString dir;
    Problem why;
    ASSERT_TRUE(ScenarioFolderWriter::write(FolderCatalog::teacherRoot(), *d, &dir, &why)) << problemText(why).toStdString();
    EXPECT_EQ(dir, FolderCatalog::teacherRoot() + "/my-textbook");
    EXPECT_EQ(home.entries(), QStringList{"my-textbook"}); // no temporary folder left beside it
    EXPECT_EQ(fileBytes(dir + "/kr_tcp_server.py"), fileBytes(gateProgram("kr_tcp_server.py")));

    const std::optional<ScenarioFolder> folder = FolderCatalog::find("my-textbook", &why);
    ASSERT_TRUE(folder) << problemText(why).toStdString();
    EXPECT_TRUE(folder->teacher);
    EXPECT_EQ(folder->titleZh, "我的课本程序");
    EXPECT_TRUE(FolderCatalog::isTeacher("my-textbook"));

    // It runs as a scenario: the same text, its calls pointing into it.
    const std::optional<Scenario> sc = ScenarioCatalog::build("my-textbook", {}, &why);
    ASSERT_TRUE(sc) << problemText(why).toStdString();
    Runner runner(*sc);
    ASSERT_TRUE(runner.start(&why)) << problemText(why).toStdString();
    ASSERT_TRUE(runner.runAll(&why)) << problemText(why).toStdString();
    runner.finish();
    const Timeline& run = runner.timeline();
    ASSERT_EQ(run.programs.size(), 2);
    EXPECT_EQ(run.programs[0].source.toUtf8(), fileBytes(gateProgram("kr_tcp_server.py")));
    bool accepted = false;
    for (const Event& e : run.events())
        if (const CallData* c = e.call(); c && c->call == QLatin1String("accept"))
            accepted = c->codeLine == 10 && c->codeFile.endsWith(QLatin1String("/my-textbook/kr_tcp_server.py"));
    EXPECT_TRUE(accepted);
    EXPECT_TRUE(runner.problems().isEmpty()) << debugText(runner.problems());
}

TEST(ScenarioWriter, WhatCannotBeSavedIsOneProblemAndLeavesNothing)
{
    const Timeline& tl = textbookRun();
    if (!labUsable(tl)) GTEST_SKIP() << "the programs did not run";
    DataHome home;
    std::optional<ScenarioDraft> d = ScenarioFolderWriter::draftOf(tl, nullptr);
    ASSERT_TRUE(d);
    d->titleEn = "x";
    const QString root = FolderCatalog::teacherRoot();
    struct Case {
        QString id, code;
    };
    for (const Case& c : {Case{"../escape", "folder-bad-id"}, Case{"", "folder-bad-id"}, Case{"a b", "folder-bad-id"},
                          Case{"handshake", "folder-id-is-lesson"}}) {
        d->id = c.id;
        Problem why;
        EXPECT_FALSE(ScenarioFolderWriter::write(root, *d, nullptr, &why)) << c.id.toStdString();
        EXPECT_EQ(why.code, c.code) << c.id.toStdString();
        EXPECT_FALSE(problemText(why).contains('\n'));
    }
    d->id = "mine";
    d->titleEn = "  ";
    Problem why;
    EXPECT_FALSE(ScenarioFolderWriter::write(root, *d, nullptr, &why));
    EXPECT_EQ(why.code, "draft-no-title");
    d->titleEn = "Mine";
    ASSERT_TRUE(ScenarioFolderWriter::write(root, *d, nullptr, &why));
    EXPECT_FALSE(ScenarioFolderWriter::write(root, *d, nullptr, &why)); // a second time
    EXPECT_EQ(why.code, "folder-exists");
    EXPECT_EQ(home.entries(), QStringList{"mine"});
    // A root that cannot be made (a file on the way).
    QFile blocker(home.dir.filePath("file"));
    ASSERT_TRUE(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    EXPECT_FALSE(ScenarioFolderWriter::write(home.dir.filePath("file/scenarios"), *d, nullptr, &why));
    EXPECT_EQ(why.code, "folder-write-failed");
    EXPECT_TRUE(problemText(why).contains(home.dir.filePath("file/scenarios")));
}

TEST(ScenarioWriter, AProgramThatIsNotPythonIsNamed)
{
    const auto lab = runLab({{python3(), gateProgram("kr_tcp_server.py"), "12131"}, {"nc", "-z", "127.0.0.1", "12131"}});
    if (lab->timeline().programs.isEmpty()) GTEST_SKIP() << "the programs did not run";
    Problem why;
    EXPECT_FALSE(ScenarioFolderWriter::draftOf(lab->timeline(), &why));
    EXPECT_EQ(why.code, "draft-not-python");
    EXPECT_EQ(why.args.value("actor").toString(), "nc");
    EXPECT_TRUE(problemText(why).contains("nc -z 127.0.0.1 12131")) << problemText(why).toStdString();
    // A lesson's own run has no programs of yours.
    Timeline none;
    EXPECT_FALSE(ScenarioFolderWriter::draftOf(none, &why));
    EXPECT_EQ(why.code, "draft-no-programs");
}
