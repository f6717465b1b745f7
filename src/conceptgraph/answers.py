"""The shape of every answer: what each query returns and ``--json`` prints.

Each shape is a ``TypedDict``; the README's table of JSON shapes is made from them
(:func:`readme_table`) and a test keeps the two equal, and another checks real
answers against them (:func:`conforms`). A key marked ``NotRequired`` appears only
when it applies (``quotes`` with ``--quotes``, ``negated`` on claims).

>>> shape(NodeRef)
'{"id", "label", "kind"}'
"""

# No "from __future__ import annotations" here: TypedDict must see NotRequired itself.
import sys
import typing
from typing import Any, Literal, NotRequired, TypedDict, Union, get_args, get_origin, get_type_hints

__all__ = [
    "NodeRef", "SourceInfo", "Summary", "Validation", "Neighbor", "Evidence", "Edge", "AttributeItem", "Contrast",
    "Denial", "Comparison", "Person", "ClaimOf", "Stance", "WhoAnswer", "ContributorRow", "TermRow", "Step", "PathAnswer",
    "Agreed", "Disputed", "Agreement", "Consensus", "Ranked", "Cluster", "Hit", "ThreadMessage", "ThreadAnswer",
    "Export", "ImportSummary", "ImportAndDraft", "DraftSummary", "ReviewItem", "ReviewSummary", "ReviewAdded",
    "Evaluation", "Score",
    "Unmatched", "ANSWERS", "shape", "readme_table", "conforms",
]


class NodeRef(TypedDict):
    id: Any
    label: str
    kind: str


class SourceInfo(TypedDict):
    title: str
    author: str
    date: str
    url: str


class Summary(TypedDict):
    source: SourceInfo
    nodes: dict[str, int]
    edges: dict[str, int]


class Validation(TypedDict):
    valid: bool
    source: SourceInfo
    nodes: dict[str, int]
    edges: dict[str, int]


class Neighbor(TypedDict):
    id: Any
    label: str
    kind: str
    relation: str
    relations: list[str]
    direction: Literal["out", "in", "both"]
    distance: int
    via: Any
    via_label: str
    negated: NotRequired[bool]
    inferred: NotRequired[bool]
    status: NotRequired[str]
    #: beside a curated link: the relations that are drafts alone (the curated ones come first)
    drafted_relations: NotRequired[list[str]]


class Evidence(TypedDict):
    speaker: str
    quote: str
    where: str
    message: NotRequired[str]
    span: NotRequired[list[int]]
    inferred: NotRequired[bool]
    status: NotRequired[str]


class Edge(TypedDict):
    source: Any
    target: Any
    key: Any
    kind: str
    text: str
    speaker: str
    quote: str
    where: str
    negated: NotRequired[bool]
    message: NotRequired[str]
    span: NotRequired[list[int]]
    concerns: NotRequired[list[str]]
    inferred: NotRequired[bool]
    status: NotRequired[str]
    concerns_labels: NotRequired[list[str]]
    #: a relation its speaker took back (said the opposite later, or gave way): where
    taken_back: NotRequired[str]


class TakenBack(TypedDict):
    speaker: str
    where: str


class AttributeItem(TypedDict):
    attribute: Any
    label: str
    supporters: list[str]
    count: int
    inferred_by: NotRequired[list[str]]
    drafted_by: NotRequired[list[str]]
    quotes: NotRequired[list[Evidence]]
    supporters_a: NotRequired[list[str]]
    supporters_b: NotRequired[list[str]]
    supporters_both: NotRequired[list[str]]
    inferred_by_a: NotRequired[list[str]]
    inferred_by_b: NotRequired[list[str]]
    denied_for_a: NotRequired[list[str]]
    denied_for_b: NotRequired[list[str]]
    #: supporters who later gave way to one who had disputed it, and where
    taken_back: NotRequired[list[TakenBack]]


class Contrast(TypedDict):
    attribute: Any
    label: str
    opposite: Any
    opposite_label: str
    supporters: list[str]
    count: int
    supporters_a: list[str]
    supporters_b: list[str]
    stated_by: list[str]
    inferred: NotRequired[bool]
    drafted: NotRequired[bool]
    inferred_by_a: NotRequired[list[str]]
    inferred_by_b: NotRequired[list[str]]
    quotes: NotRequired[list[Evidence]]
    #: an attribute said of one term and denied of the other: the side denied, "a" or "b"
    denied: NotRequired[str]


