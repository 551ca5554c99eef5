#include "storage/warroomaddress.h"

#include "storage/ownerlock.h"

#include <QUrl>
#include <QUrlQuery>

namespace {
const QStringList kSslModes{QStringLiteral("disable"),   QStringLiteral("allow"),
                            QStringLiteral("prefer"),    QStringLiteral("require"),
                            QStringLiteral("verify-ca"), QStringLiteral("verify-full")};

Failure badUrl(const QString &shown, const QString &why)
{
    return Failure{QStringLiteral("\"%1\" is not a war room address: %2. Use "
                                  "postgresql://USER@HOST:PORT/DATABASE or a file path.")
                       .arg(shown, why)};
}
} // namespace

WarRoomAddress WarRoomAddress::sqliteFile(const QString &path)
{
    WarRoomAddress address;
    address.engine = Engine::Sqlite;
    address.path = canonicalDatabasePath(path);
    return address;
}

Result<WarRoomAddress> WarRoomAddress::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return Failure{QStringLiteral("No war room was given: name a database file or a "
                                      "postgresql:// address.")};
    const qsizetype schemeEnd = trimmed.indexOf(QStringLiteral("://"));
    if (schemeEnd < 0)
        return sqliteFile(trimmed);

    const QUrl url(trimmed, QUrl::StrictMode);
    // What is shown back never carries the password, even when the URL is wrong.
    QUrl shownUrl(url);
    shownUrl.setPassword(QString());
    const QString shown = url.isValid() ? shownUrl.toDisplayString() : trimmed.left(schemeEnd + 3);
    const QString scheme = trimmed.left(schemeEnd).toLower();
    if (scheme != u"postgresql" && scheme != u"postgres")
        return badUrl(shown, QStringLiteral("only postgresql:// servers are supported"));
    if (!url.isValid())
        return badUrl(shown, url.errorString());

    WarRoomAddress address;
    address.engine = Engine::Postgres;
    address.host = url.host();
    address.user = url.userName();
    address.password = url.password();
    address.database = url.path().mid(1);
    if (address.host.isEmpty())
        return badUrl(shown, QStringLiteral("the server's host name is missing"));
    if (address.user.isEmpty())
        return badUrl(shown, QStringLiteral("the user name is missing (USER@HOST)"));
    if (address.database.isEmpty() || address.database.contains(u'/'))
        return badUrl(shown, QStringLiteral("name one database after the host (…/DATABASE)"));
    const int port = url.port(5432);
    if (port <= 0 || port > 65535)
        return badUrl(shown, QStringLiteral("the port must be between 1 and 65535"));
    address.port = port;

    const QUrlQuery query(url);
    for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (name != u"sslmode")
            return badUrl(shown, QStringLiteral("unknown option \"%1\" (only sslmode)").arg(name));
        if (!kSslModes.contains(value))
            return badUrl(shown, QStringLiteral("sslmode must be one of %1")
                                     .arg(kSslModes.join(QStringLiteral(", "))));
        address.sslMode = value;
    }
    return address;
}

QString WarRoomAddress::display() const
{
    if (engine == Engine::Sqlite)
        return path;
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setUserName(user);
    url.setHost(host);
    url.setPort(port);
    url.setPath(u'/' + database);
    if (!sslMode.isEmpty())
        url.setQuery(QStringLiteral("sslmode=") + sslMode);
    return url.toString();
}
