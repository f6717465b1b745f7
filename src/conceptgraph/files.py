"""Reading and writing files safely.

Reading takes regular files only (never a device, FIFO or socket, which could block or
never end) up to a size cap. Writing goes through a temporary file in the same folder,
renamed into place only once complete, so that a failure (a full disk, an error, a
SIGTERM) never destroys an earlier good file; only regular files are replaced, and a
replaced file keeps its permissions.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> write_atomic(p, "hello").read_text()
'hello'
>>> read_limited(p)
b'hello'
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import IO

from .errors import DatasetError, OutputError

__all__ = [
    "MAX_BYTES_ENV",
    "max_bytes",
    "read_limited",
    "check_readable",
    "write_atomic",
    "write_atomic_with",
    "replace_folder",
    "EXPORT_MARK",
    "DATASET_SUFFIXES",
    "DECISIONS_FILE",
    "input_files",
]

MAX_BYTES_ENV = "CONCEPTGRAPH_MAX_BYTES"
_DEFAULT_MAX = 1 << 30
#: The files a dataset folder is made of.
DATASET_SUFFIXES = (".yaml", ".yml")
#: The record of a folder's review (see conceptgraph.decisions): YAML, but not part of
#: the dataset, so never read as one of its files.
DECISIONS_FILE = "decisions.yaml"
#: The file that marks a folder as an export of ours, which a later export may replace.
EXPORT_MARK = ".conceptgraph-export"


def max_bytes() -> int:
    """The largest file read: ``$CONCEPTGRAPH_MAX_BYTES``, else 1 GiB."""
    value = os.environ.get(MAX_BYTES_ENV, "")
    return int(value) if value.isdigit() and int(value) > 0 else _DEFAULT_MAX


def check_readable(path: str | os.PathLike[str]) -> os.stat_result:
    """``stat`` of ``path`` if it is a regular file within the size cap, else a
    :class:`DatasetError` saying why it is refused. Never opens the file, so a FIFO
    cannot block."""
    p = str(path)
    try:
        st = os.stat(p)
    except OSError as e:
        raise DatasetError("no such file or folder" if isinstance(e, FileNotFoundError)
                           else f"cannot read: {e.strerror or e}", p) from None
    if stat.S_ISDIR(st.st_mode):
        raise DatasetError("is a folder, not a file", p)
    if not stat.S_ISREG(st.st_mode):
        raise DatasetError("not a regular file (a device, FIFO or socket): refusing to read it", p)
    limit = max_bytes()
    if st.st_size > limit:
        raise DatasetError(f"{st.st_size:,} bytes is over the limit of {limit:,} "
                           f"(set {MAX_BYTES_ENV} to read bigger files)", p)
    return st


def input_files(path: Path) -> list[Path]:
    """The files that make up the input at ``path``: the YAML files of a dataset folder,
    or the one file. Each is checked to be a regular file within the size cap."""
    if path.is_dir():
        try:
            files = sorted(f for f in path.iterdir()
                           if f.suffix.lower() in DATASET_SUFFIXES and f.name != DECISIONS_FILE and f.is_file())
        except OSError as e:
            raise DatasetError(f"cannot read the folder: {e.strerror or e}", str(path)) from None
        if not files:
            raise DatasetError("folder holds no dataset file (*.yaml, *.yml)", str(path))
    else:
        files = [path]
    for f in files:
        check_readable(f)
    return files


def read_limited(path: str | os.PathLike[str]) -> bytes:
    """The bytes of the regular file at ``path``, at most :func:`max_bytes` of them.

    Raises :class:`DatasetError` for anything else, naming the file."""
    p = str(path)
    check_readable(p)
    limit = max_bytes()
    try:
        # O_NONBLOCK: should a FIFO be swapped in after the check, opening it does not hang.
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                raise DatasetError("not a regular file: refusing to read it", p)
            data = f.read(limit + 1)
    except OSError as e:
        raise DatasetError(f"cannot read: {e.strerror or e}", p) from None
    if len(data) > limit:
        raise DatasetError(f"over the limit of {limit:,} bytes (set {MAX_BYTES_ENV} to read bigger files)", p)
    return data


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _target(path: str | os.PathLike[str], make_parents: bool) -> tuple[Path, int]:
    """The file a write will replace (symlinks followed) and the mode it will have.
    Refuses anything that is not a regular file or an absent one."""
    target = Path(os.path.realpath(path))
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise OutputError(f"{path}: cannot write: {e.strerror or e}") from None
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise OutputError(f"{path}: is a folder; give a file name")
        if not stat.S_ISREG(st.st_mode):
            raise OutputError(f"{path}: not a regular file (a device, FIFO or socket); refusing to replace it "
                              "(write to standard output with -o -)")
        return target, stat.S_IMODE(st.st_mode)
    parent = target.parent
    if make_parents:
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise OutputError(f"{path}: cannot create folder {parent}: {e.strerror or e}") from None
    elif not parent.exists():
        raise OutputError(f"{path}: folder {Path(path).parent} does not exist")
    elif not parent.is_dir():
        raise OutputError(f"{path}: {Path(path).parent} is not a folder")
    return target, 0o666 & ~_umask()


def write_atomic(path: str | os.PathLike[str], content: str | bytes, *, mode: int | None = None,
                 make_parents: bool = False) -> Path:
    """Write ``content`` (text is UTF-8) to ``path`` through a temporary file in the same
    folder, renamed into place only once complete.

    An existing file keeps its permissions; a new one gets the umask's (or ``mode``).
    ``make_parents`` creates missing folders. Raises :class:`OutputError`."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    return write_atomic_with(path, lambda f: f.write(data), mode=mode, make_parents=make_parents)


