#include "domain/people.h"

#include "domain/enumnames.h"

namespace {
const EnumNames<Role> &roleNames()
{
    static const EnumNames<Role> names{{
        {Role::InCharge, QStringLiteral("in_charge")},
        {Role::Liaison, QStringLiteral("liaison")},
    }};
    return names;
}
} // namespace

QString roleName(Role role)
{
    return roleNames().name(role);
}

QString roleTitle(Role role)
{
    return role == Role::Liaison ? QStringLiteral("business liaison")
                                 : QStringLiteral("person in charge");
}

std::optional<Role> parseRole(QStringView text)
{
    return roleNames().parse(text);
}
