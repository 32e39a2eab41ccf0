"""Running one function over many reports in worker processes: how many, and how to stop them.

Used by the graph (per-report analysis) and the panel (extraction, delivery judgements). Results come
back in the order of the inputs. The first input runs in the calling process, so that it loads the word
lists once and forked workers share them; workers ignore Ctrl-C (the parent stops them at once) and die
on SIGTERM, so an interrupted run leaves no process behind.

>>> list(ordered_map(abs, [-1, 2, -3], workers=1))
[1, 2, 3]
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

from .errors import InputError

T = TypeVar("T")
R = TypeVar("R")

#: Below this many reports one process is faster than starting workers.
PARALLEL_MIN_REPORTS = 12


def cpus() -> int:
    """CPUs this process may run on (the affinity mask where the platform has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def choose_workers(n_jobs: int, workers: int | None = None) -> int:
    """Processes for ``n_jobs`` reports: ``workers`` when given, else the CPUs this process may use
    from :data:`PARALLEL_MIN_REPORTS` reports on (1 below it).

    >>> choose_workers(3), choose_workers(30, 1), choose_workers(30, 2), choose_workers(1, 4)
    (1, 1, 2, 1)
    >>> choose_workers(30) == min(cpus(), 30)
    True
    """
    if workers is not None:
        if workers < 1:
            raise InputError(f"workers must be at least 1 (got {workers})")
        return max(1, min(workers, n_jobs))
    if n_jobs < PARALLEL_MIN_REPORTS:
        return 1
    return max(1, min(cpus(), n_jobs))


def pool_context() -> Any:
    """fork where the platform has it (workers share the parent's loaded dictionaries), else the default."""
    return multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None


def worker_init() -> None:
    """In a worker: the collector on (a parent may have paused it), Ctrl-C the parent's, SIGTERM ends it."""
    gc.enable()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def stop_workers(pool: ProcessPoolExecutor) -> None:
    """Stop a pool's workers now (Ctrl-C, an error, or the caller stopped early) rather than wait for them."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14
    if terminate is not None:
        terminate()
        return
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        with contextlib.suppress(OSError, AttributeError, ValueError):
            proc.terminate()


def pool_map(func: Callable[[T], R], items: Sequence[T], processes: int) -> Iterator[R]:
    """``func`` over ``items`` in ``processes`` workers, results in input order (one item a task)."""
    pool = ProcessPoolExecutor(max_workers=processes, mp_context=pool_context(), initializer=worker_init)
    try:
        yield from pool.map(func, items, chunksize=1)
    except BaseException:
        stop_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def ordered_map(func: Callable[[T], R], items: Sequence[T], *, workers: int | None = None) -> Iterator[R]:
    """``func`` over ``items`` in input order: serially below :data:`PARALLEL_MIN_REPORTS` items (or with
    ``workers=1``), else the first item here and the rest in worker processes."""
    n = choose_workers(len(items), workers)
    if n <= 1 or len(items) < 2:
        yield from (func(item) for item in items)
        return
    yield func(items[0])
    yield from pool_map(func, items[1:], n)
