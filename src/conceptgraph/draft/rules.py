"""What a sentence says a term is, has, needs or does, read from its structure.

Every finding keeps the characters it came from (``start``, ``end`` in the message),
so that its quote is exactly those characters. The rules are plain English syntax,
not any one discussion's sentences:

* a definition: "X is/are/means/= ...", "X is when ...", "X must be ...", "X stays ...";
* a verb: "X requires/needs/involves/implies/costs/creates ...";
* the term used as a verb: "we cooperate when ...", "I would collaborate on ...";
* a contrast: "X ..., but/whereas/while Y ..." (each side read alone, and the two
  attributes drafted as opposed);
* a comparative: "X is more A than Y" (X "more A", Y "less A", and X contrasts with Y);
* a list: "– X – a – b, c" (each item an attribute of X; "(not d)" denies d);
* negation: "X is not A", "X is never A" make the claim negated;
* relations: "A equals B plus ...", "A includes B" (A includes B), "A inside B".

>>> from conceptgraph.draft.rules import read_sentence
>>> from conceptgraph.draft.terms import key_of
>>> names = {key_of(["cooperation"])[0]: "coop", key_of(["collaboration"])[0]: "collab"}
>>> [(f.term, f.label, f.negated) for f in read_sentence(
...     "Cooperation may be passive, but collaboration is always active.", 0, names) if f.label]
[('coop', 'may be passive', False), ('collab', 'active', False)]
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from ..kinds import CLAIM, CONTRASTS_WITH, INCLUDES, OPPOSES, verb_of_one
from .text import BARE_NT, STOP, content, lemma, tokens

__all__ = ["Finding", "read_sentence", "Mention", "mentions_in", "unhedged"]

# Adverbs and hedges between a subject and its verb: "it almost sounds", "is kind of".
_ADVERBS = r"(?:(?:[a-z]+ly|almost|also|always|often|still|just|only|even|never|kind of|sort of|pretty|quite|very|much|" \
           r"rather|really|perhaps|maybe|probably|sometimes|usually|already|again|too|more or less)\s+){0,3}"
# The modal verbs: how sure a speaker is ("may be passive", "can grow slowly")
_MODALS = r"may|might|can|could|must|should|will|would|shall"
# (a contraction typed without its apostrophe too: "cant", "doesnt", "isnt")
_NT = BARE_NT
_MODAL = (rf"(?:{_MODALS}|'d|’d|'ll|’ll|cannot|(?:ca|wo|would|should|must|could)n['’]?t)(?:\s*,[^,]{{1,30}},)?\s+"
          rf"(?:(?:not|never)\s+)?{_ADVERBS}")
_ASIDE = r"(?:,\s*[^,;]{1,25}?,?\s+|\s*\([^)]{1,40}\)\s*)?"
# A modal that denies what follows: "cannot", "won't", "can not", "may never"
_MODAL_DENIES = re.compile(rf"n['’]t\b|{_NT}|\bcannot\b|\b(?:not|never)\b", re.I)
# "not", but not "not just", "not only": what follows those is granted, and more said (no denial)
_NOT = r"not(?!\s+(?i:just|only|merely|simply|solely|purely)\b)"
# what "not just" grants, after "isn't": "isn't only about the past"
_GRANTED = re.compile(r"\s*(just|only|merely|simply|solely|purely)\b", re.I)
_COPULA = re.compile(
    rf"^{_ASIDE}\s*{_ADVERBS}"
    rf"(?P<cop>(?:{_MODAL})?(?:(?:is|are|was|were)(?:n['’]?t)?|'s|’s|be|being|=|means?|equals?|stays?|remains?|"
    r"(?:does\s+not|do\s+not|doesn['’]?t|don['’]?t)\s+(?:mean|equal)|"
    rf"becomes?|feels?|seems?|looks?|sounds?)\b|!=|≠|=)\s*(?P<neg>(?:{_NOT}|never|no longer)\s+)?",
    re.I)
_VERB = re.compile(
    rf"^{_ASIDE}\s*(?P<modal>{_MODAL})?(?P<does>(?:does not|do not|doesn['’]?t|don['’]?t)\s+)?"
    r"(?P<verb>requires?|needs?|involves?|implies?|costs?|creates?|takes?|demands?|produces?"
    r"|builds?|depends on|relies on|brings?|has|have|gets?|offers?|gives?|leads? to)\b\s*(?P<neg>not\s+)?", re.I)
_DOES = re.compile(rf"^{_ASIDE}\s*(?P<modal>{_MODAL})?(?P<neg>(?:does not|do not|doesn['’]?t|don['’]?t|cannot|can['’]?t"
                   r"|never)\s+)?"
                   # "cogs only interact with cogs", "sprockets usually mesh with chains"
                   r"(?P<adv>(?:only|always|often|usually|mostly|generally|typically|also|just|really|actually|simply|"
                   r"still|sometimes|rarely|seldom)\s+)?(?P<verb>[a-z]+)\b", re.I)
# "leadership skills are rare": a noun after the term, then the clause's verb
_COMPOUND_NEXT = re.compile(r"^\s+(?:are|is|were|was|have|has|had|can|could|will|would|must|should|may|might|do|does|of)\b",
                            re.I)
_AS_VERB = re.compile(r"^\s*(?:(?:much|more|only|always|often|really|rather)\s+){0,3}"
                      r"(?:(?:with|on|about|in|to|by|when|where|if|because|so that|as|for)\b)", re.I)
_SUBJECT = re.compile(r"(?:\b(?:I|we|you|they|he|she|people|teams|groups|one|who)|\b\w+s"
                      r"|\b(?:can|could|would|will|must|should|may|might|to|use|uses|used|using|'d|’d))\s*$", re.I)
_CONTRAST = re.compile(r",?\s+(?:but|whereas|while|yet)\s+|;\s+|\s+[–—]\s+(?=\w)", re.I)
_COMPARE = re.compile(r"^\s*(?:is|are|implies|means|requires|involves|has|have)?\s*(?:a\s+|an\s+|much\s+|far\s+|a bit\s+)?"
                      r"(?P<dir>more|less)\s+(?P<what>[^,;()]+?)\s+than\s*$", re.I)
_PLUS = re.compile(r"^\s*(?:equals?|=|is)\s+(?P<rest>.*?)\s+plus\b", re.I)
_INCLUDES = re.compile(r"^\s*(?:includes?|contains?|encompasses?)\b", re.I)
# ... and the other way round: "X is part of Y", "X sits inside Y" (Y includes X)
_INSIDE = re.compile(r"^\s*(?:(?:is|are)\s+(?:(?:a|one)\s+)?parts?\s+of|sits?\s+inside|inside|belongs?\s+to)\b", re.I)
_LIST = re.compile(r"^[–—•*-]\s+")
_SPLIT_ITEMS = re.compile(r"\s+[–—]\s+|,\s+|;\s+")
# (and an arrow, "stable <=> beta": a mapping, not words of one phrase; a comment, "  # 3-5 years")
_CUT = re.compile(r"\s*(?:[,;:(]|\s(?:[–—]|--)\s|\bbut\b|\bwhereas\b|\bwhile\b|\bwhich\b|\bthat is\b|\bbecause\b|\."
                  r"|<=>|<->|[=-]+>|<[=-]+|[→←↔⇒⇔]|\s#\s)")
# the verbs a negative contraction is made of: "don't", "isn't", "can't", "won't"
_NT_VERBS = r"(?:ca|wo|do|does|did|is|are|was|were|should|would|could|must|need|has|have|had)n"
_HALF_VERB = re.compile(rf"{_NT_VERBS}[’']t|{_NT}|cannot", re.I)
# a verb's negative contraction in a clause: a verb of the clause, as "do" is
_HALF_NT = rf"{_NT_VERBS}['’]?t\b"
_LEAD = re.compile(r"^(?:(?:a|an|the|that|only|just|more(?!\s+than\b)|always|also|really|quite|somehow|simply|when|where|"
                   r"if|so|to(?!\s+be\b)|like|of|it|its|that|this|there|"
                   # (not the subject of a clause: "something is down", "someone noticed")
                   r"(?:something|someone)(?!\s+(?:is|are|was|were|has|had|can|could|will|would|should|must|may|might|"
                   r"does|did|\w+ed|\w+s)\b))\s+(?!(?:or|and|nor)\b))+",
                   re.I)  # "something or someone who ...": a filler with its other half is no filler; "to be read" keeps "to"
# a phrase that is a quotation of a few words, whole: "“good enough for now, safe enough to try”"
_QUOTED_PHRASE = re.compile(r"\s*[\"“][^\"“”\n]{3,90}?[^\s\"“”][\"”]\s*[.!?]?\s*$")
# an article and one word that is no noun, at a comma: the noun it describes comes after
_OPEN_NOUN_PHRASE = re.compile(r"\b(?i:a|an|the|this|that|some|any|every|no|its|their|our|my|your)\s+([\w-]+)$")


def _describes(word: str) -> bool:
    """Whether ``word`` is an adjective, or a participle used as one ("reasoned"), and no noun."""
    pos = _pos(word.casefold())
    return "NOUN" not in pos and ("ADJ" in pos or "VERB" in pos and word.casefold().endswith("ed"))


def _unled(text: str) -> str:
    """``text`` without the fillers that open it (:data:`_LEAD`), but for "something" or
    "someone" that an adjective describes: "something new" is no "new"."""
    lead = _LEAD.match(text)
    if lead is None:
        return text
    rest = text[lead.end():]
    last = lead.group().split()[-1].casefold()
    if last in ("something", "someone") and (word := re.match(r"[\w-]+", rest)) and "ADJ" in _pos(word.group().casefold()) \
            and "NOUN" not in _pos(word.group().casefold()):
        return f"{lead.group().split()[-1]} {rest}"
    if last in ("something", "someone") and re.match(r"(?:we|you|they|I|people|everyone)\b", rest, re.I):
        return f"{lead.group().split()[-1]} {rest}"  # "something we're sure to hit": the clause describes it
    if last == "only" and (word := re.match(r"[\w-]+", rest)) and "VERB" in _pos(word.group().casefold()):
        return f"{lead.group().split()[-1]} {rest}"  # "only interact with chains" limits what it does; "only a name" hedges
    return rest


# a relative pronoun that is the subject of its verb ("which can cause", not "which the law protects")
_SUBJECT_RELATIVE = re.compile(r"^(?:which|who|that)\s+(?=(?:is|are|was|were|can|could|will|would|may|might|must|"
                               r"should|has|have|had|does|do|did)\b)", re.I)
# "it" that stands for no term: "it might be better to ...", "it seems that ...", "it depends"
_EXPLETIVE = (r"(?!\s+(?:[\w'’]+\s+){0,3}?(?:better|best|good|important|necessary|possible|impossible|hard|easy|easier|"
              r"harder|simpler|fine|ok|okay|reasonable|useful|worth|clear|true|likely|unlikely|nice|interesting|helpful|"
              r"enough|difficult|wise|safe|confusing|unclear|odd|strange|weird)\s+(?:to|that|if|whether)\b)"
              r"(?!\s+(?:(?:seems|seemed|appears|appeared)\s+(?:that|like|as if)|depends|turns out)\b)"
              r"(?!\s+(?:is|was|'s|’s)\s+(?:(?:one|another|a|the)\s+)?(?:\w+\s+)?thing\b)")  # "it is another thing to ..."
_PRONOUN = re.compile(r"^\s*(?:it" + _EXPLETIVE + r"|this|that|which|who|they|these|those|"
                      r"(?:this|that|the|such an?)\s+(?:word|term|name|one|phrase)|"
                      r"(?:these|those|the)\s+(?:words|terms|names|ones))\b(?!\s+(?:is|are)\s+why\b)", re.I)
# What may come before a clause's subject: discourse openers, "I think (that)", an
# article, "the term", an opening quotation mark.
_OPENER = (r"(?:so|well|yeah|yes|no|ok|okay|and|but|also|now|then|actually|basically|honestly|perhaps|maybe|"
           r"probably|indeed|clearly|hm+|er|i think|i feel like|i feel|i guess|i believe|i'd say|i would say|"
           r"i suppose|i mean|it seems|in fact|to me|for me|imho|imo|in my (?:view|opinion)|of course|note that|"
           r"because|since|though|although|even though|while|whereas|as such|in short|in general|generally|"
           r"technically|strictly speaking|first|second|finally|again|"
           # hedges on what one knows, which suppose nothing: "If I understand the definitions, X is ..."
           r"as far as I (?:know|can tell|understand)|afaik|afaict|iirc|if I (?:understand|read|remember|recall)"
           r"(?:\s+(?:it|this|that|you|them|correctly|rightly|right|the\s+\w+))?|if I['’]m not mistaken|"
           r"in my experience|personally|frankly|to be honest|tbh|"
           # where what follows holds: "In our contracts a defect is ...", "At work, a team is ..."
           r"(?:in|at|for|on|within|across)\s+(?:our|my|your|their|the|this|that|these|those|most|some|many|all)\s+"
           r"(?:[\w’'-]+\s+)??[\w’'-]+(?=,|\s+(?:an?|the)\s)|at work|in practice|in everyday use)")
# "To put it briefly: X is ...", "I would add that X ...", "It is only X that ...", "this use of X"
_LEAD_IN = re.compile(rf"^[\s\W]*(?:[^:;\n]{{1,60}}:\s+)?(?:{_OPENER}\b(?:[,:]|\.{{2,}}|…)?\s*)*"
                      rf"(?:(?:I|we)(?:['’](?:d|ll))?\s+(?:[\w’']+\s+){{0,3}}?"
                      rf"(?:think|believe|feel|say|add|mean|suggest|argue|guess|suppose|reckon|would say|disagree|"
                      rf"doubt|deny|dispute|agree(?=\s+that\b))\s+|(?:that|this|it)\s+(?:does\s+not|doesn['’]t)\s+mean\s+|"
                      rf"I(?:['’]m|\s+am)\s+not\s+(?:so\s+|really\s+|entirely\s+)?(?:sure|convinced)\s+)?"
                      rf"(?:that\s+|it\s+is\s+(?:only\s+)?(?=[^.;:!?]{{1,60}}?\s(?:that|which|who)\b)|(?:this|the|that)\s+(?:usage|use|meaning|sense|"
                      rf"definition)\s+of\s+)?", re.I)
# A lead-in that denies what follows: "I don't think" (or "dont"), "we do not believe that", "I disagree that"
_HELD = r"(?:think|believe|feel|say|mean|suggest|guess|suppose|reckon|agree\s+that)\b"
_DENIED_LEAD = re.compile(rf"\b(?:(?:do|does|did)\s+not|(?:don|doesn|didn)['’]?t)\s+(?:\w+\s+)?{_HELD}|"
                          r"\b(?:disagree|doubt|deny|dispute)\s+that\b|\bnot\s+(?:\w+\s+)?(?:sure|convinced)\b", re.I)
_ARTICLE = re.compile(r"^(?:(?:the|a|an|this|that|our|my|your|their|its|any|every|each|all|most)\s+)?"
                      r"(?:(?:term|word|name|phrase|notion|expression)s?\s+(?:of\s+)?)?[\"“‘'`(]*", re.I)
_WORD_SPACE = re.compile(r"([A-Za-z][\w-]*)\s+")
_FIRST_WORD = re.compile(r"\s*([A-Za-z][\w-]*)")
_QUESTION = re.compile(r"^\s*(?:is|are|was|were|do|does|did|can|could|should|would|will|shall|what|why|how|which|who|"
                       r"where|when|isn't|aren't|doesn't|don't)\b", re.I)
# "X is Y, right?": a statement that asks to be confirmed still states; "So X is Y?" only asks.
_TAG_QUESTION = re.compile(r"[,;]\s*(?:right|no|yes|correct|true|eh|innit|(?:is|are|was|were|does|do|did|can|would|"
                           r"will)n['’]t\s+(?:it|they|he|she|that|this|there)|don['’]t\s+you\s+think|"
                           r"wouldn['’]t\s+you\s+say)\s*\?[\s\"”’')]*$", re.I)
# "I like the term X", "we don't say X", "nobody uses X", "+1 on X": a speaker's verdict on a word.
_VERDICT = re.compile(
    r"\b(?P<who>I|we|you|people|everyone|everybody|nobody|no one|most of us|folks|they)\s+"
    r"(?P<aux>(?:(?:really|also|just|still|currently|usually|often|always|actually|certainly|would|'d|’d|will|'ll|"
    r"’ll|can|could|should|do|does|did|might|may|personally|quite|much|rather|definitely|strongly|totally)\s+)*)"
    r"(?P<neg>(?:not|never|don't|don’t|do not|doesn't|doesn’t|didn't|didn’t|can't|can’t|cannot|won't|won’t|"
    r"wouldn't|wouldn’t)\s+)?(?:(?:really|also|just|ever|even|usually|actually|quite|much|rather)\s+)?"
    r"(?P<verb>like[sd]?|lov(?:e|es|ed)|prefer(?:s|red)?|us(?:e|es|ed)|say[s]?|said|call(?:s|ed)?|"
    r"understand[s]?|understood|support(?:s|ed)?|recommend(?:s|ed)?|suggest(?:s|ed)?|propos(?:e|es|ed)|"
    r"hat(?:e|es|ed)|dislike[sd]?|avoid(?:s|ed)?|hear[ds]?|want(?:s|ed)?|keep[s]?|drop(?:s|ped)?|remov(?:e|es|ed)|"
    r"renam(?:e|es|ed)|replac(?:e|es|ed)|get rid of|stick (?:to|with)|favou?r[s]?|object(?:s|ed)? to|"
    r"oppos(?:e|es|ed)|accept(?:s|ed)?|reject(?:s|ed)?|mean[st]?|think of)\s+"
    # "I like the term X"; "I like @Fran's suggestion "X"", "I like Fran's idea best re: X": someone's
    # word for it, whichever noun says so
    r"(?:(?:(?:the|a|an|this|that|these)\s+)?(?:(?:term|word|name|phrase|use|usage)s?\s+)?|"
    r"(?:your|their|his|her|@[\w.-]+(?:['’]s)?|[\w.-]+['’]s)\s+(?:[\w-]+\s+)?)"
    r"(?:(?:best|most|too)\s+)?(?:(?:re|of)\s*:?\s+)?(?:what\s+)?[\"“‘'`]*$|"
    r"(?P<vote>(?<![^\s:])\+1:?(?:\s+(?:on|for|to))?|\U0001F44D(?:\s+(?:on|for|to))?|\bvote[sd]?\s+for)\s+(?:the\s+)?"
    r"(?:(?:term|word|name)s?\s+)?[\"“‘'`]*$|"
    r"\b(?P<gerund>getting rid of|removing|dropping|renaming|replacing|keeping|using|calling it)\s+"
    r"(?:(?:the|this|that)\s+)?(?:(?:term|word|name)s?\s+)?[\"“‘'`]*$", re.I)
# What a verdict on a word is for: "we use the word X for Stage 1", "I like X over Y"; and
# what a word is used to do ("people use X to talk about ...")
_FOR = r"for|as|in|at|instead of|to mean|to describe|to refer to|over|rather than"
_VERDICT_FOR = re.compile(rf"[\"”’'`]*\s*(?P<rest>(?:{_FOR})\s+[^,;.()]{{1,60}})")
_USED_FOR = re.compile(rf"[\"”’'`]*\s*(?P<rest>(?:{_FOR}|to\s+[a-z]+)\s+[^,;.()]{{1,60}})")
# Verdicts that judge a word whether or not it is held up as one.
_JUDGING = frozenset("like love prefer hate dislike support recommend drop remove get rename replace keep stick favor "
                     "favour object oppose reject".split())
_VERDICT_LABELS = {"like": "liked", "love": "liked", "prefer": "preferred", "use": "used", "say": "said",
                   "call": "what people call it", "understand": "understood", "support": "supported",
                   "recommend": "recommended", "suggest": "suggested", "propose": "proposed", "hate": "disliked",
                   "dislike": "disliked", "avoid": "avoided", "hear": "heard in use", "want": "wanted",
                   "keep": "should be kept", "drop": "should be dropped", "remove": "should be removed",
                   "rename": "should be renamed", "replace": "should be replaced", "get": "should be dropped",
                   "stick": "should be kept", "favor": "preferred", "favour": "preferred", "object": "objected to",
                   "oppose": "opposed", "accept": "accepted", "reject": "rejected", "mean": "meant",
                   "think": "thought of as"}


@dataclass
class Finding:
    """A claim (term has or lacks an attribute) or a relation, with its characters."""

    kind: str  # "claim", "opposes" (between the attributes of two claims), or a term relation
    term: str = ""
    label: str = ""
    negated: bool = False
    start: int = 0
    end: int = 0
    other: str = ""  # the second term of a relation
    pair: tuple[int, int] | None = None  # for "opposes": the two claims' positions in the result
    rule: str = ""  # which rule found it: its confidence is that rule's precision on the development threads


Mention = tuple[int, int, str]  # start, end, term id


def mentions_in(text: str, start: int, end: int, names: dict[str, str], longest: int = 3,
                firsts: frozenset[str] | None = None, split: frozenset[str] = frozenset()) -> list[Mention]:
    """Where ``text[start:end]`` names a term: ``names`` maps a name's key (its words'
    stems, joined by spaces; ``split`` as in :func:`~conceptgraph.draft.terms.key_of`)
    to the term id; ``firsts``, when given, holds the first word of every name's key (a
    word no name starts with is passed over at once)."""
    from .terms import key_of

    toks = tokens(text, start, end)
    keys = key_of((w for _, _, w in toks), split)
    out: list[Mention] = []
    i = 0
    while i < len(toks):
        if firsts is not None and keys[i] not in firsts:
            i += 1
            continue
        for n in range(min(longest, len(toks) - i), 0, -1):
            # a name's words stand side by side: "single purpose; cooperation" is no "single purpose cooperation"
            if n > 1 and any(text[toks[k][1]:toks[k + 1][0]].strip(" -()") for k in range(i, i + n - 1)):
                continue
            term = names.get(" ".join(keys[i:i + n]))
            if term is not None and n > 1 and _VERB_AFTER_NOUN.match(toks[i + n - 1][2]) and i + n < len(toks) \
                    and _VERB_OBJECT.match(toks[i + n][2]):
                continue  # "climate changes very slowly": a noun and its verb, no "climate change"
            if term is not None:
                out.append((toks[i][0], toks[i + n - 1][1], term))
                i += n
                break
        else:
            i += 1
    return out


# A verb's third person ("changes", "leads"), which a name's last word in the plural looks
# like, and what follows a verb rather than a plural noun: an adverb or a determiner
_VERB_AFTER_NOUN = re.compile(r"\w+[^s\W]s", re.I)
_VERB_OBJECT = re.compile(r"(?:very|so|too|quite|rather|fast|often|the|a|an|our|their|its|his|her|my|your|every|\w+ly)$",
                          re.I)


# What opens a phrase without saying anything of the term: "And", "As far as I know,", "IMHO"
_HEDGE = re.compile(r"^[,;:\s]*(?:(?:and|but|so|well|yeah|yes|like|as far as i know|afaik|iirc|to be honest|tbh|imho|imo|"
                    r"in my (?:view|opinion)|i think|i guess|i believe|i mean)\b(?![-’'])[,:]?\s*)+", re.I)  # not "well-meant"
# ... or closes it: chat's asides ("about your job tbh", "a coding mistake imo")
_HEDGE_AFTER = re.compile(r"(?:[,;]?\s+(?:tbh|imo|imho|iirc|afaik|fwiw|lol|haha|though|tho))+\W*$", re.I)
_GENERIC = frozenset("thing things something one ones way kind sort stuff lot bit part".split())
# who a relative clause says more of: "anyone who is affected" is one attribute, not "anyone"
_INDEFINITE = frozenset("anyone anybody someone somebody everyone everybody anything everything people those".split())


# HTML's tags: closing ones, ones with attributes, and opening ones closed later ("<name>"
# alone is a placeholder); an @address with its possessive
_MARKUP = re.compile(r"</[A-Za-z][\w-]{0,20}\s*>|<[A-Za-z][\w-]{0,20}\s[^<>]{0,200}>|<([A-Za-z][\w-]{0,20})>(?=.*</\1\s*>)"
                     r"|(?<![\w@])@[\w.-]+(?:['’]s\b)?", re.S)


# "what you get", "what we do", "how people see it": a clause that names a thing by what is done with it
_WHAT_CLAUSE = re.compile(r"(?i:what|how|where|when)\s+(?i:I|you|we|they|he|she|people|one|everyone|nobody)\s+"
                          r"[a-z]+(?:\s+(?:it|them|to|for|with|about))?")


# Quotation marks a label drops: double quotes, backticks, and a single quote that opens
# or closes words ...
_QUOTE_MARKS = re.compile(r"[“”\"`]|(?<!\w)['‘’]|['‘’](?!\w)")
# ... but not, where no single quote opens, the apostrophe of a plural's possessive
_POSSESSIVE_KEPT = re.compile(r"[“”\"`]|(?<!\w)’|(?<!s)['‘’](?!\w)|(?<=s)['’](?!\s+\w)")


def _unquoted(text: str) -> str:
    """``text`` without its quotation marks, its possessives kept.

    >>> _unquoted("the linguists' word"), _unquoted("the 'cats' are"), _unquoted("it is 'plans'")
    ("the linguists' word", 'the cats are', 'it is plans')
    """
    opens = re.search(r"(?<!\w)['‘]", text)
    return (_QUOTE_MARKS if opens else _POSSESSIVE_KEPT).sub("", text)


# Emoji and other signs (and the spaces before them) that end a label
_SIGNS_AT_END = re.compile(r"[\s\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D]+$")


def _label(phrase: str, ends: bool = False, listed: bool = False) -> str:
    """A short label from an attribute phrase: up to its first clause break (but never
    before its key word: "the thing which goes through the stages" keeps "goes"),
    leading fillers dropped, about eight words (up to twelve, to end a phrase).
    ``ends``: the phrase ends where its sentence does, not before another term's name
    (then a preposition that ends it is kept: "the word I care about"). ``listed``: its
    commas part a verb's objects ("covers errors, faults and slips"), no clause."""
    text = phrase
    # 'is "good enough for now, safe enough to try"': the words quoted are one, never cut
    for cut in ([] if _QUOTED_PHRASE.match(phrase) else _CUT.finditer(phrase)):
        before = phrase[: cut.start()]
        if listed and cut.group().strip() == ",":
            continue
        if cut.group().strip() == "," and (open_np := _OPEN_NOUN_PHRASE.search(before)) \
                and _describes(open_np.group(1)) and (then := re.match(r"\s*([\w-]+)", phrase[cut.end():])) \
                and _describes(then.group(1)):
            continue  # "a reasoned, paramount objection": adjectives of one noun, still to come
        if cut.start() > 0 and any(content(w) and w.casefold() not in _GENERIC for w in re.findall(r"[\w'’-]+", before)):
            text = before
            break
    # "the word I care about": a preposition that ends the whole phrase ends its clause; so
    # does one after a subject and its verb in one word, wherever the phrase ends ("the path you're on")
    stranded = ends and _STRANDED.search(text) is not None or _CONTRACTED_CLAUSE_END.search(text) is not None
    text = _MARKUP.sub(" ", text)  # "</script>", "@Priscilla": markup and addresses say nothing of a term
    text = _unled(_HEDGE_AFTER.sub("", _HEDGE.sub("", _unquoted(text).strip())))
    text = _SUBJECT_RELATIVE.sub("", text)  # "which can cause a failure": what it can do
    words = text.split()
    # about eight words, never cut inside a phrase ("what happens in the atmosphere on a
    # given" of "... on a given day"): up to four more, to where the next one begins
    n = min(len(words), 8)
    while n < min(len(words), 12) and words[n - 1][-1:] not in ".,;:" \
            and words[n].casefold() not in _PHRASE_STARTS:
        n += 1
    if n and len(words) <= 12 and words[n - 1].casefold().strip(".,;:") in STOP:
        n = len(words)  # "when you are not in the room": cut at eight words, the clause would say the opposite
    if n < len(words) <= n + 3 and words[n].casefold() in ("and", "or") and words[n - 1][-1:] not in ".,;:":
        n = len(words)  # "at a given place and time": the phrase's last noun and its other half, whole
    if stranded and n == len(words) - 1:
        n = len(words)  # "the proposal everyone can live with": the verb's own preposition, the phrase's last word
    stranded = stranded and n == len(words) >= 3
    words = words[:n]
    # a label ends on a word that says something: not "the", nor a verb's auxiliary cut
    # from its verb ("documents can't" of "documents can't, in principle, be edited")
    whole = " ".join(words).strip(" .,;:–—-()")
    if _WHAT_CLAUSE.fullmatch(whole):  # "what you get": short words, and a whole thought
        return whole
    contact = _contact_clause(words)
    while not contact and not stranded and words and (words[-1].casefold().strip(".,;:") in STOP
                                      or _HALF_VERB.fullmatch(words[-1].strip(".,;:"))):
        if len(words) >= 3 and words[-1].casefold().strip(".,;:!") in _OBJECT_PRONOUNS \
                and words[-2].casefold() in _PREPOSITIONS:
            break  # "talks with you" and "talks about you" differ by what follows the verb
        if len(words) >= 2 and words[-1].casefold().strip(".,;:!") in _VERB_OBJECTS \
                and words[-2].casefold() not in STOP and content(words[-2].casefold()):
            break  # "code that calls you", "you call it": the verb's object, not a filler
        last = words[-1].casefold().strip(".,;:!")
        if len(words) >= 3 and (last in _VERB_OBJECTS or last in _CLAUSE_VERBS or "VERB" in _pos(last)) \
                and any(w.casefold() in _CLAUSE_OPENERS for w in words[-5:-1]):
            break  # "people who shouldn't have it", "what the person makes": a clause, whole
        if len(words) >= 3 and last in _CLAUSE_VERBS | {"going"} and words[-2].casefold() in _SUBJECT_AUX:
            break  # "the job you're doing": the clause's own verb
        if len(words) >= 3 and "VERB" in _pos(last) and words[-2].casefold() not in STOP \
                and any(w.casefold() in _CAUSATIVES for w in words[-5:-2]):
            break  # "helping the group think", "lets people decide": the verb the object is made to do
        if len(words) >= 3 and last in _NOUN_STOPS and words[-2].casefold() in _PREPOSITIONS | _DETERMINERS:
            break  # "different in kind", "the same way": the noun a phrase ends on, no filler
        if len(words) >= 3 and last == "same" and words[-2].casefold() == "the":
            break  # "feeling the same", "means the same": what is done or meant is the same
        if len(words) >= 3 and (before := words[-2].casefold()) not in STOP and "ADJ" in _pos(before) \
                and "NOUN" in _pos(last) and last not in _NOUNLIKE_PRONOUNS:
            break  # "whoever has final say", "a quick look": a noun its adjective describes
        if ends and len(words) >= 2 and words[-1].casefold().strip(".,;:!") in _PARTICLES \
                and "VERB" in _pos(words[-2].casefold()):
            break  # "wears out", "gives up" at the sentence's end: the verb's own particle, no preposition
        if len(words) >= 3 and last in ("more", "less", "fewer") and words[-2].casefold() == "or":
            break  # "zero or more", "two or fewer": a number and its bound, whole
        if len(words) >= 2 and last in ("only", "alone") and words[-2].casefold() not in STOP:
            break  # "means an outage only": the limit is the claim ("outage only"), denied or not
        if len(words) >= 2 and last in ("yes", "no") and "VERB" in _pos(words[-2].casefold()):
            break  # "everybody votes yes", "says no": what is voted or said, the point itself
        if len(words) >= 3 and " ".join(words[-2:]).casefold().strip(".,;:!") in ("each other", "one another"):
            break  # "talks to each other": what the verb is done to
        if len(words) >= 3 and words[-1].casefold().strip(".,;:!") in ("do", "be", "have") \
                and words[-2].casefold() in _AUXILIARY_BEFORE:
            break  # "something anyone can do": the verb is the clause's own, not an auxiliary cut off
        if len(words) >= 3 and "VERB" in _pos(last) and (
                words[-2].casefold() in _AUXILIARY_BEFORE | _CLAUSE_SUBJECTS
                or (words[-2].casefold().endswith("ly") and words[-3].casefold() in _AUXILIARY_BEFORE)):
            break  # "the word people will actually use", "what we mean": the clause's own verb
        words = words[:-1]
    label = " ".join(words).strip(" .,;:–—-()!?|*=^")  # ("inversed|inverted": no "|inverted")
    label = _SIGNS_AT_END.sub("", label)  # "work 👍": the sign is the speaker's nod, no word of the attribute
    if label.casefold() in _WANTS_MORE:
        return ""  # "Cog is defined as": defined as what the sentence does not say
    said = any(_says_something(w) for w in re.findall(r"[\w'’&-]+", label)) or _SOMEONE_IS.fullmatch(label)
    return label if said else ""


