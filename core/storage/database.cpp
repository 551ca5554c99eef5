#include "storage/database.h"

#include "storage/schema.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>

namespace {
QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("warroom-%1").arg(counter.fetchAndAddRelaxed(1) + 1);
}

QString errorText(const QSqlError &error)
{
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.text().trimmed();
    return text;
}
} // namespace

Database::Database(QString connectionName, QString location, std::unique_ptr<SqlDialect> dialect)
    : m_connectionName(std::move(connectionName)), m_location(std::move(location)),
      m_dialect(std::move(dialect))
{}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Result<std::unique_ptr<Database>> Database::openSqlite(const QString &path, OpenMode mode,
                                                       int migrateToVersion)
{
    const QFileInfo file(path);
    if (path.isEmpty())
        return Failure{QStringLiteral("No database file was given.")};
    if (file.exists() && !file.isFile())
        return Failure{QStringLiteral("%1 is not a file.").arg(path)};
    if (!file.exists()) {
        if (mode == OpenMode::MustExist)
            return Failure{QStringLiteral("There is no Warroom database at %1.").arg(path)};
        if (!QDir().mkpath(file.absolutePath()))
            return Failure{QStringLiteral("Cannot create the folder %1.").arg(file.absolutePath())};
    }

    auto dialect = std::make_unique<SqliteDialect>();
    const QString name = nextConnectionName();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(dialect->driverName(), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    }
    std::unique_ptr<Database> database(new Database(name, path, std::move(dialect)));
    QSqlDatabase db = database->connection();
    if (!db.open())
        return Failure{QStringLiteral("Cannot open %1: %2").arg(path, errorText(db.lastError()))};

    // Look before touching: nothing below writes until the file is known to be ours.
    auto notOurs = [&](const QString &why) {
        return Failure{QStringLiteral("%1 is not a Warroom database (%2).").arg(path, why)};
    };
    const Result<QVariant> appId = database->scalar(QStringLiteral("PRAGMA application_id"));
    if (!appId)
        return notOurs(appId.error());
    const Result<QVariant> tableCount =
        database->scalar(QStringLiteral("SELECT count(*) FROM sqlite_master"));
    if (!tableCount)
        return notOurs(tableCount.error());

    const bool blank = appId->toLongLong() == 0 && tableCount->toLongLong() == 0;
    if (blank && mode == OpenMode::MustExist)
        return notOurs(QStringLiteral("the file holds no Warroom data"));
    if (!blank && appId->toLongLong() != kSqliteApplicationId)
        return notOurs(QStringLiteral("it belongs to another program"));

    if (!blank) {
        const Result<int> version = database->readSchemaVersion();
        if (!version)
            return Failure{
                QStringLiteral("%1 is a damaged Warroom database: %2").arg(path, version.error())};
        database->m_schemaVersion = *version;
        if (*version > latestSchemaVersion()) {
            return Failure{QStringLiteral("%1 was written by a newer Warroom (schema version %2; "
                                          "this version reads up to %3). It was left untouched.")
                               .arg(path)
                               .arg(*version)
                               .arg(latestSchemaVersion())};
        }
    }

    for (const QString &statement : database->dialect().connectionSetup()) {
        if (const auto ran = database->run(statement); !ran)
            return Failure{QStringLiteral("Cannot prepare %1: %2").arg(path, ran.error())};
    }

    const int target = migrateToVersion < 0 ? latestSchemaVersion() : migrateToVersion;
    if (database->m_schemaVersion < target) {
        if (const Outcome migrated = database->migrateTo(target); !migrated)
            return Failure{QStringLiteral("Cannot upgrade %1: %2").arg(path, migrated.error())};
    }
    return database;
}

Result<int> Database::readSchemaVersion() const
{
    const Result<QVariant> version =
        scalar(QStringLiteral("SELECT version FROM warroom_schema"), {}, QVariant());
    if (!version)
        return Failure{version.error()};
    if (!version->isValid())
        return Failure{QStringLiteral("its schema version is missing")};
    return version->toInt();
}

Outcome Database::migrateTo(int targetVersion)
{
    if (targetVersion > latestSchemaVersion())
        return Failure{QStringLiteral("no schema version %1").arg(targetVersion)};
    const int from = m_schemaVersion;
    Outcome migrated = write<Done>([&]() -> Outcome {
        if (from == 0) {
            const auto marked =
                run(QStringLiteral("PRAGMA application_id = %1").arg(kSqliteApplicationId));
            if (!marked)
                return Failure{marked.error()};
        }
        for (const Migration &migration : migrations()) {
            if (migration.version <= from || migration.version > targetVersion)
                continue;
            for (const QString &statement : migration.statements(*m_dialect)) {
                if (const auto ran = run(statement); !ran) {
                    return Failure{QStringLiteral("step %1 (%2) failed: %3")
                                       .arg(migration.version)
                                       .arg(migration.summary, ran.error())};
                }
            }
        }
        if (const auto stamped =
                run(QStringLiteral("UPDATE warroom_schema SET version = ?"), {targetVersion});
            !stamped)
            return Failure{stamped.error()};
        return done();
    });
    if (migrated)
        m_schemaVersion = targetVersion;
    return migrated;
}

Result<QSqlQuery> Database::run(const QString &sql, const QVariantList &values) const
{
    QSqlQuery query(connection());
    if (!query.prepare(sql))
        return Failure{errorText(query.lastError())};
    for (const QVariant &value : values) {
        // A null QString is bound as SQL NULL; text columns mean "empty", not "unknown".
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            query.addBindValue(QStringLiteral(""));
        else
            query.addBindValue(value);
    }
    if (!query.exec())
        return Failure{errorText(query.lastError())};
    return query;
}

Result<QVariant> Database::scalar(const QString &sql, const QVariantList &values,
                                  const QVariant &fallback) const
{
    Result<QSqlQuery> ran = run(sql, values);
    if (!ran)
        return Failure{ran.error()};
    QSqlQuery query = ran.take();
    if (!query.next())
        return fallback;
    return query.value(0);
}

Outcome Database::begin()
{
    if (const auto ran = run(m_dialect->beginWrite()); !ran)
        return Failure{QStringLiteral("Cannot start a write: %1").arg(ran.error())};
    return done();
}

Outcome Database::commit()
{
    if (const auto ran = run(QStringLiteral("COMMIT")); !ran)
        return Failure{QStringLiteral("Cannot save: %1").arg(ran.error())};
    return done();
}

void Database::rollback()
{
    run(QStringLiteral("ROLLBACK"));
}
