#pragma once

#include "core/common/Result.h"
#include "core/services/AccrualService.h"
#include "core/services/AdjustmentService.h"
#include "core/services/EngineContext.h"
#include "core/services/EnrollmentService.h"
#include "core/services/ExpiryService.h"
#include "core/services/MemberDirectory.h"
#include "core/services/RedemptionService.h"
#include "core/services/RefundService.h"

#include <memory>

namespace lt {

class Database;
class Clock;

// The loyalty services over one open store, with the program and the phone region loaded from it. Front ends
// (the till, the admin CLI, sync) each hold one per connection. Who acts is passed with each operation (Actor).
class LoyaltyEngine
{
public:
    static Result<std::unique_ptr<LoyaltyEngine>> create(Database& db, const Clock& clock);

    EngineContext& context() { return m_context; }
    const LoyaltyProgram& program() const { return m_context.program; }
    // Re-reads the program and the settings, e.g. after sync replaced the program.
    Result<void> reload();

    MemberDirectory& members() { return m_members; }
    EnrollmentService& enrollment() { return m_enrollment; }
    AccrualService& accrual() { return m_accrual; }
    RedemptionService& redemption() { return m_redemption; }
    RefundService& refunds() { return m_refunds; }
    AdjustmentService& adjustments() { return m_adjustments; }
    ExpiryService& expiry() { return m_expiry; }

private:
    LoyaltyEngine(Database& db, const Clock& clock);

    EngineContext m_context;
    MemberDirectory m_members;
    EnrollmentService m_enrollment;
    AccrualService m_accrual;
    RedemptionService m_redemption;
    RefundService m_refunds;
    AdjustmentService m_adjustments;
    ExpiryService m_expiry;
};

} // namespace lt
