"""How likely a curator is to accept a drafted item: the share of items drafted by the
same rule that matched the hand-made gold of the development threads (bench/gold/dev
and the bundled discussion; ``python bench/drafting.py --rules`` measures them again).
The held-out threads check the figures: bench/RESULTS-drafting.md has the calibration
table (items drafted at 0.8 or more should match at least 80% of the time).

>>> of("claim", "definition line") > of("claim", "inner")
True
"""

from __future__ import annotations

__all__ = ["of", "term_confidence", "RULES", "why", "what"]

#: (what, rule) -> (items that matched the gold, items drafted) on the 23 development
#: threads and the bundled one, 2026-12-08 (`python bench/drafting.py --rules`)
_MEASURED: dict[tuple[str, str], tuple[int, int]] = {
    ("claim", "list"): (43, 56),
    ("claim", "definition line"): (16, 16),
    ("claim", "comparative"): (3, 4),
    ("claim", "as verb"): (6, 15),
    ("claim", "subject"): (82, 143),
    ("claim", "asked"): (0, 1),  # "So X is Y?": a statement asked back
    ("claim", "pronoun"): (12, 37),
    ("claim", "verdict"): (19, 34),  # "I like X", "+1 on X", "I vote for X"
    ("claim", "put forward"): (7, 9),  # "let's call it X", "how about X?", "+ X" in a thread asking for a name
    ("claim", "named"): (53, 263),  # the broad rule (conceptgraph.draft.named)
    ("claim", "shared"): (6, 20),  # "X and Y are ...", the claim copied to Y
    ("opposes", "contrast"): (5, 8),
    ("opposes", "comparative"): (1, 2),
    ("opposes", "alike sentences"): (2, 3),
    ("relation", "plus"): (1, 1),
    ("relation", "similar_to"): (6, 18),
    ("relation", "renamed"): (5, 10),  # "rename X to Y", "rename them to Y"
    ("relation", "proposed"): (8, 9),  # "I like X" in a thread asking for a new name
    ("relation", "gloss"): (1, 1),  # "headers (header fields)"
    ("relation", "comparative"): (1, 2),  # "X is more A than Y": X contrasts with Y
    ("relation", "contrast"): (2, 8),  # "X is A, whereas Y is B": X contrasts with Y
    ("relation", "includes"): (1, 2),
    ("relation", "kind of"): (0, 0),  # "X is a Y where ...": Y includes X (none on the development threads)
    ("relation", "sense"): (4, 10),  # "remote (noun)", and "informal conjecture" beside "conjecture"
    ("relation", "same meaning"): (8, 8),  # "X and Y are synonymous"
    ("relation", "other meaning"): (1, 2),  # "X means something completely different" from Y
    ("relation", "contrasts_with"): (7, 10),
    ("relation", "overlaps_with"): (0, 0),  # "X and Y overlap" (none on the development threads)
    ("stance", "named"): (8, 8),
    ("stance", "answer"): (37, 51),
    ("stance", "chained"): (3, 4),
    ("stance", "endorsed"): (7, 8),  # "I vote for X": with whoever first put X forward
    ("stance", "granted but"): (4, 6),
    ("stance", "I don't think"): (3, 6),
    ("stance", "still"): (2, 2),  # "I still think X", "C'mon, ..."
    ("stance", "addressed"): (3, 3),
    ("stance", "implicit"): (12, 20),
    ("stance", "implicit dispute"): (1, 2),
    ("stance", "leaning"): (40, 103),  # a reply's guessed stance, by the words it leans with
    ("stance", "both sides"): (8, 16),  # "I agree that X, but Y": the other side, across the turn
}


