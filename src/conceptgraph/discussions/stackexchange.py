"""Stack Exchange questions, as the site's data dump and the API publish them.

The dump: a site's ``Posts.xml`` (questions, ``PostTypeId`` 1, and their answers, 2,
which name the question in ``ParentId``), with the ``Comments.xml`` and ``Users.xml``
found beside it; a folder holding them, or a file of one question's rows, reads the
same. The API: a response (``{"items": [...]}``) of questions, answers or comments,
or several responses saved one after the other (``cat question.json answers.json
comments.json``); a question may hold its ``answers`` and ``comments`` (a filter with
``question.answers``, ``answer.comments`` and ``filter=withbody`` for the bodies).

Each question is a thread: ``question``, ``answer N`` (in date order), ``comment N on
the question``, ``comment N on answer 2``. An answer replies to the question; a
comment replies to its post, or, when it starts ``@name`` (or the API says whom it
answers), to that person's latest comment before it on the same post. Scores and the
accepted answer are kept as data. Posts other than questions and answers (tag wikis)
are left out and counted; a deleted account ("user39") is a person of its own.
"""

from __future__ import annotations

import bisect
import html
import re
import warnings
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import ConceptGraphWarning, DatasetError, excerpt
from ..formats.common import load_documents
from ..formats.xmlio import XmlReader
from .clean import html_to_text, markdown_to_text, passages
from .thread import Left, Post, Thread, copies_of, counted, first_few, list_of

__all__ = ["read_stackexchange", "sniff", "sniff_stackexchange", "sniff_stackexchange_api", "dump_files"]

_DUMP_ROOTS = (b"<posts", b"<comments", b"<users")


def sniff_stackexchange(head: bytes) -> bool:
    """A dump file: Posts.xml, Comments.xml or Users.xml (their rows name PostTypeId,
    PostId or Reputation)."""
    return b"<row " in head and any(root in head for root in _DUMP_ROOTS) and (
        b"PostTypeId=" in head or b"PostId=" in head or b"Reputation=" in head)


def sniff_stackexchange_api(head: bytes) -> bool:
    r"""The API's JSON: an object with a question's, answer's or comment's id as a key (as
    a value, it is any JSON's text: a graph's gloss "answer_id").

    >>> sniff_stackexchange_api(b'{"items": [{"answer_id": 7}]}'), sniff_stackexchange_api(b'{"gloss": "answer_id"}')
    (True, False)
    """
    return head.lstrip()[:1] in (b"{", b"[") and _API_KEY.search(head) is not None


_API_KEY = re.compile(rb'"(?:question|answer|comment)_id"\s*:')


def sniff(head: bytes) -> bool:
    return sniff_stackexchange(head) or sniff_stackexchange_api(head)


@dataclass
class _Row:
    """A question, answer or comment, from the dump or the API."""

    id: str
    kind: str  # "question", "answer" or "comment"
    parent: str  # an answer's question, a comment's post
    author: str
    account: str
    when: str  # ISO date and time, for ordering
    score: int | None
    text: str
    title: str = ""
    accepted_answer: str = ""
    accepted: bool = False
    reply_to_user: str = ""
    url: str = ""
    quotes: list[str] = field(default_factory=list)
    edited: str = ""  # the day of its last edit (by its owner or another)


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


# --- the dump --------------------------------------------------------------------------------

class _Rows(XmlReader):
    def __init__(self, file: str, root: str) -> None:
        super().__init__(file)
        self.root = root
        self.rows: list[dict[str, str]] = []

    def start(self, ns: str, tag: str, attrs: dict[str, str]) -> None:
        if not self.path and tag != self.root:
            raise self.error(f"expected <{self.root}> (a Stack Exchange {self.root.title()}.xml), found <{excerpt(tag, 30)}>")
        if tag == "row" and len(self.path) == 1:
            self.rows.append(attrs)


def _dump_rows(path: Path, root: str, data: bytes | None = None) -> list[dict[str, str]]:
    from ..files import read_limited

    reader = _Rows(str(path), root)
    reader.parse(read_limited(path) if data is None else data)
    return reader.rows


