#pragma once

#include "core/analytics/CustomerHistory.h"
#include "core/common/Result.h"

#include <QList>

namespace lt {

class BgNbdModel;

// The Gamma-Gamma spend model's parameters (Fader, Hardie & Lee, "RFM and CLV: using iso-value curves for customer
// base analysis", Journal of Marketing Research 42(4), 2005; Fader & Hardie, "The Gamma-Gamma model of monetary
// value", 2013): the value of each of a customer's transactions is Gamma(p, ν) and their ν is Gamma(q, γ).
struct GammaGammaParameters
{
    double p = 0;
    double q = 0;
    double gamma = 0;
};

// How `lifetimes` turns purchases expected per time unit into a monthly lifetime value: how many time units make
// a month (its `freq` factors: 'D' 30, 'W' 4.345, 'M' 1), and how many months ahead at what discount.
inline constexpr double kDaysPerMonth = 30.0;
inline constexpr double kWeeksPerMonth = 4.345;
struct LifetimeValueHorizon
{
    int months = 12; // lifetimes' default `time`
    double monthlyDiscountRate = 0.01; // lifetimes' default `discount_rate`, per month
    double unitsPerMonth = kDaysPerMonth; // lifetimes' default freq 'D'
};

struct GammaGammaFit;

// The Gamma-Gamma model as `lifetimes`' GammaGammaFitter implements it: the fit on repeat buyers' mean values, the
// expected value of a customer's future transactions, and their lifetime value with a BG/NBD model.
class GammaGammaModel
{
public:
    // A model with known parameters; each must be finite and more than zero.
    static Result<GammaGammaModel> withParameters(const GammaGammaParameters& parameters);
    // The maximum-likelihood fit on the customers with a repeat purchase (x > 0) and a mean value above zero; the
    // others are left out and counted (lifetimes expects the caller to leave them out). Customers with the same
    // (x, mean value) are counted once with a weight; NLopt's L-BFGS maximises the likelihood over the parameters'
    // logarithms. Errors: an invalid history, no customer left, a fit that does not converge.
    static Result<GammaGammaFit> fit(const QList<CustomerHistory>& customers);

    const GammaGammaParameters& parameters() const { return m_parameters; }

    // The log-likelihood of a repeat buyer's mean value m over x transactions, as lifetimes writes it:
    // ln Γ(px + q) - ln Γ(px) - ln Γ(q) + q ln γ + (px - 1) ln m + px ln x - (px + q) ln(xm + γ).
    double logLikelihood(const CustomerHistory& history) const;
    // E(M | x, m) = (1 - w) γp / (q - 1) + w m, w = px / (px + q - 1) (the note's equation (5)): the expected value
    // of the customer's future transactions; the population mean γp / (q - 1) for x = 0. An error when q <= 1 (the
    // population mean is infinite) or the history is invalid.
    Result<double> expectedAverageValue(const CustomerHistory& history) const;
    // lifetimes.GammaGammaFitter.customer_lifetime_value: Σ for m = 1..months of
    //   E(M) × (E[Y(m u)] − E[Y((m − 1) u)]) / (1 + d)^m,   u = horizon.unitsPerMonth, d = monthlyDiscountRate,
    // with E[Y] the BG/NBD expected purchases (in the history's time unit) and E(M) the expected average value
    // above; in the history's money unit. Errors: an invalid horizon or history, or what the two models refuse.
    Result<double> customerLifetimeValue(const BgNbdModel& purchases, const CustomerHistory& history,
                                         const LifetimeValueHorizon& horizon = {}) const;

private:
    explicit GammaGammaModel(const GammaGammaParameters& parameters)
        : m_parameters(parameters)
    {
    }

    GammaGammaParameters m_parameters;
};

// A maximum-likelihood fit and what it was made of.
struct GammaGammaFit
{
    GammaGammaModel model;
    double logLikelihood = 0; // the maximum, over the customers fitted on
    int customers = 0; // repeat buyers fitted on
    int leftOut = 0; // customers without a repeat purchase or with a mean value of zero or less
    int evaluations = 0; // likelihood evaluations the optimiser needed
};

} // namespace lt
