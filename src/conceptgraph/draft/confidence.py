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
    # (matched + 1) / (drafted + 3) on the 20 development threads and the bundled one, 2026-12-03
    ("claim", "list"): 0.74,  # 39 / 51
    ("claim", "definition line"): 0.77,  # 9 / 10
    ("claim", "comparative"): 0.71,  # 4 / 4
    ("claim", "as verb"): 0.57,  # 7 / 11
    ("claim", "subject"): 0.6,  # 51 / 84
    ("claim", "pronoun"): 0.33,  # 3 / 9
    ("claim", "verdict"): 0.29,  # 9 / 31: "I like X", "+1 on X", "I vote for X"
    ("claim", "named"): 0.19,  # 66 / 352: the broad rule (conceptgraph.draft.named)
    ("claim", "shared"): 0.22,  # 6 / 29: "X and Y are ...", the claim copied to Y
    ("opposes", "contrast"): 0.57,  # 3 / 4
    ("opposes", "comparative"): 0.4,  # 1 / 2
    ("opposes", "alike sentences"): 0.5,  # 2 / 3
    ("relation", "plus"): 0.5,  # 1 / 1
    ("relation", "similar_to"): 0.26,  # 6 / 24
    ("relation", "renamed"): 0.5,  # 5 / 9: "rename X to Y", "rename them to Y"
    ("relation", "includes"): 0.29,  # 1 / 4
    ("relation", "sense"): 0.38,  # 4 / 10: "remote (noun)", and "informal conjecture" beside "conjecture"
    ("relation", "same meaning"): 0.56,  # 8 / 13: "X and Y are synonymous"
    ("relation", "other meaning"): 0.4,  # 1 / 2: "X means something completely different" from Y
    ("relation", "contrasts_with"): 0.36,  # 4 / 11
    ("stance", "named"): 0.78,  # 6 / 6
    ("stance", "answer"): 0.66,  # 34 / 50
    ("stance", "chained"): 0.57,  # 3 / 4
    ("stance", "granted but"): 0.62,  # 4 / 5
    ("stance", "I don't think"): 0.33,  # 1 / 3
    ("stance", "addressed"): 0.6,  # 2 / 2
    ("stance", "implicit"): 0.5,  # 5 / 9
    ("stance", "implicit dispute"): 0.33,  # none drafted: the prior
    ("stance", "leaning"): 0.44,  # 56 / 126: a reply's guessed stance, by the words it leans with
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


#: (lowest score, share of terms scored so that were the gold's on the development threads,
#: as (matched + 1) / (drafted + 3): 25 / 28 from 20 up, 58 / 95 from 5 to 20, 59 / 125 below)
_TERM_BINS: list[tuple[float, float]] = [(20.0, 0.84), (5.0, 0.6), (0.0, 0.47)]
