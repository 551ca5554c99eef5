#include "cli.h"
#include "guimain.h"

#include <QCoreApplication>

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
        QCoreApplication app(argc, argv);
        return Cli::run(arguments);
    }
    return runGui(argc, argv);
}
