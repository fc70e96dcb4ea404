#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace lt {

// What went wrong, in terms a caller can act on. Front ends map kinds to exit codes or inline messages.
enum class ErrorKind {
    InvalidInput, // the caller's input is malformed or out of range; nothing was changed
    NotFound, // the member, card, sale or reward does not exist
    Refused, // the request is well formed but the rules refuse it (insufficient points, over the limit)
    Conflict, // the request contradicts what is already recorded
    Storage, // the database could not be read or written
    Corrupt, // the database file is damaged or not a LoyaltyTill database
    Internal, // a bug or an unexpected state
};

struct Error
{
    ErrorKind kind = ErrorKind::Internal;
    QString message; // readable by a cashier or an operator
    QString field = {}; // the input field it concerns, when there is one

    static Error invalid(QString message, QString field = {})
    {
        return {ErrorKind::InvalidInput, std::move(message), std::move(field)};
    }
    static Error notFound(QString message) { return {ErrorKind::NotFound, std::move(message)}; }
    static Error refused(QString message) { return {ErrorKind::Refused, std::move(message)}; }
    static Error conflict(QString message) { return {ErrorKind::Conflict, std::move(message)}; }
    static Error storage(QString message) { return {ErrorKind::Storage, std::move(message)}; }
    static Error corrupt(QString message) { return {ErrorKind::Corrupt, std::move(message)}; }
    static Error internal(QString message) { return {ErrorKind::Internal, std::move(message)}; }
};

QString errorKindName(ErrorKind kind);

// A value or an Error; the error type at every layer boundary.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_state(std::move(value))
    {
    }
    Result(Error error)
        : m_state(std::move(error))
    {
    }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<T>(m_state); }
    T& value() & { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }
    const T& operator*() const& { return value(); }
    T& operator*() & { return value(); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }

    const Error& error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    {
    }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace lt

// Error propagation without the `if (!x) return x.error();` pair, in portable C++ (no statement expressions).
// Inside a function whose result can be built from an Error (a Result, or an Error itself):
//   LT_TRY(store.setPhone(id, phone));                  // a Result<void>, or a Result<T> whose value is not needed
//   LT_TRY_ASSIGN(const Member member, find(id));      // declares `member` from a Result<Member>'s value
//   LT_TRY_ASSIGN(change.member, find(id));            // or assigns it to something that exists
// LT_TRY_ASSIGN is a declaration and more: never the unbraced body of an if or a loop. Temporaries are numbered
// with __COUNTER__ (GCC, Clang and MSVC all have it; __LINE__ is not a constant under MSVC's /ZI), so uses never
// collide or shadow one another, even nested in a lambda.
#define LT_TRY_CONCAT_INNER(a, b) a##b
#define LT_TRY_CONCAT(a, b) LT_TRY_CONCAT_INNER(a, b)
#define LT_TRY(expression) LT_TRY_IMPL(LT_TRY_CONCAT(ltTried, __COUNTER__), expression)
#define LT_TRY_IMPL(temporary, expression)                                                                             \
    do {                                                                                                               \
        if (auto&& temporary = (expression); !temporary)                                                               \
            return temporary.error();                                                                                  \
    } while (false)
#define LT_TRY_ASSIGN(declaration, expression)                                                                         \
    LT_TRY_ASSIGN_IMPL(LT_TRY_CONCAT(ltTried, __COUNTER__), declaration, expression)
#define LT_TRY_ASSIGN_IMPL(temporary, declaration, expression)                                                         \
    auto temporary = (expression);                                                                                     \
    if (!temporary)                                                                                                    \
        return temporary.error();                                                                                      \
    declaration = std::move(temporary).value()
