#pragma once

#include <QDialog>

class QPushButton;

// What the customer will read, exactly as the exported page shows it, before a briefing that
// can never be withdrawn is published. With plain-language findings left, it names them and
// Enter goes back to editing; publishing anyway takes a deliberate click.
class PublishPreview : public QDialog
{
    Q_OBJECT
public:
    // findings: as the composer lists them, one line each.
    PublishPreview(const QString &pageHtml, const QStringList &findings, QWidget *parent);

    QPushButton *publishButton() const { return m_publish; }
    QPushButton *backButton() const { return m_back; }

private:
    QPushButton *m_publish;
    QPushButton *m_back;
};
