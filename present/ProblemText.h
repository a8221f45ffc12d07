#pragma once
// Words for what went wrong: a Problem's code and values (core/Problem.h) as
// one translated line, its cause (args["cause"]) told after it.

#include "Problem.h"

#include <QString>

namespace socklab {

QString problemText(const Problem& p);
// Several problems as one line, joined by "; ".
QString problemsText(const ProblemList& list);

} // namespace socklab
