"""Discord and Telegram chats saved as HTML by their exporters.

DiscordChatExporter's HTML: each ``chatlog__message-container`` is a message (its id in
``data-message-id``); a message under another of the same group has no author of its
own and is that author's; a reply names what it answers in its ``chatlog__reply-link``;
quote blocks are others' words; system notifications are channel events; a message
with the bot label is a bot's.

Telegram Desktop's HTML (``messages.html``, ``messages2.html``...): each ``message
default`` is a message (``id="message123"``), a "joined" one has the sender of the one
before; ``reply_to`` links to what it answers; a ``forwarded`` message is another's
words; service messages are channel events (the day separators are no messages).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..errors import DatasetError
from .clean import QUOTED_PASSAGES, html_to_text, tidy
from .thread import CHANNEL_EVENTS, Left, Post, Thread

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode

__all__ = ["is_discord_page", "is_telegram_page", "read_discord_page", "read_telegram_page"]


def is_discord_page(head: bytes) -> bool:
    return b"chatlog__message" in head or (b"<html" in head.lower() and b"chatlog__" in head and b"preamble" in head)


def is_telegram_page(head: bytes) -> bool:
    return b'class="page_wrap"' in head and (b"message default" in head or b"page_body chat_page" in head)


def _tree(data: bytes, file: str) -> Any:
    from selectolax.lexbor import LexborHTMLParser

    from .webpage import MAX_DEPTH, _decode, _too_deep

    text = _decode(data)
    if _too_deep(text):
        raise DatasetError(f"HTML nested more than {MAX_DEPTH:,} elements deep: not a page a browser saved", file)
    return LexborHTMLParser(text)


def _child(node: LexborNode, cls: str) -> LexborNode | None:
    """The first element right under ``node`` of class ``cls`` (not one deeper: a
    forwarded or replied-to message's own)."""
    for child in node.iter():
        if cls in (child.attributes.get("class") or "").split():
            return child
    return None


def _text_of(node: LexborNode | None) -> str:
    return tidy(node.text(separator=" ")) if node is not None else ""


def read_discord_page(data: bytes, file: str, include_bots: bool = False) -> tuple[list[Thread], Left]:
    from .text import stamp_dates

    tree = _tree(data, file)
    entries = [_text_of(n) for n in tree.css(".preamble__entry")]
    channel = entries[1].rsplit(" / ", 1)[-1] if len(entries) > 1 else ""
    thread = Thread(key=file, title="#" + channel if channel else (entries[0] if entries else file))
    left = Left()
    containers = tree.css(".chatlog__message-container")
    days = stamp_dates([(n.attributes.get("title") or "") for n in tree.css(".chatlog__timestamp")])
    place_of: dict[str, str] = {}
    author, account, day = "", "", ""
    for c in containers:
        if c.css_first(".chatlog__system-notification-content") is not None:
            left[CHANNEL_EVENTS] += 1
            continue
        who = c.css_first(".chatlog__author")
        if who is not None:  # else: a message grouped under the one before, by the same author
            author, account = _text_of(who), who.attributes.get("data-user-id") or _text_of(who)
            stamp = c.css_first(".chatlog__timestamp")
            day = days.get((stamp.attributes.get("title") or "") if stamp is not None else "", "")
            bot = c.css_first(".chatlog__bot-label") is not None
        if bot and not include_bots:
            left["bots"] += 1
            continue
        content = c.css_first(".chatlog__content")
        quotes: list[str] = []
        if content is not None:
            for quote in content.css(".chatlog__markdown-quote"):
                quotes.append(" ".join(quote.text(separator=" ").split()))
                quote.decompose()
                left[QUOTED_PASSAGES] += 1
        text = html_to_text(content.html or "", left) if content is not None else ""
        if not text:
            left["empty"] += 1
            continue
        key = c.attributes.get("data-message-id") or f"#{len(thread.posts)}"
        link = c.css_first(".chatlog__reply-link")
        answered = re.search(r"'(\d+)'", link.attributes.get("onclick") or "") if link is not None else None
        parent = answered.group(1) if answered else ""
        place_of[key] = f"message {len(place_of) + 1}"
        thread.posts.append(Post(key=key, author=author, text=text, date=day, account=account,
                                 parent=parent if parent in place_of and parent != key else None,
                                 place=place_of[key], root=not thread.posts, quotes=quotes))
    if not thread.posts:
        raise DatasetError("no message to read in this DiscordChatExporter page", file)
    thread.author, thread.date = thread.posts[0].author, thread.posts[0].date
    return [thread], left


_TELEGRAM_DATE = re.compile(r"^(\d{2})\.(\d{2})\.(\d{4})")


def read_telegram_page(data: bytes, file: str) -> tuple[list[Thread], Left]:
    tree = _tree(data, file)
    title = _text_of(tree.css_first(".page_header .content .text"))
    thread = Thread(key=title or file, title=title or "Telegram chat")
    left = Left()
    place_of: dict[str, str] = {}
    author = ""
    for m in tree.css(".history > .message"):
        classes = (m.attributes.get("class") or "").split()
        ident = (m.attributes.get("id") or "").removeprefix("message")
        if "service" in classes:
            if not ident.startswith("-"):  # (a day's heading is no message)
                left[CHANNEL_EVENTS] += 1
            continue
        if "default" not in classes:
            continue
        body = m.css_first(".body")
        if body is None:
            continue
        if body.css_first(".forwarded") is not None:
            left["forwarded messages (others' words)"] += 1
            continue
        name = _child(body, "from_name")
        if name is not None:  # else "joined": by whoever sent the one before
            author = _text_of(name)
        text_node = _child(body, "text")
        quotes: list[str] = []
        text = html_to_text(text_node.html or "", left, quotes) if text_node is not None else ""
        if not text:
            left["empty"] += 1
            continue
        reply = body.css_first(".reply_to a")
        answered = re.search(r"go_to_message(\d+)", reply.attributes.get("href") or "") if reply is not None else None
        parent = answered.group(1) if answered else ""
        when = body.css_first(".date.details")
        day = _TELEGRAM_DATE.match((when.attributes.get("title") or "") if when is not None else "")
        key = ident or f"#{len(thread.posts)}"
        place_of[key] = f"message {len(place_of) + 1}"
        thread.posts.append(Post(key=key, author=author, text=text, account=author,
                                 date=f"{day[3]}-{day[2]}-{day[1]}" if day else "",
                                 parent=parent if parent in place_of and parent != key else None,
                                 place=place_of[key], root=not thread.posts, quotes=quotes))
    if not thread.posts:
        raise DatasetError("no message to read in this Telegram page", file)
    thread.author, thread.date = thread.posts[0].author, thread.posts[0].date
    return [thread], left
