#include "WindowLauncher.h"

#include "ByteStreamRenderer.h"
#include "MainWindow.h"

#include <QApplication>
#include <QLocale>
#include <QSettings>

namespace socklab {

int runWindow(const WindowOptions& options)
{
    registerLessonViews(); // the lesson views can be exported from the window too
    MainWindow window;
    // main() has installed the catalogue for --lang or the system language;
    // the switcher takes over so the View ▸ Language menu can change it later.
    QString lang = options.lang;
    if (lang.isEmpty()) lang = QSettings().value(QStringLiteral("window/language")).toString();
    if (lang.isEmpty()) lang = QLocale::system().name().startsWith(QLatin1String("zh")) ? QStringLiteral("zh_CN")
                                                                                         : QStringLiteral("en");
    window.setLanguage(lang);
    window.show();
    if (options.presenter) window.setPresenter(true);
    window.openScenario(QSettings().value(QStringLiteral("window/scenario"), QStringLiteral("handshake")).toString());
    return QApplication::exec();
}

} // namespace socklab
