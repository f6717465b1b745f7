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
text (2) as written, and so Moodle's own format (0), unless it holds markup, its ``> ``
lines (a quote, as "Remove HTML" writes a ``<blockquote>``) left out and counted. A
reply's subject that only repeats "Re: ..." of the discussion's is no title; the first
post's subject is the thread's title. A post ``modified`` a minute or more after it was
``created`` was edited. Left out and counted: private replies (said to one person, not to
the forum), deleted posts (a stand-in while a reply answers one), posts without words,
copies of a post (its id, writer and words again, as when two exports of one forum are
imported together: Moodle's ids are the site's, so files imported together are read as
one site's).

A CSV's columns are found by their names, in any order, separated by commas, or by
semicolons or tabs as a spreadsheet saves them. A post without a field the export
always writes is read as well as it can be, and said: one warning for each field
missing; so are two posts of one id (both kept).

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
import warnings
from collections.abc import Collection, Iterator, Sequence
from typing import Any, NamedTuple

from ..errors import ConceptGraphWarning, DatasetError, NamedByIdWarning, excerpt
from ..formats.common import load_documents
from .clean import html_to_text, markdown_to_text, passages, quoted_lines_removed, tidy
from .thread import Left, Post, Thread, copies_of, id_number, number, text_of, utc_day, utc_minute

__all__ = ["read_moodle", "sniff_moodle"]

# The export's fields (mod/forum/export.php; discussionname where the site adds it), and
# those of them no other tool's JSON or CSV has: two of these among three fields are the export
_FIELDS = frozenset({"id", "discussion", "parent", "userid", "userfullname", "created", "modified", "mailed", "subject",
                     "message", "messageformat", "messagetrust", "attachment", "totalscore", "mailnow", "deleted",
                     "privatereplyto", "privatereplytofullname", "wordcount", "charcount", "discussionname"})
_OWN = frozenset({"discussion", "userfullname", "mailed", "messageformat", "messagetrust", "totalscore", "mailnow",
                  "privatereplyto", "privatereplytofullname", "discussionname"})
# A key of a JSON object in a file's head (one in a message's words is escaped: \"id\")
_KEY = re.compile(rb'"([a-z]{2,30})"\s*:')
# The export of a forum with no post: a sheet with no record
_NO_RECORD = re.compile(rb"\[\s*\[\s*\]\s*\]\s*")
# The web service's post: "replysubject" before the message (which may fill the head), or its ids after it
_SERVICE = re.compile(rb'\A\s*\{\s*"posts"\s*:\s*\[')
# The fields (in CSV, the columns) every post of the export has: without one, no post is read whole
_COLUMNS = ("id", "discussion", "parent", "userfullname", "message")
# What a CSV's columns are separated by: Moodle writes commas; a spreadsheet saves semicolons
# (where a comma is the decimal point) or tabs
_DELIMITERS = (",", ";", "\t")
#: What a post given again is counted as
COPIES = copies_of("post")

# Moodle's text formats (lib/weblib.php)
_FORMAT_MOODLE, _FORMAT_HTML, _FORMAT_PLAIN, _FORMAT_MARKDOWN = 0, 1, 2, 4
_MARKUP = re.compile(r"<(?:[a-z][a-z0-9]{0,20}[\s/>]|/[a-z])", re.I)
_RE = re.compile(r"^(?:\s*re\s*(?:\[\d{1,4}\]\s*)?:)+\s*", re.I)
# "Monday, 10 June 2024, 9:00 AM": the export's dates with "human-readable dates" ticked (English)
_HUMAN_DATE = re.compile(r"\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|"
                         r"November|December)\s+(\d{4})\b", re.I)
_HUMAN_TIME = re.compile(r",?\s*(\d{1,2}):(\d{2})(?::\d{2})?(?:\s*([AaPp][Mm])\b)?")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")


def sniff_moodle(head: bytes) -> bool:
    """Whether a file's head is Moodle's: the export's JSON or CSV (told by its fields'
    names, in any order, one missing too), the export of an empty forum (``[[]]``), or
    the web service's posts.

    >>> sniff_moodle(b'[[{"userfullname": "Ann", "id": 1, "discussion": 7, "message": "Hi"}]]'), sniff_moodle(b"[[]]")
    (True, True)
    >>> sniff_moodle(b"userfullname;message;id;discussion;parent\\r\\n"), sniff_moodle(b"id,message,user\\n")
    (True, False)
    """
    head = head.removeprefix(b"\xef\xbb\xbf")
    start = head.lstrip()
    if start[:1] == b"[":
        return _NO_RECORD.fullmatch(start) is not None or _is_export({k.decode() for k in _KEY.findall(head)})
    if start[:1] == b"{":
        return bool(_SERVICE.match(start)) and (b'"replysubject"' in head or (
            b'"discussionid"' in head and b'"hasparent"' in head))
    first = re.match(rb"[^\r\n]*", start)
    return first is not None and _is_export(_header(first.group().decode("utf-8", "ignore"))[1])


def _is_export(names: Collection[str]) -> bool:
    """Whether the field names of a record (or a CSV's header) are those of Moodle's export."""
    given = set(names)
    return len(given & _OWN) >= 2 and len(given & _FIELDS) >= 3


def _header(line: str) -> tuple[str, list[str]]:
    """The delimiter of a CSV's first line (of commas, semicolons and tabs, the one that
    splits it into most of the export's names) and the names it gives.

    >>> _header('"id";"discussion";"message";"subject, short"'), _header("id,discussion")
    ((';', ['id', 'discussion', 'message', 'subject, short']), (',', ['id', 'discussion']))
    """
    found = []
    for delimiter in _DELIMITERS:
        try:
            names = [n.strip() for n in next(csv.reader([line], delimiter=delimiter), [])]
        except csv.Error:  # (a quote not closed: no names of this delimiter)
            names = []
        found.append((len(_FIELDS.intersection(names)), delimiter, names))
    best = max(found, key=lambda f: f[0])  # (the first of those as good: commas, as Moodle writes)
    return best[1], best[2]


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
    modified: Any = None
    file: str = ""
    missing: tuple[str, ...] = ()  # the fields of _COLUMNS (the web service's own) it lacks


def read_moodle(data: bytes, file: str, more: Sequence[tuple[bytes, str]] = ()) -> tuple[list[Thread], Left]:
    """The threads (one per discussion) of a Moodle forum export (JSON or CSV) or of the
    web service's answer of a discussion's posts; with ``more``, other files of the same
    site read with it (two exports of one forum: a post in both is read once)."""
    said: list[_Said] = []
    for doc_data, doc_file in [(data, file), *more]:
        start = doc_data.removeprefix(b"\xef\xbb\xbf").lstrip()
        found = _json(doc_data, doc_file) if start[:1] in (b"[", b"{") else _csv(doc_data, doc_file)
        if not found:
            raise DatasetError("no post in this Moodle file (the forum export's records, or the web service's "
                               '"posts")', doc_file)
        said += found
    return _threads(said)


def _json(data: bytes, file: str) -> list[_Said]:
    """The posts of the export's JSON (a list of sheets, each a list of records; the
    records alone too) or of the web service's answers, one or several pages."""
    records: list[_Said] = []
    export: list[dict[str, Any]] = []  # the export's records (not the web service's posts)
    known = False
    for doc in load_documents(data, file):
        if isinstance(doc, dict) and isinstance(doc.get("posts"), list):
            known = True
            records += [_service(p, file) for p in doc["posts"] if isinstance(p, dict)]
            continue
        if isinstance(doc, dict) and isinstance(doc.get("errorcode"), str):
            # the web service's error saved in place of its answer: its words say what went wrong
            raise DatasetError(f"a Moodle web service error, not posts: {text_of(doc.get('message'))[:200] or doc['errorcode']}",
                               file)
        if isinstance(doc, list) and doc and all(sheet == [] for sheet in doc):
            known = True  # "[[]]": the export of a forum with no post
        for sheet in doc if isinstance(doc, list) else [doc]:
            # a record is one with three of the export's fields, one of them its own (a field lost is said below)
            export += [r for r in (sheet if isinstance(sheet, list) else [sheet])
                       if isinstance(r, dict) and len(r.keys() & _FIELDS) >= 3 and r.keys() & _OWN]
    # a field that no record has is a column the file lost (an edited file, a plugin's export), no post's fault
    missing = [f for f in _COLUMNS if export and not any(f in r for r in export)]
    if missing:
        n = len(export)
        raise DatasetError(f"expected the fields of Moodle's forum export; no {', '.join(missing)} in any of its "
                           f"{n} post{'s' if n > 1 else ''}", file)
    if not known and not export:
        raise DatasetError("expected Moodle's forum export (a list of posts with discussion, parent and userfullname) "
                           'or the answer of mod_forum_get_discussion_posts (an object with "posts")', file)
    return records + [_record(r, file) for r in export]


def _record(r: dict[str, Any], file: str = "") -> _Said:
    """A post of the export, JSON or CSV: its numbers as numbers or as strings."""
    parent = _ident(r.get("parent"))
    return _Said(_ident(r.get("id")), _ident(r.get("discussion")), "" if parent == "0" else parent or None,
                 _ident(r.get("userid")), text_of(r.get("userfullname")).strip(), r.get("created"),
                 text_of(r.get("subject")), text_of(r.get("message")), _int(r.get("messageformat")),
                 _flag(r.get("deleted")), _flag(r.get("privatereplyto")), text_of(r.get("discussionname")).strip(),
                 r.get("modified"), file, tuple(f for f in _COLUMNS if f not in r))


def _service(p: dict[str, Any], file: str = "") -> _Said:
    """A post of the web service's answer."""
    author = p.get("author")
    author = author if isinstance(author, dict) else {}
    parent = _ident(p.get("parentid"))
    root = p.get("hasparent") is False or parent in ("", "0")
    missing = tuple(field for field, given in (("id", "id" in p), ("author.fullname", "fullname" in author),
                                               ("message", "message" in p)) if not given)
    return _Said(_ident(p.get("id")), _ident(p.get("discussionid")), "" if root else parent,
                 _ident(author.get("id")), text_of(author.get("fullname")).strip(), p.get("timecreated"),
                 text_of(p.get("subject")), text_of(p.get("message")), _int(p.get("messageformat")),
                 _flag(p.get("isdeleted")), _flag(p.get("isprivatereply")), "", p.get("timemodified"), file, missing)


def _csv(data: bytes, file: str) -> list[_Said]:
    """The posts of the export's CSV, its columns in any order, separated as its first
    line shows: a row that is not one record (too many or too few fields, a quote not
    closed) is refused, naming its line, and so is one the file ends in (cut short)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        from ..files import not_utf8

        raise DatasetError(not_utf8(e, data), file, data[: e.start].count(b"\n") + 1) from None
    # a message may be longer than the csv module's default limit on a field (128 KiB)
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    first = re.match(r"[^\r\n]*", text)
    delimiter, _ = _header(first.group() if first else "")
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(rows, None)
    except csv.Error as e:
        raise DatasetError(f"not a CSV file Moodle writes ({e})", file, 1) from None
    columns = [c.strip() for c in header or []]
    missing = [c for c in _COLUMNS if c not in columns]
    if missing:
        words = set(re.findall(r"[a-z]+", first.group().casefold())) if first else set()
        if set(missing) <= words:  # the names are there, but no delimiter Moodle or a spreadsheet uses parts them
            raise DatasetError(f"expected the columns of Moodle's forum export, separated by commas, semicolons or tabs; "
                               f"its first line names {', '.join(missing)}, but not as columns of their own", file, 1)
        raise DatasetError(f"expected the columns of Moodle's forum export; no {', '.join(missing)} in its first line",
                           file, 1)
    out: list[_Said] = []
    line = rows.line_num + 1  # where the next record starts: a message may span lines
    try:
        for row in rows:
            if row and len(row) != len(columns):
                raise DatasetError(f"a row of {len(row)} fields where the header names {len(columns)}"
                                   f"{_CUT if len(row) < len(columns) and _last(rows) else ''}", file, line)
            if row:
                out.append(_record(dict(zip(columns, row)), file))
            line = rows.line_num + 1
    except csv.Error as e:
        # (the csv module's words for a quote the file ends in before it is closed)
        cut = ": the file ends inside a quoted field: is it cut short?" if "end of data" in str(e) else ""
        raise DatasetError(f"a row that is no CSV record ({e}{cut})", file, line) from None
    return out


_CUT = " (the file ends inside it: is it cut short?)"


def _last(rows: Iterator[list[str]]) -> bool:
    """Whether no record follows in ``rows`` (blank lines aside): the row before was
    the file's last."""
    try:
        return not any(rows)
    except csv.Error:  # a damaged row after it
        return False


def _threads(said: list[_Said]) -> tuple[list[Thread], Left]:
    """The posts, one thread per discussion, each reply under what it answers; what was
    left out. A post without a field the export writes is read as well as it can be, and
    said: one warning for each field missing, naming the posts."""
    left = Left()
    faults: dict[tuple[str, str], list[tuple[str, str, str]]] = {}  # (file, fault) -> (post, user id, name) each
    said = _once(said, left, faults)
    by_key = {s.key: s for s in said if s.key}
    named: dict[str, str] = {}  # a user id -> the name their posts give (a post without it is theirs too)
    for s in said:
        if s.account and s.name:
            named.setdefault(s.account, s.name)
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
        name = s.name or named.get(s.account, "")
        if not s.deleted:  # (a deleted post's words and writer are gone anyway)
            wrong = [f'without "{field}"' for field in s.missing]
            if not s.name and not {"userfullname", "author.fullname"} & set(s.missing):
                wrong.append("with an empty author name")  # (a deleted account's, as Moodle keeps its posts)
            for fault in wrong:
                faults.setdefault((s.file, fault), []).append((_shown(s), s.account, name))
        discussion = s.discussion or _discussion_of(s, by_key)
        thread = threads.setdefault(discussion, Thread(key=f"discussion {discussion}"))
        root = s.parent == "" and discussion not in first
        subject = " ".join(s.subject.split())
        bare = _RE.sub("", subject).casefold()
        subjects.setdefault(s.key, bare)
        if root:
            first[discussion] = bare
        repeated = (subjects.get(s.parent or ""), first.get(discussion), s.discussion_name.casefold())
        title = subject if root or (bare and bare not in repeated) else ""
        if not thread.title and (root or s.discussion_name):  # the discussion's name, else its first post's subject
            thread.title = s.discussion_name or _RE.sub("", subject)
        post = Post(key=s.key or f"#{order[id(s)]}", author=name or s.account, account=s.account,
                    text="", date=_day(s.created),
                    parent=None if root or s.parent == "" else s.parent, root=root, title="" if s.deleted else title,
                    gone="deleted" if s.deleted else "", edited="" if s.deleted else _edited(s.created, s.modified))
        post.text = "" if s.deleted else _text(s.message, s.format, left, post.quotes)
        thread.posts.append(post)
    out = [t for t in threads.values() if t.posts]
    for t in out:
        head = t.posts[0]  # the discussion's post, sorted first
        t.title = t.title or _RE.sub("", head.title) or t.key
        t.author, t.date = ("", head.date) if head.gone else (head.author, head.date)
        t.account = "" if head.gone else head.account
    for (file, fault), posts in faults.items():
        n = len(posts)
        shown = ", ".join(excerpt(p, 30) for p, _, _ in posts[:3]) + (", ..." if n > 3 else "")
        ids = ("ids " if n > 1 else "id ") if all(p.isdigit() for p, _, _ in posts) else ""
        told = f"{file}: {n} post{'s' if n > 1 else ''} {fault} ({ids}{shown}): "
        if fault in _FAULTS:
            warnings.warn(ConceptGraphWarning(told + _FAULTS[fault]), stacklevel=3)
        else:
            about, by_id, rest = _named(posts)
            warnings.warn(NamedByIdWarning(told + about, by_id, told + rest) if by_id else
                          ConceptGraphWarning(told + about), stacklevel=3)
    return out, left


_ANOTHER = "under an id an earlier post has, with another writer or other words"
# What becomes of a post without a field (the name's faults: _named)
_FAULTS = {'without "id"': "read, though no reply can name it",
           'without "discussion"': "read in the discussion of the post it answers",
           'without "parent"': "read as answering its discussion's first post",
           'without "message"': "no words to read (left out as empty)",
           _ANOTHER: "each read as a post of its own; a reply naming that id answers the first"}


def _once(said: list[_Said], left: Left, faults: dict[tuple[str, str], list[tuple[str, str, str]]]) -> list[_Said]:
    """The posts, each once: a copy of one (its id, writer and words again: two exports of
    one forum) is left out and counted; another post of the same id is kept under a key
    of its own, and said in ``faults``."""
    first: dict[str, _Said] = {}
    again: dict[str, int] = {}
    out: list[_Said] = []
    for s in said:
        was = first.setdefault(s.key, s) if s.key else s
        if was is not s:
            if (was.account, was.name, was.message) == (s.account, s.name, s.message):
                left[COPIES] += 1
                continue
            faults.setdefault((s.file, _ANOTHER), []).append((s.key, "", ""))
            again[s.key] = again.get(s.key, 0) + 1
            s = s._replace(key=f"{s.key}\0{again[s.key]}")
        out.append(s)
    return out


def _discussion_of(s: _Said, by_key: dict[str, _Said]) -> str:
    """The discussion of a post that names none: that of the post it answers (at any
    depth), else "?"."""
    seen: set[str] = set()
    while not s.discussion and s.parent in by_key and s.parent not in seen:
        seen.add(s.parent)
        s = by_key[s.parent]
    return s.discussion or "?"


def _shown(s: _Said) -> str:
    """A post as a warning names it: its id, else its writer."""
    return s.key.split("\0")[0] if s.key else f"by {s.name or s.account or 'no one named'}"


def _named(posts: list[tuple[str, str, str]]) -> tuple[str, list[str], str]:
    """What became of posts whose writer's name the file lacks (each: the post, its user
    id, the name its user's other posts give): named so, else by the user id (which
    ``--rename`` names), else an unnamed commenter's. With the user ids named so, and
    what is said once ``--rename`` has named each of them."""
    names = list(dict.fromkeys(name for _, _, name in posts if name))
    ids = list(dict.fromkeys(account for _, account, name in posts if account and not name))
    said = [f"named as the user's other posts name them ({excerpt(', '.join(names), 60)})"] if names else []
    unnamed = ["no user id either: an unnamed commenter's"] if any(not a and not n for _, a, n in posts) else []
    by_id = []
    if ids:
        shown = ", ".join(excerpt(i, 20) for i in ids[:3]) + (", ..." if len(ids) > 3 else "")
        by_id = [f"named by the user id ({shown}): --rename '{excerpt(ids[0], 20)}=NAME' names one"]
    return "; ".join(said + by_id + unnamed), ids, "; ".join(said + ["named as --rename names them"] + unnamed)


def _text(message: str, fmt: int | None, left: Left, quotes: list[str]) -> str:
    """A message's words as its format says: HTML, Markdown, or text as written; the
    passages it quotes added to ``quotes``. Text as written quotes in ``> `` lines, as
    the export's "Remove HTML" writes a ``<blockquote>``.

    >>> quotes, left = [], Left()
    >>> _text("> climate changes slowly\\n\\nNot always.", _FORMAT_PLAIN, left, quotes), quotes, dict(left)
    ('\\ue001\\n\\nNot always.', ['climate changes slowly'], {"quoted lines (others' words)": 1})
    """
    if fmt == _FORMAT_MARKDOWN:
        text = markdown_to_text(message, left, quotes=quotes)
        quotes[:] = passages(quotes)
        return text
    if fmt == _FORMAT_HTML or (fmt not in (_FORMAT_PLAIN, _FORMAT_MOODLE) and _MARKUP.search(message)):
        return html_to_text(message, left, quotes)
    if fmt == _FORMAT_MOODLE and _MARKUP.search(message):
        return html_to_text(_line_breaks(message), left, quotes)
    return tidy(quoted_lines_removed(message, left=left, quotes=quotes))


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
    written = _written(created)
    return written[:10] if written else ""


def _written(value: Any) -> str:
    """A time written out, as "Monday, 10 June 2024, 9:00 AM" (its time where given), as
    "2024-06-10 09:00", which sorts as time does; "" for none.

    >>> _written("Monday, 10 June 2024, 12:05 AM"), _written("10 June 2024, 21:30"), _written("Monday, 10 June 2024")
    ('2024-06-10 00:05', '2024-06-10 21:30', '2024-06-10')
    """
    m = _HUMAN_DATE.search(value[:200]) if isinstance(value, str) else None
    if not m or not 1 <= int(m.group(1)) <= 31:
        return ""
    day = f"{int(m.group(3)):04d}-{_MONTHS.index(m.group(2).lower()) + 1:02d}-{int(m.group(1)):02d}"
    t = _HUMAN_TIME.match(value, m.end())
    if not t or int(t.group(1)) > 23 or int(t.group(2)) > 59:
        return day
    hour = int(t.group(1)) % 12 + (12 if t.group(3).casefold() == "pm" else 0) if t.group(3) else int(t.group(1))
    return f"{day} {hour:02d}:{t.group(2)}"


def _edited(created: Any, modified: Any) -> str:
    """When a post's words were changed, as its ``modified`` says (Moodle sets it with
    ``created`` when a post is written, and again at each edit): a minute or more after
    it was written, in UTC (a Unix time) or as the file writes it (a time written out, in
    the exporter's time zone); "" for none, as a moment's difference is none.

    >>> _edited(1709554500, 1709561700), _edited(1709554500, "1709554530"), _edited(1709554500, None)
    ('2024-03-04 14:15 UTC', '', '')
    >>> _edited("Monday, 4 March 2024, 9:14 AM", "Monday, 4 March 2024, 11:14 AM")
    '2024-03-04 11:14'
    """
    made, changed = _seconds(created), _seconds(modified)
    if made and changed:
        return utc_minute(changed) if changed - made >= 60 else ""
    made_at, changed_at = _written(created), _written(modified)
    return changed_at if len(made_at) > 10 and len(changed_at) > 10 and changed_at > made_at else ""


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

