"""The one way the benchmarks time a call: the median wall time of several runs (these
machines are noisy)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def timed(fn: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``repeat`` calls."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def timed_pair(ours: Callable[[], object], base: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall times of ``repeat`` calls of each, taken in turn (ours, base, ours, ...):
    a ratio of two short calls timed one after the other swings with whatever else the
    machine does meanwhile (the same query measured 1.0x and 2.7x its baseline an hour
    apart); in turn, both meet the same moments."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for fn, out in ((ours, times[0]), (base, times[1])):
            t = time.perf_counter()
            fn()
            out.append(time.perf_counter() - t)
    return statistics.median(times[0]), statistics.median(times[1])
