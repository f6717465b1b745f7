"""The vocabulary of a concept graph: node kinds, edge kinds, contributor roles and
relation kinds, with the phrase each relation reads as ("cooperation *contrasts with*
collaboration"). Every other module names kinds through these constants.

>>> RELATION_KINDS[CONTRASTS_WITH]
'contrasts with'
>>> endpoint_kind(OPPOSES)
'attribute'
>>> claim_text("cooperation", "may be passive")
'cooperation: may be passive'
"""

from __future__ import annotations

from functools import lru_cache

__all__ = [
    "TERM", "ATTRIBUTE", "CONTRIBUTOR", "MESSAGE", "OTHER_NODE", "NODE_KINDS", "CONCEPT_KINDS",
    "CLAIM", "ASSERTS", "WROTE", "REPLIES_TO", "OTHER_EDGE",
    "CONTRASTS_WITH", "INCLUDES", "OVERLAPS_WITH", "SIMILAR_TO", "ANALOGOUS_TO", "SENSE_OF", "RELATED_TO",
    "OPPOSES", "AGREES_WITH", "DISPUTES", "MENTIONS", "CO_OCCURS",
    "ROLES", "TERM_RELATIONS", "ATTRIBUTE_RELATIONS", "CONTRIBUTOR_RELATIONS", "CONTEXT_RELATIONS", "RELATION_KINDS",
    "RELATION_ENDS", "STATED_RELATIONS",
    "STANCES", "SYMMETRIC", "STRUCTURAL_EDGES", "DRAFT", "endpoint_kind", "AUXILIARIES", "NEGATING_WORDS", "claim_text",
    "denied_verb", "verb_of_one", "denial", "stance_about",
]

# --- node kinds -----------------------------------------------------------------------
TERM = "term"
ATTRIBUTE = "attribute"
CONTRIBUTOR = "contributor"
MESSAGE = "message"
#: The kind of a node read from another tool's file that says nothing of its kind.
OTHER_NODE = "node"
NODE_KINDS = (TERM, ATTRIBUTE, CONTRIBUTOR, MESSAGE)
#: What the queries answer about by default: concepts and the people who spoke.
CONCEPT_KINDS = (TERM, ATTRIBUTE, CONTRIBUTOR)

# --- edge kinds -----------------------------------------------------------------------
#: A claim gives two edges under one key: term -> attribute and contributor -> attribute.
CLAIM = "claim"
ASSERTS = "asserts"
#: A contributor wrote a message; a message replies to another.
WROTE = "wrote"
REPLIES_TO = "replies_to"
OTHER_EDGE = "edge"

CONTRASTS_WITH = "contrasts_with"
INCLUDES = "includes"
OVERLAPS_WITH = "overlaps_with"
SIMILAR_TO = "similar_to"
ANALOGOUS_TO = "analogous_to"
SENSE_OF = "sense_of"
RELATED_TO = "related_to"
OPPOSES = "opposes"
AGREES_WITH = "agrees_with"
DISPUTES = "disputes"
#: Context drafted from the text, never claims: who names a term, and which terms are
#: named in one sentence.
MENTIONS = "mentions"
CO_OCCURS = "co_occurs"

#: Edges that hold the thread together rather than say anything about concepts.
STRUCTURAL_EDGES = (WROTE, REPLIES_TO)
#: Stances one contributor takes towards another (or towards their claims).
STANCES = (AGREES_WITH, DISPUTES)
#: The relations that say the same read either way round ("A is similar to B", "B is similar to A").
SYMMETRIC = frozenset({CONTRASTS_WITH, OVERLAPS_WITH, SIMILAR_TO, RELATED_TO, ANALOGOUS_TO, OPPOSES})

#: ``status`` of an item drafted from the text and not yet accepted by a curator.
DRAFT = "draft"

#: Roles a contributor can have in a discussion.
ROLES = ("author", "respondent", "commenter")

