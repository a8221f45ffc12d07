#pragma once
// Can a file be written at a path? Asked before a run, so a bad --save,
// --pcap or --out is refused before any socket is opened.

#include <QString>

namespace socklab {

// Empty when `path` can be created or replaced by a regular file; else why not
// ("it is a directory", "not a regular file", or errno's text).
QString outputPathProblem(const QString& path);

} // namespace socklab
