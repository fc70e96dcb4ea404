#include "core/domain/SyncKinds.h"

namespace lt {

namespace {
constexpr std::pair<OutboxOperation, const char*> OperationNames[] = {
    {OutboxOperation::Enroll, "enroll"}, {OutboxOperation::Accrue, "accrue"}, {OutboxOperation::Redeem, "redeem"},
    {OutboxOperation::Refund, "refund"}, {OutboxOperation::Adjust, "adjust"},
};
constexpr std::pair<OutboxState, const char*> OutboxStateNames[] = {
    {OutboxState::Pending, "pending"},
    {OutboxState::Sent, "sent"},
    {OutboxState::Conflict, "conflict"},
};
constexpr std::pair<ConflictKind, const char*> ConflictNames[] = {
    {ConflictKind::Overspend, "overspend"},
    {ConflictKind::PhoneRejected, "phone_rejected"},
    {ConflictKind::AccountMissing, "account_missing"},
    {ConflictKind::Refused, "refused"},
    {ConflictKind::BalanceMismatch, "balance_mismatch"},
};
} // namespace

QString toStorage(OutboxOperation operation)
{
    return storage::nameOf(OperationNames, operation);
}

QString toStorage(OutboxState state)
{
    return storage::nameOf(OutboxStateNames, state);
}

QString toStorage(ConflictKind kind)
{
    return storage::nameOf(ConflictNames, kind);
}

template<>
Result<OutboxOperation> fromStorage<OutboxOperation>(const QString& text)
{
    return storage::kindOf(OperationNames, text, "outbox operation");
}

template<>
Result<OutboxState> fromStorage<OutboxState>(const QString& text)
{
    return storage::kindOf(OutboxStateNames, text, "outbox state");
}

template<>
Result<ConflictKind> fromStorage<ConflictKind>(const QString& text)
{
    return storage::kindOf(ConflictNames, text, "conflict kind");
}

} // namespace lt
