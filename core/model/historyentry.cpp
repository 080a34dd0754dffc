#include "model/historyentry.h"

#include "analysis/plausibility.h"
#include "model/knobs.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

// The context lupdate gives the tr() calls in HistoryEntry's functions, which is not a QObject.
QString tr(const char *text)
{
    return QCoreApplication::translate("wordrace::HistoryEntry", text);
}

} // namespace

QString HistoryEntry::title() const
{
    const QString workers =
        experiment.workers == 1 ? tr("1 worker") : tr("%1 workers").arg(experiment.workers);
    QString title = tr("#%1 %2 · %3").arg(number).arg(experiment.corpus.displayName(), workers);
    // Two experiments that differ only in their conditions must not look alike side by side.
    if (const QString conditions = conditionsText(experiment.knobs); !conditions.isEmpty())
        title += u" · "_s + conditions;
    return title;
}

QString HistoryEntry::endingText() const
{
    switch (state) {
    case State::Done:
        if (const QString doubt = Plausibility::firstDoubt(results); !doubt.isEmpty())
            return u"⚠ "_s + doubt;
        return tr("Done. Hover over the charts for details; right-click to export.");
    case State::Cancelled:
        return tr("Cancelled.");
    case State::Failed:
    case State::Running:
        break;
    }
    return tr("The run failed.");
}

} // namespace wordrace
