#pragma once

#include <QDateTime>
#include <QString>
#include <QTimeZone>

// How the documents for people outside the war room (briefings, resolution reports, debriefs)
// write times and user text, in Markdown and in HTML alike.
namespace DocumentText {
// Every document of an incident writes times in its customer's zone (Incident::customerZone),
// whichever desktop exports it, so that two exports of one record read the same.
// "Tue 24 Nov 2026, 14:30 CET": the time in the zone, named, with the year.
QString when(const QDateTime &time, const QTimeZone &zone);
// "24 Nov 14:30": for a column of times whose zone the heading names.
QString shortWhen(const QDateTime &time, const QTimeZone &zone);
// User text taken literally in Markdown: its own markup characters are escaped, so "<b>" or
// "# heading" typed into a field reads as typed.
QString markdown(const QString &text);
// User text taken literally in HTML, line breaks kept.
QString html(const QString &text);
// The style every exported document shares: its <html><head>...<body>.
QString htmlStart();
} // namespace DocumentText
