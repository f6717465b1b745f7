"""Plain text: a blog post copied with its comments, or a chat, minutes or Markdown
notes written as ``Name: words``.

A copied blog page reads as: a title line; "Posted by NAME — DATE"; the post; answers
the post quotes under a line holding only a person's name (their *responses*); then
numbered comments, ``12. NAME says:`` (or unsigned, ``12. words...``, whose signer a
closing "Best wishes, NAME" gives), or comments each headed by its author's name with
the date and time under it (a page copied from a browser) or ``**NAME** says:``
(Markdown). Site chrome is left out: "Filed in", "About NAME" and the bio under it,
"4 thoughts on ...", "Comments are closed.", "Reply", "Share this", pingbacks, and a
comment shown as deleted.

Otherwise, a line that starts ``NAME:`` (or ``**NAME**:``, ``NAME wrote:``) begins a
turn, and the lines after it belong to that turn; inside a turn, a label such as
"Example:" or "Edit:" is part of it, not a new speaker, and the heads of minutes
("Present:", "Apologies:") are no one's words. A transcript saved as text may head each
turn with a line of its own, the speaker and the time (Otter's ``Maria Gonzalez  0:09``,
Rev's ``Speaker 1 (00:03):``, Zoom's saved chat ``10:02:15 From Ann to Everyone:``).

>>> [t] = read_text("Ann: Soup or salad?\\nBo: Soup.\\nAnn: Soup it is.\\n", "lunch.txt")
>>> [(p.author, p.place, p.text) for p in t.posts]
[('Ann', 'turn 1', 'Soup or salad?'), ('Bo', 'turn 2', 'Soup.'), ('Ann', 'turn 3', 'Soup it is.')]
"""

from __future__ import annotations

import re
import textwrap
import warnings
from collections import Counter
from datetime import datetime
from pathlib import Path

from ..errors import ConceptGraphWarning, DatasetError, excerpt
from .clean import QUOTE_MARK, SOUND_CUES, SOUND_NOTES, markdown_to_text, quoted_lines_removed, quoted_post, tidy, unmarked
from .thread import CHANNEL_EVENTS, Left, Post, Thread

__all__ = ["read_text", "sniff_text", "stamp_dates"]

# A person's name: capitalised words of letters ("OP_PUSHNUM_3", code, is none)
_NAME = r"[A-Z][^\W\d_.'’-]*(?:[.'’-][^\W\d_]*)*(?: (?:[A-Z][^\W\d_.'’-]*(?:[.'’-][^\W\d_]*)*|de|van|von|da|di|le|la|del))*"
_HEADING = re.compile(rf"^{_NAME}$")
# "Posted by kal-al — August 30, 2004", "Posted by Ann on May 2, 2020", "Posted by Ann": a
# hyphen inside a name is no separator. The separator is tried only where a run of spaces
# starts, so that a long run costs its length.
_POSTED = re.compile(r"^Posted by\s+(?P<name>\S.*?)(?<!\s)(?:(?:\s*[—–]+|\s+-+|\s+on\s)\s*(?P<date>.*\S))?\s*$")
_COMMENT = re.compile(r"^\s{0,6}(?P<n>\d{1,5})\.\s+(?P<rest>.*)$")
_SAYS = re.compile(r"(?<=\S)[ \t]+(?:says|said|wrote)[ \t]*:[ \t]*$")  # searched: "NAME says:"
# Spaces between a name and its colon are bounded: an unbounded run would be tried from
# every length of the name (a line of 20,000 spaces took minutes).
_TURN = re.compile(r"^(?:\*\*(?P<b>[^*\n:]{1,60})\*\*[ \t]{0,4}:?|(?P<n>[^\s:*>#][^:\n]{0,58}?))"
                   r"(?:[ \t]{1,4}(?:wrote|says))?[ \t]{0,4}:\s+(?P<text>.*)$")
# The greeting in any case, the name capitalised: "Thanks, Peter." signs; "Thank you, everybody." does not.
_SIGN_OFF = re.compile(rf"^(?i:best wishes|best|cheers|regards|kind regards|warm regards|thanks|thank you|all the best"
                       rf"|yours|love|ciao)[,!.]?\s+(?P<name>{_NAME})\.?\s*$")
_CHROME = re.compile(r"^(comments are closed\.?|reply|share this:?.*|like this:?|leave a (comment|reply)|"
                     r"filed in .*|tagged .*|posted in .*|connect with .* on:?|\d+ (comments|responses)|"
                     r"(\d+|one) (thoughts?|repl(y|ies)|responses?|comments?) (on|to) .*|related posts?:?|"
                     r"\[reply\]\(.*\))$", re.I)
# A comment's head where comments are not numbered: "NAME says:" (in Markdown,
# "**NAME** says:"), or a name alone on its line with the date and time under it, as a
# blog page copied from a browser gives it ("Raúl Jiménez" / "March 1, 2023 at 10:14 am")
# ("NAME wrote:" heads the lines a mail quotes, not a comment)
_HEAD_SAYS = re.compile(r"^(?:\*\*|__)?(?P<n>[^*_\n:]{1,60}?)(?:\*\*|__)?[ \t]+says[ \t]*:[ \t]*$")
# Pingbacks and trackbacks: another site's link, no one's words
_PINGBACK = re.compile(r"^(?:\*\*|__)?(?:pingback|trackback)\b", re.I)


