"""Which words a discussion is about: its candidate terms, scored, with the other forms
people write them in merged as aliases.

A discussion about words marks the words it is about. The signs, strongest first:

* the thread's question: the two sides of "the difference between X and Y", "X vs Y",
  "X or Y?", "Is X the same as Y?", "use X instead of Y", "rename X to Y", "merge X
  and Y", in the title or the first message; the word whose meaning it asks ("What does
  X mean?" anywhere; "What is an X?", "Is X a Y?" in the title or the first message);
* words held up as words: in quotation marks or code marks ("the word `proposal`"),
  after "the term", "the word", "the name", "called", "renamed to", before "means";
* the heads of a glossary or definition list ("X: a branch that ...", "– X – ...");
* noun phrases the thread uses far more than English at large does (their keyness
  against wordfreq's English frequencies), by several people: "remote tracking
  branch" is rare in English and common here; "people" and "thing" are common in both.

Nested phrases are counted on their own: "tracking branch" inside "remote tracking
branch" is not one more use of "tracking branch". People's names, and nouns every
discussion uses about itself ("question", "point"), are never terms.

>>> from conceptgraph.model import Message
>>> msgs = [Message("m1", "a", "post", "What is the difference between a sonnet and a ballad?"),
...         Message("m2", "b", "comment 1", "A sonnet has fourteen lines; ballads tell a story.")]
>>> [(t.label, t.aliases) for t in find_terms(msgs, title="", max_terms=2)]
[('sonnet', ()), ('ballad', ('ballads',))]
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from ..names import normalise, stem
from .confidence import term_confidence
from .tags import NOUNISH, tag
from .text import STOP, code_like, content, lemma, parts_of_speech, quoted_spans, readable, sentences, tokens, zipf

if TYPE_CHECKING:
    from ..model import Message
    from .parallel import Counts

__all__ = ["Candidate", "find_terms", "key_of", "given_terms", "word_key", "held_apart", "held_forms",
           "stems_held_apart"]

# Within a clause: no stop, but the dots of a name from code ("Array.prototype.flat")
_INNER = r"(?:[^,;:?.]|\.(?=\w))"
_SIDES = re.compile(r"\b(?:difference|distinction|differ\w*|compar\w*|contrast)\s+(?:\w+\s+){0,2}?between\s+"
                    r"(?P<a>.+?)\s+and\s+(?P<b>(?:[^?.,;:!]|\.(?=\w))+)", re.I)
_VS = re.compile(r"\s(?:v|vs|vs\.|versus)\s")
# (a side ends at a bracket: "Stakeholder vs user (glossary)" sets "user" apart, not "user glossary")
# (and at a dash standing alone: "Fact vs opinion - what's the difference?")
_NO_DASH = r"(?![-–—]+(?:\s|$))"
_VERSUS = re.compile(rf"(?P<a>{_NO_DASH}[^\s,;:()]+(?:\s+{_NO_DASH}[^\s,;:()]+){{0,2}})\s+(?:v|vs|vs\.|versus)\s+"
                     rf"(?P<b>[^\s,;:?()]+(?:\s+{_NO_DASH}[^\s,;:?()]+){{0,2}})")
# Two phrases set side by side with a spaced slash, each up to a stop or a comma (found
# by :func:`_slashed`, a scan that reads each character once)
_SPACED_SLASH = re.compile(r"\s+/\s+")
_PHRASE_END = re.compile(r"[,;:?!()/\n]|\.(?=\s|$)")
# In a title, words joined by a bare slash too: "terminology of conjecture/proof"
_TITLE_SLASHED = re.compile(r"(?<![\w./:-])(?P<a>[^\W\d_][\w-]*)/(?P<b>[^\W\d_][\w-]*)(?![\w./-])")
_TITLE_PAIR = re.compile(r"(?P<a>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?)\s+(?:&|and)\s+"
                         r"(?P<b>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?)\s*[?.!]?")
_ALTERNATIVE = re.compile(r"(?P<a>[^\s,;:]+(?:\s+[^\s,;:]+){0,2})\s+or\s+(?:an?\s+|the\s+)?"
                          r"(?P<b>[^\s,;:?]+(?:\s+[^\s,;:?]+){0,2})\s*\?")
# A question whether its subject is one thing or another, from the start of its sentence to
# the "or": "Is a dry season X or Y?" (not "Do you prefer X or Y?", whose sides are the objects)
_ASKS_WHETHER = re.compile(r"(?:^|[.?!:]\s+)(?:is|are|was|were|isn['’]t|aren['’]t)\s+[^.?!]*$", re.I)
_SAME = re.compile(r"(?P<a>[^\s,;:]+(?:\s+[^\s,;:]+){0,2})\s+(?:(?:is|are)\s+)?(?:the same (?:thing )?as|different from|"
                   r"differs? from|similar to|distinct from|synonymous with|equivalent to|instead of|rather than|"
                   r"as opposed to)\s+(?P<b>(?:[^\s,;:?.]|\.(?=\w))+(?:\s+(?:[^\s,;:?.]|\.(?=\w))+){0,2})", re.I)
_CHANGE = re.compile(r"\b(?:rename|renaming|renamed|replace|replacing|change|changing)\s+"
                     rf"(?P<a>{_INNER}{{1,40}}?)\s+(?:to|with|and|into|from)\s+(?P<b>{_INNER}{{1,40}})", re.I)
# ... and the pairs that follow it: "renaming take to limit and drop to skip"
_MORE_CHANGES = re.compile(r"(?:,\s*|\s+)(?:and\s+)?(?P<a>[^\W\d_][\w.-]*(?:\s+[^\W\d_][\w.-]*)?)\s+(?:to|into|with)\s+"
                           r"(?P<b>[^\W\d_][\w.-]*(?:\s+[^\W\d_][\w.-]*)?)(?=\s*(?:[,.;:?!)]|\band\b|$))", re.I)
_BEFORE_MORE = re.compile(r",|\s+and\s")  # where the next pair may start


def _goes_on(words: str) -> bool:
    """Whether the words after "rename X to Y, and" begin a clause of their own ("go to
    bed", "get to work", "switch to Z") rather than one more pair ("drop to skip").

    >>> _goes_on("go"), _goes_on("get"), _goes_on("drop"), _goes_on("data.drop")
    (True, True, False, False)
    """
    first = words.split()[0].casefold()
    return first in _MOVING or _pos(first) <= {"VERB", "AUX"} and bool(_pos(first))


# Verbs of going somewhere, nouns too, that "to" follows in a clause of their own
_MOVING = frozenset("go goes move moves switch switches turn turns stick sticks come comes back talk talks "
                    "listen listens point points refer refers".split())
# What one side of "X or Y instead of Z" lists before it: "use sprocket or cog instead of gear"
_INSTEAD = re.compile(r"\s(?:instead of|rather than|as opposed to)\s", re.I)
# A word whose meaning is asked: "What does X mean?", "What is meant by X?", "the meaning of X?"
_WHAT_MEANS = re.compile(r"\bwhat\s+(?:does|do|did)\s+(?:the\s+(?:word|term)\s+)?(?P<a>[^?,;:.]{1,40}?)\s+"
                         r"(?:really\s+|actually\s+|even\s+)?mean\b|\b(?:what\s+is\s+meant\s+by|(?:meaning|definition)\s+of)"
                         r"\s+(?:an?\s+|the\s+(?:word\s+|term\s+)?)?(?P<b>[^?,;:.]{1,40}?)\s*\?|"
                         # asked of others: "Can we agree what technical debt means?", "explain what X means"
                         r"\bwhat\s+(?:the\s+(?:word\s+|term\s+)?)?(?P<c>[^?,;:.]{1,40}?)\s+(?:really\s+|actually\s+)?"
                         r"means\b", re.I)
# ... or what a thing is: "What is a monad?", "Can someone explain what a closure is?"
_WHAT_IS = re.compile(r"\bwhat(?:\s+(?:is|are)|['’]s)\s+(?!(?:(?:an?|the)\s+)?(?:meaning|definition)\b)(?:an?\s+|the\s+)?"
                      r"(?P<a>[^?,;:.]{1,40}?)\s*\?\s*$|"
                      r"\bwhat\s+(?:an?\s+|the\s+)?(?P<b>[^?,;:.]{1,40}?)\s+(?:is|are)\s*\?\s*$", re.I)
# ... or whether one thing is another: "Is a tarn a lake?", "Is a guild a kind of club, or not?"
# (after a lead-in: "Question for the workshop: is accessibility just a part of usability, or ...?")
_IS_A = re.compile(r"(?:^|:\s+)\s*(?:is|are)\s+(?:an?\s+|the\s+)?(?P<a>[^?,;:.]{1,40}?)\s+"
                   r"(?:(?:just|really|also|only|simply|merely)\s+(?:an?\s+|the\s+)?|an?\s+|the\s+)"
                   r"(?:(?:kind|type|sort|form|part|subset|case)\s+of\s+(?:an?\s+|the\s+)?)?(?P<b>[^?,;:.]{1,40}?)"
                   r"(?:,?\s+or\s+[^?]{1,40})?\s*\?\s*$", re.I)
# Words held up as words: "the term X", "the word X", "called X", "X means".
_META = re.compile(r"(?:\b(?:the|a|an|this|that)\s+(?:term|word|name|phrase|expression|noun|adjective|verb|"
                   r"notion|concept of|idea of)s?|\b(?:of|for)\s+(?:word|term)s?)\s+"
                   # not what is said of the word: "a term used throughout", "the word that ..."
                   r"(?!(?:used|given|coined|chosen|proposed|suggested|meaning|that|which|who|is|was|are|were|"
                   r"has|have|for|of|in|on|at|to|itself|here|there)\b)"
                   r"(?P<x>[\"“‘'`]?[\w][\w .'-]{0,40})", re.I)
_MEANING_VERB = re.compile(r"\b(?:means|meant|denotes|defined|refers)\b")
# Two quoted phrases side by side: "X" and "Y", "X"/"Y", "X" vs "Y"
_QUOTED_PAIR = re.compile(r"(?P<a>[\"“‘`][^\"“”‘’`\n]{1,40}[\"”’`])\s*(?:,?\s*(?:and|or|vs\.?|versus|nor)\s+|/\s*)"
                          r"(?P<b>[\"“‘`][^\"“”‘’`\n]{1,40}[\"”’`])", re.I)
# A word said to mean something, opening a clause: "Alternately means switching ..., alternatively means ..."
# Adverbs that hedge what follows ("X just means ..."): no part of the word X
_HEDGING = r"(?:just|only|really|simply|basically|actually|also|usually|generally|merely)"
# ("So conformance means ...": the opener is no word of the name)
_DEFINED = re.compile(r"(?:^(?:(?:so|well|then|now|and|but|ok|okay|yes|yeah|no|right)\b,?\s+)?|[,;:]\s+"
                      r"(?:(?:and|but|while|whereas)\s+)?|\b(?:and|but|while|whereas)\s+)[\"“‘'`]?"
                      rf"(?P<x>[^\W\d_][\w-]*(?:\s+(?!(?:{_HEDGING}|always|never|often|still|now|then|here|there|"
                      r"mostly)\b)[^\W\d_][\w-]*)?)"
                      rf"[\"”’'`]?\s+(?:{_HEDGING}\s+)?(?:means|meant|denotes|is defined as|refers to)\b", re.I)


def _defined(m: re.Match[str]) -> str:
    """The word :data:`_DEFINED` found said to mean something, without an adverb of how
    it was meant after it ("Propaganda originally meant ...": "propaganda").

    >>> _defined(_DEFINED.search("Propaganda originally meant propagation.")), \\
    ...     _defined(_DEFINED.search("Tracking branch means a local branch."))
    ('Propaganda', 'Tracking branch')
    """
    words = m.group("x").split()
    return words[0] if len(words) == 2 and _pos(words[1].casefold()) == {"ADV"} else m.group("x")


# A kind defined outright, as a dictionary does, opening its sentence: "A target is a wish
# from above", "An estimate is not a promise", "A commitment is what the team signs up for"
# (the indefinite article: a kind, not one thing of the thread's; "The problem is ..." is none)
_GENERIC = re.compile(r"(?:^|[.!?]\s+)(?:(?i:so|well|and|but|ok|okay|yes|no),?\s+an?|An?)\s+"
                      r"(?P<x>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:is|are)(?:\s+not|n['’]t)?\s+"
                      r"(?:(?:just|simply|basically|really|usually)\s+)?(?:a|an|the|when|what|where|someone|something|one|"
                      r"any)\b")


_CALLED = re.compile(r"\b(?:call(?:ed|ing|s)?|named?|renamed?|known as|term(?:ed)?|dubbed|refer(?:red)? to as)\s+"
                     r"(?:it|them|this|that|these|those|him|her)?\s*(?:to\s+|as\s+)?(?P<x>[\"“‘'`][^\"”’'`]{1,40}[\"”’'`]|"
                     r"(?!(?:it|them|this|that|a|an|the|for|by|on|in|to|out|up|upon|back|off|me|us|you)\b)[a-z][\w-]*(?:\.[A-Za-z_]\w*)*"
                     r"(?:\s+[a-z][\w-]*)?)", re.I)
_MEANS = re.compile(r"(?:what|how)\s+(?P<x>[\"“‘'`][^\"”’'`]{1,40}[\"”’'`])\s+(?:means?|meant|is)\b|"
                    r"\b(?:meaning|definition|sense|senses|use|usage)\s+of\s+(?P<y>[\"“‘'`][^\"”’'`]{1,40}[\"”’'`])", re.I)
# What a thread looks for something in place of: "an alternative to X", "a replacement for
# X", "a better name than X"
_REPLACING = re.compile(r"\b(?:alternatives?|replacements?|substitutes?)\s+(?:(?:name|word|term|phrasing|wording)s?\s+)?"
                        r"(?:to|for)\s+(?P<x>[\"“‘'`][^\"”’'`]{1,40}[\"”’'`]|[a-z][\w-]*)|"
                        r"\bbetter\s+(?:name|word|term)s?\s+than\s+(?P<y>[\"“‘'`][^\"”’'`]{1,40}[\"”’'`]|[a-z][\w-]*)",
                        re.I)
# A word judged as a word: "Manifest is much more confusing term than submission", "X is
# a better name", "X is the right word for it"
_JUDGED = re.compile(r"(?P<x>[\"“‘'`][^\"”’'`]{1,40}[\"”’'`]|[^\W\d_][\w-]*)\s+(?:is|was|seems|sounds)\s+(?:(?:a|an|the)\s+)?"
                     r"(?:(?:much|far|way|a lot|a bit|rather|quite|very|really|slightly)\s+)?"
                     r"(?:(?:more|less|most|least)\s+)?(?:[a-z]+\s+)?(?:term|word|name)\b"
                     r"(?:\s+than\s+(?P<y>[\"“‘'`][^\"”’'`]{1,40}[\"”’'`]|[^\W\d_][\w-]*))?", re.I)
_QUOTE = re.compile(r"“(?P<a>[^”\n]{1,60})”|\"(?P<b>[^\"\n]{1,60})\"|‘(?P<c>[^’\n]{1,60})’|`(?P<d>[^`\n]{1,60})`|"
                    r"(?<![\w'])'(?P<e>[^'\n]{1,60})'(?![\w'])")
# A glossary line: "remote (noun): A configuration ...", "Valid COBOL - COBOL which ...".
_GLOSSARY = re.compile(r"^\s*(?:[-*•–—]\s+)?(?P<head>[\"“]?[\w][\w .'/-]{0,40}?[\"”]?(?:\s*\((?P<sense>noun|verb|"
                       r"adjective|adj|n|v)\.?\))?)\s*(?::|\s[-–—]{1,2})\s+(?P<def>\S.{8,})$|"
                       # a Markdown table's row of two cells: "| tenant | a paying customer |"
                       # (its second cell taken whole, never given back: linear on any row)
                       r"^\s*\|\s*(?P<cell>[\w][\w .'/-]{0,40}?)\s*\|\s*(?P<said>[^|\s][^|]{7,}+)\|?\s*$", re.I | re.M)
_LIST_HEAD = re.compile(r"^[–—•*-]\s+(?P<head>[\w][\w -]{0,40}?)\s+[–—:-]\s+\S")
# A person spoken to: "Bill, ...", "Hi Stephen,", "..., Chuck." (a capitalised word set off as an address)
# ("Collaboration, to me, is ..." is no address: a bare opening name needs "I", "you" ... after it)
_VOCATIVE = re.compile(r"(?:^\s*(?:hi|hey|hello|dear|thanks|thank you)[,!]?\s+|,\s*)(?P<who>(?-i:[A-Z][a-z]{2,}))"
                       r"(?=\s*(?:,\s|[.!?]+\s*$|:\s*$))|^\s*(?P<bare>(?-i:[A-Z][a-z]{2,})),\s+(?=(?:I|you|we|thanks|"
                       r"thank|yes|no|sorry|please|good|great|that's|that is)\b)", re.I)
# Nouns every discussion uses about itself, never what it is about.
_DISCOURSE = frozenset("""
answer article blog case comment difference example fact idea issue matter opinion part people person point post
question reason sense subject thing time topic view way word term name thread discussion reply response list
lot bit kind sort type number something anything everything nothing one ones stuff guy guys folks everyone everybody
adjective noun verb phrase wording naming meaning
""".split())
# Adjectives that pick out or judge a thing rather than name a kind of it: "a certain
# branch", "good management" are branch and management.
_VAGUE = frozenset("""
certain other same such own whole plain old new good bad real usual particular specific different various several
many few main simple actual current previous next last first second proper right wrong true false great big small
best better worse worst effective successful genuine mere pure general common normal typical full
""".split())
# Words about words: "the word proposal" is the word "proposal".
_META_NOUNS = frozenset("term terms word words name names phrase phrases expression notion".split())
# "What is your point?" asks about a person's words, not a term
_OWNED = frozenset("my your his her its our their this that these those".split())
# Words that can stand inside a quoted term but not alone as one.
_FILLERS = frozenset("a an the this that of for to in on and or is are".split())


def key_of(words: Iterable[str], split: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """What two spellings of one term share: the stems of their words ("co-operation",
    "cooperative" and "cooperate" all give one key; so do "rebase", "rebasing" and
    "rebased", which no dictionary has). Words whose stem is in ``split`` (see
    :func:`held_apart`) are keyed by their dictionary form instead."""
    if not split:  # asked of every phrase of every sentence: the common case without a call per word
        return tuple(map(_word_key, words))
    return tuple(word_key(w, split) for w in words)


def word_key(word: str, split: frozenset[str] = frozenset()) -> str:
    """One word's key (see :func:`key_of`); a name from code is its own key, a number
    word its digits ("stage two" is "stage 2")."""
    key = _word_key(word)
    return f"{key}:{lemma(word).casefold()}" if split and key in split else key


_NUMBER_WORDS = {w: str(i) for i, w in enumerate("zero one two three four five six seven eight nine ten".split())}


@cache
def _word_key(word: str) -> str:
    if code_like(word):
        return word.casefold()
    if word.casefold() in _NUMBER_WORDS:
        return _NUMBER_WORDS[word.casefold()]
    key = stem(normalise(lemma(word)) or normalise(word))
    if _agent_noun(normalise(word)) and not key.endswith("er"):
        # one who does it is no act of it: "committer" is not "commit", "reviewer" not "review"
        return key + "-er"
    if _of_a_noun(normalise(lemma(word))):
        # a noun made of a noun is another thing: "contraction" is no "contract"
        return key + "-ion"
    if not parts_of_speech(word):  # a word no dictionary has: "pwned" and "pwning" are "pwn"
        key = _UNKNOWN_INFLECTION.sub("", key)
        key = _DOUBLED.sub(r"\1", key)  # "frobbed", "frobbing": "frob"
    return key[:-1] if len(key) > 4 and key.endswith("e") else key


def _of_a_noun(word: str) -> bool:
    """Whether ``word`` (lower case, its dictionary form) is a noun in "-ion" made from a
    word that is a noun itself ("contraction" from "contract"), not from a verb only
    ("cooperation", "adoption": the act of what the verb says).

    >>> [w for w in ("contraction", "cooperation", "adoption", "rebase") if _of_a_noun(w)]
    ['contraction']
    """
    return word.endswith("ion") and len(word) >= 6 and "NOUN" in parts_of_speech(word[:-3])


def _agent_noun(word: str) -> bool:
    """Whether ``word`` (lower case) is one who does what a verb says: "committer",
    "reviewers", "driver"; not "answer" or "cluster", whose "er" is of the word itself.

    >>> [w for w in ("committer", "reviewers", "driver", "answer", "cluster") if _agent_noun(w)]
    ['committer', 'reviewers', 'driver']
    """
    one = word[:-1] if word.endswith("ers") else word
    if not one.endswith("er") or len(one) < 5:
        return False
    base = one[:-2]
    return any("VERB" in parts_of_speech(b) for b in (base, base + "e", base[:-1] if base[-1] == base[-2:-1] else ""))


# the endings of a word's forms, left on a short stem by stem(), which keeps four letters
_UNKNOWN_INFLECTION = re.compile(r"(?<=^[^\W\d_]{3})(?:ed|ing|s)$")
_DOUBLED = re.compile(r"([b-df-hj-np-tv-z])\1$")


@dataclass
class Candidate:
    """A term found in the text: its words' key, how it scored, and how it is written."""

    key: tuple[str, ...]
    score: float = 0.0
    forms: Counter[str] = field(default_factory=Counter)
    speakers: set[str] = field(default_factory=set)
    messages: set[str] = field(default_factory=set)
    preferred: str = ""
    count: int = 0  # uses as a noun phrase of its own (not inside a longer candidate)
    marked: float = 0.0  # signs that the thread holds it up as a word (question, quotes, glossary)
    confidence: float = 0.0
    variants: Counter[str] = field(default_factory=Counter)  # its other parts of speech: "cooperate"

    @property
    def label(self) -> str:
        # The singular when the text has it: "ballad", not "ballads"; a question's own form
        # ("Tags vs categories") otherwise
        ranked = sorted(self.forms.items(), key=lambda kv: (_plural(kv[0]), -kv[1], kv[0]))
        if self.preferred and not (_plural(self.preferred) and ranked and not _plural(ranked[0][0])):
            return self.preferred
        return ranked[0][0] if ranked else " ".join(self.key)

    @property
    def aliases(self) -> tuple[str, ...]:
        # Spellings apart by case only are one; "straw person" is another way to find "strawperson".
        seen = {self.label.casefold()}
        out = []
        for form, _ in sorted((self.forms + self.variants).items(), key=lambda kv: (-kv[1], kv[0])):
            if form.casefold() not in seen:
                seen.add(form.casefold())
                out.append(form)
        # "stage 2" is found as "stage two" too (and the other way round), written so or not
        other = _numbers_spelled_other_way(self.label)
        if other and other.casefold() not in seen and len(out) < 12:
            out.append(other)
        return tuple(out[:12])


_DIGITS = {v: k for k, v in _NUMBER_WORDS.items()}


def _numbers_spelled_other_way(label: str) -> str:
    """``label`` with its one number from zero to ten written the other way ("stage 2":
    "stage two"), or "" when it has none (or several).

    >>> _numbers_spelled_other_way("stage 2"), _numbers_spelled_other_way("Stage Four"), _numbers_spelled_other_way("x")
    ('stage two', 'Stage 4', '')
    """
    words = label.split()
    at = [i for i, w in enumerate(words) if w.casefold() in _NUMBER_WORDS or w in _DIGITS]
    if len(at) != 1 or len(words) < 2:
        return ""
    w = words[at[0]]
    words[at[0]] = _DIGITS[w] if w in _DIGITS else _NUMBER_WORDS[w.casefold()]
    return " ".join(words)


def _plural(form: str) -> bool:
    """Whether ``form`` ends in a plural ("ballads", "criteria"), not another inflection:
    "mentoring" is the act, whose name a title gives, not the plural of "mentor"."""
    last = form.split()[-1] if form.split() else form
    return lemma(last) != last.casefold() and not code_like(last) and not last.casefold().endswith("ing")


def _surface(words: list[str]) -> str:
    text = " ".join(words)
    # a name from code, or a word capitalised inside ("JavaScript", "ConstructiveComments"), is as written
    if text.isupper() or any(code_like(w) or (w[1:] != w[1:].lower() and not w.isupper()) for w in words):
        return text
    return text if any(w[:1].isupper() and w[1:].islower() and i > 0 for i, w in enumerate(words)) \
        and not all(w[:1].isupper() for w in words) else text.casefold()


def _quoted_words(text: str) -> list[str]:
    """The words of a phrase in quotation marks, as quoted ("pop out" keeps its "out"),
    but for a leading article; [] when it is no term. A common verb held up alone is
    one ("two methods, `take` and `drop`")."""
    words = [w for _, _, w in tokens(text)]
    if words and words[0].casefold() in ("a", "an", "the"):
        words = words[1:]
    if not words or len(words) > 4 or not any(content(w) or code_like(w) for w in words) \
            and not (len(words) == 1 and _lexical(words[0])) or any(_CONTRACTION.search(w) for w in words) \
            or len(words) > 1 and any(w.casefold() in _AUXILIARY for w in words[1:]) \
            or len(words) > 1 and words[0].casefold() in _SUBJECTS:
        return []  # '"Foo is in denylist"', '"we commit to June"' quote a sentence, not a term
    return words


# A subject that opens a clause: a quoted phrase that starts with one is said, not named
_SUBJECTS = frozenset("i we you they he she it".split())
# Verbs that only help another verb: never a term, even held up.
# (not "done", nor "doing": no auxiliary ever takes those forms, and "done" is a word teams define)
_AUXILIARY = frozenset("am are be been being can could did do does had has have having is may might "
                       "must shall should was were will would".split())


def _lexical(word: str) -> bool:
    """A common word that names an action or a thing ("take", "own", "use"), as opposed
    to a function word ("the", "it", "have"): a term when the thread holds it up."""
    w = word.casefold()
    return len(w) > 2 and w not in _AUXILIARY and "VERB" in _pos(w)


_CONTRACTION = re.compile(r"['’](?:s|m|re|ve|ll|d|t)$|n['’]t$", re.I)


def _named(text: str) -> list[str]:
    """The words of a name written quoted ('"cure"') or bare ("cure")."""
    quote = _QUOTE.match(text)
    return _quoted_words(next(g for g in quote.groups() if g is not None)) if quote else _phrase_words(text)


_SETS_APART = frozenset({"vs", "versus"})


def _phrase_words(text: str) -> list[str]:
    """The words of a short phrase held up as a term, leading and trailing function words
    dropped; [] when it is no term (too long, no content word, a clause)."""
    words = [w for _, _, w in tokens(text)]
    if len(words) == 1 and _lexical(words[0]):
        return words
    while words and words[0].casefold() in STOP and words[0].casefold() not in ("no", "non"):
        words = words[1:]
    while words and words[-1].casefold() in STOP:
        words = words[:-1]
    if not words or len(words) > 4 or not any(content(w) or code_like(w) for w in words) \
            or any(_CONTRACTION.search(w) for w in words) or any(w.casefold() in _SETS_APART for w in words):
        return []  # (nor is "affect vs effect" one term: it is two, set apart)
    return words


def _side(text: str, first: bool, limit: int) -> list[str]:
    """One side of a question: the words nearest the "or", "vs" or "and" that joins the
    two, up to ``limit`` of them and no further than another "or", "and" or comma."""
    # ("thread. Cooperation or ...": a side never reaches back across a sentence's end)
    parts = re.split(r"\s+(?:or|and|but|vs\.?|versus)\s+|\s+&\s+|,\s*|(?<=\w[.?!])\s+", text.strip())
    part = parts[-1] if first else parts[0]
    quoted = _QUOTE.fullmatch(part.strip())
    if quoted:
        return _quoted_words(next(g for g in quoted.groups() if g is not None))
    words = [w for _, _, w in tokens(part)]
    words = words[-limit:] if first else words[:limit]
    while first and len(words) > 1 and _asking_verb(words[0]):
        words = words[1:]  # "Do you prefer rebase or merge?": the side is "rebase"
    if not first:  # "between weather and climate in year seven": the side is "climate"
        words = words[:next((i for i, w in enumerate(words) if i and w.casefold() in _AFTER_SIDE), len(words))]
    return _phrase_words(" ".join(words))


def _listed_before(first: str, limit: int, before: str = "") -> list[list[str]]:
    """The sides a question lists before its last two: "Mentoring vs coaching vs
    sponsoring" and "between mentoring, coaching and sponsoring" set three apart. ``first``
    is the first side's text (its last part is the side :func:`_side` takes), ``before``
    what comes before it, where a list may begin ("mentoring, coaching or sponsoring?").
    Each is a word or two of content, as a list's items are ("Well, yes, X or Y?" lists none).

    >>> _listed_before("Mentoring vs coaching", 2), _listed_before("coaching", 2, "Mentoring, ")
    ([['Mentoring']], [['Mentoring']])
    >>> _listed_before("coaching", 2, "Well, yes, ")
    []
    """
    parts = re.split(r"\s+(?:vs\.?|v\.?|versus)\s+|\s*,\s*(?:and\s+|or\s+)?", first.strip())[:-1]
    tail = re.split(r"[.?!:;]\s+", before)[-1].rstrip() if before and not parts else ""
    if tail.endswith(","):  # a list ends just before the first side: its items, read back from there
        for piece in reversed(tail[:-1].rsplit(",", _MOST_SIDES)[-_MOST_SIDES:]):
            words = piece.split()
            if not words or not all(_LISTED_WORD.fullmatch(w) for w in words[-2:]):
                break
            parts.append(" ".join(words[-2:]))
            if len(words) > 2:
                break  # the list's first item, after other words ("Do you prefer mentoring, ...")
        parts.reverse()
    out = []
    for part in parts[-_MOST_SIDES:]:
        words = _side(part, True, limit)
        if words and all(content(w) or code_like(w) for w in words):
            out.append(words)
    return out


_LISTED_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _listed_with(before: str, limit: int) -> list[list[str]]:
    """The other items of a list that ends ``before`` (its last item, a side already
    taken): "use sprocket or cog" lists "sprocket" beside "cog"; "a chain, a belt or a
    gear" lists "chain" and "belt". Each a word or two of content, read back from the
    last until a piece is more than that.

    >>> _listed_with("Should we use sprocket or cog", 2), _listed_with("We use a chain, a belt or cog", 2)
    ([['sprocket']], [['chain'], ['belt']])
    >>> _listed_with("I think we could say cog", 2)
    []
    """
    clause = re.split(r"[.?!:;]\s+", before)[-1]
    pieces = re.split(r"\s*,\s*(?:or\s+|and\s+)?|\s+(?:or|and)\s+", clause.strip())[:-1]
    out: list[list[str]] = []
    for piece in reversed(pieces[-_MOST_SIDES:]):
        words = [w for _, _, w in tokens(piece)]
        while words and words[0].casefold() in _ARTICLE_WORDS:
            words = words[1:]
        side = words[-limit:]
        while len(side) > 1 and (_asking_verb(side[0]) or side[0].casefold() in _ARTICLE_WORDS | _CHOOSING):
            side = side[1:]
        if not side or not all(content(w) or code_like(w) for w in side):
            break
        out.append(_phrase_words(" ".join(side)))
        if len(words) > len(side):
            break  # the list's first item, after other words ("use sprocket")
    return [w for w in reversed(out) if w]


_ARTICLE_WORDS = frozenset(("a", "an", "the"))
# Verbs that choose a word, before the first item ("use X or Y"), nouns too, so no asking verb
_CHOOSING = frozenset("use say call write prefer choose pick keep adopt suggest propose".split())
# A question sets a handful of sides apart: a longer list is no question's
_MOST_SIDES = 6


# Prepositions that end the second side of a question, where "of" may join a name ("point of view")
_AFTER_SIDE = frozenset("in on at for to from during since with within by into over under when where".split())


# Participles that name, where the others read as adjectives ("signed commit", "tracking branch")
_NAMING = frozenset({"called", "named", "renamed", "termed", "dubbed", "labelled", "labeled"})


def _asking_verb(word: str) -> bool:
    """Whether ``word``, before one side of a question, is the verb that asks it ("prefer",
    "write", "called") rather than a word of the side."""
    w = word.casefold()
    if w in _NAMING:
        return True
    pos = _pos(w)
    return bool(pos) and pos <= {"VERB", "AUX"} and not w.endswith(("ing", "ed"))


# Pronouns that stand for anyone or anything: "nobody remembers an archetype" is not about a term
_INDEFINITE = frozenset("nobody somebody anybody everybody someone anyone everyone nothing anything everything".split())


class _Finder:
    """Counts and signs for every candidate phrase of a thread."""

    def __init__(self, people: set[str], split: frozenset[str] = frozenset(), whole: frozenset[str] = frozenset()) -> None:
        self.people = people
        self.whole = whole  # contributors' whole names: a login ("kattie", "bob_") in any case is no term
        self.split = split
        self.found: dict[tuple[str, ...], Candidate] = {}
        self.total_words = 0
        self.lowercase: set[str] = set()  # words the thread writes in lower case somewhere
        self.subjects: Counter[tuple[str, ...]] = Counter()  # phrases that open a statement about them
        self.variants: defaultdict[str, Counter[str]] = defaultdict(Counter)  # word key -> its forms
        self.called: set[str] = set()  # names people are called by ("Bill, ...", "Thanks, Chuck")
        self.used: dict[tuple[str, ...], tuple[Candidate | None, str, bool]] = {}

    def get(self, words: list[str], held: bool = False) -> Candidate | None:
        if not words or any(normalise(w) in self.people for w in words if w[:1].isupper()) \
                or normalise(" ".join(words)) in self.whole:
            return None
        if len(words) == 1 and (words[0].casefold() in STOP or words[0].casefold() in _INDEFINITE) \
                and not (held and _lexical(words[0])):
            return None
        if len(words) > 1 and words[0].casefold() in _NAMING:
            return None  # "called Objective": the name, not the naming
        key = key_of(words, self.split)
        if not all(key):
            return None
        c = self.found.get(key)
        if c is None:
            c = self.found[key] = Candidate(key)
        return c

    def mark(self, words: list[str], weight: float, speaker: str = "", message: str = "",
             preferred: bool = False) -> None:
        """A sign that ``words`` are held up as a term."""
        c = self.get(words, held=True)
        if c is None:
            return
        c.marked += weight
        c.forms[_surface(words)] += 1
        if speaker:
            c.speakers.add(speaker)
        if message:
            c.messages.add(message)
        if preferred and not c.preferred:
            c.preferred = _surface(words)

    def use(self, words: list[str], speaker: str, message: str, times: int = 1) -> None:
        # A thread names its terms over and over: each phrase is looked up once
        known = self.used.get(phrase := tuple(words))
        if known is None:
            known = self.used[phrase] = (self.get(words), _surface(words), len(words) == 1 and code_like(words[0]))
        c, surface, code = known
        if c is None:
            return
        if code:
            c.marked += 1.0 * times  # a name from code ("takeWhile", "--track") is a name people chose
        c.count += times
        c.forms[surface] += times
        c.speakers.add(speaker)
        c.messages.add(message)


_STATEMENT = re.compile(r"\s*(?:,\s*)?(?:\)\s*)?(?:(?:is|are|was|were|means?|meant|has|have|implies|requires|"
                        r"needs|refers|seems|sounds|feels|looks|should|would|could|can|must|may|might|will|does|"
                        r"doesn't|isn't|aren't|stands)\b|:)", re.I)
_ACRONYM = re.compile(r"\((?P<acr>[A-Z]{2,6})\)")
# A phrase after these is the object of a preposition, not what a statement is about.
_OBJECT_OF = [[w] for w in "of for to in on with by Of For To In On With By".split()]


_APART = re.compile(r"[/,;:()]")  # between two words, a mark that ends a phrase


# A preposition and a noun that together are an adverb ("in fact", "by definition", "for example"):
# the noun starts no phrase, nor ends one (an adjective's, "in general usage", is left alone)
_IDIOMS = frozenset(tuple(p.split()) for p in (
    "in fact", "in practice", "in principle", "in theory", "in reality", "in effect", "in turn", "in addition",
    "in contrast", "in comparison", "in part", "of course", "at times", "by definition",
    "by design", "for example", "for instance", "on average", "on purpose", "on balance"))


# The verbs after which a word in -ing is itself a verb ("keep saying", "are using")
_VERB_BEFORE_ING = frozenset("keep keeps kept keeping start starts started stop stops stopped avoid avoids avoided "
                             "am is are was were be been being 're ’re 'm ’m".split())


def _noun_phrases(text: str) -> list[tuple[int, int, list[str]]]:
    """The noun phrases of a sentence, ``(start, end, words)``: runs of adjectives and
    nouns ending in a noun (or a number after a noun: "stage 0"), each with its shorter
    endings ("tracking branch" of "remote tracking branch")."""
    tagged = tag(tokens(text))
    out: list[tuple[int, int, list[str]]] = []
    run: list[tuple[int, int, str, str]] = []

    def flush() -> None:
        while run and run[-1][3] not in ("NOUN", "PROPN", "CODE", "NUM"):
            run.pop()
        while run and (run[0][3] == "NUM" or not (content(run[0][2]) or code_like(run[0][2]))):
            run.pop(0)
        if run and run[-1][3] == "NUM" and (len(run) < 2 or run[-2][3] not in ("NOUN", "PROPN")):
            run.clear()
        if run:
            part = run[-4:]
            for k in range(len(part)):  # the phrase and its endings
                if k == 0 or len(part) - k <= 3:
                    out.append((part[k][0], part[-1][1], [w for _, _, w, _ in part[k:]]))
        run.clear()

    for i, tok in enumerate(tagged):
        t, w = tok[3], tok[2]
        if i and (tagged[i - 1][2].casefold(), w.casefold()) in _IDIOMS:
            flush()  # "In fact impedance is ...": "fact" is the adverb's, no noun of a phrase
            continue
        if i and w[-3:].casefold() == "ing" and tagged[i - 1][2].casefold() in _VERB_BEFORE_ING:
            flush()  # "we keep saying law", "they are using X": the -ing word is a verb, no noun's modifier
            continue
        if t in NOUNISH and not (t == "PROPN" and i == 0 and not run) and not (t == "NUM" and not run) \
                and not _CONTRACTION.search(w) and not (run and run[-1][2][:1].islower() and w[:1].isupper()
                                                        and not w.isupper() and t == "PROPN"):
            if run and run[-1][2].casefold() in _META_NOUNS:  # "the word X": X alone
                run.clear()
            if run and ((gap := text[run[-1][1]:tok[0]]) != " " and _APART.search(gap)
                        or run[-1][2][:3].casefold() == w[:3].casefold() and _word_key(run[-1][2]) == _word_key(w)):
                flush()  # "conjecture/proof", "pop, pop up", "sprockets sprocket" are two phrases, not one
            run.append(tok)
        else:
            flush()
    flush()
    return out


def held_apart(messages: Iterable[Message], title: str = "") -> frozenset[str]:
    """The stems of words the thread holds up in two dictionary forms ("an 'alternate'
    route", "an 'alternative' route"): a thread that sets them apart speaks of two
    terms, which :func:`key_of` then keeps apart. Words no dictionary knows ("rebase",
    "rebasing") are never held apart.

    >>> sorted(held_apart([], 'Is an "alternate" the same as an "alternative"?'))
    ['altern']
    """
    return stems_held_apart(held_forms(text) for text in [title, *(msg.text for msg in messages)])


def held_forms(text: str) -> list[tuple[str, str]]:
    """The stem and dictionary form of each dictionary word ``text`` holds up on its own:
    quoted, or said to mean something (what :func:`held_apart` adds up, message by message).

    >>> held_forms('An "alternate" route.')
    [('altern', 'alternate')]
    """
    # quotes and "X means" stay within a sentence
    found = [next(g for g in m.groups() if g is not None) for m in _QUOTE.finditer(text)] \
        if any(q in text for q in "\"“'`‘") else []
    if _MEANING_VERB.search(text):
        found += [_defined(m) for _, _, line in sentences(text) for m in _DEFINED.finditer(line)]
    out = []
    for inner in found:
        words = _quoted_words(inner)
        if len(words) == 1 and not code_like(words[0]) and _pos(words[0]):
            out.append((_word_key(words[0]), lemma(words[0]).casefold()))
    return out


def stems_held_apart(forms: Iterable[list[tuple[str, str]]]) -> frozenset[str]:
    """The stems that :func:`held_forms` found in more than one dictionary form."""
    held: defaultdict[str, set[str]] = defaultdict(set)
    for found in forms:
        for key, form in found:
            held[key].add(form)
    return frozenset(k for k, forms in held.items() if len(forms) > 1)


@dataclass
class _Scan:
    """What reading some of a thread's messages found, in the order found: the marks of
    terms held up, each phrase's uses, the words written in lower case. A thread read in
    parts gives the same candidates as read at once (:func:`find_terms` adds the parts
    up in order)."""

    people: set[str]  # as _Finder's: no term is a contributor's name
    marks: list[tuple[list[str], float, str, str, bool]] = field(default_factory=list)
    uses: Counter[tuple[tuple[str, ...], str, str]] = field(default_factory=Counter)  # (phrase, speaker, message)
    subjects: Counter[tuple[str, ...]] = field(default_factory=Counter)
    called: set[str] = field(default_factory=set)
    lower: Counter[str] = field(default_factory=Counter)
    total_words: int = 0

    def mark(self, words: list[str], weight: float, speaker: str = "", message: str = "",
             preferred: bool = False) -> None:
        self.marks.append((words, weight, speaker, message, preferred))


def _scan(messages: Sequence[Message], root: str | None, people: set[str], split: frozenset[str],
          progress: Counts | None = None) -> _Scan:
    """Read ``messages`` for candidate terms; ``root``: the id of the thread's opening message."""
    f = _Scan(people)
    for msg in messages:
        if progress:
            progress.update()
        quoted = quoted_spans(msg.text)  # passages quoted from someone else count for them, not twice
        first = msg.id == root
        own = readable(msg.text)
        glossary = _glossary(own, people)
        for at, _, text in sentences(own):  # no term in "github.com/org/repo" or a diff
            if any(a <= at < b for a, b in quoted):
                continue
            if first or text.rstrip().endswith("?"):
                _question(f, text, 4.0 if first else 2.0, msg.by, msg.id, opening=first)
            elif _VS.search(text):  # "persona vs archetype", said not asked: two names set apart anywhere
                for m in _VERSUS.finditer(text):
                    for side in ("a", "b"):
                        f.mark(_side(m.group(side), side == "a", 2), 2.0, msg.by, msg.id, preferred=True)
            _held_up(f, text, msg.by, msg.id, glossary=glossary)
            if "," in text or text[-1:] in ".!?:":  # no name is set off without a comma or at the end
                f.called.update(normalise(m.group("who") or m.group("bare")) for m in _VOCATIVE.finditer(text))
            for start, stop, phrase in _noun_phrases(text):
                f.uses[(tuple(phrase), msg.by, msg.id)] += 1
                if _STATEMENT.match(text, stop) and text[max(0, start - 6):start].split()[-1:] not in _OBJECT_OF:
                    f.subjects[key_of(phrase, split)] += 1
            words = tokens(text)
            f.lower.update([w for _, _, w in words if w[:1].islower()])
            f.total_words += len(words)
    return f


def find_terms(messages: Iterable[Message], title: str = "", max_terms: int = 30,
               names: Iterable[str] = (), split: frozenset[str] = frozenset(),
               progress: Counts | None = None) -> list[Candidate]:
    """The discussion's candidate terms, best first, at most ``max_terms``, each with a
    ``confidence`` (how often terms scored so were the gold's, on the development set).
    ``split``: stems whose forms are terms of their own (:func:`held_apart`)."""
    from .parallel import in_halves

    names = list(names)
    people = {normalise(w) for n in names for w in re.split(r"[\s.]+", n) if len(w) > 1}
    f = _Finder(people, split, frozenset(normalise(n) for n in names))
    messages = list(messages)
    root = next((m.id for m in messages if not m.reply_to), messages[0].id if messages else None)
    for line in title.split("\n"):  # each of several titles read apart
        _question(f, line, _TITLE_WEIGHT, title=True, opening=True)
        _held_up(f, line, "", "", title=True)  # "Fix usage of word X": the title holds X up
    scans = in_halves(_scan, messages, root, people, split, progress=progress)
    for found in scans:  # the marks first, in the thread's order, then the uses: as one pass would
        for mark in found.marks:
            f.mark(*mark)
        f.subjects.update(found.subjects)
        f.called |= found.called
        f.total_words += found.total_words
    lower = Counter[str]()
    for found in scans:
        lower.update(found.lower)
        for (phrase, by, mid), n in found.uses.items():
            f.use(list(phrase), by, mid, n)
    for w, n in lower.items():  # each word once, not each time it is written
        f.lowercase.add(w.casefold())
        if content(w):  # other forms of a word ("cooperate" of "cooperation"), kept as aliases
            f.variants[word_key(w, f.split)][w] += n
    _merge_spellings(f)
    _score(f, title)
    ranked = sorted((c for c in f.found.values() if c.score > 0), key=lambda c: (-c.score, c.label))
    kept: list[Candidate] = []
    for c in ranked:
        if c.score < _THRESHOLD or len(kept) >= max_terms:
            break
        if len(c.key) == 1:
            c.variants = f.variants.get(c.key[0], Counter())
        kept.append(c)
    return kept


def _merge_spellings(f: _Finder) -> None:
    """One candidate for a phrase written closed, open or hyphenated ("strawperson",
    "straw person", "straw-person"; "popup", "pop-up"), or with its first word clipped
    ("tech debt"): the most used (the whole) keeps the others' uses and marks, their
    spellings as its forms."""
    groups: defaultdict[str, list[Candidate]] = defaultdict(list)
    for c in f.found.values():
        if c.forms:
            groups[re.sub(r"[\W_]", "", c.label.casefold())].append(c)
    merges: list[tuple[Candidate, list[Candidate]]] = []
    for same in groups.values():
        if len(same) < 2 or len({len(c.key) for c in same}) < 2 and len(same[0].key) > 1:
            continue  # one way of writing it, or as many words cut elsewhere ("a bc", "ab c")
        keep, *rest = sorted(same, key=lambda c: (-(c.count + c.marked), c.label))
        merges.append((keep, rest))
    # "tech debt" for "technical debt", "prod database" for "production database": a phrase
    # whose first word is the other's clipped (four letters or more), the rest the same
    tails: defaultdict[tuple[str, ...], list[Candidate]] = defaultdict(list)
    for c in f.found.values():
        if c.forms and len(c.key) > 1:
            tails[c.key[1:]].append(c)
    for same in tails.values():
        for short in same if len(same) > 1 else ():
            clipped = short.label.split()[0].casefold()
            whole = [c for c in same if len(c.label.split()[0]) > len(clipped) + 1
                     and c.label.split()[0].casefold().startswith(clipped)
                     and not _SUFFIX.fullmatch(left_off := c.label.split()[0].casefold()[len(clipped):])
                     and not _pos(left_off)]  # ("blocklist" is "block" and "list": a compound, not a clipping)
            if len(clipped) >= 4 and len(whole) == 1:
                merges.append((whole[0], [short]))
    for keep, rest in merges:
        for c in rest:
            if c.key not in f.found or keep.key not in f.found:
                continue
            keep.count += c.count
            keep.marked += c.marked
            keep.forms.update(c.forms)
            keep.speakers |= c.speakers
            keep.messages |= c.messages
            keep.preferred = keep.preferred or c.preferred
            f.subjects[keep.key] += f.subjects[c.key]
            del f.found[c.key]


# What a word made from another ends with: "formal" is no clipped "formalized", nor "logic"
# "logical" ("tech" is "technical" clipped: "nical" makes no word of it)
_SUFFIX = re.compile(r"(?:i?[sz]ed|i?[sz]es?|i?[sz]ing|i?[sz]ation|i?fication|al(?:ly)?|ical(?:ly)?|ic|ion|ions|ity|"
                     r"ness|ment|ments|er|ers|or|ors|ive|ous|ing|ed|s|es|ly|ist|ists|ism|ary|ory|ent|ant|ence|ance|"
                     r"able|ible|ful|less|ship|hood|y)")


def _question(f: _Finder | _Scan, text: str, weight: float, speaker: str = "", message: str = "",
              title: bool = False, opening: bool = False) -> None:
    """The sides a question or a title sets against each other, and the word it asks the
    meaning of; ``opening``: the title's or the first message's question."""
    for pattern in (_SIDES, _VERSUS, _ALTERNATIVE, _SAME, _CHANGE):
        for m in pattern.finditer(text):
            limit = 3 if pattern in (_SIDES, _CHANGE) else 2
            worded = {side: _side(m.group(side), side == "a", limit) for side in ("a", "b")}
            if pattern is _ALTERNATIVE and _ASKS_WHETHER.search(text, 0, m.end("a")):
                # "Is a dry season X or Y?": the subject comes first, and the sides are alike
                worded["a"] = worded["a"][-len(worded["b"]):] if worded["b"] else worded["a"]
            for side in ("a", "b"):
                if re.match(r"(?:the\s+)?(?:same|different|similar)\s", m.group(side), re.I):
                    continue  # "same job or not?": the kind the question compares in, no side of it
                f.mark(worded[side], weight, speaker, message, preferred=True)
            if pattern in (_SIDES, _VERSUS, _ALTERNATIVE):  # three sides or more: "X vs Y vs Z", "X, Y or Z?"
                for words in _listed_before(m.group("a"), limit, text[:m.start()] if pattern is not _SIDES else ""):
                    f.mark(words, weight, speaker, message, preferred=True)
            if pattern is _CHANGE:  # "renaming take to limit and drop to skip": each pair
                gap = _BEFORE_MORE.search(text, m.start("b"))
                more = _MORE_CHANGES.match(text, gap.start()) if gap else None
                while more and not _goes_on(more.group("a")):
                    for side in ("a", "b"):
                        f.mark(_phrase_words(more.group(side)), weight, speaker, message, preferred=True)
                    more = _MORE_CHANGES.match(text, more.end())
            if pattern is _SAME and _INSTEAD.match(text, m.end("a")):
                for words in _listed_with(text[:m.end("a")], limit):
                    f.mark(words, weight, speaker, message, preferred=True)
    for m in _TITLE_SLASHED.finditer(text) if title else ():
        for side in ("a", "b"):
            f.mark(_quoted_words(m.group(side)), weight, speaker, message, preferred=True)
    # a title that is two names and nothing else: "Cooperation & collaboration", "Goals and objectives"
    for part in re.split(r"(?<=[.?!])\s+", text) if title else ():
        pair = _TITLE_PAIR.fullmatch(part.strip())
        if pair is not None:
            for side in ("a", "b"):
                f.mark(_phrase_words(pair.group(side)), weight, speaker, message, preferred=True)
    # "What does X mean?" anywhere; "What is an X?", "Is X a Y?" where the thread asks its question
    for pattern in (_WHAT_MEANS, _WHAT_IS, _IS_A) if opening else (_WHAT_MEANS,):
        for m in pattern.finditer(text):
            sides = [_named(m.group(g).strip()) for g in ("a", "b", "c") if g in m.groupdict() and m.group(g)]
            if all(sides) and not any(w[0].casefold() in _OWNED or lemma(w[-1]) in _DISCOURSE for w in sides) \
                    and not (pattern is _WHAT_IS and len(sides[0]) == 1 and _pos(sides[0][0]) & {"ADJ", "ADV"}):
                # ("What is right?" asks what is true, not what a word means)
                for words in sides:
                    f.mark(words, weight, speaker, message, preferred=True)
    for a, b in _slashed(text):  # "pop out / pop up", "renaming .take / .drop": as many words a side
        right = [w for _, _, w in tokens(b)][:3]
        left = [w for _, _, w in tokens(a)][-len(right):] if right else []
        for words in (left, right):
            f.mark(_quoted_words(" ".join(words)), weight, speaker, message, preferred=True)
    for m in _QUOTE.finditer(text):
        f.mark(_quoted_words(next(g for g in m.groups() if g is not None)), weight / 2, speaker, message)


def _slashed(text: str) -> list[tuple[str, str]]:
    """The two phrases each spaced slash sets side by side, each from the stop, comma or
    bracket before it to the one after; a phrase already taken as a right side starts no
    pair of its own ("a / b / c" is a and b).

    >>> _slashed("Is it pop out / pop up? Or renaming .take / .drop.")
    [('Is it pop out', 'pop up'), (' Or renaming .take', '.drop')]
    """
    ends = [m.start() for m in _PHRASE_END.finditer(text)]
    out: list[tuple[str, str]] = []
    taken = -1  # where the last pair's right side ends
    for m in _SPACED_SLASH.finditer(text):
        if m.start() < taken:
            continue
        before, after = bisect.bisect_left(ends, m.start()), bisect.bisect_left(ends, m.end())
        start = ends[before - 1] + 1 if before else 0
        stop = ends[after] if after < len(ends) else len(text)
        a, b = text[start:m.start()], text[m.end():stop].rstrip()
        if a.strip() and b and start >= taken:
            out.append((a, b))
            taken = stop
    return out


def _glossary(text: str, people: set[str]) -> bool:
    """Whether ``text`` holds a glossary: two lines or more that each define a word or
    three (:func:`_glossary_head`): "rollback: undoing a deployment"; not "We have two
    tags: cog and sprocket", nor 'Bill - "I know"'.

    >>> _glossary("Our words:\\n- rollback: undoing a deployment\\n- hotfix: a patch shipped early", set())
    True
    >>> _glossary("We have two tags: cog and sprocket\\nOn the site: I think they are one", set())
    False
    """
    return sum(1 for line in text.split("\n") if (m := _GLOSSARY.match(line)) and _glossary_head(m, people)) >= 2


def _head_of(m: re.Match[str]) -> str:
    """The group of a glossary line's head: a table's first cell, or what a colon or dash ends."""
    return "cell" if "cell" in m.re.groupindex and m.group("cell") is not None else "head"


def _glossary_head(m: re.Match[str], people: set[str]) -> bool:
    """Whether a glossary line's head is a word or three, all of content and no one's
    name (its sense in brackets aside), and not one every discussion uses about itself (a
    table's heading, "| term | meaning |"): what a glossary defines."""
    words = re.sub(r"\s*\([^)]*\)\s*$", "", m.group(_head_of(m))).strip("\"“” ").split()
    return 0 < len(words) <= 3 and all(content(w) and normalise(w) not in people for w in words) \
        and not (len(words) == 1 and lemma(words[0].casefold()) in _DISCOURSE)


def _held_up(f: _Finder | _Scan, text: str, speaker: str, message: str, title: bool = False,
             glossary: bool = False) -> None:
    """Words the sentence holds up as words: quoted, named a term, defined, abbreviated.
    In a ``title``, what heads the sides it sets apart is a heading ("Year 10 science:
    weather vs climate"), not a word defined."""
    for m in _QUOTE.finditer(text):
        inner = next(g for g in m.groups() if g is not None)
        words = _quoted_words(inner)
        if words and len(inner.split()) <= 4 and not inner.rstrip().endswith((".", "!", "?")):
            f.mark(words, 1.5, speaker, message, preferred=False)
    for m in _GENERIC.finditer(text):  # "A target is a wish from above.": defined outright, as a dictionary does
        words = _phrase_words(m.group("x"))
        if words and not (len(words) == 1 and lemma(words[0].casefold()) in _DISCOURSE):  # ("A point is ...")
            f.mark(words, 3.0, speaker, message)
    if _MEANING_VERB.search(text):  # "X means ...": a word defined is a term, though said once
        for m in _DEFINED.finditer(text):
            f.mark(_quoted_words(_defined(m)), 3.0, speaker, message)
    # '"Emacs" and "vi"', '"flammable"/"inflammable"': a pair held up together
    for m in _QUOTED_PAIR.finditer(text) if sum(map(text.count, "\"“”‘`")) >= 4 else ():
        for side in ("a", "b"):
            f.mark(_quoted_words(m.group(side)[1:-1]), 1.5, speaker, message)
    low = text.casefold()
    for pattern, cues in _CUED:
        if not any(c in low for c in cues):  # most sentences hold no word up: skip the pattern at once
            continue
        for m in pattern.finditer(text):
            inner = next(g for g in m.groups() if g is not None)
            if pattern is _META and _says_of_it(inner):
                continue  # "what the term means?", "the term acquires a new meaning": no word held up
            if _QUOTE.match(inner):
                words = _named(inner)
            else:  # "the term remote tracking branch is ...": the noun phrase that starts there
                phrases = [p for s, _, p in _noun_phrases(inner) if s == 0]
                words = max(phrases, key=len) if phrases else _phrase_words(inner.split()[0])
            f.mark(words, 1.5, speaker, message)
    for m in _JUDGED.finditer(text) if "term" in low or "word" in low or "name" in low else ():
        # "built-in functions is a ...": the whole noun phrase that ends where the match starts
        ends = [p for _, e, p in _noun_phrases(text[: m.end("x")]) if e == m.end("x")]
        f.mark(_named(m.group("x")) if _QUOTE.match(m.group("x")) or not ends else max(ends, key=len),
               1.5, speaker, message)
        if m.group("y"):
            f.mark(_named(m.group("y")), 1.5, speaker, message)
    for m in _ACRONYM.finditer(text):
        f.mark([m.group("acr")], 1.5, speaker, message, preferred=True)
    for m in _PROPOSING.finditer(text) if any(c in low for c in _PROPOSING_CUES) else ():
        for words in _proposed_names(m.group("x")):
            f.mark(words, 3.0 if len(words) == 1 and code_like(words[0]) else 1.5, speaker, message)
    for line in (_GLOSSARY.match(text), _LIST_HEAD.match(text)):
        if line:
            head = line.group(_head_of(line)).strip("\"“” ")
            if head.casefold() in _EDITORIAL:
                continue  # "EDIT: ...", "UPDATE: ...", "NOTE: ...": a post's editorial mark, no glossary's head
            rest = line.string[line.end(_head_of(line)):]
            if _STATED_AFTER.match(rest) or rest.rstrip().endswith("?"):
                continue  # "Proposal: a category is hierarchical": a statement announced, no word defined
            if title and any(p.search(rest) for p in (_SIDES, _VERSUS, _ALTERNATIVE, _SAME, _CHANGE)):
                continue  # "Year 10 science: weather vs climate": a heading over the question
            if head.isupper() and len(re.findall(r"[A-Z]", rest)) > 3 * len(re.findall(r"[a-z]", rest)):
                continue  # "WARNING: DON'T ENTER THAT URL": shouted, a warning, not a word defined
            sense = re.search(r"\s*\((?P<s>noun|verb|adjective|adj|n|v)\.?\)\s*$", head, re.I)
            words = _phrase_words(head[: sense.start()] if sense else head)
            if sense and words:  # "remote (noun): ...": a sense of a word is a term of its own
                words = [*words, f"({sense.group('s')})"]
            if words and len(words) <= 5 and not any(w[:1].isupper() and normalise(w) in f.people for w in words):
                # a head among a glossary's is a word defined, though said once
                strong = glossary and line.re is _GLOSSARY and _glossary_head(line, f.people)
                f.mark(words, 3.0 if strong else 2.0, speaker, message, preferred=True)


# A name put forward: "I would use allowlist and denylist instead", "I prefer blocklist to
# denylist", "I like drop_segment", "I would call it data.drop", "How about NoPlusOne?",
# "Other options are passlist, safelist or ..."; what follows, to the clause's end, lists
# the names (a name from code keeps its dots)
_PROPOSING = re.compile(r"(?:\bI(?:['’]d|\s+would)?\s+(?:rather\s+|still\s+|personally\s+)?(?:use|prefer|suggest|propose|"
                        r"vote\s+for|go\s+with|recommend|like|call\s+(?:it|them|this|that))|"
                        r"\b(?:we|you)\s+(?:could|should|might|can)\s+call\s+(?:it|them|this|that)|"
                        r"\b(?:how|what)\s+about|\bwhy\s+not(?:\s+use)?|\+1\s+(?:for|to|on)|"
                        r"\b(?:options|alternatives|suggestions|candidates)\s+(?:are|include|would\s+be|could\s+be))"
                        r"\s*:?\s+(?P<x>(?:[^.;:!?()\n]|\.(?=\w)){1,80})", re.I)
_PROPOSING_CUES = ("i ", "i'", "i’", "call", "about", "why not", "+1", "options", "alternatives", "suggestions", "candidates")
# where the names put forward end: "... instead", "... to denylist", "... because", "..., which"
_PROPOSAL_END = re.compile(r"\s+(?:instead|to|over|rather|than|because|since|as|for|in|if|when|which|that|here|there|"
                           r"too|though|but)\b|,\s+(?:which|but|since|because|as)\b", re.I)
_PROPOSAL_SPLIT = re.compile(r"\s*,\s*(?:or\s+|and\s+)?|\s+(?:or|and)\s+|\s*/\s*", re.I)
# A word put forward is held up only when English rarely uses it ("allowlist", not "hammer"):
# a common word after "I prefer" is most often no name proposed
_RARE = 3.0


def _proposed_names(listed: str) -> list[list[str]]:
    """The names a proposal lists (each a term's words): quoted, from code, or words
    English rarely uses.

    >>> _proposed_names("allowlist and denylist instead")
    [['allowlist'], ['denylist']]
    >>> _proposed_names("a hammer for that")
    []
    >>> _proposed_names("table.drop_elem memory.drop_data")
    [['table.drop_elem'], ['memory.drop_data']]
    """
    end = _PROPOSAL_END.search(listed)
    out: list[list[str]] = []
    for item in _PROPOSAL_SPLIT.split(listed[: end.start()] if end else listed):
        quote = _QUOTE.match(item.strip())
        words = _named(item.strip()) if quote else _phrase_words(item)
        if len(words) > 1 and all(map(code_like, words)):
            out.extend([w] for w in words)  # "table.drop_elem memory.drop_data": names from code, each its own
        elif words and (quote or any(code_like(w) for w in words) or min(zipf(w) for w in words) < _RARE):
            out.append(words)
    return out


def _says_of_it(after: str) -> bool:
    """Whether the words after "the term" say something of it instead of naming it: a verb
    ("means", "acquires", "sounded") closing the clause or taking an object.

    >>> _says_of_it("means?"), _says_of_it("acquires a new meaning"), _says_of_it("widgets in this post")
    (True, True, False)
    """
    words = after.split()
    verb = words[0].strip("?.!,;:").casefold() if words else ""
    if not verb.endswith(("s", "ed")) or "VERB" not in _pos(verb):
        return False
    return words[0][-1:] in "?.!,;:" or len(words) == 1 or words[1].casefold() in _THEN_OBJECT


_THEN_OBJECT = frozenset("a an the to its their this that these those from into by in on for as something".split())


# The marks a writer adds to a post after the fact, which open a line like a glossary's head
# but name nothing discussed (an acronym that is also a word, "DRY: ...", is a head)
_EDITORIAL = frozenset("edit edited edit2 update updated note nb ps pps eta addendum correction disclaimer spoiler "
                       "tldr tl;dr".split())
# What follows a head that announces, not defines: a statement of its own, with a subject
# and its verb ("Proposal: a category is hierarchical"); a question after it is none either
_STATED_AFTER = re.compile(r"^[:\s–—-]*(?:(?:a|an|the|every|each|all|no|some|our|my|your)\s+)?[^\W\d_][\w-]*"
                           r"(?:\s+[^\W\d_][\w-]*)?\s+(?:is|are|was|were|means|should|must|can|will|would|has|have)\b", re.I)


# The patterns of words held up as words, each with the words one of which it needs.
_CUED = [(_META, ("term", "word", "name", "phrase", "expression", "noun", "adjective", "verb", "notion", "concept",
                  "idea")),
         (_CALLED, ("call", "name", "known as", "term", "dubbed", "refer")),
         (_MEANS, ("mean", "what", "how", "definition", "sense", "use", "usage")),
         (_REPLACING, ("alternative", "replacement", "substitute", "better"))]

# Scores below this make no term. Set on the development threads (bench/drafting.py).
_THRESHOLD = 3.0
# How much a title's question holds up its sides (the first message's weighs 4). The
# development threads score alike from 6 to 12; 12 is what a title weighed when it was
# read twice (as the thread's and its first post's).
_TITLE_WEIGHT = 12.0


def _score(f: _Finder, title: str) -> None:
    """Each candidate's score: how strongly the thread holds it up (its marks), plus how
    much more the thread uses it than English does (keyness, counting only its own uses:
    those of "tracking branch" inside "remote tracking branch" are the longer one's)
    where several people use it to say what it is."""
    raw = {k: c.count for k, c in f.found.items()}
    for key, n in raw.items():
        if len(key) > 1 and key[1:] in f.found:
            inner = f.found[key[1:]]
            inner.count = max(inner.count - n, 0)
    # (not the kind a comparison names: "same job or not?", "different things")
    # (the word before each, looked for close by: a long title is read once)
    title_keys = {key_of(p, f.split) for s, _, p in _noun_phrases(title)
                  if title[max(0, s - 20):s].split()[-1:] not in (["same"], ["different"], ["similar"])} if title else set()
    # A word that heads several held-up phrases ("branch" of "remote branch" and "local
    # branch") is their kind, not a term; its other compounds are likely kin.
    heads: Counter[str] = Counter(c.key[-1] for c in f.found.values() if len(c.key) > 1 and c.marked)
    strong = {c.key[0] for c in f.found.values() if len(c.key) == 1 and c.marked >= 8}
    # "stage 2" beside a held-up "stage 0": one of a numbered series
    numbered = {c.key[:-1] for c in f.found.values() if len(c.key) > 1 and c.key[-1].isdigit() and c.marked}
    # "data.drop" beside a held-up "memory.drop", "limitWhile" beside "takeWhile": a name
    # from code made like one the thread holds up (as many parts, one the same in the same
    # place) is one more proposal of it; "platform_get_irq" beside "platform_get_irq_optional" is not
    coded = {shape for c in f.found.values() if len(c.key) == 1 and c.marked >= 3 and code_like(c.label)
             for shape in _code_shape(c.label)}
    n_words = max(f.total_words, 1)
    for c in f.found.values():
        label = c.label
        words = label.split()
        common = zipf(label) if len(words) == 1 else min(zipf(w) for w in words)
        expected = n_words * 10 ** (common - 9) + 0.5
        keyness = c.count * math.log(c.count / expected) if c.count > expected else 0.0
        name = len(c.key) == 1 and not any(map(code_like, c.forms)) and (
            all(w[:1].isupper() and not w.isupper() for w in c.forms)
            and not (c.forms.keys() & f.lowercase) or normalise(label) in f.called)
        if name or (len(c.key) == 1 and lemma(words[0]) in _DISCOURSE):
            keyness = 0.0  # a proper name, or a word every discussion uses about itself
        if not c.marked:
            said = f.subjects[c.key]
            keyness *= min(1.0, 0.25 + 0.25 * said) * (1.0 if len(c.speakers) > 1 else 0.5)
        if len(c.key) == 1 and heads[c.key[0]] >= 2 and c.marked < 2:
            keyness *= 0.2
        score = c.marked + 0.6 * keyness
        if len(c.key) > 1 and f.subjects[c.key] >= 2 and len(c.speakers) > 1 and not name:
            # a phrase two people make the subject of what they say ("a kill switch is ..."):
            # what a short thread is about, where counting uses shows little
            score += 2.0
        first = words[0].casefold()
        kin = 1 < len(c.key) <= 3 and first not in _VAGUE and all(content(w) or code_like(w) for w in words) \
            and (heads[c.key[-1]] >= 2 or c.key[-1] in strong
                 or (c.key[0] in strong and first not in {lemma(w) for w in words[-1:]} and "ADJ" in _pos(first)
                     and "NOUN" not in _pos(first)))
        kin = kin or (len(c.key) > 1 and c.key[-1].isdigit() and c.key[:-1] in numbered) \
            or (len(c.key) == 1 and code_like(label) and not coded.isdisjoint(_code_shape(label)))
        if kin and all(_apposition(f) for f in c.forms):
            kin = False  # "the column Target": a name set beside a noun, not a kind of it
        if kin:
            score += 3.0  # kin of held-up phrases ("pulling branch"), or a kind of a strong term ("wartime X")
        if name:
            score *= 0.2
        if c.key in title_keys and not (len(c.key) == 1 and lemma(words[0]) in _DISCOURSE):
            score += 3.0  # but "a name for X" is about X, not about names
        if c.count + c.marked + kin < 2 or _said_of_the_talk(words) or (not c.count and not c.messages
                                                                         and _title_name(title, c)):
            # (the last: a proper name only the title gives, that no message takes up: "Folk — Lyon / Zaragoza")
            score = 0.0
        c.score = score
        c.confidence = term_confidence(score)


def _title_name(title: str, c: Candidate) -> bool:
    """Whether ``c`` is one word the title writes capitalised, as a name is ("Lyon"),
    and not as a name from code is ("NoMeToo", "elem.drop"), nor as a title capitalises
    its first word, or every word, when a dictionary has it ("Mentoring vs Coaching")."""
    if len(c.key) > 1 or any(map(code_like, c.forms)):
        return False
    return any(w[:1].isupper() and not w.isupper() and w.casefold() in c.forms and not _pos(w.casefold())
               for w in re.findall(r"[^\W\d_][\w'’-]*", title))


def _said_of_the_talk(words: list[str]) -> bool:
    """Whether a phrase is a word the discussion uses about itself with only a pointer or
    an adjective before it ("this question", "a relevant question"): no term, as the word
    alone is none ("naming convention", "header name" are terms).

    >>> _said_of_the_talk(["this", "question"]), _said_of_the_talk(["relevant", "question"])
    (True, True)
    >>> _said_of_the_talk(["header", "name"]), _said_of_the_talk(["question"])
    (False, False)
    """
    if len(words) < 2 or lemma(words[-1]) not in _DISCOURSE:
        return False
    return all(w.casefold() in STOP or _pos(w) == {"ADJ"} for w in words[:-1])


def _apposition(form: str) -> bool:
    """Whether a phrase as written is a common noun then a name ("column Target")."""
    words = form.split()
    return len(words) > 1 and words[0].islower() and words[-1][:1].isupper() and not words[-1].isupper()


def _code_shape(name: str) -> set[tuple[int, int, str]]:
    """How a name from code is made: (how many parts, where, which) for each of its
    parts; "table.drop_elem" is table, drop, elem, "takeWhile" take, while.

    >>> sorted(_code_shape("takeWhile"))
    [(2, 0, 'take'), (2, 1, 'while')]
    """
    parts = [p.casefold() for p in re.split(r"[._-]+|(?<=[a-z0-9])(?=[A-Z])", name) if p]
    return {(len(parts), k, part) for k, part in enumerate(parts)}


def _pos(word: str) -> frozenset[str]:
    from .text import parts_of_speech

    return parts_of_speech(word)


def given_terms(names: Iterable[str]) -> list[Candidate]:
    """Candidates for terms the curator names (``--terms``), each its own label."""
    out = []
    for name in names:
        words = [w for _, _, w in tokens(name)]
        if words:
            out.append(Candidate(key_of(words), 1.0, Counter({name.strip(): 1}), preferred=name.strip(),
                                 confidence=1.0))
    return out
