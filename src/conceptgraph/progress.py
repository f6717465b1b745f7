"""A progress line on stderr for work that takes more than about a second.

It appears only after a second, only when stderr is a terminal, and never after
:func:`set_quiet` (the command line's ``--quiet``), so pipes and logs stay clean.

>>> with Progress("counting", total=3) as p:
...     for _ in range(3):
...         p.update()
"""

from __future__ import annotations

import sys
import threading
import time
from types import TracebackType

__all__ = ["Progress", "set_quiet", "is_quiet"]

_QUIET = False
DELAY = 1.0


def set_quiet(quiet: bool = True) -> None:
    """Silence (or allow again) every progress line of this process."""
    global _QUIET
    _QUIET = quiet


def is_quiet() -> bool:
    """Whether ``-q`` asked for silence: no progress, and no "wrote PATH" lines either."""
    return _QUIET


def _active() -> bool:
    return not _QUIET and hasattr(sys.stderr, "isatty") and sys.stderr.isatty()


class Progress:
    """``with Progress("laying out", total=n) as p: ... p.update(k)``; ``p.phase(text)``
    changes the label for work whose size is unknown."""

    def __init__(self, label: str, total: int = 0, timer: bool = True) -> None:
        """``timer=False``: no thread draws the line; :meth:`update` does, once a second has
        passed (for work that may fork, which is safe only in a process of one thread)."""
        self.label, self.total, self.done = label, total, 0
        self.shown = False
        self._start = self._last = time.monotonic()
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        self._waits = _active() and not timer  # to draw from update(), when it is time
        if _active() and timer:
            self._timer = threading.Timer(DELAY, self._draw)
            self._timer.daemon = True
            self._timer.start()

    def __enter__(self) -> Progress:
        return self

    def phase(self, label: str, total: int = 0) -> None:
        self.label, self.total, self.done = label, total, 0
        if self.shown:
            self._draw()

    def update(self, n: int = 1) -> None:
        self.done += n
        if self.shown and time.monotonic() - self._last > 0.1:
            self._draw()
        elif self._waits and not self.shown and time.monotonic() - self._start > DELAY:
            self._draw()

    def _draw(self) -> None:
        with self._lock:
            self.shown = True
            self._last = time.monotonic()
            if self.total:
                frac = min(1.0, self.done / self.total)
                bar = "#" * int(frac * 24)
                text = f"{self.label} [{bar:<24}] {frac:4.0%}"
            else:
                text = f"{self.label}..."
            sys.stderr.write(f"\r\x1b[2K{text}")
            sys.stderr.flush()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer.join()  # gone at once: a process of one thread again may fork
        if self.shown:
            with self._lock:
                sys.stderr.write("\r\x1b[2K")
                sys.stderr.flush()
