"""Which words a discussion is about: its candidate terms, ranked, with the other forms
people write them in merged as aliases.

The strongest signs come from the text's own structure: the words a title or a
question sets side by side ("the difference between X and Y", "X vs Y"), the heads of
a definition list ("– X – ..."), an acronym a speaker defines ("... (KM)"), and the
compounds people make of those words ("wartime collaboration", "technologies of
cooperation"). Then come the nouns many people use often.

>>> from conceptgraph.model import Message
>>> msgs = [Message("m1", "a", "post", "What is the difference between cooperation and collaboration?"),
...         Message("m2", "b", "comment 1", "We cooperate; cooperative work is not collaborative.")]
>>> [(t.label, t.aliases) for t in find_terms(msgs, title="", max_terms=2)]
[('collaboration', ('collaborative',)), ('cooperation', ('cooperate', 'cooperative'))]
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from ..names import normalise, stem
from .text import STOP, content, lemma, parts_of_speech, quoted_spans, sentences, tokens

if TYPE_CHECKING:
    from ..model import Message

__all__ = ["Candidate", "find_terms", "key_of", "given_terms"]

_SIDES = re.compile(r"\b(?:difference|distinction|differ\w*|compar\w*|contrast)\s+(?:\w+\s+){0,2}?between\s+"
                    r"(?P<a>.+?)\s+and\s+(?P<b>[^?.,;:!]+)", re.I)
_VERSUS = re.compile(r"(?P<a>(?:[A-Z][\w-]*\s+){0,2}[\w-]+)\s+(?:v|vs|vs\.|versus)\s+(?P<b>[\w-]+(?:\s+[A-Z][\w-]*){0,2})")
_ALTERNATIVE = re.compile(r"\b(?P<a>[^\W\d_][\w-]+)\s+(?:or|versus|vs\.?)\s+(?:(?:an?|the|some)\s+)?"
                          r"(?P<b>[^\W\d_][\w-]+)\s*\?")
_SAME = re.compile(r"\b(?P<a>[^\W\d_][\w-]+)\s+(?:the same (?:thing )?as|different from|differs? from|similar to|"
                   r"distinct from)\s+(?P<b>[^\W\d_][\w-]+)", re.I)
# Adjectives that judge rather than name a kind: "good management" is management, well done.
_JUDGEMENTS = frozenset("""
good bad great poor real true false new old big small best better worse worst whole simple proper right wrong
effective successful genuine actual mere pure
""".split())
_PAIRING = frozenset({"or", "and", "vs", "versus", "nor"})
# Nouns every discussion uses about itself, never what it is about.
_DISCOURSE = frozenset("""
answer article blog case comment difference example fact idea issue matter opinion part people person point post
question reason sense subject term time topic view word
""".split())
_LIST_HEAD = re.compile(r"^[–—•*-]\s+(?P<head>[\w][\w -]{0,40}?)\s+[–—:-]\s+\S")
_ACRONYM = re.compile(r"\((?P<acr>[A-Z]{2,5})\)")
_CAPS_PHRASE = re.compile(r"(?<![.!?]\s)(?<!^)\b(?P<p>[A-Z][a-z]+(?:\s+(?:of|for|and|the)\s+[A-Z][a-z]+|\s+[A-Z][a-z]+)+)")


def key_of(words: Iterable[str]) -> tuple[str, ...]:
    """What two spellings of one term share: the stems of their words ("co-operation",
    "cooperative" and "cooperate" all give ``("cooper",)``)."""
    return tuple(_word_key(w) for w in words)


@cache
def _word_key(word: str) -> str:
    return stem(normalise(lemma(word)) or normalise(word))


@dataclass
class Candidate:
    """A term found in the text: its words' key, how it scored, and how it is written."""

    key: tuple[str, ...]
    score: float = 0.0
    forms: Counter[str] = field(default_factory=Counter)
    speakers: set[str] = field(default_factory=set)
    preferred: str = ""
    variants: Counter[str] = field(default_factory=Counter)  # other parts of speech: "cooperate"

    @property
    def label(self) -> str:
        if self.preferred:
            return self.preferred
        # The singular when the text has it: "cost", not "costs".
        ranked = sorted(self.forms.items(), key=lambda kv: (" " in kv[0] or lemma(kv[0]) != kv[0].casefold(), -kv[1], kv[0]))
        return ranked[0][0]

    @property
    def aliases(self) -> tuple[str, ...]:
        seen = {normalise(self.label)}
        out = []
        for form, _ in sorted((self.forms + self.variants).items(), key=lambda kv: (-kv[1], kv[0])):
            if normalise(form) not in seen:
                seen.add(normalise(form))
                out.append(form)
        return tuple(out[:12])