def dump_files(path: Path) -> dict[str, Path]:
    """The dump files at ``path`` by kind (``posts``, ``comments``, ``users``): those of
    a folder, or a ``Posts.xml`` and the two beside it; any other file is read alone
    (one question's rows, under a name of its own)."""
    name = path.name.casefold()
    if path.is_file() and name not in ("posts.xml", "comments.xml", "users.xml"):
        return {"posts": path}
    found: dict[str, Path] = {}
    try:
        entries = list((path if path.is_dir() else path.parent).iterdir())
    except OSError:
        entries = []
    for p in entries:
        for kind in ("posts", "comments", "users"):
            if p.name.casefold() == f"{kind}.xml" and p.is_file():
                found[kind] = p
    return found


def _dump(path: Path, data: bytes | None, wanted: str | None, left: Left) -> Iterator[_Row]:
    """The rows of the dump at ``path``; ``data``: the bytes of ``path``, a posts file
    already read."""
    files = dump_files(path)
    if "posts" not in files:
        raise DatasetError("the comments and users of a Stack Exchange dump are read with its Posts.xml: "
                           "import the site's folder or its Posts.xml", str(path))
    users = {u.get("Id", ""): u.get("DisplayName", "") for u in _dump_rows(files["users"], "users")} \
        if "users" in files else {}
    posts = _dump_rows(files["posts"], "posts", data if files["posts"] == path else None)

    def who(user_id: str | None, display: str | None, key: str) -> tuple[str, str]:
        if user_id:
            return users.get(user_id) or display or f"user{user_id}", f"se:{user_id}"
        # a deleted account: its name as the post shows it, and a person of its own
        return display or "", f"se-gone:{key}"

    seen: dict[tuple[str, str], tuple[str | None, ...]] = {}  # (file, id) -> what the first row under it says
    twice = _Twice()

    def key(name: str, row: dict[str, str], what: str, *fields: str) -> str | None:
        """The key a row is read under: its id; its id and a count when an earlier row of
        other words or writer has it (what names the id answers the first); None for a
        copy of an earlier row (a dump joined from two, a file given twice), counted."""
        ident, says = row.get("Id", ""), tuple(row.get(f) for f in fields)
        first = seen.setdefault((name, ident), says)
        if first is says:
            return ident
        if first == says:
            left[COPIES] += 1
            return None
        return twice.key(name, name, ident, what)

    keyed = [(p, key(str(files["posts"]), p, "post", "PostTypeId", "ParentId", "OwnerUserId", "OwnerDisplayName", "Body",
                     "Title")) for p in posts]
    questions = {k: p for p, k in keyed if k is not None and p.get("PostTypeId") == "1"}
    if wanted is not None:
        questions = {k: v for k, v in questions.items() if _matches(wanted, k, v.get("Title", ""))}
    kept: set[str] = set()
    for p, pid in keyed:
        kind = {"1": "question", "2": "answer"}.get(p.get("PostTypeId", ""))
        if pid is None:
            continue
        if kind is None:
            left["tag wikis and other posts"] += 1
            continue
        question = pid if kind == "question" else p.get("ParentId", "")
        if question not in questions:
            if wanted is None and kind == "answer":
                left["answers to a question not in the file"] += 1
            continue
        kept.add(pid)
        author, account = who(p.get("OwnerUserId"), p.get("OwnerDisplayName"), pid)
        accepted = questions[question].get("AcceptedAnswerId", "")
        quotes: list[str] = []
        yield _Row(pid, kind, question if kind == "answer" else "", author, account, p.get("CreationDate", ""),
                   _int(p.get("Score")), html_to_text(p.get("Body", ""), left, quotes), html.unescape(p.get("Title", "")),
                   accepted_answer=accepted, accepted=kind == "answer" and pid == accepted, quotes=quotes,
                   edited=p.get("LastEditDate", "")[:10])
    if "comments" in files:
        for c in _dump_rows(files["comments"], "comments"):
            post = c.get("PostId", "")
            cid = key(str(files["comments"]), c, "comment", "PostId", "UserId", "UserDisplayName", "Text")
            if cid is None:
                continue
            if post not in kept:
                if wanted is None:
                    left["comments on posts not in the file"] += 1
                continue
            author, account = who(c.get("UserId"), c.get("UserDisplayName"), "c" + cid)
            yield _Row(cid, "comment", post, author, account, c.get("CreationDate", ""), _int(c.get("Score")),
                       markdown_to_text(c.get("Text", ""), left))
    twice.warn("row", "with other words or another writer", "each read as one of its own; what names that id answers "
               "the first")