#: (what, rule) -> what the rule reads, in a reviewer's words: why an item was drafted
WORDS: dict[tuple[str, str], str] = {
    ("claim", "list"): "an item of a list that says what the term is or has",
    ("claim", "definition line"): "a line that defines the term, 'X: what it is'",
    ("claim", "comparative"): "a comparison, 'X is more A than Y'",
    ("claim", "as verb"): "the term used as a verb, 'to X is to ...'",
    ("claim", "subject"): "a sentence whose subject is the term, 'X is ...', 'X has ...'",
    ("claim", "asked"): "a statement asked back, 'So X is Y?'",
    ("claim", "pronoun"): "'it' or 'that' standing for the term named just before",
    ("claim", "verdict"): "a verdict on a name, 'I like X', '+1 on X', 'I vote for X'",
    ("claim", "put forward"): "a name put forward, 'let's call it X', 'how about X?'",
    ("claim", "named"): "a sentence that names the term, read broadly (the least sure rule)",
    ("claim", "shared"): "'X and Y are ...': what is said of both, given to each",
    ("opposes", "contrast"): "two attributes set against each other, 'X is A, whereas Y is B'",
    ("opposes", "comparative"): "a comparison, 'X is more A than Y'",
    ("opposes", "alike sentences"): "two sentences alike but for what they say of two terms",
    ("relation", "plus"): "'X is Y plus ...'",
    ("relation", "similar_to"): "'X is like Y', 'X is the same as Y', 'X is just another word for Y'",
    ("relation", "renamed"): "a rename, 'rename X to Y'",
    ("relation", "proposed"): "a new name favoured in a thread asking for one",
    ("relation", "gloss"): "another name given in brackets, 'X (Y)'",
    ("relation", "comparative"): "a comparison, 'X is more A than Y'",
    ("relation", "contrast"): "'X is A, whereas Y is B'",
    ("relation", "includes"): "'X includes Y', 'X is one way to do Y'",
    ("relation", "kind of"): "'X is a Y where ...'",
    ("relation", "sense"): "a sense of a word set apart, 'X (noun)'",
    ("relation", "same meaning"): "'X and Y are synonymous', 'the same thing'",
    ("relation", "other meaning"): "'X means something completely different'",
    ("relation", "contrasts_with"): "'X and Y are different', 'X, not Y'",
    ("relation", "overlaps_with"): "'X and Y overlap', 'X overlaps with Y'",
    ("stance", "named"): "a stance that names whom it is towards, 'I agree with Ann'",
    ("stance", "answer"): "a stance in so many words, 'Agreed.', 'No, ...', towards the message it answers",
    ("stance", "chained"): "'+1' to one who agreed with another: with that other too",
    ("stance", "endorsed"): "'I vote for X': with whoever first put X forward",
    ("stance", "granted but"): "'Granted, ..., but ...'",
    ("stance", "I don't think"): "'I don't think so', 'I don't think X'",
    ("stance", "still"): "'I still think X'",
    ("stance", "addressed"): "a stance said to someone by name, 'That's wrong, Matt'",
    ("stance", "implicit"): "an approval said and nothing else, 'Makes sense.', 'Fair enough.', 'Yes.'",
    ("stance", "implicit dispute"): "a doubt said and nothing else, 'Not sure about that.'",
    ("stance", "leaning"): "a guess: no stance in so many words, but words that tilt one way ('but', 'not'; "
                           "'right', 'good')",
    ("stance", "both sides"): "'I agree that X, but Y': the other side, across the turn",
}


def what(kind: str) -> str:
    """The kind of item a rule's record is kept for: "claim", "stance" (an agreement or
    dispute), "opposes", or "relation" (between terms).

    >>> what("claim"), what("disputes"), what("includes")
    ('claim', 'stance', 'relation')
    """
    from ..kinds import CLAIM, OPPOSES, STANCES

    return kind if kind in (CLAIM, OPPOSES) else "stance" if kind in STANCES else "relation"


def why(what: str, rule: str) -> str:
    """Why an item of kind ``what`` ("claim", "opposes", "relation", "stance") was
    drafted by ``rule``, and that rule's record on the development threads: what a
    reviewer is told beside its confidence.

    >>> why("claim", "subject")
    "a sentence whose subject is the term, 'X is ...', 'X has ...' (82 of 143 items of this rule matched the gold)"
    >>> why("stance", "no such rule")
    'no such rule'
    """
    words = WORDS.get((what, rule), rule)
    if (what, rule) not in _MEASURED:
        return words
    matched, drafted = _MEASURED[(what, rule)]
    return f"{words} ({matched} of {drafted} items of this rule matched the gold)"


def _share(matched: int, drafted: int) -> float:
    """The share matched, with a prior of one hit in three: a rule that drafted few items
    (or none) on the development threads stays near 0.33."""
    return round((matched + 1) / (drafted + 3), 2)


#: (what, rule) -> share matched on the development threads
RULES: dict[tuple[str, str], float] = {key: _share(*counts) for key, counts in _MEASURED.items()}


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


#: (lowest score, share of the terms scored so that were the gold's on the development
#: threads: 26 of 27 from 25 up, 94 of 141 from 5 to 25, 56 of 123 below). The top band
#: starts at 25: terms scored 20 to 25 matched as often as the middle band (7 of 11).
_TERM_BINS: list[tuple[float, float]] = [(25.0, _share(26, 27)), (5.0, _share(94, 141)), (0.0, _share(56, 123))]