class Denial(TypedDict):
    term: Any
    attribute: Any
    label: str
    denied_by: list[str]
    asserted_by: list[str]
    inferred_by: NotRequired[list[str]]
    drafted_by: NotRequired[list[str]]
    quotes: NotRequired[list[Evidence]]


class Comparison(TypedDict):
    a: NodeRef
    b: NodeRef
    only_a: list[AttributeItem]
    only_b: list[AttributeItem]
    shared: list[AttributeItem]
    contrasts: list[Contrast]
    denied: list[Denial]
    relations: list[Edge]
    #: who claimed something of each (or, in a draft, named each), or stated how the two relate
    spoke_of_both: list[str]


class Person(TypedDict):
    id: Any
    label: str
    kind: str
    name: str
    role: str
    where: list[str]
    quote: str


class ClaimOf(TypedDict):
    term: Any
    term_label: str
    attribute: Any
    label: str
    negated: bool
    text: str
    quote: str
    where: str
    inferred: NotRequired[bool]
    status: NotRequired[str]
    #: where its speaker gave way on it, to one who had disputed it
    taken_back: NotRequired[str]


class Stance(TypedDict):
    id: Any
    name: str
    quote: str
    where: str
    concerns: list[str]
    concerns_labels: list[str]
    inferred: NotRequired[bool]
    status: NotRequired[str]


class WhoAnswer(TypedDict):
    contributor: Person
    claims: list[ClaimOf]
    stated: list[Edge]
    agrees_with: list[Stance]
    disputes: list[Stance]
    agreed_by: list[Stance]
    disputed_by: list[Stance]


class ContributorRow(TypedDict):
    id: Any
    name: str
    role: str
    where: list[str]
    claims: int
    relations: int
    messages: int
    #: deleted messages kept as stand-ins, "[deleted]" by no one named, since others answer them
    gone: NotRequired[int]


class TermRow(TypedDict):
    id: Any
    label: str
    #: the other names it is written by ("cooperative", "co-operation")
    aliases: list[str]
    gloss: str
    #: claims made of it (asserted or denied), and by how many people
    claims: int
    people: int
    #: relations between it and other terms (contrasts, includes, similar...)
    relations: int
    #: a drafted term not yet reviewed, with the confidence it was drafted with
    status: NotRequired[str]
    confidence: NotRequired[float]


# "from" is a Python keyword: shapes that have it are declared the functional way.
Step = TypedDict("Step", {"from": Any, "to": Any, "edges": list[Edge]})


class PathAnswer(TypedDict):
    nodes: list[NodeRef]
    steps: list[Step]


class Agreed(TypedDict):
    term: Any
    term_label: str
    attribute: Any
    label: str
    supporters: list[str]
    count: int
    inferred_by: NotRequired[list[str]]
    #: of the supporters, those who said it only in a draft not yet reviewed
    drafted_by: NotRequired[list[str]]
    endorsed_by: list[str]
    #: the supporters deny it of the term ("does not need a merged PR")
    denied: NotRequired[bool]
    quotes: NotRequired[list[Evidence]]


Disputed = TypedDict("Disputed", {
    "type": Literal["asserted_and_denied", "opposed_attributes", "contributors"],
    "term": NotRequired[Any],
    "term_label": NotRequired[str],
    "attribute": NotRequired[Any],
    "label": NotRequired[str],
    "asserted_by": NotRequired[list[str]],
    "denied_by": NotRequired[list[str]],
    "opposite": NotRequired[Any],
    "opposite_label": NotRequired[str],
    "opposite_asserted_by": NotRequired[list[str]],
    "inferred_by": NotRequired[list[str]],
    "opposite_inferred_by": NotRequired[list[str]],
    #: who said it only in a draft not yet reviewed (each side of an opposition apart)
    "drafted_by": NotRequired[list[str]],
    "opposite_drafted_by": NotRequired[list[str]],
    "from": NotRequired[str],
    "to": NotRequired[str],
    "quote": NotRequired[str],
    "where": NotRequired[str],
    "concerns": NotRequired[list[str]],
    "concerns_labels": NotRequired[list[str]],
    "inferred": NotRequired[bool],
    "status": NotRequired[str],
    #: where the one who disputed agrees with the other later, on the same points: a change of mind
    "later_agrees": NotRequired[str],
    #: where the one disputed agrees with who disputed them later: they gave way
    "gives_way": NotRequired[str],
    "quotes": NotRequired[list[Evidence]],
})

Agreement = TypedDict("Agreement", {"from": str, "to": str, "quote": str, "where": str, "concerns": list[str],
                                    "concerns_labels": list[str], "inferred": NotRequired[bool],
                                    "status": NotRequired[str]})


