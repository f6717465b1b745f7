"""Bring your own discussion: read the exports people have (WordPress, Disqus,
Discourse, Reddit, Hacker News, mail and mailing-list archives, Slack, Discord,
Telegram, Zulip, Mattermost, Microsoft Teams, Moodle, Canvas, Stack Exchange, GitHub, web pages,
transcripts, plain text) into a dataset of its contributors and messages. Each
format is one :class:`Importer` record; the command line, ``--data`` and the
detection of a file's format all read :data:`IMPORTERS`.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "chat.txt"
>>> _ = p.write_text("Ann: Soup or salad?\\nBo: Soup.\\n")
>>> ds, summary = read_discussion([p])
>>> summary["format"], [c.name for c in ds.contributors]
('text', ['Ann', 'Bo'])
"""

from __future__ import annotations

import os
import re
import shlex
import unicodedata
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ..errors import ConceptGraphError, ConceptGraphWarning, DatasetError, NamedByIdWarning, UsageError, did_you_mean, excerpt

if TYPE_CHECKING:
    from ..model import Dataset
    from .thread import Left, Thread

__all__ = ["Importer", "IMPORTERS", "IMPORT_ALIASES", "Options", "detect", "folder_format", "is_slack", "read_discussion",
           "import_discussion", "same_people", "renamed"]


class Options(NamedTuple):
    include_pending: bool = False
    include_bots: bool = False
    #: The thread wanted (``--thread``), for readers that can skip the others early.
    thread: str | None = None
    #: A name that speaks in several files is a person in each (``--people-apart``: two
    #: communities compared), not one person.
    people_apart: bool = False


class Importer(NamedTuple):
    """One discussion format: what it reads, how it is recognised, how it is read."""

    name: str
    help: str
    suffixes: tuple[str, ...]
    sniff: Callable[[bytes], bool] | None
    read: Callable[[Path, Options], tuple[list[Thread], Left]]
    folder: bool = False
    #: Reads several files of this format as parts of the same threads (an issue and its
    #: comments saved apart), when given together.
    read_parts: Callable[[list[Path], Options], tuple[list[Thread], Left]] | None = None


_GZIP = b"\x1f\x8b"


def _bytes(path: Path) -> bytes:
    """The file's bytes, as every reader takes them: a gzip file (``2016-May.txt.gz``,
    ``t.mbox.gz``) unpacked, up to the size cap; UTF-16 as UTF-8; a byte-order mark,
    which hides nothing, left off (an editor on Windows saves one before an mbox).

    >>> import tempfile
    >>> saved = Path(tempfile.mkdtemp()) / "one.eml"
    >>> _ = saved.write_bytes(b"\\xef\\xbb\\xbfFrom: Ann <a@example.org>")
    >>> _bytes(saved)
    b'From: Ann <a@example.org>'
    """
    from ..files import max_bytes, read_limited

    data = read_limited(path)
    return _utf8(_gunzip(data, str(path), max_bytes()) if data.startswith(_GZIP) else data,
                 str(path)).removeprefix(b"\xef\xbb\xbf")


_UTF16 = (b"\xff\xfe", b"\xfe\xff")


def _utf8(data: bytes, file: str, whole: bool = True) -> bytes:
    """Text saved as UTF-16 with its byte-order mark (Windows Notepad, PowerShell's ``>``)
    as UTF-8, as every reader expects; an XML file says its own encoding and keeps it.
    ``whole``: False for the head of a file, which may end inside a character."""
    if not data.startswith(_UTF16):
        return data
    try:
        text = data.decode("utf-16", "strict" if whole else "ignore")
    except UnicodeDecodeError as e:
        raise DatasetError(f"not valid UTF-16, though it starts as UTF-16 does ({e.reason} at byte {e.start})",
                           file) from None
    return data if text.lstrip().startswith("<?xml") else text.encode("utf-8")


def _gunzip(data: bytes, file: str, limit: int) -> bytes:
    import zlib

    unpack = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = unpack.decompress(data, limit + 1)
    except zlib.error as e:
        raise DatasetError(f"not a readable gzip file: {e}", file) from None
    if len(out) > limit:
        raise DatasetError(f"unpacks to more than {limit:,} bytes (CONCEPTGRAPH_MAX_BYTES)", file)
    if not unpack.eof:
        raise DatasetError(f"the gzip data ends early, after {len(out):,} bytes unpacked: is the file cut short?", file)
    return out


