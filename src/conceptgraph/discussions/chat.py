"""Slack exports and transcripts (WebVTT, SRT).

Slack: a folder or ``.zip`` with ``users.json``, ``channels.json`` and a folder of
daily files per channel; each channel is a thread, a threaded reply answers its
thread's first message. Bots (Slackbot too) and joins/leaves are left out
(``--include-bots`` keeps bots); ``<@U123>`` mentions read as ``@Name``. A day file
that is no list of messages, or a message without its ``ts``, is refused. A zip is
checked (no absolute or ``..`` paths, no links, a bounded unpacked size) before
anything in it is read.

Transcripts: cues with ``<v Name>`` voices (Teams) or ``Name:`` prefixes (Zoom);
consecutive cues of one speaker are one turn; cues without words are left out.
"""

from __future__ import annotations

import html
import json
import lzma
import os
import re
import stat
import warnings
import zipfile
import zlib
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from ..errors import ConceptGraphWarning, DatasetError, NamedByIdWarning, excerpt
from ..formats.common import load_json
from .clean import SOUND_CUES, SOUND_NOTES, markdown_to_text, passages, quoted_post, sign_off_removed, tidy
from .thread import CHANNEL_EVENTS, MISSING_PARENTS, Left, Post, Thread, shown_media, text_of, utc_minute, votes

__all__ = ["read_slack", "read_transcript", "sniff_transcript"]


# --- Slack ---------------------------------------------------------------------------------

_EVENTS = {"channel_join", "channel_leave", "channel_topic", "channel_purpose", "channel_name", "channel_archive",
           "channel_unarchive", "group_join", "group_leave", "pinned_item", "unpinned_item", "reminder_add"}


_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
# What opening or reading a damaged zip can raise: a bad CRC, a truncated stream, a corrupt
# one, a directory that names a version or method no reader has (a fuzzed one gave "version 6.4")
ZIP_FAULTS = (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, RuntimeError,
               NotImplementedError, zlib.error, lzma.LZMAError)


class _Files:
    """The files of a Slack export, from a folder or from a checked zip."""

    def __init__(self, path: Path, limit: int) -> None:
        self.path, self.file = path, str(path)
        self.zip: zipfile.ZipFile | None = None
        self.names: list[str]
        if path.is_dir():
            self.names = sorted(os.path.relpath(os.path.join(top, f), path) for top, _, found in os.walk(path)
                                for f in found if f.endswith(".json")
                                and not os.path.islink(os.path.join(top, f)))
            return
        try:
            self.zip = zipfile.ZipFile(path)
            infos = self.zip.infolist()
        except ZIP_FAULTS as e:
            raise DatasetError(f"not a readable zip: {excerpt(e, 80)}", self.file) from None
        if len(infos) > 100_000:
            raise DatasetError(f"the zip holds {len(infos):,} entries; refusing more than 100,000", self.file)
        total = 0
        for info in infos:
            name = info.filename
            if name.startswith(("/", "\\")) or ".." in Path(name).parts or ":" in name.split("/")[0] or "\\" in name:
                raise DatasetError(f"zip entry '{excerpt(name, 60)}' points outside the export", self.file)
            if stat.S_ISLNK(info.external_attr >> 16):
                raise DatasetError(f"zip entry '{excerpt(name, 60)}' is a link", self.file)
            if info.flag_bits & 0x1:
                raise DatasetError(f"zip entry '{excerpt(name, 60)}' is encrypted", self.file)
            if info.compress_type not in _METHODS:
                raise DatasetError(f"zip entry '{excerpt(name, 60)}' uses an unknown compression method "
                                   f"({info.compress_type})", self.file)
            total += info.file_size
            if total > limit:
                raise DatasetError(f"the zip unpacks to more than {limit:,} bytes (CONCEPTGRAPH_MAX_BYTES)", self.file)
        self.entries = {i.filename for i in infos}
        self.names = sorted(i.filename for i in infos if i.filename.endswith(".json") and not i.is_dir())

    def where(self, name: str) -> str:
        """How an error names the file ``name`` of the export."""
        return str(self.path / name) if self.zip is None else f"{self.file}:{name}"

    def raw(self, name: str) -> bytes:
        if self.zip is None:
            from ..files import read_limited

            return read_limited(self.path / name)
        if name not in self.entries:
            raise DatasetError("no such file in the zip", self.where(name))
        try:
            with self.zip.open(name) as f:
                return f.read(self.zip.getinfo(name).file_size + 1)
        except ZIP_FAULTS as e:
            raise DatasetError(f"cannot be read from the zip: {excerpt(e, 80)}", self.where(name)) from None

    def read(self, name: str) -> Any:
        return load_json(self.raw(name), self.where(name))

    def line_of(self, name: str, index: int) -> int | None:
        """The line where item ``index`` of the JSON list in ``name`` begins (None when
        it cannot be told): only for an error, which is worth reading the file again."""
        try:
            text = self.raw(name).decode("utf-8-sig")
            decoder = json.JSONDecoder()
            at = text.index("[") + 1
            for _ in range(index):
                _, at = decoder.raw_decode(text, _past_gap(text, at))
            return text.count("\n", 0, _past_gap(text, at)) + 1
        except (ValueError, DatasetError):
            return None


