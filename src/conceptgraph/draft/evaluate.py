"""How good a draft is: its terms, claims, relations and agreements matched against a
curated dataset of the same thread, with precision, recall and F1, and what each side
has that the other lacks.

Matching, one to one, in the gold's order:

* a term matches when one of its names (id, label, alias) is one of the gold term's,
  or their words have the same stems;
* a claim matches when its term matches, the speaker is the same, their spans in the
  same message overlap, and the attribute labels share a content word (lemmas, so
  "deeper" meets "deep" and "labour" meets "labor");
* a relation matches when its kind is the same, its ends match (terms as above,
  attributes by a shared content word; either way round for symmetric kinds), the
  speaker is the same and the spans overlap;
* an agreement or dispute matches when its kind and both contributors are the same;
* a contributor matches by name (letters and spaces, case aside), a message by its
  place, its speaker and its words.

>>> from conceptgraph import load_dataset
>>> from conceptgraph.load import default_data_path
>>> curated = load_dataset(default_data_path())
>>> evaluate(curated, curated)["claims"]["f1"]
1.0
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from ..kinds import (
    AGREES_WITH,
    ANALOGOUS_TO,
    CO_OCCURS,
    CONTRASTS_WITH,
    DISPUTES,
    DRAFT,
    MENTIONS,
    OPPOSES,
    OVERLAPS_WITH,
    RELATED_TO,
    SIMILAR_TO,
)
from ..names import normalise

if TYPE_CHECKING:
    from ..model import Dataset, Term

__all__ = ["evaluate", "evaluate_files"]

T = TypeVar("T")
_SYMMETRIC = {CONTRASTS_WITH, OVERLAPS_WITH, SIMILAR_TO, RELATED_TO, ANALOGOUS_TO, OPPOSES}


def _scores(drafted: int, gold: int, matched: int) -> dict[str, Any]:
    p = matched / drafted if drafted else 0.0
    r = matched / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"drafted": drafted, "gold": gold, "matched": matched, "precision": round(p, 3), "recall": round(r, 3),
            "f1": round(f, 3)}


def _match(drafted: Sequence[T], gold: Sequence[T], same: Callable[[T, T], bool],
           bucket: Callable[[T, int], Any] = lambda item, side: None) -> list[tuple[int, int]]:
    """Pairs (drafted index, gold index), each item used once, gold taken in order.
    Only items in the same ``bucket`` (side 0 drafted, 1 gold) are compared, so that
    large datasets are not compared all against all."""
    candidates: dict[Any, list[int]] = {}
    for di, d in enumerate(drafted):
        candidates.setdefault(bucket(d, 0), []).append(di)
    used: set[int] = set()
    pairs = []
    for gi, g in enumerate(gold):
        for di in candidates.get(bucket(g, 1), ()):
            if di not in used and same(drafted[di], g):
                used.add(di)
                pairs.append((di, gi))
                break
    return pairs


def _person_key(name: str) -> str:
    return " ".join("".join(ch for ch in normalise(name) if ch.isalnum() or ch.isspace()).split())


def _only_drafts(items: Sequence[T]) -> list[T]:
    drafts = [i for i in items if getattr(i, "status", "") == DRAFT]
    return drafts if drafts else list(items)


def evaluate(draft: Dataset, gold: Dataset, attributes: bool = True) -> dict[str, Any]:
    """Scores of ``draft`` against ``gold`` (see the module's docstring), with the
    unmatched items of each side under ``unmatched``. With ``attributes=False`` a claim
    matches on its term, speaker and place alone: how well claims are found, whatever
    their attribute says."""
    from .rules import content_words
    from .terms import key_of

    def names(t: Term) -> set[str]:
        return {normalise(n) for n in (t.id, t.label, *t.aliases)} | {" ".join(key_of(t.label.split()))}

    d_terms, g_terms = _only_drafts(draft.terms), list(gold.terms)
    all_d_terms = {t.id: t for t in draft.terms}
    term_pairs = _match(d_terms, g_terms, lambda d, g: bool(names(d) & names(g)))
    # which gold term each term of the draft stands for (any of its terms, drafted or not)
    stands_for: dict[str, str] = {}
    for t in all_d_terms.values():
        for g in g_terms:
            if names(t) & names(g):
                stands_for[t.id] = g.id
                break
    person = {c.id: normalise(c.name) for c in draft.contributors}
    gold_person = {c.id: normalise(c.name) for c in gold.contributors}
    d_name = {c.id: c.name for c in draft.contributors}
    g_name = {c.id: c.name for c in gold.contributors}
    d_label = {a.id: a.label for a in draft.attributes}
    g_label = {a.id: a.label for a in gold.attributes}
    d_where = {m.id: (m.where, person.get(m.by, "")) for m in draft.messages}
    g_where = {m.id: (m.where, gold_person.get(m.by, "")) for m in gold.messages}

    def same_place(dm: str, ds_: Any, gm: str, gs: Any) -> bool:
        if not (ds_ and gs):
            return False
        if dm != gm and d_where.get(dm, (dm,)) != g_where.get(gm, (gm,)):
            return False
        return bool(ds_[0] < gs[1] and gs[0] < ds_[1])

    def same_speaker(d_by: str, g_by: str) -> bool:
        return person.get(d_by, normalise(d_by)) == gold_person.get(g_by, normalise(g_by))

    def shares(a: str, b: str) -> bool:  # a content word in common; or, for "for-each-other", the same words
        return bool(content_words(a) & content_words(b)) or normalise(a) == normalise(b)

    d_claims, g_claims = _only_drafts(draft.claims), list(gold.claims)
    def same_attribute(d: Any, g: Any) -> bool:
        return not attributes or shares(d_label.get(d.attribute, d.attribute), g_label.get(g.attribute, g.attribute))

    claim_pairs = _match(d_claims, g_claims, lambda d, g: same_place(d.message, d.span, g.message, g.span)
                         and same_attribute(d, g),
                         lambda c, side: (stands_for.get(c.term), person.get(c.by, normalise(c.by))) if side == 0
                         else (c.term, gold_person.get(c.by, normalise(c.by))))

    context = {MENTIONS, CO_OCCURS, AGREES_WITH, DISPUTES}
    d_rel = [r for r in _only_drafts(draft.relations) if r.kind not in context]
    g_rel = [r for r in gold.relations if r.kind not in context]

    def ends(r: Any, labels: dict[str, str], term_of: Callable[[str], str]) -> tuple[str, str]:
        if r.kind == OPPOSES:
            return labels.get(r.source, r.source), labels.get(r.target, r.target)
        return term_of(r.source), term_of(r.target)

    def same_relation(d: Any, g: Any) -> bool:
        if d.kind != g.kind or not same_speaker(d.by, g.by) or not same_place(d.message, d.span, g.message, g.span):
            return False
        (a, b) = ends(d, d_label, lambda x: stands_for.get(x, "?"))
        (c, e) = ends(g, g_label, lambda x: x)
        match = shares if d.kind == OPPOSES else (lambda x, y: x == y)
        return (match(a, c) and match(b, e)) or (d.kind in _SYMMETRIC and match(a, e) and match(b, c))

    rel_pairs = _match(d_rel, g_rel, same_relation, lambda r, side: r.kind)
    d_st = [r for r in _only_drafts(draft.relations) if r.kind in (AGREES_WITH, DISPUTES)]
    g_st = [r for r in gold.relations if r.kind in (AGREES_WITH, DISPUTES)]
    st_pairs = _match(d_st, g_st, lambda d, g: d.kind == g.kind and same_speaker(d.source, g.source)
                      and same_speaker(d.target, g.target))

    def unmatched(items: Sequence[Any], pairs: list[tuple[int, int]], side: int, show: Callable[[Any], str]) -> list[str]:
        hit = {p[side] for p in pairs}
        return [show(x) for i, x in enumerate(items) if i not in hit]

    def claim_text(labels: dict[str, str], people: dict[str, str]) -> Callable[[Any], str]:
        return lambda c: (f"{c.term} {'lacks' if c.negated else 'has'} '{labels.get(c.attribute, c.attribute)}' "
                          f"({people.get(c.by, c.by)}, {c.where})")

    def stance_text(names: dict[str, str]) -> Callable[[Any], str]:
        return lambda r: f"{names.get(r.source, r.source)} {r.kind} {names.get(r.target, r.target)} ({r.where})"

    def rel_text(labels: dict[str, str]) -> Callable[[Any], str]:
        return lambda r: f"{labels.get(r.source, r.source)} {r.kind} {labels.get(r.target, r.target)} ({r.where})"

    d_people, g_people = list(draft.contributors), list(gold.contributors)
    people_pairs = _match(d_people, g_people, lambda d, g: True, lambda c, side: _person_key(c.name))
    d_msgs, g_msgs = list(draft.messages), list(gold.messages)
    msg_pairs = _match(d_msgs, g_msgs, lambda d, g: " ".join(d.text.split()) == " ".join(g.text.split()),
                       lambda m, side: (m.where, _person_key((person if side == 0 else gold_person).get(m.by, m.by))))
    return {
        "contributors": {**_scores(len(d_people), len(g_people), len(people_pairs)), "unmatched": {
            "drafted": unmatched(d_people, people_pairs, 0, lambda c: c.name),
            "gold": unmatched(g_people, people_pairs, 1, lambda c: c.name)}},
        "messages": {**_scores(len(d_msgs), len(g_msgs), len(msg_pairs)), "unmatched": {
            "drafted": unmatched(d_msgs, msg_pairs, 0, lambda m: f"{m.where} ({d_name.get(m.by, m.by)})"),
            "gold": unmatched(g_msgs, msg_pairs, 1, lambda m: f"{m.where} ({g_name.get(m.by, m.by)})")}},
        "terms": {**_scores(len(d_terms), len(g_terms), len(term_pairs)), "unmatched": {
            "drafted": unmatched(d_terms, term_pairs, 0, lambda t: t.label),
            "gold": unmatched(g_terms, term_pairs, 1, lambda t: t.label)}},
        "claims": {**_scores(len(d_claims), len(g_claims), len(claim_pairs)), "unmatched": {
            "drafted": unmatched(d_claims, claim_pairs, 0, claim_text(d_label, d_name)),
            "gold": unmatched(g_claims, claim_pairs, 1, claim_text(g_label, g_name))}},
        "relations": {**_scores(len(d_rel), len(g_rel), len(rel_pairs)), "unmatched": {
            "drafted": unmatched(d_rel, rel_pairs, 0, rel_text(d_label)),
            "gold": unmatched(g_rel, rel_pairs, 1, rel_text(g_label))}},
        "agreements": {**_scores(len(d_st), len(g_st), len(st_pairs)), "unmatched": {
            "drafted": unmatched(d_st, st_pairs, 0, stance_text(d_name)),
            "gold": unmatched(g_st, st_pairs, 1, stance_text(g_name))}},
    }


def evaluate_files(draft: str | os.PathLike[str], gold: str | os.PathLike[str]) -> dict[str, Any]:
    """:func:`evaluate` of the datasets at two paths (files or folders; a drafted folder
    holds its messages and ``draft.yaml``)."""
    from pathlib import Path

    from ..dataset import load_dataset
    from ..errors import DatasetError
    from ..load import input_kind

    for path in (draft, gold):
        if input_kind(Path(path))[0] != "dataset":
            raise DatasetError("evaluate compares two datasets (YAML files or folders), not a graph or an export",
                               str(path))
    return evaluate(load_dataset(draft), load_dataset(gold))
