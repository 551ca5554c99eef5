#include "widgets/logfilterbar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>

namespace {
// Reads the author list again just before it opens: names arrive all through a crisis.
class AuthorBox : public QComboBox
{
public:
    using QComboBox::QComboBox;
    std::function<void()> aboutToOpen;
    void showPopup() override
    {
        if (aboutToOpen)
            aboutToOpen();
        QComboBox::showPopup();
    }
};
} // namespace

LogFilterBar::LogFilterBar(QWidget *parent)
    : QWidget(parent), m_kind(new QComboBox(this)), m_author(new AuthorBox(this)),
      m_peopleOnly(new QCheckBox(tr("&People only"), this)),
      m_pinnedOnly(new QCheckBox(tr("★ P&inned only"), this)), m_counts(new QLabel(this)),
      m_clear(new QPushButton(tr("Show all"), this))
{
    setObjectName(QStringLiteral("logFilterBar"));
    m_kind->setObjectName(QStringLiteral("logKindFilter"));
    m_kind->addItem(tr("All kinds"));
    for (LogKind kind : allLogKinds())
        m_kind->addItem(logKindName(kind), int(kind));
    m_kind->setToolTip(tr("Show one kind of entry only"));
    m_author->setObjectName(QStringLiteral("logAuthorFilter"));
    m_author->addItem(tr("Anyone"));
    m_author->setToolTip(tr("Show one author's entries only"));
    // A long name must not widen the window: the list shows it whole.
    m_author->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_author->setMinimumContentsLength(12);
    static_cast<AuthorBox *>(m_author)->aboutToOpen = [this] {
        emit authorsWanted();
    };
    m_peopleOnly->setObjectName(QStringLiteral("peopleOnlyCheck"));
    m_peopleOnly->setToolTip(tr("Hide what scripts posted (entries written with `warroom log`, "
                                "unless --person was given)"));
    m_pinnedOnly->setObjectName(QStringLiteral("pinnedOnlyCheck"));
    m_pinnedOnly->setToolTip(tr("Only the entries pinned as key moments (right-click an entry "
                                "to pin it)"));
    m_counts->setObjectName(QStringLiteral("logFilterCounts"));
    // Takes the room that is left, and never more: the whole text is in the tooltip.
    m_counts->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_counts->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_clear->setObjectName(QStringLiteral("logFilterClear"));
    m_clear->hide();

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *show = new QLabel(tr("Show:"), this);
    show->setBuddy(m_kind);
    layout->addWidget(show);
    layout->addWidget(m_kind);
    layout->addWidget(m_author);
    layout->addWidget(m_peopleOnly);
    layout->addWidget(m_pinnedOnly);
    layout->addWidget(m_counts, 1);
    layout->addWidget(m_clear);

    const auto changed = [this] {
        m_clear->setVisible(!filter().isEmpty());
        emit filterChanged(filter());
    };
    connect(m_kind, &QComboBox::currentIndexChanged, this, changed);
    connect(m_author, &QComboBox::currentIndexChanged, this, changed);
    connect(m_peopleOnly, &QCheckBox::toggled, this, changed);
    connect(m_pinnedOnly, &QCheckBox::toggled, this, changed);
    connect(m_clear, &QPushButton::clicked, this, &LogFilterBar::clear);
}

LogFilter LogFilterBar::filter() const
{
    LogFilter filter;
    if (m_kind->currentIndex() > 0)
        filter.kinds = {LogKind(m_kind->currentData().toInt())};
    if (m_author->currentIndex() > 0)
        filter.author = m_author->currentData().toString();
    filter.peopleOnly = m_peopleOnly->isChecked();
    filter.pinnedOnly = m_pinnedOnly->isChecked();
    return filter;
}

void LogFilterBar::setAuthors(const QList<std::pair<QString, bool>> &authors)
{
    const QString chosen = m_author->currentData().toString();
    const QSignalBlocker quiet(m_author); // the same author stays chosen: nothing changed
    while (m_author->count() > 1)
        m_author->removeItem(1);
    for (const auto &[name, script] : authors)
        m_author->addItem(script ? tr("%1 (script)").arg(name) : name, name);
    const int kept = chosen.isEmpty() ? 0 : m_author->findData(chosen);
    if (kept >= 0) {
        m_author->setCurrentIndex(kept);
        return;
    }
    // The chosen author is not in this log (another incident): everyone again, and say so.
    m_author->setCurrentIndex(0);
    m_clear->setVisible(!filter().isEmpty());
    emit filterChanged(filter());
}

void LogFilterBar::setCounts(int shown, qint64 total)
{
    const QLocale locale;
    m_counts->setText(
        filter().isEmpty()
            ? (total == 1 ? tr("1 entry") : tr("%1 entries").arg(locale.toString(total)))
            : tr("Showing %1 of %2 entries (%3)")
                  .arg(locale.toString(shown), locale.toString(total), filter().describe()));
    m_counts->setToolTip(m_counts->text());
}

void LogFilterBar::clear()
{
    {
        // One change, announced once.
        const QSignalBlocker kind(m_kind), author(m_author), people(m_peopleOnly),
            pinned(m_pinnedOnly);
        m_kind->setCurrentIndex(0);
        m_author->setCurrentIndex(0);
        m_peopleOnly->setChecked(false);
        m_pinnedOnly->setChecked(false);
    }
    m_clear->hide();
    emit filterChanged(filter());
}