def _past_gap(text: str, at: int) -> int:
    """Where the next item of a JSON list begins, from the end of the one before.

    >>> _past_gap('[1 ,\\n 2]', 2)
    6
    """
    while at < len(text) and text[at] in " \t\r\n,":
        at += 1
    return at


_SLACK_STRUCK = re.compile(r"(?<![\w~])~(?=\S)([^~\n]{1,2000}?)(?<=\S)~(?![\w~])")


def _slack_text(text: str, users: dict[str, str], left: Left, quotes: list[str] | None = None) -> str:
    text = re.sub(r"<@([A-Z0-9]+)(?:\|[^<>]*)?>", lambda m: "@" + users.get(m.group(1), m.group(1)), text)
    text = re.sub(r"<#[A-Z0-9]+\|([^<>]+)>", r"#\1", text)
    text = re.sub(r"<!(here|channel|everyone)>", r"@\1", text)
    # Slack strikes out with one tilde ("~the ticket~ the response"): Markdown's two, taken back as they are
    text = _SLACK_STRUCK.sub(r"~~\1~~", text)
    return markdown_to_text(text.replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&"), left, quotes=quotes)


def _ts(m: dict[str, Any]) -> float:
    """A message's time stamp (checked by :func:`_day`) as a number, for sorting."""
    return float(m["ts"])


def _named(reaction: dict[str, Any]) -> object:
    """A Slack reaction's emoji (``reactions``: name, count, users)."""
    return reaction.get("name")


#: Slack's own bot: its reminders and notices are no one's words (its tombstones stand in for deleted messages)
_SLACKBOT = "USLACKBOT"
# Slack's id and time of a message: Unix seconds, and a sequence after the point ("1355517523.000005")
_TS = re.compile(r"[0-9]{1,20}(?:\.[0-9]{1,20})?")


class _Users:
    """The people of ``users.json``: each id's name, the bots, and the ids a message
    names no one by (counted, to be said)."""

    def __init__(self, raw: list[Any]) -> None:
        self.names: dict[str, str] = {}
        self.bots: set[str] = {_SLACKBOT}
        self.unnamed: Counter[str] = Counter()  # user id -> messages named by that id alone
        handles: dict[str, str] = {}  # user name ("ana") -> id
        for u in raw:
            if isinstance(u, dict) and isinstance(u.get("id"), str):
                profile: dict[str, Any] = u["profile"] if isinstance(u.get("profile"), dict) else {}
                self.names[u["id"]] = str(u.get("real_name") or profile.get("real_name")
                                          or profile.get("display_name") or u.get("name") or u["id"])
                if text_of(u.get("name")):
                    handles.setdefault(u["name"], u["id"])
                if u.get("is_bot"):
                    self.bots.add(u["id"])
        self.names.setdefault(_SLACKBOT, "Slackbot")
        self.handles = handles
        named = Counter(self.names.values())
        self.by_name = {name: i for i, name in self.names.items() if named[name] == 1}

    def writer(self, m: dict[str, Any], source: dict[str, Any]) -> str:
        """The id of the message's writer; with ``user`` left empty, the one its
        ``user_profile`` shows (by id, user name or a name no one else has), so that a
        message without its user id is still its writer's, not a second person's."""
        user = text_of(source.get("user")) or text_of(m.get("user"))
        if user:
            return user
        shown: dict[str, Any] = m["user_profile"] if isinstance(m.get("user_profile"), dict) else {}
        if text_of(shown.get("id")) in self.names:
            return str(shown["id"])
        return (self.handles.get(text_of(shown.get("name"))) or self.by_name.get(text_of(shown.get("real_name")))
                or "")


def _kind(value: Any) -> str:
    """What a JSON value is, as an error says it.

    >>> _kind({}), _kind(None), _kind(True), _kind(5)
    ('an object', 'null', 'true or false', 'a number')
    """
    if isinstance(value, bool):
        return "true or false"
    kinds = ((dict, "an object"), (list, "a list"), (str, "a string"), ((int, float), "a number"))
    return next((word for t, word in kinds if isinstance(value, t)), "null")


def _day(files: _Files, name: str) -> list[dict[str, Any]]:
    """The messages of one day file of a channel, each with the ``ts`` that places it."""
    batch = files.read(name)
    where = files.where(name)
    if not isinstance(batch, list):
        # a whole day would be lost unsaid ({"messages": [...]}, an API answer saved as a day)
        inside = ' with a "messages" list: save that list alone as the day' \
            if isinstance(batch, dict) and isinstance(batch.get("messages"), list) else ""
        raise DatasetError(f"expected a list of messages (a Slack day file is a JSON list), found "
                           f"{_kind(batch)}{inside}", where)
    for n, m in enumerate(batch):
        if not isinstance(m, dict):
            raise DatasetError(f"item {n + 1} of the day is {_kind(m)}, not a message (a JSON object)", where,
                               files.line_of(name, n))
        ts = m.get("ts")
        if isinstance(ts, str) and _TS.fullmatch(ts):
            continue
        # Refused, not left out: the ts is a message's id as well as its time, the id its
        # replies name in their thread_ts; without it, it can be placed neither in time
        # nor in its thread, and had it started a thread, leaving it out would set its
        # replies adrift. Slack writes one on every message: one missing was lost after
        # the export, and is the user's to put back (or to remove with the message).
        said = text_of(m.get("text"))
        by = text_of(m.get("user")) or "no user"
        what = f'message {n + 1} of the day ({by}{f": “{excerpt(said, 30)}”" if said else ""})'
        fault = 'has no "ts"' if ts in (None, "") else f'has "ts" {excerpt(json.dumps(ts), 30)}, no time stamp'
        raise DatasetError(f'{what} {fault} (Slack\'s id and time of a message, Unix seconds as a string: '
                           f'"1355517523.000005"): put it back, or remove the message', where,
                           files.line_of(name, n))
    return batch


def read_slack(path: Path, limit: int, include_bots: bool = False) -> tuple[list[Thread], Left]:
    """The channels of a Slack export, each a thread; one without messages is an empty
    thread, there for ``--thread`` to find, and counted."""
    files = _Files(path, limit)
    root = next((n.rsplit("users.json", 1)[0] for n in files.names if n.endswith("users.json")), "")
    users_raw = files.read(root + "users.json")
    channels_raw = files.read(root + "channels.json")
    if not isinstance(users_raw, list) or not isinstance(channels_raw, list):
        raise DatasetError("users.json and channels.json must be lists", files.file)
    users = _Users(users_raw)
    days: dict[str, list[str]] = defaultdict(list)  # channel folder -> its daily files, read once
    for name in files.names:
        folder, _, day = name[len(root):].rpartition("/") if name.startswith(root) else ("", "", "")
        if folder and "/" not in folder and re.fullmatch(r"\d{4}-\d{2}-\d{2}\.json", day):
            days[folder].append(name)
    left = Left()
    threads = []
    empty: list[str] = []  # the channels the export holds no message of (a folder of [], or none)
    listed = _conversations(files, root, channels_raw, users)
    # folders of days no list names: read as channels of their folder's name, and said
    unlisted = sorted(set(days) - {folder for _, folder, _ in listed})
    if unlisted:
        warnings.warn(ConceptGraphWarning(
            f"{files.file}: {len(unlisted)} folder{'s' if len(unlisted) > 1 else ''} of days that no channel list "
            f"names ({excerpt(', '.join(unlisted), 60)}): read as channels of their folders' names"), stacklevel=2)
    for key, folder, title in [*listed, *((folder, folder, "#" + folder) for folder in unlisted)]:
        messages: list[dict[str, Any]] = []
        for day in days.get(folder, []):
            messages += _day(files, day)
        if not messages:
            empty.append(title)
        messages.sort(key=_ts)
        # its id is its key: --thread finds a channel by its id ("C024BE91L") as by its name
        threads.append(_channel(key, title, messages, users, include_bots, left))
    if empty:
        shown = ", ".join(excerpt(e, 40) for e in empty[:3]) + (f" and {len(empty) - 3} more" if len(empty) > 3 else "")
        left[f"channels without messages ({shown})"] += len(empty)
    if not any(t.posts for t in threads):
        raise DatasetError("no message in this Slack export", files.file)
    if users.unnamed:  # said, as an id for a name is no one a reader knows
        n, ids = sum(users.unnamed.values()), list(users.unnamed)
        shown = ", ".join(excerpt(i, 20) for i in ids[:3]) + (", ..." if len(ids) > 3 else "")
        warnings.warn(NamedByIdWarning(
            f"{files.file}: {n} message{'s' if n > 1 else ''} by {len(ids)} user{'s' if len(ids) > 1 else ''} "
            f"whom users.json does not name, each named by their id ({shown}): --rename '{excerpt(ids[0], 20)}=NAME' "
            "names one", ids), stacklevel=2)
    return threads, left


def _conversations(files: _Files, root: str, channels: list[Any], users: _Users) -> list[tuple[str, str, str]]:
    """(key, folder, title) of each conversation the export lists: its public channels
    (channels.json), and its private channels, group and direct messages where exported
    (groups.json, mpims.json, dms.json); a direct message's folder is its id, and its title
    who speaks in it."""
    listed = [("channels.json", channels)]
    for name in ("groups.json", "mpims.json", "dms.json"):
        if root + name in files.names:
            more = files.read(root + name)
            if not isinstance(more, list):
                raise DatasetError(f"expected a list of conversations, found {_kind(more)}", files.where(root + name))
            listed.append((name, more))
    out = []
    for name, entries in listed:
        for ch in entries:
            if not isinstance(ch, dict):
                continue
            ident = text_of(ch.get("id"))
            if isinstance(ch.get("name"), str):
                out.append((ident or ch["name"], ch["name"], "#" + ch["name"]))
            elif name == "dms.json" and ident:
                people = [users.names.get(str(u), str(u)) for u in ch.get("members") or () if isinstance(u, str)]
                out.append((ident, ident, f"direct messages ({', '.join(people)})" if people else ident))
    return out


def _channel(key: str, title: str, messages: list[dict[str, Any]], users: _Users, include_bots: bool,
             left: Left) -> Thread:
    thread = Thread(key=key, title=title)
    starts: dict[str, str] = {}  # ts of a message that starts a thread -> its key
    place_of: dict[str, str] = {}  # that key -> its place
    keys: set[str] = set()
    replies: dict[str, int] = defaultdict(int)
    said: list[tuple[str, str]] = []  # each message's key and words, for those that quote it
    missing: set[str] = set()  # the thread_ts of replies whose first message is not here
    top = 0
    # the messages that start a thread: one with no words (a file alone) is kept for its replies, as what it shows
    answered = {str(m["thread_ts"]) for m in messages if m.get("thread_ts") and m.get("thread_ts") != m.get("ts")}
    for m in messages:
        subtype = m.get("subtype") if isinstance(m.get("subtype"), str) else ""
        if subtype in _EVENTS:
            left[CHANNEL_EVENTS] += 1
            continue
        comment = m.get("comment") if subtype == "file_comment" and isinstance(m.get("comment"), dict) else None
        source: dict[str, Any] = comment if comment is not None else m  # a file comment's author is its commenter
        user = users.writer(m, source)
        # (a tombstone is Slackbot's too: it stands in for a deleted message, below)
        bot = subtype == "bot_message" or m.get("bot_id") or (user in users.bots and subtype != "tombstone")
        if bot and not include_bots:
            left["bots"] += 1
            continue
        quotes: list[str] = []
        text = _slack_text(text_of(source.get("comment") if comment is not None else m.get("text")), users.names,
                           left, quotes)
        if not text and str(m.get("ts") or "") in answered:
            text = " ".join(shown_media("file", f.get("title") or f.get("name"))
                            for f in m.get("files") or () if isinstance(f, dict))
        if not text:
            left["empty"] += 1
            continue
        ts, parent_ts = str(m["ts"]), str(m.get("thread_ts") or "")
        key = ts if ts not in keys else f"{ts}#{len(keys)}"
        keys.add(key)
        shown: dict[str, Any] = m["user_profile"] if isinstance(m.get("user_profile"), dict) else {}
        who = users.names.get(user) or text_of(m.get("username")) or text_of(shown.get("real_name")) or user
        text = sign_off_removed(text, who, left)  # "...\nRuth", as a mail signs off
        day = utc_minute(ts)
        changed = m.get("edited")  # {"user": ..., "ts": ...}: who last changed its words, and when
        edited = (utc_minute(str(changed.get("ts") or "")) or "yes") if isinstance(changed, dict) else ""
        gone = "deleted" if subtype == "tombstone" else ""  # "This message was deleted.", by Slackbot
        if gone:
            who, text, user = "", "", ""  # a stand-in while replies answer it; no one's words
        elif who == user and user:
            users.unnamed[user] += 1
        if parent_ts and parent_ts != ts and parent_ts in starts:
            replies[parent_ts] += 1
            parent = starts[parent_ts]
            # a reply answers the thread's first message, or the one it quotes ("> ...")
            thread.posts.append(Post(key=key, author=who, text=text, account=user, date=day,
                                     parent=(quoted_post(quotes, said) or parent) if quotes else parent,
                                     place=f"reply {replies[parent_ts]} to {place_of[parent]}", gone=gone,
                                     score=votes(m.get("reactions"), _named, "count"), quotes=passages(quotes),
                                     edited=edited))
        else:
            if parent_ts and parent_ts != ts:
                # the first message of its thread is not here (not exported, or left out): it
                # stands as a message of the channel, as a channel's messages answer no one
                missing.add(parent_ts)
            top += 1
            starts.setdefault(ts, key)
            place_of[key] = f"message {top}"
            # a message of the channel that quotes an earlier one ("> ...") answers it
            thread.posts.append(Post(key=key, author=who, text=text, account=user, date=day, place=f"message {top}",
                                     root=not thread.posts, parent=(quoted_post(quotes, said) or None) if quotes else None,
                                     gone=gone, score=votes(m.get("reactions"), _named, "count"),
                                     quotes=passages(quotes), edited=edited))
        said.append((key, " ".join(text.split())))
    if missing:
        left[MISSING_PARENTS] += len(missing)
    if thread.posts:
        thread.date, thread.author = thread.posts[0].date, thread.posts[0].author
    return thread


# --- transcripts ---------------------------------------------------------------------------

# (hours as WebVTT writes them: two digits or more, a recording of a hundred hours too)
_TIMING = re.compile(r"^\s*(?P<start>(?:\d+:)?\d{1,2}:\d{2})(?P<from>[.,]\d{1,3})\s+-->\s+"
                     r"(?P<end>(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})")
_VOICE = re.compile(r"<v(?:\.[^\s<>]*)?\s+([^<>]+)>")
_MARKUP = re.compile(r"</?[^<>]+>")
_PREFIX = re.compile(r"^([^\s:][^:]{0,40}):\s+(.*)$", re.S)
_DASH = re.compile(r"^[-‐–—]\s*(?=\S)")
#: The speaker of a line of subtitles' dialogue: not named, and no one else's turn goes on
UNKNOWN = "\x00unknown"
_NOISE = re.compile(r"^(?:[\[(][^\])]*[\])]|[♪♫]+[^♪♫]*[♪♫]*)$")  # [Music], (laughs), ♪ music ♪
# The captioner's credit, a cue of its own: "CAPTIONS BY REV.COM", "Subtitles by the Amara.org community"
_CREDIT = re.compile(r"^(?:(?:closed\s+)?(?:captions?|captioning|subtitles?|subtitling|transcription|transcript)\s+"
                     r"(?:(?:provided|made|created|synced|corrected|edited)\s+)?by\b|(?:captioned|subtitled|synced|"
                     r"transcribed)\s+by\b).{0,80}$", re.I)


# How a transcript cut short ends: inside a cue's timing ("00:00:53.300 --> 00:"), or
# inside a voice tag ("<v Sofía Ram"), whose name would go on as the words before it
_CUT_TIMING = re.compile(r"^\s*(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{0,3}\s*(?:-{1,2}>?\s*[\d:.,]*)?\s*$|"
                         # (hours, minutes and seconds alone: a cue's start cut before its fraction)
                         r"^\s*\d{1,2}:(?:\d{1,2}:?(?:\d{1,2})?)?\s*$")
_CUT_VOICE = re.compile(r"<v(?:\.[^\s<>]*)?(?:\s[^<>]*)?$")


def _cut_short(text: str, file: str) -> None:
    """A transcript whose last line is a cue's timing or a voice tag left unfinished is
    cut short: said, as a file cut inside a character is, not read as a shorter one."""
    body = text.rstrip("\n")
    last = body.rsplit("\n", 1)[-1]
    line = body.count("\n") + 1
    if not last.strip():
        return
    if _CUT_TIMING.match(last) and not _TIMING.match(last):
        raise DatasetError("the file ends inside a cue's timing: is it cut short?", file, line)
    if _CUT_VOICE.search(last):
        raise DatasetError("the file ends inside a voice tag (<v ...>): is it cut short?", file, line)
    # Teams closes each voice (<v Ann>words</v>): the last cue alone left open was cut in its words
    voiced = [block for block in re.split(r"\n\s*\n", body) if "<v" in block]
    if len(voiced) >= 3 and "</v>" not in voiced[-1] and all("</v>" in block for block in voiced[:-1]):
        raise DatasetError("the last cue's voice is never closed (</v>), as every other cue's is: is it cut short?",
                           file, line)
    # Every cue ends its line, and a file its last cue's: words that end neither their sentence
    # nor their line were likely cut off, but a writer may leave the last line open, so: said
    if not text.endswith("\n") and not _ENDED.search(last) and re.search(r"\w$", last):
        warnings.warn(ConceptGraphWarning(
            f"{file}:{line}: the file ends in the middle of a cue's words (\"...{excerpt(last[-30:], 30)}\", "
            "no line break after them): if it was cut short, the last turn is incomplete"), stacklevel=2)


_ENDED = re.compile(r"[.!?…)\]\"”’']\s*$")
# The blocks of a transcript that are no cue: WebVTT's notes, styles and regions
_NOT_A_CUE = re.compile(r"^\s*(?:NOTE|STYLE|REGION|WEBVTT)\b")
# A line that was meant as a cue's timing: two times with something other than " --> " between
# (a digit short, "00:01:3.5 --> 00:01:09.800", is a timing mistyped too, not words)
_LOOSE_TIMING = re.compile(r"^\s*(?:\d{1,2}:)?\d{1,2}:\d{1,2}(?:[.,]\d{1,3})?\s*[^\w\s]{1,4}\s*(?:\d{1,2}:)?\d{1,2}:\d{1,2}|"
                           r"^\s*[\d:.,]{3,}\s*-->\s*[\d:.,]{3,}")


def _seconds(time: str) -> float:
    """``"01:02.5"`` or ``"00:01:02,500"`` as seconds: 62.5."""
    total = 0.0
    for part in time.replace(",", ".").split(":"):
        total = total * 60 + float(part)
    return total


def sniff_transcript(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return start.startswith(b"WEBVTT") or bool(re.match(rb"^\d+\s*\r?\n\s*\d{1,2}:\d{2}:\d{2}[,.]\d{3}\s+-->", start))


#: Who speaks a cue with no voice tag in a transcript whose other cues name theirs: one
#: unnamed voice, whose cues in a row are one turn
_UNVOICED = "\x00unvoiced"


def _voices(body: str, previous: str) -> list[tuple[str, str]]:
    """(speaker, words) of one cue: each ``<v Name>`` its own (two voices are two
    turns), else each line that starts ``Name:`` (Zoom); words under no name go on
    with the speaker before them, as Zoom's continuation lines do."""
    marks = list(_VOICE.finditer(body))
    if marks:
        ends = [m.start() for m in marks[1:]] + [len(body)]
        pieces = [(previous, body[:marks[0].start()])]
        pieces += [(m.group(1).strip(), body[m.end():end]) for m, end in zip(marks, ends)]
        # voices in one cue may open with dialogue's dash ("<v Ann>- Exactly."): the dash is no word of theirs
        dashed = len(marks) >= 2 and all(_DASH.match(_MARKUP.sub("", text).strip()) for _, text in pieces[1:])
        return [(who, _DASH.sub("", _MARKUP.sub("", text).strip()) if dashed else _MARKUP.sub("", text))
                for who, text in pieces]
    out: list[tuple[str, str]] = []
    speaker, lines = previous, list[str]()
    said = [_MARKUP.sub("", line).strip() for line in body.split("\n")]
    # subtitles' dialogue: a cue whose lines each open with a dash holds two speakers
    # ("- Exactly." / "- I don't buy it."), and who they are it does not say
    dialogue = sum(bool(_DASH.match(line)) for line in said) >= 2
    for line in said:
        dash = _DASH.match(line) if dialogue else None
        if dash:
            line = line[dash.end():]
        m = _PREFIX.match(line)
        if m and len(m.group(1).split()) <= 4:
            out.append((speaker, "\n".join(lines)))
            speaker, lines = m.group(1).strip(), [m.group(2)]
        elif dash:
            out.append((speaker, "\n".join(lines)))
            speaker, lines = UNKNOWN, [line]
        else:
            lines.append(line)
    out.append((speaker, "\n".join(lines)))
    return out


def read_transcript(data: bytes, file: str) -> tuple[list[Thread], Left]:
    from ..files import read_text

    text = read_text(file, data).replace("\r\n", "\n").replace("\r", "\n")  # (a character cut in two: said)
    _cut_short(text, file)
    left = Left()
    turns: list[tuple[str, list[str], str]] = []  # (speaker, the words of each of their cues, when they began)
    speaker = ""
    # where speakers are named by voice tags (Teams), a cue with none is someone unnamed (a
    # dial-in line), not more of whoever spoke before, as a Zoom caption's next line is
    voiced = bool(_VOICE.search(text))
    unnamed = 0  # the cues of no one named, in a file of named voices
    untimed = 0  # the line of the first block of words with no timing line (0: none)
    backwards: tuple[int, str] | None = None  # the line and timing of the first cue that ends before it starts
    reversed_cues = 0
    at_line = 1
    for n, block in enumerate(re.split(r"(\n\s*\n)", text)):
        if n % 2:  # the blank lines between two blocks
            at_line += block.count("\n")
            continue
        first = at_line + len(block) - len(block.lstrip("\n"))
        at_line += block.count("\n")
        lines = block.strip("\n").split("\n")
        found = next(((i, m) for i, line in enumerate(lines) if (m := _TIMING.match(line))), None)
        if found is None:
            if n == 0 or _NOT_A_CUE.match(lines[0]) or not block.strip():
                continue  # the header, a NOTE, a STYLE block
            # a cue whose timing line is damaged ("00:01:02.000 -> 00:01:05.000") would be lost unsaid
            bad = next((i for i, line in enumerate(lines) if _LOOSE_TIMING.match(line)), None)
            if bad is not None:
                raise DatasetError(f"a cue's timing is not written as transcripts write it ('{excerpt(lines[bad], 40)}'; "
                                   "it is start --> end, as 00:01:02.000 --> 00:01:05.000)", file, first + bad)
            untimed = untimed or first
            left["blocks with no timing line"] += 1
            continue
        at, timing = found
        if _seconds(timing.group("end")) < _seconds(timing.group("start") + timing.group("from")):
            backwards = backwards or (first + at, lines[at].strip())
            reversed_cues += 1
        said = False
        for who, words in _voices("\n".join(lines[at + 1:]), _UNVOICED if voiced else speaker):
            # a caption's lines are broken for the screen, not by the speaker: one line; and
            # WebVTT escapes "&", "<" and ">" in a cue's text (&amp; &lt; &gt;, and &nbsp;)
            who = html.unescape(who) if who != UNKNOWN else who
            words, sounds = SOUND_CUES.subn("", html.unescape(words))
            words = tidy(re.sub(r"\s+", " ", words))
            if sounds and words:  # (a cue of a sound alone, "[laughter]", is counted once: a cue without words)
                left[SOUND_NOTES] += sounds
            if not words or _NOISE.match(words) or _CREDIT.match(words):  # (markup gone with _voices)
                continue
            said, speaker = True, who
            unnamed += who == _UNVOICED
            if turns and turns[-1][0] == who != UNKNOWN:
                turns[-1][1].append(words)  # the same speaker goes on: one turn (the same unnamed voice too)
            else:
                turns.append((who, [words], timing.group("start")))
        if not said:
            left["cues without words"] += 1
    if untimed:
        blocks = left["blocks with no timing line"]
        warnings.warn(ConceptGraphWarning(
            f"{file}:{untimed}: words with no timing line before them, not read as anyone's turn "
            f"({blocks} such block{'s' if blocks > 1 else ''}): a blank line inside a cue ends it"), stacklevel=2)
    if backwards:
        # its words are read where the file has them: a timing typed wrong moves no turn
        warnings.warn(ConceptGraphWarning(
            f"{file}:{backwards[0]}: a cue that ends before it starts ('{excerpt(backwards[1], 40)}'"
            f"{f', and {reversed_cues - 1} more' if reversed_cues > 1 else ''}): its words are read in the file's order; "
            "check the timing against the recording"), stacklevel=2)
    if not turns:
        raise DatasetError("no cue with words in this transcript", file)
    if unnamed:
        warnings.warn(ConceptGraphWarning(
            f"{file}: {unnamed} cue{'s' if unnamed > 1 else ''} with no voice tag, where the others name theirs: "
            "each run of them is an unnamed speaker's turn ('--rename' or '--same-person' names them)"), stacklevel=2)
    # Zoom names its files by the meeting's start: GMT20240307-140212_Recording.transcript.vtt
    day = re.search(r"GMT(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})\d{2}", Path(file).name)
    # ... and the file's name is no title: "Zoom meeting, 2024-03-07 14:02 GMT"
    title = f"Zoom meeting, {'-'.join(day.groups()[:3])} {day[4]}:{day[5]} GMT" if day else Path(file).stem
    thread = Thread(key=file, title=title, date="-".join(day.groups()[:3]) if day else "")
    # the time a turn began, to find it in the recording; its cues run on as one text
    thread.posts = [Post(key=f"turn-{n}", author="" if who in (UNKNOWN, _UNVOICED) else who, text=" ".join(words),
                         place=f"turn {n} at {start}", root=n == 1, date=thread.date)
                    for n, (who, words, start) in enumerate(turns, 1)]
    thread.author = thread.posts[0].author
    return [thread], left
