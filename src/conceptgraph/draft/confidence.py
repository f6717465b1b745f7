"""How likely a curator is to accept a drafted item: the share of items drafted by the
same rule that matched the hand-made gold of the development threads (bench/gold/dev
and the bundled discussion; ``python bench/drafting.py --rules`` measures them again).
The held-out threads check the figures: bench/RESULTS-drafting.md has the calibration
table (items drafted at 0.8 or more should match at least 80% of the time).

>>> of("claim", "definition line") > of("claim", "inner")
True
"""

from __future__ import annotations

__all__ = ["of", "term_confidence", "RULES"]

#: (what, rule) -> share matched on the development threads, with a prior of one hit
#: in three for rules that drafted few items there.
RULES: dict[tuple[str, str], float] = {
    # (matched + 1) / (drafted + 3) on the development threads, 2026-12-02
    ("claim", "list"): 0.73,  # 39 / 52
    ("claim", "definition line"): 0.6,  # 5 / 7
    ("claim", "comparative"): 0.6,  # 2 / 2
    ("claim", "as verb"): 0.58,  # 6 / 9
    ("claim", "subject"): 0.53,  # 23 / 42
    ("claim", "pronoun"): 0.36,  # 3 / 8
    ("claim", "verdict"): 0.31,  # 9 / 29 (2026-12-03, with votes: "+1 on X", "I vote for X")
    ("claim", "named"): 0.14,  # 21 / 158: the broad rule (conceptgraph.draft.named), 2026-12-03
    ("claim", "shared"): 0.16,  # 2 / 16: "X and Y are ...", the claim copied to Y (2026-12-03)
    ("opposes", "contrast"): 0.67,  # 3 / 3
    ("opposes", "comparative"): 0.5,  # 1 / 1
    ("opposes", "alike sentences"): 0.5,  # 2 / 3
    ("relation", "plus"): 0.5,  # 1 / 1
    ("relation", "similar_to"): 0.4,  # 5 / 12 (2026-12-03)
    ("relation", "renamed"): 0.63,  # 4 / 5: "rename X to Y", "rename them to Y" (2026-12-03)
    ("relation", "includes"): 0.2,  # 0 / 2 (2026-12-03)
    ("relation", "sense"): 0.45,  # 4 / 8: "remote (noun)", and "informal conjecture" beside "conjecture" (2026-12-03)
    ("relation", "same meaning"): 0.43,  # 2 / 4: "X and Y are synonymous" (2026-12-03)
    ("relation", "other meaning"): 0.4,  # 1 / 2: "X means something completely different" from Y (2026-12-03)
    ("relation", "contrasts_with"): 0.33,  # 2 / 6 (2026-12-03)
    # stances measured again after the stance rules of 2026-12-03
    ("stance", "named"): 0.78,  # 6 / 6
    ("stance", "answer"): 0.74,  # 25 / 32
    ("stance", "chained"): 0.67,  # 3 / 3
    ("stance", "granted but"): 0.5,  # 2 / 3
    ("stance", "I don't think"): 0.33,  # 1 / 3
    ("stance", "addressed"): 0.33,  # none drafted yet: the prior
    ("stance", "implicit"): 0.5,  # 1 / 1
    ("stance", "implicit dispute"): 0.33,  # none drafted yet: the prior
    ("stance", "leaning"): 0.33,  # 28 / 84: a reply's guessed stance, by the words it leans with (2026-12-03)
}


def of(what: str, rule: str) -> float:
    """The confidence of an item of kind ``what`` ("claim", "opposes", "relation",
    "stance") drafted by ``rule``."""
    return RULES.get((what, rule), 0.3)


def term_confidence(score: float) -> float:
    """A drafted term's confidence from its score (see :mod:`conceptgraph.draft.terms`)."""
    for bound, share in _TERM_BINS:
        if score >= bound:
            return share
    return _TERM_BINS[-1][1]


#: (lowest score, share of terms scored so that were the gold's on the development threads:
#: 11 / 12 from 20 up, 22 / 38 from 5 to 20, 26 / 55 below)
_TERM_BINS: list[tuple[float, float]] = [(20.0, 0.8), (5.0, 0.56), (0.0, 0.47)]
