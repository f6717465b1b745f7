"""How a sentence relates two terms it names, read from the words between them:

* ``similar_to``: "X is (just, basically, more like) a Y", "X, i.e. Y", "X (also
  called, aka) Y", "X is synonymous with / the same as / another word for Y", "X was
  called Y", "renamed to Y", "rename X to Y", "use the word Y for X", "X and Y are
  synonymous", '"X", "Y" and "Z" all mean the same thing' (each to the first),
  "rename them to Y" of the one term a thread's title names, and, in a thread whose title
  asks for a name ("Rename X", "a better name for X"), a name put forward alone ("I like
  Y", "How about Y?", "+ Y", "Y sounds better") is a name for X;
  "X (Y)", a term glossed by another in brackets; "X instead of Y", a name put in
  place of another for the same thing;
* ``contrasts_with``: "X vs Y", "X as opposed to Y", "X rather than Y", "X, not Y",
  "X and not Y", "not X but Y", "X is not a Y", "X is different from Y", "X and Y are
  different", "the difference between X and Y", "X is confused with
  Y", "X and Y are not synonyms", "Y means something completely different", "X is
  (has) more A than Y", "X is clearer than Y", "X ... compared to Y", "X means A, Y
  means B";
* ``includes``: "X includes / such as / e.g. / like Y" (after a plural), "Y is a kind
  (type, form, sort, example) of X", "Y is one way to X", "all Ys are Xs";
* ``sense_of``: a term written "X (noun)" is a sense of the term X, and so is "informal
  X", an adjective before a term.

>>> text = "A sonnet is basically a poem, not a ballad."
>>> mentions = [(2, 8, "sonnet"), (24, 28, "poem"), (36, 42, "ballad")]
>>> [(f.kind, f.term, f.other) for f in term_relations(text, 0, mentions)]
[('similar_to', 'sonnet', 'poem'), ('contrasts_with', 'poem', 'ballad')]

A list goes on the relation before it, a clause of its own does not:

>>> text = "An ode is a kind of poem, and a sonnet is short."
>>> [(f.kind, f.term, f.other) for f in term_relations(text, 0, [(3, 6, "ode"), (20, 24, "poem"), (32, 38, "sonnet")])]
[('includes', 'poem', 'ode')]
"""

from __future__ import annotations

import re

from ..kinds import CONTRASTS_WITH, INCLUDES, OVERLAPS_WITH, SIMILAR_TO
from .rules import Finding, Mention, _verb_next
from .text import STOP, parts_of_speech

__all__ = ["term_relations"]

_Q = r"[\"“”‘’'`()\[\]]*\s*"  # quotation marks and brackets around a term
_IS = re.compile(
    rf"^{_Q}(?:,\s*)?(?:is|are|was|were|'s|’s|seems?|sounds?|feels?)\s+(?:\w+ly\s+|just\s+|really\s+|more\s+|"
    rf"kind of\s+|sort of\s+|no more than\s+|simply\s+|basically\s+|essentially\s+)*(?:like\s+)?(?:a|an|the)?\s*"
    rf"(?:(?!(?:not|never|no)\b)\w+\s+)?{_Q}$", re.I)  # "X are not Y" is no likeness