# A clause that describes a noun with no "that" before it, its subject an article's noun and
# its verb a short one: "knowledge the learner does not have yet", "an answer the learner
# already has"; it ends on stop words a label would otherwise drop
_CONTACT_VERBS = frozenset("has have had does do did is are was were knows know wants want needs need says said "
                           "means meant gets got makes made uses used sees saw".split())
_CONTACT_DETERMINERS = frozenset("the a an my your their our his her its this that".split())


def _contact_clause(words: list[str]) -> bool:
    """Whether ``words`` end on a clause describing the noun before it ("knowledge the
    learner does not have yet").

    >>> _contact_clause("transfers knowledge the learner does not have yet".split())
    True
    >>> _contact_clause("gives advice to the learner".split()), _contact_clause("is the best".split())
    (False, False)
    """
    plain = [w.casefold().strip(".,;:!?") for w in words]
    for k in range(max(1, len(plain) - 7), len(plain) - 2):
        if plain[k] in _CONTACT_DETERMINERS and plain[k - 1] not in STOP and plain[k + 1] not in STOP \
                and "NOUN" in _pos(plain[k - 1]) and "NOUN" in _pos(plain[k + 1]):
            tail = plain[k + 2:]
            return all(w in STOP or w.endswith("ly") or w in ("already", "yet") for w in tail) \
                and any(w in _CONTACT_VERBS for w in tail)
    return False


