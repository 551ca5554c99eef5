#pragma once

#include "domain/resolutionreport.h"
#include "domain/result.h"

#include "dialogs/customertextdialog.h"

class Clock;
class LiveWarRoom;
class QCheckBox;
class QComboBox;
class QPlainTextEdit;
class QTableWidget;

// Writes the resolution report the customer reads when the service is back, and with it moves
// the incident to resolved: what caused it, what was done, what else still needs to be done
// (each with owner and due date, tracked afterwards) or that nothing does, whether it is fully
// solved, and whether it can happen again. Underlined in plain language like a briefing; the
// store refuses a report with a section unanswered, and the dialog stays open with the text.
class ResolutionComposer : public CustomerTextDialog
{
    Q_OBJECT
public:
    ResolutionComposer(const LiveWarRoom &live, const Clock &clock, QString by,
                       QWidget *parent = nullptr);

    // The report as typed, or why it cannot be read (a due date the rules cannot read).
    Result<NewResolutionReport> report() const;
    void addRemainingItem(const QString &what = {}, const QString &owner = {},
                          const QString &due = {});
    void accept() override;

private:
    QPlainTextEdit *m_cause = nullptr;
    QPlainTextEdit *m_done = nullptr;
    QPlainTextEdit *m_recurrence = nullptr;
    QComboBox *m_fullySolved = nullptr;
    QTableWidget *m_remains = nullptr;
    QCheckBox *m_nothingRemains = nullptr;
};
