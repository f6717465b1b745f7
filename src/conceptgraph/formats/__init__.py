"""Exporters and importers, one module per format; this module picks among them.

>>> from conceptgraph import load_graph
>>> import io
>>> buf = io.BytesIO()
>>> write(load_graph(), "graphml", buf)
>>> buf.getvalue().startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
True
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..errors import DatasetError, OutputError

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["FORMATS", "GRAPH_SUFFIXES", "write", "export", "read_graph"]

#: format name -> (default file name under output/, what it is for)
FORMATS: dict[str, tuple[str, str]] = {
    "graphml": ("concept_graph.graphml", "GraphML for yEd, Cytoscape, igraph, Gephi (validates against the XSD)"),
    "gexf": ("concept_graph.gexf", "GEXF 1.3 for Gephi, with colours and positions"),
    "json": ("concept_graph.json", "networkx node-link JSON"),
    "cytoscape": ("concept_graph.cyjs", "Cytoscape.js elements JSON, with positions"),
    "neo4j": ("neo4j", "a folder of CSV files for neo4j-admin database import"),
    "mermaid": ("concept_graph.mmd", "a Mermaid flowchart for Markdown"),
}

#: file suffix -> format that ``--data`` reads
GRAPH_SUFFIXES = {".graphml": "graphml", ".xml": "graphml", ".gexf": "gexf", ".json": "json"}


def write(G: nx.MultiDiGraph, fmt: str, out: IO[bytes]) -> None:
    """Write ``G`` in a single-file ``fmt`` to a binary stream."""
    if fmt == "graphml":
        from .graphml import write_graphml

        write_graphml(G, out)
    elif fmt == "gexf":
        from ..layout import layout
        from .gexf import write_gexf

        write_gexf(G, out, layout(G))
    elif fmt == "json":
        from .nodelink import write_node_link

        write_node_link(G, out)
    elif fmt == "cytoscape":
        from ..layout import layout
        from .cytoscape import write_cytoscape

        write_cytoscape(G, out, layout(G))
    elif fmt == "mermaid":
        from .mermaid import write_mermaid

        write_mermaid(G, out)
    else:
        raise ValueError(f"unknown or multi-file format '{fmt}'")


def export(G: nx.MultiDiGraph, fmt: str, path: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """Export ``G`` as ``fmt`` to ``path`` (default under ``output/``; ``"-"`` for
    standard output). Files are replaced atomically: a failure leaves the old one.

    Returns ``{"format", "path"}``, plus ``"files"`` and ``"command"`` for neo4j.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format '{fmt}': one of {', '.join(FORMATS)}")
    target = Path(path) if path not in (None, "") else Path("output") / FORMATS[fmt][0]
    if str(path) == "-":
        if fmt == "neo4j":
            raise OutputError("neo4j writes a folder of files: give -o FOLDER")
        write(G, fmt, sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return {"format": fmt, "path": "-"}
    if fmt == "neo4j":
        from .neo4j import import_command, neo4j_files

        files = neo4j_files(G)
        _replace_folder(target, files)
        return {"format": fmt, "path": str(target), "files": sorted(files),
                "command": import_command(target.resolve(), files)}
    from ..files import write_atomic_with
    from ..progress import Progress

    with Progress(f"writing {target.name}"):
        write_atomic_with(target, lambda f: write(G, fmt, f))
    return {"format": fmt, "path": str(target)}


def _replace_folder(target: Path, files: dict[str, bytes]) -> None:
    """Fill a new folder beside ``target``, then swap it in: a failure leaves the old one."""
    import shutil
    import tempfile

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists() and not target.is_dir():
            raise OutputError(f"{target}: exists and is not a folder")
        fresh = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
        try:
            fresh.chmod(0o755)
            for name, data in files.items():
                (fresh / name).write_bytes(data)
            old = None
            if target.exists():
                old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
                os.replace(target, old / target.name)
            os.replace(fresh, target)
            if old:
                shutil.rmtree(old, ignore_errors=True)
        except BaseException:
            shutil.rmtree(fresh, ignore_errors=True)
            raise
    except OSError as e:
        raise OutputError(f"{target}: cannot write: {e.strerror or e}") from None


def read_graph(path: str | os.PathLike[str]) -> nx.MultiDiGraph:
    """Read a graph file written by us or another tool, by its suffix (GraphML,
    GEXF, node-link JSON). Raises :class:`DatasetError` naming file and line."""
    p = Path(path)
    fmt = GRAPH_SUFFIXES.get(p.suffix.lower())
    if fmt is None:
        raise DatasetError(f"unknown graph file type '{p.suffix}'", str(p))
    try:
        stream = p.open("rb")
    except OSError as e:
        raise DatasetError(f"cannot read: {e.strerror or e}", str(p)) from None
    with stream:
        if fmt == "graphml":
            from .graphml import read_graphml

            return read_graphml(stream, str(p))
        if fmt == "gexf":
            from .gexf import read_gexf

            return read_gexf(stream, str(p))
        from .nodelink import read_node_link

        return read_node_link(stream, str(p))
