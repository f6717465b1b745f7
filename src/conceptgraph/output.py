"""The one place that turns query results into text: JSON for machines, tables for people.

Every command hands its result to :func:`emit`; ``--json`` prints the result itself as
JSON, otherwise a formatter turns it into readable text. Data goes to stdout only.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TextIO

__all__ = ["emit", "to_json", "table", "wrap_quote"]


def to_json(result: Any) -> str:
    """Stable JSON: keys kept in the order the library built them, non-ASCII kept.

    >>> to_json({"b": 1, "a": [None]})
    '{\\n  "b": 1,\\n  "a": [\\n    null\\n  ]\\n}'
    """
    return json.dumps(result, indent=2, ensure_ascii=False, allow_nan=False)


def emit(result: Any, as_json: bool, text: Callable[[Any], str], out: TextIO | None = None) -> None:
    """Print ``result`` as JSON when ``as_json``, else as ``text(result)`` with any
    control character from the data shown escaped, whatever formatter made the text."""
    out = out or sys.stdout
    body = to_json(result) if as_json else "\n".join(_clean(line) for line in text(result).split("\n"))
    out.write(body if body.endswith("\n") else body + "\n")


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1 for ch in s)


def _clean(cell: Any) -> str:
    # A dataset string may hold control characters that would move the cursor or
    # recolour a terminal: show them escaped instead.
    s = "" if cell is None else str(cell)
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in s)


def table(rows: Iterable[Sequence[Any]], headers: Sequence[str]) -> str:
    """A plain-text table with aligned columns.

    >>> print(table([["cooperation", 3]], ["term", "n"]))
    term         n
    -----------  -
    cooperation  3
    """
    cells = [[_clean(c) for c in row] for row in rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(headers)]

    def line(row: Sequence[str]) -> str:
        return "  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths)).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *(line(r) for r in cells)])


def wrap_quote(quote: str, speaker: str, where: str, indent: str = "    ") -> str:
    """One line of evidence: the quote in typographic quotes, then who and where."""
    who = ", ".join(_clean(x) for x in (speaker, where) if x)
    said = f"“{_clean(quote)}”" if quote else ""
    return indent + " ".join(x for x in (said, f"({who})" if who else "") if x)
