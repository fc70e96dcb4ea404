#pragma once

#include <optional>

namespace lt {

// A real number as sign × e^logMagnitude, for values that would overflow a double (a hypergeometric series of a
// customer with many purchases, far ahead).
struct SignedLog
{
    double logMagnitude = 0;
    int sign = 1; // +1 or -1
};

// The digamma function ψ(x) = d ln Γ(x) / dx for x > 0: the recurrence ψ(x) = ψ(x + 1) - 1/x up to x >= 10, then
// the asymptotic series to its x⁻¹⁴ term (below 1e-15 from the exact value for x >= 1). NaN for x <= 0.
double digamma(double x);

// The Gaussian hypergeometric function 2F1(a, b; c; z) for 0 <= z < 1, summed from its power series
// Σ (a)_n (b)_n / ((c)_n n!) z^n in rescaled doubles so that neither a term nor the sum overflows (as `lifetimes`
// falls back to Euler's transformation when scipy's value overflows). Stops when the tail, bounded by a geometric
// series, is below 1e-16 of the sum. Nothing when z is out of range, c is 0 or a negative integer, the series has
// not settled after a million terms, or the sum is exactly 0.
std::optional<SignedLog> hypergeometric2F1(double a, double b, double c, double z);

} // namespace lt