# a clause of an indefinite subject and its state, short words all: "something is down"
_SOMEONE_IS = re.compile(r"(?:something|someone|somebody|nothing|nobody|everything|everyone|everybody)\s+"
                         r"(?:is|are|was|were)\s+(?:not\s+)?\w+", re.I)


_CONTRACTED_CLAUSE_END = re.compile(r"\b(?:you|we|they|i|he|she)['’](?:re|m|ve)\s+(?:on|in|at|for|with|from|about|to|"
                                    r"of|by|into|through|under|over)\W*$", re.I)


#: Participles that say nothing without what follows them ("defined as ...", "called ...")
_WANTS_MORE = frozenset([*"defined called termed described regarded referred meant".split(),
                         "defined as", "known as", "described as", "seen as", "treated as", "regarded as", "referred to"])
_AUXILIARY_BEFORE = frozenset("can could will would should must may might to".split())
# who does what a clause within a label says, just before its verb ("the word people use")
_CLAUSE_SUBJECTS = frozenset("i we you they people everyone everybody nobody someone".split())
# the words a clause within a label opens with ("people who ...", "how pleasant it is")
_CLAUSE_OPENERS = frozenset("who that which how what whether where when why".split())
# the short verbs a relative clause may end on ("... that usability never has")
_CLAUSE_VERBS = frozenset("has have had does do did is are was were doing done be".split())
# a subject and its auxiliary in one word, before a clause's verb ("you're doing")
_SUBJECT_AUX = frozenset("you're you’re we're we’re they're they’re i'm i’m he's he’s she's she’s you've "
                         "you’ve we've we’ve they've they’ve i've i’ve".split())
# A preposition and its pronoun end a label whole ("talks about you"); a preposition that
# ends the sentence ends its clause ("the word I care about")
_STRANDING = "about of for with on at in to from into by over through".split()
_PREPOSITIONS = frozenset([*_STRANDING, "without", "behind"])
_OBJECT_PRONOUNS = frozenset("you me us them him her".split())
# stop words that are nouns when a preposition or a determiner comes before them ("in kind")
_NOUN_STOPS = frozenset("kind sort way ways thing things".split())
# verbs whose object does the verb after it, bare: "help the group think", "let people decide"
_CAUSATIVES = frozenset("help helps helped helping let lets letting make makes made making".split())
# pronouns the lemmatiser also knows as nouns ("a something"), and the letter "I"
_NOUNLIKE_PRONOUNS = frozenset("i something anything nothing everything someone anyone everyone".split())
_DETERMINERS = frozenset("a an the this that any every some same".split())
# the particles of phrasal verbs ("wear out", "give up"), that end a sentence whole
_PARTICLES = frozenset("out up down off away".split())
_VERB_OBJECTS = _OBJECT_PRONOUNS | {"it"}  # a verb's, ending a label whole: "code that calls you", "you call it"
_STRANDED = re.compile(rf"\s(?:{'|'.join(_STRANDING)})\s*[.!?]*[\"”’')\]]*\s*$", re.I)
# Words that begin a phrase of their own: a long label may end before one
_PHRASE_STARTS = frozenset("in on at of for with by from into onto over under about through after before between "
                           "during without within across along among around against toward towards upon and or but "
                           "nor which that who whose because so since when while where if than as".split())


# Words a dictionary also calls nouns or adjectives ("a still", "the back") that in a
# label are adverbs, saying nothing alone: "X: still", "X: back"
_ADVERBIAL = frozenset("still yet just even already also really again back well so then now there here too else ever "
                       "quite rather anyway though instead maybe perhaps either neither".split())


