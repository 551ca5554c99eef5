#pragma once

#include "domain/result.h"

#include <QString>

#include <optional>

// Upper bounds on what a person can sensibly type; past them the input is a mistake
// (a pasted file, a runaway script) and is refused with a message rather than stored.
namespace FieldLimit {
constexpr int Name = 120;
constexpr int Title = 200;
constexpr int Phone = 40;
constexpr int Sentence = 2000;
constexpr int Text = 20000;
} // namespace FieldLimit

// Why a field is not acceptable, or nothing when it is. label is the field's name as a
// user knows it ("title", "phone").
std::optional<Failure> checkText(const QString &label, const QString &value, int maxLength,
                                 bool required = true);
std::optional<Failure> checkPhone(const QString &value);
