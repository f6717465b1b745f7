"""The broad claim rule: a sentence that names a term says something of it.

The precise rules (:mod:`conceptgraph.draft.rules`) read a claim only from a sentence
whose structure they know ("X is ...", "X needs ...", "– X – a, b"). People say far
more in sentences of other shapes ("I always took a sonnet for a song", "we should
keep X", "my teacher wrote it as X"), so here a statement that names a term and was
given no claim by those rules gets one, labelled by the words around the name: those
after it when they say something, else those before. Its confidence is its own,
measured on the development threads, and lower than the precise rules'.

>>> from conceptgraph.draft.rules import mentions_in
>>> from conceptgraph.draft.terms import key_of
>>> names = {key_of(["sonnet"])[0]: "sonnet"}
>>> text = "I always thought a sonnet was a kind of song."
>>> [(f.term, f.label) for f in named_claims(text, 0, mentions_in(text, 0, len(text), names), set())]
[('sonnet', 'kind of song')]

Words before a name that only set the scene say nothing of it:

>>> text = "In our shop the sonnet sells."
>>> [f.label for f in named_claims(text, 0, mentions_in(text, 0, len(text), names), set())]
['sells']
>>> text = "In our shop a sonnet."
>>> named_claims(text, 0, mentions_in(text, 0, len(text), names), set())
[]

A name after a preposition is what is said, not what it is said of:

>>> names[key_of(["ballad"])[0]] = "ballad"
>>> text = "The idea behind a sonnet is that a ballad tells more."
>>> [f.term for f in named_claims(text, 0, mentions_in(text, 0, len(text), names), set())]
['ballad']
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..kinds import CLAIM
from .rules import _GRANTED, Finding, Mention, _label, _span_of, compound_after, content_words
from .text import BARE_NT, parts_of_speech

__all__ = ["named_claims", "shared_claims", "RULE", "SHARED"]

#: The rule's name, for its confidence (:mod:`conceptgraph.draft.confidence`).
RULE = "named"
#: The name of the rule that gives each of "X and Y" what is said of them together.
SHARED = "shared"
#: A sentence naming more terms than this compares or lists them: it says too little of
#: each (on the development threads, under one broad claim in ten matched the gold there).
MAX_TERMS = 2

# A question asks; it claims nothing; nor does a request, with or without its question mark
# ("Could you please help me with the password").
_ASKS = re.compile(r"\?[\"”’')\]]*\s*$|^\W*(?:(?:could|can|would|will)\s+(?:you|someone|anyone|somebody|anybody)"
                   r"\s+(?:please\s+)?(?:help|tell|explain|send|check|show|share|confirm|clarify)\b|please\s+"
                   r"(?:help|tell|explain|send|check|show|share|confirm|clarify)\b)", re.I)
# What opens the words after a name without saying anything yet: another ending written
# on to it ("Historic(al)"), a closing quotation mark, a verb of being.
# (an adverb may stand between: "his rhetoric here is pathetic", "X really is Y")
_AFTER = re.compile(r"(?:\([^\W\d_]{1,4}\))?[\"”’'`)\]]*\s*(?:,\s*)?(?:(?:(?:here|there|today|itself|themselves|really|"
                    r"actually|basically|generally|usually|typically|essentially|in fact)\s+(?=(?:is|are|was|were)\b))?"
                    r"(?:is|are|was|were|be|'s|’s|has been|"
                    r"have been|would be|will be|could be|might be|should be|may be|can be|seems? to be|as|"
                    # "X, which is Y", "X, which means Y": what it is, defined in passing
                    r"(?:which|that)\s+(?:is|are|means|refers\s+to|stands\s+for))\s+)?", re.I)
# A name right after a preposition is the object of what is said, not what it is said of:
# "the idea behind X", "more like X"; the claim goes to a name that is no such object.
_OBJECT = re.compile(r"(?:\b(?:of|for|in|behind|than|like|with|from|about|on|by|into|at|over|between)|"
                     r"\bbetween\s+[^,;.]{1,40}?\s+and)\s+(?:(?:the|a|an|this|that|"
                     r"its|their|our|my|your)\s+)?[\"“‘'`(]*$", re.I)
# A name after a subject or a modal is a verb: "we forecast", "you can rebase" (not after "to": "rename it to X")
_AS_VERB = re.compile(r"\b(?:I|we|you|they|will|would|can|could|should|must|might|may|shall|don['’]t|didn['’]t|"
                      r"never|just|always)\s+$", re.I)
# "X is not a bug": a name after a verb of being is what something else is (or is not)
_COMPLEMENT = re.compile(r"(?:\b(?:is|are|was|were|be|been|isn't|aren't|wasn't|weren't|isn’t|aren’t|wasn’t|weren’t|"
                         r"isnt|arent|wasnt|werent)|\b(?:that|this|what|there|here|who|he|she)['’]s)\s+"
                         r"(?:not\s+)?(?:(?:just|only|really|simply|also|still|actually|basically|essentially|merely)\s+)?"
                         # and how much: "is fairly violent", "are quite rare" (not how often: "are mostly X")
                         r"(?P<degree>(?:fairly|quite|very|pretty|rather|too|so|somewhat|extremely|highly|incredibly|terribly|more|less|"
                         r"most|least)\s+)?"
                         # and the words before the name that qualify it: "is an ops toggle"
                         r"(?:(?:the|a|an)\s+(?:(?!(?:same|as|than|of|to|that|which|who|what|kind|sort|type)\b)"
                         r"[^\W\d_][\w-]*\s+){0,2})?[\"“‘'`(]*$", re.I)
# a name that is the object of what the label says: after a verb's article ("cause a X")
_OBJECT_BEFORE = re.compile(r"\b(?P<verb>\w+)\s+(?:a|an|the)\s+[\"“‘'`]?$", re.I)
_BETWEEN = re.compile(r"\bbetween\s+(?:(?:the|a|an)\s+)?[\"“‘'`(]*$", re.I)
_NOT = re.compile(rf"n't|n’t|{BARE_NT}|\b(?:not|no|never)\b", re.I)
# A denial before a name, in its clause ("I have not heard X ...", "nobody calls X ..."), but
# not "not only", "whether or not"
_DENIED = re.compile(rf"(?:n't|n’t|{BARE_NT}|\b(?<!or )(?:not|never)\b(?!\s+(?:only|just|merely|simply)\b)|"
                     r"\b(?:nobody|no\s+one|nothing|neither|nor)\b)(?:\s+(?!(?:as|than|like|who|which|that)\b)[\w’'-]+){0,3}\s+"
                     r"[\"“‘'`(]*$", re.I)
# A condition on what someone does ("If you log it as ...", "Once we call it ..."): a name in it
_THEIR_CONDITION = re.compile(r"^\W*(?:if|once|unless|whenever|as\s+soon\s+as|when)\s+(?:you|we|they|I|people|someone|"
                              r"somebody|anyone|one|he|she)\b", re.I)
# ... when the name is what something is taken as: "log it as an X", "call it an X"
_CLASSED = re.compile(r"\b(?:(?:it|them|this|that)\s+(?:as\s+)?|as\s+)(?:(?:a|an|the)\s+)?[\"“‘'`]*$", re.I)
# a denial that leads a label: "never give advice" is "give advice", denied (not "not only")
_NEVER = re.compile(r"(?:never|not)\s+(?!(?:only|just|merely|simply|every|all|each|always|so|too|very|quite|really|"
                    r"least|yet)\b)", re.I)
# "Not every incident ...", "not all feedback ...": said of some, not of the name
_NOT_EVERY = re.compile(r"\bnot\s+(?:every|all|each|always)\s+(?:(?:the|a|an)\s+)?[\"“‘'`(]*$", re.I)
# the words after a name opening another clause: ", and an enhancement is ...", "but ..."
_NEXT_CLAUSE = re.compile(r"[\"”’'`)\]]*\s*(?:;|(?:[,;]\s*)?(?:and|but|or|so|while|whereas|because)\b)", re.I)
# An "of" phrase that narrows the name before its verb: "laws of physics", "the rules of the game"
_OF_PHRASE = re.compile(r"\s+of\s+(?:(?:the|a|an)\s+)?[^\W\d_][\w-]*(?=\s)", re.I)
_VERB_NEXT = re.compile(r"\s+(?:is|are|was|were|has|have|had|can|could|will|would|should|must|may|might|do|does|did|"
                        r"isn['’]t|aren['’]t|don['’]t|doesn['’]t|can['’]t|won['’]t)\b", re.I)
# The words that give a name: "a column called X", "what is known as X"
_NAMED_AS = re.compile(r"\b(?:called|named|termed|dubbed|labell?ed|known as|referred to as)"
                       r"(?:\s+(?:it|them|this|that|these|those))?\s*[\"“‘'`(]*$", re.I)  # ("called it X")
# The words before a name that only set the scene ("In our API", "As for accepting ...",
# "With recommended addons"): where or of what it is said, nothing said of the name
_SETTING = re.compile(r"\s*(?:in|on|at|for|with|from|as|by|within|under|over|during|after|before)\b", re.I)
# ... nor words before it that tell what the speakers do or think ("I always try to stick
# to saying X", "we colloquially call them X", "you switch to X"): about them, not about X
_SPEAKERS_FRAME = re.compile(r"\s*(?:I|we|you|they|I['’](?:m|ve|d|ll)|we['’](?:re|ve|d|ll)|you['’](?:re|ve|d|ll)|"
                             r"let['’]s|looks\s+like)\b", re.I)
# Words after a name that open a clause with a subject of its own, the speaker or those
# spoken to ("... I can only say", "... maybe I misunderstand", "... let me stop you")
_OWN_SUBJECT = re.compile(r"(?:(?:then|so|maybe|perhaps|now|and|but)\s+)?(?:I|we|you|let\s+me|let['’]s|I['’](?:m|ve|d|ll)|"
                          r"we['’](?:re|ve|d|ll)|you['’](?:re|ve|d|ll))\b", re.I)
# "Nobody today uses X": the words before deny, as "not" does
_NOBODY = re.compile(r"\b(?:nobody|no\s+one|nothing|neither|nor|none)\b", re.I)
# A capitalised word after a capitalised name inside a sentence: both words of a longer name
_IN_A_NAME = re.compile(r"\s+(?!I\b)[A-Z][a-z]")
# A verb of being after a noun of the clause's own ("outage is just ..."): a subject of its
# own; not "there is", nor a pronoun ("these really are a variety of X" may point at X)
_OWN_COPULA = re.compile(r"\b(?!(?:there|these|this|that|those|it|they|which|what|who|here|all|also|still|just|"
                         r"\w+ly)\b)[^\W\d_][\w-]*\s+(?:is|are|was|were)\b", re.I)
# Where the words before a name start: after the last clause break.
_CLAUSE_BREAK = re.compile(r"[,;:(]\s*|\s[–—-]\s|\b(?:but|and|so|because|since|when|if|that|which)\s+", re.I)


def named_claims(text: str, base: int, mentions: list[Mention], claimed: set[str]) -> list[Finding]:
    """A claim on the term that the sentence ``text`` (at ``base`` in its message) names
    first, other than after a preposition, unless the precise rules gave it one here
    (``claimed``); none in a question or in a sentence naming more than
    :data:`MAX_TERMS` terms, nor on a name said not to be something ("X is not a
    bug"), nor on the sides of "the difference between X and Y", nor on a noun that
    only qualifies another ("a climate prediction"). Its label: the words after the name
    up to the next one (or through it, when a verb takes it as object: "can cause a
    failure"), unless they open another clause ("..., and"), else those before it from
    the clause's start.

    >>> text = "A feature request is not a bug, and an enhancement is not a defect."
    >>> named_claims(text, 0, [(27, 30, "bug"), (60, 66, "defect")], set())
    []
    >>> text = "Nobody today uses sonnets, and the Sonnet Society agrees."
    >>> named_claims(text, 0, [(18, 25, "sonnet")], set()), named_claims(text, 0, [(35, 41, "sonnet")], set())
    ([], [])
    """
    if not mentions or mentions[0][2] in claimed or _ASKS.search(text) \
            or len({m[2] for m in mentions}) > MAX_TERMS:
        return []
    if any(_SET_APART.fullmatch(text[a[1] - base:b[0] - base]) for a, b in zip(mentions, mentions[1:])):
        return []  # "Second topic: persona vs archetype": two names set apart, nothing said of either
    mentions = [m for m in mentions if not _AS_VERB.search(text, 0, m[0] - base)]
    if not mentions:
        return []  # "We forecast the rest", "you can merge it": the name is a verb here, no thing it says of
    chosen = next((m for m in mentions if not _OBJECT.search(text, 0, m[0] - base)
                   and not _COMPLEMENT.search(text, 0, m[0] - base)
                   and not compound_after(text, m[1] - base)), None)
    if chosen is None and (_BETWEEN.search(text, 0, mentions[0][0] - base)
                           or compound_after(text, mentions[0][1] - base)):
        return []  # "the difference between X and Y" says nothing yet of either; nor "an X prediction" of X
    s, e, term = chosen or mentions[0]
    if _THEIR_CONDITION.match(text) and not re.search(r"[,;:]", text[:s - base]) and _CLASSED.search(text, 0, s - base):
        return []  # "If you log it as an X your numbers ...": what is done to it, and then another clause
    if _IN_A_NAME.match(text, e - base) and text[s - base:s - base + 1].isupper() and text[:s - base].strip():
        return []  # "the Congregatio de Propaganda Fide": a word of a longer name, which says nothing of it
    complement = _COMPLEMENT.search(text, 0, s - base)
    if term in claimed or (complement and (_NOT.search(complement.group()) or complement.group("degree"))) \
            or _NOT_EVERY.search(text, 0, s - base):
        # "a feature request is not a bug", "not every incident has a bug": no claim of the name;
        # nor "his example is fairly violent", the name a quality of something else
        return []
    following = next((m for m in mentions if m[0] > s and m[2] != term), None)
    stop = (following[0] if following else base + len(text)) - base
    verb = _OBJECT_BEFORE.search(text, e - base, stop)  # a verb of the words after the name
    if following and verb and "VERB" in parts_of_speech(verb.group("verb").casefold()):
        stop = following[1] - base  # "a defect which can cause a failure": the label ends on its object
    at = e - base
    of = _OF_PHRASE.match(text, at, stop)  # "laws of physics are not made": what is said follows the phrase
    if of and _VERB_NEXT.match(text, of.end(), stop):
        at = of.end()
    lead = _AFTER.match(text, at, stop)
    if lead:
        at = lead.end()
    # ", and an enhancement is ..." after the name speaks of something else
    label = "" if _NEXT_CLAUSE.match(text, e - base, stop) else _label(text[at:stop], ends=following is None)
    if _OWN_SUBJECT.match(label):  # "X. I can only say that ...": a clause of the speaker's own
        label = ""
    clause = 0  # where the clause that names it starts
    for b in _CLAUSE_BREAK.finditer(text, 0, s - base):
        if b.end() < s - base:
            clause = b.end()
    # "I have never heard X used for Y", "Nobody calls X a Y": what follows the name is denied
    # (a denial a few words before it, of the verb that takes it; a label that denies already is
    # not denied twice)
    denial = _DENIED.search(text, clause, s - base)
    negated = bool(label and denial) and not _NOT.search(label) and not label.lower().startswith("nor ")
    limit = _GRANTED.match(text, at, stop)  # "is only X", which a doubt grants ("not only X")
    if negated and limit and not label.lower().startswith(limit.group(1).lower()):
        # "I'm not sure X is only Y" grants Y and says there is more: "not only Y", as the precise rules say
        label, negated = f"not {limit.group(1).lower()} {label}", False
    if not label:  # "my teacher wrote it as X": the words before (before "is", when X is what they are)
        at = clause
        before = text[at:complement.start() if complement and complement.start() >= at else s - base]
        # "Callbacks alone don't make a framework": the words before deny; cut, they would assert;
        # "a column called Goal" names it, and says nothing of it; nor does "we call it X"
        # nor do they when they hold a subject and its verb of being and the name is only
        # their object ("outage is just a label for an X"): a claim of that other subject
        label = "" if _NOT.search(before) or _NOBODY.search(before) or _NAMED_AS.search(before) \
            or _SETTING.match(before) or (chosen is None and _OWN_COPULA.search(before)) else _label(before)
        label = "" if _SPEAKERS_FRAME.match(label) else label  # after "I guess", "I think" are cut
    if label and (never := _NEVER.match(label)) and label[never.end():]:
        label, negated = label[never.end():], True  # "mentors never give advice": "give advice", denied
    if not label or _CODE.search(label) or not content_words(label):
        # a piece of code or a path ("NET uses [", "/auth") says nothing in words; nor do
        # words of no content ("that's what X is for": "that's")
        return []
    span = _span_of(text, base, base + at, label)
    return [Finding(CLAIM, term=term, label=label, negated=negated, start=min(span[0], s), end=max(span[1], e),
                    rule=RULE)]


# A label that is a path or a piece of code: one that starts with a slash or ends on an
# opening bracket, a backtick, a call, an arrow, a tag
_CODE = re.compile(r"^\W*/|[\[({]\s*$|`|\w\(\)|::|=>|->|[{}<>]")


# What joins two names said of together: "take and drop", "X or Y", "X/Y", "X, Y"
_AND_OR = re.compile(r"\b(?:and|or|versus|vs)\b|[&/]", re.I)
_VERSUS = re.compile(r"\b(?:versus|vs)\b", re.I)
_SET_APART = re.compile(r"[\"”’'`)\s]*(?:vs\.?|versus|v\.)[\s\"“‘'`(]*", re.I)
_LIST_GOES_ON = re.compile(r"[\"”’'`)]*\s*,?\s*(?:and|or)\b", re.I)  # "X, Y or anything that ..."
_JOINED = re.compile(r"^[\s\"“”‘’'`()]*(?:,\s*)?(?:and|or|&|/|,|versus|vs\.?)(?:\s+(?:also|even))?[\s\"“”‘’'`()]*"
                     r"(?:(?:the|a|an)\s+)?[\"“‘'`(]*$", re.I)


def shared_claims(text: str, base: int, mentions: list[Mention], findings: list[Finding]) -> list[Finding]:
    """What a sentence says of two terms named together ("take and drop really are far
    too common") is said of each: a copy of each claim on one of them for the other,
    unless the other has a claim of its own there.

    >>> text = "Take and drop are too common."
    >>> f = Finding(CLAIM, term="take", label="too common", start=0, end=len(text), rule="subject")
    >>> [(c.term, c.label) for c in shared_claims(text, 0, [(0, 4, "take"), (9, 13, "drop")], [f])]
    [('drop', 'too common')]
    >>> text = "A limit is a kind of take, and drop is too common."
    >>> shared_claims(text, 0, [(2, 7, "limit"), (23, 27, "take"), (33, 37, "drop")],
    ...               [replace(f, term="drop", start=33)])
    []
    >>> text = "A take can cause many drops, and a drop ..."  # what names the other is not said of it
    >>> shared_claims(text, 0, [(2, 6, "take"), (22, 27, "drop"), (35, 39, "drop")],
    ...               [replace(f, label="can cause many drops", end=27)])
    []
    >>> text = "Take, drop and skip are too common."
    >>> [(c.term, c.label) for c in shared_claims(text, 0, [(0, 4, "take"), (6, 10, "drop"), (15, 19, "skip")], [f])]
    [('drop', 'too common'), ('skip', 'too common')]
    """
    claimed = {f.term for f in findings if f.kind == CLAIM}
    out: list[Finding] = []
    gaps = [text[e1 - base:s2 - base] for (_, e1, _), (s2, _, _) in zip(mentions, mentions[1:])]
    for i, ((s1, e1, t1), (s2, e2, t2)) in enumerate(zip(mentions, mentions[1:])):
        if t1 == t2 or not _JOINED.match(gaps[i]):
            continue
        if "," in gaps[i] and (_OBJECT.search(text, 0, s1 - base) or _COMPLEMENT.search(text, 0, s1 - base)):
            continue  # "X is a kind of Y, and Z is ...": Y ends what X is, no subject beside Z
        # a comma alone joins names only in a list that "and" or "or" ends ("take, drop and
        # skip"); else it ends a clause: "A means two alternatives, alternatively means B"
        if not _AND_OR.search(gaps[i]) and not _LIST_GOES_ON.match(text, e2 - base) \
                and not any(_JOINED.match(g) and _AND_OR.search(g) for g in gaps[i + 1:i + 4]):
            continue
        # "X versus Y" is a subject only when a clause says something of it ("... is
        # ambiguous"); the words around "the question of X vs. Y" are no one's claim on both
        versus = _VERSUS.search(gaps[i]) is not None
        for have, lack in ((t1, t2), (t2, t1)):
            if have in claimed and lack not in claimed:
                # from the copies too: '"sprocket", "cog" and "gear" are all ...' says it of "gear";
                # never what names the other ("can cause many incidents" is no claim of incidents)
                named = [re.compile(rf"\w\W+{re.escape(text[a - base:b - base])}(?!\w)", re.I)
                         for a, b, t in mentions if t == lack]
                out += [replace(f, term=lack, rule=SHARED, start=min(f.start, s1, s2), end=max(f.end, e1, e2))
                        for f in [*findings, *out] if f.kind == CLAIM and f.term == have
                        and not (versus and f.rule == RULE) and not any(n.search(f.label) for n in named)]
                claimed.add(lack)
    return out
