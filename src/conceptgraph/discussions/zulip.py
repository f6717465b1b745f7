"""Zulip: the messages its REST API gives (``GET /api/v1/messages``, saved as JSON: the
answer with its ``messages``, or the list alone), as a researcher saves a stream's topic.

Each topic of a stream is a thread (``#stream > topic``), its messages ``message N`` in
order; the private messages of one group of people are one thread too. Zulip has no
replies, but its "quote and reply" names the message it quotes (``[said](.../near/ID)``):
that message is the one answered, and the quoted passage (a ``quote`` block, or the
``<blockquote>`` of rendered HTML) is someone else's words, left out and counted, and so
is the "Ann said:" line Zulip writes over it. A
mention reads as ``@Name`` (a silent one, ``@_**Name**``, as the name). The content is
Markdown (``apply_markdown=false``) or the HTML Zulip renders by default. Bots
(``...-bot@`` addresses: the notification bot, integrations) are left out unless
``--include-bots``. A message given twice (two pages saved) is read once, counted; two
messages of one id, of another sender or other words, are both kept, and said. A quote
and reply to a message the file does not hold answers the topic's first message, its
missing parent counted. A message without its ``sender_full_name`` is named as its
sender's other messages name them; one without it or its ``content`` is said.

>>> import json
>>> said = {"sender_email": "x@x.org", "display_recipient": "general", "subject": "naming",
...         "content_type": "text/x-markdown"}
>>> doc = json.dumps({"messages": [
...     {**said, "id": 1, "sender_full_name": "Ann Lee", "timestamp": 1729150000,
...      "content": "Is a *claim* a conjecture?"},
...     {**said, "id": 2, "sender_full_name": "Bo Chen", "timestamp": 1729150100,
...      "content": "@_**Ann Lee|7** [said](https://x.zulipchat.com/#narrow/near/1):\\n```quote\\nA claim?\\n```\\nNo."},
... ]}).encode()
>>> [thread], left = read_zulip(doc, "naming.json")
>>> thread.title, [(p.author, p.text, p.parent) for p in thread.posts]
('#general > naming', [('Ann Lee', 'Is a claim a conjecture?', None), ('Bo Chen', 'No.', '1')])
"""

from __future__ import annotations

import re
import warnings
from typing import Any

from ..errors import ConceptGraphWarning, DatasetError, excerpt
from ..formats.common import load_json
from .clean import QUOTED_PASSAGES, html_to_text, markdown_to_text, passages, tidy
from .thread import Left, Post, Thread, copies_of, known_minute, number, votes

__all__ = ["read_zulip", "sniff_zulip"]

#: What a message given again is counted as
COPIES = copies_of("message")


