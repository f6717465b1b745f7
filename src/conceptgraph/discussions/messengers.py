"""Discord and Telegram chats, as their exports hold them.

Discord (DiscordChatExporter's JSON, one file per channel or thread; its CSV and TXT
exports too, which keep no replies, and its HTML, read in chatpages.py): each file is a
thread, its messages ``message N`` in order (the parts of one channel given together,
split or overlapping, are one thread, each message once); a reply
(``reference.messageId``) answers the message it quotes when that message is in the
file. Joins, pins, calls and other system messages are counted as channel events, a
forwarded message is another's words, bots are left out (``--include-bots`` keeps
them); ``> `` lines are others' words. A mention the export left raw (``<@123>``) reads
as ``@Name`` when the message lists who it mentions, and a server's emoji
(``<:facepalm:123>``) as its name (``:facepalm:``).

Telegram (Telegram Desktop's "Export chat history" as JSON, ``result.json``: one chat, or
a whole account's ``chats.list``; or as HTML, read in chatpages.py): each chat is a thread; ``reply_to_message_id`` is the
reply; service messages (joins, pins, title changes) are channel events; a forwarded
message is someone else's words, left out and counted; a ``blockquote`` is a quoted
passage, struck-out words are left out (and counted), code keeps its backticks and a
link its address; a deleted account is "Deleted Account", as Telegram shows it; a
channel's post signed by its writer is theirs; the chats an account left are read too.
"""

from __future__ import annotations

import re
import warnings
from typing import Any

from ..errors import ConceptGraphWarning, DatasetError, excerpt
from ..formats.common import load_json
from .clean import QUOTE_MARK, QUOTED_PASSAGES, markdown_to_text, own_words, passages, tidy
from .thread import (
    CHANNEL_EVENTS,
    Left,
    Post,
    Thread,
    copies_of,
    counted,
    first_few,
    iso_seconds,
    known_minute,
    shown_media,
    utc_minute,
    votes,
)

__all__ = ["read_discord", "read_discord_parts", "read_telegram", "sniff_discord", "sniff_telegram"]


# --- Discord -------------------------------------------------------------------------------

#: DiscordChatExporter's kinds of message that are someone's words; the others (joins,
#: pins, calls, renames, threads opened) are the channel's own.
_SAID = {"Default", "Reply", "0", "19"}


def sniff_discord(head: bytes) -> bool:
    from .chatpages import is_discord_page

    start = head.lstrip()
    return (start.startswith(b"{") and b'"guild"' in head and b'"channel"' in head and b'"messages"' in head) \
        or start.startswith(_CSV_HEAD) or bool(_TXT_HEAD.match(start.decode("utf-8", "ignore"))) \
        or is_discord_page(head)


# DiscordChatExporter's other exports: CSV (its columns), and TXT (a banner naming the guild and channel)
_CSV_HEAD = b"AuthorID,Author,Date,Content,Attachments,Reactions"
_TXT_HEAD = re.compile(r"={20,}\r?\nGuild: (?P<guild>[^\n]*)\r?\nChannel: (?P<channel>[^\n]*)\r?\n(?:Topic: [^\n]*\r?\n)?={20,}")
_TXT_ENTRY = re.compile(r"^\[(?P<when>[^\]\n]{6,40})\] (?P<author>[^\n]+?)(?P<pinned> \(pinned\))?[ \t]*$", re.M)
# What DiscordChatExporter writes as a system message's words in CSV and TXT, which say
# nothing else of them
_SYSTEM = re.compile(r"^(?:Joined the server\.|Pinned a message\.|Started a (?:call|thread)\b.*|Changed the channel "
                     r"(?:name|icon)\b.*|(?:Added|Removed) .+ (?:to|from) the group\.|Left the group\.)$", re.S)


def read_discord(data: bytes, file: str, include_bots: bool = False) -> tuple[list[Thread], Left]:
    """A DiscordChatExporter channel export: JSON, or (with less in them: no replies, no
    bots told apart) CSV or TXT."""
    from .chatpages import is_discord_page, read_discord_page

    start = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if is_discord_page(start[:8192]):
        return read_discord_page(data, file, include_bots)
    if start.startswith(_CSV_HEAD):
        return _discord_rows(data, file)
    if not start.startswith(b"{") and _TXT_HEAD.match(start.decode("utf-8", "replace")):
        from ..files import read_text

        return _discord_text(read_text(file, data).lstrip(" \t\r\n"), file)  # (bytes not UTF-8: said)
    return [_discord_channel(_channel_doc(data, file), file, include_bots, left := Left())], left


