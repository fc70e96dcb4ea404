#pragma once

#include <optional>

namespace lt {

// A 95 % confidence interval.
struct Interval
{
    double low = 0;
    double high = 0;
};

// The intervals the offers' report gives, each at 95 %.
//
// Proportions (members who returned ÷ members): Wilson's score interval for each group, and for the difference of
// two proportions Newcombe's hybrid score interval (Newcombe 1998, method 10), which combines the two Wilson
// intervals and, unlike the Wald interval, stays within [−1, 1] and keeps its coverage with few members or rates
// near 0 or 1:
//   Wilson:   (p + z²/2n ± z √(p(1 − p)/n + z²/4n²)) / (1 + z²/n)
//   Newcombe: d = p₁ − p₂, low = d − √((p₁ − l₁)² + (u₂ − p₂)²), high = d + √((u₁ − p₁)² + (p₂ − l₂)²)
// with z = 1.959964, (l₁, u₁) and (l₂, u₂) the groups' Wilson intervals.
//
// Means (net sales per member, members without a sale counting 0): Welch's interval for the difference of two means
// with unequal variances, (m₁ − m₂) ± t(0.975, ν) √(s₁²/n₁ + s₂²/n₂), s² the sample variances (n − 1) and ν the
// Welch–Satterthwaite degrees of freedom (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁ − 1) + (s₂²/n₂)²/(n₂ − 1)).
class OfferStatistics
{
public:
    static constexpr double Z975 = 1.959963984540054;

    // Nothing when n is 0.
    static std::optional<Interval> wilson(long long successes, long long n);
    // Of p₁ − p₂; nothing when a group is empty.
    static std::optional<Interval> newcombeDifference(long long successes1, long long n1, long long successes2,
                                                      long long n2);

    struct Sample
    {
        long long n = 0;
        double mean = 0;
        double variance = 0; // the sample variance, divided by n − 1
    };
    // Of mean₁ − mean₂; nothing when a group has fewer than two members. Both variances 0: the difference itself.
    static std::optional<Interval> welchDifference(const Sample& first, const Sample& second);
    static double welchDegreesOfFreedom(const Sample& first, const Sample& second);

    // The p-quantile (0 < p < 1) of Student's t distribution with ν > 0 degrees of freedom (not necessarily whole),
    // found by bisection on its distribution function, written with the regularized incomplete beta function
    // (continued fraction, as in Numerical Recipes' betacf): accurate to about 1e-10.
    static double studentTQuantile(double p, double degreesOfFreedom);
    // P(T ≤ t) for ν degrees of freedom.
    static double studentTDistribution(double t, double degreesOfFreedom);
};

} // namespace lt