class Consensus(TypedDict):
    agreed: list[Agreed]
    disputed: list[Disputed]
    agreements: list[Agreement]
    #: how many agreed pairs ``--limit`` left out
    more: NotRequired[int]


class Ranked(TypedDict):
    id: Any
    label: str
    kind: str
    score: float


class Cluster(TypedDict):
    cluster: int
    size: int
    terms: list[str]
    members: list[NodeRef]


class Hit(TypedDict):
    id: Any
    label: str
    kind: str
    matched: str
    score: int


class ThreadClaim(TypedDict):
    key: Any
    kind: str
    text: str
    quote: str
    span: list[int]
    inferred: NotRequired[bool]
    status: NotRequired[str]


class ThreadMessage(TypedDict):
    id: Any
    by: str
    speaker: str
    where: str
    reply_to: str
    #: the place of the message it replies to (its id when the graph lacks it)
    reply_where: str
    date: str
    text: str
    claims: list[ThreadClaim]
    score: NotRequired[int]
    accepted: NotRequired[bool]
    #: the message's own address on its site, where the export gave one
    url: NotRequired[str]
    #: why its words are gone ("deleted", "removed"): a stand-in kept because others answer it
    gone: NotRequired[str]
    #: the passages of others it quotes, kept out of its text
    quotes: NotRequired[list[str]]
    #: where in its text each of ``quotes`` stood, when the import knew
    quoted_at: NotRequired[list[int]]
    #: when its words were changed after it was posted ("yes" where the export gave no date)
    edited: NotRequired[str]
    mentions: NotRequired[list[list[int]]]


class ThreadAnswer(TypedDict):
    messages: list[ThreadMessage]


class ImportSummary(TypedDict):
    path: str
    format: str
    threads: int
    messages: int
    speakers: int
    replies: int
    left_out: dict[str, int]
    #: "file" when --thread kept one thread of several: the counts are of all that was read
    left_out_of: NotRequired[Literal["file"]]
    #: deleted messages kept as stand-ins ("[deleted]"), since others answer them
    stand_ins: NotRequired[int]
    #: names found in several of the files imported together, one speaker each: one person
    #: (unless --people-apart), how many and which
    one_name_across_files: NotRequired[int]
    names_across_files: NotRequired[list[str]]
    #: pairs of speakers whose names differ only by accents, case or emoji: one person, likely
    alike_names: NotRequired[list[list[str]]]
    #: speakers known by a phone number only, as the import writes it ("+44 …0123")
    phone_names: NotRequired[list[str]]
    #: the title taken from the file's name (a transcript's), none given with --title
    title_from_file: NotRequired[str]
    #: --force replaced an earlier import of the folder and the draft made from it
    replaced_draft: NotRequired[bool]
    #: --force replaced an earlier import of the same contributors and messages (a new
    #: --title): the draft made from it was kept
    kept_draft: NotRequired[bool]
    language: str
    languages: NotRequired[list[str]]


class DraftSummary(TypedDict):
    path: str
    file: str
    terms: int
    attributes: int
    claims: int
    relations: int
    mentions: int
    co_occurrences: int
    other_languages: NotRequired[dict[str, int]]
    #: messages in another language of which only the English sentences were drafted, by language
    partly_english: NotRequired[dict[str, int]]
    terms_not_found: NotRequired[list[str]]
    #: how many undecided items the draft it replaced held (decisions are kept apart)
    replaced: NotRequired[int]
    #: how many items decisions.yaml had decided (with no reviewed.yaml) went there, not counted above
    settled: NotRequired[int]


class ReviewItem(TypedDict):
    id: str
    kind: str
    text: str
    confidence: Any
    #: why it was drafted: the rule's reading, and its record on the development threads
    why: NotRequired[str]
    speaker: NotRequired[str]
    where: NotRequired[str]
    quote: NotRequired[str]
    #: a term's or attribute's speaker, place and quote are where it is first said
    first: NotRequired[bool]
    #: an agreement's or dispute's claims, each in words with its place; [] when it is about
    #: everything its target said
    about: NotRequired[list[str]]
    #: an agreement's or dispute's message answers this one: its writer and place (and when
    #: its words were changed, if they were: the reply may have answered others)
    replies_to: NotRequired[str]
    #: when the words of the item's message were changed after it was posted (its words now)
    edited: NotRequired[str]
    #: how likely the reviewer is to accept it, learned from their decisions (--order confidence):
    #: the confidence itself until they have decided some
    likely: NotRequired[float]