def _emoji(reaction: dict[str, Any]) -> object:
    """A Discord reaction's emoji (DiscordChatExporter: ``emoji``, ``count``)."""
    emoji = reaction.get("emoji")
    return emoji.get("name") if isinstance(emoji, dict) else None


def read_discord_parts(parts: list[tuple[bytes, str]], include_bots: bool = False) -> tuple[list[Thread], Left]:
    """Several DiscordChatExporter files read together: the parts of one channel (an
    export split with --partition, or exported twice over overlapping dates) are one
    thread, each message once and in order, so that a reply across two parts still
    answers."""
    channels: dict[str, tuple[dict[str, Any], str, dict[str, dict[str, Any]]]] = {}
    threads: list[Thread] = []
    left = Left()
    for data, file in parts:
        if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):  # CSV, TXT or HTML: each on its own
            found, dropped = read_discord(data, file, include_bots)
            threads += found
            left.update(dropped)
            continue
        doc = _channel_doc(data, file)
        channel = doc["channel"] if isinstance(doc.get("channel"), dict) else {}
        key = str(channel.get("id") or file)
        first, _, messages = channels.setdefault(key, (doc, file, {}))
        for m in doc["messages"]:
            if isinstance(m, dict):
                messages.setdefault(str(m.get("id") or f"{file}#{len(messages)}"), m)
    for first, file, messages in channels.values():
        merged = dict(first, messages=sorted(messages.values(), key=_order))
        threads.append(_discord_channel(merged, file, include_bots, left))
    return threads, left


def _order(m: dict[str, Any]) -> tuple[str, int]:
    """A message's place in its channel: its time, then its id (a Discord id grows with time)."""
    ident = str(m.get("id") or "")
    return str(m.get("timestamp") or ""), int(ident) if ident.isdigit() else 0


def _channel_doc(data: bytes, file: str) -> dict[str, Any]:
    doc = load_json(data, file)
    if not isinstance(doc, dict) or not isinstance(doc.get("messages"), list):
        raise DatasetError('expected a DiscordChatExporter channel: an object with "guild", "channel" and "messages"',
                           file)
    return doc


def _discord_channel(doc: dict[str, Any], file: str, include_bots: bool, left: Left) -> Thread:
    guild = doc["guild"] if isinstance(doc.get("guild"), dict) else {}
    channel = doc["channel"] if isinstance(doc.get("channel"), dict) else {}
    name = str(channel.get("name") or "")
    thread = Thread(key=str(channel.get("id") or file), title="#" + name if name else str(guild.get("name") or file),
                    site=str(guild.get("name") or ""))
    place_of: dict[str, str] = {}
    named = _named_ids(doc)
    # the messages others reply to: one with no words (an image alone) is kept for them, as what it shows
    answered = {str(r.get("messageId")) for m in doc["messages"] if isinstance(m, dict)
                and isinstance(r := m.get("reference"), dict) and r.get("messageId")}
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
        reference = m["reference"] if isinstance(m.get("reference"), dict) else {}
        if reference.get("type") == "Forward" or m.get("forwardedMessage"):  # another's words, passed on
            left["forwarded messages (others' words)"] += 1
            continue
        quotes: list[str] = []
        text = markdown_to_text(_mentions(str(m.get("content") or ""), m.get("mentions"), named), left, entities=False,
                                quotes=quotes)
        if not text and str(m.get("id")) in answered:
            text = _discord_media(m)
        if not text:
            left["empty"] += 1
            continue
        key = str(m.get("id") or f"#{len(thread.posts)}")
        parent = str(reference.get("messageId") or "")
        if parent and parent not in place_of and parent != key:
            # it answers what is not read (a bot's message, one before the export began): said,
            # for the reply now answers no one
            left["replies to a message not read (a bot's, or one before the export)"] += 1
        place_of[key] = f"message {len(place_of) + 1}"
        thread.posts.append(Post(key=key, author=str(author.get("nickname") or author.get("name") or ""), text=text,
                                 parent=parent if parent in place_of and parent != key else None,
                                 date=known_minute(iso_seconds(m.get("timestamp"))), account=str(author.get("id") or ""),
                                 place=place_of[key], root=not thread.posts, url=_link(guild, channel, key),
                                 score=votes(m.get("reactions"), _emoji, "count"), quotes=passages(quotes),
                                 edited=(known_minute(iso_seconds(m["timestampEdited"])) or "yes")
                                 if m.get("timestampEdited") else ""))
    if not thread.posts:
        raise DatasetError("no message to read in this Discord export", file)
    thread.author, thread.date = thread.posts[0].author, thread.posts[0].date
    return thread


