"""Message text as plain text: HTML and Markdown turned into text (paragraphs kept,
links as their text and address, entities decoded), signatures and footers removed,
and the words a message quotes from another kept out of it, so that no quote is ever
credited to the one who quoted it.

>>> html_to_text('<p>I agree &amp; <a href="https://x.org/a">so</a> does Bo.</p><blockquote>Soup!</blockquote><p>Yes</p>')
'I agree & so (https://x.org/a) does Bo.\\n\\nYes'
>>> markdown_to_text("> you said soup\\n\\n**Soup** is [good](https://x.org) &amp; hot")
'Soup is good (https://x.org) & hot'
>>> mail_text("Soup it is.\\n\\nOn Mon, Bo wrote:\\n> Soup.\\n\\n-- \\nAnn, chef")
'Soup it is.'
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterator

__all__ = ["html_to_text", "markdown_to_text", "mail_text", "sign_off_removed", "tidy", "quoted_lines_removed", "passages",
           "without_addresses", "SIGNATURE",
           "SOUND_CUES", "SOUND_NOTES"]

_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "pre", "hr",
          "section", "article", "header", "footer", "dd", "dt", "figure", "figcaption"}
_PARAGRAPH = {"p", "div", "pre", "table", "ul", "ol", "hr", "h1", "h2", "h3", "h4", "h5", "h6"}
_SKIP = {"script", "style", "head", "title", "noscript", "template", "svg", "math"}
_RAW = {"script", "style"}  # their content is not markup: it runs to the end tag
_VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source", "area", "col", "embed"}
_TAG = re.compile(r"<(/?)([A-Za-z][^\s/>]*)([^>]*)>")
_ATTR = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
_SPACE = re.compile("[ \t\r\n\xa0\u2007\u202f]+")
_INLINE_SPACE = re.compile("[ \t\xa0\u2007\u202f]+")


def _open_quote(attrs: str) -> bool:
    """Whether ``attrs`` ends inside a quoted value (so the ``>`` that ended it is data)."""
    i = 0
    while True:
        quotes = [k for k in (attrs.find('"', i), attrs.find("'", i)) if k >= 0]
        if not quotes:
            return False
        j = min(quotes)
        k = attrs.find(attrs[j], j + 1)
        if k < 0:
            return True
        i = k + 1


def _tags(markup: str) -> Iterator[tuple[str, str, str]]:
    """The markup as ``("text", "", text)``, ``("start", tag, attributes)`` and ``("end",
    tag, "")`` in order; comments and declarations dropped. Each character is looked at
    a bounded number of times, so that no input (unclosed tags by the thousand, say)
    costs more than its length: a ``<`` with no ``>`` anywhere after it is text."""
    pos, n = 0, len(markup)
    last = markup.rfind(">")
    while pos < n:
        lt = markup.find("<", pos)
        if lt < 0 or lt > last:
            yield "text", "", markup[pos:]
            return
        if lt > pos:
            yield "text", "", markup[pos:lt]
        if markup.startswith("<!--", lt):
            close = markup.find("-->", lt + 4)
            if close < 0:
                return  # an unclosed comment runs to the end, as a browser reads it
            pos = close + 3
            continue
        m = _TAG.match(markup, lt)
        if m is None:
            if markup.startswith(("<!", "<?"), lt):  # a doctype, CDATA or processing instruction
                pos = markup.index(">", lt) + 1
            else:
                yield "text", "", "<"
                pos = lt + 1
            continue
        end, attrs = m.end(), m.group(3)
        for _ in range(3):  # a quoted value may hold ">": look a little further
            if not _open_quote(attrs):
                break
            nxt = markup.find(">", end)
            if nxt < 0:
                break
            attrs, end = markup[m.start(3):nxt], nxt + 1
        if _open_quote(attrs):  # no closing quote near: the first ">" ends the tag
            attrs, end = m.group(3), m.end()
        tag = m.group(2).lower()
        if m.group(1):
            yield "end", tag, ""
            pos = end
            continue
        yield "start", tag, attrs
        pos = end
        if tag in _RAW:
            close_tag = re.compile(rf"</{tag}\s*>", re.I).search(markup, pos)
            pos = close_tag.end() if close_tag else n
            yield "end", tag, ""


def _attrs(text: str) -> dict[str, str]:
    return {m.group(1).lower(): html.unescape(next((g for g in m.group(2, 3, 4) if g is not None), ""))
            for m in _ATTR.finditer(text)}


def html_to_text(markup: str, left: Counter[str] | None = None, quotes: list[str] | None = None) -> str:
    """Plain text of an HTML fragment: paragraphs as blank lines, line breaks kept,
    links as "text (address)", entities decoded, quotes (counted in ``left`` under
    :data:`QUOTED_PASSAGES`, their words added to ``quotes`` when given) and scripts
    left out. Mail links give their text only: an address is never written. Inline code
    keeps Markdown's marks.

    >>> html_to_text("<p>Mark it <code>experimental</code>, <em>not</em> deprecated.</p>")
    'Mark it `experimental`, not deprecated.'
    >>> html_to_text('<p>Agreed <img src="/e/+1.png" title=":+1:" class="emoji" alt=":+1:"></p>')
    'Agreed :+1:'
    >>> html_to_text("Priya wrote: <blockquote>X is Y.</blockquote> I don't think so.")
    "Priya wrote:\\n\\nI don't think so."

    Discourse's quote box holds the quoted writer's name and then their words; the words
    alone are the quote, and a mark (:data:`QUOTE_MARK`) where it stood:

    >>> quoted = []
    >>> html_to_text('<aside class="quote"><div class="title">ann:</div><blockquote><p>X is Y.</p><p>Z too.</p>'
    ...              '</blockquote></aside><p>Agreed.</p>', quotes=quoted), quoted
    ('\\ue001\\n\\nAgreed.', ['X is Y. Z too.'])
    """
    parts: list[str] = []
    size = 0  # the length of the text in parts
    skip: list[str] = []  # open elements whose content is left out
    links: list[tuple[str, int, int]] = []  # (href, index in parts, size) where a link's text starts
    cells = 0  # cells so far in the table row: the next is set off by a tab
    lists: list[int] = []  # for each open list, the number of its next item (0: not numbered)
    pre = code = 0  # open <pre> elements (code in them is a block, not a word held up), open inline <code>
    quoting: list[str] | None = None  # the words of the quote being left out, when kept
    inner = 0  # open <blockquote> elements inside it: a quote box's words, not its title

    def add(text: str) -> None:
        nonlocal size
        if text:
            parts.append(text)
            size += len(text)

    for kind, tag, value in _tags(markup):
        if kind == "text":
            if quoting is not None and (skip[0] == "blockquote" or inner):
                quoting.append(html.unescape(value))
            if not skip:  # a <pre> block keeps its lines and their indentation: code or output as it was
                add(_SPACE.sub(" ", html.unescape(value)) if not pre else _indented(html.unescape(value)))
        elif kind == "start":
            if skip:
                if tag == skip[-1] and tag not in _VOID:
                    skip.append(tag)
                inner += tag == "blockquote" and quoting is not None
                if quoting is not None and tag in _BLOCK:
                    quoting.append(" ")
                continue
            a = _attrs(value) if tag in ("a", "aside", "img") else {}
            if tag == "img" and "emoji" in a.get("class", "").split() and a.get("alt", "").strip():
                add(a["alt"].strip())  # Discourse's ":+1:", GitHub's emoji: a word, often a stance
                continue
            if tag in _SKIP or tag == "blockquote" or (tag == "aside" and "quote" in a.get("class", "").split()):
                if tag not in _VOID:
                    skip.append(tag)
                if tag not in _SKIP:
                    add("\n\n")  # a quote left out is still a block: "Priya wrote:" and the answer stay apart
                    if left is not None:
                        left[QUOTED_PASSAGES] += 1
                    if quotes is not None and tag not in _VOID:
                        quoting, inner = [], 0
                continue
            if tag in _BLOCK:
                add("\n\n" if tag in _PARAGRAPH else "\n")
            if tag == "tr":
                cells = 0
            elif tag in ("td", "th"):
                if cells:
                    add("\t")
                cells += 1
            elif tag in ("ol", "ul"):
                lists.append(_start(value) if tag == "ol" else 0)
            elif tag == "li" and lists and lists[-1]:
                add(f"{lists[-1]}. ")  # the number a browser shows, which a reply may cite
                lists[-1] += 1
            elif tag == "li" and lists:
                add("- ")  # the bullet a browser shows, as Markdown writes it
            if tag == "a" and a.get("href"):
                links.append((a["href"], len(parts), size))
            elif tag == "pre":
                pre += 1
                if pre == 1:
                    add("```\n")  # fenced, as Markdown writes code: the draft reads no claim in it
            elif tag == "code" and not pre:
                code += 1
                if code == 1:
                    add("`")  # inline code keeps its marks, as Markdown's does: a name held up
        else:
            if skip:
                if tag == skip[-1]:
                    skip.pop()
                if quoting is not None:
                    inner -= tag == "blockquote" and inner > 0
                    if not skip:
                        words = " ".join("".join(quoting).split())
                        if words and quotes is not None:
                            quotes.append(words)
                            add(QUOTE_MARK + "\n\n")  # where it stood: what the words after it answer
                        quoting = None
                continue
            if tag == "pre" and pre == 1:
                add("```" if parts and parts[-1].endswith("\n") else "\n```")
            if tag in _BLOCK and tag in _PARAGRAPH and tag != "hr":
                add("\n\n")
            if tag in ("ol", "ul") and lists:
                lists.pop()
            elif tag == "pre" and pre:
                pre -= 1
            elif tag == "code" and code:
                code -= 1
                if code == 0 and parts[-1] == "`":
                    parts.pop()  # empty: no marks
                    size -= 1
                elif code == 0:
                    add("`")
            if tag == "a" and links:
                href, start, at = links.pop()
                shown = href.rstrip("/")
                # the text is joined only when it could be the address itself: linear however links nest
                same = size - at - len(shown) in (0, 1) and "".join(parts[start:]).strip().rstrip("/") == shown
                if href.startswith(("http://", "https://")) and not same:
                    add(f" ({href})")
    return own_words(tidy("".join(parts)).replace(_KEPT_SPACE, " "))


# A space that tidy() keeps at the start of a line: the indentation of a <pre> block's lines
_KEPT_SPACE = "\ue000"
_LINE_START = re.compile(r"^ +", re.M)


def _indented(text: str) -> str:
    """Text of a <pre> block, each line's indentation kept through :func:`tidy`, tabs as
    spaces (to the next multiple of four).

    >>> html_to_text("<pre><code>def f():\\n    return 1\\n</code></pre>")
    '```\\ndef f():\\n    return 1\\n```'
    """
    text = text.replace(_KEPT_SPACE, " ").expandtabs(4)
    return _LINE_START.sub(lambda m: _KEPT_SPACE * len(m.group()), text)


def _start(attrs: str) -> int:
    """The first number of an ordered list (its ``start``, else 1)."""
    value = _attrs(attrs).get("start", "").strip()
    return int(value) if value.isdigit() and 0 < len(value) < 7 else 1


def _cells(line: str) -> str:
    """A table row's cells set off by one tab each, spaces around them trimmed (split, not
    a regular expression: a run of spaces with no tab after it costs no backtracking).

    >>> _cells("a \\t\\t b\\tc")
    'a\\tb\\tc'
    """
    if "\t" not in line:
        return line
    return "\t".join(p for p in (part.strip(" ") for part in line.split("\t")) if p)


_NBSP = str.maketrans({"\xa0": " ", "\u2007": " ", "\u202f": " "})


def tidy(text: str, indent: bool = False) -> str:
    """Spaces trimmed at line ends (with ``indent``, only at their ends: a mail's code
    keeps its indentation), at most one blank line in a row, none at the ends; a no-break
    space is a space.

    >>> tidy("  a\\xa0b \\n\\n\\n c "), tidy("Run:\\n    make all \\n", indent=True)
    ('a b\\n\\nc', 'Run:\\n    make all')
    """
    text = text.translate(_NBSP).replace("\r\n", "\n").replace("\r", "\n")
    lines = [_cells(line.rstrip(" \t") if indent else line.strip(" \t")) for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip("\n")


# "> ...", and "MM> ...", "Dave> ...": the initials or name of whom it quotes (Supercite), as
# mailing-list archives keep them
_QUOTE = re.compile(r"\s*(?:>|[A-Z][A-Za-z]{0,5}>(?:\s|$))")
# Mail quotes too: "Dave> ..." (Supercite and Emacs) and "| ..." (older readers), not a
# Markdown table's row, which ends with its "|" too ("| tenant | a paying customer |").
# A mail's quote opens its line (after spaces, never a tab: a tab-indented "> " is a shell's here-document).
_MAIL_QUOTE = re.compile(r" *(?:>|\|(?![^\n]*\|[ \t]*$)|[A-Za-z][\w.-]{0,15}>(?:\s|$))")
# (German, Dutch and Scandinavian put the writer after the verb: "Am 6.2.2024 schrieb Alice <a@x.org>:")
_ATTRIBUTION = re.compile(r"\b(?:wrote|writes|said|a écrit|escribió|escreveu|ha scritto|napisał[a]?)\s*:\s*$|"
                          r"\b(?:schrieb|schreef|skrev|kirjoitti)\b[^:\n]{0,120}:\s*$")
# The first line of an attribution wrapped onto two: "On Mon, Mar 4, 2024 at 11:40 AM Bo Lee <bo@x.org>",
# "On Tue, 17 Mar 2020 14:32:25 +0200" (a date, and no sentence's end), the second line being the rest
_WRAPPED = re.compile(r"^\s*(?:On|Am|Le|El|Il)\s+\S.{0,118}$")
_DATED = re.compile(r"\d.*[^.!?:\s]\s*$")
_OPENS_ATTRIBUTION = re.compile(r"^\s*(?:On|Am|Le|El|Il)\s")
# the second half of a wrapped attribution is a name and address, or a word or three:
# "Ann Lee <ann@x.org> wrote:", "wrote:" (not "and it failed, just as Linus said:")
_ADDRESSED = re.compile(r"<[^<>\s@]+@[^<>\s]+>")


#: Where a passage quoted from others stood, a line of its own in the text an importer
#: reads when it collects the passages: :func:`unmarked` takes the marks out again and
#: keeps where each stood, so that "Agreed." under the second of two quotes is about the
#: second. (A private-use character: no text means anything by it.)
QUOTE_MARK = "\ue001"


def unmarked(text: str) -> tuple[str, list[int]]:
    """``text`` without the marks where quotes stood (:data:`QUOTE_MARK`), and where in
    that text each mark was: the offset of what follows the quote. A line of marks goes
    with the blank line it would leave doubled (or at either end), as if the quote had
    been left out with no mark.

    >>> unmarked("Priya wrote:\\n\\n\\ue001\\n\\nNo.\\n\\ue001\\nYes.")
    ('Priya wrote:\\n\\nNo.\\nYes.', [14, 18])
    >>> unmarked("\\ue001\\n\\nNo.\\n\\n\\ue001"), unmarked("Ann says \\ue001 no.")
    (('No.', [0, 3]), ('Ann says no.', [9]))
    """
    if QUOTE_MARK not in text:
        return text, []
    out: list[str] = []
    marks: list[tuple[int, int]] = []  # (line in out, column)
    for line in text.split("\n"):
        if QUOTE_MARK in line and not line.replace(QUOTE_MARK, "").strip():  # a line of marks alone
            marks += [(len(out), 0)] * line.count(QUOTE_MARK)
            continue
        while QUOTE_MARK in line:  # within a line (an import that joined lines): the mark and a space after it
            k = line.index(QUOTE_MARK)
            marks.append((len(out), k))
            line = line[:k] + line[k + 1:].removeprefix(" ")
        out.append(line)
    for j in sorted({j for j, k in marks if k == 0}, reverse=True):
        blank = [j - 1 >= 0 and not out[j - 1].strip(), j < len(out) and not out[j].strip()]
        gone = j if (blank[1] and (blank[0] or j == 0)) else j - 1 if blank[0] and j == len(out) else None
        if gone is not None:
            del out[gone]
            marks = [(i - (i > gone), k) for i, k in marks]
    starts = [0]
    for line in out:
        starts.append(starts[-1] + len(line) + 1)
    whole = "\n".join(out)
    return whole, [min(starts[j] + k, len(whole)) for j, k in marks]


def own_words(text: str) -> str:
    """``text``, or "" when it holds nothing but the marks of quotes: a message that
    only quotes has no words of its own.

    >>> own_words("\\ue001\\n\\n"), own_words("\\ue001\\nNo.")
    ('', '\\ue001\\nNo.')
    """
    return "" if QUOTE_MARK in text and not text.replace(QUOTE_MARK, "").strip() else text


#: What a reader's ``Left`` counts the lines removed as.
QUOTED_LINES = "quoted lines (others' words)"
#: ... and the quoted passages of HTML (``<blockquote>``, Discourse's quote box).
QUOTED_PASSAGES = "quoted passages (others' words)"


def quoted_lines_removed(text: str, mail: bool = False, left: Counter[str] | None = None,
                         quotes: list[str] | None = None) -> str:
    """``text`` without the lines it quotes from others (``>``; with ``mail``, also
    ``Dave>`` and ``|``) and the line that introduces them ("On Monday, Bo wrote:");
    how many were removed is counted in ``left`` under :data:`QUOTED_LINES`, and each
    quoted passage's words are added to ``quotes`` when given (to find whom it quotes).

    >>> quoted_lines_removed("Bo wrote:\\n> Soup.\\nSalad.")
    'Salad.'
    >>> quoted_lines_removed("Dave> Soup.\\n| Stew.\\nSalad.", mail=True)
    'Salad.'
    >>> quoted_lines_removed("Terms:\\n| stew | a slow dish |\\nSalad.", mail=True)  # a table's row: no quote
    'Terms:\\n| stew | a slow dish |\\nSalad.'

    A mail's attribution goes even with a blank line after it, or wrapped onto two lines
    as Gmail writes it (elsewhere such a line stays: it says whom the words after it
    answer); "MM> ..." quotes MM (Supercite's initials), as archives of mailing lists
    keep it even outside a mail:

    >>> quoted_lines_removed("On Mon, Mar 4 at 11:40 AM Bo Lee <bo@x.org>\\nwrote:\\n\\n> Soup.\\nSalad.", mail=True)
    'Salad.'
    >>> quoted_lines_removed("On Tue, 17 Mar 2020 14:32:25 +0200\\nBo Lee <bo@x.org> wrote:\\n> Soup.\\nSalad.", mail=True)
    'Salad.'
    >>> quoted_lines_removed("Kurt Hornik <kh@x.org> writes:\\nMM> Beta?\\nKH> Alpha.\\nNo: neither.")
    'No: neither.'
    >>> quoted_lines_removed("Run this:\\n\\t$ cat <<- EOF\\n\\t> soup\\n\\tEOF", mail=True)  # a shell's prompt, no quote
    'Run this:\\n\\t$ cat <<- EOF\\n\\t> soup\\n\\tEOF'
    >>> quoted_lines_removed("Ann wrote:\\n  > the old words\\nMy answer.", mail=True)  # indented by spaces: a quote
    'My answer.'
    >>> quoted_lines_removed("On Tuesday we ran 3 tests\\nand it failed, as Linus said:\\n> no\\nSo we reverted.", mail=True)
    'On Tuesday we ran 3 tests\\nSo we reverted.'
    """
    quote = _MAIL_QUOTE if mail else _QUOTE
    out: list[str] = []
    quoting = False
    for line in text.split("\n"):
        if quote.match(line):
            if not quoting and mail and len(out) > 1 and not out[-1].strip() and _ATTRIBUTION.search(out[-2][-200:]):
                out.pop()  # the blank line between a mail's attribution and its quote
            if not quoting and out and _ATTRIBUTION.search(out[-1][-200:]):
                said = out.pop()  # the attribution of the quote
                if mail and out and _wrapped_attribution(out[-1], said):
                    out.pop()  # its first half: "On Mon, Mar 4, 2024 at 11:40 AM Bo Lee <bo@x.org>" / "wrote:"
            if quotes is not None:
                said = re.sub(r"^\s*(?:[A-Za-z][\w.-]{0,15})?>\s?", "", line)  # one level: a quote's own quotes stay marked
                if quoting and quotes:
                    quotes[-1] += "\n" + said
                else:
                    quotes.append(said)
                    out.append(QUOTE_MARK)  # where it stood: what the lines after it answer
            quoting = True
            if left is not None:
                left[QUOTED_LINES] += 1
            continue
        quoting = False
        out.append(line)
    return own_words("\n".join(out))


def passages(quotes: list[str]) -> list[str]:
    """Quoted Markdown passages (as :func:`markdown_to_text` collects them) as plain
    text, each without its own quotes: what a message keeps of the words it quotes. One
    that only quotes is kept empty, each beside the mark of where it stood (the import
    leaves out the empty ones with their marks).

    >>> passages(["**X** is Y.\\nAnn wrote:\\n> Z.", "> only a quote's quote"])
    ['X is Y.', '']
    """
    return [" ".join(markdown_to_text(q).split()) for q in quotes]


def quoted_post(quotes: list[str], before: list[tuple[str, str]]) -> str:
    """The key of the latest of ``before`` (earlier posts' keys and words, their spacing
    made single) whose words hold one of ``quotes`` (the first of them found), or "":
    whom a post in a flat thread answers by quoting it.

    >>> quoted_post(["A sprint is a time box."], [("1", "A sprint is a time box. Or so."), ("2", "No.")])
    '1'

    A quote of a post that itself quoted is matched by that post's own words, its quote
    and the quote's attribution aside (each archive keeps those as it likes):

    >>> quoted_post(["Bo\\n\\nAnn wrote:\\n> Soup.\\n\\nCan we use stew?"], [("1", "Bo Can we use stew?")])
    '1'
    """
    for quote in quotes:
        lines = quote.split("\n")
        own = [x for x in lines if not _MAIL_QUOTE.match(x)]
        said_by = [bool(_ATTRIBUTION.search(x[-200:])) for x in own]
        own = [x for i, x in enumerate(own) if not said_by[i]  # "Ann wrote:", and "On Mon, 4 Mar 2024" before it
               and not (i + 1 < len(own) and said_by[i + 1] and _WRAPPED.match(x) and _DATED.search(x))]
        for words in dict.fromkeys(" ".join(" ".join(x).split()) for x in (own, [_LEVELS.sub("", x) for x in lines])):
            if len(words) < 12:
                continue  # too little to tell whose it is
            for key, said in reversed(before):
                if words in said:
                    return key
    return ""


_LEVELS = re.compile(r"^\s*(?:[A-Za-z][\w.-]{0,15})?>+\s?")


# Link text holds no bracket and an address no bracket, parenthesis or space, so that a
# failed match stops at the next "[": linear on any input.
_MD_LINK = re.compile(r"!?\[([^\[\]]*)\]\(([^()\[\]\s]+)(?:\s+\"[^\"\n]*\")?\)")
# Emphasis whose content holds no mark of its own kind, for the same reason.
_STRONG = re.compile(r"(\*\*|__|~~)(?=\S)((?:(?!\1)[^\n])+?)(?<=\S)\1")
_EM = re.compile(r"(?<![\w*])(?:\*(?=\S)([^*\n]+?)(?<=\S)\*|_(?=\S)([^_\n]+?)(?<=\S)_)(?![\w*])")


#: A transcriber's note of a sound inside someone's words: "Fine [laughs] by me",
#: "(inaudible)" (with the marks around it, when set off: "`[silence]`", "*[laughs]*")
SOUND_CUES = re.compile(r"[^\S\n]*([`*_]*)[\[(](?:laughs?|laughing|laughter|chuckles?|inaudible|crosstalk|applause|music|"
                        r"silence|pause|coughs?|sighs?|indistinct|background noise|unintelligible)[\])]\1", re.I)
#: What the import's summary calls them, left out
SOUND_NOTES = "transcriber's notes ([laughs], (inaudible))"


def markdown_to_text(md: str, left: Counter[str] | None = None, entities: bool = True,
                     quotes: list[str] | None = None) -> str:
    """Plain text of Markdown (Reddit, Slack, Discourse raw): quotes left out (counted in
    ``left``), links as "text (address)", emphasis marks dropped, entities decoded
    (unless ``entities`` is False: Discord writes "&amp;" as typed). Inline code keeps
    its marks: "`experimental`" is a word held up as a name, as its writer meant.

    >>> markdown_to_text("I'd mark it `experimental`, **not** *deprecated*.")
    "I'd mark it `experimental`, not deprecated."

    A fenced block of code stays as written, fences and all: the draft knows it for code
    and reads no claim in it.

    >>> markdown_to_text("Like this:\\n```python\\nsession.reset()\\n```")
    'Like this:\\n```python\\nsession.reset()\\n```'
    >>> markdown_to_text("# Why\\n```\\n# TODO(ann): *not* yet\\n```")
    'Why\\n```\\n# TODO(ann): *not* yet\\n```'

    Words struck out are taken back (counted in ``left``); a spoiler's bars go:

    >>> markdown_to_text("Consent is the ~~vote~~ decision rule, ||as we learned||.")
    'Consent is the decision rule, as we learned.'
    """
    text = html.unescape(md) if entities else md
    text = quoted_lines_removed(text, left=left, quotes=quotes)
    # a fenced block is its lines as written (a "# comment" in code is no heading), fences kept
    parts = _FENCED.split(text)
    for i in range(0, len(parts), 2):
        struck = len(_STRUCK_OUT.findall(parts[i]))
        if struck and left is not None:
            left["struck-out passages (taken back)"] += struck
        # words struck out are taken back, as their writer shows them ("the ~~vote~~ decision
        # rule" says "the decision rule"); a spoiler's bars (Discord's ||...||) hide, not take back
        parts[i] = _SPOILER.sub(r"\1", _STRUCK_OUT.sub("", parts[i]))
        parts[i] = _markdown_marks_removed(parts[i])
    return own_words(tidy("".join(parts)))


_STRUCK_OUT = re.compile(r"[ \t]*~~(?=\S)[^~\n]{1,2000}?(?<=\S)~~")
_SPOILER = re.compile(r"\|\|(?=\S)([^|\n]{1,2000}?)(?<=\S)\|\|")
_FENCED = re.compile(r"(```(?:[^\S\n]*[\w+#.-]*[^\S\n]*\n)?.*?```)", re.S)


def _markdown_marks_removed(text: str) -> str:
    """Markdown's marks out of text that is not code: links as "text (address)",
    headings' hashes, emphasis."""
    text = _MD_LINK.sub(lambda m: m.group(1) if m.group(1) == m.group(2) else f"{m.group(1)} ({m.group(2)})", text)
    text = re.sub(r"<(https?://[^<>|\s]+)\|([^<>]+)>", r"\2 (\1)", text)  # Slack's <url|text>
    text = re.sub(r"<(https?://[^<>\s]+)>", r"\1", text)
    text = re.sub(r"^#{1,6}[ \t]+", "", text, flags=re.M)
    text = _STRONG.sub(r"\2", text)
    return _EM.sub(lambda m: m.group(1) or m.group(2), text)


# Where a mail's own words end: its signature, a list's footer or scrubbed attachments
# ("-------------- next part --------------"), a forwarded or quoted original.
SIGNATURE = re.compile(r"^(?:-- ?|—|__+|-+ ?(?:next part|original message|ursprüngliche nachricht) ?-+|Sent from my .+|"
                       r"Get Outlook for .+|Von meinem .+ gesendet|Envoyé de mon .+|Enviado desde mi .+|Inviato da .+)$",
                       re.I)
_OUTLOOK = re.compile(r"^(?:From|Von|De): .+\n(?:Sent|Date|Gesendet|Envoyé|Datum): ")
# Where a forwarded mail begins (Gmail, Outlook, Apple Mail): the rest is its sender's words
_FORWARDED = re.compile(r"^\s*(?:-{2,}\s*(?:Forwarded message|Weitergeleitete Nachricht|Message transféré|"
                        r"Mensaje reenviado)\s*-{2,}|Begin forwarded message:)\s*$", re.I)


def mail_text(body: str, left: Counter[str] | None = None, sender: str = "", quotes: list[str] | None = None) -> str:
    """A mail's own words: quoted lines (``>``, ``Dave>``, ``|``) and their attribution,
    an Outlook-style quoted original ("From: ... Sent: ..."), the signature (after
    "-- ") or a list's footer, and a closing that signs with the ``sender``'s name
    ("Thanks,\\nAnn Lee\\nQA, Acme"), left out; what is left out counted in ``left``, each
    quoted passage added to ``quotes`` when given.

    >>> mail_text("Agreed.\\n\\nFrom: Bo [mailto:bo@x.org]\\nSent: Monday\\nSoup?")
    'Agreed.'
    >>> mail_text("Agreed.\\n\\nBest regards,\\nBo\\nQA lead, Acme", sender="Bo Chen")
    'Agreed.'
    >>> mail_text("See below.\\n\\n---------- Forwarded message ---------\\nFrom: HR <hr@x.org>\\nDate: Mon\\n\\nA sponsor.")
    'See below.'
    >>> mail_text("Agreed.\\n\\nBo\\n\\nOn Mon, Ann wrote:\\n> Soup?", sender="Bo Chen", quotes=[])  # the quote below
    'Agreed.\\n\\n\\ue001'
    """
    lines = quoted_lines_removed(body.replace("\r\n", "\n"), mail=True, left=left, quotes=quotes).split("\n")
    for i, line in enumerate(lines):
        signature = bool(SIGNATURE.match(line.rstrip()))
        forwarded = bool(_FORWARDED.match(line))
        if signature or forwarded or (line.startswith(("From: ", "Von: ", "De: ")) and i + 1 < len(lines)
                                      and _OUTLOOK.match(line + "\n" + lines[i + 1])):
            if left is not None and any(x.strip() for x in lines[i + 1:]):
                # said in the summary, as every format counts what it leaves out
                left["signatures and footers" if signature else "forwarded messages (others' words, to the mail's end)"
                     if forwarded else "quoted originals (others' words)"] += 1
            lines = lines[:i]
            break
    # the marks of quotes after the words (a reply over the mail it quotes) stay where they are,
    # after the sign-off: what ends the words is looked for above them
    end = len(lines)
    while end and not lines[end - 1].replace(QUOTE_MARK, "").strip():
        end -= 1
    lines, after = _disclaimer_removed(_attribution_at_end_removed(lines[:end]), left), lines[end:]
    signed = _signed_off(lines, sender)
    if left is not None and any(x.strip() for x in lines[len(signed):]):
        left["sign-offs"] += 1
    return own_words(tidy("\n".join([*signed, *after]), indent=True))


def _attribution_at_end_removed(lines: list[str]) -> list[str]:
    """``lines`` without an attribution that nothing follows: an HTML mail's quote
    (``<blockquote>``) is gone before its text is read, and leaves "On ..., Bo wrote:"
    behind, one line or wrapped onto two.

    >>> _attribution_at_end_removed(["Agreed.", "", "On Mon, Mar 2, 2026 at 10:01 AM Ann <a@x.org> wrote:", ""])
    ['Agreed.', '']
    >>> _attribution_at_end_removed(["Agreed.", "On Mon, Mar 2, 2026 at 10:01 AM Ann Lee", "<a@x.org> wrote:"])
    ['Agreed.']
    >>> _attribution_at_end_removed(["We tried it, and as Linus said:"])  # no "On ...": someone's own words
    ['We tried it, and as Linus said:']
    """
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    if not end or not _ATTRIBUTION.search(lines[end - 1][-200:]):
        return lines
    last = lines[end - 1]
    if _OPENS_ATTRIBUTION.match(last):
        return lines[:end - 1]
    if end > 1 and _wrapped_attribution(lines[end - 2], last):
        return lines[:end - 2]
    return lines


def _wrapped_attribution(first: str, said: str) -> bool:
    """Whether ``first`` and ``said`` are one attribution wrapped onto two lines: a dated
    "On ..." line, then who wrote (a name and address, or a word or three: "wrote:")."""
    return not _OPENS_ATTRIBUTION.match(said) and bool(_WRAPPED.match(first)) and bool(_DATED.search(first)) \
        and (len(said.split()) <= 3 or bool(_ADDRESSED.search(said)))


# What a company's mail server adds under every mail: "This e-mail is confidential and
# intended solely for the addressee. If you received it in error, please ..."
_DISCLAIMER = re.compile(
    r"intended\s+(?:solely\s+|only\s+|exclusively\s+)?for\s+the\s+(?:sole\s+|exclusive\s+)?(?:use\s+of\s+the\s+)?"
    r"(?:named\s+|designated\s+)?(?:addressee|recipient|individual|entity|person)|"
    r"(?:received|got)\s+this\s+(?:e-?mail|message|communication|transmission)\s+(?:\w+\s+)?in\s+error|"
    r"(?:are|is)\s+not\s+(?:the|an)\s+(?:intended|named)\s+recipient|confidentiality\s+notice|"
    r"(?:confidential|proprietary)\s+(?:and/or|and|or)\s+(?:privileged|confidential)|"
    r"privileged\s+(?:and/or|and|or)\s+confidential|may\s+(?:contain|be)\s+(?:\w+\s+)?(?:confidential|privileged)|"
    r"unauthori[sz]ed\s+(?:[\w/-]+,?\s+){0,8}?(?:use|review|disclosure|copying|distribution|dissemination)|"
    r"(?:use|disclosure|dissemination|distribution|copying)\s+(?:[\w/-]+,?\s+){0,8}?(?:is\s+)?strictly\s+prohibited|"
    r"do(?:es)?\s+not\s+necessarily\s+(?:reflect|represent)|"
    r"(?:e-?mail|message|attachments?)\s+(?:[\w/-]+\s+){0,3}?(?:is|are)\s+(?:strictly\s+)?confidential", re.I)
# A line that opens a disclaimer where no blank line sets it apart: under a signature,
# "This e-mail and any attachments are confidential ..."
_DISCLAIMER_OPENS = re.compile(r"\s*(?:this|the\s+information\s+in\s+this)\s+(?:e-?mail|message|communication|"
                               r"transmission)\b", re.I)


def _disclaimer_removed(lines: list[str], left: Counter[str] | None) -> list[str]:
    """``lines`` without the disclaimer at their end: from the first paragraph that speaks
    of "this email" in no one's voice and says two of the things disclaimers say
    (confidential, meant for the addressee only, received in error, copying prohibited,
    views not the company's) to the end, when that is no longer than disclaimers run;
    never from the first paragraph.

    >>> _disclaimer_removed(["Agreed.", "", "*" * 20, "CONFIDENTIALITY NOTICE: this e-mail is intended only for",
    ...                      "the named recipient.", "", "If you received this message in error, delete it."], None)
    ['Agreed.']
    >>> _disclaimer_removed(["Is it confidential? It is privileged, says Bo."], None)
    ['Is it confidential? It is privileged, says Bo.']
    >>> _disclaimer_removed(["Agreed.", "", "Regards,", "Pat", "This e-mail and any attachments are confidential and",
    ...                      "intended solely for the addressee."], None)  # no blank line before it
    ['Agreed.', '', 'Regards,', 'Pat']
    """
    starts = sorted({i + 1 for i, line in enumerate(lines) if not line.strip() or _RULE_LINE.fullmatch(line)}
                    | {i for i, line in enumerate(lines) if i and _DISCLAIMER_OPENS.match(line)})
    for at, after in zip(starts, [*starts[1:], len(lines) + 1]):
        paragraph = " ".join(lines[at:after - 1])
        if len(_DISCLAIMER.findall(paragraph)) >= 2 and _OF_THE_MAIL.search(paragraph) and not _FIRST_PERSON.search(paragraph):
            if len("".join(lines[at:])) <= 2000 and any(x.strip() for x in lines[:at]):
                while at > 0 and (not lines[at - 1].strip() or _RULE_LINE.fullmatch(lines[at - 1])):
                    at -= 1
                if left is not None:
                    left["disclaimers"] += 1
                return lines[:at]
            break
    return lines


# A disclaimer speaks of the mail it is under, and for no one in particular
_OF_THE_MAIL = re.compile(r"\b(?:this|the)\s+(?:e-?mail|message|communication|transmission)|\be-?mail\b", re.I)
_FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:d|m|ve|ll)|[Mm]y|[Ww]e\s+should)\b")
# A line that only rules paragraphs apart: "*****", "=====", "#####"
_RULE_LINE = re.compile(r"\s*([*=#~_-])\1{4,}\s*")


