#pragma once

#include "rules/plainlanguage.h"

#include <QListWidget>

class QPlainTextEdit;

// The plain-language check of a composer for the customer: each of its fields underlined as it
// is typed, every finding listed here with its suggestion. Findings warn, never block.
class PlainLanguageCheck : public QListWidget
{
    Q_OBJECT
public:
    PlainLanguageCheck(PlainLanguageProfile profile, QWidget *parent);

    // A text field checked as it is typed, named "<key>TextEdit", lines high.
    QPlainTextEdit *addField(const QString &key, const QString &label, int lines,
                             const QString &placeholder = {});
    int findingCount() const { return m_findingCount; }
    // Each finding as listed: "Status headline · blame "Bob broke the": describe...".
    QStringList findingTexts() const;

signals:
    void checked(int findingCount);

private:
    void recheck();

    PlainLanguageProfile m_profile; // the highlighters read it
    QList<QPair<QString, QPlainTextEdit *>> m_fields;
    int m_findingCount = 0;
};