# The date a blog prints under a commenter's name: "12 March 2024 at 09:14", "March 12,
# 2024 at 9:14 am", "2024-03-12 09:14", "12/03/2024, 09:14"
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_STAMP_LINE = re.compile(rf"^\s*(?P<date>\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}|{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|"
                         r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})(?P<time>,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?"
                         r"(?:\s*[ap]\.?m\.?)?)?(?:\s*\((?:edited|modified)\))?\s*$", re.I)


def _unmarked(line: str) -> str:
    """A line without the Markdown around it: a heading's "#", emphasis ("*Posted by
    Ann*", "**Ann**")."""
    line = re.sub(r"^#{1,6}\s+", "", line.strip())
    return re.sub(r"^(\*\*|__|\*|_)(.+?)\1$", r"\2", line).strip()


def _comment_head(lines: list[str], i: int) -> str | None:
    """The speaker whose comment line ``i`` heads, where comments are not numbered (see
    :data:`_HEAD_SAYS`); None for any other line."""
    line = lines[i].strip()
    says = _HEAD_SAYS.match(line)
    if says and not _PINGBACK.match(line):
        return _unmarked(says["n"])
    if len(line) > 80:  # a name is short: a long line is words, read no further
        return None
    name = _unmarked(line)
    if i + 1 < len(lines) and len(name.split()) <= 4 and _HEADING.match(name):
        stamp = _STAMP_LINE.match(lines[i + 1])
        if stamp and stamp["time"]:
            return name
    return None


def sniff_text(head: bytes) -> bool:
    """Any text that is not another format's: the fallback importer."""
    return b"\x00" not in head[:4096]


def _date(text: str) -> str:
    # day first before month first ("12/03/2024" is 12 March), as most of the world writes
    for fmt in ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y", "%b. %d %Y", "%Y-%m-%d",
                "%d/%m/%Y", "%m/%d/%Y", "%d/%m/%y", "%m/%d/%y"):
        try:
            return datetime.strptime(text.strip().strip(",."), fmt).date().isoformat()
        except ValueError:
            continue
    return text.strip()


def read_text(text: str, file: str, markdown: bool = False, left: Left | None = None) -> list[Thread]:
    """The discussion in ``text``: a blog page with comments, or ``Name: words`` turns
    (whose Markdown, when ``markdown``, is turned into plain text). The lines quoted from
    others, kept out of the messages, are counted in ``left``."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if any(_POSTED.match(_unmarked(line)) for line in lines[:30]) or sum(
            bool(_COMMENT.match(line)) for line in lines) >= 2 or sum(
            _comment_head(lines, i) is not None for i in range(len(lines))) >= 2:
        thread = _blog(lines, file, left)
    else:
        thread = _turns(lines, file, left)
    if markdown:
        for post in thread.posts:
            post.text = markdown_to_text(post.text)
    return [thread]


def _blog(lines: list[str], file: str, left: Left | None) -> Thread:
    thread = Thread(key=file)
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i < len(lines) and not _POSTED.match(_unmarked(lines[i])):
        thread.title = _unmarked(lines[i])
        i += 1
    body: list[str] = []
    sections: list[tuple[str, list[str]]] = []  # (speaker, lines): the post, then each response
    current = body
    in_bio = False
    margin = _margin(lines)
    while i < len(lines) and not (_COMMENT.match(lines[i]) and margin in (None, _indent(lines[i]))) \
            and _comment_head(lines, i) is None:
        raw, line = lines[i], lines[i].strip()
        i += 1
        posted = _POSTED.match(_unmarked(line))
        if posted:
            thread.author, thread.date = _unmarked(posted["name"]), _date(posted["date"] or "")
            continue
        if line.startswith("About") and line[5:].strip() == thread.author:  # the author's bio: chrome
            in_bio = True
            continue
        if in_bio or _CHROME.match(_unmarked(line)):
            continue
        prev_blank = not body or not (current[-1].strip() if current else "")
        nxt = lines[i].strip() if i < len(lines) else ""
        if _HEADING.match(line) and prev_blank and not nxt and line != thread.author and len(line.split()) <= 4 \
                and _person(line):
            current = []
            sections.append((line, current))
            continue
        current.append(raw)
    if len({name for name, _ in sections}) < len(sections):
        # a name heading twice is a conversation pasted into the post, not answers it quotes
        body, sections = _joined(lines, body, sections), []
    # A page that names no author (a pasted Q&A page) still has a post: its author is unnamed.
    quotes: list[str] = []
    thread.posts.append(Post(key="post", author=thread.author, text=_own_words(body, left, quotes), root=True,
                             date=thread.date, title=thread.title, quotes=quotes))
    for k, (name, section) in enumerate(sections, 1):
        quotes = []
        thread.posts.append(Post(key=f"response-{k}", author=name, text=_own_words(section, left, quotes), parent="post",
                                 place=f"response {k}", role="respondent", quotes=quotes))
    comments = _comments(lines[i:], margin, left) if i < len(lines) and _COMMENT.match(lines[i]) \
        else _unnumbered(lines[i:], left)
    for number, author, text, date, quotes in comments:
        thread.posts.append(Post(key=f"comment-{number}", author=author, text=text, parent="post",
                                 place=f"comment {number}", date=date, quotes=quotes))
    return thread


def _person(line: str) -> bool:
    """A heading that can be a person's name: two words or more, not all in the dictionary
    ("Testability", "Constrained Construction" are section headings; "Luke Naismith" is a
    name)."""
    from ..draft.text import parts_of_speech

    words = line.replace("-", " ").split()
    return len(words) >= 2 and any(not parts_of_speech(w) for w in words)


def _joined(lines: list[str], body: list[str], sections: list[tuple[str, list[str]]]) -> list[str]:
    """The post's lines with its name headings put back, in their order."""
    out = list(body)
    for name, section in sections:
        out += ["", name, ""] + section
    return out


