#include "widgets/optionspanel.h"

#include "colors.h"
#include "incidentactions.h"
#include "livewarroom.h"
#include "timeformat.h"
#include "wording.h"

#include <QPushButton>
#include <QTreeWidget>

OptionsPanel::OptionsPanel(const LiveWarRoom &live, IncidentActions &actions, QWidget *parent)
    : IncidentPanel(live, QStringLiteral("optionsPanel"), parent)
{
    setColumns({tr("Added"), tr("Option"), tr("For it"), tr("Against it"), tr("Chosen")});
    addActionButton(actions.addOptionAction());
    m_choose = addButton(tr("Choose…"), QStringLiteral("chooseOptionButton"),
                         [this, &actions] { actions.chooseOption(selectedId()); });
    reloadOn(ChangeTopic::Resolution);
}

void OptionsPanel::reload()
{
    const qint64 keep = selectedId();
    tree()->clear();
    m_options.clear();
    if (m_incidentId <= 0)
        return;
    m_options = m_live.incident().options;
    const SolutionOption *chosen = nullptr;
    for (const SolutionOption &option : std::as_const(m_options)) {
        QTreeWidgetItem *item =
            addRow({TimeFormat::clock(option.at, now()), option.title, option.pros, option.cons,
                    option.isChosen()
                        ? tr("chosen %1: %2")
                              .arg(TimeFormat::clock(option.chosenAt, now()), option.chosenWhy)
                        : QString()},
                   option.id);
        if (option.isChosen()) {
            chosen = &option;
            for (int column = 0; column < item->columnCount(); ++column)
                item->setForeground(column, WarroomColors::onTrack());
        }
    }
    setSummary(m_options.isEmpty()
                   ? tr("No options recorded. When there is more than one way out, let the "
                        "customer choose.")
               : chosen
                   ? tr("%1; chosen: %2.")
                         .arg(countOf(m_options.size(), tr("option"), tr("options")), chosen->title)
                   : tr("%1; none chosen yet.")
                         .arg(countOf(m_options.size(), tr("option"), tr("options"))));
    reselect(keep);
    updateButtons();
}

void OptionsPanel::updateButtons()
{
    const qint64 id = selectedId();
    const bool chosen = std::any_of(m_options.cbegin(), m_options.cend(),
                                    [id](const auto &o) { return o.id == id && o.isChosen(); });
    m_choose->setEnabled(id > 0 && !chosen);
}
