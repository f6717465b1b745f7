"""Load the graph a command works on: a dataset (a YAML file or a folder of them) or a
graph file from us or another tool (GraphML, GEXF, node-link JSON), told apart by
suffix or content, through the cache of built graphs when asked.

>>> G = load_graph()                       # the bundled discussion
>>> G.number_of_nodes() > 100
True
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ConceptGraphWarning

if TYPE_CHECKING:
    from .graph import Graph

__all__ = ["DATA_ENV", "default_data_path", "data_path", "load_graph"]

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


def _is_dataset(path: Path) -> bool:
    from .files import DATASET_SUFFIXES

    return path.is_dir() or path.suffix.lower() in DATASET_SUFFIXES


def load_graph(path: str | os.PathLike[str] | None = None, cache: bool = False) -> Graph:
    """Load the graph at ``path``: a dataset file or folder, or a graph file (GraphML,
    GEXF, node-link JSON) from us or another tool; by default the dataset named by
    ``$CONCEPTGRAPH_DATA``, else the bundled one. With ``cache``, a graph built before
    from the same unchanged files is read back from :mod:`conceptgraph.cache`.

    What a file holds that the graph cannot keep is reported as a
    :class:`~conceptgraph.errors.ConceptGraphWarning` (again when read from the cache).
    Raises :class:`~conceptgraph.errors.DatasetError` for a file that cannot be read.
    """
    from .files import input_files

    p = data_path(path)
    files = input_files(p)

    def build() -> tuple[Graph, list[str]]:
        from .graph import gc_paused
        from .progress import Progress

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ConceptGraphWarning)
            with gc_paused(), Progress(f"reading {p.name}") as progress:
                if _is_dataset(p):
                    from .dataset import load_dataset
                    from .graph import build_graph

                    ds = load_dataset(p)
                    progress.phase(f"building the graph of {ds.node_count} nodes")
                    G = build_graph(ds)
                else:
                    from .formats import read_graph

                    G = read_graph(p)
        return G, [str(w.message) for w in caught if issubclass(w.category, ConceptGraphWarning)]

    if cache:
        from .cache import cached

        G, notes = cached(files, build)
    else:
        G, notes = build()
    for note in notes:
        warnings.warn(note, ConceptGraphWarning, stacklevel=2)
    return G