def _said(thread: Thread, key: str, author: str, account: str, text: str, date: str, left: Left) -> None:
    """One message of a CSV or TXT export: a system message's words, or none, are left out."""
    if _SYSTEM.match(text.strip()):
        left[CHANNEL_EVENTS] += 1
        return
    quotes: list[str] = []
    words = markdown_to_text(text, left, entities=False, quotes=quotes)
    if not words:
        left["empty"] += 1
        return
    thread.posts.append(Post(key=key, author=author, text=words, date=date, account=account,
                             place=f"message {len(thread.posts) + 1}", root=not thread.posts,
                             quotes=passages(quotes)))


def _discord_rows(data: bytes, file: str) -> tuple[list[Thread], Left]:
    import csv
    import io

    from ..files import read_text

    text = read_text(file, data)  # (a character cut in two, or Latin-1: said, not replaced)
    thread = Thread(key=file, title=_channel_of(file))
    left = Left()
    for n, row in enumerate(csv.DictReader(io.StringIO(text, newline="")), 2):
        if row.get("Author") is None or row.get("Content") is None:
            raise DatasetError("a row without its Author or Content", file, n)
        _said(thread, f"row-{n}", row["Author"], row.get("AuthorID") or row["Author"], row["Content"],
              (row.get("Date") or "")[:10], left)
    if not thread.posts:
        raise DatasetError("no message to read in this Discord export", file)
    thread.author, thread.date = thread.posts[0].author, thread.posts[0].date
    return [thread], left


def _discord_text(text: str, file: str) -> tuple[list[Thread], Left]:
    from .text import stamp_dates

    text = text.replace("\r\n", "\n")
    head = _TXT_HEAD.match(text)
    assert head is not None
    channel = head["channel"].rsplit(" / ", 1)[-1].strip()
    thread = Thread(key=file, title="#" + channel if channel else _channel_of(file))
    left = Left()
    entries = list(_TXT_ENTRY.finditer(text, head.end()))
    days = stamp_dates([m["when"] for m in entries])
    for i, m in enumerate(entries):
        end = entries[i + 1].start() if i + 1 < len(entries) else len(text)
        body = text[m.end():end]
        body = re.split(r"^=+$", body, maxsplit=1, flags=re.M)[0]  # the closing banner
        body = re.split(r"^\{(?:Attachments|Embed|Reactions|Stickers)\}$", body, maxsplit=1, flags=re.M)[0]
        author = m["author"].strip()
        _said(thread, f"entry-{i + 1}", author, author, body.strip("\r\n"), days.get(m["when"], ""), left)
    if not thread.posts:
        raise DatasetError("no message to read in this Discord export", file)
    thread.author, thread.date = thread.posts[0].author, thread.posts[0].date
    return [thread], left


def _channel_of(file: str) -> str:
    """The channel a DiscordChatExporter file is named after ("Guild - Category - name
    [id].csv"), as "#name"."""
    from pathlib import Path

    stem = re.sub(r"\s*\[\d+\]$", "", Path(file).stem)
    return "#" + stem.rsplit(" - ", 1)[-1] if " - " in stem else stem


def _link(guild: dict[str, Any], channel: dict[str, Any], message: str) -> str:
    """A message's address in Discord ("https://discord.com/channels/GUILD/CHANNEL/ID"),
    when the export gives the ids (a direct message's guild is "@me")."""
    ids = [str(guild.get("id") or ""), str(channel.get("id") or ""), message]
    if not all(i.isdigit() for i in ids[1:]) or not (ids[0].isdigit() or ids[0] == "0"):
        return ""
    return "https://discord.com/channels/{}/{}/{}".format("@me" if ids[0] == "0" else ids[0], *ids[1:])


