"""Who agrees with or disputes whom: "I agree with Mary", "Like Jim, ...", "+1",
"Good point.", "Sounds correct to me", "To contradict Luke, ...", "I disagree", "I
can't support that", "you are wrong, Bo", "I don't think so", "-1".

A stance names its target ("with Mary", "Bo,") or answers the message replied to;
a name that is no contributor's (a nickname) also answers that message. One sentence
takes one stance towards one person: never both.

>>> [(s.kind, s.target) for s in stances("Like Jim, I think focus matters.", {"jim": "jim-benson"})]
[('agrees_with', 'jim-benson')]
>>> [(s.kind, s.target) for s in stances("I disagree.", {}, replied_author="ann")]
[('disputes', 'ann')]
>>> [(s.kind, s.target) for s in stances("Sounds correct to me.", {}, replied_author="ann")]
[('agrees_with', 'ann')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from ..kinds import AGREES_WITH, DISPUTES
from ..names import fold, initialled
from .text import could_match, spelled, zipf

__all__ = ["Stance", "stances", "shapes", "name_index", "shared_names", "quote_authors", "addressed", "conceded"]

# a name, or a login as forges and chats write it ("samrivera", "@sam_r"), which stands for
# someone only if a contributor has it ("I agree with everything" names no one)
_WHO = (r"(?P<who>@?(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s*|[A-Z]\.\s*(?=[A-Z][a-z]))?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?"
        r"|@?(?![A-Z])[^\W\d_](?:[\w.-]*\w)?)")
_I = r"(?:I|we|I'm|I’m|we're|we’re|I am|we are|I'd|I’d|we'd|we’d|I would|we would)"
# "+1", and as chat and forges write it: ":+1:", ":thumbsup:", 👍
_PLUS_ONE = r"(?<![^\s:])\+1\b|:thumbsup:|\U0001F44D"


class _Shape(NamedTuple):
    """A way to state a stance. A "named" shape must name its target; the others answer
    the message replied to. A shape with a rule of its own is calibrated on its own
    (confidence.py); ``needs``: words one of which the sentence must hold (in lower case)
    for the pattern to be tried at all, since most sentences take no stance."""
    kind: str
    pattern: re.Pattern[str]
    named: bool
    rule: str = ""
    needs: tuple[str, ...] = ()


# Giving way to another in so many words: "you convinced me", "point taken" (an agreement,
# and, with the rest of _GIVING_WAY, what conceded() reads)
_CONVINCED = r"(?:you(?:['’]ve)?|that)\s+(?:\w+\s+)?convinced\s+me|point\s+taken|" \
             r"\bI(?:['’]m|\s+am)\s+(?:now\s+|fully\s+)?convinced(?=\s*(?:[.!,;]|$))"
# an objection taken back: "I withdraw my objection", "I'll drop my objections"
_WITHDRAWN = r"(?:withdraw|withdrew|drop|dropped|retract|rescind|lift)\w*\s+(?:my|our|the|any)\s+(?:\w+\s+)?objections?"

# "with" before a name, as people write it ("agree w/ josé")
_WITH = r"(?:with\s+|w/\s*)"
# "I" or "we", as people write them (students and chats in lower case: "i agree")
_ME = r"(?:[Ii]|[Ww]e)"
# a negation before a verb: "don't", "cannot", "wouldn't", "not", "never"
_NOT = r"(?:\w*n't|\w*n’t|not|cannot|never)"

_PATTERNS: list[_Shape] = [
    # "I don't agree with Bo" disputes, "I don't disagree with Bo" agrees ("couldn't agree more" agrees)
    _Shape(DISPUTES, re.compile(rf"\b{_ME}\s+(?:\w+\s+)?{_NOT}\s+(?:(?:\w+\s+)?agree[sd]?\s+(?!more\b)|disagree\s+more\s+)"
                                rf"(?:\w+\s+){{0,2}}{_WITH}{_WHO}"), True, needs=("agree",)),
    _Shape(AGREES_WITH, re.compile(rf"\b{_ME}\s+(?:\w+\s+)?{_NOT}\s+(?:(?:\w+\s+)?disagree[sd]?(?!\s+more)|agree\s+more)\s+"
                                   rf"(?:\w+\s+){{0,2}}{_WITH}{_WHO}"), True, needs=("agree",)),
    _Shape(DISPUTES, re.compile(rf"\b[Tt]o\s+(?:contradict|disagree\s+with|challenge|correct)\s+{_WHO}"), True,
           needs=("contradict", "disagree", "challenge", "correct")),
    _Shape(DISPUTES, re.compile(rf"\b{_ME}\s+(?:(?!not\b|never\b)\w+\s+){{0,2}}disagree[sd]?\s+(?:\w+\s+){{0,2}}"
                                rf"{_WITH}{_WHO}"), True, needs=("disagree",)),
    _Shape(DISPUTES, re.compile(rf"\b(?:[Cc]ontrary to|[Uu]nlike)\s+{_WHO}\s*,"), True, needs=("contrary", "unlike")),
    # "I see it differently from (or to) Priya", "I beg to differ with Bo": to the one named
    _Shape(DISPUTES, re.compile(rf"\b[Ii]\s+(?:would\s+|['’]d\s+)?(?:see\s+(?:it|this|that|things)\s+differently\s+"
                                rf"(?:from|than|to)|beg\s+to\s+differ\s+(?:with|from))\s+{_WHO}"), True,
           needs=("differently", "differ")),
    _Shape(DISPUTES, re.compile(rf"\b[Yy]ou(?:'re|’re| are)\s+(?:\w+\s+)?wrong,?\s+{_WHO}"), True, needs=("wrong",)),
    _Shape(AGREES_WITH, re.compile(rf"\b{_ME}\s+(?:(?!not\b|never\b)\w+\s+){{0,2}}agree[sd]?\s+(?:\w+\s+){{0,2}}"
                                   rf"{_WITH}{_WHO}"), True, needs=("agree",)),
    _Shape(AGREES_WITH, re.compile(rf"^\s*(?:[A-Za-z]+ly\s+)?[Aa]gree[sd]?\s+{_WITH}{_WHO}"), True),
    _Shape(AGREES_WITH, re.compile(rf"^\s*(?:Like|As|With)\s+{_WHO}\s*(?:,|said|says|wrote)"), True),
    _Shape(AGREES_WITH, re.compile(rf"\b(?:[Aa]s|[Ll]ike|[Ww]hat)\s+{_WHO}\s+(?:\w+\s+)?(?:says|said|noted|notes|pointed out|"
                                   rf"suggested|suggests|put it|mentioned)\b"), True,
           needs=("said", "says", "noted", "notes", "pointed", "suggest", "put it", "mentioned")),
    # "I'm with Bo on this.": the whole sentence (not "I'm with Acme and ...", an employer)
    _Shape(AGREES_WITH, re.compile(rf"^\s*[Ii](?:['’]m|\s+am)\s+(?:\w+\s+)?{_WITH}{_WHO}\s*(?:on\s+(?:this|that)|here|"
                                   rf"there)?\s*[.!]*\s*$"), True, needs=("with",)),
    _Shape(AGREES_WITH, re.compile(rf"\b{_ME}\s+(?:second|back|support|echo)\s+{_WHO}"), True,
           needs=("second", "back", "support", "echo")),
    # "Marco is right", "I think Marco's right here"
    _Shape(AGREES_WITH, re.compile(rf"\b{_WHO}(?:\s+is|['’]s)\s+(?:quite\s+|absolutely\s+|exactly\s+|totally\s+)?right\b"),
           True, needs=("right",)),
    _Shape(AGREES_WITH, re.compile(rf"\b{_WHO}\s+(?:got|has)\s+it\s+(?:right|spot on|exactly)\b"), True,
           needs=("got", "has")),
    # "I like Rob's point", "I'd go with Ana's idea", "Good point from Bo": with the one whose it is
    _Shape(AGREES_WITH, re.compile(rf"\b{_ME}(?:['’]d|\s+would)?\s+(?:\w+\s+)?(?:like|love|support|second|go\s+with)\s+"
                                   rf"{_WHO}\s+(?:\w+\s+)?(?:point|idea|take|answer|view)s?\b"), True,
           needs=("point", "idea", "take", "answer", "view")),
    _Shape(AGREES_WITH, re.compile(rf"\b(?:[Gg]ood|[Gg]reat|[Ff]air|[Ee]xcellent|[Vv]alid)\s+(?:point|idea|question)\s+"
                                   rf"(?:from|by)\s+{_WHO}"), True, needs=("from", "by")),
    # "Jim Benson's perceptive phrasing", "Ana's excellent summary": praise of one named, for what they said
    _Shape(AGREES_WITH, re.compile(rf"(?<![\w’'])(?!(?:I|It|That|This|He|She|What|Who)['’]s){_WHO}['’]s\s+"
                                   r"(?:(?:very|really|quite|rather|most)\s+)?(?:perceptive|insightful|excellent|great|"
                                   r"good|apt|astute|helpful|clever|elegant|neat|spot-on|lucid|wise|sensible)\s+"
                                   r"(?:\w+\s+)?(?:point|phrasing|summary|idea|explanation|answer|definition|"
                                   r"distinction|framing|analogy|example|comment|take|observation|description)s?\b", re.I),
           True, needs=("perceptive", "insightful", "excellent", "great", "good", "apt", "astute", "helpful", "clever",
                        "elegant", "neat", "spot-on", "lucid", "wise", "sensible")),
    # "Sam has a point", "Bo makes a fair point": granting a point to the one named
    _Shape(AGREES_WITH, re.compile(rf"\b{_WHO}\s+(?:has|had|makes|made)\s+a\s+(?:good\s+|fair\s+|strong\s+)?"
                                   r"point\b(?!\s+of\b)"), True, needs=("point",)),
    _Shape(DISPUTES, re.compile(
        # (not "we still disagree on chairing": a report of where the group stands, no one answered)
        # (nor "I withdraw my objection": giving way)
        rf"\b(?:(?!we(?:['’]re|\s+are)?\s+(?:\w+\s+){{0,3}}disagree[sd]?\s+(?:on|about|over)\b){_I}\s+"
        rf"(?!(?:\w+\s+){{0,2}}{_WITHDRAWN})(?:\w+\s+){{0,4}}"
        r"(?:(?<!n't )(?<!n’t )(?<!not )(?<!never )disagree|(?:\w*n't|\w*n’t|not)\s+"
        r"disagree\s+more|(?:do not|don't|don’t|cannot|can't|can’t)\s+(?:agree(?!\s+more)|support|"
        r"accept|buy)|(?<!no )(?<!not )(?<!n't )(?<!n’t )(?<!never )(?<!any )object(?:ions?)?\b)|"
        r"I\s+(?:do not|don't|don’t)\s+think\s+so|(?:offer|as)\s+a\s+counter-?point|"
        r"on the contrary|not\s+(?:quite\s+)?(?:true|correct|right)\b|(?:would|will)\s+not\s+be\s+(?:okay|ok|happy)\s+"
        r"with|I\s+(?:do not|don't|don’t)\s+(?:understand|see)\s+why|(?:that's|that is|this is)\s+(?:not\s+(?:true|"
        r"correct|right)|wrong|incorrect)|(?:that|this|it)\s+(?:isn't|isn’t|is\s+not)\s+(?:quite\s+)?(?:true|correct|"
        r"right)\b|you(?:'re|’re| are)\s+(?:(?!not\s|never\s)\w+\s+)?(?:wrong|mistaken)|misses the point|"
        r"no need (?:to|for)|I\s+(?:would\s+|'d\s+|’d\s+)?see\s+(?:it|this|that|things)\s+differently|"
        r"I\s+beg\s+to\s+differ|(?:not|isn't|isn’t)\s+how\s+I\s+see\s+it)", re.I), False,
        needs=("disagree", "not", "n't", "n’t", "object", "counter", "contrary", "wrong", "incorrect", "mistaken",
               "misses", "no need", "differently", "differ")),
    _Shape(DISPUTES, re.compile(r"^\s*(?:(?:oh|respectfully|sorry|um|uh),?\s+)?(?:er|nope|no|nah)\b[,.!]|^\s*hm+\?|"
                                r"^\s*nah\s*$|^\W*meh\b", re.I), False),
    # "Yes, but ...", "Well, except ...", "That's fair for X, Kofi, but ...": granted, then taken back
    # (not "ok but then what's a standard?": granted, and the next thing asked)
    _Shape(DISPUTES, re.compile(r"^(?![^.?!]*\bagree)(?![^.?!]*\bbut\s+(?:then\s+|so\s+)?(?:what|which|where|who|how)\b[^.!]*\?)"
                                r"\s*(?:(?:that['’]s\s+|that\s+is\s+)?(?:yeah|yes|sure|true|right|okay|ok|well|fair|granted)\b[,.]?\s+"
                                r"(?:[^.?!]{0,100}?[\s,])?but|(?:well,?\s+)?except)\b", re.I), False, "granted but",
           needs=("but", "except")),
    # "I don't think any of these are ...", opening a sentence or a clause
    _Shape(DISPUTES, re.compile(r"(?:^|[,;]\s*)(?:but\s+|well,?\s+)?I\s+(?:still\s+)?(?:do not|don't|don’t)\s+"
                                r"(?:really\s+)?(?:think|believe)\b", re.I), False, "I don't think", needs=("think", "believe")),
    # "I still think X", "Still, I think X": a view held against what was just said; "C'mon, Bo, ..."
    # (a line's start too: a sentence may run on across a line break after a link)
    _Shape(DISPUTES, re.compile(r"(?:^|[,;]\s*|\n\s*)(?:but\s+)?(?:I\s+still\s+(?:think|believe|feel|prefer)|still,?\s+I\s+"
                                r"(?:think|believe|feel|prefer))\b|^\W*(?:c['’]mon|come\s+on)\b(?:\s+[A-Z][\w’'-]*)?\s*[,!.]",
                                re.I), False,
           "still", needs=("still", "mon")),
    _Shape(AGREES_WITH, re.compile(
        # "I agree", "Agreed." (not "we agreed in May that ...": what was agreed once is told, not taken)
        rf"\b(?:{_I}\s+(?:\w+\s+){{0,2}}(?:agrees?|in agreement|concur)\b(?!\s+(?:not\s+)?(?:to|on)\b)|"
        # "I don't disagree", "can't disagree with that" (but "couldn't disagree more" disputes)
        rf"\b{_I}\s+(?:\w+\s+)?{_NOT}\s+(?:disagree\b(?!\s+more)|agree\s+more\b)|"
        r"^\W*agreed\b|^\W*(?:\w+ly\s+)?agree\b(?!\s+(?:not\s+)?(?:to|on)\b)|"  # "Totally agree."
        r"(?:good|great|fair|excellent)\s+point|well said|spot on|nailed it|"
        r"(?:looks?|sounds?|seems?)\s+(?:\w+ly\s+)?(?:good|right|correct|reasonable|fine|nice|great|sensible)\b|"
        r"^\s*(?:all\s+)?correct\s*[.!]|you(?:'re|’re| are)\s+(?:\w+\s+)?right|(?:I\s+was|I'm|I’m|I am)\s+wrong|"
        r"I\s+(?:\w+\s+)?support\s+(?:this|that|it)\b|uncontroversial|same here|me too|^\s*"
        # "Exactly.", "Exactly, Zoë.", "Exactly: a facilitator is ...", "Exactly — ..."
        r"(?:exactly|indeed|absolutely|precisely)\s*(?:[.!:;]|\s[–—-]\s|,\s*(?:[^\W\d_][\w’'.-]*\s*){1,3}[.!])|"
        r"as you (?:described|said|suggested)|feel the same|"
        r"(?:share|have)\s+(?:\w+\s+)?similar concerns|happy to (?:follow|go with)|"
        r"I\s+(?:\w+\s+)?support\s+(?:not\s+)?\w+ing\b)", re.I), False,
        needs=("agree", "concur", "point", "said", "spot on", "nailed", "look", "sound", "seem", "correct", "right",
               "wrong", "support", "uncontroversial", "same", "too", "exactly", "indeed", "absolutely", "precisely",
               "as you", "similar", "happy")),
    # "+1 to Mira's proposal": to the one it names
    _Shape(AGREES_WITH, re.compile(rf"(?:{_PLUS_ONE})\s+(?:(?:to|for)\s+)?@?(?P<who>[^\W\d_][\w’'.-]*\w"
                                   rf"(?:\s+[A-Z][\w’'-]*)?)"), True,
           needs=("+1", "thumbsup", "\U0001F44D")),
    # a bare "+1" (but not one that signs off a statement of the speaker's own: _unsigned)
    _Shape(AGREES_WITH, re.compile(_PLUS_ONE), False, needs=("+1", "thumbsup", "\U0001F44D")),
    # "-1 on X", ":-1:", 👎: a vote against (opening the sentence: "-1" inside one may be a number)
    _Shape(DISPUTES, re.compile(r"^\W*(?<![\w.])-1(?=\s*$|\s*[.,!:;)]\s|\s*[.!]$|\s+(?:on|to|for|from|here|me)\b)"
                                r"|:-1:|:thumbsdown:|\U0001F44E"), False,
           needs=("-1", "thumbsdown", "\U0001F44E")),
    # agreement without the word: "Makes sense.", "Fair enough", "I stand corrected", "That's what I meant"
    _Shape(AGREES_WITH, re.compile(
        r"^\s*(?:(?:yeah|yes|yep|ok|okay|right|sure|ah|oh)[,!.]?\s+)?"  # "Yeah, makes sense."
        r"(?:(?:that|it|this)\s+(?:\w+ly\s+)?makes\s+(?:\w+\s+)?sense\b|makes\s+sense\b|fair enough\b|good idea\b)|"
        r"\bI\s+stand\s+corrected\b|\b(?:that's|that’s|that is)\s+(?:exactly\s+)?what\s+I\s+(?:meant|mean|was\s+saying)\b|"
        # "OK, you convinced me", "Point taken", "That changed my mind": giving way (to whom: conceded())
        rf"\b(?:{_CONVINCED})\b|"
        r"\b(?:you|that|this)\s+(?:\w+\s+)?(?:changed|changes)\s+my\s+(?:mind|view)\b|"
        # "Works for me.", "That name works for me", "I can live with that", "I'd go with that",
        # "I prefer that name" (but "I prefer that we ...", "I prefer this: Y" put something forward)
        r"^\s*(?:(?:that|this|it)\s+(?:\w+\s+)?)?works\s+(?:(?:just\s+)?fine\s+)?(?:for|with)\s+me\b|"
        r"^\s*(?:that|this|it)\s+(?:\w+\s+)?works\s*[.!]*$|\bI\s+(?:can|could)\s+live\s+with\s+(?:that|this|it)\b|"
        r"\bI(?:['’]d|\s+would)\s+go\s+with\s+(?:that|this|it|yours)\s*(?:[.!,]|$)|"
        # "I'm cool with that name", "I'd go along with that" (but "I'm not happy with ..." disputes)
        r"\bI(?:['’]m|\s+am)\s+(?:(?!not\b|never\b)\w+\s+)?(?:cool|fine|ok|okay|happy|comfortable|good)\s+with\b|"
        r"\bI(?:['’]d|\s+would|\s+can|\s+could|['’]ll|\s+will)?\s+go\s+along\s+with\b|"
        r"\bI\s+(?:\w+ly\s+)?prefer\s+(?:that|this|your)(?:\s+(?!(?:we|you|they|it|he|she|the|a|an)\b)\w+)?\s*(?:[.!,]|$)|"
        # "LGTM", "I'm all for it", "I'm in favour (of this)"
        r"^\W*(?:lgtm|sgtm)\b|\bI(?:['’]m|\s+am)\s+(?:all\s+|very\s+much\s+|strongly\s+|fully\s+)?(?:for\s+(?:it|this|that)\b|"
        r"in\s+favou?r(?:\s+of\s+(?:it|this|that))?\s*(?:[.!,]|$))|"
        r"^\s*(?:yes|yep|yeah|right|true)\s*[,!]?\s+and\b|^\s*(?:right|true)\s*[.!]*$|"
        # "Ah, nice!", "Yes.", "Bo - yes, I think ...": approval said and nothing else, or opening the answer
        r"^\s*(?:(?:ah|oh)[,!]?\s+)?(?:nice|great|cool|perfect|excellent)\s*[.!]*\s*$|"
        # chat's bare assent, often unpunctuated: "ok", "This.", "^ this", "Seconded."
        r"^\s*(?:ok|okay|kk)\s*[.!]*\s*$|^\W*(?:\^+\s*)?this\s*[.!]*\s*$|^\s*seconded\s*[.!]*\s*$|"
        # "Definitely.", "Same.", "Ditto.", "That's fair.", "Well put.", "I second that", "I'm with you on this",
        # "I think so too", "I can confirm", "Couldn't have said it better", "Sounds like a plan"
        r"^\W*(?:definitely|totally|yup|same|ditto|pretty\s+much|(?:that['’]s|that\s+is)\s+(?:\w+\s+)?fair|well\s+put)"
        r"\s*[.!]*\s*$|\bI\s+(?:would\s+|['’]d\s+)?(?:second|echo)\s+(?:that|this)\b|"
        r"\bI(?:['’]m|\s+am)\s+with\s+you\b|\bI\s+think\s+so\s+too\b|\bhow\s+I\s+see\s+it\s+too\b|"
        r"^\W*I\s+can\s+confirm\b|\b(?:couldn['’]t|could\s+not)\s+have\s+said\s+it\s+better\b|"
        r"\bsounds\s+like\s+a\s+plan\b|"
        # "Bingo.", "Count me in", "Same here", "I was going to say the same", "Great minds ..."
        r"^\W*(?:bingo|count\s+me\s+in|same\s+(?:here|thought|view|feeling|for\s+me)|great\s+minds)\b|"
        r"\bI\s+was\s+(?:going|about)\s+to\s+say\s+(?:the\s+same(?:\s+thing)?|that|this|exactly\s+that)\s*(?:[.!,]|$)|"
        # "Wow, this is good.", "That's a great idea!": approval of what it answers, said and nothing else
        r"^\s*(?:(?:ah|oh|wow)[,!]?\s+)?(?:this|that)(?:['’]s|\s+is)\s+(?:(?:really|very|so)\s+)?(?:an?\s+)?"
        r"(?:good|great|excellent|brilliant|helpful|useful)(?:\s+(?:idea|point|summary|answer|one))?\s*[.!]+\s*$|"
        r"^\s*(?:[^\W\d_][\w.-]*\s+[-–:]\s+)?(?:yes|yep)\s*(?:[.!]+\s*$|,)", re.I), False, "implicit",
        needs=("sense", "fair enough", "good idea", "corrected", "convinced", "taken", "my mind", "my view", "pretty much",
               "mean", "saying", "works", "live with", "go with", "prefer",
               " with", "definitely", "totally", "yup", "same", "ditto", "fair", "well put", "second", "echo", "so too",
               "see it too", "confirm", "said it better", "a plan", "bingo", "count me", "great minds", "to say",
               "ok", "kk", "this", "seconded",
               "lgtm", "sgtm", "for it", "for this", "for that", "favo", "right", "true", "yes", "yep", "nice",
               "great", "cool", "perfect", "excellent", "good", "brilliant", "helpful", "useful")),
    # dispute without the word: "Actually, ...", "That's not quite ...", "I'm not convinced"
    _Shape(DISPUTES, re.compile(
        r"^\s*actually,|(?:^|[,;:]\s*)(?:that's|that’s|that is|this is)\s+not\s+(?:quite|entirely|really|exactly|"
        r"necessarily)\b|^\s*not\s+(?:quite|exactly|necessarily|really)\s*(?:[.,!:;]|\s[-–—]\s)|"
        r"\bI(?:'m|’m| am)\s+not\s+(?:so\s+)?"
        r"(?:convinced|sure\s+(?:that's|that’s|this is|about that|I agree))|\bI\s+doubt\s+(?:that|it|this)\b|"
        # "Hmm, not sure.", "I don't like it", "That's a bad idea", "I'm against it", "That won't work", "Strong -1"
        r"^\s*(?:(?:hmm+|well|honestly)[,.]?\s+)?not\s+(?:so\s+)?sure\s*(?:[.!]|$)|"
        r"\bI(?:['’]m|\s+am)\s+not\s+(?:\w+\s+)?(?:happy|comfortable|ok|okay|fine|cool)\s+with\b|"
        # "I'm not so sure.", "I'm skeptical", "That's a stretch", "That doesn't make sense", "I'd argue the opposite"
        r"\bI(?:['’]m|\s+am)\s+not\s+(?:so\s+|too\s+|that\s+)?sure\s*(?:[.!]|$)|"
        r"\bI(?:['’]m|\s+am)\s+(?:\w+\s+)?(?:skeptical|sceptical|unconvinced)\b|"
        r"(?:^|[,;]\s*)(?:that['’]s|that\s+is|this\s+is|it['’]s)\s+(?:a\s+)?(?:bit\s+of\s+a\s+)?stretch\b|"
        r"^\s*(?:but\s+)?(?:that|this)\s+(?:doesn['’]t|does\s+not)\s+make\s+(?:much\s+|any\s+)?sense\s*(?:[.!]|$)|"
        r"^\s*(?:but\s+)?(?:that|this)\s+makes\s+no\s+sense\b|"
        r"\bI(?:['’]d|\s+would)\s+argue\s+(?:the\s+opposite|otherwise)\b|"
        r"\bI\s+(?:do not|don't|don’t)\s+(?:really\s+|much\s+)?(?:like|love)\s+(?:it|this|that|(?:the|this|that)\s+name)"
        r"(?:\s+(?:much|at\s+all|either|very\s+much|one\s+bit))?\s*(?:[.!,;]|$)|"
        r"(?:^|[,;]\s*)(?:that's|that’s|that is|this is|it's|it’s)\s+(?:a\s+)?(?:really\s+|very\s+)?(?:bad|terrible|poor)\s+"
        r"(?:idea|name|choice)\b|\bI(?:['’]m|\s+am)\s+(?:strongly\s+|firmly\s+)?against\s+(?:it|this|that)\b|"
        r"^\s*(?:that|this|it)\s+(?:won't|won’t|will\s+not|wouldn't|wouldn’t|would\s+not)\s+work\s*(?:[.!]|$)|"
        r"^\W*(?:strong(?:ly)?|big|hard)\s+-1\b", re.I),
        False, "implicit dispute", needs=("actually", "not", "doubt", "sure", "n't", "n’t", "bad", "terrible", "poor",
                                          "skeptical", "sceptical", "unconvinced", "stretch", "no sense", "argue",
                                          "against", "-1")),
]


# every shape's words, each looked for once in a sentence (as a part of a word too: "agree" in "agreed")
_CUE_WORDS = tuple(sorted({w for shape in _PATTERNS for w in shape.needs}))
_NEEDS = [frozenset(shape.needs) or None for shape in _PATTERNS]
# and a quicker test of whether its pattern finds anything at all, as most find nothing
_COULD = [could_match(shape.pattern) for shape in _PATTERNS]


@dataclass
class Stance:
    kind: str
    target: str
    start: int
    end: int
    named: bool = False  # the sentence names its target
    back: bool = False  # it points back at the message before: "+1 to that", "That's right"
    bare: bool = False  # an agreement that adds nothing of its own: "+1", "Me too", "I'm also in agreement"
    rule: str = ""  # the shape's own rule, when it has one
    root: bool = False  # it speaks of the thread's opening post: "the proposal", "this article"


def name_index(contributors: list[tuple[str, str]]) -> dict[str, str]:
    """Each way a text may call a contributor (the whole name, a first or last name of
    three letters or more, the part of a name before a hyphen, "Mr.Arthur", "Alex K."
    and "A. Kim" for Alex Kim) -> their id;
    names shared by two people dropped (see :func:`shared_names`)."""
    return _NameIndex((k, ids[0]) for k, ids in _names(contributors).items() if len(ids) == 1)


class _NameIndex(dict[str, str]):
    """:func:`name_index`'s dictionary, with its logins filed by their first letters and
    its plain names by their length, kept so as keys come and go: what :func:`_person`
    would otherwise look for among every key, a forum's handles too (a thread of a few
    hundred people has tens of thousands of them), at every name a sentence calls."""

    def __init__(self, items: Iterable[tuple[str, str]] = ()) -> None:
        super().__init__()
        self.logins: dict[str, dict[str, str]] = {}  # the first three letters of a login -> its keys
        self.plain: dict[int, dict[str, str]] = {}  # a length -> the names of that length (no login, no handle)
        for key, ident in items:
            self[key] = ident

    def _filed(self, key: str) -> dict[str, str] | None:
        if key.startswith(_LOGIN):
            return self.logins.setdefault(key[1:4], {})
        return None if key.startswith(_HANDLE) else self.plain.setdefault(len(key), {})

    def __setitem__(self, key: str, ident: str) -> None:
        super().__setitem__(key, ident)
        if (filed := self._filed(key)) is not None:
            filed[key] = ident

    def __delitem__(self, key: str) -> None:
        super().__delitem__(key)
        if (filed := self._filed(key)) is not None:
            filed.pop(key, None)

    def pop(self, key: str, *default: Any) -> Any:
        if key in self:
            ident = self[key]
            del self[key]
            return ident
        return super().pop(key, *default)

    def __reduce__(self) -> tuple[Any, ...]:  # (a forked reader sends its names back pickled)
        return (_NameIndex, (list(self.items()),))

    def update(self, *args: Any, **kwargs: Any) -> None:
        for key, ident in dict(*args, **kwargs).items():
            self[key] = ident

    def setdefault(self, *args: Any) -> Any:
        raise NotImplementedError("set names one at a time (index[key] = id)")

    popitem = clear = setdefault


def shared_names(contributors: list[tuple[str, str]]) -> dict[str, list[str]]:
    """The ways of calling a contributor that fit several ("Matt" for Matt and Matt
    Gabriele) -> their ids: which one a text means depends on who has spoken by then.

    >>> shared_names([("mg", "Matt Gabriele"), ("m", "Matt"), ("bo", "Bo")])
    {'matt': ['mg', 'm']}
    """
    return {k: ids for k, ids in _names(contributors).items() if len(ids) > 1 and not k.startswith(_HANDLE)}


def _names(contributors: list[tuple[str, str]]) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for ident, name in contributors:
        words = [w for w in re.split(r"[\s.]+", name) if w]
        parts = {p for w in words for p in w.split("-") if len(p) >= 3}
        if len(words) >= 2:  # "Alex K.", "A. Kim": how a text tells Alex Kim from Alex Moreau
            parts |= initialled(words[0], words[-1])
        logins = {_LOGIN + fold(name)} if len(words) == 1 and "-" not in name else set()  # "samrivera", for "Sam"
        if len(words) >= 2:  # the handles a forum may give them: "@twhit" for Tom Whitfield, any start of each name
            first, last = fold(words[0]), fold(words[-1])
            logins |= {_HANDLE + first[:i] + last[:j] for i in range(1, len(first) + 1) for j in range(1, len(last) + 1)
                       if i + j >= _SHORTEST_HANDLE}
        for key in sorted({fold(name), *(fold(w) for w in words if len(w) >= 3), *(fold(p) for p in parts), *logins}):
            ids = index.setdefault(key, [])
            if ident not in ids:
                ids.append(ident)
    return index


#: What marks the key of a name written as one word (a login: "samrivera"), which a first
#: name that starts it may stand for ("Sam")
_LOGIN = "\x00"
#: ... and the first and last names of a name of several words, which a handle may run
#: together cut short ("@twhit", "@jesscarver", "@priyan")
_HANDLE = "\x02"


def _handle(login: str, names: dict[str, str]) -> str:
    """The one contributor an @handle is made from the start of the first name and the
    start of the last name of ("twhit" for Tom Whitfield), else "".

    >>> index = name_index([("tw", "Tom Whitfield"), ("jc", "Jessica Carver"), ("pn", "Priya Nair")])
    >>> [_handle(h, index) for h in ("twhit", "jesscarver", "priyan", "tomw", "twat", "ab")]
    ['tw', 'jc', 'pn', 'tw', '', '']
    """
    return names.get(_HANDLE + fold(login), "")


#: (a handle of three letters or fewer, "@tw", may be anyone's)
_SHORTEST_HANDLE = 4


# Common English short forms of given names: "I agree with Bill" may mean William M. Klein.
_NICKNAMES = {"bill": "william", "will": "william", "bob": "robert", "rob": "robert", "bert": "robert",
              "jim": "james", "jimmy": "james", "mike": "michael", "dave": "david", "tom": "thomas",
              "dick": "richard", "rick": "richard", "chuck": "charles", "charlie": "charles", "pete": "peter",
              "joe": "joseph", "sam": "samuel", "ben": "benjamin", "dan": "daniel", "ed": "edward",
              "ted": "edward", "liz": "elizabeth", "beth": "elizabeth", "kate": "katherine", "sue": "susan",
              "jen": "jennifer", "alex": "alexander", "andy": "andrew", "chris": "christopher", "matt": "matthew",
              "nick": "nicholas", "steve": "stephen", "tony": "anthony", "greg": "gregory", "jon": "jonathan",
              "larry": "lawrence", "tim": "timothy", "fred": "frederick", "frank": "francis", "hank": "henry",
              "mags": "margaret", "maggie": "margaret", "meg": "margaret", "peggy": "margaret", "kathy": "katherine",
              "katie": "katherine", "jenny": "jennifer", "becky": "rebecca", "abby": "abigail", "vicky": "victoria",
              "mandy": "amanda", "debbie": "deborah", "jess": "jessica", "nate": "nathan", "ron": "ronald",
              "ray": "raymond", "rich": "richard"}
# "Do we agree?", "What is wrong with it?" (but "What Matt said" answers)
_ASKS = re.compile(r"^\s*(?:(?:do|does|did|should|shall|can|could|would|will|is|are)\b|(?:what|why|how)\b.*\?\s*$)",
                   re.I | re.S)

# "Agreed?", "Everyone OK?", "Makes sense?": asking for assent, not giving it
_SEEKS_ASSENT = re.compile(r"^\W*(?:(?:all|everyone|everybody|we)\s+)?(?:agreed|agree|right|correct|ok|okay|yes|fair|"
                           r"true|sounds?\s+good|makes\s+sense|deal)\s*\?\W*$", re.I)


# A request to be told ("Can someone explain how X differs from Y?", "What is the
# difference between X and Y?"): it asks, and takes no side, whatever words it names
# (but "Can you explain why you think so?" challenges)
_SEEKS_EXPLANATION = re.compile(r"^\W*(?:(?:so|but|and|ok|okay|hi|hello|sorry)\W+)?(?:(?:but|so)\s+)?(?:then\s+)?"
                                r"(?:(?:can|could|would|will)\s+"
                                r"(?:someone|somebody|anyone|anybody|you|one\s+of\s+you)\s+(?:please\s+)?"
                                r"(?:explain|clarify|elaborate|tell\s+me|help\s+me\s+understand)(?!\s+why\b)|"
                                r"(?:what|where)\s+(?:is|are|['’]s)\s+the\s+(?:\w+\s+)?(?:difference|distinction)s?|"
                                # "ok but then what's a standard?": what a word is, asked next
                                r"what(?:\s+(?:is|are)|['’]s)\s+(?:an?\s+)?[\w-]+(?=\s*\?\W*$))\b[^.!]*\?\W*$",
                                re.I)


def shapes(text: str) -> list[tuple[int, str | None]]:
    """The ways of stating a stance one sentence matches, the one stated first first: each
    as its place in the list of shapes and the name it gives, if any. A question ("Do we
    agree or disagree?") matches none.

    >>> [who for _, who in shapes("I agree with Jim.")]  # "I agree with NAME", and "I agree"
    ['Jim', None]
    >>> shapes("Agreed?"), shapes("Everyone OK?")  # asking for assent gives none
    ([], [])
    """
    text = _unsigned(spelled(text))  # "I dont agree" disputes as "I don't agree" does
    if _ASKS.match(text) or _SEEKS_ASSENT.match(text) or _RUNNING.search(text) and not _SIDED.search(text) \
            or _pointer(text):
        return []  # (running the meeting: "Yes, we can hear you", not "I agree, let's move on")
    found = _found(text, 0)
    if _NO_QUARREL.search(text):  # "I don't think we actually disagree": a dispute denied is none
        found = [f for f in found if _PATTERNS[f[1]].kind != DISPUTES]
    spoken_to = _SPOKEN_TO.match(text)
    if spoken_to:  # "@Kwame Osei exactly.": what follows the name is read as a sentence of its own
        seen = {i for _, i, _ in found}
        found += [f for f in _found(text[spoken_to.end():], spoken_to.end()) if f[1] not in seen]
    return [(i, who) for _, i, who in sorted(found, key=lambda f: (f[0], f[1]))]


# A disagreement denied: "I don't think we really disagree", "we're not disagreeing", "no disagreement here"
_NO_QUARREL = re.compile(r"\b(?:(?:don['’]t|do\s+not|doesn['’]t|does\s+not|never)\s+(?:think|believe|feel)\s+(?:that\s+)?"
                         r"(?:we|you\s+and\s+I|the\s+two\s+of\s+us)\s+(?:\w+\s+){0,2}(?:disagree|differ)|"
                         r"\bwe(?:['’]re|\s+are)\s+not\s+(?:\w+\s+)?disagreeing|"
                         r"\bno\s+(?:real\s+)?disagreement\s+(?:here|between\s+us|then)\b)", re.I)

# "@kwame ", "@Kwame Osei " opening a sentence (not "Bo, ", which may be any word: "Trolling, no")
_SPOKEN_TO = re.compile(r"^\s*@[\w.-]+(?:\s+[A-Z][\w’'-]*)?[,:]?\s+(?=\S)")


def _found(text: str, at: int) -> list[tuple[int, int, str | None]]:
    low = text.lower()
    held = {w for w in _CUE_WORDS if w in low}
    return [(at + m.start(), i, m.groupdict().get("who")) for i, shape in enumerate(_PATTERNS)
            if ((cue := _NEEDS[i]) is None or not held.isdisjoint(cue)) and _COULD[i](text)
            if (m := shape.pattern.search(text))]


def stances(text: str, names: dict[str, str], replied_author: str = "", base: int = 0,
            matched: list[tuple[int, str | None]] | None = None) -> list[Stance]:
    """The agreement or dispute one sentence states, with its characters: at most one.
    A question ("Do we agree or disagree?") states none. ``matched``: the sentence's
    :func:`shapes`, when already known."""
    found = shapes(text) if matched is None else matched
    # the stance stated first; but one towards someone named ("Actually, Yael has a point")
    # before one that only opens the sentence and answers whoever was answered
    people = [(i, who, _login(who, names) if who and who[:1].islower() else _person(who, names) if who else "")
              for i, who in found]
    for i, who, target in sorted(people, key=lambda x: not (x[2] and _PATTERNS[x[0]].named)):
        kind, _, named, own, _ = _PATTERNS[i]
        if not target and named and who and who.split()[0] in _NOT_NAMES:
            continue  # "Like I said": no one named
        if not target and named and who and who[:1].isupper():
            return []  # "+1 to Priya's point" where no Priya speaks: whom it means is not in the thread
        if not target and named and who:
            continue  # "I agree with everything": a word, no login of the thread
        rule = own
        if not who and (called := addressed(text, names)):  # "Good point, Bo."
            target, who, rule = called, called, "addressed"
        target = target or replied_author
        if target:
            return [Stance(kind, target, base, base + len(text), named=bool(who) and target != replied_author,
                           # (one that names whom it agrees with, "Agreed with Dana.", is with them alone)
                           back=bool(_BACK.search(text)), bare=kind == AGREES_WITH and not who and bool(_BARE.search(text)),
                           rule=rule, root=bool(_ROOT.search(text)))]
    return []


_NOT_NAMES = frozenset(("I", "We", "It", "This", "That", "He", "She"))


# a word of a name after "@" (where an "@" names someone is _AT's)
_NAME_WORD = re.compile(r"[^\W\d_][\w.'’-]*")


def without_mentions(text: str, names: dict[str, str]) -> str:
    """``text`` with each "@Name" that names a contributor (``names``: :func:`name_index`)
    blanked, offsets kept: words of a name are no words of a claim ("@Tomás Herrera
    that's what X is for" says nothing of X that "Herrera" begins). The longest name of
    up to four words is taken; an "@" before no contributor's name ("@Deprecated", an
    annotation) is left as it is.

    >>> without_mentions("@Ann Lee that is what X is for; @Deprecated too", name_index([("a", "Ann Lee")]))
    '         that is what X is for; @Deprecated too'
    """
    if "@" not in text:
        return text
    out: list[str] = []
    last = 0
    for at in _AT.finditer(text):
        ends: list[int] = []
        i = start = at.start() + 1
        while len(ends) < 4 and (word := _NAME_WORD.match(text, i)):
            stop = word.end() - (1 if word.group().endswith(".") else 0)  # a sentence's stop is no part of a name
            ends.append(stop)
            if text[stop:stop + 1] != " ":
                break
            i = stop + 1
        named = next((e for e in reversed(ends) if fold(text[start:e]) in names), None)
        if named is not None and at.start() >= last:
            out += [text[last:at.start()], " " * (named - at.start())]
            last = named
    return "".join(out) + text[last:] if out else text


def names_someone_else(text: str, names: dict[str, str]) -> bool:
    """Whether ``text`` states a stance towards someone it names who is no contributor
    ("I agree with Priya" where no Priya speaks): no stance can be drafted from it, nor
    guessed.

    >>> names_someone_else("+1 to Priya's point.", {"bo": "bo"}), names_someone_else("+1 to Bo's point.", {"bo": "bo"})
    (True, False)
    """
    return any(who and who[:1].isupper() and who.split()[0] not in _NOT_NAMES and _PATTERNS[i].named
               and not _person(who, names) for i, who in shapes(text))


def _login(who: str, names: dict[str, str]) -> str:
    """The contributor ``who``, written in lower case, stands for: a login (a name of one
    word: "samrivera", "josé"), or a name that is no common English word ("maria" for
    Maria Lopez; "will" is no William, "mark" no Mark)."""
    return names.get(_LOGIN + fold(who), "") or (_person(who, names) if zipf(who) < _COMMON else "")


#: How common (Zipf frequency) a word is at least that, written in lower case, is taken for
#: a word rather than a name: "maria" 4.3, "tom" 4.8; "mark" 5.1, "will" 6.5
_COMMON = 5.0


def _person(who: str, names: dict[str, str]) -> str:
    """The contributor a name written in the text stands for ("Mr. Arthur", "Bill"; "Sam"
    for the only login that starts with it, "samrivera"), else ""."""
    # "Mira's" is Mira; "Dr. Ng" and "Dr Ng" are Ng, "Dr_Isobar_Storm" is a login
    bare = re.sub(r"['’]s$", "", re.sub(r"^(?:Mr|Mrs|Ms|Dr|Prof)(?:\.\s*|\s+)", "", who).lstrip("@"))
    if not bare.strip():
        return ""
    for candidate in (bare, bare.split()[-1], bare.split()[0], _NICKNAMES.get(bare.split()[0].casefold(), "")):
        target = names.get(fold(candidate), "") if candidate else ""
        if target:
            return target
    first = _LOGIN + fold(bare.split()[0])
    if len(first) >= 4:  # a login that runs a first name into the rest: "Sam" for "samrivera"
        logins = names.logins.get(first[1:4], {}) if isinstance(names, _NameIndex) else names
        ids = {ident for key, ident in logins.items() if key.startswith(first)}
        if len(ids) == 1:
            return ids.pop()
    if who.startswith("@") and len(bare.split()) == 1 and (by_handle := _handle(bare, names)):
        return by_handle  # "@twhit": a forum's handle, of Tom Whitfield
    typed = fold(bare.split()[0])
    if len(typed) >= 5:  # a name typed one letter off, as "Marcu's" for Marcus: one person's, else none
        near = [item for n in (len(typed) - 1, len(typed), len(typed) + 1) for item in names.plain.get(n, {}).items()] \
            if isinstance(names, _NameIndex) else names.items()
        ids = {ident for key, ident in near if not key.startswith((_LOGIN, _HANDLE)) and _one_off(typed, key)}
        if len(ids) == 1:
            return ids.pop()
    return ""


def _one_off(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one letter left out, added or changed.

    >>> _one_off("marcu", "marcus"), _one_off("marcos", "marcus"), _one_off("marc", "marcus")
    (True, True, False)
    """
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


# Whom a sentence speaks to: "@bo" (not an address), or a name set off by commas or a dash: "Bo, ...", "bo - yes",
# "Hi Bo,", "..., Bo, ...", "..., Bo."
_AT = re.compile(r"(?<![\w.@])@(?P<who>\w[\w.-]*\w|\w)")
_CALLED = re.compile(r"(?:^\s*(?:(?:hi|hey|hello|dear|thanks|thank you)[,!]?\s+)?|(?<=,)\s*)(?P<who>[^\W\d_][\w’'-]*"
                     r"(?:\s+(?-i:[A-Z])[\w’'-]*)?)(?=\s*(?:[,:]|[.!?]*\W*$)|\s+[-–]\s)", re.I)  # (an emoji after it too)


def addressed(text: str, names: dict[str, str]) -> str:
    """The contributor a sentence or message speaks to, by "@name" or by a name set off
    by commas, else "".

    >>> addressed("Good point, Bo.", {"bo": "bo-lee"}), addressed("@bo_lee I agree", {"bolee": "bo-lee"})
    ('bo-lee', 'bo-lee')
    """
    for m in (*_AT.finditer(text), *_CALLED.finditer(text)):
        at = "@" if m.re is _AT else ""  # (an "@" name may be a forum's handle: _person reads it so)
        who = _person(at + m.group("who").replace("_", " "), names) or names.get(fold(m.group("who")), "")
        if who:
            return who
    return ""


# "that" and "this" standing for what was just said: "+1 to that", "That's a good point"
_BACK = re.compile(r"\b(?:to|with|for|on|about)\s+(?:that|this)\b(?!\s+(?:\w+ing|is|was|the|a|an)\b)|^\s*(?:that|this)"
                   r"(?:'s|’s|\s+is|\s+was)\b", re.I)
# what the thread's first post is called by those who answer it
_ROOT = re.compile(r"\b(?:the|this|your)\s+(?:original\s+|initial\s+|first\s+)?(?:post|article|blog post|write-?up|"
                   r"essay|question|issue|pull request|RFC|paper)\b(?!\s+(?:of|by|from)\b)|"
                   # "Great article!", "What a nice write-up": praise of the piece the comments are under
                   r"^\W*(?:(?:a|what\s+an?)\s+)?(?:(?:really|very|truly)\s+)?(?:great|nice|good|excellent|interesting|"
                   r"fantastic|awesome|wonderful|thoughtful|helpful|useful|informative|insightful)\s+(?:post|article|"
                   r"blog post|essay|write-?up|piece|read)\b", re.I)


def of_the_opening(text: str) -> bool:
    """Whether ``text`` speaks of the thread's opening post ("the article", "Great post!").

    >>> of_the_opening("Great article, thanks."), of_the_opening("Great point.")
    (True, False)
    """
    return bool(_ROOT.search(text))


# nothing but the agreement ("+1", "Same.") or an agreement said to be shared ("also", "too", "the same")
_BARE = re.compile(r"^\W*(?:\S+\W*){0,3}$|\b(?:also|too|as well|same)\b", re.I)


# "On Mon, 27 Oct 2008, Ann Lee wrote:", "Bo writes:", a forum's "Originally posted by bo"
_ATTRIBUTION = re.compile(r"^[ \t>]*(?P<line>[^\n]*\b(?:wrote|writes|said|says)[ \t]*:|[^\n]*\b[Oo]riginally[ \t]+"
                          r"posted[ \t]+by[ \t][^\n]+?)[ \t]*$", re.M)


# ... and one within a line: 'Quoting Farid from yesterday: "..."'
_QUOTING = re.compile(r"\b[Qq]uoting[ \t]+(?P<line>[^\n:\"“]{1,60}):")


def quote_authors(text: str, names: dict[str, str]) -> list[tuple[int, str]]:
    """Where a message says whose words it answers next: each attribution line ("Bo
    wrote:", "Originally posted by Bo", left before a quote or where a quote was), as
    ``(where the line ends, the contributor it names)``; lines naming no one are left out.

    >>> quote_authors("Hi.\\nBo Lee wrote:\\n> Soup.\\nAgreed.", {"bo": "bo-lee"})
    [(17, 'bo-lee')]
    >>> quote_authors('Quoting Bo from yesterday: "Soup is hot." Yes.', {"bo": "bo-lee"})
    [(26, 'bo-lee')]
    """
    if ":" not in text and "posted" not in text:
        return []
    out = []
    for m in sorted([*_ATTRIBUTION.finditer(text), *_QUOTING.finditer(text)], key=lambda m: m.end()):
        words = re.findall(r"[^\W\d_][\w’'-]*", m.group("line"))
        found = ""
        for size in (3, 2, 1):  # the whole name first: "Michael J Gruber", then "Gruber"
            found = next((who for i in range(len(words) - size + 1) if words[i][:1].isupper()
                          and (who := names.get(fold(" ".join(words[i:i + size])), ""))), "")
            if found:
                break
        if found:
            out.append((m.end(), found))
    return out


# Words that lean a reply against what it answers, or for it, when it states no stance in
# so many words: general English, no thread's words. Counted over the reply's own words,
# each a set look-up (with the beginnings that stand for a word's forms).
_AGAINST = frozenset("but however although though actually not no never nope wrong rather instead cannot can't can’t don't "
                     "don’t doesn't doesn’t isn't isn’t wouldn't wouldn’t shouldn't shouldn’t".split())
_AGAINST_STEMS = ("disagree", "doubt", "problem", "confus", "mislead", "prefer")
_FOR = frozenset("yes yeah yep agree agreed agrees right good great exactly indeed sense nice like sounds "
                 "fine sure true correct perfect awesome excellent love fair board +1 :+1: :thumbsup: \U0001F44D".split())
_FOR_STEMS = ("support",)
_ARTICLES = frozenset(("a", "an", "the"))
_CUE = re.compile(rf"[\w’']+|{_PLUS_ONE}")
# A negation turns a word against into one for: "no objection", "nothing wrong with that", "I
# can't argue with that", "not a bad idea" (but "I couldn't disagree more" disputes). A word for,
# negated ("not great"), is left to cancel out: it may judge a thing named ("X is not great")
# and so agree with whoever criticised it.
_NEGATED = re.compile(r"\b(?:no|not|nothing|never|without|(?:do|does|did|ca|could|is|was|were|would|wo)n['’]?t|cannot)\s+"
                      r"(?:(?:a|an|the|any|much|really|very|so|too|quite|entirely|see|have|had|with|find|think|it|that)"
                      r"\s+){0,2}(?:objections?|object|problems?|issues?|complaints?|disagree\w*|doubts?|concerns?|mind|"
                      r"argue|worr\w+|wrong|bad|confusing|misleading)\b(?!\s+more\b)", re.I)


# A "+1" that closes a statement
_SIGNED_OFF = re.compile(rf"[.!]\s*:?(?:{_PLUS_ONE})[\s\W]*$")


def _unsigned(sentence: str) -> str:
    """``sentence`` without a "+1" that signs off a statement of the speaker's own ("...
    created by users. :+1:"): a vote for no one, as a stance or a lean. A short sentence
    keeps it ("Great summary. +1")."""
    return _SIGNED_OFF.sub(" ", sentence) if len(sentence) > 50 else sentence


# Thanks to everyone answers no one in particular: "Thanks all.", "Thank you, everybody!",
# "Thanks all, mark scheme updated" (news after it, to all)
_THANKS_ALL = re.compile(r"^\W*(?:many\s+|big\s+)?(?:thanks|thank\s+you)\W*(?:to\s+)?(?:all|everyone|everybody|guys|"
                         r"folks|people|all\s+of\s+you|y['’]all)\b(?:\s+(?:for|who)\b.*|\s*[,;:–—-]\s*[^.?!]*)?\W*$", re.I)


# Running the meeting, said to whoever is there: "Right, let's move on to X", "Yes, we can
# hear you", "you're on mute", "next question"
_RUNNING = re.compile(r"\b(?:let['’]?s|let\s+us|we(?:['’]ll|\s+will|\s+should)?)\s+(?:now\s+)?(?:move\s+on|start|begin|"
                      r"get\s+started|take\s+a\s+break|come\s+back)\b|\bmoving\s+on\b|\bcan\s+(?:you\s+|everyone\s+|we\s+)?"
                      r"(?:all\s+)?(?:hear|see)\s+(?:me|you|us|my\s+screen)\b|\b(?:on|off)\s+mute\b|\bmuted\b|"
                      r"^\W*(?:\w+\W+){0,2}next\s+question\b", re.I)


# A pointer to something to read, its title in the reader's words: "See Why Open Source
# Misses the Point (...)", "Cf. ...", "Source: ..." (not "See, that is wrong")
_POINTER = re.compile(r"^\W*(?:see(?:\s+also)?(?![,:])|cf\.?|source:|reference:|more\s+(?:at|here):?)\s+\S", re.I)


def _pointer(sentence: str) -> bool:
    """Whether a sentence only points to something to read (its own line: "See the corpus
    at ...", then a line that says something, is read as both)."""
    return bool(_POINTER.match(sentence)) and "\n" not in sentence.strip()


# A side taken in so many words, which running the meeting does not undo ("I agree, let's move on")
_SIDED = re.compile(r"\b(?:agree\w*|disagree\w*|differ\w*|wrong|right|correct|point|\+1|-1)\b", re.I)


# An invitation to take a side: "shout if you disagree", "let me know if anyone objects", "unless you prefer"
_INVITE = re.compile(r"\b(?:if|unless|in case|whether)\s+(?:you|anyone|anybody|someone|somebody|people|others|"
                     r"y['’]all|folks)\b[^.?!;,]*", re.I)


# Giving way in so many words, said to whoever argued: "you convinced me", "I stand corrected"
_GIVING_WAY = (rf"{_CONVINCED}|(?:take|took)\s+(?:that|it|this)\s+back|{_WITHDRAWN}|"
               r"stand\s+corrected|I\s+was\s+wrong|I\s+overstated|my\s+bad|(?:changed|changes)\s+my\s+"
               r"(?:mind|view)")
_GIVES_WAY = re.compile(rf"\b(?:{_GIVING_WAY})\b", re.I)
# What a speaker says they are not, to excuse what follows ("Although I am not a native
# speaker, ...", "I'm no expert, but"): about themselves, not against anyone
_DISCLAIMER = re.compile(r"\b(?:(?:al)?though\s+|while\s+)?I(?:['’]m|\s+am)\s+(?:not\s+(?:a|an)|no)\s+"
                         r"(?:[\w-]+\s+)?(?:speaker|expert|lawyer|linguist|native|pro|professional|specialist|"
                         r"engineer|developer|mathematician|scientist)\b,?(?:\s+but\b)?", re.I)
# A reservation announced, which turns a reply that granted a point: "Looks good. One nit: ..."
_RESERVATION = (r"(?:\b(?:one|a|small|minor|tiny|only|my\s+only)\s+(?:small\s+|minor\s+|tiny\s+)?"
                r"(?:nit|nitpick|quibble|caveat|reservation)s?|^\W*nit(?:pick)?(?=\s*:))")
# Taking the other side in so many words: "I'd push back a bit", "a counterpoint"; or
# finding a point amiss in its measure: "your definition is too narrow"
_PUSH_BACK = re.compile(r"\b(?:push(?:ing)?\s+back|pushback|counter-?point|counter-?argument|"
                        # doubt of what is said: "I'm not sure teaching is only ...", "not convinced that X means"
                        r"not\s+(?:so\s+|really\s+|entirely\s+)?(?:sure|convinced)\s+(?:that\s+)?(?:(?:a|an|the)\s+)?"
                        r"[\w’'-]+\s+(?:is|are|means?|should|needs?)|too\s+(?:narrow|broad|"
                        r"wide|vague|strict|loose|simplistic|limited|narrowly|broadly)|"
                        # a reservation announced: "One nit: ...", "a small quibble", "Nitpick:"
                        rf"{_RESERVATION})\b", re.I)
# A word kept as it is: "keep the title as is", "the name is fine the way it is", "no need to rename"
_STATUS_QUO = re.compile(r"\b(?:(?:fine|ok|okay|good|better|best)\s+to\s+)?(?:keep|keeping|leave|leaving)\s+"
                         r"(?:it|them|this|that|(?:the|this|that|our)\s+[\w-]+)\s+"
                         r"(?:as\s+(?:it\s+|they\s+)?(?:is|are)|the\s+way\s+(?:it|they)\s+(?:is|are)|unchanged)\b|"
                         r"\b(?:just\s+)?(?:fine|ok|okay|good)\s+(?:as\s+(?:it\s+|they\s+)?(?:is|are)|the\s+way\s+(?:it|they)\s+"
                         r"(?:is|are)|as\s+it\s+stands)\b|\bno\s+(?:need|reason)\s+to\s+(?:rename|change|replace)\b", re.I)
# An agreement reached before, reported: "Summary of what we agreed:", "as we all agreed"
_AGREED_BEFORE = re.compile(r"\b(?:what|as)\s+(?:we|everyone|you|they|people)\s+(?:all\s+|have\s+|had\s+|'ve\s+|’ve\s+)?"
                            r"agreed(?:\s+(?:on|to|upon))?\b|"
                            # "I'm pretty sure we agreed in Toronto that ...": a past agreement, where or when
                            r"\b(?:we|everyone|they|people)\s+(?:all\s+)?(?:had\s+)?agreed\s+(?:in|at|during|last|earlier|"
                            r"yesterday|before|previously|back)\b", re.I)
# An adjective that judges the subject of a statement, not what was said: "Good teaching is ..."
_SUBJECT_PRAISED = re.compile(r"^\W*(?:good|great|nice|bad|true|real)\s+(?=[\w’'-]+\s+(?:is|are|was|were|means?|needs?|"
                              r"has|have|can|should|must|will|would)\b)", re.I)
# A speaker giving way, in those words or in granting a point: "fair point", "you're right";
# a cue that leans a reply towards whom it answers
_CONCEDE = re.compile(rf"\b(?:{_GIVING_WAY}|convinced me|(?:I|I['’]ll|I\s+will|I\s+must|I\s+have\s+to)\s+concede|"
                      rf"(?:take|took|taking)\s+(?:that\s+|it\s+|this\s+)?back|(?:I|I['’]ll)\s+(?:\w+\s+)?take\s+"
                      rf"(?:the|your|that|his|her|their)\s+point|"
                      # "Okay, I can see that.", "I see your point": granted, whatever follows
                      r"I\s+(?:can\s+)?see\s+(?:that|your\s+point|the\s+point|what\s+you\s+mean)(?=\s*(?:[.,;!:]|$)|"
                      r"\s+(?:about|on|there)\b)|"  # ("I see your point about escapes")
                      # accepting what is on the table: "I can live with that", "can't think of anything better"
                      r"(?:I|we)\s+(?:can|could)\s+live\s+with\s+(?:it|that|this|them)|"
                      r"(?:can['’]?t|cannot|couldn['’]?t)\s+think\s+of\s+(?:anything|something|a\s+\w+)\s+better|"
                      r"(?:good|fair) point|fair enough|you(?:['’]re| are) right|(?:has|have|had) a (?:good |fair |"
                      r"strong )?point|"
                      # a slip pointed out, thanked for; what is proposed, taken: "good catch", "X works for me"
                      r"(?:good|nice|great)\s+catch|works\s+for\s+me)\b|"
                      # a point granted after it is said again: "X isn't Y, true. But ..."
                      r",\s*(?:true|granted)(?=\s*(?:[.!;]|$))", re.I)


def conceded(text: str) -> bool:
    """Whether a message gives way in so many words, outside what it quotes: it then
    answers whoever last argued against its speaker, not merely the message before.

    >>> conceded("OK, you convinced me."), conceded("> I stand corrected.\\nNo."), conceded("Convinced?")
    (True, False, False)
    >>> conceded("That does not change my mind.")  # holding one's ground gives no way
    False
    """
    return any(_GIVES_WAY.search(line) for line in text.splitlines() if not line.lstrip().startswith(">"))


# a "but" within a sentence, after a word of its own (not one that opens it)
_BUT_CLAUSE = re.compile(r"(?<=\w)[\s,;]+but\s+", re.I)


# "X is a human category, not a botanical one.": a thing told from another, no word against anyone
_SET_AGAINST = re.compile(r",\s+not\s+(?:(?:just|only|merely)\s+)?(?:a|an|the)\s+[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,3}"
                          r"\s*[.!]*\s*$", re.I)


@lru_cache(maxsize=4096)  # a sentence no turn cuts is read by leaning() and both_sides() alike: once
def _cues(sentence: str) -> tuple[int, int]:
    """How many words of ``sentence`` lean against, and how many for (a concession
    counts twice: it outweighs a "not" in what follows it)."""
    if _THANKS_ALL.match(sentence) or _SEEKS_ASSENT.match(sentence) or _RUNNING.search(sentence) \
            or _SEEKS_EXPLANATION.match(sentence) or _pointer(sentence):
        # thanks to all, asking for assent ("Agreed?") or to be told, and running the meeting lean no way
        return 0, 0
    *_, last = _BUT_CLAUSE.split(sentence)
    if last != sentence and any(cues := _cues(last)):
        return cues  # "I don't like it but I understand it": what comes after the "but" is where they stand
    sentence = _unsigned(_INVITE.sub(" ", spelled(sentence)))  # "shout if you disagree": an invitation, no side
    sentence = _DISCLAIMER.sub(" ", sentence)  # "although I'm not a native speaker": of the speaker, no side
    sentence = _SUBJECT_PRAISED.sub(" ", sentence)  # "Good teaching is ...": a thing described, not the reply
    sentence = _AGREED_BEFORE.sub(" ", sentence)  # "a summary of what we agreed": reported, no side taken now
    sentence = _SET_AGAINST.sub(" ", sentence)  # "a human category, not a botanical one": what it is, told apart
    # "I think the name is fine the way it is": against the change the thread weighs, whatever "fine" says
    sentence, kept = _STATUS_QUO.subn(" ", sentence)
    against = len(_PUSH_BACK.findall(sentence)) + kept
    sentence, conceded = _CONCEDE.subn(" ", sentence)  # (its own words, "can't think of", lean no more)
    for_ = 2 * conceded
    sentence, granted = _NEGATED.subn(" ", sentence)
    for_ += granted
    words = _CUE.findall(sentence.casefold())
    for i, w in enumerate(words):
        was, then = words[i - 1] if i else "", words[i + 1] if i + 1 < len(words) else ""
        if w in _AGAINST or w.startswith(_AGAINST_STEMS):
            against += _judged(was, w, then)
        elif w in _FOR or w.startswith(_FOR_STEMS):
            for_ += _judged(was, w, then, words[max(0, i - 3):i])
    return against, for_


def _judged(was: str, word: str, then: str, before: Sequence[str] | None = None) -> bool:
    """Whether a cue word, between the words either side of it, judges what was said
    rather than a thing or a time: "the wrong word", "right now", "sounds like",
    "something like", "maps to true", "there is no way" judge no reply; "I like it",
    "you're right", "that's true", "No, ..." do, and so does "a good idea". ``before``,
    the few words before it where known: support is the speaker's ("I would support
    it"), not a thing's ("it would support how people use the terms").

    >>> [_judged(*w) for w in (("the", "wrong", "word"), ("sounds", "like", "a"), ("i", "like", "it"), ("a", "good", "idea"))]
    [False, False, True, True]
    >>> [_judged(*w) for w in (("i", "support", "this"), ("does", "support", "and"), ("strongly", "supports", "x"))]
    [True, False, True]
    >>> _judged("", "good", "question"), _judged("", "nice", "try")
    (False, False)
    """
    if word in _ADJECTIVES and was in _ARTICLES:
        return False  # "the wrong word for us", "the right name": a thing judged
    if word in ("good", "great", "nice") and then in ("question", "questions", "q", "try"):
        return False  # "Good question": praise of a question, which takes no side; "Nice try": a dismissal
    if word == "like":  # a preposition ("sounds like", "stages like") unless someone likes
        return was in _WHO_LIKES and then != "to"
    if word.startswith("support"):  # "I support it", "fully support", not "does support and design"
        return (was in _WHO_LIKES or was in _WHO_SUPPORTS) and (before is None or not _SPEAKERS.isdisjoint(before))
    if word == "right":  # "right in the issue", "right now", "the right word", "..., right?"
        return (was in _GRANTS or not was) and then not in ("now", "away", "here", "there")
    if word == "true":
        return was in _GRANTS or not was
    if word == "exactly":  # "Exactly.", "that's exactly it"; not "is exactly why", "exactly the same"
        return not was or was in _EXACTLY_AFTER
    if word == "no":  # the answer "No, ...", not "there is no way", "no agreement", "no change"
        return not was or was in ("oh", "well", "and", "but", "so")
    if word == "sense":  # "makes sense", not "make sense of it" (understanding), "in a sense", "the sense"
        return then != "of" and was not in _ARTICLES and was not in ("in", "this", "that", "whose", "its")
    if word == "board":  # "I'm on board", not "the board", "a whiteboard"
        return was == "on"
    if word == "sure":  # "Sure.", "Yeah, sure", "for sure"; not "I'm pretty sure we ..." (a hedge)
        # ("not sure" counts, to cancel its "not": doubt leans against only where it doubts a claim)
        return not was or was in ("oh", "yeah", "yes", "ok", "okay", "well", "for", "then", "not")
    return not (word == "sounds" and then in ("like", "as"))  # "sounds as if we can choose": no verdict


# (not "good", "great", "nice": "a good idea", "a great point" grant one)
_ADJECTIVES = frozenset(("wrong", "right", "true", "fair"))
# what comes before an "exactly" that answers: "Yes, exactly", "That's exactly it"
_EXACTLY_AFTER = frozenset("yes yeah yep oh and so that's that’s thats".split())
_WHO_LIKES = frozenset("i we i'd we'd really also quite do definitely".split())
_WHO_SUPPORTS = frozenset("fully strongly totally would i'll we'll".split())
# the speaker, as the subject of a verb of support a few words on
_SPEAKERS = frozenset("i we i'd i’d we'd we’d".split())
# what comes before "right" or "true" that grants a point: "you're right", "that's true", "quite right"
_GRANTS = frozenset("you're you’re youre are that's that’s thats is quite exactly absolutely totally very so all "
                    "entirely completely".split())


# A message that opens by saying it is an aside ("Unrelated, but ...", "Off-topic:") takes no side
_OFF_TOPIC = re.compile(r"^\W*(?:(?:totally|completely|slightly|somewhat|a\s+bit)\s+)?(?:unrelated|off[-\s]?topic|OT\b|"
                        r"side\s*note|tangent(?:ially)?|random\s+question|"
                        # ... or news to everyone: "Reminder: team photo on Friday", "FYI: ...", "PSA"
                        r"(?:friendly\s+)?reminder\b|fyi\b|psa\b|heads[-\s]up\b|announcement\b)", re.I)


def leaning(text: str) -> tuple[str, int, int] | None:
    """Which way a reply that states no stance leans towards the message it answers:
    ``(kind, start, end)`` of the sentence that leans most that way, or None when its
    words lean neither way. A guess, and drafted as one (the "leaning" rule).

    >>> leaning("Hmm. But I don't think that is what the word means.")
    ('disputes', 5, 51)
    >>> leaning("Yes, that makes sense to me.")
    ('agrees_with', 0, 28)
    >>> leaning("The meeting is on Monday.") is None
    True
    >>> leaning("Thanks all.") is None  # thanks to everyone agrees with no one in particular
    True
    >>> leaning("Shout if you disagree.") is None  # an invitation to take a side takes none
    True
    >>> leaning("Then a team is the wrong word for us.") is None  # a word judged, not the reply
    True
    >>> leaning("OK, you convinced me. I take that back: it does not need tests.")[0]  # giving way
    'agrees_with'
    >>> leaning("Yours is the first answer that changed my view.")[0]
    'agrees_with'
    >>> leaning("Unrelated, but does anyone know a decent skillet?") is None  # an aside
    True
    >>> leaning("Although I am not a native speaker, X is more known to me.") is None  # of the speaker
    True
    >>> leaning("@Mei your definition is too narrow")[0]  # a point found amiss in its measure
    'disputes'
    >>> leaning("I don't like it but I understand it and can't think of anything better")[0]  # where they end
    'agrees_with'
    >>> leaning("I see your point but I disagree")[0]
    'disputes'
    >>> leaning("A weed is a human category, not a botanical one.") is None  # one thing told from another
    True
    """
    from .text import counterfactual, sentences

    if _OFF_TOPIC.match(text):
        return None
    against = for_ = 0
    best: dict[str, tuple[int, int, int]] = {}  # kind -> (cues, start, end) of its strongest sentence
    for s, e, sentence in sentences(text):
        if counterfactual(sentence):  # "If it were so, I would agree": no side taken
            continue
        a, f = _cues(sentence)
        against, for_ = against + a, for_ + f
        for kind, n in ((DISPUTES, a), (AGREES_WITH, f)):
            if n and n > best.get(kind, (0, 0, 0))[0]:
                best[kind] = (n, s, e)
    kind = DISPUTES if against > for_ else AGREES_WITH if for_ > against else ""
    return (kind, best[kind][1], best[kind][2]) if kind else None


# Where a sentence turns against what it granted ("..., but", "... except ..."): what a
# stance is about comes before
TURNS = re.compile(r"[,;]\s*(?:but|however|though|although|except|yet)\b|\s+but\s+|\s+except\s+", re.I)
# ...and where a reply turns, from one side to the other: also after a colon, at
# "however" mid-sentence, or opening a sentence ("But ...")
_TURN = re.compile(rf"{TURNS.pattern}|:\s*(?:but|however|though|although|yet|except)\b|\s+however\s+|"
                   rf"^\s*(?:but|however|though|although|yet)\b|^\W*{_RESERVATION}", re.I)


# What the speaker adds to a point they grant: a turn within it is theirs, not against the
# point ("Agreed & I'd add: every incident needs a postmortem, but not every bug does")
_ADDING = re.compile(r"\b(?:I['’]d|I\s+would|let\s+me|I['’]ll|I\s+will|just\s+to|I\s+want\s+to)\s+add\b|"
                     # ... and what follows an agreement and a colon: "Yes, exactly: X, but not Y" is theirs
                     r"^\W*(?:yes|yeah|yep|exactly|agreed|right|true|correct|indeed)\b[\w\s,!.]{0,20}:\s*\S", re.I)


def both_sides(text: str) -> dict[str, tuple[int, int, int]]:
    """Where a reply grants a point and turns against another, or the other way round
    ("I agree that X, but Y", "Yes, but ...", "It is shorter. However, ..."): the clause
    that takes each side, ``kind -> (cues, start, end)``, when two clauses either side of
    a turn lean opposite ways. Its own clauses only: no quoted line, no counterfactual.

    >>> sorted(both_sides("I agree that it is shorter, but it is not clearer.").items())
    [('agrees_with', (1, 0, 26)), ('disputes', (2, 28, 50))]
    >>> both_sides("It is shorter, but it is also older.")  # no point granted: no turn between sides
    {}
    >>> both_sides("Agreed & I'd add: every incident needs a postmortem, but not every bug does.")
    {}
    >>> both_sides("Mark is right. But I'd add that it is not a conversation.")
    {}
    >>> sorted(both_sides("I still think it is too vague, but I see your point about escapes."))
    ['agrees_with', 'disputes']
    """
    from .text import counterfactual, sentences

    best: dict[str, tuple[int, int, int]] = {}
    before: tuple[int, int, int] | None = None  # the clause before: (cues for less cues against, start, end)
    for s, e, sentence in sentences(text):
        if sentence.startswith(">") or counterfactual(sentence):
            before = None
            continue
        opens = bool(_TURN.match(sentence))
        cuts = [s, *(s + m.start() for m in _TURN.finditer(sentence) if m.start()), e]
        for a, b in zip(cuts, cuts[1:]):
            against, for_ = _cues(text[a:b])
            here = (for_ - against, a, b)
            # (what a speaker adds to a point they grant, before the turn or after it, is theirs:
            # "Agreed & I'd add: ..., but ...", "Mark is right. But I'd add that ... is not ...")
            if (a > s or opens) and before and before[0] and here[0] and (here[0] > 0) != (before[0] > 0) \
                    and not (before[0] > 0 and (_ADDING.search(text[before[1]:before[2]]) or _ADDING.search(text[a:b]))):
                for lean, c, d in (before, here):
                    kind = AGREES_WITH if lean > 0 else DISPUTES
                    if abs(lean) > best.get(kind, (0, 0, 0))[0]:
                        best[kind] = (abs(lean), c + len(text[c:d]) - len(text[c:d].lstrip(",;: \t\n")), d)
            before = here
    return best
