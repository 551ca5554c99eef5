#include "dialogs/severityrulesdialog.h"

#include "dialogs/formdialog.h"
#include "dialogs/modalhook.h"
#include "dialogs/policyedit.h"
#include "livewarroom.h"
#include "rules/severitycalibration.h"

#include <QLocale>

namespace {
QString percentText(double share)
{
    return QLocale(QLocale::English).toString(share * 100, 'g', 4);
}
} // namespace

namespace SeverityRulesDialog {
bool edit(const LiveWarRoom &live, const QString &by, QWidget *parent)
{
    const TeamPolicy policy = live.policy();
    const SeverityRules &current = policy.severity;
    FormDialog form(
        QObject::tr("Severity rules"),
        QObject::tr("How an impact assessment becomes a suggested severity. Degradation "
                    "alone never reaches SEV1; a key account lifts a function down to "
                    "SEV2; a workaround softens SEV1 and SEV2 by one level.") +
            u' ' + PolicyEdit::versionText(policy),
        parent);
    const QLocale english(QLocale::English);
    form.addLine(QStringLiteral("sev1Share"), QObject::tr("SEV1 from % of users:"),
                 percentText(current.sev1UserShare));
    form.addLine(QStringLiteral("sev2Share"), QObject::tr("SEV2 from % of users:"),
                 percentText(current.sev2UserShare));
    form.addLine(QStringLiteral("sev3Share"), QObject::tr("SEV3 from % of users:"),
                 percentText(current.sev3UserShare));
    form.addLine(QStringLiteral("functionsDown"),
                 QObject::tr("SEV1 from functions down (at SEV2 scope):"),
                 QString::number(current.sev1FunctionsDown));
    form.addLine(QStringLiteral("sev1Cost"), QObject::tr("SEV1 from cost per hour:"),
                 english.toString(current.sev1CostPerHour, 'f', 0));
    form.addLine(QStringLiteral("sev2Cost"), QObject::tr("SEV2 from cost per hour:"),
                 english.toString(current.sev2CostPerHour, 'f', 0));
    form.setSend(QObject::tr("Save rules"), [&](const FormDialog &f, FormDialog::Answer answered) {
        SeverityRules rules;
        bool ok[6] = {};
        rules.sev1UserShare = english.toDouble(f.text(QStringLiteral("sev1Share")), &ok[0]) / 100;
        rules.sev2UserShare = english.toDouble(f.text(QStringLiteral("sev2Share")), &ok[1]) / 100;
        rules.sev3UserShare = english.toDouble(f.text(QStringLiteral("sev3Share")), &ok[2]) / 100;
        rules.sev1FunctionsDown = english.toInt(f.text(QStringLiteral("functionsDown")), &ok[3]);
        rules.sev1CostPerHour = english.toDouble(f.text(QStringLiteral("sev1Cost")), &ok[4]);
        rules.sev2CostPerHour = english.toDouble(f.text(QStringLiteral("sev2Cost")), &ok[5]);
        for (bool fieldOk : ok) {
            if (!fieldOk)
                return answered(Failure{QObject::tr("Every field takes a number.")});
        }
        if (Outcome usable = rules.check(); !usable)
            return answered(usable);
        PolicyEdit::change(
            live, by, [rules](TeamPolicy &changed) { changed.severity = rules; }, answered);
    });
    return ModalHook::exec(form) == QDialog::Accepted;
}
} // namespace SeverityRulesDialog
