"""The neutral shape every discussion export is read into, and how it becomes a dataset.

An importer turns its file into :class:`Thread` records: each :class:`Post` with its
speaker as written, a key for the account (to tell two people of one name apart and
one person of two spellings together; never stored), its plain text, and the key of
the post it answers. :func:`to_dataset` then names the places (``post``, ``comment
4``, ``reply 2 to comment 4``, or the format's own), makes one contributor per person,
and counts what was left out and why.

>>> t = Thread(key="t", title="Lunch", posts=[
...     Post(key="1", author="Ann", text="Soup or salad?", root=True),
...     Post(key="2", author="Bo", text="Soup.", parent="1"),
...     Post(key="3", author="Ann", text="Soup it is.", parent="2")])
>>> ds, summary = to_dataset([t], "lunch.txt")
>>> [(m.id, m.where, m.reply_to) for m in ds.messages]  # doctest: +NORMALIZE_WHITESPACE
[('post', 'post', ''), ('comment-1', 'comment 1', 'post'),
 ('reply-1-to-comment-1', 'reply 1 to comment 1', 'comment-1')]
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ..errors import excerpt
from ..formats.common import LONE_SURROGATE
from .clean import SIGNATURE, quoted_lines_removed, signature_removed, unmarked, without_addresses

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from ..model import Dataset

__all__ = ["Post", "Thread", "Left", "to_dataset", "parents_first", "slug", "unique_id", "UNNAMED", "number",
           "utc_day", "known_day", "utc_minute", "known_minute", "id_number", "text_of", "list_of", "iso_seconds",
           "in_chat_thread", "votes"]

UNNAMED = "unnamed commenter"

# The place of a reply in a chat's thread, as the Slack, Mattermost and Teams readers number
# it: "reply 3 to message 5". Its reply_to names the thread's first message, whatever it answers.
_CHAT_REPLY = re.compile(r"reply \d+ to message \d+")


def in_chat_thread(where: str) -> bool:
    """Whether a message's place says it is one of a chat thread's replies, whose parent
    is the thread's first message rather than the message it answers.

    >>> in_chat_thread("reply 3 to message 5"), in_chat_thread("reply 3 to comment 5"), in_chat_thread("message 5")
    (True, False, False)
    """
    return bool(_CHAT_REPLY.fullmatch(where))


def number(value: Any) -> float:
    """A number an export gives (an int or a float, not a bool), else 0: so is one too big
    for a float, and NaN, which would sort nowhere.

    >>> number(3), number("3"), number(10 ** 400), number(float("nan"))
    (3.0, 0.0, 0.0, 0.0)
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return 0.0
    try:
        out = float(value)
    except OverflowError:
        return 0.0
    return out if out == out else 0.0


def utc_day(seconds: Any) -> str:
    """The day (UTC) of a Unix time an export gives ("2024-10-17"), or "" when it is none.

    >>> utc_day(1729150000), utc_day("1729150000.5"), utc_day("soon"), utc_day(10 ** 400)
    ('2024-10-17', '2024-10-17', '', '')
    """
    return _utc(seconds, lambda t: t.date().isoformat())


def utc_minute(seconds: Any) -> str:
    """The day and time (UTC, to the minute) of a Unix time a chat export gives, or ""
    when it is none: in a chat, the day alone tells a morning's messages apart from
    nothing.

    >>> utc_minute(1729150000), utc_minute("1729150000.5"), utc_minute("soon")
    ('2024-10-17 07:26 UTC', '2024-10-17 07:26 UTC', '')
    """
    return _utc(seconds, lambda t: t.strftime("%Y-%m-%d %H:%M UTC"))


def _utc(seconds: Any, shown: Callable[[datetime], str]) -> str:
    """A Unix time as ``shown`` writes its moment in UTC, or "" when it is no time."""
    try:
        return shown(datetime.fromtimestamp(float(seconds), tz=UTC))
    except (TypeError, ValueError, OverflowError, OSError):
        return ""


