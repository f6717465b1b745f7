"""Domain errors. Each message is one line a person can act on; the command line maps
each class to its own exit code (see ``EXIT_CODES``)."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "ConceptGraphError",
    "DatasetError",
    "NodeNotFound",
    "AmbiguousName",
    "NoResult",
    "OutputError",
    "EXIT_CODES",
    "did_you_mean",
    "article",
]


class ConceptGraphError(Exception):
    """Base class of every error this package reports to a person."""


class DatasetError(ConceptGraphError):
    """A dataset cannot be read: ``file:line: problem``."""

    def __init__(self, problem: str, file: str = "", line: int | None = None) -> None:
        self.problem = problem
        self.file = file
        self.line = line
        where = file
        if file and line is not None:
            where = f"{file}:{line}"
        super().__init__(f"{where}: {problem}" if where else problem)


class NodeNotFound(ConceptGraphError):
    """No node answers to a name."""


class AmbiguousName(ConceptGraphError):
    """Several nodes answer to a name."""


class NoResult(ConceptGraphError):
    """A query has no answer, e.g. no path joins two nodes."""


class OutputError(ConceptGraphError):
    """A file could not be written; any earlier file at that path is left as it was."""


#: Exit code of each error class (0 is success, 2 is a usage error from Click).
EXIT_CODES: dict[type[ConceptGraphError], int] = {
    DatasetError: 1,
    NodeNotFound: 3,
    AmbiguousName: 4,
    NoResult: 5,
    OutputError: 6,
}


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Return ``" (did you mean 'x'?)"`` for the closest choice, or ``""``.

    >>> did_you_mean("tod", ["todd", "ron"])
    " (did you mean 'todd'?)"
    """
    import difflib  # only on the way to an error message

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def article(noun: str) -> str:
    """``noun`` with its indefinite article, for messages.

    >>> article("attribute"), article("term")
    ('an attribute', 'a term')
    """
    return f"an {noun}" if noun[:1].lower() in "aeiou" else f"a {noun}"
