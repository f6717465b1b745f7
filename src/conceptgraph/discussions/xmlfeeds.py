"""WordPress (WXR) and Disqus exports: the two XML files of blog discussions.

WXR: each published post or page is a thread, its ``wp:comment`` elements the
messages, ``wp:comment_parent`` the reply. Pending, spam and trashed comments and
pingbacks and trackbacks are left out (``--include-pending`` keeps pending ones); a
comment left out that a kept one answers stays as a stand-in ("[trash]"), by no one.
Old WordPress.com exports use an ``atom:`` prefix they never declare; it is declared
for them. Disqus: threads are declared apart from their posts; deleted and spam posts
are left out. E-mail and IP addresses are read only to tell people apart, never kept.
"""

from __future__ import annotations

import hashlib
import html
import re
import warnings
from typing import Any

from ..errors import ConceptGraphWarning, DatasetError
from ..formats.xmlio import XmlReader
from .clean import html_to_text, quoted_lines_removed, tidy
from .thread import Left, Post, Thread, counted, first_few

__all__ = ["read_wxr", "read_disqus", "sniff_wxr", "sniff_disqus"]


def sniff_wxr(head: bytes) -> bool:
    return b"<rss" in head and b"wordpress.org/export" in head


def sniff_disqus(head: bytes) -> bool:
    return b"<disqus" in head


def _account(*keys: str) -> str:
    """A key that tells people apart, made from what identifies them (an e-mail
    address, a user id) without keeping it."""
    key = next((k.strip().casefold() for k in keys if k and k.strip() and k.strip() != "0"), "")
    return hashlib.sha256(key.encode()).hexdigest()[:16] if key else ""


# What Disqus calls a guest who gave no name
_NO_NAME = frozenset({"", "guest", "anonymous", "anon", "anonymous user"})


def _wp_text(content: str, left: Left | None = None, quotes: list[str] | None = None) -> str:
    """A WordPress text: HTML, or plain text whose blank lines are paragraphs; the
    passages it quotes are counted in ``left`` and added to ``quotes`` when given."""
    if not re.search(r"<[a-zA-Z][^<>]*>", content):
        # a comment typed as plain text quotes as mail does: "> ..." lines and "Bo wrote:" before them
        return tidy(quoted_lines_removed(html.unescape(content), left=left, quotes=quotes))
    marked = re.sub(r"\n\s*\n", "</p><p>", content.strip())
    return html_to_text("<p>" + re.sub(r"(?<!>)\n(?!<)", "<br>", marked) + "</p>", left, quotes)


class _Elements(XmlReader):
    """Collects, for the elements named in ``wanted``, a dict of their children's text
    by local name (a grandchild as ``child/name``, an attribute as ``child@attr``);
    a ``nested`` record inside another is also listed in it under ``<name>``."""

    def __init__(self, file: str, wanted: set[str], nested: set[str]) -> None:
        super().__init__(file)
        self.wanted, self.nested = wanted, nested
        self.found: list[tuple[str, dict[str, Any], int | None]] = []
        self.open: list[tuple[str, dict[str, Any], int | None, int]] = []  # name, record, line, depth

    def start(self, ns: str, tag: str, attrs: dict[str, str]) -> None:
        if tag in self.wanted and (not self.open or tag in self.nested):
            record: dict[str, Any] = {f"@{k.rpartition(' ')[2]}": v for k, v in attrs.items()}
            self.open.append((tag, record, self.line, len(self.path)))
        elif self.open:
            for k, v in attrs.items():
                self.open[-1][1].setdefault(f"{tag}@{k.rpartition(' ')[2]}", v)

    def end(self, ns: str, tag: str, text: str) -> None:
        if not self.open:
            return
        name, record, line, depth = self.open[-1]
        if tag == name and len(self.path) == depth:
            self.open.pop()
            self.found.append((name, record, line))
            if self.open:
                self.open[-1][1].setdefault(f"<{name}>", []).append(record)
        elif len(self.path) == depth + 1:
            record.setdefault(tag, text.strip())
        elif len(self.path) == depth + 2:
            record.setdefault(f"{self.path[-1]}/{tag}", text.strip())


def _parse(data: bytes, file: str, wanted: set[str], nested: set[str]) -> _Elements:
    reader = _Elements(file, wanted, nested)
    try:
        reader.parse(data)
    except DatasetError as e:
        if "unbound prefix" not in e.problem or b"xmlns:atom" in data[:4096]:
            raise
        # WordPress.com wrote atom: elements without declaring the prefix: declare it.
        fixed = re.sub(rb"<rss\b", b'<rss xmlns:atom="http://www.w3.org/2005/Atom"', data, count=1)
        reader = _Elements(file, wanted, nested)
        reader.parse(fixed)
    return reader


def _comment_order(c: dict[str, Any]) -> tuple[str, int, str]:
    """Date, then number: a comment_id that is not a number sorts by its text."""
    cid = str(c.get("comment_id") or "")
    return (c.get("comment_date_gmt") or c.get("comment_date", ""), int(cid) if cid.isdecimal() else 0, cid)