def _text(path: Path, o: Options) -> tuple[list[Thread], Left]:
    from .text import read_text
    from .thread import Left

    data = _bytes(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        from ..files import not_utf8

        raise DatasetError(not_utf8(e, data), str(path), data[: e.start].count(b"\n") + 1) from None
    left = Left()  # another's words, quoted: kept out of the messages, and said so
    return read_text(text, str(path), markdown=path.suffix.lower() in (".md", ".markdown"), left=left), left


def _wxr(path: Path, o: Options) -> tuple[list[Thread], Left]:
    from .xmlfeeds import read_wxr

    return read_wxr(_bytes(path), str(path), include_pending=o.include_pending)


def _slack(path: Path, o: Options) -> tuple[list[Thread], Left]:
    from ..files import max_bytes
    from .chat import read_slack

    return read_slack(path, max_bytes(), include_bots=o.include_bots)


def _stackexchange(path: Path, o: Options) -> tuple[list[Thread], Left]:
    from .stackexchange import read_stackexchange

    return read_stackexchange(path, None if path.is_dir() else _bytes(path), str(path), o.thread,
                              include_bots=o.include_bots)


def _stackexchange_parts(paths: list[Path], o: Options) -> tuple[list[Thread], Left]:
    from .stackexchange import dump_files, read_stackexchange
    from .thread import Left

    if any(p.is_dir() or not _is_json(p) for p in paths):  # a dump's files: each dump read once
        found: list[Thread] = []
        left = Left()
        done: set[Path] = set()
        for p in paths:
            posts = dump_files(p).get("posts", p)  # a folder, or Comments.xml: the dump's Posts.xml
            if posts.resolve() in done:
                continue
            done.add(posts.resolve())
            threads, dropped = _stackexchange(p, o)
            found += threads
            left.update(dropped)
        return found, left
    return read_stackexchange(paths[0], _bytes(paths[0]), str(paths[0]), o.thread,
                              [(_bytes(p), str(p)) for p in paths[1:]], include_bots=o.include_bots)


def _is_json(path: Path) -> bool:
    """Whether a file (gzipped or not) starts as JSON does."""
    try:
        head = _head(path)
    except OSError:
        return False
    return head is not None and head.lstrip(b" \t\r\n")[:1] in (b"{", b"[")  # (_head drops a byte-order mark)


def _same_url(given: str, url: str) -> bool:
    """Whether ``--thread`` gives the thread's address (its scheme, a trailing slash aside)."""
    def bare(u: str) -> str:
        return re.sub(r"^https?://(?:www\.)?", "", u.strip()).rstrip("/")

    return bool(url) and "/" in given and bare(given) == bare(url)


# What a file that is no export often is, by its first bytes: a document or a picture of the thread
_DOCUMENTS = ((b"%PDF-", "a PDF document"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
              (b"GIF8", "a GIF image"), (b"\xd0\xcf\x11\xe0", "an old Word or Excel document"),
              (b"{\\rtf", "an RTF document"))


def _document_fault(path: Path) -> None:
    """A :class:`DatasetError` saying what a document or image given to import is, and
    what to give instead: its words are not reachable without a converter."""
    head = _head(path) if path.is_file() else None
    kind = next((name for magic, name in _DOCUMENTS if head and head.startswith(magic)), None)
    if head and head.startswith(b"PK\x03\x04") and kind is None:  # a zip: an office document is one too
        kind = _office_document(path)
    if kind:
        raise DatasetError(f"{kind}, not a discussion export: give the thread as text ('Name: words' turns, "
                           "with --format text), as a page saved from the browser, or as the site's export "
                           "(see `conceptgraph import --help`)", str(path))


# What a zip holds when it is an office document, not an export: (a member's name, what it is)
_OFFICE = (("word/document.xml", "a Word document"), ("xl/workbook.xml", "an Excel workbook"),
           ("ppt/presentation.xml", "a PowerPoint deck"), ("content.xml", "an OpenDocument file"))


def _office_document(path: Path) -> str | None:
    """What an office document saved as a zip (.docx, .xlsx, .odt) is, else None."""
    import zipfile

    from .chat import ZIP_FAULTS

    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist()[:2000])
    except ZIP_FAULTS:
        return None
    return next((what for member, what in _OFFICE if member in names), None)


def _text_hint(path: Path) -> str:
    """For a file of text that no importer claims by its content or name ("irc.log"),
    how to read it as text anyway."""
    try:
        head = _head(path) if path.is_file() else None
        if head is None or b"\x00" in head or not head.strip() or head.lstrip()[:1] in (b"<", b"{", b"["):
            return ""
        head.decode("utf-8", "strict" if len(head) < 8192 else "ignore")
    except (OSError, UnicodeDecodeError):
        return ""
    return "; if it is plain text (turns 'Name: words', a chat log, a blog page), give --format text"


# A dataset file's top-level sections (see the README's "Dataset format")
_DATASET_KEYS = re.compile(rb"^(?:source|contributors|messages|terms|attributes|claims|relations|revision|"
                           rb"decisions):[ \t]*(?:#.*)?\r?$", re.M)


def _is_dataset(path: Path) -> bool:
    """Whether ``path`` is a dataset of ours (a file, or a folder holding one), which
    ``--data`` reads as it is: a YAML file whose lines open with two of its sections."""
    files = [path] if path.is_file() else sorted(path.glob("*.y*ml"))[:20] if path.is_dir() else []
    if path.is_file() and path.suffix.lower() in (".yaml", ".yml") and path.name != "discussion.yaml":
        files.append(path.parent / "discussion.yaml")  # a file of a dataset folder ("draft.yaml" of relations only)
    for f in files:
        if f.suffix.lower() in (".yaml", ".yml") and f.is_file():
            head = _head(f) or b""
            if len(set(_DATASET_KEYS.findall(head))) >= 2:
                return True
    return False


def export_hint(path: Path) -> str:
    """For a folder given where a dataset is wanted, what it holds instead: a discussion
    export to import ("; it is a Slack export: import it first, ..."), a channel of one,
    or files of one. "" when it holds none."""
    folder = shlex.quote(str(path))
    found = folder_format(path)
    if found is not None:
        return f"; it is an export to import first ({found.name}): conceptgraph import {folder} --draft"
    if path.parent != path and is_slack(path.parent):
        return (f"; it is a channel of the Slack export {path.parent}: import the export "
                f"(conceptgraph import {shlex.quote(str(path.parent))} --draft)")
    files = _folder_hint(path)
    return f"{files}, to import (conceptgraph import FILE --draft)" if files else ""


def _folder_hint(path: Path) -> str:
    """For a folder that is no export of its own (Telegram Desktop's, which holds
    result.json), the files in it that are: "; it holds result.json (telegram): give that"."""
    if not path.is_dir():
        return ""
    slack = _slack_lacking(path)
    if slack:
        return slack
    found: list[tuple[Path, str]] = []
    for f in sorted(path.iterdir())[:200]:
        try:
            # (an export that is a folder of its own, a Slack export beside its zip, is one too)
            imp = (detect(f) if f.stat().st_size else None) if f.is_file() else folder_format(f)
        except (ConceptGraphError, OSError):  # a recording over the size limit: no hint, and no error of its own
            imp = None
        if imp is not None and imp.name != "text" and not _rendered(f):
            found.append((f, imp.name))
        if len(found) == 3:
            break
    if not found:
        return ""
    listed = ", ".join(f"{f.name}{'/' if f.is_dir() else ''} ({kind})" for f, kind in found)
    if len(found) == 1:
        return f"; it holds {listed}: give that {'folder' if found[0][0].is_dir() else 'file'}"
    together = ""
    if len({kind for _, kind in found}) == 1 and all(f.is_file() for f, _ in found):
        # an issue and its comments saved apart: one thread, read from them together
        together = f" (or, if they are parts of one thread, them together: conceptgraph import " \
                   f"{' '.join(shlex.quote(str(f)) for f, _ in found)})"
    return f"; it holds {listed}: give one of those{together}"


def _slack_lacking(path: Path) -> str:
    """For a folder shaped as a Slack export (a folder a channel, of a JSON file a day)
    that lacks users.json or channels.json, which: "; it looks like a Slack export, but
    users.json is missing ..."."""
    entries = _entries(path)
    names = {p.name for p in entries}
    days = any(p.is_dir() and any(re.fullmatch(r"\d{4}-\d\d-\d\d\.json", f.name) for f in _entries(p)[:50])
               for p in entries[:50])
    missing = [n for n in ("users.json", "channels.json") if n not in names]
    if not missing or not (days or len(missing) == 1):
        return ""
    return (f"; it looks like a Slack export, but {' and '.join(missing)} {'is' if len(missing) == 1 else 'are'} "
            "missing (Slack's export has both beside a folder for each channel: export it again whole, or put "
            f"{'it' if len(missing) == 1 else 'them'} back)")


def _rendered(path: Path) -> bool:
    """Whether ``path`` is a page conceptgraph rendered (no discussion to import)."""
    from ..files import GENERATOR  # (not from render, which would bring networkx in for a hint)

    return path.suffix.lower() in (".html", ".htm") and GENERATOR.encode() in (_head(path, 2048) or b"")


def _head(path: Path, size: int = 8192) -> bytes | None:
    """A file's first ``size`` bytes, those of what it holds when it is gzipped; None
    for a gzip file that is not one."""
    with open(path, "rb") as f:
        head = f.read(size)
    if head.startswith(_GZIP):  # what is inside decides
        import zlib

        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, size)
        except zlib.error:
            return None
    return _utf8(head, str(path), whole=False).removeprefix(b"\xef\xbb\xbf")  # a byte-order mark hides nothing