#: Relation kinds, by the kind of node they join, with a phrase for reading them aloud.
TERM_RELATIONS = {
    CONTRASTS_WITH: "contrasts with",
    INCLUDES: "includes",
    OVERLAPS_WITH: "overlaps with",
    SIMILAR_TO: "is similar to",
    ANALOGOUS_TO: "is analogous to",
    SENSE_OF: "is a sense of",
    RELATED_TO: "is related to",
}
ATTRIBUTE_RELATIONS = {
    OPPOSES: "is opposed to",
}
CONTRIBUTOR_RELATIONS = {
    AGREES_WITH: "agrees with",
    DISPUTES: "disputes",
}
CONTEXT_RELATIONS = {
    MENTIONS: "mentions",
    CO_OCCURS: "is named with",
}
RELATION_KINDS = {**TERM_RELATIONS, **ATTRIBUTE_RELATIONS, **CONTRIBUTOR_RELATIONS, **CONTEXT_RELATIONS}
#: The relations one states of two terms or two attributes (not where a name fell, nor a stance).
STATED_RELATIONS = frozenset({*TERM_RELATIONS, *ATTRIBUTE_RELATIONS})
#: The kinds of node each relation kind joins: (source, target).
RELATION_ENDS = {
    **{k: (TERM, TERM) for k in TERM_RELATIONS}, **{k: (ATTRIBUTE, ATTRIBUTE) for k in ATTRIBUTE_RELATIONS},
    **{k: (CONTRIBUTOR, CONTRIBUTOR) for k in CONTRIBUTOR_RELATIONS}, MENTIONS: (CONTRIBUTOR, TERM),
    CO_OCCURS: (TERM, TERM),
}


def endpoint_kind(relation: str) -> str:
    """The kind of node a relation kind joins (its source's, for ``mentions``)."""
    return RELATION_ENDS[relation][0]


# --- a claim in words -------------------------------------------------------------------
#: Words that open a label already written as a predicate ("may be passive", "is key"): a
#: denial puts its "not" after them ("may not be passive").
AUXILIARIES = frozenset("may might can could must should shall will would is are was were".split())
#: Words with which a label denies something itself ("not wired so well", "never heard of").
NEGATING_WORDS = ("not", "never", "no")


#: Verbs a label often opens with, said of one thing ("needs a customer"), by their
#: dictionary form: a denial of such a label reads "does not need a customer". A list,
#: not a guess from the word's ending: many plurals open labels too ("stakes are high").
_PREDICATES = frozenset("""need mean require involve include imply make take give create build work cost depend
focus rely last grow happen come go seem look feel sound matter help lead allow let keep use produce bring describe
refer apply exist belong emphasise emphasize aim tend try want serve support share hold change cause affect
define deliver demand deserve differ enable ensure entail exclude expect follow fit get know lack like mention
offer own pay prefer protect provide reach reflect remain rest scale stand stay suggest tell think treat turn
win""".split())
#: Words after which the first word is a plural noun, not a verb ("needs of the team").
_NOT_AFTER_VERB = frozenset("of and or".split())


def denied_verb(label: str) -> str:
    """The dictionary form of the verb a label opens with, said of one thing ("needs a
    customer": "need"; "has a twang": "have"), for a denial to read "does not need a
    customer"; "" when the label opens otherwise ("needs of the team", "clock watching",
    "has been tried", "needs no introduction").

    >>> denied_verb("needs a customer"), denied_verb("has a twang"), denied_verb("needs of the team")
    ('need', 'have', '')
    >>> denied_verb("removes content"), denied_verb("news outlets"), denied_verb("stakes are high")
    ('remove', '', '')
    >>> denied_verb("hides posts"), denied_verb("teams work")
    ('hide', '')
    """
    first, _, rest = label.partition(" ")
    if not rest.split() or first != first.lower():
        return ""
    after = rest.split()[0].lower()
    if after in _NOT_AFTER_VERB or after in NEGATING_WORDS or after.endswith(("n't", "n’t")):
        return ""
    if first == "has":
        return "" if after == "been" or after.endswith(("ed", "en")) else "have"  # "has been tried": an auxiliary
    if first.endswith("ies") and first[:-3] + "y" in _PREDICATES:  # "applies", "relies"
        return first[:-3] + "y"
    for base in (first[:-2], first[:-1]) if first.endswith("es") else (first[:-1],) if first.endswith("s") else ():
        if base in _PREDICATES:
            return base
    if not first.endswith("s") or after in AUXILIARIES:  # "stakes are high": a noun, and the verb after it
        return ""
    # any other verb the dictionary knows in this form: "removes content" is "does not remove content"
    # (but "teams work" is a plural noun and its verb: the word after it a verb as it stands)
    from lemminflect import getAllLemmas  # here: its dictionaries load only for such a denial

    if "NOUN" in getAllLemmas(first) and (getAllLemmas(after, upos="VERB").get("VERB") or ("",))[0] == after:
        return ""
    return verb_of_one(first)


