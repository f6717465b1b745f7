"""Exporters and importers of graph files, one module per format, each declaring one
:class:`~conceptgraph.formats.common.Format` record. Everything else (the command
line's choices and help, file suffixes, detection by content, the writers) is derived
from :data:`FORMATS`: a new format is a new module and one line here.

>>> from conceptgraph import load_graph
>>> import io
>>> buf = io.BytesIO()
>>> write(load_graph(), "graphml", buf)
>>> buf.getvalue().startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
True
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..errors import DatasetError, UsageError
from . import cypher, cytoscape, gexf, graphml, mermaid, neo4j, nodelink, table
from .common import Format, conform

if TYPE_CHECKING:
    from ..graph import Graph

__all__ = ["FORMATS", "Format", "write", "export", "format_of_name", "format_to_write", "check_not_foreign", "read_graph",
           "conform", "graph_format", "DEFAULT_FOLDER"]

#: Every graph format, by name, in the order the command line lists them.
FORMATS: dict[str, Format] = {f.name: f for f in (
    graphml.FORMAT, graphml.YED, gexf.FORMAT, nodelink.FORMAT, cytoscape.FORMAT, neo4j.FORMAT, cypher.FORMAT, mermaid.FORMAT,
    table.FORMAT, table.RAW,
)}
#: Where exports go when no path is given (created when missing).
DEFAULT_FOLDER = Path("output")


def write(G: Graph, fmt: str, out: IO[bytes]) -> None:
    """Write ``G`` in the single-file format ``fmt`` to a binary stream."""
    f = FORMATS[fmt]
    if f.write is None:
        raise ValueError(f"'{fmt}' writes a folder of files, not one stream")
    positions = None
    if f.needs_positions:
        from ..layout import layout

        positions = layout(G)
    f.write(G, out, positions)


def format_of_name(path: str | os.PathLike[str]) -> str | None:
    """The format a file's name asks for by its suffix; None for a name with no suffix,
    or one no format (or several) have.

    >>> format_of_name("out/team.GEXF"), format_of_name("out/team"), format_of_name("team.txt")
    ('gexf', None, None)
    """
    suffix = Path(path).suffix.lower()
    owners = [n for n, f in FORMATS.items() if suffix and suffix in f.suffixes]
    return owners[0] if len(owners) == 1 else None


def format_to_write(path: str | os.PathLike[str]) -> str | None:
    """The format to write a file of this name in, when none is given: the one its suffix
    names, or Mermaid for Markdown notes ("notes.md"), the one format Markdown draws.

    >>> format_to_write("notes.md"), format_to_write("team.gexf"), format_to_write("notes.txt")
    ('mermaid', 'gexf', None)
    """
    if Path(path).suffix.lower() in mermaid.MARKDOWN:
        return mermaid.FORMAT.name
    return format_of_name(path)


def check_not_foreign(path: str | os.PathLike[str]) -> None:
    """A :class:`UsageError` when ``path`` names a document or picture no format is
    ("class.xlsx", "graph.png"): written so, it would open as neither."""
    from ..files import foreign

    if (what := foreign(path)) is not None:
        raise UsageError(f"{path}: {Path(path).suffix} names {what}, which no format here is: "
                         + ("the csv format writes a table a spreadsheet opens (-o FILE.csv)"
                            if what == "a spreadsheet" else f"give a file named for one of {', '.join(FORMATS)}"))


def _check_name(fmt: str, path: Path) -> None:
    """A :class:`UsageError` when ``path``'s suffix is another format's ("team.gexf" for
    GraphML): a tool would open it as that format, and fail."""
    f = FORMATS[fmt]
    own = (*f.suffixes, Path(f.default_name).suffix)
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):  # a browser would open it as a page, and show the file's text
        raise UsageError(f"{path}: {path.suffix} names a page, not {fmt}: "
                         + (f"name it {path.with_suffix(own[0])}" if own[0] else "give -o FOLDER")
                         + " (conceptgraph render writes pages)")
    other = format_to_write(path)  # (Markdown notes draw Mermaid: "notes.md" is no GraphML)
    json_both = {suffix, *own} <= {".json", ".cyjs"}  # told apart by their keys when read
    if other is not None and other != fmt and suffix not in own and not json_both:
        if f.write_folder is not None:
            raise UsageError(f"{path}: {path.suffix} names a {other} file; {fmt} writes a folder of files: "
                             "give -o FOLDER")
        # GraphML for yEd is GraphML: "give --format graphml" would leave out yEd's drawing
        kin = own[0] in FORMATS[other].suffixes
        fix = f"name it {path.with_suffix(own[0])}" + ("" if kin else f", or give --format {other}") if own[0] \
            else f"give --format {other}"
        raise UsageError(f"{path}: {path.suffix} names a {other} file, not {fmt}: {fix}")


def export(G: Graph, fmt: str | None, path: str | os.PathLike[str] | None = None, force: bool = False,
           name: str = "concept_graph", keep: tuple[Path, ...] = ()) -> dict[str, Any]:
    """Export ``G`` as ``fmt`` to ``path`` (default under ``output/``, named after
    ``name``: ``output/concept_graph.graphml``; ``"-"`` for standard output, every byte
    checked). With no ``fmt``, the format is the one ``path``'s suffix names; a suffix of
    another format's is refused (GraphML is never written to "team.gexf"). Files are
    replaced atomically: a failure leaves the old one; an existing file is replaced only
    when it is an earlier export in this format (or empty), unless ``force``. A folder
    format replaces only an empty folder or an earlier export of ours that holds nothing
    else, unless ``force``. Nothing replaces ``keep``, the data the graph was read from
    (:func:`conceptgraph.files.data_paths`), nor a folder holding it, ``force`` or not.

    Returns ``{"format", "path"}``, plus ``"files"`` and ``"command"`` for a folder.
    """
    from ..files import Own, check_named, keep_clear, write_atomic_with, write_folder
    from ..progress import Progress
    from ..stdout import stdout_stream

    if path is not None:
        check_named(path)
        check_not_foreign(path)
    default = path is None
    if fmt is None:
        fmt = None if default or str(path) == "-" else format_to_write(str(path))
        if fmt is None:
            raise UsageError(f"give a format: one of {', '.join(FORMATS)}" + (
                "" if default or str(path) == "-" else f" ({Path(str(path)).name} names none by its suffix)"))
    f = FORMATS.get(fmt)
    if f is None:
        raise ValueError(f"unknown format '{fmt}': one of {', '.join(FORMATS)}")
    target = DEFAULT_FOLDER / f.default_name.format(name=name) if default else Path(str(path))
    if not default and str(path) != "-":
        if keep:  # replacing the data being read says so first, whatever the name
            keep_clear(target, Path(os.path.realpath(target)), keep, folder=f.write_folder is not None)
        _check_name(fmt, target)
    if str(path) == "-":
        if f.write is None:
            raise UsageError(f"{fmt} writes a folder of files: give -o FOLDER")
        with stdout_stream() as out:
            write(G, fmt, out)
        return {"format": fmt, "path": "-"}
    if f.write_folder is not None:
        files = f.write_folder(G)
        # --force takes a folder of this export's files whose mark was lost, never one of other files
        write_folder(target, files, replace="exports", own=frozenset(files) if force else frozenset(), mark=True,
                     make_parents=default, keep=keep)
        result: dict[str, Any] = {"format": fmt, "path": str(target), "files": sorted(files)}
        if f.after is not None:
            result["command"] = f.after(target, sorted(files))
        return result
    # an earlier export in this format may be replaced; anything else only with force
    ours = None if force or f.written is None else Own(f"{fmt} export", f.written)
    if fmt == mermaid.FORMAT.name and target.suffix.lower() in mermaid.MARKDOWN:
        def fill(out: IO[bytes]) -> None:  # Markdown draws a flowchart fenced as mermaid
            mermaid.write_mermaid(G, out, fenced=True)
    else:
        def fill(out: IO[bytes]) -> None:
            write(G, fmt, out)
    with Progress(f"writing {target.name}"):
        write_atomic_with(target, fill, make_parents=default, keep=keep, ours=ours)
    return {"format": fmt, "path": str(target)}


def graph_format(path: Path, head: bytes) -> Format | None:
    """The graph format of a file: by its suffix, else by its first bytes."""
    suffix = path.suffix.lower()
    readers = [f for f in FORMATS.values() if f.read is not None]
    # the suffix and the first bytes agree; else the first bytes ("x.json" holding Cytoscape's
    # elements); else the suffix alone (a file too odd to recognise is read, and its fault named)
    for f in readers:
        if suffix in f.suffixes and (f.sniff is None or f.sniff(head)):
            return f
    for f in readers:
        if f.sniff is not None and f.sniff(head):
            return f
    return next((f for f in readers if suffix in f.suffixes and suffix != ".xml"), None)


def read_graph(path: str | os.PathLike[str]) -> Graph:
    """Read a graph file written by us or another tool (GraphML, GEXF, node-link or
    Cytoscape JSON),
    known by its suffix or its content, every value as the file typed it: an export
    reads back equal to the graph written. :func:`conform` (which ``load_graph`` applies)
    makes it one the queries can trust. Raises :class:`DatasetError` naming file and line."""
    from ..files import read_limited

    p = Path(path)
    data = read_limited(p)
    f = graph_format(p, data[:4096])
    if f is None or f.read is None:
        raise DatasetError("not a graph file this tool reads (GraphML, GEXF, node-link or Cytoscape JSON)", str(p))
    return f.read(data, str(p))
