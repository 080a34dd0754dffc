#include "panels/scenariopanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wordrace {

ScenarioPanel::ScenarioPanel(QWidget *parent)
    : QFrame(parent), m_title(new QLabel(this)), m_question(new QLabel(this)), m_choiceBox(new QVBoxLayout),
      m_skip(new QPushButton(tr("Skip the prediction and run"), this)), m_status(new QLabel(this)),
      m_verdict(new QLabel(this)), m_explanation(new QLabel(this)),
      m_close(new QPushButton(tr("Close"), this))
{
    setObjectName(u"scenarioPanel"_s);
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Scenario"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setObjectName(u"scenarioTitle"_s);
    m_title->setFont(big);
    m_title->setWordWrap(true);
    m_question->setObjectName(u"scenarioQuestion"_s);
    m_question->setWordWrap(true);
    m_question->setAccessibleName(tr("Scenario question"));
    m_skip->setObjectName(u"scenarioSkip"_s);
    m_skip->setToolTip(tr("Run the scenario without predicting its outcome"));
    m_skip->setAccessibleName(tr("Skip the prediction and run the scenario"));
    m_status->setObjectName(u"scenarioStatus"_s);
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Scenario progress"));
    m_verdict->setObjectName(u"scenarioVerdict"_s);
    m_verdict->setFont(big);
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_verdict->setAccessibleName(tr("Scenario verdict"));
    m_explanation->setObjectName(u"scenarioExplanation"_s);
    m_explanation->setWordWrap(true);
    m_explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_explanation->setAccessibleName(tr("Scenario explanation"));
    m_close->setObjectName(u"scenarioClose"_s);
    m_close->setToolTip(tr("Hide the scenario; its runs stay in the history"));
    m_close->setAccessibleName(tr("Close the scenario"));

    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(m_close);
    layout->addLayout(top);
    layout->addWidget(m_question);
    layout->addLayout(m_choiceBox);
    layout->addWidget(m_skip, 0, Qt::AlignLeft);
    layout->addWidget(m_status);
    layout->addWidget(m_verdict);
    layout->addWidget(m_explanation);

    connect(m_skip, &QPushButton::clicked, this, [this] { choose(std::nullopt); });
    connect(m_close, &QPushButton::clicked, this, &QWidget::hide);
}

void ScenarioPanel::ask(const Scenario &scenario)
{
    m_showsNote = false;
    m_scenario = scenario;
    m_prediction.reset();
    m_answer.clear();
    m_hasVerdict = false;
    qDeleteAll(m_choices);
    m_choices.clear();
    m_title->setText(tr("%1 — %2").arg(scenario.title, scenario.lesson));
    m_question->setText(tr("%1\nYour prediction?").arg(scenario.question));
    for (qsizetype i = 0; i < scenario.choices.size(); ++i) {
        auto *button = new QPushButton(scenario.choices.at(i), this);
        button->setObjectName(u"scenarioChoice%1"_s.arg(i));
        button->setToolTip(tr("Predict “%1”, then run the scenario").arg(scenario.choices.at(i)));
        button->setAccessibleName(tr("Predict: %1").arg(scenario.choices.at(i)));
        connect(button, &QPushButton::clicked, this, [this, i] { choose(int(i)); });
        m_choiceBox->addWidget(button);
        m_choices.append(button);
    }
    m_skip->show();
    m_status->clear();
    m_status->hide();
    m_verdict->hide();
    m_explanation->hide();
    show();
}

void ScenarioPanel::choose(std::optional<int> choice)
{
    m_prediction = choice;
    for (QPushButton *b : std::as_const(m_choices)) {
        b->setEnabled(false);
        b->setHidden(choice && b != m_choices.at(*choice));
    }
    m_skip->hide();
    if (choice)
        m_question->setText(
            tr("%1\nYour prediction: %2").arg(m_scenario.question, m_scenario.choices.at(*choice)));
    Q_EMIT predictionMade(choice);
}

void ScenarioPanel::setStatus(const QString &text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

void ScenarioPanel::showVerdict(const Verdict &verdict)
{
    m_answer = verdict.answer;
    m_hasVerdict = true;
    QString line = tr("Measured: %1").arg(verdict.answer);
    if (m_prediction) {
        line += m_scenario.choices.value(*m_prediction) == verdict.answer
                    ? tr(" — your prediction was right.")
                    : tr(" — your prediction was “%1”.").arg(m_scenario.choices.value(*m_prediction));
    }
    m_verdict->setText(line);
    QString text = verdict.explanation;
    if (!verdict.evidence.isEmpty())
        text += u"\n\n"_s + verdict.evidence.join(u'\n');
    m_explanation->setText(text);
    m_status->hide();
    m_verdict->show();
    m_explanation->show();
    show();
}

ScenarioNote ScenarioPanel::note() const
{
    return {m_title->text(), m_question->text(), m_verdict->text(), m_explanation->text()};
}

void ScenarioPanel::showNote(const ScenarioNote &note)
{
    m_showsNote = true;
    m_hasVerdict = false;
    qDeleteAll(m_choices);
    m_choices.clear();
    m_skip->hide();
    m_status->hide();
    m_title->setText(note.title);
    m_question->setText(note.question);
    m_verdict->setText(note.verdict);
    m_explanation->setText(note.explanation);
    m_verdict->show();
    m_explanation->show();
    show();
}

void ScenarioPanel::showStopped(const QString &why)
{
    m_hasVerdict = false;
    setStatus(why);
}

} // namespace wordrace
