#include "widgets/noticespanel.h"

#include "incidentactions.h"
#include "livewarroom.h"
#include "rules/countdown.h"
#include "timeformat.h"
#include "wording.h"

#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

NoticesPanel::NoticesPanel(const LiveWarRoom &live, IncidentActions &actions, QWidget *parent)
    : IncidentPanel(live, actions, QStringLiteral("noticesPanel"), parent),
      m_text(new QPlainTextEdit(this))
{
    setColumns({tr("Drafted"), tr("Status"), tr("Sent")});
    m_text->setObjectName(QStringLiteral("noticeTextEdit"));
    m_text->setReadOnly(true);
    m_text->setMaximumHeight(120);
    // Between the list and the buttons: read the notice, then copy or mark it.
    static_cast<QVBoxLayout *>(layout())->insertWidget(2, m_text);
    addActionButton(actions.changeStatusAction());
    m_copy = addButton(tr("Copy text"), QStringLiteral("copyNoticeButton"), [this] {
        if (const Notice *notice = selected())
            m_actions.copyNotice(*notice);
    });
    m_sent = addButton(tr("Mark sent"), QStringLiteral("noticeSentButton"),
                       [this] { m_actions.markNoticeSent(selectedId()); });
    reloadOn(ChangeTopic::Status);
}

void NoticesPanel::reload()
{
    const qint64 keep = selectedId();
    tree()->clear();
    m_notices.clear();
    m_text->clear();
    if (m_incidentId <= 0)
        return;
    const QList<StatusChange> *changes = &m_live.incident().statusChanges;
    const Incident *incident = &m_live.incident().incident;
    m_notices = m_live.incident().notices;
    QDateTime firstSent;
    int unsent = 0;
    for (auto it = m_notices.crbegin(); it != m_notices.crend(); ++it) {
        QString status;
        for (const StatusChange &change : *changes) {
            if (change.id == it->statusChangeId)
                status = statusName(change.to);
        }
        addRow({TimeFormat::clock(it->draftedAt, now()), status,
                it->sentAt.isValid()
                    ? tr("%1 by %2").arg(TimeFormat::clock(it->sentAt, now()), it->sentBy)
                    : tr("NOT SENT")},
               it->id);
        unsent += !it->sentAt.isValid();
        if (it->sentAt.isValid() && (!firstSent.isValid() || it->sentAt < firstSent))
            firstSent = it->sentAt;
    }
    QString summary = firstSent.isValid()
                          ? tr("Time to acknowledge: %1.")
                                .arg(formatDuration(incident->openedAt.secsTo(firstSent)))
                          : tr("No notice sent to the customer yet.");
    if (unsent > 0)
        summary += QLatin1Char(' ') +
                   tr("%1 waiting to be sent.").arg(countOf(unsent, tr("notice"), tr("notices")));
    setSummary(summary);
    reselect(keep);
    if (!tree()->currentItem() && tree()->topLevelItemCount() > 0)
        tree()->setCurrentItem(tree()->topLevelItem(0));
    updateButtons();
}

const Notice *NoticesPanel::selected() const
{
    const qint64 id = selectedId();
    for (const Notice &notice : m_notices) {
        if (notice.id == id)
            return &notice;
    }
    return nullptr;
}

void NoticesPanel::updateButtons()
{
    const Notice *notice = selected();
    m_text->setPlainText(notice ? notice->text : QString());
    m_copy->setEnabled(notice);
    m_sent->setEnabled(notice && !notice->sentAt.isValid());
}
