#pragma once
// A fixed-width font that also renders the lesson's Chinese comments.

#include <QFont>

namespace socklab {

QFont monospaceFont();

} // namespace socklab
