#pragma once

#include "domain/incident.h"
#include "domain/result.h"

#include <QDialog>

#include <functional>

class AwaitedSubmit;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

// Opens an incident. The dialog stays open with everything typed when the store refuses,
// and shows why, so nothing typed in a hurry is lost.
class NewIncidentDialog : public QDialog
{
    Q_OBJECT
public:
    // Creates the incident, answering with its id (on the store's thread, later).
    using Create =
        std::function<void(const NewIncident &, std::function<void(const Result<qint64> &)>)>;

    explicit NewIncidentDialog(Create create, QWidget *parent = nullptr);

    NewIncident incident() const;
    qint64 createdId() const { return m_createdId; }

    void accept() override;

private:
    Create m_create;
    qint64 m_createdId = 0;
    QLineEdit *m_title;
    QLineEdit *m_customer;
    QComboBox *m_severity;
    QLineEdit *m_inCharge;
    QLineEdit *m_phone;
    QPlainTextEdit *m_problem;
    QLineEdit *m_customerZone;
    QLabel *m_error;
    AwaitedSubmit *m_awaited;
};
