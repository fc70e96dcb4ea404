#include "core/domain/Grant.h"

namespace lt {

namespace {
constexpr std::pair<GrantKind, const char*> GrantKindNames[] = {
    {GrantKind::Birthday, "birthday"}, {GrantKind::Anniversary, "anniversary"}, {GrantKind::Referral, "referral"},
    {GrantKind::WinBack, "winback"},   {GrantKind::Expire, "expire"},
};
constexpr std::pair<GrantState, const char*> GrantStateNames[] = {
    {GrantState::Granted, "granted"},
    {GrantState::Offered, "offered"},
    {GrantState::Used, "used"},
    {GrantState::Reversed, "reversed"},
};
} // namespace

QString toStorage(GrantKind kind)
{
    return storage::nameOf(GrantKindNames, kind);
}

template<>
Result<GrantKind> fromStorage<GrantKind>(const QString& text)
{
    return storage::kindOf(GrantKindNames, text, "grant kind");
}

QString toStorage(GrantState state)
{
    return storage::nameOf(GrantStateNames, state);
}

template<>
Result<GrantState> fromStorage<GrantState>(const QString& text)
{
    return storage::kindOf(GrantStateNames, text, "grant state");
}

} // namespace lt