# (kind, what stands between the two terms, whether the second term is the first's source)
_BETWEEN: list[tuple[str, re.Pattern[str], bool]] = [
    (SIMILAR_TO, _IS, False),
    (SIMILAR_TO, re.compile(
        rf"^{_Q}(?:,\s*)?(?:\(?\s*(?:i\.e\.|aka|a\.k\.a\.|also called|also known as|or rather|that is)\s*,?\s*|"
        rf"(?:is|are)\s+(?:\w+ly\s+)?(?:synonymous with|the same (?:thing )?as|equivalent to|another (?:word|name|term) "
        rf"for|short for|a synonym (?:of|for))\s+(?:a|an|the)?\s*|:\s*synonymous with\s+)(?:the\s+)?{_Q}$", re.I), False),
    # "X is just a polite word for Y", "X is a fancy name for Y" (not "the wrong word for Y")
    (SIMILAR_TO, re.compile(rf"^{_Q}(?:,\s*)?(?:is|are|was|were|'s|’s)\s+(?:(?:just|only|merely|simply|basically|really|"
                            rf"essentially|\w+ly)\s+)*(?:another|a|an|the)\s+(?!(?:wrong|incorrect)\b)(?:[\w-]+\s+)?"
                            rf"(?:word|name|term|euphemism)s?\s+for\s+(?:(?:a|an|the)\s+)?{_Q}$", re.I), False),
    # "X overlaps with Y"
    (OVERLAPS_WITH, re.compile(rf"^{_Q}(?:,\s*)?(?:\w+ly\s+)?overlaps?\s+(?:with\s+)?(?:(?:a|an|the)\s+)?{_Q}$", re.I), False),
    (SIMILAR_TO, re.compile(rf"^{_Q}(?:,\s*)?(?:was|is|were|are|be|being|got|get|gets)\s+(?:\w+\s+)?(?:called|named|"
                            rf"renamed(?:\s+to)?|termed|known as|referred to as)\s+{_Q}$", re.I), False),
    (SIMILAR_TO, re.compile(rf"^{_Q}\s*for\s+(?:the\s+)?{_Q}$", re.I), False),
    # "use X instead of Y": a name in place of another, for the same thing
    (SIMILAR_TO, re.compile(rf"^{_Q}(?:,\s*)?instead\s+of\s+(?:(?:a|an|the)\s+)?{_Q}$", re.I), False),
    (CONTRASTS_WITH, re.compile(
        rf"^{_Q}(?:,\s*)?(?:vs\.?|versus|v\.|as opposed to|rather than|and not|but not|not|or|and)\s+"
        rf"(?:(?:a|an|the|to|with)\s+)?{_Q}$", re.I), False),
    # "X is a change, not a Y": what X is, set against Y
    (CONTRASTS_WITH, re.compile(rf"^{_Q}(?:,\s*)?(?:is|are|was|were|'s|’s)\s+[^,;:.?!\"“”]{{1,40}}?,\s*(?:and\s+|but\s+)?"
                                rf"not\s+(?:(?:a|an|the)\s+)?{_Q}$", re.I), False),
    # "X differs from Y", "X differs from other words such as Y"
    (CONTRASTS_WITH, re.compile(rf"^{_Q}(?:,\s*)?(?:\w+ly\s+)?(?:differs?|differed|differing)\s+(?:\w+ly\s+)?from\s+"
                                rf"(?:(?:[\w-]+\s+){{0,3}}(?:such as|like|including)\s+)?(?:a|an|the)?\s*{_Q}$", re.I), False),
    # "X distinguishes itself from Y", "X would need to be disambiguated from Y", "X stands apart from Y"
    (CONTRASTS_WITH, re.compile(rf"^{_Q}(?:,\s*)?(?:[\w'’]+\s+){{0,4}}?(?:distinguish(?:es|ed)?|disambiguated|told\s+apart|"
                                rf"stands?\s+apart|sets?\s+(?:itself|themselves)\s+apart)\s+(?:itself\s+|themselves\s+)?"
                                rf"from\s+(?:(?:a|an|the)\s+)?{_Q}$", re.I), False),
    # "a cog is not a sprocket", "X isn't Y", "X != Y"
    (CONTRASTS_WITH, re.compile(rf"^{_Q}(?:,\s*)?(?:(?:is|are|was|were)(?:\s+not|n[’']t)\s+(?:\w+ly\s+)?(?:a|an|the)?|!=|≠)"
                                rf"\s*{_Q}$", re.I), False),
    (CONTRASTS_WITH, re.compile(
        rf"^{_Q}(?:,\s*)?(?:is|are|was|were)\s+(?:\w+ly\s+)?(?:(?:very|quite|completely|totally)\s+)?(?:different "
        rf"(?:from|than|to)|distinct from|(?:easily\s+)?confused with|not the same as|the opposite of)\s+(?:a|an|the)?"
        rf"\s*{_Q}$", re.I), False),
    # "How is X different from Y?": the difference asked about is taken as given
    (CONTRASTS_WITH, re.compile(rf"^{_Q}(?:,\s*)?(?:\w+ly\s+)?(?:different|distinct)\s+(?:from|than|to)\s+(?:a|an|the)?\s*{_Q}$",
                                re.I), False),
    # "X is (much) more confusing than Y", "X has fewer lines than Y", "X is clearer than Y", "X ... compared to Y"
    (CONTRASTS_WITH, re.compile(
        rf"^{_Q}(?:,\s*)?(?:is|are|was|were|seems?|sounds?|feels?|looks?|has|have|had)\s+(?:(?:much|far|way|a\s+lot|a\s+bit|even|"
        rf"slightly|somewhat|rather|clearly)\s+)*(?:(?:more|less|fewer)\s+(?:[\w'’-]+\s+){{1,4}}?|(?:better|worse|\w{{3,}}er)"
        rf"\s+(?:[\w'’-]+\s+){{0,3}}?)than\s+(?:a|an|the)?\s*{_Q}$", re.I), False),
    (CONTRASTS_WITH, re.compile(rf"^{_Q}(?:[^.;:?!\"“”]{{0,60}}?\s)?(?:as\s+)?compared\s+(?:to|with)\s+(?:a|an|the)?\s*{_Q}$",
                                re.I), False),
    (INCLUDES, re.compile(rf"^{_Q}(?:,\s*)?\(?(?:such as|e\.g\.,?|for example|for instance|including|includes?|like"
                          rf"|contains?)\s+(?:the\s+)?{_Q}$", re.I), False),
    (INCLUDES, re.compile(rf"^{_Q}(?:,\s*)?(?:is|are)\s+(?:\w+ly\s+)?(?:a|an|one)\s+(?:\w+\s+)?(?:kind|type|form|"
                          rf"sort|example|instance|variety|subset|case)s?\s+of\s+(?:a|an|the)?\s*{_Q}$", re.I), True),
    (INCLUDES, re.compile(rf"^{_Q}(?:,\s*)?(?:is|are)\s+(?:just\s+|only\s+)?(?:one|a|an)\s+(?:\w+\s+)?ways?\s+(?:to|of)\s+"
                          rf"(?:\w+\s+)?(?:a|an|the)?\s*{_Q}$", re.I), True),
]
_PAIRED = re.compile(r"\b(?:difference|distinction|contrast|distinguish\w*|differentiat\w*)\s+(?:\w+\s+){0,2}?between\s+"
                     r"(?:(?:a|an|the)\s+)?[\"“‘'`]*$", re.I)
