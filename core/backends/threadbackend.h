#pragma once

#include "backends/backend.h"

namespace wordrace {

// A QThreadPool of its own with N threads; each thread takes the next task as it frees up
// (dynamic scheduling, like Pool.map's chunks).
class ThreadBackend : public Backend
{
public:
    Mode mode() const override { return Mode::Threads; }
    BackendOutcome run(const RunContext &context) override;
};

} // namespace wordrace
