"""Mail (mbox, .eml), Slack exports and transcripts (WebVTT, SRT).

Mail: messages are grouped into threads by ``In-Reply-To`` and ``References``, and by
subject ("Re: ...") when a message has neither; each is ``message N`` of its thread,
in date order. Quoted lines ("> ...", with the "On ..., X wrote:" before them) and the
signature (after "-- ") are not the sender's words and are left out.

Slack: a folder or ``.zip`` with ``users.json``, ``channels.json`` and a folder of
daily files per channel; each channel is a thread, a threaded reply answers its
thread's first message. Bots and joins/leaves are left out (``--include-bots`` keeps
bots); ``<@U123>`` mentions read as ``@Name``. A zip is checked (no absolute or ``..``
paths, no links, a bounded unpacked size) before anything in it is read.

Transcripts: cues with ``<v Name>`` voices (Teams) or ``Name:`` prefixes (Zoom);
consecutive cues of one speaker are one turn; cues without words are left out.
"""

from __future__ import annotations

import email
import email.policy
import re
import stat
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from email.header import decode_header, make_header
from email.message import Message
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path
from typing import Any

from ..errors import DatasetError, excerpt
from ..formats.common import load_json
from .clean import html_to_text, mail_text, markdown_to_text, tidy
from .thread import Left, Post, Thread

__all__ = ["read_mbox", "read_slack", "read_transcript", "sniff_mbox", "sniff_transcript"]


# --- mail ----------------------------------------------------------------------------------

def sniff_mbox(head: bytes) -> bool:
    start = head.lstrip()[:2000]
    return start.startswith(b"From ") or (b"\nMessage-ID:" in start or start.startswith(b"Message-ID:")) and (
        b"\nFrom:" in start or start.startswith(b"From:"))


def _split_mbox(data: bytes) -> list[bytes]:
    """The messages of an mbox (or the one message of an .eml), ">From " unescaped."""
    if not data.startswith(b"From "):
        return [data]
    parts = re.split(rb"(?:^|\n)From [^\n]*\n", data)
    return [re.sub(rb"(?m)^>(>*From )", rb"\1", p) for p in parts if p.strip()]


def _header(msg: Message, name: str) -> str:
    """A header's value with encoded words (``=?utf-8?q?...?=``) decoded."""
    value = msg.get(name)
    if value is None:
        return ""
    try:
        return str(make_header(decode_header(str(value))))
    except (LookupError, ValueError, UnicodeDecodeError):
        return str(value)


def _body(msg: Message) -> str:
    """The sender's own words: the first plain-text part (else the HTML one), decoded."""
    html_part = None
    for part in msg.walk():
        if part.is_multipart() or part.get_filename():
            continue
        kind = part.get_content_type()
        if kind == "text/plain" or (kind == "text/html" and html_part is None):
            payload = part.get_payload(decode=True)
            data = payload if isinstance(payload, bytes) else b""
            try:
                text = data.decode(part.get_content_charset() or "utf-8", "replace")
            except LookupError:
                text = data.decode("utf-8", "replace")
            if kind == "text/plain":
                return mail_text(text)
            html_part = text
    return mail_text(html_to_text(html_part)) if html_part is not None else ""


_RE = re.compile(r"^(\s*(re|aw|sv|fwd?|wg)\s*(\[\d+\])?\s*:\s*)+", re.I)


@dataclass
class _Mail:
    id: str
    refs: list[str]
    subject: str
    name: str
    account: str
    when: datetime | None
    text: str
    parent: str | None = None

    @property
    def day(self) -> str:
        return self.when.date().isoformat() if self.when else ""


def _mail(raw: bytes, n: int, file: str) -> _Mail | None:
    # compat32 parses ten times faster than the modern policy; headers are decoded here.
    msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    if not (msg["From"] or msg["Message-ID"]):
        return None
    try:
        when = parsedate_to_datetime(_header(msg, "Date")) if msg["Date"] else None
    except (TypeError, ValueError, IndexError):
        when = None
    refs = re.findall(r"<[^>]+>", _header(msg, "References")) + re.findall(r"<[^>]+>", _header(msg, "In-Reply-To"))
    addresses = getaddresses([_header(msg, "From")])
    name, address = addresses[0] if addresses else ("", "")
    return _Mail(id=(_header(msg, "Message-ID") or f"<{n}@{file}>").strip(), refs=refs,
                 subject=_RE.sub("", _header(msg, "Subject")).strip(), name=name or address.split("@")[0],
                 account=address.casefold(), when=when, text=_body(msg))