class _Twice:
    """Posts (or rows) under an id an earlier one has, with other words or writer: each
    read under a key of its own, the id and a count ("7-2": what names the id answers
    the first), and said once a file."""

    def __init__(self) -> None:
        self.again: dict[tuple[str, str], int] = {}
        self.named: dict[str, list[str]] = defaultdict(list)  # file -> the posts so read

    def key(self, file: str, scope: str, ident: str, what: str) -> str:
        """The key of another post of ``file`` under ``ident`` (ids are ``scope``'s own)."""
        n = self.again[scope, ident] = self.again.get((scope, ident), 1) + 1
        self.named[file].append(f"{what} {excerpt(ident, 20)}")
        return f"{ident}-{n}"

    def warn(self, noun: str, how: str, then: str) -> None:
        """One warning a file: how many, ``how`` they differ, and what became of them (``then``)."""
        for file, posts in self.named.items():
            warnings.warn(ConceptGraphWarning(f"{file}: {counted(posts, noun)} under an id an earlier {noun} "
                                              f"has, {how} ({first_few(posts)}): {then}"), stacklevel=3)


# --- the API ---------------------------------------------------------------------------------

def _when(seconds: Any) -> str:
    try:
        return datetime.fromtimestamp(float(seconds), tz=UTC).strftime("%Y-%m-%dT%H:%M:%S")
    except (TypeError, ValueError, OverflowError, OSError):
        return ""


def _owner(item: dict[str, Any], key: str) -> tuple[str, str]:
    owner = item.get("owner")
    owner = owner if isinstance(owner, dict) else {}
    name = html.unescape(str(owner.get("display_name") or ""))
    ident = owner.get("account_id") or owner.get("user_id")
    if ident is None or owner.get("user_type") == "does_not_exist":
        return name, f"se-gone:{key}"
    return name, f"se-account:{ident}" if owner.get("account_id") else f"se:{ident}"


def _api_text(item: dict[str, Any], left: Left, quotes: list[str]) -> str:
    if isinstance(item.get("body"), str):
        return html_to_text(item["body"], left, quotes)
    if isinstance(item.get("body_markdown"), str):
        text = markdown_to_text(item["body_markdown"], left, quotes=quotes)
        quotes[:] = passages(quotes)
        return text
    return ""


def _api_items(doc: Any) -> Iterator[dict[str, Any]]:
    """The items of a response, of a list of responses, or a list of items."""
    if isinstance(doc, dict):
        if isinstance(doc.get("items"), list):
            yield from (i for i in doc["items"] if isinstance(i, dict))
        elif "error_id" in doc:
            raise ValueError(f"an API error ({excerpt(doc.get('error_name') or doc.get('error_message'))}), not questions")
        else:
            yield doc
    elif isinstance(doc, list):
        for x in doc:
            yield from _api_items(x)


#: Posts written twice over under one id (a response saved twice, or in two files given together), read once
COPIES = copies_of("post", "owner")
# What only a question has, in the API's JSON: an item with one of them and no id is a question that lost it
_QUESTION_FIELDS = ("title", "answers", "is_answered", "answer_count", "accepted_answer_id", "tags")


