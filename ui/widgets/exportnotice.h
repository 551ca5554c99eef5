#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

// Says where an export was saved, with a button to open its folder: a PDF written somewhere
// nobody can find was not delivered. Stays until dismissed or replaced by the next export.
class ExportNotice : public QWidget
{
    Q_OBJECT
public:
    explicit ExportNotice(QWidget *parent = nullptr);

    void showSaved(const QString &path);
    QString path() const { return m_path; }

private:
    QString m_path;
    QLabel *m_text;
    QPushButton *m_openFolder;
    QPushButton *m_dismiss;
};
