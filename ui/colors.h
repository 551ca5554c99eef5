#pragma once

#include <QColor>
#include <QWidget>

// The few colours that carry meaning in the war room, named once so every panel agrees.
namespace WarroomColors {
inline QColor alarm()
{
    return QColor(0xc6, 0x28, 0x28);
} // missed, absent, refused
inline QColor warning()
{
    return QColor(0xff, 0xb3, 0x00);
} // amber: soon
inline QColor onTrack()
{
    return QColor(0x2e, 0x7d, 0x32);
} // green: comfortable
inline QColor problemBackground()
{
    return QColor(0xff, 0xeb, 0xee);
}

inline QColor pending()
{
    return QColor(0x45, 0x5a, 0x64);
} // not yet shared: written here, waiting for the server
inline QColor pendingBackground()
{
    return QColor(0xff, 0xf8, 0xe1);
}

inline void setTextColor(QWidget *widget, const QColor &color)
{
    QPalette pal = widget->palette();
    pal.setColor(QPalette::WindowText, color);
    widget->setPalette(pal);
}
} // namespace WarroomColors