def shown_media(kind: str, name: Any = None) -> str:
    """What a message without words shows, as a chat app lists it; kept as its words when
    others reply to it, so that their replies still answer its sender.

    >>> shown_media("photo"), shown_media("file", "plan.pdf")
    ('[photo]', '[file: plan.pdf]')
    """
    name = " ".join(name.split())[:80] if isinstance(name, str) else ""
    return f"[{kind}: {name}]" if name else f"[{kind}]"


def known_minute(seconds: float) -> str:
    """:func:`utc_minute` of a time an export gives as Unix seconds, "" for 0 (left out)."""
    return utc_minute(seconds) if seconds else ""


def known_day(seconds: float) -> str:
    """The day (UTC) of a time an export gives as Unix seconds, "" for 0: the time it
    left out (not 1 January 1970)."""
    return utc_day(seconds) if seconds else ""


def id_number(key: str) -> int:
    """An id that is a number, as that number (so that "9" sorts before "10"), else 0.

    >>> id_number("10"), id_number("a7"), id_number("9" * 30)
    (10, 0, 0)
    """
    return int(key) if key.isascii() and key.isdigit() and len(key) < 20 else 0


def text_of(value: Any) -> str:
    """A string an export gives; any other value (a number, a list, null) is none.

    >>> text_of("Ann"), text_of(7), text_of(None)
    ('Ann', '', '')
    """
    return value if isinstance(value, str) else ""


def list_of(value: Any) -> list[Any]:
    """A list an export gives; any other value is an empty one."""
    return value if isinstance(value, list) else []


def iso_seconds(value: Any) -> float:
    """The Unix time of an ISO time an export gives ("2024-06-10T06:20:00.000Z"; one
    without a zone is UTC), or 0 for none, or one that is no time.

    >>> iso_seconds("1970-01-02T00:00:00Z"), iso_seconds("1970-01-02"), iso_seconds("soon"), iso_seconds(5)
    (86400.0, 86400.0, 0.0, 0.0)
    """
    if not isinstance(value, str) or len(value) > 64:
        return 0.0
    try:
        moment = datetime.fromisoformat(value.strip())
        return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()
    except (ValueError, OverflowError, OSError):
        return 0.0


@dataclass
class Post:
    """One message as an importer found it."""

    key: str
    author: str
    text: str
    parent: str | None = None
    date: str = ""
    account: str = ""
    root: bool = False
    #: The place, when the format numbers its own (Discourse "post 14", mail "message 3").
    place: str = ""
    title: str = ""
    #: "respondent" for answers quoted in the post itself; else decided by position.
    role: str = ""
    #: Votes, where the site counts them; the accepted answer.
    score: int | None = None
    accepted: bool = False
    #: Its own address on the site, where the export gives one.
    url: str = ""
    #: Why its words are gone ("deleted", "removed"): kept, as "[deleted]" by no one named,
    #: only while replies answer it, so that they still answer it and not the post.
    gone: str = ""
    #: The passages of others it quotes, left out of ``text``.
    quotes: list[str] = field(default_factory=list)
    #: When its words were changed after it was posted ("yes" where the export gives no date).
    edited: str = ""
    #: Where in ``text`` each of ``quotes`` stood (set by :func:`to_dataset` from the marks
    #: an importer leaves, :data:`conceptgraph.discussions.clean.QUOTE_MARK`).
    quoted_at: list[int] = field(default_factory=list)


@dataclass
class Thread:
    key: str
    title: str = ""
    url: str = ""
    author: str = ""
    date: str = ""
    posts: list[Post] = field(default_factory=list)
    #: The thread author's account, for an export that holds a later page of a thread
    #: without its first post: their messages there still make them its author.
    account: str = ""
    #: Where the thread is (a Discord server): the title of a file of several threads all there.
    site: str = ""
    #: Which of the files imported together it came from (their accounts are theirs alone).
    origin: int = 0


