"""A review of a drafted folder: the queue of undecided items, and each decision written
at once to ``decisions.yaml`` (see :mod:`conceptgraph.decisions`), with ``draft.yaml``
and ``reviewed.yaml`` following it.

The command line's ``review DATA --list/--accept/--reject/--accept-above/--reject-below`` and the review
page's server (:mod:`conceptgraph.server`) both work through :class:`Review`, so that a
script and a reviewer write the same file the same way.

>>> import tempfile, pathlib
>>> from conceptgraph.discussions import import_discussion
>>> from conceptgraph.draft import draft_folder
>>> from conceptgraph.load import default_data_path
>>> folder = pathlib.Path(tempfile.mkdtemp()) / "coop"
>>> _ = import_discussion([default_data_path() / "sources" / "cooperation-vs-collaboration.txt"], folder)
>>> _ = draft_folder(folder)
>>> r = Review(folder)
>>> first = r.ordered()[0]
>>> r.row(first)["text"]
'term “cooperation”'
>>> r.decide([first.rid], "accepted")["counts"]["accepted"]
1
>>> r.add("claim", {"message": "response 2", "quote": "collaboration which is a bit deeper",
...                 "term": "collaboration", "attribute": "deeper"})["added"]  # what the draft missed
'collaboration: deeper'
"""

from __future__ import annotations

import heapq
import math
import os
import re
import threading
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from .decisions import (
    ACCEPTED,
    ADDED,
    CONTEXT,
    DECISIONS_FILE,
    EDITED,
    NARROWED,
    REJECTED,
    RELATION,
    REMOVED,
    REVIEWED_FILE,
    STAYS,
    TOOK,
    WORDS,
    Conflict,
    Decisions,
    Entry,
    Item,
    People,
    _edited_fields,
    _loose,
    _span_of,
    aliases_now,
    check_drafted,
    check_edit,
    describe,
    in_thread_order,
    iter_uses,
    key_of,
    kinds_like,
    narrowing,
    new_item,
    quote_place,
    quote_spans,
    read_folder,
    review_id,
    scope,
    settle,
    taken_along,
    taken_back,
    taken_with,
    words_check,
    words_memo,
    write_settled,
)
from .errors import UsageError, article, did_you_mean, excerpt
from .kinds import (
    ATTRIBUTE,
    CLAIM,
    CO_OCCURS,
    CONTRIBUTOR,
    MENTIONS,
    RELATION_ENDS,
    STANCES,
    SYMMETRIC,
    TERM,
    claim_text,
    said_in,
    stance_about,
)
from .names import normalise
from .places import place_from
from .standing import Standing

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from .model import Message

__all__ = ["Review", "ORDERS", "FILTERS", "review_list", "review_decide", "review_edit", "review_add", "edit_fields"]

#: How the queue may be ordered: most likely accepted first (the drafter's confidence,
#: then what the decisions so far teach), in the thread's order, or by term.
ORDERS = ("confidence", "message", "term")
#: What a bulk decision may select by.
FILTERS = ("above", "below", "term", "speaker", "kind", "thread")
#: Among items alike otherwise: terms first (rejecting one takes its claims with it), then
#: claims and relations; attributes last (most are accepted or gone with their claims by then).
KIND_RANK = {TERM: 0, CLAIM: 1, "relation": 2, ATTRIBUTE: 3}


def likeliest_first(scores: dict[tuple[Any, ...], float],
                    position: dict[tuple[Any, ...], Any]) -> Callable[[Item], tuple[Any, ...]]:
    """The sort key of the order "confidence" (the page's and ``--list``'s, and the review
    bench's): the likeliest first (``scores``, by item key), then terms, claims, relations
    and attributes, then the thread's order. (An attribute put after its likeliest claim
    measured no better: 0.46 against 0.47 on the review bench.)"""
    def rank(it: Item) -> tuple[Any, ...]:
        return (-scores[it.key], KIND_RANK[it.kind], position[it.key])
    return rank


# what a review id looks like ("c-0ca72fa136", a twin's "c-0ca72fa136-2"): only such an id can
# be one that a rejection took along
_REVIEW_ID = re.compile(r"[tacr]-[0-9a-f]{10}(?:-\d+)?")


