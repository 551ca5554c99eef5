#pragma once

#include "domain/result.h"

#include <QDateTime>
#include <QWidget>

class Clock;
class QLabel;
class QLineEdit;

// A due time typed as people say it ("+25m", "+2h", "14:30", ISO 8601), with the time it
// means shown beside it as it is typed, and buttons for the usual steps.
class DueTimeEdit : public QWidget
{
    Q_OBJECT
public:
    explicit DueTimeEdit(const Clock &clock, QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const;
    Result<QDateTime> dueTime() const;
    QLineEdit *lineEdit() const { return m_edit; }

private:
    void updatePreview();

    const Clock &m_clock;
    QLineEdit *m_edit;
    QLabel *m_preview;
};
