#pragma once
// SOCKLAB_TEST_SHOT_DIR=/tmp/x keeps a picture of what a window test saw, to
// look at (never compared: the pixels depend on the fonts of the machine).

#include <QString>
#include <QWidget>

namespace socklab::test {

inline void keepShot(QWidget* w, const QString& name)
{
    const QString dir = qEnvironmentVariable("SOCKLAB_TEST_SHOT_DIR");
    if (!dir.isEmpty()) w->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

} // namespace socklab::test
