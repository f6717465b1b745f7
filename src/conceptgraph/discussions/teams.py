"""Microsoft Teams: a chat's or a channel's messages as Microsoft Graph gives them
(``GET /chats/{id}/messages``, ``GET /teams/{id}/channels/{id}/messages``, with
``$expand=replies`` or a post's own ``.../messages/{id}/replies``), saved as JSON from
Graph Explorer or a script: the answer with its ``value``, the list alone, or several
pages one after the other; PowerShell's ``Get-MgChatMessage`` and
``Get-MgTeamChannelMessage`` written with ``ConvertTo-Json`` (its names capitalised,
``ReplyToId``) read the same.

Each chat is a thread, and each channel. Graph names neither, only gives their ids: the
thread is titled by the file's name ("NAME (chat 2)" for several), or by its one
post's subject. Its messages are
``message N`` in time order (Graph gives the newest first), a channel post's replies
``reply K to message N``. A reply answers its channel post (nested in ``replies``, or
named by ``replyToId``), or the message it quotes: Teams' "Reply" in a chat quotes the
message it answers as an attachment (``messageReference``, its ``id`` the message's),
and older messages as a ``<blockquote>`` naming it (``itemid``). A person is their
``displayName``, else their user id; a channel post's subject is its title. HTML reads
as text: a mention (``<at id="0">Ann Lee</at>``) as the name, an emoji as itself (its
``alt``), a quoted passage (``<blockquote>``) left out and counted. Left out and
counted: event messages (members added, a chat renamed: channel events), deleted
messages (a stand-in while a reply answers one), the messages of bots and apps
(``from.application``; ``--include-bots``), messages without words (a file alone).

>>> import json
>>> def said(ident, who, html, **more):
...     return {"id": ident, "messageType": "message", "createdDateTime": f"2024-06-10T09:0{ident}:00Z",
...             "from": {"user": {"id": who.lower(), "displayName": who}},
...             "body": {"contentType": "html", "content": html}, **more}
>>> page = {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#chats('19%3Aa%40thread.v2')/messages",
...         "value": [said("2", "Bo", '<attachment id="1"></attachment><p>No <emoji alt="🙂"></emoji></p>',
...                        attachments=[{"id": "1", "contentType": "messageReference"}]),
...                   said("1", "Ann", '<p>Is a <b>tenant</b> an org, <at id="0">Bo</at>?</p>')]}
>>> [thread], left = read_teams(json.dumps(page).encode(), "naming.json")
>>> thread.title, [(p.author, p.text, p.place, p.parent) for p in thread.posts]  # doctest: +NORMALIZE_WHITESPACE
('naming', [('Ann', 'Is a tenant an org, Bo?', 'message 1', None),
            ('Bo', 'No 🙂', 'message 2', '1')])
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Any, NamedTuple

from ..errors import DatasetError
from ..formats.common import load_documents
from .clean import html_to_text, tidy
from .thread import CHANNEL_EVENTS, Left, Post, Thread, id_number, iso_seconds, known_minute, list_of, number, text_of, votes

__all__ = ["read_teams", "sniff_teams"]

# The answer's "@odata.context" names what was asked: a chat's or a channel's messages, a
# post's replies, or a collection of chatMessage (getAllMessages)
_CONTEXT = re.compile(rb'"@odata\.context"\s*:\s*"[^"]{0,500}(?:chats\(|channels\(|primaryChannel|chatMessage)'
                      rb'[^"]{0,500}"')
# A chatMessage's own fields, as Graph names them or PowerShell capitalises them
_FIELDS = (b'"messagetype"', b'"createddatetime"', b'"body"')


def sniff_teams(head: bytes) -> bool:
    head = head.removeprefix(b"\xef\xbb\xbf")
    if head.lstrip()[:1] not in (b"{", b"["):
        return False
    if _CONTEXT.search(head):
        return True
    lower = head.lower()
    return all(k in lower for k in _FIELDS)


class _Said(NamedTuple):
    """One message as the file gives it, before it is read."""

    key: str
    root: str  # the key of the channel post it replies to, or ""
    quoted: str  # the key of the message it quotes, or ""
    thread: str
    msg: dict[str, Any]


class _File(NamedTuple):
    messages: list[_Said]
    titles: dict[str, str]  # thread key -> its title
    people: dict[str, str]  # user id -> their name, where the file gives one


def read_teams(data: bytes, file: str, include_bots: bool = False) -> tuple[list[Thread], Left]:
    """The threads (one per chat or channel) of Microsoft Teams messages as Microsoft
    Graph gives them."""
    read = _read(data, file)
    if not read.messages:
        raise DatasetError("no message in this Teams file (Microsoft Graph's chatMessage list, its \"value\")", file)
    return _threads(read, include_bots)


def _read(data: bytes, file: str) -> _File:
    """The messages of the answer (its ``value``), of the list alone, or of several
    pages saved one after the other; a message on two pages is read once."""
    found: dict[str, _Said] = {}
    answer = False
    given: list[Any] = []
    for doc in load_documents(data, file):
        given += doc if isinstance(doc, list) else [doc]
    for page in given:
        value = _get(page, "value")
        if isinstance(value, list):
            answer = True
            items = value
        elif _is_message(page):
            answer = True
            items = [page]
        else:
            continue
        for m in items:
            if not isinstance(m, dict):
                continue
            said = _said(m, f"#{len(found)}", "", "")
            found.setdefault(said.key, said)
            for r in list_of(_get(m, "replies")):  # $expand=replies: the post's replies, nested in it
                if isinstance(r, dict):
                    reply = _said(r, f"#{len(found)}", said.key, said.thread)
                    found.setdefault(reply.key, reply)
    if not answer:
        raise DatasetError('expected Microsoft Graph\'s chat or channel messages: an object with "value" (a list of '
                           "chatMessage), or the list alone", file)
    messages = list(found.values())
    keys = list(dict.fromkeys(m.thread for m in messages if m.thread))
    if len(keys) == 1:  # a message that names no chat or channel is in the one the others name
        messages = [m._replace(thread=keys[0]) if not m.thread else m for m in messages]
    elif any(not m.thread for m in messages):
        keys.append("")
    stem = PurePath(file).stem or "Teams"
    titles = {keys[0]: stem} if len(keys) == 1 else {}
    counts = {"chat": 0, "channel": 0}
    for key in keys[len(titles):]:
        kind = "chat" if key.startswith("chat:") else "channel"
        counts[kind] += 1
        titles[key] = f"{stem} ({kind} {counts[kind]})" if key else f"{stem} (messages of no chat or channel)"
    people: dict[str, str] = {}
    for s in messages:
        for user in [_get(_get(s.msg, "from"), "user"), *(_get(_get(m, "mentioned"), "user")
                                                          for m in list_of(_get(s.msg, "mentions")))]:
            ident, name = text_of(_get(user, "id")), text_of(_get(user, "displayName")).strip()
            if ident and name:
                people.setdefault(ident, name)
    return _File(messages, titles, people)


def _said(m: dict[str, Any], default: str, root: str, thread: str) -> _Said:
    """A message as read: its key, the post it replies to, what it quotes, its chat or
    channel (a nested reply's is its post's, when it names none)."""
    key = text_of(_get(m, "id")) or default
    chat = text_of(_get(m, "chatId"))
    channel = text_of(_get(_get(m, "channelIdentity"), "channelId"))
    where = f"chat:{chat}" if chat else f"channel:{channel}" if channel else thread
    reply_to = text_of(_get(m, "replyToId"))
    return _Said(key, reply_to if reply_to and reply_to != key else root, _quoted(m, key), where, m)


def _threads(read: _File, include_bots: bool) -> tuple[list[Thread], Left]:
    """The messages, in time order, as the threads of their chats and channels, and what
    was left out."""
    left = Left()
    when = {s.key: _moment(_get(s.msg, "createdDateTime")) for s in read.messages}
    order = {s.key: i for i, s in enumerate(read.messages)}
    # in time order (a message's id is the time it was sent, in milliseconds: the tie-break);
    # a reply never before its post, whatever its own time says
    ordered = sorted(read.messages, key=lambda s: (max(when[s.key], when.get(s.root, 0.0)), s.root in when,
                                                   id_number(s.key), order[s.key]))
    answered = {k for s in read.messages if not _deleted(s.msg) for k in (s.root, s.quoted) if k}
    threads: dict[str, Thread] = {}
    place_of: dict[tuple[str, str], str] = {}  # a channel post's thread and key -> its place
    tops: dict[str, int] = {}  # a thread's posts so far
    replies: dict[str, int] = {}  # a post's replies so far
    kept: dict[str, set[str]] = {}  # the keys of each thread's messages so far: what a quote may answer
    for s in ordered:
        m = s.msg
        kind = _get(m, "messageType")
        if (isinstance(kind, str) and kind.casefold() != "message") or isinstance(_get(m, "eventDetail"), dict):
            left[CHANNEL_EVENTS] += 1
            continue
        sender = _get(m, "from")
        app = _get(sender, "application")
        if isinstance(app, dict) and not include_bots:
            left["bots"] += 1
            continue
        gone = _deleted(m)
        if gone and s.key not in answered:
            left["deleted"] += 1
            continue
        quotes: list[str] = []
        text = "" if gone else _text(_get(m, "body"), left, quotes)
        if not text and not gone:
            left["empty"] += 1
            continue
        thread = threads.setdefault(s.thread, Thread(key=s.thread, title=read.titles.get(s.thread, s.thread)))
        user = _get(sender, "user")
        account = text_of(_get(user, "id"))
        name = text_of(_get(user, "displayName")).strip() or read.people.get(account, "") or account
        if isinstance(app, dict):  # a bot's message is by the bot, by the name it shows
            account = text_of(_get(app, "id")) or text_of(_get(app, "displayName"))
            name = text_of(_get(app, "displayName")).strip() or account
        url = text_of(_get(m, "webUrl"))  # Graph writes the channel's id in it encoded; one with an "@" is not kept
        url = "" if "@" in url else url
        post = Post(key=s.key, author=name, text=text, account=account, date=known_minute(when[s.key]),
                    title="" if gone else text_of(_get(m, "subject")), url=url, gone="deleted" if gone else "", quotes=quotes,
                    score=votes(_get(m, "reactions"), lambda r: _get(r, "reactionType")),  # "like" is the 👍
                    edited="" if gone or not _get(m, "lastEditedDateTime")
                    else known_minute(_moment(_get(m, "lastEditedDateTime"))) or "yes")
        before = kept.setdefault(s.thread, set())
        quoted = s.quoted if s.quoted in before else ""
        if (s.thread, s.root) in place_of:
            replies[s.root] = replies.get(s.root, 0) + 1
            post.place = f"reply {replies[s.root]} to {place_of[s.thread, s.root]}"
            post.parent = quoted or s.root
        else:  # a post, or a reply whose post is not here (left out, or on a page not saved)
            tops[s.thread] = tops.get(s.thread, 0) + 1
            place_of[s.thread, s.key] = post.place = f"message {tops[s.thread]}"
            post.parent = quoted or None
            post.root = not thread.posts
        before.add(s.key)
        thread.posts.append(post)
    out = [t for t in threads.values() if t.posts]
    for t in out:
        t.author, t.date = t.posts[0].author, t.posts[0].date
        posts_of_its_own = [p for p in t.posts if not p.parent]  # (what no other message answers)
        if len(posts_of_its_own) == 1 and posts_of_its_own[0].title:  # one conversation: its subject titles it
            t.title = posts_of_its_own[0].title
        t.url = t.posts[0].url  # the first message's link opens the chat or channel where it was said
    return out, left


# An emoji: Teams' <emoji alt="👍" ...></emoji>, or the older <img itemtype="http://schema.skype.com/Emoji" alt="😎">
_EMOJI = re.compile(r"<emoji\b([^<>]{0,1000})>(?:\s{0,20}</emoji\s*>)?|<img\b([^<>]{0,1000})>", re.I)
_ALT = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
# An older quoted reply: <blockquote itemtype="http://schema.skype.com/Reply" itemid="1616990032035">,
# at the message's start (looked for in its first characters only)
_REPLY_QUOTE = re.compile(r"<blockquote\b([^<>]{0,1000})>", re.I)
_ITEM_ID = re.compile(r"""\bitemid\s*=\s*["']?(\d{1,20})""", re.I)
_QUOTE_WITHIN = 2000


