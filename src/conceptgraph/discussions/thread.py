"""The neutral shape every discussion export is read into, and how it becomes a dataset.

An importer turns its file into :class:`Thread` records: each :class:`Post` with its
speaker as written, a key for the account (to tell two people of one name apart and
one person of two spellings together; never stored), its plain text, and the key of
the post it answers. :func:`to_dataset` then names the places (``post``, ``comment
4``, ``reply 2 to comment 4``, or the format's own), makes one contributor per person,
and counts what was left out and why.

>>> t = Thread(key="t", title="Lunch", posts=[
...     Post(key="1", author="Ann", text="Soup or salad?", root=True),
...     Post(key="2", author="Bo", text="Soup.", parent="1"),
...     Post(key="3", author="Ann", text="Soup it is.", parent="2")])
>>> ds, summary = to_dataset([t], "lunch.txt")
>>> [(m.id, m.where, m.reply_to) for m in ds.messages]  # doctest: +NORMALIZE_WHITESPACE
[('post', 'post', ''), ('comment-1', 'comment 1', 'post'),
 ('reply-1-to-comment-1', 'reply 1 to comment 1', 'comment-1')]
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..model import Dataset

__all__ = ["Post", "Thread", "Left", "to_dataset", "slug", "unique_id", "UNNAMED"]

UNNAMED = "unnamed commenter"


@dataclass
class Post:
    """One message as an importer found it."""

    key: str
    author: str
    text: str
    parent: str | None = None
    date: str = ""
    account: str = ""
    root: bool = False
    #: The place, when the format numbers its own (Discourse "post 14", mail "message 3").
    place: str = ""
    title: str = ""
    #: "respondent" for answers quoted in the post itself; else decided by position.
    role: str = ""


@dataclass
class Thread:
    key: str
    title: str = ""
    url: str = ""
    author: str = ""
    date: str = ""
    posts: list[Post] = field(default_factory=list)


class Left(Counter[str]):
    """How many messages were left out, by reason ("spam", "deleted", "bots"...)."""


def slug(text: str) -> str:
    """An id made of lowercase letters, digits and hyphens.

    >>> slug("Mary Alice Arthur"), slug("“Summer plans” › comment 4")
    ('mary-alice-arthur', 'summer-plans-comment-4')
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[^\w]+", "-", text).strip("-_") or "x"


def _places(thread: Thread) -> dict[str, str]:
    """Each post's place: ``post`` for the root, ``comment N`` for answers to it,
    ``reply K to <parent's place>`` for answers to a comment; a format's own numbering
    wins where it has one."""
    places: dict[str, str] = {}
    children: dict[str | None, int] = Counter()
    top = 0
    for p in thread.posts:
        if p.place:
            places[p.key] = p.place
        elif p.root:
            places[p.key] = "post"
        elif p.parent is None or p.parent not in places or places.get(p.parent) == "post":
            top += 1
            places[p.key] = f"comment {top}"
        else:
            children[p.parent] += 1
            places[p.key] = f"reply {children[p.parent]} to {places[p.parent]}"
    return places


def _parents_first(posts: list[Post]) -> list[Post]:
    """The posts in their order, except that a reply never comes before what it answers;
    a reply to a post that is not in the thread (left out, or never exported) answers
    the thread's first post."""
    keys = {p.key for p in posts}
    root = next((p.key for p in posts if p.root), None)
    children: dict[str | None, list[Post]] = {}
    for p in posts:
        if p.parent is not None and (p.parent not in keys or p.parent == p.key):
            p.parent = root if root != p.key else None  # what it answered is gone: it answers the thread
        children.setdefault(p.parent, []).append(p)
    out: list[Post] = []
    placed: set[str] = set()
    for p in posts:
        if p.key in placed or (p.parent is not None and p.parent not in placed):
            continue
        stack = [p]
        while stack:  # p, then its replies in their order, depth first
            q = stack.pop()
            if q.key in placed:
                continue
            placed.add(q.key)
            out.append(q)
            stack.extend(reversed(children.get(q.key, [])))
    out += [p for p in posts if p.key not in placed]  # a cycle of replies: kept, in their order
    return out


def _person_key(p: Post, where: str) -> str:
    """Who wrote ``p``: its account, else its name; two unsigned posts are two people."""
    return p.account or " ".join(p.author.casefold().split()) or f"\0unnamed {where}"


def to_dataset(threads: list[Thread], name: str, left: Left | None = None) -> tuple[Dataset, dict[str, Any]]:
    """The dataset of ``threads`` (source, contributors, messages) and a summary of the
    import: threads, messages, speakers, replies, and what was left out and why."""
    from ..model import Contributor, Dataset, Message, Source

    left = left if left is not None else Left()
    for thread in threads:  # a message with no words of its own (all quote, or blank) is left out
        gone = {p.key: p.parent for p in thread.posts if not p.text.strip()}
        if gone:
            left["empty"] += len(gone)
            kept = [p for p in thread.posts if p.key not in gone]
            for p in kept:
                while p.parent in gone:  # answer what the empty one answered
                    p.parent = gone[p.parent]
            thread.posts = kept
    threads = [t for t in threads if t.posts]
    for thread in threads:
        thread.posts = _parents_first(thread.posts)
    several = len(threads) > 1
    people: dict[str, dict[str, Any]] = {}  # person key -> name, places, role
    messages: list[Message] = []
    ids: set[str] = set()
    taken: set[str] = set()
    replies = 0
    for thread in threads:
        places = _places(thread)
        root_author = next((_person_key(p, places[p.key]) for p in thread.posts if p.root), None)
        msg_id: dict[str, str] = {}
        for p in thread.posts:
            where = places[p.key]
            if several:
                where = f"“{thread.title or thread.key}” › {where}"
            ident = unique_id(slug(where), ids)
            msg_id[p.key] = ident
            key = _person_key(p, places[p.key])
            person = people.get(key)
            if person is None:
                name = p.author or (f"unnamed author ({where})" if p.root else f"{UNNAMED} ({where})")
                person = people[key] = {"name": name, "places": [], "role": "commenter",
                                        "id": unique_id(slug(p.author) if p.author else slug(f"unnamed {where}"), taken)}
            person["places"].append(where)
            if key == root_author:
                person["role"] = "author"
            elif p.role and person["role"] == "commenter":
                person["role"] = p.role
            reply_to = msg_id.get(p.parent or "", "")
            replies += bool(reply_to)
            messages.append(Message(ident, person["id"], where, p.text, reply_to, p.date, p.title))
    first = threads[0] if threads else Thread(key=name)
    source = Source(title=(first.title if not several else name) or name,
                    author=first.author if not several else "", date=first.date if not several else "",
                    url=first.url if not several else "")
    contributors = tuple(Contributor(v["id"], v["name"], v["role"], tuple(v["places"])) for v in people.values())
    ds = Dataset(source=source, contributors=contributors, messages=tuple(messages))
    summary = {"threads": len(threads), "messages": len(messages), "speakers": len(contributors),
               "replies": replies, "left_out": dict(sorted(left.items()))}
    return ds, summary


def unique_id(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... the first not in ``taken`` (which it joins)."""
    ident, k = base, 1
    while ident in taken:
        k += 1
        ident = f"{base}-{k}"
    taken.add(ident)
    return ident