class Left(Counter[str]):
    """How many messages were left out, by reason ("spam", "deleted", "bots"...)."""


#: A chat's own lines, a Slack export's or an IRC log's, as :class:`Left` counts them.
CHANNEL_EVENTS = "joins, leaves and channel events"
#: Replies whose message is not in the file, as :class:`Left` counts them (each parent once)
MISSING_PARENTS = "missing parents (not in the file: their replies answer the thread)"


_UP = frozenset(("+1", "thumbsup", "thumbs_up", "thumbs-up", "like", "\U0001F44D"))
_DOWN = frozenset(("-1", "thumbsdown", "thumbs_down", "thumbs-down", "\U0001F44E"))


def votes(reactions: Any, name: Callable[[dict[str, Any]], object], count: str = "") -> int | None:
    """A message's votes from the reactions an export gives (a list of objects, each
    named by ``name``, and counted by its ``count`` field, else one person's each).

    >>> votes([{"name": "+1", "count": 3}, {"name": "-1"}], lambda r: r.get("name"), "count"), votes(None, str)
    (2, None)
    """
    return thumbs((name(r), r.get(count) if count else 1) for r in list_of(reactions) if isinstance(r, dict))


def thumbs(reactions: Iterable[tuple[object, object]]) -> int | None:
    """A message's votes from its reactions, (emoji name, how many) each: 👍 minus 👎, as
    GitHub counts them (None when neither was given: a ❤️ is no vote). Skin tones count
    as the hand they colour.

    >>> thumbs([("+1", 3), ("heart", 2), ("-1::skin-tone-2", 1)]), thumbs([("\U0001F44D\U0001F3FD", 1)]), thumbs([("tada", 4)])
    (2, 1, None)
    """
    up = down = 0
    seen = False
    for name, count in reactions:
        # "+1::skin-tone-3" (Slack), "👍🏽" (an emoji and its tone)
        base = re.sub(r"::skin-tone-\d$|[\U0001F3FB-\U0001F3FF]$", "", str(name or "").strip().casefold())
        n = count if isinstance(count, int) and not isinstance(count, bool) else 1
        if base in _UP:
            up, seen = up + n, True
        elif base in _DOWN:
            down, seen = down + n, True
    return up - down if seen else None


def copies_of(what: str, whose: str = "writer") -> str:
    """The left-out count of messages given again under their id, as a reader keeps it.

    >>> copies_of("post", "owner")
    'copies of a post (its id again, with the same owner and words)'
    """
    return f"copies of a {what} (its id again, with the same {whose} and words)"


def counted(named: Sequence[object], noun: str) -> str:
    """How many ``named`` there are, with ``noun``: "1 post", "3 posts"."""
    return f"{len(named)} {noun}{'s' if len(named) > 1 else ''}"


def first_few(named: Sequence[str], most: int = 5) -> str:
    """The first few of ``named``, as a warning names them, and how many more.

    >>> first_few(["id 1", "id 2"]), first_few([f"id {i}" for i in range(8)])
    ('id 1, id 2', 'id 0, id 1, id 2, id 3, id 4 and 3 more')
    """
    return ", ".join(excerpt(n, 30) for n in named[:most]) + (f" and {len(named) - most} more" if len(named) > most else "")


