#include "warroomprocess.h"

#include "scratchwarroom.h"

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
