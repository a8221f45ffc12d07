#pragma once
// A file an export renders into beside its final name, renamed onto that name
// only when it was written completely (a full disk, a failed render or a
// truncated PDF/SVG leave nothing behind).

#include <QString>

namespace socklab {

class AtomicExportFile final
{
public:
    explicit AtomicExportFile(QString target);
    ~AtomicExportFile(); // removes the temporary file unless committed
    AtomicExportFile(const AtomicExportFile&) = delete;
    AtomicExportFile& operator=(const AtomicExportFile&) = delete;

    bool open(QString* error);     // creates the temporary file (same folder, same suffix)
    QString path() const { return m_temp; } // where the exporter writes
    bool commit(QString* error);   // checks it is complete, flushes it to disk, renames it

private:
    QString m_target;
    QString m_temp;
};

} // namespace socklab
