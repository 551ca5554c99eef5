#pragma once

#include "storage/storageengine.h"
#include "storage/warroomaddress.h"

// A war room in a database of its own on a PostgreSQL server, shared by a team: one connection
// per desktop (per thread), each signed in as its own role, told of every commit by the server.
class PostgresEngine final : public StorageEngine
{
public:
    explicit PostgresEngine(WarRoomAddress address);

    // Signs in to a server with exactly the address's user and password and signs out again:
    // whether the server takes them, whatever the database holds.
    static Outcome checkSignIn(const WarRoomAddress &address);
    // How this process's connections introduce themselves to a server (application_name):
    // kWindowClient for a window, whose presence others see; "warroom" for commands.
    static void setClientName(const QString &name);
    static inline const QString kWindowClient = QStringLiteral("warroom-window");

    QString driverName() const override;
    bool connectionPerThread() const override { return true; }
    Result<std::shared_ptr<OwnerLock>> connect(const QString &connectionName,
                                               OpenMode mode) const override;
    bool isDatabaseProblem(const QSqlError &error) const override;
    QString explain(const QSqlError &error) const override;
    bool isUnreachable(const QSqlError &error) const override;
    QString blankRefusal() const override;
    QString foreignRefusal() const override;
    QString damaged(const QString &why) const override;

    QStringList beforeFirstRead() const override;
    QString ownershipProbe() const override;
    QVariant ownMark() const override;
    QStringList markAsOurs() const override;
    QStringList connectionSetup() const override;

    QStringList beginWrite() const override;

    Result<std::unique_ptr<ChangeSource>> followChanges(Database &database) const override;
    Result<QString> signedInRole(const Database &database) const override;
    Result<QStringList> rolesInWindows(const Database &database) const override;

    QString idColumn() const override;
    QStringList appendOnlyGuards(const QString &table) const override;
    QStringList replaceGuards(const QString &table, const QStringList &uniqueKeys) const override;
    QStringList incidentGuards() const override;
    QStringList announcers(const QString &table) const override;
    QStringList signedInColumn(const QString &table) const override;

    QStringList logTextIndex() const override;
    TextMatch logTextMatch(const QStringList &words) const override;

    QStringList beginCopy() const override;
    QStringList endCopy() const override;
    QStringList afterExplicitIds(const QString &table) const override;

private:
    WarRoomAddress m_address;
};
