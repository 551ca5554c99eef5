#include "warroomprocess.h"

#include "scratchwarroom.h"

#include <QJsonDocument>
#include <QProcess>

CommandRun runWarroom(const QStringList &arguments, const QProcessEnvironment &environment,
                      const QByteArray &input, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(warroomExecutable(), arguments);
    process.write(input);
    process.closeWriteChannel();
    CommandRun run;
    if (!process.waitForFinished(timeoutMs))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

Follower::Follower(const QStringList &arguments, const QProcessEnvironment &environment)
{
    m_process.setProcessEnvironment(environment);
    m_process.start(
        warroomExecutable(),
        QStringList{QStringLiteral("tail"), QStringLiteral("--follow"), QStringLiteral("--json")} +
            arguments);
    m_process.waitForStarted();
}

Follower::~Follower()
{
    m_process.kill();
    m_process.waitForFinished();
}

QList<QJsonObject> Follower::entries()
{
    m_out += m_process.readAllStandardOutput();
    qsizetype end = -1;
    while ((end = m_out.indexOf('\n')) >= 0) {
        m_entries.append(QJsonDocument::fromJson(m_out.left(end)).object());
        m_out.remove(0, end + 1);
    }
    return m_entries;
}

QStringList Follower::texts()
{
    QStringList texts;
    for (const QJsonObject &entry : entries())
        texts << entry.value(QStringLiteral("text")).toString();
    return texts;
}

QString Follower::errors()
{
    m_err += m_process.readAllStandardError();
    return QString::fromUtf8(m_err);
}