# Two names told apart by a verb before them: "to tell X from Y", "distinguish X from Y"
_TELLING = re.compile(r"\b(?:tell(?:s|ing)?|distinguish(?:es|ed|ing)?|differentiat\w*|disambiguat\w*|separat\w*)\s+"
                      r"(?:(?:a|an|the)\s+)?[\"“‘'`]*$", re.I)
_FROM = re.compile(rf"^{_Q}(?:apart\s+)?from\s+(?:(?:a|an|the)\s+)?{_Q}$", re.I)
# "renaming take to limit and drop to skip": each new name is another name for the old one
# (not "switching from consensus to consent": one practice for another, not one name)
_RENAMING = re.compile(r"\b(?:renam|replac|chang)\w*\s+(?:(?:it|them|this|that)\s+)?[^.;:?!]{0,60}$", re.I)
_BRACKETED = re.compile(r"^[\"”’'`]*\s*\(\s*[\"“‘'`]*$")
_AND = re.compile(rf"^{_Q}\s*and\s+(?:a|an|the)?\s*{_Q}$", re.I)
_DIFFERENT = re.compile(r"^[\"”’'`)]*\s*(?:are|is)\s+(?:\w+ly\s+)?(?:(?:very|quite|two|completely)\s+)*(?:different|"
                        r"not the same|distinct|opposites?)\b", re.I)
# ... and the same: "are (basically) the same (thing)", "mean the same", "are synonyms"
# "X and Y overlap", "X and Y partly overlap", "... can overlap" (not "don't overlap")
_OVERLAP = re.compile(r"^[\"”’'`)]*\s*(?:(?:\w+ly|often|sometimes|can|may|do|does|somewhat|all)\s+)*overlap\b", re.I)
_ALIKE = re.compile(r"^[\"”’'`)]*\s*(?:are|mean)\s+(?:(?:\w+ly|really|just|pretty\s+much|much)\s+)*(?:the\s+same\b|"
                    r"synonym(?:s|ous)?\b|interchangeable\b)", re.I)
# Two meanings given side by side: "X means ..., (whereas) Y means ..."
_MEANS_THEN = re.compile(rf"^{_Q}\s*(?:means?|meant|refers?\s+to)\s+[^.;:?!]{{1,80}}?[,;]\s*(?:(?:whereas|while|but|and)\s+)?"
                         rf"(?:an?\s+|the\s+)?{_Q}$", re.I)
