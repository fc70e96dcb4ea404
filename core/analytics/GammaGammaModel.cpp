#include "core/analytics/GammaGammaModel.h"

#include "core/analytics/BgNbdModel.h"
#include "core/analytics/LogParameterFit.h"
#include "core/analytics/SpecialFunctions.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace lt {

namespace {

// The repeat buyers of a fit with identical (x, m) merged into weighted groups, with the sums that do not depend on
// the parameters computed once.
struct GroupedSpends
{
    struct Group
    {
        std::size_t frequencyIndex = 0;
        double frequencyTimesMean = 0; // x m
        double weight = 0;
    };
    std::vector<int> frequencies; // distinct x, ascending
    std::vector<double> frequencyWeights; // customers with each of them
    std::vector<Group> groups;
    double totalWeight = 0;
    double weightedLogMean = 0; // Σ ln m
    double weightedXLogMean = 0; // Σ x ln m

    explicit GroupedSpends(std::vector<std::pair<int, double>> spends)
    {
        std::sort(spends.begin(), spends.end());
        std::size_t frequencyIndex = 0;
        for (std::size_t i = 0; i < spends.size(); ++i) {
            const auto& [x, mean] = spends[i];
            if (frequencies.empty() || frequencies.back() != x) {
                frequencies.push_back(x);
                frequencyWeights.push_back(0);
                frequencyIndex = frequencies.size() - 1;
            }
            frequencyWeights[frequencyIndex] += 1;
            totalWeight += 1;
            weightedLogMean += std::log(mean);
            weightedXLogMean += x * std::log(mean);
            if (i > 0 && spends[i] == spends[i - 1])
                groups.back().weight += 1;
            else
                groups.push_back(Group {frequencyIndex, x * mean, 1});
        }
    }
};

// The mean negative log-likelihood of the grouped spends and its gradient, over (ln p, ln q, ln γ).
class GammaGammaObjective
{
public:
    explicit GammaGammaObjective(const GroupedSpends& data)
        : m_data(data)
    {
    }

    double operator()(std::span<const double> point, std::span<double> gradient) const
    {
        const double p = std::exp(point[0]), q = std::exp(point[1]), v = std::exp(point[2]);
        const double logV = std::log(v), lgammaQ = std::lgamma(q), digammaQ = digamma(q);
        // (px - 1) ln m summed over the customers, and its derivative in p.
        double total = p * m_data.weightedXLogMean - m_data.weightedLogMean;
        double dp = m_data.weightedXLogMean, dq = 0, dv = 0;
        for (std::size_t k = 0; k < m_data.frequencies.size(); ++k) {
            const double x = m_data.frequencies[k], weight = m_data.frequencyWeights[k];
            const double digammaPxq = digamma(p * x + q);
            total += weight * (std::lgamma(p * x + q) - std::lgamma(p * x) - lgammaQ + q * logV + p * x * std::log(x));
            dp += weight * x * (digammaPxq - digamma(p * x) + std::log(x));
            dq += weight * (digammaPxq - digammaQ + logV);
            dv += weight * q / v;
        }
        for (const GroupedSpends::Group& group : m_data.groups) {
            const double x = m_data.frequencies[group.frequencyIndex], w = group.weight;
            const double logShift = std::log(group.frequencyTimesMean + v);
            total -= w * (p * x + q) * logShift;
            dp -= w * x * logShift;
            dq -= w * logShift;
            dv -= w * (p * x + q) / (group.frequencyTimesMean + v);
        }
        if (!gradient.empty()) {
            gradient[0] = -p * dp / m_data.totalWeight;
            gradient[1] = -q * dq / m_data.totalWeight;
            gradient[2] = -v * dv / m_data.totalWeight;
        }
        return -total / m_data.totalWeight;
    }

private:
    const GroupedSpends& m_data;
};

} // namespace

Result<GammaGammaModel> GammaGammaModel::withParameters(const GammaGammaParameters& parameters)
{
    if (!isPositiveNumber(parameters.p) || !isPositiveNumber(parameters.q) || !isPositiveNumber(parameters.gamma))
        return Error::invalid(QCoreApplication::translate(
            "GammaGammaModel", "The Gamma-Gamma parameters p, q and gamma must be numbers above zero."));
    return GammaGammaModel(parameters);
}

