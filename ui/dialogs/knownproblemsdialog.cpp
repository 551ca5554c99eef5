#include "dialogs/knownproblemsdialog.h"

#include "dialogs/formdialog.h"
#include "dialogs/modalhook.h"
#include "livewarroom.h"
#include "rules/knownproblemmatch.h"
#include "useridentity.h"
#include "wording.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
enum Column
{
    SymptomColumn,
    ProductColumn,
    WorkaroundColumn,
    CauseColumn,
    FixColumn,
    IncidentsColumn
};

QString fixStatusText(FixStatus status)
{
    switch (status) {
    case FixStatus::None:
        return QObject::tr("no fix planned");
    case FixStatus::Planned:
        return QObject::tr("fix planned");
    case FixStatus::Fixed:
        return QObject::tr("fixed");
    }
    return {};
}

QList<QPair<QString, QVariant>> fixChoices()
{
    QList<QPair<QString, QVariant>> choices;
    for (FixStatus status : {FixStatus::None, FixStatus::Planned, FixStatus::Fixed})
        choices.append({fixStatusText(status), int(status)});
    return choices;
}
} // namespace

KnownProblemsDialog::KnownProblemsDialog(LiveWarRoom &live, QWidget *parent)
    : QDialog(parent), m_live(live), m_search(new QLineEdit(this)), m_list(new QTreeWidget(this)),
      m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("knownProblemsDialog"));
    setWindowTitle(tr("Known problems and workarounds"));
    auto *intro = new QLabel(tr("Problems this war room has seen before, shared by all its "
                                "incidents. When a new incident describes a symptom below, the "
                                "window suggests the workaround."),
                             this);
    intro->setWordWrap(true);
    m_search->setObjectName(QStringLiteral("searchLineEdit"));
    m_search->setPlaceholderText(tr("Search symptom, product, workaround or cause"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, &KnownProblemsDialog::fill);

    m_list->setObjectName(QStringLiteral("knownProblemsTree"));
    m_list->setRootIsDecorated(false);
    m_list->setWordWrap(true);
    m_list->setHeaderLabels(
        {tr("Symptom"), tr("Product"), tr("Workaround"), tr("Cause"), tr("Fix"), tr("Seen in")});
    m_list->header()->resizeSection(SymptomColumn, 320);
    m_list->header()->resizeSection(WorkaroundColumn, 320);
    m_list->header()->resizeSection(CauseColumn, 220);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &KnownProblemsDialog::updateButtons);
    m_summary->setObjectName(QStringLiteral("knownProblemsSummaryLabel"));
    m_summary->setTextFormat(Qt::PlainText);

    auto *add = new QPushButton(tr("&Add…"), this);
    add->setObjectName(QStringLiteral("addKnownProblemButton"));
    m_updateFix = new QPushButton(tr("&Fix status…"), this);
    m_updateFix->setObjectName(QStringLiteral("updateFixButton"));
    m_link = new QPushButton(tr("It &applies to this incident"), this);
    m_link->setObjectName(QStringLiteral("linkKnownProblemButton"));
    m_promoteCause = new QPushButton(tr("From this incident's &cause…"), this);
    m_promoteCause->setObjectName(QStringLiteral("promoteCauseButton"));
    connect(add, &QPushButton::clicked, this, [this] { addProblem(m_live, {}, this); });
    connect(m_updateFix, &QPushButton::clicked, this, &KnownProblemsDialog::updateFixStatus);
    connect(m_link, &QPushButton::clicked, this, &KnownProblemsDialog::linkToIncident);
    connect(m_promoteCause, &QPushButton::clicked, this, &KnownProblemsDialog::promoteCause);
    auto *buttonRow = new QHBoxLayout;
    for (QPushButton *button : {add, m_updateFix, m_link, m_promoteCause})
        buttonRow->addWidget(button);
    buttonRow->addStretch();

    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &KnownProblemsDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_summary);
    layout->addLayout(buttonRow);
    layout->addWidget(close);

    connect(&m_live, &LiveWarRoom::changed, this, [this](ChangeTopic topic, qint64) {
        if (topic == ChangeTopic::KnownProblems)
            read();
    });
    read();
    updateButtons();
    resize(1280, 640);
}

void KnownProblemsDialog::read()
{
    if (m_reading) {
        m_stale = true;
        return;
    }
    m_reading = true;
    m_live.store().run(
        this, [](IncidentStore &store) { return store.knownProblems(); },
        [this](const Result<QList<KnownProblem>> &book) {
            m_reading = false;
            if (!book) {
                m_summary->setText(tr("The book could not be read: %1").arg(book.error()));
            } else {
                m_book = *book;
                m_loaded = true;
                fill();
                emit loaded();
            }
            if (std::exchange(m_stale, false))
                read();
        });
}

