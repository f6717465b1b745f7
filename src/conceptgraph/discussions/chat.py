"""Slack exports and transcripts (WebVTT, SRT).

Slack: a folder or ``.zip`` with ``users.json``, ``channels.json`` and a folder of
daily files per channel; each channel is a thread, a threaded reply answers its
thread's first message. Bots and joins/leaves are left out (``--include-bots`` keeps
bots); ``<@U123>`` mentions read as ``@Name``. A zip is checked (no absolute or ``..``
paths, no links, a bounded unpacked size) before anything in it is read.

Transcripts: cues with ``<v Name>`` voices (Teams) or ``Name:`` prefixes (Zoom);
consecutive cues of one speaker are one turn; cues without words are left out.
"""

from __future__ import annotations

import html
import lzma
import os
import re
import stat
import warnings
import zipfile
import zlib
from collections import defaultdict
from pathlib import Path
from typing import Any

from ..errors import ConceptGraphWarning, DatasetError, excerpt
from ..formats.common import load_json
from .clean import SOUND_CUES, SOUND_NOTES, markdown_to_text, passages, quoted_post, tidy
from .thread import CHANNEL_EVENTS, Left, Post, Thread, shown_media, utc_minute, votes

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

    def read(self, name: str) -> Any:
        if self.zip is None:
            from ..files import read_limited

            return load_json(read_limited(self.path / name), str(self.path / name))
        where = f"{self.file}:{name}"
        if name not in self.entries:
            raise DatasetError("no such file in the zip", where)
        try:
            with self.zip.open(name) as f:
                data = f.read(self.zip.getinfo(name).file_size + 1)
        except ZIP_FAULTS as e:
            raise DatasetError(f"cannot be read from the zip: {excerpt(e, 80)}", where) from None
        return load_json(data, where)


_SLACK_STRUCK = re.compile(r"(?<![\w~])~(?=\S)([^~\n]{1,2000}?)(?<=\S)~(?![\w~])")


def _slack_text(text: str, users: dict[str, str], left: Left, quotes: list[str] | None = None) -> str:
    text = re.sub(r"<@([A-Z0-9]+)(?:\|[^<>]*)?>", lambda m: "@" + users.get(m.group(1), m.group(1)), text)
    text = re.sub(r"<#[A-Z0-9]+\|([^<>]+)>", r"#\1", text)
    text = re.sub(r"<!(here|channel|everyone)>", r"@\1", text)
    # Slack strikes out with one tilde ("~the ticket~ the response"): Markdown's two, taken back as they are
    text = _SLACK_STRUCK.sub(r"~~\1~~", text)
    return markdown_to_text(text.replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&"), left, quotes=quotes)


def _ts(m: dict[str, Any]) -> float:
    """A message's time stamp as a number for sorting; one that is not a number sorts first."""
    try:
        value = float(m.get("ts") or 0)
    except (TypeError, ValueError, OverflowError):
        return 0.0
    return value if value == value else 0.0  # NaN


def _named(reaction: dict[str, Any]) -> object:
    """A Slack reaction's emoji (``reactions``: name, count, users)."""
    return reaction.get("name")


def read_slack(path: Path, limit: int, include_bots: bool = False) -> tuple[list[Thread], Left]:
    files = _Files(path, limit)
    root = next((n.rsplit("users.json", 1)[0] for n in files.names if n.endswith("users.json")), "")
    users_raw = files.read(root + "users.json")
    channels_raw = files.read(root + "channels.json")
    if not isinstance(users_raw, list) or not isinstance(channels_raw, list):
        raise DatasetError("users.json and channels.json must be lists", files.file)
    users: dict[str, str] = {}
    bots: set[str] = set()
    for u in users_raw:
        if isinstance(u, dict) and isinstance(u.get("id"), str):
            profile: dict[str, Any] = u["profile"] if isinstance(u.get("profile"), dict) else {}
            users[u["id"]] = str(u.get("real_name") or profile.get("real_name") or profile.get("display_name")
                                 or u.get("name") or u["id"])
            if u.get("is_bot"):
                bots.add(u["id"])
    days: dict[str, list[str]] = defaultdict(list)  # channel folder -> its daily files, read once
    for name in files.names:
        folder, _, day = name[len(root):].rpartition("/") if name.startswith(root) else ("", "", "")
        if folder and "/" not in folder and re.fullmatch(r"\d{4}-\d{2}-\d{2}\.json", day):
            days[folder].append(name)
    left = Left()
    threads = []
    for ch in channels_raw:
        if not isinstance(ch, dict) or not isinstance(ch.get("name"), str):
            continue
        messages: list[dict[str, Any]] = []
        for day in days.get(ch["name"], []):
            batch = files.read(day)
            if isinstance(batch, list):
                messages += [m for m in batch if isinstance(m, dict)]
        messages.sort(key=_ts)
        thread = _channel(ch["name"], messages, users, bots, include_bots, left)
        if thread.posts:
            threads.append(thread)
    if not threads:
        raise DatasetError("no message in this Slack export", files.file)
    return threads, left


def _channel(name: str, messages: list[dict[str, Any]], users: dict[str, str], bots: set[str], include_bots: bool,
             left: Left) -> Thread:
    thread = Thread(key=name, title="#" + name)
    starts: dict[str, str] = {}  # ts of a message that starts a thread -> its key
    place_of: dict[str, str] = {}  # that key -> its place
    keys: set[str] = set()
    replies: dict[str, int] = defaultdict(int)
    said: list[tuple[str, str]] = []  # each message's key and words, for those that quote it
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
        user = str(source.get("user") or m.get("user") or "")
        if (subtype == "bot_message" or m.get("bot_id") or user in bots) and not include_bots:
            left["bots"] += 1
            continue
        quotes: list[str] = []
        text = _slack_text(str(source.get("comment") if comment is not None else m.get("text") or ""), users, left,
                           quotes)
        if not text and str(m.get("ts") or "") in answered:
            text = " ".join(shown_media("file", f.get("title") or f.get("name"))
                            for f in m.get("files") or () if isinstance(f, dict))
        if not text:
            left["empty"] += 1
            continue
        ts, parent_ts = str(m.get("ts") or ""), str(m.get("thread_ts") or "")
        key = ts if ts not in keys else f"{ts}#{len(keys)}"
        keys.add(key)
        shown: dict[str, Any] = m["user_profile"] if isinstance(m.get("user_profile"), dict) else {}
        who = users.get(user) or str(m.get("username") or shown.get("real_name") or user)
        day = utc_minute(ts)
        changed = m.get("edited")  # {"user": ..., "ts": ...}: who last changed its words, and when
        edited = (utc_minute(str(changed.get("ts") or "")) or "yes") if isinstance(changed, dict) else ""
        gone = "deleted" if subtype == "tombstone" else ""  # "This message was deleted.", by Slackbot
        if gone:
            who, text, user = "", "", ""  # a stand-in while replies answer it; no one's words
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
            top += 1
            starts.setdefault(ts, key)
            place_of[key] = f"message {top}"
            # a message of the channel that quotes an earlier one ("> ...") answers it
            thread.posts.append(Post(key=key, author=who, text=text, account=user, date=day, place=f"message {top}",
                                     root=not thread.posts, parent=(quoted_post(quotes, said) or None) if quotes else None,
                                     gone=gone, score=votes(m.get("reactions"), _named, "count"),
                                     quotes=passages(quotes), edited=edited))
        said.append((key, " ".join(text.split())))
    if thread.posts:
        thread.date, thread.author = thread.posts[0].date, thread.posts[0].author
    return thread


# --- transcripts ---------------------------------------------------------------------------

_TIMING = re.compile(r"^\s*(?P<start>(?:\d{1,2}:)?\d{1,2}:\d{2})[.,]\d{1,3}\s+-->\s+(\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3}")
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
                         r"^\s*\d{1,2}:(?:\d{1,2}:?)?\s*$")
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
_LOOSE_TIMING = re.compile(r"^\s*(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?\s*[^\w\s]{1,4}\s*(?:\d{1,2}:)?\d{1,2}:\d{2}")


