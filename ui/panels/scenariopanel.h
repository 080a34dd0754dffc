#pragma once

#include "analysis/scenario.h"
#include "model/historyentry.h"

#include <QFrame>
#include <QList>

#include <optional>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace wordrace {

// One of the lesson's scenarios in the window: its question with the class's choices as buttons
// (a prediction in one click, or skipped), then the run's progress, then the measured verdict and
// whether the prediction was right. Not modal, so the charts stay in view beside it.
class ScenarioPanel : public QFrame
{
    Q_OBJECT
public:
    explicit ScenarioPanel(QWidget *parent = nullptr);

    // Asks the scenario's question; nothing runs until a choice is made or skipped.
    void ask(const Scenario &scenario);
    void setStatus(const QString &text);
    void showVerdict(const Verdict &verdict);
    void showStopped(const QString &why);
    // The verdict on show, as an entry keeps it (after showVerdict()).
    ScenarioNote note() const;
    // A verdict kept with an entry, shown again: to read, not to answer.
    void showNote(const ScenarioNote &note);
    bool showsNote() const { return m_showsNote; }

    std::optional<int> prediction() const { return m_prediction; }
    bool hasVerdict() const { return m_hasVerdict; }
    QString answer() const { return m_answer; }
    QList<QPushButton *> choiceButtons() const { return m_choices; }
    QPushButton *skipButton() const { return m_skip; }
    QLabel *verdictLabel() const { return m_verdict; }

Q_SIGNALS:
    // The user picked a choice (its index) or skipped the prediction (nullopt): time to run.
    void predictionMade(std::optional<int> choice);

private:
    void choose(std::optional<int> choice);

    Scenario m_scenario;
    QLabel *m_title;
    QLabel *m_question;
    QVBoxLayout *m_choiceBox;
    QList<QPushButton *> m_choices;
    QPushButton *m_skip;
    QLabel *m_status;
    QLabel *m_verdict;
    QLabel *m_explanation;
    QPushButton *m_close;
    std::optional<int> m_prediction;
    QString m_answer;
    bool m_hasVerdict = false;
    bool m_showsNote = false;
};

} // namespace wordrace
