#pragma once

#include "backends/backend.h"
#include "model/experiment.h"
#include "model/runresult.h"

#include <QString>

#include <memory>

namespace wordrace {

// The one place that knows every concrete backend: the Runner, the tests and the benchmarks ask
// it for a mode's backend and see only the Backend interface.
class BackendFactory
{
public:
    static std::unique_ptr<Backend> create(Mode mode);
    // Why a mode of the experiment cannot start, before any corpus is built: a missing worker
    // program or MPI. Empty when every mode can.
    static QString missingProgram(const Experiment &experiment);
    // Why a mode of the experiment is refused on this machine (the CPython modes without
    // python3): the user's choice cannot run here, as bad input is (exit 2). Empty when none is.
    static QString refusedMode(const Experiment &experiment);
};

} // namespace wordrace
