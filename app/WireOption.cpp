#include "WireOption.h"

#include "ProblemText.h"

namespace socklab {

bool parseWireOption(const QString& spec, std::optional<WirePolicy>* out, QString* error)
{
    WirePolicy policy;
    Problem problem;
    if (!WirePolicy::parse(spec, &policy, &problem)) {
        *error = problemText(problem);
        return false;
    }
    *out = policy;
    return true;
}

} // namespace socklab
