"""The words of a message, with the characters each one spans: sentences, clauses,
tokens, lemmas and whether a word carries content.

Sentences end at ``.``, ``!`` or ``?`` before a capital, a quote or a line's end (not
after "Mr.", "e.g." or a number's point), at a blank line, and at each line of a list.

>>> [text for _, _, text in sentences("Mr. Arthur agrees. It is correct!\\n– Cooperation – respect")]
['Mr. Arthur agrees.', 'It is correct!', '– Cooperation – respect']
>>> [text for _, _, text in sentences("Two things\\n1. amber is a colour\\n2. amber is not\\nyellow")]
['Two things', '1. amber is a colour', '2. amber is not\\nyellow']
>>> lemma("deeper"), lemma("technologies"), content("the"), content("wilfulness")
('deep', 'technology', False, True)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache

__all__ = ["without_addresses", "readable", "counterfactual", "sentences", "tokens", "lemma", "content", "STOP",
           "Token", "uk_us", "quoted_spans", "spelled", "zipf", "code_like", "parts_of_speech",
           "BARE_NT"]

_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "prof", "e.g", "i.e", "etc", "vs", "v", "cf", "st", "jr", "sr", "no",
                  "fig", "al", "approx", "ca"}
# A sentence ends after . ! ? (and closing quotes or brackets) or a smiley ":)" followed
# by space and a capital, an opening quote or "@" (a name); after . ! ? followed by space
# and a small letter (unless an abbreviation's); or at a line break when the next line is a list item
# (marked, or numbered: "2. ", "3) ") or the line ends with punctuation; or at a blank line; or
# before a table's row (cells set off by tabs, or Markdown's "| a | b |").
_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*(?=\s+(?:[\"“‘(\[@]?[A-Z0-9]|@\w))|(?<=\s[:;]\))(?=\s+[\"“‘(\[]?[A-Z])|"
                  # written all in lower case ("...by evidence. a hypothesis is"): never after "..."
                  r"(?<=[^.][.!?])(?=[ \t]+[a-z])|"
                  r"\n\s*\n|\n(?=\s*(?:[–—•*+-]|\d{1,2}[.)])\s)|(?<=[.!?:;])\n|\n(?=[^\n]*\t)|\n(?=[ \t]*\|)|"
                  # a line that opens with a glossary's head: "Estimate = our best guess", "Forecast: a date"
                  r"\n(?=[ \t]*[\"“‘*_]*[A-Z][\w’'-]*(?:[ \t]+[\w’'-]+){0,3}[\"”’*_]*[ \t]*(?:=|:(?!//))[ \t]+\S)")
# ... and in text whose lines were not broken at a width, at every line's end
_END_OF_LINE = re.compile(_END.pattern + r"|\n")
# A word; a number; or a name from code, kept whole: an option ("--track"), a dotted
# setting ("branch.autosetupmerge"), a snake_case or CamelCase identifier.
_CODE = r"--?[A-Za-z][\w-]*|[A-Za-z_]\w+(?:\.[A-Za-z_]\w+)+|[A-Za-z]+_\w+|[a-z]+[A-Z]\w*"
# A language named by a letter and its sign ("C++", "C#", "F#") keeps the sign: without
# it, it is the letter alone.
_LANGUAGE = r"(?<![\w+#])[A-Za-z](?:\+\+|#)(?![\w+#])"
# Capitals joined by "&" are one word: "P&L", "R&D", "Q&A"
_AMPERSAND = r"(?<![\w&])[A-Z]{1,3}&[A-Z]{1,3}(?![\w&])"
_WORD = re.compile(rf"{_LANGUAGE}|{_AMPERSAND}|{_CODE}|[^\W_]+(?:[-'’][^\W_]+)*|\$?\d+(?:[.,]\d+)*")

#: Words that carry no content of their own (function words and the commonest verbs).
STOP = frozenset("""
a about above after again against all almost also although always am an and any are as at be because been before
being below between both but by can could did do does doing done down during each either else enough even ever every
few for from further get gets getting got had has have having he her here hers herself him himself his how however i
if in into is it its itself just least less let like lot lots made make makes making many may me might mine more most
much must my myself neither no nor not now of off often on once one only or other others our ours ourselves out over
own per perhaps quite rather really same seem seems she should since so some something somehow such than that the
their theirs them themselves then there these they thing things this those though through thus to too toward under
until up upon us very via was way we well were what whatever when where whether which while who whom whose why will
with within without would yet you your yours yourself yourselves think say says said see seems kind sort bit way ways
ok okay yes yeah hi hello thanks thank dear lot use used using go going gone come came take took put re
um umm uh uhh er erm hmm mm ah oh
want wanted need know knew tell told ask asked give gave look looked try tried mean means meant sure true false
""".split())

Token = tuple[int, int, str]  # start, end, the word as written


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, text)`` of each sentence of ``text[start:end]``, trimmed."""
    end = len(text) if end is None else end
    out: list[tuple[int, int, str]] = []
    at = start
    ends = _END if _wrapped(text, start, end) else _END_OF_LINE
    for m in ends.finditer(text, start, end):
        breaks_line = "\n" in m.group()
        if not breaks_line and _abbreviation_before(text, m.start(), m.end()):
            continue
        if m.start() == m.end() and text[m.end():m.end() + 2].strip()[:1].islower() and _dotted_before(text, m.start()):
            continue  # "U.S. and", "a.m. or", a list's "1. amber": no sentence ends there
        _add(out, text, at, m.start() if breaks_line else m.end())
        at = m.end()
    _add(out, text, at, end)
    return out


