#include "core/services/PromotionCache.h"

#include "core/store/PromotionStore.h"

namespace lt {

Result<QList<Promotion>> PromotionCache::live(const PromotionStore& store)
{
    LT_TRY_ASSIGN(const QString signature, store.signature());
    if (!m_loaded || signature != m_signature) {
        LT_TRY_ASSIGN(m_live, store.active());
        m_signature = signature;
        m_loaded = true;
    }
    return m_live;
}

} // namespace lt
