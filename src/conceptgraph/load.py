"""Load the graph a command works on: a dataset (a YAML file or a folder of them), a
graph file from us or another tool (GraphML, GEXF, node-link JSON), or a discussion
export (WordPress, Disqus, Discourse, Reddit, mail, Slack, transcripts, plain text),
told apart by content and suffix; through the cache of built graphs when asked.

>>> G = load_graph()                       # the bundled discussion
>>> G.number_of_nodes() > 100
True
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ConceptGraphWarning, DatasetError

if TYPE_CHECKING:
    from .graph import Graph

__all__ = ["DATA_ENV", "default_data_path", "data_path", "input_kind", "load_graph"]

DATA_ENV = "CONCEPTGRAPH_DATA"


def default_data_path() -> Path:
    """The bundled dataset of the discussion: inside the installed package, or the
    ``graph_data/`` folder of a source checkout."""
    here = Path(__file__).resolve().parent
    bundled = here / "graph_data"  # where the wheel puts it
    return bundled if bundled.is_dir() else here.parents[1] / "graph_data"


def data_path(path: str | os.PathLike[str] | None = None) -> Path:
    """``path``, else ``$CONCEPTGRAPH_DATA``, else the bundled dataset."""
    if path is None or str(path) == "":
        return Path(os.environ.get(DATA_ENV) or default_data_path())
    return Path(path)


def input_kind(path: Path) -> tuple[str, list[Path]]:
    """What ``path`` is (``dataset``, ``graph`` or ``discussion``) and the files it is made
    of (for the cache's key). A discussion is recognised by its content: a Slack export,
    a Stack Exchange dump, a WordPress or Disqus XML file, a Discourse, Reddit, GitHub or
    Stack Exchange JSON file, a saved web page, mail, a transcript."""
    from .files import DATASET_SUFFIXES, DECISIONS_FILE, check_readable, input_files, recover

    if not os.path.lexists(path):
        recover(path)  # a folder whose replacement was cut short is finished first
    if path.is_dir():
        from .discussions import folder_format

        if folder_format(path) is not None:
            files = sorted(p for p in path.rglob("*") if p.suffix.lower() in (".json", ".xml") and p.is_file()
                           and not p.is_symlink())
            return "discussion", files
        return "dataset", input_files(path)
    check_readable(path)
    if path.name == DECISIONS_FILE:
        raise DatasetError(f"{DECISIONS_FILE} holds a review's decisions, not a dataset: give its folder "
                           f"({path.parent})", str(path))
    if path.suffix.lower() in DATASET_SUFFIXES:
        return "dataset", [path]
    try:
        with open(path, "rb") as f:
            head = f.read(8192)
    except OSError as e:
        raise DatasetError(f"cannot read: {e.strerror or e}", str(path)) from None
    from .discussions import detect
    from .formats import FORMATS

    # a discussion export first: its marks are specific, while a GraphQL answer's "nodes"
    # would pass for node-link JSON
    found = detect(path)
    if found is not None:
        if found.name == "stackexchange":  # a Posts.xml is read with the files beside it
            from .discussions.stackexchange import dump_files

            return "discussion", sorted(dump_files(path).values())
        return "discussion", [path]
    if any(f.read is not None and f.sniff is not None and f.sniff(head) for f in FORMATS.values()):
        return "graph", [path]
    if any(f.read is not None and path.suffix.lower() in f.suffixes for f in FORMATS.values()):
        return "graph", [path]
    raise DatasetError("neither a dataset (.yaml), a graph file (GraphML, GEXF, node-link JSON) nor a discussion "
                       "export this tool reads", str(path))


def load_graph(path: str | os.PathLike[str] | None = None, cache: bool = False) -> Graph:
    """Load the graph at ``path``: a dataset file or folder, a graph file (GraphML,
    GEXF, node-link JSON) from us or another tool, or a discussion export (imported on
    the fly); by default the dataset named by ``$CONCEPTGRAPH_DATA``, else the bundled
    one. With ``cache``, a graph built before from the same unchanged files is read
    back from :mod:`conceptgraph.cache`.

    What a file holds that the graph cannot keep is reported as a
    :class:`~conceptgraph.errors.ConceptGraphWarning` (again when read from the cache).
    Raises :class:`~conceptgraph.errors.DatasetError` for a file that cannot be read.
    """
    p = data_path(path)
    kind, files = input_kind(p)

    def build() -> tuple[Graph, list[str]]:
        from .graph import build_graph, gc_paused
        from .progress import Progress

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ConceptGraphWarning)
            with gc_paused(), Progress(f"reading {p.name}") as progress:
                if kind == "dataset":
                    from .dataset import load_dataset
                    from .decisions import texts_in_step

                    # a folder whose draft.yaml and reviewed.yaml are behind its decisions (a review
                    # stopped before it wrote them) is read as the decisions have it
                    ds = load_dataset(p, texts_in_step(p) if p.is_dir() else None)
                    progress.phase(f"building the graph of {ds.node_count} nodes")
                    G = build_graph(ds)
                elif kind == "discussion":
                    from .discussions import read_discussion

                    G = build_graph(read_discussion([p])[0])
                else:
                    from .formats import conform, read_graph

                    G = conform(read_graph(p))
        return G, [str(w.message) for w in caught if issubclass(w.category, ConceptGraphWarning)]

    if cache:
        from .cache import cached
        from .files import DECISIONS_FILE

        # a review's decisions, which draft.yaml and reviewed.yaml may not show yet, are read too
        decided = [p / DECISIONS_FILE] if kind == "dataset" and p.is_dir() and (p / DECISIONS_FILE).is_file() else []
        G, notes = cached(files + decided, build)
    else:
        G, notes = build()
    for note in notes:
        warnings.warn(note, ConceptGraphWarning, stacklevel=2)
    return G