def _kind(item: dict[str, Any], nested: str) -> tuple[str, str] | None:
    """What an item of the API's JSON is ("question", "answer", "comment") and its id;
    None for an item that is no post. ``nested``: the list it is held in ("answers",
    "comments"), if any. A post without its id is an error naming the field (a
    ValueError: the caller names the file).

    >>> _kind({"answer_id": 7, "question_id": 1}, ""), _kind({"user_id": 3}, "")
    (('answer', '7'), None)
    >>> _kind({"title": "Mentor or coach?", "body": "<p>Which?</p>"}, "")
    Traceback (most recent call last):
    ValueError: a question (“Mentor or coach?”) without its "question_id": its answers and comments name it by that id
    """
    if "comment_id" in item:
        return "comment", str(item["comment_id"])
    if "answer_id" in item:
        return "answer", str(item["answer_id"])
    if "post_type" in item and not nested:  # (the /posts route's items: another shape, not read)
        return None
    if nested == "comments" or "post_id" in item:
        on = f" on post {excerpt(item['post_id'], 20)}" if item.get("post_id") else ""
        raise ValueError(f'a comment{on} without its "comment_id"')
    if nested == "answers" or ("question_id" in item and "is_accepted" in item):  # (a question "is_answered")
        to = f" to question {excerpt(item['question_id'], 20)}" if item.get("question_id") else ""
        raise ValueError(f'an answer{to} without its "answer_id"')
    if "question_id" in item:
        return "question", str(item["question_id"])
    if any(k in item for k in _QUESTION_FIELDS):
        title = html.unescape(str(item.get("title") or ""))
        raise ValueError(f"a question{f' (“{excerpt(title, 60)}”)' if title else ''} without its \"question_id\": "
                         "its answers and comments name it by that id")
    return None


def _api(parts: Sequence[tuple[bytes, str]], wanted: str | None, left: Left) -> Iterator[_Row]:
    seen: dict[tuple[str, str], tuple[_Row, bool]] = {}  # (kind, id) -> the post read under it, and whether with a body
    rows: list[_Row] = []
    twice = _Twice()
    unowned: dict[str, list[str]] = defaultdict(list)  # file -> the posts that came without their owner

    def add(item: dict[str, Any], name: str, parent: str = "", nested: str = "", renamed: bool = False) -> None:
        found = _kind(item, nested)
        if found is None:
            return
        kind, ident = found
        if kind != "question":  # what it is nested in, when that was read under a key of its own; else what it names
            named = item.get("post_id") if kind == "comment" else item.get("question_id")
            parent = parent if renamed or not named else str(named)
        quotes: list[str] = []
        said = Left()  # (counted only if the post is read: a copy's quoted passages are the first's)
        text = _api_text(item, said, quotes)
        title = html.unescape(str(item.get("title") or ""))
        bodied = "body" in item or "body_markdown" in item
        author, account = _owner(item, kind + ident)
        if (kind, ident) in seen:
            first, first_bodied = seen[kind, ident]
            if (first.account, first.author) == (account, author) and (
                    not bodied or not first_bodied or first.text == text):
                # the same post again (or without its body, or with the body the first lacked): read once
                left[COPIES] += 1
                if bodied and not first_bodied:
                    first.text, first.quotes = text, quotes
                    left.update(said)
                    bodiless[0] -= 1
                    seen[kind, ident] = first, True
                for sub in ("answers", "comments"):
                    for child in list_of(item.get(sub)):
                        if isinstance(child, dict):
                            add(child, name, first.id, sub)
                return
            ident = twice.key(name, kind, ident, kind)  # another post under an id already read: a post of its own
        left.update(said)
        if not bodied:
            bodiless[0] += 1
            if kind == "question":
                text = title  # the thread stays, and what answers it
        if not isinstance(item.get("owner"), dict):  # (a deleted account has one: its name, "does_not_exist")
            unowned[name].append(f"{kind} {excerpt(ident, 20)}")
        reply = item.get("reply_to_user")
        row = _Row(ident, kind, parent if kind != "question" else "", author, account,
                   _when(item.get("creation_date")), _int(item.get("score")), text, title,
                   accepted_answer=str(item.get("accepted_answer_id") or ""),
                   accepted=item.get("is_accepted") is True or item.get("accepted") is True,
                   reply_to_user=html.unescape(str(reply.get("display_name") or "")) if isinstance(reply, dict)
                   else "", url=str(item.get("link") or ""), quotes=quotes,
                   # (a comment says only that it was changed: "edited": true)
                   edited=_when(item.get("last_edit_date"))[:10] or ("yes" if item.get("edited") is True else ""))
        rows.append(row)
        seen.setdefault((kind, found[1]), (row, bodied))
        for sub in ("answers", "comments"):
            for child in list_of(item.get(sub)):
                if isinstance(child, dict):
                    add(child, name, ident, sub, ident != found[1])

    bodiless = [0]
    file = parts[0][1]
    for data, name in parts:
        try:
            for doc in load_documents(data, name):
                for item in _api_items(doc):
                    add(item, name)
        except ValueError as e:
            raise DatasetError(str(e), name) from None
    if bodiless[0]:
        many = bodiless[0] > 1
        warnings.warn(ConceptGraphWarning(f"{file}: {bodiless[0]:,} post{'s' if many else ''} came without "
                                          f"{'their' if many else 'its'} text (the API's default filter): ask with "
                                          "filter=withbody"), stacklevel=2)
    twice.warn("post", "with another owner or other words",
               "each read as a post of its own; what names that id answers the first, unless nested under another")
    for name, posts in unowned.items():
        warnings.warn(ConceptGraphWarning(
            f"{name}: {counted(posts, 'post')} came without an owner ({first_few(posts)}): each read as an unnamed writer "
            "of its own"), stacklevel=2)
    if not rows:
        raise DatasetError("no Stack Exchange question, answer or comment in this JSON", file)
    questions = {r.id: r for r in rows if r.kind == "question"}
    if wanted is not None:
        questions = {k: v for k, v in questions.items() if _matches(wanted, k, v.title)}
    answers = {r.id: r.parent for r in rows if r.kind == "answer"}
    for r in rows:
        question = r.id if r.kind == "question" else r.parent if r.kind == "answer" else \
            r.parent if r.parent in questions else answers.get(r.parent, "")
        if question in questions:
            yield r
        elif wanted is None:
            left[f"{r.kind}s of a question not in the file"] += 1


