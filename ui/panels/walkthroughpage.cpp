#include "panels/walkthroughpage.h"

#include "charts/theme.h"
#include "panels/resultspane.h"
#include "panels/resulttableview.h"

#include <QChartView>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

QFont pixelFont(const QFont &base, int px, bool bold = false)
{
    QFont f = base;
    f.setPixelSize(px);
    f.setBold(bold);
    return f;
}

// "The class said: threads (2 votes), sequential (1 vote). Measured: threads." Most votes first.
QString classSaid(const QStringList &choices, const QList<int> &tally, const QString &answer)
{
    QList<qsizetype> order;
    for (qsizetype i = 0; i < tally.size() && i < choices.size(); ++i)
        if (tally.at(i) > 0)
            order.append(i);
    if (order.isEmpty())
        return {};
    std::stable_sort(order.begin(), order.end(),
                     [&](qsizetype a, qsizetype b) { return tally.at(a) > tally.at(b); });
    QStringList parts;
    for (qsizetype i : std::as_const(order))
        parts << (tally.at(i) == 1
                      ? WalkthroughPage::tr("%1 (1 vote)").arg(choices.at(i))
                      : WalkthroughPage::tr("%1 (%2 votes)").arg(choices.at(i)).arg(tally.at(i)));
    const bool listed = choices.contains(answer);
    return listed ? WalkthroughPage::tr("The class said: %1. Measured: %2.").arg(parts.join(u", "_s), answer)
                  : WalkthroughPage::tr("The class said: %1.").arg(parts.join(u", "_s));
}

} // namespace

WalkthroughPage::WalkthroughPage(QWidget *parent)
    : QWidget(parent), m_stepLabel(new QLabel(this)), m_question(new QLabel(this)),
      m_choices(new QWidget(this)), m_choiceGrid(new QGridLayout(m_choices)), m_classSaid(new QLabel(this)),
      m_headline(new QLabel(this)), m_status(new QLabel(this)), m_pane(new ResultsPane(this)),
      m_detailsButton(new QPushButton(tr("Details (D)"), this)), m_details(new QLabel(this)),
      m_hint(new QLabel(this)), m_blank(new QWidget(this))
{
    setObjectName(u"walkthrough"_s);
    setAccessibleName(tr("Lesson walkthrough"));
    setFocusPolicy(Qt::StrongFocus);
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, Qt::white);
    pal.setColor(QPalette::WindowText, Qt::black);
    setPalette(pal);

    m_stepLabel->setObjectName(u"walkthroughStep"_s);
    m_question->setObjectName(u"walkthroughQuestion"_s);
    m_question->setWordWrap(true);
    m_choices->setObjectName(u"walkthroughChoices"_s);
    m_classSaid->setObjectName(u"walkthroughClassSaid"_s);
    m_classSaid->setWordWrap(true);
    m_headline->setObjectName(u"walkthroughHeadline"_s);
    m_headline->setWordWrap(true);
    m_headline->setAccessibleName(tr("Measured answer"));
    m_status->setObjectName(u"walkthroughStatus"_s);
    m_status->setWordWrap(true);
    m_pane->setObjectName(u"walkthroughPane"_s);
    m_pane->setCompact(false);
    // The class reads the headline; what ran, on which corpus, is in the details.
    m_pane->setHeadingVisible(false);
    m_pane->overheadView()->hide();
    m_pane->table()->hide();
    m_detailsButton->setObjectName(u"walkthroughDetailsButton"_s);
    m_detailsButton->setFocusPolicy(Qt::NoFocus);
    m_detailsButton->setCheckable(true);
    m_detailsButton->setToolTip(tr("The measured numbers behind the answer (D)"));
    m_details->setObjectName(u"walkthroughDetails"_s);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hint->setObjectName(u"walkthroughHint"_s);
    m_hint->setWordWrap(true);
    m_blank->setObjectName(u"walkthroughBlank"_s);
    m_blank->setAutoFillBackground(true);
    QPalette black = m_blank->palette();
    black.setColor(QPalette::Window, Qt::black);
    m_blank->setPalette(black);
    m_blank->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(40, 24, 40, 24);
    layout->addWidget(m_stepLabel);
    layout->addWidget(m_question);
    layout->addWidget(m_choices);
    layout->addWidget(m_classSaid);
    layout->addWidget(m_headline);
    layout->addWidget(m_status);
    layout->addWidget(m_pane, 1);
    layout->addWidget(m_detailsButton, 0, Qt::AlignLeft);
    layout->addWidget(m_details);
    layout->addStretch(0);
    layout->addWidget(m_hint);
    connect(m_detailsButton, &QPushButton::toggled, m_details, &QLabel::setVisible);
    applySizes();
}

