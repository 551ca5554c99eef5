#include "dialogs/debriefdialog.h"

#include "colors.h"
#include "dialogs/formdialog.h"
#include "dialogs/knownproblemsdialog.h"
#include "dialogs/modalhook.h"
#include "export/documentexport.h"
#include "livewarroom.h"
#include "rules/clock.h"
#include "rules/resolutionrules.h"
#include "timeformat.h"
#include "useridentity.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
enum TimelineColumn
{
    KeyColumn,
    TimeColumn,
    ChannelColumn,
    KindColumn,
    WhoColumn,
    TextColumn
};

constexpr int kRecordTableRole = Qt::UserRole;
constexpr int kRecordIdRole = Qt::UserRole + 1;

QPlainTextEdit *sectionEdit(const QString &key, const QString &placeholder, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(key + QStringLiteral("TextEdit"));
    edit->setPlaceholderText(placeholder);
    edit->setTabChangesFocus(true);
    edit->setMinimumHeight(edit->fontMetrics().lineSpacing() * 3 + 14);
    return edit;
}
} // namespace

DebriefDialog::DebriefDialog(LiveWarRoom &live, const Clock &clock, QWidget *parent)
    : QDialog(parent), m_live(live), m_clock(clock), m_incidentId(live.incidentId()),
      m_figures(new QLabel(this)), m_timeline(new QTreeWidget(this)),
      m_exportedOnly(new QCheckBox(tr("Only &key moments and recorded events"), this)),
      m_wentWell(sectionEdit(QStringLiteral("wentWell"), tr("What helped: keep doing it"), this)),
      m_wentBadly(sectionEdit(QStringLiteral("wentBadly"), tr("What hurt, without blame"), this)),
      m_feedback(sectionEdit(QStringLiteral("feedback"), tr("What the customer said"), this)),
      m_lessons(sectionEdit(QStringLiteral("lessons"),
                            tr("One lesson per line; each can become a known problem"), this)),
      m_version(new QLabel(this)), m_save(new QPushButton(tr("&Save debrief"), this)),
      m_error(new QLabel(this)), m_actions(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("debriefDialog"));
    setWindowTitle(tr("Debrief: %1").arg(live.incident().incident.title));

    m_figures->setObjectName(QStringLiteral("figuresLabel"));
    m_figures->setTextFormat(Qt::PlainText);
    m_figures->setWordWrap(true);
    m_figures->setText(tr("Reading the record…"));
    auto *figuresBox = new QGroupBox(tr("Figures from the record"), this);
    (new QVBoxLayout(figuresBox))->addWidget(m_figures);

    m_timeline->setObjectName(QStringLiteral("timelineTree"));
    m_timeline->setRootIsDecorated(false);
    m_timeline->setUniformRowHeights(true);
    m_timeline->setHeaderLabels(
        {tr("Key"), tr("Time"), tr("Channel"), tr("What happened"), tr("Who"), tr("Text")});
    m_timeline->header()->setStretchLastSection(true);
    m_timeline->setToolTip(tr("Tick the moments that mattered: the exported debrief keeps them "
                              "beside every recorded event."));
    m_exportedOnly->setObjectName(QStringLiteral("exportedOnlyCheckBox"));
    auto *timelineBox = new QGroupBox(tr("Timeline of both channels"), this);
    auto *timelineColumn = new QVBoxLayout(timelineBox);
    timelineColumn->addWidget(m_timeline, 1);
    timelineColumn->addWidget(m_exportedOnly);
    connect(m_timeline, &QTreeWidget::itemChanged, this, &DebriefDialog::onTimelineItemChanged);
    connect(m_exportedOnly, &QCheckBox::toggled, this, &DebriefDialog::fillTimeline);

    auto *sectionsBox = new QGroupBox(tr("Debrief"), this);
    auto *sections = new QFormLayout(sectionsBox);
    sections->addRow(tr("Went &well:"), m_wentWell);
    sections->addRow(tr("Went &badly:"), m_wentBadly);
    sections->addRow(tr("Customer's &feedback:"), m_feedback);
    sections->addRow(tr("&Lessons:"), m_lessons);
    m_version->setObjectName(QStringLiteral("debriefVersionLabel"));
    m_version->setTextFormat(Qt::PlainText);
    m_save->setObjectName(QStringLiteral("saveDebriefButton"));
    auto *promote = new QPushButton(tr("Lesson → known &problem…"), this);
    promote->setObjectName(QStringLiteral("promoteLessonButton"));
    auto *saveRow = new QHBoxLayout;
    saveRow->addWidget(m_version, 1);
    saveRow->addWidget(promote);
    saveRow->addWidget(m_save);
    sections->addRow(saveRow);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    WarroomColors::setTextColor(m_error, WarroomColors::alarm());
    m_error->hide();
    sections->addRow(m_error);
    connect(m_save, &QPushButton::clicked, this, &DebriefDialog::saveDebrief);
    connect(promote, &QPushButton::clicked, this, &DebriefDialog::promoteLesson);

    m_actions->setObjectName(QStringLiteral("actionItemsTree"));
    m_actions->setRootIsDecorated(false);
    m_actions->setHeaderLabels({tr("Action item"), tr("Owner"), tr("Due"), tr("From"), tr("Done")});
    m_actions->header()->setStretchLastSection(false);
    m_actions->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    auto *addAction = new QPushButton(tr("&Add action item…"), this);
    addAction->setObjectName(QStringLiteral("addActionItemButton"));
    m_markDone = new QPushButton(tr("&Mark done…"), this);
    m_markDone->setObjectName(QStringLiteral("markActionDoneButton"));
    m_markDone->setEnabled(false);
    auto *actionsBox = new QGroupBox(tr("Action items"), this);
    auto *actionsColumn = new QVBoxLayout(actionsBox);
    actionsColumn->addWidget(m_actions, 1);
    auto *actionButtons = new QHBoxLayout;
    actionButtons->addWidget(addAction);
    actionButtons->addWidget(m_markDone);
    actionButtons->addStretch();
    actionsColumn->addLayout(actionButtons);
    connect(addAction, &QPushButton::clicked, this, &DebriefDialog::addActionItem);
    connect(m_markDone, &QPushButton::clicked, this, &DebriefDialog::markSelectedActionDone);
    connect(m_actions, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        m_markDone->setEnabled(item && item->text(4).isEmpty());
    });

    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(sectionsBox);
    right->addWidget(actionsBox);
    right->setSizes({520, 380});
    auto *left = new QSplitter(Qt::Vertical, this);
    left->addWidget(figuresBox);
    left->addWidget(timelineBox);
    left->setStretchFactor(1, 1);
    auto *columns = new QSplitter(Qt::Horizontal, this);
    columns->addWidget(left);
    columns->addWidget(right);
    columns->setSizes({900, 600});

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *exportButton = buttons->addButton(tr("&Export…"), QDialogButtonBox::ActionRole);
    exportButton->setObjectName(QStringLiteral("exportDebriefButton"));
    connect(exportButton, &QPushButton::clicked, this, &DebriefDialog::exportDebrief);
    connect(buttons, &QDialogButtonBox::rejected, this, &DebriefDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(columns, 1);
    layout->addWidget(buttons);

    connect(&m_live, &LiveWarRoom::changed, this, [this](ChangeTopic topic, qint64 incidentId) {
        if (incidentId == m_incidentId && topic != ChangeTopic::KnownProblems)
            read();
    });
    read();
    resize(1500, 900);
}