def slug(text: str) -> str:
    """An id made of lowercase letters, digits and hyphens.

    >>> slug("Mary Alice Arthur"), slug("“Summer plans” › comment 4")
    ('mary-alice-arthur', 'summer-plans-comment-4')
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[^\w]+", "-", text).strip("-_") or "x"


def _places(thread: Thread) -> dict[str, str]:
    """Each post's place: ``post`` for the root, ``comment N`` for answers to it, ``reply
    K to comment N`` for the K-th reply under comment N at any depth (what it answers
    exactly is its ``reply_to``), so that a place stays short however deep the thread
    goes; a format's own numbering wins where it has one."""
    places: dict[str, str] = {}
    branch: dict[str, str] = {}  # post key -> the place its branch of replies is named by
    replies: Counter[str] = Counter()
    top = 0
    for p in thread.posts:
        if p.place:
            places[p.key] = branch[p.key] = p.place
        elif p.root:
            places[p.key] = "post"
        elif p.parent is None or p.parent not in branch:  # it answers the post (or no one)
            top += 1
            places[p.key] = branch[p.key] = f"comment {top}"
        else:
            head = branch[p.key] = branch[p.parent]
            replies[head] += 1
            places[p.key] = f"reply {replies[head]} to {head}"
    return places


def parents_first(posts: list[Post], in_order: bool = False, left: Left | None = None) -> list[Post]:
    """The posts in their order, except that a reply never comes before what it answers:
    each reply right after what it answers (depth first), or, ``in_order`` (a format that
    numbers its posts), each post where it is unless its parent comes later, then right
    after that parent. A reply to a post that is not in the thread (left out, or never
    exported) answers the thread's first post, and those missing parents are counted in
    ``left``: whom their replies answer is now a guess."""
    keys = {p.key for p in posts}
    root = next((p.key for p in posts if p.root), None)
    children: dict[str | None, list[Post]] = {}
    missing: set[str] = set()
    for p in posts:
        if p.parent is not None and (p.parent not in keys or p.parent == p.key):
            if p.parent and p.parent not in keys:  # (a comment with no id, a parent never exported)
                missing.add(p.parent)
            p.parent = root if root != p.key else None  # what it answered is gone: it answers the thread
        children.setdefault(p.parent, []).append(p)
    if missing and left is not None:
        left[MISSING_PARENTS] += len(missing)
    out: list[Post] = []
    placed: set[str] = set()
    waiting: dict[str, list[Post]] = {}  # in_order: posts whose parent is not placed yet
    for p in posts:
        if p.key in placed:
            continue
        if p.parent is not None and p.parent not in placed:
            if in_order:
                waiting.setdefault(p.parent, []).append(p)
            continue
        stack = [p]
        while stack:  # p, then what answers it (all of it, or what was waiting for it)
            q = stack.pop()
            if q.key in placed:
                continue
            placed.add(q.key)
            out.append(q)
            stack.extend(reversed(waiting.pop(q.key, []) if in_order else children.get(q.key, [])))
    out += [p for p in posts if p.key not in placed]  # a cycle of replies: kept, in their order
    return out


#: The most of a thread's title a place or an id repeats (places stay short, and the
#: output stays proportional to the input).
_TITLE = 60


def _line(text: str) -> str:
    """A name or title on one line, its spaces (no-break ones too) single, no address in it."""
    return without_addresses(" ".join(text.split()))


def _shorten(title: str) -> str:
    title = " ".join(title.split())
    return title if len(title) <= _TITLE else title[:_TITLE - 1].rstrip() + "…"


_AT_TIME = re.compile(r" at \d{1,2}(?::\d{2}){1,2}(?: on \d{4}-\d{2}-\d{2})?$")  # (kept out of a message's id)


def _short_slug(text: str) -> str:
    return slug(text)[:_TITLE].strip("-_") or "x"


def _message_slug(prefix: str, place: str) -> str:
    """A message's id, made of its thread's title (in a dataset of several) and its place
    ("turn 2 at 00:04:31": "turn-2"). A long title is cut, never the place: cut, "reply 3
    to comment 2" would read "reply-3-to-comment", and another's id could spell its place.

    >>> _message_slug("", "reply 3 to comment 2"), _message_slug("“Summer plans” › ", "comment 4")
    ('reply-3-to-comment-2', 'summer-plans-comment-4')
    >>> _message_slug("“Weather vs climate: what's the difference?” › ", "reply 3 to comment 2")
    'weather-vs-climate-what-s-the-differenc-reply-3-to-comment-2'
    """
    whole = slug(prefix + place)
    if len(whole) <= _TITLE:
        return whole.strip("-_") or "x"
    own = slug(place).strip("-_") or "x"
    head = slug(prefix)[:max(0, _TITLE - len(own) - 1)].strip("-_")
    return f"{head}-{own}" if head else own


