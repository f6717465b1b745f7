"""How good a draft is: its terms, claims, relations and stances matched against a
curated dataset of the same thread, with precision, recall and F1, and what each side
has that the other lacks.

Every item of the draft is scored, whatever its status: a reviewed folder's accepted
and added items with its undecided drafts (rejected ones are gone from it). An item
written twice on one side (the same claim: term, attribute's words in their dictionary
forms, speaker, place, which way it points; the same agreement or dispute in one
message, whatever words it rests on) counts once. Matching is one to one (a
maximum matching: a drafted item stands for at most one gold item):

* a term matches when one of its names (id, label, alias) is one of the gold term's,
  or their words have the same stems;
* a claim matches when its term matches, the speaker is the same, their spans in the
  same message overlap, the attribute labels share a content word in its dictionary
  form ("deeper" meets "deep", "labour" meets "labor"), and both point the same way
  (denied by ``negated`` or by a label that opens with "not", "doesn't"...: "X: not
  wired for Y" is "X denied: wired for Y", and no match for "X: wired for Y");
  ``lenient`` leaves the attribute, and so which way it points, out;
* a relation between terms matches when its kind is the same, its ends match (either
  way round for symmetric kinds), the speaker is the same and the spans overlap; an
  opposition between attributes likewise, its ends by a shared content word;
* a stance (``agrees_with``, ``disputes``) matches when its kind and both
  contributors are the same and it was taken in the same message;
* a contributor matches by name (letters and spaces, case aside), a message by its
  place, its speaker and its words.

A gold dataset without messages is anchored in the draft's: each gold quote is looked
for in the messages of its speaker (by name), first in the one at the item's place; a
gold quote found nowhere is refused with one line, since its claims could never
match, and the messages are not compared. Where both have a message at the same place
by the same speaker but its words differ (one keeps the quoted lines, one mended a
typo), the draft's quotes in it are found again in the gold's words, so that their
characters compare; the result says so under ``notes``. A gold that has none of the
draft's messages (at their places, by their speakers) or contributors is of another
thread: refused too.

>>> from conceptgraph import load_dataset
>>> from conceptgraph.load import default_data_path
>>> curated = load_dataset(default_data_path())
>>> evaluate(curated, curated)["claims"]["f1"]
1.0
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar

from ..dataset import quote_words
from ..errors import DatasetError, excerpt
from ..kinds import (
    CONTEXT_RELATIONS,
    DRAFT,
    OPPOSES,
    STANCES,
    SYMMETRIC,
    TERM_RELATIONS,
)
from ..names import normalise
from ..places import place_key

if TYPE_CHECKING:
    from ..model import Claim, Dataset, Relation, Term

__all__ = ["evaluate", "evaluate_files", "matches", "term_names", "standing_for", "SECTIONS"]

T = TypeVar("T")
#: The sections of an evaluation, in the order they are printed.
SECTIONS = ("contributors", "messages", "terms", "claims", "relations", "oppositions", "stances")


def _scores(drafted: int, gold: int, matched: int) -> dict[str, Any]:
    p = matched / drafted if drafted else 0.0
    r = matched / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"drafted": drafted, "gold": gold, "matched": matched, "precision": round(p, 3), "recall": round(r, 3),
            "f1": round(f, 3)}


def _match(drafted: Sequence[T], gold: Sequence[T], same: Callable[[T, T], bool],
           bucket: Callable[[T, int], Any] = lambda item, side: None) -> list[tuple[int, int]]:
    """A maximum one-to-one matching: pairs (drafted index, gold index). Only items in
    the same ``bucket`` (side 0 drafted, 1 gold) are compared, so that large datasets
    are not compared all against all."""
    import networkx as nx

    candidates: dict[Any, list[int]] = {}
    for di, d in enumerate(drafted):
        candidates.setdefault(bucket(d, 0), []).append(di)
    # Nodes are ints (drafted di, gold -1 - gi), never strings: the matching iterates
    # sets, and an int's hash, unlike a string's, is the same in every process, so
    # which of several equally good matchings is found never changes between runs.
    B = nx.Graph()
    for gi, g in enumerate(gold):
        for di in candidates.get(bucket(g, 1), ()):
            if same(drafted[di], g):
                B.add_edge(di, -1 - gi)
    pairs: list[tuple[int, int]] = []
    for part in nx.connected_components(B):
        top = sorted(n for n in part if n >= 0)
        matching = nx.bipartite.hopcroft_karp_matching(B.subgraph(part), top)
        pairs += [(d, -1 - matching[d]) for d in top if d in matching]
    return sorted(pairs)


def _person_key(name: str) -> str:
    return " ".join("".join(ch for ch in normalise(name) if ch.isalnum() or ch.isspace()).split())


# a label that opens by denying: "not wired for it", "doesn't scale", "literally don't exist"
_DENYING = re.compile(r"^\W*(?:\w+ly\s+)?(?:not|never|no|cannot|(?:do|does|did|is|are|was|were|ca|can|could|will|wo|would|should|"
                      r"must|has|have|need)n['’]?t)\b", re.I)


def _denies(negated: bool, label: str) -> bool:
    """Whether a claim says its term is not what its label says: negated, or in so many
    words ("not wired for it"), but not both.

    >>> _denies(True, "wired for it"), _denies(False, "not wired for it"), _denies(True, "doesn't scale")
    (True, True, False)
    """
    return bool(negated) != bool(_DENYING.search(label))


def _once(items: Sequence[T], same: Callable[[T], Any]) -> list[T]:
    """``items`` with each repeated one once: the same claim written twice is one claim."""
    seen: set[Any] = set()
    out = []
    for i in items:
        key = same(i)
        if key not in seen:
            seen.add(key)
            out.append(i)
    return out


def term_names(t: Term) -> set[str]:
    """The names a term matches by: its id, label and aliases (normalised), and its
    label's key (dictionary forms), its words split as the drafter splits them
    ("Birch–Swinnerton-Dyer" is "Birch Swinnerton-Dyer")."""
    from .terms import key_of
    from .text import tokens

    return {normalise(n) for n in (t.id, t.label, *t.aliases)} | {" ".join(key_of(t.label.split())),
                                                                  " ".join(key_of(w for _, _, w in tokens(t.label)))}


def standing_for(terms: Sequence[Term], gold_terms: Sequence[Term]) -> dict[str, set[str]]:
    """For each of ``terms`` (by id), the gold terms it stands for: those sharing a name."""
    gold_names = [(g.id, term_names(g)) for g in gold_terms]
    return {t.id: {gid for gid, n in gold_names if term_names(t) & n} for t in terms}


Matched = dict[str, tuple[list[Any], list[Any], list[tuple[int, int]]]]


def matches(draft: Dataset, gold: Dataset, attributes: bool = True) -> Matched:
    """For each section of :data:`SECTIONS`: ``(drafted items, gold items, pairs)``,
    where pairs are the matched (drafted index, gold index). What :func:`evaluate`
    scores; a calibration reads which drafted items matched."""
    return _matched(draft, gold, attributes)[0]


def _matched(draft: Dataset, gold: Dataset, attributes: bool) -> tuple[Matched, int]:
    """:func:`matches`, and how many of the draft's messages differ in words from the
    gold's at the same place (their quotes found again in the gold's words)."""
    from .rules import content_words

    compared = bool(gold.messages)  # a gold without messages takes the draft's: none is compared
    gold = _anchored(gold, draft)
    draft, realigned = _realigned(draft, gold)
    d_terms, g_terms = list(draft.terms), list(gold.terms)
    term_pairs = _match(d_terms, g_terms, lambda d, g: bool(term_names(d) & term_names(g)))
    stands_for = standing_for(draft.terms, g_terms)
    person = {c.id: normalise(c.name) for c in draft.contributors}
    gold_person = {c.id: normalise(c.name) for c in gold.contributors}
    person.update(_written_by(draft, gold, person, gold_person))
    d_label = {a.id: a.label for a in draft.attributes}
    g_label = {a.id: a.label for a in gold.attributes}
    d_where = {m.id: (place_key(m.where), person.get(m.by, "")) for m in draft.messages}
    g_where = {m.id: (place_key(m.where), gold_person.get(m.by, "")) for m in gold.messages}

    def same_place(dm: str, ds_: Any, gm: str, gs: Any) -> bool:
        if not (ds_ and gs):
            return False
        if dm != gm and d_where.get(dm, (dm,)) != g_where.get(gm, (gm,)):
            return False
        return bool(ds_[0] < gs[1] and gs[0] < ds_[1])

    def speaker(by: str, side: int) -> str:
        return (person if side == 0 else gold_person).get(by, normalise(by))

    words: dict[str, frozenset[str]] = {}

    def words_of(label: str) -> frozenset[str]:  # each label's content words worked out once
        found = words.get(label)
        if found is None:
            found = words[label] = frozenset(content_words(label))
        return found

    def shares(a: str, b: str) -> bool:  # a content word in common; or, for "for-each-other", the same words
        return bool(words_of(a) & words_of(b)) or normalise(a) == normalise(b)

    def claim_key(c: Any, label: dict[str, str], side: int) -> Any:
        # the same claim twice, its attribute's words in their dictionary forms ("adds emphasis", "add emphasis")
        said = label.get(c.attribute, c.attribute)
        return (c.term, words_of(said) or normalise(said), speaker(c.by, side), c.message,
                tuple(c.span or ()), _denies(c.negated, said))

    d_claims = _once(draft.claims, lambda c: claim_key(c, d_label, 0))
    g_claims = _once(gold.claims, lambda c: claim_key(c, g_label, 1))

    def same_claim(d: Any, g: Any) -> bool:
        a, b = d_label.get(d.attribute, d.attribute), g_label.get(g.attribute, g.attribute)
        # with its attribute, a claim denied matches only a claim denied, whether by its flag or
        # in its label's words: "X: not wired for Y" is "X: denied: wired for Y", and no "X: wired for Y"
        return g.term in stands_for.get(d.term, ()) and same_place(d.message, d.span, g.message, g.span) and (
            not attributes or shares(a, b) and _denies(d.negated, a) == _denies(g.negated, b))

    claim_pairs = _match(d_claims, g_claims, same_claim, lambda c, side: speaker(c.by, side))

    def same_relation(d: Any, g: Any) -> bool:
        if d.kind != g.kind or speaker(d.by, 0) != speaker(g.by, 1) \
                or not same_place(d.message, d.span, g.message, g.span):
            return False
        if d.kind == OPPOSES:
            a, b = d_label.get(d.source, d.source), d_label.get(d.target, d.target)
            c, e = g_label.get(g.source, g.source), g_label.get(g.target, g.target)
            return (shares(a, c) and shares(b, e)) or (shares(a, e) and shares(b, c))
        a_, b_ = stands_for.get(d.source, set()), stands_for.get(d.target, set())
        return (g.source in a_ and g.target in b_) or (d.kind in SYMMETRIC and g.source in b_ and g.target in a_)

    def kind_bucket(r: Any, side: int) -> Any:
        return r.kind, speaker(r.by, side)

    def relation_key(r: Any, side: int) -> Any:
        if r.kind in STANCES:  # one stance of a kind towards a person in a message, whatever words it rests on
            return r.kind, speaker(r.source, side), speaker(r.target, side), r.message or r.where
        return (r.kind, r.source, r.target, speaker(r.by, side), r.message, tuple(r.span or ()), r.where)

    d_rels = _once(draft.relations, lambda r: relation_key(r, 0))
    g_rels = _once(gold.relations, lambda r: relation_key(r, 1))
    sections: dict[str, tuple[list[Any], list[Any], list[tuple[int, int]]]] = {}
    for name, kinds in (("relations", set(TERM_RELATIONS)), ("oppositions", {OPPOSES})):
        d_rel = [r for r in d_rels if r.kind in kinds]
        g_rel = [r for r in g_rels if r.kind in kinds]
        sections[name] = (d_rel, g_rel, _match(d_rel, g_rel, same_relation, kind_bucket))
    d_st = [r for r in d_rels if r.kind in STANCES]
    g_st = [r for r in g_rels if r.kind in STANCES]

    def said_there(d: Any, g: Any) -> bool:  # a stance where it was taken: the same message
        if d.message and g.message:
            return d.message == g.message or d_where.get(d.message, (d.message,)) == g_where.get(g.message, (g.message,))
        return normalise(d.where) == normalise(g.where)

    st_pairs = _match(d_st, g_st, lambda d, g: speaker(d.target, 0) == speaker(g.target, 1) and said_there(d, g),
                      lambda r, side: (r.kind, speaker(r.source, side)))
    d_people, g_people = list(draft.contributors), list(gold.contributors)
    people_pairs = _match(d_people, g_people, lambda d, g: True, lambda c, side: _person_key(c.name))
    d_msgs, g_msgs = (list(draft.messages), list(gold.messages)) if compared else ([], [])
    msg_pairs = _match(d_msgs, g_msgs, lambda d, g: " ".join(d.text.split()) == " ".join(g.text.split()),
                       lambda m, side: (place_key(m.where),
                                        _person_key((person if side == 0 else gold_person).get(m.by, m.by))))
    return {"contributors": (d_people, g_people, people_pairs), "messages": (d_msgs, g_msgs, msg_pairs),
            "terms": (d_terms, g_terms, term_pairs), "claims": (d_claims, g_claims, claim_pairs),
            "relations": sections["relations"], "oppositions": sections["oppositions"],
            "stances": (d_st, g_st, st_pairs)}, realigned


def _written_by(draft: Dataset, gold: Dataset, person: dict[str, str], gold_person: dict[str, str]) -> dict[str, str]:
    """Each of the draft's speakers whom the gold names otherwise, by the gold's name for
    whoever wrote most of their messages (at the same places): a gold may know that
    "SEK" is Scott Eric Kaufman, which the export does not say, and an agreement with the
    one is then an agreement with the other.

    >>> from conceptgraph.model import Contributor, Dataset, Message, Source
    >>> said = (Message("m1", "sek", "comment 3", "x"), Message("m2", "bo", "comment 4", "y"))
    >>> mine = Dataset(Source("t"), contributors=(Contributor("sek", "SEK", "commenter"), Contributor("bo", "Bo", "commenter")),
    ...                messages=said)
    >>> theirs = Dataset(Source("t"), contributors=(Contributor("s", "Scott Eric Kaufman", "author"),
    ...                                             Contributor("b", "Bo", "commenter")),
    ...                  messages=tuple(replace(m, by=m.by[0]) for m in said))
    >>> _written_by(mine, theirs, {"sek": "sek", "bo": "bo"}, {"s": "scott eric kaufman", "b": "bo"})
    {'sek': 'scott eric kaufman'}
    """
    author = {_place(m.where): gold_person.get(m.by, "") for m in gold.messages}
    votes: dict[str, Counter[str]] = {}
    for m in draft.messages:
        if who := author.get(_place(m.where)):
            votes.setdefault(m.by, Counter())[who] += 1
    out = {}
    for ident, count in votes.items():
        who, n = count.most_common(1)[0]
        if 2 * n > sum(count.values()) and who != person.get(ident):
            out[ident] = who
    return out


def evaluate(draft: Dataset, gold: Dataset, attributes: bool = True, pairs: bool = False) -> dict[str, Any]:
    """Scores of ``draft`` against ``gold`` (see the module's docstring), section by
    section, with the unmatched items of each side under ``unmatched``. With
    ``attributes=False`` (``--lenient``) a claim matches on its term, speaker and place
    alone: how well claims are found, whatever their attribute says. With ``pairs``
    (``--matched``), ``matched_pairs`` says which drafted item matched which gold one."""
    scored: list[Term | Claim | Relation] = [*gold.terms, *gold.claims,
                                             *(r for r in gold.relations if r.kind not in CONTEXT_RELATIONS)]
    if not scored:
        raise DatasetError("the gold has no terms, claims or relations: nothing to score the draft against "
                           "(DRAFT first, then GOLD)")
    if all(x.status == DRAFT for x in scored):
        mine: list[Term | Claim | Relation] = [*draft.terms, *draft.claims, *draft.relations]
        _warn("every item of the gold is drafted (status: draft) and none of the draft is: are they the wrong way "
              "round? (DRAFT first, then GOLD)" if mine and not any(x.status == DRAFT for x in mine) else
              "every item of the gold is drafted (status: draft): no one has decided them")
    found, realigned = _matched(draft, gold, attributes)
    for section in ("messages", "contributors"):
        drafted, gold_items, matched = found[section]
        # every item would be a miss: no measure of anything (messages at the same places, by
        # the same speakers, in other words are the same thread's)
        if drafted and gold_items and not matched and not (section == "messages" and realigned):
            raise DatasetError(f"the gold has none of the draft's {section}: evaluate compares a draft with a gold "
                               "of the same thread (DRAFT first, then GOLD)")

    def show(section: str, side: Dataset) -> Callable[[Any], str]:
        # each side's items in its own words: two curators may give one id two labels
        names = {c.id: c.name for c in side.contributors}
        labels = {t.id: t.label for t in side.terms} | {a.id: a.label for a in side.attributes}
        if section == "contributors":
            return lambda c: str(c.name)
        if section == "messages":
            return lambda m: f"{m.where} ({names.get(m.by, m.by)})"
        if section == "terms":
            return lambda t: str(t.label)
        if section == "claims":
            return lambda c: (f"{labels.get(c.term, c.term)} {'lacks' if c.negated else 'has'} "
                              f"'{labels.get(c.attribute, c.attribute)}' ({names.get(c.by, c.by)}, {c.where})")
        if section == "stances":
            return lambda r: f"{names.get(r.source, r.source)} {r.kind} {names.get(r.target, r.target)} ({r.where})"
        return lambda r: f"{labels.get(r.source, r.source)} {r.kind} {labels.get(r.target, r.target)} ({r.where})"

    out: dict[str, Any] = {}
    for section in SECTIONS:
        drafted, gold_items, matched = found[section]
        hit_d, hit_g = {d for d, _ in matched}, {g for _, g in matched}
        shown_d, shown_g = show(section, draft), show(section, gold)
        left_d = [shown_d(x) for i, x in enumerate(drafted) if i not in hit_d]
        left_g = [shown_g(x) for i, x in enumerate(gold_items) if i not in hit_g]
        if both := set(left_d) & set(left_g):
            # a line both sides list reads the same but quotes other words (the match is made on
            # the words a quote takes, as well as on what it says): its quote tells them apart
            left_d = [_with_quote(t, x) if t in both else t for t, x in
                      zip(left_d, (x for i, x in enumerate(drafted) if i not in hit_d))]
            left_g = [_with_quote(t, x) if t in both else t for t, x in
                      zip(left_g, (x for i, x in enumerate(gold_items) if i not in hit_g))]
        out[section] = {**_scores(len(drafted), len(gold_items), len(matched)), "unmatched": {
            "drafted": left_d, "gold": left_g}, "unmatched_items": {
            "drafted": [_item(x, shown_d) for i, x in enumerate(drafted) if i not in hit_d],
            "gold": [_item(x, shown_g) for i, x in enumerate(gold_items) if i not in hit_g]}}
        if pairs:  # in the draft's order
            out[section]["matched_pairs"] = [{"drafted": shown_d(drafted[d]), "gold": shown_g(gold_items[g])}
                                             for d, g in sorted(matched)]
    out["stances"]["about"] = _about_the_same(found, gold)
    if not gold.messages and draft.messages:
        out.setdefault("notes", []).append("messages are not compared: the gold has none (its quotes were found in "
                                           "the draft's messages)")
    if realigned:
        out.setdefault("notes", []).append(
            f"{realigned} message{'s' if realigned != 1 else ''} at the same place by the same speaker "
            f"{'differ' if realigned != 1 else 'differs'} in words from the gold's (quoted lines kept or "
            "left out, an edit): the draft's quotes there were found again in the gold's words")
    return out


def _about_the_same(found: Matched, gold: Dataset) -> dict[str, int]:
    """Of the matched stances whose gold names what it is about (claims, attributes or
    messages of its target's), how many the draft has about one of those claims too (a
    drafted claim matched to it): a stance matches by its people and message alone, and
    may be about other points (a trial counted 4 of 16 so)."""
    d_claims, g_claims, claim_pairs = found["claims"]
    d_st, g_st, st_pairs = found["stances"]
    gold_of: dict[str, set[str]] = {}  # drafted claim id -> the gold claims it matched
    for d, g in claim_pairs:
        gold_of.setdefault(d_claims[d].id, set()).add(g_claims[g].id)
    messages = {m.id for m in gold.messages}

    def points(r: Relation) -> set[str]:  # the gold claims a gold stance is about
        named = set(r.concerns)
        return {c.id for c in gold.claims if c.by == r.target and (c.id in named or c.attribute in named
                                                                     or (c.message in named and c.message in messages))}

    compared = same = 0
    for d, g in st_pairs:
        if not g_st[g].concerns:
            continue  # about everything its target said: nothing to compare
        wanted = points(g_st[g])
        compared += 1
        same += bool(wanted & {x for c in d_st[d].concerns for x in gold_of.get(c, ())})
    return {"compared": compared, "same": same}


def _realigned(draft: Dataset, gold: Dataset) -> tuple[Dataset, int]:
    """``draft`` with the quotes of each message whose words differ from the gold's
    message at the same place by the same speaker found again in the gold's words (their
    spans then count in the gold's characters), and how many messages differ so.

    >>> from conceptgraph.model import Claim, Contributor, Dataset, Message, Source
    >>> people = (Contributor("ann", "Ann", "author", ("post",)),)
    >>> mine = Dataset(Source("t"), contributors=people, messages=(Message("m", "ann", "post", "> Bo said\\nX is Y."),),
    ...                claims=(Claim("c", "x", "y", "ann", "X is Y", "post", message="m", span=(10, 16)),))
    >>> theirs = Dataset(Source("t"), contributors=people, messages=(Message("p", "ann", "post", "X is Y."),))
    >>> moved, n = _realigned(mine, theirs)
    >>> moved.claims[0].span, n
    ((0, 6), 1)
    """
    person = {c.id: _person_key(c.name) for c in draft.contributors}
    gold_person = {c.id: _person_key(c.name) for c in gold.contributors}
    at = {(_place(m.where), gold_person.get(m.by, m.by)): m for m in gold.messages}
    other: dict[str, str] = {}  # draft message id -> the gold's words at its place
    for m in draft.messages:
        theirs = at.get((_place(m.where), person.get(m.by, m.by)))
        if theirs is not None and " ".join(theirs.text.split()) != " ".join(m.text.split()) \
                and _mostly_in(m.text, theirs.text):
            other[m.id] = theirs.text
    if not other:
        return draft, 0

    def moved(item: Any) -> Any:
        text = other.get(item.message)
        found = quote_words(item.quote).search(text) if text is not None and item.quote else None
        return replace(item, span=found.span()) if found else item

    return replace(draft, claims=tuple(moved(c) for c in draft.claims),
                   relations=tuple(r if r.kind in STANCES else moved(r) for r in draft.relations)), len(other)


def _mostly_in(a: str, b: str, share: float = 0.8) -> bool:
    """Whether the shorter of two texts has most of its words in the longer: one message
    with its quoted lines and without, or mended, not another message at the same place."""
    short, long = sorted((Counter(re.findall(r"\w+", a.casefold())), Counter(re.findall(r"\w+", b.casefold()))),
                         key=lambda c: sum(c.values()))
    return sum((short & long).values()) >= share * max(sum(short.values()), 1)


#: What an unmatched item carries for a script, besides its text: each field it has
_ITEM_FIELDS = ("id", "kind", "term", "attribute", "source", "target", "negated", "by", "where", "message", "span")


def _item(x: Any, shown: Callable[[Any], str]) -> dict[str, Any]:
    """An unmatched item as data: its text as listed, and its ids, speaker and place."""
    out: dict[str, Any] = {"text": shown(x)}
    for name in _ITEM_FIELDS:
        value = getattr(x, name, None)
        if value not in (None, "", ()) and not (name == "negated" and value is False):
            out[name] = list(value) if name == "span" else value
    return out


def _anchored(gold: Dataset, draft: Dataset) -> Dataset:
    """``gold`` with its quotes anchored in ``draft``'s messages when it has none of its
    own (same speaker by name, the quote's words in order); a quote found nowhere is
    refused, since its item could never match."""
    if gold.messages or not draft.messages:
        return gold
    by_name: dict[str, list[Any]] = {}
    names = {c.id: _person_key(c.name) for c in draft.contributors}
    for m in draft.messages:
        by_name.setdefault(names.get(m.by, ""), []).append(m)
    gold_names = {c.id: _person_key(c.name) for c in gold.contributors}
    if gold_names and not set(gold_names.values()) & set(by_name):  # (before any one quote is looked for)
        raise DatasetError("the gold has none of the draft's contributors: evaluate compares a draft with a gold "
                           "of the same thread (DRAFT first, then GOLD)")
    shown = {c.id: c.name for c in gold.contributors}  # as the gold writes them: "kestrel_ink", not "kestrelink"

    def anchor(item: Any, who: str, strict: bool = True) -> Any:
        if not item.quote or not who:
            return item
        pattern = quote_words(item.quote)
        theirs = by_name.get(gold_names.get(who, ""), [])
        place = _place(item.where or "")
        # in the message at the item's place first: words said twice are taken where the gold says
        for m in sorted(theirs, key=lambda m: _place(m.where) != place):
            found = pattern.search(m.text)
            if found:
                if place and _place(m.where) != place:  # (another's message there, or none)
                    elsewhere.append(f"gold {item.id or item.kind} at {m.where}, not {item.where}")
                return replace(item, message=m.id, span=found.span())
        if not strict:  # a stance whose words are not found is matched by its place, as before
            return item
        why = _departs(item.quote, theirs)
        raise _QuoteNotFound(f"gold {item.id}: quote not found in any message of "
                             f"'{shown.get(who, who)}' in the draft: {item.quote[:60]!r}"
                             + (f"; {why}" if why else "; evaluate needs a gold of the same thread (with messages, "
                                "or with quotes of the draft's)"), item.quote)

    elsewhere: list[str] = []  # quotes not in the speaker's message at the place the gold gives
    claims = tuple(anchor(c, c.by) for c in gold.claims)
    # a stance by its words too, in its speaker's messages: a gold numbered as a reader counts
    # the messages finds it where it was taken (one not found is matched by its place)
    relations = tuple(anchor(r, r.by) if r.by and r.kind not in STANCES
                      else anchor(r, r.source, strict=False) if r.kind in STANCES else r for r in gold.relations)
    if elsewhere:
        _warn(f"{_n(len(elsewhere), 'quote')} of the gold not in its speaker's message at the place it gives, "
              f"scored where found: {'; '.join(elsewhere[:3])}{'; ...' if len(elsewhere) > 3 else ''}")
    # The gold's anchors point into the draft's messages: they are the gold's messages now.
    return replace(gold, claims=claims, relations=relations,
                   messages=tuple(replace(m, by=_gold_id(m.by, names, gold_names)) for m in draft.messages))


def _warn(text: str) -> None:
    """A warning about the gold, said once on stderr by the command line."""
    import warnings

    from ..errors import ConceptGraphWarning

    warnings.warn(ConceptGraphWarning(text), stacklevel=3)


class _QuoteNotFound(DatasetError):
    """A gold quote found in no message of its speaker's: the quote, to find its line."""

    def __init__(self, problem: str, quote: str) -> None:
        super().__init__(problem)
        self.quote = quote


def _departs(quote: str, messages: list[Any]) -> str:
    """Where a gold quote parts from the nearest of its speaker's messages ("comment 3
    has its first 17 characters, then 'the program' where the gold has 'a program'"), or
    "" when none begins as it does.

    >>> from conceptgraph.model import Message
    >>> said = [Message("m", "bo", "comment 3", "So an error is what the program reports.")]
    >>> _departs("an error is what a program reports", said)
    'comment 3 has its first 17 characters, then “the program reports.” where the gold has “a program reports”'
    """
    best, at = 0, None
    head = quote[:8]
    for m in messages if len(quote) >= 8 else ():
        start = m.text.find(head)
        while start >= 0:
            n = next((k for k, (a, b) in enumerate(zip(quote, m.text[start:])) if a != b),
                     min(len(quote), len(m.text) - start))
            if n > best:
                best, at = n, (m, start)
            start = m.text.find(head, start + 1)
    if at is None or best >= len(quote):
        return ""
    m, start = at
    space = quote.rfind(" ", 0, best)  # from the word it parts in: "forty" against "fourteen", not "rty"
    best = space + 1 if space > 0 and not quote[best - 1:best].isspace() else best
    return (f"{m.where} has its first {best} characters, then “{excerpt(m.text[start + best:], 30)}” where the gold "
            f"has “{excerpt(quote[best:], 30)}”")


def _n(n: int, what: str) -> str:
    return f"{n} {what}{'s' if n != 1 else ''}"


def _gold_id(draft_by: str, draft_names: dict[str, str], gold_names: dict[str, str]) -> str:
    key = draft_names.get(draft_by, "")
    return next((gid for gid, name in gold_names.items() if name == key), draft_by)


def evaluate_files(draft: str | os.PathLike[str], gold: str | os.PathLike[str],
                   attributes: bool = True, pairs: bool = False) -> dict[str, Any]:
    """:func:`evaluate` of the datasets at two paths (files or folders; a drafted folder
    holds its messages and ``draft.yaml``)."""
    from pathlib import Path

    from ..dataset import load_dataset
    from ..load import input_kind

    for path in (draft, gold):
        if input_kind(Path(path))[0] != "dataset":
            raise DatasetError("evaluate compares two datasets (YAML files or folders), not a graph or an export",
                               str(path))
    try:
        return evaluate(load_dataset(draft), load_dataset(gold), attributes, pairs)
    except DatasetError as e:
        if e.file:
            raise
        file, line = _line_of(gold, e.quote if isinstance(e, _QuoteNotFound) else "")
        raise DatasetError(e.problem, file, line) from None  # what is wrong is said of the gold


def _place(where: str) -> str:
    """A place as two datasets of one thread are compared by: case and spacing aside, and
    the day a chat of several days adds to a turn's (:func:`~conceptgraph.places.place_key`)."""
    return normalise(place_key(where))


def _with_quote(line: str, item: Any) -> str:
    """``line`` with the words ``item`` quotes, where it quotes any."""
    quote = " ".join(str(getattr(item, "quote", "") or "").split())
    return f"{line}: “{excerpt(quote, 80)}”" if quote else line


def _line_of(gold: str | os.PathLike[str], quote: str) -> tuple[str, int | None]:
    """The gold file and line that hold ``quote`` (its first words, as YAML writes them),
    for an error about it; the gold's path alone when none does."""
    from pathlib import Path

    path = Path(gold)
    files = sorted(path.glob("*.y*ml")) if path.is_dir() else [path]
    head = " ".join(quote.split()[:4])
    for f in files if head else ():
        try:
            lines = f.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        for n, text in enumerate(lines, 1):
            if head in " ".join(text.split()):
                return str(f), n
    return str(path), None
