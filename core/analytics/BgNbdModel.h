#pragma once

#include "core/analytics/CustomerHistory.h"
#include "core/common/Result.h"

#include <QList>

namespace lt {

// The BG/NBD model's parameters (Fader, Hardie & Lee, "Counting your customers the easy way", Marketing Science
// 24(2), 2005): while alive, a customer buys at a rate λ ~ Gamma(r, α) (shape r, rate α, in the customers' time
// unit); after each purchase they drop out with a probability p ~ Beta(a, b).
struct BgNbdParameters
{
    double r = 0;
    double alpha = 0;
    double a = 0;
    double b = 0;
};

struct BgNbdFit;

// The BG/NBD model as `lifetimes`' BetaGeoFitter implements it: the fit, the expected purchases and the probability
// of being alive of a customer given their history. Pure arithmetic: the caller brings the histories, all in one
// time unit, and reads the predictions in that unit.
class BgNbdModel
{
public:
    // A model with known parameters (published, or fitted earlier); each must be finite and more than zero.
    static Result<BgNbdModel> withParameters(const BgNbdParameters& parameters);
    // The maximum-likelihood fit on `customers`: customers with the same (x, t_x, T) are counted once with a weight,
    // times are scaled so that the longest T is 10 (as lifetimes does), and NLopt's L-BFGS maximises equation (6)'s
    // log-likelihood over the parameters' logarithms. Errors: no customer, an invalid history, no repeat purchase
    // at all (nothing tells how often customers return), a fit that does not converge or leaves the numbers.
    static Result<BgNbdFit> fit(const QList<CustomerHistory>& customers);

    const BgNbdParameters& parameters() const { return m_parameters; }

    // The log-likelihood of one customer's (x, t_x, T): equation (6) of the paper, summed in the log-sum-exp form.
    double logLikelihood(const CustomerHistory& history) const;
    // E[Y(t) | x, t_x, T]: the purchases expected in the next t time units, equation (10) of the paper with the
    // Gaussian hypergeometric function. An error for t < 0, an invalid history, a = 1 (where (10) divides by zero)
    // or a hypergeometric series that does not converge.
    Result<double> expectedPurchases(double t, const CustomerHistory& history) const;
    // P(alive | x, t_x, T) = 1 / (1 + [x > 0] a / (b + x - 1) ((α + T) / (α + t_x))^(r + x)) (Fader, Hardie & Lee,
    // "Computing P(alive) using the BG/NBD model", 2008); 1 for a customer without a repeat purchase.
    double probabilityAlive(const CustomerHistory& history) const;

private:
    explicit BgNbdModel(const BgNbdParameters& parameters)
        : m_parameters(parameters)
    {
    }

    BgNbdParameters m_parameters;
};

// A maximum-likelihood fit and what it was made of.
struct BgNbdFit
{
    BgNbdModel model;
    double logLikelihood = 0; // the maximum: Σ over customers of (6)
    int customers = 0; // customers fitted on
    int distinctHistories = 0; // distinct (x, t_x, T) triples, each computed once per evaluation
    int evaluations = 0; // likelihood evaluations the optimiser needed
};

} // namespace lt
