#include "core/analytics/SpecialFunctions.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lt {

double digamma(double x)
{
    if (!(x > 0) || !std::isfinite(x))
        return std::numeric_limits<double>::quiet_NaN();
    // ψ(x) = ψ(x + 1) - 1/x until x is large enough for the asymptotic series to be exact to double precision.
    double result = 0;
    while (x < 10) {
        result -= 1 / x;
        x += 1;
    }
    // ψ(x) ~ ln x - 1/(2x) - Σ B₂ₙ / (2n x²ⁿ): 1/(12x²) - 1/(120x⁴) + 1/(252x⁶) - 1/(240x⁸) + 1/(132x¹⁰)
    // - 691/(32760x¹²) + 1/(12x¹⁴); the next term is below 5e-17 for x >= 10.
    const double f = 1 / (x * x);
    const double series = f
        * (1.0 / 12
           - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f * (1.0 / 132 - f * (691.0 / 32760 - f / 12))))));
    return result + std::log(x) - 0.5 / x - series;
}

std::optional<SignedLog> hypergeometric2F1(double a, double b, double c, double z)
{
    if (!std::isfinite(a) || !std::isfinite(b) || !std::isfinite(c) || !(z >= 0 && z < 1))
        return std::nullopt;
    if (c <= 0 && c == std::floor(c))
        return std::nullopt;
    constexpr int kMaxTerms = 1'000'000;
    constexpr double kTolerance = 1e-16;
    // Terms and sum are kept as value × e^logScale; both are rescaled when the sum grows past kRescaleAbove, since
    // for many purchases and z close to 1 the terms first grow like n^(a+b-c-1) before z^n brings them down.
    constexpr double kRescaleAbove = 1e200;
    const double rescaleLog = std::log(kRescaleAbove);
    double term = 1;
    double sum = 1;
    double logScale = 0;
    for (int n = 0; n < kMaxTerms; ++n) {
        const double k = n;
        term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
        sum += term;
        if (term == 0) // a or b is 0 or a negative integer: the series is a polynomial and has ended
            break;
        if (std::abs(sum) > kRescaleAbove) {
            sum /= kRescaleAbove;
            term /= kRescaleAbove;
            logScale += rescaleLog;
        }
        // Once the ratio of successive terms is below 1, it tends to z monotonically, so the rest of the series is
        // bounded by a geometric one with ratio max(next ratio, z).
        const double nextRatio = std::abs((a + k + 1) * (b + k + 1) / ((c + k + 1) * (k + 2)) * z);
        const double bound = std::max(nextRatio, z);
        if (nextRatio < 1 && std::abs(term) * bound / (1 - bound) <= kTolerance * std::abs(sum)) {
            if (sum == 0 || !std::isfinite(sum))
                return std::nullopt;
            return SignedLog {std::log(std::abs(sum)) + logScale, sum > 0 ? 1 : -1};
        }
        if (!std::isfinite(sum))
            return std::nullopt;
    }
    if (term != 0 || sum == 0 || !std::isfinite(sum))
        return std::nullopt;
    return SignedLog {std::log(std::abs(sum)) + logScale, sum > 0 ? 1 : -1};
}

} // namespace lt
