#include "cli.h"
#include "guimain.h"

#include <QApplication>
#include <QCoreApplication>

#include <cstdio>
#include <memory>

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("warroom"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WARROOM_VERSION));

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    // Commands run without a display, so they must not create a QApplication.
    if (Cli::handles(arguments)) {
        // Scripts read stderr: only our one-line errors go there, not Qt's platform notes.
        if (!qEnvironmentVariableIsSet("WARROOM_DEBUG"))
            qInstallMessageHandler(
                [](QtMsgType type, const QMessageLogContext &, const QString &message) {
                    if (type == QtCriticalMsg || type == QtFatalMsg)
                        fprintf(stderr, "warroom: %s\n", qPrintable(message));
                });
        if (Cli::needsGraphics(arguments)) {
            // Drawing without a display: the offscreen platform, unless the caller chose one.
            if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            QApplication app(argc, argv);
            return Cli::run(arguments);
        }
        QCoreApplication app(argc, argv);
        return Cli::run(arguments);
    }
    return runGui(argc, argv);
}
