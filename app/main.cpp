// socklab: arguments, translator, then the window or a command-line verb.

#include "Captions.h"
#include "CommandLine.h"
#include "DoctorVerb.h"
#include "ExportVerb.h"
#include "FolderCatalog.h"
#include "Lab.h"
#include "LabVerb.h"
#include "Language.h"
#include "PrivateRuntimeDir.h"
#include "QuitOnSignal.h"
#include "StopOnSignal.h"
#include "TempFolders.h"
#include "Version.h"
#include "WindowLauncher.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>
#include <QTranslator>

#include <csignal>
#include <cstdlib>
#include <memory>
#include <unistd.h>

namespace {

std::unique_ptr<QCoreApplication> makeApplication(const QString& verb, int& argc, char** argv)
{
    if (verb.isEmpty()) return std::make_unique<QApplication>(argc, argv);
    if (verb == QLatin1String("export")) {
        // Exports render without a display.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) ::setenv("QT_QPA_PLATFORM", "offscreen", 1);
        return std::make_unique<QGuiApplication>(argc, argv);
    }
    return std::make_unique<QCoreApplication>(argc, argv);
}

} // namespace

int main(int argc, char** argv)
{
    // Before anything can start a thread: a private user namespace is only
    // granted to a single-threaded process.
    const uid_t startEuid = ::geteuid(); // who we are before the user namespace (for doctor)
    socklab::Lab::prepareProcess();
    // EPIPE is an event to show, never a reason to die.
    std::signal(SIGPIPE, SIG_IGN);

    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    socklab::Invocation inv;
    QString error;
    const bool parsed = socklab::CommandLine::parse(args, inv, &error);
    // What a socklab that SIGKILL or a crash ended left in the temporary folder.
    socklab::TempFolders::removeStale();
    // Outlives the application: Qt's GUI start-up looks into XDG_RUNTIME_DIR.
    const socklab::PrivateRuntimeDir runtimeDir(parsed && (inv.verb.isEmpty() || inv.verb == QLatin1String("export")));
    // A bad command line is told in the user's language too: no window for it.
    auto app = makeApplication(parsed ? inv.verb : QStringLiteral("help"), argc, argv);
    QCoreApplication::setApplicationName("socklab");
    QCoreApplication::setApplicationVersion(socklab::version());
    QCoreApplication::setOrganizationName("socklab");
    // Scenario folders are checked against the captions the program has words for.
    socklab::FolderCatalog::setCaptionCheck(socklab::isKnownCaption);
    QTranslator translator;
    // --lang, else the locale (LC_ALL, LC_MESSAGES, LANG): every line printed, and the window.
    const QString lang = socklab::chosenLanguage(inv.lang);
    if (lang == QLatin1String("zh_CN") && translator.load(QStringLiteral(":/i18n/socklab_zh_CN.qm")))
        QCoreApplication::installTranslator(&translator);
    if (!parsed) {
        socklab::Invocation again; // parse once more, now that tr() speaks the language
        socklab::CommandLine::parse(args, again, &error);
        QTextStream(stderr) << "socklab: " << error << '\n';
        return 2;
    }

    if (inv.verb.isEmpty()) {
        // SIGTERM/SIGINT/SIGHUP quit the window as File ▸ Quit does: nothing is left behind.
        const socklab::QuitOnSignal quitOnSignal;
        const int code = socklab::runWindow({inv.lang, inv.presenter, inv.sessionFile});
        return quitOnSignal.exitCode(code);
    }
    if (inv.verb == QLatin1String("doctor")) return socklab::runDoctorVerb(inv.args, startEuid);
    // SIGINT/SIGTERM/SIGHUP stop a run, a lab, an export or a replay the normal
    // way (nothing is left behind), then one line and exit 128 + signal
    // (`lab --attach`: the signal ends its observation, which is printed).
    const socklab::StopOnSignal stop;
    if (inv.verb == QLatin1String("export"))
        return stop.finish(socklab::runExportVerb(inv.args, inv.presenter, stop.flag()));
    if (inv.verb == QLatin1String("lab"))
        return stop.finish(socklab::runLabVerb(inv.args, stop.flag()));
    return stop.finish(socklab::CommandLine::runHeadless(inv, stop.flag()));
}
