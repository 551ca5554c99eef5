#pragma once

#include "storage/storageengine.h"

// A war room in a SQLite file on one desktop, opened by one process at a time (OwnerLock).
class SqliteEngine final : public StorageEngine
{
public:
    explicit SqliteEngine(QString path);

    QString driverName() const override;
    bool connectionPerThread() const override { return false; }
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
    QString m_path;
};