void DebriefDialog::read()
{
    if (m_reading) {
        m_stale = true; // read once more when this read is back
        return;
    }
    m_reading = true;
    m_live.store().run(
        this,
        [incidentId = m_incidentId, now = m_clock.now()](IncidentStore &store) {
            return DebriefDocument::load(store, incidentId, now);
        },
        [this](const Result<DebriefDocument> &document) {
            m_reading = false;
            if (!document)
                report(document.failure());
            else
                show(*document);
            if (std::exchange(m_stale, false))
                read();
        });
}

void DebriefDialog::show(const DebriefDocument &document)
{
    const bool first = !m_loaded;
    m_document = document;
    m_loaded = true;
    m_figures->setText(m_document.figures.lines().join(u'\n'));
    // What was saved fills the sections once; after that the text typed here is the user's.
    if (first && m_document.debrief) {
        m_wentWell->setPlainText(m_document.debrief->wentWell);
        m_wentBadly->setPlainText(m_document.debrief->wentBadly);
        m_feedback->setPlainText(m_document.debrief->customerFeedback);
        m_lessons->setPlainText(m_document.debrief->lessons);
    }
    m_version->setText(m_document.debrief ? tr("Saved %1 by %2; each save is kept as a version.")
                                                .arg(TimeFormat::full(m_document.debrief->at),
                                                     m_document.debrief->by)
                                          : tr("Not saved yet: closing the incident needs it."));
    fillTimeline();
    fillActions();
    emit loaded();
}

