#pragma once

#include "core/common/Result.h"

#include <functional>

namespace lt {

struct EngineContext;

struct GenerateOptions
{
    qint64 members = 1000;
    qint64 sales = 0;
    quint64 seed = 20261123;
    std::function<void(const QString& phase, qint64 done, qint64 total)> progress;
};

struct GenerateReport
{
    qint64 members = 0;
    qint64 sales = 0;
    qint64 ledgerEntries = 0;
    double seconds = 0;
};

// Fills an empty store with realistic demo members and sales (names in several scripts, phone numbers in the
// 555 exchange, cards for most members numbered after any reserved for pre-printed cards, sales earning points
// under the current program, some redemptions).
// Generated members are training data: marked as such and never sent to Square. Written through SQLite's own
// API in one transaction, because a million members must take seconds, not minutes.
class DemoDataGenerator
{
public:
    static constexpr qint64 MaximumMembers = 3'000'000;
    static constexpr qint64 MaximumSales = 50'000'000;

    explicit DemoDataGenerator(EngineContext& context)
        : m_context(context)
    {
    }
    Result<GenerateReport> generate(const GenerateOptions& options);

private:
    EngineContext& m_context;
};

} // namespace lt
