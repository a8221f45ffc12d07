// socklab: arguments, translator, then the window or a command-line verb.

#include "CommandLine.h"
#include "ExportVerb.h"
#include "Lab.h"
#include "LabVerb.h"
#include "WindowLauncher.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QLocale>
#include <QTextStream>
#include <QTranslator>

#include <csignal>
#include <cstdlib>
#include <memory>

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
    socklab::Lab::prepareProcess();
    // EPIPE is an event to show, never a reason to die.
    std::signal(SIGPIPE, SIG_IGN);

    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    socklab::Invocation inv;
    QString error;
    if (!socklab::CommandLine::parse(args, inv, &error)) {
        QTextStream(stderr) << "socklab: " << error << '\n';
        return 2;
    }
    auto app = makeApplication(inv.verb, argc, argv);
    QCoreApplication::setApplicationName("socklab");
    QCoreApplication::setOrganizationName("socklab");
    QTranslator translator;
    const QString lang = inv.lang.isEmpty() ? QLocale::system().name() : inv.lang;
    if (lang.startsWith(QLatin1String("zh")) && translator.load(QStringLiteral(":/i18n/socklab_zh_CN.qm")))
        QCoreApplication::installTranslator(&translator);

    if (inv.verb.isEmpty()) return socklab::runWindow({inv.lang, inv.presenter});
    if (inv.verb == QLatin1String("export")) return socklab::runExportVerb(inv.args, inv.presenter);
    if (inv.verb == QLatin1String("lab")) return socklab::runLabVerb(inv.args);
    return socklab::CommandLine::runHeadless(inv);
}