# A closing greeting on a line of its own: "Thanks,", "Best regards", "Cheers!"
_CLOSING = re.compile(r"(?i:thanks(?: again| a lot| in advance)?|thank you|many thanks|cheers|best|best regards|"
                      r"best wishes|kind regards|warm regards|regards|sincerely|yours(?: truly| sincerely)?|"
                      r"all the best|ciao|hth|greetings|"
                      # and as people sign in the languages lists are written in
                      r"(?:viele |beste |liebe |mit freundlichen )?gr(?:ü|ue)(?:ß|ss)(?:e|en)?|gruß|lg|vg|mfg|danke|"
                      r"cordialement|bien à vous|amitiés|merci|saludos|un saludo|atentamente|gracias|"
                      r"(?:met vriendelijke )?groet(?:en)?|(?:cordiali )?saluti|grazie|abraços|atenciosamente|"
                      r"obrigad[oa]|pozdrawiam|hälsningar|mvh)\s*[,.!]?")


def sign_off_removed(text: str, sender: str, left: Counter[str] | None = None) -> str:
    """``text`` without a closing that signs it with its ``sender``'s name, as a mail's
    (:func:`mail_text`): a chat's long message may end so too ("...\\nRuth"); counted in
    ``left``.

    >>> sign_off_removed("Proposal:\\n- strike: a stoppage\\nComments?\\nRuth", "Ruth Adeyemi")
    'Proposal:\\n- strike: a stoppage\\nComments?'
    >>> sign_off_removed("Ruth", "Ruth Adeyemi")
    'Ruth'
    """
    lines = text.split("\n")
    signed = _signed_off(lines, sender)
    if len(signed) == len(lines):
        return text
    if left is not None:
        left["sign-offs"] += 1
    return "\n".join(signed).rstrip()