def _mentions(text: str, mentioned: Any, named: dict[str, str] | None = None) -> str:
    """``<@123>`` as ``@Name``, from the people the message mentions; a role's ``<@&7>``
    and a channel's ``<#9>`` by their names where the export gives them (``named``: id ->
    name, :func:`_named_ids`), else as "@role" and "#channel"; a server's own emoji left
    raw, ``<:facepalm:123>`` (animated, ``<a:...>``), as its name, ``:facepalm:``.

    >>> _mentions("<@42> <a:facepalm:123456>", [{"id": "42", "name": "ann"}])
    '@ann :facepalm:'
    >>> _mentions("cc <@&7> see <#9> and <#10>", [], {"7": "Wiki Editor", "9": "wiki"})
    'cc @Wiki Editor see #wiki and #channel'
    """
    names = {str(p.get("id")): str(p.get("nickname") or p.get("name") or p.get("id"))
             for p in (mentioned if isinstance(mentioned, list) else []) if isinstance(p, dict)}
    named = named or {}
    text = re.sub(r"<a?(:\w{1,64}:)\d{1,25}>", r"\1", text)
    text = re.sub(r"<@&(\d{1,25})>", lambda g: "@" + named.get(g.group(1), "role"), text)
    text = re.sub(r"<#(\d{1,25})>", lambda g: "#" + named.get(g.group(1), "channel"), text)
    return re.sub(r"<@!?(\d+)>", lambda g: "@" + names.get(g.group(1), g.group(1)), text)


def _named_ids(doc: dict[str, Any]) -> dict[str, str]:
    """The names of the roles and channels a DiscordChatExporter file gives, by id: each
    author's roles, the channel itself and its category."""
    out: dict[str, str] = {}
    channel = doc["channel"] if isinstance(doc.get("channel"), dict) else {}
    for ident, name in ((channel.get("id"), channel.get("name")), (channel.get("categoryId"), channel.get("category"))):
        if ident and name:
            out[str(ident)] = str(name)
    for m in doc["messages"]:
        author = m.get("author") if isinstance(m, dict) else None
        for role in (author.get("roles") or []) if isinstance(author, dict) and isinstance(author.get("roles"), list) else []:
            if isinstance(role, dict) and role.get("id") and role.get("name"):
                out.setdefault(str(role["id"]), str(role["name"]))
    return out


# --- Telegram ------------------------------------------------------------------------------

#: Replies whose message is not read, as :class:`Left` counts them: each stays, answering no one
#: (a forwarded message's words are another's, and no one here wrote them)
TELEGRAM_UNREAD = "replies to a message not read (forwarded, a bot's, an event, one without words, or not in the file)"
#: A message written twice over under one id (an export saved twice, joined), read once
TELEGRAM_COPIES = copies_of("message")

# A space that tidy() keeps at the start of a line: the indentation of a code block's lines
_KEPT_SPACE = "\ue000"

# What is wrong with a message, as a warning says it, and what was done about it
_FAULTS = {
    "text": ('"text" missing, or neither a string nor a list', 'read from the words in it or in its "text_entities", '
             "if any"),
    "parts": ('parts of "text" that are neither strings nor entities with words', "the words in them read, the rest left "
              "out"),
    "from": ('neither "from" nor "from_id"', "each read as an unnamed writer of its own"),
    "date": ("no date that is a time", "read without a date"),
    "id": ('no "id"', "no reply can name it"),
    "twice": ("an id an earlier message has, with other words", "each read as a message of its own; a reply to that id "
              "answers the first"),
}


def sniff_telegram(head: bytes) -> bool:
    from .chatpages import is_telegram_page

    if is_telegram_page(head):
        return True
    if not head.lstrip().startswith(b"{"):
        return False
    chat = b'"messages"' in head and (b'"from_id"' in head or b'"date_unixtime"' in head or b'"actor_id"' in head)
    account = b'"personal_information"' in head or (b'"chats"' in head and b'"about"' in head)
    return chat or account