class Review:
    """The items of a drafted folder and the decisions about them; safe to share between
    threads (every change takes the review's lock)."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = folder
        self.lock = threading.RLock()
        #: whether a note names items by their ids (for the command line, which decides by
        #: them) or by their words alone (the review page, whose keys need no id)
        self.ids_in_notes = True
        #: for what each stance answers: (the messages, in order, each one's place, each speaker's places)
        self._said_at: tuple[Any, list[Message], dict[str, int], dict[str, list[int]]] = (None, [], {}, {})
        # (the decisions read when made, stance id -> the claims whose rejection narrowed it): _narrowed
        self._narrowing: tuple[Any, dict[str, list[Entry]]] = (None, {})
        check_drafted(folder)
        self._load()

    def _load(self) -> None:
        self.snap = read_folder(self.folder)
        self._index()

    def _index(self) -> None:
        """What follows from the items of ``snap``: the look-ups, the thread's order, the
        learned order, where each item stands."""
        from .priority import Prior

        self.items = [it for it in self.snap.items if it.kind != CONTEXT]
        self.by_rid = {it.rid: it for it in self.items}
        # the ids the files write find their items too, where one item has it: an edited item's
        # drafted id, and those of drafts older than review ids in draft.yaml ("draft-claim-3")
        ids = Counter(it.record.id for it in self.items)
        self.by_id = {it.record.id: it for it in self.items if ids[it.record.id] == 1}
        self.names = People((c.id, c.name) for c in self.snap.base.contributors)
        self.names.authors = tuple(c.id for c in self.snap.base.contributors if c.role == "author")
        order = {m: i for i, m in enumerate(self.snap.messages)}
        # a term or an attribute has no message of its own: it comes where it is first
        # said, just before the claim that says it, so the thread's order reads as the thread
        first: dict[str, int] = {}
        for it in self.items:
            if it.kind in (CLAIM, "relation") and it.record.message in order:
                for end in taken_with(it):  # a claim's term and attribute, a relation's two ends
                    first[end] = min(first.get(end, len(order)), order[it.record.message])
        # and the words where it is first said, shown with it: a term where it is first named
        self.first_said: dict[str, tuple[tuple[int, int], Any]] = {}
        for it in self.snap.items:
            r = it.record
            if it.kind in (CLAIM, "relation", CONTEXT) and r.message in order and r.span:
                for end in taken_with(it):
                    place = (order[r.message], r.span[0])
                    if end not in self.first_said or place < self.first_said[end][0]:
                        self.first_said[end] = (place, r)
        # (a term only mentioned, in no claim or relation, is placed where it is first named)
        self.position = {it.key: (order.get(it.record.message, -1) if it.kind in (CLAIM, "relation")
                                  else first.get(it.record.id, self.first_said[it.record.id][0][0]
                                                 if it.record.id in self.first_said else -1), n)
                         for n, it in enumerate(self.items)}
        self.prior = Prior(self.items, self.names)
        self._settle()

    @property
    def book(self) -> Decisions:
        return self.snap.book

    @property
    def path(self) -> Path:
        return self.snap.folder

    def _settle(self) -> None:
        """Where each item stands now (the files' contents wait for :meth:`write_files`)."""
        self.standing = Standing(self.snap.items, self.book, self.snap.base)
        # a term or attribute an edit made (or one made again for decided items alone) was
        # never drafted: not one of the items to review, in the counts of a fresh read as
        # in those of the decision that made it
        self.made = {it.key for it in self.items if it.kind in (TERM, ATTRIBUTE) and it.record.confidence is None
                     and self.book.find(it.key) is None}
        self.tally = Counter(self.standing.status.get(it.key) for it in self.items if it.key not in self.made)

    def reload(self) -> None:
        """Read the folder again (after another program changed its files)."""
        with self.lock:
            self._load()

    def refresh(self) -> bool:
        """Read the folder again if another program wrote its decisions since they were read
        or last written here (a decision from the command line while the page is open).
        Returns whether it did."""
        with self.lock:
            try:
                now: bytes | None = self.book.path.read_bytes()
            except FileNotFoundError:
                now = None
            if now == self.book.raw:
                return False
            self._load()
            return True

    # -- reading

    def status(self, it: Item) -> str | None:
        """accepted, rejected, edited, removed (an item it uses was rejected), or None."""
        return self.standing.status.get(it.key)

    def counts(self) -> dict[str, int]:
        """How many items there are, and how many are reviewed, accepted, rejected, left;
        ``removed``: those gone with a rejected item (a rejected term's claims), counted
        in none of the others, as the folder read again no longer holds them."""
        c = self.tally
        accepted = c[ACCEPTED] + c[EDITED]
        return {"total": sum(c.values()) - c[REMOVED], "reviewed": accepted + c[REJECTED], "accepted": accepted,
                "rejected": c[REJECTED], "left": c[None], "removed": c[REMOVED]}

    def left(self) -> list[Item]:
        return [it for it in self.items if self.status(it) is None]

    def ordered(self, order: str = "confidence", first: int | None = None,
                scores: dict[tuple[Any, ...], float] | None = None) -> list[Item]:
        """The undecided items in ``order`` (one of :data:`ORDERS`); only the ``first`` ones
        when given (``scores``: :meth:`scores`, when the caller has them already)."""
        return self._ordered(order, first, self.standing.status, self.book, scores)

    def scores(self) -> dict[tuple[Any, ...], float]:
        """The score the order "confidence" ranks each undecided item (by key) by: the
        drafted confidence, moved by what the reviewer decided of items like it (see
        :mod:`conceptgraph.priority`)."""
        return self.prior.scores(self.left(), self.standing.status, self.book)

    def likely(self, scores: dict[tuple[Any, ...], float] | None = None) -> dict[tuple[Any, ...], float]:
        """How likely the reviewer is to accept each undecided item (by key), from its
        :meth:`scores`."""
        return {key: 1 / (1 + math.exp(-score))
                for key, score in (scores if scores is not None else self.scores()).items()}

    def upcoming(self, order: str = "confidence", first: int = 50) -> dict[str, Any]:
        """The revision, and the ids of the ``first`` undecided items in ``order``: what the
        page asks for once its keys pause (the order the decisions teach). Worked out on a
        copy, so that a decision need not wait for it."""
        with self.lock:
            status, book = dict(self.standing.status), Decisions(self.book.path, list(self.book.entries),
                                                                 self.book.revision, self.book.raw)
        return {"revision": book.revision, "order": order,
                "next": [it.rid for it in self._ordered(order, first, status, book)]}

    def _ordered(self, order: str, first: int | None, status: dict[tuple[Any, ...], str],
                 book: Decisions, scores: dict[tuple[Any, ...], float] | None = None) -> list[Item]:
        left = [it for it in self.items if it.key not in status]
        if order == "confidence":
            if scores is None:
                scores = self.prior.scores(left, status, book)
            rank = likeliest_first(scores, self.position)
            return heapq.nsmallest(first, left, key=rank) if first is not None else sorted(left, key=rank)
        if order == "message":
            return sorted(left, key=lambda it: (self.position[it.key][0], KIND_RANK[it.kind],
                                                self.position[it.key][1]))[:first]
        if order == "term":
            # an attribute with the term of its first claim; a stance with the first term of the
            # claims it is about, else after every term's items, by whose it is
            said_of: dict[str, str] = {}
            for it in self.items:
                if it.kind == CLAIM:
                    said_of.setdefault(normalise(str(it.fields[ATTRIBUTE])), str(it.fields[TERM]))
            return sorted(left, key=lambda it: (*self._by_term(it, said_of), KIND_RANK[it.kind],
                                                self.position[it.key]))[:first]
        raise UsageError(f"unknown order '{excerpt(order, 20)}'; one of {', '.join(ORDERS)}")

    def _term_of(self, it: Item) -> str:
        f = it.fields
        if it.kind in (TERM, CLAIM):
            return str(f[TERM])
        if it.kind == ATTRIBUTE:
            return str(f[ATTRIBUTE])
        return str(f["source"]) if RELATION_ENDS[f["kind"]][0] != CONTRIBUTOR else self.names.get(f["source"], "")

    def _by_term(self, it: Item, said_of: Mapping[str, str]) -> tuple[int, str]:
        """What ``--order term`` sorts ``it`` by: (0, the term it is of), or (1, whose stance
        it is) for a stance about no claim (``said_of``: an attribute's term, by label)."""
        f = it.fields
        if it.kind == ATTRIBUTE:
            return 0, said_of.get(normalise(str(f[ATTRIBUTE])), str(f[ATTRIBUTE])).casefold()
        if it.kind in (TERM, CLAIM) or RELATION_ENDS[f["kind"]][0] != CONTRIBUTOR:
            return 0, self._term_of(it).casefold()
        about = [self.by_id[c] for c in scope(it) if c in self.by_id and self.by_id[c].kind == CLAIM]
        if about:
            return 0, str(about[0].fields[TERM]).casefold()
        return 1, self.names.get(f["source"], "").casefold()

    def describe(self, it: Item, fields: dict[str, Any] | None = None) -> str:
        """What ``it`` says (``fields``: as an edit made it), a claim's or relation's terms
        and attributes under the labels they were renamed to in review, as reviewed.yaml
        and the queries show them; people by name."""
        return describe(replace(it, fields=self._renamed(it, fields)), self.names)

    def _renamed(self, it: Item, fields: dict[str, Any] | None = None) -> dict[str, Any]:
        """A claim's or relation's fields (``fields``: as an edit made them), its terms and
        attributes under the labels they were renamed to in review."""
        f = dict(fields or it.fields)
        if it.kind in (CLAIM, "relation") and (renamed := self.book.renamed()):
            now = {(kind, normalise(drafted)): new for kind, drafted, new in renamed}
            ends = _named_fields(CLAIM if it.kind == CLAIM else f["kind"])
            f = {k: now.get((ends[k], normalise(v)), v) if k in ends and isinstance(v, str) else v for k, v in f.items()}
        return f

    def says_now(self, it: Item) -> str:
        """What ``it`` says now: :meth:`describe`, in an edit's words if it was edited."""
        return self.describe(it, self._fields_now(it))

    def _fields_now(self, it: Item) -> dict[str, Any] | None:
        """An edited item's fields as its edit made them; None for one not edited."""
        e = self.book.find(it.key) if self.status(it) == EDITED else None
        return _edited_fields(e) if e is not None else None

    def named(self, items: Sequence[Item], most: int = 4) -> str:
        """Items as a note lists them: each id, by which a command decides it, with what it
        says now, an edit's words if edited (``c-3 (cooperation: voluntary)``), or on the
        review page (:attr:`ids_in_notes` off) what it says alone, in quotation marks; past
        ``most``, how many more."""
        said = "{rid} ({says})" if self.ids_in_notes else "“{says}”"
        shown = ", ".join(said.format(rid=it.rid, says=self.says_now(it)) for it in items[:most])
        return shown + (f" and {len(items) - most} more" if len(items) > most else "")

    def said_about(self, rids: list[str], target: str) -> str:
        """What a stance towards ``target`` (an id) is about, in words: the claims ``rids``
        names, else everything its target said."""
        return stance_about([self.says_now(self.by_rid[c]) for c in rids if c in self.by_rid],
                            self.names.get(target, target))

    def row(self, it: Item) -> dict[str, Any]:
        """What the page and ``--list`` show of an item."""
        r = it.record
        out: dict[str, Any] = {"id": it.rid, "kind": it.kind if it.kind != "relation" else r.kind,
                               "text": self.describe(it), "confidence": r.confidence}
        if getattr(r, "rule", ""):  # why it was drafted: the rule, whose record its confidence is
            from .draft.confidence import what, why

            out["why"] = why(what(CLAIM if it.kind == CLAIM else r.kind), r.rule)
        if it.kind == "relation" and r.kind in STANCES:  # what it agrees with or disputes: by its words and place
            out["about"] = [f"{self.says_now(c)} ({place_from(c.record.where or '', r.where or '')})"
                            for c in self._claims_named(r.concerns)]
            if not out["about"]:  # its claims rejected: what was said where they were (unless review said what)
                e = self.book.find(it.key)
                if not (e is not None and ("about" in e.edit or "target" in e.edit)) and (gone := self._narrowed(it)):
                    out["about"] = [self._said_where(it, gone)]
        said: Any = r if it.kind in (CLAIM, "relation") else self.first_said.get(r.id, (None, None))[1]
        m = self.snap.messages.get(getattr(said, "message", "") or "")
        if m is not None:  # a term or attribute: where it is first said
            out |= {"speaker": self.names.get(m.by, m.by), "where": m.where, "message": m.id,
                    "span": list(said.span) if said.span else None, "quote": m.text[said.span[0]:said.span[1]]
                    if said.span else said.quote} | ({"first": True} if said is not r else {}) \
                | ({"edited": m.edited} if m.edited else {})
            answered = self.snap.messages.get(m.reply_to) if it.kind == "relation" and r.kind in STANCES else None
            if answered is not None:  # whom a stance's message answers: a wrong target shows beside it
                # (and that those words were changed since: the reply may have answered others)
                when = ", no date given" if answered.edited == "yes" else f" {answered.edited}"
                out["replies_to"] = f"{self.names.get(answered.by, answered.by)}, {answered.where}" \
                    + (f" (edited{when})" if answered.edited else "")
        return out

    def page_row(self, it: Item) -> dict[str, Any]:
        """:meth:`row`, with what the page needs to show the item in the graph and edit it."""
        r = it.record
        out = self.row(it)
        if out.get("span"):  # the page slices the message in the browser, which counts UTF-16 code units
            from .page import js_span

            text = self.snap.messages[out["message"]].text
            if it.kind == TERM:  # a term's card marks the name where it is first said, not its whole sentence
                out["span"] = _name_in(text, out["span"], (r.label, *r.aliases))
            out["span"] = js_span(text, out["span"])
        out["status"] = self.status(it)
        if out["status"] == EDITED and (entry := self.book.find(it.key)) is not None:
            # what the page shows on the graph after a reload ("edited" is its message's edit)
            out["edit_made"] = entry.edit
        out["nodes"] = [r.id] if it.kind in (TERM, ATTRIBUTE) else list(dict.fromkeys(
            [*iter_uses(it), *((r.source, r.target) if it.kind == "relation" else ()),
             *((r.by,) if getattr(r, "by", "") else ())]))
        out["edge"] = r.id if it.kind in (CLAIM, "relation") else None
        out["term"] = self._term_of(it)
        out["by"] = getattr(r, "by", "") or ""
        if it.kind == CLAIM:
            out["edit"] = {TERM: it.fields[TERM], ATTRIBUTE: it.fields[ATTRIBUTE], "negated": bool(r.negated),
                           **({"quote": r.quote} if r.message else {})}
        elif it.kind == "relation":
            out["edit"] = {"kind": r.kind, "kinds": kinds_like(r.kind), "source": it.fields["source"],
                           "target": it.fields["target"], "ends": RELATION_ENDS[r.kind][0],
                           **({"quote": r.quote} if r.message else {})}
            if r.kind in STANCES and (answered := self._answered(it)) is not None \
                    and not _quotes_from(self.snap.messages.get(r.message), answered):
                # what "Yes" or "Fine." answers, beside it: a flat chat's card had only the reply to judge by
                # (not when its own message quotes those words: the card shows them there)
                out["answers"] = {"who": self.names.get(answered.by, answered.by), "where": answered.where,
                                  "words": excerpt(" ".join(answered.text.split()), 300)}
        elif it.kind == TERM:  # the names between commas, as --edit aliases= takes them
            out["edit"] = {"label": r.label, "gloss": r.gloss, "aliases": ", ".join(r.aliases)}
        else:
            out["edit"] = {"label": r.label, "description": r.description}
        return out

    def state(self, order: str = "confidence") -> dict[str, Any]:
        """Everything the page needs: the revision, counts, every item with its status, the
        undecided ones in ``order``, and the terms an edit may name."""
        with self.lock:
            terms = sorted({t.label for t in self.snap.base.terms} | {it.fields[TERM] for it in self.items
                                                                      if it.kind == TERM}, key=str.casefold)
            return {"revision": self.book.revision, "counts": self.counts(), "order": order,
                    "items": [self.page_row(it) for it in self.items],
                    "queue": [it.rid for it in self.ordered(order)], "terms": terms,
                    "speakers": sorted({self.names.get(it.record.by, it.record.by) for it in self.items
                                        if getattr(it.record, "by", "")}, key=str.casefold),
                    "people": sorted(([ident, name] for ident, name in self.names.items()),
                                     key=lambda p: (p[1].casefold(), p[0])),
                    "files": {"decisions": str(self.path / DECISIONS_FILE),
                              "reviewed": str(self.path / REVIEWED_FILE)}}

    def find(self, rid: str) -> Item:
        it = self.by_rid.get(rid) or self.by_id.get(rid) or self._moved(rid)
        if it is None and re.fullmatch(r"draft-[a-z-]+-\d+", rid):
            # draft.yaml numbers only what is undecided: a decided item's number is gone with it
            raise UsageError(f"no undecided item '{excerpt(rid, 30)}' in draft.yaml: a decided item leaves draft.yaml "
                             "with its draft- id; name it by its review id (c-..., t-...), which lasts: "
                             "reviewed.yaml gives those of accepted items")
        if it is None:
            hint = did_you_mean(rid, self.by_rid)
            # a slip of the keyboard is the likelier story when an id is that close; else the
            # rejections, once if not now, whose notes (``took``) name the item, or that noted
            # nothing (in a folder reviewed before rejections did): what went with them then
            # comes back only when the thread is drafted again
            gone = [] if hint or not _REVIEW_ID.fullmatch(rid) else [e.fields[e.item] for e in self.book.entries
                                    if e.item in (TERM, ATTRIBUTE) and _ever_rejected(e)
                                    and (TOOK not in e.memo or any(review_id(key_of(x["item"], x)) == rid
                                                                   for x in e.memo[TOOK]))]
            why = f"; an item that used a term or attribute rejected in review ({', '.join(map(repr, gone[:3]))}" \
                  f"{', ...' if len(gone) > 3 else ''}) went with it: once that is accepted, drafting again " \
                  f"(conceptgraph draft {self.snap.folder}) brings it back" if gone else ""
            raise UsageError(f"no item '{excerpt(rid, 30)}' in this review{hint}{why}; "
                             "see `conceptgraph review DATA --list`")
        return it

    def _moved(self, rid: str) -> Item | None:
        """The item that the drafted id ``rid`` named before a merge moved it to the other
        term or attribute (whose name is in its id now), if any: its merge's notes say."""
        if not _REVIEW_ID.fullmatch(rid):
            return None
        for e in self.book.entries:
            if e.item in (TERM, ATTRIBUTE) and e.decision == EDITED and "label" in e.edit:
                for x in e.memo.get(TOOK, ()):
                    if review_id(key_of(x["item"], x)) == rid:
                        moved = _moved_fields(x, e.item, e.fields[e.item], e.edit["label"])
                        return self.by_rid.get(review_id(key_of(x["item"], moved)))
        return None

    def select(self, flt: dict[str, Any]) -> list[Item]:
        """The undecided items a bulk filter selects: ``above`` (confidence at least),
        ``below`` (confidence under it), ``term`` (its term or attribute, by label),
        ``speaker`` (name or id; of a term or attribute, who first said it), ``kind``,
        ``thread`` (said in it: see :meth:`in_thread`); all must hold."""
        for k in flt:
            if k not in FILTERS:
                raise UsageError(f"unknown filter '{excerpt(k, 20)}'; one of {', '.join(FILTERS)}")
        if not any(v not in (None, "") for k, v in flt.items() if k != "thread"):
            # "everything in this thread" is no filter a single key should take
            raise UsageError("a bulk decision needs a filter: a confidence bound, a term, a speaker or a kind")
        here = self.in_thread(flt["thread"])[1] if flt.get("thread") else None
        above, below = (_confidence(flt.get(name), name) for name in ("above", "below"))
        if above is not None and below is not None and above >= below:
            raise UsageError(f"no confidence is at least {above:g} and under {below:g}: nothing can match")
        term = normalise(flt.get("term") or "")
        speaker = (flt.get("speaker") or "").strip()
        kind = flt.get("kind") or ""
        out = []
        for it in self.ordered():
            r = it.record
            if above is not None and (r.confidence is None or r.confidence < above):
                continue
            if below is not None and (r.confidence is None or r.confidence >= below):
                continue
            if term and term not in (normalise(self._term_of(it)), normalise(it.fields.get(ATTRIBUTE, ""))):
                continue
            # a term's or attribute's speaker is who first said it, as the card and --list show
            by = getattr(r, "by", "") or (getattr(self.first_said.get(r.id, (None, None))[1], "by", "")
                                          if it.kind in (TERM, ATTRIBUTE) else "")
            if speaker and speaker not in (by, self.names.get(by, "")):
                continue
            if kind and kind not in (it.kind, getattr(r, "kind", None)):
                continue
            if here is not None and not here(it):
                continue
            out.append(it)
        return out

    def in_thread(self, name: str) -> tuple[str, Callable[[Item], bool]]:
        """The title of the thread ``name`` names (in a folder of several, from ``import
        A B``; as ``--thread`` names one), and whether an item was said in it: a claim or
        relation by its place, a term or attribute by where it is first said. Raises
        :class:`UsageError` for a name that fits no thread, or several."""
        from .threads import pick, thread_of, whole_titles

        messages = self.snap.messages.values()
        titles = list(dict.fromkeys(t for m in messages if (t := thread_of(m.where))))

        def addressed(url: str) -> list[str]:
            return list(dict.fromkeys(thread_of(m.where) for m in messages if m.url.rstrip("/") == url))

        title = pick(titles, name, addressed, whole_titles((m.where, m.title) for m in messages))

        def here(it: Item) -> bool:
            r = it.record
            if it.kind in (TERM, ATTRIBUTE):
                r = self.first_said.get(r.id, (None, None))[1]
            return r is not None and thread_of(str(getattr(r, "where", "") or "")) == title

        return title, here

    # -- deciding

    def decide(self, rids: list[str], decision: str, edit: dict[str, Any] | None = None,
               base: int | None = None) -> dict[str, Any]:
        """Record one decision (one action, however many items) and write decisions.yaml
        at once. ``base`` is the revision the caller last saw: a later one means another
        tab or reviewer decided meanwhile, and nothing is written (:class:`Conflict`)."""
        if decision not in (ACCEPTED, REJECTED, EDITED):
            raise UsageError(f"unknown decision '{excerpt(decision, 20)}'; accepted, rejected or edited")
        with self.lock:
            self._check_base(base)
            items = [self.find(r) for r in dict.fromkeys(rids)]
            if not items:
                raise UsageError("nothing to decide")
            lines: list[tuple[str, str, dict[str, Any], dict[str, Any], dict[str, Any]]] = []
            made: list[str] = []
            merged = ""
            dropped: list[Item] = []  # the relations between two terms (or attributes) merged
            followed: list[Item] = []  # the accepted relations that follow a claim's new words
            widened: list[tuple[Item, str]] = []  # stances turned to another person, about all they said
            on: dict[str, list[Item]] = {}  # attribute id -> its own item and its claims, once asked
            stances_on: dict[str, list[str]] | None = None  # claim id -> the undecided stances about it, once asked
            # a rejection turned (a term accepted after all): what it took along comes back with it,
            # and the stances it narrowed are about its claims again
            turned = [e for it in items if decision != REJECTED and (e := self.book.find(it.key)) is not None
                      and e.decision == REJECTED and (e.memo.get(TOOK) or e.memo.get(NARROWED))]
            for it in items:
                changes: dict[str, Any] = {}
                if decision == EDITED:
                    if len(items) != 1:
                        raise UsageError("an edit is of one item")
                    edit = dict(edit or {})
                    earlier = self.book.find(it.key) if self.status(it) == EDITED else None
                    if earlier is not None:  # a second edit adds to the first: each says what it changes
                        kept_edit = {k: v for k, v in earlier.edit.items()
                                     if not (k == "about" and "target" in edit)}  # about the one it was turned from
                        edit = {**kept_edit, **edit}
                    about = edit.pop("about", None)
                    if it.kind in (CLAIM, "relation"):  # a term or attribute by the name decisions know it by
                        edit = self._as_drafted(_kind_of(it, edit), edit)
                    changes = check_edit(it.kind, edit, it.record, self.names, it.fields)
                    changes = {k: v for k, v in changes.items() if not _as_drafted_value(it, k, v)}
                    if "quote" in changes:  # other words of its own message, found there (spaces aside)
                        m = self.snap.messages.get(str(it.record.message or ""))
                        if m is None:
                            raise UsageError(f"{describe(it)} has no message to find other words in")
                        if quote_place(changes["quote"], m, it.record.span) == tuple(it.record.span or ()):
                            changes.pop("quote")  # its own words again: no change
                    if about is not None:  # a stance's claims, by attribute or id ("": everything its target said)
                        if not (it.kind == "relation" and it.record.kind in STANCES):
                            raise UsageError(f"'about' is said of an agreement or dispute, not of {describe(it)}")
                        target = changes.get("target", it.record.target)
                        # (each named as one is: by id, attribute or "term: attribute", and checked so)
                        changes["about"] = [] if about in ("", []) else list(dict.fromkeys(
                            rid for one in (about if isinstance(about, list) else [about])
                            for rid in self._about(str(one), target, it.record.message)))
                        check_edit(it.kind, {"about": changes["about"]}, it.record)
                    elif "target" in changes and it.kind == "relation" and it.record.concerns:
                        widened.append((it, changes["target"]))  # (its claims were the one it was turned from)
                    if it.kind in (TERM, ATTRIBUTE) and "label" in changes:  # merged into a rejected one: refused
                        self._not_rejected(it.kind, [changes["label"]], it)
                        if other := self._merges(it.kind, changes["label"], it.fields[it.kind]):
                            # what was accepted on it is decided under its name, which the merge takes
                            # away (the undecided go over to the other): refused, with the way round
                            on_it = [u for u in self.items if u.kind in (CLAIM, "relation")
                                     and self.status(u) in (ACCEPTED, EDITED) and it.record.id in self._uses_now(u)
                                     and other not in self._uses_now(u)]
                            if on_it:
                                field = TERM if it.kind == TERM else ATTRIBUTE
                                raise UsageError(
                                    f"{describe(it)} is used by {len(on_it)} accepted item{'s' if len(on_it) > 1 else ''} "
                                    f"({self.named(on_it)}): edit "
                                    f"{'their' if len(on_it) > 1 else 'its'} {field} to '{excerpt(changes['label'], 40)}' "
                                    f"(or undo {'them' if len(on_it) > 1 else 'it'}) first, then merge")
                            # a relation between the two would join one node to itself: one accepted
                            # stands in the way; the undecided ones are rejected with the merge
                            between = [r for r in self.items if r.kind == "relation"
                                       and self.status(r) not in (REJECTED, REMOVED)
                                       and {r.record.source, r.record.target} == {it.record.id, other}]
                            kept = [r for r in between if self.status(r) is not None]
                            if kept:
                                raise UsageError(f"{describe(it)} and the {it.kind} named '{excerpt(changes['label'], 40)}'"
                                                 f" are the two ends of {self.named(kept)}, accepted: undo or reject "
                                                 f"{'it' if len(kept) == 1 else 'them'} first, or choose another name")
                            lines += [(REJECTED, r.kind, r.fields, {}, self._memo(r)) for r in between]
                            dropped += between
                            merged = changes["label"]  # two nodes are one now: the page draws its graph again
                    if it.kind in (CLAIM, "relation"):
                        self._not_rejected(ATTRIBUTE, _named(_kind_of(it, changes), changes, ATTRIBUTE))
                    if it.kind in (CLAIM, "relation") and changes:
                        # edited into what another item is already ("haiku: short" to "sonnet: short",
                        # drafted too): two decisions on one item; that one is decided instead
                        edited_key = key_of(it.kind if it.kind == CLAIM else RELATION,
                                            {**it.fields, **{k: v for k, v in changes.items() if k != "about"}})
                        twin = next((o for o in self.standing.by_key.get(edited_key, ())
                                     if o is not it and o.kind != CONTEXT), None) \
                            or self._twin(edited_key, besides=it)[0]  # (one added, at overlapping characters)
                        if twin is not None:
                            now = self.status(twin)
                            raise UsageError(f"{it.rid} so edited would be {self.named([twin])}, "
                                             + (f"{now} already" if now else "drafted too")
                                             + f": decide {twin.rid} instead, and reject {it.rid}")
                    made = self._new_terms(it, changes)
                    if not changes:
                        decision = ACCEPTED  # an edit that changes nothing accepts the item as it is
                elif decision == REJECTED and it.kind in (TERM, ATTRIBUTE):
                    users = [u for u in self.items if self.status(u) in (ACCEPTED, EDITED)
                             and it.record.id in self._uses_now(u)]
                    if users:
                        raise UsageError(f"{len(users)} accepted item{'s use' if len(users) > 1 else ' uses'} "
                                         f"{describe(it)}: undo or edit {'them' if len(users) > 1 else 'it'} first")
                memo = self._memo(it)
                if decision == REJECTED and it.kind == CLAIM:
                    # the undecided stances about it, which draft.yaml will say about the rest: noted,
                    # an undo makes them about it again (gathered once: a bulk reject has many claims)
                    stances_on = self._stances_on() if stances_on is None else stances_on
                    if it.record.id in stances_on:
                        memo[NARROWED] = sorted(stances_on[it.record.id])
                if decision == EDITED and it.kind in (TERM, ATTRIBUTE) and merged:
                    # merged into another: the undecided claims and relations on it go over to that one
                    # in draft.yaml, which then no longer says which were this one's; noted as drafted,
                    # an undo gives them back their own term
                    # and its context links (who names it, what it is named with), which go over too
                    along = self._undecided_on(it) + self._context_of(it)
                    if along:
                        memo[TOOK] = [self._noted(u) for u in along]
                        # moved, one is the other's own ("X and Y are short"): that one stays at an undo
                        held = {u.key for u in self.snap.items}
                        stays = sorted({review_id(k) for x in memo[TOOK] if (k := key_of(
                            x["item"], _moved_fields(x, it.kind, it.fields[it.kind], changes["label"]))) in held})
                        if stays:
                            memo[STAYS] = stays
                if decision == REJECTED and it.kind in (TERM, ATTRIBUTE):
                    # what it takes along, noted: an undo gives it back, though no file holds it then
                    along = self._undecided_on(it)
                    # and their attributes as drafted (their confidence), should no other item keep them
                    own = {u.record.attribute for u in along if u.kind == CLAIM}
                    took = [self._noted(a) for a in self.items  # (not the one rejected: it is no other's)
                            if a.kind == ATTRIBUTE and a.record.id in own and self.status(a) is None and a is not it]
                    # with, for a claim, the undecided stances about it (as its own rejection notes them)
                    if any(u.kind == CLAIM for u in along):
                        stances_on = self._stances_on() if stances_on is None else stances_on
                    for u in along:
                        took.append(self._noted(u))
                        if u.kind == CLAIM and stances_on and u.record.id in stances_on:
                            took[-1][NARROWED] = sorted(stances_on[u.record.id])
                    # and its context links, which the page draws about it again after an undo
                    took += [self._noted(u) for u in self._context_of(it)]
                    if took:
                        memo[TOOK] = took
                mine = decision
                if it.kind == "relation" and decision in (ACCEPTED, EDITED) and self.status(it) != EDITED \
                        and ATTRIBUTE in RELATION_ENDS[_kind_of(it, changes)]:
                    # an end whose claims were all edited to other words is those words
                    moved = self._reworded_ends(it, changes, {}, on)
                    if moved:
                        changes, mine = {**changes, **moved}, EDITED
                lines.append((mine, it.kind, it.fields, changes, memo))
                if decision == EDITED and it.kind == CLAIM and ATTRIBUTE in changes:
                    # and the relations accepted on the attribute this claim had follow its new words
                    for r in self.items:
                        if r.kind != "relation" or it.record.attribute not in (r.record.source, r.record.target) \
                                or self.status(r) not in (ACCEPTED, EDITED):
                            continue
                        before = dict(e.edit) if (e := self.book.find(r.key)) is not None else {}
                        moved = self._reworded_ends(r, before, {it.key: changes}, on)
                        if moved:
                            lines.append((EDITED, r.kind, r.fields, {**before, **moved}, self._memo(r)))
                            followed.append(r)
            # a node the page has not got (a term or attribute an edit makes): it draws its graph again
            redraw = self._makes([(kind, fields, edit) for d, kind, fields, edit, _ in lines if d == EDITED])
            standing = [a for a in self.items if a.kind == ATTRIBUTE and self.status(a) in (ACCEPTED, EDITED)
                        and self.book.find(a.key) is not None]  # accepted on its own, not with a claim
            gone_with_merge = self.named(dropped)  # (said before the merge names both ends alike)
            result = self._commit(lambda: self.book.record(lines))
            # an attribute accepted on its own goes with its last claim edited away (settle): said
            orphaned = [a for a in standing if self.status(a) == REMOVED]
            back = taken_back(self.snap, turned)
            rescoped = self._rescoped(turned, back)
            if back or rescoped:  # made again, undecided, as an undo of the rejection would have them
                result["counts"] = self._rewritten([*(rescoped.get(it.key, it) for it in self.snap.items), *back])
            if made:
                result["made"] = made
            if redraw:
                result["redraw"] = True
            if merged:
                result["merged"] = merged
                if dropped:
                    result["dropped"] = [r.rid for r in dropped]
                    result["note"] = (f"rejected with the merge, as {'relations' if len(dropped) > 1 else 'a relation'} "
                                      f"between the two: {gone_with_merge} (an undo takes the merge back with "
                                      f"{'them' if len(dropped) > 1 else 'it'})")
                # the items as a fresh read of the folder has them: the claims and relations of the
                # merged one are the other's now, and later decisions name them so
                result["counts"] = self._rewritten(list(self.snap.items))
            notes = [result.get("note", "")]
            if decision == REJECTED and any(it.kind == CLAIM for it in items):
                notes.append(self._about_nothing_left(items))
            if decision != REJECTED:
                notes.append(self._about_undecided(items))
            for r in followed:
                e = self.book.find(r.key)
                notes.append(f"{r.rid} follows the new words: "
                             f"{self.describe(r, _edited_fields(e) if e is not None else None)}")
            notes += [f"{self.named([a])}, accepted, goes: no claim has it now (an undo brings it back)"
                      for a in orphaned]
            if decision in (ACCEPTED, EDITED) and not merged:
                # an attribute is what its claims say: accepted alone, no term has it yet
                # (merged into another, its claims are the other's: nothing to say)
                picked = [a for a in items if a.kind == ATTRIBUTE]
                # (the attributes accepted claims have, found once: a bulk decision has many)
                had = {x for u in self.items if u.kind == CLAIM and self.status(u) in (ACCEPTED, EDITED)
                       for x in self._uses_now(u)} if picked else set()
                alone = [a for a in picked if a.record.id not in had]
                if len(alone) > 2:  # (a bulk decision: one line)
                    notes.append(f"{len(alone)} attributes accepted show in the graph once a claim that has them "
                                 f"is: {', '.join(a.rid for a in alone[:5])}{' ...' if len(alone) > 5 else ''}")
                for a in alone if len(alone) <= 2 else ():
                    claims = [u for u in self._undecided_on(a) if u.kind == CLAIM]
                    notes.append(f"{a.rid} is accepted, and shows in the graph once a claim that has it is"
                                 + (f": {self.named(claims)}" if claims else " (none is left to decide)"))
            if decision == EDITED and items[0].kind == CLAIM and ATTRIBUTE in lines[0][3]:
                # an opposition drafted from the claim's own sentence names its old words, which
                # other claims may keep: said, with the edit that makes it follow
                c = items[0]
                notes += [f"{r.rid} ({self.describe(r)}), undecided, is of the same sentence and still names "
                          f"'{c.fields[ATTRIBUTE]}': --edit it "
                          f"({'source' if r.record.source == c.record.attribute else 'target'}="
                          f"'{lines[0][3][ATTRIBUTE]}') or reject it"
                          for r in self.items if r.kind == "relation" and self.status(r) is None
                          and r.record.message == c.record.message and _overlap(r.record.span, c.record.span)
                          and c.record.attribute in (r.record.source, r.record.target)]
            notes += [f"{st.rid} is about everything {self.names.get(to, to)} said now: the claims it was about were "
                      f"{self.names.get(st.record.target, st.record.target)}'s (about= says which of "
                      f"{self.names.get(to, to)}'s it is about)" for st, to in widened]
            if any(notes):
                result["note"] = "\n".join(n for n in notes if n)
            return result

    def other_names(self, edit: dict[str, Any]) -> list[str]:
        """What to say of an edit that names a term by another of its names, not its label
        ("grading", one of the names of "grade"): the item is on that term, which may not be
        what was meant when the two are what the thread tells apart (a trial's edit printed
        "unchanged" and nothing else)."""
        named = {normalise(a): (it, aliases) for it in self.items if it.kind == TERM
                 for aliases in (self._aliases(it),) for a in aliases}
        out = []
        for field in (TERM, "source", "target"):
            value = edit.get(field)
            if not isinstance(value, str) or normalise(value) not in named:
                continue
            it, aliases = named[normalise(value)]
            if normalise(it.record.label) != normalise(value):
                rest = ", ".join(a for a in aliases if normalise(a) != normalise(value))
                out.append(f"'{excerpt(value, 30)}' names the term '{it.record.label}' ({it.rid}), one of its names as drafted: "
                           f"the item is on that term (to make '{excerpt(value, 30)}' a term of its own, take it off "
                           f"those names, --edit {it.rid} aliases='{rest}', then edit this again)")
        return out

    def _reworded_ends(self, rel: Item, edit: dict[str, Any], deciding: dict[tuple[Any, ...], dict[str, Any]],
                       on: dict[str, list[Item]]) -> dict[str, str]:
        """The ends of the relation ``rel`` (as ``edit`` leaves them) that are attributes
        whose every claim was edited to the same other words, or rejected: end -> those
        words. A claim's edit being decided is in ``deciding`` (its key -> its edit). An
        attribute decided on its own is kept as it is. ``on`` (attribute id -> its own item
        and its claims) is filled on the first call, for the others of one decision."""
        if not on:
            for c in self.items:
                if c.kind in (CLAIM, ATTRIBUTE):
                    on.setdefault(c.record.attribute if c.kind == CLAIM else c.record.id, []).append(c)
        out = {}
        ends = RELATION_ENDS[_kind_of(rel, edit)]
        for side, end in enumerate(("source", "target")):
            attribute = (rel.record.source, rel.record.target)[side]
            if ends[side] != ATTRIBUTE or end in edit:
                continue
            if any(a.kind == ATTRIBUTE and self.book.find(a.key) is not None for a in on.get(attribute, ())):
                continue
            words: dict[str, str] = {}
            for c in on.get(attribute, ()):
                if c.kind != CLAIM:
                    continue
                if c.key in deciding:
                    said = deciding[c.key]
                elif self.status(c) in (REJECTED, REMOVED):
                    continue
                elif self.status(c) == EDITED and (e := self.book.find(c.key)) is not None:
                    said = e.edit
                else:
                    words = {}
                    break
                if ATTRIBUTE not in said:
                    words = {}
                    break
                words[normalise(said[ATTRIBUTE])] = said[ATTRIBUTE]
            if len(words) == 1:
                out[end] = next(iter(words.values()))
        return out

    def _uses_now(self, it: Item) -> tuple[str, ...]:
        """The ids of the terms and attributes a decided item uses as it stands: an edit
        that named another in a field's place uses that one, not the one drafted."""
        uses = tuple(iter_uses(it))
        entry = self.book.find(it.key) if self.status(it) == EDITED and it.kind in (CLAIM, "relation") else None
        if entry is None:
            return uses
        fields = (TERM, ATTRIBUTE) if it.kind == CLAIM else ("source", "target")
        named = _named_fields(_kind_of(it, entry.edit))
        return (*(u for f, u in zip(fields, uses) if f not in entry.edit),
                *(self._id_of(named[f], entry.edit[f]) for f in fields if f in entry.edit and f in named))

    def _id_of(self, kind: str, label: str) -> str:
        """The id of the term or attribute an edit names by ``label`` (as decisions name it),
        or "" when it names one nobody has yet."""
        key = normalise(label)
        return next((x.record.id for x in self.items if x.kind == kind and normalise(x.fields[kind]) == key),
                    next((r.id for r in (self.snap.base.terms if kind == TERM else self.snap.base.attributes)
                          if normalise(r.label or r.id) == key), ""))

    def _answered(self, st: Item) -> Message | None:
        """The message of its target's that the stance ``st`` answers: the one its speaker's
        message replies to, if theirs; else the one of the first claim it is about; else
        the target's latest before it, in the thread's order."""
        r, messages = st.record, self.snap.messages
        m = messages.get(r.message)
        if m is None:
            return None
        if (replied := messages.get(m.reply_to)) is not None and replied.by == r.target:
            return replied
        claims = [c for c in self._claims_named(r.concerns) if c.record.message in messages]
        if claims:
            return messages[claims[0].record.message]
        _, in_order, order, said_at = self._places()
        theirs = said_at.get(r.target, [])
        before = bisect_left(theirs, order[m.id])
        return in_order[theirs[before - 1]] if before else None

    def _places(self) -> tuple[Any, list[Message], dict[str, int], dict[str, list[int]]]:
        """The messages in the thread's order, each one's place in it, and each speaker's
        places: worked out once for the messages (each stance's card asks them)."""
        messages = self.snap.messages
        if self._said_at[0] is not messages:
            said_at: dict[str, list[int]] = {}
            for i, msg in enumerate(messages.values()):
                said_at.setdefault(msg.by, []).append(i)
            self._said_at = (messages, list(messages.values()), {ident: i for i, ident in enumerate(messages)}, said_at)
        return self._said_at

    def _claims_named(self, refs: Iterable[str]) -> list[Item]:
        """The claims that ``refs`` (review ids, or the ids the records have) name, each once."""
        found = (self.by_rid.get(r) or self.by_id.get(r) for r in refs)
        return list({c.rid: c for c in found if c is not None and c.kind == CLAIM}.values())

    def _about_undecided(self, accepted: list[Item]) -> str:
        """What to say of the agreements and disputes just accepted whose claims are all
        still undecided: until one is accepted, the stance is about what its target said
        where they are (their claims accepted there), in every answer and in what
        `consensus` counts as endorsed; and of those about no claim at all, which stand
        for everything their target said (or, their claims rejected, for what they said
        where those were)."""
        waiting, everything, there = [], [], []
        for st in accepted:
            if st.kind != "relation" or st.record.kind not in STANCES:
                continue
            entry = self.book.find(st.key)
            if entry is not None and ("about" in entry.edit or "target" in entry.edit):
                continue  # said in review what it is about, or turned to another person (not about these)
            claims = self._claims_named(st.record.concerns)
            if not claims and (gone := self._narrowed(st)):
                there.append((st, gone))
            elif not claims:
                everything.append(st)
            elif all(self.status(c) is None for c in claims):
                waiting.append((st, claims))
        notes = []
        if waiting:
            st, claims = waiting[0]
            more = f" (and {len(waiting) - 1} more such)" if len(waiting) > 1 else ""
            notes.append(f"{self.named([st])}{more} is about {len(claims)} claim{'s' if len(claims) > 1 else ''} "
                         f"still undecided: {self.named(claims)}. Until one is accepted it is about "
                         f"{self._said_where(st, claims)} (their claims accepted there, if any)")
        if there:
            st, gone = there[0]
            more = f" (and {len(there) - 1} more such)" if len(there) > 1 else ""
            notes.append(f"{self.named([st])}{more} was about rejected claims only: it is about "
                         f"{self._said_where(st, gone)} (their claims accepted there, if any; about= says what)")
        if everything:
            st = everything[0]
            more = f" (and {len(everything) - 1} more such)" if len(everything) > 1 else ""
            notes.append(f"{self.named([st])}{more} is about no claim: it stands for everything "
                         f"{self.names.get(st.record.target, st.record.target)} said (about= narrows it)")
        return "\n".join(notes)

    def _narrowed(self, st: Item) -> list[Item]:
        """The rejected claims the stance ``st`` was about, now about none of its own: those
        its decision noted, and those whose rejection (or their term's) notes it, found
        through the decisions, not every item."""
        own = self.book.find(st.key)
        if self._narrowing[0] != (self.book.revision, len(self.book.entries)):  # (once for all a list's rows)
            self._narrowing = ((self.book.revision, len(self.book.entries)), narrowing(self.book.entries))
        found = [*self._claims_named(own.memo.get("about", ()) if own is not None else ()),
                 *(self.by_rid.get(review_id(e.key)) for e in self._narrowing[1].get(st.rid, ()))]
        return list({c.rid: c for c in found if c is not None and self.status(c) in (REJECTED, REMOVED)}.values())

    def _said_where(self, st: Item, claims: Iterable[Item]) -> str:
        """What the stance ``st`` is about once ``claims`` (rejected or undecided) are all it
        named: what its target said where those were ("what Ana said in line 1 and line 4")."""
        _, in_order, order, _ = self._places()
        places = [in_order[i].where for i in sorted({order[c.record.message] for c in claims if c.record.message in order})
                  if in_order[i].by == st.record.target]
        where = " and ".join([", ".join(places[:-1]), places[-1]]) if len(places) > 1 else "".join(places)
        return said_in(self.names.get(st.record.target, st.record.target), where or "the thread")

    def _where_they_were(self, st: Item, claims: list[Item]) -> str:
        """What to say of an agreement or dispute whose ``claims`` were all rejected: it is
        about what its target said where those were, or will be once accepted."""
        stands = "it is now about" if self.status(st) is not None else "accepted, it would be about"
        return (f"{self.named([st])} was about rejected claims only: {stands} {self._said_where(st, claims)} "
                "(their claims accepted there, if any; an edit of what it is about says what: about= on the "
                "command line, the page's 'about'; or reject it)")

    def _about_nothing_left(self, rejected: list[Item]) -> str:
        """What to say of the agreements (accepted or not) that were about the claims just
        rejected and nothing else: with no claim left to be about, each is about what its
        target said where those were, which a reviewer should know (and may say with about=)."""
        gone = {it.rid for it in rejected} | {it.record.id for it in rejected}
        out: list[tuple[Item, list[Item]]] = []
        for st in self.items:
            if st.kind != "relation" or st.record.kind not in STANCES or self.status(st) in (REJECTED, REMOVED):
                continue
            entry = self.book.find(st.key)  # what its decision noted it was about (read back, the record
            # holds only the claims accepted by then)
            about = (entry.edit["about"] if entry is not None and "about" in entry.edit else
                     [*st.record.concerns, *(entry.memo.get("about", ()) if entry is not None else ())])
            if not about or not gone & set(about):
                continue
            claims = self._claims_named(about)
            if claims and all(self.status(c) in (REJECTED, REMOVED) for c in claims):
                out.append((st, claims))
        if len(out) > 2:  # a bulk rejection: one line, not one each
            ids = ", ".join(st.rid for st, _ in out[:6]) + (", ..." if len(out) > 6 else "")
            return (f"{len(out)} agreements and disputes were about rejected claims only ({ids}): each is, or "
                    "accepted would be, about what its target said where those were (about= says what; or "
                    "reject them)")
        return "\n".join(self._where_they_were(st, claims) for st, claims in out)

    def add(self, kind: str, fields: dict[str, Any], base: int | None = None) -> dict[str, Any]:
        """Add an item the draft missed, accepted, as one action: a claim (``kind`` "claim";
        ``fields``: message, quote, term, attribute, negated) or a relation (``kind`` its
        kind, as ``agrees_with``; fields: message, quote, source, target). The quote must
        be the message's own words (found in it, spaces and quote marks aside): the item
        keeps those characters, and the message's speaker says it (an agreement or dispute
        is the speaker's). An item the draft has at the same place is accepted instead. The
        module's example adds one."""
        with self.lock:
            self._check_base(base)
            fields = dict(fields)
            at = fields.pop("at", None)  # where the page's reader selected the words (UTF-16 units), if known
            at = at if isinstance(at, int) and not isinstance(at, bool) and at >= 0 else None
            about = fields.pop("about", None)  # what an agreement or dispute is about, when said (one, or a list)
            if about not in (None, "", []) and kind not in STANCES:
                raise UsageError(f"'about' is said of an agreement or dispute, not of {article(kind.replace('_', ' '))}")
            m = self.snap.messages.get(str(fields.get("message", "")))
            if at is not None and m is not None:  # the browser counts an emoji as two
                at = len(m.text.encode("utf-16-le")[: 2 * at].decode("utf-16-le", "ignore"))
            item, identity = new_item(kind, self._as_drafted(kind, fields), self.snap.messages, self.names, at)
            m = self.snap.messages[identity["message"]]
            places = quote_spans(fields["quote"], m)
            if at is None and len(places) > 1:  # the words are there twice: where the draft has them, if it does
                for place in places:
                    if self._twin(key_of(item, {**identity, "span": list(place)}))[0] is not None:
                        identity["span"] = list(place)
                        break
            key = key_of(item, identity)
            twin, as_edited = self._twin(key)
            note = f"the quote is in the message {len(places)} times: characters {identity['span'][0]}-" \
                   f"{identity['span'][1]} are taken" if len(places) > 1 else ""
            if twin is not None:
                return self._add_twin(twin, as_edited, base, note, about)
            named_as = CLAIM if item == CLAIM else identity["kind"]
            self._not_rejected(ATTRIBUTE, _named(named_as, identity, ATTRIBUTE))
            made = self._new_terms_named(_named(named_as, identity, TERM), "a claim" if item == CLAIM else
                                         f"{article(named_as.replace('_', ' '))} relation")
            memo: dict[str, Any] = {ADDED: True}
            s, t = identity["span"]  # its words, found again should the messages be numbered anew
            memo[WORDS] = words_check(m.text[s:t])
            if about not in (None, "", []):
                memo["about"] = list(dict.fromkeys(rid for one in (about if isinstance(about, list) else [about])
                                                   for rid in self._about(str(one), identity["target"],
                                                                          identity["message"])))
                waiting = [rid for rid in memo["about"] if self.status(self.by_rid[rid]) is None]
                if waiting:  # as a drafted stance accepted before its claims
                    note = "; ".join(filter(None, (note, f"about {', '.join(waiting)}, not decided yet: the "
                                                         "stance is about it once it is accepted")))
            result = self._commit(lambda: self.book.record([(ACCEPTED, item, identity, {}, memo)]))
            self._load()  # the new item joins the review, made from its decision
            rid = review_id(key)
            return {**result, "counts": self.counts(), "added": self.describe(self.by_rid[rid]), "id": rid,
                    **({"made": made} if made else {}), **({"note": note} if note else {})}

    def _about(self, about: str, target: str, message: str = "") -> list[str]:
        """The review ids of the claims of ``target`` that ``about`` names: one claim by its
        review id, or their claims with that attribute (by any of its labels; "not ..."
        names their denials of it); only what they had said by ``message`` (the stance's),
        never what they say later."""
        order = {m: i for i, m in enumerate(self.snap.messages)}
        by = order.get(message, len(order))
        theirs = [it for it in self.items if it.kind == CLAIM and it.record.by == target and self.status(it) not in (
            REJECTED, REMOVED) and order.get(it.record.message, -1) <= by]
        hit = [it.rid for it in theirs if it.rid == about]
        term, sep, said_of = about.partition(": ")
        on_term = [it for it in theirs if normalise(self._renamed(it, self._fields_now(it))[TERM]) == normalise(term)] \
            if sep else []
        if not hit and on_term:  # "climate: long-term pattern", as --list shows a claim: its term's claims only
            theirs, about = on_term, said_of
        if not hit:  # a denial as --list writes it: "incident: does not need customer"
            shown = normalise(about)
            hit = [it.rid for it in theirs
                   if normalise(claim_text("", *self._claim_now(it)).removeprefix(": ")) == shown]
        if not hit:
            denied = about.strip().lower().startswith("not ")
            label = about.strip()[4:] if denied else about
            names = self._names(ATTRIBUTE)
            want = normalise(names.get(normalise(label), label))
            # by its attribute as drafted, or as edited: the label --list shows
            now = {it.key: self._claim_now(it) for it in theirs}
            alike = [it for it in theirs if want in (normalise(it.fields[ATTRIBUTE]), normalise(now[it.key][0]))]
            hit = [it.rid for it in alike if now[it.key][1] == denied] or (
                [it.rid for it in alike] if not denied else [])
        if not hit:
            said = sorted({self._claim_now(it)[0] for it in theirs}, key=str.casefold)
            raise UsageError(f"{self.names.get(target, target)} has no claim '{excerpt(about, 40)}' in the review"
                             + (did_you_mean(about, said) or (f"; theirs: {', '.join(excerpt(a, 30) for a in said[:6])}"
                                                               if said else "")))
        return hit

    def _claim_now(self, it: Item) -> tuple[str, bool]:
        """A claim's attribute and negation now: an edit's, if it was edited."""
        now = self._fields_now(it)
        return (str(now[ATTRIBUTE]), bool(now.get("negated"))) if now is not None \
            else (str(it.fields[ATTRIBUTE]), bool(it.record.negated))

    def _as_drafted(self, kind: str, fields: dict[str, Any]) -> dict[str, Any]:
        """``fields`` with each term and attribute named as the decisions name it: by the
        label it was drafted with, not one of its other names ("cooperative" for
        cooperation) nor the one it was renamed to in review (decisions that named one
        thing two ways would not meet). ``kind``: "claim" or a relation's kind."""
        names = {TERM: self._names(TERM), ATTRIBUTE: self._names(ATTRIBUTE)}
        ends = _named_fields(kind)
        return {k: names[ends[k]].get(normalise(v)) or (self._inflected(v, names[TERM]) if ends[k] == TERM else v)
                if k in ends and isinstance(v, str) else v for k, v in fields.items()}

    @staticmethod
    def _inflected(name: str, names: dict[str, str]) -> str:
        """The label of the one term ``name`` names in the singular or the plural ("story
        point" of "story points"); else ``name``. (Not other forms: "grading" may be
        meant apart from "grade", as a thread that tells them apart does.)"""
        key = _singular(normalise(name))
        found = {label for n, label in names.items() if _singular(n) == key}
        return found.pop() if len(found) == 1 else name

    def _merges(self, kind: str, label: str, drafted: str) -> str:
        """The id of the other term (or attribute) that renaming the one drafted as
        ``drafted`` to ``label`` makes it one with, if any ("" if none)."""
        key = normalise(label)
        others = [(o.record.id, (o.fields[kind], *getattr(o.record, "aliases", ()))) for o in self.items
                  if o.kind == kind and normalise(o.fields[kind]) != normalise(drafted)]
        others += [(r.id, (r.label, *getattr(r, "aliases", ())))
                   for r in (self.snap.base.terms if kind == TERM else self.snap.base.attributes)]
        return next((ident for ident, names in others if key in {normalise(n) for n in names}), "")

    def _names(self, kind: str) -> dict[str, str]:
        """Every name of each term (or attribute) under review -> the label decisions name
        it by: its own label first, then its id and other names, then a label it was
        renamed to (which merges it into another of that label, if there is one)."""
        names: dict[str, str] = {}
        records = [(t, t.label, tuple(getattr(t, "aliases", ())))
                   for t in (self.snap.base.terms if kind == TERM else self.snap.base.attributes)]
        records += [(it.record, it.fields[kind], self._aliases(it)) for it in self.items if it.kind == kind]
        renamed = {normalise(drafted): new for k, drafted, new in self.book.renamed() if k == kind}
        kept = {normalise(lab) for _, lab, _ in records} - renamed.keys()
        for was, label in renamed.items():  # the labels review gave: two may have swapped names
            if normalise(label) in kept:
                continue  # merged into the one of that label, which keeps it: the name is that one's
            names.setdefault(normalise(label), next(lab for _, lab, _ in records if normalise(lab) == was)
                             if any(normalise(lab) == was for _, lab, _ in records) else label)
        for _, label, _ in records:
            if normalise(label) not in renamed:
                names.setdefault(normalise(label), label)
        for t, label, aliases in records:
            for n in (t.id, t.label, *aliases):
                names.setdefault(normalise(n), label)
        return names

    def _aliases(self, it: Item) -> tuple[str, ...]:
        """The other names of the drafted term ``it`` as review left them (none for an
        attribute)."""
        return aliases_now(it, self.book.find(it.key)) if it.kind == TERM else ()

    def _twin(self, key: tuple[Any, ...], besides: Item | None = None) -> tuple[Item | None, bool]:
        """The item under review that ``key`` names, as drafted or as edited (at
        overlapping characters; a symmetric relation either way round), and whether it was
        found as edited; never ``besides``."""
        keys = [key]
        if key[0] == "relation" and key[1] in SYMMETRIC:
            keys.append((*key[:4], key[5], key[4]))
        for it in self.items:
            if it.kind != key[0] or it is besides:
                continue
            mine = [(it.key, False)]
            if self.status(it) == EDITED and (e := self.book.find(it.key)) is not None:
                mine.append((key_of(it.kind, _edited_fields(e)), True))
            for k, edited in mine:
                if any(k == x or (_loose(k) == _loose(x) and _overlap(_span_of(k), _span_of(x))) for x in keys):
                    return it, edited
        return None, False

    def _add_twin(self, twin: Item, as_edited: bool, base: int | None, note: str, about: Any = None) -> dict[str, Any]:
        """An addition the draft has: accepted, unless it is already; refused when the
        drafted item was edited into another, or went with a rejected term or attribute;
        an agreement or dispute said to be ``about`` something is edited so."""
        status = self.status(twin)
        if status == REMOVED:
            gone = [u for u in taken_with(twin) for x in self.items if x.kind in (TERM, ATTRIBUTE)
                    and x.record.id == u and self.status(x) == REJECTED]
            names = ", ".join(describe(x) for x in self.items if x.kind in (TERM, ATTRIBUTE) and x.record.id in gone)
            raise UsageError(f"the draft has it ({twin.rid}), gone with the rejected {names or 'term'}: accept that "
                             "first, or name another")
        if about not in (None, ""):
            result = self.decide([twin.rid], EDITED, {"about": about}, base=base)
            return {**result, "added": "", "drafted": self.describe(twin), "id": twin.rid,
                    **({"note": note} if note else {}), **({"turned": status} if status not in (None, ACCEPTED,
                                                                                             EDITED) else {})}
        e = self.book.find(twin.key) if status == EDITED else None
        now = self.describe(twin, _edited_fields(e)) if e is not None else ""
        if e is not None and not as_edited:
            raise UsageError(f"the draft has it ({twin.rid}), edited into “{now}”: to have it as drafted, undo "
                             f"that edit or edit it back (review DATA {twin.rid} --edit ...)")
        said = {"added": "", "drafted": now or self.describe(twin), "id": twin.rid,
                **({"note": note} if note else {})}
        if status in (ACCEPTED, EDITED):
            return {"revision": self.book.revision, "counts": self.counts(), "changed": {}, **said,
                    "already": True}
        result = self.decide([twin.rid], ACCEPTED, base=base)
        return {**result, **said, **({"turned": status} if status is not None else {})}

    def _new_terms(self, it: Item, changes: dict[str, Any]) -> list[str]:
        """The terms an edit names that the review has none of (see :meth:`_new_terms_named`)."""
        wanted = _named(_kind_of(it, changes), changes, TERM) if it.kind in (CLAIM, "relation") else []
        what = "a claim" if it.kind == CLAIM else f"a {getattr(it.record, 'kind', '').replace('_', ' ')} relation"
        return self._new_terms_named(wanted, what)

    def _new_terms_named(self, wanted: list[str], what: str) -> list[str]:
        """The terms of ``wanted`` that the review has none of, each said with the likely
        slip it may be ("term 'vetos' (did you mean 'veto'?)"); a person named where a term
        goes is refused: ``what`` (a claim, a relation between terms) takes no contributor there."""
        from .names import words

        if not wanted:
            return []
        labels = {normalise(n): t.label for t in self.snap.base.terms for n in (t.id, t.label, *t.aliases)}
        labels |= {normalise(n): i.record.label for i in self.items if i.kind == TERM
                   for n in (i.record.id, i.record.label, *self._aliases(i))}
        labels |= {normalise(new): new for kind, _, new in self.book.renamed() if kind == TERM}  # renamed in review
        # a person by their name, id, first or last name ("priya"; not initials, which a term may be)
        people = {normalise(name) for name in self.names.values()} | {normalise(i) for i in self.names} | {
            w for name in self.names.values() if len(parts := words(name)) > 1 for w in (parts[0], parts[-1])}
        self._not_rejected(TERM, wanted)
        out = []
        for label in wanted:
            key = normalise(label)
            if key in labels:
                continue
            if key in people:
                raise UsageError(f"'{excerpt(label, 30)}' is a contributor, and {what} takes a term there")
            # a new term may well be meant: only a slip of a letter or two is suggested ("vetos"), not
            # a neighbour that shares a word ("pledged stake" is no "non-delegated stake")
            out.append(f"term '{excerpt(label, 40)}'" + did_you_mean(label, sorted(set(labels.values())), cutoff=0.8))
        return out

    def _not_rejected(self, kind: str, wanted: list[str], itself: Item | None = None) -> None:
        """A term or attribute rejected in review stays so: a claim or relation naming one,
        or another renamed to its name, would bring it back unsaid; refused."""
        if not wanted:
            return
        rejected = {normalise(n): it for it in self.items if it.kind == kind and self.status(it) == REJECTED
                    and it is not itself for n in (it.fields[kind], *getattr(it.record, "aliases", ()))}
        for label in wanted:
            if (it := rejected.get(normalise(label))) is not None:
                raise UsageError(f"{kind} '{excerpt(label, 30)}' was rejected ({it.rid}): accept it first (review DATA "
                                 f"--accept {it.rid}), or name another")

    def _undecided_on(self, it: Item) -> list[Item]:
        """The undecided claims and relations that use the term or attribute ``it``: what
        its rejection takes along, or its merge into another moves."""
        return [u for u in self.items if u.kind in (CLAIM, RELATION) and self.status(u) is None
                and it.record.id in taken_with(u)]

    def _context_of(self, it: Item) -> list[Item]:
        """The context links (who names it, what it is named with) of the term ``it``."""
        return [u for u in self.snap.items if u.kind == CONTEXT and it.record.id in taken_with(u)]

    def _stances_on(self) -> dict[str, list[str]]:
        """The undecided agreements and disputes about each claim (claim id -> their review ids)."""
        on: dict[str, list[str]] = {}
        for u in self.items:
            if u.kind == RELATION and u.record.kind in STANCES and self.status(u) is None:
                for c in u.record.concerns:
                    on.setdefault(c, []).append(u.rid)
        return on

    def _noted(self, it: Item) -> dict[str, Any]:
        """``it`` as a decision's :data:`TOOK` note says it: as a line would (a context link
        as a relation), with its memo."""
        return {"item": RELATION if it.kind == CONTEXT else it.kind, **it.fields, **self._memo(it)}

    def _memo(self, it: Item) -> dict[str, Any]:
        """What the draft said of ``it`` beside what it is, kept with its decision so that
        an undo makes it again as it was: its confidence and rule, and a stance's claims."""
        r = it.record
        memo: dict[str, Any] = {} if r.confidence is None else {"confidence": r.confidence}
        if getattr(r, "rule", ""):
            memo["rule"] = r.rule
        if it.kind in (CLAIM, "relation"):  # its words, found again should an edit upstream move them
            memo.update(words_memo(r))
        if it.kind == CONTEXT and r.count:  # how often, and where first: what the page says of a context link
            memo.update(count=r.count, places=list(r.places))
        if (e := self.book.find(it.key)) is not None and e.memo.get(ADDED):
            memo[ADDED] = True  # added by a reviewer, whatever is decided of it later
        if scope(it):
            claims = [self.by_id[c].rid for c in scope(it) if c in self.by_id and self.by_id[c].kind == CLAIM]
            if claims:
                memo["about"] = claims
        return memo

    def undo(self, base: int | None = None) -> dict[str, Any]:
        """Take back the last action (a bulk decision is one)."""
        with self.lock:
            self._check_base(base)
            if not self.book.entries:
                raise UsageError("nothing to undo")
            gone: list[Any] = []

            def take_back() -> int:
                gone.extend(self.book.undo())
                return int(gone[0].action)

            result = self._commit(take_back)
            keys = {e.key for e in gone}
            if any(e.decision == EDITED and e.item in (TERM, ATTRIBUTE) and "label" in e.edit
                   and self._merges(e.item, e.edit["label"], e.fields[e.item]) for e in gone):
                result["unmerged"] = True  # one node is two again: the page draws its graph again
            undone = [it for it in self.items if it.key in keys]
            result["undone"] = [it.rid for it in undone]
            result["decided"] = [f"took back {it.rid}: {self.describe(it)}" for it in undone]
            # an item a reviewer added, its addition taken back, is no item at all (not a draft to decide)
            added = {e.key for e in gone if e.memo.get(ADDED) and "was" not in e.memo}
            # a merge taken back: the items it moved over to the other term leave it, and come back as drafted
            moved = {k for e in gone if e.decision == EDITED and "label" in e.edit for x in e.memo.get(TOOK, ())
                     if review_id(k := key_of(x["item"], _moved_fields(x, e.item, e.fields[e.item], e.edit["label"])))
                     not in e.memo.get(STAYS, ())}
            # what a rejection took along, which no file holds, made again (undecided); and
            # without the added items (and the terms and attributes made for them alone). A
            # moved item's id is free again: the one made again takes it, and the stances about it find it
            moved_ids = {it.key: it.record.id for it in self.snap.items if it.key in moved}
            back = taken_back(self.snap, gone, leaving=moved_ids.values())
            # the stances a claim's rejection had narrowed, about it again; and those about a
            # claim a merge had moved, about it as made again
            rescoped = self._rescoped(gone, back)
            rescoped |= self._unmoved(gone, moved_ids, back, rescoped)
            if back or added or moved or rescoped:
                result["counts"] = self._rewritten([*(rescoped.get(it.key, it) for it in self.snap.items
                                                      if it.key not in added and it.key not in moved), *back])
            if added:
                result["gone"] = sorted(review_id(k) for k in added)
            result["restored"] = sum(1 for e in gone if "was" in e.memo)  # turned decisions that stand again
            if self._makes([(e.item, e.fields, e.edit) for e in gone if e.decision == EDITED]):
                result["redraw"] = True  # a term or attribute an edit made goes with it: the page draws again
            return result

    def _rescoped(self, undone: list[Entry], back: Sequence[Item] = ()) -> dict[tuple[Any, ...], Item]:
        """The undecided stances that the claim rejections among ``undone`` had narrowed
        (their :data:`NARROWED` notes, a rejected term's for the claims it took along), about
        those claims again, by key. ``back``: the items the undo makes again."""
        rejected = [e for e in (*undone, *taken_along(e for e in undone if e.decision == REJECTED))
                    if e.item == CLAIM and e.decision == REJECTED and NARROWED in e.memo]
        # a stance decided, its decision taken back: about the claims it was drafted about again
        # (the curated file had kept only those accepted; the decision's note keeps them all)
        stances = [e for e in undone if e.item == RELATION and e.memo.get("about")]
        if not rejected and not stances:
            return {}  # (most undos: no look over every item)
        items = [*self.snap.items, *back]
        by_rid = {it.rid: it for it in items}
        by_key = {it.key: it for it in items}
        at = {m: i for i, m in enumerate(self.snap.messages)}
        claims = {it.record.id: it.record for it in items if it.kind == CLAIM}

        out: dict[tuple[Any, ...], Item] = {}
        for e in stances:
            st = by_key.get(e.key)
            if st is None or self.status(st) is not None:
                continue
            about = [by_rid[r].record.id for r in e.memo["about"] if r in by_rid and by_rid[r].kind == CLAIM]
            if set(about) - set(st.record.concerns):
                concerns = in_thread_order((*st.record.concerns, *about), claims, at)
                out[st.key] = replace(st, record=replace(st.record, concerns=concerns))
        for e in rejected:
            if (claim := by_key.get(e.key)) is None:
                continue
            for rid in e.memo[NARROWED]:
                st = by_rid.get(rid)
                if st is None or self.status(st) is not None:
                    continue
                st = out.get(st.key, st)
                if claim.record.id not in st.record.concerns:
                    concerns = in_thread_order((*st.record.concerns, claim.record.id), claims, at)
                    out[st.key] = replace(st, record=replace(st.record, concerns=concerns))
        return out

    def _unmoved(self, undone: list[Entry], now: dict[tuple[Any, ...], str], back: Sequence[Item],
                 rescoped: dict[tuple[Any, ...], Item]) -> dict[tuple[Any, ...], Item]:
        """The undecided stances about a claim that a merge among ``undone`` had moved to
        the other term or attribute (``now``: the moved items' ids by key; they leave),
        about the claim made again as drafted (``back``) instead, by key; ``rescoped``:
        stances already made anew. A moved claim accepted, then taken back, has an id of
        its own by then."""
        if not now:
            return {}
        made = {it.key: it.record.id for it in back if it.kind == CLAIM}
        ids: dict[str, str] = {}  # the moved claim's id -> that of the claim made again
        for e in undone:
            if e.decision == EDITED and "label" in e.edit:
                for x, drafted in zip(e.memo.get(TOOK, ()), taken_along([e])):
                    k = key_of(x["item"], _moved_fields(x, e.item, e.fields[e.item], e.edit["label"]))
                    if k in now and drafted.key in made:
                        ids[now[k]] = made[drafted.key]
        out = {}
        for it in self.snap.items:
            st = rescoped.get(it.key, it)
            if st.kind == RELATION and not ids.keys().isdisjoint(getattr(st.record, "concerns", ())):
                concerns = tuple(dict.fromkeys(ids.get(c, c) for c in st.record.concerns))
                out[st.key] = replace(st, record=replace(st.record, concerns=concerns))
        return out

    def _makes(self, edits: list[tuple[str, dict[str, Any], dict[str, Any]]]) -> bool:
        """Whether one of ``edits`` (item kind, fields, edit) of a claim or relation names a
        term or attribute that neither the draft nor the curated files have (one it makes: a
        node the page has not got)."""
        ends = [(k, edit[k]) for item, _, edit in edits if item == CLAIM for k in (TERM, ATTRIBUTE) if k in edit] \
            + [(kind, edit[side]) for item, fields, edit in edits if item == RELATION
               for side, kind in zip(("source", "target"), RELATION_ENDS.get(edit.get("kind", fields["kind"]), ()))
               if side in edit and kind != CONTRIBUTOR]
        if not ends:
            return False
        known = {(it.kind, normalise(it.fields[it.kind])) for it in self.items if it.kind in (TERM, ATTRIBUTE)
                 and it.record.confidence is not None} \
            | {(TERM, normalise(n)) for t in self.snap.base.terms for n in (t.id, t.label, *t.aliases)} \
            | {(ATTRIBUTE, normalise(a.label)) for a in self.snap.base.attributes}
        return any((kind, normalise(label)) not in known for kind, label in ends if isinstance(label, str))

    def bulk(self, flt: dict[str, Any], decision: str, base: int | None = None) -> dict[str, Any]:
        """Accept or reject every undecided item ``flt`` selects, as one action."""
        with self.lock:
            chosen = self.select(flt)
            if not chosen:
                raise UsageError("no undecided item matches that filter")
            return self.decide([it.rid for it in chosen], decision, base=base)

    def _check_base(self, base: int | None) -> None:
        if base is not None and base != self.book.revision:
            raise Conflict(f"{self.book.path}: revision {self.book.revision}, not {base}: decided meanwhile in another "
                           "tab or by another reviewer; nothing written")

    def _commit(self, change: Any) -> dict[str, Any]:
        saved = (list(self.book.entries), self.book._index)
        action = change()
        try:
            self.book.save()
        except Conflict:
            self.book.entries, self.book._index = saved
            self._load()  # someone else wrote: take their decisions in; the caller starts again
            raise
        except BaseException:
            self.book.entries, self.book._index = saved
            raise
        # only the lines that differ can change an item's status: the rest is not looked at again
        before, after = {id(e): e for e in saved[0]}, {id(e): e for e in self.book.entries}
        moved = self.standing.update(e.key for i, e in (before | after).items() if (i in before) != (i in after))
        changed = {}
        for it in sorted((it for key in moved for it in self.standing.by_key[key] if it.kind != CONTEXT),
                         key=lambda it: self.position[it.key][1]):  # in the items' order, as before
            was, now = moved[it.key]
            if it.key not in self.made:
                self.tally[was] -= 1
                self.tally[now] += 1
            changed[it.rid] = now
        return {"revision": self.book.revision, "action": action, "counts": self.counts(), "changed": changed}

    def _rewritten(self, items: list[Item]) -> dict[str, int]:
        """The files written with ``items`` as the items under review, then read again: the
        review stands as a fresh read of the folder would have it. Returns its counts."""
        self.snap.items = items
        self.write_files()
        self._load()
        return self.counts()

    def write_files(self) -> None:
        """Write draft.yaml and reviewed.yaml as the decisions have them. Should another
        program have changed them meanwhile (a new draft), the folder is read again first."""
        with self.lock:  # a copy of the decisions, so that new ones need not wait for the files
            snap, book = self.snap, Decisions(self.book.path, list(self.book.entries), self.book.revision, self.book.raw)
        try:
            write_settled(snap, settle(snap.items, book, snap.base))
        except Conflict:
            with self.lock:
                self._load()
                write_settled(self.snap, settle(self.snap.items, self.book, self.snap.base))


def _quotes_from(msg: Message | None, answered: Message) -> bool:
    """Whether ``msg`` quotes words of ``answered`` (a passage the import set apart, or a
    "> " line) of four words or more: the review card shows them there already.

    >>> from conceptgraph.model import Message
    >>> a = Message("a", "ann", "post", "We keep stuck on three words: weed, invasive and naturalized.")
    >>> _quotes_from(Message("b", "bo", "reply", "> We keep stuck on three words\\nFair."), a)
    True
    >>> _quotes_from(Message("b", "bo", "reply", "Fair."), a)
    False
    """
    if msg is None:
        return False
    said = " ".join(re.findall(r"\w+", answered.text.casefold()))
    passages = [*msg.quotes, *(line.lstrip("> ") for line in msg.text.splitlines() if line.startswith(">"))]
    return any(len(words := re.findall(r"\w+", p.casefold())) >= 4 and " ".join(words) in said for p in passages)


def _moved_fields(x: dict[str, Any], kind: str, was: str, label: str) -> dict[str, Any]:
    """The fields of an item a merge noted as drafted (``x``), as the merge made it: the
    merged term or attribute (``kind``, drafted as ``was``) named by the ``label`` it was
    merged into."""
    old = normalise(was)
    names = (kind,) if x["item"] == CLAIM else ("source", "target")
    return {k: label if k in names and isinstance(v, str) and normalise(v) == old else v for k, v in x.items()}


def _named_fields(kind: str) -> dict[str, str]:
    """The fields of an item of ``kind`` ("claim" or a relation's kind) that name a term or
    an attribute, and which: a claim's term and attribute, a relation's ends between
    terms or attributes (never people)."""
    if kind == CLAIM:
        return {TERM: TERM, ATTRIBUTE: ATTRIBUTE}
    return {end: node for end, node in zip(("source", "target"), RELATION_ENDS.get(kind, ())) if node in (TERM, ATTRIBUTE)}


def _named(kind: str, fields: dict[str, Any], node: str) -> list[str]:
    """The labels of terms (``node`` "term") or attributes that ``fields`` of an item of
    ``kind`` give."""
    return [fields[f] for f, n in _named_fields(kind).items() if n == node and f in fields]


def _singular(name: str) -> str:
    """A name with its last word in the singular, as English writes most plurals.

    >>> _singular("story points"), _singular("processes"), _singular("glass"), _singular("categories")
    ('story point', 'process', 'glass', 'category')
    """
    for plural, one in (("ies", "y"), ("sses", "ss"), ("shes", "sh"), ("ches", "ch"), ("xes", "x")):
        if name.endswith(plural) and len(name) > len(plural) + 1:
            return name[: -len(plural)] + one
    return name[:-1] if name.endswith("s") and not name.endswith(("ss", "us", "is")) and len(name) > 3 else name


def _as_drafted_value(it: Item, field: str, value: Any) -> bool:
    """Whether an edit's ``field`` gives the item what it was drafted with (an edit that
    takes back part of an earlier one): no change."""
    if field == "negated":
        return bool(value) == bool(getattr(it.record, "negated", False))
    if field == "kind":
        return bool(value == getattr(it.record, "kind", None))
    if field == "label":
        return bool(value == getattr(it.record, "label", None))
    if field in ("gloss", "description", "aliases"):
        return bool(value == (list if field == "aliases" else str)(getattr(it.record, field, "")))
    return field in (TERM, ATTRIBUTE, "source", "target") and value == it.fields.get(field)


def _kind_of(it: Item, changes: dict[str, Any]) -> str:
    """"claim", or the kind a relation has once ``changes`` are made."""
    return CLAIM if it.kind == CLAIM else str(changes.get("kind", it.record.kind))


def _overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def _confidence(value: Any, name: str) -> float | None:
    """A bulk filter's confidence bound: None when not given. A number outside 0 to 1
    matches all or nothing, where a reviewer who typed 25 meant 0.25: refused, as the
    command line's --accept-above refuses it.

    >>> _confidence("0.25", "above"), _confidence(None, "below")
    (0.25, None)
    >>> _confidence(25, "below")
    Traceback (most recent call last):
    conceptgraph.errors.UsageError: 'below' is a number from 0 to 1 (0.25, not 25), not 25
    """
    if value in (None, ""):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise UsageError(f"'{name}' is a number from 0 to 1, not '{excerpt(value, 20)}'") from None
    if not 0 <= number <= 1:
        raise UsageError(f"'{name}' is a number from 0 to 1 (0.25, not 25), not {excerpt(str(value), 20)}")
    return number


# --- the command line's side -----------------------------------------------------------------


def _ever_rejected(e: Entry) -> bool:
    """Whether an item was rejected by this decision or one it turned (kept under ``was``)."""
    was: Any = {"decision": e.decision, "was": e.memo.get("was")}
    while isinstance(was, dict):
        if was.get("decision") == REJECTED:
            return True
        was = was.get("was")
    return False


def _name_in(text: str, span: list[int], names: tuple[str, ...]) -> list[int]:
    """Where one of ``names`` stands, as a word, inside ``span`` of ``text`` (case aside);
    the span itself when none does.

    >>> _name_in("Is a haiku the same as a sonnet?", [0, 32], ("sonnet",))
    [25, 31]
    """
    s, e = span
    for name in names:
        m = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text[s:e], re.I)
        if m:
            return [s + m.start(), s + m.end()]
    return list(span)


