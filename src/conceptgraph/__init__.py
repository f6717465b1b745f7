"""conceptgraph: explore a discussion as a graph of terms, attributes and contributors.

>>> import conceptgraph
>>> G = conceptgraph.load_graph()          # the bundled discussion
>>> conceptgraph.graph_summary(G)["nodes"]["term"] >= 10
True
"""

from __future__ import annotations

__version__ = "0.1.0"

from .dataset import load_dataset, parse_dataset
from .errors import AmbiguousName, ConceptGraphError, DatasetError, NodeNotFound, NoResult, OutputError
from .graph import build_graph, default_data_path, graph_summary, load_graph
from .model import Attribute, Claim, Contributor, Dataset, Relation, Source, Term

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