int WalkthroughPage::basePx() const
{
    // 24 px at 1080 lines, in proportion elsewhere: a 768-line projector gets 17, a 2160-line
    // screen at scale 1 gets 48.
    // The window's height, as presentation mode sizes every other text by it.
    return Theme::presentationPx(window()->height() > 0 ? window()->height() : 1080);
}

void WalkthroughPage::applySizes()
{
    const int base = basePx();
    const QFont f = font();
    m_stepLabel->setFont(pixelFont(f, base));
    m_question->setFont(pixelFont(f, base * 2, true));
    for (QLabel *l : std::as_const(m_choiceLabels))
        l->setFont(pixelFont(f, base * 3 / 2));
    for (QProgressBar *b : std::as_const(m_bars)) {
        b->setFont(pixelFont(f, base * 3 / 2, true));
        b->setMinimumHeight(base * 2);
    }
    m_classSaid->setFont(pixelFont(f, base * 3 / 2));
    m_headline->setFont(pixelFont(f, base * 2, true));
    m_status->setFont(pixelFont(f, base));
    m_detailsButton->setFont(pixelFont(f, base));
    m_details->setFont(pixelFont(f, base));
    m_hint->setFont(pixelFont(f, base));
    if (base != m_themeBase) {
        m_themeBase = base;
        m_pane->setTheme(Theme::projector(base));
    }
}

void WalkthroughPage::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_blank->setGeometry(rect());
    applySizes();
}

void WalkthroughPage::rebuildChoices(const Walkthrough &walkthrough)
{
    qDeleteAll(m_choiceLabels);
    qDeleteAll(m_bars);
    m_choiceLabels.clear();
    m_bars.clear();
    const QStringList &choices = walkthrough.scenario().choices;
    for (qsizetype i = 0; i < choices.size(); ++i) {
        auto *label = new QLabel(u"%1   %2"_s.arg(i + 1).arg(choices.at(i)), m_choices);
        label->setObjectName(u"walkthroughChoice%1"_s.arg(i));
        label->setWordWrap(true);
        label->setToolTip(tr("Press %1 (or click) for a vote for this answer").arg(i + 1));
        auto *bar = new QProgressBar(m_choices);
        bar->setObjectName(u"walkthroughTally%1"_s.arg(i));
        bar->setTextVisible(true);
        bar->setFormat(u"%v"_s);
        bar->setAccessibleName(tr("Votes for %1").arg(choices.at(i)));
        // A click votes, as the key does.
        label->installEventFilter(this);
        label->setProperty("choice", int(i));
        bar->installEventFilter(this);
        bar->setProperty("choice", int(i));
        m_choiceGrid->addWidget(label, int(i), 0);
        m_choiceGrid->addWidget(bar, int(i), 1);
        m_choiceLabels.append(label);
        m_bars.append(bar);
    }
    m_choiceGrid->setColumnStretch(0, 3);
    m_choiceGrid->setColumnStretch(1, 2);
    applySizes();
}

