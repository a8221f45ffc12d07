#pragma once
// The Python side of the call gate: sitecustomize.py (a Qt resource) written
// to a private temporary folder for one session and removed after it. Put on
// PYTHONPATH it reports each socket method with the student's file:line; the
// student's files are never touched, an existing sitecustomize still runs.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace socklab {

class PythonHook
{
public:
    bool prepare(QString* error);
    QString folder() const { return m_dir ? m_dir->path() : QString(); }
    // "PYTHONPATH=<folder>[:<the existing one>]", "SOCKLAB_GATE=1"
    QList<QByteArray> environment() const;

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

} // namespace socklab
