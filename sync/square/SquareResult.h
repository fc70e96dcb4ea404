#pragma once

#include "sync/square/SquareError.h"

#include <optional>
#include <utility>
#include <variant>

namespace lt {

// What one call of the Square Loyalty API answered: the parsed answer, or why there is none (the network, Square's
// refusal, or an answer that cannot be used). The sync layer's counterpart of Result, with Square's error type.
template<typename T>
class [[nodiscard]] SquareResult
{
public:
    SquareResult(T value)
        : m_state(std::move(value))
    {
    }
    SquareResult(SquareError error)
        : m_state(std::move(error))
    {
    }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<T>(m_state); }
    T& value() & { return std::get<T>(m_state); }
    const T& operator*() const& { return value(); }
    T& operator*() & { return value(); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }

    const SquareError& error() const { return std::get<SquareError>(m_state); }

private:
    std::variant<T, SquareError> m_state;
};

template<>
class [[nodiscard]] SquareResult<void>
{
public:
    SquareResult() = default;
    SquareResult(SquareError error)
        : m_error(std::move(error))
    {
    }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const SquareError& error() const { return *m_error; }

private:
    std::optional<SquareError> m_error;
};

} // namespace lt
