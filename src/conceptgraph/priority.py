"""Which undecided items a reviewer is likely to accept, learned from their decisions.

Before any decision the queue is ordered by the drafter's ``confidence``. Each decision
on one item then teaches: the score of an item adds, for each of its features (its
kind, its term, its sentence, whether it denies, whether its term was accepted; the
others that :data:`FEATURES` can name are off), how much more often the reviewer
accepted than rejected items with that feature, counted with a prior of the overall
rate (a naive Bayes log-odds, shrunk towards it while the counts are small), at half
weight: the features are not independent (a claim's term and whether that term is
accepted say much the same), and at full weight the figure shown as "likely" was
overconfident (on the development threads, after 30 decisions, items it put at 0.89 were
accepted half the time; Brier score 0.223, at half weight 0.210, with the same order:
``python bench/review.py --order``). A reviewer who rejects most claims on one term sees
the queue put the rest of them later.

What the decisions teach moves an item's log-odds by half a unit at most, either way
(``CAP``): after a run of accepts alone every feature had lifted every item, a junk claim
drafted at 0.20 shown at 0.67 (trial 13). On the development threads, after 30 decisions,
Brier score 0.205 uncapped, 0.202 at 0.5 (0.200 at 0.25), the top-20 precision the same.

Not the speaker: on the development threads (``python bench/review.py --order``) it
made the learned order worse than the drafter's (top-20 precision 0.43 -> 0.40; without
it 0.45), and a bulk rejection of a speaker's guesses sank their sound claims. A bulk
decision teaches nothing: it was made on its filter, not on each item.

>>> from conceptgraph.model import Term
>>> from conceptgraph.decisions import Decisions, make_item, _Labels
>>> items = [make_item("term", Term(t, t, status="draft", confidence=c), _Labels()) for t, c in
...          (("trust", 0.9), ("thing", 0.2))]
>>> p = Prior(items, {})
>>> s = p.scores(items, {}, Decisions(None))
>>> s[items[0].key] > s[items[1].key]
True
"""

from __future__ import annotations

import math
from collections import Counter
from typing import TYPE_CHECKING, Any

from .decisions import ACCEPTED, EDITED, REJECTED, Decisions, Item
from .kinds import ATTRIBUTE, CLAIM, TERM

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["Prior"]

SHRINK = 2.0  # how many decisions' worth of the overall rate each feature starts with
FEATURES = {"term", "sentence"}  # of "speaker", "message", "words", "first", "term", "sentence"
MIN_COUNT = 1
WEIGHT = 0.5  # how much the decisions' log-odds count (see above)
CAP = 0.5  # the most the decisions move an item's log-odds, either way (see above)


class Prior:
    """The features of each item (fixed), and scores from the decisions made so far."""

    def __init__(self, items: Iterable[Item], names: dict[str, str]) -> None:
        self.features: dict[tuple[Any, ...], list[str]] = {}
        self.term_of: dict[tuple[Any, ...], str] = {}
        for it in items:
            r = it.record
            kind = it.kind if it.kind != "relation" else r.kind
            f = [f"kind:{kind}"]
            by = getattr(r, "by", "")
            if by and "speaker" in FEATURES:
                f.append(f"speaker:{by}")
            if getattr(r, "message", "") and "message" in FEATURES:
                f.append(f"message:{r.message}")
            if getattr(r, "span", None) and "sentence" in FEATURES:
                f.append(f"sentence:{r.message}:{r.span[0]}")
            label = it.fields.get(ATTRIBUTE) if it.kind in (CLAIM, ATTRIBUTE) else it.fields.get(TERM)
            if label:
                n = len(str(label).split())
                if "words" in FEATURES:
                    f.append(f"words:{kind}:{min(n, 5)}")
                if "first" in FEATURES:
                    f.append(f"first:{str(label).split()[0].casefold()}")
            if it.kind == CLAIM:
                if "term" in FEATURES:
                    f.append(f"term:{it.fields[TERM].casefold()}")
                self.term_of[it.key] = r.term
                if r.negated:
                    f.append("negated")
            self.features[it.key] = f
        self.ids = {it.record.id: it.key for it in items if it.kind in (TERM, ATTRIBUTE)}

    def scores(self, left: Iterable[Item], status: dict[tuple[Any, ...], str],
               book: Decisions) -> dict[tuple[Any, ...], float]:
        """The score of each item of ``left``: log-odds that the reviewer accepts it."""
        yes: Counter[str] = Counter()
        no: Counter[str] = Counter()
        # a decision on many items at once (a bulk one, "everything under 0.25") was made on its
        # filter, not on each item: it teaches nothing of speakers or terms (a speaker whose
        # guesses were rejected in bulk would sink with their sound claims)
        latest = book.latest()
        size = Counter(e.action for e in latest)
        taught = [e for e in latest if size[e.action] == 1 and e.key in self.features]
        for e in taught:
            if e.decision in (ACCEPTED, EDITED, REJECTED):
                (no if e.decision == REJECTED else yes).update(self._dynamic(e.key, self.features[e.key], status))
        decided = len(taught)
        rejected = sum(1 for e in taught if e.decision == REJECTED)
        rate = (decided - rejected + 1) / (decided + 2)
        prior_odds = math.log(rate / (1 - rate))
        weight = {f: WEIGHT * (math.log((yes[f] + SHRINK * rate) / (no[f] + SHRINK * (1 - rate))) - prior_odds)
                  for f in set(yes) | set(no) if yes[f] + no[f] >= MIN_COUNT}
        # taught nothing yet, the likelihood is the drafter's confidence as it is (1.00 shows
        # as 1.00); once taught, a confidence weighs at most as a certainty of 0.98 would
        edge = 0.02 if weight else 1e-9
        out = {}
        for it in left:
            c = it.record.confidence
            p = min(max(c, edge), 1 - edge) if c is not None else 0.5
            score = math.log(p / (1 - p))
            if weight:
                learned = sum(weight.get(f, 0.0) for f in self._dynamic(it.key, self.features.get(it.key, []), status))
                score += max(-CAP, min(CAP, learned))
            out[it.key] = score
        return out

    def _dynamic(self, key: tuple[Any, ...], feats: list[str], status: dict[tuple[Any, ...], str]) -> list[str]:
        """The item's features, with whether the term of a claim is accepted now."""
        term = self.term_of.get(key)
        if term is None:
            return feats
        st = status.get(self.ids.get(term, ("", "")))
        return [*feats, f"term-is:{st in (ACCEPTED, EDITED)}"]