Result<GammaGammaFit> GammaGammaModel::fit(const QList<CustomerHistory>& customers)
{
    if (customers.isEmpty())
        return Error::invalid(
            QCoreApplication::translate("GammaGammaModel", "There is no customer to fit the spend model on."));
    std::vector<std::pair<int, double>> spends;
    for (qsizetype i = 0; i < customers.size(); ++i) {
        if (const Result<void> valid = validateHistory(customers[i]); !valid)
            return Error::invalid(QCoreApplication::translate("GammaGammaModel", "Customer %1: %2")
                                      .arg(i + 1)
                                      .arg(valid.error().message));
        if (customers[i].frequency > 0 && customers[i].meanValue > 0)
            spends.emplace_back(customers[i].frequency, customers[i].meanValue);
    }
    if (spends.empty())
        return Error::refused(QCoreApplication::translate(
            "GammaGammaModel", "No customer has a repeat purchase worth more than zero to fit the spend model on."));
    const int fitted = static_cast<int>(spends.size());
    const GroupedSpends data(std::move(spends));
    const GammaGammaObjective objective(data);
    LT_TRY_ASSIGN(
        const FitOutcome outcome,
        minimiseOverLogParameters(std::cref(objective), std::vector<double>(3, 0.0), QStringLiteral("Gamma-Gamma")));
    LT_TRY_ASSIGN(const GammaGammaModel model,
                  withParameters({std::exp(outcome.point[0]), std::exp(outcome.point[1]), std::exp(outcome.point[2])}));
    return GammaGammaFit {model, -outcome.value * data.totalWeight, fitted, static_cast<int>(customers.size()) - fitted,
                          outcome.evaluations};
}

double GammaGammaModel::logLikelihood(const CustomerHistory& history) const
{
    const auto& [p, q, v] = m_parameters;
    const double x = history.frequency, m = history.meanValue;
    return std::lgamma(p * x + q) - std::lgamma(p * x) - std::lgamma(q) + q * std::log(v) + (p * x - 1) * std::log(m)
        + p * x * std::log(x) - (p * x + q) * std::log(x * m + v);
}

Result<double> GammaGammaModel::expectedAverageValue(const CustomerHistory& history) const
{
    LT_TRY(validateHistory(history));
    const auto& [p, q, v] = m_parameters;
    if (!(q > 1))
        return Error::refused(
            QCoreApplication::translate("GammaGammaModel",
                                        "The spend model has q = %1 <= 1: its mean value of a transaction is infinite.")
                .arg(q));
    const double weight = p * history.frequency / (p * history.frequency + q - 1);
    return (1 - weight) * v * p / (q - 1) + weight * history.meanValue;
}

Result<double> GammaGammaModel::customerLifetimeValue(const BgNbdModel& purchases, const CustomerHistory& history,
                                                      const LifetimeValueHorizon& horizon) const
{
    if (horizon.months < 0 || !std::isfinite(horizon.monthlyDiscountRate) || horizon.monthlyDiscountRate <= -1
        || !isPositiveNumber(horizon.unitsPerMonth))
        return Error::invalid(QCoreApplication::translate(
            "GammaGammaModel",
            "The lifetime value needs months ahead (0 or more), a discount rate above -100 % and a time unit."));
    LT_TRY_ASSIGN(const double value, expectedAverageValue(history));
    double lifetimeValue = 0;
    double purchasedBefore = 0;
    for (int month = 1; month <= horizon.months; ++month) {
        // Purchases are predicted cumulatively: the month's are the difference with the month before.
        LT_TRY_ASSIGN(const double purchasedBy, purchases.expectedPurchases(month * horizon.unitsPerMonth, history));
        lifetimeValue += value * (purchasedBy - purchasedBefore) / std::pow(1 + horizon.monthlyDiscountRate, month);
        purchasedBefore = purchasedBy;
    }
    return lifetimeValue;
}

} // namespace lt