def _phrase(text: str) -> list[str]:
    """The words of a short noun phrase, leading determiners dropped; [] if too long."""
    acronym = _ACRONYM.search(text)
    if acronym:
        return [acronym.group("acr")]
    words = [w for _, _, w in tokens(text)]
    while words and words[0].casefold() in STOP:
        words = words[1:]
    while words and (words[-1].casefold() in STOP or words[-1] == "I"):
        words = words[:-1]
    if not words or len(words) > 3 or not any(content(w) for w in words):
        return []
    return words


def _surface(words: list[str]) -> str:
    text = " ".join(words)
    return text if text.isupper() or any(w[:1].isupper() for w in words[1:]) else text.casefold()


def find_terms(messages: Iterable[Message], title: str = "", max_terms: int = 40,
               names: Iterable[str] = ()) -> list[Candidate]:
    """The discussion's candidate terms, best first, at most ``max_terms``."""
    people = {normalise(w) for n in names for w in re.split(r"[\s.]+", n) if w}
    found: dict[tuple[str, ...], Candidate] = {}

    def add(words: list[str], score: float, speaker: str = "", preferred: bool = False) -> None:
        if not words or any(normalise(w) in people for w in words):
            return
        key = key_of(words)
        if not all(key) or key in (("",),):
            return
        c = found.setdefault(key, Candidate(key))
        c.score += score
        form = _surface(words)
        c.forms[form] += 1
        if speaker:
            c.speakers.add(speaker)
        if preferred and not c.preferred:
            c.preferred = form

    def asked(text: str, weight: float, speaker: str = "") -> None:
        """The two things a question sets side by side: "X or Y?", "Is X the same as Y?"."""
        for pattern in (_ALTERNATIVE, _SAME):
            for m in pattern.finditer(text):
                pair = [m.group("a"), m.group("b")]
                if all(content(w) and "NOUN" in parts_of_speech(w) for w in pair):
                    for w in pair:
                        add([w], weight, speaker, preferred=True)

    messages = list(messages)
    for _, _, text in sentences(title):
        for m in _SIDES.finditer(text):
            add(_phrase(m.group("a")), 1000, preferred=True)
            add(_phrase(m.group("b")), 1000, preferred=True)
        for m in _VERSUS.finditer(text):
            add(_phrase(m.group("a"))[-2:], 1000, preferred=True)
            add(_phrase(m.group("b"))[:2], 1000, preferred=True)
        asked(text, 1000)
    singles: Counter[tuple[str, ...]] = Counter()
    variants: defaultdict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for msg in messages:
        question_weight = 600 if msg.reply_to == "" else 150
        quoted = quoted_spans(msg.text)  # someone else's words count for them, not twice
        for at, _, text in sentences(msg.text):
            if text.rstrip().endswith("?"):
                asked(text, question_weight, msg.by)
            for m in _SIDES.finditer(text):
                weight = question_weight if text.rstrip().endswith("?") else 120
                add(_phrase(m.group("a")), weight, msg.by, preferred=True)
                add(_phrase(m.group("b")), weight, msg.by, preferred=True)
            for m in _VERSUS.finditer(text):
                add(_phrase(m.group("a"))[-2:], 200, msg.by, preferred=True)
                add(_phrase(m.group("b"))[:2], 200, msg.by, preferred=True)
            head = _LIST_HEAD.match(text)
            if head:
                add(_phrase(head.group("head")), 200, msg.by, preferred=True)
            for m in _ACRONYM.finditer(text):
                add([m.group("acr")], 80, msg.by, preferred=True)
            for m in _CAPS_PHRASE.finditer(text):
                words = m.group("p").split()
                # "Workplace" ends a concept; "Rheingold", a word no dictionary has, ends a name
                if all(w.casefold() not in STOP or w.casefold() in ("of", "for") for w in words) \
                        and "NOUN" in parts_of_speech(words[-1]):
                    add(words, 15, msg.by)
            for start, _, w in tokens(text):
                if not content(w) or normalise(w) in people or any(a <= at + start < b for a, b in quoted):
                    continue
                key = key_of([w])
                form = w.casefold() if not w.isupper() else w
                if "NOUN" in parts_of_speech(w) and lemma(w) not in _DISCOURSE:
                    singles[key] += 1
                    c = found.setdefault(key, Candidate(key))
                    c.forms[form] += 1
                    c.speakers.add(msg.by)
                else:
                    variants[key][form] += 1
    for key, n in singles.items():  # nouns many people use often: four times by three people, five by two...
        c = found[key]
        weight = n * len(c.speakers) ** 0.5
        if weight >= 6:
            c.score += weight
    for key, forms in variants.items():
        if key in found:
            found[key].variants.update(forms)
    _compounds(messages, found, people)
    ranked = sorted(found.values(), key=lambda c: (-c.score, c.label))
    return [c for c in ranked if c.score >= 2][:max_terms]


