"""Moodle: a forum's discussions as a teacher exports them (Moodle 3.8 and later, Forum >
Export, ``mod/forum/export.php``, as JSON or CSV: one record per post, its ``id``,
``discussion``, ``parent``, ``userid``, ``userfullname``, ``created`` (Unix time, or the
date written out with "human-readable dates"), ``subject``, ``message``,
``messageformat``, ``deleted``, ``privatereplyto``; a ``discussionname`` where the site
adds it), or a discussion's posts as the web service ``mod_forum_get_discussion_posts``
answers (``{"posts": [...]}``, each post's ``author``, ``discussionid``, ``parentid``,
``timecreated``, ``isdeleted``, ``isprivatereply``).

Each discussion is a thread, titled by its name, else by its first post's subject. The
post that answers none (``parent`` 0) is the thread's post; the others answer their
``parent``, and to_dataset names their places (``comment 1``, ``reply 1 to comment
1``). A person is their full name, their account their user id. A message is HTML
(``messageformat`` 1, and any message the web service gives) read as text, a quoted
passage (``<blockquote>``) left out and counted; Markdown (4) read as its text; plain
text (2) as written, and so Moodle's own format (0), unless it holds markup. A reply's
subject that only repeats "Re: ..." of the discussion's is no title; the first post's
subject is the thread's title. Left out and counted: private replies (said to one person,
not to the forum), deleted posts (a stand-in while a reply answers one), posts without
words.

>>> import json
>>> def post(ident, parent, who, html, **more):
...     return {"id": ident, "discussion": 7, "parent": parent, "userid": 40 + ident, "userfullname": who,
...             "created": 1718000000 + ident, "subject": "Re: Weather or climate?", "message": html,
...             "messageformat": 1, "deleted": 0, "privatereplyto": 0, **more}
>>> export = [[post(1, 0, "Ann Lee", "<p>Is <b>weather</b> climate?</p>", subject="Weather or climate?"),
...            post(2, 1, "Bo Chen", "<p>No: climate is weather over years.</p>"),
...            post(3, 1, "Cy Diaz", "<p>Just between us</p>", privatereplyto=41)]]
>>> [thread], left = read_moodle(json.dumps(export).encode(), "discussion.json")
>>> thread.title, [(p.author, p.text, p.parent, p.title) for p in thread.posts]  # doctest: +NORMALIZE_WHITESPACE
('Weather or climate?', [('Ann Lee', 'Is weather climate?', None, 'Weather or climate?'),
                         ('Bo Chen', 'No: climate is weather over years.', '1', '')])
>>> dict(left)
{'private replies': 1}
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any, NamedTuple

from ..errors import DatasetError
from ..formats.common import load_documents
from .clean import html_to_text, markdown_to_text, passages, tidy
from .thread import Left, Post, Thread, id_number, number, text_of, utc_day

__all__ = ["read_moodle", "sniff_moodle"]

# The export's own fields: what no other tool's JSON holds together
_EXPORT_KEYS = (re.compile(rb'"discussion"\s*:'), re.compile(rb'"parent"\s*:'), re.compile(rb'"userfullname"\s*:'))
# The web service's post: "replysubject" before the message (which may fill the head), or its ids after it
_SERVICE = re.compile(rb'\A\s*\{\s*"posts"\s*:\s*\[')
# The export's CSV opens with its header, the fields in Moodle's order
_CSV_HEAD = re.compile(rb'\A"?id"?,"?discussion"?,"?parent"?,"?userid"?,"?userfullname"?,')
# The columns a CSV must have to be read as the export
_COLUMNS = ("id", "discussion", "parent", "userfullname", "message")

# Moodle's text formats (lib/weblib.php)
_FORMAT_MOODLE, _FORMAT_HTML, _FORMAT_PLAIN, _FORMAT_MARKDOWN = 0, 1, 2, 4
_MARKUP = re.compile(r"<(?:[a-z][a-z0-9]{0,20}[\s/>]|/[a-z])", re.I)
_RE = re.compile(r"^(?:\s*re\s*(?:\[\d{1,4}\]\s*)?:)+\s*", re.I)
# "Monday, 10 June 2024, 9:00 AM": the export's dates with "human-readable dates" ticked (English)
_HUMAN_DATE = re.compile(r"\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|"
                         r"November|December)\s+(\d{4})\b", re.I)
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")


def sniff_moodle(head: bytes) -> bool:
    head = head.removeprefix(b"\xef\xbb\xbf")
    start = head.lstrip()
    if start[:1] == b"[":
        return all(k.search(head) for k in _EXPORT_KEYS)
    if start[:1] == b"{":
        return bool(_SERVICE.match(start)) and (b'"replysubject"' in head or (
            b'"discussionid"' in head and b'"hasparent"' in head))
    return bool(_CSV_HEAD.match(start))


class _Said(NamedTuple):
    """One post as the file gives it, before it is read."""

    key: str
    discussion: str
    parent: str | None  # "" for the discussion's first post; None when the file names none
    account: str
    name: str
    created: Any
    subject: str
    message: str
    format: int | None
    deleted: bool
    private: bool
    discussion_name: str


def read_moodle(data: bytes, file: str) -> tuple[list[Thread], Left]:
    """The threads (one per discussion) of a Moodle forum export (JSON or CSV) or of the
    web service's answer of a discussion's posts."""
    start = data.removeprefix(b"\xef\xbb\xbf").lstrip()
    said = _json(data, file) if start[:1] in (b"[", b"{") else _csv(data, file)
    if not said:
        raise DatasetError("no post in this Moodle file (the forum export's records, or the web service's "
                           '"posts")', file)
    return _threads(said)


def _json(data: bytes, file: str) -> list[_Said]:
    """The posts of the export's JSON (a list of sheets, each a list of records; the
    records alone too) or of the web service's answers, one or several pages."""
    records: list[Any] = []
    known = False
    for doc in load_documents(data, file):
        if isinstance(doc, dict) and isinstance(doc.get("posts"), list):
            known = True
            records += [_service(p) for p in doc["posts"] if isinstance(p, dict)]
            continue
        if isinstance(doc, dict) and isinstance(doc.get("errorcode"), str):
            # the web service's error saved in place of its answer: its words say what went wrong
            raise DatasetError(f"a Moodle web service error, not posts: {text_of(doc.get('message'))[:200] or doc['errorcode']}",
                               file)
        for sheet in doc if isinstance(doc, list) else [doc]:
            for r in sheet if isinstance(sheet, list) else [sheet]:
                if isinstance(r, dict) and "discussion" in r and ("userfullname" in r or "parent" in r):
                    known = True
                    records.append(_record(r))
    if not known:
        raise DatasetError("expected Moodle's forum export (a list of posts with discussion, parent and userfullname) "
                           'or the answer of mod_forum_get_discussion_posts (an object with "posts")', file)
    return records


