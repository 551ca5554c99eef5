#include "storage/passwordkeychain.h"

#include <QEventLoop>

#include <qt6keychain/keychain.h>

namespace PasswordKeychain {
namespace {
const QString kService = QStringLiteral("org.warroom.Warroom");

// Starts the job and waits for its answer.
void runToEnd(QKeychain::Job &job)
{
    job.setAutoDelete(false);
    // Never the plain-text file QtKeychain can fall back to: that is the settings file.
    job.setInsecureFallback(false);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
}

QString problem(const QKeychain::Job &job, const QString &doing)
{
    const QString why = job.errorString();
    const QString noKeychain =
        QStringLiteral("There is no keychain on this desktop to %1 (%2). Start your desktop's "
                       "keyring (gnome-keyring or KWallet), or give the password the "
                       "PostgreSQL way: PGPASSWORD or ~/.pgpass; or work on a local war room.")
            .arg(doing, why);
    switch (job.error()) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return noKeychain;
    case QKeychain::AccessDeniedByUser:
        return QStringLiteral("The keychain was not allowed to %1 (%2). Allow Warroom when the "
                              "keyring asks, then try again.")
            .arg(doing, why);
    default:
        break;
    }
    // The Secret Service reports most trouble as "other"; its words tell which it is.
    if (why.contains(QStringLiteral("D-Bus"), Qt::CaseInsensitive) ||
        why.contains(QStringLiteral("org.freedesktop.secrets")) ||
        why.contains(QStringLiteral("ServiceUnknown")))
        return noKeychain;
    if (why.contains(QStringLiteral("locked"), Qt::CaseInsensitive) ||
        why.contains(QStringLiteral("collection/login")) ||
        why.contains(QStringLiteral("Cancelled"), Qt::CaseInsensitive) ||
        why.contains(QStringLiteral("dismissed"), Qt::CaseInsensitive))
        return QStringLiteral("The keychain is locked, so Warroom cannot %1 (%2). Unlock your "
                              "keyring (your desktop's Passwords and Keys, or log in again), then "
                              "try again.")
            .arg(doing, why);
    return QStringLiteral("The keychain could not %1: %2").arg(doing, why);
}
} // namespace

QString keyFor(const WarRoomAddress &address)
{
    return QStringLiteral("%1@%2:%3/%4")
        .arg(address.user, address.host)
        .arg(address.port)
        .arg(address.database);
}

Result<std::optional<QString>> read(const WarRoomAddress &address)
{
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(keyFor(address));
    runToEnd(job);
    if (job.error() == QKeychain::EntryNotFound)
        return std::optional<QString>();
    if (job.error() != QKeychain::NoError)
        return Failure{problem(job, QStringLiteral("read the password"))};
    return std::optional<QString>(job.textData());
}

Outcome store(const WarRoomAddress &address, const QString &password)
{
    QKeychain::WritePasswordJob job(kService);
    job.setKey(keyFor(address));
    job.setTextData(password);
    runToEnd(job);
    if (job.error() != QKeychain::NoError)
        return Failure{problem(job, QStringLiteral("store the password"))};
    return done();
}

Outcome forget(const WarRoomAddress &address)
{
    QKeychain::DeletePasswordJob job(kService);
    job.setKey(keyFor(address));
    runToEnd(job);
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound)
        return Failure{problem(job, QStringLiteral("remove the password"))};
    return done();
}

} // namespace PasswordKeychain
