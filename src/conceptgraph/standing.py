"""Where each item under review stands, kept up to date decision by decision.

:func:`conceptgraph.decisions.settle` works out every item's status from all the
decisions: right for writing the files, too slow to run over thousands of items on each
key of the review page. A decision can only change the status of a few items: those it
names, those the same claim or relation at overlapping characters matches, the items
that use a term or attribute it rejects (or takes back), and the terms and attributes
it accepts with an item or leaves unused. :class:`Standing` looks those up in indexes
made once, and asks the decisions again about them only.

>>> from conceptgraph.model import Dataset, Term
>>> from conceptgraph.decisions import Decisions, make_item, _Labels
>>> items = [make_item("term", Term("trust", "trust", status="draft", confidence=0.5), _Labels())]
>>> book = Decisions(None)
>>> s = Standing(items, book, Dataset())
>>> _ = book.record([("rejected", "term", items[0].fields, {})])
>>> s.update([items[0].key])
{('term', 'trust'): (None, 'rejected')}
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from .decisions import (
    ACCEPTED,
    CONTEXT,
    EDITED,
    REJECTED,
    RELATION,
    REMOVED,
    _loose,
    carried_only,
    settle,
    taken_with,
)
from .kinds import ATTRIBUTE, CLAIM, TERM

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .decisions import Decisions, Item
    from .model import Dataset

__all__ = ["Standing"]


class Standing:
    """The status of each item key (accepted, rejected, edited, removed; undecided keys
    are absent), as :func:`~conceptgraph.decisions.settle` gives it, for ``book`` as it
    changes: call :meth:`update` with the keys of the lines each change added or took away.

    settle's rules, kept as counts: an item decided stands as decided; a claim, relation or
    context link using a rejected term or attribute is removed; a term or attribute that
    a decided item accepts (itself, or a claim or relation using it) is accepted with it;
    an attribute nothing undecided uses any longer is removed (a stance whose claims all
    went stays, about what its target said as a whole). An edit that names or
    renames a term or attribute can merge items anywhere: while the decisions hold one,
    the status is worked out whole, as settle does."""

    def __init__(self, items: list[Item], book: Decisions, base: Dataset) -> None:
        self.items, self.book, self.base = items, book, base
        self.by_key: dict[tuple[Any, ...], list[Item]] = {}
        self.by_loose: dict[tuple[Any, ...], list[Item]] = {}
        self.users: dict[str, list[Item]] = {}
        self.named: dict[str, list[Item]] = {}  # id -> the terms and attributes of that id
        for it in items:
            if it.kind in (TERM, ATTRIBUTE):
                self.named.setdefault(it.record.id, []).append(it)
            self.by_key.setdefault(it.key, []).append(it)
            loose = _loose(it.key)
            if loose is not None:
                self.by_loose.setdefault(loose, []).append(it)
            for ident in dict.fromkeys(taken_with(it)):
                self.users.setdefault(ident, []).append(it)
        self.status: dict[tuple[Any, ...], str] = {}
        self._restart()

    def _restart(self) -> None:
        self.whole = _renames(self.book)
        self.gone: set[str] = set()  # ids of the terms and attributes rejected
        self.accepting: Counter[str] = Counter()  # id -> decided items that accept it
        self.undecided_uses: Counter[str] = Counter()  # id -> undecided items that use it
        self.decision: dict[int, str | None] = {}  # id(item) -> its own decision
        self.standing: dict[int, str | None] = {}  # id(item) -> decision, or removed with a rejected term
        if self.whole:
            self.status = settle(self.items, self.book, self.base, files=False).status
            return
        self.status = {}
        self._apply({id(it): it for it in self.items})

    def update(self, keys: Iterable[tuple[Any, ...]]) -> dict[tuple[Any, ...], tuple[str | None, str | None]]:
        """Bring the status up to date after lines about ``keys`` were added or taken away;
        returns each key whose status changed, with its status before and after."""
        if self.whole or _renames(self.book):
            before = self.status
            self._restart()
            return {k: (before.get(k), self.status.get(k)) for k in before.keys() | self.status.keys()
                    if before.get(k) != self.status.get(k)}
        touched: dict[int, Item] = {}
        for k in keys:
            for it in self.by_key.get(k, ()):
                touched[id(it)] = it
            loose = _loose(k)
            if loose is not None:
                for it in self.by_loose.get(loose, ()):
                    touched[id(it)] = it
        return self._apply(touched)

    def _decided(self, it: Item) -> str | None:
        e = self.book.find(it.key) if it.kind != CONTEXT else None
        return e.decision if e is not None else None

    def _apply(self, touched: dict[int, Item]) -> dict[tuple[Any, ...], tuple[str | None, str | None]]:
        for it in list(touched.values()):  # a term or attribute rejected, or no longer: its users follow
            if it.kind in (TERM, ATTRIBUTE):
                ident = it.record.id
                rejected = any(self._decided(x) == REJECTED for x in self.named[ident])
                if rejected != (ident in self.gone):
                    (self.gone.add if rejected else self.gone.discard)(ident)
                    touched.update((id(u), u) for u in self.users.get(ident, ()))
        recount: set[str] = set()  # terms and attributes whose counts moved

        def stand(it: Item) -> None:
            was, now = self.decision.get(id(it)), self._decided(it)
            self.decision[id(it)] = now
            if (was in _KEEPS) != (now in _KEEPS):
                for ident in _accepts(it):
                    self.accepting[ident] += 1 if now in _KEEPS else -1
                    recount.add(ident)
            if it.kind in (TERM, ATTRIBUTE):
                recount.add(it.record.id)
                return
            first, old = id(it) not in self.standing, self.standing.get(id(it))
            new = now if now is not None else REMOVED if any(u in self.gone for u in taken_with(it)) else None
            self.standing[id(it)] = new
            if (first and new is None) or (not first and (old is None) != (new is None)):
                for ident in dict.fromkeys(taken_with(it)):
                    self.undecided_uses[ident] += 1 if new is None else -1
                    recount.add(ident)

        for it in touched.values():
            stand(it)
        changed: dict[tuple[Any, ...], tuple[str | None, str | None]] = {}

        def put(it: Item, now: str | None) -> None:
            before = self.status.get(it.key)
            if now != before:
                changed[it.key] = (before, now)
                if now is None:
                    del self.status[it.key]
                else:
                    self.status[it.key] = now

        for it in touched.values():
            if it.kind not in (TERM, ATTRIBUTE):
                put(it, self.standing[id(it)])
        for ident in recount:
            for it in self.named.get(ident, ()):
                own = self.decision.get(id(it))
                put(it, own if own is not None else ACCEPTED if self.accepting[ident] > 0
                    else REMOVED if carried_only(it) and self.undecided_uses[ident] <= 0 else None)
        return changed


_KEEPS = (ACCEPTED, EDITED)


def _accepts(it: Item) -> tuple[str, ...]:
    """The terms and attributes an item accepts with it when it is accepted."""
    r = it.record
    if it.kind in (TERM, ATTRIBUTE):
        return (r.id,)
    if it.kind == CLAIM:
        return (r.term, r.attribute)
    if it.kind == RELATION:
        return (r.source, r.target)
    return ()


def _renames(book: Decisions) -> bool:
    """Whether an edit in ``book`` names or renames a term or attribute."""
    return any(e.edit.keys() & _NAMING for e in book.entries)


_NAMING = {"label", TERM, ATTRIBUTE}
