#include "widgets/timezonefield.h"

#include <QCompleter>
#include <QLineEdit>
#include <QStringListModel>
#include <QTimeZone>

namespace TimeZoneField {
void offerZones(QLineEdit *line)
{
    QStringList ids;
    const QList<QByteArray> available = QTimeZone::availableTimeZoneIds();
    ids.reserve(available.size());
    for (const QByteArray &id : available)
        ids << QString::fromUtf8(id);
    auto *completer = new QCompleter(new QStringListModel(ids, line), line);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    line->setCompleter(completer);
    line->setPlaceholderText(QObject::tr("Region/City, e.g. Europe/Berlin"));
}
} // namespace TimeZoneField
