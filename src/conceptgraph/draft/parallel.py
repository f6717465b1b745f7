"""A long thread read in two halves at once, one in a second process, where the
machine has a second core: the passes whose messages are read each on its own (the
language of each and the words it holds up, the candidate terms each holds, the
findings of its sentences), before the pass that reads them in order. The halves'
results come back in the thread's order, so what is drafted is the same as when one
process reads it all. A long draft is also checked in a second process while its text
is written (:func:`at_once`).

>>> in_halves(sum, [1, 2, 3, 4], at_least=1000)  # a short list: read here, in one part
[10]
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from typing import Any, Protocol, TypeVar

__all__ = ["in_halves", "halves", "at_once", "AT_LEAST", "Counts"]

T = TypeVar("T")
R = TypeVar("R")
S = TypeVar("S")

#: Threads shorter than this are read in one process: starting a second costs more than it saves.
AT_LEAST = 2000


def _can_fork() -> bool:
    # A forked child starts at once with the parent's loaded dictionaries and language
    # model; forking is safe only on Linux and while this process runs a single thread.
    return sys.platform == "linux" and (os.cpu_count() or 1) > 1 and threading.active_count() == 1


def in_halves(read: Callable[..., R], items: Sequence[T], *args: Any, progress: Counts | None = None,
              at_least: int | None = None) -> list[R]:
    """``[read(first half, *args), read(second half, *args)]``, the second half read in a
    forked process while this one reads the first; ``[read(items, *args)]`` when there
    are fewer than ``at_least`` items (default :data:`AT_LEAST`) or no second core.
    ``read``'s result must be picklable. With ``progress``, ``read`` is also given
    ``progress=``, to update once an item, here (where the half read here counts for
    both)."""
    return list(halves(read, items, *args, progress=progress, at_least=at_least))


def halves(read: Callable[..., R], items: Sequence[T], *args: Any, progress: Counts | None = None,
           at_least: int | None = None) -> Iterator[R]:
    """:func:`in_halves`'s parts one at a time: the first as soon as it is read here, the
    second when asked for, so that what uses the first goes on while the other process
    still reads (or pickles) the second.

    >>> [sorted(part) for part in halves(sorted, [3, 1, 2], at_least=1000)]
    [[1, 2, 3]]
    """
    extra = {} if progress is None else {"progress": progress}
    if len(items) < (AT_LEAST if at_least is None else at_least) or not _can_fork():
        yield read(items, *args, **extra)
        return
    half = len(items) // 2
    with _elsewhere(partial(read, items[half:], *args)) as second:
        yield read(items[:half], *args, **({} if progress is None else {"progress": _Twice(progress)}))
        rest = second()
    yield rest


def at_once(here: Callable[[], R], there: Callable[[], S]) -> tuple[R, S]:
    """``(here(), there())``, ``there`` called in a forked process while this one calls
    ``here``, where the machine allows it (else one after the other, here).

    >>> at_once(lambda: "here", lambda: "there")
    ('here', 'there')
    """
    if not _can_fork():
        return here(), there()
    with _elsewhere(there) as result:
        return here(), result()


@contextmanager
def _elsewhere(there: Callable[[], S]) -> Iterator[Callable[[], S]]:
    """Call ``there`` in a forked process; yields what waits for its result. ``there``
    is inherited by that process, never pickled (a closure over a large dataset or half
    a thread costs nothing to hand over); only its result is. Should the other process
    be killed (out of memory), ``there`` is called here instead."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    global _inherited
    _inherited = there
    try:
        # with "fork", the executor forks its process at the first submit, so it has _inherited
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"), initializer=_die_with,
                                 initargs=(os.getpid(),)) as pool:
            later = pool.submit(_call_inherited)

            def result() -> S:
                try:
                    return later.result()  # type: ignore[no-any-return]
                except BrokenProcessPool:
                    return there()

            yield result
    finally:
        _inherited = None


_inherited: Callable[[], Any] | None = None


def _die_with(parent: int) -> None:
    """In the forked process: end with the one that forked it. Killed outright (kill -9,
    out of memory), that one leaves this one waiting on its pipe for ever, holding the
    terminal or a caller's pipe open; and a SIGTERM, whose handler it inherited, ends it."""
    import ctypes
    import signal

    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # it was gone before the line above
        os._exit(1)


def _call_inherited() -> Any:
    assert _inherited is not None
    return _inherited()


class Counts(Protocol):
    """What reads a thread's items tells of its progress: :class:`conceptgraph.progress.Progress`."""

    def update(self, n: int = 1) -> None: ...


class _Twice:
    """A progress that counts each item twice: the other half goes as fast."""

    def __init__(self, progress: Counts) -> None:
        self.progress = progress

    def update(self, n: int = 1) -> None:
        self.progress.update(2 * n)