void KnownProblemsDialog::fill()
{
    const qint64 keep = selectedId();
    m_list->clear();
    QList<KnownProblemMatch::Match> shown;
    const QString query = m_search->text().trimmed();
    if (query.isEmpty()) {
        for (const KnownProblem &problem : std::as_const(m_book))
            shown.append({problem, {}, 1});
    } else {
        shown = KnownProblemMatch::search(m_book, query);
    }
    for (const KnownProblemMatch::Match &match : std::as_const(shown)) {
        const KnownProblem &k = match.problem;
        QStringList seenIn;
        for (qint64 id : k.incidents)
            seenIn << QStringLiteral("#%1").arg(id);
        const QString fix =
            k.fixNote.isEmpty()
                ? fixStatusText(k.fixStatus)
                : QStringLiteral("%1: %2").arg(fixStatusText(k.fixStatus), k.fixNote);
        auto *row = new QTreeWidgetItem(
            m_list, {k.symptom, k.product, k.workaround, k.cause, fix, seenIn.join(u", ")});
        row->setData(SymptomColumn, Qt::UserRole, k.id);
        for (int column = SymptomColumn; column <= CauseColumn; ++column)
            row->setToolTip(column, row->text(column));
        if (k.id == keep)
            m_list->setCurrentItem(row);
    }
    m_summary->setText(
        query.isEmpty()
            ? countOf(m_book.size(), tr("known problem"), tr("known problems"))
            : tr("%1 of %2 match \"%3\".")
                  .arg(shown.size())
                  .arg(countOf(m_book.size(), tr("known problem"), tr("known problems")), query));
    updateButtons();
}

qint64 KnownProblemsDialog::selectedId() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(SymptomColumn, Qt::UserRole).toLongLong() : 0;
}

void KnownProblemsDialog::updateButtons()
{
    const qint64 incidentId = m_live.incidentId();
    const qint64 id = selectedId();
    const auto problem = std::find_if(m_book.cbegin(), m_book.cend(),
                                      [id](const KnownProblem &k) { return k.id == id; });
    m_updateFix->setEnabled(id > 0);
    m_link->setEnabled(id > 0 && incidentId > 0 && problem != m_book.cend() &&
                       !problem->incidents.contains(incidentId));
    m_promoteCause->setEnabled(incidentId > 0 && m_live.incident().report.has_value());
}

bool KnownProblemsDialog::addProblem(LiveWarRoom &live, const KnownProblemDraft &draft,
                                     QWidget *parent)
{
    const auto by = UserIdentity::nameOrAsk(parent);
    if (!by)
        return false;
    FormDialog form(tr("Add a known problem"),
                    tr("Write the symptom as the next person will see it, and the workaround in "
                       "plain words: the window suggests it when a new incident looks alike."),
                    parent);
    form.addText(QStringLiteral("symptom"), tr("&Symptom:"), draft.symptom,
                 tr("What users see, e.g. checkout times out after a database failover"));
    form.addLine(QStringLiteral("product"), tr("&Product or version:"), draft.product,
                 tr("optional, e.g. Shop 4.1"));
    form.addText(QStringLiteral("workaround"), tr("&Workaround:"), draft.workaround);
    form.addText(QStringLiteral("cause"), tr("&Cause:"), draft.cause, tr("optional until known"));
    form.addChoice(QStringLiteral("fix"), tr("&Fix status:"), fixChoices());
    form.setSend(tr("Add"), [&live, by, draft](const FormDialog &f, FormDialog::Answer answered) {
        const NewKnownProblem problem{*by,
                                      f.text(QStringLiteral("symptom")),
                                      f.text(QStringLiteral("product")),
                                      f.text(QStringLiteral("workaround")),
                                      f.text(QStringLiteral("cause")),
                                      FixStatus(f.choice(QStringLiteral("fix")).toInt()),
                                      draft.fromIncidentId};
        live.write(
            &live, [problem](IncidentStore &store) { return store.addKnownProblem(problem); },
            answered);
    });
    return ModalHook::exec(form) == QDialog::Accepted;
}

void KnownProblemsDialog::updateFixStatus()
{
    const qint64 id = selectedId();
    const auto by = UserIdentity::nameOrAsk(this);
    if (id <= 0 || !by)
        return;
    FormDialog form(tr("Fix status"), tr("Symptom: %1").arg(m_list->currentItem()->text(0)), this);
    form.addChoice(QStringLiteral("fix"), tr("&Fix status:"), fixChoices());
    form.addLine(QStringLiteral("note"), tr("&Note:"), {},
                 tr("e.g. fixed in 4.2, planned for May"));
    form.setSend(tr("Update"), [this, id, by](const FormDialog &f, FormDialog::Answer answered) {
        m_live.write(
            &m_live,
            [id, status = FixStatus(f.choice(QStringLiteral("fix")).toInt()),
             note = f.text(QStringLiteral("note")), by = *by](IncidentStore &store) {
                return store.updateKnownProblem(id, status, note, by);
            },
            answered);
    });
    ModalHook::exec(form);
}

void KnownProblemsDialog::linkToIncident()
{
    const qint64 id = selectedId();
    const auto by = UserIdentity::nameOrAsk(this);
    if (id <= 0 || !by)
        return;
    m_live.write(
        this,
        [incidentId = m_live.incidentId(), id, by = *by](IncidentStore &store) {
            return store.recordSighting(incidentId, id, Sighting::Linked, by);
        },
        [this](const Outcome &outcome) {
            if (!outcome)
                ModalHook::showError(this, windowTitle(), outcome.error());
        });
}

void KnownProblemsDialog::promoteCause()
{
    const IncidentState &state = m_live.incident();
    if (!state.report)
        return;
    KnownProblemDraft draft;
    draft.symptom = state.incident.problemStatement.isEmpty() ? state.incident.title
                                                              : state.incident.problemStatement;
    draft.cause = state.report->cause;
    draft.fromIncidentId = state.incidentId;
    addProblem(m_live, draft, this);
}
