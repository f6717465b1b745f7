"""Hacker News threads, as its two APIs give them.

Algolia's (``hn.algolia.com/api/v1/items/ID``): the story with its comment tree nested
in ``children``; or its search's ``hits`` (``search?tags=comment,story_ID``). The
official one (``hacker-news.firebaseio.com/v0/item/ID.json``): one item per answer,
saved one after another as a JSON list or JSON Lines; each comment names its
``parent``. Text is HTML, and a paragraph that starts with ``>`` quotes
another (left out and counted, as HN readers read it). A deleted comment that someone
answered stays as a stand-in; dead (flagged) comments are left out and counted.

>>> doc = b'{"id": 1, "type": "story", "author": "ann", "title": "Bug or defect?", "story_id": 1,'
>>> doc += b' "text": "Same thing?", "children": [{"id": 2, "type": "comment", "author": "bo",'
>>> doc += b' "parent_id": 1, "text": "<p>&gt; Same thing?<p>No: a defect is found.", "children": []}]}'
>>> [thread], left = read_hackernews(doc, "hn.json")
>>> [(p.author, p.text) for p in thread.posts], dict(left)  # (U+E001 marks where the quote stood)
([('ann', 'Same thing?'), ('bo', '\\ue001\\n\\nNo: a defect is found.')], {"quoted lines (others' words)": 1})
"""

from __future__ import annotations

import html
import re
import warnings
from typing import Any

from ..errors import ConceptGraphWarning, DatasetError
from ..formats.common import load_documents
from .clean import html_to_text, quoted_lines_removed
from .thread import Left, Post, Thread, counted, first_few, number, utc_day

__all__ = ["read_hackernews", "sniff_hackernews"]

_ITEM = "https://news.ycombinator.com/item?id="


def sniff_hackernews(head: bytes) -> bool:
    start = head.lstrip()[:1]
    algolia = start == b"{" and b'"story_id"' in head and (b'"children"' in head or b'"hits"' in head)
    official = start in (b"{", b"[") and b'"by"' in head and b'"time"' in head and (
        b'"kids"' in head or b'"parent"' in head or b'"descendants"' in head)
    return algolia or official


def read_hackernews(data: bytes, file: str) -> tuple[list[Thread], Left]:
    """The story of a Hacker News file and its comments, a thread. A comment under an id
    another has, with other words, is a comment of its own (a reply naming that id
    answers the first, unless Algolia's tree nests it under the second); the same comment
    twice is read once. A live comment without its author is warned of."""
    items, nested_in = _items(data, file)
    left = Left()
    story = next((i for i in items if i.get("type") in ("story", "job", "poll") or i.get("parent") is None
                  and i.get("parent_id") is None), None)
    if story is None:
        raise DatasetError("no story in this Hacker News file (an item of type story, with no parent)", file)
    key = str(story.get("id") or "story")
    author = str(story.get("by") or story.get("author") or "")
    title = html_to_text(str(story.get("title") or ""))
    thread = Thread(key=key, title=title, url=_ITEM + key if story.get("id") is not None else "", author=author,
                    date=_date(story))
    body = _text(story.get("text"), left) or str(story.get("url") or "") or title
    thread.posts.append(Post(key=key, author=author, text=body, root=True, date=thread.date, title=title,
                             account=author.casefold(), score=_int(story.get("score", story.get("points"))),
                             url=thread.url))
    key_of = {id(story): key}  # each item's key, for the replies nested in it
    said: dict[str, tuple[str, object]] = {}  # id -> who wrote it and its words: a copy, or another comment
    again: dict[str, int] = {}
    twice: list[str] = []  # the ids given to two comments of other words
    unsigned: list[str] = []  # live comments without an author
    for item in items:
        if item is story or item.get("type") not in (None, "comment"):
            if item is not story and item.get("type") == "pollopt":
                left["poll options"] += 1
            continue
        parent = item.get("parent", item.get("parent_id"))
        nest = nested_in.get(id(item))
        if nest is not None and id(nest) in key_of and (parent is None or str(parent) == str(nest.get("id"))):
            parent = key_of[id(nest)]  # the one it is nested in, under the key that one was read by
        given = str(item["id"]) if item.get("id") is not None else ""
        ident = given or f"#{len(thread.posts)}"
        who = str(item.get("by") or item.get("author") or "")
        if given in said:
            if said[given] == (who, item.get("text")):  # the same comment again (two files of one thread, joined)
                left["copies of a comment (its id again, with the same writer and words)"] += 1
                key_of[id(item)] = given
                continue
            again[given] = again.get(given, 1) + 1
            ident = f"{given}#{again[given]}"
            twice.append(given)
        elif given:
            said[given] = (who, item.get("text"))
        key_of[id(item)] = ident
        if item.get("deleted") or (not who and item.get("text") is None):
            thread.posts.append(Post(key=ident, author="", text="", parent=str(parent), date=_date(item),
                                     gone="deleted"))
            continue
        if item.get("dead"):
            left["dead (flagged) comments"] += 1
            continue
        quotes: list[str] = []
        text = _text(item.get("text"), left, quotes)
        if not text:
            left["empty"] += 1
            continue
        if not who:  # its words are there, so it is no deleted account: the export lost its author
            unsigned.append(given or "one without an id")
        thread.posts.append(Post(key=ident, author=who, text=text, parent=None if parent is None else str(parent),
                                 date=_date(item), account=who.casefold(),
                                 # (a second comment under one id: that id's address shows the first)
                                 url=_ITEM + given if given and ident == given else "", quotes=quotes))
    if twice:
        warnings.warn(ConceptGraphWarning(
            f"{file}: {counted(twice, 'comment')} under an id an earlier comment has, with other words "
            f"({first_few([*dict.fromkeys(twice)])}): each read as a comment of its own; a reply naming that id "
            "answers the first, unless nested under another"), stacklevel=2)
    if unsigned:
        warnings.warn(ConceptGraphWarning(
            f"{file}: {counted(unsigned, 'comment')} with words but no author, not deleted "
            f"({first_few([*dict.fromkeys(unsigned)])}): each read as an unnamed commenter of its own"), stacklevel=2)
    return [thread], left


