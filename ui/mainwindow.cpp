#include "mainwindow.h"

#include "resulttable.h"
#include "runner.h"

#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wordrace {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_runner(new Runner(this)), m_runButton(new QPushButton(tr("Run"), this)),
      m_output(new QPlainTextEdit(this))
{
    setWindowTitle(tr("WordRace — %1").arg(m_experiment.corpus.displayName()));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_runButton);
    layout->addWidget(m_output);
    m_output->setReadOnly(true);
    m_output->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setCentralWidget(central);
    resize(900, 400);
    connect(m_runButton, &QPushButton::clicked, this, &MainWindow::runExperiment);
    connect(m_runner, &Runner::runFinished, this, [this](quint64 job, const RunResult &r) {
        if (job != m_runner->currentJob())
            return;
        m_results.append(r);
        m_output->setPlainText(ResultTable::text(m_results));
    });
    connect(m_runner, &Runner::runFailed, this,
            [this](quint64, const QString &why) { m_output->appendPlainText(tr("Failed: %1").arg(why)); });
    connect(m_runner, &Runner::experimentFinished, this, [this] { m_runButton->setEnabled(true); });
}

void MainWindow::runExperiment()
{
    m_results.clear();
    m_output->setPlainText(tr("Running…"));
    m_runButton->setEnabled(false);
    m_runner->start(m_experiment);
}

} // namespace wordrace
