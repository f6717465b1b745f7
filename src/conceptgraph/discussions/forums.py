"""Discourse topics and Reddit threads, as their JSON exports hold them.

Discourse (``/t/ID.json`` or ``/t/ID/posts.json``): posts are numbered by the forum
(``post 14``), ``reply_to_post_number`` is the reply, ``cooked`` is the HTML (quotes in
``<aside class="quote">`` left out; ``raw`` Markdown with ``[quote]`` when that is all
there is); deleted and hidden posts and small actions ("closed the topic") are left out.

Reddit (the thread's address + ``.json``): the submission is the post, the comment tree
the replies (``parent_id``); ``[deleted]`` and ``[removed]`` comments are left out, and
``more`` stubs (comments the export did not load) are counted.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import DatasetError, excerpt
from ..formats.common import load_json
from .clean import html_to_text, markdown_to_text, passages
from .thread import Left, Post, Thread, utc_day

__all__ = ["read_discourse", "read_reddit", "sniff_discourse", "sniff_reddit"]


def sniff_discourse(head: bytes) -> bool:
    return head.lstrip().startswith(b"{") and b'"post_stream"' in head


def sniff_reddit(head: bytes) -> bool:
    start = head.lstrip()
    return start.startswith(b"[") and b'"Listing"' in head and b'"t3"' in head


def _object(value: Any, what: str, file: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise DatasetError(f"expected {what}", file)
    return value


def _int(value: Any) -> int | None:
    """An integer as JSON gives it (not a boolean, not a float), else None."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def read_discourse(data: bytes, file: str, include_bots: bool = False) -> tuple[list[Thread], Left]:
    doc = _object(load_json(data, file), "a Discourse topic (an object with post_stream)", file)
    stream = _object(doc.get("post_stream"), 'a "post_stream" object', file)
    posts = stream.get("posts")
    if not isinstance(posts, list):
        raise DatasetError('"post_stream.posts" must be a list', file)
    details = doc.get("details")
    created = details.get("created_by") if isinstance(details, dict) else None
    created = created if isinstance(created, dict) else {}
    thread = Thread(key=str(doc.get("id", file)), title=str(doc.get("title") or doc.get("fancy_title") or ""),
                    author=str(created.get("name") or created.get("username") or ""),
                    date=str(doc.get("created_at") or "")[:10], account=str(created.get("username") or "").casefold())
    numbered: list[tuple[int, dict[str, Any]]] = []
    for p in posts:
        if not isinstance(p, dict):
            continue
        number = _int(p.get("post_number"))
        if number is None:
            raise DatasetError(f"a post without a post_number ({excerpt(p.get('id'))})", file)
        numbered.append((number, p))
    numbered.sort(key=lambda np: np[0])
    # A page of a long topic holds some of its posts: a reply to one elsewhere answers no
    # post here, and the page's first poster is the topic's author only if they are.
    here = {number for number, _ in numbered}
    left = Left()
    for number, p in numbered:
        if p.get("post_type", 1) != 1:
            left["small actions"] += 1
            continue
        if p.get("deleted_at") or p.get("user_deleted"):
            left["deleted"] += 1
            continue
        if p.get("hidden"):
            left["hidden"] += 1
            continue
        user = p.get("user_id")
        if isinstance(user, int) and not isinstance(user, bool) and user < 0 and not include_bots:
            left["bots"] += 1  # Discourse's own accounts: system (-1), discobot (-2)
            continue
        cooked, raw = p.get("cooked"), p.get("raw")
        quotes: list[str] = []
        if isinstance(cooked, str) and cooked:
            text = html_to_text(cooked, left, quotes)
        elif isinstance(raw, str):
            text = markdown_to_text(_without_quotes(raw, quotes), left, quotes=quotes)
            quotes[:] = passages(quotes)
        else:
            text = ""
        if not text:
            left["empty"] += 1
            continue
        reply = _int(p.get("reply_to_post_number"))
        if reply is None:  # it answers the topic
            parent = 1 if 1 in here and number != 1 else None
        else:
            parent = reply if reply in here else None
        username = str(p.get("username") or "")
        thread.posts.append(Post(key=str(number), author=str(p.get("name") or username), text=text,
                                 parent=None if parent is None else str(parent), date=str(p.get("created_at") or "")[:10],
                                 account=username.casefold(), root=number == 1, place=f"post {number}", quotes=quotes,
                                 # (a post's version counts its edits, past the grace period Discourse allows)
                                 edited=(str(p.get("updated_at") or "")[:10] or "yes")
                                 if (_int(p.get("version")) or 1) > 1 else ""))
    if not thread.posts:
        raise DatasetError("no post to read in this Discourse topic", file)
    return [thread], left


_QUOTE_OPEN = re.compile(r"\[quote(?:=[^\[\]\n]*)?\]", re.I)
_QUOTE_CLOSE = re.compile(r"\[/quote\]", re.I)


