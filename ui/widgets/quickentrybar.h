#pragma once

#include "rules/quickentry.h"

#include <QWidget>

class QLabel;
class QLineEdit;

// The line under the technical log: type, Enter, done. A prefix picks the kind, and the
// kind that will be used shows beside the box while typing.
class QuickEntryBar : public QWidget
{
    Q_OBJECT
public:
    explicit QuickEntryBar(QWidget *parent = nullptr);

    QString author() const;
    // After a failed write the text stays in the box and the reason shows under it.
    void showFailure(const QString &message);
    void clearAfterSuccess();

signals:
    void submitted(const QuickEntry &entry, const QString &author);

private:
    void updatePreview();
    void submit();

    QLineEdit *m_author;
    QLineEdit *m_text;
    QLabel *m_kind;
    QLabel *m_message;
};