def _signed_off(lines: list[str], sender: str) -> list[str]:
    """``lines`` without a closing that signs with the sender's name: a greeting on a
    line of its own, then up to four short lines, one of them holding a part of the name
    (or the name alone on the last line); never the whole of the words."""
    parts = _name_words(sender)
    if not parts:
        return lines
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if len(filled) < 2:
        return lines
    last = lines[filled[-1]].strip().lstrip("-–—~ ").strip()
    for k in range(len(filled) - 2, max(len(filled) - 7, 0), -1):  # never the first line: some words stay
        at = filled[k]
        tail = [lines[i].strip() for i in filled[k + 1:]]
        if _CLOSING.fullmatch(lines[at].strip()) and len(tail) <= 4 and all(len(t) <= 60 for t in tail) \
                and any(parts & _name_words(t) for t in tail):
            return lines[:at]
    if last and len(last) <= 40 and _name_words(last) <= parts:
        # "Ann" (or "-- Ann Lee") alone on the last line, and a closing just before it
        before = filled[-2]
        return lines[:before] if _CLOSING.fullmatch(lines[before].strip()) and len(filled) > 2 else lines[:filled[-1]]
    return lines


# The line a signature starts after: "-- " by the mail convention, "--" or "---" as forums keep it
_SIG_RULE = re.compile(r"\s*(?:--|---|—|–)\s*")
_SIG_LINE = re.compile(r"(?i:sent from my \w+)")