def _wrapped(text: str, start: int, end: int) -> bool:
    """Whether the text's lines may have been broken at a width (as mail's are, at 80
    characters or fewer), so that a line break inside a sentence says nothing. A line
    longer than any width says they were not (a forum's post, a chat message): each line
    ends a sentence, punctuated or not."""
    return max((len(line.rstrip()) for line in text[start:end].split("\n")), default=0) <= 100


def _abbreviation_before(text: str, at: int, after: int) -> bool:
    if at == 0 or text[at - 1] != ".":
        return False
    word = re.search(r"([\w.]+)\.$", text[max(0, at - 12):at])
    if word and word.group(1).lower() == "no":  # "No. 5" is a number's; "No. A bug is ..." an answer
        return re.match(r"\s*\d", text[after:after + 8]) is not None
    # "Mr.", "e.g.", an initial ("J. Smith", not the "L" of "P&L"); never a number ("Stage 1. We ...")
    # (and not the "t" of a contraction: "it isn't. The ...")
    return bool(word and (word.group(1).lower() in _ABBREVIATIONS or (len(word.group(1)) == 1
                                                                       and not word.group(1).isdigit()
                                                                       and not _joined(text, at - 2)
                                                                       and text[at - 3:at - 2] not in ("'", "’"))))


def _joined(text: str, at: int) -> bool:
    """Whether the character at ``at`` is joined to the one before it ("P&L", "Q/A")."""
    return at > 0 and (text[at - 1].isalnum() or text[at - 1] in "&/+")


def _dotted_before(text: str, at: int) -> bool:
    """Whether the word that ends with the period before ``at`` has dots of its own
    ("U.S."), or is a number ("1.", "2.": a list's)."""
    word = re.search(r"(\S+)\.$", text[max(0, at - 12):at])
    return bool(word and ("." in word.group(1) or word.group(1).isdigit()))