def read_mbox(data: bytes, file: str) -> tuple[list[Thread], Left]:
    left = Left()
    mails: list[_Mail] = []
    for raw in _split_mbox(data):
        m = _mail(raw, len(mails), file)
        if m is None:
            left["not a message"] += 1
        else:
            mails.append(m)
    if not mails:
        raise DatasetError("no mail message in this file", file)
    mails.sort(key=lambda m: (m.when is None, m.when.timestamp() if m.when else 0.0))
    by_id = {m.id: m for m in mails}
    first_of_subject: dict[str, str] = {}
    root_of: dict[str, str] = {}
    for m in mails:
        parent = next((r for r in reversed(m.refs) if r in by_id and r != m.id), None)
        if parent is None and m.subject and m.subject in first_of_subject:
            parent = first_of_subject[m.subject]  # a reply that lost its headers: by subject
        m.parent = parent
        root_of[m.id] = root_of.get(parent, parent) if parent else m.id
        first_of_subject.setdefault(m.subject, m.id)
    threads: dict[str, Thread] = {}
    for m in mails:
        root = root_of[m.id]
        if root not in threads:
            threads[root] = Thread(key=root, title=m.subject, author=m.name, date=m.day)
        thread = threads[root]
        thread.posts.append(Post(key=m.id, author=m.name, text=m.text, account=m.account,
                                 parent=m.parent, root=m.id == root, date=m.day,
                                 place=f"message {len(thread.posts) + 1}", title=m.subject if m.id == root else ""))
    return [t for t in threads.values() if t.posts], left


# --- Slack ---------------------------------------------------------------------------------

_EVENTS = {"channel_join", "channel_leave", "channel_topic", "channel_purpose", "channel_name", "channel_archive",
           "channel_unarchive", "group_join", "group_leave", "pinned_item", "unpinned_item", "reminder_add"}


class _Files:
    """The files of a Slack export, from a folder or from a checked zip."""

    def __init__(self, path: Path, limit: int) -> None:
        self.path, self.file = path, str(path)
        self.zip: zipfile.ZipFile | None = None
        self.names: list[str]
        if path.is_dir():
            self.names = sorted(str(p.relative_to(path)) for p in path.rglob("*.json") if p.is_file()
                                and not p.is_symlink())
            return
        try:
            self.zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as e:
            raise DatasetError(f"not a readable zip: {excerpt(e, 80)}", self.file) from None
        infos = self.zip.infolist()
        if len(infos) > 100_000:
            raise DatasetError(f"the zip holds {len(infos):,} entries; refusing more than 100,000", self.file)
        total = 0
        for info in infos:
            name = info.filename
            if name.startswith(("/", "\\")) or ".." in Path(name).parts or ":" in name.split("/")[0] or "\\" in name:
                raise DatasetError(f"zip entry '{excerpt(name, 60)}' points outside the export", self.file)
            if stat.S_ISLNK(info.external_attr >> 16):
                raise DatasetError(f"zip entry '{excerpt(name, 60)}' is a link", self.file)
            total += info.file_size
            if total > limit:
                raise DatasetError(f"the zip unpacks to more than {limit:,} bytes (CONCEPTGRAPH_MAX_BYTES)", self.file)
        self.names = sorted(i.filename for i in infos if i.filename.endswith(".json") and not i.is_dir())
        self.prefix = ""

    def read(self, name: str) -> Any:
        where = f"{self.file}:{name}" if self.zip else str(self.path / name)
        if self.zip is not None:
            with self.zip.open(name) as f:
                data = f.read(self.limit_for(name))
        else:
            from ..files import read_limited

            data = read_limited(self.path / name)
        return load_json(data, where)

    def limit_for(self, name: str) -> int:
        assert self.zip is not None
        return self.zip.getinfo(name).file_size + 1