_MEANS = re.compile(rf"^{_Q}\s*(?:means?|meant|refers?\s+to)\b", re.I)
_TO = re.compile(rf"^{_Q}\s*(?:to|with|by|into|for)\s+(?:the\s+)?{_Q}$", re.I)
# what joins the items of a list: "Y and Z", "Y, and Z", "Y or Z", "Y/Z" (a comma alone may end a clause)
_LIST = re.compile(rf"^{_Q}(?:,?\s*(?:and|or)\s+|\s*/\s*)(?:a|an|the)?\s*{_Q}$", re.I)
_COMMA = re.compile(rf"^{_Q},\s*{_Q}$")
# what joins the items of a list of names, each with its article: "X, a Y and a Z"
_LISTED = re.compile(rf"^{_Q}(?:,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)(?:(?:a|an|the)\s+)?{_Q}$", re.I)
# A verb right after a name: it is the subject of a clause of its own, no item of a list before it
_CLAUSE_VERB = re.compile(r"[\"”’'`)]*\s*(?:is|are|was|were|means?|meant|has|have|had|can|could|will|would|should|"
                          r"must|may|might|does|do|did)\b", re.I)
_SLASH = re.compile(rf"^{_Q}/{_Q}$")
_ALL = re.compile(r"\b(?:all|every|each|any)\s+[\"“‘'`]*$", re.I)
# ... but "not every X is a Y", "not all X are Y": some are, some are not
_NOT_ALL = re.compile(r"\bnot\s+(?:all|every|each|any)\s+[\"“‘'`]*$", re.I)
_ARE = re.compile(rf"^{_Q}(?:are|is)\s+(?:(?:also|just|really)\s+)?(?:a|an)?\s*{_Q}$", re.I)
# "X and Y", "X or Y" (not "X and not Y"): no contrast unless the words before set them apart
_BARE_JOIN = re.compile(rf"^{_Q}(?:,\s*)?(?:or|and)\s(?!\s*not\b)", re.I)
_NOT_BUT = re.compile(r"\bnot\s+(?:a|an|the)?\s*[\"“‘'`]*$", re.I)


# Only a preposition (and an article) between two names: the second qualifies the first
_PREP_ONLY = re.compile(r"^[\s\"”’'`)]*(?:without|with|of|for|in|on|from|about|under|over)\s+(?:(?:the|a|an|any|all|"
                        r"its|their)\s+)?[\"“‘'`(]*$", re.I)


def _predicate_adjective(between: str, named: str) -> bool:
    """Whether "X is Y" gives Y as an adjective ("is violent"), with no article or "like"
    that would make it a thing ("is a violent act", "is like violence")."""
    words = named.split()
    pos = parts_of_speech(words[-1].strip("\"“”‘’'`()[]").casefold()) if words else frozenset()
    # ("is measurable": a word a dictionary also calls a noun is an adjective here, with no article)
    return bool(words) and not re.search(r"\b(?:a|an|the|like)\b", between, re.I) \
        and ("NOUN" not in pos or "ADJ" in pos)


# what tells a kind apart from the rest of its genus: "an incident where ...", "a change that ..."
_DIFFERENTIA = re.compile(r"[\"”’'`)]*\s*,?\s*(?:where|that|which|who|whose|when|in\s+which|with)\b", re.I)
# ... unless the words between say a likeness: "X is like a Y that ..."
_LIKENESS = re.compile(r"\b(?:like|seems?|sounds?|feels?|kind of|sort of)\b", re.I)
# what sets two names of a run apart: "mentoring vs coaching vs teaching"
_VERSUS_GAP = re.compile(r"[\"”’'`)]*\s*(?:vs\.?|versus|v\.)\s*[\"“‘'`(]*(?:(?:the|a|an)\s+)?", re.I)


def _qualifies(text: str, at: int) -> bool:
    """Whether the name ending at ``at`` only qualifies the noun after it ("a measurable
    step", "a sprocket tooth"); an adjective too, where :func:`.rules.compound_after`, which
    tells a claim's subject, leaves an adjective its own say."""
    nxt = re.match(r"[\"”’'`]*\s+([^\W\d_][\w-]*)", text[at:])
    return nxt is not None and "NOUN" in parts_of_speech(nxt.group(1).casefold()) \
        and nxt.group(1).casefold() not in STOP