def _add(out: list[tuple[int, int, str]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return
    if text[start] in _LIST_MARKS:  # a list item ends with its line, and the lines under it that go on
        cut = text.find("\n", start, end)  # indented, as mail wraps an item ("- coach: one who asks\n  questions.")
        while cut != -1 and _ITEM_GOES_ON.match(text, cut + 1, end):
            cut = text.find("\n", cut + 1, end)
        if cut != -1:
            _add(out, text, start, cut)
            _add(out, text, cut, end)
            return
    if text.find("\n", start, end) >= 0 and all(map(_GLOSS_LINE.match, text[start:end].split("\n"))):
        # "Main - free software ...\nUniverse - ...": a glossary's lines are a sentence each
        for line in re.finditer(r"[^\n]+", text[start:end]):
            _add(out, text, start + line.start(), start + line.end())
        return
    out.append((start, end, text[start:end]))


# A line of a glossary: up to four words, then " - ", " – " or ":" and what they mean
_GLOSS_LINE = re.compile(r"\s*[\"“]?\w[\w'/-]*(?: [\w'/-]+){0,3}[\"”]?(?:\s+[-–—]{1,2}|:)\s+\S")


_LIST_MARKS = "–—•*+-"
# A line that goes on the list item above it: indented, and no item of its own
_ITEM_GOES_ON = re.compile(r"[ \t]+(?![–—•*+-]\s)\S")


_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Where a text quotes a passage (four words or more) in quotation marks: someone
    else's words, most often.

    >>> quoted_spans('As Jim put it: “Cooperation costs $125 an hour.” I agree with "KM".')
    [(15, 48)]
    """
    return [m.span() for m in _QUOTED.finditer(text) if len(m.group().split()) >= 4]


def reported_spans(text: str) -> list[tuple[int, int]]:
    """Where a text reports what someone else said ("Tom, you said a service without an
    SLA is still a service"): their claim in the writer's words, no claim of the writer's.
    "As you say, ..." agrees and says it again; "I said" is the writer's own, and so is
    what follows a "but".

    >>> text = "Tom, you said a service needs no SLA. As you say, it is run by engineers."
    >>> [text[a:b] for a, b in reported_spans(text)]
    ['a service needs no SLA.']
    >>> text = "Her argument is that a bug is a fault. According to Jo, it is not. I think it is."
    >>> [text[a:b] for a, b in reported_spans(text)]
    ['a bug is a fault.', 'it is not.']
    >>> text = "Jo said he never thought of names but 'concept' seems better."
    >>> [text[a:b] for a, b in reported_spans(text)]
    ['he never thought of names but']
    """
    out = []
    for m in _REPORTED.finditer(text):
        end = _REPORT_END.search(text, m.end())
        out.append((m.end(), end.end() if end else len(text)))
    return out


def relayed_spans(text: str) -> list[tuple[int, int]]:
    """Where a text gives someone else's words in its own: a translation, a summary or a
    paraphrase of what they said ("My rough translation of Rosa: ..."), from the words that
    lead in to the end of its paragraph. They are that person's: the writer neither claims
    them nor takes a side against them by relaying them.

    >>> text = "Thanks Rosa! My rough translation of Rosa: it is exotic, but it doesn't spread.\\n\\nI agree."
    >>> [text[a:b] for a, b in relayed_spans(text)]
    ["My rough translation of Rosa: it is exotic, but it doesn't spread."]
    """
    out = []
    for m in _RELAYED.finditer(text):
        end = text.find("\n\n", m.end())
        out.append((m.start(), end if end >= 0 else len(text.rstrip())))  # (what leads in too: "of what Rosa said")
    return out


_REPORTED = re.compile(r"(?<![Aa]s )\b(?:you|he|she|they|[A-Z][a-z]+)\s+(?:(?:just|also|once|earlier)\s+)?"
                       r"(?:said|says|wrote|writes|claimed|claims|argued|argues|suggested|thinks|thought|believes|"
                       r"believed)\s+(?:that\s+)?"
                       r"|\byou(?:['’]re|\s+are)\s+saying\s+(?:that\s+)?|\b(?i:according)\s+to\s+(?:you|[A-Z][a-z]+),?\s+"
                       # someone's view, named: "Her argument is that ...", "Ann's point was ..."
                       r"|(?:\b(?i:her|his|their|your)|\b[A-Z][a-z]+['’]s)\s+(?:(?i:main|whole|only|real)\s+)?"
                       r"(?i:argument|point|view|claim|position|definition)\s+(?:is|was)\s+"
                       r"(?:that\s+)?"
                       # what an answer, a book or anyone else says: "any answer that says climate is ..."
                       r"|\b(?i:answers?|books?|textbooks?|people|students|kids|anyone|someone|everyone|others)\s+"
                       r"(?:that|who)\s+(?:says?|said|claims?|thinks?|think|writes?)\s+(?:that\s+)?")
# Another's words given in the writer's own: "my rough translation of Rosa:", "a quick summary
# of what Bo wrote:", "to paraphrase Ann:"
_RELAYED = re.compile(r"\b(?i:(?:(?:my|a|the|our)\s+)?(?:(?:rough|quick|loose|short|free|literal|brief)\s+)?"
                      r"(?:translation|summary|paraphrase|gist)\s+of|to\s+(?:paraphrase|translate|sum\s+up))\s+"
                      r"(?i:what\s+)?(?:[A-Z][\w’'-]*)(?:['’]s(?:\s+\w+){1,2}|\s+(?i:said|wrote|says|writes|meant))?\s*:\s*")
# where a report ends: its sentence, or a "but" that turns to the writer's own view
_REPORT_END = re.compile(r"[.!?](?=\s|$)|,?\s+but\b")


# A web or mail address: its parts are no words of the discussion.
# (a domain's last part ends there: "tidepool.compat" and "app.dev_mode" are names from code)
_ADDRESS = re.compile(r"\b(?:https?://|ftp://|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.-]+|\b(?:[\w-]+\.)+(?:com|org|net|io|dev|"
                     r"edu|gov)\b(?![\w-])(?:/\S*)?", re.I)


# What each address holds ("://", a dot or an at sign before more of it), searched far
# faster than the addresses themselves
_MAY_ADDRESS = re.compile(r"[.@]\S|://")


def without_addresses(text: str) -> str:
    """``text`` with its web and mail addresses blanked, offsets kept: no word of a link
    is a word of the discussion.

    >>> without_addresses("see github.com/org/repo now")
    'see                     now'
    >>> without_addresses("`tidepool.compat` is legacy")  # a module's name, no address
    '`tidepool.compat` is legacy'
    >>> without_addresses("a guide (https://x.org/okr). Goals ...")  # the sentence's ")." is not the link's
    'a guide (                 ). Goals ...'
    """
    if not _MAY_ADDRESS.search(text):  # most sentences hold none: one quick scan says so
        return text
    return _ADDRESS.sub(lambda m: _blank(m.group()), text)


def _blank(address: str) -> str:
    """Spaces for ``address``, but for what ends the sentence around it: a stop, a comma,
    a closing bracket or quotation mark the address did not open."""
    end = len(address)
    while end:
        last = address[end - 1]
        if last in ".,;:!?'\"”’»" or last == ")" and address.count("(", 0, end) < address.count(")", 0, end) \
                or last == "]" and address.count("[", 0, end) < address.count("]", 0, end):
            end -= 1
        else:
            break
    return " " * end + address[end:]


# A patch a message carries (git format-patch, diff -u): from its files' header ("diff --git",
# "--- a/x" over "+++ b/x"), or the "---" over a diffstat, to the end of the message
_PATCH = re.compile(r"^(?:diff --git |diff -\S+ \S|--- (?:a/)?\S+[^\n]*\n\+\+\+ |---\n[ \t]*\S+[ \t]+\|[ \t]+\d+ [+-])",
                    re.M)
# A hunk quoted without its header (a suggestion in a review): its "@@" line and the lines
# of the diff under it, to the first line that is none
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@[^\n]*(?:\n(?:[ +\\-][^\n]*)?)*", re.M)


# A block of code fenced as Markdown fences it (imports keep the fences): no one's words
_FENCED_CODE = re.compile(r"```.*?(?:```|$)", re.S)
# ... and a line of code in a sentence, of four words or more (an error message, a command):
# a name in code marks (`drop_segment`, `pop out`) is held up, and stays
_INLINE_CODE = re.compile(r"(?<!`)`(?=[^`\n]*?[^\s`][ \t]+[^\s`]+[ \t]+[^\s`]+[ \t]+[^\s`])[^`\n]+`(?!`)")
# An emoji written by its name, as chat and GitHub write it; a thumb up or down is a stance
_EMOJI_NAME = re.compile(r"(?<![\w:]):(?!(?:\+1|-1|thumbsup|thumbsdown):)[a-z0-9_+-]*[a-z][a-z0-9_+-]*:(?![\w:])")


def readable(text: str) -> str:
    """``text`` as the rules read it, offsets kept: its addresses blanked
    (:func:`without_addresses`), an emoji's name (Slack's and GitHub's ":sweat_smile:")
    but a thumb's, which agrees or disputes, a block of code fenced with three backticks
    and a line of code in backticks (a name in them stays), and the code of a diff: a
    patch, from its header to the end, or a hunk shown alone, to its last line ("-EINVAL"
    is no one's words).

    >>> readable("Fix the name.\\n---\\n a.c | 2 +-\\ndiff --git a/a.c b/a.c\\n-int x;").rstrip()
    'Fix the name.'
    >>> " ".join(readable("Suggested:\\n@@ -1 +1 @@\\n-old\\n+new\\n\\nA job, not a calling.").split())
    'Suggested: A job, not a calling.'
    >>> readable("Ship it :sweat_smile: :+1: (std::move at 10:30:00)")
    'Ship it               :+1: (std::move at 10:30:00)'
    >>> readable("Run:\\n```\\n/incident declare\\n```\\nAn incident is declared.")
    'Run:\\n   \\n                 \\n   \\nAn incident is declared.'
    >>> " ".join(readable("It fails with `ImportError: cannot import name 'Defect'` so `Defect` is gone.").split())
    'It fails with so `Defect` is gone.'
    """
    text = without_addresses(text)
    if ":" in text:
        text = _EMOJI_NAME.sub(lambda m: " " * len(m.group()), text)
    if "```" in text:
        text = _FENCED_CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
    if "`" in text:
        text = _INLINE_CODE.sub(lambda m: " " * len(m.group()), text)
    if "\n" not in text or ("diff" not in text and "@@" not in text and "---" not in text):
        return text
    m = _PATCH.search(text)
    if m is not None:
        text = text[:m.start()] + re.sub(r"[^\n]", " ", text[m.start():])
    return _HUNK.sub(lambda h: re.sub(r"[^\n]", " ", h.group()), text) if "@@" in text else text


# A sentence that supposes what is not so ("If we were somehow apart from nature, I would
# understand the distinction"): a condition in the past subjunctive, then "would", "could"
# or "might": what it says holds in that other world, and the speaker asserts none of it
_COUNTERFACTUAL = re.compile(r"^\W*(?:(?:but|and|so|well|now),?\s+)?(?:if|even if)\s+[^,;.?!]{0,120}?\b(?:were|had)\b"
                             r"[^,;.?!]{0,120}?,[^.;?!]{0,200}?\b(?:would|could|might)\b", re.I)


def counterfactual(sentence: str) -> bool:
    """Whether a sentence supposes what is not so, and so asserts nothing, takes no side.

    >>> counterfactual("If it were free, we would run it."), counterfactual("If it is free, we run it.")
    (True, False)
    """
    return bool(_COUNTERFACTUAL.match(sentence))


# Contractions typed without their apostrophe, common in chat and forums; "cant" and "wont"
# are nouns too, but rarely in a reply
# (or with the apostrophe and no "t": "I don' think")
_NEGATED = "do|does|did|is|are|was|were|ca|wo|could|would|should|have|has|had|must|need|ai"
#: A contraction typed without its apostrophe ("dont", "isnt", "cant"), for a rule that
#: reads a denial in place, its characters as written
BARE_NT = rf"\b(?:{_NEGATED})nt\b"
_BARE_NOT = re.compile(rf"\b({_NEGATED})n(?:t\b|['’](?=\s))", re.I)


def could_match(pattern: re.Pattern[str]) -> Callable[[str], object]:
    """A quicker test of whether ``pattern.search`` would find anything: its alternatives
    that open with ``^`` (tried at the start only) apart from the rest, each group one
    search. A long alternation of both is tried at every character, all its branches
    there; apart, it takes a quarter of the time, and what it finds is the same.

    >>> test = could_match(re.compile(r"^\\s*fair enough|\\bI stand corrected\\b|^ok$"))
    >>> bool(test("Fair enough, then.")), bool(test("fair enough")), bool(test("Well, I stand corrected."))
    (False, True, True)
    """
    alternatives = _alternatives(pattern.pattern)
    first = [a for a in alternatives if a.startswith("^")]
    rest = [a for a in alternatives if not a.startswith("^")]
    if not first or not rest:
        return pattern.search
    try:
        at_start, anywhere = (re.compile("|".join(part), pattern.flags) for part in (first, rest))
    except re.error:  # a group one alternative names and another refers to: kept whole
        return pattern.search
    return lambda text: at_start.search(text) or anywhere.search(text)


def _alternatives(pattern: str) -> list[str]:
    """The parts of a pattern between its top-level ``|``."""
    parts, depth, in_class, start, i = [], 0, False, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern.startswith("]", i + 1) or pattern.startswith("^]", i + 1):
                i += 1 + (pattern[i + 1] == "^")  # "[]...]": the bracket is a member
        elif c in "()":
            depth += 1 if c == "(" else -1
        elif c == "|" and not depth:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def spelled(sentence: str) -> str:
    """``sentence`` with the contractions typed without an apostrophe written with one, so
    that a rule written for "don't" reads "dont" too. Only for what reads a sentence as a
    whole (which side it takes): the characters after each one move.

    >>> spelled("I dont agree, it isnt so. Cant say. I don' think so.")
    "I don't agree, it isn't so. Can't say. I don't think so."
    """
    return _BARE_NOT.sub(r"\1n't", sentence)


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words of ``text[start:end]`` with their offsets in ``text``."""
    return list(_tokens(text, start, len(text) if end is None else end))


@lru_cache(maxsize=4096)  # a sentence is read by several rules in turn
def _tokens(text: str, start: int, end: int) -> tuple[Token, ...]:
    return tuple((m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end))


@lru_cache(maxsize=65536)
def code_like(word: str) -> bool:
    """A name from code ("--track", "branch.autosetupmerge", "snake_case", "takeWhile",
    "NoPlusOne"): kept as written."""
    return word[:1] == "-" or "." in word or "_" in word or (word[:1].islower() and not word.islower()
                                                              and word.isalnum()) or bool(_PASCAL.fullmatch(word)) \
        or bool(_PASCAL_TWO.fullmatch(word)) and not zipf(word)


# Three or more capitalised parts run together ("NoPlusOne", "NoMeToo"): a name
# someone made, where two ("GitHub", "McDonald") are as often a brand's or a person's;
# two words run together that English does not use ("ConstructiveComments") are made too
_PASCAL = re.compile(r"[A-Z]+[a-z0-9]+(?:[A-Z][a-z0-9]*){2,}")
_PASCAL_TWO = re.compile(r"[A-Z][a-z]{2,}[A-Z][a-z]{2,}")


@cache
def zipf(word: str) -> float:
    """How common a word (or phrase) is in English, on the Zipf scale: about 7 for "the",
    3 for "glossary", 0 for a word the list does not know (wordfreq's English list)."""
    from wordfreq import zipf_frequency  # here: its lists load only when drafting

    return float(zipf_frequency(word, "en"))


def uk_us(word: str) -> str:
    """British spellings written the American way, so "labour" and "labor" are one word."""
    if len(word) > 5 and word.endswith("our") and not word.endswith(("flour", "hour", "four", "pour", "tour", "your")):
        return word[:-3] + "or"
    if len(word) > 5 and word.endswith(("ise", "ised", "ises", "ising")):
        return re.sub(r"is(e|ed|es|ing)$", r"iz\1", word)
    return word


@cache
def lemma(word: str) -> str:
    """The dictionary form of a word, lower case, American spelling: "deeper" -> "deep"."""
    w = uk_us(word.casefold().replace("’", "'").strip("'-"))
    from lemminflect import getAllLemmas  # here: its dictionaries load only when drafting

    found = getAllLemmas(w)
    for pos in ("NOUN", "ADJ", "VERB", "ADV"):
        if pos in found:
            return str(found[pos][0])
    return w


@lru_cache(maxsize=65536)  # asked of every word of every sentence, by several rules
def content(word: str) -> bool:
    """Whether a word carries content: not a function word, a number or a letter."""
    w = word.casefold()
    return len(w) > 1 and w not in STOP and not w.replace(",", "").replace(".", "").lstrip("$").isdigit()


@cache
def parts_of_speech(word: str) -> frozenset[str]:
    """What a word can be (NOUN, VERB, ADJ, ADV), as far as the lemmatiser knows."""
    from lemminflect import getAllLemmas

    return frozenset(getAllLemmas(word.casefold()))
