#include "window/sessionstatus.h"

#include "io/units.h"
#include "session/experimentsession.h"

#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

constexpr int kWarningTimeoutMs = 16000;

} // namespace

SessionStatus::SessionStatus(ExperimentSession *session, QStatusBar *statusBar, QObject *parent)
    : QObject(parent)
{
    connect(session, &ExperimentSession::prepared, this,
            [statusBar](int, const QString &summary, const QStringList &warnings) {
                statusBar->showMessage(warnings.isEmpty() ? summary
                                                          : tr("Warning: %1").arg(warnings.join(u"; "_s)),
                                       warnings.isEmpty() ? 0 : kWarningTimeoutMs);
            });
    connect(session, &ExperimentSession::runStarted, this, [statusBar](int, Mode mode) {
        statusBar->showMessage(tr("Counting with %1…").arg(modeName(mode)));
    });
    connect(session, &ExperimentSession::resultAdded, this, [statusBar](int, const RunResult &result) {
        statusBar->showMessage(tr("%1 took %2 wall, %3 CPU")
                                   .arg(modeName(result.mode), Units::seconds(result.wallS),
                                        Units::seconds(result.totalCpu().total())));
    });
}

} // namespace wordrace