def _person_key(p: Post, where: str) -> str:
    """Who wrote ``p``: its account, else its name; two unsigned posts are two people."""
    return p.account or " ".join(p.author.casefold().split()) or f"\0unnamed {where}"


class _People:
    """Who wrote each post, across files imported together: in one file an account is a
    person (two accounts of one name are two people); across files, a name is (the Slack
    account "U01PRIYA" named Priya Raman is the Priya Raman of a meeting's transcript),
    unless a file has two people of that name, when nothing tells which is which; or
    ``apart`` (two communities, whose Chris is not the same Chris)."""

    def __init__(self, threads: list[Thread], apart: bool = False) -> None:
        named: dict[str, set[tuple[int, str]]] = {}  # name -> (origin, key) of each of its people
        written: dict[str, str] = {}  # name -> as it was first written
        for t in threads:
            for p in t.posts:
                if p.author:
                    name = " ".join(p.author.casefold().split())
                    named.setdefault(name, set()).add((t.origin, _person_key(p, "")))
                    written.setdefault(name, p.author)
        self.same: dict[tuple[int, str], str] = {}  # (origin, key) -> the key they are one person under
        self.across: list[str] = []  # the names made one person so, as first written
        for name, keys in named.items():
            origins = [o for o, _ in keys]
            if not apart and len(set(origins)) > 1 and len(origins) == len(set(origins)):  # one of that name in each file
                one = f"\0named {name}"
                self.same.update({k: one for k in keys})
                self.across.append(written[name])

    def key(self, p: Post, where: str, origin: int) -> str:
        """The person who wrote ``p`` (at ``where``, read from file ``origin``)."""
        key = _person_key(p, where)
        return self.same.get((origin, key), f"{origin}\0{key}" if p.account else key)

    def account(self, account: str, origin: int) -> str:
        """The person of ``account`` in file ``origin``."""
        return self.same.get((origin, account), f"{origin}\0{account}")


def _stand_ins(thread: Thread, left: Left) -> None:
    """Posts whose words are gone (:attr:`Post.gone`): each is counted as left out, and
    kept as a stand-in ("[deleted]", no one named) when a kept post answers it, at any
    depth; else dropped."""
    gone = {p.key for p in thread.posts if p.gone}
    if not gone:
        return
    parent_of = {p.key: p.parent for p in thread.posts}
    needed: set[str] = set()
    for p in thread.posts:
        if not p.gone:
            q, seen = p.parent, set()
            while q in gone and q not in seen:
                needed.add(q)
                seen.add(q)
                q = parent_of.get(q)
    for p in thread.posts:
        if p.gone:
            left[p.gone] += 1
            p.text, p.author, p.account, p.edited = f"[{p.gone}]", "", "", ""  # (no words left to have changed)
    thread.posts = [p for p in thread.posts if not p.gone or p.key in needed]


# WhatsApp's mark (iOS) before the name of someone not in the exporter's contacts: "~ Oma Ilse" is Oma Ilse
_NOT_IN_CONTACTS = re.compile("^\\s*~[\\s\u202f\u00a0]+(?=\\S)")
# A phone number standing for a name (WhatsApp, for someone not in the exporter's contacts)
_PHONE = re.compile(r"(?P<country>\+\d{1,3})?[\s\d().\u202f\u00a0-]{6,}")


def _name(name: str) -> str:
    """A name as written out: on one line, WhatsApp's "~" before it gone, a phone number
    masked (:func:`masked_phone`)."""
    return _line(masked_phone(_NOT_IN_CONTACTS.sub("", name)))