# --- threads ---------------------------------------------------------------------------------

def _matches(wanted: str, ident: str, title: str) -> bool:
    return wanted in (ident, html.unescape(title))


_MENTION = re.compile(r"^\s*@([\w.\-]+)")


def _order(r: _Row) -> tuple[str, int, int]:
    """Where a post stands among its siblings: by time, then id (one read under an id an
    earlier post has, "7-2", after that post)."""
    ident, _, again = r.id.partition("-")
    return r.when, _int(ident) or 0, _int(again) or 0


def _threads(rows: list[_Row]) -> list[Thread]:
    questions = [r for r in rows if r.kind == "question"]
    answers: dict[str, list[_Row]] = defaultdict(list)
    comments: dict[str, list[_Row]] = defaultdict(list)
    for r in rows:
        if r.kind == "answer":
            answers[r.parent].append(r)
        elif r.kind == "comment":
            comments[r.parent].append(r)
    threads = []
    for q in sorted(questions, key=_order):
        thread = Thread(key=q.id, title=q.title, url=q.url, author=q.author, date=q.when[:10])
        posts = [(q, "question")]
        site = _site_of(q.url)
        for n, a in enumerate(sorted(answers[q.id], key=_order), 1):
            a.accepted = a.accepted or a.id == q.accepted_answer
            if site and not a.url and a.id.isdigit():  # an answer's own short address, as the site shares it
                a.url = f"{site}/a/{a.id}"
            posts.append((a, f"answer {n}"))
        for post, place in list(posts):
            role = "respondent" if post.kind == "answer" else ""
            thread.posts.append(_post(post, place, None if post.kind == "question" else q.id, role))
            latest = _Latest()
            on = "the question" if post.kind == "question" else place
            for k, c in enumerate(sorted(comments[post.id], key=_order), 1):
                if q.url and not c.url and c.id.isdigit() and post.id.isdigit():  # the site's link to a comment
                    c.url = f"{q.url.split('#')[0]}#comment{c.id}_{post.id}"
                replied = latest.addressed(c)
                thread.posts.append(_post(c, f"comment {k} on {on}", "c" + replied if replied else post.id))
                latest.add(c)
        threads.append(thread)
    return threads