class ReviewSummary(TypedDict):
    path: str
    accepted: int
    rejected: int
    #: items decided with them: the terms and attributes accepted items use, the items a rejection takes along
    accepted_with: int
    rejected_with: int
    #: items given by id that were already so decided (no second decision is recorded)
    already: int
    #: items given by id that had been decided the other way: their decision is turned
    changed: int
    reviewed: int
    left: int
    total: int
    #: items gone with a rejection or an edit (a rejected term's claims): no longer in ``total``
    gone: NotRequired[int]
    #: the items named by id that this decided: "accepted t-88bf415b9b: term “concatenate”", and
    #: those it found already so: "already accepted t-88bf415b9b: term “concatenate”"
    decided: NotRequired[list[str]]
    #: with --undo: the items of the action taken back
    undone: NotRequired[list[str]]
    #: with --undo: how many of them had turned an earlier decision, which stands again
    restored: NotRequired[int]
    #: with --undo: the items decided with them (a claim's term accepted with it), undecided again too
    undone_with: NotRequired[int]
    #: with --edit: the terms the edit named that the draft had none of (made new), with a likely slip
    made: NotRequired[list[str]]
    #: with --edit: the item's id, what it said, and what it says now
    edited: NotRequired[list[str]]
    #: what the reviewer should know, a line each: with --reject, an accepted agreement that
    #: was about the rejected claims only; with --add, that the quote is in the message more
    #: than once; with --edit, the accepted relations that follow a claim's new words, and an
    #: attribute accepted on its own that no claim has now
    note: NotRequired[str]


class ReviewAdded(ReviewSummary):
    #: the review id of the item added (or of the drafted item it turned out to be)
    id: str
    #: what the added item says ("collaboration: deeper"); "" when the draft had it already
    added: str
    #: what the drafted item the addition named says, accepted instead; "" when added
    drafted: str
    speaker: str
    where: str
    quote: str
    #: the drafted item had been rejected (or gone with a rejected term): now accepted
    turned: NotRequired[str]


class ImportAndDraft(ImportSummary):
    draft: NotRequired[DraftSummary]


class Unmatched(TypedDict):
    drafted: list[str]
    gold: list[str]


class UnmatchedItem(TypedDict):
    text: str
    id: NotRequired[str]
    kind: NotRequired[str]
    term: NotRequired[str]
    attribute: NotRequired[str]
    source: NotRequired[str]
    target: NotRequired[str]
    negated: NotRequired[bool]
    by: NotRequired[str]
    where: NotRequired[str]
    message: NotRequired[str]
    span: NotRequired[list[int]]


class UnmatchedItems(TypedDict):
    drafted: list[UnmatchedItem]
    gold: list[UnmatchedItem]


class MatchedPair(TypedDict):
    drafted: str
    gold: str


class AboutScore(TypedDict):
    compared: int
    same: int


class Score(TypedDict):
    drafted: int
    gold: int
    matched: int
    precision: float
    recall: float
    f1: float
    unmatched: Unmatched
    #: the same, as data: each item's ids, speaker and place beside its text
    unmatched_items: UnmatchedItems
    #: with ``--matched``: which drafted item matched which gold item, each in its side's words
    matched_pairs: NotRequired[list[MatchedPair]]
    #: stances only: of the matched ones whose gold names what it is about, how many the
    #: draft has about one of those points too
    about: NotRequired[AboutScore]


class Evaluation(TypedDict):
    contributors: Score
    messages: Score
    terms: Score
    claims: Score
    relations: Score
    oppositions: Score
    stances: Score
    #: what the figures rest on that the table cannot show ("2 messages ... differ in words")
    notes: NotRequired[list[str]]


class Export(TypedDict):
    format: str
    path: str
    files: NotRequired[list[str]]
    command: NotRequired[str]
    #: without --curated: how many of the nodes and links written are drafts, not yet reviewed
    drafted: NotRequired[int]


#: command -> the shape its ``--json`` prints (a list of it when the value is a list).
ANSWERS: dict[str, Any] = {
    "info": Summary,
    "validate": Validation,
    "neighbors": [Neighbor],
    "compare": Comparison,
    "why": [Edge],
    "who": WhoAnswer,
    "contributors": [ContributorRow],
    "terms": [TermRow],
    "path": PathAnswer,
    "consensus": Consensus,
    "rank": [Ranked],
    "clusters": [Cluster],
    "search": [Hit],
    "thread": ThreadAnswer,
    "export": Export,
    "import": ImportAndDraft,
    "draft": DraftSummary,
    "review": ReviewSummary,
    "review --list": [ReviewItem],
    "review --add": ReviewAdded,
    "evaluate": Evaluation,
}

