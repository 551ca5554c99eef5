#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

// Why an operation did not happen, in words a user can act on.
struct Failure
{
    enum class Kind
    {
        Refused,    // it cannot happen as asked: trying again changes nothing
        Unreachable // the war room's server could not be reached: it may happen later
    };
    QString message;
    Kind kind = Kind::Refused;
};

// A value or the reason there is none. Store and service calls return this so that every
// caller, GUI or CLI, has a message to show instead of a silent false.
template <typename T> class Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Failure failure) : m_failure(std::move(failure)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    const T &operator*() const { return *m_value; }
    T &operator*() { return *m_value; }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }
    // Moves the value out, for move-only values such as a query or an owning pointer.
    T take() { return std::move(*m_value); }
    T valueOr(T fallback) const { return m_value ? *m_value : fallback; }
    const QString &error() const { return m_failure.message; }
    // Why, with its kind: for passing a failure on as it is.
    const Failure &failure() const { return m_failure; }
    bool unreachable() const { return !ok() && m_failure.kind == Failure::Kind::Unreachable; }

private:
    std::optional<T> m_value;
    Failure m_failure;
};

using Done = std::monostate;
using Outcome = Result<Done>;

inline Outcome done()
{
    return Outcome(Done{});
}

// Whether a call succeeded, keeping its reason when it did not; for callers that need only that.
template <typename T> Outcome asOutcome(const Result<T> &result)
{
    return result ? done() : Outcome(result.failure());
}
