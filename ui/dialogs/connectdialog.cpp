#include "dialogs/connectdialog.h"

#include "dialogs/formdialog.h"
#include "dialogs/modalhook.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QLineEdit>
#include <QPushButton>

namespace ConnectDialog {
namespace {
constexpr int kWorkLocally = 2;

QString tr(const char *text)
{
    return QCoreApplication::translate("ConnectDialog", text);
}

Result<WarRoomAddress> typedAddress(const FormDialog &form)
{
    WarRoomAddress address;
    address.engine = WarRoomAddress::Engine::Postgres;
    address.host = form.text(QStringLiteral("host")).trimmed();
    address.database = form.text(QStringLiteral("database")).trimmed();
    address.user = form.text(QStringLiteral("user")).trimmed();
    address.sslMode = form.choice(QStringLiteral("tls")).toString();
    address.password = form.text(QStringLiteral("password"));
    bool isNumber = false;
    address.port = form.text(QStringLiteral("port")).trimmed().toInt(&isNumber);
    if (address.host.isEmpty())
        return Failure{tr("Enter the server's name or address.")};
    if (!isNumber || address.port < 1 || address.port > 65535)
        return Failure{tr("The port is a number from 1 to 65535 (PostgreSQL's is 5432).")};
    if (address.database.isEmpty())
        return Failure{tr("Enter the war room's database name.")};
    if (address.user.isEmpty())
        return Failure{tr("Enter your user name on the server.")};
    return address;
}
} // namespace

Choice ask(QWidget *parent, const WarRoomAddress &prefill, const QString &problem,
           bool offerWorkLocally, const Connect &connect)
{
    FormDialog form(tr("Connect to shared war room"),
                    tr("A war room on a PostgreSQL server, shared live with your team. Leave the "
                       "password empty to use the one your keychain keeps (or PGPASSWORD, "
                       "~/.pgpass)."),
                    parent);
    form.setObjectName(QStringLiteral("connectDialog"));
    form.addLine(QStringLiteral("host"), tr("&Server"), prefill.host, tr("warroom.example.com"));
    form.addLine(QStringLiteral("port"), tr("&Port"),
                 QString::number(prefill.port > 0 ? prefill.port : 5432));
    form.addLine(QStringLiteral("database"), tr("&Database"), prefill.database,
                 tr("the war room's database"));
    form.addLine(QStringLiteral("user"), tr("&User"),
                 prefill.user.isEmpty() ? qEnvironmentVariable("USER") : prefill.user);
    QLineEdit *password = form.addLine(QStringLiteral("password"), tr("Pass&word"));
    password->setEchoMode(QLineEdit::Password);
    QComboBox *tls = form.addChoice(
        QStringLiteral("tls"), tr("&TLS"),
        {{tr("Use it when the server offers it"), QString()},
         {tr("Require it"), QStringLiteral("require")},
         {tr("Require it and check the server's certificate"), QStringLiteral("verify-full")},
         {tr("Never (trusted network only)"), QStringLiteral("disable")}});
    if (const int at = tls->findData(prefill.sslMode); at >= 0)
        tls->setCurrentIndex(at);
    form.addCheck(QStringLiteral("remember"), tr("&Remember the password in my keychain"), true);
    if (offerWorkLocally)
        form.addAlternative(tr("Work &locally"), kWorkLocally)
            ->setObjectName(QStringLiteral("workLocallyButton"));
    form.showProblem(problem);
    // Asked again for a server already known: the password is what is missing.
    if (!prefill.host.isEmpty())
        password->setFocus();
    form.setSubmit(tr("&Connect"), [&connect](const FormDialog &typed) -> Outcome {
        const auto address = typedAddress(typed);
        if (!address)
            return address.failure();
        return connect(*address, typed.checked(QStringLiteral("remember")));
    });
    switch (ModalHook::exec(form)) {
    case QDialog::Accepted:
        return Choice::Connected;
    case kWorkLocally:
        return Choice::WorkLocally;
    default:
        return Choice::Cancelled;
    }
}
} // namespace ConnectDialog