def review_list(folder: str | os.PathLike[str], order: str = "confidence",
                thread: str | None = None) -> list[dict[str, Any]]:
    """The undecided items of ``folder`` in ``order``: what ``review DATA --list`` prints;
    of one ``thread`` (its title, as ``--thread`` takes it) when given."""
    r = Review(folder)
    r.write_files()
    title, here = r.in_thread(thread) if thread is not None else ("", None)
    prefix = f"“{title}” › "
    scores = r.scores() if order == "confidence" else None  # worked out once, for the order and the column
    likely = r.likely(scores) if scores is not None else {}

    def shown(it: Item) -> float:  # learned from decisions, never certain: 0.01 to 0.99 (a confidence as it is)
        p = round(likely[it.key], 2)
        return p if p == it.record.confidence else min(0.99, max(0.01, p))

    def own(value: Any) -> Any:  # of one thread, its places need not name it: "turn 2"
        if isinstance(value, list):
            return [own(v) for v in value]
        return value.replace(prefix, "") if title and isinstance(value, str) else value

    return [{k: own(v) for k, v in r.row(it).items() if k not in ("message", "span")}
            | ({"likely": shown(it)} if it.key in likely else {}) for it in r.ordered(order, scores=scores)
            if here is None or here(it)]


def review_undo(folder: str | os.PathLike[str]) -> dict[str, Any]:
    """Take back the last action recorded in the folder's decisions.yaml (a bulk decision
    is one), as the page's undo does; ``undone`` lists the review ids of its items,
    ``decided`` each in words."""
    r = Review(folder)
    before = r.counts()["reviewed"]
    done = r.undo()
    r.write_files()
    summary = _summary(r)
    # what was decided with them (a claim's term accepted with it) is undecided again too: said, as the page says it
    with_ = max(0, before - summary["reviewed"] - len(done["undone"]) + done["restored"])
    return {**summary, "undone": done["undone"], "restored": done["restored"], "decided": done["decided"]} \
        | ({"undone_with": with_} if with_ else {})