def _says_something(word: str) -> bool:
    """A word a label can rest on: content, and more than an adverb ("Sometimes") or a
    placeholder ("thing")."""
    w = word.casefold()
    # (nor "vs": "persona vs archetype" sets two names apart, and says nothing of either)
    if not content(w) or w in _GENERIC or w in _ADVERBIAL or w in ("vs", "versus"):
        return False
    pos = _pos(w)
    return not pos or bool(pos - {"ADV"})


def _span_of(text: str, base: int, phrase_start: int, label: str) -> tuple[int, int]:
    """The characters of ``label`` where it begins at or after ``phrase_start``."""
    at = text.find(label, phrase_start - base) if label else -1
    if at < 0:
        return phrase_start, phrase_start
    return base + at, base + at + len(label)


# (or a Markdown table's row of two cells: "| tenant | a paying customer |")
_GLOSS = re.compile(r"^\s*(?:[-*•–—]\s+|\|\s*)?[\"“‘'`]?$")
_GLOSS_SEP = re.compile(r"^[\"”’'`)]?(?:\s*\((?:noun|verb|adjective|adj|n|v)\.?\))?\s*(?::|\s[-–—]{1,2}|\|)\s+(?=\S)", re.I)


# A statement quoted and judged: '"X is Y" is not quite right', '"X is Y" is wrong', '"X is Y" is spot on'
_JUDGED_QUOTE = re.compile(r"[\"“](?P<said>[^\"“”]{3,200}?\s(?:is|are|means)\s[^\"“”]{1,200}?)[.,]?[\"”]\s+"
                           r"(?:is|was|seems|sounds)\s+"
                           r"(?:(?P<wrong>(?:not\s+(?:quite\s+|entirely\s+|really\s+|exactly\s+)?(?:right|correct|true|accurate))|"
                           r"(?:just\s+|simply\s+|plain\s+)?(?:wrong|incorrect|false|misleading|inaccurate|a\s+myth))|"
                           r"(?:right|correct|true|accurate|spot\s+on))\b", re.I)


def read_sentence(text: str, base: int, names: dict[str, str], mentions: list[Mention] | None = None,
                  previous: str = "") -> list[Finding]:
    """What one sentence (``text``, at ``base`` in its message) claims about the terms
    it names. ``names`` maps a name's key to a term id (see :func:`mentions_in`);
    ``previous`` is the term named last before the sentence, whom "it" may mean."""
    if mentions is None:
        mentions = mentions_in(text, 0, len(text), names)
        mentions = [(s + base, e + base, t) for s, e, t in mentions]
    judged = _JUDGED_QUOTE.search(text)
    if judged and mentions and judged.start("said") <= mentions[0][0] - base < judged.end("said"):
        # '"Climate is average weather" is not quite right': the quoted statement, read, and
        # denied or granted as judged (its verdict would else be glued to its label)
        inner = judged.start("said")
        found = read_sentence(judged.group("said"), base + inner, names,
                              [m for m in mentions if m[0] < base + judged.end("said")], previous)
        denies = judged.group("wrong") is not None
        return [replace(f, negated=f.negated != denies, start=base, end=base + len(text)) if f.kind == CLAIM else f
                for f in found]
    marker = _LIST.match(text)
    if marker:
        found = _list_item(text, base, mentions)
        if found:
            return found
        # "- Deprecated means it still works": no "– X – a – b" item, a sentence of its own,
        # each claim quoting the item's words
        at = base + marker.end()
        return [replace(f, start=at, end=base + len(text)) if f.kind == CLAIM else f
                for f in read_sentence(text[marker.end():], at, names, [m for m in mentions if m[0] >= at], previous)]
    if mentions and _GLOSS.match(text[: mentions[0][0] - base]):
        sep = _GLOSS_SEP.match(text[mentions[0][1] - base:])
        if sep and not re.match(r"\S*://|\S+@", text[mentions[0][1] - base + sep.end():]):
            # a glossary line, "remote (noun): A configuration ...": what follows defines the head
            # (not a header line, "URL: git://...")
            at = mentions[0][1] - base + sep.end()
            items = list(_items(text, at))
            if items:  # "Persona: research-based, named, one person.": each a claim
                return [replace(f, rule="definition line") for s, e in items
                        for f in _attributes(text, base, s, e, mentions[0][2], whole=True)]
            return [replace(f, rule="definition line") for f in _attributes(text, base, at, len(text), mentions[0][2])]
    out: list[Finding] = []
    clauses = _clauses(text, [(m[0] - base, m[1] - base) for m in mentions])
    previous_term = previous
    for c_start, c_end in clauses:
        found = _clause(text, base, c_start, c_end, mentions, previous_term)
        named = [m for m in mentions if base + c_start <= m[0] < base + c_end]
        if not found and not named and out and out[-1].kind == CLAIM and out[-1].rule in ("subject", "pronoun"):
            found = _said_on(text, base, c_start, c_end, out[-1])  # "X is free but restrictive"
        if not found and named and out and out[-1].kind == CLAIM and out[-1].rule == "subject":
            found = _elided(text, base, c_start, c_end, named[0], out[-1])  # "X is listed; Y is not."
        if found:
            previous_term = found[0].term
        elif named:  # "... create cooperation but it always stays individual": "it" is cooperation
            previous_term = named[-1][2]
        out += found
    claims = [i for i, f in enumerate(out) if f.kind == CLAIM and not f.negated]
    for a, b in zip(claims, claims[1:]):  # "X is more A than Y": X's "more A" opposes Y's "less A"
        pair = {out[a].label.split(" ", 1)[0], out[b].label.split(" ", 1)[0]}
        if pair == {"more", "less"} and out[a].label.split(" ", 1)[1:] == out[b].label.split(" ", 1)[1:] \
                and out[a].term != out[b].term:
            out.append(Finding(OPPOSES, start=base, end=base + len(text), pair=(a, b), rule="comparative"))
            # and the two terms are set against each other
            out.append(Finding(CONTRASTS_WITH, term=out[a].term, other=out[b].term, start=base, end=base + len(text),
                               rule="comparative"))
            return out
    spliced = any(_SPLICED_AT.search(text[:s]) for s, _ in clauses[1:])
    # "Weather is short-term and climate is long-term": two clauses of one verb side by side
    parallel = len(claims) == 2 and bool(_PARALLEL_AND.search(text))
    if len(clauses) > 1 and len(claims) >= 2 and (_contrasting(text) or spliced or parallel):
        first, last = out[claims[0]].term, out[claims[-1]].term
        # two sides: three terms each given theirs ("done means A, shipped B, released C") is
        # a list of definitions, and its first and last are no more opposed than any other two
        if first != last and len({out[i].term for i in claims}) == 2:
            # "A is local and short-lived, whereas B is regional and slow": side by side,
            # local against regional and short-lived against slow; else the first of each
            side_a = [i for i in claims if out[i].term == first]
            side_b = [i for i in claims if out[i].term == last]
            for a, b in zip(side_a, side_b) if len(side_a) == len(side_b) else [(side_a[0], side_b[0])]:
                out.append(Finding(OPPOSES, start=base, end=base + len(text), pair=(a, b), rule="contrast"))
            # and the two terms, each given its own side, are set against each other
            out.append(Finding(CONTRASTS_WITH, term=first, other=last, start=base, end=base + len(text),
                               rule="contrast"))
    return out


def _elided(text: str, base: int, start: int, end: int, mention: Mention, before: Finding) -> list[Finding]:
    """A clause that says of its term what the one before said of another, by its verb
    alone: "a member is listed in the register; a volunteer is not" (the volunteer is
    not listed), "... and a guest is too"."""
    if mention[2] == before.term or not _ELIDED_BEFORE.fullmatch(text, start, mention[0] - base):
        return []
    m = _ELIDED.fullmatch(text, mention[1] - base, end)
    if not m or not (m.group("neg") or m.group("too")):
        return []
    negated = before.negated if m.group("too") or m.group("either") else not before.negated
    said_to = max(m.end(group) for group in ("verb", "neg", "too", "either"))  # "is not", "is too"
    # its words are those of both clauses: what was said, and of what else
    return [Finding(CLAIM, term=mention[2], label=before.label, negated=negated, start=before.start,
                    end=base + said_to, rule=before.rule)]


# what may stand before the term of an elided clause ("; a volunteer", "and the guest"), and its verb alone after
_ELIDED_BEFORE = re.compile(r"\s*(?:(?:and|&|but|while|whereas)\s+)?(?:(?:a|an|the)\s+)?[\"“‘'`]*", re.I)
_ELIDED = re.compile(r"[\"”’'`]*\s+(?P<verb>is|are|was|were|does|do|did|can|has|have|will|would|should)"
                     r"(?P<neg>n['’]?t|\s+not)?(?:\s+(?:(?P<too>too|as\s+well|also)|(?P<either>either)))?\s*[.!]?\s*", re.I)


def _said_on(text: str, base: int, start: int, end: int, before: Finding) -> list[Finding]:
    """A clause with no subject of its own that goes on saying what the one before said
    of its term: "X is free but restrictive", "... but not restrictive"; an adjective
    first (a clause that starts with a verb or a noun has a subject of its own, or says
    something else)."""
    verb = _OWN_VERB.match(text, start, end)
    if verb and len(text[start:end].split()) <= 8:  # "X gives time but has no vote": X's verb again
        subject = (base + verb.end(), base + verb.end(), before.term)
        return [replace(f, rule=before.rule) for f in _predicate(text, base, start, end, subject, verb.end(), [])
                if f.kind == CLAIM]
    m = _GOES_ON.match(text, start, end)
    if not m or "ADJ" not in _pos(m.group("word").casefold()) or len(text[start:end].split()) > 6:
        return []
    return [replace(f, rule=before.rule) for f in _attributes(text, base, m.start("word"), end, before.term,
                                                              negated=bool(m.group("neg")))]


# a clause that opens with a verb of being or having, or a modal, after "but": its subject is the clause's before
_OWN_VERB = re.compile(rf"\s*(?:but|yet|and)?\s*(?=(?:is|are|was|were|has|have|had|does|do|did|{_MODALS}|cannot|"
                       r"isn['’]?t|aren['’]?t|doesn['’]?t|don['’]?t|can['’]?t|won['’]?t)\b)", re.I)


# what a clause without a subject starts with when it goes on with the one before: "(not) (very) free"
_GOES_ON = re.compile(r"\s*(?:(?P<neg>not|never)\s+)?(?:(?:also|still|often|usually|rarely|always|sometimes|very|"
                      r"quite|rather|too|more|less|much|far|completely|fully|entirely)\s+)*(?P<word>[^\W\d_][\w-]*)")
# where an aside set off by commas closes before the sentence's own verb: "X, which is free, is ..."
_CLOSED_ASIDE = re.compile(r",\s+(?=(?:is|are|was|were|has|have|can|may|must|should|will|would|does|do|means|needs|"
                           r"requires)\b)", re.I)


# The same verb of being or meaning on each side of "and": two things set side by side
_PARALLEL_AND = re.compile(r"\b(is|are|means)\s+[^,;.?!]+?\s+and\s+(?:the\s+|an?\s+)?[^,;.?!\s]+(?:\s+[^,;.?!\s]+)?"
                           r"\s+\1\s", re.I)


def _contrasting(text: str) -> bool:
    return bool(re.search(r"\b(?:but|whereas|while|yet|rather than|instead)\b|;", text, re.I)) or bool(
        _SPLICE.search(text))


# Two statements joined by a comma alone: "Weather is short-term, climate is long-term"
_STATES = r"(?:is|are|was|were|means|has|have|needs|requires|involves|implies)"
_SPLICE = re.compile(rf",\s+(?:the\s+|an?\s+)?[“\"'‘`]?(?=[\w“\"'‘`-][^,;:.!?]{{0,60}}?\s{_STATES}\s)", re.I)
_SPLICE_VERB = re.compile(rf"[\"”’'`]*(?:\s+{_STATES}\s|\s*(?:!=|≠|=))", re.I)  # ("jelly = strained, jam = mashed")
# where a clause cut at a comma starts: "..., a sponsor talks about you"
_SPLICED_AT = re.compile(r",\s*(?:(?:and|&|the|an?)\s+)*[\"“‘'`]?$", re.I)
# after a comma, a term and any verb: "Defects cost money, bugs cost time"
_SPLICE_ANY = re.compile(r",\s+(?:(?:and|&)\s+)?(?:the\s+|an?\s+)?[“\"'‘`]?")
# (past an adverb: "..., a stakeholder just cares about the outcome")
_NEXT_WORD = re.compile(r"[\"”’'`]*\s+(?:(?:only|just|always|often|usually|mostly|also|really|simply|rarely|never)\s+)?"
                        r"([^\W\d_]+)\s", re.I)
_AND_CLAUSE = re.compile(r"\s+(?:and|&)\s+(?:the\s+|an?\s+)?[“\"'‘`]?$", re.I)