def _slack_text(text: str, users: dict[str, str]) -> str:
    text = re.sub(r"<@([A-Z0-9]+)(?:\|[^>]*)?>", lambda m: "@" + users.get(m.group(1), m.group(1)), text)
    text = re.sub(r"<#[A-Z0-9]+\|([^>]+)>", r"#\1", text)
    text = re.sub(r"<!(here|channel|everyone)>", r"@\1", text)
    return markdown_to_text(text.replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&"))


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
    left = Left()
    threads = []
    for ch in channels_raw:
        if not isinstance(ch, dict) or not isinstance(ch.get("name"), str):
            continue
        prefix = f"{root}{ch['name']}/"
        days = [n for n in files.names if n.startswith(prefix) and re.fullmatch(r"\d{4}-\d{2}-\d{2}\.json", n[len(prefix):])]
        messages: list[dict[str, Any]] = []
        for day in days:
            batch = files.read(day)
            if isinstance(batch, list):
                messages += [m for m in batch if isinstance(m, dict)]
        messages.sort(key=lambda m: float(m.get("ts") or 0))
        thread = Thread(key=ch["name"], title="#" + ch["name"])
        numbers: dict[str, str] = {}  # ts of a thread's first message -> its post key
        replies: dict[str, int] = defaultdict(int)
        for m in messages:
            subtype = m.get("subtype")
            if subtype in _EVENTS:
                left["joins, leaves and channel events"] += 1
                continue
            user = str(m.get("user") or "")
            if (subtype == "bot_message" or m.get("bot_id") or user in bots) and not include_bots:
                left["bots"] += 1
                continue
            text = _slack_text(str(m.get("text") or ""), users)
            if not text:
                left["empty"] += 1
                continue
            ts, parent_ts = str(m.get("ts") or ""), str(m.get("thread_ts") or "")
            shown: dict[str, Any] = m["user_profile"] if isinstance(m.get("user_profile"), dict) else {}
            name = users.get(user) or str(m.get("username") or shown.get("real_name") or user)
            day = _day(ts)
            if parent_ts and parent_ts != ts and parent_ts in numbers:
                replies[parent_ts] += 1
                parent_key = numbers[parent_ts]
                place = f"reply {replies[parent_ts]} to {next(p.place for p in thread.posts if p.key == parent_key)}"
                thread.posts.append(Post(key=ts, author=name, text=text, parent=parent_key, account=user,
                                         date=day, place=place))
            else:
                numbers[ts] = ts
                top = sum(1 for p in thread.posts if p.place.startswith("message"))
                thread.posts.append(Post(key=ts, author=name, text=text, account=user, date=day,
                                         place=f"message {top + 1}", root=not thread.posts))
        if thread.posts:
            thread.date, thread.author = thread.posts[0].date, thread.posts[0].author
            threads.append(thread)
    if not threads:
        raise DatasetError("no message in this Slack export", files.file)
    return threads, left


def _day(ts: str) -> str:
    from datetime import datetime

    try:
        return datetime.fromtimestamp(float(ts), tz=UTC).date().isoformat()
    except (ValueError, OverflowError, OSError):
        return ""


# --- transcripts ---------------------------------------------------------------------------

_TIMING = re.compile(r"^\s*(\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3}\s+-->\s+(\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3}")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?\s+([^>]+)>")
_PREFIX = re.compile(r"^([^\s:][^:]{0,40}):\s+(.*)$", re.S)
_NOISE = re.compile(r"^[\[(][^\])]*[\])]$")  # [Music], (laughs)


def sniff_transcript(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return start.startswith(b"WEBVTT") or bool(re.match(rb"^\d+\s*\r?\n\s*\d{1,2}:\d{2}:\d{2}[,.]\d{3}\s+-->", start))


def read_transcript(data: bytes, file: str) -> tuple[list[Thread], Left]:
    text = data.decode("utf-8-sig", "replace").replace("\r\n", "\n").replace("\r", "\n")
    blocks = re.split(r"\n\s*\n", text)
    left = Left()
    cues: list[tuple[str, str]] = []
    for block in blocks:
        lines = block.strip("\n").split("\n")
        at = next((i for i, line in enumerate(lines) if _TIMING.match(line)), None)
        if at is None:
            continue  # the header, a NOTE, a STYLE block
        body = "\n".join(lines[at + 1:])
        voice = _VOICE.search(body)
        speaker = voice.group(1).strip() if voice else ""
        words = re.sub(r"</?[^>]+>", "", body)
        words = tidy(re.sub(r"[ \t]+", " ", words))
        if not speaker:
            m = _PREFIX.match(words)
            if m and len(m.group(1).split()) <= 4:
                speaker, words = m.group(1).strip(), m.group(2).strip()
        if not words or _NOISE.match(words):
            left["cues without words"] += 1
            continue
        cues.append((speaker, words))
    if not cues:
        raise DatasetError("no cue with words in this transcript", file)
    thread = Thread(key=file, title=Path(file).stem)
    for speaker, words in cues:
        if thread.posts and thread.posts[-1].author == speaker:
            thread.posts[-1].text += "\n" + words  # the same speaker goes on: one turn
            continue
        n = len(thread.posts) + 1
        thread.posts.append(Post(key=f"turn-{n}", author=speaker, text=words, place=f"turn {n}", root=n == 1))
    thread.author = thread.posts[0].author
    return [thread], left

