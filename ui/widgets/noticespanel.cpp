#include "widgets/noticespanel.h"

#include "colors.h"
#include "incidentactions.h"
#include "livewarroom.h"
#include "rules/countdown.h"
#include "rules/statusrules.h"
#include "timeformat.h"
#include "wording.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

NoticesPanel::NoticesPanel(const LiveWarRoom &live, IncidentActions &actions, QWidget *parent)
    : IncidentPanel(live, QStringLiteral("noticesPanel"), parent), m_state(new QLabel(this)),
      m_text(new QPlainTextEdit(this))
{
    setColumns({tr("Drafted"), tr("Status"), tr("Sent")});
    m_state->setObjectName(QStringLiteral("noticeStateLabel"));
    m_state->setTextFormat(Qt::PlainText);
    m_state->setWordWrap(true);
    m_text->setObjectName(QStringLiteral("noticeTextEdit"));
    m_text->setTabChangesFocus(true);
    m_text->setMinimumHeight(110);
    // Between the list and the buttons: read the notice, word it, then copy or mark it.
    auto *layout = static_cast<QVBoxLayout *>(this->layout());
    layout->insertWidget(2, m_state);
    layout->insertWidget(3, m_text, 1);
    addActionButton(actions.changeStatusAction());
    m_copy = addButton(tr("Copy text"), QStringLiteral("copyNoticeButton"),
                       [this, &actions] { actions.copyNotice(m_text->toPlainText()); });
    m_save = addButton(tr("Save wording"), QStringLiteral("saveNoticeButton"), [this, &actions] {
        actions.editNotice(selectedId(), m_text->toPlainText());
    });
    m_followDraft = addButton(tr("Use the draft"), QStringLiteral("noticeDraftButton"),
                              [this, &actions] { actions.editNotice(selectedId(), QString()); });
    m_followDraft->setToolTip(tr("Drop the wording: the notice follows the incident again."));
    m_sent = addButton(tr("Mark sent"), QStringLiteral("noticeSentButton"), [this, &actions] {
        actions.markNoticeSent(selectedId(), m_text->toPlainText());
    });
    m_sent->setToolTip(tr("Records the text above as what the customer got."));
    connect(m_text, &QPlainTextEdit::textChanged, this, [this] {
        const Notice *notice = selected();
        m_save->setEnabled(notice && !notice->isSent() && isReworded());
    });
    reloadOn(ChangeTopic::Status);
    // The draft names the contact and writes times in the customer's zone.
    reloadOn(ChangeTopic::Handovers);
    reloadOn(ChangeTopic::Incidents);
}

void NoticesPanel::showNewest()
{
    m_newestWanted = true;
    reload();
}

void NoticesPanel::reload()
{
    const qint64 keep = selectedId();
    const qint64 newestBefore = m_notices.isEmpty() ? 0 : m_notices.constLast().id;
    tree()->clear();
    m_notices.clear();
    if (m_incidentId <= 0) {
        m_text->clear();
        m_shownId = 0;
        return;
    }
    const Incident *incident = &m_live.incident().incident;
    m_notices = m_live.incident().notices;
    const QDateTime now = this->now();
    QDateTime firstSent;
    int unsent = 0;
    for (auto it = m_notices.crbegin(); it != m_notices.crend(); ++it) {
        const StatusChange *change = changeOf(*it);
        addRow({TimeFormat::clock(it->draftedAt, now), change ? statusName(change->to) : QString(),
                it->isSent() ? tr("%1 by %2").arg(TimeFormat::clock(it->sentAt, now), it->sentBy)
                             : tr("NOT SENT")},
               it->id);
        unsent += !it->isSent();
        if (it->isSent() && (!firstSent.isValid() || it->sentAt < firstSent))
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
    const bool newestArrived =
        m_newestWanted && !m_notices.isEmpty() && m_notices.constLast().id != newestBefore;
    if (newestArrived || (m_newestWanted && keep == 0)) {
        tree()->setCurrentItem(tree()->topLevelItem(0));
        m_newestWanted = false;
        m_text->setFocus();
    } else {
        reselect(keep);
    }
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

const StatusChange *NoticesPanel::changeOf(const Notice &notice) const
{
    for (const StatusChange &change : m_live.incident().statusChanges) {
        if (change.id == notice.statusChangeId)
            return &change;
    }
    return nullptr;
}

QString NoticesPanel::currentText() const
{
    const Notice *notice = selected();
    const StatusChange *change = notice ? changeOf(*notice) : nullptr;
    if (!notice)
        return {};
    return change ? noticeText(*notice, m_live.incident().incident, *change) : notice->text;
}

bool NoticesPanel::isReworded() const
{
    return m_text->toPlainText().trimmed() != currentText().trimmed();
}

void NoticesPanel::showSelected()
{
    const Notice *notice = selected();
    // Words being typed into this notice stay while the state around it is read again.
    const bool typing = notice && notice->id == m_shownId && !notice->isSent() &&
                        m_text->document()->isModified() && isReworded();
    if (!typing) {
        const QSignalBlocker quiet(m_text);
        m_text->setPlainText(currentText());
        m_text->document()->setModified(false);
    }
    m_shownId = notice ? notice->id : 0;
    m_text->setReadOnly(!notice || notice->isSent());
    const QDateTime now = this->now();
    QString state;
    if (!notice)
        state.clear();
    else if (notice->isSent())
        state = tr("Sent %1 by %2: this is what the customer got.")
                    .arg(TimeFormat::clock(notice->sentAt, now), notice->sentBy);
    else if (notice->isEdited())
        state = tr("Worded by %1 %2: it no longer follows the incident. \"Use the draft\" to "
                   "follow it again.")
                    .arg(notice->editedBy, TimeFormat::clock(notice->editedAt, now));
    else
        state = tr("Draft: follows the incident until sent (the contact, the customer's time). "
                   "Edit it to word it yourself.");
    m_state->setText(state);
    WarroomColors::setTextColor(m_state, notice && !notice->isSent() && notice->isEdited()
                                             ? WarroomColors::warning().darker(160)
                                             : palette().color(QPalette::WindowText));
}

void NoticesPanel::updateButtons()
{
    showSelected();
    const Notice *notice = selected();
    const bool open = notice && !notice->isSent();
    m_copy->setEnabled(notice);
    m_save->setEnabled(open && isReworded());
    m_followDraft->setEnabled(open && notice->isEdited());
    m_sent->setEnabled(open);
}