def _headed_by(a: str, b: str) -> bool:
    """Whether the term ``a``'s name ends with the term ``b``'s (by their ids, made from
    their labels): "legacy-code" with "code".

    >>> _headed_by("legacy-code", "code"), _headed_by("code", "legacy-code"), _headed_by("barcode", "code")
    (True, False, False)
    """
    mine, theirs = a.split("-"), b.split("-")
    return len(mine) > len(theirs) and mine[-len(theirs):] == theirs


def term_relations(text: str, base: int, mentions: list[Mention], topic: str = "",
                   renamed: tuple[str, ...] = ()) -> list[Finding]:
    """The relations between terms one sentence states, each quoting the sentence;
    ``topic``, the thread's one subject, is what "rename them to X" renames; ``renamed``,
    the names a thread looks for another name for, are what a name proposed alone ("I
    like X", "How about X?") is proposed for."""
    out: list[Finding] = []
    seen: set[tuple[str, str, str]] = set()

    def add(kind: str, a: str, b: str, rule: str) -> None:
        if a != b and (kind, a, b) not in seen and (kind, b, a) not in seen:
            seen.add((kind, a, b))
            out.append(Finding(kind, term=a, other=b, start=base, end=base + len(text), rule=rule))

    def joined(i: int) -> bool:  # "A/B": mentions i and i + 1 are written as one pair
        return 0 <= i < len(mentions) - 1 and bool(_SLASH.match(text[mentions[i][1] - base:mentions[i + 1][0] - base]))

    # "the difference between a tag, a category and a label": each of the list with each other
    if len(mentions) > 2 and _PAIRED.search(text[:mentions[0][0] - base]) \
            and all(_LISTED.match(text[e - base:s - base]) for (_, e, _), (s, _, _) in zip(mentions, mentions[1:])):
        for i, (_, _, a) in enumerate(mentions):
            for _, _, b in mentions[i + 1:]:
                add(CONTRASTS_WITH, a, b, CONTRASTS_WITH)
        return out
    # "mentoring vs coaching vs teaching": each of the run with each other, the ends too
    run = [mentions[0]] if mentions else []
    for m in mentions[1:]:
        if _VERSUS_GAP.fullmatch(text[run[-1][1] - base:m[0] - base]):
            run.append(m)
            continue
        if len(run) > 2:
            break
        run = [m]
    if len(run) > 2:
        for i, (_, _, a) in enumerate(run):
            for _, _, b in run[i + 2:]:
                add(CONTRASTS_WITH, a, b, CONTRASTS_WITH)
    spread: tuple[str, str, bool] | None = None  # the relation the list being read shares: kind, term, reversed
    # "Isn't X just a polite word for Y?" asks nothing: it says X is, as "X is ..." would
    rhetorical = bool(mentions) and _NEGATIVE_ASK.match(text, 0, mentions[0][0] - base) is not None
    for i, ((s1, e1, t1), (s2, e2, t2)) in enumerate(zip(mentions, mentions[1:])):
        between = text[e1 - base:s2 - base]
        if rhetorical and i == 0:
            between = " is " + between
        # "X differs from Y and Z": from Z too; not "X is a kind of Y, and Z is ...", another clause
        if spread and _LIST.match(between) and not _CLAUSE_VERB.match(text, e2 - base):
            kind, a, rev = spread
            add(kind, t2, a, kind) if rev else add(kind, a, t2, kind)
            continue
        spread = None
        if len(between) > 60:
            continue
        before = text[: s1 - base]
        if _NOT_ALL.search(before):
            continue  # "not every stakeholder is a user": some are, some are not; no relation of the two
        if _TO.match(between) and _RENAMING.search(before):
            add(SIMILAR_TO, t2, t1, "renamed")
            continue
        if _BRACKETED.match(between) and text[e2 - base:].lstrip(" \"”’'`").startswith(")"):  # "headers (header fields)"
            add(SIMILAR_TO, t1, t2, "gloss")
            continue
        if _AND.match(between) and _DIFFERENT.match(text[e2 - base:]):  # "X and Y are different"
            add(CONTRASTS_WITH, t1, t2, CONTRASTS_WITH)
            continue
        if _AND.match(between) and _OVERLAP.match(text[e2 - base:]):  # "X and Y overlap"
            add(OVERLAPS_WITH, t1, t2, OVERLAPS_WITH)
            continue
        if _AND.match(between) and _ALIKE.match(text[e2 - base:]) and not _SUPPOSED.search(text, 0, s1 - base) \
                and not _UNSAID.search(text, 0, s1 - base) and not _DENIED_AFTER.match(text, e2 - base):
            add(SIMILAR_TO, t1, t2, "same meaning")  # "X and Y are the same thing seen from two chairs"
            continue
        if _MEANS_THEN.match(between) and _MEANS.match(text[e2 - base:]):  # "X means this, Y means that"
            add(CONTRASTS_WITH, t1, t2, CONTRASTS_WITH)
            continue
        if _FROM.match(between) and _TELLING.search(before):  # "to tell X from Y", "distinguish X from Y"
            add(CONTRASTS_WITH, t1, t2, CONTRASTS_WITH)
            continue
        if _ALL.search(before) and _ARE.match(between):  # "all sprockets are cogs": cog includes sprocket
            add(INCLUDES, t2, t1, INCLUDES)
            continue
        first = t1
        if i and _PREP_ONLY.match(text[mentions[i - 1][1] - base:s1 - base]):
            first = mentions[i - 1][2]  # "consensus without vetoes is just consent": consensus is
        for kind, pattern, reverse in _BETWEEN:
            if pattern.match(between):
                if pattern is _IS and (_headed_by(first, t2) or _headed_by(t2, first)):
                    break  # "Legacy code is code you're afraid to change": the kind its name says, no likeness
                if pattern is _IS and (_predicate_adjective(between, text[s2 - base:e2 - base])
                                       or _qualifies(text, e2 - base)):
                    # "this rhetoric is violent" says what it is like, not what it is; "an objective is a
                    # measurable step" says it is a step
                    break
                if pattern is _IS and _DIFFERENTIA.match(text, e2 - base) and not _LIKENESS.search(between):
                    # "an outage is an incident where the service is down": a kind of it, told apart
                    add(INCLUDES, t2, first, "kind of")
                    break
                if kind == CONTRASTS_WITH and _BARE_JOIN.match(between):
                    # "X and Y" contrast only as the two sides of a difference: "the difference between X and Y"
                    if not _PAIRED.search(before) and not _NOT_BUT.search(before):
                        continue
                    if "," in between and _verb_next(text, e2 - base):
                        continue  # "X is not a guess, and a law is ...": another clause begins, on its own term
                if joined(i - 1) and joined(i + 1):  # "A/B rather than C/D": A with C, B with D
                    for a, b in ((mentions[i - 1][2], t2), (t1, mentions[i + 2][2])):
                        add(kind, b, a, kind) if reverse else add(kind, a, b, kind)
                    break
                add(kind, t2, first, kind) if reverse else add(kind, first, t2, kind)
                if kind != CONTRASTS_WITH or not _BARE_JOIN.match(between):
                    spread = (kind, first, reverse)
                break
    if topic and (it := _RENAME_IT.search(text)):  # "should we rename them to X?": X for the thread's subject
        new = next((t for s, _, t in mentions if s - base >= it.end() - 1 and t != topic), "")
        if new:
            add(SIMILAR_TO, new, topic, "renamed")
    named = list(dict.fromkeys(t for _, _, t in mentions))
    if renamed and not out and not set(named) & set(renamed):
        for new in _proposed(text, base, mentions):
            for old in _proposed_for(new, renamed):
                add(SIMILAR_TO, new, old, "proposed")
    listed = len(named) > 2 and all(_LIST.match(text[e - base:s - base]) or _COMMA.match(text[e - base:s - base])
                                    for (_, e, _), (s, _, _) in zip(mentions, mentions[1:]))
    if not out and (len(named) == 2 or listed):  # '"sprocket", "cog" and "gear" all mean the same thing'
        same, other = _SAME_MEANING.search(text), _OTHER_MEANING.search(text)
        # "I was treating X and Y as synonyms, and they're not": they are not
        denied_after = same is not None and bool(_DENIED_AFTER.match(text, same.end()))
        if same and not denied_after and (_SUPPOSED.search(text, 0, same.start())
                                          or _UNSAID.search(text, 0, same.start())
                                          or _IN_USE.search(text, 0, same.end())):
            # "people use X and Y as if they were the same thing": supposed, not said; "we use X
            # and Y interchangeably": how people use them, often the complaint that starts a thread
            same = None
        for b in named[1:]:
            if same and not denied_after and not _DENIED.search(_CLAUSE_START.split(text[:same.start()])[-1]):
                add(SIMILAR_TO, named[0], b, "same meaning")
            elif other or (same and len(named) == 2):  # "they are not synonyms"
                add(CONTRASTS_WITH, named[0], b, "other meaning")
    if (_YES_NO.match(text) or _ASKED.match(text)) and not rhetorical:
        # "Is a bug the same thing as a defect?" and "So a bug is a defect?" ask; "Should we call it X?" proposes
        return [f for f in out if f.rule in _PROPOSALS]
    return out


