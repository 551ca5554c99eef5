#pragma once

#include <QList>
#include <QString>

#include <optional>
#include <utility>

// The stored and typed names of an enum, in one table, so that parsing and printing
// can never disagree. Parsing ignores case and surrounding blanks.
template <typename Enum> class EnumNames
{
public:
    explicit EnumNames(QList<std::pair<Enum, QString>> table) : m_table(std::move(table))
    {
        for (const auto &entry : m_table)
            m_values.append(entry.first);
    }

    QString name(Enum value) const
    {
        for (const auto &entry : m_table) {
            if (entry.first == value)
                return entry.second;
        }
        return {};
    }

    std::optional<Enum> parse(QStringView text) const
    {
        const QStringView trimmed = text.trimmed();
        for (const auto &entry : m_table) {
            if (trimmed.compare(entry.second, Qt::CaseInsensitive) == 0)
                return entry.first;
        }
        return std::nullopt;
    }

    const QList<Enum> &values() const { return m_values; }

    QStringList names() const
    {
        QStringList result;
        for (const auto &entry : m_table)
            result.append(entry.second);
        return result;
    }

private:
    QList<std::pair<Enum, QString>> m_table;
    QList<Enum> m_values;
};
