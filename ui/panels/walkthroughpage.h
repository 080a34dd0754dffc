#pragma once

#include "analysis/walkthrough.h"

#include <QList>
#include <QWidget>

class QGridLayout;
class QLabel;
class QProgressBar;
class QPushButton;

namespace wordrace {

class ResultsPane;
struct Theme;

// One step of the lesson walkthrough on the whole window, in type a class reads from the back row:
// the question with a tally of the class's predictions, the run with its live timeline, then the
// measured answer in one line above its chart, the details a click away. Driven by what
// presenters hold: a clicker's PageDown/PageUp (Right/Left, Space), keys 1-9 to vote, B or '.' to
// blank the screen, D for the details, Esc to leave.
class WalkthroughPage : public QWidget
{
    Q_OBJECT
public:
    explicit WalkthroughPage(QWidget *parent = nullptr);

    // Shows the walkthrough where it is.
    void present(const Walkthrough &walkthrough);
    void setStatus(const QString &text);
    ResultsPane *pane() const { return m_pane; }
    bool isBlank() const;
    void setBlank(bool blank);
    // Text size of the smallest text on the page, in pixels: at least 24 at 1080 pixels of height.
    int basePx() const;

Q_SIGNALS:
    void forwardRequested();
    void backRequested();
    void voteRequested(int choice);
    void leaveRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void rebuildChoices(const Walkthrough &walkthrough);
    void applySizes();

    QLabel *m_stepLabel;
    QLabel *m_question;
    QWidget *m_choices;
    QGridLayout *m_choiceGrid;
    QList<QLabel *> m_choiceLabels;
    QList<QProgressBar *> m_bars;
    QLabel *m_classSaid;
    QLabel *m_headline;
    QLabel *m_status;
    ResultsPane *m_pane;
    QPushButton *m_detailsButton;
    QLabel *m_details;
    QLabel *m_hint;
    QWidget *m_blank;
    QString m_shownStep; // the step whose choices are built
    int m_themeBase = 0; // the text size the pane's charts are drawn for
};

} // namespace wordrace