# A question to be answered yes or no: it states no relation, though it may propose a name
# (after a lead phrase: "Following that to the end, should X be ...?")
_YES_NO = re.compile(r"^\W*(?:[^,;:?!.]{1,60},\s*)?(?:so,?\s+|but\s+|and\s+)?(?:is|are|was|were|isn['’]t|aren['’]t|"
                     r"does|do|doesn['’]t|don['’]t|did|can|could|would|should|shall|will|has|have)\b"
                     # (not one that asks a question of its own: "Can someone explain how X differs from Y?")
                     r"(?![^?]*\b(?:how|what|why|in\s+which\s+way)\s)[^?]*\?\W*$", re.I)
# A statement asked back, "So X is a kind of Y?" (one that asks to be confirmed, "X is Y, right?", states)
# ("What is the difference between X and Y?" takes the difference as given)
_ASKED = re.compile(r"^(?!\W*(?:what|why|how|which|who|whom|whose|where|when)\b)(?![^?]*\b(?:how|what|why)\s)"
                    r"[^,;:?!.]*\?[\s\"”’')]*$", re.I)
_PROPOSALS = ("renamed", "proposed")
# A question that opens denying, "Isn't X just Y?", "But aren't X ...": it says what it asks
_NEGATIVE_ASK = re.compile(r"\W*(?:[^,;:?!.]{1,60},\s*)?(?:so,?\s+|but\s+|and\s+)?(?:is|are|was|were)n['’]t\s+"
                           r"(?:(?:a|an|the)\s+)?[\"“‘'`]*$", re.I)


