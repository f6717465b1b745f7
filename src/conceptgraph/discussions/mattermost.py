"""Mattermost: a bulk export (``mmctl export create``: JSON Lines, one object a line, its
``user``, ``channel``, ``post`` and ``direct_post`` lines), or a channel's posts as its
REST API gives them (``GET /api/v4/channels/{id}/posts``, or a thread's,
``/posts/{id}/thread``, saved as JSON).

Each channel is a thread, titled by the channel, its team being where it is (a file of
several channels of one team is titled by the team). Direct messages, said between people and
not to a channel, are left out and counted when the file holds a channel's posts too;
a file of them alone is read, each group of people a thread. A thread's posts are
``message N`` in time order, their replies ``reply K to message N``. A reply answers
its thread's root post (nested in ``replies`` in the export, named by ``root_id`` in the
API), or the post of that thread its quoted lines
(``> ...``) come from; quoted lines are someone else's words, left out and counted. A
person is named "First Last", else by their nickname, else by the one name given, else
by their username; a mention stays as written (``@ana``). The API's answer holds no
names, only user ids: its posts are by those ids, unless the same file holds a
``users`` list (``id``, ``username``, names: ``POST /api/v4/users/ids`` added to the
answer); a list of users saved in a file of its own is not read. Nor does it name its
channel: the thread is titled by the file's name (by the channel's id, for several).
Left out and counted: system messages (joins, header changes: channel events), deleted
posts (a stand-in while a reply answers one), posts of bots and webhooks
(``--include-bots``), posts without words.

>>> export = b"\\n".join([b'{"type":"version","version":1}',
...     b'{"type":"user","user":{"username":"ana","first_name":"Ana","last_name":"Lima"}}',
...     b'{"type":"channel","channel":{"team":"eng","name":"naming","display_name":"Naming"}}',
...     b'{"type":"post","post":{"team":"eng","channel":"naming","user":"ana","create_at":1714557600000,'
...     b'"message":"Is a *tenant* an org?","replies":[{"user":"bo","message":"> an org?\\\\nNo.","create_at":1}]}}'])
>>> [thread], left = read_mattermost(export, "export.jsonl")
>>> thread.title, thread.site, [(p.author, p.text, p.place, p.parent) for p in thread.posts]  # doctest: +NORMALIZE_WHITESPACE
... # (U+E001 marks where the quote stood)
('Naming', 'eng', [('Ana Lima', 'Is a tenant an org?', 'message 1', None),
                  ('bo', '\\ue001\\nNo.', 'reply 1 to message 1', 'L4')])
>>> dict(left)
{"quoted lines (others' words)": 1}
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Any, NamedTuple

from ..errors import DatasetError
from ..files import not_utf8
from ..formats.common import load_documents, load_json
from .clean import markdown_to_text, passages, quoted_post
from .thread import CHANNEL_EVENTS, Left, Post, Thread, known_minute, list_of, number, text_of, votes

__all__ = ["read_mattermost", "sniff_mattermost"]

# An export's line: {"type": "post", "post": {...}}, the type named again as the key of its object
_KINDS = rb"version|team|channel|user|bot|post|direct_channel|direct_post|emoji|scheme|role"
_LINE = re.compile(rb'\A\s*\{\s*"type"\s*:\s*"(' + _KINDS + rb')"\s*,\s*"\1"\s*:|\A[^\n]*"type"\s*:\s*"version"')
# The API's answer opens with the ids of its posts, newest first: 26 letters and digits each
_ORDER = re.compile(rb'\A\s*\{\s*"order"\s*:\s*\[\s*(?:\]|"[a-z0-9]{26}")')
# The key of a thread of direct messages (its members after it)
_DIRECT = "direct:"
# The earlier posts a quote is looked for in: a hostile file of quotes costs no more than this each
_QUOTED_AMONG = 50


def sniff_mattermost(head: bytes) -> bool:
    head = head.removeprefix(b"\xef\xbb\xbf")
    if _LINE.match(head) or _ORDER.match(head):
        return True
    return head.lstrip()[:1] == b"{" and all(k in head for k in (b'"posts"', b'"channel_id"', b'"root_id"',
                                                                  b'"create_at"'))


class _Said(NamedTuple):
    """One post as the file gives it, before it is read."""

    key: str
    root: str  # the key of the post it replies to, or ""
    thread: str
    user: str  # a username (the export's) or a user id (the API's)
    post: dict[str, Any]


class _File(NamedTuple):
    posts: list[_Said]
    titles: dict[str, str]  # thread key -> its title
    people: dict[str, tuple[str, str]]  # user -> their name and account
    bots: set[str]
    sites: dict[str, str]  # thread key -> where it is (a channel's team)


def read_mattermost(data: bytes, file: str, include_bots: bool = False) -> tuple[list[Thread], Left]:
    """The threads (one per channel, or per group of direct messages) of a Mattermost bulk
    export or a saved answer of its posts API."""
    read = _export(data, file) if _LINE.match(data.removeprefix(b"\xef\xbb\xbf")) else _api(data, file)
    if not read.posts:
        raise DatasetError("no post in this Mattermost file (the export's post and direct_post lines, or the "
                           "API's posts)", file)
    left = Left()
    direct = [p for p in read.posts if p.thread.startswith(_DIRECT)]
    if direct and len(direct) < len(read.posts):
        # a whole server's export holds everyone's direct messages: said between people, not
        # to the channel, they are left out (a file of direct messages alone is read)
        left["direct messages"] += len(direct)
        read = read._replace(posts=[p for p in read.posts if not p.thread.startswith(_DIRECT)])
    return _threads(read, include_bots, left)


def _export(data: bytes, file: str) -> _File:
    """The posts of a bulk export, read line by line: a line that is no JSON object is
    refused, naming it; an object of a kind not read (emoji, schemes) is passed over."""
    posts: list[_Said] = []
    teams: dict[str, str] = {}
    channels: dict[tuple[str, str], str] = {}
    places: dict[str, tuple[str, str]] = {}  # a channel's thread key -> its team and name
    groups: dict[str, list[str]] = {}  # a group of direct messages' thread key -> its members
    people: dict[str, tuple[str, str]] = {}
    bots: set[str] = set()
    try:
        data.decode("utf-8")  # checked whole, so that a fault names its line and its offset in the file
    except UnicodeDecodeError as e:
        raise DatasetError(not_utf8(e, data), file, data[: e.start].count(b"\n") + 1) from None
    lines = data.split(b"\n")
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            doc = load_json(line, file)
        except DatasetError as e:
            problem = e.problem
            if any(rest.strip() for rest in lines[n:]):  # the file goes on: the line is cut, not the file
                problem = problem.replace("the file ends inside the JSON: is it cut short?",
                                          "the line ends inside its JSON: is it cut short, or split over two lines?")
            raise DatasetError(problem, file, n) from None
        if not isinstance(doc, dict):
            raise DatasetError("expected a JSON object on each line, as a Mattermost export has", file, n)
        kind = doc.get("type")
        obj = doc.get(kind) if isinstance(kind, str) else None
        if not isinstance(obj, dict):
            continue
        if kind == "team":
            teams[text_of(obj.get("name"))] = text_of(obj.get("display_name")) or text_of(obj.get("name"))
        elif kind == "channel":
            channels[text_of(obj.get("team")), text_of(obj.get("name"))] = text_of(obj.get("display_name"))
        elif kind in ("user", "bot"):
            name = text_of(obj.get("username"))
            people[name] = (_full_name(obj) or name, name)
            if kind == "bot":
                bots.add(name)
        elif kind in ("post", "direct_post"):
            user = text_of(obj.get("user"))
            if kind == "post":
                team, channel = text_of(obj.get("team")), text_of(obj.get("channel"))
                thread = f"{team}/{channel}"
                places[thread] = team, channel
            else:
                members = sorted({m for m in list_of(obj.get("channel_members")) if isinstance(m, str)} | {user})
                thread = _DIRECT + ",".join(members)
                groups[thread] = members
            posts.append(_Said(f"L{n}", "", thread, user, obj))
            posts += [_Said(f"L{n}.{i}", f"L{n}", thread, text_of(r.get("user")), r)
                      for i, r in enumerate(list_of(obj.get("replies")), 1) if isinstance(r, dict)]
    titles = {key: "direct messages: " + ", ".join(sorted(people.get(m, (m, m))[0] for m in members))
              for key, members in groups.items()}
    # a channel's name, not the thread's question: "Ops / Incident Management" would be
    # read as two sides set against each other
    sites: dict[str, str] = {}
    for key, (team, channel) in places.items():
        titles[key] = channels.get((team, channel)) or channel
        sites[key] = teams.get(team) or team
    return _File(posts, titles, people, bots, sites)


def _api(data: bytes, file: str) -> _File:
    """The posts of the API's answer (``order`` and ``posts``), or of several saved one
    after the other (its pages), with the ``users`` the file holds beside them."""
    pages: list[Any] = []
    for doc in load_documents(data, file):
        pages += doc if isinstance(doc, list) else [doc]
    found: dict[str, dict[str, Any]] = {}  # id -> post: a post on two pages is read once
    people: dict[str, tuple[str, str]] = {}
    bots: set[str] = set()
    answer = False
    for page in pages:
        if not isinstance(page, dict):
            continue
        given = page.get("posts")
        if isinstance(given, (dict, list)):
            answer = True
            for p in given.values() if isinstance(given, dict) else given:
                if isinstance(p, dict):
                    found.setdefault(text_of(p.get("id")) or f"#{len(found)}", p)
        users = page.get("users")
        for u in users.values() if isinstance(users, dict) else list_of(users):
            if isinstance(u, dict) and text_of(u.get("id")):
                username = text_of(u.get("username"))
                people[u["id"]] = (_full_name(u) or username or u["id"], username or u["id"])
                if u.get("is_bot") is True:
                    bots.add(u["id"])
    if not answer:
        raise DatasetError('expected Mattermost\'s posts API answer (an object with "order" and "posts") or its '
                           "bulk export (JSON Lines)", file)
    channels = {text_of(p.get("channel_id")) for p in found.values()}
    stem = PurePath(file).stem
    posts = [_Said(key, text_of(p.get("root_id")), text_of(p.get("channel_id")), text_of(p.get("user_id")), p)
             for key, p in found.items()]
    titles = {c: (stem if len(channels) == 1 and stem else c) for c in channels}
    return _File(posts, titles, people, bots, {})


def _threads(read: _File, include_bots: bool, left: Left) -> tuple[list[Thread], Left]:
    """The posts, in time order, as the threads of their channels, and what was left out
    (counted in ``left``)."""
    when = {p.key: number(p.post.get("create_at")) for p in read.posts}
    order = {p.key: i for i, p in enumerate(read.posts)}
    # in time order; a reply never before its root, whatever its own time says
    ordered = sorted(read.posts, key=lambda p: (max(when[p.key], when.get(p.root, 0.0)), order[p.key]))
    answered = {p.root for p in read.posts if p.root and not _deleted(p.post)}
    threads: dict[str, Thread] = {}
    place_of: dict[tuple[str, str], str] = {}  # a root post's thread and key -> its place
    tops: dict[str, int] = {}  # a thread's root posts so far
    replies: dict[str, int] = {}  # a root post's replies so far
    # the keys and words so far of each channel, and of each root post's thread, for a quote to be found in
    in_channel: dict[str, list[tuple[str, str]]] = {}
    in_thread: dict[str, list[tuple[str, str]]] = {}
    for p in ordered:
        kind = p.post.get("type")
        if isinstance(kind, str) and kind.startswith("system_"):
            left[CHANNEL_EVENTS] += 1
            continue
        shown = _bot_name(p.post)
        if (shown is not None or p.user in read.bots) and not include_bots:
            left["bots"] += 1
            continue
        gone = _deleted(p.post)
        if gone and p.key not in answered:
            left["deleted"] += 1
            continue
        quotes: list[str] = []
        text = "" if gone else markdown_to_text(text_of(p.post.get("message")), left, quotes=quotes)
        if not text and not gone:
            left["empty"] += 1
            continue
        thread = threads.setdefault(p.thread, Thread(key=p.thread, title=read.titles.get(p.thread, p.thread),
                                                          site=read.sites.get(p.thread, "")))
        name, account = read.people.get(p.user, (p.user, p.user))
        if shown:  # a webhook's post shows the name it was given, not its owner's
            name = account = shown
        post = Post(key=p.key, author=name, text=text, account=account, date=_minute(when[p.key]),
                    gone="deleted" if gone else "", quotes=passages(quotes),
                    score=votes(p.post.get("reactions"), lambda r: r.get("emoji_name")),
                    edited="" if gone or not number(p.post.get("edit_at")) else _minute(number(p.post.get("edit_at"))))
        channel = in_channel.setdefault(p.thread, [])
        if (p.thread, p.root) in place_of:
            replies[p.root] = replies.get(p.root, 0) + 1
            post.place = f"reply {replies[p.root]} to {place_of[p.thread, p.root]}"
            before = in_thread[p.root]
            post.parent = _quoted(quotes, before) or p.root
        else:  # a root post, or a reply whose root is not here (left out, or on a page not saved)
            tops[p.thread] = tops.get(p.thread, 0) + 1
            place_of[p.thread, p.key] = post.place = f"message {tops[p.thread]}"
            post.parent = _quoted(quotes, channel) or None
            post.root = not thread.posts
            before = in_thread[p.key] = []
        words = (p.key, " ".join(text.split()))
        before.append(words)
        channel.append(words)
        thread.posts.append(post)
    out = [t for t in threads.values() if t.posts]
    for t in out:
        t.author, t.date = t.posts[0].author, t.posts[0].date
    return out, left


def _quoted(quotes: list[str], before: list[tuple[str, str]]) -> str:
    """The key of the latest of the posts ``before`` that a post's quoted lines come from,
    or "": the quotes read as their Markdown shows them, as the posts' words are."""
    return quoted_post([markdown_to_text(q) for q in quotes], before[-_QUOTED_AMONG:]) if quotes else ""


def _full_name(user: dict[str, Any]) -> str:
    """"First Last", else the nickname, else the one name given: "" for none."""
    first, last = text_of(user.get("first_name")).strip(), text_of(user.get("last_name")).strip()
    if first and last:
        return f"{first} {last}"
    return text_of(user.get("nickname")).strip() or text_of(user.get("display_name")).strip() or first or last


def _bot_name(post: dict[str, Any]) -> str | None:
    """For a post of a webhook or a bot (its props say so), the name it shows ("" for its
    account's own); None for a person's."""
    props = post.get("props")
    if not isinstance(props, dict):
        return None
    shown = text_of(props.get("override_username")).strip()
    if shown or any(props.get(k) in (True, "true") for k in ("from_webhook", "from_bot")):
        return shown
    return None


def _deleted(post: dict[str, Any]) -> bool:
    return number(post.get("delete_at")) > 0


def _minute(ms: float) -> str:
    """The day and time of a time in milliseconds, as Mattermost counts them; "" for none."""
    return known_minute(ms / 1000)