void DebriefDialog::fillTimeline()
{
    const QSignalBlocker quiet(m_timeline);
    m_timeline->clear();
    QList<QTreeWidgetItem *> rows;
    for (const TimelineItem &t : std::as_const(m_document.timeline)) {
        if (m_exportedOnly->isChecked() && !t.belongsInExport())
            continue;
        auto *row = new QTreeWidgetItem({QString(), TimeFormat::clock(t.at, m_clock.now()),
                                         channelName(t.channel), t.kind, t.who, t.text});
        row->setFlags(row->flags() | Qt::ItemIsUserCheckable);
        row->setCheckState(KeyColumn, t.key ? Qt::Checked : Qt::Unchecked);
        row->setData(KeyColumn, kRecordTableRole, t.record.table);
        row->setData(KeyColumn, kRecordIdRole, t.record.id);
        row->setToolTip(TimeColumn, TimeFormat::full(t.at));
        row->setToolTip(TextColumn, t.text);
        if (t.channel == TimelineItem::Channel::Business)
            row->setForeground(ChannelColumn, WarroomColors::pending());
        rows.append(row);
    }
    m_timeline->addTopLevelItems(rows);
    for (int column = KeyColumn; column < TextColumn; ++column)
        m_timeline->resizeColumnToContents(column);
}

void DebriefDialog::fillActions()
{
    const QString keep = m_actions->currentItem() ? m_actions->currentItem()->text(0) : QString();
    m_actions->clear();
    const QDateTime now = m_clock.now();
    for (const ActionItem &a : std::as_const(m_document.actions)) {
        auto *row = new QTreeWidgetItem(
            m_actions,
            {a.what, a.owner, TimeFormat::full(a.due),
             a.source == ActionSource::ResolutionReport ? tr("resolution report") : tr("debrief"),
             a.isDone() ? tr("%1 by %2").arg(TimeFormat::full(a.doneAt), a.doneBy) : QString()});
        row->setData(0, Qt::UserRole, a.id);
        if (a.isDone())
            row->setToolTip(4, a.doneNote);
        if (a.isOverdue(now))
            row->setForeground(2, WarroomColors::alarm());
        if (a.what == keep)
            m_actions->setCurrentItem(row);
    }
    for (int column = 1; column < 5; ++column)
        m_actions->resizeColumnToContents(column);
}

void DebriefDialog::onTimelineItemChanged(QTreeWidgetItem *item, int column)
{
    if (column != KeyColumn)
        return;
    const auto by = UserIdentity::nameOrAsk(this);
    const bool key = item->checkState(KeyColumn) == Qt::Checked;
    if (!by) {
        const QSignalBlocker quiet(m_timeline);
        item->setCheckState(KeyColumn, key ? Qt::Unchecked : Qt::Checked);
        return;
    }
    const RecordRef record{item->data(KeyColumn, kRecordTableRole).toString(),
                           item->data(KeyColumn, kRecordIdRole).toLongLong()};
    m_live.write(
        this,
        [incidentId = m_incidentId, record, key, by = *by](IncidentStore &store) {
            return store.markKeyMoment(incidentId, record, key, by);
        },
        [this](const Outcome &outcome) {
            report(outcome);
            if (!outcome)
                fillTimeline(); // the mark shown as it is on record
        });
}

