#pragma once

#include "core/error.h"

#include <type_traits>
#include <utility>
#include <variant>

namespace Signpost {

// A value or the error that prevented it; how results cross layers.
template<typename T, typename E = Error>
class [[nodiscard]] Expected
{
public:
    // Some awaiting helpers need a default; it holds a default value.
    Expected() requires std::is_default_constructible_v<T> : m_data(std::in_place_index<0>) {}
    Expected(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Expected(E error) : m_data(std::in_place_index<1>, std::move(error)) {}

    bool has_value() const { return m_data.index() == 0; }
    explicit operator bool() const { return has_value(); }

    T &value() & { return std::get<0>(m_data); }
    const T &value() const & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const E &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, E> m_data;
};

// For operations that return nothing but may fail.
struct Done {};
using Status = Expected<Done>;
inline Status ok() { return Done{}; }

} // namespace Signpost