def _text(body: Any, left: Left, quotes: list[str]) -> str:
    """A message's words: its HTML as text (emoji as themselves), or its text tidied."""
    if isinstance(body, str):  # a body given as its content alone
        body = {"content": body}
    content = text_of(_get(body, "content"))
    kind = text_of(_get(body, "contentType")).casefold()
    if kind == "text" or (kind != "html" and not content.lstrip().startswith("<")):
        return tidy(content)
    # (a quoted reply's head names whom it quotes: the name is no part of the words quoted)
    return html_to_text(_EMOJI.sub(_emoji, _QUOTED_NAME.sub("", content)), left, quotes)


# The name over a quoted reply's words: <strong itemprop="mri" itemid="8:orgid:...">Ann Lee</strong>
_QUOTED_NAME = re.compile(r"<strong\b[^>]{0,500}?\bitemprop=[\"']mri[\"'][^>]{0,500}>[^<]{0,200}</strong>", re.I)


def _emoji(m: re.Match[str]) -> str:
    """An emoji's markup as its ``alt`` (markup still: html_to_text decodes it); any other
    image as it was."""
    attrs = m.group(1) if m.group(1) is not None else m.group(2)
    if m.group(1) is None and "schema.skype.com/emoji" not in attrs.lower():
        return m.group()
    alt = _ALT.search(attrs)
    return (alt.group(1) if alt.group(1) is not None else alt.group(2)).strip() if alt else ""