def sniff_transcript(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return start.startswith(b"WEBVTT") or bool(re.match(rb"^\d+\s*\r?\n\s*\d{1,2}:\d{2}:\d{2}[,.]\d{3}\s+-->", start))


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
    untimed = 0  # the line of the first block of words with no timing line (0: none)
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
        said = False
        for who, words in _voices("\n".join(lines[at + 1:]), speaker):
            # a caption's lines are broken for the screen, not by the speaker: one line; and
            # WebVTT escapes "&", "<" and ">" in a cue's text (&amp; &lt; &gt;, and &nbsp;)
            who = html.unescape(who) if who != UNKNOWN else who
            words, sounds = SOUND_CUES.subn("", html.unescape(words))
            words = tidy(re.sub(r"\s+", " ", words))
            if sounds:
                left[SOUND_NOTES] += sounds
            if not words or _NOISE.match(words) or _CREDIT.match(words):  # (markup gone with _voices)
                continue
            said, speaker = True, who
            if turns and turns[-1][0] == who != UNKNOWN:
                turns[-1][1].append(words)  # the same speaker goes on: one turn
            else:
                turns.append((who, [words], timing.group("start")))
        if not said:
            left["cues without words"] += 1
    if untimed:
        blocks = left["blocks with no timing line"]
        warnings.warn(ConceptGraphWarning(
            f"{file}:{untimed}: words with no timing line before them, not read as anyone's turn "
            f"({blocks} such block{'s' if blocks > 1 else ''}): a blank line inside a cue ends it"), stacklevel=2)
    if not turns:
        raise DatasetError("no cue with words in this transcript", file)
    # Zoom names its files by the meeting's start: GMT20240307-140212_Recording.transcript.vtt
    day = re.search(r"GMT(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})\d{2}", Path(file).name)
    # ... and the file's name is no title: "Zoom meeting, 2024-03-07 14:02 GMT"
    title = f"Zoom meeting, {'-'.join(day.groups()[:3])} {day[4]}:{day[5]} GMT" if day else Path(file).stem
    thread = Thread(key=file, title=title, author=turns[0][0].replace(UNKNOWN, ""),
                    date="-".join(day.groups()[:3]) if day else "")
    # the time a turn began, to find it in the recording; its cues run on as one text
    thread.posts = [Post(key=f"turn-{n}", author="" if who == UNKNOWN else who, text=" ".join(words),
                         place=f"turn {n} at {start}", root=n == 1, date=thread.date)
                    for n, (who, words, start) in enumerate(turns, 1)]
    return [thread], left