def signature_removed(text: str, sender: str) -> str:
    """``text`` without a signature at its end: after a ``--`` or ``---`` line, up to
    four short lines, one naming the writer (or saying "Sent from my phone").

    >>> signature_removed("Deprecated means don't start.\\n\\n---\\nOmar Farouk · Advocate\\nhttps://omar.dev", "omar-farouk")
    "Deprecated means don't start."
    >>> signature_removed("A list:\\n---\\nmore words here, as many as you like", "omar")
    'A list:\\n---\\nmore words here, as many as you like'
    >>> signature_removed("Beta, then.\\n\\nAnn Lee <ann@x.org>\\nInstitute of Statistics\\nphone: 1234", "Ann Lee")
    'Beta, then.'
    """
    lines = text.rstrip().split("\n")
    parts = _name_words(sender.replace("-", " ").replace("_", " "))
    for at in range(len(lines) - 2, max(len(lines) - 6, 0), -1):
        if _SIG_RULE.fullmatch(lines[at]):
            tail = [t.strip() for t in lines[at + 1:] if t.strip()]
            if tail and len(tail) <= 4 and all(len(t) <= 80 for t in tail) \
                    and any(parts & _name_words(t) or _SIG_LINE.search(t) for t in tail):
                return "\n".join(lines[:at]).rstrip()
            break
    # a card with no rule before it: the writer's whole name and address on a line of their
    # own, and a few short lines after (institute, phone, home page)
    if len(parts) < 2:
        return text
    for at in range(len(lines) - 1, max(len(lines) - 7, 0), -1):
        words = [w.casefold() for w in _NAME_WORD.findall(lines[at])]
        if words and words[0] in parts and parts <= set(words) and _CARD.search(lines[at]) \
                and all(len(t) <= 80 for t in lines[at:]) and any(t.strip() for t in lines[:at]):
            return "\n".join(lines[:at]).rstrip()
    return text


