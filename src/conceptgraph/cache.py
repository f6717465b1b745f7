"""A cache of built graphs and of their pages' positions, so that repeated commands on a
big dataset answer at once.

The command line keeps each graph it builds under ``$CONCEPTGRAPH_CACHE`` (default
``~/.cache/conceptgraph``; ``off`` disables it), named by a hash of the dataset's path
and, for each of its files, its size, modification and change times, device and inode,
and this package's version and code (the size and modification time of each of its
files: an install from a checkout keeps its version number while its code moves on):
any edit, even one that restores the modification time, makes a new entry. Beside it,
:func:`cached_as` keeps values named by a hash of what they were computed from (the
positions of a page's nodes, which depend only on the graph drawn; how its attributes'
denials read), and :func:`remember` what a later process should find again of a folder
(where its review page drew its nodes). Only the newest 32 entries of each kind are kept.

Entries are pickles, and unpickling runs code, so nothing is read that another user
could have written: the folder must belong to the user and be writable by no one else
(else it is not used, with one warning), entries are files of mode 0600, and each one
is signed with a secret kept in the folder (mode 0600); an entry whose signature does
not match, or that cannot be read back, is built again.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import stat
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from . import __version__
from .errors import ConceptGraphWarning

__all__ = ["CACHE_ENV", "cache_dir", "cached", "cached_as", "remember", "remembered"]

CACHE_ENV = "CONCEPTGRAPH_CACHE"
_KEEP = 32
_MAGIC = b"conceptgraph-cache-1\n"
_SECRET = "secret"
T = TypeVar("T")


def cache_dir() -> Path | None:
    """Where graphs are cached, or None when caching is off."""
    value = os.environ.get(CACHE_ENV)
    if value is not None and value.strip().lower() in ("", "0", "off", "no", "false"):
        return None
    if value:
        return Path(value)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "conceptgraph"


def _private(st: os.stat_result) -> bool:
    """Owned by this user and writable by no one else."""
    return st.st_uid == os.geteuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _usable(folder: Path) -> bool:
    """Create ``folder`` (mode 0700) if needed; true when it is safe to trust."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        link = os.lstat(folder)
        st = os.stat(folder)
    except OSError:
        return False
    if stat.S_ISDIR(st.st_mode) and _private(st) and _private(link):
        return True
    warnings.warn(f"cache folder {folder} is not yours alone (owner or permissions); not using it",
                  ConceptGraphWarning, stacklevel=3)
    return False


def _secret(folder: Path) -> bytes | None:
    """The folder's signing key, made on first use; None if it cannot be trusted."""
    path = folder / _SECRET
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except FileExistsError:
        pass
    except OSError:
        return None
    else:
        with os.fdopen(fd, "wb") as f:
            f.write(os.urandom(32))
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as f:
            st = os.fstat(f.fileno())
            key = f.read(64)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode) or st.st_uid != os.geteuid() or st.st_mode & 0o077 or len(key) != 32:
        return None
    return key


def _code() -> str:
    """This package's version and its code: the name, size and modification time of each
    of its files (read once a process)."""
    global _CODE
    if _CODE is None:
        root = Path(__file__).parent
        files = sorted(p for p in root.rglob("*") if p.suffix in (".py", ".js", ".css", ".html") and p.is_file())
        stamps = "\0".join(f"{p.relative_to(root)}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in files)
        _CODE = hashlib.sha256(f"{__version__}\0{stamps}".encode("utf-8", "surrogateescape")).hexdigest()
    return _CODE


_CODE: str | None = None


def _key(files: list[Path]) -> str:
    h = hashlib.sha256(_code().encode())
    for f in files:
        st = f.stat()
        fields = (f.resolve(), st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_dev, st.st_ino)
        h.update("\0".join(map(str, fields)).encode("utf-8", "surrogateescape") + b"\n")
    return h.hexdigest()[:40]


def _load(entry: Path, secret: bytes) -> Any:
    """The value stored in ``entry``; raises if it is missing, foreign or altered."""
    fd = os.open(entry, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as f:
        if not _private(os.fstat(f.fileno())):
            raise ValueError("entry not ours")
        blob = f.read()
    head = len(_MAGIC) + 32
    if not blob.startswith(_MAGIC) or not hmac.compare_digest(
        blob[len(_MAGIC):head], hmac.new(secret, blob[head:], hashlib.sha256).digest()
    ):
        raise ValueError("entry not signed by this cache")
    return pickle.loads(blob[head:])  # noqa: S301 - signed with our own secret above


def cached(files: list[Path], build: Callable[[], T]) -> T:
    """What ``build()`` returns for ``files``: from the cache when they are unchanged,
    else built (then stored). A cache that cannot be used is ignored."""
    try:
        name = _key(files)
    except OSError:
        return build()
    return _cached(name, "pickle", build)


def cached_as(kind: str, digest: str, build: Callable[[], T]) -> T:
    """What ``build()`` returns for the inputs whose hash is ``digest``, kept as an entry
    of ``kind`` (a word: ``layout``): from the cache when it holds one, else built (then
    stored). A cache that cannot be used is ignored."""
    return _cached(hashlib.sha256(f"{_code()}\0{digest}".encode()).hexdigest()[:40], kind, build)


def remembered(kind: str, of: str) -> Any:
    """What :func:`remember` last kept as ``kind`` for ``of`` (a folder's path: where a
    review page drew its nodes), whatever version of this package kept it; None when
    nothing was, or the cache cannot be used."""
    place = _entry(_named(of), kind)
    if place is None:
        return None
    try:
        return _load(*place)
    except Exception:  # noqa: BLE001 - missing, truncated, foreign or corrupt: nothing remembered
        return None


def remember(kind: str, of: str, value: Any) -> None:
    """Keep ``value`` as ``kind`` for ``of``, for :func:`remembered` to give back in a
    later process (the newest entries of each kind are kept). A cache that cannot be used
    keeps nothing."""
    place = _entry(_named(of), kind)
    if place is not None:
        _store(*place, value)


def _named(of: str) -> str:
    return hashlib.sha256(of.encode("utf-8", "surrogateescape")).hexdigest()[:40]


def _entry(name: str, kind: str) -> tuple[Path, bytes] | None:
    """The path of the entry ``name.kind`` and the cache's secret, or None when the cache
    is off or cannot be trusted."""
    folder = cache_dir()
    if folder is None or not _usable(folder):
        return None
    secret = _secret(folder)
    return None if secret is None else (folder / f"{name}.{kind}", secret)


def _store(entry: Path, secret: bytes, value: Any) -> None:
    try:
        from .files import write_atomic

        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        write_atomic(entry, _MAGIC + hmac.new(secret, payload, hashlib.sha256).digest() + payload, mode=0o600)
        entries = sorted(entry.parent.glob(f"*{entry.suffix}"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in entries[_KEEP:]:
            old.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 - a cache must never break a command
        pass


def _cached(name: str, kind: str, build: Callable[[], T]) -> T:
    """The entry ``name.kind``, or what ``build()`` returns, then stored; the newest
    entries of each kind are kept."""
    place = _entry(name, kind)
    if place is None:
        return build()
    try:
        return _load(*place)  # type: ignore[no-any-return]
    except Exception:  # noqa: BLE001 - missing, truncated, foreign or corrupt: build it again
        pass
    value = build()
    _store(*place, value)
    return value