def _github_parts(paths: list[Path], o: Options) -> tuple[list[Thread], Left]:
    from .github import read_github

    return read_github(_bytes(paths[0]), str(paths[0]), o.include_bots, [(_bytes(p), str(p)) for p in paths[1:]])


def _discord_parts(paths: list[Path], o: Options) -> tuple[list[Thread], Left]:
    from .messengers import read_discord_parts

    return read_discord_parts([(_bytes(p), str(p)) for p in paths], include_bots=o.include_bots)


def _canvas_parts(paths: list[Path], o: Options) -> tuple[list[Thread], Left]:
    from .canvas import read_canvas

    return read_canvas(_bytes(paths[0]), str(paths[0]), [(_bytes(p), str(p)) for p in paths[1:]])


def _moodle_parts(paths: list[Path], o: Options) -> tuple[list[Thread], Left]:
    from .moodle import read_moodle

    # exports of one site (Monday's forum, Friday's discussion again): a post in two is read once
    return read_moodle(_bytes(paths[0]), str(paths[0]), [(_bytes(p), str(p)) for p in paths[1:]])


def _reader(module: str, name: str, bots: bool = False) -> Callable[[Path, Options], tuple[list[Thread], Left]]:
    """A format's reader of one file's bytes, its module imported when a file of it is
    read; ``bots``: it keeps bots' messages with ``--include-bots``."""
    def read(path: Path, o: Options) -> tuple[list[Thread], Left]:
        import importlib

        reader = getattr(importlib.import_module(f".{module}", __name__), name)
        out: tuple[list[Thread], Left] = (reader(_bytes(path), str(path), include_bots=o.include_bots) if bots
                                         else reader(_bytes(path), str(path)))
        return out

    return read


def _sniffer(module: str, name: str) -> Callable[[bytes], bool]:
    def sniff(head: bytes) -> bool:
        import importlib

        return bool(getattr(importlib.import_module(f".{module}", __name__), name)(head))

    return sniff


