"""Canvas LMS: a discussion topic as Canvas's REST API gives it, saved as JSON. Its
entries: the full topic (``GET /api/v1/courses/:course_id/discussion_topics/:topic_id/view``:
``participants``, the threaded ``view``, ``new_entries``), or the flat list of its
entries (``GET .../discussion_topics/:topic_id/entries``: each with its
``recent_replies``), its pages one after the other. With them, in the same file or
another given too, the topic itself (``GET .../discussion_topics/:topic_id``: its
``title``, its ``message``, its ``author``, its ``html_url``).

The topic is one thread, titled by its title (by the file's name without it). Its
message, the teacher's prompt, is the post, by the topic's author; each entry answering
the topic a comment, each reply under what its ``parent_id`` names (nested in
``replies``, or listed flat), in time order. A person is the ``display_name`` the
participants give their ``user_id``, else the entry's ``user_name``, else the id.
Messages are HTML, read as text; a quoted passage (``<blockquote>``) is someone else's
words, left out and counted. Left out and counted: deleted entries (``"deleted": true``,
their words gone: a stand-in while a reply answers one), entries without words (a file
alone). An entry with no ``user_id`` (and no name) is an unnamed commenter's, and said.
A file saved from a browser signed in to Canvas starts with ``while(1);`` (Canvas's guard
against reading its answers from another site), which is no part of the JSON.

>>> import json
>>> view = {"unread_entries": [], "forced_entries": [], "participants": [
...     {"id": 7, "display_name": "Ana Lima"}, {"id": 8, "display_name": "Bo Chen"}],
...     "view": [{"id": 1, "user_id": 7, "parent_id": None, "created_at": "2024-09-09T14:00:00Z",
...               "message": "<p>Is <em>weather</em> just short-term <b>climate</b>?</p>",
...               "replies": [{"id": 2, "user_id": 8, "parent_id": 1, "created_at": "2024-09-09T15:00:00Z",
...                            "message": "<p>Roughly, yes.</p>"}]}]}
>>> [thread], left = read_canvas(json.dumps(view).encode(), "week-3.json")
>>> thread.title, [(p.author, p.text, p.parent, p.date) for p in thread.posts]  # doctest: +NORMALIZE_WHITESPACE
('week-3', [('Ana Lima', 'Is weather just short-term climate?', None, '2024-09-09'),
            ('Bo Chen', 'Roughly, yes.', '1', '2024-09-09')])
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from pathlib import PurePath
from typing import Any, NamedTuple

from ..errors import ConceptGraphWarning, DatasetError, NamedByIdWarning, excerpt
from ..formats.common import load_documents, top_keys
from .clean import html_to_text
from .thread import Left, Post, Thread, id_number, iso_seconds, known_day, list_of, text_of, utc_minute

__all__ = ["read_canvas", "sniff_canvas"]

# The full topic's own keys (Canvas writes unread_entries first; a copy with its keys
# sorted starts with entry_ratings): no other export has them
_VIEW_KEYS = frozenset({"unread_entries", "forced_entries", "entry_ratings", "new_entries"})
# A topic's fields that only a discussion topic has, beside its title
_TOPIC_KEYS = frozenset({"discussion_type", "discussion_subentry_count", "require_initial_post",
                         "podcast_has_student_posts", "topic_children"})
# An entry of the entries list: its parent_id and time, and what Canvas adds for the user who asked
_ENTRY_KEYS = frozenset({"user_name", "read_state", "forced_read_state", "rating_sum", "recent_replies",
                         "has_more_replies"})


def sniff_canvas(head: bytes) -> bool:
    start = head.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")
    start = start.removeprefix(_GUARD).lstrip(b" \t\r\n")  # saved from a browser signed in
    if start[:1] == b"[":  # the entries list, or a list of topics: the first object's keys tell
        start = start[1:].lstrip(b" \t\r\n")
    if start[:1] != b"{":
        return False
    keys = set(top_keys(start))
    if keys & _VIEW_KEYS or {"participants", "view"} <= keys:
        return True
    if "title" in keys and keys & _TOPIC_KEYS:
        return True
    return {"parent_id", "created_at"} <= keys and bool(keys & {"message", "deleted"}) and bool(keys & _ENTRY_KEYS)


# What Canvas writes before each JSON answer to a browser signed in (ApplicationController's
# prepend_json_csrf?), so that no other site's page can run it as a script
_GUARD = b"while(1);"


def _unguarded(data: bytes) -> bytes:
    """A file's bytes without the ``while(1);`` Canvas writes before the JSON it answers a
    browser signed in: spaces in its place, so that a later JSON error's line and column
    are the file's own.

    >>> _unguarded(b'while(1);{"view": []}')
    b'         {"view": []}'
    """
    start = data.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")
    if not start.startswith(_GUARD):
        return data
    at = len(data) - len(start)
    return data[:at] + b" " * len(_GUARD) + data[at + len(_GUARD):]


class _Entry(NamedTuple):
    """One entry as the file gives it, before it is read."""

    key: str
    parent: str  # the key of the entry it answers, or "" for the topic
    user: str  # its user id, or ""
    name: str  # the name the entry itself gives (user_name), or ""
    when: float
    message: str
    deleted: bool
    order: int
    edited: float = 0.0  # when its words were changed after it was posted (updated_at), or 0
    editor: str = ""  # the user id of whoever changed them (editor_id), when not its writer
    file: str = ""  # the file it was read from


class _Found:
    """What the files hold: the topic, its entries, the names of its people."""

    def __init__(self) -> None:
        self.topic: dict[str, Any] | None = None
        self.topic_file = ""
        self.topics: set[str] = set()  # the ids of the topics given
        self.entries: dict[str, _Entry] = {}
        self.people: dict[str, str] = {}  # user id -> display name
        self.answer = False  # a view or an entries list was found, even an empty one


def read_canvas(data: bytes, file: str, more: Sequence[tuple[bytes, str]] = ()) -> tuple[list[Thread], Left]:
    """The thread of a Canvas discussion topic: its full view or its entries list, with
    the topic itself where it is given (in the same file, or in ``more``)."""
    found = _Found()
    for doc_data, doc_file in [(data, file), *more]:
        for doc in load_documents(_unguarded(doc_data), doc_file):
            _document(doc, doc_file, found)
    if len(found.topics) > 1:
        ids = ", ".join(sorted(found.topics)[:5])
        raise DatasetError(f"holds {len(found.topics)} discussion topics (ids {excerpt(ids, 60)}): import one topic "
                           "at a time, its full view (GET .../discussion_topics/:topic_id/view) with it", file)
    if not found.answer:
        what = ("a Canvas discussion topic but none of its entries: give its full view "
                "(GET .../discussion_topics/:topic_id/view) with it") if found.topic is not None else (
            "expected Canvas's discussion API: a topic's full view (an object with \"view\" and \"participants\"), "
            "its entries list, or the topic")
        raise DatasetError(what, found.topic_file or file)
    if not found.entries and found.topic is None:
        raise DatasetError("no entry in this Canvas discussion (its \"view\" or entries list is empty)", file)
    return _thread(found, file)


def _document(doc: Any, file: str, found: _Found) -> None:
    """Reads one JSON document of a file into ``found``."""
    if isinstance(doc, dict):
        if doc.keys() & (_VIEW_KEYS | {"view", "participants"}):
            found.answer = True
            for person in list_of(doc.get("participants")):
                ident, name = _id(_get(person, "id")), text_of(_get(person, "display_name")).strip()
                if ident and name:
                    found.people.setdefault(ident, name)
            _entries(list_of(doc.get("view")), found, file)
            _entries(list_of(doc.get("new_entries")), found, file, newer=True)
        elif _is_topic(doc):
            _topic(doc, file, found)
        elif _is_entry(doc):  # one entry saved alone
            found.answer = True
            _entries([doc], found, file)
        return
    if isinstance(doc, list):
        items = [d for d in doc if isinstance(d, dict)]
        topics = [d for d in items if _is_topic(d)]
        for t in topics:
            _topic(t, file, found)
        if len(topics) < len(items) or not items:
            found.answer = True  # an entries list, or an empty page of it
            _entries([d for d in items if not _is_topic(d)], found, file)


def _is_topic(doc: dict[str, Any]) -> bool:
    return "title" in doc and bool(doc.keys() & (_TOPIC_KEYS | {"posted_at", "author"}))


def _is_entry(doc: dict[str, Any]) -> bool:
    return "id" in doc and bool(doc.keys() & {"message", "deleted"}) and bool(doc.keys() & {"user_id", "parent_id"})


def _topic(doc: dict[str, Any], file: str, found: _Found) -> None:
    ident = _id(doc.get("id")) or f"#{len(found.topics)}"
    found.topics.add(ident)
    if found.topic is None:
        found.topic, found.topic_file = doc, file
    author = doc.get("author")
    who, name = _id(_get(author, "id")), text_of(_get(author, "display_name")).strip()
    if who and name:
        found.people.setdefault(who, name)


def _entries(given: list[Any], found: _Found, file: str, newer: bool = False) -> None:
    """The entries ``given`` and, at any depth, their replies (``replies`` in the view,
    ``recent_replies`` in the entries list): read with a stack, however deep they go.
    ``newer``: the view's ``new_entries``, newer than the same entry in the view."""
    stack: list[tuple[Any, str]] = [(e, "") for e in reversed(given)]
    while stack:
        e, under = stack.pop()
        if not isinstance(e, dict):
            continue
        key = _id(e.get("id")) or f"#{len(found.entries)}"
        parent = _id(e.get("parent_id")) if e.get("parent_id") is not None else under
        user = e.get("user")  # the entries list may give the user's display beside the id
        entry = _Entry(key, "" if parent == key else parent, _id(e.get("user_id")) or _id(_get(user, "id")),
                       text_of(e.get("user_name")).strip() or text_of(_get(user, "display_name")).strip(),
                       iso_seconds(e.get("created_at")), text_of(e.get("message")), e.get("deleted") is True,
                       len(found.entries), *_edit(e), file)
        if newer and key in found.entries:
            found.entries[key] = entry._replace(order=found.entries[key].order)
        else:
            found.entries.setdefault(key, entry)
        for field in ("replies", "recent_replies"):
            stack.extend((r, key) for r in reversed(list_of(e.get(field))))