def _items(data: bytes, file: str) -> tuple[list[dict[str, Any]], dict[int, dict[str, Any]]]:
    """Every item of the file, depth first in the order HN shows them: Algolia's nested
    tree, or the official API's items (a list, or JSON Lines); and the item each is
    nested in (by ``id()``), in Algolia's tree."""
    docs = load_documents(data, file)  # one document, or one item per line
    doc: Any = docs[0] if len(docs) == 1 else docs
    if isinstance(doc, dict) and isinstance(doc.get("hits"), list):
        doc = _from_hits(doc["hits"])
    roots = doc if isinstance(doc, list) else [doc]
    out: list[dict[str, Any]] = []
    nested_in: dict[int, dict[str, Any]] = {}
    stack = list(reversed(roots))
    seen: set[int] = set()
    while stack:
        item = stack.pop()
        if not isinstance(item, dict) or id(item) in seen:
            continue
        seen.add(id(item))
        out.append(item)
        children = item.get("children")
        if isinstance(children, list):
            stack.extend(reversed(children))
            nested_in.update((id(c), item) for c in children if isinstance(c, dict) and id(c) not in seen)
    if not out:
        raise DatasetError("expected Hacker News items: a story with its comments (Algolia's items API, or the "
                           "official API's items as a list or one per line)", file)
    return out, nested_in


def _from_hits(hits: list[Any]) -> list[dict[str, Any]]:
    """Algolia's search answers (``search?tags=comment,story_ID``) as items: each hit's
    ``comment_text`` or ``story_text``; the story made from what its comments say of it
    when the search did not return it."""
    items = []
    for h in hits:
        if not isinstance(h, dict):
            continue
        tags: list[Any] = h["_tags"] if isinstance(h.get("_tags"), list) else []
        story = "story" in tags and h.get("parent_id") is None
        items.append({"id": h.get("objectID", h.get("story_id")), "type": "story" if story else "comment",
                      "author": h.get("author"), "title": h.get("title"), "url": h.get("url"),
                      "text": h.get("story_text") if story else h.get("comment_text"), "parent_id": h.get("parent_id"),
                      "points": h.get("points"), "created_at_i": h.get("created_at_i"),
                      "story_id": h.get("story_id")})
    if items and not any(i["type"] == "story" for i in items):
        first = next((h for h in hits if isinstance(h, dict) and h.get("story_id") is not None), None)
        if first is not None:
            items.insert(0, {"id": first["story_id"], "type": "story", "author": None, "title": first.get("story_title"),
                             "url": first.get("story_url"), "text": None})
    # a search lists the newest first: the thread reads oldest first, replies after what they answer
    return sorted(items, key=lambda i: (i["type"] != "story", number(i.get("created_at_i"))))


def _text(markup: Any, left: Left, quotes: list[str] | None = None) -> str:
    """A comment's words: HN's HTML, without the paragraphs that quote another (``>``),
    which are added to ``quotes`` when given."""
    if not isinstance(markup, str) or not markup:
        return ""
    # (not tidy(): it would take the indentation off a <pre> block)
    text = quoted_lines_removed(html_to_text(_whole_addresses(markup), left), left=left, quotes=quotes)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


# A link in HN's HTML: its address, and the text it shows
_LINK = re.compile(r'(<a\s[^>]{0,400}?href="([^"]{1,4000})"[^>]{0,400}>)([^<]{4,4000})(</a>)', re.I)


def _whole_addresses(markup: str) -> str:
    """HN's HTML, each link whose text is its address shortened ("https://x.org/a-lo...",
    as HN shows a long one) showing the whole address, so that it is written once.

    >>> _whole_addresses('<a href="https:&#x2F;&#x2F;x.org&#x2F;a-long-page">https:&#x2F;&#x2F;x.org&#x2F;a-lo...</a>')
    '<a href="https:&#x2F;&#x2F;x.org&#x2F;a-long-page">https:&#x2F;&#x2F;x.org&#x2F;a-long-page</a>'
    """
    if "...</a>" not in markup:
        return markup

    def whole(m: re.Match[str]) -> str:
        address, shown = html.unescape(m.group(2)), html.unescape(m.group(3)).strip()
        if shown.endswith("...") and address.startswith(shown[:-3]):
            return m.group(1) + m.group(2) + m.group(4)
        return m.group(0)

    return _LINK.sub(whole, markup)


def _date(item: dict[str, Any]) -> str:
    when = item.get("time", item.get("created_at_i"))
    if isinstance(when, (int, float)) and not isinstance(when, bool):
        return utc_day(when)
    return str(item.get("created_at") or "")[:10]


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
