#include "WindowLauncher.h"

#include "Language.h"
#include "MainWindow.h"
#include "PlaybackController.h"
#include "SessionController.h"

#include <QApplication>
#include <QSettings>
#include <QTextStream>

namespace socklab {

namespace {

// SOCKLAB_WINDOW_SCENARIO=id[:steps] (not in the usage: for screenshots and
// demos) opens a scenario with its first `steps` steps (default: all) already
// run on real sockets and the cursor at the end, as if stepped there by hand.
void openScenarioFromEnvironment(MainWindow& window, const QString& spec)
{
    const QString id = spec.section(QLatin1Char(':'), 0, 0);
    bool ok = false;
    const int wanted = spec.section(QLatin1Char(':'), 1, 1).toInt(&ok);
    const int steps = ok ? wanted : 1 << 20;
    SessionController* session = window.session();
    QObject::connect(session, &SessionController::sessionChanged, &window, [&window, session, steps] {
        if (!session->isLive() || session->isBusy()) return;
        if (session->hasNextStep() && session->nextStep() < steps)
            session->stepForward();
        else
            window.playback()->end();
    });
    window.openScenario(id);
}

} // namespace

int runWindow(const WindowOptions& options)
{
    MainWindow window;
    // main() has installed the catalogue for --lang or the system language;
    // the switcher takes over so the View ▸ Language menu can change it later.
    QString lang = options.lang;
    if (lang.isEmpty()) lang = QSettings().value(QStringLiteral("window/language")).toString();
    if (lang.isEmpty()) lang = chosenLanguage({}); // the locale: LC_ALL, LC_MESSAGES, LANG
    window.setLanguage(lang);
    if (!options.sessionFile.isEmpty()) {
        // Read before the window shows: a file that is no session is one line and exit 1.
        QString why;
        const QMetaObject::Connection c = QObject::connect(
            window.session(), &SessionController::errorOccurred, &window, [&why](const QString& m) { why = m; });
        const bool opened = window.openSessionPath(options.sessionFile); // as File ▸ Open does
        QObject::disconnect(c);
        if (!opened) {
            QTextStream(stderr) << "socklab: " << why << '\n';
            return 1;
        }
    }
    window.show();
    if (options.presenter) window.setPresenter(true);
    if (options.sessionFile.isEmpty()) {
        if (const QString spec = qEnvironmentVariable("SOCKLAB_WINDOW_SCENARIO"); !spec.isEmpty())
            openScenarioFromEnvironment(window, spec);
        else
            window.openScenario(
                QSettings().value(QStringLiteral("window/scenario"), QStringLiteral("handshake")).toString());
    }
    return QApplication::exec();
}

} // namespace socklab
