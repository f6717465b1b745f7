"""Discord and Telegram chats, as their exports hold them.

Discord (DiscordChatExporter's JSON, one file per channel or thread): each file is a
thread, its messages ``message N`` in order; a reply (``reference.messageId``) answers
the message it quotes when that message is in the file. Joins, pins, calls and other
system messages are counted as channel events, bots left out (``--include-bots`` keeps
them); ``> `` lines are others' words. A mention the export left raw (``<@123>``) reads
as ``@Name`` when the message lists who it mentions.

Telegram (Telegram Desktop's "Export chat history" as JSON, ``result.json``: one chat, or
a whole account's ``chats.list``): each chat is a thread; ``reply_to_message_id`` is the
reply; service messages (joins, pins, title changes) are channel events; a forwarded
message is someone else's words, left out and counted; a ``blockquote`` is a quoted
passage; a deleted account is "Deleted Account", as Telegram shows it.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import DatasetError
from ..formats.common import load_json
from .clean import QUOTED_PASSAGES, markdown_to_text, tidy
from .thread import CHANNEL_EVENTS, Left, Post, Thread

__all__ = ["read_discord", "read_telegram", "sniff_discord", "sniff_telegram"]


# --- Discord -------------------------------------------------------------------------------

#: DiscordChatExporter's kinds of message that are someone's words; the others (joins,
#: pins, calls, renames, threads opened) are the channel's own.
_SAID = {"Default", "Reply", "0", "19"}


def sniff_discord(head: bytes) -> bool:
    return head.lstrip().startswith(b"{") and b'"guild"' in head and b'"channel"' in head and b'"messages"' in head


def read_discord(data: bytes, file: str, include_bots: bool = False) -> tuple[list[Thread], Left]:
    doc = load_json(data, file)
    if not isinstance(doc, dict) or not isinstance(doc.get("messages"), list):
        raise DatasetError('expected a DiscordChatExporter channel: an object with "guild", "channel" and "messages"',
                           file)
    guild = doc["guild"] if isinstance(doc.get("guild"), dict) else {}
    channel = doc["channel"] if isinstance(doc.get("channel"), dict) else {}
    name = str(channel.get("name") or "")
    thread = Thread(key=str(channel.get("id") or file), title="#" + name if name else str(guild.get("name") or file))
    left = Left()
    place_of: dict[str, str] = {}
    for m in doc["messages"]:
        if not isinstance(m, dict):
            continue
        if str(m.get("type", "Default")) not in _SAID:
            left[CHANNEL_EVENTS] += 1
            continue
        author = m["author"] if isinstance(m.get("author"), dict) else {}
        if author.get("isBot") and not include_bots:
            left["bots"] += 1
            continue
        text = markdown_to_text(_mentions(str(m.get("content") or ""), m.get("mentions")), left)
        if not text:
            left["empty"] += 1
            continue
        key = str(m.get("id") or f"#{len(thread.posts)}")
        reference = m["reference"] if isinstance(m.get("reference"), dict) else {}
        parent = str(reference.get("messageId") or "")
        place_of[key] = f"message {len(place_of) + 1}"
        thread.posts.append(Post(key=key, author=str(author.get("nickname") or author.get("name") or ""), text=text,
                                 parent=parent if parent in place_of and parent != key else None,
                                 date=str(m.get("timestamp") or "")[:10], account=str(author.get("id") or ""),
                                 place=place_of[key], root=not thread.posts))
    if not thread.posts:
        raise DatasetError("no message to read in this Discord export", file)
    thread.author, thread.date = thread.posts[0].author, thread.posts[0].date
    return [thread], left


def _mentions(text: str, mentioned: Any) -> str:
    """``<@123>`` as ``@Name``, from the people the message mentions."""
    names = {str(p.get("id")): str(p.get("nickname") or p.get("name") or p.get("id"))
             for p in (mentioned if isinstance(mentioned, list) else []) if isinstance(p, dict)}
    return re.sub(r"<@!?(\d+)>", lambda g: "@" + names.get(g.group(1), g.group(1)), text)


# --- Telegram ------------------------------------------------------------------------------

def sniff_telegram(head: bytes) -> bool:
    if not head.lstrip().startswith(b"{"):
        return False
    chat = b'"messages"' in head and (b'"from_id"' in head or b'"date_unixtime"' in head or b'"actor_id"' in head)
    account = b'"personal_information"' in head or (b'"chats"' in head and b'"about"' in head)
    return chat or account


def read_telegram(data: bytes, file: str) -> tuple[list[Thread], Left]:
    doc = load_json(data, file)
    chats: list[Any]
    if isinstance(doc, dict) and isinstance(doc.get("messages"), list):
        chats = [doc]
    elif isinstance(doc, dict) and isinstance(doc.get("chats"), dict) and isinstance(doc["chats"].get("list"), list):
        chats = doc["chats"]["list"]
    else:
        raise DatasetError('expected a Telegram export (result.json): a chat with "messages", or an account\'s '
                           '"chats" with their "list"', file)
    left = Left()
    threads = []
    for chat in chats:
        if isinstance(chat, dict) and isinstance(chat.get("messages"), list):
            thread = _chat(chat, left)
            if thread.posts:
                threads.append(thread)
    if not threads:
        raise DatasetError("no message to read in this Telegram export", file)
    return threads, left


def _chat(chat: dict[str, Any], left: Left) -> Thread:
    title = str(chat.get("name") or "")
    thread = Thread(key=str(chat.get("id") or title or "chat"), title=title or "Telegram chat")
    place_of: dict[str, str] = {}
    for m in chat["messages"]:
        if not isinstance(m, dict):
            continue
        if m.get("type", "message") != "message":
            left[CHANNEL_EVENTS] += 1
            continue
        if m.get("forwarded_from") is not None:  # another's words, passed on
            left["forwarded messages (others' words)"] += 1
            continue
        text = tidy(_telegram_text(m.get("text"), left))
        if not text:
            left["empty"] += 1
            continue
        key = str(m.get("id") if m.get("id") is not None else f"#{len(thread.posts)}")
        parent = str(m.get("reply_to_message_id") or "")
        place_of[key] = f"message {len(place_of) + 1}"
        # a deleted account has no name but still one id: Telegram shows it so
        who = str(m.get("from") or ("Deleted Account" if m.get("from_id") else ""))
        thread.posts.append(Post(key=key, author=who, text=text,
                                 parent=parent if parent in place_of and parent != key else None,
                                 date=str(m.get("date") or "")[:10], account=str(m.get("from_id") or ""),
                                 place=place_of[key], root=not thread.posts))
    if thread.posts:
        thread.author, thread.date = thread.posts[0].author, thread.posts[0].date
    return thread


def _telegram_text(text: Any, left: Left) -> str:
    """A message's words: Telegram gives a string, or a list of strings and entities
    (``{"type": "bold", "text": ...}``); a quoted passage (``blockquote``) is left out."""
    if isinstance(text, str):
        return text
    if not isinstance(text, list):
        return ""
    out = []
    for part in text:
        if isinstance(part, str):
            out.append(part)
        elif isinstance(part, dict):
            if part.get("type") == "blockquote":
                left[QUOTED_PASSAGES] += 1
                continue
            out.append(str(part.get("text") or ""))
    return "".join(out)
