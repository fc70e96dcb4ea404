#include "core/analytics/BgNbdModel.h"

#include "core/analytics/LogParameterFit.h"
#include "core/analytics/SpecialFunctions.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <tuple>
#include <vector>

namespace lt {

namespace {

// The customers of a fit with identical (x, t_x, T) merged into weighted groups, and the distinct frequencies and
// times those groups use, so that each evaluation computes a logarithm once per distinct time and a Γ once per
// distinct frequency, and only a log-sum-exp per group.
struct GroupedHistories
{
    struct Group
    {
        std::size_t frequencyIndex = 0;
        std::size_t recencyIndex = 0;
        std::size_t ageIndex = 0;
        double weight = 0;
    };
    std::vector<int> frequencies; // distinct x, ascending
    std::vector<double> frequencyWeights; // customers with each of them
    std::vector<double> times; // distinct t_x and T, scaled, ascending
    std::vector<Group> groups;
    double totalWeight = 0;

    GroupedHistories(const QList<CustomerHistory>& customers, double scale)
    {
        std::vector<std::tuple<int, double, double>> triples;
        triples.reserve(static_cast<std::size_t>(customers.size()));
        for (const CustomerHistory& customer : customers)
            triples.emplace_back(customer.frequency, customer.recency * scale, customer.age * scale);
        std::sort(triples.begin(), triples.end());
        for (const auto& [x, recency, age] : triples) {
            if (frequencies.empty() || frequencies.back() != x) {
                frequencies.push_back(x);
                frequencyWeights.push_back(0);
            }
            times.push_back(recency);
            times.push_back(age);
        }
        std::sort(times.begin(), times.end());
        times.erase(std::unique(times.begin(), times.end()), times.end());
        const auto timeIndex = [this](double time) {
            return static_cast<std::size_t>(std::lower_bound(times.begin(), times.end(), time) - times.begin());
        };
        std::size_t frequencyIndex = 0;
        for (std::size_t i = 0; i < triples.size(); ++i) {
            const auto& [x, recency, age] = triples[i];
            while (frequencies[frequencyIndex] != x)
                ++frequencyIndex;
            frequencyWeights[frequencyIndex] += 1;
            totalWeight += 1;
            if (i > 0 && triples[i] == triples[i - 1])
                groups.back().weight += 1;
            else
                groups.push_back(Group {frequencyIndex, timeIndex(recency), timeIndex(age), 1});
        }
    }
};

// The mean negative log-likelihood of the grouped customers and its gradient, over (ln r, ln α, ln a, ln b).
class BgNbdObjective
{
public:
    explicit BgNbdObjective(const GroupedHistories& data)
        : m_data(data)
        , m_logShift(data.times.size())
        , m_inverseShift(data.times.size())
        , m_logA4(data.frequencies.size())
    {
    }

