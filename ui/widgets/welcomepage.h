#pragma once

#include <QWidget>

class QAction;

// What an empty war room shows: what Warroom is for, and the way to start.
class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(QAction *newIncidentAction, QWidget *parent = nullptr);
};