def _own_words(lines: list[str], left: Left | None, quotes: list[str] | None = None) -> str:
    return tidy(quoted_lines_removed("\n".join(lines), left=left, quotes=quotes))


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _margin(lines: list[str]) -> int | None:
    """The indentation of comment lines ("  12. Ann says:"), when the page signs them: a
    numbered list in the post, at another indentation, is then no comment."""
    for line in lines:
        m = _COMMENT.match(line)
        if m and _SAYS.search(m["rest"].strip()):
            return _indent(line)
    return None


#: A comment as a page shows it: number, speaker or "", own words, date or "", the passages it quotes
_Comment = tuple[str, str, str, str, list[str]]


def _comments(lines: list[str], margin: int | None = None,
              left: Left | None = None) -> list[_Comment]:
    """Numbered comments: (number, speaker or "", own words, date or "", the passages it
    quotes). A comment starts
    at the comments' indentation (the first numbered line's, unless ``margin`` says) and
    with the next number: a numbered list inside a comment ("2. It is a pity ...", indented
    like its words) stays in it. The date the page prints under "NAME says:" is the
    comment's date, not its words."""
    found: list[tuple[str, str, list[str]]] = []
    for line in lines:
        m = _COMMENT.match(line)
        if m and (margin is None or _indent(line) == margin) \
                and (not found or int(m["n"]) == int(found[-1][0]) + 1):
            margin = _indent(line)
            rest = m["rest"].strip()
            says = _SAYS.search(rest)
            found.append((m["n"], _unmarked(rest[:says.start()]) if says else "", [] if says else [m["rest"]]))
        elif found and not _CHROME.match(line.strip()):
            found[-1][2].append(line)
    out = []
    for number, author, lines_ in found:
        date = ""
        if author:  # "12 March 2024 at 09:14" under "NAME says:", before a word is said
            at = next((i for i, line in enumerate(lines_) if line.strip()), None)
            stamp = _STAMP_LINE.match(lines_[at]) if at is not None else None
            # a stamp with its time, or a date right under the name; and words after it (a
            # comment that is only a date is kept as its words)
            if stamp and at is not None and (stamp["time"] or at == 0) and any(x.strip() for x in lines_[at + 1:]):
                date = _date(" ".join(re.sub(r"\bSept\b", "Sep", stamp["date"]).replace(",", " ").split()))
                lines_ = lines_[at + 1:]
                date = date if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) else ""
        first, rest = (lines_[0], lines_[1:]) if lines_ and not author else ("", lines_)
        text = "\n".join(([first.strip()] if first else []) + textwrap.dedent("\n".join(rest)).split("\n"))
        quotes: list[str] = []
        text = tidy(quoted_lines_removed(text, left=left, quotes=quotes))
        last = text.rsplit("\n", 1)[-1]
        sign = _SIGN_OFF.match(last.strip()) if "\n" in text else None
        if sign:  # "Best wishes, MT" under the words: the signer, and no part of the words
            author = author or sign["name"]
            text = tidy(text[: len(text) - len(last)])
        out.append((number, author, text, date, quotes))
    return out


def _unnumbered(lines: list[str], left: Left | None = None) -> list[_Comment]:
    """Comments headed as :func:`_comment_head` reads them, numbered in their order:
    (number, speaker, own words, date or "", the passages it quotes). The date under a head is the comment's
    date; site chrome ("Reply", "Comments are closed."), pingbacks and a comment its
    author deleted are no one's words."""
    found: list[tuple[str, list[str]]] = []
    skip = False
    for i, line in enumerate(lines):
        head = _comment_head(lines, i)
        if head is not None:
            found.append((head, []))
            skip = False
        elif _PINGBACK.match(line.strip()):
            skip = True  # to the next head
        elif found and not skip and not _CHROME.match(_unmarked(line)):
            found[-1][1].append(line)
    out: list[_Comment] = []
    for author, body in found:
        date = ""
        at = next((k for k, line in enumerate(body) if line.strip()), None)
        stamp = _STAMP_LINE.match(body[at]) if at is not None else None
        if stamp and at is not None:
            date = _date(" ".join(re.sub(r"\bSept\b", "Sep", stamp["date"]).replace(",", " ").split()))
            date = date if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) else ""
            body = body[at + 1:]
        quotes: list[str] = []
        text = tidy(quoted_lines_removed(textwrap.dedent("\n".join(body)), left=left, quotes=quotes))
        if not text or _DELETED.match(text):
            continue
        out.append((str(len(out) + 1), author, text, date, quotes))
    return out


