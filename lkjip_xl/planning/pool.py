"""Run one function over many items in worker processes, with a progress bar on stderr
(`progress.py`).

The function must catch its own errors and return a result for every item (the batch functions
of this package do). A worker process that dies outright (killed, out of memory, a crash in C
code) breaks the pool; the items it left unfinished are then run again one per fresh process, so
only the item that really kills its process gets the `on_crash` result and the others complete.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from lkjip_xl.planning.progress import ProgressBar

T = TypeVar("T")
R = TypeVar("R")


def default_jobs() -> int:
    """Every core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def progress_bar(total: int, label: str, show: bool = True) -> ProgressBar:
    """The batch commands' bar for one long piece of work counted in `total` steps (`step()`,
    then `close()`): on stderr, and only when stderr is a terminal."""
    return ProgressBar(total, label, show)


def run_pool(fn: Callable[[T], R], items: Sequence[T], *, jobs: int | None = None,
             label: str = "", progress: bool = True,
             on_crash: Callable[[T, BaseException], R]) -> list[R]:
    """[fn(item) for item in items], computed by `jobs` processes (1: in this process)."""
    n = len(items)
    jobs = default_jobs() if jobs is None or jobs < 1 else jobs
    out: list[Any] = [None] * n
    bar = ProgressBar(n, label, progress)
    try:
        if jobs == 1 or n <= 1:
            for i, item in enumerate(items):
                out[i] = fn(item)
                bar.step()
            return out
        broken: list[int] = []
        with ProcessPoolExecutor(max_workers=min(jobs, n)) as pool:
            futures: dict[Future[R], int] = {pool.submit(fn, item): i
                                             for i, item in enumerate(items)}
            for fut in _as_completed(futures):
                i = futures[fut]
                try:
                    out[i] = fut.result()
                    bar.step()
                except BrokenProcessPool:
                    broken.append(i)
                except Exception as exc:  # fn raised despite its contract
                    out[i] = on_crash(items[i], exc)
                    bar.step()
        for i in sorted(broken):  # isolate: one fresh process per unfinished item
            out[i] = _alone(fn, items[i], on_crash)
            bar.step()
        return out
    finally:
        bar.close()


def _as_completed(futures: dict[Future[R], int]) -> Any:
    from concurrent.futures import as_completed

    return as_completed(futures)


def _alone(fn: Callable[[T], R], item: T, on_crash: Callable[[T, BaseException], R]) -> R:
    try:
        with ProcessPoolExecutor(max_workers=1) as pool:
            return pool.submit(fn, item).result()
    except Exception as exc:  # BrokenProcessPool: this very item kills its process
        return on_crash(item, exc)


__all__ = ["run_pool", "default_jobs", "progress_bar"]
