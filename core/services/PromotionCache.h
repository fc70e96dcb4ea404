#pragma once

#include "core/common/Result.h"
#include "core/domain/Promotion.h"

#include <QList>
#include <QString>

namespace lt {

class PromotionStore;

// The live promotions, parsed once: every sale needs them, and they change rarely (a pull from Square, or a
// manager's add or cancel, possibly in another process). A cheap signature of the table tells when to read them again.
class PromotionCache
{
public:
    Result<QList<Promotion>> live(const PromotionStore& store);

private:
    bool m_loaded = false;
    QString m_signature;
    QList<Promotion> m_live;
};

} // namespace lt
