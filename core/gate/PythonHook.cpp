#include "PythonHook.h"

#include "TempFolders.h"

#include <QDir>
#include <QFile>

namespace socklab {

bool PythonHook::prepare(QString* error)
{
    m_dir = std::make_unique<QTemporaryDir>(TempFolders::nameTemplate(QStringLiteral("gate")));
    QFile in(QStringLiteral(":/gate/sitecustomize.py"));
    if (!m_dir->isValid() || !in.open(QIODevice::ReadOnly)) {
        if (error) *error = QStringLiteral("cannot prepare the Python hook: %1").arg(m_dir->errorString());
        m_dir.reset();
        return false;
    }
    QFile out(m_dir->filePath(QStringLiteral("sitecustomize.py")));
    if (!out.open(QIODevice::WriteOnly) || out.write(in.readAll()) < 0 || !out.flush()) {
        if (error) *error = QStringLiteral("cannot write %1: %2").arg(out.fileName(), out.errorString());
        m_dir.reset();
        return false;
    }
    return true;
}

QList<QByteArray> PythonHook::environment() const
{
    if (!m_dir) return {};
    QByteArray path = QFile::encodeName(m_dir->path());
    const QByteArray existing = qgetenv("PYTHONPATH");
    if (!existing.isEmpty()) path += ':' + existing;
    return {"PYTHONPATH=" + path, "SOCKLAB_GATE=1"};
}

} // namespace socklab