def read_telegram(data: bytes, file: str, include_bots: bool = False) -> tuple[list[Thread], Left]:
    """A Telegram Desktop export: JSON (result.json), or its HTML (messages.html). A
    message sent through a bot ("via_bot": a poll, a game, a search result) is the bot's
    words, left out unless ``include_bots``. A message the export wrote wrong (no writer,
    a "text" of another kind, a date that is no time, an id another message has) is read
    as well as it can be, and each kind of fault said in one warning."""
    from .chatpages import is_telegram_page, read_telegram_page

    if is_telegram_page(data[:8192]):
        return read_telegram_page(data, file)
    doc = load_json(data, file)
    chats: list[Any]
    if isinstance(doc, dict) and isinstance(doc.get("messages"), list):
        chats = [doc]
    elif isinstance(doc, dict) and isinstance(doc.get("chats"), dict) and isinstance(doc["chats"].get("list"), list):
        gone = doc.get("left_chats")  # the chats the account has left are still its history
        chats = doc["chats"]["list"] + (gone["list"] if isinstance(gone, dict) and isinstance(gone.get("list"), list)
                                        else [])
    else:
        raise DatasetError('expected a Telegram export (result.json): a chat with "messages", or an account\'s '
                           '"chats" with their "list"', file)
    left = Left()
    threads = []
    faults: dict[str, list[str]] = {}
    for chat in chats:
        if isinstance(chat, dict) and isinstance(chat.get("messages"), list):
            thread = _chat(chat, left, include_bots, faults)
            if thread.posts:
                threads.append(thread)
    _warn_faults(file, faults)
    if not threads:
        raise DatasetError("no message to read in this Telegram export", file)
    return threads, left


def _warn_faults(file: str, faults: dict[str, list[str]]) -> None:
    """One warning for each kind of fault the messages of ``file`` have, naming them."""
    for kind, named in faults.items():
        if kind not in _FAULTS:
            continue
        problem, done = _FAULTS[kind]
        if kind == "parts":  # (what was odd in them, as found)
            problem += ": " + ", ".join(dict.fromkeys(faults.get("parts found", [])))
        named = list(dict.fromkeys(named))
        warnings.warn(ConceptGraphWarning(f"{file}: {counted(named, 'message')} with {problem} ({first_few(named)}): "
                                          f"{done}"), stacklevel=3)


