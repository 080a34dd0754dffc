#pragma once

#include <QObject>

class QStatusBar;

namespace wordrace {

class ExperimentSession;

// Says in the status bar what the session is doing: the corpus prepared (or its warnings), the mode
// counting, each mode's times as it ends.
class SessionStatus : public QObject
{
    Q_OBJECT
public:
    SessionStatus(ExperimentSession *session, QStatusBar *statusBar, QObject *parent);
};

} // namespace wordrace