def edit_fields(pairs: Iterable[str], option: str = "--edit") -> dict[str, Any]:
    """``--edit`` options (``attribute=works as a team``, ``negated=true``) as an edit, or
    the fields of an item ``--add`` adds.

    >>> edit_fields(["attribute=works as a team", "negated=false"])
    {'attribute': 'works as a team', 'negated': False}
    >>> edit_fields(["about=c-1", "about=trust: grows"])  # what a stance is about: each named
    {'about': ['c-1', 'trust: grows']}
    """
    out: dict[str, Any] = {}
    for pair in pairs:
        field, sep, value = pair.partition("=")
        if not sep or not field.strip():
            raise UsageError(f"{option} takes FIELD=VALUE, not '{excerpt(pair, 40)}'")
        field = field.strip()
        if field == "about" and field in out:  # a stance about several claims, as the page's edit allows
            if not value.strip() or out[field] in ("", []):
                raise UsageError(f"{option}: about= empty (everything its target said) goes alone, not with "
                                 "other claims")
            out[field] = [*(out[field] if isinstance(out[field], list) else [out[field]]), value]
            continue
        if field in out:
            raise UsageError(f"{option}: {field}= is given twice; give it once")
        if field == "negated":
            if value.strip().lower() not in ("true", "false"):
                raise UsageError(f"{option}: negated is true or false (negated=true or negated=false)")
            out[field] = value.strip().lower() == "true"
        else:
            out[field] = value
    return out