def write_atomic_with(path: str | os.PathLike[str], fill: Callable[[IO[bytes]], object], *,
                      mode: int | None = None, make_parents: bool = False) -> Path:
    """Like :func:`write_atomic`, with ``fill(binary_file)`` writing the content; if
    ``fill`` raises (or the process is told to stop), the temporary file is removed and
    ``path`` is left as it was."""
    target, keep_mode = _target(path, make_parents)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as e:
        raise OutputError(f"{path}: cannot write: {e.strerror or e}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            fill(f)
            f.flush()
            os.fsync(f.fileno())
            os.fchmod(f.fileno(), keep_mode if mode is None else mode)
        os.replace(tmp, target)
    except BaseException as e:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(e, OSError):
            raise OutputError(f"{path}: cannot write: {e.strerror or e}") from None
        raise
    return Path(path)


def replace_folder(path: str | os.PathLike[str], files: Mapping[str, bytes], *, force: bool = False,
                   make_parents: bool = False) -> Path:
    """Write ``files`` (name -> bytes) as the folder ``path``, all at once.

    The files go into a new folder beside ``path``, which then takes its place, so a
    failure leaves the old folder as it was. An existing folder is replaced only when it
    is empty or an earlier export (it holds :data:`EXPORT_MARK`), or with ``force``;
    nothing is left behind either way."""
    target = Path(path)
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise OutputError(f"{path}: exists and is not a folder")
    if target.is_dir() and not force:
        try:
            held = [p.name for p in target.iterdir()]
        except OSError as e:
            raise OutputError(f"{path}: cannot read the folder: {e.strerror or e}") from None
        if held and EXPORT_MARK not in held:
            raise OutputError(f"{path}: folder holds other files ({len(held)}) and no earlier export; "
                              "choose another folder or use --force to replace it")
    parent = target.parent
    if not parent.is_dir():
        if not make_parents:
            raise OutputError(f"{path}: folder {parent} does not exist")
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise OutputError(f"{path}: cannot create folder {parent}: {e.strerror or e}") from None
    fresh: Path | None = None
    old: Path | None = None
    try:
        fresh = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent))
        for name, data in {**files, EXPORT_MARK: b"written by conceptgraph export\n"}.items():
            (fresh / name).write_bytes(data)
        os.chmod(fresh, stat.S_IMODE(target.stat().st_mode) if target.is_dir() else 0o777 & ~_umask())
        if target.is_dir():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=parent))
            os.replace(target, old / "previous")
        os.replace(fresh, target)
        fresh = None
    except OSError as e:
        if old is not None and not target.exists():
            os.replace(old / "previous", target)  # put the earlier export back
        raise OutputError(f"{path}: cannot write: {e.strerror or e}") from None
    finally:
        if fresh is not None:
            shutil.rmtree(fresh, ignore_errors=True)
        if old is not None and target.is_dir():  # else it holds the only copy of the earlier export
            shutil.rmtree(old, ignore_errors=True)
    return target