def _chat(chat: dict[str, Any], left: Left, include_bots: bool = False,
          faults: dict[str, list[str]] | None = None) -> Thread:
    """A Telegram chat as a thread: each message its own place (``message N``), a reply
    answering the message it names when that one is read, the faults of its messages
    added to ``faults`` (kind -> the messages, named; "parts found": what the odd parts
    of their text were)."""
    faults = faults if faults is not None else {}
    title = str(chat.get("name") or ("Saved Messages" if chat.get("type") == "saved_messages" else ""))
    thread = Thread(key=str(chat.get("id") or title or "chat"), title=title or "Telegram chat")
    place_of: dict[str, str] = {}
    said: dict[str, tuple[str, str, str]] = {}  # id -> who wrote it and its words, to tell a copy from another message
    twice: dict[str, int] = {}
    # the messages others reply to: one with no words (a photo alone) is kept for them, as what it shows
    answered = {str(m.get("reply_to_message_id")) for m in chat["messages"]
                if isinstance(m, dict) and m.get("reply_to_message_id") is not None}
    for m in chat["messages"]:
        if not isinstance(m, dict):
            continue
        if m.get("type", "message") != "message":
            left[CHANNEL_EVENTS] += 1
            continue
        if m.get("forwarded_from") is not None:  # another's words, passed on
            left["forwarded messages (others' words)"] += 1
            continue
        if m.get("via_bot") and not include_bots:
            left["bots"] += 1
            continue
        ident = str(m["id"]) if m.get("id") is not None else ""
        named = f"id {excerpt(ident, 20)}" if ident else f"message {len(thread.posts) + 1}, no id"
        quotes: list[str] = []
        raw = m.get("text")
        odd: list[str] = []  # the parts of its text that are none Telegram writes
        if not isinstance(raw, (str, list)):
            faults.setdefault("text", []).append(named)
            # read as well as it can be: an entity given alone, else the entities Telegram writes beside the text
            raw = [raw] if isinstance(raw, dict) and isinstance(raw.get("text"), str) else m.get("text_entities")
        text = tidy(_telegram_text(raw, left, quotes, odd)).replace(_KEPT_SPACE, " ")
        if odd:
            faults.setdefault("parts", []).append(named)
            faults.setdefault("parts found", []).extend(odd)
        if not text and (ident in answered
                         # a 👍 sticker sent in reply says what a 👍 typed would
                         or m.get("media_type") == "sticker" and m.get("reply_to_message_id") is not None):
            text = _telegram_media(m)
        if not text:
            left["empty"] += 1
            continue
        # a channel's post signed by its writer is theirs; a deleted account has no name but
        # still one id: Telegram shows it so
        signed = m.get("author") if isinstance(m.get("author"), str) else ""
        who = signed or str(m.get("from") or ("Deleted Account" if m.get("from_id") else ""))
        account = signed.casefold() if signed else str(m.get("from_id") or "")
        key = ident or f"#{len(thread.posts)}"
        if ident in said:
            if said[ident] == (account, who, text):  # the same message again: read once
                left[TELEGRAM_COPIES] += 1
                continue
            # another message under an id already read: its own message, under a key of its own
            twice[ident] = twice.get(ident, 1) + 1
            key = f"{ident}#{twice[ident]}"
            faults.setdefault("twice", []).append(named)
        elif ident:
            said[ident] = (account, who, text)
        else:
            faults.setdefault("id", []).append(named)
        if not who:
            faults.setdefault("from", []).append(named)
        parent = str(m.get("reply_to_message_id") or "")
        if parent and parent not in place_of and parent != ident:
            # it answers what is not read (forwarded, a bot's, words lost, before the export): said,
            # for the reply now answers no one
            left[TELEGRAM_UNREAD] += 1
        date = _telegram_date(m)
        if not date:
            faults.setdefault("date", []).append(named)
        place_of[key] = f"message {len(thread.posts) + 1}"  # numbered by message: one place each, never repeated
        thread.posts.append(Post(key=key, author=who, text=text,
                                 parent=parent if parent in place_of and parent != ident else None,
                                 date=date, account=account, place=place_of[key], root=not thread.posts, quotes=quotes,
                                 edited=(utc_minute(m["edited_unixtime"]) if m.get("edited_unixtime")
                                         else str(m.get("edited") or "")[:16].replace("T", " ")
                                         if m.get("edited") else "")))
    if thread.posts:
        thread.author, thread.date = thread.posts[0].author, thread.posts[0].date
    return thread


def _telegram_date(m: dict[str, Any]) -> str:
    """A message's time: in UTC from its Unix time, else the exporter's local time as
    written; "" when neither is a time.

    >>> _telegram_date({"date_unixtime": "1710147767"}), _telegram_date({"date": "2024-03-11T10:02:47"})
    ('2024-03-11 09:02 UTC', '2024-03-11 10:02')
    >>> _telegram_date({"date": "yesterday"}), _telegram_date({})
    ('', '')
    """
    from datetime import datetime

    if m.get("date_unixtime") and (utc := utc_minute(m["date_unixtime"])):
        return utc
    local = m.get("date")
    if not isinstance(local, str):
        return ""
    try:
        datetime.fromisoformat(local)
    except ValueError:
        return ""
    return local[:16].replace("T", " ")


