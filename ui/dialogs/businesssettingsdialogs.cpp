#include "dialogs/businesssettingsdialogs.h"

#include "dialogs/formdialog.h"
#include "dialogs/modalhook.h"
#include "dialogs/policyedit.h"
#include "export/briefingpdf.h"
#include "livewarroom.h"
#include "rules/cadence.h"
#include "rules/plainlanguage.h"
#include "timeformat.h"

#include <QComboBox>

namespace BusinessSettingsDialogs {
bool editCadence(const LiveWarRoom &live, const QString &by, QWidget *parent)
{
    const TeamPolicy policy = live.policy();
    const BriefingCadence &current = policy.cadence;
    FormDialog form(QObject::tr("Briefing cadence"),
                    QObject::tr("How often the customer's managers hear from us, in minutes. "
                                "SEV4 updates come on the next business day.") +
                        u' ' + PolicyEdit::versionText(policy),
                    parent);
    form.addLine(QStringLiteral("sev1"), QObject::tr("SEV1 every (min):"),
                 QString::number(current.sev1Secs / 60));
    form.addLine(QStringLiteral("sev2"), QObject::tr("SEV2 every (min):"),
                 QString::number(current.sev2Secs / 60));
    form.addLine(QStringLiteral("sev3"), QObject::tr("SEV3 every (min):"),
                 QString::number(current.sev3Secs / 60));
    form.addLine(QStringLiteral("hour"), QObject::tr("Business day starts at (hour):"),
                 QString::number(current.businessDayStartHour));
    form.setSend(
        QObject::tr("Save cadence"), [&](const FormDialog &f, FormDialog::Answer answered) {
            BriefingCadence cadence;
            bool ok[4] = {};
            cadence.sev1Secs = f.text(QStringLiteral("sev1")).toLongLong(&ok[0]) * 60;
            cadence.sev2Secs = f.text(QStringLiteral("sev2")).toLongLong(&ok[1]) * 60;
            cadence.sev3Secs = f.text(QStringLiteral("sev3")).toLongLong(&ok[2]) * 60;
            cadence.businessDayStartHour = f.text(QStringLiteral("hour")).toInt(&ok[3]);
            for (bool fieldOk : ok) {
                if (!fieldOk)
                    return answered(Failure{QObject::tr("Every field takes a whole number.")});
            }
            if (Outcome usable = cadence.check(); !usable)
                return answered(usable);
            PolicyEdit::change(
                live, by, [cadence](TeamPolicy &changed) { changed.cadence = cadence; }, answered);
        });
    return ModalHook::exec(form) == QDialog::Accepted;
}

bool editPaper(QWidget *parent)
{
    FormDialog form(QObject::tr("PDF paper size"),
                    QObject::tr("Briefing PDFs use the paper of your locale unless you choose."),
                    parent);
    QComboBox *paper =
        form.addChoice(QStringLiteral("paper"), QObject::tr("&Paper:"),
                       {{QObject::tr("from the locale (%1)")
                             .arg(BriefingPdf::pageSize(BriefingPdf::Paper::FromLocale).name()),
                         int(BriefingPdf::Paper::FromLocale)},
                        {QStringLiteral("A4"), int(BriefingPdf::Paper::A4)},
                        {QStringLiteral("Letter"), int(BriefingPdf::Paper::Letter)}});
    paper->setCurrentIndex(paper->findData(int(BriefingPdf::savedPaper())));
    form.setSubmit(QObject::tr("Save"), [](const FormDialog &f) {
        BriefingPdf::savePaper(BriefingPdf::Paper(f.choice(QStringLiteral("paper")).toInt()));
        return done();
    });
    return ModalHook::exec(form) == QDialog::Accepted;
}

bool editJargon(const LiveWarRoom &live, const QString &by, QWidget *parent)
{
    QStringList lines;
    const TeamPolicy policy = live.policy();
    const QMap<QString, QString> &terms = policy.jargon;
    for (auto it = terms.cbegin(); it != terms.cend(); ++it)
        lines << it.key() + QStringLiteral(" = ") + it.value();
    FormDialog form(QObject::tr("Jargon terms"),
                    QObject::tr("Your team's own terms, one per line as TERM = PLAIN WORDS. They "
                                "are flagged in business text alongside the shipped glossary.") +
                        u' ' + PolicyEdit::versionText(policy),
                    parent);
    form.addText(QStringLiteral("terms"), QObject::tr("&Terms:"), lines.join(u'\n'),
                 QObject::tr("blue-green switch = move to the standby system"));
    form.setSend(QObject::tr("Save terms"), [&](const FormDialog &f, FormDialog::Answer answered) {
        QMap<QString, QString> parsed;
        for (const QString &line :
             f.text(QStringLiteral("terms")).split(u'\n', Qt::SkipEmptyParts)) {
            const qsizetype eq = line.indexOf(u'=');
            const QString term = eq > 0 ? line.left(eq).trimmed() : QString();
            const QString plain = eq > 0 ? line.mid(eq + 1).trimmed() : QString();
            if (term.isEmpty() || plain.isEmpty())
                return answered(
                    Failure{QObject::tr("\"%1\" needs the form TERM = PLAIN WORDS.").arg(line)});
            if (term.size() > 80 || plain.size() > 200)
                return answered(
                    Failure{QObject::tr("\"%1\" is too long for a term.").arg(line.left(40))});
            parsed.insert(term.toLower(), plain);
        }
        PolicyEdit::change(
            live, by, [parsed](TeamPolicy &changed) { changed.jargon = parsed; }, answered);
    });
    return ModalHook::exec(form) == QDialog::Accepted;
}
} // namespace BusinessSettingsDialogs
