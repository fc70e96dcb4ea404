#pragma once

#include "core/domain/LoyaltyProgram.h"
#include "core/domain/Sale.h"

namespace lt {

// Points a sale earns under a program. Like Square, every accrual rule is evaluated and the one that gives the
// most points wins; rules do not add up.
class PointsCalculator
{
public:
    explicit PointsCalculator(const LoyaltyProgram& program)
        : m_program(program)
    {
    }

    qint64 pointsFor(const Sale& sale) const;
    qint64 pointsFor(const Sale& sale, const AccrualRule& rule) const;

private:
    const LoyaltyProgram& m_program;
};

} // namespace lt