#: Every discussion format, by name; "text" reads whatever the others do not.
IMPORTERS: dict[str, Importer] = {i.name: i for i in (
    Importer("wxr", "WordPress export (WXR): posts and pages with their comments", (".xml", ".wxr"),
             _sniffer("xmlfeeds", "sniff_wxr"), _wxr),
    Importer("disqus", "Disqus export (XML): threads and posts", (".xml",), _sniffer("xmlfeeds", "sniff_disqus"),
             _reader("xmlfeeds", "read_disqus")),
    Importer("discourse", "Discourse topic JSON (/t/ID.json)", (".json",), _sniffer("forums", "sniff_discourse"),
             _reader("forums", "read_discourse", bots=True)),
    Importer("reddit", "Reddit thread JSON (the thread's address + .json)", (".json",),
             _sniffer("forums", "sniff_reddit"), _reader("forums", "read_reddit", bots=True)),
    Importer("digest", "a mailing list's digest (Mailman, plain or MIME): the messages it holds", (".txt",),
             _sniffer("mail", "sniff_digest"), _reader("mail", "read_mail")),
    Importer("pipermail", "a pipermail monthly archive (2016-May.txt or .txt.gz)", (".txt", ".gz"),
             _sniffer("mail", "sniff_pipermail"), _reader("mail", "read_mail")),
    Importer("mbox", "mail: an mbox of messages (public-inbox's t.mbox.gz too), or one .eml",
             (".mbox", ".eml", ".mbx", ".gz"), _sniffer("mail", "sniff_mbox"), _reader("mail", "read_mail")),
    Importer("stackexchange", "Stack Exchange: a site's data dump (Posts.xml, with Comments.xml and Users.xml) or "
             "the API's JSON", (".xml", ".json"), _sniffer("stackexchange", "sniff"), _stackexchange, True,
             _stackexchange_parts),
    Importer("github", "GitHub: an issue, pull request or discussion from the REST or GraphQL API, or gh --json",
             (".json",), _sniffer("github", "sniff_github"), _reader("github", "read_github", bots=True),
             read_parts=_github_parts),
    Importer("slack", "Slack export: a folder or .zip with users.json and channels.json", (".zip",), None, _slack, True),
    Importer("discord", "Discord: a channel or thread exported by DiscordChatExporter (JSON or HTML; CSV and TXT keep no "
             "replies)", (".json", ".csv"), _sniffer("messengers", "sniff_discord"),
             _reader("messengers", "read_discord", bots=True), read_parts=_discord_parts),
    Importer("telegram", "Telegram: a chat (or a whole account) exported by Telegram Desktop as JSON (result.json) or "
             "HTML",
             (".json",), _sniffer("messengers", "sniff_telegram"), _reader("messengers", "read_telegram", bots=True)),
    Importer("zulip", "Zulip: a stream's messages as its REST API gives them (GET /api/v1/messages, saved as JSON)",
             (".json",), _sniffer("zulip", "sniff_zulip"), _reader("zulip", "read_zulip", bots=True)),
    Importer("mattermost", "Mattermost: a bulk export (mmctl export create, JSON Lines) or a channel's posts as its "
             "REST API gives them (GET /api/v4/channels/ID/posts, saved as JSON)", (".jsonl", ".json"),
             _sniffer("mattermost", "sniff_mattermost"), _reader("mattermost", "read_mattermost", bots=True)),
    Importer("teams", "Microsoft Teams: a chat's or channel's messages as Microsoft Graph gives them (GET "
             "/chats/ID/messages, /teams/ID/channels/ID/messages, saved as JSON)", (".json",),
             _sniffer("teams", "sniff_teams"), _reader("teams", "read_teams", bots=True)),
    Importer("canvas", "Canvas LMS: a discussion topic's full view or entries from its REST API (GET "
             ".../discussion_topics/ID/view or /entries, saved as JSON), with the topic itself (GET "
             ".../discussion_topics/ID) if given", (".json",), _sniffer("canvas", "sniff_canvas"),
             _reader("canvas", "read_canvas"), read_parts=_canvas_parts),
    Importer("moodle", "Moodle: a forum's discussions as its Export writes them (JSON or CSV), or a discussion's "
             "posts from the web service (mod_forum_get_discussion_posts, saved as JSON)", (".json", ".csv"),
             _sniffer("moodle", "sniff_moodle"), _reader("moodle", "read_moodle"), read_parts=_moodle_parts),
    Importer("hackernews", "Hacker News: a story with its comments from Algolia's items API, or the official API's "
             "items (a list, or one per line)", (".json", ".jsonl"), _sniffer("hackernews", "sniff_hackernews"),
             _reader("hackernews", "read_hackernews")),
    Importer("vtt", "a transcript: WebVTT or SRT captions", (".vtt", ".srt"), _sniffer("chat", "sniff_transcript"),
             _reader("chat", "read_transcript")),
    Importer("html", "a web page saved from a browser: a blog post or forum topic with its comments",
             (".html", ".htm", ".xhtml"), _sniffer("webpage", "sniff_webpage"), _reader("webpage", "read_webpage")),
    Importer("text", "plain text or Markdown: a blog page with its comments, 'Name: words' turns, a chat log (WhatsApp, "
             "IRC, WeeChat, Zoom's saved chat) or a transcript saved as text (Otter, Rev)",
             (".txt", ".md", ".markdown", ".text", ".log", ".weechatlog"), None, _text),
)}

#: Other names people give the formats: "--format mail" is mbox, "srt" is read as vtt is
IMPORT_ALIASES = {"mail": "mbox", "email": "mbox", "eml": "mbox", "srt": "vtt", "webvtt": "vtt", "wordpress": "wxr",
                  "txt": "text", "md": "text", "markdown": "text", "hn": "hackernews",
                  # Stack Exchange's sites by their own names
                  "stackoverflow": "stackexchange", "serverfault": "stackexchange", "superuser": "stackexchange",
                  "askubuntu": "stackexchange", "mathoverflow": "stackexchange", "se": "stackexchange",
                  "gh": "github", "msteams": "teams", "irc": "text", "whatsapp": "text", "transcript": "text",
                  "web": "html", "webpage": "html"}


def _zipped(path: Path) -> bool:
    import zipfile  # only where a zip may be given

    return zipfile.is_zipfile(path)


def _slack_part(path: Path) -> str:
    """For a channel's folder of a Slack export, or one of its days' files, what to give
    instead: the export, and the channel to keep; else ""."""
    channel = path if path.is_dir() else path.parent
    if is_slack(path) or path.suffix.lower() not in ("", ".json") or not is_slack(channel.parent):
        return ""
    export = shlex.quote(str(channel.parent))
    return (f"{'one channel' if path.is_dir() else 'one day of the channel'} ({channel.name}) of the Slack export "
            f"{channel.parent}: give the export (conceptgraph import {export} --thread {shlex.quote(channel.name)})")


