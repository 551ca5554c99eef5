#include "widgets/welcomepage.h"

#include <QAction>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

WelcomePage::WelcomePage(QAction *newIncidentAction, QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("welcomePage"));
    auto *heading = new QLabel(tr("No incident is open"), this);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.8);
    headingFont.setBold(true);
    heading->setFont(headingFont);
    heading->setAlignment(Qt::AlignCenter);

    auto *text = new QLabel(
        tr("When a customer's critical service is down, open an incident: name one person in "
           "charge, keep the technical log and the customer briefings apart, and commit to the "
           "next deadline."),
        this);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    // An aligned layout item gets no height-for-width: fix the width, give it the height.
    text->setFixedWidth(560);
    text->setMinimumHeight(text->heightForWidth(560));

    auto *start = new QToolButton(this);
    start->setObjectName(QStringLiteral("welcomeNewIncidentButton"));
    start->setDefaultAction(newIncidentAction);
    start->setToolButtonStyle(Qt::ToolButtonTextOnly);
    start->setMinimumSize(220, 44);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(heading, 0, Qt::AlignCenter);
    layout->addWidget(text, 0, Qt::AlignCenter);
    layout->addSpacing(16);
    layout->addWidget(start, 0, Qt::AlignCenter);
    layout->addStretch();
}
