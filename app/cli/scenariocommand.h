#pragma once

#include <QStringList>

namespace wordrace {

// `wordrace-cli scenario [NAME] [--predict N] [--json FILE|-]`: lists the lesson's scenarios, or
// runs one, asks for (or takes) a prediction, and prints a verdict written from the measurements.
class ScenarioCommand
{
public:
    static int exec(const QStringList &arguments);
};

} // namespace wordrace
