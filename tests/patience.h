#pragma once

// How long a test waits for a condition before it gives up. A wait ends as soon as its condition
// holds, so the bound costs nothing when all is well; it only decides how long a broken build takes
// to fail. Tests run on shared 2-core machines, under sanitizers, beside other work: a step that
// takes 50 ms on a quiet machine can take seconds there. No test may depend on a step being quick.
constexpr int kPatienceMs = 180'000;
