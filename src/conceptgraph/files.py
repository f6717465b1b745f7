"""Writing files so that a failure never destroys an earlier good one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

from .errors import OutputError

__all__ = ["write_atomic", "write_atomic_with"]


def write_atomic(path: str | os.PathLike[str], content: str | bytes) -> Path:
    """Write ``content`` (text is UTF-8) to ``path`` through a temporary file in the same
    folder, renamed into place only once complete. Creates missing folders.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "new" / "a.txt"
    >>> write_atomic(p, "hello").read_text()
    'hello'
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    return write_atomic_with(path, lambda f: f.write(data))


def write_atomic_with(path: str | os.PathLike[str], fill: Callable[[IO[bytes]], object]) -> Path:
    """Like :func:`write_atomic`, with ``fill(binary_file)`` writing the content; if
    ``fill`` raises, the temporary file is removed and ``path`` is left as it was."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as e:
        raise OutputError(f"{target}: cannot write: {e.strerror or e}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            fill(f)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException as e:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(e, OSError):
            raise OutputError(f"{target}: cannot write: {e.strerror or e}") from None
        raise
    return target
