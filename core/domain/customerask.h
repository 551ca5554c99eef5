#pragma once

#include <QDateTime>
#include <QString>

// Something only the customer can do for us. Every ask costs them effort, so each one says
// why only they can do it, and the debrief counts them.
struct CustomerAsk
{
    qint64 id = 0;
    qint64 incidentId = 0;
    qint64 logEntryId = 0;
    QDateTime createdAt;
    QString askedBy;
    QString what;
    QString whyOnlyCustomer;
    QDateTime sentAt; // invalid until sent
    QString sentBy;
    QDateTime answeredAt; // invalid until answered
    QString answeredBy;
    QString answer;

    bool isOutstanding() const { return !answeredAt.isValid(); }
};