def masked_phone(name: str) -> str:
    """A phone number given as a name, written as its country code and last four digits
    ("+49 …6789"): one person still, and no number anyone could call, as no e-mail
    address is ever written.

    >>> masked_phone("+49 151 23456789"), masked_phone("Ana")
    ('+49 …6789', 'Ana')
    """
    m = _PHONE.fullmatch(name.strip())
    digits = re.sub(r"\D", "", name)
    if not m or len(digits) < 7:
        return name
    return f"{m['country'] + ' ' if m['country'] else ''}…{digits[-4:]}"


#: A name :func:`masked_phone` wrote: "+49 …6789"
MASKED_PHONE = re.compile(r"(?:\+\d{1,3} )?…\d{4}")


# Pronouns a display name carries (Zoom, Slack): "Rafael Ortiz (he/him)" is Rafael Ortiz
_PRONOUNS = re.compile(r"\s*[(\[](?:he|she|they|ze|xe|it|any|ask)(?:\s*/\s*[a-z]+){1,2}[)\]]\s*$", re.I)


# A quoted message's last line that only signs it: a name of a word or three, capitalised
_SIGN_OFF = re.compile(r"(?:[A-Z][\w.'’-]*)(?:\s+[A-Z][\w.'’-]*){0,2}")
#: How much of a quoted passage a message keeps: enough to tell which claims it quotes,
#: never a mail thread's whole history again under each reply.
QUOTE_KEPT = 1000


def _passage(quoted: str) -> str:
    """A passage a message quotes, as it keeps it: without the passages that one quoted
    in turn (and their "Bo wrote:"), its spacing made single, addresses removed, cut
    after :data:`QUOTE_KEPT` characters at a word.

    >>> _passage("Ann wrote:\\n> > Old words.\\n> Older.\\nX is  Y.")
    'X is Y.'
    >>> _passage("X is Y.\\nPriya\\n-- \\nsent from my phone"), _passage("X is Y.\\n\\nThanks,\\nMarcus")
    ('X is Y.', 'X is Y. Thanks,')
    >>> cut = _passage("word " * 1000)
    >>> len(cut) <= QUOTE_KEPT, cut[-5:]
    (True, 'word…')
    """
    lines = quoted_lines_removed(quoted, mail=True).split("\n")
    # the quoted writer's own signature ("-- ", "Sent from my phone") and sign-off ("Priya"): not
    # what they said, as the writer's own are not
    cut = next((i for i, line in enumerate(lines) if SIGNATURE.match(line.rstrip())), len(lines))
    lines = [line for line in lines[:cut] if line.strip()]
    if len(lines) > 1 and _SIGN_OFF.fullmatch(lines[-1].strip()):
        lines.pop()
    words = without_addresses(" ".join(" ".join(lines).split()))
    if len(words) > QUOTE_KEPT:
        words = words[:QUOTE_KEPT - 1].rsplit(" ", 1)[0] + "…"
    return words


def _whole_characters(thread: Thread, left: Left) -> None:
    """Every lone surrogate in ``thread``'s words, names, dates and addresses made U+FFFD
    (the character that stands for one lost), counted.

    >>> t = Thread("t", title="a\\ud800b", posts=[Post("1", "Bo", "x \\udc00 y \\ud83d", quotes=["q\\ud800"])])
    >>> left = Left(); _whole_characters(t, left)
    >>> t.title, t.posts[0].text, t.posts[0].quotes, dict(left)
    ('a\ufffdb', 'x \ufffd y \ufffd', ['q\ufffd'], {'lone surrogates (half characters) replaced with U+FFFD': 4})
    """
    lost = 0

    def whole(text: str) -> str:
        nonlocal lost
        fixed, n = LONE_SURROGATE.subn("\ufffd", text)
        lost += n
        return fixed

    for name in ("key", "title", "url", "author", "date", "account", "site"):
        if isinstance(getattr(thread, name, None), str):
            setattr(thread, name, whole(getattr(thread, name)))
    for p in thread.posts:
        for name in ("key", "author", "text", "parent", "date", "account", "place", "title", "role", "url", "gone",
                     "edited"):
            if isinstance(getattr(p, name), str):
                setattr(p, name, whole(getattr(p, name)))
        p.quotes = [whole(q) for q in p.quotes]
    if lost:
        left["lone surrogates (half characters) replaced with U+FFFD"] += lost


