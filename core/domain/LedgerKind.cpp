#include "core/domain/LedgerKind.h"

namespace lt {

namespace {
constexpr std::pair<LedgerKind, const char*> Names[] = {
    {LedgerKind::Opening, "opening"}, {LedgerKind::Accrue, "accrue"}, {LedgerKind::Redeem, "redeem"},
    {LedgerKind::Refund, "refund"},   {LedgerKind::Adjust, "adjust"}, {LedgerKind::Restore, "restore"},
    {LedgerKind::Expire, "expire"},   {LedgerKind::Void, "void"},
};
} // namespace

QString toStorage(LedgerKind kind)
{
    return storage::nameOf(Names, kind);
}

template<>
Result<LedgerKind> fromStorage<LedgerKind>(const QString& text)
{
    return storage::kindOf(Names, text, "ledger kind");
}

} // namespace lt
