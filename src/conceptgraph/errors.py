"""Domain errors. Each message is one line a person can act on, and each class carries
the exit code the command line ends with (``exit_code``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

__all__ = [
    "ConceptGraphError",
    "DatasetError",
    "NoDatasetFile",
    "NodeNotFound",
    "WrongKind",
    "AmbiguousName",
    "NoResult",
    "OutputError",
    "WriteConflict",
    "UsageError",
    "ConceptGraphWarning",
    "excerpt",
    "printable",
    "did_you_mean",
    "article",
]


class ConceptGraphError(Exception):
    """Base class of every error this package reports to a person."""

    exit_code = 1


class DatasetError(ConceptGraphError):
    """A dataset cannot be read: ``file:line: problem``."""

    exit_code = 1

    def __init__(self, problem: str, file: str = "", line: int | None = None) -> None:
        self.problem = problem
        self.file = file
        self.line = line
        where = file
        if file and line is not None:
            where = f"{file}:{line}"
        super().__init__(f"{where}: {problem}" if where else problem)


class NoDatasetFile(DatasetError):
    """A folder given as a dataset holds no dataset file (the command line says what it
    holds instead: an export to import)."""

    def __init__(self, folder: str) -> None:
        super().__init__("folder holds no dataset file (*.yaml, *.yml)", folder)


class UsageError(ConceptGraphError):
    """A question that cannot be asked, e.g. a term compared with itself."""

    exit_code = 2


class ConceptGraphWarning(UserWarning):
    """Something was read but not kept, or a setting was ignored; the command line
    prints it as one line on stderr and goes on."""


class NamedByIdWarning(ConceptGraphWarning):
    """Writers an export names by an id only (``ids``, every one of them), for ``--rename``
    to name; ``rest``: what the warning still says once each of them is renamed ("" when
    nothing), so that an import that names them all is not told to name them."""

    def __init__(self, message: str, ids: Sequence[str], rest: str = "") -> None:
        super().__init__(message)
        self.ids = tuple(ids)
        self.rest = rest


class NodeNotFound(ConceptGraphError):
    """No node answers to a name (``name``, when the message is about one name looked for,
    and ``kind``, the kind of node it was to be)."""

    exit_code = 3

    def __init__(self, message: str, name: str | None = None, kind: str | None = None) -> None:
        super().__init__(message)
        self.name = name
        self.kind = kind


class WrongKind(NodeNotFound):
    """A node answers to the name, but of another kind than the question needs (a
    contributor where compare needs a term)."""


class AmbiguousName(ConceptGraphError):
    """Several nodes answer to a name."""

    exit_code = 4


class NoResult(ConceptGraphError):
    """A query has no answer, e.g. no path joins two nodes."""

    exit_code = 5


class OutputError(ConceptGraphError):
    """A file could not be written; any earlier file at that path is left as it was."""

    exit_code = 6


class WriteConflict(OutputError):
    """A file or folder changed since it was read (another writer, an editor): it is left
    as it is and nothing is written; read it again and redo the change."""


def did_you_mean(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str:
    """Return ``" (did you mean 'x'?)"`` for the closest choice (at least ``cutoff`` alike,
    as :func:`difflib.get_close_matches` measures it), or ``""``.

    >>> did_you_mean("tod", ["todd", "ron"])
    " (did you mean 'todd'?)"
    """
    import difflib  # only on the way to an error message

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return f" (did you mean '{close[0]}'?)" if close else ""


def article(noun: str) -> str:
    """``noun`` with its indefinite article, for messages.

    >>> article("attribute"), article("term")
    ('an attribute', 'a term')
    """
    return f"an {noun}" if noun[:1].lower() in "aeiou" else f"a {noun}"


def excerpt(text: object, limit: int = 60) -> str:
    """A short, printable excerpt of a value from a file, for an error message: a
    message never carries more of a file than this (its first line may be a secret).

    >>> excerpt("a\\x1b[2Jb" + "x" * 100, 10)
    'a\\\\x1b[2Jbxxxx…'
    """
    s = str(text)
    return printable(s[:limit]) + ("…" if len(s) > limit else "")


#: Bidirectional controls reorder what a terminal (or a page) shows ("Trojan Source"):
#: escaped, like control characters, here and on the pages.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
#: Spaces of no width (a zero-width space, a word joiner, a byte order mark inside a text):
#: shown escaped, as a bidi control is, since they hide in a label ("breach\u200b of
#: contract" reads as "breach of contract") and shift a table's columns; a joiner (an
#: emoji's, Persian's) is the writing's own and stays.
ZERO_WIDTH = frozenset("\u200b\u2060\ufeff")


def printable(text: str) -> str:
    """``text`` with every character that could steer a terminal (escape sequences,
    line breaks, bidi controls) shown escaped; a space of another width (no-break,
    thin...) printed as a space, and an invisible joiner or soft hyphen as it is.

    >>> printable("ok\\n\\x1b]52;c;x\\x07\\u202e")
    'ok\\\\n\\\\x1b]52;c;x\\\\x07\\\\u202e'
    >>> printable("1\\xa0000\\u2009km")
    '1 000 km'
    >>> printable("\\tindented")  # a tab (a patch's indentation) is four spaces: it steers nothing
    '    indented'
    >>> printable("breach\\u200b of contract"), printable("\\U0001f469\\u200d\\U0001f4bb") == "\\U0001f469\\u200d\\U0001f4bb"
    ('breach\\\\u200b of contract', True)
    """
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else _shown(ch) for ch in text)


def _shown(ch: str) -> str:
    import unicodedata

    category = unicodedata.category(ch)
    if ch == "\t":
        return "    "
    if category == "Zs":
        return " "
    if category == "Cf" and ch not in BIDI_CONTROLS and ch not in ZERO_WIDTH:
        return ch
    return repr(ch)[1:-1]
