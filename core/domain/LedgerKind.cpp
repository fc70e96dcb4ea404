#include "core/domain/LedgerKind.h"

namespace lt {

namespace {
constexpr std::pair<LedgerKind, const char*> LedgerKindNames[] = {
    {LedgerKind::Opening, "opening"}, {LedgerKind::Accrue, "accrue"}, {LedgerKind::Redeem, "redeem"},
    {LedgerKind::Refund, "refund"},   {LedgerKind::Adjust, "adjust"}, {LedgerKind::Restore, "restore"},
    {LedgerKind::Expire, "expire"},   {LedgerKind::Void, "void"},
};
} // namespace

QString toStorage(LedgerKind kind)
{
    return storage::nameOf(LedgerKindNames, kind);
}

template<>
Result<LedgerKind> fromStorage<LedgerKind>(const QString& text)
{
    return storage::kindOf(LedgerKindNames, text, "ledger kind");
}

} // namespace lt
