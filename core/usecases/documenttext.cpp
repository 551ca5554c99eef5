#include "usecases/documenttext.h"

#include "domain/zonedtime.h"

#include <QStringList>

namespace DocumentText {
QString when(const QDateTime &time, const QTimeZone &zone)
{
    return QStringLiteral("%1 %2").arg(
        time.toTimeZone(zone).toString(QStringLiteral("ddd d MMM yyyy, HH:mm")),
        ZonedTime::zoneName(time, zone));
}

QString shortWhen(const QDateTime &time, const QTimeZone &zone)
{
    return time.toTimeZone(zone).toString(QStringLiteral("d MMM HH:mm"));
}

QString markdown(const QString &text)
{
    QStringList lines;
    for (const QString &line : text.split(u'\n')) {
        QString escaped;
        for (const QChar c : line) {
            if (QStringView(u"\\`*_[]<>|").contains(c))
                escaped += u'\\';
            escaped += c;
        }
        // What makes a line a heading, a quote or a list item at its start.
        const QString start = escaped.trimmed();
        if (!start.isEmpty() && QStringView(u"#+-=").contains(start.front()))
            escaped.insert(escaped.indexOf(start.front()), u'\\');
        else if (const qsizetype dot = start.indexOf(u'.');
                 dot > 0 && dot < 10 && start.left(dot).toInt() > 0)
            escaped.insert(escaped.indexOf(u'.'), u'\\');
        lines.append(escaped);
    }
    // A line break inside a paragraph survives e-mail and renderers alike as two spaces.
    return lines.join(QStringLiteral("  \n"));
}

QString html(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QString htmlStart()
{
    return QStringLiteral("<html><head><style>"
                          "body { font-family: 'DejaVu Sans'; font-size: 10pt; color: #1a1a1a; }"
                          "h1 { font-size: 17pt; margin: 0 0 4px 0; }"
                          "h2 { font-size: 13pt; margin: 10px 0 4px 0; }"
                          "h3 { font-size: 11pt; color: #37474f; margin: 12px 0 2px 0; }"
                          "p { margin: 0 0 4px 0; }"
                          "td, th { padding: 3px 6px; vertical-align: top; }"
                          "th { text-align: left; background-color: #eceff1; }"
                          ".meta td { border-bottom: 1px solid #cfd8dc; }"
                          ".label { color: #546e7a; }"
                          ".missed { color: #c62828; }"
                          ".key { font-weight: bold; }"
                          "</style></head><body>");
}
} // namespace DocumentText
