#include "dialogs/publishpreview.h"

#include "colors.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

PublishPreview::PublishPreview(const QString &pageHtml, const QStringList &findings,
                               QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("publishPreview"));
    setWindowTitle(tr("What the customer will read"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("This is the briefing exactly as the customer's managers will "
                                "read it. Once published it cannot be withdrawn, only corrected "
                                "by a later briefing."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    if (!findings.isEmpty()) {
        QStringList lines;
        for (const QString &finding : findings)
            lines << QStringLiteral("• ") + finding;
        auto *warning = new QLabel(
            (findings.size() == 1 ? tr("1 plain-language finding remains:")
                                  : tr("%1 plain-language findings remain:").arg(findings.size())) +
                u'\n' + lines.join(u'\n'),
            this);
        warning->setObjectName(QStringLiteral("publishPreviewFindings"));
        warning->setTextFormat(Qt::PlainText);
        warning->setWordWrap(true);
        QPalette palette = warning->palette();
        palette.setColor(QPalette::WindowText, WarroomColors::alarm());
        warning->setPalette(palette);
        layout->addWidget(warning);
    }

    auto *page = new QTextBrowser(this);
    page->setObjectName(QStringLiteral("publishPreviewBrowser"));
    page->setOpenLinks(false);
    page->setHtml(pageHtml);
    layout->addWidget(page, 1);

    auto *buttons = new QDialogButtonBox(this);
    m_publish = buttons->addButton(
        findings.isEmpty()
            ? tr("Publish")
            : (findings.size() == 1 ? tr("Publish with 1 finding")
                                    : tr("Publish with %1 findings").arg(findings.size())),
        QDialogButtonBox::AcceptRole);
    m_publish->setObjectName(QStringLiteral("confirmPublishButton"));
    m_back = buttons->addButton(tr("Back to editing"), QDialogButtonBox::RejectRole);
    m_back->setObjectName(QStringLiteral("backToEditingButton"));
    // A quick Enter must not publish what the check still flags.
    QPushButton *safe = findings.isEmpty() ? m_publish : m_back;
    m_publish->setAutoDefault(false);
    m_back->setAutoDefault(false);
    safe->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(720, 640);
    safe->setFocus();
}
