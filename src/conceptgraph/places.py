"""Where a message is, as import writes it: in a dataset of several threads, its
thread's title first (“Provider is not a pattern” › comment 2), which is how a
message, claim or stance is known to belong to a thread. Used by the graph (a
``thread`` field for the exports), :mod:`conceptgraph.threads`, the draft (a stance is
about what was said in its thread) and the review (places said from another).
"""

from __future__ import annotations

import re

__all__ = ["PLACE", "thread_of", "place_in", "place_from", "place_key", "listed"]

#: How import writes the place of a message in a dataset of several threads (a title may
#: quote a word itself: “Is a “podcast” still a podcast?” › comment 3).
PLACE = re.compile(r"^“(?P<title>.*?)” › ")


def thread_of(where: str) -> str:
    """The title of the thread that a place is in, in a dataset of several threads; ""
    in a dataset of one.

    >>> thread_of("“Ask HN: Tabs?” › comment 4"), thread_of("comment 4")
    ('Ask HN: Tabs?', '')
    >>> thread_of("“Is a “podcast” still a podcast?” › comment 3")
    'Is a “podcast” still a podcast?'
    """
    m = PLACE.match(where)
    return m["title"] if m else ""


def place_in(where: str) -> str:
    """A place within its thread: without the thread's title, in a dataset of several.

    >>> place_in("“Ask HN: Tabs?” › comment 4"), place_in("comment 4")
    ('comment 4', 'comment 4')
    """
    m = PLACE.match(where)
    return where[m.end():] if m else where


def place_from(where: str, here: str) -> str:
    """A place as said from the place ``here``: without its thread's title in that thread.

    >>> place_from("“Facts” › comment 1", "“Facts” › reply 1 to comment 1"), place_from("comment 1", "comment 2")
    ('comment 1', 'comment 1')
    >>> place_from("“Facts” › comment 1", "“Empathy” › comment 3")
    '“Facts” › comment 1'
    """
    thread = thread_of(where)
    return place_in(where) if thread and thread == thread_of(here) else where


# The day a chat of several days adds to a turn's place ("turn 25 at 08:15 on 2024-06-11")
_DAY = re.compile(r" on \d{4}-\d{2}-\d{2}$")


def place_key(where: str) -> str:
    """A place as every import of its thread writes it: without the day that a chat of
    several days adds to a turn's (imports before that wrote none, and a curated dataset
    may be older than the draft it is compared with).

    >>> place_key("turn 25 at 08:15 on 2024-06-11"), place_key("comment 3")
    ('turn 25 at 08:15', 'comment 3')
    """
    return _DAY.sub("", where)


def listed(places: list[str]) -> str:
    """Places joined for a reader, each thread's title said once, before the first of
    its places in a run (a table of contributors would say it for every message).

    >>> listed(["“Facts” › comment 1", "“Facts” › comment 4", "“Empathy” › post"])
    '“Facts” › comment 1, comment 4; “Empathy” › post'
    >>> listed(["post", "comment 2"])
    'post, comment 2'
    """
    out: list[str] = []
    last = None
    for where in places:
        thread = thread_of(where)
        if thread and thread == last:
            out[-1] += f", {place_in(where)}"
        else:
            out.append(where)
        last = thread
    return ("; " if any(thread_of(w) for w in places) else ", ").join(out)