def _verb_next(text: str, at: int) -> bool:
    """Whether the word after ``at`` is a verb (a term's own, opening a statement)."""
    m = _NEXT_WORD.match(text, at)
    if m is None:  # "..., and theories don't graduate": a verb's negative contraction
        return bool(_NEGATED_NEXT.match(text, at))
    return "VERB" in _pos(m.group(1).casefold()) and not m.group(1).casefold().endswith("ing")


_NEGATED_NEXT = re.compile(rf"[\"”’'`]*\s+{_HALF_NT}", re.I)


_PRONOUN_SPLICE = re.compile(r",\s*(?=(?:it|they)\s+(?:(?:is|are|was|were|has|have|does|do|means|can|will|would)"
                             r"(?:n['’]?t)?|cannot|isn['’]?t|aren['’]?t)\b)", re.I)


def _clauses(text: str, mentions: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Where the clauses of a sentence begin and end: at a contrast ("but", "whereas",
    ";"), and at a comma that joins a second statement on a term ``mentions`` name (its
    characters in ``text``) to the first."""
    cuts = [(m.start(), m.end()) for m in _CONTRAST.finditer(text)]
    # "X is a term, it has nothing to do with people": a second statement, its subject a pronoun
    cuts += [(m.start(), m.end()) for m in _PRONOUN_SPLICE.finditer(text)]
    for s, e in mentions:
        at = max(0, text.rfind(",", 0, s))
        comma = _SPLICE_ANY.match(text, at)
        if comma and comma.end() == s and s > 0 and (_SPLICE_VERB.match(text, e) or _verb_next(text, e)):
            cuts.append((comma.start(), comma.end()))
            continue
        # "weather is short-term and climate is long-term": "and" with no comma, after a
        # clause with its own verb (not "X and Y are different", one subject of two)
        joined = _AND_CLAUSE.search(text, 0, s)
        if joined and joined.end() == s and _SPLICE_VERB.match(text, e) \
                and re.search(rf"\s{_STATES}\s", text[max(0, text.rfind(",", 0, joined.start())):joined.start()], re.I):
            cuts.append((joined.start(), joined.end()))
    out, at = [], 0
    for start, end in sorted(cuts):
        if start < at:
            continue
        out.append((at, start))
        at = end
    out.append((at, len(text)))
    return [(s, e) for s, e in out if e > s]


def _clause(text: str, base: int, start: int, end: int, mentions: list[Mention], previous: str) -> list[Finding]:
    """Findings of one clause. Its subject is a term named first (after openers such as
    "So, I think", an article or "the term"), or "it"/"this word" for the term named
    last before; else a speaker's verdict on a term ("I like the term X", "we don't say
    X"); else a glossary line's head ("X: ...")."""
    inside = [m for m in mentions if base + start <= m[0] < base + end]
    clause = text[start:end]
    asks = text.rstrip().endswith("?")
    if asks and _QUESTION.match(clause):
        return _proposed(text, base, start, end, inside)  # a question asks; it claims nothing, or puts a name forward
    # "So X is a kind of Y?" asks back what it states: drafted, as less sure ("X is Y, right?" states)
    asked_back = asks and not text[end:].strip(" \"”’')?") and not _TAG_QUESTION.search(text)
    lead = _LEAD_IN.match(clause)
    at = start + (lead.end() if lead else 0)
    article = _ARTICLE.match(text[at:end])
    pos = at + (article.end() if article else 0)
    heads = {at, pos}
    for _ in range(2):  # "Good management requires ...": an adjective or two before the term
        word = _WORD_SPACE.match(text, pos, end)
        if not word or "ADJ" not in _pos(word.group(1)):
            break
        pos = word.end()
        heads.add(pos)
    subject: Mention | None = next((m for m in inside if m[0] - base in heads), None)
    rule = "subject"
    # "it" is the term named last before it: in the words that lead in ('I think "X" is a
    # word of its own: it ...'), else in the sentences before
    led = [m for m in inside if m[0] - base < at]
    previous = led[-1][2] if led else previous
    if subject is None and previous:
        pron = _PRONOUN.match(text[at:end])
        if pron:
            subject, rule = (base + at + pron.start(), base + at + pron.end(), previous), "pronoun"
    found: list[Finding] = []
    # "I don't think X is Y": the speaker denies what the clause says
    denied = bool(lead and _DENIED_LEAD.search(lead.group().rsplit(":", 1)[-1]))  # not in a "...:" before it
    if subject is not None and rule == "subject" and compound_after(text, subject[1] - base):
        subject = None  # "Climate change is ...": the subject is the compound, not the term
    if subject is not None:
        s_end = subject[1] - base
        while s_end < end and text[s_end] in "\"”’'`)":
            s_end += 1
        ends_at = _coordinated(text, base, s_end, inside) if rule == "subject" else s_end
        several, s_end = ends_at != s_end, ends_at
        found = _predicate(text, base, start, end, subject, s_end, inside, several)
        if several:  # "X and Y are different": a relation of the two (term_relations), no attribute of each
            found = [f for f in found if f.kind != CLAIM or not _BETWEEN_TWO.match(f.label)]
    for f in found:
        f.rule = "asked" if asked_back and f.kind == CLAIM else f.rule or rule
    found = found or _proposed(text, base, start, end, inside) or _verdict(text, base, start, end, inside) \
        or _as_verb(text, base, start, end, inside)
    if denied:
        for f in found:
            if f.kind != CLAIM:
                continue
            only = _ONLY_BEFORE.search(text, 0, max(f.start - base, 0))
            if only and not f.negated:
                # "I don't think X is only Y" grants Y and says there is more: "not only Y"
                f.label = f"not {only.group(1).lower()} {f.label}"
            else:
                f.negated = not f.negated
    return found


_ONLY_BEFORE = re.compile(r"\b(only|just|merely|simply|solely|purely)\s+[\"“‘'`]?(?:(?:a|an|the)\s+)?[\"“‘'`]?$", re.I)


# A word after a name, and a verb after that word: "climate change is"
_HEAD_THEN_VERB = re.compile(r"\s+([^\W\d_][\w-]*)\s+(?:is|are|was|were|means|has|have|needs|requires|can|could|"
                             r"will|would|should|may|might|must)\b")
_NEXT = re.compile(r"\s+([^\W\d_][\w-]*)\b")


def compound_after(text: str, at: int) -> bool:
    """Whether the name ending at ``at`` (a noun) only qualifies a noun after it, the
    head of a compound that a statement is about: "climate change is ...", "a climate
    prediction."

    >>> compound_after("Climate change is a shift.", 7), compound_after("Climate really is slow.", 7)
    (True, False)
    """
    name = re.search(r"([^\W\d_][\w-]*)[\"”’'`)]*$", text[:at])
    if name and "ADJ" in _pos(name.group(1).casefold()):
        return False  # "historic documents can't be changed": what the adjective means, said of what it names
    then_verb = _HEAD_THEN_VERB.match(text, at)
    if then_verb:
        pos = _pos(then_verb.group(1).casefold())
        return "NOUN" in pos and then_verb.group(1).casefold() not in STOP
    nxt = _NEXT.match(text, at)
    if nxt is None or nxt.group(1).casefold() in STOP:
        return False
    word = nxt.group(1).casefold()
    pos = _pos(word)
    if pos == {"NOUN"}:
        return True
    # "... disprove climate change.", "... about climate change.": after a verb, a preposition
    # or an article, a noun that may be a verb ("change") in its base form, ending the clause,
    # heads the compound ("the climate changes" is a verb of the climate's; "the Cog tag then
    # ..." goes on about the Cog)
    before = re.search(r"([^\W\d_][\w'’-]*)\W*$", text[: name.start()]) if name else None
    said = before.group(1).casefold() if before else ""
    ends = re.match(r"\s*(?:[.,;:!?)]|$)", text[nxt.end():])
    return "NOUN" in pos and lemma(word) == word and bool(said) and bool(ends) and (
        said in _PREPOSITIONS or said in _DETERMINERS or _pos(said) == {"VERB"})


# A name put forward, just before it: "let's call it X", "I suggest we rename it to X", "how about X?",
# "why not call it X?"
_NAMED_ONE = (r"(?:(?:all\s+of\s+)?(?:it|this|that|them|these|those)|(?:the|our|this|that|these|those)\s+[\w-]+"
              r"(?:\s+[\w-]+){0,2}?)")
_PROPOSES = re.compile(
    rf"(?:\b(?:I|we)(?:\s+would|['’]d)?\s+(?:suggest|propose)(?:\s+(?:that\s+)?(?:we|you)\s+(?:call|name|rename)\s+"
    rf"{_NAMED_ONE}(?:\s+to)?)?|\b(?:let['’]s|(?:we|you)\s+(?:could|should|might|can)|I\s+would|I['’]d|"
    rf"why\s+not|maybe)\s+(?:just\s+)?(?:call|name|rename)\s+{_NAMED_ONE}(?:\s+to)?|"
    rf"^\W*(?:how|what)\s+about(?:\s+(?:we\s+(?:call|name|rename)|calling|naming|renaming)\s+{_NAMED_ONE}(?:\s+to)?)?|"
    rf"^\W*(?:rename|call)\s+{_NAMED_ONE}(?:\s+to)?)\s*(?:something\s+like\s+)?[\"“‘'`]*$", re.I)


def _proposed(text: str, base: int, start: int, end: int, inside: list[Mention]) -> list[Finding]:
    """"Let's call it X", "How about X?": a claim that X is put forward as a name. A name
    asked about is still put forward: a question here proposes.

    >>> [(f.term, f.label) for f in _proposed("Let's call it widget.", 0, 0, 21, [(14, 20, "widget")])]
    [('widget', 'proposed as a name')]
    """
    for m in inside:
        lead = _PROPOSES.search(text, start, m[0] - base)
        if lead and lead.end() == m[0] - base:
            return [Finding(CLAIM, term=m[2], label="proposed as a name", start=base + lead.start(), end=m[1],
                            rule="put forward")]
    return []


# Words before "keeping X", "dropping X" that set the speaker against doing it
_AGAINST_DOING = re.compile(r"\b(?:disagree\s+with|(?:am|are|is|['’]m|['’]re)\s+(?:\w+\s+)?against|against|"
                            r"object(?:s|ed)?\s+to|opposed?\s+to|oppose[sd]?|(?:do|does)\s+not\s+(?:like|support|want)|"
                            r"(?:don|doesn)['’]t\s+(?:like|support|want))\s+$", re.I)


# a verb that makes the name before it the subject of a clause
_CLAUSE_VERB_NEXT = re.compile(r"\s+(?:is|are|was|were|isn['’]t|aren['’]t|has|have|means|can|could|should|would|will|"
                               r"must|does|do|doesn['’]t|don['’]t)\b", re.I)


def _verdict(text: str, base: int, start: int, end: int, inside: list[Mention]) -> list[Finding]:
    """"I like the term X", "we don't say X", "nobody uses X": a claim on X whose
    attribute is the verdict ("liked", "said"), negated when denied."""
    for m in inside:
        window = text[max(start, m[0] - base - 120):m[0] - base]
        v = _VERDICT.search(window)  # a verdict stands close before
        if not v or re.search(r"\b(?:if|unless|whether)\s+$", window[:v.start()], re.I):
            continue  # "If we mean X, ...": supposed, not judged
        if v.group("vote") and _CLAUSE_VERB_NEXT.match(text, m[1] - base, end):
            continue  # "agree 👍 climate is like ...": the sign is for what was said, X starts a clause
        verb = "prefer" if v.group("vote") else (v.group("verb") or v.group("gerund")).casefold().split()[0]
        verb = {"getting": "get", "removing": "remove", "dropping": "drop", "renaming": "rename",
                "replacing": "replace", "keeping": "keep", "using": "use", "calling": "call"}.get(verb, verb)
        root = next((k for k in _VERDICT_LABELS if verb.startswith(k[:4]) and verb[:len(k) - 1] == k[:len(k) - 1]
                     or verb == k), "")
        label = _VERDICT_LABELS.get(root)
        held_up = bool(re.search(r"(?:term|word|name|phrase)s?\s+[\"“‘'`]*$|[\"“‘'`]$", v.group(0)))
        if not label or not (held_up or root in _JUDGING):  # "we use X" says little; "we use the word X" does
            continue
        if re.search(r"[\"“‘'`]$", v.group(0)) and not re.match(r"[\"”’'`]", text[m[1] - base:end]):
            continue  # 'I like the phrase "X is what you expect"': a saying liked, not the word X
        negated = bool(v.group("neg")) or (v.group("who") or "").casefold() in ("nobody", "no one")
        if v.group("gerund") and _AGAINST_DOING.search(window[:v.start()]):
            negated = not negated  # "I disagree with keeping X for Y": the speaker would not keep it
        after = (_USED_FOR if root == "use" else _VERDICT_FOR).match(text[m[1] - base:end])
        if after and _label(after.group("rest")):  # "we use the word X for Stage 1": "used for Stage 1"
            rest = _label(after.group("rest"))
            # "to mean ...": the label drops a leading "to"; here it joins the verdict to its verb
            to = "to " if after.group("rest").startswith("to ") and not rest.startswith("to ") else ""
            label = f"{label} {to}{rest}"
        elif root == "use" and not negated:
            continue  # "people use "X"" says the word is in use, nothing of what it is
        at = max(start, m[0] - base - 120)
        return [Finding(CLAIM, term=m[2], label=label, negated=negated, start=base + at + v.start(), end=m[1],
                        rule="verdict")]
    return []


# how much a word means, after "means": "nothing", "a lot", "little"
# (not the subject of a clause: "means something is down" says what is down)
_AMOUNT = re.compile(r"(?:nothing|little|much|a\s+lot|everything|something|anything|less|more|different\s+things)\b"
                     r"(?!\s+(?:is|are|was|were|has|had|can|could|will|would|must|may|might|does|did|\w+ed)\b)", re.I)


# a quantifier floated off a subject of several terms: "X and Y are both ...", "X, Y and Z all mean ..."
_FLOATED = re.compile(r"\s*(?:both|all|each)\b\s*", re.I)


def _predicate(text: str, base: int, start: int, end: int, subject: Mention, s_end: int,
               inside: list[Mention], several: bool = False) -> list[Finding]:
    """What the clause says of its subject, from the verb after it; ``several``: the
    subject names more than one term ("take and drop make ..."), so its verb is plural."""
    rest = text[s_end:end]
    term = subject[2]
    # a relative clause: "collaboration which is a bit deeper"
    rel = re.match(r"^\s*(?:,\s*)?(?:which|that|who)\s+", rest)
    rest_start = s_end + (rel.end() if rel else 0)
    floated = _FLOATED.match(text, rest_start, end) if several else None
    rest_start = floated.end() if floated else rest_start  # "X and Y both mean ...": the quantifier is the subject's
    closed = _CLOSED_ASIDE.search(text, rest_start, end) if rel and "," in rel.group() else None
    if closed:  # "The GPL, which is free, is restrictive": what the aside says, and what the sentence says
        return _predicate(text, base, start, closed.start(), subject, s_end, inside, several) + \
            _predicate(text, base, start, end, subject, closed.start() + 1, inside, several)
    rest = text[rest_start:end]
    later = [m for m in inside if m[0] - base >= rest_start]
    # "A equals B plus ...": A includes B
    plus = _PLUS.match(rest)
    if plus and later:
        return [Finding(INCLUDES, term=term, other=later[0][2], start=subject[0], end=base + end, rule="plus")]
    if _INCLUDES.match(rest) and later:
        return [Finding(INCLUDES, term=term, other=later[0][2], start=subject[0], end=base + end, rule="includes")]
    if _INSIDE.match(rest) and later:
        return [Finding(INCLUDES, term=later[0][2], other=term, start=subject[0], end=base + end, rule="includes")]
    # "X is more A than Y": X more A, Y less A
    compared = _comparative(text, base, end, rest, rest_start, term, later)
    if compared:
        return compared
    cop = _COPULA.match(rest)
    verb = _VERB.match(rest)
    if cop:
        denied = bool(cop.group("neg")) or bool(re.search(rf"n['’]t\b|{_NT}|\b(?:not|never|cannot)\b|!=|≠", cop.group("cop"),
                                                          re.I)) \
            or bool(re.search(r"\bnever\b", rest[: cop.start("cop")], re.I))  # "X never becomes Y"
        after = rest_start + cop.end()
        floated = _FLOATED.match(text, after, end) if several and not denied else None
        after = floated.end() if floated else after  # "X and Y are both wheels": each is a wheel
        granted = _GRANTED.match(text, after)
        if denied and not cop.group("neg") and granted:
            # "isn't only about the past" grants the past and says more, as "is not only" does
            word = granted.group(1).lower()
            return [replace(f, label=f"not {word} {f.label}")
                    for f in _attributes(text, base, granted.end(), end, term, negated=False, verb="")
                    if f.kind == CLAIM]
        amount = _AMOUNT.match(text, after) if re.match(r"means?\b", cop.group("cop").strip(), re.I) else None
        if amount:  # "the word X means nothing": how much it means, not what (no meaning "nothing")
            rest = text[amount.end():end]
            stop = _BREAK.search(rest)
            rest = rest[: stop.start()] if stop else rest
            tail = _label(rest, ends=stop is None)
            to = re.match(r"\s*(to|for|in|on|at|with|about|of|from|by)\s", rest)  # "a lot to newcomers"
            label = " ".join(["means", *amount.group().split(), *([to.group(1)] if to and tail else []),
                              *([tail] if tail else [])])
            return [Finding(CLAIM, term=term, label=label, negated=denied, start=base + s_end,
                            end=base + amount.end() + len(rest.rstrip()))]
        hedge = "" if denied else _hedge(cop.group("cop"))
        change = cop.group("cop").split()[-1].lower() if cop.group("cop").split() else ""
        if change in _CHANGE:  # "becomes a theory", "stays passive": what happens to it, not what it is
            # ("may become"; denied, "becomes" as said of one thing, which reads "does not become")
            change = lemma(change) if hedge else (_third_person(change) or change) if denied else change
            return _attributes(text, base, after, end, term, negated=denied, verb=f"{hedge} {change}".strip())
        # "may be passive", not "passive": how sure the speaker is, as they said it; "can only
        # be citrus", not "can be citrus"
        if hedge and re.search(r"\bonly\s+be\s*$", cop.group("cop"), re.I):
            hedge += " only"
        return _attributes(text, base, after, end, term, negated=denied,
                           verb=f"{hedge} be" if hedge and re.search(r"\bbe\s*$", cop.group("cop"), re.I) else "",
                           defines=re.search(r"\b(?:means?|equals?)\s*$|=\s*$", cop.group("cop"), re.I) is not None)
    if verb:
        v = verb.group("verb").lower()
        then = _FIRST_WORD.match(text, rest_start + verb.end(), end)
        if v == "need" and verb.group("neg") and then and "VERB" in _pos(then.group(1).casefold()):
            v = "has to"  # "a sponsor need not mentor": does not have to, not "does not need a mentor"
        # "shouldn't require", "should not require", "can never need": denied by the modal too
        denied = bool(verb.group("neg") or verb.group("does") or _MODAL_DENIES.search(verb.group("modal") or ""))
        return _attributes(text, base, rest_start + verb.end(), end, term, negated=denied,
                           verb={"requires": "needs", "require": "needs", "need": "needs", "have": "has"}.get(v, v))
    # what the term does: "leadership inspires", "trust can grow slowly", "it never lasts"
    does = _DOES.match(rest)
    if does and "VERB" in _pos(does.group("verb")) \
            and (does.group("verb").lower() not in STOP or does.group("verb").lower() in _COMMON_VERBS) \
            and (does.group("modal") or does.group("neg") or does.group("verb").lower().endswith("s") or several
                 or _plural_name(text[subject[0] - base:subject[1] - base])) \
            and ("NOUN" not in _pos(does.group("verb")) or does.group("modal") or does.group("neg")
                 or not _COMPOUND_NEXT.match(rest[does.end():])):
        # "cannot grow", "won't last", "may never grow": the modal may carry the denial
        modal = re.sub(r",[^,]*,", " ", does.group("modal") or "")  # "can, not surprisingly, grow": an aside
        denied = bool(does.group("neg")) or bool(_MODAL_DENIES.search(modal))
        # "can grow slowly"; denied, "cannot grow" is "can grow", which reads "cannot grow"
        # (from "only", which limits what it does: "only interact with chains")
        at = does.start("adv") if (does.group("adv") or "").strip().casefold() == "only" else does.start("verb")
        found = _attributes(text, base, rest_start + at, end, term, negated=denied, whole=True, verb=_hedge(modal))
        said = does.group("verb")
        if denied and not modal:  # "doesn't depend on it": the label "depends on it", as "it never depends" has
            told = _third_person(said)
            return [replace(f, label=told + f.label[len(said):]) if told and f.label.startswith(said) else f
                    for f in found]
        return found
    when = re.match(r"^\s*(?:when|where|if|only when|only if)\s+", rest)
    if when:  # "it only becomes collaboration when there is wilful effort": a condition of the term
        return _attributes(text, base, rest_start, end, term)
    return []


# Verbs common enough to be stop words that still say what a term does ("mentors never give advice")
# (not "make": "X makes sense" is a verdict)
_COMMON_VERBS = frozenset("ask asks come comes get gets give gives go goes know knows put puts say says see sees take "
                          "takes tell tells try tries use uses want wants".split())


# The copulas that say a change or its absence, kept in the label ("becomes a theory")
_CHANGE = frozenset("become becomes stay stays remain remains".split())


def _plural_name(form: str) -> bool:
    """Whether a term is named in a plural form ("sprockets"), whose verb has no -s:
    "sprockets mesh with chains" says what they do, as "a sprocket meshes" does."""
    last = form.split()[-1].strip("\"“”‘’'`") if form.split() else ""
    return last[-1:].casefold() == "s" and lemma(last) != last.casefold()


# a denial of the verb just before the term ("never use", "don't really use", "not")
_USE_DENIED = re.compile(rf"(?:\b(?:not|never|no\s+longer)|n['’]t|{_NT})\s+(?:(?:really|ever|even|actually|always|"
                         r"usually)\s+)?(?:(?:use|used|using)\s+)?$", re.I)


def _as_verb(text: str, base: int, start: int, end: int, inside: list[Mention]) -> list[Finding]:
    """The term used as a verb ("we cooperate when ...", "I would collaborate with you
    on ...") or named as a word in use ("I'd use cooperate more in a private context")."""
    for subject in inside:
        s_end = subject[1] - base
        word = text[subject[0] - base:s_end]
        before = text[start:subject[0] - base]
        m = _AS_VERB.match(text[s_end:end])
        if m and _SUBJECT.search(before) and ("VERB" in _pos(word) or re.search(r"\b(?:use|used|using)\s*$", before)):
            # "we should never use X for Y", "we don't cooperate when ...": denied
            denied = bool(_USE_DENIED.search(before))
            return [replace(f, rule="as verb", negated=f.negated != denied)
                    for f in _attributes(text, base, s_end + m.end(), end, subject[2], whole=True)]
    return []


def _comparative(text: str, base: int, end: int, rest: str, rest_start: int, term: str,
                 later: list[Mention]) -> list[Finding]:
    """"X is more A than Y": X *more A*, Y *less A* (and what a "which is ..." after Y
    says of Y); empty when the clause is no comparison."""
    than = re.search(r"\bthan\b", rest)
    later = [m for m in later if than and m[0] - base >= rest_start + than.end()]  # the term after "than"
    if not (than and later):
        return []
    head = _COMPARE.match(re.sub(r"\s*\([^)]*\)", "", rest[: than.end()]))
    what = _label(head.group("what")) if head else ""
    if not head or not what:
        return []
    more = head.group("dir").lower()
    span = _span_of(text, base, base + rest_start, head.group("what").strip())
    out = [Finding(CLAIM, term=term, label=f"{more} {what}", start=span[0], end=span[1], rule="comparative"),
           Finding(CLAIM, term=later[0][2], label=f"{'less' if more == 'more' else 'more'} {what}", rule="comparative",
                   start=span[0], end=span[1])]
    tail_at = later[0][1] - base
    rel = re.match(r"^\s*(?:,\s*)?(?:which|that)\s+", text[tail_at:end])
    cop = _COPULA.match(text[tail_at + rel.end():end]) if rel else None
    if rel and cop:  # "... than collaboration which is a bit deeper"
        out += _attributes(text, base, tail_at + rel.end() + cop.end(), end, later[0][2])
    return out


def _pos(word: str) -> frozenset[str]:
    from .text import parts_of_speech

    return parts_of_speech(word)


_CLAUSE_VERB = re.compile(rf"\b(?:is|are|was|were|has|have|does|do|{_MODALS})\b|\b{_HALF_NT}", re.I)
# the words that join two things said of a term ("needs time and gives", "non-native but rooted")
_JOINERS = r"so that|so|in order to|and then|and|but|&"
_JOIN = re.compile(rf",?\s+(?:{_JOINERS})\s+(?=\w)|\s[–—]\s+(?=\w)")
_BREAK = re.compile(r",\s+(?:which|who|where|because|as|implying|meaning)\b|\s+\(|;|"
                    # a clause of its own after a comma: "X is not A, it's built for B and C" (not "that is,")
                    r",\s+(?:(?:it|they|he|she|we|you|this)(?:['’](?:s|re|ll|d|ve)\b|\s+(?:is|are|was|were|has|have|"
                    r"will|would|can|could)\b)|that['’]s\b)", re.I)


# a subject and its verb in one word: "that's", "it'll", "we've"
_SUBJECT_AND_VERB = r"(?:that|it|this|there|what|he|she|they|we|you|I)['’](?:s|re|ll|d|ve|m)\b"
_SUBJECT_VERB = re.compile(_SUBJECT_AND_VERB, re.I)
# a clause of its own after "and": "..., and that's a gift", "& that is how it goes"
_THEN_CLAUSE = re.compile(rf",?\s+(?:and|&|so)\s+(?:{_SUBJECT_AND_VERB}|(?:that|this|it)\s+(?:is|was|will|would|makes|means)\b|"
                          r"which\s+(?:is|was|makes|means)\b)", re.I)
_RELATIVE = re.compile(r"\s+(?:that|which|who)\s+(?:is|are)\s+(?!not\b)(?=\w)", re.I)


def _says_something_before(text: str) -> bool:
    return any(_says_something(w) for w in re.findall(r"[\w'’&-]+", text))


# What is said of two at once, not of each: "X and Y are different", "... the same", "... synonyms"
_BETWEEN_TWO = re.compile(r"(?:different|distinct|same|similar|synonym\w*|interchangeabl\w*|related|equivalent|alike|"
                          r"opposites?|unrelated|identical|overlap\w*)\b", re.I)
# What joins names in a subject: "X and Y", "X, Y and Z", "X or Y", "X/Y"
_COORD = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*|/\s*|(?:versus|vs\.?)\s+)(?:(?:the|a|an)\s+)?"
                    r"[\"“‘'`(]*", re.I)


