#include "domain/debrief.h"

QStringList Debrief::lessonList() const
{
    QStringList list;
    for (const QString &line : lessons.split(u'\n')) {
        QString lesson = line.trimmed();
        // A typed bullet is not part of the lesson.
        while (lesson.startsWith(u'-') || lesson.startsWith(u'*') || lesson.startsWith(u'\u2022'))
            lesson = lesson.mid(1).trimmed();
        if (!lesson.isEmpty())
            list.append(lesson);
    }
    return list;
}