class _Latest:
    """The latest comment of each person on one post, to find the one a comment
    addresses: by ``@name`` (the name without spaces, or its first three letters or
    more, as the site matches it) or by the API's ``reply_to_user``."""

    #: Names tried for one mention when it is a prefix of several.
    _TRIES = 50

    def __init__(self) -> None:
        self.by_name: dict[str, str] = {}  # squeezed name -> its latest comment's id
        self.names: list[str] = []  # the same names, sorted

    def add(self, c: _Row) -> None:
        name = _squeeze(c.author)
        if name and name not in self.by_name:
            bisect.insort(self.names, name)
        if name:
            self.by_name[name] = c.id

    def addressed(self, c: _Row) -> str:
        m = _MENTION.match(c.text)
        name = _squeeze(c.reply_to_user or (m.group(1) if m else ""))
        if not name:
            return ""
        if name in self.by_name:
            return self.by_name[name]
        if len(name) < 3:
            return ""
        at = bisect.bisect_left(self.names, name)
        found = [self.by_name[n] for n in self.names[at:at + self._TRIES] if n.startswith(name)]
        return max(found, key=lambda ident: _int(ident) or 0) if found else ""


def _site_of(url: str) -> str:
    """The site a question's address is on ("https://english.stackexchange.com"), or "".

    >>> _site_of("https://english.stackexchange.com/questions/1/x"), _site_of("")
    ('https://english.stackexchange.com', '')
    """
    m = re.match(r"(https?://[^/\s]+)/", url)
    return m.group(1) if m else ""


def _squeeze(name: str) -> str:
    return name.replace(" ", "").casefold()


def _post(r: _Row, place: str, parent: str | None, role: str = "") -> Post:
    # comments are numbered apart from posts in the dump: their keys are kept apart too
    return Post(key=r.id if r.kind != "comment" else "c" + r.id, author=r.author, text=r.text,
                parent=parent, date=r.when[:10], account=r.account, root=r.kind == "question", place=place,
                title=r.title if r.kind == "question" else "", role=role, score=r.score, accepted=r.accepted,
                url=r.url, quotes=r.quotes, edited=r.edited)


#: The accounts the site itself writes as (Community is user -1): a negative id
_COMMUNITY = re.compile(r"se(?:-account)?:-\d+")


def read_stackexchange(path: Path, data: bytes | None, file: str, wanted: str | None = None,
                       more: Sequence[tuple[bytes, str]] = (), include_bots: bool = False) -> tuple[list[Thread], Left]:
    """The questions of a Stack Exchange dump (a folder, or a posts file whose bytes are
    ``data``) or of the API's JSON (with ``more`` files of it: bytes, name), each a
    thread; only ``wanted`` (an id or title) when given. The site's own Community
    account (user -1: "your answer is unclear", edits) is a bot, left out unless
    ``include_bots``."""
    left = Left()
    dump = data is None or sniff_stackexchange(data[:8192])
    rows = list(_dump(path, data, wanted, left) if dump else _api([(data or b"", file), *more], wanted, left))
    if not include_bots:
        kept = [r for r in rows if r.kind == "question" or not _COMMUNITY.fullmatch(r.account)]
        if len(kept) < len(rows):
            left["bots"] += len(rows) - len(kept)
            rows = kept
    threads = _threads(rows)
    if not threads:
        if wanted is not None:
            return [], left
        raise DatasetError("no question in this Stack Exchange file", file)
    return threads, left
