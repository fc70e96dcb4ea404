#include "core/services/LoyaltyEngine.h"

#include "core/settings/TillSettings.h"
#include "core/store/ProgramRepository.h"
#include "core/store/StoreSettings.h"

namespace lt {

LoyaltyEngine::LoyaltyEngine(Database& db, const Clock& clock)
    : m_context {db, clock, LoyaltyProgram::defaultProgram(), PhoneNumberNormalizer(), TillSettings().tillName()}
    , m_members(m_context)
    , m_enrollment(m_context)
    , m_accrual(m_context)
    , m_redemption(m_context)
    , m_refunds(m_context)
    , m_adjustments(m_context)
    , m_expiry(m_context)
{
}

Result<std::unique_ptr<LoyaltyEngine>> LoyaltyEngine::create(Database& db, const Clock& clock)
{
    std::unique_ptr<LoyaltyEngine> engine(new LoyaltyEngine(db, clock));
    LT_TRY(engine->reload());
    return engine;
}

Result<void> LoyaltyEngine::reload()
{
    LT_TRY_ASSIGN(m_context.program, ProgramRepository(m_context.db, m_context.clock).load());
    m_context.phones = PhoneNumberNormalizer(StoreSettings(m_context.db).value(StoreSettings::DefaultRegion));
    return {};
}

} // namespace lt
