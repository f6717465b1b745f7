"""A cache of built graphs, so that repeated commands on a big dataset answer at once.

The command line keeps each graph it builds as a pickle under
``$CONCEPTGRAPH_CACHE`` (default ``~/.cache/conceptgraph``; ``off`` disables it),
named by a hash of the dataset's path, the size and modification time of each of its
files, and this package's version: any edit makes a new entry. Only the newest 32
entries are kept.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path

import networkx as nx

from . import __version__

__all__ = ["CACHE_ENV", "cache_dir", "cached"]

CACHE_ENV = "CONCEPTGRAPH_CACHE"
_KEEP = 32


def cache_dir() -> Path | None:
    """Where graphs are cached, or None when caching is off."""
    value = os.environ.get(CACHE_ENV)
    if value is not None and value.strip().lower() in ("", "0", "off", "no", "false"):
        return None
    if value:
        return Path(value)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "conceptgraph"


def _key(files: list[Path]) -> str:
    h = hashlib.sha256(__version__.encode())
    for f in files:
        st = f.stat()
        h.update(f"{f.resolve()}\0{st.st_size}\0{st.st_mtime_ns}\0".encode("utf-8", "surrogateescape"))
    return h.hexdigest()[:40]


def cached(files: list[Path], build: Callable[[], nx.MultiDiGraph]) -> nx.MultiDiGraph:
    """The graph built from ``files``: from the cache when they are unchanged, else
    from ``build()`` (then stored). A cache that cannot be read or written is ignored."""
    folder = cache_dir()
    if folder is None:
        return build()
    try:
        entry = folder / f"{_key(files)}.pickle"
    except OSError:
        return build()
    try:
        with entry.open("rb") as f:
            G = pickle.load(f)
        if isinstance(G, nx.MultiDiGraph):
            return G
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass
    G = build()
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        from .files import write_atomic

        write_atomic(entry, pickle.dumps(G, protocol=pickle.HIGHEST_PROTOCOL))
        entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in entries[_KEEP:]:
            old.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 - a cache must never break a command
        pass
    return G
