"""A table of what was said: one CSV row per claim and per relation stated (between
terms, between attributes, between people), with who said it, their words and where,
for R, pandas or a spreadsheet; in a dataset of several threads, ``thread`` says whose
(``df.groupby("thread")`` compares communities). Authorship, replies and the context links (mentions,
terms named together) are the thread's shape, not statements, and are left out; the
graph formats keep them.

A cell that a spreadsheet would run as a formula (one that opens with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return, which "+1" does) starts with an apostrophe,
the mark spreadsheets take for "text": the words stay readable, and nothing runs; a
control character (ESC, NUL, BEL: never a tab or a line's end), or one that overrides the
words' direction (U+202E), is written as U+FFFD, which a spreadsheet shows and a terminal
does not act on. The
``pandas`` format is the same table with every cell as written, for code that reads it
(a quote is then ``text[start:end]`` of its message, "+1" included), never for a
spreadsheet.

>>> import io
>>> from conceptgraph import load_graph
>>> buf = io.BytesIO()
>>> write_table(load_graph(), buf)
>>> buf.getvalue().decode().splitlines()[0]
'kind,says,source,source_label,target,target_label,negated,speaker,speaker_name,quote,where,message,start,end,about,status,confidence,inferred,key,thread'
"""

from __future__ import annotations

import csv
import io
import re
from functools import partial
from typing import IO, TYPE_CHECKING, Any

from ..kinds import ASSERTS, CLAIM, CO_OCCURS, MENTIONS, RELATION_KINDS, REPLIES_TO, WROTE, claim_text
from ..places import thread_of
from .common import Format, utf8

if TYPE_CHECKING:
    from ..graph import Graph

__all__ = ["write_table", "HEADER", "FORMAT", "RAW"]

HEADER = ("kind", "says", "source", "source_label", "target", "target_label", "negated", "speaker", "speaker_name",
          "quote", "where", "message", "start", "end", "about", "status", "confidence", "inferred", "key", "thread")
_SHAPE = frozenset((ASSERTS, WROTE, REPLIES_TO, MENTIONS, CO_OCCURS))  # the thread's shape, not statements
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
# Control characters but a tab and line ends, and the overrides and isolates of the words'
# direction (a cell would show "exe.png" of "\u202egnp.exe"): written as U+FFFD for a
# spreadsheet (and a terminal)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _cell(value: Any, guard: bool = True) -> str:
    if value is None or value is False:
        return ""
    if value is True:
        return "true"
    if isinstance(value, (list, tuple)):
        value = "; ".join(map(str, value))
    text = str(value)
    if not guard:
        return text
    text = _CONTROL.sub("\ufffd", text)  # a terminal would act on ESC, a spreadsheet shows none of them
    return "'" + text if text.startswith(_FORMULA) else text


def _yes(value: Any) -> str:
    return "true" if value is True else "false"  # a column of one type: R and pandas read it as logical


def write_table(G: Graph, out: IO[bytes], positions: dict[Any, tuple[int, int]] | None = None,
                guard: bool = True) -> None:
    """Write the table (UTF-8, a header row, then a row per statement in the graph's order);
    without ``guard``, no cell opens with the apostrophe that keeps a spreadsheet from
    running it."""
    label = {n: str(d.get("label", n)) for n, d in G.nodes(data=True)}
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(HEADER)
    for u, v, k, d in G.edges(keys=True, data=True):
        kind = str(d.get("kind", ""))
        if kind in _SHAPE:
            continue
        negated = bool(d.get("negated"))
        says = claim_text(label[u], label[v], negated) if kind == CLAIM else \
            f"{label[u]} {RELATION_KINDS.get(kind, kind.replace('_', ' '))} {label[v]}"
        span = d.get("span") if isinstance(d.get("span"), list) and len(d["span"]) == 2 else [None, None]
        w.writerow([_cell(x, guard) for x in (
            kind, says, u, label[u], v, label[v], _yes(negated), d.get("speaker"), d.get("speaker_name"),
            d.get("quote"), d.get("where"), d.get("message"), span[0], span[1], d.get("concerns_labels"),
            d.get("status"), d.get("confidence"), _yes(d.get("inferred")), k, thread_of(str(d.get("where", ""))))])
    out.write(utf8(buf.getvalue()))


FORMAT = Format(
    name="csv",
    help="a table of what was said, one row per claim and relation, for a spreadsheet (for code: pandas)",
    suffixes=(".csv",),
    default_name="{name}.csv",
    write=write_table,
    # (an export from before the thread column is one too, and replaced as such)
    written=lambda head: head.startswith(",".join(HEADER[:-1]).encode()),
)

RAW = Format(
    name="pandas",
    help="the csv table with every cell as written, for pandas or R (a quote is its message's text[start:end]); "
         "not for a spreadsheet, which may run a cell such as '+1' or '=...' as a formula",
    default_name="{name}.csv",
    write=partial(write_table, guard=False),
    written=FORMAT.written,
)