# A name given to what is spoken of: "rename them to", "call it", "renaming this to"
_RENAME_IT = re.compile(r"\b(?:renam\w*|call(?:ed|ing)?)\s+(?:it|them|this|these|those)\s+(?:to\s+|as\s+)?(?:an?\s+|the\s+)?"
                        r"[\"“‘'`]?(?=\w)", re.I)
# A sentence naming two terms and saying what their meanings are to each other
_SAME_MEANING = re.compile(r"\b(?:synonym(?:s|ous)?|mean(?:s|t)?\s+the\s+same|"
                           # (not what people say or want: "so that stewards say the same thing")
                           r"(?<!\bsay )(?<!\bsays )(?<!\bsaid )(?<!\bwant )(?<!\bwants )(?<!\bthink )"
                           r"the\s+same\s+(?:thing|meaning)|interchangeabl[ey])\b", re.I)
_OTHER_MEANING = re.compile(r"\b(?:means?\s+something\s+(?:\w+\s+)?(?:different|else)|(?:completely|quite|very|"
                            r"entirely|totally)\s+different|different\s+(?:meanings?|things|senses?))\b", re.I)
_DENIED = re.compile(r"\b(?:not|no|never)\b|n['’]t\b", re.I)
# "as if", "as though" before what is said of two names: a supposition, not the speaker's claim
_SUPPOSED = re.compile(r"\bas\s+(?:if|though)\b[^.;:!?]*$", re.I)
# What makes a likeness said no one's view now: a belief given up ("I was treating X and Y
# as synonyms", "I used to think ..."), or what would follow were it otherwise ("otherwise X
# and Y are the same set", "X and Y would be the same")
_UNSAID = re.compile(r"(?:\b(?:was|were)\s+(?:treating|reading|using|taking)\b|\bused\s+to\s+(?:think|treat|read|use|"
                     r"take|see)\b|\b(?:had\s+)?(?:assumed|always\s+thought)\b|\b(?:otherwise|or\s+else)\b|"
                     r"\b(?:would|could)\s+(?:then\s+)?be\b)[^.;:!?]*$", re.I)
# How people use words, reported: "we use X and Y interchangeably", "three words that we
# currently use interchangeably" (not "X and Y can be used interchangeably", which says they can)
_IN_USE = re.compile(r"\b(?:we|they|people|you|I|folks|everyone|everybody|many|most|some)\s+(?:\w+\s+){0,2}?"
                     r"(?:use|used|uses|using|treat|treated|say|said)\b[^.;!?]*\binterchangeabl[ey]$", re.I)