def _without_quotes(raw: str, quotes: list[str] | None = None) -> str:
    """Discourse raw Markdown without its ``[quote]...[/quote]`` blocks, read in one
    pass (nested quotes counted), so that unclosed ones cost no more than their length;
    each block's words (its own quotes left out) added to ``quotes`` when given.

    >>> quoted = []
    >>> _without_quotes('[quote="ann, post:2, topic:7"]\\nX is Y.\\n[/quote]\\nAgreed.', quoted), quoted
    ('\\nAgreed.', ['\\nX is Y.\\n'])
    """
    out: list[str] = []
    depth, pos = 0, 0
    marks = sorted([(m.start(), m.end(), 1) for m in _QUOTE_OPEN.finditer(raw)]
                   + [(m.start(), m.end(), -1) for m in _QUOTE_CLOSE.finditer(raw)])
    opened = 0
    said: list[str] = []  # the words of the open quote, its own quotes left out
    for start, end, step in marks:
        if depth == 0:
            out.append(raw[pos:start])
            opened = start
        elif depth == 1:
            said.append(raw[pos:start])
            if step < 0 and quotes is not None:
                quotes.append("".join(said))
        if step > 0 or depth > 0:  # a [/quote] that closes nothing is dropped
            depth += step
        if depth == 0:
            said = []
        pos = end
    out.append(raw[pos:] if depth == 0 else raw[opened:])  # an unclosed [quote] stays text
    return "".join(out)


_GONE = {"[deleted]", "[removed]"}
_BOTS = {"automoderator"}


#: Where a Reddit permalink ("/r/.../comments/...") is
_REDDIT = "https://www.reddit.com"


def read_reddit(data: bytes, file: str, include_bots: bool = False) -> tuple[list[Thread], Left]:
    doc = load_json(data, file)
    if not (isinstance(doc, list) and len(doc) >= 2 and all(isinstance(x, dict) for x in doc[:2])):
        raise DatasetError("expected a Reddit thread: a list of two listings (the post, its comments)", file)
    try:
        sub = doc[0]["data"]["children"][0]["data"]
    except (KeyError, IndexError, TypeError):
        sub = None
    if not isinstance(sub, dict):
        raise DatasetError("the first listing holds no submission", file)
    author = str(sub.get("author") or "")
    left = Left()
    quotes: list[str] = []
    body = markdown_to_text(str(sub.get("selftext") or ""), left, quotes=quotes)
    if not body and sub.get("url"):
        body = str(sub["url"])
    thread = Thread(key=str(sub.get("name") or file), title=markdown_to_text(str(sub.get("title") or "")),
                    url=_REDDIT + str(sub.get("permalink") or ""), author=author,
                    date=utc_day(sub.get("created_utc")))
    thread.posts.append(Post(key=str(sub.get("name") or "t3"), author=author, text=body or thread.title, root=True,
                             date=thread.date, title=thread.title, account=author.casefold(),
                             url=thread.url if sub.get("permalink") else "", score=_int(sub.get("score")),
                             quotes=passages(quotes), edited=_reddit_edited(sub.get("edited"))))
    # depth first, in the order Reddit shows them; each with the comment it is nested under,
    # which is what it answers, whatever its parent_id says (an edited file's may name none)
    stack = [(kind, c, "") for kind, c in reversed(_children(doc[1]))]
    while stack:
        kind, c, nest = stack.pop()
        if kind == "more":
            left["comments not loaded (more)"] += _more(c)
            continue
        if kind != "t1":
            continue
        who, text = str(c.get("author") or ""), str(c.get("body") or "")
        replies = c.get("replies")
        here = str(c.get("name") or "")
        stack.extend((k, r, here) for k, r in reversed(_children(replies)) if isinstance(replies, dict))
        if text.strip() in _GONE:  # a stand-in while replies answer it
            thread.posts.append(Post(key=str(c.get("name") or f"comment {len(thread.posts)}"), author="", text="",
                                     parent=nest or str(c.get("parent_id") or ""), date=utc_day(c.get("created_utc")),
                                     gone=text.strip().strip("[]")))
            continue
        if who.casefold() in _BOTS and not include_bots:
            left["bots"] += 1
            continue
        quotes = []
        text = markdown_to_text(text, left, quotes=quotes)
        if not text:
            left["empty"] += 1
            continue
        name = str(c.get("name") or f"comment {len(thread.posts)}")
        parent = nest or str(c.get("parent_id") or "")
        link = str(c.get("permalink") or "")
        thread.posts.append(Post(key=name, author="" if who in _GONE else who, text=text,
                                 parent=parent, date=utc_day(c.get("created_utc")),
                                 account="" if who in _GONE else who.casefold(),
                                 url=_REDDIT + link if link.startswith("/") else "", score=_int(c.get("score")),
                                 quotes=passages(quotes), edited=_reddit_edited(c.get("edited"))))
    return [thread], left


def _more(stub: dict[str, Any]) -> int:
    """How many comments a ``more`` stub stands for: its count when that is a sane
    number, else the ids it lists."""
    count = stub.get("count")
    if isinstance(count, (int, float)) and not isinstance(count, bool) and 0 <= count < 10**9:
        return int(count)
    children = stub.get("children")
    return len(children) if isinstance(children, list) else 0


def _children(listing: Any) -> list[tuple[str, dict[str, Any]]]:
    try:
        return [(str(ch.get("kind")), ch["data"]) for ch in listing["data"]["children"]
                if isinstance(ch, dict) and isinstance(ch.get("data"), dict)]
    except (KeyError, TypeError):
        return []


def _reddit_edited(value: Any) -> str:
    """Reddit's ``edited``: false, or the Unix time of the last edit (true in old exports).

    >>> _reddit_edited(False), _reddit_edited(1714560000.0), _reddit_edited(True)
    ('', '2024-05-01', 'yes')
    """
    if value is True:
        return "yes"
    if isinstance(value, (int, float)) and value:
        return utc_day(value) or "yes"
    return ""
