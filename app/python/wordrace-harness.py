#!/usr/bin/env python3
"""WordRace's CPython harness: the lesson's own word counting, run in this interpreter and timed
the way WordRace times its C++ engines, so both share one timeline.

Standard library only. WordRace starts it as

    python3 wordrace-harness.py --kind sequential|threads|processes --workers N
        [--spawn pool|per-task] [--start default|fork|spawn|forkserver] --corpus PATH

and writes the tasks on its standard input, one "BEGIN END" byte range per line. It answers on its
standard output, one record per line (every time is CLOCK_MONOTONIC in nanoseconds, the clock of
WordRace's engines; CPU in microseconds):

    B T0                        the timed interval starts (the lesson's %time starts here)
    M METHOD                    processes: the start method the pool used
    W SLOT NAME                 worker SLOT is NAME
    T INDEX SLOT START END CPU_NS WORDS BYTES GAP_NS
                                task INDEX ran on SLOT; GAP_NS: for processes, the worker's time
                                since its previous task (receiving and unpickling this one)
    E END PARENT_USER PARENT_SYS WORKERS_USER WORKERS_SYS STARTUP_NS
    X MESSAGE                   the run failed (an exception); the exit status is 1
"""

import argparse
import multiprocessing
import os
import resource
import signal
import sys
import threading
import time
import traceback


# The lesson's functions, as the lesson writes them.
def word_count(string):
    return len(string.split())


def sequential_word_count(strings):
    return sum([word_count(string) for string in strings])


def emit(line):
    sys.stdout.write(line + "\n")


def cpu_us(usage):
    return int(usage.ru_utime * 1e6), int(usage.ru_stime * 1e6)


def die_with_parent():
    """A worker goes when its parent goes, even when the parent is killed outright."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


# --- processes: what runs in a pool worker ------------------------------------------------------

_ready_ns = 0
_last_end_ns = 0


def _pool_worker_ready():
    global _ready_ns, _last_end_ns
    die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    _ready_ns = time.monotonic_ns()
    _last_end_ns = _ready_ns


def _pool_count(item):
    """One task in a pool worker: its lines counted, and when, and the worker's CPU so far."""
    global _last_end_ns
    index, lines = item
    start = time.monotonic_ns()
    c0 = time.thread_time_ns()
    words = sequential_word_count(lines)
    cpu = time.thread_time_ns() - c0
    end = time.monotonic_ns()
    gap = start - _last_end_ns
    _last_end_ns = end
    user, system = cpu_us(resource.getrusage(resource.RUSAGE_SELF))
    return index, os.getpid(), _ready_ns, start, end, cpu, words, gap, user, system


# --- the parent ---------------------------------------------------------------------------------


def read_tasks(corpus_path):
    """The tasks WordRace planned, as lists of lines (the strings the lesson counts)."""
    with open(corpus_path, "rb") as f:
        data = f.read()
    tasks = []
    for line in sys.stdin:
        begin, end = (int(x) for x in line.split())
        if not 0 <= begin <= end <= len(data):
            raise ValueError("task %d..%d lies outside the corpus of %d bytes" % (begin, end, len(data)))
        # Invalid UTF-8 becomes lone surrogates, as WordRace's engines read it: counted, never lost.
        text = data[begin:end].decode("utf-8", "surrogateescape")
        tasks.append((end - begin, text.split("\n")))
    return tasks


def run_sequential(tasks):
    emit("W 0 %s" % ("CPython main thread, PID %d" % os.getpid()))
    for index, (size, lines) in enumerate(tasks):
        start = time.monotonic_ns()
        c0 = time.thread_time_ns()
        words = sequential_word_count(lines)
        cpu = time.thread_time_ns() - c0
        emit("T %d 0 %d %d %d %d %d 0" % (index, start, time.monotonic_ns(), cpu, words, size))
    return 0, 0, 0