# ... or a denial after it: "... as synonyms, and they're not", "... but they aren't"
_DENIED_AFTER = re.compile(r"[^.;!?]{0,80}?\b(?:and|but|yet|though|when|which)\s+(?:they|it|those|these|that)\s*"
                           r"(?:(?:['’]re|are|is|['’]s|were|was)\s+not|(?:aren|isn|weren|wasn)['’]t)"
                           r"(?:\s+(?:really|quite|exactly|at\s+all))?\s*(?:[.,;:!?)]|$)", re.I)
# Where the clause a word stands in begins: "I don't regard X and Y as synonymous" is
# denied, "no doubt, X and Y are synonymous" is not
_CLAUSE_START = re.compile(r"[,;:()]|\b(?:but|and yet|although|though|whereas)\b", re.I)


def senses(terms: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``(sense, word)`` pairs among drafted terms: "remote (noun)" is a sense of
    "remote"; "informal conjecture" (an adjective before another term) is a sense of
    "conjecture".

    >>> senses([("a", "conjecture"), ("b", "informal conjecture"), ("c", "remote (noun)"), ("d", "remote")])
    [('b', 'a'), ('c', 'd')]
    """
    labels = {label.casefold(): ident for ident, label in terms}
    out = []
    for ident, label in terms:
        m = re.fullmatch(r"(.+?)\s*\((?:noun|verb|adjective|adj|n|v)\.?\)", label, re.I)
        if m and m.group(1).casefold() in labels:
            out.append((ident, labels[m.group(1).casefold()]))
            continue
        words = label.casefold().split()
        if len(words) == 2 and words[1] in labels and parts_of_speech(words[0]) == {"ADJ"}:
            out.append((ident, labels[words[1]]))
    return out


# A name put forward: "I like X", "I'd prefer X", "How about X?", "+1 for X", "call it X"
_PROPOSE_BEFORE = re.compile(r"\b(?:I\s+(?:\w+\s+)?(?:like|prefer|suggest|propose|vote for|support|go with|went with)|"
                             r"I['’]d\s+(?:\w+\s+)?(?:like|prefer|suggest|propose|vote for|go with)|how about|what about|"
                             r"why not|\+1 (?:for|to)|call (?:it|them)|name (?:it|them)|go with|in favou?r of)\b"
                             r"(?:[^.;:!?]|\.(?=\w)){0,40}$", re.I)
# ... or after it: "X would be better", "X sounds good", "X works for me"
_PROPOSE_AFTER = re.compile(rf"^{_Q}(?:(?:would|might|could)\s+be\s+(?:\w+\s+)?(?:better|good|fine|nice|great|clearer|"
                            rf"ok|okay)|(?:sounds|seems|looks|reads)\s+(?:\w+\s+)?(?:better|good|fine|nice|great|"
                            rf"clearer|right|ok|okay)|works\s+for\s+me)", re.I)
# ... or alone: "X?", "X.", a list's item "+ X"
_ALONE = re.compile(r"^[\s\"“”‘’'`*_.!?+•–—-]*$")
# ... or alone but for a remark in brackets: "+ X (this would cover more)"
_ALONE_BUT_REMARK = re.compile(r"^[\s\"“”‘’'`*_]*\([^()]*\)[\s.!?]*$")


def _proposed(text: str, base: int, mentions: list[Mention]) -> list[str]:
    """The terms ``text`` puts forward as names."""
    out = []
    for s, e, t in mentions:
        before, after = text[: s - base], text[e - base:]
        if _PROPOSE_BEFORE.search(before) or _PROPOSE_AFTER.match(after) \
                or _ALONE.match(before) and (_ALONE.match(after) or _ALONE_BUT_REMARK.match(after)):
            out.append(t)
    return list(dict.fromkeys(out))


def _proposed_for(new: str, renamed: tuple[str, ...]) -> list[str]:
    """Which of the names being replaced ``new`` is put forward for: the one, or those
    sharing a word with it that the others lack ("memory.drop_data" for "memory.drop",
    not "table.drop"; term ids' words)."""
    if len(renamed) == 1:
        return list(renamed)
    words = [set(re.split(r"[-_]", old)) for old in renamed]
    common = set.intersection(*words)
    mine = set(re.split(r"[-_]", new)) - common
    return [old for old, w in zip(renamed, words) if mine & w]