def is_slack(path: Path) -> bool:
    """A Slack export: a folder or a zip holding users.json and channels.json."""
    from .chat import ZIP_FAULTS

    try:
        if path.is_dir():
            return (path / "users.json").is_file() and (path / "channels.json").is_file()
        if path.suffix.lower() != ".zip":
            return False
        import zipfile

        with zipfile.ZipFile(path) as z:
            names = {n.rsplit("/", 1)[-1] for n in z.namelist()}
        return {"users.json", "channels.json"} <= names
    except ZIP_FAULTS:
        return False


def folder_format(path: Path) -> Importer | None:
    """The format of an export that is a folder (or a zip): a Slack export, a Stack
    Exchange dump (Posts.xml); None for any other path."""
    if is_slack(path):
        return IMPORTERS["slack"]
    if path.is_dir() and any(p.name.casefold() == "posts.xml" for p in _entries(path)):
        return IMPORTERS["stackexchange"]
    return None


def _entries(path: Path) -> list[Path]:
    try:
        return list(path.iterdir())
    except OSError:
        return []


def detect(path: Path) -> Importer | None:
    """The discussion format of ``path`` by its content (a Slack folder or zip, a Stack
    Exchange dump, an XML, JSON or HTML export, mail, a transcript), else by its suffix;
    None for none of them."""
    found = folder_format(path)
    if found is not None or path.is_dir():
        return found
    from ..files import check_readable

    check_readable(path)
    try:
        head = _head(path)
    except OSError:
        return None
    if head is None:
        return None
    for imp in IMPORTERS.values():
        if imp.sniff is not None and imp.sniff(head):
            return imp
    suffix = Path(path.stem).suffix.lower() if path.suffix.lower() == ".gz" else path.suffix.lower()
    return IMPORTERS["text"] if suffix in IMPORTERS["text"].suffixes else None


_DEFAULTS = Options()


def _read_threads(kinds: list[tuple[Path, Importer]], options: Options) -> tuple[list[Thread], Left, list[str]]:
    """The threads of each source with the importer its kind needs, what was left out,
    and the importers used."""
    from ..progress import Progress
    from .thread import Left

    threads: list[Thread] = []
    left = Left()
    used = []
    for origin, (src, imp) in enumerate(kinds):
        parts = [p for p, i in kinds if i is imp]
        if imp.read_parts is not None and len(parts) > 1:
            # An issue and its comments saved apart (gh api .../issues/N, then .../comments)
            # are one thread: read together, where the first of them stands.
            if src != parts[0]:
                continue
            with Progress(f"reading {len(parts)} files ({imp.name})"):
                found, dropped = imp.read_parts(parts, options)
        else:
            with Progress(f"reading {src.name} ({imp.name})"):
                found, dropped = imp.read(src, options)
        for t in found:
            t.origin = origin
        threads += found
        left.update(dropped)
        used.append(imp.name)
    return threads, left, used


