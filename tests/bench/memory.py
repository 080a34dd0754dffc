#!/usr/bin/env python3
"""Peak memory of a whole WordRace run, parent plus workers, shared pages counted once.

Usage: tests/bench/memory.py [--build DIR] [--corpus SPEC] [--interval MS] [-- extra wordrace-cli run options]
Runs wordrace-cli run --mode processes --workers 2 --corpus lesson (shared corpus), the same
with --transport pipe for contrast, with --start fork, and the whole default experiment (all three
modes).

How: while the run goes, every process of its tree (wordrace-cli and its wordrace-worker
children) is sampled from /proc/PID/smaps_rollup every INTERVAL ms (default 2):
- The run's memory, shared pages counted once: the parent's Rss plus each worker's private pages
  (Private_Clean + Private_Dirty). The parent built the corpus, so its Rss holds every corpus
  page; a worker's shared pages are those same corpus pages and libraries the parent maps too,
  so only its private pages are new. The peak of that sum is set against the corpus size
  (target: at most 1.25x). It slightly overcounts: libraries shared with the rest of the system
  are counted in full.
- Sum of Pss over the tree (each page divided among the processes mapping it) is printed too, but
  the rollups are read one process after the other while workers fault pages in, so one sample
  mixes states and this sum can exceed the true figure by up to a worker's share of the corpus.
- Private_Clean + Private_Dirty of each worker: pages only that worker maps. In shared mode a
  worker must never hold a copy of the corpus, so this must stay far below the corpus size.
- max RSS from getrusage(RUSAGE_CHILDREN), what `/usr/bin/time -v` prints: the largest single
  process's RSS, shared pages included, for comparison.
A page mapped and unmapped between two samples is missed; the corpus stays mapped for the whole
run, so its pages are not.
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time


def rollup(pid):
    """Fields of /proc/PID/smaps_rollup in bytes, or None once the process is gone."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            out = {}
            for line in f:
                parts = line.split()
                if len(parts) >= 3 and parts[-1] == "kB":
                    out[parts[0].rstrip(":")] = int(parts[1]) * 1024
            return out
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None


def children(pid):
    kids = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                kids += [int(k) for k in f.read().split()]
    except (FileNotFoundError, ProcessLookupError):
        pass
    return kids


def tree(pid):
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += children(p)
    return out


def measure(cli, args, interval):
    with tempfile.TemporaryDirectory() as tmp:
        json_path = os.path.join(tmp, "run.json")
        cmd = [cli, "run", *args, "--json", json_path]
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        peak_pss = peak_parent_rss = peak_worker_private = peak_worker_rss = peak_union = 0
        peak_pss_at = None
        samples = 0
        workers_seen = set()
        while proc.poll() is None:
            total = union = 0
            for pid in tree(proc.pid):
                r = rollup(pid)
                if r is None:
                    continue
                total += r.get("Pss", 0)
                private = r.get("Private_Clean", 0) + r.get("Private_Dirty", 0)
                if pid == proc.pid:
                    peak_parent_rss = max(peak_parent_rss, r.get("Rss", 0))
                    union += r.get("Rss", 0)
                else:
                    union += private
                    workers_seen.add(pid)
                    peak_worker_private = max(peak_worker_private, private)
                    peak_worker_rss = max(peak_worker_rss, r.get("Rss", 0))
            samples += 1
            peak_union = max(peak_union, union)
            if total > peak_pss:
                peak_pss, peak_pss_at = total, samples
            time.sleep(interval / 1000)
        err = proc.stderr.read().decode(errors="replace")
        if proc.returncode != 0:
            sys.exit(f"memory.py: {' '.join(cmd)} failed ({proc.returncode}): {err.strip()}")
        with open(json_path) as f:
            runs = json.load(f)["runs"]
    return {
        "command": " ".join(["wordrace-cli", "run", *args]),
        "corpus_bytes": runs[0]["corpus_bytes"],
        "wall_s": [r["wall_s"] for r in runs],
        "samples": samples,
        "workers_seen": len(workers_seen),
        "peak_pss": peak_pss,
        "peak_union": peak_union,
        "peak_parent_rss": peak_parent_rss,
        "peak_worker_rss": peak_worker_rss,
        "peak_worker_private": peak_worker_private,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default=None)
    ap.add_argument("--corpus", default="lesson")
    ap.add_argument("--interval", type=float, default=2.0)
    ap.add_argument("extra", nargs="*")
    a = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    build = a.build or next(
        (b for b in ("build/default", "build/dev") if os.access(os.path.join(root, b, "bin/wordrace-cli"), os.X_OK)),
        "build/default")
    cli = os.path.join(root, build, "bin/wordrace-cli")
    base = ["--workers", "2", "--corpus", a.corpus, *a.extra]
    results = [measure(cli, ["--mode", "processes"] + base + ["--transport", t], a.interval)
               for t in ("shared", "pipe")]
    # Forked workers: the corpus's pages are inherited, shared with the parent until written.
    results.append(measure(cli, ["--mode", "processes"] + base + ["--start", "fork"], a.interval))
    # The whole default experiment, every mode one after the other in one process.
    results.append(measure(cli, ["--mode", "sequential,threads,processes"] + base, a.interval))
    maxrss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    print(f"Load average: {open('/proc/loadavg').read().split()[:3]}; sampling every {a.interval} ms")
    for r in results:
        size = r["corpus_bytes"]
        mib = lambda b: f"{b / 2**20:,.1f} MiB"
        print(f"\n{r['command']}  (wall {', '.join(f'{w:.3f}' for w in r['wall_s'])} s, {r['samples']} samples, "
              f"{r['workers_seen']} workers seen)")
        print(f"  corpus                                              {mib(size)}")
        print(f"  peak of parent Rss + workers' private (shared once) {mib(r['peak_union'])}"
              f"  = {r['peak_union'] / size:.3f} x corpus"
              f"  (target <= 1.25: {'met' if r['peak_union'] <= 1.25 * size else 'MISSED'})")
        print(f"  peak sum of Pss, whole tree (skewed, see above)     {mib(r['peak_pss'])}"
              f"  = {r['peak_pss'] / size:.3f} x corpus")
        print(f"  peak Rss of the parent                              {mib(r['peak_parent_rss'])}")
        print(f"  peak Rss of one worker                              {mib(r['peak_worker_rss'])}  (shared corpus pages included)")
        print(f"  peak private memory of one worker                   {mib(r['peak_worker_private'])}  = "
              f"{r['peak_worker_private'] / size:.4f} x corpus")
    print(f"\nmax RSS of one process, getrusage (as /usr/bin/time -v): {maxrss / 2**20:,.1f} MiB")
    shared = results[0]
    if shared["peak_worker_private"] > 0.05 * shared["corpus_bytes"]:
        print("shared mode: a worker holds private memory above 5% of the corpus: a copy?")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