void WalkthroughPage::present(const Walkthrough &walkthrough)
{
    if (walkthrough.stepCount() == 0)
        return;
    const Scenario &s = walkthrough.scenario();
    const QString stepKey = u"%1/%2"_s.arg(walkthrough.step()).arg(s.id);
    if (stepKey != m_shownStep) {
        m_shownStep = stepKey;
        rebuildChoices(walkthrough);
        m_pane->showEntry(nullptr);
        m_detailsButton->setChecked(false);
    }
    m_stepLabel->setText(
        tr("Step %1 of %2 · %3").arg(walkthrough.step() + 1).arg(walkthrough.stepCount()).arg(s.title));
    m_question->setText(s.question);
    const QList<int> tally = walkthrough.tally();
    const int most = std::max(1, tally.isEmpty() ? 1 : *std::max_element(tally.cbegin(), tally.cend()));
    for (qsizetype i = 0; i < m_bars.size(); ++i) {
        m_bars[i]->setRange(0, most);
        m_bars[i]->setValue(tally.value(i));
    }
    const auto phase = walkthrough.phase();
    const auto verdict = walkthrough.verdict();
    const bool reveal = phase == Walkthrough::Phase::Reveal && verdict;
    // At the reveal the chart needs the room the choices took: one line says what the class said.
    m_choices->setVisible(phase == Walkthrough::Phase::Question);
    m_classSaid->setVisible(reveal && !m_classSaid->text().isEmpty());
    m_headline->setVisible(reveal);
    m_pane->setVisible(phase != Walkthrough::Phase::Question);
    m_pane->chartView()->setVisible(reveal);
    m_detailsButton->setVisible(reveal);
    m_details->setVisible(reveal && m_detailsButton->isChecked());
    m_status->setVisible(phase == Walkthrough::Phase::Running && !m_status->text().isEmpty());
    if (reveal) {
        m_headline->setText(verdict->headline.isEmpty() ? verdict->answer : verdict->headline);
        int votes = 0, right = 0;
        for (qsizetype i = 0; i < tally.size(); ++i) {
            votes += tally.at(i);
            if (s.choices.value(i) == verdict->answer)
                right += tally.at(i);
        }
        QString details = m_pane->headingText() + u"\n"_s + verdict->explanation;
        if (!verdict->evidence.isEmpty())
            details += u"\n"_s + verdict->evidence.join(u" · "_s);
        if (votes > 0)
            details += u"\n"_s + tr("The class predicted it %1 of %2 times.").arg(right).arg(votes);
        m_details->setText(details);
        m_classSaid->setText(classSaid(s.choices, tally, verdict->answer));
        m_classSaid->setVisible(!m_classSaid->text().isEmpty());
    }
    switch (phase) {
    case Walkthrough::Phase::Question:
        m_hint->setText(
            tr("Vote: keys 1–%1 or click an answer · PageDown: run it · PageUp: back · B: blank · "
               "Esc: leave")
                .arg(s.choices.size()));
        break;
    case Walkthrough::Phase::Running:
        m_hint->setText(tr("Running… Esc cancels"));
        break;
    case Walkthrough::Phase::Reveal:
        m_hint->setText(walkthrough.step() + 1 < walkthrough.stepCount()
                            ? tr("PageDown: next step · PageUp: the question again · D: details · Esc: leave")
                            : tr("The last step · PageUp: the question again · D: details · Esc: leave"));
        break;
    }
}

void WalkthroughPage::setStatus(const QString &text)
{
    m_status->setText(text);
}

bool WalkthroughPage::isBlank() const
{
    return m_blank->isVisible();
}

void WalkthroughPage::setBlank(bool blank)
{
    m_blank->setGeometry(rect());
    m_blank->setVisible(blank);
    if (blank)
        m_blank->raise();
}

bool WalkthroughPage::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::MouseButtonRelease && watched->property("choice").isValid()) {
        Q_EMIT voteRequested(watched->property("choice").toInt());
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void WalkthroughPage::keyPressEvent(QKeyEvent *event)
{
    const int key = event->key();
    // Any key brings a blanked screen back, as presentation programs do.
    if (isBlank() && key != Qt::Key_Escape) {
        setBlank(false);
        return;
    }
    switch (key) {
    case Qt::Key_PageDown:
    case Qt::Key_Right:
    case Qt::Key_Space:
    case Qt::Key_Down:
        Q_EMIT forwardRequested();
        return;
    case Qt::Key_PageUp:
    case Qt::Key_Left:
    case Qt::Key_Up:
    case Qt::Key_Backspace:
        Q_EMIT backRequested();
        return;
    case Qt::Key_B:
    case Qt::Key_Period:
        setBlank(true);
        return;
    case Qt::Key_D:
        if (m_detailsButton->isVisible())
            m_detailsButton->toggle();
        return;
    case Qt::Key_Escape:
        if (isBlank())
            setBlank(false);
        else
            Q_EMIT leaveRequested();
        return;
    default:
        break;
    }
    if (key >= Qt::Key_1 && key <= Qt::Key_9) {
        Q_EMIT voteRequested(key - Qt::Key_1);
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace wordrace
