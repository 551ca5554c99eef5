#pragma once

#include "domain/briefing.h"

#include <QList>
#include <QWidget>

class Clock;
class IncidentActions;
class QPushButton;
class QLabel;
class QListWidget;
class QTextBrowser;

// The business channel: the latest briefing rolled up (headline, impact, what we are doing,
// what changed, next update and why), and the earlier briefings to look back at.
class BriefingPanel : public QWidget
{
    Q_OBJECT
public:
    BriefingPanel(const Clock &clock, IncidentActions &actions, QWidget *parent = nullptr);
    qint64 shownBriefingId() const;

    void setBriefings(const QList<Briefing> &briefings);
    QString shownText() const;

    // The briefing as rich text; every user-typed field is escaped, so markup prints as typed.
    static QString toHtml(const Briefing &briefing, const QDateTime &now);

private:
    void show(int index);

    const Clock &m_clock;
    QList<Briefing> m_briefings;
    QLabel *m_title;
    QTextBrowser *m_view;
    QListWidget *m_history;
    QPushButton *m_correct;
    QPushButton *m_export;
};