# What a blog shows in place of a comment its author or a moderator took back
_DELETED = re.compile(r"^(?:this comment (?:was|has been) (?:deleted|removed)\b.*|\[deleted\]|\[removed\])$", re.I)


def _turns(lines: list[str], file: str, left: Left | None) -> Thread:
    thread = Thread(key=file)
    turns: list[tuple[str, list[str]]] = []
    starts: list[int] = []  # the line each turn starts on
    stamps: list[str] = []  # each turn's time stamp, for its date
    current: list[str] | None = None  # the lines of the turn being read (None: of a line left out)
    stamped_names: set[str] = set()  # the speakers of turns that open with a time stamp
    known_as: dict[str, str] = {}  # an IRC nick taken later -> the one its person had first
    tagged: list[int] = []  # lines that open like a turn, by a name in markup, read as the turn before's
    headed = sum(1 for line in lines if _MARKDOWN_HEADING.match(line)) >= 2  # a Markdown document's headings
    for number, line in enumerate(lines, 1):
        # "~~Bo: withdrawn~~", words taken back as Markdown strikes them out; Google Meet's
        # "Meeting ended after 00:41:07": no one's words, and the lines after them none either
        skipped = "struck-out lines" if _STRUCK.match(line) else CHANNEL_EVENTS if _TRANSCRIPT_NOTE.match(line) else ""
        if skipped:
            if left is not None:
                left[skipped] += 1
            current = None
            continue
        heading = _ZOOM_CHAT.match(line.strip()) or _heading(line, lines[number] if number < len(lines) else "")
        if heading and heading["to"] and _PRIVATE.search(heading["to"]):
            if left is not None:  # Zoom's "to Bo (Direct Message)": said to one person, not to the meeting
                left["direct messages"] += 1
            current = None
            continue
        name, text = (heading["n"].strip(), heading["text"] or "") if heading else _turn(line.strip())
        note = _chat_note(text) if name and name != EVENT else ""
        if name == EVENT and (nick := _NICK_CHANGE.search(line)):  # "-!- bo is now known as bo_afk": one person
            known_as[nick["new"]] = known_as.get(nick["old"], nick["old"])
        if (name == EVENT or note) and (named := _GROUP_NAMED.search(line)):  # 'Dave created group "Weather Watchers"'
            thread.title = named["title"].strip()
        if name == EVENT or note:
            if left is not None:
                left[note or CHANNEL_EVENTS] += 1
            current = None  # its next lines, if any, are no one's turn either
            continue
        if name and not turns and name.casefold() in _MINUTES:
            if left is not None:
                left["meeting heads (Attendees:, Agenda:...)"] += 1
            continue  # "Present: Ann, Bo", "Apologies: Cy" above the turns: who came, no one's words
        if name and turns and re.sub(r"^[-*+]\s+", "", name).casefold().rstrip(".") in _IN_TURN:
            name = ""  # "Example: ...", "- Action: Diego to check ...": a label inside the turn
        elif name and current is not None and not headed and _LIST_ITEM.match(line) \
                and _label_in_turn(re.sub(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+", "", name), turns):
            name = ""  # "- strike: a stoppage of work", a glossary's line inside a turn, is the speaker's
        stamp = heading["at"] if heading else _stamp_of(line.strip())
        if name and stamps and all(stamps) and not stamp.strip() and not _NICK.match(line.strip()) \
                and name not in stamped_names and not _name_like(name):
            # in a log whose every turn opens with a time stamp, "Bo put it this way: ..." without
            # one goes on the turn it is in
            name = ""
        if not name and turns and _MARKDOWN_HEADING.match(line) and not lines[number - 2].strip() \
                and (number == len(lines) or not lines[number].strip()):
            current = None  # "## Next item", a heading of Markdown minutes: no one's words
            continue
        if name:
            # "- Ann: ...", a bulleted transcript's turn: the bullet is no part of her name
            name = re.sub(r"^[-*+•]\s+", "", name)
            name = known_as.get(name, name)
            if stamp.strip():
                stamped_names.add(name)
            current = [text]
            turns.append((name, current))
            starts.append(number)
            stamps.append(stamp)
        elif current is not None:
            current.append(line)
            if _tagged_turn(line.strip()):
                tagged.append(number)
        elif line.strip() and not thread.title and not turns:
            thread.title = line.strip().lstrip("# ").strip()
        elif line.strip() and not turns and left is not None:
            left["lines before the first turn"] += 1  # a note under the title: no one's turn, and said
    if tagged:  # said, since who said what is the point: the words went to the speaker before
        first = lines[tagged[0] - 1].strip()
        warnings.warn(ConceptGraphWarning(
            f"{file}:{tagged[0]}: {len(tagged)} line{'s' if len(tagged) > 1 else ''} open like a turn but name the "
            f"speaker in markup ('{excerpt(first.split(':', 1)[0], 30)}:'), and went on the turn before: give "
            "the speaker a plain name"), stacklevel=2)
    if not turns:
        raise DatasetError("no speaker found: expected lines that start 'Name: ...', or a blog post with "
                           "'Posted by NAME' and numbered comments", file, 1)
    headers = [(n, name) for n, (name, _) in zip(starts, turns) if name.casefold() in _MAIL_HEADERS]
    if len({name.casefold() for _, name in headers}) >= 3:
        raise DatasetError(f"reads as e-mail, not a discussion of turns: '{headers[0][1]}:' is a mail header "
                           "(import the mail itself, an .eml or .mbox file, with no --format: import tells mail, a "
                           "list's archive and a digest apart)", file, headers[0][0])
    # words before a colon that are a document's, not a speaker's name: "where: ...", "left
    # out: ...", "used): ...", and a Markdown document's list items ("- Sources: ...") under
    # its headings, each label once (people in a bulleted transcript speak more than once)
    labels = Counter(name for name, _ in turns)
    listed = {n for n, (name, _) in zip(starts, turns)
              if headed and labels[name] == 1 and _LIST_ITEM.match(lines[n - 1])}
    wordy = [(n, name) for n, (name, _) in zip(starts, turns) if _wordy(name) or _no_name(name) or n in listed]
    if len(wordy) >= 3 and len(wordy) >= len(turns) / 5 or len(wordy) >= 2 and len(wordy) >= len(turns) / 3:
        n, name = wordy[0]
        why = ("is an item of a list under the document's headings, not a speaker's turn" if n in listed
               else "starts with words, not a speaker's name")
        bullet = re.match(r"\s*([-*+•]\s+)" + re.escape(name), lines[n - 1])
        written = bullet.group(1) + name if bullet else name  # as the line writes it: "- Text"
        raise DatasetError(f"reads as a document, not a discussion: '{excerpt(written, 30)}:' {why} (expected lines "
                           "that start 'Name: ...', or a blog post with 'Posted by NAME' and numbered comments)", file, n)
    if not any(stamps) and not any(_name_like(name) for name, _ in turns):  # (a bullet is no part of a name)
        n, name = starts[0], turns[0][0]  # "Next time: bring definitions." under notes: no one speaks
        raise DatasetError(f"reads as a document, not a discussion: no line opens with a speaker's name ('{excerpt(name, 30)}:' "
                           "starts with words; expected lines that start 'Name: ...', or a blog post with 'Posted by "
                           "NAME' and numbered comments)", file, n)
    days = stamp_dates(stamps)
    several_days = len(set(days.values())) > 1
    said: list[tuple[str, str]] = []  # (key, words) of the turns so far, to find one a reply quotes
    for (name, body), stamp in zip(turns, stamps):
        # a transcript's "[laughs]", "(inaudible)": no one's words
        quotes: list[str] = []
        whole = "\n".join(body).rstrip()
        edited = whole.endswith(_EDITED)  # WhatsApp's note after the words of one changed since
        whole = whole.removesuffix(_EDITED).rstrip().removesuffix("\u200e") if edited else whole
        text, sounds = SOUND_CUES.subn("", quoted_lines_removed(whole, left=left, quotes=quotes))
        text = tidy(text)
        if sounds and left is not None:
            left[SOUND_NOTES] += sounds
        if _REACTION.match(text):  # Zoom's 'Reacted to "I'd say..." with 👎': no one's words
            if left is not None:
                left["reactions"] += 1
            continue
        # turns answer no one in particular, unless the chat says whose words they reply to
        # (Zoom: 'Replying to "No - hybrid is about place, ...":' above the words)
        reply = _REPLYING.match(text)
        parent = quoted_post([reply["quote"].rstrip(". …")], said) if reply else ""
        if reply:  # the words it replies to stood above its own
            text, quotes[:0] = QUOTE_MARK + "\n" + tidy(text[reply.end():]), [reply["quote"]]
        n = len(thread.posts) + 1  # (a reaction left out takes no number)
        key = f"turn-{n}"
        said.append((key, " ".join(unmarked(text)[0].split())))
        # a chat log's time goes with the turn's place, as a transcript's does ("turn 3 at 09:14"),
        # and its day, in a chat of several ("turn 25 at 08:15 on 2024-06-11": else the next
        # morning's turn reads as earlier than the evening's before it)
        clock = _CLOCK.search(stamp)
        on = f" on {days[stamp]}" if several_days and stamp in days else ""
        thread.posts.append(Post(key=key, author=name, text=text, parent=parent or None,
                                 place=f"turn {n} at {clock.group()}{on}" if clock else f"turn {n}", root=not thread.posts,
                                 date=days.get(stamp, ""), quotes=quotes, edited="yes" if edited else ""))
    if not thread.posts:
        raise DatasetError("no words found: every turn is a reaction", file, 1)
    thread.date = thread.posts[0].date
    if not thread.title and (chat := _CHAT_FILE.match(Path(file).stem)):  # "WhatsApp Chat with Weather Watchers"
        thread.title = chat["title"].replace("_", " ").strip()
    return thread


# A chat's own line naming the group ('Dave created group "Weather Watchers"', 'Ana changed
# the subject to "Year 8"', WhatsApp's in English), and the name WhatsApp gives its export
_GROUP_NAMED = re.compile(r'\b(?:created group|changed the (?:subject|group name) (?:from "[^"]*" )?to)\s+'
                          r'["“](?P<title>[^"“”\n]{1,120})["”]')
_CHAT_FILE = re.compile(r"^WhatsApp[ _]Chat[ _](?:with|-)[ _](?P<title>.{1,120}?)(?:[ _]\(\d+\))?$", re.I)


_LIST_ITEM = re.compile(r"\s*(?:[-*+]|\d{1,3}[.)])\s+\S")
_TIME = r"(?:\d{1,2}:)?\d{1,2}:\d{2}"
# A transcript's heading line, the words on the lines under it: Otter's "Maria Gonzalez  0:09",
# Rev's "Speaker 1 (00:03):", "Ann Lee [00:01:15]"
_HEADED = re.compile(rf"^(?P<n>[^\W\d_][\w.'’-]*(?: [\w.'’-]+){{0,4}}?)(?:\s{{2,}}|\s*[(\[])"
                     rf"(?P<at>{_TIME})[)\]]?:?(?P<to>)(?P<text>)$")
# Zoom's saved chat: "10:02:15 From  Ana Silva  to  Everyone:" (the words on the lines
# under it), or an older Zoom's "10:02:15	 From  Ana Silva : words" on one line
_ZOOM_CHAT = re.compile(rf"^(?P<at>{_TIME})\s+From\s+(?P<n>\S[^:\n]{{0,80}}?)(?:\s+to\s+(?P<to>\S[^:\n]{{0,80}}?))?"
                        r"\s*:[ \t]*(?P<text>.*)$")
_PRIVATE = re.compile(r"\((?:Direct Message|Privately|privately)\)\s*$")
_REACTION = re.compile(r'^(?:Reacted to|Removed an? (?:\S{1,12} )?reaction from) ["“].*["”](?: with \S{1,12})?$', re.S)
_REPLYING = re.compile(r'^Replying to ["“](?P<quote>[^\n]{1,500}?)["”]:\s*')
_STRUCK = re.compile(r"\s*~~[^~\n]+~~\s*$")
# A transcript's own lines after the last turn (Google Meet)
_TRANSCRIPT_NOTE = re.compile(r"\s*(?:Meeting ended after \d|This editable transcript was computer generated\b|"
                              r"Transcribed by https://otter\.ai|"
                              # the scribe's closing line of minutes: "*Minutes taken by Chiara.*"
                              r"[*_]{0,2}(?:Minutes (?:taken|recorded|written) by|Meeting adjourned\b|Adjourned at \d))",
                              re.I)
_MARKDOWN_HEADING = re.compile(r"#{1,6}\s+\S")


# A chat export's own notes where words would be (WhatsApp, Signal): what they stand for
_NOTES = [
    (re.compile(r"^\s*(?:<Media omitted>|<attached: [^<>]*>|(?:image|video|audio|sticker|GIF|document|Contact card)"
                r" omitted|<(?:image|video|audio|file)[^<>]*>)\s*$", re.I), "media without words"),
    (re.compile(r"^\s*(?:This message was deleted\.?|You deleted this message\.?)\s*$", re.I), "deleted"),
]
# A note WhatsApp writes after an edited message's words
_EDITED = "<This message was edited>"


def _heading(line: str, below: str) -> re.Match[str] | None:
    """A transcript's heading of a turn ("Maria Gonzalez  0:09", "Speaker 1 (00:03):"):
    a name, as names are written, and a time; the words on the line below it."""
    m = _HEADED.match(line.strip())
    if not m or not below.strip() or _HEADED.match(below.strip()):
        return None
    return m if all(w[:1].isupper() or w.isdigit() or w in _PARTICLES for w in m["n"].split()) else None


def _chat_note(text: str) -> str:
    """What a turn's words are when they are a chat export's note, not anyone's words:
    media without words, a deleted message, or (iOS WhatsApp, which marks its own lines
    with a left-to-right mark) an event of the chat; else ""."""
    for pattern, what in _NOTES:
        if pattern.match(text.lstrip("\u200e")):
            return what
    return CHANNEL_EVENTS if text.startswith("\u200e") else ""


_DATE = re.compile(r"(?<!\d)(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})(?!\d)")


def _stamp_of(line: str) -> str:
    stamp = _STAMP.match(line.lstrip(_INVISIBLE))
    return stamp.group(0) if stamp else ""


def stamp_dates(stamps: list[str]) -> dict[str, str]:
    """The ISO date of each time stamp that holds a date: year first (2024-01-15), or
    day and month in the order the whole file shows (a day past 12 tells it: 15/01/24
    is day first, 1/15/24 month first). When no day tells it (2/10/24), no date: a wrong
    one would be worse."""
    found = {stamp: m for stamp in stamps if stamp and (m := _DATE.search(stamp))}
    short = [m for m in found.values() if len(m[1]) <= 2]
    day_first, month_first = any(int(m[1]) > 12 for m in short), any(int(m[2]) > 12 for m in short)
    out = {}
    for stamp, m in found.items():
        a, b, c = m.groups()
        if len(a) == 4:
            year, month, day = a, b, c
        elif day_first == month_first:  # no day past 12, or both orders in one file
            continue
        else:
            day, month = (b, a) if month_first else (a, b)
            year = c if len(c) == 4 else f"20{c}" if len(c) == 2 else ""
        try:
            out[stamp] = datetime(int(year), int(month), int(day)).date().isoformat()
        except ValueError:
            continue
    return out


# What a chat log writes before its speaker: "[10:32]", "10:32", "12/31/21, 10:32 PM -",
# "[2024-01-02 10:32:11]"
_STAMP = re.compile(r"^(?:\[[^\]\n]{1,40}\]|(?:\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4},?\s+)?\d{1,2}:\d{2}(?::\d{2})?"
                    r"(?:\s*[AaPp]\.?[Mm]\.?)?)\s*(?:-\s+)?")
# WeeChat's log line: date and time, the nick (after its mode: "@op", "+voiced"; or "-->",
# "<--", "--" for the channel's own lines, " *" for an action), the words; tabs between
_WEECHAT = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\t(?P<n>[^\t]{0,60})\t(?P<text>.*)$")
# IRC's "<nick> words", as irssi writes it too: "< nick>", "<@op>", "<+voiced>"
_NICK = re.compile(r"^<[ @+%~&]?(?P<n>[^<>\s]{1,40})>:?\s+(?P<text>.*)$")
# IRC's "* nick waves": an action, the nick's words
_ACTION = re.compile(r"^\*\s+(?P<n>[^\s*]{1,40})\s+(?P<text>\S.*)$")
# IRC's nick change: "-!- bob is now known as bob_afk" (irssi), "*** bob is now known as ..." (znc, mIRC)
_NICK_CHANGE = re.compile(r"(?P<old>[^\s<>]{1,40}) is now known as (?P<new>[^\s<>]{1,40})\s*$")
# A chat log's own lines: "-!- bob has joined", "--- Log opened ...", "*** Quits: bob"
_EVENT = re.compile(r"^(?:-!-|---|\*\*\*|-->|<--|<-|->)(?:\s|$)")
# irssi's own lines, without a time stamp: "--- Log opened Tue Mar 05 ...", "--- Day changed ..."
_LOGGED = re.compile(r"^---\s+(?:Log\s+(?:opened|closed)|Day\s+changed)\b")
# "Tom "TJ" O'Reilly": a name with a nickname in quotes inside it
_NICKNAMED = re.compile(r"^[^\W\d_][\w.'’-]*\s+[\"“][^\"“”\n]{1,30}[\"”](?:\s+[^\W\d_][\w.'’-]*){1,2}$")
# Marks no person's name holds: markup, code, a table's cells
_MARKUP = re.compile(r"[{}\[\]|<>`=\"“”]")
# The headers of a mail (RFC 5322 and MIME): a text holding several reads as mail, not as turns
_MAIL_HEADERS = frozenset("""from to cc bcc subject date message-id in-reply-to references reply-to sender received
return-path mime-version content-type content-transfer-encoding list-id delivered-to""".split())
# The heads of a meeting's minutes that list people or set the scene, never a speaker
_MINUTES = frozenset(["present", "attendees", "attending", "attendance", "apologies", "regrets", "absent", "scribe",
                      "minutes", "agenda", "venue", "location", "date", "time", "guests", "in attendance"])
# The words a writer puts before a colon to set off part of their own message ("Example:
# ...", "Edit: ..."): inside a turn they go on that turn, not open one by a new speaker.
_LABELS = frozenset("""
example examples e.g eg note notes nb n.b edit edited update updated ps p.s pps p.p.s addendum correction source
sources reference references definition definitions question questions answer answers summary tldr tl;dr warning
caveat quote quoted result results output input error step steps solution problem context background disclaimer
action actions todo decision decisions outcome outcomes resolution resolved follow-up followup
""".split()) | {"action item", "action items", "next steps", "to do"}
_IN_TURN = _LABELS | _MINUTES  # inside a turn, neither opens one


def _tagged_turn(line: str) -> bool:
    """Whether a line read as part of a turn opens like one, but by a name in markup
    ("<img src=x>: words", "Tobias <b>Klein</b>: words"), which no speaker's name is.

    >>> _tagged_turn("Tobias <b>Klein</b>: a defect."), _tagged_turn("<img src=x>: hi"), _tagged_turn("x = [1]: y")
    (True, True, False)
    >>> _tagged_turn("Tobias `tk` Klein: no."), _tagged_turn("See [the docs]: here")
    (True, False)
    """
    m = _TURN.match(line)
    name = (m["n"] or "").strip() if m else ""
    if not name or len(name.split()) > 5:
        return False
    if name.startswith("<") and ">" in name:
        return True
    plain = _MARKUP.sub(" ", _TAG.sub(" ", name))  # the words of a name written in markup
    words = plain.split()  # (opening and ending on capitals, as a name does: not "See [the docs]", "`Name")
    return bool(_MARKUP.search(name)) and name[:1].isupper() and words[-1][:1].isupper()


_TAG = re.compile(r"</?[A-Za-z][^<>]{0,40}>")
# What a transcript writes after a name and is no part of it: an address ("Ann Lee
# <ann@acme.com>"), as mail gives it
_ADDRESS_AFTER = re.compile(r"\s*<[^<>\s@]+@[^<>\s]+>$")
# ... and what it adds to a name and keeps with it: Teams' "[External]", a company after a bar
# ("Ann Lee | Acme"); the name before it is a name as names are written
_DECORATED = re.compile(r"^(?P<name>[^{}\[\]|<>`=\"“”]+?)\s*(?:\[[^{}\[\]|<>`=\"“”]{1,30}\]|\|\s*[^{}\[\]|<>`=\"“”]{1,40})$")


def _turn(line: str) -> tuple[str, str]:
    """The speaker and words of a line that opens a turn ("Ann: words", "[10:32] Ann:
    words", "<ann> words", "10:32  * ann waves"), else ("", ""); ``(EVENT, "")`` for a
    chat log's own line ("-!- bob has joined"). After a time stamp, a name is whatever
    stands before the colon, markup and all: the stamp says it is a turn."""
    line = line.lstrip(_INVISIBLE)  # iOS WhatsApp marks its own lines with a left-to-right mark
    wee = _WEECHAT.match(line)
    if wee:  # WeeChat's log: "2024-05-07 14:02:11<TAB>@ferris<TAB>words"
        nick = wee["n"].strip()
        if nick == "*":  # an action: "ferris facepalms"
            nick, _, words = wee["text"].partition(" ")
            return nick, words
        return (EVENT, "") if not nick or not nick.strip("-<>=!") else (nick.lstrip("@+%~&!"), wee["text"])
    stamp = _STAMP.match(line)
    stamped = bool(stamp and stamp.end())
    rest = line[stamp.end():].lstrip(_INVISIBLE) if stamp and stamped else line
    nick = _NICK.match(rest)
    if nick:
        return nick["n"], nick["text"]
    if _LOGGED.match(rest):
        return EVENT, ""
    if stamped:
        if _EVENT.match(rest):
            return EVENT, ""
        action = _ACTION.match(rest)
        if action:
            return action["n"], action["text"]
    m = _TURN.match(rest)
    if not m:
        # a timed line that is no one's turn is the chat's own: "12/31/21, 10:32 PM - Bo left"
        return (EVENT, "") if stamp and stamped and _TIMED.search(stamp.group(0)) else ("", "")
    name = (m["b"] or m["n"] or "").strip().strip(_INVISIBLE)
    if not name or len(name.split()) > 5 or "http" in name:
        return "", ""
    name = _ADDRESS_AFTER.sub("", name) or name
    if _MARKUP.search(name) and not stamped and not _NICKNAMED.match(name) \
            and not ((decorated := _DECORATED.match(name)) and _name_like(decorated["name"])):
        return "", ""
    return name, m["text"]


#: What :func:`_turn` gives for a chat log's own line (no one's words)
EVENT = "\x00event"
# Marks a chat export sets around names and lines that show nothing: the left-to-right and
# right-to-left marks, and the embedding a phone number is wrapped in (not an override,
# which could make a name read backwards, and is shown escaped)
_INVISIBLE = "\u200e\u200f\u202a\u202c"
_TIMED = re.compile(r"\d:\d\d")
# the time of day in a turn's stamp, with its AM/PM if it has one ("9:14 PM")
_CLOCK = re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\b\.?)?")


# Lower-case words a person's name may hold: "Ludwig van Beethoven", "Ana de la Cruz"
_PARTICLES = frozenset("van von der den de del della di da dos du la le bin ibn al el ter ten".split())


def _name_like(name: str) -> bool:
    """Whether the words before a colon may be a person's name: one word, or words that
    each start with a capital, a quote (a nickname) or are a name's particle ("van").

    >>> _name_like("Ann Lee"), _name_like('Tom "TJ" Lee'), _name_like("Bo put it this way")
    (True, True, False)
    """
    words = name.split()
    return len(words) == 1 or all(w[:1].isupper() or w[:1] in "\"“'‘" or w in _PARTICLES for w in words)


def _no_name(name: str) -> bool:
    """Whether the words before a colon are a document's, by their marks: a bracket left
    open or closed ("topics)"), a heading's hashes, a sentence ending inside ("by hand.
    Checks"), a number first ("18 relations").

    >>> [_no_name(n) for n in ("used)", "## Source", "by hand. Checks", "18 relations", "Dr. Ann Lee", "Ann (mod)")]
    [True, True, True, True, False, False]
    """
    return name.count("(") != name.count(")") or name.startswith("#") or bool(re.search(r"[a-z]{3,}\.\s+[A-Z]", name)) \
        or bool(re.match(r"\d+\s+[a-z]", name))


def _label_in_turn(name: str, turns: list[tuple[str, list[str]]]) -> bool:
    """Whether a list item's words before a colon, inside a turn, are a label of its
    speaker's ("- strike: a stoppage", "- work-to-rule: ..."), not another speaker's turn:
    words, or one word in small letters that no one has spoken as.

    >>> _label_in_turn("strike", [("Ruth", [])]), _label_in_turn("Ann", [("Ruth", [])]), _label_in_turn("bo", [("bo", [])])
    (True, False, False)
    """
    return _wordy(name) or _no_name(name) or (name == name.lower() and all(name != who for who, _ in turns))


def _wordy(name: str) -> bool:
    """Whether a name before a colon reads as a document's words rather than a speaker:
    several words, none capitalised ("left out"), or one function word ("where")."""
    from ..draft.text import STOP

    words = name.split()
    return name == name.lower() and not any(c.isdigit() for c in name) and (
        len(words) > 1 or name.casefold() in STOP)
