"""conceptgraph: explore a discussion as a graph of terms, attributes and contributors.

>>> import conceptgraph
>>> G = conceptgraph.load_graph()          # the bundled discussion
>>> conceptgraph.graph_summary(G)["nodes"]["term"] >= 10
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.2.0"

if TYPE_CHECKING:  # what type checkers and editors see; at run time, names load on first use
    from .dataset import load_dataset, parse_dataset
    from .errors import (
        AmbiguousName,
        ConceptGraphError,
        ConceptGraphWarning,
        DatasetError,
        NodeNotFound,
        NoResult,
        OutputError,
        UsageError,
        WriteConflict,
    )
    from .graph import Graph, build_graph, graph_summary
    from .load import default_data_path, load_graph
    from .model import Attribute, Claim, Contributor, Dataset, Message, Relation, Source, Term

# Names are imported on first use (PEP 562), so that a command that needs only some of
# the package (``conceptgraph --help``) does not pay for importing all of it.
_LAZY = {
    "load_dataset": "dataset", "parse_dataset": "dataset",
    "Graph": "graph", "build_graph": "graph", "graph_summary": "graph",
    "default_data_path": "load", "load_graph": "load",
    "Attribute": "model", "Claim": "model", "Contributor": "model", "Dataset": "model", "Message": "model",
    "Relation": "model", "Source": "model", "Term": "model",
    "AmbiguousName": "errors", "ConceptGraphError": "errors", "ConceptGraphWarning": "errors",
    "DatasetError": "errors", "NodeNotFound": "errors", "NoResult": "errors", "OutputError": "errors",
    "UsageError": "errors", "WriteConflict": "errors",
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'conceptgraph' has no attribute '{name}'")


__all__ = [
    "__version__",
    "load_graph", "load_dataset", "parse_dataset", "build_graph", "graph_summary", "default_data_path", "Graph",
    "Dataset", "Source", "Term", "Attribute", "Contributor", "Message", "Claim", "Relation",
    "ConceptGraphError", "ConceptGraphWarning", "DatasetError", "UsageError", "NodeNotFound", "AmbiguousName",
    "NoResult", "OutputError", "WriteConflict",
]