def to_dataset(threads: list[Thread], name: str, left: Left | None = None,
               apart: bool = False) -> tuple[Dataset, dict[str, Any]]:
    """The dataset of ``threads`` (source, contributors, messages) and a summary of the
    import: threads, messages, speakers, replies, and what was left out and why."""
    from ..model import Contributor, Dataset, Message, Source

    left = left if left is not None else Left()
    for thread in threads:
        _whole_characters(thread, left)
        for p in thread.posts:  # the README's promise: no e-mail address is ever written
            p.text, p.author, p.title = without_addresses(p.text), _name(_PRONOUNS.sub("", p.author)), _line(p.title)
            p.text, at = unmarked(p.text)
            unsigned = signature_removed(p.text, p.author)
            if unsigned != p.text:
                p.text = unsigned
                left["signatures"] += 1
            # where each passage stood, when the marks are the passages' own (one each)
            placed = zip(p.quotes, at) if len(at) == len(p.quotes) else ((q, -1) for q in p.quotes)
            stood = [(said, min(a, len(p.text))) for q, a in placed if (said := _passage(q))]
            p.quotes = [q for q, _ in stood]
            p.quoted_at = [a for _, a in stood] if stood and stood[0][1] >= 0 else []
        thread.title, thread.author = _line(thread.title), _name(thread.author)
        keys: set[str] = set()
        again: Counter[str] = Counter()
        for p in thread.posts:  # two posts under one key (a duplicated id) stay two posts
            base = p.key
            while p.key in keys:
                again[base] += 1
                p.key = f"{base}\0{again[base]}"
            keys.add(p.key)
        _stand_ins(thread, left)
        gone = {p.key: p.parent for p in thread.posts if not p.text.strip()}
        if gone:  # a message with no words of its own (all quote, or blank) is left out
            left["empty"] += len(gone)
            kept = [p for p in thread.posts if p.key not in gone]
            for p in kept:
                seen = set()
                while p.parent in gone and p.parent not in seen:  # answer what the empty one answered
                    seen.add(p.parent)
                    p.parent = gone[p.parent]
            thread.posts = kept
    threads = [t for t in threads if t.posts]
    for thread in threads:
        thread.posts = parents_first(thread.posts, in_order=all(p.place for p in thread.posts), left=left)
    several = len(threads) > 1
    people: dict[str, dict[str, Any]] = {}  # person key -> name, places, role
    messages: list[Message] = []
    ids: set[str] = set()
    taken: set[str] = set()
    id_counts: dict[str, int] = {}  # where each base's count stopped, one per pool of ids
    person_counts: dict[str, int] = {}
    replies = stand_ins = 0
    who = _People(threads, apart)
    for thread in threads:
        places = _places(thread)
        prefix = f"“{_shorten(_called(thread))}” › " if several else ""
        root_author = next((who.key(p, prefix + places[p.key], thread.origin) for p in thread.posts if p.root),
                           who.account(thread.account, thread.origin) if thread.account else None)
        msg_id: dict[str, str] = {}
        for p in thread.posts:
            where = prefix + places[p.key]
            ident = unique_id(_message_slug(prefix, _AT_TIME.sub("", places[p.key])), ids, id_counts)  # turn-2
            msg_id[p.key] = ident
            key = who.key(p, where, thread.origin)
            person = people.get(key)
            if person is None:
                # a transcript's or a chat's turn is a speaker's, a comment a commenter's
                unnamed = "unnamed speaker" if places[p.key].startswith("turn ") else UNNAMED
                speaker = p.author or (f"unnamed author ({where})" if p.root else f"{unnamed} ({where})")
                base = _short_slug(p.author if p.author else f"unnamed {where}")
                person = people[key] = {"name": speaker, "places": [], "role": "commenter",
                                        "id": unique_id(base, taken, person_counts)}
            person["places"].append(where)
            stand_ins += bool(p.gone)  # each its own unnamed writer (no account, no name): a person apart
            if key == root_author:
                person["role"] = "author"
            elif p.role and person["role"] == "commenter":
                person["role"] = p.role
            reply_to = msg_id.get(p.parent or "", "")
            replies += bool(reply_to)
            # a title its places give shortened is kept whole on its first message, where --thread finds a part of it
            headed = p.title or (thread.title if p.root and prefix and prefix != f"“{_called(thread)}” › " else "")
            messages.append(Message(ident, person["id"], where, p.text, reply_to, p.date, headed, p.score, p.accepted,
                                    p.url if p.url.startswith(("https://", "http://")) else "", p.gone,
                                    tuple(p.quotes), p.edited, tuple(p.quoted_at)))
    first = threads[0] if threads else Thread(key=name)
    sites = {t.site for t in threads}
    site = sites.pop() if len(sites) == 1 else ""
    title = first.title if not several else site or name
    # (a thread with no title by its file's name, as its places give it: no community left out of the title)
    titled = list(dict.fromkeys(_shorten(_called(t)) for t in threads if t.title or several and t.key))
    if several and not site and titled and (len({t.origin for t in threads}) > 1 or len(threads) <= 3):
        # files imported together, or a file of a few threads (a forum's two discussions): their
        # threads' titles, not the first file's name ("hn_41234567", "moodle_forum_export")
        title = " / ".join(titled[:2]) + (f" / {len(titled) - 2} more" if len(titled) > 2 else "")
    source = Source(title=title or name,
                    author=first.author if not several else "", date=first.date if not several else "",
                    url=first.url if not several else "")
    contributors = tuple(Contributor(v["id"], v["name"], v["role"], tuple(v["places"])) for v in people.values())
    ds = Dataset(source=source, contributors=contributors, messages=tuple(messages))
    # a stand-in's "[deleted]" is no speaker's words: it is counted apart
    summary = {"threads": len(threads), "messages": len(messages), "speakers": len(contributors) - stand_ins,
               "replies": replies, "left_out": dict(sorted(left.items())), **({"stand_ins": stand_ins} if stand_ins else {}),
               **({"one_name_across_files": len(who.across), "names_across_files": who.across} if who.across else {})}
    return ds, summary


def _called(thread: Thread) -> str:
    """What a thread is called in a dataset of several: its title, else its file's name
    (not the path it was given by)."""
    if thread.title:
        return thread.title
    return os.path.basename(thread.key) if os.sep in thread.key and os.path.isfile(thread.key) else thread.key


def unique_id(base: str, taken: set[str], counters: dict[str, int] | None = None) -> str:
    """``base``, or ``base-2``, ``base-3``... the first not in ``taken`` (which it joins).
    ``counters`` remembers where each base's count stopped, so that many ids of one base
    cost one step each rather than a count from 2 every time.

    >>> taken, counters = set(), {}
    >>> [unique_id("bob", taken, counters) for _ in range(3)]
    ['bob', 'bob-2', 'bob-3']
    """
    k = counters.get(base, 1) if counters is not None else 1
    ident = base if k == 1 else f"{base}-{k}"
    while ident in taken:
        k += 1
        ident = f"{base}-{k}"
    taken.add(ident)
    if counters is not None:
        counters[base] = k
    return ident
