#pragma once

#include "dialogs/customertextdialog.h"

#include <QList>

class Clock;
class DueTimeEdit;
class LiveWarRoom;
class QLabel;
class QPlainTextEdit;
class QPushButton;
struct NewBriefing;

// Composes a briefing for the customer's managers: headline, impact (from the latest
// assessment), what we are doing, what changed, the open commitments and asks (from the
// record), and the next update with why (required). Hedging, jargon, blame and emotion are
// underlined as the text is typed and listed with a suggestion each; they warn, never block.
// Publishing is final (a preview of the customer's page is confirmed first); a correction is a
// new briefing naming the one it corrects.

class BriefingComposer : public CustomerTextDialog
{
    Q_OBJECT
public:
    // Composes for the incident the window shows, from the window's live copy of it.
    BriefingComposer(const LiveWarRoom &live, const Clock &clock, QString by, qint64 correctsId = 0,
                     QWidget *parent = nullptr);

    void accept() override;

private:
    // Shows the customer's page of what was typed; true when the user publishes it.
    bool confirmedInPreview(const NewBriefing &typed);
    qint64 m_correctsId;
    QPlainTextEdit *m_headline = nullptr;
    QPlainTextEdit *m_impact = nullptr;
    QPlainTextEdit *m_doing = nullptr;
    QPlainTextEdit *m_changed = nullptr;
    QPlainTextEdit *m_why = nullptr;
    DueTimeEdit *m_next = nullptr;
};