def _coordinated(text: str, base: int, at: int, inside: list[Mention]) -> int:
    """Where a subject that names several terms ends ("take and drop are ...", "X, Y or
    Z is ..."), given where its first name ends (``at``): the predicate is each one's,
    the first's here (:func:`conceptgraph.draft.named.shared_claims` gives the others theirs)."""
    while True:
        m = _COORD.match(text, at)
        name = next((x for x in inside if m and x[0] - base == m.end()), None) if m else None
        if name is None:
            return at
        at = name[1] - base
        while at < len(text) and text[at] in "\"”’'`)":
            at += 1


_HEDGED = re.compile(rf"^(?:{_MODALS})\s+(?:be\s+)?(?=\w)", re.I)


def unhedged(label: str) -> str:
    """``label`` without the modal that opens it: what is said, however sure its speaker
    was ("opens doors" and "can open doors" are one attribute).

    >>> unhedged("may be passive"), unhedged("can open doors"), unhedged("passive")
    ('passive', 'open doors', 'passive')
    """
    return _HEDGED.sub("", label)


def _third_person(verb: str) -> str:
    """The form of ``verb`` said of one thing ("depend": "depends"), "" when the
    dictionary has none, or when it is that form already.

    >>> _third_person("depend"), _third_person("change"), _third_person("changes"), _third_person("go")
    ('depends', 'changes', '', 'goes')
    """
    from lemminflect import getInflection  # here: its dictionaries load only when drafting

    if verb.casefold().endswith("s") and lemma(verb) != verb.casefold():
        return ""
    forms = getInflection(verb.casefold(), tag="VBZ")
    return forms[0] if forms and forms[0] != verb.casefold() else ""


