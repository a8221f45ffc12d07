#pragma once
// `socklab export ID --out FILE.png|.svg|.pdf [--step N | --all] [--view V]
//                  [--lang L] [--presenter] [--size WxH]`, without a display.

#include <QStringList>

namespace socklab {

// args: what follows "export" (global --lang/--presenter already removed; presenter passed in).
int runExportVerb(const QStringList& args, bool presenter);

} // namespace socklab
