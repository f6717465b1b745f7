"""Reading and writing files safely.

Reading takes regular files only (never a device, FIFO or socket, which could block or
never end) up to a size cap.

Writing never leaves a half-written file or folder, and never overwrites what another
writer put there meanwhile:

- :func:`write_atomic` writes a file through a temporary file in the same folder,
  renamed into place only once complete, so that a failure (a full disk, an error, a
  SIGTERM) never destroys an earlier good file. Given ``expect`` (the bytes the caller
  read, or None for "no file"), it replaces the file only if it still holds exactly
  that, checked under the folder's lock at the moment of the rename; otherwise it
  raises :class:`~conceptgraph.errors.WriteConflict` and writes nothing.
- Given ``ours`` (what an earlier output of the same kind looks like), it replaces only
  such a file or an empty one: an export or a page never overwrites someone's notes.
- :func:`write_folder` writes a whole folder beside its place and renames it in; it
  never replaces a folder that appeared meanwhile (``replace="never"``), and replaces
  an existing one only when it holds nothing but the files it would write (``"own"``),
  or when it is an earlier export of ours that holds nothing else (``"exports"``): no
  flag makes it delete someone's notes.
- :func:`folder_lock` is the lock every writer of a folder takes (an advisory lock on
  the folder itself, released when the process ends, whatever ends it); it can be held
  around several reads and writes, which then happen as one.
- :func:`recover` finishes what a killed write left: a folder replacement cut between
  its two renames is completed, and temporary files and folders that no live process
  is writing are removed. Every write runs it first for its own path.
- Standard output is written as carefully, by :mod:`conceptgraph.stdout`.

Only regular files are replaced, and a replaced file keeps its permissions.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> write_atomic(p, "hello").read_text()
'hello'
>>> read_limited(p)
b'hello'
>>> _ = write_atomic(p, "hi", expect=b"hello")      # still holds what was read: replaced
>>> write_atomic(p, "bye", expect=b"hello")         # changed since: refused
Traceback (most recent call last):
...
conceptgraph.errors.WriteConflict: ...a.txt: changed since it was read (edited meanwhile); nothing written
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import secrets
import shutil
import stat
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import EllipsisType
from typing import IO, Literal, NamedTuple

from .errors import DatasetError, NoDatasetFile, OutputError, UsageError, WriteConflict, excerpt

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: writes are still atomic and compared, not locked
    fcntl = None  # type: ignore[assignment]

__all__ = [
    "check_writable",
    "data_paths",
    "MAX_BYTES_ENV",
    "max_bytes",
    "read_limited",
    "read_text",
    "read_if_exists",
    "check_readable",
    "check_replaceable",
    "Stamp",
    "stamp",
    "folder_lock",
    "write_atomic",
    "write_atomic_with",
    "write_folder",
    "recover",
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
#: The file that marks a folder as an export of ours (written by exports only), listing
#: the files that export wrote: a later export replaces the folder only while it holds
#: nothing else.
EXPORT_MARK = ".conceptgraph-export"
#: How long a writer waits for another one to finish with a folder.
LOCK_TIMEOUT = 30.0


def max_bytes() -> int:
    """The largest file read: ``$CONCEPTGRAPH_MAX_BYTES``, else 1 GiB."""
    value = os.environ.get(MAX_BYTES_ENV, "")
    return int(value) if value.isdigit() and int(value) > 0 else _DEFAULT_MAX


# --- reading ---------------------------------------------------------------------------


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
            raise NoDatasetFile(str(path))
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


def not_utf8(e: UnicodeDecodeError, data: bytes) -> str:
    r"""What a :class:`UnicodeDecodeError` on ``data`` means for a person: a byte that is
    not UTF-8 (a file saved as Latin-1), or a file that ends inside a character.

    >>> def fault(data):
    ...     try:
    ...         data.decode("utf-8")
    ...     except UnicodeDecodeError as e:
    ...         return not_utf8(e, data)
    >>> fault(b"caf\xe9!"), fault("café".encode()[:-1])
    ('not valid UTF-8 (byte 0xe9 at offset 3)', 'the file ends inside a character (offset 3): is it cut short?')
    """
    if e.reason == "unexpected end of data" and e.end >= len(data):
        return f"the file ends inside a character (offset {e.start}): is it cut short?"
    return f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start})"


def read_text(path: str | os.PathLike[str], data: bytes | None = None) -> str:
    """The text of a UTF-8 file (``data``: its bytes, when already read). A NUL byte or
    bytes that are not UTF-8 are a :class:`DatasetError` naming the file and line."""
    p = str(path)
    raw = read_limited(p) if data is None else data
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise DatasetError("not a text file (it contains NUL bytes)", p, line)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise DatasetError(not_utf8(e, raw), p, line) from None


def read_if_exists(path: str | os.PathLike[str]) -> bytes | None:
    """The bytes of the file at ``path``, or None when there is none: what a later
    :func:`write_atomic` with ``expect`` compares against. Anything there that is not a
    regular file is a :class:`DatasetError`."""
    if not os.path.lexists(path):
        return None
    return read_limited(path)


class Stamp(NamedTuple):
    """A file's size, modification and change times (ns) and inode: equal stamps mean an
    unchanged file (a rewrite always moves the change time)."""

    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int


def stamp(path: str | os.PathLike[str]) -> Stamp | None:
    """The :class:`Stamp` of the file at ``path``, or None when there is none."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as e:
        raise DatasetError(f"cannot read: {e.strerror or e}", str(path)) from None
    return Stamp(st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


# --- the lock of a folder --------------------------------------------------------------

_held = threading.local()


def _held_folders() -> set[str]:
    folders: set[str] | None = getattr(_held, "folders", None)
    if folders is None:
        folders = _held.folders = set()
    return folders


@contextmanager
def folder_lock(folder: str | os.PathLike[str], timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the lock of ``folder`` while the block runs: every write of this module
    takes it for the moment it checks and replaces, so that a check and its write are
    one step for all of them. Reentrant in a thread; another process or thread waits
    (up to ``timeout`` seconds, then :class:`OutputError`). The lock is advisory:
    editors do not take it, which is why writes also compare (``expect``).

    >>> import tempfile
    >>> with folder_lock(tempfile.mkdtemp()):
    ...     pass  # read, decide and write here
    """
    key = os.path.realpath(folder)
    held = _held_folders()
    if key in held:
        yield
        return
    fd = _lock(key, timeout)
    held.add(key)
    try:
        yield
    finally:
        held.discard(key)
        if fd is not None:
            os.close(fd)  # releases the lock


def _lock(key: str, timeout: float) -> int | None:
    """An open descriptor of the folder ``key`` holding its lock (None where locks are
    not available: no fcntl, or a folder that cannot be opened for reading)."""
    if fcntl is None:
        return None
    deadline = time.monotonic() + timeout
    while True:
        try:
            fd = os.open(key, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        except FileNotFoundError:
            raise OutputError(f"{key}: folder does not exist") from None
        except OSError:
            return None  # e.g. a folder one may write but not read: written unlocked
        try:
            here = os.fstat(fd)
            if here.st_uid != os.geteuid() and here.st_mode & stat.S_IWOTH:
                # A folder everyone may write (/tmp): anyone could hold its lock forever,
                # so it is not taken there; writes still compare (expect).
                os.close(fd)
                return None
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise OutputError(f"{key}: another conceptgraph process has been writing here for "
                                          f"{timeout:.0f} s; try again when it is done") from None
                    time.sleep(0.01)
            try:
                now = os.stat(key)
            except FileNotFoundError:
                raise OutputError(f"{key}: folder was removed meanwhile") from None
            here = os.fstat(fd)
            if (here.st_dev, here.st_ino) == (now.st_dev, now.st_ino):
                return fd
        except OSError:
            os.close(fd)
            return None  # a file system without locks: written unlocked
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)  # the folder was replaced while we waited: lock the one there now


# --- temporary files and what a killed write leaves behind -----------------------------


def _stem(target: Path) -> str:
    """The target's name as its temporary files carry it (a long name shortened)."""
    name = target.name
    if len(name) <= 120:
        return name
    return name[:80] + "~" + hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:16]


def _temp_path(target: Path, token: str) -> Path:
    # .NAME.TOKEN.tmp: being written (its writer holds a lock on it); a folder's
    # replacement moves the old folder aside as .NAME.TOKEN.prev between its two renames.
    return target.parent / f".{_stem(target)}.{token}.tmp"


def _leftovers(target: Path) -> dict[str, dict[str, Path]]:
    """token -> {"tmp" | "prev" | "old": path} of the leftovers of writes to ``target``
    (``.old`` folders are what earlier versions left, the previous copy in ``previous``)."""
    pattern = re.compile(re.escape(f".{_stem(target)}.") + r"([0-9a-z_]{8})\.(tmp|prev|old)")
    found: dict[str, dict[str, Path]] = {}
    try:
        names = os.listdir(target.parent)
    except OSError:
        return found
    for name in names:
        m = pattern.fullmatch(name)
        if m:
            found.setdefault(m.group(1), {})[m.group(2)] = target.parent / name
    return found


def _abandoned(path: Path) -> bool:
    """Whether no live process is writing the temporary file or folder ``path`` (its
    writer holds a lock on it from the moment it is created)."""
    if fcntl is None:
        return False
    try:
        st = os.lstat(path)
        if not (stat.S_ISREG(st.st_mode) or stat.S_ISDIR(st.st_mode)):
            return False  # not ours: never touched
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


def _remove(path: Path) -> None:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    except OSError:
        pass


def _recover(target: Path) -> None:
    """:func:`recover`, with the lock of the target's folder held."""
    groups = _leftovers(target)

    def newest(item: tuple[str, dict[str, Path]]) -> float:
        try:
            return max(os.lstat(p).st_mtime for p in item[1].values())
        except OSError:
            return 0.0

    for _, found in sorted(groups.items(), key=newest, reverse=True):
        fresh, previous, legacy = found.get("tmp"), found.get("prev"), found.get("old")
        if fresh is not None and not _abandoned(fresh):
            continue  # being written right now
        try:
            if previous is not None and not os.path.lexists(target):
                # Killed between the two renames of a replacement: the new folder was
                # complete (the old one is moved aside only then), so finish.
                if fresh is not None and fresh.is_dir() and not fresh.is_symlink():
                    os.rename(fresh, target)
                    fresh = None
            elif legacy is not None and not os.path.lexists(target) and (legacy / "previous").is_dir():
                os.rename(legacy / "previous", target)  # an earlier version's cut replacement: restored
        except OSError:
            continue
        for p in (fresh, previous, legacy):
            if p is not None:
                _remove(p)


def recover(path: str | os.PathLike[str]) -> bool:
    """Finish what an interrupted write to ``path`` left behind, and say whether
    ``path`` exists now.

    A folder replacement killed between its two renames (the old folder moved aside,
    the new one not yet in place) is completed; the previous copy of a finished
    replacement, and temporary files and folders no live process is writing, are
    removed. Every write of this module does this first; call it before checking
    whether ``path`` exists."""
    target = Path(os.path.abspath(path))
    if not target.parent.is_dir():
        return False
    with folder_lock(target.parent):
        _recover(target)
    return os.path.lexists(target)


def check_writable(folder: str | os.PathLike[str]) -> None:
    """Raise :class:`OutputError` unless a file can be written in ``folder`` (a read-only
    file system, a full disk, a folder not ours): said before work that saves there
    begins, rather than at its first save."""
    probe = Path(os.path.abspath(folder)) / f".conceptgraph-check.{secrets.token_hex(4)}.tmp"
    try:
        os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600))
        probe.unlink()
    except OSError as e:
        raise OutputError(f"{folder}: cannot write: {_why_not(e, probe.parent)}") from None


