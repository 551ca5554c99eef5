#include "widgets/briefingpanel.h"

#include "rules/clock.h"
#include "rules/countdown.h"
#include "timeformat.h"
#include "widgets/actionbutton.h"

#include "incidentactions.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace {
QString escaped(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QString section(const QString &heading, const QString &body)
{
    if (body.trimmed().isEmpty())
        return {};
    return QStringLiteral(
               "<h4 style='margin-bottom:2px; color:#455a64'>%1</h4><p style='margin-top:0'>%2</p>")
        .arg(heading.toHtmlEscaped(), escaped(body));
}
} // namespace

BriefingPanel::BriefingPanel(const Clock &clock, IncidentActions &actions, QWidget *parent)
    : QWidget(parent), m_clock(clock), m_title(new QLabel(this)), m_view(new QTextBrowser(this)),
      m_history(new QListWidget(this)), m_correct(new QPushButton(tr("Correct…"), this)),
      m_export(new QPushButton(tr("Export PDF…"), this))
{
    setObjectName(QStringLiteral("briefingPanel"));
    m_view->setObjectName(QStringLiteral("briefingTextBrowser"));
    m_history->setObjectName(QStringLiteral("briefingHistoryList"));
    m_view->setOpenLinks(false);
    m_history->setTextElideMode(Qt::ElideRight);
    m_history->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_history->setUniformItemSizes(true);

    m_title->setText(tr("Business channel — briefings"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    // The briefing itself gets the room; the list of earlier ones stays a few lines high.
    m_history->setFixedHeight(m_history->fontMetrics().height() * 4 + 8);

    QPushButton *compose = buttonForAction(actions.newBriefingAction(), this);
    m_correct->setObjectName(QStringLiteral("correctBriefingButton"));
    m_correct->setToolTip(tr("A published briefing never changes: publish a correction that "
                             "names it."));
    connect(m_correct, &QPushButton::clicked, this,
            [this, &actions] { actions.composeBriefing(shownBriefingId()); });
    m_export->setObjectName(QStringLiteral("exportBriefingButton"));
    m_export->setToolTip(tr("Every briefing of this incident as a PDF"));
    connect(m_export, &QPushButton::clicked, this, [&actions] { actions.exportBriefings({}); });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(compose);
    buttons->addWidget(m_correct);
    buttons->addStretch();
    buttons->addWidget(m_export);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_history);
    layout->addLayout(buttons);

    connect(m_history, &QListWidget::currentRowChanged, this, &BriefingPanel::show);
    // "next update in 12:00" is relative to now: re-read it as time passes.
    auto *relativeTimes = new QTimer(this);
    relativeTimes->setInterval(15 * 1000);
    relativeTimes->start();
    connect(relativeTimes, &QTimer::timeout, this, [this] { show(m_history->currentRow()); });
    connect(&m_clock, &Clock::jumped, this, [this] { show(m_history->currentRow()); });
}

void BriefingPanel::setBriefings(const QList<Briefing> &briefings)
{
    m_briefings = briefings;
    QSignalBlocker blocker(m_history);
    m_history->clear();
    // Newest first, as a reader scans for the latest.
    for (auto it = m_briefings.crbegin(); it != m_briefings.crend(); ++it) {
        m_history->addItem(
            tr("#%1  %2  %3")
                .arg(it->seq)
                .arg(TimeFormat::clock(it->publishedAt, m_clock.now()), it->headline));
    }
    m_history->setCurrentRow(m_briefings.isEmpty() ? -1 : 0);
    show(m_history->currentRow());
}

QString BriefingPanel::shownText() const
{
    return m_view->toPlainText();
}

qint64 BriefingPanel::shownBriefingId() const
{
    const int index = m_history->currentRow();
    if (index < 0 || index >= m_briefings.size())
        return 0;
    return m_briefings.at(m_briefings.size() - 1 - index).id;
}

void BriefingPanel::show(int index)
{
    m_correct->setEnabled(index >= 0 && index < m_briefings.size());
    m_export->setEnabled(!m_briefings.isEmpty());
    if (index < 0 || index >= m_briefings.size()) {
        m_view->setHtml(tr("<p style='color:#c62828'><b>No briefing yet.</b></p>"
                           "<p>The customer's managers have heard nothing from us. Tell them "
                           "the status and when the next update comes.</p>"));
        return;
    }
    const Briefing &briefing = m_briefings.at(m_briefings.size() - 1 - index);
    QString html = toHtml(briefing, m_clock.now());
    if (index > 0)
        html.prepend(tr("<p style='background:#fff3cd'>An earlier briefing (#%1 of %2).</p>")
                         .arg(briefing.seq)
                         .arg(m_briefings.size()));
    m_view->setHtml(html);
}

QString BriefingPanel::toHtml(const Briefing &briefing, const QDateTime &now)
{
    const qint64 secondsToNext = now.secsTo(briefing.nextUpdateAt);
    const QString nextWhen =
        secondsToNext >= 0 ? tr("%1 (in %2)")
                                 .arg(TimeFormat::inZone(briefing.nextUpdateAt, now),
                                      formatDuration(secondsToNext))
                           : tr("%1 (<span style='color:#c62828'><b>overdue by %2</b></span>)")
                                 .arg(TimeFormat::inZone(briefing.nextUpdateAt, now),
                                      formatDuration(-secondsToNext));
    QString html;
    html += QStringLiteral("<h3 style='margin-bottom:2px'>%1</h3>").arg(escaped(briefing.headline));
    html += tr("<p style='color:#607d8b; margin-top:0'>Briefing #%1 · %2 · by %3</p>")
                .arg(briefing.seq)
                .arg(TimeFormat::full(briefing.publishedAt), briefing.author.toHtmlEscaped());
    html += section(tr("Customer impact"), briefing.impact);
    html += section(tr("What we are doing now"), briefing.doing);
    html += section(tr("What changed since the last briefing"), briefing.changed);
    html += tr("<h4 style='margin-bottom:2px; color:#455a64'>Next update</h4>"
               "<p style='margin-top:0'><b>%1</b><br>Why then: %2</p>")
                .arg(nextWhen, escaped(briefing.nextUpdateWhy));
    return html;
}