def run_threads(tasks, workers, per_task):
    """threading.Thread over the tasks: a pool of `workers` threads, or (per task) the lesson's
    concurrent_word_count, a new thread for every string, at most `workers` at a time."""
    lock = threading.Lock()
    out_lock = threading.Lock()
    next_task = [0]
    thread_cpu = [0]
    started = []

    def count(index, slot):
        size, lines = tasks[index]
        start = time.monotonic_ns()
        c0 = time.thread_time_ns()
        words = sequential_word_count(lines)
        cpu = time.thread_time_ns() - c0
        end = time.monotonic_ns()
        with out_lock:
            thread_cpu[0] += cpu
            emit("T %d %d %d %d %d %d %d 0" % (index, slot, start, end, cpu, words, size))

    def pool_thread(slot):
        with out_lock:
            started.append(time.monotonic_ns())
            emit("W %d CPython thread %d" % (slot, threading.get_native_id()))
        while True:
            with lock:
                index = next_task[0]
                next_task[0] += 1
            if index >= len(tasks):
                return
            count(index, slot)

    t0 = time.monotonic_ns()
    if not per_task:
        threads = [threading.Thread(target=pool_thread, args=(slot,)) for slot in range(workers)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return (max(started) - t0 if started else 0), thread_cpu[0], 0

    slots = list(range(workers))
    free = threading.Condition()
    creation = [0]
    for slot in range(workers):
        emit("W %d slot %d (a new CPython thread per string)" % (slot, slot))
    running = []

    def one(index, slot, spawned):
        began = time.monotonic_ns()
        count(index, slot)
        with free:
            creation[0] += began - spawned
            slots.append(slot)
            free.notify()

    for index in range(len(tasks)):
        with free:
            while not slots:
                free.wait()
            slot = slots.pop(0)
        t = threading.Thread(target=one, args=(index, slot, time.monotonic_ns()))
        t.start()
        running.append(t)
    for t in running:
        t.join()
    return creation[0], thread_cpu[0], 0


def run_processes(tasks, workers, start_method):
    """multiprocessing.Pool(workers).map over the tasks, as the lesson's parallel_word_count, with
    chunksize 1 so that every task is timed; imap hands each result back as it comes."""
    context = multiprocessing.get_context(None if start_method == "default" else start_method)
    emit("M %s" % context.get_start_method())
    children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic_ns()
    slots = {}
    last = {}  # the latest CPU each worker reported, by PID
    ready = {}
    items = [(index, lines) for index, (_, lines) in enumerate(tasks)]
    with context.Pool(processes=workers, initializer=_pool_worker_ready) as pool:
        for index, pid, ready_ns, start, end, cpu, words, gap, user, system in pool.imap(
            _pool_count, items, chunksize=1
        ):
            slot = slots.get(pid)
            if slot is None:
                slot = slots[pid] = len(slots)
                ready[pid] = ready_ns
                emit("W %d CPython process %d" % (slot, pid))
            last[pid] = (user, system)
            emit("T %d %d %d %d %d %d %d %d" % (index, slot, start, end, cpu, words, tasks[index][0], gap))
        pool.close()
        pool.join()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    reaped_user = int((children.ru_utime - children_before.ru_utime) * 1e6)
    reaped_sys = int((children.ru_stime - children_before.ru_stime) * 1e6)
    # Reaped children are exact (fork, spawn); a forkserver's workers are not ours to reap, so
    # then the CPU each worker reported with its last task stands in.
    reported_user = sum(u for u, _ in last.values())
    reported_sys = sum(s for _, s in last.values())
    startup = max(ready.values()) - t0 if ready else 0
    if reaped_user + reaped_sys >= reported_user + reported_sys:
        return startup, reaped_user, reaped_sys
    return startup, reported_user, reported_sys


def main():
    parser = argparse.ArgumentParser(description="WordRace's CPython harness (started by WordRace)")
    parser.add_argument("--kind", choices=["sequential", "threads", "processes"], required=True)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--spawn", choices=["pool", "per-task"], default="pool")
    parser.add_argument("--start", choices=["default", "fork", "spawn", "forkserver"], default="default")
    parser.add_argument("--corpus", required=True)
    args = parser.parse_args()
    die_with_parent()
    try:
        tasks = read_tasks(args.corpus)
        sys.stdout.flush()
        before = resource.getrusage(resource.RUSAGE_SELF)
        t0 = time.monotonic_ns()
        emit("B %d" % t0)
        if args.kind == "sequential":
            startup, workers_user, workers_sys = run_sequential(tasks)
        elif args.kind == "threads":
            startup, thread_cpu_ns, _ = run_threads(tasks, max(1, args.workers), args.spawn == "per-task")
            workers_user, workers_sys = thread_cpu_ns // 1000, 0
        else:
            startup, workers_user, workers_sys = run_processes(tasks, max(1, args.workers), args.start)
        end = time.monotonic_ns()
        after = resource.getrusage(resource.RUSAGE_SELF)
        user = int((after.ru_utime - before.ru_utime) * 1e6)
        system = int((after.ru_stime - before.ru_stime) * 1e6)
        emit("E %d %d %d %d %d %d" % (end, user, system, workers_user, workers_sys, startup))
        sys.stdout.flush()
        return 0
    except Exception as error:  # the run fails with the message, and the trace for the curious
        traceback.print_exc(file=sys.stderr)
        message = ("%s: %s" % (type(error).__name__, error)).replace("\n", " ")
        emit("X " + message)
        sys.stdout.flush()
        return 1


if __name__ == "__main__":
    sys.exit(main())
