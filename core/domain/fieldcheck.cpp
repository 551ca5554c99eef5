#include "domain/fieldcheck.h"

std::optional<Failure> checkText(const QString &label, const QString &value, int maxLength,
                                 bool required)
{
    if (required && value.trimmed().isEmpty())
        return Failure{QStringLiteral("The %1 is required.").arg(label)};
    if (value.size() > maxLength) {
        return Failure{QStringLiteral("The %1 is too long (%2 characters; at most %3).")
                           .arg(label)
                           .arg(value.size())
                           .arg(maxLength)};
    }
    return std::nullopt;
}

std::optional<Failure> checkPhone(const QString &value)
{
    if (auto tooLong = checkText(QStringLiteral("phone number"), value, FieldLimit::Phone))
        return tooLong;
    int digits = 0;
    for (const QChar c : value) {
        if (c.isDigit())
            ++digits;
        else if (!QStringView(u"+-()./ ").contains(c))
            return Failure{QStringLiteral("The phone number may hold only digits, spaces and "
                                          "+ - ( ) . /; \"%1\" does not look like one.")
                               .arg(value)};
    }
    if (digits < 3)
        return Failure{QStringLiteral("The phone number \"%1\" has too few digits.").arg(value)};
    return std::nullopt;
}