def _inflected_verb(word: str) -> bool:
    """A verb form that is not its own dictionary form ("equals", "badged", "collaborated")."""
    pos = parts_of_speech(word)
    return "VERB" in pos and lemma(word) != word.casefold() and not pos & {"ADJ"}


def _compounds(messages: list[Message], found: dict[tuple[str, ...], Candidate], people: set[str]) -> None:
    """Two-word terms made with a strong term: a noun before its noun form ("wartime
    collaboration"), a noun after its adjective form ("cooperative movement"), or a
    capitalised "X of Y" ("Technologies of Cooperation"). Only words side by side, with
    nothing but a space between them, count."""
    strong = {c.key[0] for c in found.values() if len(c.key) == 1 and c.score >= 100}
    pairs: Counter[tuple[str, ...]] = Counter()
    forms: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for msg in messages:
        for _, _, text in sentences(msg.text):
            toks = tokens(text)
            keys = [key_of([w])[0] for _, _, w in toks]
            for i in range(len(toks) - 1):
                (_, e1, a), (s2, e2, b) = toks[i], toks[i + 1]
                if text[e1:s2] != " ":
                    continue
                phrase: list[str] = []
                # "our work cooperation or collaboration?": the term set beside another, not a compound
                paired = i + 3 < len(toks) and toks[i + 2][2].casefold() in _PAIRING \
                    and keys[i + 3] in strong
                if keys[i] not in strong and keys[i + 1] in strong and content(a) and normalise(a) not in people \
                        and a.casefold() not in _JUDGEMENTS \
                        and "NOUN" in parts_of_speech(b) and parts_of_speech(a) & {"NOUN", "ADJ"} \
                        and not _inflected_verb(a) and not paired:
                    phrase = [a, b]
                elif keys[i] in strong and keys[i + 1] not in strong and content(b) and "ADJ" in parts_of_speech(a) \
                        and "NOUN" in parts_of_speech(b) and not _inflected_verb(b):
                    phrase = [a, b]
                elif b == "of" and i + 2 < len(toks) and keys[i + 2] in strong and a[:1].isupper() \
                        and toks[i + 2][2][:1].isupper() and text[e2:toks[i + 2][0]] == " ":
                    phrase = [a, b, toks[i + 2][2]]
                if phrase:
                    k = key_of(phrase)
                    pairs[k] += 1
                    forms[k][_surface(phrase)] += 1
    for k, n in pairs.items():
        c = found.setdefault(k, Candidate(k))
        c.score += 40 + 10 * n
        c.forms.update(forms[k])


def given_terms(names: Iterable[str]) -> list[Candidate]:
    """Candidates for terms the curator names (``--terms``), each its own label."""
    out = []
    for name in names:
        words = [w for _, _, w in tokens(name)]
        if words:
            out.append(Candidate(key_of(words), 1.0, Counter({name.strip(): 1}), preferred=name.strip()))
    return out