def _hedge(modal: str) -> str:
    """The modal verb that opens ``modal`` ("may", "can", "would" of "'d"), else "";
    with the denial it carries fused to it too ("cannot", "won't": "can", "will").

    >>> _hedge("may be"), _hedge("’ll "), _hedge("is"), _hedge("cannot "), _hedge("won't "), _hedge("shouldn’t ")
    ('may', 'will', '', 'can', 'will', 'should')
    """
    m = re.match(rf"\s*(?:({_MODALS}|['’]d|['’]ll)(?:n['’]?t|not)?|(ca|wo|sha)n['’]?t)\b", modal, re.I)
    if not m:
        return ""
    word = (m.group(1) or m.group(2)).lower()
    return {"'d": "would", "’d": "would", "'ll": "will", "’ll": "will", "ca": "can", "wo": "will",
            "sha": "shall"}.get(word, word)


# The words whose "to" is no purpose but their own verb's: "happens to be active", "able to grow"
_CATENATIVE = frozenset("happen happens happened tend tends tended seem seems seemed appear appears appeared want wants "
                        "wanted need needs needed has have had going able unable ought likely unlikely supposed "
                        "meant about try tries tried trying manage manages managed decide decides decided choose "
                        "chooses chose prefer prefers hope hopes expected willing ready bound due enough sure certain easy "
                        "hard quick slow free eager".split())
# ... and the nouns whose "to" says what they are of: "without intent to deceive", "the
# right to vote", "an attempt to mislead" (one thing: an intent to deceive is no intent and
# a purpose "deceive")
_NOUN_TO = frozenset("intent intention intentions aim attempt attempts effort efforts desire wish will urge "
                     "right rights freedom power ability capacity permission obligation duty "
                     "responsibility need plan plans decision refusal willingness tendency reason chance "
                     "opportunity way means motive incentive".split())


# A bracketed aside with more of its phrase after it: "the service (or a region of it) is down"
_BRACKETED_ASIDE = re.compile(r"(?<=\w)\s*\([^()]{1,80}\)(?=\s+\w)")


def _attributes(text: str, base: int, start: int, end: int, term: str, negated: bool = False,
                verb: str = "", whole: bool = False, defines: bool = False) -> list[Finding]:
    """Claims of ``term`` for the phrase ``text[start:end]``, which ends at its first
    clause break (", which", "(", ";"); split where it joins two ("and", "so", " to "
    before a verb, but not "not to"), each labelled by its first words. A phrase that
    starts "when" or "where", or ``whole``, is one attribute. After "means" (``defines``)
    a "no" is what is meant ("consent means no objection"), not a denial ("X is no Y")."""
    # "the service (or a region of it) is unavailable": an aside within the phrase is passed
    # over (blanked, where it is, so that what follows keeps its place), not where it is cut
    phrase = _BRACKETED_ASIDE.sub(lambda m: " " * len(m.group()), text[start:end])
    stop = _BREAK.search(phrase)
    if stop and stop.start() > 0:
        phrase = phrase[: stop.start()]
    aside = _THEN_CLAUSE.search(phrase)  # "shares stories and that's a gift": the speaker's aside ends it
    if aside and aside.start() > 0:
        phrase = phrase[: aside.start()]
    out = []
    pieces: list[tuple[int, int]] = []
    condition = re.match(r"\s*(?:when|where|if)\b", phrase)
    groups = None if condition else _list_groups(phrase, object_first=bool(verb) and not verb.endswith("be"))
    if groups is not None:
        pieces = groups
    elif whole or condition:  # one condition, unless it joins two long ones: "where we share X and work to Y"
        pieces = [(0, len(phrase))]
        two = re.search(r"\s+and\s+(?=\w)", phrase)
        if condition and two and len(phrase[: two.start()].split()) >= 4 and len(phrase[two.end():].split()) >= 3 \
                and "," not in phrase[: two.start()]:
            pieces = [(0, two.start()), (two.start(), len(phrase))]
    else:
        # (not the "and" of "between A and B": "the gap between the design you have and the one you need")
        # ("but" always parts two things said: "not a real user but a composite")
        cuts = [m.start() for m in _JOIN.finditer(phrase) if m.group().strip(" ,") == "but"
                or not _coordinate_nouns(phrase[: m.start()], phrase[m.end():], m.group())
                # ("needs time and gives": after a verb, the first word is that verb's object)
                and not (not verb and _verbs_of_one_object(phrase[: m.start()], phrase[m.end():], m.group()))
                and not (_BETWEEN_AND.search(phrase[: m.start()]) and not _new_predicate(phrase[m.end():]))]
        # "free software that is fully supported": the thing, and what is said of it
        cuts += [m.start() for m in _RELATIVE.finditer(phrase) if _says_something_before(phrase[: m.start()])
                 and phrase[: m.start()].split()[-1].casefold() not in _INDEFINITE]
        # not "allowing you | to close": what someone is let do is no purpose of the term
        # nor "choosing what | to show": a question word and its "to" are one object
        cuts += [m.start() for m in re.finditer(r"(?<!\bnot)(?<!\byou)(?<!\bthem)(?<!\bus)(?<!\bme)(?<!\bpeople)"
                                                r"(?<!\bit)(?<!\bhim)(?<!\bher)(?<!\bone)(?<!\beveryone)(?<!\bsomeone)"
                                                r"(?<!\bnothing)"  # "nothing to do with": no purpose
                                                r"(?<!\bwhat)(?<!\bhow)(?<!\bwhere)(?<!\bwhen)(?<!\bwhich)(?<!\bwho)"
                                                r"(?<!\bwhom)(?<!\bwhether)\s+to\s+(?=\w+)", phrase, re.I)
                 if len(re.findall(r"\w+", phrase[: m.start()])) >= 2
                 and phrase[: m.start()].split()[-1].casefold() not in _CATENATIVE | _NOUN_TO
                 and not _NOUN_FOR.search(phrase[: m.start()])
                 and "VERB" in _pos(re.match(r"\s+to\s+(\w+)", phrase[m.start():]).group(1))]  # type: ignore[union-attr]
        at = 0
        for c in sorted(cuts):
            pieces.append((at, c))
            at = c
        pieces.append((at, len(phrase)))
    for s, e in pieces[:4]:
        chunk = phrase[s:e]
        # "has nothing to do with people": "has to do with people", denied
        nothing = _NOTHING_TO_DO.match(chunk)
        if nothing:
            chunk = chunk[nothing.end():]
        # "has to be grounded": "has to" is one verb, not "has" and a purpose
        said = f"{verb} to" if verb in ("has", "needs") and not s and re.match(r"\s*to\s+\w", chunk) else verb
        joined = re.match(rf"^[\s,;]*(?:{_JOINERS}|to(?!\s+be\b)|when|where|if|(?:that|which|who) (?:is|are))\s+", chunk)
        if joined:
            chunk = chunk[joined.end():]
            verb_at = _CLAUSE_VERB.search(chunk)
            if s and (verb_at and chunk[:verb_at.start()].strip() or _SUBJECT_VERB.match(chunk)):
                continue  # ", and leadership without management is just talk", "and that's ...": a clause
        # "are not proven and can change": a verb of its own has its own negation, or none
        neg = negated and not (s and (_OWN_VERB.match(chunk) or _says_verb(chunk)))
        if joined and joined.group().strip(" ,;").casefold() == "but":
            neg = False  # "is not cheap but good": what follows "but" is what it is
        neg = neg != bool(nothing)  # ("doesn't have nothing to do with": said so, not denied twice)
        # "no longer supported", "no less central" say more than "not": the words are the label
        m = re.match(rf"\s*(?:{_NOT}|never|no(?!\s+(?:longer|more|less|sooner)\b))\s+", chunk)
        if m and not (defines and m.group().strip().casefold() == "no"):
            neg, chunk = True, chunk[m.end():]
        listed = bool(groups) and "," in chunk
        label = _label(chunk, ends=e == len(phrase), listed=listed)
        if said.endswith(" to") and label.lower().startswith("to "):
            label = label[3:]  # "needs to be checked": the "to" is the verb's
        if not label or len(label) < 2 or re.match(r"(?:either|neither|both)\b", label, re.I):
            continue  # "a squad is either a team or a group": no attribute, a choice between two
        # "... and has no vote", "... and cannot be rushed", "... and shares experience": a verb of its own
        own_verb = s and (_OWN_VERB.match(chunk) or _says_verb(chunk))
        purpose = bool(joined and s and joined.group().strip().casefold() == "to")  # "... to persuade them": no "needs"
        if said.endswith(" be") and re.match(r"(?:(?:still|also|always|never|just|only|even|then)\s+)*be\b", label, re.I):
            label = f"{said[:-3]} {label}"  # "can be tested and still be one": "can still be one", its own "be"
        elif said and not own_verb and not purpose and not label.lower().startswith(said):  # "trust needs time": "needs time"
            label = f"{said} {label}"
        span = _span_of(text, base, base + start + s, _label(chunk, ends=e == len(phrase), listed=listed))
        out.append(Finding(CLAIM, term=term, label=label, negated=neg, start=span[0], end=span[1]))
    return out


# A list's items, parted by commas and a last "and"
_LIST_SEP = re.compile(r",\s+(?:and\s+)?|\s+and\s+")