def review_edit(folder: str | os.PathLike[str], rid: str, edit: dict[str, Any]) -> dict[str, Any]:
    """Edit the item ``rid`` and accept it as edited, as the page's ``e`` does: ``edit``
    maps the fields that change (a claim's term, attribute and negated; a relation's
    kind, source and target, a person by id or name; a claim's or relation's quote, other
    words of its message; a term's or attribute's label) to their new values."""
    r = Review(folder)
    before = r.counts()
    it = r.find(rid)
    turned = int(r.status(it) not in (None, ACCEPTED, EDITED))
    done = r.decide([rid], EDITED, edit)
    made = done.get("made", [])
    e = r.book.find(it.key)
    fields = _edited_fields(e) if e is not None else None  # what the item is after its edits
    now = r.describe(it, fields) if e is not None and e.edit else r.describe(it)
    if e is not None and fields is not None and "about" in e.edit:  # what the stance is about now
        now += r.said_about(e.edit["about"], fields["target"])
    if e is not None:  # a term's gloss and other names, an attribute's description: said back as kept
        said = [f"{k} “{excerpt(e.edit[k], 60)}”" if e.edit[k] else f"no {k}"
                for k in ("gloss", "description") if k in e.edit]
        if "aliases" in e.edit:
            said.append(f"also written {', '.join(f'“{a}”' for a in e.edit['aliases'])}" if e.edit["aliases"]
                        else "no other names")
        now += f" ({'; '.join(said)})" if said else ""
        if "quote" in e.edit:  # the words it rests on now, as its message has them
            m = r.snap.messages.get(str(it.record.message or ""))
            if m is not None:
                a, b = quote_place(str(e.edit["quote"]), m, it.record.span)
                now += f", on “{excerpt(m.text[a:b], 80)}”"
    notes = [done.get("note", "")]
    if now == r.describe(it):
        # "attribute=loaded dice" for "loaded dice 🎲": one name, as names compare; how it is
        # written is the term's or attribute's own label, edited on it
        for field in (TERM, ATTRIBUTE):
            given = edit.get(field)
            named = next((x for x in r.items if x.kind == field and isinstance(given, str)
                          and normalise(x.fields[field]) == normalise(given) and x.fields[field] != given), None)
            if named is not None:
                notes.append(f"'{excerpt(given, 40)}' is the {field} '{excerpt(named.fields[field], 40)}' already, as "
                             f"names compare (case, spaces and marks aside): to write it so, edit the {field} itself: "
                             f"{named.rid} --edit 'label={excerpt(given, 40)}'")
    notes += r.other_names(edit)
    if done.get("merged") and e is not None:  # one node now: said, with what went over to the other
        moved = Counter(x["item"] for x in e.memo.get(TOOK, ()) if x["item"] in (CLAIM, RELATION)
                        and x.get("kind") not in (MENTIONS, CO_OCCURS))
        along = " and ".join(f"{n} {kind}{'s' if n != 1 else ''}" for kind, n in sorted(moved.items())) \
            or "nothing undecided"
        notes.append(f"merged into the {it.kind} “{excerpt(done['merged'], 40)}”: {along} went over to it "
                     "(an undo takes the merge back)")
    if it.kind == CLAIM and ATTRIBUTE in edit and "negated" not in edit and fields is not None and fields.get("negated"):
        # the denial is the claim's, not its old label's: said, since "not X" edited to "Y" reads
        # as "Y" and stays "denied Y"
        notes.append("still denied, as the claim was: to assert it, add --edit negated=false")
    note = "\n".join(filter(None, notes))
    r.write_files()
    return {**_summary(r, before, accepted=1, rejected=len(done.get("dropped", ())), changed=turned),
            "edited": [it.rid, r.describe(it), now],
            **({"made": made} if made else {}), **({"note": note} if note else {})}


