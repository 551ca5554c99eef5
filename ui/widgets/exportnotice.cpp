#include "widgets/exportnotice.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QUrl>

ExportNotice::ExportNotice(QWidget *parent)
    : QWidget(parent), m_text(new QLabel(this)),
      m_openFolder(new QPushButton(tr("Open folder"), this)),
      m_dismiss(new QPushButton(tr("×"), this))
{
    setObjectName(QStringLiteral("exportNotice"));
    m_text->setObjectName(QStringLiteral("exportNoticeText"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_openFolder->setObjectName(QStringLiteral("openExportFolderButton"));
    m_dismiss->setObjectName(QStringLiteral("dismissExportNoticeButton"));
    m_dismiss->setToolTip(tr("Dismiss"));
    m_dismiss->setFlat(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text);
    layout->addWidget(m_openFolder);
    layout->addWidget(m_dismiss);
    connect(m_openFolder, &QPushButton::clicked, this, [this] {
        QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(m_path).absolutePath()));
    });
    connect(m_dismiss, &QPushButton::clicked, this, &QWidget::hide);
    hide();
}

void ExportNotice::showSaved(const QString &path)
{
    m_path = path;
    const QFileInfo file(path);
    m_text->setText(
        tr("Saved %1 in %2").arg(file.fileName(), QDir::toNativeSeparators(file.absolutePath())));
    m_text->setToolTip(QDir::toNativeSeparators(file.absoluteFilePath()));
    show();
}