def _telegram_text(text: Any, left: Left, quotes: list[str], odd: list[str] | None = None) -> str:
    """A message's words: Telegram gives a string, or a list of strings and entities
    (``{"type": "bold", "text": ...}``); a quoted passage (``blockquote``) is left out,
    added to ``quotes``; a block of code (``pre``) fenced as Markdown fences it, so that
    the draft reads no claim in it. A part that is none of these (null, a number) is
    named in ``odd``, and a list's words are read.

    >>> _telegram_text(["Ours:\\n", {"type": "pre", "text": "a: b", "language": "yaml"}, "\\nDone."], Left(), [])
    'Ours:\\n```yaml\\na: b\\n```\\nDone.'
    >>> odd = []; _telegram_text(["a ", None, ["b"], {"type": "bold"}], Left(), [], odd), odd
    ('a b', ['null', 'a list', 'an entity without "text"'])
    """
    if isinstance(text, str):
        return text
    if not isinstance(text, list):
        return ""
    out: list[str] = []
    fenced = False  # the last part closed a block of code: what follows starts on a line of its own

    def add(words: str) -> None:
        nonlocal fenced
        if fenced and words and not words.startswith("\n"):
            words = "\n" + words
        fenced = False
        out.append(words)

    for part in text:
        if isinstance(part, list):  # (no part Telegram writes: its words are read)
            if odd is not None:
                odd.append("a list")
            add(_telegram_text(part, left, quotes, odd))
        elif isinstance(part, str):
            add(part)
        elif isinstance(part, dict) and isinstance(part.get("text"), str):
            kind, words = part.get("type"), part["text"]
            if kind == "blockquote":
                left[QUOTED_PASSAGES] += 1
                quotes.append(words)
                add(f"\n{QUOTE_MARK}\n")  # where it stood
            elif kind == "strikethrough":  # words the writer struck out: not what they say
                left["struck-out passages"] += 1
                if out and out[-1].endswith(" "):
                    add("\0")  # the space on either side of them is one space
            elif kind == "code":  # held up as a name, as in Markdown
                add(f"`{words}`")
            elif kind == "pre":
                add(_fenced(words, part.get("language"), "".join(out)))
                fenced = True
            elif kind == "text_link" and part.get("href") and part["href"] != words:
                add(f"{words} ({part['href']})")
            else:
                add(words)
        elif odd is not None:
            odd.append("null" if part is None else "an entity without \"text\"" if isinstance(part, dict)
                       else f"a {'number' if isinstance(part, (int, float)) else type(part).__name__}")
    return own_words(re.sub(r" \0 ?", " ", "".join(out)).replace("\0", ""))


def _fenced(code: str, language: Any, before: str) -> str:
    """A block of code as Markdown fences it, on lines of its own, its language (when it
    is a name) on the opening fence, each line's indentation kept through tidy().

    >>> _fenced("def f():\\n    return 1", "python", "Like this:").replace(_KEPT_SPACE, " ")
    '\\n```python\\ndef f():\\n    return 1\\n```'
    """
    lang = language if isinstance(language, str) and re.fullmatch(r"[\w+#.-]{1,30}", language) else ""
    lines = [_KEPT_SPACE * (len(line) - len(line.lstrip(" "))) + line.lstrip(" ") if line.strip() else ""
             for line in code.expandtabs(4).strip("\n").split("\n")]
    return ("\n" if before and not before.endswith("\n") else "") + f"```{lang}\n" + "\n".join(lines) + "\n```"


def _telegram_media(m: dict[str, Any]) -> str:
    """A Telegram message's photo, sticker, file or poll, as its words when it has none and
    others reply to it ("" when it shows none of them).

    >>> _telegram_media({"photo": "photos/photo_1.jpg"}), _telegram_media({"media_type": "sticker", "sticker_emoji": "👍"})
    ('[photo]', '[sticker: 👍]')
    >>> _telegram_media({"file": "files/plan.pdf", "file_name": "plan.pdf"}), _telegram_media({})
    ('[file: plan.pdf]', '')
    """
    if m.get("photo"):
        return shown_media("photo")
    kind = str(m.get("media_type") or "").replace("_", " ")
    if kind == "sticker":
        return shown_media("sticker", m.get("sticker_emoji"))
    if kind:
        return shown_media(kind.removesuffix(" file"), m.get("file_name"))
    if m.get("file"):
        return shown_media("file", m.get("file_name"))
    poll = m.get("poll")
    if isinstance(poll, dict):
        return shown_media("poll", poll.get("question"))
    return ""


def _discord_media(m: dict[str, Any]) -> str:
    """A Discord message's attachments, stickers or embeds, as its words when it has none
    and others reply to it ("" when it shows none of them).

    >>> _discord_media({"attachments": [{"fileName": "chart.png"}]}), _discord_media({"stickers": [{"name": "wave"}]})
    ('[attachment: chart.png]', '[sticker: wave]')
    """
    for key, kind, name in (("attachments", "attachment", "fileName"), ("stickers", "sticker", "name"),
                            ("embeds", "embed", "title")):
        shown = [shown_media(kind, x.get(name)) for x in m.get(key) or () if isinstance(x, dict)]
        if shown:
            return " ".join(shown[:5])
    return ""