def review_add(folder: str | os.PathLike[str], kind: str, fields: dict[str, Any]) -> dict[str, Any]:
    """Add an item the draft missed, accepted (see :meth:`Review.add`): what ``review DATA
    --add`` prints."""
    r = Review(folder)
    before = r.counts()
    done = r.add(kind, fields)
    r.write_files()
    it = r.find(done["id"])
    row = r.row(it)
    added, drafted = done["added"], done.get("drafted", "")
    if it.kind == "relation" and it.record.kind in STANCES:  # and what it is about, as --edit says
        e = r.book.find(it.key)  # (the draft's, when it had it: its scope may not be the one meant)
        about = r.said_about(e.edit.get("about", e.memo.get("about", [])) if e is not None else [], it.record.target)
        if added:
            added += about
        elif drafted:
            drafted += about
    already = bool(done.get("already"))
    return {**_summary(r, before, accepted=0 if already else 1, already=int(already),
                       changed=int(done.get("turned") in ("rejected", "removed"))),
            "id": done["id"], "added": added, "drafted": drafted,
            "speaker": row.get("speaker", ""), "where": row.get("where", ""), "quote": row.get("quote", ""),
            **{k: done[k] for k in ("made", "note", "turned") if done.get(k)}}


def review_decide(folder: str | os.PathLike[str], accept: list[str] = (),  # type: ignore[assignment]
                  reject: list[str] = (), above: float | None = None,  # type: ignore[assignment]
                  below: float | None = None, thread: str | None = None) -> dict[str, Any]:
    """Accept and reject items by id, accept every undecided item whose confidence is at
    least ``above``, reject every one whose confidence is under ``below`` (of one
    ``thread`` only, when given): each a decision in decisions.yaml, as the page makes
    them (a bulk one is one action)."""
    r = Review(folder)
    before = r.counts()
    done = Counter[str]()
    notes: list[str] = []
    decided: list[str] = []
    # every id is found before anything is decided (a bulk decision too): all or nothing
    named = [*accept, *reject]
    missing = []
    for rid in named:
        try:
            r.find(rid)
        except UsageError as e:
            missing.append((rid, str(e)))
    if missing and len(named) == 1 and above is None and below is None:
        raise UsageError(missing[0][1])  # one id, and nothing else asked: its own error, as find says it
    if missing:  # the others are not decided either, and the error says so
        raise UsageError(f"{missing[0][1]}; nothing decided: {len(missing)} of the {len(named)} ids given "
                         f"{'is' if len(missing) == 1 else 'are'} not in this review "
                         f"({', '.join(excerpt(rid, 30) for rid, _ in missing[:5])}{', ...' if len(missing) > 5 else ''})")
    for limit, option, decision in ((above, "--accept-above", ACCEPTED), (below, "--reject-below", REJECTED)):
        if limit is None:
            continue
        if not 0 <= limit <= 1:
            raise UsageError(f"{option} takes a confidence from 0 to 1, not {limit}")
        chosen = r.select({"above" if decision == ACCEPTED else "below": limit, "thread": thread})
        if not chosen:  # said, with where the confidences are: the bound may be a slip
            left = [it.record.confidence for it in r.select({"above": 0.0, "thread": thread})
                    if it.record.confidence is not None]
            if left:
                bound = f"of {limit} or more" if decision == ACCEPTED else f"under {limit}"
                notes.append(f"{option} {limit}: no undecided item has a confidence {bound} "
                             f"(they run from {min(left):.2f} to {max(left):.2f})")
        if chosen:
            # each item said back, with its confidence, as one named on the command line is
            decided += [f"{decision} {it.rid}: {r.describe(it)} ({it.record.confidence:.2f})" for it in chosen]
            notes.append(r.decide([it.rid for it in chosen], decision).get("note", ""))
            # a confidence is how often items drafted so were right: what a bound decides wrongly, expected
            right = sum(it.record.confidence or 0.0 for it in chosen)
            wrong = right if decision == REJECTED else len(chosen) - right
            if round(wrong) >= 1:
                notes.append(f"{option} {limit}: about {round(wrong)} of these {len(chosen)} may be "
                             f"{'right' if decision == REJECTED else 'wrong'}, by their confidences (how often items "
                             "drafted so matched a curated thread's): --undo, then --list them to "
                             f"{'keep' if decision == REJECTED else 'catch'} those")
            done[decision] += len(chosen)
    already = turned = 0
    for ids, decision in ((accept, ACCEPTED), (reject, REJECTED)):
        if ids:
            items: dict[Any, tuple[str, Item]] = {}
            for rid in ids:
                it = r.find(rid)
                items.setdefault(it.key, (rid, it))  # one item named twice (by two ids): once
            # an item already so decided gets no second decision; one decided the other way is
            # turned. An edited item is accepted already: accepting it again keeps its edit (a
            # script that accepts a list of ids twice must not undo the edits made between)
            so = {decision, EDITED} if decision == ACCEPTED else {decision}
            fresh = [rid for rid, it in items.values() if r.status(it) not in so]
            already += len(items) - len(fresh)
            # said back by name too: "1 item already so" alone leaves the reviewer guessing which
            decided += [f"already {decision} {rid}: {r.describe(it)}" for rid, it in items.values()
                        if rid not in fresh]
            turned += sum(1 for _, it in items.values() if r.status(it) not in (*so, None, REMOVED))
            kept = [rid for rid, it in items.values() if decision == ACCEPTED and r.status(it) == EDITED]
            if kept:
                notes.append(f"{', '.join(kept[:3])}{', ...' if len(kept) > 3 else ''}: accepted with "
                             f"{'their edits' if len(kept) > 1 else 'its edit'} already, which stay"
                             f"{'s' if len(kept) == 1 else ''} (--undo takes an edit back)")
            if fresh:
                was = {rid: r.describe(it) for rid, it in items.values() if rid in fresh}
                gone = {it.key for it in r.items if r.status(it) == REMOVED} if decision == REJECTED else set()
                notes.append(r.decide(fresh, decision).get("note", ""))
                if decision == REJECTED:
                    notes.append(_taken_along(r, gone, [it for rid, it in items.values() if rid in fresh]))
                done[decision] += len(fresh)
                # each item named, said back: a mistyped id shows here, not only in the counts; as it
                # stands now (a relation accepted on words its claims were edited away from follows them)
                for rid, it in items.values():
                    if rid in fresh:
                        entry = r.book.find(it.key)
                        decided.append(f"{decision} {rid}: {r.describe(it, _edited_fields(entry) if entry else None)}"
                                       + (f" (drafted as: {was[rid]})" if r.status(it) == EDITED else ""))
    r.write_files()
    note = "\n".join(filter(None, notes))
    return _summary(r, before, done[ACCEPTED], done[REJECTED], already, turned) | ({"note": note} if note else {}) \
        | ({"decided": decided} if decided else {})


