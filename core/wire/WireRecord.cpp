#include "WireRecord.h"

namespace socklab {

QString wireActionName(WireAction a)
{
    switch (a) {
    case WireAction::Pass: return QStringLiteral("pass");
    case WireAction::Drop: return QStringLiteral("drop");
    case WireAction::Hold: return QStringLiteral("hold");
    case WireAction::Release: return QStringLiteral("release");
    case WireAction::Delay: return QStringLiteral("delay");
    case WireAction::Duplicate: return QStringLiteral("duplicate");
    case WireAction::Reorder: return QStringLiteral("reorder");
    }
    return {};
}

} // namespace socklab
