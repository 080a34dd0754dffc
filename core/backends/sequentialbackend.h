#pragma once

#include "backends/backend.h"

namespace wordrace {

// One loop over the tasks on the calling (engine) thread: the lesson's sequential_word_count.
class SequentialBackend : public Backend
{
public:
    Mode mode() const override { return Mode::Sequential; }
    BackendOutcome run(const RunContext &context) override;
};

} // namespace wordrace
