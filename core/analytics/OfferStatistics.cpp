#include "core/analytics/OfferStatistics.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lt {

namespace {

// The continued fraction of the regularized incomplete beta function I_x(a, b), by the modified Lentz method.
double betaContinuedFraction(double a, double b, double x)
{
    constexpr double Tiny = 1e-300;
    constexpr double Epsilon = 1e-15;
    const double qab = a + b;
    const double qap = a + 1;
    const double qam = a - 1;
    double c = 1;
    double d = 1 - qab * x / qap;
    if (std::fabs(d) < Tiny)
        d = Tiny;
    d = 1 / d;
    double h = d;
    for (int m = 1; m <= 10000; ++m) {
        const double m2 = 2.0 * m;
        double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1 + aa * d;
        if (std::fabs(d) < Tiny)
            d = Tiny;
        c = 1 + aa / c;
        if (std::fabs(c) < Tiny)
            c = Tiny;
        d = 1 / d;
        h *= d * c;
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1 + aa * d;
        if (std::fabs(d) < Tiny)
            d = Tiny;
        c = 1 + aa / c;
        if (std::fabs(c) < Tiny)
            c = Tiny;
        d = 1 / d;
        const double delta = d * c;
        h *= delta;
        if (std::fabs(delta - 1) < Epsilon)
            break;
    }
    return h;
}

double regularizedIncompleteBeta(double a, double b, double x)
{
    if (x <= 0)
        return 0;
    if (x >= 1)
        return 1;
    const double front =
        std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x));
    // The fraction converges fast below the mean; above it, the symmetry I_x(a, b) = 1 − I_{1−x}(b, a).
    if (x < (a + 1) / (a + b + 2))
        return front * betaContinuedFraction(a, b, x) / a;
    return 1 - front * betaContinuedFraction(b, a, 1 - x) / b;
}

} // namespace

std::optional<Interval> OfferStatistics::wilson(long long successes, long long n)
{
    if (n <= 0 || successes < 0 || successes > n)
        return std::nullopt;
    const auto count = double(n);
    const double p = double(successes) / count;
    const double z2 = Z975 * Z975;
    const double denominator = 1 + z2 / count;
    const double centre = (p + z2 / (2 * count)) / denominator;
    const double half = Z975 * std::sqrt(p * (1 - p) / count + z2 / (4 * count * count)) / denominator;
    return Interval {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

std::optional<Interval> OfferStatistics::newcombeDifference(long long successes1, long long n1, long long successes2,
                                                            long long n2)
{
    const std::optional<Interval> first = wilson(successes1, n1);
    const std::optional<Interval> second = wilson(successes2, n2);
    if (!first || !second)
        return std::nullopt;
    const double p1 = double(successes1) / double(n1);
    const double p2 = double(successes2) / double(n2);
    const double d = p1 - p2;
    return Interval {d - std::hypot(p1 - first->low, second->high - p2),
                     d + std::hypot(first->high - p1, p2 - second->low)};
}

double OfferStatistics::welchDegreesOfFreedom(const Sample& first, const Sample& second)
{
    const double v1 = first.variance / double(first.n);
    const double v2 = second.variance / double(second.n);
    const double denominator = v1 * v1 / double(first.n - 1) + v2 * v2 / double(second.n - 1);
    return denominator > 0 ? (v1 + v2) * (v1 + v2) / denominator : std::numeric_limits<double>::infinity();
}

std::optional<Interval> OfferStatistics::welchDifference(const Sample& first, const Sample& second)
{
    if (first.n < 2 || second.n < 2)
        return std::nullopt;
    const double d = first.mean - second.mean;
    const double se = std::sqrt(first.variance / double(first.n) + second.variance / double(second.n));
    if (se <= 0)
        return Interval {d, d};
    const double nu = welchDegreesOfFreedom(first, second);
    const double t = std::isfinite(nu) ? studentTQuantile(0.975, nu) : Z975;
    return Interval {d - t * se, d + t * se};
}

double OfferStatistics::studentTDistribution(double t, double degreesOfFreedom)
{
    const double tail =
        0.5 * regularizedIncompleteBeta(degreesOfFreedom / 2, 0.5, degreesOfFreedom / (degreesOfFreedom + t * t));
    return t >= 0 ? 1 - tail : tail;
}

double OfferStatistics::studentTQuantile(double p, double degreesOfFreedom)
{
    if (!(p > 0 && p < 1) || !(degreesOfFreedom > 0))
        return std::numeric_limits<double>::quiet_NaN();
    if (p == 0.5)
        return 0;
    // The distribution is symmetric: find the upper quantile and mirror it.
    const double upper = p > 0.5 ? p : 1 - p;
    double low = 0;
    double high = 1;
    while (studentTDistribution(high, degreesOfFreedom) < upper && high < 1e12)
        high *= 2;
    for (int i = 0; i < 200 && high - low > 1e-12 * std::max(1.0, high); ++i) {
        const double middle = (low + high) / 2;
        (studentTDistribution(middle, degreesOfFreedom) < upper ? low : high) = middle;
    }
    const double quantile = (low + high) / 2;
    return p > 0.5 ? quantile : -quantile;
}

} // namespace lt
