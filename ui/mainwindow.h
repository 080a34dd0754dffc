#pragma once

#include "experiment.h"
#include "runresult.h"

#include <QMainWindow>

class QPlainTextEdit;
class QPushButton;

namespace wordrace {

class Runner;

// Placeholder main window: runs the lesson's experiment and shows the table. The full desktop
// app replaces it.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    void runExperiment();

private:
    Runner *m_runner;
    Experiment m_experiment;
    QList<RunResult> m_results;
    QPushButton *m_runButton;
    QPlainTextEdit *m_output;
};

} // namespace wordrace
