#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include <initializer_list>
#include <optional>

// What part of an incident's record changed.
enum class ChangeTopic
{
    Incidents, // an incident row: opened, status, person in charge, problem statement
    Log,
    Commitments, // commitments and their outcomes
    Briefings,
    Handovers,
    Framing,
    Problem,      // problem statements and their confirmations
    Asks,         // customer asks and their sent/answered events
    Status,       // status changes and the notices they draft
    Impact,       // impact assessments and severity changes
    Policy,       // the war room's policy (severity table, cadence, jargon); incidentId is 0
    Resolution,   // solution options, choices, resolution reports
    Debrief,      // debriefs, key moments, action items and their completion
    KnownProblems // the war room's book (incidentId 0) and where each problem appeared
};

// A set of topics: the parts of a view to read again.
class ChangeTopics
{
public:
    ChangeTopics() = default;
    ChangeTopics(std::initializer_list<ChangeTopic> topics)
    {
        for (ChangeTopic topic : topics)
            add(topic);
    }
    static ChangeTopics all()
    {
        return fromBits((1u << (int(ChangeTopic::KnownProblems) + 1)) - 1);
    }

    void add(ChangeTopic topic) { m_bits |= bit(topic); }
    void add(ChangeTopics topics) { m_bits |= topics.m_bits; }
    bool has(ChangeTopic topic) const { return m_bits & bit(topic); }
    bool hasAny(ChangeTopics topics) const { return m_bits & topics.m_bits; }
    bool isEmpty() const { return m_bits == 0; }
    bool operator==(const ChangeTopics &other) const = default;

private:
    static quint32 bit(ChangeTopic topic) { return 1u << int(topic); }
    static ChangeTopics fromBits(quint32 bits)
    {
        ChangeTopics topics;
        topics.m_bits = bits;
        return topics;
    }
    quint32 m_bits = 0;
};

struct Change
{
    ChangeTopic topic;
    qint64 incidentId; // 0 for Incidents
    bool operator==(const Change &other) const = default;
};

namespace Changes {
// The tables whose rows make up the record, each with the topic its new rows belong to.
struct Table
{
    const char *name;
    ChangeTopic topic;
};
const QList<Table> &tables();
// Tables whose rows belong to the war room as a whole: their changes name incident 0.
bool isWarRoomWide(QStringView table);
std::optional<ChangeTopic> topicOf(const QString &table);

// What one announcement of a shared war room says changed: "TABLE INCIDENT:FIRST-LAST …", one
// range of new rows per incident (0 for the war room's policy) (sequence numbers in the technical
// log, ids elsewhere), as the database's own triggers write it. Nothing (std::nullopt) for "*" or
// anything unreadable: the listener then looks at everything.
std::optional<QList<Change>> parseAnnouncement(const QString &payload);
} // namespace Changes

Q_DECLARE_METATYPE(ChangeTopic)