def _list_groups(phrase: str, object_first: bool = False) -> list[tuple[int, int]] | None:
    """Where each thing said begins and ends in a phrase that is a list ("small, local
    and fixable": three; "informal, covers errors, faults and slips": two, the second a
    verb and its objects), or None when ``phrase`` is no list. An item that opens with a
    verb of its own starts a new thing said; one that does not is another object of the
    verb before it (``object_first``: the phrase is a verb's object from its start), or
    another thing said after one with no verb ("small, local").

    >>> p = "informal, covers errors, faults and slips"
    >>> [p[s:e] for s, e in _list_groups(p)]
    ['informal', 'covers errors, faults and slips']
    >>> p = "affects users, costs money and needs a review"
    >>> [p[s:e] for s, e in _list_groups(p)]
    ['affects users', 'costs money', 'needs a review']
    >>> _list_groups("time, patience and care", object_first=True)
    [(0, 23)]
    >>> _list_groups("slow and careful") is None, _list_groups("not A, it is B") is None
    (True, True)
    """
    core = phrase.rstrip(" .!?")
    seps = list(_LIST_SEP.finditer(core))
    if not any(m.group().startswith(",") for m in seps) or re.search(r"\bor\b|\bbetween\b|[:;]", core, re.I) \
            or any("and" in m.group() for m in seps[:-1]):
        return None  # (only the last item is joined by "and": "A and B, C" is no list)
    items, at = [], 0
    for m in seps:
        if (open_np := _OPEN_NOUN_PHRASE.search(core, at, m.start())) and _describes(open_np.group(1)):
            return None  # "a reasoned, paramount objection": adjectives of one noun still to come
        items.append((at, m.start()))
        at = m.end()
    items.append((at, len(core)))
    words = [core[s:e].split() for s, e in items]
    if any(not 1 <= len(w) <= 6 for w in words[:-1]) or not 1 <= len(words[-1]) <= 8 \
            or not all(_listed_item(core[s:e]) for s, e in items[1:]):
        return None  # long items, or a clause, an aside, a tag ("..., right"): sentences, not a list
    groups: list[tuple[int, int]] = []
    objects = False  # whether the group open now is a verb and its objects, which a bare item adds to
    for (s, e), item in zip(items, words):
        verb = bool(_OWN_VERB.match(core[s:e]) and not re.match(r"\s*(?:and|but|yet)\b", core[s:e], re.I)) \
            or _says_verb(core[s:e])
        if groups and not verb and objects or groups and verb and len(item) == 1 and objects:
            groups[-1] = (groups[-1][0], e)  # "covers errors, faults": another of its objects
            continue
        groups.append((s, e))
        objects = verb and len(item) >= 2 or not groups[:-1] and object_first
    if len(items) == 2 and len(groups) < 2:
        return None  # "a special case, called X", "local, at least": a list of two says two things
    return groups


# What opens an aside or a clause after a comma, never a list's item: "..., even if they
# aren't", "..., since X implies it", "..., at least according to"
_ASIDE_OPENERS = frozenset("it they that this these those there he she we you i which who whom whose even if since "
                           "because although though unless when where while as so then than like not no never "
                           "according".split())

# ... and what, second after a comma, makes a clause or a question's tag of it: "isn't it", "means that"
_SUBJECTS = frozenset("it they he she we you i that this there".split())


def _listed_item(item: str) -> bool:
    """Whether ``item``, after a comma, can be an item of a list: no clause with its own
    subject ("some are X"), no aside ("even if ...", "at least ..."), no tag ("right"),
    no verb but one said of the term ("costs money", not "see the page" nor "called X")."""
    words = re.findall(r"[\w'’-]+", item.casefold())
    if not words or words[0] in _ASIDE_OPENERS or words[0] in _PREPOSITIONS or not any(content(w) for w in words):
        return False
    verb = _OWN_VERB.match(item) is not None or _says_verb(item)
    if len(words) > 1 and words[1] in _SUBJECTS:
        return False  # "isn't it", "does it": a question tag, or a clause ("means that ...")
    if not verb and _CLAUSE_VERB.search(item):
        return False  # "some cogs are sprockets": a clause of its own
    first = _pos(words[0])
    return verb or not (first <= {"VERB"} or first <= {"ADV"} or len(words) == 1 and "ADV" in first)


# "has nothing to do with": "has to do with", denied
_NOTHING_TO_DO = re.compile(r"\s*(?:absolutely\s+|little\s+or\s+)?nothing\s+(?=to\s+do\s+with\b)", re.I)


# "between" with no "and" yet: the next "and" joins its two, no two attributes
_BETWEEN_AND = re.compile(r"\bbetween\b(?!.*\band\b)", re.I | re.S)


def _new_predicate(after: str) -> bool:
    """Whether what follows an "and" says something of its own ("grows", "it grows",
    "can change"), rather than naming the second of two things ("what you do")."""
    return bool(_OWN_VERB.match(after) or _says_verb(after) or re.match(
        r"(?:it|they|that|this|he|she|we|you|I)\b|" + _SUBJECT_AND_VERB, after, re.I))


# A noun that "to" then says what it is for: "the best person to ask", "the better tag to
# stick around", "the only way to know" (after a superlative, a comparative, "right",
# "only", "first"): one thing, not the thing and a purpose
_NOUN_FOR = re.compile(r"\b(?:the|a|an)\s+(?:\w+\s+)?(?:best|better|worst|worse|right|wrong|only|first|last|next|"
                       r"[a-z]+est)\s+[\w-]+\s*$", re.I)


def _coordinate_nouns(before: str, after: str, join: str) -> bool:
    """Whether "and" joins two nouns of one phrase at a phrase's end ("keeping time and
    order", "meetings with motions and votes"), which split would leave the second
    without its verb or preposition ("order", "votes"); not two adjectives ("slow and
    careful": two things said) nor a phrase after an article ("a process and a goal")."""
    words, then = before.split(), re.split(r"[:;,]", after, maxsplit=1)[0].split()  # ("place and time: wind, rain")
    if join.strip() != "and" or len(words) < 2 or not 1 <= len(then) <= 2:
        return False
    last, first = words[-1].casefold(), then[0].casefold().strip(".,;:!?")
    if first in STOP or "NOUN" not in _pos(last) or "NOUN" not in _pos(first) or "ADJ" in _pos(first):
        return False
    return not _says_verb(after) or last.endswith("s")  # "keeps time and grows": a verb of its own


def _verbs_of_one_object(before: str, after: str, join: str) -> bool:
    """Whether "and" joins a lone verb to another that takes the object after both: "find
    and remove the root cause" is one thing done, not "find" and "remove the root cause".

    >>> _verbs_of_one_object(" find", "remove the root cause", " and "), _verbs_of_one_object(" a plan", "a goal", " and ")
    (True, False)
    >>> _verbs_of_one_object(" proven", "can change", " and ")  # a verb of its own
    False
    """
    words, then = before.split(), after.split()
    return join.strip() == "and" and len(words) == 1 and len(then) >= 2 and words[0].casefold() not in STOP \
        and then[0].casefold() not in STOP \
        and "VERB" in _pos(words[0].casefold()) and "VERB" in _pos(then[0].casefold().strip(".,;:!?"))


def _says_verb(chunk: str) -> bool:
    """Whether ``chunk`` opens with a verb said of one thing ("shares experience"), not a
    plural noun ("shares in the company" aside, which reads the same: a verb is likelier)."""
    m = re.match(r"\s*([a-z]+s)\b", chunk)
    return m is not None and bool(verb_of_one(m.group(1)))


def _items(text: str, at: int) -> Iterator[tuple[int, int]]:
    """The items of a short list that ends a line at ``at`` ("research-based, named, one
    person."): two to eight, of one to four words each, none a clause; else none."""
    rest = text[at:].rstrip().rstrip(".")
    parts = [(m.start(), m.end()) for m in re.finditer(r"[^,;]+", rest)]
    words = [rest[s:e].split() for s, e in parts]
    if not 2 <= len(parts) <= 8 or not all(1 <= len(w) <= 4 for w in words) \
            or any(_CLAUSE_VERB.search(rest[s:e]) for s, e in parts):
        return
    for s, e in parts:
        lead = len(rest[s:e]) - len(rest[s:e].lstrip())
        yield at + s + lead, at + e


def _outside_brackets(text: str, at: int) -> list[tuple[int, int]]:
    """Where each item of the list from ``at`` begins and ends: parted at a dash, comma or
    semicolon (:data:`_SPLIT_ITEMS`), not inside brackets ("N per plan (30 monthly, 120
    annual)" is one item).

    >>> [("a, b (c, d); e")[s:e] for s, e in _outside_brackets("a, b (c, d); e", 0)]
    ['a', 'b (c, d)', 'e']
    """
    out, start, depth, read = [], at, 0, at
    for cut in _SPLIT_ITEMS.finditer(text, at):
        # (how deep in brackets, counted on from the last cut: a long line read once)
        depth += text.count("(", read, cut.start()) - text.count(")", read, cut.start())
        read = cut.start()
        if depth <= 0:
            out.append((start, cut.start()))
            start = cut.end()
    return [*out, (start, len(text))]


_LONGEST_ITEM = 15  # words: a line that defines a term may take a sentence to ("doing exactly what the contract ... require")


# "a collective, balloted stoppage": an article and an adjective, then another adjective
_ARTICLE_AND_ONE = re.compile(r"\s*(?:a|an|the)\s+[\w-]+\s*$", re.I)


def _coordinate_adjectives(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``pieces`` of a list item, where a comma parts two adjectives of one thing joined
    again ("a collective, balloted stoppage of work" is one thing said; "a bug, a defect"
    is two).

    >>> line = "a collective, balloted stoppage of work, a strike"
    >>> [line[a:b] for a, b in _coordinate_adjectives(line, [(0, 12), (14, 39), (41, 49)])]
    ['a collective, balloted stoppage of work', 'a strike']
    """
    out: list[tuple[int, int]] = []
    for a, b in pieces:
        first = re.match(r"\s*([\w-]+)", text[a:b])
        if out and _ARTICLE_AND_ONE.fullmatch(text[out[-1][0]:out[-1][1]]) and first \
                and first.group(1).lower() not in STOP and ({"ADJ"} & _pos(first.group(1))
                                                             or first.group(1).lower().endswith("ed")):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _list_item(text: str, base: int, mentions: list[Mention]) -> list[Finding]:
    """"– X – a – b, c (not d)": attributes a, b, c of X, and d denied."""
    marker = _LIST.match(text)
    assert marker is not None
    first = [m for m in mentions if m[0] - base <= marker.end() + 1]
    if not first:
        return []
    term = first[0][2]
    body_start = first[0][1] - base
    m = re.match(r"\s*[–—:-]\s*", text[body_start:])
    if not m:
        return []
    out = []
    for i, j in _coordinate_adjectives(text, _outside_brackets(text, body_start + m.end())):
        item = text[i:j]
        if not item.strip():
            continue
        denial = re.search(r"\(\s*not\s+([^)]+)\)", item)
        main = re.sub(r"\s*\([^)]*\)", "", item).strip().rstrip(".!;")  # the line's full stop ends no label
        # "not X", "never X": X denied; "no X" is said as it is ("inactive: no login in N days",
        # a definition by what is absent: "not login" would read as no English)
        neg = bool(re.match(r"(?:not|never)\s+", main))
        main = re.sub(r"^(?:not|never)\s+", "", main)
        words = [w for _, _, w in tokens(main)]
        if main and len(words) <= _LONGEST_ITEM and any(content(w) for w in words):
            s = item.find(main)
            e = s + len(main)
            if s < 0:  # a bracket inside the label's words: quoted with it, from its first word to its last
                opening, closing = main.split()[0], main.split()[-1]
                s = item.find(opening, len(item) - len(item.lstrip()) + (len(item.split()[0]) + 1 if neg else 0))
                e = item.rfind(closing) + len(closing)
            out.append(Finding(CLAIM, term=term, label=main.replace("-", " "), negated=neg, start=base + i + s,
                               rule="list", end=base + i + e))
        if denial:
            d = denial.group(1).strip()
            s = item.find(d)
            out.append(Finding(CLAIM, term=term, label=d.replace("-", " "), negated=True, start=base + i + s,
                               rule="list", end=base + i + s + len(d)))
    return out


def content_words(label: str) -> set[str]:
    """The lemmas of a label's content words ("work-context" is two): what two labels
    share when they say the same thing."""
    out: set[str] = set()
    for _, _, w in tokens(label):
        out.update(_content_lemmas(w))
    return out


@lru_cache(maxsize=65536)  # asked of every word of every message and every claim's quote
def _content_lemmas(word: str) -> tuple[str, ...]:
    return tuple(lemma(part) for part in _WORD_PARTS.split(word) if part and content(part))


_WORD_PARTS = re.compile(r"[-'’]")
