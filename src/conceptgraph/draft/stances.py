"""Who agrees with or disputes whom: "I agree with Mary", "Like Jim, ...", "+1",
"To contradict Luke, ...", "I disagree" (with the author of the message replied to).

>>> [(s.kind, s.target) for s in stances("Like Jim, I think focus matters.", {"jim": "jim-benson"})]
[('agrees_with', 'jim-benson')]
>>> [(s.kind, s.target) for s in stances("I disagree.", {}, replied_author="ann")]
[('disputes', 'ann')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..kinds import AGREES_WITH, DISPUTES
from ..names import normalise

__all__ = ["Stance", "stances", "name_index"]

_WHO = r"(?P<who>(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s*)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)"
_PATTERNS = [
    (AGREES_WITH, re.compile(rf"\b(?:I|we)\s+(?:\w+\s+){{0,2}}agree[sd]?\s+(?:\w+\s+){{0,2}}with\s+{_WHO}")),
    (AGREES_WITH, re.compile(r"^\s*(?:I|we)\s+(?:\w+\s+){0,2}agree[sd]?\b(?!\s+(?:not|to|on|that|about)\b)"
                               r"[^.]{0,40}[.!]?\s*$")),
    (AGREES_WITH, re.compile(rf"^\s*(?:Like|As|With)\s+{_WHO}\s*(?:,|said|says|wrote)")),
    (AGREES_WITH, re.compile(rf"\b(?:I|we)\s+(?:second|back|support|echo)\s+{_WHO}")),
    (AGREES_WITH, re.compile(r"^\s*(?:\+1|exactly|well said|this|agreed|same here)\s*[.!]*\s*$", re.I)),
    (DISPUTES, re.compile(rf"\b[Tt]o\s+(?:contradict|disagree\s+with|challenge|correct)\s+{_WHO}")),
    (DISPUTES, re.compile(rf"\b(?:I|we)\s+(?:\w+\s+){{0,2}}disagree[sd]?\b(?:\s+with\s+{_WHO})?")),
    (DISPUTES, re.compile(rf"\b(?:[Cc]ontrary to|[Uu]nlike)\s+{_WHO}\s*,")),
]


@dataclass
class Stance:
    kind: str
    target: str
    start: int
    end: int


def name_index(contributors: list[tuple[str, str]]) -> dict[str, str]:
    """Each way a text may call a contributor (the whole name, a first or last name of
    three letters or more, "Mr.Arthur") -> their id; names shared by two people dropped."""
    index: dict[str, str] = {}
    shared: set[str] = set()
    for ident, name in contributors:
        words = [w for w in re.split(r"[\s.]+", name) if w]
        for key in {normalise(name), *(normalise(w) for w in words if len(w) >= 3)}:
            if key in index and index[key] != ident:
                shared.add(key)
            index[key] = ident
    return {k: v for k, v in index.items() if k not in shared}


def stances(text: str, names: dict[str, str], replied_author: str = "", base: int = 0) -> list[Stance]:
    """The agreements and disputes one sentence states, with their characters."""
    out = []
    for kind, pattern in _PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        who = m.groupdict().get("who")
        target = ""
        if who:
            bare = re.sub(r"^(?:Mr|Mrs|Ms|Dr|Prof)\.?\s*", "", who)
            for candidate in (bare, bare.split()[-1], bare.split()[0]):
                target = names.get(normalise(candidate), "")
                if target:
                    break
        elif replied_author:
            target = replied_author
        if target:
            out.append(Stance(kind, target, base, base + len(text)))
            break
    return out