def _why_not(e: OSError, folder: Path) -> str:
    """Why no file could be made in ``folder``, in words: the system's reason, unless it
    says "no such file" of a folder that is there (/proc takes no new files).

    >>> _why_not(FileNotFoundError(errno.ENOENT, "No such file or directory"), Path("/proc"))
    '/proc takes no new files'
    >>> _why_not(PermissionError(errno.EACCES, "Permission denied"), Path("/proc"))
    'Permission denied'
    """
    if e.errno == errno.ENOENT and folder.is_dir():
        return f"{folder} takes no new files"
    return str(e.strerror or e)


def _new_temp(target: Path, folder: bool) -> tuple[Path, int]:
    """A new temporary file (or folder) beside ``target`` and an open descriptor of it
    holding its lock until closed, so that no other run takes it for a leftover."""
    with folder_lock(target.parent):
        for _ in range(100):
            tmp = _temp_path(target, secrets.token_hex(4))
            try:
                if folder:
                    os.mkdir(tmp, 0o700)
                    fd = os.open(tmp, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
                else:
                    fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
            except FileExistsError:
                continue
            except OSError as e:
                raise OutputError(f"{target}: cannot write: {_why_not(e, target.parent)}") from None
            if fcntl is not None:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError:
                    pass  # a file system without locks: it is still ours, by its random name
            return tmp, fd
    raise OutputError(f"{target}: cannot write: no free temporary name")  # pragma: no cover


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (where the system allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# --- writing a file --------------------------------------------------------------------


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _make_parent(path: str | os.PathLike[str], parent: Path, make_parents: bool) -> None:
    if parent.is_dir():
        return
    if make_parents and not os.path.lexists(parent):
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise OutputError(f"{path}: cannot create folder {parent}: {e.strerror or e}") from None
    elif not os.path.lexists(parent):
        raise OutputError(f"{path}: folder {Path(path).parent} does not exist")
    else:
        raise OutputError(f"{path}: {Path(path).parent} is not a folder")


def check_replaceable(path: str | os.PathLike[str], hint: str = "") -> os.stat_result | None:
    """``stat`` of the file at ``path`` (symlinks followed), None when there is none;
    an :class:`OutputError` when something there is not a regular file, which no write
    replaces (a folder, a device, a FIFO); ``hint`` ends its message."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as e:
        raise OutputError(f"{path}: cannot write: {e.strerror or e}") from None
    if stat.S_ISDIR(st.st_mode):
        raise OutputError(f"{path}: is a folder, not a file; refusing to replace it{hint}")
    if not stat.S_ISREG(st.st_mode):
        raise OutputError(f"{path}: not a regular file (a device, FIFO or socket); refusing to replace it{hint}")
    return st


def check_named(path: str | os.PathLike[str]) -> None:
    """An :class:`UsageError` for an empty ``-o`` (an unset variable in a script), which
    would otherwise write under ``output/`` unseen."""
    if not str(path).strip():
        raise UsageError("-o is empty: give a file name, or leave -o out to write under output/")


#: Suffixes of documents and pictures no command writes: a file so named would not open
FOREIGN = {".pdf": "a PDF document", ".png": "a picture", ".jpg": "a picture", ".jpeg": "a picture",
           ".gif": "a picture", ".webp": "a picture", ".svg": "a picture", ".docx": "a Word document",
           ".doc": "a Word document", ".odt": "a text document", ".rtf": "a text document",
           ".xlsx": "a spreadsheet", ".xls": "a spreadsheet", ".ods": "a spreadsheet", ".pptx": "a slide deck"}


def foreign(path: str | os.PathLike[str]) -> str | None:
    """What ``path``'s suffix names when it is a document or picture no command writes
    ("a PDF document" for "page.pdf"), else None.

    >>> foreign("page.PDF"), foreign("team.graphml")
    ('a PDF document', None)
    """
    return FOREIGN.get(Path(path).suffix.lower())


def _target(path: str | os.PathLike[str], make_parents: bool) -> tuple[Path, int]:
    """The file a write will replace (symlinks followed) and the mode it will have.
    Refuses anything that is not a regular file or an absent one."""
    target = Path(os.path.realpath(path))
    if target.is_dir():
        raise OutputError(f"{path}: is a folder; give a file name")
    st = check_replaceable(path, " (write to standard output with -o -)") if os.path.lexists(target) else None
    if st is not None:
        # a rename replaces a file whatever its mode: a file made read-only (for anyone, root
        # included, as "chmod a-w" means) is one its owner wants kept
        if not st.st_mode & 0o222 or not os.access(target, os.W_OK):
            raise OutputError(f"{path}: the file is read-only; refusing to replace it (make it writable, or write "
                              "elsewhere)")
        return target, stat.S_IMODE(st.st_mode)
    _make_parent(path, target.parent, make_parents)
    return target, 0o666 & ~_umask()


def _check_expected(path: str | os.PathLike[str], target: Path, expect: bytes | None) -> None:
    try:
        current = read_if_exists(target)
    except DatasetError:
        current = b"" if expect is None else None  # something else now: it differs either way
    if current != expect:
        how = "created" if expect is None else "removed" if current is None else "edited"
        raise WriteConflict(f"{path}: changed since it was read ({how} meanwhile); nothing written")


def write_atomic(path: str | os.PathLike[str], content: str | bytes, *, expect: bytes | None | EllipsisType = ...,
                 mode: int | None = None, make_parents: bool = False, keep: tuple[Path, ...] = (),
                 ours: Own | None = None) -> Path:
    """Write ``content`` (text is UTF-8) to ``path`` through a temporary file in the same
    folder, renamed into place only once complete.

    ``expect``: the bytes the file held when the caller read it (None: there was no
    file); it is replaced only if it still holds them, checked under the folder's lock
    at the moment of the rename, else :class:`WriteConflict`. An existing file keeps its
    permissions; a new one gets the umask's (or ``mode``). ``make_parents`` creates
    missing folders. Raises :class:`OutputError`."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    return write_atomic_with(path, lambda f: f.write(data), expect=expect, mode=mode, make_parents=make_parents,
                             keep=keep, ours=ours)


def data_paths(path: str | os.PathLike[str] | None) -> tuple[Path, ...]:
    """The data a command reads from ``path`` (a file or a dataset folder), as an output
    must never replace it: see ``keep`` of :func:`write_atomic_with`. None: the bundled data."""
    if path is None:
        return ()
    return (Path(os.path.realpath(path)),)


def keep_clear(path: str | os.PathLike[str], target: Path, keep: tuple[Path, ...], folder: bool) -> None:
    """A :class:`UsageError` when writing ``target`` would replace the data in ``keep``:
    the data file itself, a dataset file of the data's folder (one more would be read
    with it), or (for a folder) the data's folder or one that holds it."""
    for data in keep:
        if target == data or (target.parent == data and target.suffix.lower() in DATASET_SUFFIXES):
            raise UsageError(f"{path}: is the data being read ({data}), or would be read with it; "
                             "write the output elsewhere")
        if folder and target in data.parents:
            raise UsageError(f"{path}: holds the data being read ({data}); write the output elsewhere")


#: How much of an existing file :func:`write_atomic_with` reads to tell whether it is ours
OWN_HEAD = 65536


#: What marks a page as ours (the template's head): an earlier page may be replaced, and
#: a folder's hint names no page of ours as a discussion to import
GENERATOR = '<meta name="generator" content="conceptgraph">'


class Own(NamedTuple):
    """What an output's earlier file looks like (``test`` of its first bytes), and what
    to call it (``what``): see ``ours`` of :func:`write_atomic_with`."""
    what: str
    test: Callable[[bytes], bool]


def _check_own(path: str | os.PathLike[str], target: Path, ours: Own) -> None:
    """An :class:`OutputError` when ``target`` holds something other than an earlier
    output of ours (``ours.test`` of its first bytes is false): a user's own file is
    never replaced by an output unless they say so. An empty file may be replaced."""
    try:
        with open(target, "rb") as f:
            head = f.read(OWN_HEAD)
    except FileNotFoundError:
        return
    except OSError as e:
        raise OutputError(f"{path}: cannot read what is there: {e.strerror or e}") from None
    if head.strip() and not ours.test(head):
        raise OutputError(f"{path}: already exists and is not an earlier {ours.what} written by conceptgraph; "
                          "choose another path, or use --force to replace it")


def write_atomic_with(path: str | os.PathLike[str], fill: Callable[[IO[bytes]], object], *,
                      expect: bytes | None | EllipsisType = ..., mode: int | None = None,
                      make_parents: bool = False, keep: tuple[Path, ...] = (), ours: Own | None = None) -> Path:
    """Like :func:`write_atomic`, with ``fill(binary_file)`` writing the content; if
    ``fill`` raises (or the process is told to stop), the temporary file is removed and
    ``path`` is left as it was. ``keep``: the data being read (:func:`data_paths`), which
    the write refuses to replace. ``ours``: the file there is replaced only if it is
    empty or an earlier output of this kind (a page, an export), never someone's notes."""
    if keep:
        keep_clear(path, Path(os.path.realpath(path)), keep, folder=False)
    target, keep_mode = _target(path, make_parents)
    if ours is not None:
        _check_own(path, target, ours)
    tmp, fd = _new_temp(target, folder=False)
    try:
        with os.fdopen(fd, "wb") as f:  # closing it releases the temporary file's lock: after the rename
            fill(f)
            f.flush()
            os.fsync(f.fileno())
            os.fchmod(f.fileno(), keep_mode if mode is None else mode)
            with folder_lock(target.parent):
                _recover(target)
                if not isinstance(expect, EllipsisType):
                    _check_expected(path, target, expect)
                if ours is not None:
                    _check_own(path, target, ours)  # still ours (or nothing) at the moment it is replaced
                check_replaceable(target)  # still a file, or nothing
                os.replace(tmp, target)
        _sync_folder(target.parent)
    except BaseException as e:
        tmp.unlink(missing_ok=True)
        if isinstance(e, OSError):
            raise OutputError(f"{path}: cannot write: {e.strerror or e}") from None
        raise
    return Path(path)


# --- writing a folder ------------------------------------------------------------------


def _export_mark(files: Mapping[str, bytes]) -> bytes:
    return (json.dumps({"written by": "conceptgraph export", "files": sorted(files)}, ensure_ascii=False, indent=1)
            + "\n").encode("utf-8")


def _names_in(path: str | os.PathLike[str], target: Path) -> list[str]:
    """The names in the folder ``target`` (given as ``path``), sorted."""
    try:
        return sorted(os.listdir(target))
    except OSError as e:
        raise OutputError(f"{path}: cannot read the folder: {e.strerror or e}") from None


def _check_export_folder(path: str | os.PathLike[str], target: Path, own: frozenset[str] = frozenset()) -> None:
    """An :class:`OutputError` unless ``target`` is empty or holds only what an earlier
    export of ours wrote (the files its mark lists) and the files named in ``own`` (those
    this export writes, with --force: an export whose mark was lost)."""
    held = _names_in(path, target)
    if not held:
        return
    listed: set[str] = set()
    if EXPORT_MARK in held:
        try:
            mark = json.loads(read_limited(target / EXPORT_MARK)[:1 << 20])
            if isinstance(mark, dict) and isinstance(mark.get("files"), list):
                listed = {str(n) for n in mark["files"]}
        except (DatasetError, ValueError):
            pass
    others = [n for n in held if n != EXPORT_MARK and n not in listed and n not in own]
    if others:
        # --force cannot help: it never deletes a file no export of ours wrote (notes, a dataset)
        what = "files an earlier export did not write" if EXPORT_MARK in held else "other files and no earlier export"
        raise OutputError(f"{path}: folder holds {what} ({len(others)}: {excerpt(', '.join(others), 80)}); "
                          "give a new folder's name, or move them out first")


def _check_own_folder(path: str | os.PathLike[str], target: Path, own: frozenset[str]) -> list[str]:
    """An :class:`OutputError` when ``target`` holds anything but the files named in
    ``own``: replacing it would delete someone's work (review decisions, notes). Returns
    the names it holds."""
    held = _names_in(path, target)
    others = [n for n in held if n not in own]
    if others:
        # a review's decisions find their items again in a newer import, drafted anew: said how to keep them
        keep = "; to import again and keep a review: move them out, import with --force, move decisions.yaml " \
            "back in, and draft again" if "decisions.yaml" in others else ""
        raise OutputError(f"{path}: folder holds files this would delete ({len(others)}: "
                          f"{excerpt(', '.join(others), 80)}); choose another folder, or move them out first{keep}")
    return held


def check_new_folder(path: str | os.PathLike[str], own: frozenset[str], force: bool) -> bool:
    """Before a command writes the folder ``path`` whose files are ``own``: whether a folder
    is there already (an interrupted write finished first). An empty one is taken as new;
    one holding other files is refused (--force could not help: it never deletes them);
    one holding only ``own`` files (an earlier run) is replaced only with ``force``."""
    target = Path(path)
    if str(path) == "-":  # standard output, to most tools: a folder of several files cannot go there
        raise UsageError("-o -: this writes a folder of files, not to standard output; give a folder's path "
                         "(or --json for the summary on standard output)")
    if not recover(target):
        return False
    if not target.is_dir():
        raise OutputError(f"{path}: exists and is not a folder; choose another folder (-o)")
    held = _check_own_folder(path, target, own)  # (the write that follows checks it again, at its rename)
    if held and not force:
        raise OutputError(f"{path}: already exists; choose another folder (-o) or use --force to replace it")
    return True


def _check_folder(path: str | os.PathLike[str], target: Path, replace: str, own: frozenset[str]) -> None:
    """What ``replace`` asks of a folder before it is replaced (see :func:`write_folder`)."""
    if replace == "exports":
        _check_export_folder(path, target, own)
    elif replace == "own":
        _check_own_folder(path, target, own)


def write_folder(path: str | os.PathLike[str], files: Mapping[str, bytes], *,
                 replace: Literal["never", "exports", "own"] = "never", mark: bool = False,
                 make_parents: bool = False, own: frozenset[str] = frozenset(), keep: tuple[Path, ...] = ()) -> Path:
    """Write ``files`` (name -> bytes) as the folder ``path``, all at once.

    The files go into a new folder beside ``path``, which is renamed into place once
    complete, so that a failure leaves nothing (and an old folder as it was). A folder
    found at ``path`` at that moment is replaced according to ``replace``: ``"never"``
    (:class:`WriteConflict`: it appeared meanwhile), ``"exports"`` (only an empty folder
    or an earlier export that holds nothing else but the files named in ``own``),
    or ``"own"`` (only one that holds nothing but the files named in ``own``), and never the data in
    ``keep`` nor a folder holding it. ``mark`` marks the new folder as an export
    (:data:`EXPORT_MARK`)."""
    target = Path(os.path.abspath(path))
    if keep:
        keep_clear(path, Path(os.path.realpath(path)), keep, folder=True)
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise OutputError(f"{path}: exists and is not a folder")
    _make_parent(path, target.parent, make_parents)
    if target.is_dir():
        _check_folder(path, target, replace, own)  # before the work of writing, and again at the rename
    fresh: Path | None
    fresh, fd = _new_temp(target, folder=True)
    previous: Path | None = None
    try:
        for name, data in files.items():
            (fresh / name).write_bytes(data)
        if mark:
            (fresh / EXPORT_MARK).write_bytes(_export_mark(files))
        with folder_lock(target.parent):
            _recover(target)
            if os.path.lexists(target):
                if target.is_symlink() or not target.is_dir():
                    raise OutputError(f"{path}: exists and is not a folder")
                if replace == "never":
                    raise WriteConflict(f"{path}: a folder appeared there while this was being written; nothing "
                                        "written (choose another folder, or use --force to replace it)")
                with folder_lock(target):  # writers inside it wait, and then see the new folder
                    _check_folder(path, target, replace, own)
                    os.chmod(fresh, stat.S_IMODE(target.stat().st_mode))
                    previous = fresh.with_suffix(".prev")  # .NAME.TOKEN.prev, found with its .tmp by _recover
                    os.rename(target, previous)
                    try:
                        os.rename(fresh, target)
                    except OSError:
                        os.rename(previous, target)
                        previous = None
                        raise
            else:
                os.chmod(fresh, 0o777 & ~_umask())
                try:
                    os.rename(fresh, target)
                except OSError as e:
                    if e.errno in (errno.ENOTEMPTY, errno.EEXIST):
                        raise WriteConflict(f"{path}: a folder appeared there while this was being written; "
                                            "nothing written") from None
                    raise
            fresh = None
        _sync_folder(target.parent)
    except OSError as e:
        raise OutputError(f"{path}: cannot write: {e.strerror or e}") from None
    finally:
        os.close(fd)
        if fresh is not None:
            shutil.rmtree(fresh, ignore_errors=True)
        if previous is not None:
            shutil.rmtree(previous, ignore_errors=True)
    return Path(path)