    double operator()(std::span<const double> point, std::span<double> gradient)
    {
        const double r = std::exp(point[0]), alpha = std::exp(point[1]), a = std::exp(point[2]), b = std::exp(point[3]);
        const double logAlpha = std::log(alpha);
        for (std::size_t i = 0; i < m_data.times.size(); ++i) {
            m_logShift[i] = std::log(alpha + m_data.times[i]);
            m_inverseShift[i] = 1 / (alpha + m_data.times[i]);
        }
        // The terms of (6) that depend on x alone (A1 and A2), once per distinct x with the customers' weight.
        double total = 0, dr = 0, dalpha = 0, da = 0, db = 0;
        const double digammaR = digamma(r), digammaB = digamma(b), digammaAB = digamma(a + b);
        const double lgammaR = std::lgamma(r), lgammaB = std::lgamma(b), lgammaAB = std::lgamma(a + b);
        for (std::size_t k = 0; k < m_data.frequencies.size(); ++k) {
            const double x = m_data.frequencies[k], weight = m_data.frequencyWeights[k];
            total += weight
                * (std::lgamma(r + x) - lgammaR + r * logAlpha + lgammaAB + std::lgamma(b + x) - lgammaB
                   - std::lgamma(a + b + x));
            dr += weight * (digamma(r + x) - digammaR + logAlpha);
            dalpha += weight * r / alpha;
            const double dAB = digammaAB - digamma(a + b + x);
            da += weight * dAB;
            db += weight * (dAB + digamma(b + x) - digammaB);
            m_logA4[k] = x > 0 ? std::log(a) - std::log(b + x - 1) : 0;
        }
        // ln(A3 + [x > 0] A4) per group, with A3 = (α + T)^-(r+x) and A4 = a / (b + x - 1) (α + t_x)^-(r+x).
        for (const GroupedHistories::Group& group : m_data.groups) {
            const int frequency = m_data.frequencies[group.frequencyIndex];
            const double rx = r + frequency, w = group.weight;
            const double logShiftT = m_logShift[group.ageIndex];
            const double logA3 = -rx * logShiftT;
            if (frequency == 0) {
                total += w * logA3;
                dr -= w * logShiftT;
                dalpha -= w * rx * m_inverseShift[group.ageIndex];
                continue;
            }
            const double logShiftTx = m_logShift[group.recencyIndex];
            const double logA4 = m_logA4[group.frequencyIndex] - rx * logShiftTx;
            const double difference = logA4 - logA3;
            const double smaller = std::exp(-std::abs(difference));
            const double shareA4 = difference >= 0 ? 1 / (1 + smaller) : smaller / (1 + smaller);
            const double shareA3 = 1 - shareA4;
            total += w * (std::max(logA3, logA4) + std::log1p(smaller));
            dr -= w * (shareA3 * logShiftT + shareA4 * logShiftTx);
            dalpha -=
                w * rx * (shareA3 * m_inverseShift[group.ageIndex] + shareA4 * m_inverseShift[group.recencyIndex]);
            da += w * shareA4 / a;
            db -= w * shareA4 / (b + frequency - 1);
        }
        if (!gradient.empty()) {
            gradient[0] = -r * dr / m_data.totalWeight;
            gradient[1] = -alpha * dalpha / m_data.totalWeight;
            gradient[2] = -a * da / m_data.totalWeight;
            gradient[3] = -b * db / m_data.totalWeight;
        }
        return -total / m_data.totalWeight;
    }

private:
    const GroupedHistories& m_data;
    std::vector<double> m_logShift; // ln(α + time) per distinct time
    std::vector<double> m_inverseShift; // 1 / (α + time) per distinct time
    std::vector<double> m_logA4; // ln a - ln(b + x - 1) per distinct x
};

} // namespace

Result<BgNbdModel> BgNbdModel::withParameters(const BgNbdParameters& parameters)
{
    if (!isPositiveNumber(parameters.r) || !isPositiveNumber(parameters.alpha) || !isPositiveNumber(parameters.a)
        || !isPositiveNumber(parameters.b))
        return Error::invalid(QCoreApplication::translate(
            "BgNbdModel", "The BG/NBD parameters r, alpha, a and b must be numbers above zero."));
    return BgNbdModel(parameters);
}

Result<BgNbdFit> BgNbdModel::fit(const QList<CustomerHistory>& customers)
{
    if (customers.isEmpty())
        return Error::invalid(
            QCoreApplication::translate("BgNbdModel", "There is no customer to fit the BG/NBD model on."));
    double longestAge = 0;
    bool anyRepeat = false;
    for (qsizetype i = 0; i < customers.size(); ++i) {
        if (const Result<void> valid = validateHistory(customers[i]); !valid)
            return Error::invalid(
                QCoreApplication::translate("BgNbdModel", "Customer %1: %2").arg(i + 1).arg(valid.error().message));
        longestAge = std::max(longestAge, customers[i].age);
        anyRepeat = anyRepeat || customers[i].frequency > 0;
    }
    if (!anyRepeat)
        return Error::refused(QCoreApplication::translate(
            "BgNbdModel", "No customer has bought a second time, so nothing tells how often customers return."));
    if (!(longestAge > 0))
        return Error::refused(QCoreApplication::translate(
            "BgNbdModel", "Every customer bought for the first time at the end of the observation."));
    // As lifetimes does: times scaled so that the longest T is 10, α scaled back after the fit.
    const double scale = 10 / longestAge;
    const GroupedHistories data(customers, scale);
    BgNbdObjective objective(data);
    LT_TRY_ASSIGN(
        const FitOutcome outcome,
        minimiseOverLogParameters(std::ref(objective), std::vector<double>(4, 0.0), QStringLiteral("BG/NBD")));
    LT_TRY_ASSIGN(const BgNbdModel model,
                  withParameters({std::exp(outcome.point[0]), std::exp(outcome.point[1]) / scale,
                                  std::exp(outcome.point[2]), std::exp(outcome.point[3])}));
    // The maximum in the customers' own time unit (scaling the times moves the log-likelihood by Σ x ln scale).
    double logLikelihood = -outcome.value * data.totalWeight;
    for (std::size_t k = 0; k < data.frequencies.size(); ++k)
        logLikelihood += data.frequencyWeights[k] * data.frequencies[k] * std::log(scale);
    return BgNbdFit {model, logLikelihood, static_cast<int>(customers.size()), static_cast<int>(data.groups.size()),
                     outcome.evaluations};
}

double BgNbdModel::logLikelihood(const CustomerHistory& history) const
{
    const auto& [r, alpha, a, b] = m_parameters;
    const double x = history.frequency;
    const double a1 = std::lgamma(r + x) - std::lgamma(r) + r * std::log(alpha);
    const double a2 = std::lgamma(a + b) + std::lgamma(b + x) - std::lgamma(b) - std::lgamma(a + b + x);
    const double logA3 = -(r + x) * std::log(alpha + history.age);
    if (history.frequency == 0)
        return a1 + a2 + logA3;
    const double logA4 = std::log(a) - std::log(b + x - 1) - (r + x) * std::log(alpha + history.recency);
    const double larger = std::max(logA3, logA4);
    return a1 + a2 + larger + std::log1p(std::exp(std::min(logA3, logA4) - larger));
}

Result<double> BgNbdModel::expectedPurchases(double t, const CustomerHistory& history) const
{
    if (!std::isfinite(t) || t < 0)
        return Error::invalid(
            QCoreApplication::translate("BgNbdModel", "The time ahead must be a number and not negative."));
    LT_TRY(validateHistory(history));
    const auto& [r, alpha, a, b] = m_parameters;
    if (std::abs(a - 1) < 1e-12)
        return Error::refused(
            QCoreApplication::translate("BgNbdModel", "The expected purchases cannot be computed with a = 1."));
    if (t == 0)
        return 0.0;
    const double x = history.frequency;
    const double z = t / (alpha + history.age + t);
    const std::optional<SignedLog> hypergeometric = hypergeometric2F1(r + x, b + x, a + b + x - 1, z);
    if (!hypergeometric)
        return Error::refused(QCoreApplication::translate(
            "BgNbdModel", "The hypergeometric series of the expected purchases does not converge."));
    // ((α + T) / (α + T + t))^(r+x) 2F1(...), with (α + T) / (α + T + t) = 1 - z.
    const double logProduct = hypergeometric->logMagnitude + (r + x) * std::log1p(-z);
    const double bracket = hypergeometric->sign > 0 ? -std::expm1(logProduct) : 1 + std::exp(logProduct);
    const double numerator = (a + b + x - 1) / (a - 1) * bracket;
    const double denominator = history.frequency == 0
        ? 1.0
        : 1 + a / (b + x - 1) * std::exp((r + x) * (std::log(alpha + history.age) - std::log(alpha + history.recency)));
    const double expected = numerator / denominator;
    if (!std::isfinite(expected))
        return Error::refused(QCoreApplication::translate("BgNbdModel", "The expected purchases are not a number."));
    return expected;
}

double BgNbdModel::probabilityAlive(const CustomerHistory& history) const
{
    if (history.frequency == 0)
        return 1.0;
    const auto& [r, alpha, a, b] = m_parameters;
    const double x = history.frequency;
    // 1 / (1 + e^d), computed from the side where the exponential cannot overflow.
    const double d =
        (r + x) * (std::log(alpha + history.age) - std::log(alpha + history.recency)) + std::log(a / (b + x - 1));
    if (d > 0) {
        const double e = std::exp(-d);
        return e / (1 + e);
    }
    return 1 / (1 + std::exp(d));
}

} // namespace lt