def sniff_zulip(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return start in (b"{", b"[") and b'"sender_full_name"' in head and (b'"display_recipient"' in head
                                                                      or b'"subject"' in head)


def read_zulip(data: bytes, file: str, include_bots: bool = False) -> tuple[list[Thread], Left]:
    """The threads (one per stream topic, or per group of private messages) of a saved
    answer of Zulip's messages API."""
    doc = load_json(data, file)
    messages = doc.get("messages") if isinstance(doc, dict) else doc
    if not isinstance(messages, list):
        raise DatasetError('expected Zulip\'s messages API answer: an object with "messages", or their list', file)
    left = Left()
    threads: dict[str, Thread] = {}
    place_of: dict[str, dict[str, str]] = {}  # thread key -> message id -> its place
    given = [m for m in messages if isinstance(m, dict)]
    held = {str(m.get("id")) for m in given if m.get("id") is not None}  # what a quote and reply may name
    names: dict[str, str] = {}  # sender id -> the name their messages give (one without it is theirs too)
    for m in given:
        if m.get("sender_id") is not None and m.get("sender_full_name"):
            names.setdefault(str(m.get("sender_id")), str(m.get("sender_full_name")))
    first: dict[str, tuple[str, str]] = {}  # message id -> its sender and words: a copy, or another message
    again: dict[str, int] = {}  # message id -> the messages of another sender or words given it too
    faults: dict[str, list[tuple[str, str]]] = {}  # a field missing -> the messages without it (id, name given)
    for m in sorted(given, key=lambda m: (number(m.get("timestamp")), number(m.get("id")))):
        key, title = _topic(m)
        ident = str(m.get("id")) if m.get("id") is not None else ""
        said = (str(m.get("sender_id") or m.get("sender_email") or ""), str(m.get("content") or ""))
        if ident in first:
            if first[ident] == said:  # saved twice (two pages): read once
                left[COPIES] += 1
                continue
            again[ident] = again.get(ident, 0) + 1  # another message under its id: kept, under a key of its own
            ident = f"{ident}#{again[ident]}"
        elif ident:
            first[ident] = said
        if _BOT.search(str(m.get("sender_email") or "")) and not include_bots:
            left["bots"] += 1
            continue
        author = str(m.get("sender_full_name") or names.get(str(m.get("sender_id")), ""))
        for field in ("content", "sender_full_name"):
            if field not in m:
                faults.setdefault(field, []).append((ident.split("#")[0] or "?", author))
        raw = str(m.get("content") or "")
        quoted = _QUOTED_ID.search(raw[:_SAID_WITHIN])
        quotes: list[str] = []
        text = tidy(_text(raw, str(m.get("content_type") or ""), left, quotes))
        if quoted:  # "Ann Lee said:" over the quote: the words Zulip writes for a quote and reply
            text = tidy(_SAID_LINE.sub("", text, count=1))
        text = text.removeprefix("/me ")  # "/me waves": Zulip shows "Ann waves"
        if not text:
            left["empty"] += 1
            continue
        thread = threads.setdefault(key, Thread(key=key, title=title))
        places = place_of.setdefault(key, {})
        ident = ident or f"#{len(thread.posts)}"
        parent = (quoted.group(1) or quoted.group(2)) if quoted else None
        if parent in held and parent not in places:  # (a bot's, or another topic's): it answers no one
            parent = None
        places[ident] = f"message {len(places) + 1}"
        when = number(m.get("timestamp"))
        # one not in the file stays named: to_dataset counts it missing, and the reply answers the topic
        thread.posts.append(Post(key=ident, author=author, text=text, parent=parent if parent != ident else None,
                                 date=known_minute(when),
                                 account=str(m.get("sender_id") or m.get("sender_email") or ""),
                                 place=places[ident], root=not thread.posts,
                                 score=votes(m.get("reactions"), lambda r: r.get("emoji_name")), quotes=quotes,
                                 # (its topic moved, no word changed, is no edit: Zulip's own "(edited)" too)
                                 edited=known_minute(number(m.get("last_edit_timestamp")))
                                 or ("yes" if any(isinstance(e, dict) and "prev_content" in e
                                                  for e in m.get("edit_history") or ()) else "")))
    out = [t for t in threads.values() if t.posts]
    if not out:
        raise DatasetError("no message to read in this Zulip answer", file)
    _said(file, again, faults)
    for t in out:
        t.author, t.date = t.posts[0].author, t.posts[0].date
    return out, left


def _said(file: str, again: dict[str, int], faults: dict[str, list[tuple[str, str]]]) -> None:
    """Warns of the messages given an id another has, and of those without a field (each
    its id and the name it is given), one line for each fault."""
    lines = []
    if again:
        lines.append((list(again), "under an id an earlier message has, with another sender or other words",
                      "each read as a message of its own; a quote and reply naming that id answers the first"))
    for field, given in faults.items():
        names = list(dict.fromkeys(name for _, name in given if name))
        what = "no words to read (left out as empty)" if field == "content" else "; ".join(
            ([f"named as the sender's other messages name them ({excerpt(', '.join(names), 60)})"] if names else [])
            + (["no other message names the sender: an unnamed commenter's"] if len(names) < len(given) else []))
        lines.append(([i for i, _ in given], f'without "{field}"', what))
    for ids, fault, what in lines:
        n = len(ids)
        shown = ", ".join(excerpt(i, 20) for i in ids[:3]) + (", ..." if n > 3 else "")
        warnings.warn(ConceptGraphWarning(f"{file}: {n} message{'s' if n > 1 else ''} {fault} "
                                          f"(id{'s' if n > 1 else ''} {shown}): {what}"), stacklevel=3)


# Zulip's own bots and integrations write from "...-bot@" addresses
_BOT = re.compile(r"-bot@|^notification-bot@|^welcome-bot@", re.I)
# the message a "quote and reply" quotes: "[said](https://.../near/123)" or its rendered link,
# at the message's start (looked for in its first characters only: a long hostile message
# costs nothing more)
_QUOTED_ID = re.compile(r"\[said\]\([^()\s]{0,500}/near/(\d{1,20})\)|"
                        r"href=\"[^\"<>]{0,500}/near/(\d{1,20})\"[^<>]{0,200}>said</a>")
_SAID_WITHIN = 2000
_SAID_LINE = re.compile(r"\A[^\n]{0,120}\bsaid:[ \t]*(?:\n|\Z)")
# a mention: "@**Ann Lee**", "@**Ann Lee|7**"; a silent one, "@_**Ann Lee|7**", is the name alone
_MENTION = re.compile(r"@(_?)\*\*([^*|\n]+)(?:\|\d+)?\*\*")
# a quoted block: ```quote ... ``` (or ~~~quote), found line by line (see _without_quotes)
_FENCE = re.compile(r"(`{3,}|~{3,})[ \t]*(quote)?[ \t]*$")
# a link whose words are "said" (to see whether it points at a message: no backtracking)
_SAID_LINK = re.compile(r"<a\b[^<>]*>said</a>")


def _text(raw: str, content_type: str, left: Left, quotes: list[str]) -> str:
    if content_type == "text/html" or (not content_type and raw.lstrip().startswith("<")):
        # "Ann said:" before a quote, without the address of the message it links to
        return html_to_text(_SAID_LINK.sub(lambda m: "said" if "/near/" in m.group() else m.group(), raw), left, quotes)
    text = _without_quotes(raw, left, quotes)
    text = _MENTION.sub(lambda m: m.group(2) if m.group(1) else "@" + m.group(2), text)
    text = re.sub(r"\[said\]\([^()\s]{0,500}\)", "said", text)  # the link to the quoted message: its word alone
    text = markdown_to_text(text, left, quotes=quotes)
    quotes[:] = passages(quotes)
    return text


def _without_quotes(raw: str, left: Left, quotes: list[str]) -> str:
    """Markdown without its ``quote`` blocks (counted in ``left``, their words added to
    ``quotes``): a fence that opens one closes at the next fence of the same marks, read
    line by line in one pass."""
    out: list[str] = []
    closing = ""  # the fence that closes the quote being skipped
    for line in raw.split("\n"):
        fence = _FENCE.match(line.strip())
        if closing:
            if fence and fence.group(1) == closing and not fence.group(2):
                closing = ""
            else:
                quotes[-1] += "\n" + line
            continue
        if fence and fence.group(2):
            closing = fence.group(1)
            left[QUOTED_PASSAGES] += 1
            quotes.append("")
            continue
        out.append(line)
    return "\n".join(out)


def _topic(m: dict[str, Any]) -> tuple[str, str]:
    """The thread a message is in: its stream's topic, or its group of private messages."""
    where = m.get("display_recipient")
    if isinstance(where, list):  # private messages: the people in them
        names = sorted(str(p.get("full_name") or p.get("email") or "") for p in where if isinstance(p, dict))
        return "private:" + ",".join(names), "private messages: " + ", ".join(names)
    topic = str(m.get("subject") or m.get("topic") or "")
    return f"{where}/{topic}", f"#{where} > {topic}" if topic else f"#{where}"
