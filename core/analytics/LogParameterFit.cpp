#include "core/analytics/LogParameterFit.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <memory>
#include <nlopt.h>

namespace lt {

namespace {

// The objective seen through NLopt's C callback; counts evaluations.
struct CallbackContext
{
    const SmoothObjective* objective = nullptr;
    int evaluations = 0;
};

double evaluate(unsigned count, const double* point, double* gradient, void* data)
{
    auto* context = static_cast<CallbackContext*>(data);
    ++context->evaluations;
    const std::span<double> gradientSpan = gradient ? std::span<double>(gradient, count) : std::span<double>();
    const double value = (*context->objective)(std::span<const double>(point, count), gradientSpan);
    if (std::isfinite(value))
        return value;
    // A step into a region where the likelihood underflows: an infinitely bad point sends the line search back.
    std::fill(gradientSpan.begin(), gradientSpan.end(), 0.0);
    return HUGE_VAL;
}

// Below this largest partial derivative of the mean negative log-likelihood, a point NLopt could not improve
// further because of rounding is accepted as the minimum.
constexpr double kFlatGradient = 1e-5;

} // namespace

Result<FitOutcome> minimiseOverLogParameters(const SmoothObjective& objective, std::vector<double> start,
                                             const QString& modelName)
{
    const auto failed = [&](const QString& why) {
        return Error::refused(
            QCoreApplication::translate("LogParameterFit", "The %1 model could not be fitted: %2").arg(modelName, why));
    };
    const auto dimension = static_cast<unsigned>(start.size());
    const std::unique_ptr<nlopt_opt_s, decltype(&nlopt_destroy)> optimiser(nlopt_create(NLOPT_LD_LBFGS, dimension),
                                                                           &nlopt_destroy);
    if (!optimiser)
        return Error::internal(QStringLiteral("NLopt could not create an L-BFGS optimiser."));
    CallbackContext context {&objective};
    nlopt_set_min_objective(optimiser.get(), &evaluate, &context);
    nlopt_set_lower_bounds1(optimiser.get(), -kLogParameterLimit);
    nlopt_set_upper_bounds1(optimiser.get(), kLogParameterLimit);
    nlopt_set_ftol_rel(optimiser.get(), 1e-14);
    nlopt_set_xtol_rel(optimiser.get(), 1e-11);
    nlopt_set_maxeval(optimiser.get(), 3000);
    for (double& coordinate : start)
        coordinate = std::clamp(coordinate, -kLogParameterLimit, kLogParameterLimit);

    double minimum = 0;
    const nlopt_result result = nlopt_optimize(optimiser.get(), start.data(), &minimum);
    if (result == NLOPT_MAXEVAL_REACHED || result == NLOPT_MAXTIME_REACHED)
        return failed(QCoreApplication::translate("LogParameterFit", "it did not converge in %1 evaluations.")
                          .arg(context.evaluations));
    if (result < 0 && result != NLOPT_ROUNDOFF_LIMITED)
        return failed(QCoreApplication::translate("LogParameterFit", "the optimiser failed (NLopt code %1).")
                          .arg(static_cast<int>(result)));
    std::vector<double> gradient(start.size());
    minimum = objective(start, gradient);
    if (!std::isfinite(minimum))
        return failed(QCoreApplication::translate("LogParameterFit", "the likelihood is not a number."));
    if (std::any_of(start.begin(), start.end(), [](double c) { return std::abs(c) >= kLogParameterLimit - 1e-6; }))
        return failed(QCoreApplication::translate(
            "LogParameterFit", "a parameter runs off to zero or infinity; the data do not determine it."));
    const double steepest = std::abs(*std::max_element(gradient.begin(), gradient.end(),
                                                       [](double x, double y) { return std::abs(x) < std::abs(y); }));
    if (result == NLOPT_ROUNDOFF_LIMITED && !(steepest < kFlatGradient))
        return failed(QCoreApplication::translate("LogParameterFit", "rounding stopped it before the maximum."));
    return FitOutcome {std::move(start), minimum, context.evaluations};
}

} // namespace lt