def read_wxr(data: bytes, file: str, include_pending: bool = False) -> tuple[list[Thread], Left]:
    reader = _parse(data, file, {"item", "comment", "author"}, {"comment"})
    authors = {r.get("author_login", ""): r for n, r, _ in reader.found if n == "author"}
    threads, left = [], Left()
    for name, item, line in reader.found:
        if name != "item":
            continue
        if item.get("post_type", "post") not in ("post", "page"):
            continue
        if item.get("status", "publish") not in ("publish", "inherit", ""):
            left["unpublished posts"] += 1
            continue
        login = item.get("creator", "")
        who = authors.get(login, {})
        author = who.get("author_display_name") or login
        key = item.get("post_id") or str(line)
        thread = Thread(key=key, title=html.unescape(item.get("title", "")), url=item.get("link", ""), author=author,
                        date=(item.get("post_date_gmt") or item.get("post_date") or "")[:10])
        thread.posts.append(Post(key="post", author=author, text=_wp_text(item.get("encoded", ""), left), root=True,
                                 date=thread.date, title=thread.title,
                                 # by e-mail first, as a comment is: the author answering in the comments is one person
                                 account=_account(who.get("author_email", ""), login), url=thread.url))
        comments = sorted(item.get("<comment>", []), key=_comment_order)
        for c in comments:
            status = c.get("comment_approved", "1")
            kind = c.get("comment_type", "") or "comment"
            if kind in ("pingback", "trackback"):
                left[kind + "s"] += 1
                continue
            cid = c.get("comment_id", "")
            parent = c.get("comment_parent", "0")
            parent = parent if parent not in ("", "0") else "post"  # ("0": it answers the post)
            gone = "spam" if status == "spam" else "trash" if status in ("trash", "post-trashed") else \
                "pending" if status == "0" and not include_pending else ""
            if gone:  # left out, and kept as a stand-in ("[trash]") while a comment answers it
                thread.posts.append(Post(key=cid, author="", text="", parent=parent, gone=gone))
                continue
            quotes: list[str] = []
            text = _wp_text(c.get("comment_content", ""), left, quotes)
            if not text:
                left["empty"] += 1
                continue
            thread.posts.append(Post(key=cid, author=html.unescape(c.get("comment_author", "")), text=text,
                                     parent=parent,
                                     date=(c.get("comment_date_gmt") or c.get("comment_date", ""))[:10],
                                     account=_account(c.get("comment_author_email", ""), c.get("comment_user_id", "")),
                                     url=f"{thread.url}#comment-{cid}" if thread.url and cid.isdigit() else "",
                                     quotes=quotes))
        threads.append(thread)
    if not threads:
        raise DatasetError("no post or page in this WordPress export", file)
    return threads, left


def read_disqus(data: bytes, file: str) -> tuple[list[Thread], Left]:
    reader = _parse(data, file, {"thread", "post"}, set())
    threads: dict[str, Thread] = {}
    left = Left()
    posts: list[dict[str, Any]] = []
    for name, rec, _ in reader.found:
        if name == "thread" and rec.get("@id"):
            threads[rec["@id"]] = Thread(key=rec["@id"], title=html.unescape(rec.get("title", "")),
                                         url=rec.get("link", ""), author=rec.get("author/name", ""),
                                         date=rec.get("createdAt", "")[:10],
                                         # the page's author, commenting on it, is its author
                                         account=_account(rec.get("author/username", ""),
                                                          rec.get("author/email", "")))
        elif name == "post":
            posts.append(rec)
    posts.sort(key=lambda r: r.get("createdAt", ""))
    for rec in posts:
        if rec.get("isSpam") == "true":
            left["spam"] += 1
            continue
        thread = threads.get(rec.get("thread@id", ""))
        if thread is None:
            left["posts of an unknown thread"] += 1
            continue
        if rec.get("isDeleted") == "true":  # a stand-in while replies answer it
            thread.posts.append(Post(key=rec.get("@id", ""), author="", text="", parent=rec.get("parent@id"),
                                     date=rec.get("createdAt", "")[:10], gone="deleted"))
            continue
        quotes: list[str] = []
        text = html_to_text(rec.get("message", ""), left, quotes)
        if not text:
            left["empty"] += 1
            continue
        pid, parent = rec.get("@id", ""), rec.get("parent@id")
        anonymous = rec.get("author/isAnonymous") == "true"
        name = rec.get("author/name", "")
        if anonymous and name.strip().casefold() in _NO_NAME:
            name = ""  # Disqus's "Guest": each such comment is a person of its own, unnamed
        # a guest (no account) is known by the name they typed, within one thread: two guests of
        # one name on two pages are not known to be one person (--same-person joins them)
        guest = f"disqus-guest:{thread.key}:{' '.join(name.casefold().split())}" if anonymous and name else ""
        thread.posts.append(Post(key=pid, author=name, text=text,
                                 parent=parent, date=rec.get("createdAt", "")[:10],
                                 account=guest if anonymous else _account(rec.get("author/username", ""),
                                                                          rec.get("author/email", "")),
                                 url=f"{thread.url}#comment-{pid}" if thread.url and pid.isdigit() else "",
                                 quotes=quotes))
    found = [t for t in threads.values() if t.posts]
    if not found:
        raise DatasetError("no comments in this Disqus export", file)
    pages: dict[str, set[str]] = {}  # a guest's name -> the pages it comments on
    for t in found:
        for p in t.posts:
            if p.account.startswith("disqus-guest:"):
                pages.setdefault(p.author, set()).add(t.key)
    if apart := sorted(name for name, on in pages.items() if len(on) > 1):
        warnings.warn(ConceptGraphWarning(
            f"{file}: {counted(apart, 'guest name')} (no account) on several pages ({first_few(apart)}): a person "
            "on each page, as no account says they are one (--same-person joins them, by id)"), stacklevel=2)
    for t in found:  # the page's title, on its first comment: what the comments discuss
        if t.title and not any(p.title for p in t.posts):
            next((p for p in t.posts if not p.parent), t.posts[0]).title = t.title
    return found, left