#: How many of the claims a rejection took along are said by name.
_TAKEN_ALONG = 12


def _taken_along(r: Review, gone: set[Any], rejected: list[Item]) -> str:
    """The claims a rejection of terms or attributes took along (not ``gone`` before it),
    each said, with how to keep one: a claim meant for another term is moved there first
    (a trial rejected junk terms, and with them claims it had meant to keep)."""
    if not any(it.kind in (TERM, ATTRIBUTE) for it in rejected):
        return ""
    claims = [it for it in r.items if it.kind == CLAIM and it.key not in gone and r.status(it) == REMOVED]
    if not claims:
        return ""
    shown = [f"  {it.rid}: {r.describe(it)} ({it.record.where})" for it in claims[:_TAKEN_ALONG]]
    more = f"\n  and {len(claims) - _TAKEN_ALONG} more (--undo, then --list them)" if len(claims) > _TAKEN_ALONG else ""
    return (f"gone with {'them' if len(rejected) > 1 else 'it'}, {len(claims)} claim{'s' if len(claims) > 1 else ''}:\n"
            + "\n".join(shown) + more
            + "\nto keep one, --undo, then move it first (ID --edit term=NAME), and reject again")


def _summary(r: Review, before: dict[str, int] | None = None, accepted: int = 0, rejected: int = 0,
             already: int = 0, changed: int = 0) -> dict[str, Any]:
    """What a decision from the command line did (``before``: the counts before it), and
    where the review stands; what a rejection took along (an edit's replaced attribute is
    no rejection's)."""
    counts = r.counts()
    before = before or counts
    return {"path": str(r.path / DECISIONS_FILE), "accepted": accepted, "rejected": rejected,
            "accepted_with": max(0, counts["accepted"] - before["accepted"] - accepted),
            "rejected_with": max(0, counts["removed"] - before["removed"]) if rejected else 0,
            "already": already, "changed": changed, "reviewed": counts["reviewed"], "left": counts["left"],
            "total": counts["total"], **({"gone": counts["removed"]} if counts["removed"] else {})}
