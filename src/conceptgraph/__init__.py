"""conceptgraph: explore a discussion as a graph of terms, attributes and contributors.

>>> import conceptgraph
>>> G = conceptgraph.load_graph()          # the bundled discussion
>>> conceptgraph.graph_summary(G)["nodes"]["term"] >= 10
True
"""

from __future__ import annotations

__version__ = "0.1.0"

# Names are imported on first use (PEP 562), so that a command that needs only some
# of the package does not pay for importing all of it.
_LAZY = {
    "load_dataset": "dataset", "parse_dataset": "dataset",
    "build_graph": "graph", "default_data_path": "graph", "graph_summary": "graph", "load_graph": "graph",
    "Attribute": "model", "Claim": "model", "Contributor": "model", "Dataset": "model", "Relation": "model",
    "Source": "model", "Term": "model",
    "AmbiguousName": "errors", "ConceptGraphError": "errors", "DatasetError": "errors", "NodeNotFound": "errors",
    "NoResult": "errors", "OutputError": "errors",
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
    "load_dataset",
    "parse_dataset",
    "build_graph",
    "load_graph",
    "default_data_path",
    "graph_summary",
    "Dataset",
    "Source",
    "Term",
    "Attribute",
    "Contributor",
    "Claim",
    "Relation",
    "ConceptGraphError",
    "DatasetError",
    "NodeNotFound",
    "AmbiguousName",
    "NoResult",
    "OutputError",
]
