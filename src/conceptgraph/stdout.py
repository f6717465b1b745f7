"""Standard output, every byte checked: a short write is continued, a failure is an
:class:`~conceptgraph.errors.OutputError` (exit 6), never a silent truncation (a full
disk under ``> file`` gives an error, never a cut-off file). Apart from
:mod:`conceptgraph.files`, so that ``--help`` loads no more than this.

>>> write_stdout(b"hello\\n")
hello
"""

from __future__ import annotations

import io
import os
import select
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, cast

from .errors import OutputError

__all__ = ["write_stdout", "stdout_stream", "guard_stdout"]


class _Stdout(io.RawIOBase):
    """Standard output, written to its descriptor until every byte is out: a short write
    is continued, an error is an :class:`OutputError`. After a failure, later writes
    are dropped, so that flushing at exit does not fail a second time."""

    def __init__(self, stream: IO[str] | None) -> None:
        super().__init__()
        if stream is None:
            raise OutputError("standard output is closed")
        try:
            stream.flush()  # what was printed before comes first
        except OSError as e:
            raise OutputError(f"standard output: cannot write: {e.strerror or e}") from None
        self.fd: int | None
        try:
            self.fd = stream.fileno()
        except (AttributeError, OSError, ValueError):
            self.fd = None  # a stream in memory (a test, a notebook): written through its own methods
        self.stream = stream
        self.failed = False

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        if self.fd is None:
            raise io.UnsupportedOperation("fileno")
        return self.fd

    def isatty(self) -> bool:  # a terminal stays one once guarded: tables fit its width
        return self.fd is not None and os.isatty(self.fd)

    def write(self, b: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(b).cast("B")
        if self.failed:
            return len(view)
        try:
            done = 0
            while done < len(view):
                n = self._write_some(view[done:])
                if n is None and self.fd is not None:  # would block: a non-blocking descriptor
                    select.select([], [self.fd], [])
                    continue
                if not n or n < 0:
                    raise OutputError("standard output: cannot write: nothing was written")
                done += n
        except BrokenPipeError:
            self.failed = True
            raise
        except OutputError:
            self.failed = True
            raise
        except OSError as e:
            self.failed = True
            raise OutputError(f"standard output: cannot write: {e.strerror or e}") from None
        return done

    def _write_some(self, view: memoryview) -> int | None:
        if self.fd is not None:
            try:
                return os.write(self.fd, view)
            except BlockingIOError:
                return None
        buffer = getattr(self.stream, "buffer", None)
        if buffer is not None:
            n = buffer.write(view)
            buffer.flush()
            return len(view) if n is None else int(n)
        self.stream.write(bytes(view).decode("utf-8", "replace"))
        self.stream.flush()
        return len(view)


@contextmanager
def stdout_stream() -> Iterator[IO[bytes]]:
    """Standard output as a buffered binary stream whose every write is checked, for a
    document written piece by piece (an export with ``-o -``); flushed at the end."""
    raw = _Stdout(sys.stdout)
    out = io.BufferedWriter(cast(io.RawIOBase, raw), 1 << 16)
    try:
        yield out
        out.flush()
    finally:
        raw.failed = True  # whatever is left after a failure is dropped, never written twice
        out.close()


def write_stdout(data: bytes) -> None:
    """Write ``data`` to standard output, all of it, or raise :class:`OutputError`
    (:class:`BrokenPipeError` when the reader has gone)."""
    _Stdout(sys.stdout).write(data)


def guard_stdout() -> None:
    """Route every later write to ``sys.stdout`` (help, version, anything printed)
    through the same checks, keeping its encoding and buffering: for a program's entry
    point. A stream without a descriptor (a test's) is left as it is."""
    stream = sys.stdout
    if stream is None or isinstance(getattr(stream, "buffer", None), _Guarded):
        return
    try:
        stream.fileno()
    except (AttributeError, OSError, ValueError):
        return
    raw = _Stdout(stream)
    sys.stdout = io.TextIOWrapper(_Guarded(cast(io.RawIOBase, raw), 1 << 13), encoding=stream.encoding,
                                  errors=stream.errors, line_buffering=bool(getattr(stream, "line_buffering", False)),
                                  write_through=getattr(stream, "write_through", False))


class _Guarded(io.BufferedWriter):
    """The buffer under a guarded standard output (so that it is not guarded twice)."""