#: The formats that read plain text as it comes: what they refuse is told by their own errors.
_READS_TEXT = frozenset({"text", "mbox", "digest", "pipermail", "vtt"})
#: How JSON, XML and HTML begin ("[1/2/24, 10:32]" begins a WhatsApp chat, not a JSON list).
_MARKUP = re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:[{<]|\[\s*[\[{\"\]])")


def read_discussion(sources: list[Path], fmt: str = "auto", thread: str | None = None,
                    options: Options = _DEFAULTS, name: str = "") -> tuple[Dataset, dict[str, Any]]:
    """The dataset (source, contributors, messages) of the discussions in ``sources``,
    and a summary: format, threads, messages, speakers, replies, and what was left out."""
    from ..progress import Progress
    from .thread import to_dataset

    kinds = []
    given: set[str] = set()
    for src in sources:
        src = Path(src)
        if not src.exists():
            raise DatasetError("no such file or folder", str(src))
        if (real := os.path.realpath(src)) in given:  # (read twice, its messages would be two threads)
            warnings.warn(ConceptGraphWarning(f"{src}: given twice: read once"), stacklevel=2)
            continue
        given.add(real)
        if src.is_file() and src.stat().st_size < 64 and not src.read_bytes().lstrip(b"\xef\xbb\xbf").strip():
            raise DatasetError("the file is empty", str(src))
        if _is_dataset(src):  # whatever --format says: read as text, it would be a thread of YAML lines
            # a file of a dataset folder is read with its folder (the messages its claims quote)
            data = src.parent if src.is_file() and (src.parent / "discussion.yaml").is_file() else src
            raise UsageError(f"{src}: a conceptgraph dataset already, nothing to import: give it to --data, "
                             f"as in `conceptgraph render --data {shlex.quote(str(data))}`")
        if part := _slack_part(src):  # (whatever format is given: a day of Slack's is no other's file)
            raise DatasetError(part, str(src))
        imp = IMPORTERS.get(fmt) if fmt != "auto" else detect(src)
        if imp is not None and fmt != "auto" and src.is_dir() and not imp.folder:
            # a folder given a format of files (an mbox's, a Reddit JSON's): what it is, if it is one
            told = detect(src)
            also = f": it reads as {told.name} ({told.help}): give --format {told.name}, or leave --format out" \
                if told is not None and told is not imp else ""
            raise UsageError(f"{src}: a folder, and --format {fmt} reads a file ({imp.help}){also}")
        if imp is not None and fmt != "auto" and src.is_file() and (imp.sniff is not None or imp.name == "text"):
            head = _head(src) or b""
            # the format given is not the one the content shows (plain text is any content:
            # given captions, mail or JSON, it would read their numbers and headers as words)
            told = None if imp.sniff is not None and imp.sniff(head) else detect(src)
            # plain text is told by its suffix only: said when a format of JSON, XML or HTML is
            # given a file that is none of them (a WhatsApp chat given as Telegram's)
            plain = imp.name not in _READS_TEXT and not _MARKUP.match(head)
            if told is not None and told is not imp and (told.name != "text" or plain):
                raise UsageError(f"{src}: reads as {told.name} ({told.help}), not as {fmt}: give --format "
                                 f"{told.name}, or leave --format out")
        if imp is not None and fmt != "auto" and imp.folder and imp.sniff is None and src.is_file() \
                and not _zipped(src):
            # a format read from a folder or a zip (Slack's), given a file of another kind
            told = detect(src)
            also = f": it reads as {told.name} ({told.help}): give --format {told.name}, or leave --format out" \
                if told is not None and told is not imp else ""
            raise UsageError(f"{src}: --format {fmt} reads a folder or a .zip ({imp.help}), not a single file{also}")
        if imp is None:
            if fmt != "auto":
                raise UsageError(f"unknown format '{fmt}'{did_you_mean(fmt, IMPORTERS)}; one of {', '.join(IMPORTERS)}")
            _json_fault(src)  # a JSON export cut short says where, not that its kind is unknown
            _zip_fault(src)
            _document_fault(src)
            raise DatasetError(f"not a discussion this tool reads{_text_hint(src)}{_folder_hint(src)} "
                               "(see `conceptgraph import --help`)", str(src))
        kinds.append((src, imp))
    if options.include_pending and not any(imp.name == "wxr" for _, imp in kinds):
        # an option that would do nothing is said, not ignored: only WordPress keeps comments unapproved
        src, imp = kinds[0]
        raise UsageError(f"--include-pending keeps the comments a WordPress export (wxr) holds awaiting moderation; "
                         f"{src} is {imp.name} ({imp.help}), which has none: leave it out")
    threads, left, used = _read_threads(kinds, options._replace(thread=thread))
    if thread is not None:
        chosen = [t for t in threads if thread in (t.key, t.title, t.title.lstrip("#")) or _same_url(thread, t.url)]
        if not chosen:
            if not threads:  # a reader that picks the thread itself (a dump's) found none: list them all
                threads = _read_threads(kinds, options._replace(thread=None))[0]
            titles = [t.title or t.key for t in threads]
            raise UsageError(f"no thread '{excerpt(thread)}'{did_you_mean(thread, titles)}; "
                             f"the file holds: {excerpt(', '.join(titles), 300)}")
        others = len(threads) > len(chosen)
        threads = chosen
    else:
        others = False
    ds, summary = to_dataset(threads, name or (Path(sources[0]).stem if sources else "discussion"), left,
                             apart=options.people_apart)
    if others and summary["left_out"]:
        summary["left_out_of"] = "file"  # counted as the file was read, with the threads not kept
    from ..language import main_languages

    with Progress("telling the language"):
        languages = main_languages(m.text for m in ds.messages)
    summary = {"format": "+".join(dict.fromkeys(used)), **summary, "language": languages[0]}
    if len(languages) > 1:
        summary["languages"] = languages
    return ds, summary


def _json_fault(path: Path) -> None:
    """A :class:`DatasetError` naming the line, for a file named .json that is no JSON;
    for JSON of a kind we know that holds no message, one saying so."""
    if path.is_file() and path.suffix.lower() == ".json":
        from ..files import read_limited
        from ..formats.common import load_documents

        docs = load_documents(read_limited(path), str(path))
        doc = docs[0] if len(docs) == 1 else None
        if isinstance(doc, dict):
            said = _empty_export(doc)
            if said:
                raise DatasetError(said, str(path))


def _empty_export(doc: dict[str, Any]) -> str:
    """What an export of a kind we know says when it holds nothing to read ("" else)."""
    if "zerver_message" in doc:
        return ("a Zulip organisation export (its zerver_message table) is not read: export the stream's messages "
                "with Zulip's REST API (GET /messages) and import that")
    if doc.get("messages") == []:
        kind = "a Zulip API response" if doc.get("result") == "success" else "an export"
        return f"{kind} with no messages: nothing to import"
    return ""


def _zip_fault(path: Path) -> None:
    """A :class:`DatasetError` for a file that starts as a zip (a Slack export), or is
    named as one, and cannot be read as one: cut short or damaged, not of an unknown kind."""
    import zipfile

    if path.is_file():
        with open(path, "rb") as f:
            if f.read(4) != b"PK\x03\x04" and path.suffix.lower() != ".zip":
                return
        from .chat import ZIP_FAULTS

        try:
            zipfile.ZipFile(path).close()
        except ZIP_FAULTS as e:
            raise DatasetError(f"a zip file that cannot be read, cut short or damaged ({e})", str(path)) from None


#: The files an import (and a draft of it) writes: an earlier import's folder holds only these
_IMPORTED = frozenset({"discussion.yaml", "draft.yaml"})


def same_people(ds: Dataset, pairs: Sequence[tuple[str, str]]) -> Dataset:
    """``ds`` with each pair's first person taken for the second (a blog's author who
    comments under another name): their messages are the second's, and the first is no
    contributor. Each is named by id or by name as written, case aside.

    >>> from conceptgraph.model import Contributor, Dataset, Message
    >>> ds = Dataset(contributors=(Contributor("phil", "Phil Haack", "author"), Contributor("haacked", "Haacked",
    ...              "commenter")), messages=(Message("m1", "phil", "post", "Hi"), Message("m2", "haacked", "comment 1",
    ...              "Me again")))
    >>> [(m.by, m.where) for m in same_people(ds, [("Haacked", "phil haack")]).messages]
    [('phil', 'post'), ('phil', 'comment 1')]
    """
    from dataclasses import replace

    taken: dict[str, str] = {}
    for other, one in pairs:
        a, b = _speaker(ds, other, "--same-person"), _speaker(ds, one, "--same-person")
        b = taken.get(b, b)
        if a != b:
            taken[a] = b
            taken.update({k: b for k, v in taken.items() if v == a})
    if not taken:
        return ds
    # each one's places in the thread's order ("message 3, message 9, message 15"), as anyone else's
    order = {m.where: i for i, m in enumerate(ds.messages)}
    where = {b: tuple(sorted(dict.fromkeys(w for c in ds.contributors if taken.get(c.id, c.id) == b for w in c.where),
                             key=lambda w: order.get(w, len(order))))
             for b in set(taken.values())}
    contributors = tuple(replace(c, where=where.get(c.id, c.where)) for c in ds.contributors if c.id not in taken)
    messages = tuple(replace(m, by=taken[m.by]) if m.by in taken else m for m in ds.messages)
    return replace(ds, contributors=contributors, messages=messages)


def _plain_name(name: str) -> str:
    """A name as it is told apart from others: accents, case, emoji and marks aside.

    >>> _plain_name("Zoë Müller 🌱") == _plain_name("zoe muller")
    True
    """
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]|_", " ", plain.casefold()).split())


def _as_called(name: str) -> str:
    """A name as a directory lists it ("Chen, Mia (Student)", as Teams shows a school's
    or a firm's accounts) in the order it is said; any other name as it is.

    >>> _as_called("Chen, Mia (Student)"), _as_called("Mia Chen"), _as_called("Bo (she/her)")
    ('Mia Chen', 'Mia Chen', 'Bo')
    """
    name = re.sub(r"\s*\([^()]*\)\s*$", "", name) or name
    listed = re.fullmatch(r"\s*([^,\s][^,]{0,40}?),\s*([^,\s][^,]{0,40}?)\s*", name)
    return f"{listed.group(2)} {listed.group(1)}" if listed else name


def alike_names(ds: Dataset) -> list[tuple[str, str]]:
    """Pairs of speakers whose names differ only by accents, case or emoji ("José Núñez"
    and "Jose Nunez", from two files), or as a directory lists them ("Chen, Mia
    (Student)" and "Mia Chen"): one person, likely, which import does not decide. Two
    unnamed commenters are no pair (a transcript's unnamed speakers may be: one voice on
    the phone line)."""
    from .thread import UNNAMED

    seen: dict[str, str] = {}
    out = []
    for c in ds.contributors:
        if c.name.startswith(f"{UNNAMED} ("):  # comments by no one named (deleted accounts): each their own
            continue
        key = _plain_name(_as_called(c.name))
        if key and key in seen and seen[key] != c.name:
            out.append((c.name, seen[key]))
        seen.setdefault(key, c.name)
    return out


def _speaker(ds: Dataset, name: str, option: str) -> str:
    """The id of the contributor ``name`` gives (their id or their name as written, case
    aside), or a :class:`UsageError` for ``option`` that says who speaks."""
    from .thread import MASKED_PHONE, masked_phone

    key = name.strip().casefold()
    hit = next((c.id for c in ds.contributors if key == c.id.casefold()), None)
    named = [c.id for c in ds.contributors if key == c.name.casefold()] \
        or [c.id for c in ds.contributors if _plain_name(name) == _plain_name(c.name)] \
        or [c.id for c in ds.contributors if MASKED_PHONE.fullmatch(c.name) and masked_phone(name) == c.name]
    if hit is None and len(named) > 1:  # two speakers of one name (two accounts): which one is not for us to pick
        raise UsageError(f"{option}: '{excerpt(name, 40)}' names {len(named)} speakers: give one by id "
                         f"({', '.join(named)})")
    hit = hit or (named[0] if named else None)
    if hit is None:
        hint = did_you_mean(name, {c.name: c for c in ds.contributors})
        raise UsageError(f"{option}: no one called '{excerpt(name, 40)}' speaks in this thread{hint}")
    return hit


def renamed(ds: Dataset, pairs: Sequence[tuple[str, str]]) -> Dataset:
    """``ds`` with each pair's first speaker (by id or name) called by the second name: a
    transcript's "Speaker 1", or an id an export gives for a name, named as who they are.
    The new name may not be another speaker's (that is one person: ``same_people``).

    >>> from conceptgraph.model import Contributor, Dataset, Message
    >>> ds = Dataset(contributors=(Contributor("speaker-1", "Speaker 1", "author"),),
    ...              messages=(Message("turn-1", "speaker-1", "turn 1", "Hi"),))
    >>> out = renamed(ds, [("Speaker 1", "Maria Gonzalez")])
    >>> [(c.id, c.name) for c in out.contributors], [m.by for m in out.messages]
    ([('maria-gonzalez', 'Maria Gonzalez')], ['maria-gonzalez'])
    """
    from dataclasses import replace

    from .thread import slug, unique_id

    for old, new in pairs:
        ident = _speaker(ds, old, "--rename")
        if any(c.name.casefold() == new.casefold() and c.id != ident for c in ds.contributors):
            raise UsageError(f"--rename: '{excerpt(new, 40)}' already speaks in this thread: to make them one "
                             f"person, give --same-person '{old}={new}'")
        was = next(c for c in ds.contributors if c.id == ident)
        new_id = unique_id(slug(new), {c.id for c in ds.contributors if c.id != ident})
        source = ds.source
        if source is not None and source.author == was.name:
            source = replace(source, author=new)
        ds = replace(ds, source=source,
                     contributors=tuple(replace(c, id=new_id, name=new) if c.id == ident else c
                                        for c in ds.contributors),
                     messages=tuple(replace(m, by=new_id) if m.by == ident else m for m in ds.messages))
    return ds


def import_discussion(sources: list[Path], output: str | os.PathLike[str] | None = None, fmt: str = "auto",
                      thread: str | None = None, options: Options = _DEFAULTS, force: bool = False,
                      same: Sequence[tuple[str, str]] = (), rename: Sequence[tuple[str, str]] = (),
                      title: str | None = None) -> dict[str, Any]:
    """Import ``sources`` and write the dataset folder ``output`` (default
    ``output/<name>/``) holding ``discussion.yaml``: its source, contributors and
    messages, which every command reads with ``--data``. The folder appears whole or not
    at all; an existing one is replaced only with ``force``. ``title``: the discussion's,
    where the export gives none or a poor one (a transcript's file name).

    Returns the summary (``path``, ``format``, ``threads``, ``messages``, ``speakers``,
    ``replies``, ``left_out``)."""
    from ..dataset import dump_dataset, parse_dataset
    from ..files import check_new_folder, write_folder
    from .thread import slug

    if not sources:
        raise UsageError("give at least one file or folder to import")
    name = slug(Path(sources[0]).stem or "discussion")
    default = output in (None, "")
    target = Path("output") / name if default else Path(str(output))
    # the file read first: what is wrong with it (a page or dataset of ours, no discussion
    # at all) is the news, whatever the folder it would go to holds
    with warnings.catch_warnings(record=True) as heard:
        warnings.simplefilter("always")
        ds, summary = read_discussion(sources, fmt, thread, options, name=name)
    _say_again(heard, ds, rename)
    if title is not None:
        if not title.strip():
            raise UsageError("--title is empty: give the discussion's title, or leave --title out")
        from dataclasses import replace

        ds = replace(ds, source=replace(ds.source, title=" ".join(title.split())))
    if rename:  # first: a speaker named so may then be one person with another (--same-person)
        ds = renamed(ds, rename)
    if same:
        no_one = len(ds.contributors) - summary["speakers"]  # stand-ins of deleted posts, no speaker's
        ds = same_people(ds, same)
        summary = {**summary, "speakers": len(ds.contributors) - no_one}
    if alike := alike_names(ds):
        summary = {**summary, "alike_names": [list(pair) for pair in alike]}
    from .thread import MASKED_PHONE

    if phoned := [c.name for c in ds.contributors if MASKED_PHONE.fullmatch(c.name)]:
        summary = {**summary, "phone_names": phoned}  # someone the export names by number: --rename names them
    if title is None and ds.source.title in {Path(s).stem for s in sources} | {Path(s).name for s in sources}:
        summary = {**summary, "title_from_file": ds.source.title}  # a transcript's: said, so that --title is known
    existed = check_new_folder(target, _IMPORTED, force)
    drafted = existed and (target / "draft.yaml").is_file()  # replaced with the import it was drafted from
    if not ds.messages:  # a folder of no messages would only fail later, at draft or review
        left = ", ".join(f"{count} {why}" for why, count in summary["left_out"].items())
        raise DatasetError(f"no message with words in it to import{f' (left out: {left})' if left else ''}",
                           str(sources[0]))
    header = (f"# Imported by conceptgraph from {', '.join(Path(s).name for s in sources)} ({summary['format']}).\n"
              "# Add terms, attributes, claims and relations in another file of this folder (or run\n"
              "# `conceptgraph draft` on it); every quote must be found in its speaker's message.\n")
    from ..progress import Progress

    with Progress(f"writing {len(ds.messages):,} messages to {target}"):
        text = dump_dataset(ds, ("source", "contributors", "messages"), header)
        parse_dataset(text, str(target / "discussion.yaml"))  # what is written must read back
        files = {"discussion.yaml": text.encode("utf-8")}
        # the same people and messages again (a new --title, a --rename undone): the draft
        # still quotes them exactly, so it stays
        kept = drafted and _same_messages(target / "discussion.yaml", ds)
        if kept:
            files["draft.yaml"] = (target / "draft.yaml").read_bytes()
        # never over a folder that appeared meanwhile (another import, the user's notes)
        # an earlier import (and its draft) is replaced, never review decisions or other files
        write_folder(target, files, replace="own" if existed else "never", make_parents=default, own=_IMPORTED)
    return {"path": str(target), **summary, **({"kept_draft": True} if kept else {"replaced_draft": True}
                                               if drafted else {})}


def _say_again(heard: list[warnings.WarningMessage], ds: Dataset, rename: Sequence[tuple[str, str]]) -> None:
    """Warn again what reading the export warned, except to ``--rename`` the writers
    named by an id that ``rename`` names already (each of them: else the warning stands)."""
    named, told = set(), set()
    for old, _ in rename:
        try:
            named.add(next(c.name for c in ds.contributors if c.id == _speaker(ds, old, "--rename")))
        except UsageError:
            pass  # said by renamed(), after the warnings
    for w in heard:
        said = w.message if isinstance(w.message, Warning) else w.category(w.message)
        if isinstance(said, NamedByIdWarning) and set(said.ids) <= named:
            if not said.rest:
                continue
            said = ConceptGraphWarning(said.rest)
        if (str(said), type(said)) not in told:  # once, as the default filter would have said it
            told.add((str(said), type(said)))
            warnings.warn_explicit(said, type(said), w.filename, w.lineno)


def _same_messages(earlier: Path, ds: Dataset) -> bool:
    """Whether the import at ``earlier`` has ``ds``'s contributors and messages."""
    from ..dataset import parse_dataset

    try:
        was = parse_dataset(earlier.read_text(encoding="utf-8"), str(earlier))
    except (OSError, UnicodeDecodeError, ConceptGraphError):
        return False  # unreadable, or edited into something else: not the same import
    return was.contributors == ds.contributors and was.messages == ds.messages