def _edit(e: dict[str, Any]) -> tuple[float, str]:
    """When an entry's words were changed (``updated_at`` a minute or more after
    ``created_at``, or any time an ``editor_id`` is given), and who changed them when
    not its writer (a teacher may edit a student's entry).

    >>> _edit({"created_at": "2024-02-07T09:00:00Z", "updated_at": "2024-02-07T09:40:00Z", "user_id": 7})
    (1707298800.0, '')
    >>> _edit({"created_at": "2024-02-07T09:00:00Z", "updated_at": "2024-02-07T09:00:20Z", "user_id": 7})
    (0.0, '')
    >>> _edit({"created_at": "2024-02-07T09:00:00Z", "updated_at": "2024-02-09T07:00:00Z", "user_id": 7, "editor_id": 101})
    (1707462000.0, '101')
    """
    made, changed = iso_seconds(e.get("created_at")), iso_seconds(e.get("updated_at"))
    editor = _id(e.get("editor_id")) if e.get("editor_id") is not None else ""
    if not changed or not (changed - made >= 60 or (editor and changed > made)):
        return 0.0, ""
    return changed, "" if editor == _id(e.get("user_id")) else editor


def _thread(found: _Found, file: str) -> tuple[list[Thread], Left]:
    left = Left()
    topic = found.topic or {}
    stem = PurePath(file).stem or "Canvas discussion"
    thread = Thread(key=_id(topic.get("id")) or stem, title=text_of(topic.get("title")).strip() or stem)
    url = text_of(topic.get("html_url")).strip()
    thread.url = url if url.startswith(("https://", "http://")) else ""
    author = topic.get("author")
    account = _id(_get(author, "id"))
    thread.author = (found.people.get(account, "") or text_of(topic.get("user_name")).strip()) if account else (
        text_of(topic.get("user_name")).strip())
    thread.account = account or thread.author
    prompt = html_to_text(text_of(topic.get("message")), left) if topic else ""
    root = ""
    when = iso_seconds(topic.get("posted_at")) or iso_seconds(topic.get("created_at"))
    if prompt:
        root = f"topic:{thread.key}"
        thread.posts.append(Post(key=root, author=thread.author, text=prompt, account=thread.account,
                                 date=known_day(when), root=True, url=thread.url))
    # in time order (the entries list gives the newest first), ids breaking ties
    entries = sorted(found.entries.values(), key=lambda e: (e.when, id_number(e.key), e.order))
    unnamed: dict[str, int] = {}  # user id -> entries by them that no participant names
    unknown: dict[str, list[str]] = {}  # a file -> its entries by no user (no user_id, no name)
    for e in entries:
        if e.deleted:
            post = Post(key=e.key, author="", text="", gone="deleted")
        else:
            name = found.people.get(e.user, "") or e.name or e.user
            if name == e.user and e.user:  # no participant of that id, no name on the entry: named by the id
                unnamed[e.user] = unnamed.get(e.user, 0) + 1
            if not name:  # an entry has its writer's user_id: one without is damaged, its writer no one knows
                unknown.setdefault(e.file, []).append(e.key)
            post = Post(key=e.key, author=name, text="", account=e.user or name)
            post.text = html_to_text(e.message, left, post.quotes)
            if e.edited:  # "2024-02-09 07:00 UTC by Dr Ames": changed by another (a teacher), said so
                by = found.people.get(e.editor, "") or e.editor
                post.edited = utc_minute(e.edited) + (f" by {by}" if e.editor else "")
        post.date = known_day(e.when)
        post.parent = e.parent or root or None
        thread.posts.append(post)
    thread.date = known_day(when) or next((p.date for p in thread.posts if p.date), "")
    if unnamed:  # said, as a number for a name is no one a reader knows
        n, ids = sum(unnamed.values()), list(unnamed)
        shown = ", ".join(excerpt(i, 20) for i in ids[:3]) + (", ..." if len(ids) > 3 else "")
        warnings.warn(NamedByIdWarning(
            f"{file}: {n} entr{'ies' if n > 1 else 'y'} by {len(ids)} user{'s' if len(ids) > 1 else ''} whom no "
            f"participant names, each named by their id ({shown}): --rename '{excerpt(ids[0], 20)}=NAME' names one",
            ids), stacklevel=2)
    for where, keys in unknown.items():
        n = len(keys)
        shown = ", ".join(excerpt(k, 20) for k in keys[:3]) + (", ..." if n > 3 else "")
        warnings.warn(ConceptGraphWarning(
            f"{where}: {n} entr{'ies' if n > 1 else 'y'} without \"user_id\" (id{'s' if n > 1 else ''} {shown}): "
            f"{'each' if n > 1 else 'its'} writer unknown, an unnamed commenter"), stacklevel=2)
    return [thread], left


def _get(obj: Any, name: str) -> Any:
    return obj.get(name) if isinstance(obj, dict) else None


def _id(value: Any) -> str:
    """An id as Canvas gives it: a number, or a string (``application/json+canvas-string-ids``);
    "" for none."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value) if abs(value) < 10 ** 30 else ""
    return value.strip()[:100] if isinstance(value, str) else ""