def _quoted(m: dict[str, Any], key: str) -> str:
    """The key of the message ``m`` quotes: its ``messageReference`` attachment's, else
    its quote's (``<blockquote itemid>``); "" for none."""
    for a in list_of(_get(m, "attachments")):
        if text_of(_get(a, "contentType")).casefold() == "messagereference":
            ident = text_of(_get(a, "id"))
            if ident and ident != key:
                return ident
    body = _get(m, "body")
    content = text_of(_get(body, "content") if isinstance(body, dict) else body)[:_QUOTE_WITHIN]
    for q in _REPLY_QUOTE.finditer(content):
        if "schema.skype.com/reply" in q.group(1).lower():
            ident_m = _ITEM_ID.search(q.group(1))
            if ident_m and ident_m.group(1) != key:
                return ident_m.group(1)
    return ""


def _get(obj: Any, name: str) -> Any:
    """A field of an object, as Graph names it (``replyToId``) or as PowerShell writes
    it (``ReplyToId``); None for none, or when ``obj`` is no object."""
    if not isinstance(obj, dict):
        return None
    if name in obj:
        return obj[name]
    return obj.get(name[:1].upper() + name[1:])


def _is_message(obj: Any) -> bool:
    """Whether ``obj`` is one chatMessage (``GET .../messages/{id}`` saved alone)."""
    return isinstance(obj, dict) and _get(obj, "id") is not None and any(
        _get(obj, k) is not None for k in ("messageType", "body", "createdDateTime"))


def _deleted(m: dict[str, Any]) -> bool:
    return _get(m, "deletedDateTime") not in (None, "", False)


# Windows PowerShell's ConvertTo-Json writes a time as "\/Date(1718000400000)\/"
_PS_DATE = re.compile(r"/Date\((-?\d{1,15})(?:[+-]\d{4})?\)/")


def _moment(value: Any) -> float:
    """The Unix time of an ISO time Graph gives, or of PowerShell's; 0 for none."""
    ps = _PS_DATE.fullmatch(value.strip()) if isinstance(value, str) and len(value) <= 64 else None
    return number(int(ps.group(1)) / 1000) if ps else iso_seconds(value)