def _record(r: dict[str, Any]) -> _Said:
    """A post of the export, JSON or CSV: its numbers as numbers or as strings."""
    parent = _ident(r.get("parent"))
    return _Said(_ident(r.get("id")), _ident(r.get("discussion")), "" if parent == "0" else parent or None,
                 _ident(r.get("userid")), text_of(r.get("userfullname")).strip(), r.get("created"),
                 text_of(r.get("subject")), text_of(r.get("message")), _int(r.get("messageformat")),
                 _flag(r.get("deleted")), _flag(r.get("privatereplyto")), text_of(r.get("discussionname")).strip())


def _service(p: dict[str, Any]) -> _Said:
    """A post of the web service's answer."""
    author = p.get("author")
    author = author if isinstance(author, dict) else {}
    parent = _ident(p.get("parentid"))
    root = p.get("hasparent") is False or parent in ("", "0")
    return _Said(_ident(p.get("id")), _ident(p.get("discussionid")), "" if root else parent,
                 _ident(author.get("id")), text_of(author.get("fullname")).strip(), p.get("timecreated"),
                 text_of(p.get("subject")), text_of(p.get("message")), _int(p.get("messageformat")),
                 _flag(p.get("isdeleted")), _flag(p.get("isprivatereply")), "")


def _csv(data: bytes, file: str) -> list[_Said]:
    """The posts of the export's CSV: a row that is not one record (too many or too few
    fields, a quote not closed) is refused, naming its line."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        from ..files import not_utf8

        raise DatasetError(not_utf8(e, data), file, data[: e.start].count(b"\n") + 1) from None
    # a message may be longer than the csv module's default limit on a field (128 KiB)
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    rows = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(rows, None)
    except csv.Error as e:
        raise DatasetError(f"not a CSV file Moodle writes ({e})", file, 1) from None
    columns = [c.strip() for c in header or []]
    missing = [c for c in _COLUMNS if c not in columns]
    if missing:
        raise DatasetError(f"expected the columns of Moodle's forum export; no {', '.join(missing)} in its first line",
                           file, 1)
    out: list[_Said] = []
    line = rows.line_num + 1  # where the next record starts: a message may span lines
    try:
        for row in rows:
            if row and len(row) != len(columns):
                raise DatasetError(f"a row of {len(row)} fields where the header names {len(columns)}", file, line)
            if row:
                out.append(_record(dict(zip(columns, row))))
            line = rows.line_num + 1
    except csv.Error as e:
        raise DatasetError(f"a row that is no CSV record ({e})", file, line) from None
    return out


def _threads(said: list[_Said]) -> tuple[list[Thread], Left]:
    """The posts, one thread per discussion, each reply under what it answers; what was
    left out."""
    left = Left()
    order = {id(s): i for i, s in enumerate(said)}
    # the discussion's post first, then by time (the id breaks ties: Moodle numbers posts as written)
    ordered = sorted(said, key=lambda s: (s.parent != "", _seconds(s.created), id_number(s.key), order[id(s)]))
    threads: dict[str, Thread] = {}
    subjects: dict[str, str] = {}  # a post's key -> its subject, "Re:" aside: what a reply's own repeats
    first: dict[str, str] = {}  # a discussion -> its first post's subject, "Re:" aside
    for s in ordered:
        if s.private:  # said to one person, not to the forum
            left["private replies"] += 1
            continue
        thread = threads.setdefault(s.discussion, Thread(key=f"discussion {s.discussion}"))
        root = s.parent == "" and s.discussion not in first
        subject = " ".join(s.subject.split())
        bare = _RE.sub("", subject).casefold()
        subjects.setdefault(s.key, bare)
        if root:
            first[s.discussion] = bare
        repeated = (subjects.get(s.parent or ""), first.get(s.discussion), s.discussion_name.casefold())
        title = subject if root or (bare and bare not in repeated) else ""
        if not thread.title and (root or s.discussion_name):  # the discussion's name, else its first post's subject
            thread.title = s.discussion_name or _RE.sub("", subject)
        post = Post(key=s.key or f"#{order[id(s)]}", author=s.name or s.account, account=s.account,
                    text="", date=_day(s.created),
                    parent=None if root or s.parent == "" else s.parent, root=root, title="" if s.deleted else title,
                    gone="deleted" if s.deleted else "")
        post.text = "" if s.deleted else _text(s.message, s.format, left, post.quotes)
        thread.posts.append(post)
    out = [t for t in threads.values() if t.posts]
    for t in out:
        head = t.posts[0]  # the discussion's post, sorted first
        t.title = t.title or _RE.sub("", head.title) or t.key
        t.author, t.date = ("", head.date) if head.gone else (head.author, head.date)
        t.account = "" if head.gone else head.account
    return out, left


def _text(message: str, fmt: int | None, left: Left, quotes: list[str]) -> str:
    """A message's words as its format says: HTML, Markdown, or text as written; the
    passages it quotes added to ``quotes``."""
    if fmt == _FORMAT_MARKDOWN:
        text = markdown_to_text(message, left, quotes=quotes)
        quotes[:] = passages(quotes)
        return text
    if fmt == _FORMAT_HTML or (fmt not in (_FORMAT_PLAIN, _FORMAT_MOODLE) and _MARKUP.search(message)):
        return html_to_text(message, left, quotes)
    if fmt == _FORMAT_MOODLE and _MARKUP.search(message):
        return html_to_text(_line_breaks(message), left, quotes)
    return tidy(message)


def _line_breaks(text: str) -> str:
    """Moodle's own format as Moodle shows it: its markup kept, a line break where a line
    ends, except beside a tag (``<p>`` on a line of its own breaks by itself)."""
    lines = text.replace("\r\n", "\n").split("\n")
    out = [lines[0]]
    for before, line in zip(lines, lines[1:]):
        out.append("\n" if before.rstrip().endswith(">") or line.lstrip().startswith("<") else "<br>\n")
        out.append(line)
    return "".join(out)


def _day(created: Any) -> str:
    """The day of a post's time: Unix time, or a date written out ("Monday, 10 June 2024,
    9:00 AM", in the exporter's own time zone); "" for none."""
    seconds = _seconds(created)
    if seconds:
        return utc_day(seconds)
    m = _HUMAN_DATE.search(created[:200]) if isinstance(created, str) else None
    if not m:
        return ""
    day, month, year = int(m.group(1)), _MONTHS.index(m.group(2).lower()) + 1, int(m.group(3))
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= day <= 31 else ""


def _seconds(value: Any) -> float:
    """A Unix time the file gives, as a number or as digits; 0 for none."""
    if isinstance(value, str) and value.strip().isdigit() and len(value) < 20:
        return float(value)
    return number(value)


def _ident(value: Any) -> str:
    """An id the file gives, as a number or a string; "" for none."""
    if isinstance(value, bool):
        return ""
    if isinstance(value, int):
        return str(value)
    return value.strip() if isinstance(value, str) else ""


def _int(value: Any) -> int | None:
    ident = _ident(value)
    return int(ident) if ident.isascii() and ident.isdigit() and len(ident) < 6 else None


def _flag(value: Any) -> bool:
    """Whether a field is set: true, or a number or id other than 0 (``privatereplyto``
    holds the user's id)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value != 0
    return isinstance(value, str) and value.strip().casefold() not in ("", "0", "false", "null")

