#include "MonospaceFont.h"

#include <QFontDatabase>
#include <QStringList>

namespace socklab {

QFont monospaceFont()
{
    QFont f = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    // Noto Sans Mono CJK keeps Han characters exactly two columns wide.
    f.setFamilies(QStringList{QStringLiteral("Noto Sans Mono CJK SC"), QStringLiteral("Noto Sans Mono"),
                              QStringLiteral("DejaVu Sans Mono"), f.family()});
    f.setStyleHint(QFont::Monospace);
    f.setFixedPitch(true);
    return f;
}

} // namespace socklab
