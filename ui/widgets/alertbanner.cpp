#include "widgets/alertbanner.h"

#include "colors.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

AlertBanner::AlertBanner(QWidget *parent) : QFrame(parent), m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("alertBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setWordWrap(true);
    QFont bold = m_label->font();
    bold.setBold(true);
    m_label->setFont(bold);
    auto *dismiss = new QToolButton(this);
    dismiss->setObjectName(QStringLiteral("dismissAlertButton"));
    dismiss->setText(tr("Dismiss"));
    connect(dismiss, &QToolButton::clicked, this, &AlertBanner::hide);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(dismiss);
    hide();
}

void AlertBanner::showAlert(const QString &title, const QString &text, bool urgent)
{
    m_label->setText(title + QStringLiteral(" — ") + text);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, urgent ? WarroomColors::alarm() : WarroomColors::warning());
    pal.setColor(QPalette::WindowText, urgent ? QColor(Qt::white) : QColor(Qt::black));
    setPalette(pal);
    show();
}

QString AlertBanner::text() const
{
    return m_label->text();
}