# Shapes named in the README's table, so that the table stays readable.
_NAMED = {NodeRef: "NODE", AttributeItem: "ATTR", Edge: "EDGE", Evidence: "QUOTE", Contrast: "CONTRAST",
          DraftSummary: "DRAFT", Score: "SCORE"}


def _hints(td: Any) -> dict[str, Any]:
    hints = get_type_hints(td, include_extras=True, globalns=vars(sys.modules[__name__]))
    return {k: hints[k] for k in td.__annotations__}


def _render(tp: Any, top: bool = False) -> str:
    origin = get_origin(tp)
    if origin is typing.NotRequired:
        return _render(get_args(tp)[0])
    if origin is list:
        return f"[{_render(get_args(tp)[0])}]"
    if origin is dict:
        return "{KIND: N}"
    if origin is Literal:
        return "|".join(f'"{a}"' for a in get_args(tp))
    if origin is Union:
        return "|".join(_render(a) for a in get_args(tp))
    if isinstance(tp, type) and typing.is_typeddict(tp):
        return _NAMED[tp] if tp in _NAMED and not top else shape(tp)
    return {int: "N", float: "N", bool: "true|false", str: "TEXT"}.get(tp, "ID")


def shape(td: Any) -> str:
    """The README's notation for a shape: ``{"key", "key": SHAPE, "key?"}``; plain
    values are named only, nested shapes are spelled out, ``?`` marks optional keys."""
    parts = []
    for k, tp in _hints(td).items():
        optional = k in td.__optional_keys__
        name = f'"{k}?"' if optional else f'"{k}"'
        inner = get_args(tp)[0] if get_origin(tp) is typing.NotRequired else tp
        simple = inner in (Any, int, float, bool, str) or get_origin(inner) is Literal
        parts.append(name if simple else f"{name}: {_render(inner)}")
    return "{" + ", ".join(parts) + "}"


def readme_table() -> str:
    """The README's table of JSON shapes, one row per command, then the named shapes."""
    rows = ["| command | JSON |", "|---|---|"]
    for command, answer in ANSWERS.items():
        text = f"[{shape(answer[0])}]" if isinstance(answer, list) else shape(answer)
        rows.append(f"| `{command}` | `{text}` |")
    rows.append("")
    rows.append("where " + "; ".join(f"`{name}` is `{shape(td)}`" for td, name in _NAMED.items()) + ".")
    return "\n".join(rows)


def conforms(value: Any, answer: Any, where: str = "") -> list[str]:
    """The ways ``value`` departs from the shape ``answer`` (empty when it conforms)."""
    if isinstance(answer, list):
        if not isinstance(value, list):
            return [f"{where or 'answer'}: expected a list"]
        return [p for i, v in enumerate(value) for p in conforms(v, answer[0], f"{where}[{i}]")]
    return _check(value, answer, where or "answer")


def _check(value: Any, tp: Any, where: str) -> list[str]:
    origin = get_origin(tp)
    if origin is typing.NotRequired:
        return _check(value, get_args(tp)[0], where)
    if tp is Any:
        return []
    if origin is list:
        if not isinstance(value, list):
            return [f"{where}: expected a list, got {type(value).__name__}"]
        return [p for i, v in enumerate(value) for p in _check(v, get_args(tp)[0], f"{where}[{i}]")]
    if origin is dict:
        return [] if isinstance(value, dict) else [f"{where}: expected an object"]
    if origin is Literal:
        return [] if value in get_args(tp) else [f"{where}: {value!r} is not one of {get_args(tp)}"]
    if isinstance(tp, type) and typing.is_typeddict(tp):
        if not isinstance(value, dict):
            return [f"{where}: expected an object"]
        hints = _hints(tp)
        problems = [f"{where}: unexpected key {k!r}" for k in value if k not in hints]
        problems += [f"{where}: missing key {k!r}" for k in getattr(tp, "__required_keys__", ()) if k not in value]
        for k, v in value.items():
            if k in hints:
                problems += _check(v, hints[k], f"{where}.{k}")
        return problems
    if tp is float:
        return [] if isinstance(value, (int, float)) and not isinstance(value, bool) else [f"{where}: not a number"]
    if tp is int:
        return [] if isinstance(value, int) and not isinstance(value, bool) else [f"{where}: not a whole number"]
    return [] if isinstance(value, tp) else [f"{where}: expected {tp.__name__}, got {type(value).__name__}"]


if __name__ == "__main__":  # python -m conceptgraph.answers: the README's table of JSON shapes
    print(readme_table())
