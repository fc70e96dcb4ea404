#include "core/analytics/BgNbdModel.h"
#include "core/analytics/GammaGammaModel.h"
#include "tests/core/CdnowSample.h"
#include "tests/support/ResultChecks.h"

#include <QTest>

#include <cmath>

using lt::BgNbdModel;
using lt::CustomerHistory;
using lt::ErrorKind;
using lt::GammaGammaFit;
using lt::GammaGammaModel;
using lt::GammaGammaParameters;
using lt::LifetimeValueHorizon;

namespace {

// Published estimates on the CDNOW calibration period's 946 repeat buyers (Fader & Hardie, "The Gamma-Gamma model
// of monetary value", 2013), and the maximum SciPy finds (tests/data/cdnow/reference.py).
const GammaGammaParameters kPublished {6.25, 3.74, 15.44};
const GammaGammaParameters kScipy {6.2488026949, 3.7445884393, 15.4477472178};

bool near(double actual, double expected, double relative)
{
    return std::abs(actual - expected) <= relative * std::abs(expected);
}

#define VERIFY_NEAR(actual, expected, relative)                                                                        \
    QVERIFY2(near((actual), (expected), (relative)),                                                                   \
             qPrintable(QStringLiteral("%1 is %2, expected %3 within %4 relative")                                     \
                            .arg(QLatin1String(#actual))                                                               \
                            .arg((actual), 0, 'g', 17)                                                                 \
                            .arg((expected), 0, 'g', 17)                                                               \
                            .arg(relative)))

GammaGammaModel publishedModel()
{
    return GammaGammaModel::withParameters(kPublished).value();
}

BgNbdModel publishedPurchases()
{
    return BgNbdModel::withParameters({0.243, 4.414, 0.793, 2.426}).value();
}

} // namespace

class TestGammaGamma : public QObject
{
    Q_OBJECT

private slots:
    void fitsTheCdnowRepeatBuyers();
    void predictsAverageValues_data();
    void predictsAverageValues();
    void computesLifetimeValues();
    void leavesOutCustomersItCannotUse();
    void refusesBadInput();
};

void TestGammaGamma::fitsTheCdnowRepeatBuyers()
{
    // All 2357 customers are given; the 1411 without a repeat purchase are left out, as lifetimes' users do.
    const lt::Result<GammaGammaFit> fit = GammaGammaModel::fit(cdnow::summary().values());
    LT_VERIFY_OK(fit);
    const GammaGammaParameters& found = fit->model.parameters();
    qInfo("CDNOW Gamma-Gamma: p %.17g q %.17g gamma %.17g, log-likelihood %.10f, %d evaluations", found.p, found.q,
          found.gamma, fit->logLikelihood, fit->evaluations);
    QCOMPARE(fit->customers, 946);
    QCOMPARE(fit->leftOut, 2357 - 946);
    VERIFY_NEAR(found.p, kPublished.p, 0.01);
    VERIFY_NEAR(found.q, kPublished.q, 0.01);
    VERIFY_NEAR(found.gamma, kPublished.gamma, 0.01);
    VERIFY_NEAR(found.p, kScipy.p, 1e-6);
    VERIFY_NEAR(found.q, kScipy.q, 1e-6);
    VERIFY_NEAR(found.gamma, kScipy.gamma, 1e-6);
    QVERIFY(std::abs(fit->logLikelihood - -4055.923244) < 1e-5);
    // The fitted maximum is the sum of the customers' own log-likelihoods.
    double sum = 0;
    for (const CustomerHistory& customer : cdnow::summary())
        sum += customer.frequency > 0 ? fit->model.logLikelihood(customer) : 0;
    VERIFY_NEAR(fit->logLikelihood, sum, 1e-10);
}

void TestGammaGamma::predictsAverageValues_data()
{
    QTest::addColumn<int>("id");
    QTest::addColumn<double>("expected");
    // Printed by tests/data/cdnow/reference.py with the published parameters.
    QTest::newRow("1: x 2, mean 22.35") << 1 << 24.6637139108;
    QTest::newRow("2: x 1, mean 11.77") << 2 << 18.9168520578;
    QTest::newRow("3: no repeat purchase, the population mean") << 3 << 35.2189781022;
    QTest::newRow("17: x 10, mean 24.24") << 17 << 24.7011036174;
    QTest::newRow("157: x 29, mean 26.26") << 157 << 26.3934181206;
    QTest::newRow("1516: x 26, mean 39.97") << 1516 << 39.8912188332;
}

void TestGammaGamma::predictsAverageValues()
{
    QFETCH(int, id);
    QFETCH(double, expected);
    const lt::Result<double> value = publishedModel().expectedAverageValue(cdnow::summary().value(id));
    LT_VERIFY_OK(value);
    VERIFY_NEAR(*value, expected, 1e-10);
}

void TestGammaGamma::computesLifetimeValues()
{
    // lifetimes' customer_lifetime_value over 12 months of 4.345 weeks at 1 % a month, computed by reference.py.
    const LifetimeValueHorizon year {12, 0.01, lt::kWeeksPerMonth};
    const QMap<int, CustomerHistory> customers = cdnow::summary();
    const QList<std::pair<int, double>> expected {
        {1, 36.2892111256}, {3, 8.36900435892}, {17, 173.898847863}, {1516, 972.101051488}};
    for (const auto& [id, value] : expected) {
        const lt::Result<double> lifetimeValue =
            publishedModel().customerLifetimeValue(publishedPurchases(), customers.value(id), year);
        LT_VERIFY_OK(lifetimeValue);
        VERIFY_NEAR(*lifetimeValue, value, 1e-10);
    }
    const CustomerHistory first = customers.value(1);
    VERIFY_NEAR(
        publishedModel().customerLifetimeValue(publishedPurchases(), first, {24, 0.0, lt::kWeeksPerMonth}).value(),
        65.9634176011, 1e-10);
    // Undiscounted, the value is E(M) times the purchases expected over the whole horizon.
    const double purchases = publishedPurchases().expectedPurchases(24 * lt::kWeeksPerMonth, first).value();
    VERIFY_NEAR(65.9634176011, publishedModel().expectedAverageValue(first).value() * purchases, 1e-10);
    // No month ahead, no value; the default horizon is lifetimes' (12 months of 30 time units at 1 %).
    QCOMPARE(publishedModel().customerLifetimeValue(publishedPurchases(), first, {0, 0.01, 30}).value(), 0.0);
    QCOMPARE(publishedModel().customerLifetimeValue(publishedPurchases(), first).value(),
             publishedModel().customerLifetimeValue(publishedPurchases(), first, {12, 0.01, 30}).value());
}

void TestGammaGamma::leavesOutCustomersItCannotUse()
{
    // A repeat buyer whose repeat purchases were all refunded has a mean value of 0: the model cannot use them.
    QList<CustomerHistory> customers = cdnow::summary().values();
    customers.append({3, 20, 30, 0});
    customers.append({0, 0, 30, 0});
    const GammaGammaFit fit = GammaGammaModel::fit(customers).value();
    QCOMPARE(fit.customers, 946);
    QCOMPARE(fit.leftOut, 2357 - 946 + 2);
    VERIFY_NEAR(fit.model.parameters().p, kScipy.p, 1e-6);
    // Customers with the same (x, m) are counted once with a weight: the same maximum twice over.
    const GammaGammaFit doubled = GammaGammaModel::fit(customers + customers).value();
    VERIFY_NEAR(doubled.model.parameters().q, fit.model.parameters().q, 1e-7);
    VERIFY_NEAR(doubled.logLikelihood, 2 * fit.logLikelihood, 1e-9);
}

void TestGammaGamma::refusesBadInput()
{
    LT_VERIFY_ERROR(GammaGammaModel::fit({}), ErrorKind::InvalidInput);
    LT_VERIFY_ERROR(GammaGammaModel::fit({{0, 0, 10, 0}, {2, 5, 10, 0}}), ErrorKind::Refused);
    LT_VERIFY_ERROR(GammaGammaModel::fit({{2, 5, 10, 20}, {2, 5, 10, std::nan("")}}), ErrorKind::InvalidInput);
    LT_VERIFY_ERROR(GammaGammaModel::fit({{2, 5, 10, 20}, {2, 11, 10, 20}}), ErrorKind::InvalidInput);
    LT_VERIFY_ERROR(GammaGammaModel::withParameters({6, 0, 15}), ErrorKind::InvalidInput);
    LT_VERIFY_ERROR(GammaGammaModel::withParameters({6, 3, std::numeric_limits<double>::infinity()}),
                    ErrorKind::InvalidInput);
    // With q <= 1 the population's mean transaction value is infinite.
    LT_VERIFY_ERROR(GammaGammaModel::withParameters({6, 0.9, 15}).value().expectedAverageValue({2, 5, 10, 20}),
                    ErrorKind::Refused);
    LT_VERIFY_ERROR(publishedModel().expectedAverageValue({-2, 5, 10, 20}), ErrorKind::InvalidInput);
    const CustomerHistory customer {2, 30, 39, 20};
    LT_VERIFY_ERROR(publishedModel().customerLifetimeValue(publishedPurchases(), customer, {-1, 0.01, 30}),
                    ErrorKind::InvalidInput);
    LT_VERIFY_ERROR(publishedModel().customerLifetimeValue(publishedPurchases(), customer, {12, -1, 30}),
                    ErrorKind::InvalidInput);
    LT_VERIFY_ERROR(publishedModel().customerLifetimeValue(publishedPurchases(), customer, {12, 0.01, 0}),
                    ErrorKind::InvalidInput);
}

QTEST_GUILESS_MAIN(TestGammaGamma)
#include "tst_gammagamma.moc"
