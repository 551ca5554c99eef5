#include "widgets/logentrydetail.h"

#include "storage/storethread.h"
#include "timeformat.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace {
QString describe(const LogEntry &e)
{
    QString kind = logKindName(e.kind);
    if (!e.event.isEmpty())
        kind += QStringLiteral(" (%1)").arg(e.event);
    QString text = QObject::tr("Entry %1 · %2 · %3 · %4")
                       .arg(QString::number(e.seq), TimeFormat::full(e.at), e.author, kind);
    if (!e.addressee.isEmpty())
        text += QObject::tr(" · to %1").arg(e.addressee);
    return text;
}

struct History
{
    std::optional<LogEntry> original;
    QList<LogEntry> corrections;
};
} // namespace

LogEntryDetail::LogEntryDetail(StoreThread &store, QWidget *parent)
    : QFrame(parent), m_store(store), m_heading(new QLabel(this)), m_text(new QPlainTextEdit(this)),
      m_history(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("logEntryDetail"));
    m_heading->setObjectName(QStringLiteral("logEntryHeadingLabel"));
    m_text->setObjectName(QStringLiteral("logEntryTextEdit"));
    m_history->setObjectName(QStringLiteral("logEntryHistoryTextEdit"));
    setFrameShape(QFrame::StyledPanel);
    m_heading->setTextFormat(Qt::PlainText);
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    // Read-only but selectable and copyable; what the entry says is never taken as markup.
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_text->setFrameShape(QFrame::NoFrame);
    m_text->setMinimumHeight(m_text->fontMetrics().height() * 2);
    m_history->setReadOnly(true);
    m_history->setFrameShape(QFrame::NoFrame);
    m_history->setMaximumHeight(m_history->fontMetrics().height() * 5);
    QPalette historyPalette = m_history->palette();
    historyPalette.setColor(QPalette::Base, historyPalette.color(QPalette::Window));
    m_history->setPalette(historyPalette);
    m_history->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(2);
    layout->addWidget(m_heading);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_history);
    showEntry(std::nullopt);
}

void LogEntryDetail::showEntry(const std::optional<LogEntry> &entry)
{
    ++m_generation;
    m_entry = entry;
    m_history->clear();
    m_history->hide();
    if (!entry) {
        m_heading->setText(tr("Select an entry to read it in full here."));
        m_text->clear();
        return;
    }
    m_heading->setText(describe(*entry));
    m_text->setPlainText(entry->text);
    if (entry->correctsId > 0 || entry->correctedById > 0)
        readHistory(*entry);
}

void LogEntryDetail::readHistory(const LogEntry &entry)
{
    const int generation = m_generation;
    m_store.run(
        this,
        [entry](IncidentStore &store) -> Result<History> {
            History history;
            if (entry.correctsId > 0) {
                const auto original = store.logEntry(entry.correctsId);
                if (!original)
                    return original.failure();
                history.original = *original;
            }
            const auto corrections = store.corrections(entry.id);
            if (!corrections)
                return corrections.failure();
            history.corrections = *corrections;
            return history;
        },
        [this, generation](const Result<History> &history) {
            if (generation != m_generation)
                return;
            if (!history) {
                m_history->setPlainText(
                    tr("Its corrections cannot be read now: %1").arg(history.error()));
                m_history->show();
                return;
            }
            QStringList lines;
            if (const auto &original = history->original)
                lines << tr("Corrects entry %1 (%2, %3): %4")
                             .arg(QString::number(original->seq), original->author,
                                  TimeFormat::full(original->at), original->text);
            for (const LogEntry &c : history->corrections)
                lines << tr("Corrected by entry %1 (%2, %3): %4")
                             .arg(QString::number(c.seq), c.author, TimeFormat::full(c.at), c.text);
            m_history->setPlainText(lines.join(u'\n'));
            m_history->setVisible(!lines.isEmpty());
        });
}

std::optional<qint64> LogEntryDetail::shownEntryId() const
{
    return m_entry ? std::optional<qint64>(m_entry->id) : std::nullopt;
}

QString LogEntryDetail::historyText() const
{
    return m_history->isVisibleTo(this) ? m_history->toPlainText() : QString();
}
