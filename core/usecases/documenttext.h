#pragma once

#include <QDateTime>
#include <QString>

// How the documents for people outside the war room (briefings, resolution reports, debriefs)
// write times and user text, in Markdown and in HTML alike.
namespace DocumentText {
// "Tue 24 Nov 2026, 14:30 CET": local time with its zone, and the year.
QString when(const QDateTime &time);
// "24 Nov 14:30": for a column of times whose zone the heading names.
QString shortWhen(const QDateTime &time);
// The local zone's abbreviation at that time ("CET", "UTC").
QString zone(const QDateTime &time);
// User text taken literally in Markdown: its own markup characters are escaped, so "<b>" or
// "# heading" typed into a field reads as typed.
QString markdown(const QString &text);
// User text taken literally in HTML, line breaks kept.
QString html(const QString &text);
// The style every exported document shares: its <html><head>...<body>.
QString htmlStart();
} // namespace DocumentText
