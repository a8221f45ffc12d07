#pragma once
// `socklab export ID --out FILE.png|.svg|.pdf [--step N | --all] [--view V]
//                  [--lang L] [--presenter] [--size WxH]`, without a display.

#include <QStringList>

#include <atomic>

namespace socklab {

// args: what follows "export" (global --lang/--presenter already removed; presenter passed in).
// stop (StopOnSignal): once set, the run stops at once, no file is written, 1 is returned.
int runExportVerb(const QStringList& args, bool presenter, const std::atomic<int>* stop = nullptr);

} // namespace socklab
