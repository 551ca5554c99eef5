#pragma once

#include <QFrame>

class QLabel;

// An in-window alert for desktops without a system tray: stays until dismissed.
class AlertBanner : public QFrame
{
    Q_OBJECT
public:
    explicit AlertBanner(QWidget *parent = nullptr);

    void showAlert(const QString &title, const QString &text, bool urgent);
    QString text() const;

private:
    QLabel *m_label;
};
