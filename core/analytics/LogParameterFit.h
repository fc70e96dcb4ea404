#pragma once

#include "core/common/Result.h"

#include <cmath>
#include <functional>
#include <span>
#include <vector>

namespace lt {

// A smooth function to minimise: its value at `point`, with its gradient written into `gradient` when that is not
// empty. The models give their mean negative log-likelihood over the logarithms of their parameters, which keeps
// the parameters positive without bounds (as `lifetimes` does).
using SmoothObjective = std::function<double(std::span<const double> point, std::span<double> gradient)>;

// Where a minimisation ended.
struct FitOutcome
{
    std::vector<double> point; // the logarithms of the parameters at the minimum
    double value = 0; // the objective there
    int evaluations = 0; // how many times the objective was computed
};

// Minimises with NLopt's L-BFGS from `start`, each coordinate kept within ±kLogParameterLimit. An error naming
// `modelName` when NLopt fails, the objective is not a number at the end, the evaluations run out, or a
// coordinate ends on its limit (the data do not pin the parameter down: it runs off to 0 or to infinity).
Result<FitOutcome> minimiseOverLogParameters(const SmoothObjective& objective, std::vector<double> start,
                                             const QString& modelName);

// The parameters a fit may reach: from e^-25 (1.4e-11) to e^25 (7.2e10).
inline constexpr double kLogParameterLimit = 25.0;

// What a fitted parameter, and a customer's spend the models read, must be.
inline bool isPositiveNumber(double value)
{
    return std::isfinite(value) && value > 0;
}

} // namespace lt