@lru_cache(maxsize=4096)
def verb_of_one(word: str) -> str:
    """The dictionary form of ``word`` as a verb said of one thing ("removes": "remove"),
    as the dictionary (lemminflect) knows it; "" for any other word ("remove", "news").

    >>> verb_of_one("removes"), verb_of_one("remove"), verb_of_one("news")
    ('remove', '', '')
    """
    if not word.endswith("s"):
        return ""
    from lemminflect import getAllLemmas  # here: its dictionaries load only when asked

    base = (getAllLemmas(word, upos="VERB").get("VERB") or ("",))[0]
    return str(base) if base and base != word else ""


def denial(label: str) -> tuple[str, str, str]:
    """How a denial of ``label`` reads, in three parts: the words before the label's own
    words, those words, and any after ("may be passive": "may not ", "be passive", "").

    >>> denial("may be passive"), denial("needs a customer"), denial("clock watching")
    (('may not ', 'be passive', ''), ('does not ', 'need a customer', ''), ('not ', 'clock watching', ''))
    >>> denial("not wired so well"), denial("has not worked")
    (('denied “', 'not wired so well', '”'), ('denied “', 'has not worked', '”'))
    >>> denial("can be native")  # one word, as English writes it
    ('cannot ', 'be native', '')
    >>> denial("0 \\r")  # a space and no word after it
    ('not ', '0 \\r', '')
    """
    first, _, rest = label.partition(" ")
    second = rest.split()[0].lower() if rest.split() else ""  # ("0 \r": spaces after it, no word)
    if first.lower() in NEGATING_WORDS or second in NEGATING_WORDS or second.endswith(("n't", "n’t")):
        return ("denied “", label, "”")  # a label that denies something itself is quoted, not denied again
    if rest and (first.lower() in AUXILIARIES or first in ("does", "do", "did")):
        return (f"{first}not " if first.lower() == "can" else f"{first} not ", rest, "")  # "cannot", as written
    verb = denied_verb(label)
    if first == "has" and rest and not verb:
        return ("has not ", rest, "")  # "has been tried": "has not been tried"
    return ("does not ", f"{verb} {rest}", "") if verb else ("not ", label, "")


def stance_about(labels: list[str], target: str) -> str:
    """What an agreement or dispute is about, in words: the points it names, else
    everything its target said.

    >>> stance_about(["cooperation: passive"], "Bo"), stance_about([], "Bo")
    (' about “cooperation: passive”', ' about everything Bo said')
    """
    return " about " + ", ".join(f"“{x}”" for x in labels) if labels else f" about everything {target} said"


def said_in(name: str, where: str) -> str:
    """What a stance that names a message of its target's is about, in words: what they
    said there (kept when the claims its review noted there were all rejected).

    >>> stance_about([said_in("Ana", "line 4")], "Ana")
    ' about “what Ana said in line 4”'
    """
    return f"what {name} said in {where}"


def claim_text(term: str, label: str, negated: bool = False) -> str:
    """A claim in words, as its attribute's label is written: the term, a colon and the
    label ("cooperation: may be passive"); a denial says "not" where the label's own
    grammar puts it (:func:`denial`), and quotes a label that denies something itself.

    >>> claim_text("collaboration", "may be passive", negated=True)
    'collaboration: may not be passive'
    >>> claim_text("cooperation", "clock watching", negated=True)
    'cooperation: not clock watching'
    >>> claim_text("conflict", "not wired so well", negated=True)
    'conflict: denied “not wired so well”'
    >>> claim_text("incident", "needs a customer", negated=True)
    'incident: does not need a customer'
    """
    if not negated:
        return f"{term}: {label}"
    return f"{term}: " + "".join(denial(label))
