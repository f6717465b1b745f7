"""What a reviewer decided about a draft, and what follows from it for the folder's files.

A dataset folder that has been drafted holds ``draft.yaml`` (what drafting proposed and
nobody has decided yet), and once reviewed also ``decisions.yaml`` (every decision, one
line each, in the order made) and ``reviewed.yaml`` (the accepted items: a curated
dataset file like any other). ``decisions.yaml`` is the record; the other two follow from
it and from what was drafted, and are written again whenever it changes.

A decision names its item by what the item *is*, never by a drafted id (which changes
from one draft to the next): a term or an attribute by its label, a claim by its message,
its characters (``span``), its term, its attribute's label and its negation, a relation
by its kind, its two ends, its message and span. Labels are compared as names are
(case and punctuation aside), and a claim or relation drafted again with a slightly
different span still meets its decision when the spans overlap. Each line carries the
number of the action that made it: an undo takes back the last action's lines, one
line or a bulk decision of thousands.

    revision: 3
    decisions:
    - {action: 1, decision: rejected, item: term, term: good management}
    - {action: 2, decision: accepted, item: claim, message: comment-3, span: [0, 63], term: trust,
       attribute: grows slowly}
    - {action: 3, decision: edited, item: relation, kind: agrees_with, source: ann, target: bart,
       message: comment-4, span: [0, 20], edit: {kind: disputes}}

Accepting a claim or relation accepts the drafted terms and attributes it uses;
rejecting a term or an attribute takes away every undecided item that uses it.

>>> book = Decisions(Path("decisions.yaml"))
>>> book.record([(REJECTED, TERM, {"term": "good management"}, {})])
1
>>> print(book.text().splitlines()[-2])  # (the last line, "# end", says the file is whole)
- {action: 1, decision: rejected, item: term, term: good management}
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import warnings
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ConceptGraphError, ConceptGraphWarning, DatasetError, OutputError, UsageError, article, did_you_mean, excerpt
from .files import DECISIONS_FILE, _umask, folder_lock, not_utf8
from .kinds import (
    AGREES_WITH,
    ATTRIBUTE,
    ATTRIBUTE_RELATIONS,
    CLAIM,
    CO_OCCURS,
    CONTEXT_RELATIONS,
    CONTRIBUTOR,
    DISPUTES,
    DRAFT,
    RELATION_ENDS,
    RELATION_KINDS,
    STANCES,
    TERM,
    claim_text,
)
from .names import normalise
from .places import place_in, place_key, thread_of

if TYPE_CHECKING:
    from .dataset import Document
    from .model import Attribute, Claim, Dataset, Message, Relation, Term

__all__ = [
    "DECISIONS_FILE", "REVIEWED_FILE", "DRAFT_FILE", "ACCEPTED", "REJECTED", "EDITED", "ADDED", "RELATION", "ITEM_KINDS",
    "Entry", "Item", "Decisions", "Settled", "Conflict", "items_of", "make_item", "review_id", "key_of", "settle",
    "respect", "named_by_review_ids", "in_thread_order", "taken_along", "draft_text", "draft_document", "draft_data",
    "draft_yaml", "write_settled", "check_edit", "kinds_like", "words_check", "words_memo",
    "new_item", "quote_spans", "quote_place", "NEW_FIELDS", "describe", "iter_uses", "REMOVED", "carried_only",
    "reviewed_text", "Snapshot", "read_folder", "sync_folder", "texts_in_step", "scope", "GONE", "rejected_as",
]

#: The file of a dataset folder that holds what was drafted and not yet decided.
DRAFT_FILE = "draft.yaml"
#: The accepted items, written from the decisions: a curated dataset file.
REVIEWED_FILE = "reviewed.yaml"

ACCEPTED, REJECTED, EDITED = "accepted", "rejected", "edited"
#: The mark of an item the reviewer added, which the draft missed: accepted, and noted so.
ADDED = "added"
DECIDED = (ACCEPTED, REJECTED, EDITED)
#: What a reviewer decides about: drafted terms, attributes, claims and relations (the
#: context links, mentions and co-occurrences, are never claims and are not reviewed).
RELATION = "relation"
ITEM_KINDS = (TERM, ATTRIBUTE, CLAIM, RELATION)
#: The kind of item of a context link: drafted, kept in the draft, never decided.
CONTEXT = "context"
#: What an edit may change, by kind of item.
EDITABLE = {TERM: ("label", "gloss", "aliases"), ATTRIBUTE: ("label", "description"),
            CLAIM: (TERM, ATTRIBUTE, "negated", "quote"), RELATION: ("kind", "source", "target", "about", "quote")}
#: The fields that name an item of each kind in decisions.yaml (besides item and
#: decision); those in brackets may be absent.
_IDENTITY = {TERM: (TERM,), ATTRIBUTE: (ATTRIBUTE,), CLAIM: ("message", "span", TERM, ATTRIBUTE),
             RELATION: ("kind", "source", "target")}
_OPTIONAL = {TERM: ("aliases",), ATTRIBUTE: (), CLAIM: ("negated",), RELATION: ("message", "span")}
#: The order items are made again in: what a claim uses, the claim, what a stance is about
_KIND_ORDER = {TERM: 0, ATTRIBUTE: 1, CLAIM: 2, RELATION: 3}
#: A rejected term's or attribute's note of the undecided items it took along, or a merged
#: one's of those it moved to the other (each as a line says an item, with its memo), so
#: that an undo brings them back as they were drafted
TOOK = "took"
#: What a line may say of its item beside what it is (see :attr:`Entry.memo`)
#: A merge's note of the items it moved that were one with an item of the other term's
#: own once moved ("X and Y are short": two claims, one after the merge): an undo keeps
#: that one, and gives the moved one back beside it (by review id)
STAYS = "stays"
#: A rejected claim's note of the undecided stances about it (by review id): draft.yaml
#: then says them about the claims left, and an undo makes them about it again
NARROWED = "narrowed"
#: A claim's or relation's memo: a check of the words it was decided on (:func:`words_check`)
WORDS = "words"
_MEMO = {TERM: ("confidence", "was", TOOK, STAYS), ATTRIBUTE: ("confidence", "was", TOOK, STAYS),
         CLAIM: ("confidence", "rule", "was", ADDED, NARROWED, WORDS),
         RELATION: ("confidence", "rule", "about", "was", ADDED, "count", "places", WORDS)}

#: What decisions.yaml's head says of its last line
_SAYS_WHOLE = "The last line, '# end', says the file is whole."
_HEADER = ("# Review decisions, written by `conceptgraph review` as they are made, one line each.\n"
           "# Each names its item by what it is: a term or attribute by its label; a claim by its\n"
           "# message, characters (span), term, attribute and negation; a relation by its kind, ends,\n"
           "# message and span; and, to make it again as it was should the decision be undone, its\n"
           "# drafted confidence and rule, (a stance) the claims it is about, (a rejected term or\n"
           "# attribute) the undecided items it took along and (a rejected claim) the undecided\n"
           "# stances about it; and a check of the words a claim or relation was decided on, found\n"
           "# again should its message be edited upstream. A line marked `added` is\n"
           "# an item the reviewer added, which the draft missed. Drafting again respects them.\n"
           "# An undo removes the last action's lines. " + _SAYS_WHOLE + "\n")
_DRAFT_HEADER = ("# Drafted by `conceptgraph draft` from the messages' own words: every item here is a\n"
                 "# draft nobody has decided yet. Review them with `conceptgraph review DIR` (accepted\n"
                 "# items go to reviewed.yaml, every decision to decisions.yaml); drafting again\n"
                 "# respects those decisions.\n")
_REVIEWED_HEADER = ("# The items accepted in review, written by `conceptgraph review` from decisions.yaml\n"
                    "# and the draft: a curated dataset file. Change decisions in the review, not here: an\n"
                    "# edited copy of this file is never replaced (keep your own items in a file of yours).\n")
_CHECK = "# check: "
#: After a check, in files that end with :data:`_END`: a file cut off (a copy stopped
#: early) is told from one changed by hand, whose items review takes as decisions.
_WHOLE = " (to the '# end' line)"
#: The last line of decisions.yaml, draft.yaml and reviewed.yaml
_END = "# end\n"
_CHANGED = "# (changed by hand) "  # in place of the check: a draft.yaml that holds items changed by hand


def words_memo(record: Any) -> dict[str, Any]:
    """The memo of a decision on a claim or relation that holds the check of its words
    (none for a term, an attribute, or an item with no span)."""
    return {WORDS: words_check(record.quote)} if getattr(record, "span", None) and getattr(record, "quote", "") else {}


def words_check(quote: str) -> str:
    """A short check of the words a decision was made on (its item's quote): should the
    message be edited upstream and imported again, the decision finds its words where
    they are now, or knows they are gone (:meth:`Decisions.reanchor`).

    >>> words_check("A sonnet has fourteen lines.")
    '19cb7fcf5c'
    """
    return hashlib.sha1(quote.encode("utf-8")).hexdigest()[:10]


#: How many messages either side of where a decision's words were it looks for them in
#: another message (as many as were deleted upstream before it; a bound, for an older
#: export that lacks hundreds of decided messages is read at each review's start), and
#: how long they must be to move there when no speaker is known
_MOVED_WITHIN = 25
_MOVED_AT_LEAST = 12


def _found_again(check: str, n: int, m: Message, whole: bool = False) -> int | None:
    """Where in ``m`` words of length ``n`` match ``check`` (:func:`words_check`), if
    anywhere; with ``whole``, only words that begin and end where a word does (what a
    draft quotes), which spares hashing most places of a message that cannot hold them.

    >>> from .model import Message
    >>> _found_again(words_check("fourteen"), 8, Message("m", "a", "post", "A sonnet has fourteen lines."))
    13
    """
    text = m.text
    if not whole:
        return next((a for a in range(len(text) - n + 1) if words_check(text[a:a + n]) == check), None)
    return next((a for a in range(len(text) - n + 1)
                 if not (a and text[a - 1].isalnum() and text[a].isalnum())
                 and not (a + n < len(text) and text[a + n - 1].isalnum() and text[a + n].isalnum())
                 and words_check(text[a:a + n]) == check), None)


class Conflict(OutputError):
    """A file changed since it was read (another tab, another reviewer, an editor, a
    new draft): nothing was written; read it again."""


# --- items and their identity ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Item:
    """A drafted term, attribute, claim or relation under review: its record and what it is."""

    kind: str
    record: Any
    #: what it is, as decisions.yaml writes it: labels as they are
    fields: dict[str, Any]
    #: what it is, compared: labels normalised
    key: tuple[Any, ...]

    @property
    def rid(self) -> str:
        """A short id for the command line and the page, made from what the item is."""
        return review_id(self.key)


def review_id(key: tuple[Any, ...]) -> str:
    """``t-``, ``a-``, ``c-`` or ``r-`` and ten hex digits of the item's identity: the same
    item drafted again has the same id.

    >>> review_id(("term", "cooperation"))
    't-0564e28df2'
    """
    return f"{key[0][0]}-{hashlib.sha1(repr(key).encode('utf-8')).hexdigest()[:10]}"


def key_of(kind: str, fields: dict[str, Any]) -> tuple[Any, ...]:
    """The identity of an item from its fields, labels normalised."""
    if kind == TERM:
        return (TERM, normalise(fields[TERM]))
    if kind == ATTRIBUTE:
        return (ATTRIBUTE, normalise(fields[ATTRIBUTE]))
    span = tuple(fields["span"]) if fields.get("span") else None
    if kind == CLAIM:
        return (CLAIM, fields["message"], span, normalise(fields[TERM]), normalise(fields[ATTRIBUTE]),
                bool(fields.get("negated")))
    return (RELATION, fields["kind"], fields.get("message", ""), span, _end_key(fields["kind"], 0, fields["source"]),
            _end_key(fields["kind"], 1, fields["target"]))


def rejected_as(folder: str | os.PathLike[str], name: str, kind: str | None = None) -> str | None:
    """The review id of the term or attribute (or only the ``kind`` of them) called
    ``name`` that the review of ``folder`` rejected (and has not taken back), or None: why
    a name is missing from a reviewed graph. An unreadable decisions.yaml says nothing
    here (other commands name it).

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> line = "- {action: 1, decision: rejected, item: term, term: Man-made}"
    >>> _ = (folder / DECISIONS_FILE).write_text(f"revision: 1\\ndecisions:\\n{line}\\n")
    >>> rejected_as(folder, "man made"), rejected_as(folder, "natural"), rejected_as(folder, "man-made", "contributor")
    ('t-2df1e20710', None, None)
    """
    try:
        book = Decisions.read(folder)
    except (ConceptGraphError, OSError):
        return None
    for item in (TERM, ATTRIBUTE):
        if kind not in (None, item):
            continue
        entry = book.find(key_of(item, {item: name}))
        if entry is not None and entry.decision == REJECTED:
            return review_id(entry.key)
    return None


def _end_key(kind: str, side: int, value: str) -> str:
    """A relation's end as compared: a contributor by id, a term or attribute by label."""
    return value if RELATION_ENDS[kind][side] == CONTRIBUTOR else normalise(value)


def _renamed_key(key: tuple[Any, ...], renames: Mapping[tuple[str, str], str]) -> tuple[Any, ...]:
    """A claim's or relation's key with the terms and attributes it names by the labels
    ``renames`` gives them ((kind, normalised label) -> normalised new label).

    >>> _renamed_key(("claim", "m1", (0, 9), "workshop", "producesnew", False), {("attribute", "producesnew"): "makes"})
    ('claim', 'm1', (0, 9), 'workshop', 'makes', False)
    """
    if key[0] == CLAIM:
        return (*key[:3], renames.get((TERM, key[3]), key[3]), renames.get((ATTRIBUTE, key[4]), key[4]), key[5])
    ends = RELATION_ENDS[key[1]]
    return (*key[:4], *(renames.get((ends[side], end), end) if ends[side] != CONTRIBUTOR else end
                        for side, end in enumerate(key[4:6])))


def _loose(key: tuple[Any, ...]) -> tuple[Any, ...] | None:
    """A claim's or relation's identity without its span (which a new draft may shift)."""
    if key[0] == CLAIM:
        return key[:2] + key[3:]
    if key[0] == RELATION and key[3] is not None:
        return key[:3] + key[4:]
    return None


def _span_of(key: tuple[Any, ...]) -> tuple[int, int] | None:
    return key[2] if key[0] == CLAIM else key[3] if key[0] == RELATION else None


class _Labels:
    """Labels of the terms and attributes a dataset and its draft define, by id."""

    def __init__(self, *datasets: Dataset) -> None:
        self.of: dict[str, str] = {}
        for ds in datasets:
            self.add(ds)

    def add(self, ds: Dataset) -> None:
        self.of.update({t.id: t.label for t in ds.terms})
        self.of.update({a.id: a.label for a in ds.attributes})

    def __call__(self, ident: str) -> str:
        return self.of.get(ident, ident)


def _fields(kind: str, record: Any, label: _Labels) -> dict[str, Any]:
    if kind == TERM:
        return {TERM: record.label, **({"aliases": list(record.aliases)} if record.aliases else {})}
    if kind == ATTRIBUTE:
        return {ATTRIBUTE: record.label}
    if kind == CLAIM:
        out = {"message": record.message, "span": list(record.span) if record.span else None,
               TERM: label(record.term), ATTRIBUTE: label(record.attribute)}
        return out | ({"negated": True} if record.negated else {})
    ends = RELATION_ENDS[record.kind]
    out = {"kind": record.kind, "source": record.source if ends[0] == CONTRIBUTOR else label(record.source),
           "target": record.target if ends[1] == CONTRIBUTOR else label(record.target)}
    return out | ({"message": record.message, "span": list(record.span)} if record.message and record.span else {})


def make_item(kind: str, record: Any, label: _Labels) -> Item:
    """The :class:`Item` of a record (a Term, Attribute, Claim or Relation)."""
    fields = _fields(kind, record, label)
    return Item(kind, record, fields, key_of(RELATION if kind == CONTEXT else kind, fields))


def named_by_review_ids(ds: Dataset, base: Dataset, book: Decisions) -> Dataset:
    """``ds`` with its claims and reviewed relations named by their review ids
    (:func:`review_id`), the ids ``review --list`` shows, and the stances' ``concerns``
    following: an item drafted again keeps its id, so exports of two drafts, and
    ``review --list``, join on it. Items of one key (one item to review) are told apart
    by a number after the id. ``base`` and ``book`` are as for :func:`respect`."""
    from .discussions.thread import unique_id

    renamed: dict[str, str] = {}
    taken: set[str] = set()
    for it in items_of(ds, base, labels=_drafted_labels(book, base)):  # named as review names them
        if it.kind in (CLAIM, RELATION):
            renamed[it.record.id] = unique_id(it.rid, taken)
    claims = tuple(replace(c, id=renamed.get(c.id, c.id)) for c in ds.claims)
    by_id = {c.id: c for c in (*base.claims, *claims)}
    at = {m.id: i for i, m in enumerate(base.messages)}
    relations = tuple(replace(r, id=renamed.get(r.id, r.id),
                              concerns=in_thread_order((renamed.get(x, x) for x in r.concerns), by_id, at))
                      for r in ds.relations)
    return replace(ds, claims=claims, relations=relations)


def in_thread_order(concerns: Iterable[str], claims: Mapping[str, Claim], at: Mapping[str, int]) -> tuple[str, ...]:
    """What a stance is about (claim and attribute ids) in the thread's order: the claims by
    message (``at``: message id -> its place) and characters, then by id, so that a claim
    given back to a stance by an undo goes where it was."""
    def place(c: str) -> tuple[int, int, str]:
        r = claims.get(c)
        return (at.get(r.message, -1), (r.span or (0, 0))[0], c) if r is not None else (-1, 0, c)
    return tuple(sorted(dict.fromkeys(concerns), key=place))


def items_of(ds: Dataset, *context: Dataset, labels: Mapping[str, str] | None = None) -> list[Item]:
    """The items of ``ds``, in its order: its terms, attributes, claims and relations, and
    its context links (mentions, co-occurrences: kind ``context``, never reviewed); labels
    of ids that ``ds`` does not define are looked up in ``context``; ``labels`` (id ->
    label) comes before both."""
    label = _Labels(*context, ds)
    label.of.update(labels or {})
    items = [make_item(TERM, t, label) for t in ds.terms] + [make_item(ATTRIBUTE, a, label) for a in ds.attributes]
    items += [make_item(CLAIM, c, label) for c in ds.claims]
    items += [make_item(CONTEXT if r.kind in CONTEXT_RELATIONS else RELATION, r, label) for r in ds.relations]
    return items


# --- the record of decisions -------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One line of decisions.yaml."""

    action: int
    decision: str
    item: str
    fields: dict[str, Any]
    edit: dict[str, Any] = field(default_factory=dict)
    #: what the draft said of the item beside what it is, to make it again as it was should
    #: the decision be taken back: its ``confidence``; for a stance, ``about``, the review
    #: ids of the claims it concerns
    memo: dict[str, Any] = field(default_factory=dict, compare=False)
    #: what the item is, compared (made from ``fields``)
    key: tuple[Any, ...] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", key_of(self.item, self.fields))

    def line(self) -> str:
        from .dataset import yaml_scalar

        def value(v: Any) -> str:
            if isinstance(v, dict):
                return "{" + ", ".join(f"{k}: {value(x)}" for k, x in v.items()) + "}"
            if isinstance(v, list):
                return "[" + ", ".join(value(x) for x in v) + "]"
            return yaml_scalar(v, -1)

        body = {"action": self.action, "decision": self.decision, "item": self.item, **self.fields}
        if self.edit:
            body["edit"] = self.edit
        body.update(self.memo)
        return "- " + value(body)


def _was(e: Entry, keep: int = 20) -> dict[str, Any]:
    """What an entry decided, kept in the one that turns it: its action, decision, edit
    and what it had turned in its turn, ``keep`` turns deep (an undo goes back that far)."""
    out: dict[str, Any] = {"action": e.action, "decision": e.decision, **({"edit": e.edit} if e.edit else {})}
    inner, at = e.memo.get("was"), out
    for _ in range(keep - 1):
        if not inner:
            break
        at["was"] = {k: v for k, v in inner.items() if k != "was"}
        at, inner = at["was"], inner.get("was")
    return out


class Decisions:
    """The decisions of a folder, as read from (and written to) its decisions.yaml.

    ``revision`` counts the writes; ``raw`` is what the file held when read (None: no
    file), which a write expects to find still there."""

    def __init__(self, path: Path, entries: Iterable[Entry] = (), revision: int = 0, raw: bytes | None = None) -> None:
        self.path = path
        self.entries = list(entries)
        self.revision = revision
        self.raw = raw
        self._index: tuple[dict[Any, Entry], dict[Any, list[Entry]]] | None = None
        self._renamed: tuple[list[Entry], list[tuple[str, str, str]], dict[tuple[str, str], str]] | None = None

    @classmethod
    def read(cls, folder: str | os.PathLike[str]) -> Decisions:
        """The decisions of ``folder`` (none when it has no decisions.yaml). A file that is
        not one is a :class:`DatasetError` naming its line."""
        from .files import read_limited

        path = Path(folder) / DECISIONS_FILE
        if not path.exists():
            return cls(path)
        raw = read_limited(path)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            raise DatasetError(not_utf8(e, raw), str(path), raw[: e.start].count(b"\n") + 1) from None
        revision, entries = _parse(text, str(path))
        return cls(path, entries, revision, raw)

    def respeak(self, messages: Mapping[str, Message], people: Iterable[str]) -> dict[str, str]:
        """Follow speakers renamed since the decisions were made (an import again with
        ``--rename``: "+44 …0123" is now "Emma Reyes", under a new id): a stance's speaker
        is its message's, so a decision naming a speaker this discussion does not have, on
        a message it does, now names that message's speaker, and so does every other
        decision naming the old id (as a stance's target, or in an edit). Returns the ids
        followed, old -> new (one warning says them)."""
        known = set(people)
        seen: dict[str, Counter[str]] = defaultdict(Counter)
        for e in self.entries:
            f = e.fields
            if e.item == RELATION and f.get("kind") in RELATION_ENDS and RELATION_ENDS[f["kind"]][0] == CONTRIBUTOR \
                    and f.get("source") not in known and (m := messages.get(f.get("message", ""))) is not None:
                seen[f["source"]][m.by] += 1
        moved = {old: found.most_common(1)[0][0] for old, found in seen.items()}
        if not moved:
            return moved

        def follow(fields: dict[str, Any]) -> dict[str, Any]:
            return {k: moved.get(v, v) if k in ("source", "target", "by") and isinstance(v, str) else v
                    for k, v in fields.items()}

        self.entries = [replace(e, fields=follow(e.fields), edit=follow(e.edit)) if any(
            v in moved for k, v in (*e.fields.items(), *e.edit.items()) if k in ("source", "target", "by")
            and isinstance(v, str)) else e for e in self.entries]
        self._index = None
        self._renamed = None
        return moved

    def reanchor(self, messages: Mapping[str, Message]) -> list[Entry]:
        """Find again the words each claim or relation was decided on (its ``words``
        check) where they are now: in its message, moved by an edit upstream ("(Edited:
        ...) " put before); else in another message (``messages``, in the thread's order),
        the nearest first, when an export imported again numbers its messages anew (one
        deleted upstream moves every later "comment N"). The decision moves with them.
        Returns the entries whose words no message has; others are left as they are (a
        line with no check)."""
        gone: list[Entry] = []
        order = list(messages)
        index = {ident: i for i, ident in enumerate(order)}
        for i, e in enumerate(self.entries):
            check, f = e.memo.get(WORDS), e.fields
            if not (check and f.get("span") and f.get("message")):
                continue
            s, t = f["span"]
            m = messages.get(f["message"])
            if m is not None and words_check(m.text[s:t]) == check:
                continue
            here = _found_again(check, t - s, m) if m is not None else None
            found = (m.id, here) if m is not None and here is not None \
                else self._elsewhere(e, check, t - s, messages, order, index.get(f["message"], len(order)))
            if found is None:
                gone.append(e)
            else:
                ident, at = found
                self.entries[i] = replace(e, fields={**f, "message": ident, "span": [at, at + t - s]})
        self._index = None
        return gone

    @staticmethod
    def _elsewhere(e: Entry, check: str, n: int, messages: Mapping[str, Message], order: list[str],
                   near: int) -> tuple[str, int] | None:
        """The message and offset of words of length ``n`` matching ``check`` in another
        message than ``e``'s, the nearest to place ``near`` first, within
        :data:`_MOVED_WITHIN` messages; a stance only to a message of its speaker's, and
        other words short enough to be anyone's nowhere."""
        speaker = e.fields["source"] if e.item == RELATION and RELATION_ENDS[e.fields["kind"]][0] == CONTRIBUTOR \
            else None
        if n < _MOVED_AT_LEAST and speaker is None:
            return None
        nearest = sorted(range(max(0, near - _MOVED_WITHIN), min(len(order), near + _MOVED_WITHIN + 1)),
                         key=lambda j: abs(j - near))
        for m in (messages[order[j]] for j in nearest if order[j] != e.fields["message"]):
            if speaker is None or m.by == speaker:
                at = _found_again(check, n, m, whole=True)
                if at is not None:
                    return m.id, at
        return None

    def line_of(self, entry: Entry, *words: str) -> int | None:
        """The line of decisions.yaml, as read, that holds ``entry`` (its action, and
        ``words``), for an error to point at; None when none does."""
        lines = (self.raw or b"").decode("utf-8", "replace").splitlines()
        return next((n for n, line in enumerate(lines, 1) if f"action: {entry.action}," in line
                     and all(w in line for w in words)), None)

    # -- looking decisions up

    def _indexes(self) -> tuple[dict[Any, Entry], dict[Any, list[Entry]]]:
        if self._index is None:
            exact: dict[Any, Entry] = {}
            for e in self.entries:  # a later line about the same item wins
                exact[e.key] = e
            loose: dict[Any, list[Entry]] = {}
            for e in exact.values():
                k = _loose(e.key)
                if k is not None:
                    loose.setdefault(k, []).append(e)
            self._index = exact, loose
        return self._index

    def find(self, key: tuple[Any, ...]) -> Entry | None:
        """The decision about the item ``key`` names: made about exactly it, else about the
        same claim or relation at overlapping characters of the same message; else, where
        a term or attribute it names was renamed in review, about it by that name (a
        decision made after the rename, on an item that a rename merged into another's
        name, names the item by the name it then had)."""
        hit = self._find(key)
        if hit is None and key[0] in (CLAIM, RELATION) and self.renamed():
            renamed = _renamed_key(key, self._renamed_keys())
            if renamed != key:
                hit = self._find(renamed)
        return hit

    def _find(self, key: tuple[Any, ...]) -> Entry | None:
        exact, loose = self._indexes()
        hit = exact.get(key)
        if hit is not None:
            return hit
        k = _loose(key)
        span = _span_of(key)
        if k is None or span is None:
            return None
        for e in loose.get(k, ()):
            other = _span_of(e.key)
            if other is not None and other[0] < span[1] and span[0] < other[1]:
                return e
        return None

    def latest(self) -> list[Entry]:
        """One entry per item decided (the last made), in the order made."""
        exact, _ = self._indexes()
        last = {id(e) for e in exact.values()}
        return [e for e in self.entries if id(e) in last]

    def renamed(self) -> list[tuple[str, str, str]]:
        """The terms and attributes renamed in review: (item kind, label as drafted, new
        label) of each edit that gives one and stands; kept until the entries change."""
        return self._renames()[1]

    def _renamed_keys(self) -> dict[tuple[str, str], str]:
        """:meth:`renamed` as keys compare names: (kind, normalised label as drafted) ->
        the normalised new label."""
        return self._renames()[2]

    def _renames(self) -> tuple[list[Entry], list[tuple[str, str, str]], dict[tuple[str, str], str]]:
        if self._renamed is None or self._renamed[0] is not self.entries:  # every change makes a new list
            renamed = [(e.item, e.fields[e.item], e.edit["label"]) for e in self.latest()
                       if e.decision == EDITED and e.item in (TERM, ATTRIBUTE) and "label" in e.edit]
            self._renamed = (self.entries, renamed,
                             {(kind, normalise(was)): normalise(now) for kind, was, now in renamed})
        return self._renamed

    @property
    def last_action(self) -> int:
        return max((e.action for e in self.entries), default=0)

    # -- changing them

    def record(self, decisions: Iterable[tuple[Any, ...]]) -> int:
        """Add ``(decision, item kind, identity fields, edit[, memo])`` lines as one action
        (a decision about an item already decided replaces it); returns the action's number."""
        action = self.last_action + 1
        new = [Entry(action, d, kind, dict(fields), dict(edit), dict(rest[0]) if rest else {})
               for d, kind, fields, edit, *rest in decisions]
        exact, _ = self._indexes()
        # a decision that turns an earlier one keeps it ("was"), so that an undo brings it back
        new = [replace(e, memo={**e.memo, "was": _was(old)}) if (old := exact.get(e.key)) is not None else e
               for e in new]
        keys = {e.key for e in new}
        self.entries = [e for e in self.entries if e.key not in keys] + new
        self._index = None
        return action

    def undo(self) -> list[Entry]:
        """Take back the last action; returns its lines (none when nothing is left). A
        decision it had turned (accepted, then rejected) stands again."""
        last = self.last_action
        gone = [e for e in self.entries if e.action == last]
        kept = [e for e in self.entries if e.action != last]
        for e in gone:
            was = e.memo.get("was")
            if was:
                memo = {k: v for k, v in e.memo.items() if k != "was"} | ({"was": was["was"]} if "was" in was else {})
                back = Entry(was["action"], was["decision"], e.item, e.fields, dict(was.get("edit") or {}), memo)
                at = next((i for i, x in enumerate(kept) if x.action > back.action), len(kept))
                kept.insert(at, back)
        self.entries = kept
        self._index = None
        return gone

    def text(self) -> str:
        return _HEADER + f"revision: {self.revision}\ndecisions:\n" + "".join(e.line() + "\n" for e in self.entries) + _END

    def save(self) -> None:
        """Write decisions.yaml at once (the next revision), atomically, provided it still
        holds what was read or last written: else :class:`Conflict` and nothing is written."""
        self.revision += 1
        try:
            data = self.text().encode("utf-8")
            replace_expected(self.path, data, self.raw)
        except BaseException:
            self.revision -= 1
            raise
        self.raw = data


def _parse(text: str, file: str) -> tuple[int, list[Entry]]:
    from .dataset import read_documents

    if _SAYS_WHOLE in text[:len(_HEADER) + 200]:  # (written so: a file without that line is cut off)
        _ends_whole(text, file)

    doc = read_documents({file: text})[0]
    data = doc.data
    if data is None:
        return 0, []
    if not isinstance(data, dict):
        raise doc.error((), "expected 'revision' and 'decisions'")
    for k in data:
        if k not in ("revision", "decisions"):
            raise doc.error((str(k),), f"unknown key '{excerpt(k, 40)}'; expected 'revision' and 'decisions'",
                            key=True)
    revision = data.get("revision", 0)
    if not isinstance(revision, int) or isinstance(revision, bool) or revision < 0:
        raise doc.error(("revision",), "'revision' must be a whole number")
    lines = data.get("decisions") or []
    if not isinstance(lines, list):
        raise doc.error(("decisions",), "'decisions' must be a list")
    return revision, [_entry(doc, i, e) for i, e in enumerate(lines)]


def _entry(doc: Document, i: int, e: Any) -> Entry:
    path: tuple[str | int, ...] = ("decisions", i)
    if not isinstance(e, dict):
        raise doc.error(path, "expected a mapping with action, decision, item and what the item is")
    for k in ("action", "decision", "item"):
        if k not in e:
            raise doc.error(path, f"missing field '{k}'")
    action, decision, item = e["action"], e["decision"], e["item"]
    if not isinstance(action, int) or isinstance(action, bool) or action < 1:
        raise doc.error((*path, "action"), "'action' must be a whole number from 1")
    if decision not in DECIDED:
        raise doc.error((*path, "decision"), f"unknown decision '{excerpt(decision, 30)}'; one of {', '.join(DECIDED)}")
    if item not in ITEM_KINDS:
        raise doc.error((*path, "item"), f"unknown item '{excerpt(item, 30)}'; one of {', '.join(ITEM_KINDS)}")
    allowed = {"action", "decision", "item", "edit", *_IDENTITY[item], *_OPTIONAL[item], *_MEMO[item]}
    for k in e:
        if k not in allowed:
            raise doc.error((*path, str(k)), f"unknown field '{excerpt(k, 30)}' for {item}", key=True)
    fields = {k: e[k] for k in (*_IDENTITY[item], *_OPTIONAL[item]) if k in e}
    for k in _IDENTITY[item]:
        if k not in fields:
            raise doc.error(path, f"missing field '{k}' (what the {item} is)")
    for k, v in fields.items():
        ok = (isinstance(v, list) and len(v) == 2 and all(isinstance(x, int) and not isinstance(x, bool) for x in v)
              if k == "span" else isinstance(v, bool) if k == "negated"
              else isinstance(v, list) and all(isinstance(x, str) for x in v) if k == "aliases"
              else isinstance(v, str) and v.strip() != "")
        if not ok:
            raise doc.error((*path, k), f"'{k}' is not valid here")
    if item == RELATION and fields["kind"] not in RELATION_KINDS:
        raise doc.error((*path, "kind"), f"unknown relation kind '{excerpt(fields['kind'], 30)}'")
    edit = e.get("edit") or {}
    if (decision == EDITED) != bool(edit):
        raise doc.error(path, "an edited item needs 'edit', and only an edited one")
    if not isinstance(edit, dict):
        raise doc.error((*path, "edit"), "'edit' must be a mapping")
    for k, v in edit.items():
        if k not in EDITABLE[item]:
            raise doc.error((*path, "edit", str(k)), f"{article(item)}'s edit changes {', '.join(EDITABLE[item])}", key=True)
        if not _edit_value(k, v):
            raise doc.error((*path, "edit", str(k)), f"'{k}' is not valid here")
    if item == RELATION and fields["kind"] in STANCES and edit.get("source", fields["source"]) != fields["source"]:
        # an agreement is its speaker's, which no edit changes (an older version let one be made,
        # and no command could read the folder after it): the rest of the decision stands
        warnings.warn(ConceptGraphWarning(str(doc.error(
            (*path, "edit", "source"), f"{_relation_named(fields['kind'])} is its speaker's ('{fields['source']}'): its "
            f"edit to '{excerpt(str(edit['source']), 30)}' is left out (edit whom it is towards, or reject it)"))),
            stacklevel=2)
        edit = {k: v for k, v in edit.items() if k != "source"}
        decision = decision if edit or decision != EDITED else ACCEPTED
    memo = {k: e[k] for k in _MEMO[item] if k in e}
    for k, v in memo.items():
        if k == TOOK:  # each as a line of its own would say it (checked as one)
            if not isinstance(v, list) or not all(isinstance(x, dict) and x.get("item") in (ATTRIBUTE, CLAIM, RELATION)
                                                  for x in v):
                raise doc.error((*path, k), f"'{k}' must list attributes, claims and relations")
            for x in v:
                _entry(doc, i, {"action": action, "decision": REJECTED, **x})
            continue
        ok = (isinstance(v, list) and all(isinstance(x, str) for x in v) if k in ("about", STAYS, "places", NARROWED)
              else isinstance(v, int) and not isinstance(v, bool) and v > 0 if k == "count"
              else _valid_was(v, item) if k == "was" else v is True if k == ADDED
              else isinstance(v, str) and re.fullmatch(r"[0-9a-f]{10}", v) is not None if k == WORDS
              else isinstance(v, str) and 0 < len(v) <= 40 if k == "rule"
              else isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= 1)
        if not ok:
            raise doc.error((*path, k), f"'{k}' is not valid here")
    return Entry(action, decision, item, fields, dict(edit), memo)


def _edit_value(k: str, v: Any) -> bool:
    """Whether ``v`` is what an edit of ``k`` may say: a stance's ``about`` is a list of
    claims' review ids (none: about everything its target said), ``negated`` true or false,
    the rest a text."""
    if k in ("about", "aliases"):
        return isinstance(v, list) and all(isinstance(x, str) and x for x in v)
    if k in ("gloss", "description"):  # may be emptied
        return isinstance(v, str)
    return isinstance(v, bool) if k == "negated" else isinstance(v, str) and bool(v.strip())


def _valid_was(v: Any, item: str) -> bool:
    """Whether ``v`` is an earlier decision as :func:`_was` keeps it."""
    while True:
        if not isinstance(v, dict) or set(v) - {"action", "decision", "edit", "was"} \
                or not isinstance(v.get("action"), int) or isinstance(v.get("action"), bool) or v["action"] < 1 \
                or v.get("decision") not in DECIDED or (v["decision"] == EDITED) != bool(v.get("edit")):
            return False
        edit = v.get("edit") or {}
        if not isinstance(edit, dict) or any(k not in EDITABLE[item] or not _edit_value(k, x) for k, x in edit.items()):
            return False
        if "was" not in v:
            return True
        v = v["was"]


#: Written while draft.yaml and reviewed.yaml are renamed into place together: should the
#: process die between the two renames, the next reader finishes them.
JOURNAL = ".review-pending.json"


def replace_expected(path: Path, data: bytes, expect: bytes | None) -> None:
    """Write ``data`` to ``path`` atomically (a temporary file renamed into place), only
    if ``path`` still holds ``expect`` (None: no file), compared under the folder's lock
    (:func:`~conceptgraph.files.folder_lock`, which every write takes); else :class:`Conflict`."""
    replace_together(path.parent, {path.name: (data, expect)})


def check_unfrozen(folder: str | os.PathLike[str]) -> None:
    """An :class:`OutputError` when a file a review writes in ``folder`` was made
    read-only (``chmod a-w``, which means kept as it is, root included: a rename would
    replace it whatever its mode): a review frozen so takes no more decisions."""
    for name in (DECISIONS_FILE, DRAFT_FILE, REVIEWED_FILE):
        path = Path(folder) / name
        try:
            st = path.stat()
        except OSError:
            continue
        if not st.st_mode & 0o222:
            raise OutputError(f"{path}: the file is read-only; refusing to replace it (a review frozen so takes no "
                              "decisions: make it writable to decide more)")


def replace_together(folder: Path, files: dict[str, tuple[bytes, bytes | None]]) -> None:
    """Write several files of ``folder`` (name -> (bytes, what it must still hold)) as one
    step: each to a temporary file first, then all renamed into place, with a journal
    that lets :func:`finish_writes` complete the renames should the process be killed
    between them. Nothing is written when any file is not as expected."""
    import json
    import tempfile

    with folder_lock(folder):
        _finish(folder)
        check_unfrozen(folder)
        for name, (_, expect) in files.items():
            path = folder / name
            try:
                current: bytes | None = path.read_bytes()
            except FileNotFoundError:
                current = None
            if current != expect:
                how = "created" if expect is None else "removed" if current is None else "changed"
                raise Conflict(f"{path}: {how} since it was read (another tab, reviewer or program); "
                               "nothing written")
        temps: dict[str, str] = {}
        try:
            for name, (data, expect) in files.items():
                fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
                temps[name] = tmp
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
                    f.flush()
                    os.fsync(f.fileno())
                    os.fchmod(f.fileno(), os.stat(folder / name).st_mode & 0o777 if expect is not None
                              else 0o666 & ~_umask())
            if len(files) > 1:
                fd, tmp = tempfile.mkstemp(prefix=f"{JOURNAL}.", suffix=".tmp", dir=folder)
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    json.dump({Path(t).name: name for name, t in temps.items()}, f)
                    f.flush()
                    os.fsync(f.fileno())
                os.replace(tmp, folder / JOURNAL)
            for name, tmp in temps.items():
                os.replace(tmp, folder / name)
            (folder / JOURNAL).unlink(missing_ok=True)
        except BaseException as e:
            if not (folder / JOURNAL).exists():
                for tmp in temps.values():
                    Path(tmp).unlink(missing_ok=True)
            if isinstance(e, OSError):
                raise OutputError(f"{folder}: cannot write: {e.strerror or e}") from None
            raise


def finish_writes(folder: Path) -> None:
    """Complete what a killed review left half done in ``folder``: renames begun together
    are finished, and temporary files of writes that never began to rename are removed."""
    with folder_lock(folder):
        _finish(folder)


def _finish(folder: Path) -> None:
    import json

    journal = folder / JOURNAL
    if journal.exists():
        try:
            pending = json.loads(journal.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pending = {}
        for tmp, name in pending.items() if isinstance(pending, dict) else ():
            if (folder / tmp).exists() and name in (DRAFT_FILE, REVIEWED_FILE, DECISIONS_FILE):
                os.replace(folder / tmp, folder / name)
        journal.unlink(missing_ok=True)
    for name in (DRAFT_FILE, REVIEWED_FILE, DECISIONS_FILE, JOURNAL):  # under the lock: nobody is writing these
        for left in folder.glob(f".{name}.*.tmp") if not name.startswith(".") else folder.glob(f"{name}.*.tmp"):
            left.unlink(missing_ok=True)


# --- what the decisions make of the drafted items -----------------------------------------


@dataclass
class Settled:
    """Where each item stands, and the two files that follow: what is still a draft, and
    the accepted items."""

    #: item key -> its decision (accepted, rejected, edited), or "removed" when an item it
    #: uses was rejected; undecided items are absent
    status: dict[tuple[Any, ...], str]
    remaining: Dataset
    reviewed: Dataset
    #: how many lines of decisions.yaml they were settled by (reviewed.yaml says so)
    decided: int = 0


REMOVED = "removed"


def aliases_now(it: Item, entry: Entry | None) -> tuple[str, ...]:
    """A drafted term's other names as its decision ``entry`` leaves them: an edit of
    ``aliases`` replaces the drafted ones."""
    if entry is not None and isinstance(entry.edit.get("aliases"), list):
        return tuple(entry.edit["aliases"])
    return tuple(it.record.aliases)


def carried_only(it: Item) -> bool:
    """Whether ``it`` is decided by what uses it: a drafted attribute, which goes when no
    claim left to decide has it; and a term the draft no longer finds, made again only
    for the decided items that name it (it has no confidence of its own), which goes
    likewise, instead of asking to be reviewed for a rejected claim's sake."""
    return it.kind == ATTRIBUTE or (it.kind == TERM and it.record.confidence is None)


def settle(items: list[Item], book: Decisions, base: Dataset, files: bool = True) -> Settled:
    """Apply ``book`` to the drafted ``items`` (context links among them): the accepted
    ones (edits applied, the terms and attributes they use accepted with them), and what
    is left to decide. ``base`` is the rest of the dataset (messages, curated items), whose
    terms and attributes an edit may name. Without ``files``, only where each item
    stands (the datasets of the two files are left empty): what a decision needs at once."""
    from .model import Attribute, Dataset, Term

    status: dict[tuple[Any, ...], str] = {}
    entry_of: dict[tuple[Any, ...], Entry] = {}
    for it in items:
        e = book.find(it.key) if it.kind != CONTEXT else None
        if e is not None:
            status[it.key] = e.decision
            entry_of[it.key] = e
    gone_terms = {it.record.id for it in items if it.kind == TERM and status.get(it.key) == REJECTED}
    gone_attrs = {it.record.id for it in items if it.kind == ATTRIBUTE and status.get(it.key) == REJECTED}
    gone = gone_terms | gone_attrs
    for it in items:
        if it.key not in status and any(u in gone for u in taken_with(it)):
            status[it.key] = REMOVED

    # ids: the accepted terms and attributes keep theirs unless an edit renames them
    taken = {t.id for t in base.terms} | {a.id for a in base.attributes} | {c.id for c in base.contributors} \
        | {m.id for m in base.messages} | {it.record.id for it in items if it.kind in (TERM, ATTRIBUTE)}
    by_id = {it.record.id: it for it in items if it.kind in (TERM, ATTRIBUTE)}
    names: dict[tuple[str, str], str] = {}  # (kind, normalised name) -> id
    for t in base.terms:
        for n in (t.id, t.label, *t.aliases):
            names.setdefault((TERM, normalise(n)), t.id)
    for a in base.attributes:
        names.setdefault((ATTRIBUTE, normalise(a.label)), a.id)
    for it in items:
        if it.kind == TERM:  # by the names review left it ("grading" taken off "grade" names a term of its own)
            for n in (it.record.label, *aliases_now(it, entry_of.get(it.key))):
                names.setdefault((TERM, normalise(n)), it.record.id)
        elif it.kind == ATTRIBUTE:
            names.setdefault((ATTRIBUTE, normalise(it.record.label)), it.record.id)

    accepted_ids: set[str] = set()   # drafted terms and attributes accepted (explicitly or by use)
    renamed: dict[str, str] = {}     # drafted id -> the id it goes by now
    new_records: list[Any] = []      # terms and attributes an edit named and nobody had

    # an edit names a term or attribute as decisions do, by the label it was drafted with,
    # though a rename in review has freed that label (Review._as_drafted)
    drafted_as = {(it.kind, normalise(it.fields[it.kind])): it.record.id for it in reversed(items)
                  if it.kind in (TERM, ATTRIBUTE)}

    def resolve(kind: str, label: str) -> str:
        from .discussions.thread import slug, unique_id

        drafted = drafted_as.get((kind, normalise(label)))
        hit = now(drafted) if drafted is not None else names.get((kind, normalise(label)))
        if hit is None:
            hit = unique_id(slug(label)[:60].strip("-") or "x", taken)
            names[(kind, normalise(label))] = hit
            new_records.append(Term(hit, label) if kind == TERM else Attribute(hit, label))
        return hit

    # renamed terms and attributes first: claims may name them by their new label. A label
    # its item is renamed away from is free: two terms may swap their names
    for it in items:
        e = entry_of.get(it.key)
        if e is not None and e.decision == EDITED and it.kind in (TERM, ATTRIBUTE) \
                and normalise(e.edit.get("label", it.record.label)) != normalise(it.record.label) \
                and names.get((it.kind, normalise(it.record.label))) == it.record.id:
            del names[(it.kind, normalise(it.record.label))]
    for it in items:
        e = entry_of.get(it.key)
        if e is not None and e.decision == EDITED and it.kind in (TERM, ATTRIBUTE):
            label = e.edit.get("label", it.record.label)
            target = names.get((it.kind, normalise(label)))
            if target is None or target == it.record.id:
                names[(it.kind, normalise(label))] = it.record.id
            else:
                renamed[it.record.id] = target  # renamed to another's name: the two are one

    def now(ident: str) -> str:
        return renamed.get(ident, ident)

    def use(ident: str) -> str:
        """An accepted item uses this term or attribute: it is accepted with it."""
        ident = now(ident)
        if ident in by_id:
            accepted_ids.add(ident)
        return ident

    for it in items:
        if it.kind in (TERM, ATTRIBUTE) and status.get(it.key) in (ACCEPTED, EDITED):
            use(it.record.id)
    for target in renamed.values():
        use(target)

    people = {c.id for c in base.contributors}
    out_claims: list[Claim] = []
    out_relations: list[Relation] = []
    texts = {m.id: m for m in base.messages}

    def requoted(r: Claim | Relation, e: Entry) -> dict[str, Any]:
        """An item's words as its edit gives them: where they are in its message, as written
        there (a line of decisions.yaml whose words the message lacks, mistyped by hand: said)."""
        m = texts.get(r.message) if "quote" in e.edit and r.message else None
        if m is None:
            return {}
        try:
            a, b = quote_place(str(e.edit["quote"]), m, r.span)
        except UsageError as problem:
            raise DatasetError(f"action {e.action}: {problem}", str(book.path),
                               book.line_of(e, "quote:")) from None
        return {"quote": m.text[a:b], "span": (a, b)}
    claim_ids: dict[str, str] = {}  # drafted claim id -> its id in reviewed.yaml
    # reviewed.yaml's claims and relations, each once: what each is (as edited) -> its id there,
    # the review id it was decided by, so an edited item keeps the id `review` showed it with
    # (items of one key share one decision, so they are one item here, and one id)
    made_ids: dict[str, str] = {}
    accepted_relations: list[tuple[Relation, Item]] = []
    for it in items:
        e = entry_of.get(it.key)
        if e is None or e.decision == REJECTED or it.kind not in (CLAIM, RELATION):
            continue
        r = it.record
        edit = e.edit
        if it.kind == CLAIM:
            term = resolve(TERM, edit[TERM]) if TERM in edit else r.term
            attr = resolve(ATTRIBUTE, edit[ATTRIBUTE]) if ATTRIBUTE in edit else r.attribute
            negated = edit.get("negated", r.negated)
            fields = {**it.fields, TERM: edit.get(TERM, it.fields[TERM]), ATTRIBUTE: edit.get(ATTRIBUTE,
                                                                                            it.fields[ATTRIBUTE])}
            fields = {k: v for k, v in fields.items() if k != "negated"} | ({"negated": True} if negated else {})
            same = review_id(key_of(CLAIM, fields))
            if same in made_ids:  # edited (or added) into a claim accepted already: it is that one
                claim_ids[r.id] = made_ids[same]
                continue
            ident = claim_ids[r.id] = made_ids[same] = it.rid
            out_claims.append(replace(r, id=ident, term=use(term), attribute=use(attr), negated=negated, status="",
                                      **requoted(r, e)))
        else:
            kind = edit.get("kind", r.kind)
            fields = {**it.fields, "kind": kind, **{end: edit[end] for end in ("source", "target") if end in edit}}
            ends = [r.source, r.target]
            for side, end in enumerate(("source", "target")):
                if end in edit:  # a term or attribute by its label, as a claim's edit names them; a person by id
                    node = RELATION_ENDS[kind][side]
                    if node == CONTRIBUTOR and edit[end] not in people:
                        raise DatasetError(f"action {e.action}: the edit's {end} '{excerpt(edit[end], 30)}' is no "
                                           "contributor of the thread", str(book.path), book.line_of(e, edit[end]))
                    ends[side] = edit[end] if node == CONTRIBUTOR else resolve(node, edit[end])
            same = review_id(key_of(RELATION, fields))
            if same in made_ids:
                continue
            made_ids[same] = it.rid
            accepted_relations.append((replace(r, id=it.rid, kind=kind, source=use(ends[0]), target=use(ends[1]),
                                               status="", **requoted(r, e)), it))
    base_claims = {c.id for c in base.claims}
    base_attrs = {a.id for a in base.attributes}
    # an accepted stance is about the claims its decision noted, as they are accepted, in
    # whatever order: its record may have been written before they were
    noted = {rid for _, it in accepted_relations for rid in (*entry_of[it.key].memo.get("about", ()),
                                                               *entry_of[it.key].edit.get("about", ()))}
    by_rid = {it.rid: it.record.id for it in items if it.kind == CLAIM} if noted else {}
    said_by = {c.id: c.by for c in (*base.claims, *out_claims)}
    # where the claims each accepted stance was about were said: those it noted, and those
    # whose rejection (or their term's) narrowed it while undecided
    written, narrowed, author = {}, {}, {}
    if accepted_relations:
        written = {it.record.id: it.record.message for it in items if it.kind == CLAIM}
        narrowed = narrowing(entry_of.values())
        author = {m.id: m.by for m in base.messages}
    for rel, it in accepted_relations:
        edit = entry_of[it.key].edit
        if "about" in edit:  # said in review: these claims, and no others
            about: tuple[str, ...] = tuple(by_rid[r] for r in edit["about"] if r in by_rid)
        else:
            about = (*rel.concerns, *(by_rid[r] for r in entry_of[it.key].memo.get("about", ()) if r in by_rid))
        concerns = tuple(dict.fromkeys(claim_ids.get(c, c) for c in about
                                       if c in claim_ids or c in base_claims or now(c) in accepted_ids
                                       or c in base_attrs))
        if "target" in entry_of[it.key].edit:  # turned to another person: what the first one said is not theirs
            concerns = tuple(c for c in concerns if said_by.get(c, rel.target) == rel.target)
        elif not concerns and "about" not in edit:
            # its claims all rejected (or undecided): it is about what its target said where
            # they were, not everything they said (an agreement about a mislabelled claim had
            # endorsed every other claim of theirs)
            concerns = tuple(dict.fromkeys(m for m in (*(written.get(x) for x in about),
                                                       *(e.fields["message"] for e in narrowed.get(it.rid, ())))
                                           if m and author.get(m) == rel.target))
        out_relations.append(replace(rel, concerns=concerns))

    # the accepted terms and attributes, edits applied; a term merged into another (renamed to
    # its name) lends it its names: "clothing tags" merged into "clothing" is still found by them
    merged: dict[str, list[str]] = {}
    for it in items:
        if it.kind == TERM and it.record.id in renamed:
            merged.setdefault(renamed[it.record.id], []).extend((it.record.label, *it.record.aliases))
    out_terms: list[Term] = []
    out_attrs: list[Attribute] = []
    for it in items:
        if it.kind not in (TERM, ATTRIBUTE) or it.record.id not in accepted_ids or it.record.id in renamed:
            continue
        e = entry_of.get(it.key)
        r = it.record
        edit = e.edit if e is not None else {}
        label = edit.get("label", r.label)
        if it.kind == TERM:
            aliases = tuple(dict.fromkeys(a for a in (*edit.get("aliases", r.aliases), r.label, *merged.get(r.id, ()))
                                          if normalise(a) != normalise(label)))
            out_terms.append(replace(r, label=label, aliases=aliases, gloss=edit.get("gloss", r.gloss), status=""))
        else:
            out_attrs.append(replace(r, label=label, description=edit.get("description", r.description), status=""))
    for rec in new_records:
        (out_terms if isinstance(rec, Term) else out_attrs).append(rec)
    for it in items:  # a drafted term or attribute that an accepted item uses is accepted with it
        if it.kind in (TERM, ATTRIBUTE) and it.record.id in accepted_ids and it.key not in status:
            status[it.key] = ACCEPTED

    # what is left to decide, pointing at the accepted terms and attributes by their ids now;
    # a drafted attribute, or a term made only for decided items, that nothing left uses goes
    # (every claim with it was rejected): see carried_only
    # (by the names they have now: an attribute a left claim was merged into is used by it)
    used = {now(u) for it in items if it.key not in status for u in taken_with(it)}
    for it in items:
        if carried_only(it) and it.key not in status and it.record.id not in used:
            status[it.key] = REMOVED
    # an attribute says something only through a claim (or a relation): accepted on its own,
    # it goes once nothing accepted or left to decide has it (its one claim edited away)
    said = used | {c.attribute for c in (*base.claims, *out_claims)} \
        | {end for r in (*base.relations, *out_relations) for end in (r.source, r.target)}
    orphans = {a.id for a in out_attrs if a.id not in said and a.id in by_id}
    if orphans:
        out_attrs = [a for a in out_attrs if a.id not in orphans]
        for it in items:
            if it.kind == ATTRIBUTE and it.record.id in orphans:
                status[it.key] = REMOVED
    if not files:
        return Settled(status, Dataset(), Dataset(), len(book.entries))
    left = [it for it in items if it.key not in status]
    left_ids = {it.record.id for it in left}
    rem_terms = tuple(it.record for it in left if it.kind == TERM)
    rem_attrs = tuple(it.record for it in left if it.kind == ATTRIBUTE)
    rem_claims = tuple(it.record if not renamed or (now(it.record.term), now(it.record.attribute)) == (
        it.record.term, it.record.attribute) else replace(it.record, term=now(it.record.term),
                                                          attribute=now(it.record.attribute))
        for it in left if it.kind == CLAIM)
    kept = {c.id for c in rem_claims} | set(claim_ids) | base_claims
    base_attrs = {a.id for a in base.attributes}
    rem_rel = []

    def link(r: Relation) -> tuple[Any, ...]:  # a co-occurrence has no direction
        return (r.kind, *(sorted((r.source, r.target)) if r.kind == CO_OCCURS else (r.source, r.target)))

    # a context link a merge moved onto the other term, where that one has its own (or a loop,
    # the two named together): left out (its merge's note keeps it for an undo; how often
    # the one left is named, the next draft says)
    own = {link(it.record) for it in left if it.kind == CONTEXT
           and (now(it.record.source), now(it.record.target)) == (it.record.source, it.record.target)}
    for it in left:
        if it.kind == CONTEXT and (now(it.record.source), now(it.record.target)) != (it.record.source, it.record.target):
            moved = replace(it.record, source=now(it.record.source), target=now(it.record.target))
            if moved.source == moved.target or link(moved) in own:
                continue
            own.add(link(moved))
        if it.kind in (RELATION, CONTEXT):
            r = it.record
            concerns = tuple(dict.fromkeys(claim_ids.get(c, c) for c in r.concerns if c in kept
                                           or now(c) in accepted_ids or now(c) in left_ids or c in base_attrs))
            if (now(r.source), now(r.target), concerns) != (r.source, r.target, r.concerns):
                r = replace(r, source=now(r.source), target=now(r.target), concerns=concerns)
            rem_rel.append(r)
    remaining = Dataset(source=base.source, terms=rem_terms, attributes=rem_attrs, claims=rem_claims,
                        relations=tuple(rem_rel))
    # reviewed.yaml in an order of its own (the thread's, labels alphabetical), whatever the
    # order the items were read in: the same decisions always give the same file
    at = {m.id: i for i, m in enumerate(base.messages)}

    def place(x: Any) -> tuple[Any, ...]:
        return (at.get(x.message, -1), x.span or (0, 0), x.id)

    reviewed = Dataset(source=base.source, terms=tuple(sorted(out_terms, key=lambda t: (t.label.casefold(), t.id))),
                       attributes=tuple(sorted(out_attrs, key=lambda a: (a.label.casefold(), a.id))),
                       claims=tuple(sorted(out_claims, key=place)), relations=tuple(sorted(out_relations, key=place)))
    return Settled(status, remaining, reviewed, len(book.entries))


_SECTIONS = ("terms", "attributes", "claims", "relations")


def draft_text(ds: Dataset) -> str:
    """The text of draft.yaml for the drafted items of ``ds``."""
    return draft_document(ds)[0]


def draft_document(ds: Dataset) -> tuple[str, dict[str, Any]]:
    """The text of draft.yaml for the drafted items of ``ds``, with the data it holds
    (as parsing the text gives it back)."""
    data = draft_data(ds)
    return draft_yaml(data), data


def draft_data(ds: Dataset) -> dict[str, Any]:
    """The data draft.yaml holds for the drafted items of ``ds`` (:func:`draft_yaml` writes it)."""
    from .dataset import dataset_data

    return dataset_data(ds, _SECTIONS) or {s: [] for s in _SECTIONS}


def draft_yaml(data: dict[str, Any]) -> str:
    """The text of draft.yaml holding ``data`` (:func:`draft_data`)."""
    from .dataset import dump_data

    if any(data.values()):
        return _signed(_DRAFT_HEADER, dump_data(data))
    return _signed(_DRAFT_HEADER, "# Nothing is left to decide.\n" + "".join(f"{s}: []\n" for s in _SECTIONS))


#: The line of reviewed.yaml that says how many decisions it was made from: a
#: decisions.yaml gone or emptied since is told from one that holds none
_MADE_FROM = "# decisions made from: "


def reviewed_text(ds: Dataset, decided: int = 0) -> str:
    """The text of reviewed.yaml for the accepted items of ``ds``, with a check line that
    tells a copy written by review from one edited since, and how many ``decided``
    lines of decisions.yaml it was made from."""
    from .dataset import dump_dataset

    body = dump_dataset(ds, _SECTIONS) if any(getattr(ds, s) for s in _SECTIONS) else "".join(
        f"{s}: []\n" for s in _SECTIONS)
    return _signed(_REVIEWED_HEADER, f"{_MADE_FROM}{decided}\n" + body)


def _decided_before(text: str) -> int:
    """How many decisions reviewed.yaml's ``text`` says it was made from (0 when it says
    nothing: written before it did).

    >>> _decided_before("# check: x\\n# decisions made from: 47\\nterms: []\\n"), _decided_before("terms: []\\n")
    (47, 0)
    """
    at = text.find(_MADE_FROM, 0, 2000)
    if at < 0:
        return 0
    number = text[at + len(_MADE_FROM):].split("\n", 1)[0].strip()
    return int(number) if number.isdigit() and len(number) < 10 else 0


def _signed(header: str, body: str) -> str:
    """``header``, a check line that tells this text from one edited since, ``body``
    and the line that ends it."""
    body += _END
    return header + _CHECK + hashlib.sha256(body.encode("utf-8")).hexdigest()[:16] + _WHOLE + "\n" + body


def _hand_edited(text: str, header: str = _REVIEWED_HEADER) -> bool:
    """Whether a file written by :func:`_signed` with ``header`` was changed since."""
    head, sep, rest = text.partition(_CHECK)
    if not sep or head != header:
        return True
    check, _, body = rest.partition("\n")
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16] != check.removesuffix(_WHOLE)


def _ends_whole(text: str, file: str, otherwise: str = "end it with that line, if you shortened it on purpose") -> None:
    """A :class:`DatasetError` for a file review or draft wrote whole (its head says it
    ends with :data:`_END`) that has lost that line: cut off, a copy or an editor stopped
    early. Its items would be taken as decisions (a draft's item that lost its
    ``status: draft`` line, accepted by no one), or its lost decisions as none. (Lines
    added by hand after it are the hand's: the file was whole.)

    >>> _ends_whole("# check: 0123456789abcdef (to the '# end' line)\\nterms: []\\n# end\\n", "draft.yaml")
    >>> _ends_whole("# check: 0123456789abcdef (to the '# end' line)\\nterms:\\n- id: a\\n", "draft.yaml")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    conceptgraph.errors.DatasetError: draft.yaml:4: ends before its last line, '# end': cut off ...
    """
    if "\n" + _END in text + "\n":
        return
    raise DatasetError(f"ends before its last line, '{_END.strip()}': cut off (a copy or an editor stopped early?); "
                       f"nothing was written: put the whole file back (or {otherwise})", file, text.count("\n") + 1)


def _cut_off(text: str, file: str) -> None:
    """:func:`_ends_whole` for a file :func:`_signed` wrote (one it wrote before files ended
    so is taken as it is)."""
    first = next((line for line in text[:2000].split("\n") if line.startswith((_CHECK, _CHANGED))), "")
    if first.endswith(_WHOLE):
        folder = Path(file).parent
        _ends_whole(text, file, f"delete it and draft again: conceptgraph draft {folder}" if Path(file).name == DRAFT_FILE
                    else "delete it: review makes it again from decisions.yaml")


# --- a folder's files ------------------------------------------------------------------------


@dataclass
class Snapshot:
    """A reviewed folder as read: the rest of its dataset, the items under review (drafted,
    and those decided earlier, brought back), and what draft.yaml and reviewed.yaml held."""

    folder: Path
    base: Dataset
    items: list[Item]
    book: Decisions
    held: dict[str, bytes | None]  # file name -> its bytes when read (None: absent)
    messages: dict[str, Message]
    #: draft.yaml was not as a draft or a review wrote it: it may hold items changed by hand
    edited: bool = False
    hand: list[Item] = field(default_factory=list)  # undecided items changed by hand, found as the files are settled


def check_drafted(folder: str | os.PathLike[str]) -> None:
    """A :class:`DatasetError` for a folder under review whose draft.yaml is gone (review
    always leaves one, empty once all is decided): reviewed as it is, nothing would be
    left to decide, though drafting again brings back what was."""
    root = Path(folder)
    if not (root / DRAFT_FILE).exists() and (root / REVIEWED_FILE).is_file():
        raise DatasetError(f"no {DRAFT_FILE} here (deleted?): draft again to bring back what is left to decide "
                           f"(conceptgraph draft {root}); the decisions stay", str(root))


def read_folder(folder: str | os.PathLike[str]) -> Snapshot:
    """Read a drafted dataset folder for review: every file checked together (as
    ``validate`` does), then the items of draft.yaml, reviewed.yaml and decisions.yaml
    joined into one list of items, each with what it is. Items accepted by hand in
    draft.yaml (their ``status: draft`` deleted) are recorded as accepted decisions.
    Raises :class:`DatasetError` for a folder that cannot be read and
    :class:`OutputError` for a reviewed.yaml changed by hand."""
    from .dataset import build_dataset, read_documents, review_mended
    from .files import input_files, read_limited

    root = Path(folder)
    if not root.is_dir():
        raise DatasetError("no such folder" if not os.path.lexists(root) else
                           "review works on a dataset folder (from `conceptgraph import`); this is not a folder",
                           str(root))
    finish_writes(root)
    held: dict[str, bytes | None] = {}
    texts: dict[str, str] = {}
    for f in input_files(root):
        raw = read_limited(f)
        try:
            texts[f.name] = raw.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise DatasetError(not_utf8(e, raw), str(f), raw[: e.start].count(b"\n") + 1) from None
        if f.name in (DRAFT_FILE, REVIEWED_FILE):
            held[f.name] = raw
    for name in (DRAFT_FILE, REVIEWED_FILE):
        held.setdefault(name, None)
    if DRAFT_FILE not in texts and REVIEWED_FILE not in texts:
        # a curated dataset (more than import's discussion.yaml) is drafted into a folder of its
        # own, which a review may change freely, the curated files left as they are
        own = f" -o {root.parent / (root.name + '-draft')}" if set(texts) - {"discussion.yaml"} else ""
        raise DatasetError(f"no {DRAFT_FILE} to review here: draft it first (conceptgraph draft {root}{own})", str(root))
    for name in (DRAFT_FILE, REVIEWED_FILE):
        if name in texts:
            _cut_off(texts[name], str(root / name))
    if REVIEWED_FILE in texts and _hand_edited(texts[REVIEWED_FILE]):
        raise OutputError(f"{root / REVIEWED_FILE}: changed by hand since review wrote it; move your changes to a file "
                          "of your own, put it back as it was, and review again")
    docs = read_documents({str(root / name): text for name, text in texts.items()})
    try:
        whole = build_dataset(docs)  # everything together: references across files, every anchor
    except DatasetError as e:
        if REVIEWED_FILE not in texts:
            raise review_mended(e) from None
        # stopped between writing draft.yaml and reviewed.yaml: the decisions make the latter again
        docs = [d for d in docs if Path(d.file).name != REVIEWED_FILE]
        try:
            whole = build_dataset(docs)
        except DatasetError:
            # not that: draft.yaml builds on it (a message changed by hand, which its quotes no
            # longer match, say), and its own error is the one that says what is wrong
            raise e from None
    part = {Path(d.file).name: d for d in docs}
    others = [d for d in docs if Path(d.file).name not in (DRAFT_FILE, REVIEWED_FILE)]
    drafted_ids = _ids(part.get(DRAFT_FILE))
    reviewed_ids = _ids(part.get(REVIEWED_FILE))
    # the rest: messages, and the items of files of one's own (which may use accepted terms)
    base = _apart(whole, drafted_ids, reviewed_ids) if others else _empty(whole)
    drafted = _one_per_label(_select(whole, drafted_ids), whole)
    reviewed = _select(whole, reviewed_ids)
    book = Decisions.read(root)
    made_from = _decided_before(texts.get(REVIEWED_FILE, ""))
    if made_from and (book.raw is None or not book.raw.strip()):
        # reviewed.yaml is made from the decisions: made again from none, it would lose every one
        # (a decisions.yaml review wrote is never empty; one it emptied by undoing all says so)
        said = "is empty" if book.raw is not None else "is missing"
        raise DatasetError(f"{said}, but {REVIEWED_FILE} was made from {made_from} decisions in it: put it back "
                           f"(nothing was written), or delete {REVIEWED_FILE} too to review from the start",
                           str(book.path))
    messages = {m.id: m for m in whole.messages}
    say_followed(book.respeak(messages, (c.id for c in whole.contributors)), book.path)
    # decided on words an edit upstream has moved in their message: found where they are now
    words_gone = book.reanchor(messages)
    # the items as drafted: a claim on a term renamed in review (whose record reviewed.yaml
    # holds, under its new label) names the term by the label it was drafted with, as the
    # decisions do
    drafted_as = _drafted_labels(book, reviewed)
    items_d = items_of(drafted, whole, labels=drafted_as)
    items = _join(items_d, items_of(reviewed, whole, labels=drafted_as), book, whole, messages, drafted_as,
                  held=REVIEWED_FILE in texts, words_gone=words_gone)
    hand: list[tuple[str, str, dict[str, Any], dict[str, Any], dict[str, Any]]] = [
        (ACCEPTED, it.kind, it.fields, {}, words_memo(it.record)) for it in items_d
        if it.kind != CONTEXT and it.record.status != DRAFT and book.find(it.key) is None]
    if hand:
        book.record(hand)
        book.save()
    return Snapshot(root, base, [_as_draft(it) for it in items], book, held, messages,
                    DRAFT_FILE in texts and _hand_edited(texts[DRAFT_FILE], _DRAFT_HEADER))


def _drafted_labels(book: Decisions, ds: Dataset) -> dict[str, str]:
    """The terms and attributes of ``ds`` renamed in review (``book`` says so), by id ->
    the label they were drafted with, by which the decisions name them."""
    was = {(kind, normalise(new)): drafted for kind, drafted, new in book.renamed()}
    if not was:
        return {}
    return {r.id: was[(kind, normalise(r.label))] for kind, records in ((TERM, ds.terms), (ATTRIBUTE, ds.attributes))
            for r in records if (kind, normalise(r.label)) in was and _made_from(r.id, was[(kind, normalise(r.label))])}


def _made_from(ident: str, label: str) -> bool:
    """Whether the id ``ident`` was made from ``label`` (as drafting and review make ids:
    its slug, or its slug and a number): a record renamed in review keeps its id, so this
    tells it from another record that already had the new label (a rename that merged
    two terms)."""
    from .discussions.thread import slug

    base = slug(label)[:60].strip("-") or "x"
    return ident == base or re.fullmatch(re.escape(base) + r"-\d+", ident) is not None


def _empty(whole: Dataset) -> Dataset:
    from .model import Dataset

    return Dataset(source=whole.source)


def _ids(doc: Document | None) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {s: set() for s in _SECTIONS}
    if doc is None or not isinstance(doc.data, dict):
        return out
    for s in _SECTIONS:
        for e in doc.data.get(s) or []:
            if isinstance(e, dict) and isinstance(e.get("id"), str):
                out[s].add(e["id"])
    return out


def _select(ds: Dataset, ids: dict[str, set[str]]) -> Dataset:
    from .model import Dataset

    return Dataset(source=ds.source, terms=tuple(t for t in ds.terms if t.id in ids["terms"]),
                   attributes=tuple(a for a in ds.attributes if a.id in ids["attributes"]),
                   claims=tuple(c for c in ds.claims if c.id in ids["claims"]),
                   relations=tuple(r for r in ds.relations if r.id in ids["relations"]))


def _one_per_label(ds: Dataset, whole: Dataset) -> Dataset:
    """``ds`` (draft.yaml's items) with one term, and one attribute, per label as the
    review compares labels (:func:`key_of`: "relationship-based" is "relationship based"),
    and one claim or relation per item: a draft made before drafting merged such labels
    holds two, which one review id names, and deciding on one would leave the other's
    claims naming nothing. The first stands for the others, which go; so do claims and
    relations that become the same item, a stance about one about the other.

    >>> from conceptgraph.model import Attribute, Claim, Dataset, Source
    >>> ds = Dataset(Source("t"), attributes=(Attribute("rb", "relationship-based"), Attribute("rb-2", "relationship based")),
    ...              claims=(Claim("c1", "mentoring", "rb", "ann", "It is relationship-based.", "post", message="m1"),
    ...                      Claim("c2", "mentoring", "rb-2", "bo", "Relationship based.", "comment 1", message="m2")))
    >>> one = _one_per_label(ds, ds)
    >>> [a.id for a in one.attributes], [(c.id, c.attribute) for c in one.claims]
    (['rb'], [('c1', 'rb'), ('c2', 'rb')])
    """
    same: dict[str, dict[str, str]] = {TERM: {}, ATTRIBUTE: {}}
    kept: dict[str, list[Any]] = {TERM: [], ATTRIBUTE: []}
    for kind, records in ((TERM, ds.terms), (ATTRIBUTE, ds.attributes)):
        first: dict[str, str] = {}
        for record in records:
            written = normalise(record.label or record.id)
            if written in first:
                same[kind][record.id] = first[written]
            else:
                first[written] = record.id
                kept[kind].append(record)
    if not same[TERM] and not same[ATTRIBUTE]:
        return ds
    claims = [replace(c, term=same[TERM].get(c.term, c.term), attribute=same[ATTRIBUTE].get(c.attribute, c.attribute))
              for c in ds.claims]
    relations = [replace(r, source=same.get(RELATION_ENDS[r.kind][0], {}).get(r.source, r.source),
                         target=same.get(RELATION_ENDS[r.kind][1], {}).get(r.target, r.target)) for r in ds.relations]
    merged = replace(ds, terms=tuple(kept[TERM]), attributes=tuple(kept[ATTRIBUTE]), claims=tuple(claims),
                     relations=tuple(relations))
    # claims now the same item: the first stands for them (and the stances about them)
    label = _Labels(whole, merged)
    seen: dict[tuple[Any, ...], str] = {}
    gone: dict[str, str] = {}
    for c in claims:
        k = make_item(CLAIM, c, label).key
        if k in seen:
            gone[c.id] = seen[k]
        else:
            seen[k] = c.id
    claims = [c for c in claims if c.id not in gone]
    relations = [replace(r, concerns=tuple(dict.fromkeys(gone.get(x, x) for x in r.concerns))) if r.concerns else r
                 for r in relations]
    once: set[tuple[Any, ...]] = set()
    kept_relations = []
    for rel in relations:
        it = make_item(CONTEXT if rel.kind in CONTEXT_RELATIONS else RELATION, rel, label)
        if it.kind == RELATION and it.key in once:
            continue
        once.add(it.key)
        kept_relations.append(rel)
    return replace(merged, claims=tuple(claims), relations=tuple(kept_relations))


def _apart(ds: Dataset, *parts: dict[str, set[str]]) -> Dataset:
    """``ds`` without the items whose ids ``parts`` hold (by section)."""
    def keep(section: str, ident: str) -> bool:
        return not any(ident in p[section] for p in parts)

    return replace(ds, terms=tuple(t for t in ds.terms if keep("terms", t.id)),
                   attributes=tuple(a for a in ds.attributes if keep("attributes", a.id)),
                   claims=tuple(c for c in ds.claims if keep("claims", c.id)),
                   relations=tuple(r for r in ds.relations if keep("relations", r.id)))


def _as_draft(it: Item) -> Item:
    return it if it.record.status == DRAFT else replace(it, record=replace(it.record, status=DRAFT))


def _join(drafted: list[Item], reviewed: list[Item], book: Decisions, whole: Dataset,
          messages: Mapping[str, Message], drafted_as: Mapping[str, str] | None = None, held: bool = True,
          words_gone: Sequence[Entry] = ()) -> list[Item]:
    """The items under review: those of draft.yaml; those of reviewed.yaml as they were
    drafted (an edited one as its decision names it); and those decided whose record no
    file holds any more (a rejected one), made again from what their decision says, with
    the terms and attributes they name (``drafted_as``: the labels, by id, that terms and
    attributes renamed in review were drafted with, by which decisions name them;
    ``messages``: ``whole``'s, by id). ``held``: whether the folder has a reviewed.yaml, whose accepted items a line that
    names what no file has should be among (else the line is mistyped, and said so).
    ``words_gone``: the decisions whose words their message no longer has
    (:meth:`Decisions.reanchor`): kept, made into no item, and said."""
    from .discussions.thread import slug, unique_id
    from .model import Attribute, Term

    out = list(drafted)
    seen = {it.key for it in drafted}
    label = _Labels(whole)
    taken = set(label.of) | {c.id for c in whole.contributors} | set(messages)
    terms = {t.id for t in whole.terms}
    known = {(TERM if ident in terms else ATTRIBUTE, normalise(x)): ident
             for ident, x in (*label.of.items(), *(drafted_as or {}).items())}
    label.of.update(drafted_as or {})

    claim_ids: dict[str, str] = {}  # a claim's review id -> its record's id, for what a stance was about
    # the drafted confidence of the terms and attributes the decisions note (their own, what a
    # rejection took along): one made again here (the end of a rejected relation) has it, and
    # keeps it once the decision is undone
    noted = _noted_confidence(book.latest())

    def add(it: Item) -> None:
        out.append(it)
        seen.add(it.key)
        if it.kind == CLAIM:
            claim_ids[it.rid] = it.record.id

    for it in drafted:
        if it.kind == CLAIM:
            claim_ids[it.rid] = it.record.id
    ids = {it.record.id for it in (*drafted, *reviewed) if it.kind in (CLAIM, RELATION, CONTEXT)}

    invented: list[str] = []  # the names of terms and attributes made for decisions, no file having them

    def ensure(kind: str, name: str, aliases: tuple[str, ...] = (), confidence: float | None = None) -> str:
        """The id of the term or attribute of this name; a draft one is made when none is."""
        hit = known.get((kind, normalise(name)))
        if hit is None:
            invented.append(name)
            confidence = confidence if confidence is not None else noted.get((kind, normalise(name)))
            hit = unique_id(slug(name)[:60].strip("-") or "x", taken)
            rec = (Term(hit, name, aliases, status=DRAFT, confidence=confidence) if kind == TERM
                   else Attribute(hit, name, status=DRAFT, confidence=confidence))
            label.of[hit] = name
            known[(kind, normalise(name))] = hit
            add(make_item(kind, rec, label))
        return hit

    # each edited item by what it is now; and, where reviewed.yaml has it otherwise, by that
    # too (never over what another item is now): a claim edited onto a term by the name it had
    # before it was merged into another (as review once wrote it) is on that other, and one
    # given other words of its message is at their characters
    edited: dict[tuple[Any, ...], Entry] = {}
    also: dict[tuple[Any, ...], Entry] = {}
    renamed = book._renamed_keys()
    for entry in book.latest():
        if entry.decision != EDITED:
            continue
        f = _edited_fields(entry)
        edited[key_of(entry.item, f)] = entry
        if entry.item == CLAIM and (TERM, normalise(str(entry.edit.get(TERM, "")))) in renamed:
            f = {**f, TERM: renamed[(TERM, normalise(f[TERM]))]}
        if "quote" in entry.edit and (m := messages.get(str(entry.fields.get("message", "")))) is not None:
            try:
                f = {**f, "span": list(quote_place(str(entry.edit["quote"]), m, entry.fields.get("span")))}
            except UsageError:
                pass  # (settle says so, naming the line)
        also.setdefault(key_of(entry.item, f), entry)
    edited = {**also, **edited}
    for it in reviewed:
        e = edited.get(it.key)
        if e is not None and it.kind in (TERM, ATTRIBUTE) and not _made_from(it.record.id, e.fields[it.kind]):
            e = None  # another term that had the new label already: the renamed one merged into it
        if e is not None:  # an edited item: as drafted (unless the draft holds it already, drafted again)
            if e.key not in seen:
                made = _remake(e, label, whole, messages, it, ensure, claim_ids, ids)
                if made is not None:
                    add(made)
        elif it.key not in seen and not (it.kind in (CLAIM, RELATION) and it.record.confidence is None
                                         and book.find(it.key) is None):
            add(it)  # (a claim or relation with no confidence was added in review: once undone, it is gone)
    # claims before relations: a stance made again finds the claims it was about
    # accepted, yet in no file, and naming a term or attribute no file has: a line mistyped by hand
    unheld: list[Item] = []
    # decided on messages this discussion lacks (an older export imported over a newer one):
    # kept in decisions.yaml for when they are back, and no card meanwhile
    elsewhere = [e for e in book.latest() if (m := e.fields.get("message")) and m not in messages]
    away = {id(e) for e in (*elsewhere, *words_gone)}
    for e in sorted(book.latest(), key=lambda e: _KIND_ORDER[e.item]):
        if e.key not in seen and id(e) not in away:
            before = len(invented)
            made = _remake(e, label, whole, messages, None, ensure, claim_ids, ids)
            if made is not None and made.key not in seen:
                add(made)
                if e.decision in (ACCEPTED, EDITED) and not e.memo.get(ADDED) and len(invented) > before:
                    unheld.append(made)
    if unheld and held:  # (with no reviewed.yaml, as after importing again, the decisions alone say it)
        what = "; ".join(f"“{excerpt(f'{describe(it)} at {it.record.where}', 70)}”" for it in unheld[:3])
        warnings.warn(ConceptGraphWarning(
            f"{DECISIONS_FILE}: {len(unheld)} accepted decision{'s' if len(unheld) > 1 else ''} name"
            f"{'' if len(unheld) > 1 else 's'} what neither {DRAFT_FILE} nor {REVIEWED_FILE} holds ({what}"
            f"{', ...' if len(unheld) > 3 else ''}): made again from {'their lines' if len(unheld) > 1 else 'its line'}; "
            "if a name there is mistyped, mend it"), stacklevel=2)
    _say_left_out([e for e in elsewhere if e.decision in (ACCEPTED, EDITED)],
                  lambda many: f"{'messages' if many else 'a message'} this discussion does not have",
                  f"as when an older export is imported: left out of the graph, and kept in {DECISIONS_FILE} for "
                  "when the messages are back")
    # (a claim the new draft has at characters overlapping the old ones is that one still)
    found = {id(e) for it in drafted if it.kind != CONTEXT and (e := book.find(it.key)) is not None} \
        if words_gone else set()
    _say_left_out([e for e in words_gone if e.decision in (ACCEPTED, EDITED) and id(e) not in found],
                  lambda many: f"words {'their messages' if many else 'its message'} no longer {'have' if many else 'has'}",
                  f"edited since they were decided: left out of the graph and kept in {DECISIONS_FILE}; decide the "
                  "new words' items again")
    return out


def say_followed(moved: Mapping[str, str], path: Path) -> None:
    """One warning naming the speakers whose decisions followed them to a new id
    (:meth:`Decisions.respeak`)."""
    if moved:
        pairs = ", ".join(f"'{old}' -> '{new}'" for old, new in sorted(moved.items()))
        warnings.warn(ConceptGraphWarning(
            f"{path}: decisions on speakers renamed since were made follow them by their messages ({pairs})"),
            stacklevel=2)


def _say_left_out(kept: list[Entry], what: Callable[[bool], str], why: str) -> None:
    """One warning for the accepted decisions ``kept`` out of the graph, naming their
    messages: ``what`` they quote (given whether several messages), and ``why``."""
    if not kept:
        return
    places = list(dict.fromkeys(e.fields["message"] for e in kept))
    several = len(kept) > 1
    warnings.warn(ConceptGraphWarning(
        f"{DECISIONS_FILE}: {len(kept)} accepted item{'s' if several else ''} quote{'' if several else 's'} "
        f"{what(len(places) > 1)} ({', '.join(places[:3])}{', ...' if len(places) > 3 else ''}), {why}"), stacklevel=3)


def _edited_fields(e: Entry) -> dict[str, Any]:
    """What an edited item is after its edit."""
    f = dict(e.fields)
    if e.item in (TERM, ATTRIBUTE):
        f[e.item] = e.edit.get("label", f[e.item])
    elif e.item == CLAIM:
        f[TERM] = e.edit.get(TERM, f[TERM])
        f[ATTRIBUTE] = e.edit.get(ATTRIBUTE, f[ATTRIBUTE])
        f = {k: v for k, v in f.items() if k != "negated"} | ({"negated": True} if e.edit.get(
            "negated", e.fields.get("negated")) else {})
    else:
        for k in ("kind", "source", "target"):
            f[k] = e.edit.get(k, f[k])
    return f


def _remake(e: Entry, label: _Labels, whole: Dataset, messages: Mapping[str, Message], like: Item | None,
            ensure: Callable[..., str], claim_ids: Mapping[str, str], ids: set[str]) -> Item | None:
    """The drafted item a decision names, made from the decision (and, for an edited one,
    the accepted record ``like``): None when its message (of ``messages``, ``whole``'s by
    id) is gone. The terms and
    attributes it names are found by label, or made (``ensure``); its confidence, and a
    stance's claims (by review id: ``claim_ids`` gives their ids now), are the ones the
    decision noted. A claim or relation made anew is named by its review id, unless one
    of ``ids`` (those of the claims and relations held) is that already: the drafted
    record, changed by a merge, keeps its id. The id is added to ``ids``."""
    from .discussions.thread import unique_id
    from .model import Claim, Relation, Term

    def own_id() -> str:
        return str(like.record.id) if like is not None else unique_id(review_id(e.key), ids)

    f = e.fields
    if e.item in (TERM, ATTRIBUTE):
        name = f[e.item]
        if like is None:  # made (with what the decision says of it) unless the dataset has it
            ensure(e.item, name, tuple(f.get("aliases") or ()), e.memo.get("confidence"))
            return None
        rec: Any = (Term(like.record.id, name, tuple(f.get("aliases") or ()), status=DRAFT,
                         confidence=like.record.confidence) if e.item == TERM
                    else replace(like.record, label=name, status=DRAFT))
        return make_item(e.item, rec, label)
    m = messages.get(f.get("message", ""))
    if f.get("message") and m is None:
        return None
    span = f.get("span")
    if span is not None and (m is None or not 0 <= span[0] < span[1] <= len(m.text)):
        return None  # (decided on words its message, numbered anew, does not have: quoting nothing)
    if e.item == CLAIM:
        if m is None or span is None:
            return None
        s, t = span
        confidence = like.record.confidence if like else e.memo.get("confidence")
        # an attribute made again for its claim alone has the claim's confidence, as drafted
        # (the highest of its claims'), not none
        rec = Claim(own_id(), ensure(TERM, f[TERM]),
                    ensure(ATTRIBUTE, f[ATTRIBUTE], (), confidence), m.by, m.text[s:t], m.where,
                    bool(f.get("negated")), m.id, (s, t), status=DRAFT, confidence=confidence,
                    rule=like.record.rule if like else str(e.memo.get("rule", "")))
        return make_item(CLAIM, rec, label)
    kind = f["kind"]
    ends = [name if RELATION_ENDS[kind][side] == CONTRIBUTOR else ensure(RELATION_ENDS[kind][side], name)
            for side, name in enumerate((f["source"], f["target"]))]
    if any(RELATION_ENDS[kind][side] == CONTRIBUTOR and end not in {c.id for c in whole.contributors}
           for side, end in enumerate(ends)):
        return None
    quote = m.text[span[0]:span[1]] if m is not None and span else ""
    rec = Relation(own_id(), kind, ends[0], ends[1],
                   m.by if m else "", quote, m.where if m else "", m.id if m else "",
                   (span[0], span[1]) if m is not None and span else None,
                   like.record.concerns if like else tuple(claim_ids[r] for r in e.memo.get("about", ()) if r in claim_ids),
                   status=DRAFT, confidence=like.record.confidence if like else e.memo.get("confidence"),
                   count=like.record.count if like else e.memo.get("count", 0),
                   places=like.record.places if like else tuple(e.memo.get("places", ())),
                   rule=like.record.rule if like else str(e.memo.get("rule", "")))
    # a context link a rejection took or a merge moved, given back: context again
    return make_item(CONTEXT if kind in CONTEXT_RELATIONS else RELATION, rec, label)


def _noted_confidence(entries: Iterable[Entry]) -> dict[tuple[str, str], float]:
    """The drafted confidence of each term and attribute (by kind and label) that
    ``entries`` note: their own decisions', and those of what a rejection took along. A
    term or attribute made again (for a decided claim that names it, after it left the
    files) gets it, not none."""
    noted: dict[tuple[str, str], float] = {}
    for e in entries:
        for x in (({"item": e.item, **e.fields, **e.memo},) if e.item in (TERM, ATTRIBUTE) else ()) \
                + tuple(e.memo.get(TOOK, ())):
            if x["item"] in (TERM, ATTRIBUTE) and x.get("confidence") is not None:
                noted.setdefault((x["item"], normalise(x[x["item"]])), x["confidence"])
    return noted


def narrowing(entries: Iterable[Entry]) -> dict[str, list[Entry]]:
    """The claim rejections among ``entries`` (and those their term's or attribute's
    rejection took along) whose notes (:data:`NARROWED`) name an undecided stance they left
    about fewer claims: stance review id -> those rejections."""
    rejections = [e for e in entries if e.decision == REJECTED]
    out: dict[str, list[Entry]] = {}
    for e in (*rejections, *taken_along(rejections)):
        for rid in e.memo.get(NARROWED, ()) if e.item == CLAIM else ():
            out.setdefault(rid, []).append(e)
    return out


def taken_along(entries: Iterable[Entry]) -> list[Entry]:
    """The items the rejections and merges among ``entries`` took along (their :data:`TOOK`
    notes), each as a rejection of its own would say it."""
    return [Entry(e.action, REJECTED, x["item"],
                  {k: x[k] for k in (*_IDENTITY[x["item"]], *_OPTIONAL[x["item"]]) if k in x},
                  memo={k: x[k] for k in _MEMO[x["item"]] if k in x})
            for e in entries if e.decision in (REJECTED, EDITED) for x in e.memo.get(TOOK, ())]


def taken_back(snap: Snapshot, undone: Sequence[Entry], leaving: Collection[str] = ()) -> list[Item]:
    """The items the rejections among ``undone`` (entries an undo took back, or rejections
    a later decision turned) had taken along, or the merges among them had moved to the
    other term (their :data:`TOOK` notes), made again as
    they were drafted, with any term or attribute they name that ``snap`` lacks: what goes
    back to draft.yaml. The items ``snap`` holds already are left out; the ids of those
    ``leaving`` it (moved by a merge taken back) are free to be taken again."""
    from .model import Attribute, Dataset, Term

    took = taken_along(undone)
    if not took:
        return []
    whole = Dataset(source=snap.base.source, contributors=snap.base.contributors, messages=tuple(snap.messages.values()))
    label = _Labels(snap.base)
    kind_of = {t.id: TERM for t in snap.base.terms} | {a.id: ATTRIBUTE for a in snap.base.attributes}
    for it in snap.items:
        if it.kind in (TERM, ATTRIBUTE):
            label.of[it.record.id], kind_of[it.record.id] = it.record.label, it.kind
    known = {(kind_of[ident], normalise(name)): ident for ident, name in label.of.items() if ident in kind_of}
    taken = set(label.of) | {c.id for c in whole.contributors} | {m.id for m in whole.messages}
    seen = {it.key for it in snap.items}
    claim_ids = {it.rid: it.record.id for it in snap.items if it.kind == CLAIM}
    ids = {it.record.id for it in snap.items if it.kind in (CLAIM, RELATION, CONTEXT)} - set(leaving)
    out: list[Item] = []
    # the drafted confidence of what any decision notes (a relation's end made again here may
    # be an attribute that a rejection still in force took along)
    noted = _noted_confidence((*snap.book.latest(), *undone))

    def ensure(kind: str, name: str, aliases: tuple[str, ...] = (), confidence: float | None = None) -> str:
        from .discussions.thread import slug, unique_id

        hit = known.get((kind, normalise(name)))
        if hit is None:  # gone too (an attribute only the taken claims used): made as drafted
            confidence = confidence if confidence is not None else noted.get((kind, normalise(name)))
            hit = unique_id(slug(name)[:60].strip("-") or "x", taken)
            rec = (Term(hit, name, aliases, status=DRAFT, confidence=confidence) if kind == TERM
                   else Attribute(hit, name, status=DRAFT, confidence=confidence))
            label.of[hit], known[(kind, normalise(name))] = name, hit
            out.append(make_item(kind, rec, label))
        return hit

    # attributes first (made with their drafted confidence, unless still there), then claims,
    # then relations: the stances about the claims find them
    for e in sorted(took, key=lambda e: _KIND_ORDER[e.item]):
        if e.item == ATTRIBUTE:
            ensure(ATTRIBUTE, e.fields[ATTRIBUTE], (), e.memo.get("confidence"))
            continue
        if e.key in seen:
            continue
        made = _remake(e, label, whole, snap.messages, None, ensure, claim_ids, ids)
        if made is not None:
            seen.add(made.key)
            out.append(made)
            if made.kind == CLAIM:
                claim_ids[made.rid] = made.record.id
    return out


def changed_by_hand(snap: Snapshot, settled: Settled) -> list[Item]:
    """The undecided items whose ids no longer fit what they say: changed in draft.yaml by
    hand (a label, a claim's attribute), which no draft makes again. A claim's or a
    relation's id is its review id, a term's or attribute's is made from its label."""
    # a label renamed in review changes the keys of the items that name it: the names they
    # were drafted with are any of those it was renamed from
    was: dict[tuple[str, str], set[str]] = {}
    for kind, drafted, new in snap.book.renamed():
        was.setdefault((kind, normalise(new)), set()).add(drafted)

    def named(kind: str, label: str) -> list[str]:
        return [label, *sorted(was.get((kind, normalise(label)), ()))]

    out = []
    for it in snap.items:
        if it.key in settled.status or it.kind == CONTEXT:
            continue
        if it.kind in (TERM, ATTRIBUTE):
            if not _made_from(it.record.id, it.record.label):
                out.append(it)
            continue
        own = re.sub(r"^(\w-[0-9a-f]{10})-\d+$", r"\1", it.record.id)
        if own == it.rid:
            continue
        ends = (TERM, ATTRIBUTE) if it.kind == CLAIM else RELATION_ENDS[it.record.kind]
        fields = (TERM, ATTRIBUTE) if it.kind == CLAIM else ("source", "target")
        if not any(review_id(key_of(it.kind, {**it.fields, fields[0]: a, fields[1]: b})) == own
                   for a in (named(ends[0], it.fields[fields[0]]) if ends[0] != CONTRIBUTOR else [it.fields[fields[0]]])
                   for b in (named(ends[1], it.fields[fields[1]]) if ends[1] != CONTRIBUTOR else [it.fields[fields[1]]])):
            out.append(it)
    return out


def _settled_texts(snap: Snapshot, settled: Settled) -> dict[str, str]:
    """The texts of draft.yaml and reviewed.yaml as ``settled`` has them (no reviewed.yaml
    while nothing is accepted and the folder has none). A draft.yaml holding items changed
    by hand is not signed as drafted: the next draft reads it for them."""
    remaining = draft_text(settled.remaining)
    # (looked for only in a draft.yaml changed since written: that takes as long as settling)
    snap.hand = changed_by_hand(snap, settled) if snap.edited else []
    if snap.hand:
        remaining = remaining.replace(_CHECK, _CHANGED, 1)
    texts = {DRAFT_FILE: remaining}
    if snap.held.get(REVIEWED_FILE) is not None or any(getattr(settled.reviewed, s) for s in _SECTIONS):
        texts[REVIEWED_FILE] = reviewed_text(settled.reviewed, settled.decided)
    return texts


def write_settled(snap: Snapshot, settled: Settled) -> None:
    """Write draft.yaml and reviewed.yaml as ``settled`` has them, together, and only if
    both still hold what was read or last written (else :class:`Conflict`)."""
    files = {name: text.encode("utf-8") for name, text in _settled_texts(snap, settled).items()}
    snap.edited = bool(snap.hand)  # what is written is as a review writes it, but for those
    changed = {name: (data, snap.held.get(name)) for name, data in files.items() if snap.held.get(name) != data}
    if changed:
        replace_together(snap.folder, changed)
        snap.held.update({name: data for name, (data, _) in changed.items()})
    else:  # in step with decisions.yaml, though unchanged (a decision and its undo): said by the
        # time, so that a reader need not bring them in step again (texts_in_step)
        written = snap.folder / (DRAFT_FILE if snap.held.get(DRAFT_FILE) is not None else REVIEWED_FILE)
        with contextlib.suppress(OSError):
            if written.stat().st_mtime_ns < (snap.folder / DECISIONS_FILE).stat().st_mtime_ns:
                os.utime(written)


def sync_folder(folder: str | os.PathLike[str]) -> Snapshot | None:
    """Bring draft.yaml and reviewed.yaml in step with decisions.yaml (after a review was
    stopped between writes, or decisions.yaml was edited); None for a folder without a
    draft (decisions alone are applied once it is drafted), or with only a draft that
    holds nothing but drafts. The snapshot's ``hand`` lists the undecided items changed
    by hand in draft.yaml (:func:`changed_by_hand`)."""
    root = Path(folder)
    if not any((root / name).is_file() for name in (REVIEWED_FILE, DRAFT_FILE)):
        return None  # nothing drafted (or a draft.yaml that is no file, which drafting refuses)
    if not any((root / name).exists() for name in (DECISIONS_FILE, REVIEWED_FILE, JOURNAL)) \
            and _only_drafts(root / DRAFT_FILE):
        return None  # never reviewed and nothing accepted by hand: nothing to bring in step
    snap = read_folder(root)
    write_settled(snap, settle(snap.items, snap.book, snap.base))
    return snap


def texts_in_step(folder: Path) -> dict[str, str] | None:
    """draft.yaml's and reviewed.yaml's texts as decisions.yaml has them, when those files
    are behind it (a review killed between a decision and the files that follow it):
    what a command that reads the folder reads instead, writing nothing. None when the
    files are in step (written after decisions.yaml), or cannot be brought in step (their
    own errors are then the ones to show)."""
    def written(name: str) -> int:
        try:
            return (folder / name).stat().st_mtime_ns
        except OSError:
            return -1

    decided, files = written(DECISIONS_FILE), max(written(DRAFT_FILE), written(REVIEWED_FILE))
    if decided < 0 or files < 0 or files >= decided:
        return None
    try:
        snap = read_folder(folder)
        return _settled_texts(snap, settle(snap.items, snap.book, snap.base))
    except (DatasetError, OutputError):
        return None


def _only_drafts(path: Path) -> bool:
    """Whether ``path`` is a draft.yaml as :func:`draft_text` wrote it (its check line
    says so), so that every item in it is still a draft. Reading a big draft whole to
    find the same takes seconds; a draft edited since (an item accepted by hand) is."""
    from .files import read_limited

    try:
        return not _hand_edited(read_limited(path).decode("utf-8"), _DRAFT_HEADER)
    except UnicodeDecodeError:
        return False


def respect(drafted: Dataset, base: Dataset, book: Decisions) -> Dataset:
    """``drafted`` (what :func:`conceptgraph.draft.draft` found in ``base``) without what
    was decided: nothing rejected comes back (a term rejected as a term in none of its
    names), nothing accepted or edited twice. ``base`` holds reviewed.yaml, whose accepted
    terms and attributes the draft used as they are."""
    if not book.entries:
        return drafted
    rejected_names = {e.key[1] for e in book.latest() if e.item == TERM and e.decision == REJECTED} | {
        normalise(a) for e in book.latest() if e.item == TERM and e.decision == REJECTED
        for a in e.fields.get("aliases") or ()}
    items = items_of(drafted, base, labels=_drafted_labels(book, base))  # named as the decisions name them
    # a term drafted under another of its names is rejected all the same, and what uses it goes with it
    marks = Decisions(book.path, book.entries)
    marks.record([(REJECTED, TERM, it.fields, {}) for it in items if it.kind == TERM
                  and any(normalise(n) in rejected_names for n in (it.record.label, *it.record.aliases))
                  and book.find(it.key) is None])
    return settle(items, marks, base).remaining


def check_edit(kind: str, edit: dict[str, Any], record: Any, people: Mapping[str, str] | None = None,
               fields: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The edit of an item as decisions.yaml keeps it: only the fields that change, each
    checked (a :class:`UsageError` says what is wrong). A relation's end that is a person
    is given by id or name (``people``: id -> name) and kept by id; its two ends, after
    the edit, are never one (``fields``: the item's, which name a term by its label).

    >>> from conceptgraph.model import Relation
    >>> check_edit("relation", {"target": "Ann Lee"}, Relation("r", "disputes", "bo", "cy"), {"ann": "Ann Lee"})
    {'target': 'ann'}
    """
    out: dict[str, Any] = {}
    for k, v in edit.items():
        if k not in EDITABLE[kind]:
            raise UsageError(f"{article(kind)}'s edit changes {', '.join(EDITABLE[kind])}, not '{excerpt(k, 30)}'")
        if k == "about":  # claims' review ids, as the review found them (Review.decide)
            if record.kind not in STANCES:
                raise UsageError(f"'about' is said of an agreement or dispute, not of {article(record.kind)} relation")
            if not _edit_value(k, v):
                raise UsageError("'about' is a list of claims' ids")
            out[k] = list(v)
            continue
        if k == "aliases":  # a list, or one text of names between commas ("rollbacks, roll back")
            names = v.split(",") if isinstance(v, str) else v if isinstance(v, list) else None
            if names is None or not all(isinstance(x, str) for x in names):
                raise UsageError("'aliases' is a list of names, or names between commas")
            kept: dict[str, str] = {}
            for x in names:  # each once, as first written
                kept.setdefault(normalise(x), " ".join(_whole(k, x).split()))
            out[k] = [x for key, x in kept.items() if key]
            continue
        if k in ("gloss", "description"):  # a text, which may be empty (the gloss taken away)
            if not isinstance(v, str):
                raise UsageError(f"'{k}' needs a text")
            out[k] = " ".join(_whole(k, v).split())
            continue
        if k == "negated":
            if not isinstance(v, bool):
                raise UsageError("'negated' is true or false (negated=true or negated=false)")
        elif not isinstance(v, str) or not v.strip():
            raise UsageError(f"'{k}' needs a text")
        else:
            v = " ".join(_whole(k, v).split())
        if k == "kind":
            if v not in RELATION_KINDS or v in CONTEXT_RELATIONS:
                raise UsageError(f"unknown relation kind '{excerpt(v, 30)}'; a {record.kind} relation may become "
                                 f"{', '.join(k for k in kinds_like(record.kind) if k != record.kind)}")
            if RELATION_ENDS[v] != RELATION_ENDS[record.kind]:
                raise UsageError(f"{article(record.kind)} relation cannot become {v}: it joins other kinds of node")
        elif k in ("source", "target") and RELATION_ENDS[record.kind][k == "target"] == CONTRIBUTOR:
            v = _person(v, people or {})
            if k == "source" and v != getattr(record, "by", v):
                # what someone said is theirs: given to another, it would quote words they never said
                who = (people or {}).get(record.by, record.by)
                raise UsageError(f"{_relation_named(record.kind)} is its speaker's: its source is {who}, who said it; "
                                 "edit whom it is towards (target=) or what it is about (about=), or reject it")
        out[k] = v
    if kind == RELATION:
        now = {**(fields or {"source": record.source, "target": record.target}), **out}
        if normalise(now["source"]) == normalise(now["target"]):
            joins = "people" if RELATION_ENDS[record.kind][0] == CONTRIBUTOR else "terms"
            raise UsageError(f"{_relation_named(record.kind)} joins two different {joins}: the edit makes its two "
                             "ends one")
    return out


#: What an added item is given, by kind (a relation's kind is the item's kind).
NEW_FIELDS = {CLAIM: ("message", "quote", TERM, ATTRIBUTE, "negated"), RELATION: ("message", "quote", "source", "target")}


def new_item(kind: str, fields: Mapping[str, Any], messages: Mapping[str, Message],
             people: Mapping[str, str], at: int | None = None) -> tuple[str, dict[str, Any]]:
    """The item kind and identity (as decisions.yaml writes it) of an item a reviewer adds:
    ``kind`` is "claim" or a relation's kind; ``fields`` name its message (by id or place),
    quote its words, and give a claim's term, attribute and negation, or a relation's two
    ends (a person as the queries find them; an agreement's or dispute's source is the
    message's speaker, whom it may leave out). A quote the message has more than once is
    taken where it is nearest ``at`` (a character of the message), else where it is first.
    Each mistake is a :class:`UsageError`.

    >>> from conceptgraph.model import Message
    >>> m = {"c-1": Message("c-1", "bo", "comment 1", "I agree with  Ann: trust grows.")}
    >>> new_item("agrees_with", {"message": "comment 1", "quote": "I agree with Ann", "target": "Ann"},
    ...          m, {"bo": "Bo", "ann": "Ann Lee"})
    ('relation', {'kind': 'agrees_with', 'source': 'bo', 'target': 'ann', 'message': 'c-1', 'span': [0, 17]})
    """
    item = CLAIM if kind == CLAIM else RELATION
    if item == RELATION and (kind not in RELATION_KINDS or kind in CONTEXT_RELATIONS):
        choices = [k for k in RELATION_KINDS if k not in CONTEXT_RELATIONS]
        raise UsageError(f"unknown kind '{excerpt(kind, 30)}'{did_you_mean(kind, [CLAIM, *choices])}; one of claim, "
                         f"{', '.join(choices)}")
    allowed = NEW_FIELDS[item]
    for k in fields:
        if k not in allowed:
            raise UsageError(f"{article(kind)} takes {', '.join(allowed)}, not '{excerpt(k, 30)}'")
    for k in allowed:
        v = fields.get(k)
        if k == "negated":
            if v is not None and not isinstance(v, bool):
                raise UsageError("'negated' is true or false (negated=true or negated=false)")
        elif k == "source" and item == RELATION and RELATION_ENDS[kind][0] == CONTRIBUTOR and not v:
            continue  # the speaker's, as it must be
        elif not isinstance(v, str) or not v.strip():
            raise UsageError(f"{article(kind.replace('_', ' '))} needs {k}=" + {
                "message": " (an id or place, as `thread` gives them)",
                "quote": " (the words, copied from the message)"}.get(k, ""))
        else:
            _whole(k, v)
    m = _message(str(fields["message"]), messages)
    places = quote_spans(str(fields["quote"]), m, messages)
    span = min(places, key=lambda p: abs(p[0] - at)) if at is not None else places[0]
    if item == CLAIM:
        identity: dict[str, Any] = {"message": m.id, "span": list(span), TERM: " ".join(fields[TERM].split()),
                                    ATTRIBUTE: " ".join(fields[ATTRIBUTE].split())}
        return CLAIM, identity | ({"negated": True} if fields.get("negated") else {})
    ends = []
    for side, end in enumerate(("source", "target")):
        value = " ".join(str(fields.get(end) or "").split())
        if RELATION_ENDS[kind][side] == CONTRIBUTOR:
            value = _person(value, people) if value else m.by
            if side == 0 and value != m.by:
                raise UsageError(f"{_relation_named(kind)} in message {m.id} is its speaker's "
                                 f"({people.get(m.by, m.by)}); leave source out")
        ends.append(value)
    if normalise(ends[0]) == normalise(ends[1]):
        raise UsageError(f"{_relation_named(kind)} joins two different "
                         f"{'people' if RELATION_ENDS[kind][0] == CONTRIBUTOR else RELATION_ENDS[kind][0] + 's'}, "
                         "not one with itself")
    return RELATION, {"kind": kind, "source": ends[0], "target": ends[1], "message": m.id, "span": list(span)}


def _message(name: str, messages: Mapping[str, Message]) -> Message:
    """The message ``name`` names, by id or by place ("comment 3"), case and spaces aside."""
    if name in messages:
        return messages[name]
    key = normalise(name)
    for m in messages.values():
        if key in (normalise(m.id), normalise(m.where), normalise(place_key(m.where))):
            return m  # ("turn 8 at 08:22" for "turn 8 at 08:22 on 2024-06-11", the day left out)
    # "turn 8" for "turn 8 at 08:22": a chat's time is no part of what a place is called
    untimed = [m for m in messages.values() if normalise(_AT_CLOCK.sub("", place_key(m.where))) == key]
    if len(untimed) == 1:
        return untimed[0]
    # in a dataset of several threads a place names its thread first ("“Governance…” › comment 4"):
    # the place within it is enough when only one thread has it, and the start of the
    # thread's title tells two apart ("Governance › comment 4", ">" for "›")
    thread, _, place = name.replace(">", "›").rpartition("›")
    key, start = normalise(place), normalise(thread)
    # ("turn 11 at 00:01:26", as `thread` prints a place of a dataset of several threads: its
    # time told apart the one it names)
    timed = [m for m in messages.values() if _AT_CLOCK.search(place) and thread_of(m.where)
             and normalise(place_key(place_in(m.where))) == key and normalise(thread_of(m.where)).startswith(start)]
    if len(timed) == 1:
        return timed[0]
    key = normalise(_AT_CLOCK.sub("", place))
    within = [m for m in messages.values() if thread_of(m.where) and normalise(_AT_CLOCK.sub(
        "", place_key(place_in(m.where)))) == key and normalise(thread_of(m.where)).startswith(start)]
    if len(within) == 1:
        return within[0]
    if within:
        raise UsageError(f"'{excerpt(name, 30)}' is a place in {len(within)} threads: name the thread too, by the start "
                         f"of its title ('{' '.join(within[0].where.split(' › ')[0].strip('“”').split()[:3])} › "
                         f"{place.strip()}')")
    # a slip is suggested as the name was typed: a place ("turn 9") for a place, else an id
    names = [m.where for m in messages.values() if m.where] if " " in name.strip() else list(messages)
    several = any(thread_of(m.where) for m in messages.values())
    raise UsageError(f"no message '{excerpt(name, 30)}' in this {'dataset' if several else 'thread'}"
                     f"{did_you_mean(name, names or list(messages))}; `conceptgraph thread DATA` lists them")


# a chat's time of day after its place: "turn 8 at 08:22"
_AT_CLOCK = re.compile(r"\s+at\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?$", re.I)


def _whole(field: str, value: str) -> str:
    """``value``, unless it holds half a character (a lone surrogate, which no file can
    hold): then a :class:`UsageError`."""
    if any("\ud800" <= ch <= "\udfff" for ch in value):
        raise UsageError(f"'{field}' holds half a character (a lone surrogate): type it again")
    return value


def quote_place(quote: str, m: Message, near: tuple[int, int] | None = None) -> tuple[int, int]:
    """Where ``quote`` is in message ``m`` (:func:`quote_spans`): of several places, the one
    nearest ``near`` (the words an item was drafted on). A :class:`UsageError` when none.

    >>> from conceptgraph.model import Message
    >>> quote_place("I'd keep it", Message("m", "bo", "post 3", "I'd keep it. No. I'd keep it."), (14, 28))
    (17, 28)
    """
    spans = quote_spans(quote, m)
    return min(spans, key=lambda sp: abs(sp[0] - near[0]) if near else 0)


def quote_spans(quote: str, m: Message, messages: Mapping[str, Message] = {}) -> list[tuple[int, int]]:  # noqa: B006
    """Where ``quote`` is in the message, each place it is: as written, else with any
    spacing and either kind of quote mark or apostrophe, else in any case. None is a
    :class:`UsageError`, which names the speaker's other message that has it, if one does
    (``messages``: the thread's)."""
    if quote.strip() and quote in m.text:
        return [(at.start(), at.end()) for at in re.finditer(re.escape(quote), m.text)]
    marks = {"'": "['‘’]", "‘": "['‘’]", "’": "['‘’]", '"': '["“”]', "“": '["“”]', "”": '["“”]'}
    words = quote.split()
    # each word as a pattern that takes either kind of quote mark, joined by any spacing
    each = ["".join(marks.get(ch, re.escape(ch)) for ch in w) for w in words]
    pattern = r"\s+".join(each)
    for flags in (0, re.I):
        hits = [(h.start(), h.end()) for h in re.finditer(pattern, m.text, flags)] if words else []
        if hits:
            return hits
    elsewhere = next((o.id for o in messages.values() if o.by == m.by and o.id != m.id and words
                      and re.search(pattern, o.text, re.I)), "")
    # the quote's longest opening the message has: where the two part is the slip to mend
    k, after = 0, ""
    for n in range(len(words) - 1, 1, -1):  # (two words at least: one alone says little)
        found = re.search(r"\s+".join(each[:n]) + r"(?!\w)", m.text, re.I)  # (whole words: "can" is not "cannot"'s)
        if found:
            k, after = n, (m.text[found.end():].split() or [""])[0]
            break
    parted = (f": its words are the message's as far as '{excerpt(' '.join(words[:k]), 40)}', where the message "
              f"goes on '{excerpt(after, 20)}' and the quote '{excerpt(words[k], 20)}'") if k and after else ""
    raise UsageError(f"the quote '{excerpt(quote, 40)}' is not in message {m.id}" + (
        f"; the same speaker has it in message {elsewhere}" if elsewhere else
        parted + (";" if parted else ":") + " copy its words as they are (`conceptgraph thread DATA` shows them)"))


def _person(value: str, people: Mapping[str, str]) -> str:
    """The id of the contributor ``value`` names, as the queries find people: by id, by
    name, first or last name, initials, with or without accents ("Tomas" for Tomás
    Ortega); a :class:`UsageError` with a did-you-mean when none or several answer."""
    import networkx as nx

    from .errors import AmbiguousName, NodeNotFound
    from .names import resolve

    G = nx.MultiDiGraph()
    G.add_nodes_from((ident, {"kind": CONTRIBUTOR, "label": name}) for ident, name in people.items())
    for ident in getattr(people, "authors", ()):  # "OP", as forums say: who opened the thread
        if ident in G:
            G.nodes[ident]["role"] = "author"
    try:
        return str(resolve(G, value, CONTRIBUTOR))
    except (NodeNotFound, AmbiguousName) as e:
        raise UsageError(str(e).replace("contributor node named", "contributor named").replace(
            "; try `conceptgraph search`", " (give an id or a name, as --list shows them)")) from None


def _relation_named(kind: str) -> str:
    """A relation of ``kind`` in a message's words: "an agreement", "a dispute", "an
    includes relation"."""
    return {AGREES_WITH: "an agreement", DISPUTES: "a dispute"}.get(kind, f"{article(kind)} relation")


class People(dict[str, str]):
    """The thread's people, id -> name, and (``authors``) the ids of whoever opened it:
    what an edit or an addition may name a person by, "OP" included."""

    authors: tuple[str, ...] = ()


def kinds_like(kind: str) -> list[str]:
    """The relation kinds a relation of ``kind`` may be edited into (the same ends)."""
    return [k for k in RELATION_KINDS if RELATION_ENDS[k] == RELATION_ENDS[kind] and k not in CONTEXT_RELATIONS]


def describe(it: Item, names: dict[str, str] | None = None) -> str:
    """One line saying what the item is: ``cooperation: may be passive`` (a claim reads
    as every answer writes it, :func:`~conceptgraph.kinds.claim_text`)."""
    f = it.fields
    if it.kind in (TERM, ATTRIBUTE):
        return f"{it.kind} “{f[it.kind]}”"
    if it.kind == CLAIM:
        return claim_text(f[TERM], f[ATTRIBUTE], bool(f.get("negated")))
    who = names or {}
    src, dst = (who.get(f[e], f[e]) for e in ("source", "target"))
    phrase = (RELATION_KINDS | ATTRIBUTE_RELATIONS)[f["kind"]]
    return f"{src} {phrase} {dst}"


#: The standings of an item that is out of the review: rejected, or gone with what it used.
GONE = (REJECTED, REMOVED)


def scope(it: Item) -> tuple[str, ...]:
    """What an agreement or dispute is about (its claims and attributes); () for any
    other item, or for a stance about everything its target said."""
    return tuple(it.record.concerns) if it.kind == RELATION and it.record.kind in STANCES else ()


def taken_with(it: Item) -> tuple[str, ...]:
    """The ids whose rejection takes ``it`` with it: a claim's term and attribute, a
    relation's or context link's two ends."""
    r = it.record
    if it.kind == CLAIM:
        return (r.term, r.attribute)
    if it.kind in (RELATION, CONTEXT):
        return (r.source, r.target)
    return ()


def iter_uses(it: Item) -> Iterator[str]:
    """The ids of the terms and attributes an item uses."""
    if it.kind == CLAIM:
        yield it.record.term
        yield it.record.attribute
    elif it.kind == RELATION and RELATION_ENDS[it.record.kind][0] != CONTRIBUTOR:
        yield it.record.source
        yield it.record.target