void DebriefDialog::saveDebrief()
{
    const auto by = UserIdentity::nameOrAsk(this);
    if (!by)
        return;
    const NewDebrief debrief{m_incidentId,
                             *by,
                             m_wentWell->toPlainText(),
                             m_wentBadly->toPlainText(),
                             m_feedback->toPlainText(),
                             m_lessons->toPlainText()};
    // The dialog stays open after a save: the debrief is the team's working document.
    m_save->setEnabled(false);
    m_live.write(
        this, [debrief](IncidentStore &store) { return store.recordDebrief(debrief); },
        [this](const Outcome &outcome) {
            m_save->setEnabled(true);
            m_error->setText(outcome ? QString() : outcome.error());
            m_error->setVisible(!outcome);
        });
}

void DebriefDialog::addActionItem()
{
    const auto by = UserIdentity::nameOrAsk(this);
    if (!by)
        return;
    FormDialog form(tr("Add an action item"),
                    tr("Work that keeps this from happening again, with one owner and a date. "
                       "It stays tracked until marked done."),
                    this);
    form.addLine(QStringLiteral("what"), tr("&What:"));
    form.addLine(QStringLiteral("owner"), tr("&Owner:"));
    form.addLine(QStringLiteral("due"), tr("&Due:"), {}, tr("2026-12-15, or +48h"));
    form.setSend(tr("Add"), [this, by](const FormDialog &f, FormDialog::Answer answered) {
        const auto due = parseActionDue(f.text(QStringLiteral("due")), m_clock.now());
        if (!due)
            return answered(due.failure());
        const NewActionItem item{f.text(QStringLiteral("what")), f.text(QStringLiteral("owner")),
                                 *due};
        m_live.write(
            &m_live,
            [incidentId = m_incidentId, item, by = *by](IncidentStore &store) {
                return store.addActionItem(incidentId, item, by);
            },
            answered);
    });
    ModalHook::exec(form);
}

void DebriefDialog::markSelectedActionDone()
{
    const QTreeWidgetItem *selected = m_actions->currentItem();
    const auto by = UserIdentity::nameOrAsk(this);
    if (!selected || !by)
        return;
    const qint64 actionId = selected->data(0, Qt::UserRole).toLongLong();
    FormDialog form(tr("Action item done"), tr("Done: %1").arg(selected->text(0)), this);
    form.addLine(QStringLiteral("note"), tr("&Note:"), {}, tr("e.g. fixed in release 4.2"));
    form.setSend(
        tr("Mark done"), [this, by, actionId](const FormDialog &f, FormDialog::Answer answered) {
            m_live.write(
                &m_live,
                [actionId, note = f.text(QStringLiteral("note")), by = *by](IncidentStore &store) {
                    return store.markActionDone(actionId, note, by);
                },
                answered);
        });
    ModalHook::exec(form);
}

void DebriefDialog::promoteLesson()
{
    // The lesson under the cursor, or the first one: what the team learned to recognise.
    const QStringList lines = m_lessons->toPlainText().split(u'\n');
    const int at = m_lessons->textCursor().blockNumber();
    QString lesson = at < lines.size() ? lines.at(at).trimmed() : QString();
    if (lesson.isEmpty()) {
        for (const QString &line : lines) {
            if (!line.trimmed().isEmpty()) {
                lesson = line.trimmed();
                break;
            }
        }
    }
    KnownProblemDraft draft;
    draft.symptom = m_document.incident.problemStatement.isEmpty()
                        ? m_document.incident.title
                        : m_document.incident.problemStatement;
    draft.workaround = lesson;
    draft.cause = m_document.report ? m_document.report->cause : QString();
    draft.fromIncidentId = m_incidentId;
    KnownProblemsDialog::addProblem(m_live, draft, this);
}

void DebriefDialog::exportDebrief()
{
    DocumentExport::run(this, m_live, tr("Export debrief"), tr("debrief"),
                        [incidentId = m_incidentId, now = m_clock.now()](IncidentStore &store) {
                            return ExportableDocument::debrief(store, incidentId, now);
                        },
                        {});
}

void DebriefDialog::report(const Outcome &outcome)
{
    if (!outcome)
        ModalHook::showError(this, tr("Debrief"), outcome.error());
}