# An address on a card: "Ann Lee <ann@x.org>", or as imported, "<[address]>"
_CARD = re.compile(r"<[^<>\s]+@[^<>\s]+>|\[address\]")


_NAME_WORD = re.compile(r"[^\W\d_]{2,}")


def _name_words(text: str) -> set[str]:
    """The words of ``text`` that could be part of a name, case aside."""
    return {w.casefold() for w in _NAME_WORD.findall(text)}


# Starts only where a run of address characters starts, so that a long run without an
# "@" is read once, not once per character.
_ADDRESS = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
#: What an e-mail address in a message reads as once imported.
ADDRESS = "[address]"


# IPv4 (not a version number such as 1.2.3.4.5) and IPv6 (full or with "::"; with a
# digit, so that C++'s "add::bad" is no address).
_IP = re.compile(r"(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
                 r"(?![\w.]\d|\d)|(?<![\w:])(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}|"
                 r"(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,5})?)(?![\w:])")


def without_addresses(text: str) -> str:
    """``text`` with every e-mail and IP address replaced by ``[address]``: addresses
    are read to tell people apart, never written.

    >>> without_addresses("Write to ann.lee@example.org or me, from 192.168.0.12 or fe80::1ff:fe23:4567:890a.")
    'Write to [address] or me, from [address] or [address].'
    >>> without_addresses("Version 1.2.3.4.5 of std::vector, 3.14, add::bad")
    'Version 1.2.3.4.5 of std::vector, 3.14, add::bad'

    A message's id in an archive's link is no one's address, and the link keeps working:

    >>> without_addresses("<https://lore.kernel.org/list/CAKH6PiUrQzb7vR+NA@mail.gmail.com/>, /ann@example.org")
    '<https://lore.kernel.org/list/CAKH6PiUrQzb7vR+NA@mail.gmail.com/>, /[address]'
    """
    if "@" in text:
        text = _ADDRESS.sub(lambda m: m.group() if _message_id(text, m) else ADDRESS, text)
    if "." in text or ":" in text:
        text = _IP.sub(lambda m: ADDRESS if any(c.isdigit() for c in m.group())
                       and not _NUMBERED.search(text, max(0, m.start() - 16), m.start()) else m.group(), text)
    return text


def _message_id(text: str, m: re.Match[str]) -> bool:
    """Whether an address is a message's id in a link's path: after a "/" in a word
    that starts "http", its name long and with digits, as ids are and names are not."""
    local = m.group().split("@", 1)[0]
    start = max(text.rfind(c, 0, m.start()) for c in " \t\n") + 1
    return m.start() > 0 and text[m.start() - 1] == "/" and text[start:m.start()].lstrip("<(\"'").startswith("http") \
        and len(local) >= 12 and any(c.isdigit() for c in local)


# "para 10.3.1.4", "section 1.2.3.4", "version 2.0.1.5": a numbered place, not an address
_NUMBERED = re.compile(r"\b(?:para(?:graph)?|sect(?:ion)?|ch(?:apter)?|v(?:er(?:sion)?)?|rule|clause|item|step|"
                       r"fig(?:ure)?|table|pages?|pp?|rfc|§)\.?\s*$", re.I)
