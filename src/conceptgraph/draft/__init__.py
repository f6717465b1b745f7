"""Draft the concept graph from a discussion's own words.

Given a dataset with messages, :func:`draft` finds the terms (or takes the curator's),
then reads every sentence: who names which term (``mentions``), which terms are named
together (``co_occurs``: context, never a claim), what a speaker says a term is, has or
needs (claims, from the sentence's structure: see :mod:`conceptgraph.draft.rules`),
which attributes a contrast opposes, and who agrees with or disputes whom. Every item
is ``status: draft`` and anchored: its quote is exactly the characters of a message.
Deterministic: the same dataset gives the same draft, byte for byte.

>>> from conceptgraph.model import Contributor, Dataset, Message
>>> ds = Dataset(contributors=(Contributor("ann", "Ann", "author"), Contributor("bo", "Bo", "commenter")),
...              messages=(Message("m1", "ann", "post", "Is a sonnet the same as a ballad?"),
...                        Message("m2", "bo", "comment 1", "A sonnet has fourteen lines. A ballad tells a story.",
...                                reply_to="m1")))
>>> drafted = draft(ds)
>>> [t.label for t in drafted.terms]
['sonnet', 'ballad']
>>> [(c.term, c.attribute, c.status) for c in drafted.claims]
[('sonnet', 'has-fourteen-lines', 'draft'), ('ballad', 'tells-a-story', 'draft')]
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from functools import partial
from itertools import chain, combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ..decisions import DRAFT_FILE
from ..discussions.thread import in_chat_thread, slug, unique_id
from ..errors import DatasetError, OutputError, excerpt
from ..kinds import AGREES_WITH, CLAIM, CO_OCCURS, DISPUTES, DRAFT, MENTIONS, OPPOSES, SENSE_OF, STANCES, SYMMETRIC
from ..names import base_form, fold, normalise
from ..places import place_in, thread_of

if TYPE_CHECKING:
    from ..dataset import Document
    from ..model import Attribute, Claim, Dataset, Message, Relation, Term
    from .parallel import Counts
    from .rules import Finding, Mention

__all__ = ["draft", "draft_folder", "DRAFT_FILE"]

#: How many places a mention or co-occurrence link lists (its count says how many there are).
_PLACES = 10


def draft(ds: Dataset, terms: Iterable[str] | None = None, max_terms: int = 30,
          explain: dict[str, str] | None = None, other_languages: Counter[str] | None = None,
          partly_english: Counter[str] | None = None) -> Dataset:
    """What the text of ``ds``'s messages says, as drafted items only (terms, attributes,
    claims, relations), each ``status: draft`` with its ``confidence`` and anchored to
    its message's characters. Terms ``ds`` already has are used, not drafted again.

    The rules read English: a message in another language (told offline by
    :func:`conceptgraph.language.detect`) is left out, and counted by language in
    ``other_languages`` when given; of one with English sentences in it, those alone are
    read (counted in ``partly_english``). ``explain``, when given, is filled with each drafted
    claim's and relation's id and the rule that drafted it.

    On Linux with two cores or more, a thread of :data:`~conceptgraph.draft.parallel.AT_LEAST`
    messages or more is read in two halves at once (a forked process reads the second)
    wherever what a message says does not depend on the messages before it; the draft
    is the same, byte for byte."""
    from ..model import Dataset
    from ..progress import Progress
    from ..threads import uncut
    from .parallel import halves
    from .relations import senses
    from .rules import mentions_in
    from .stances import addressed, conceded
    from .terms import find_terms, given_terms, held_forms, stems_held_apart
    from .text import zipf

    if not ds.messages:
        raise DatasetError("the dataset has no messages to draft from (import a discussion first)")
    # no thread draws the progress line: the passes that read messages each on their own
    # read a long thread's halves at once, in a second process forked from this one
    with Progress("telling the language", total=len(ds.messages), timer=False) as progress:
        english, forms = _english(ds.messages, other_languages, progress, held=not terms, partly=partly_english)
        root = next((m for m in ds.messages if not m.reply_to), ds.messages[0])
        # a dataset of several threads is titled by all of theirs ("A vs B / C vs D"): each read apart,
        # whole (a place gives it shortened: "... a maintainer and a com…")
        several: dict[str, str] = {}
        for m in ds.messages:
            if (t := thread_of(m.where)) and t not in several:
                several[t] = m.title or uncut(t)
        # (and a thread of several conversations, a Teams channel's, by each one's subject too)
        opened = [m.title for m in ds.messages if not m.reply_to and m.title][:_SUBJECTS]
        title = _titles(*several.values()) if several else _titles(ds.source.title, root.title, *opened)
        split = stems_held_apart([held_forms(title), *forms]) if not terms else frozenset()
        progress.phase("finding terms", total=len(english))
        candidates = given_terms(terms) if terms else find_terms(english, title, max_terms,
                                                                 [c.name for c in ds.contributors], split, progress)
        drafter = _Drafter(ds, split)
        drafter.opens(root.by)
        new_terms = drafter.name_terms(candidates)
        drafter.senses = dict(senses([(t.id, t.label) for t in (*ds.terms, *new_terms)]))
        titled = mentions_in(title, 0, len(title), drafter.names, drafter.longest, None, split)
        in_title = {t for _, _, t in titled}
        drafter.topic = next(iter(in_title)) if len(in_title) == 1 else ""  # "a name for the X tests": X
        drafter.renamed = _asked_for(title, titled) or _asked_in(root.text, drafter)
        if not drafter.topic and len(drafter.renamed) == 1:  # "Should we rename the X tag?" in the opening post
            drafter.topic = drafter.renamed[0]
        drafter.title_terms = in_title
        by_id = {m.id: m for m in ds.messages}
        trees = _trees(ds.messages, by_id)
        progress.phase("reading", total=len(english))
        parts = halves(_read_alone, english, drafter.view(), progress=progress)
        # the first half's readings are drafted from while the other process ends the second
        readings = chain(next(parts), (r for part in parts for r in part))
        # (author, content words) of the opening post and of the last _SAID messages; the last
        # _RECENT of them are the ones a reply in a flat thread may answer
        said: list[tuple[str, set[str]]] = []
        last_of: dict[str, Message] = {}  # each speaker's latest message
        asks: dict[str, bool] = {}  # message id -> whether it does nothing but ask
        disputers: dict[str, list[str]] = {}  # speaker -> who has disputed them, the latest last
        backer: dict[str, str] = {}  # speaker -> who last agreed with them
        assent_to: dict[str, str] = {}  # a message that only agrees ("Yes", "+1 👍") -> with whom
        # (author, content words) of each chat thread's first message and its replies so far
        in_thread: dict[str, list[tuple[str, set[str]]]] = {}
        answered_ids = {m.reply_to for m in ds.messages if m.reply_to}
        heard: list[tuple[str, str]] = []  # (author, words one space apart) of the last _HEARD messages
        progress.phase("drafting", total=len(english))
        for msg, reading in zip(english, readings):
            progress.update()
            if msg is not root and not msg.reply_to and (msg.title or thread_of(msg.where) != thread_of(root.where)):
                # another thread of the file begins (a site's next question), or of the files
                # imported together: nobody in it answers anyone of the one before
                root, said = msg, []
                drafter.new_thread()
                drafter.opens(msg.by)
            drafter.speaks(msg.by)
            words = reading.words
            rare = {w for w in words if zipf(w) < 5.0}  # what it takes up from another, when another said it
            answered = by_id[msg.reply_to].by if msg.reply_to in by_id else ""
            before = disputed = spoken_to = ""
            # it answers the thread, not one message; where people reply to replies (a tree, as on
            # Reddit), one who answers the opening post answers its author
            flat = not msg.reply_to or msg.reply_to == root.id and root.id not in trees
            # a reply in a chat's thread (Slack, Mattermost, Teams): every reply names the thread's
            # first message, yet answers the reply before it, or the one whose words it takes up
            # (not an explicit reply, as Discord's or Reddit's, which names whom it answers)
            parent = by_id.get(msg.reply_to)
            threaded = parent is not None and in_chat_thread(msg.where)
            chat = threaded and parent is not None and len(in_thread.get(parent.id, ())) > 1
            if chat and parent is not None:
                recent = in_thread[parent.id][-_RECENT:]
                answered = _echoed(rare, msg.by, recent) or answered
                before = next((by for by, _ in reversed(recent) if by != msg.by), "")
            if flat:
                # "I disagree", "+1" in a flat thread (a blog's comments, a chat, a meeting):
                # with the recent message whose words it takes up most, else the one before
                recent = said[-_RECENT:]
                answered = _echoed(rare, msg.by, recent) or answered
                others = [(by, theirs) for by, theirs in reversed(recent) if by != msg.by]
                before = others[0][0] if others else ""
                if others and answered == before and len(others[0][1]) < 4 and not drafter.claimed_in(last_of[before]) \
                        and not _PUTS_FORWARD_WORDS.search(last_of[before].text):
                    # no one disputes "Okay, thank you.": a dispute answers the last message that said
                    # something (a claim drafted from it, however short: "Bug is just slang for defect."; or
                    # something put forward: "We should change the title.")
                    disputed = next((by for by, theirs in others if len(theirs) >= 4), "")
                if others and answered == before and (yes_to := assent_to.get(last_of[before].id, msg.by)) != msg.by:
                    # "Can everyone live with that?" "Yes" "Yes 👍": a reply under a bare "Yes" answers
                    # whom that "Yes" agreed with, not its writer
                    answered = disputed = yes_to
                # unless it opens by speaking to someone: "@bo ...", "Bo, ..."
                called = spoken_to = addressed(msg.text[:200].lstrip().split("\n", 1)[0], drafter.who)
                if called and called != msg.by:
                    answered = before = called
                    disputed = ""
                elif (against := before if before in disputers.get(msg.by, ()) else _latest(disputers, msg.by)) \
                        and against in {by for by, _ in recent} and conceded(msg.text):
                    # "OK, you convinced me.": giving way to the one just heard, when they had argued
                    # against the speaker; else to whoever last did
                    answered = before = against
                    disputed = ""
            elif answered and answered == backer.get(msg.by) and (against := _latest(disputers, msg.by)) \
                    and against != answered and conceded(msg.text):
                # a tree: "I stand corrected" in reply to one who had agreed with the speaker gives
                # way to whoever last argued against them
                answered = before = against
            stated = len(drafter.relations)
            # "Yes." to a question answers it: it agrees with no one
            replied_msg = by_id.get(msg.reply_to) if msg.reply_to and not chat else last_of.get(answered)
            if replied_msg is not None and replied_msg.id not in asks:  # each message read once, however answered
                asks[replied_msg.id] = _asks_only(replied_msg, drafter)
            drafter.answers_question = replied_msg is not None and asks[replied_msg.id]
            # a reply to one message (not to the thread) is about what that message says
            drafter.answering = msg.reply_to if msg.reply_to in by_id and not flat else ""
            drafter.answering_by = by_id[msg.reply_to].by if drafter.answering else ""
            if msg.quoted_at:  # whose words each quote is: what is said under it answers them
                reading = reading._replace(attributed=sorted([*reading.attributed, *_quoted_from(msg, heard)]))
            drafter.read(msg, reading, answered, before, disputed)
            if msg is not root and answered and answered != msg.by \
                    and not any(r.kind in STANCES for r in drafter.relations[stated:]):
                # no stance in so many words: which way it leans, towards whom it answers; in a
                # flat thread, whoever first said what it takes up (a proposal's author, not
                # the last one to echo it), unless it speaks to someone
                target = answered
                if flat and not spoken_to:
                    target = _first_said(rare, msg.by, said) or answered
                    if target != answered and (first := last_of.get(target)) is not None:
                        # a dispute of one whose words it takes up disputes nothing if they only asked
                        drafter.answers_question = asks.get(first.id, _asks_only(first, drafter))
                if reading.leaning and reading.attributed:
                    # under a quote of another's words: towards them; so is a sentence that quotes
                    # someone named in it ('Quoting Bo: "..." - I like that')
                    upto = reading.leaning[1] if msg.quoted_at else reading.leaning[2]
                    target = next((who for at, who in reversed(reading.attributed) if at <= upto and who != msg.by),
                                  target)
                drafter.lean(msg, target, reading)
            drafter.other_side(msg, reading, stated)
            drafter.each_side_its_own(stated)
            agreed_now = [r.target for r in drafter.relations[stated:] if r.kind == AGREES_WITH]
            if len(agreed_now) == 1 and _ONLY_ASSENT.fullmatch(msg.text):
                assent_to[msg.id] = agreed_now[0]
            for r in drafter.relations[stated:]:
                if r.kind == DISPUTES:
                    against_them = disputers.setdefault(r.target, [])
                    if msg.by in against_them:
                        against_them.remove(msg.by)
                    against_them.append(msg.by)
                elif r.kind == AGREES_WITH:
                    backer[r.target] = msg.by
            said = [*said[:1], *said[1:][-_SAID:], (msg.by, words)]
            if msg.id in answered_ids:
                in_thread[msg.id] = [(msg.by, words)]
            if threaded and parent is not None and parent.id in in_thread:
                in_thread[parent.id] = [*in_thread[parent.id][:1], *in_thread[parent.id][1:][-_RECENT:], (msg.by, words)]
            last_of[msg.by] = msg
            heard = [*heard[-_HEARD + 1:], (msg.by, " ".join(msg.text.split()))]
    claimed = {c.term for c in drafter.claims}
    kept_terms = tuple(t for t in new_terms if t.id in drafter.used_terms or t.id in claimed or t.id in in_title)
    if explain is not None:
        explain.update(drafter.rule_of)
    # an attribute is as likely to be kept as the likeliest claim that gives it
    best: dict[str, float] = {}
    for c in drafter.claims:
        best[c.attribute] = max(best.get(c.attribute, 0.0), c.confidence or 0.0)
    attributes = tuple(replace(a, confidence=best.get(a.id)) for a in drafter.attributes.values())
    return Dataset(source=ds.source, terms=kept_terms, attributes=attributes,
                   claims=tuple(drafter.claims), relations=(*drafter.relations, *drafter.context_relations()))


# The words that take a side, to tell which side of the turn a stance is on
_TAKES_SIDE = re.compile(r"\b(?:(?:dis)?agree[sd]?|agreement|concur|support(?:s|ed)?|right|wrong|correct|exactly|"
                         # and the words that concede: "I can live with that, but ..."
                         r"differ(?:ently)?|second|echo|live\s+with|makes?\s+sense|fair|on\s+board|good\s+point)\b|"
                         r"[+-]1\b", re.I)


def _side_taken(text: str) -> str:
    """The part of a sentence its stance is about, when a "but" turns it: "I agree with
    Priya on supporters, but dues ..." is about supporters; "I am not sure about X, but I
    agree with Priya on Y" about Y.

    >>> _side_taken("I agree with Ann on supporters, but dues are another matter.")
    'I agree with Ann on supporters'
    >>> _side_taken("I can live with that, but dues should stay.")  # it concedes what it answers, not dues
    'I can live with that'
    """
    from .stances import TURNS

    turn = TURNS.search(text)
    if turn and _TAKES_SIDE.search(text, 0, turn.start()):
        return text[:turn.start()]
    if turn and _TAKES_SIDE.search(text, turn.end()):
        return text[turn.end():]
    return text


#: The verdicts on a name (rules.py's labels, first word) that favour it
_FAVOURING = frozenset({"liked", "preferred", "supported", "recommended"})
#: How many of the last messages a guessed stance looks back through for who said first what
#: it takes up, beside the opening post (on dev, 10 found as much as the whole thread)
_SAID = 20
#: How many of the last messages a reply in a flat thread may be answering
_RECENT = 8
# A title asking for a name: "Rename X", "Name for X", "Alternatives to X", "X: other wording"
_NAMING = re.compile(r"\b(?:renam\w*|naming|names?|wording|phrasing|alternatives?|replac\w*)\b", re.I)


def _asked_for(title: str, titled: list[Mention]) -> tuple[str, ...]:
    """The terms ``title`` asks another name for ("wiki: rename X", "a better name for
    X"): those it names after "rename", "name"... and before its next sentence."""
    asks = []
    for m in _NAMING.finditer(title):
        stop = _TITLE_STOP.search(title, m.end())
        asks.append((m.end(), stop.start() if stop else len(title)))
    return tuple(dict.fromkeys(t for s, _, t in titled if any(a <= s < b for a, b in asks)))


def _asked_in(text: str, drafter: _Drafter) -> tuple[str, ...]:
    """The terms an opening post asks another name for, where its title asks none:
    those a sentence of its first few names after "rename", "replace", "a better name
    for" ("Should we rename the sprocket tag?")."""
    from .rules import mentions_in
    from .text import sentences

    asks: list[str] = []
    for s, e, sentence in sentences(text)[:_OPENING_SENTENCES]:
        ask = _RENAME_ASKED.search(sentence)
        if ask:
            asks += [t for _, _, t in mentions_in(text, s + ask.end(), e, drafter.names, drafter.longest, None,
                                                   drafter.split)]
    return tuple(dict.fromkeys(asks))


# (a post's question comes early: its first sentences, not one in passing further down)
_OPENING_SENTENCES = 5
# (narrower than a title's _NAMING: a post's sentences say "name" or "wording" in passing)
_RENAME_ASKED = re.compile(r"\b(?:renam\w*|replac\w*|(?:better|new|different|another|other)\s+(?:name|word|term)s?\s+"
                           r"(?:for|than))\b", re.I)


# where what a title asks for ends: its sentence, or its line (one title of several)
_TITLE_STOP = re.compile(r"\. |\n")


#: How many conversations' subjects a thread's title takes (a channel has a handful, a
#: mailing list's archive may have thousands: the first are what it opened with)
_SUBJECTS = 10


def _titles(*titles: str) -> str:
    """The thread's titles as one text for finding terms, a line each, each once: most
    exports give the thread's title to its first post too, and read twice it would weigh
    twice.

    >>> _titles("Cog or sprocket?", "Cog or sprocket?"), _titles("Naming", "Cog or sprocket?").splitlines()
    ('Cog or sprocket?', ['Naming', 'Cog or sprocket?'])
    >>> _titles("", "")
    ''

    Hacker News's own tag opening a title ("Ask HN: ...") is the site's, not the thread's.

    >>> _titles("Ask HN: Library or framework?")
    'Library or framework?'
    """
    return "\n".join(dict.fromkeys(_SITE_TAG.sub("", t) for t in titles if t))


_SITE_TAG = re.compile(r"^\s*(?:Ask|Show|Tell|Launch)\s+HN\s*:\s*")


class _Drafter:
    """What has been drafted so far, and how each message's sentences add to it."""

    def __init__(self, ds: Dataset, split: frozenset[str] = frozenset()) -> None:
        from .stances import name_index, shared_names
        from .terms import key_of

        self.split = split  # stems whose forms are terms of their own ("alternate", "alternative")
        self.taken: set[str] = {t.id for t in ds.terms} | {a.id for a in ds.attributes} \
            | {c.id for c in ds.contributors} | {m.id for m in ds.messages}
        self.names: dict[str, str] = {}  # a name's key -> term id
        self.term_words: dict[str, tuple[frozenset[str], ...]] = {}  # term id -> the content words of each name
        for known in ds.terms:
            for n in (known.id, known.label, *known.aliases):
                self.names.setdefault(" ".join(key_of(n.split(), split)), known.id)
            self.know_term(known)
        people = [(c.id, c.name) for c in ds.contributors]
        self.who = name_index(people)
        # a name several people answer to ("Matt") means the one of them who has spoken
        # before, other than the speaker; the keys each person shares, to look at again
        self.shared = shared_names(people)
        self.shares: dict[str, list[str]] = {}
        for key, ids in self.shared.items():
            for ident in ids:
                self.shares.setdefault(ident, []).append(key)
        self.spoken: set[str] = set()
        self.last_speaker = ""
        self.attributes: dict[str, Attribute] = {}  # drafted ones, by their label's key
        self.known = {normalise(a.label or a.id): a.id for a in ds.attributes}  # curated ones are used as they are
        self.curated_labels = {a.id: a.label or a.id for a in ds.attributes}
        self._labels: tuple[int, dict[str, str]] = (-1, {})  # (attributes drafted then, id -> label): label_of
        self.forms: dict[str, str] = {}  # a label -> the dictionary forms of its words
        self.claims: list[Claim] = []
        self.relations: list[Relation] = []
        self.seen: set[tuple[Any, ...]] = set()
        self.related: set[tuple[Any, ...]] = set()  # (kind, ends, message) of the term relations drafted
        self.put_forward: set[tuple[str, str]] = set()  # (new name, the name it would replace) drafted
        self.used_terms: set[str] = set()
        # speaker -> their claims: id, content words (of the quote and the term), message, the term's words
        self.said: dict[str, list[_Said]] = {}
        self.said_in: dict[tuple[str, str], list[_Said]] = {}  # (speaker, message id) -> their claims there
        # who speaks only in stand-ins for deleted messages ("[deleted]", by no one named)
        self.stand_ins = {m.by for m in ds.messages if m.gone} - {m.by for m in ds.messages if not m.gone}
        # message id -> its thread, in a dataset of several (one thread's stances are about its claims)
        self.thread_at = {m.id: t for m in ds.messages if (t := thread_of(m.where))}
        self.quoted: tuple[tuple[str, int, int], set[str]] = (("", 0, 0), set())  # the last claim's quote, its words
        self.longest = 1
        self.firsts: frozenset[str] = frozenset()  # the first word of every name's key
        self.senses: dict[str, str] = {}  # a term that is a sense of a word ("remote (noun)") -> the word's term
        self.links: dict[tuple[str, str, str], list[Any]] = {}  # mentions and co-occurrences, by pair
        self.rule_of: dict[str, str] = {}  # drafted item id -> the rule that drafted it
        # contributor -> whom their latest message agreed with, and about which of their claims
        self.agreed: dict[str, dict[str, tuple[str, ...]]] = {}
        self.agreed_in: dict[str, str] = {}  # contributor -> the message of theirs that agreed so
        self.root_by = ""  # who wrote the thread's first post
        self.answers_question = False  # the message being read answers one that only asks
        self.answering = ""  # the id of the message it replies to, when it names one
        self.answering_by = ""  # and who wrote that message
        self.topic = ""  # the one term the title names, which "rename them to X" speaks of
        self.renamed: tuple[str, ...] = ()  # the names a naming thread looks for others for
        self.first_by: dict[str, str] = {}  # term -> who named it first: the one who put it forward
        self.title_terms: set[str] = set()  # the terms the title names: put forward by nobody in the thread

    def name_terms(self, candidates: Iterable[Any]) -> list[Term]:
        """The candidates not named already, as drafted terms with ids of their own."""
        from ..model import Term
        from .terms import key_of
        from .text import tokens

        new: list[Term] = []
        for c in candidates:
            key = " ".join(c.key)
            if key in self.names:
                continue
            ident = unique_id(_slug(c.label), self.taken)
            self.names[key] = ident
            new.append(Term(ident, c.label, c.aliases, status=DRAFT, confidence=c.confidence))
            self.know_term(new[-1])
        for t in new:  # "straw person" finds "strawperson" too, once every term has its own name
            for alias in t.aliases:
                self.names.setdefault(" ".join(key_of((w for _, _, w in tokens(alias)), self.split)), t.id)
        self.longest = max((len(k.split()) for k in self.names), default=1)
        self.firsts = frozenset(k.split(" ", 1)[0] for k in self.names)
        return new

    def relation(self, kind: str, source: str, target: str, msg: Message, s: int, e: int, rule: str,
                 **extra: Any) -> None:
        from ..model import Relation
        from .confidence import of, what

        sig = (kind, source, target, msg.by, msg.id, s, e)
        if kind in STANCES and target in self.stand_ins:
            return  # a deleted message's stand-in says no one's words: nothing to agree with or dispute
        if kind not in STANCES and kind != OPPOSES:
            # a relation of two terms said twice in one message is one relation, on its first words
            # (twice, it showed twice in --list and in compare)
            once = (kind, *(sorted((source, target)) if kind in SYMMETRIC else (source, target)), msg.id)
            if once in self.related:
                return
            self.related.add(once)
        if sig not in self.seen:
            self.seen.add(sig)
            ident = f"draft-relation-{len(self.relations) + 1}"
            self.relations.append(Relation(ident, kind, source, target, msg.by, msg.text[s:e], msg.where, msg.id,
                                           (s, e), status=DRAFT, confidence=of(what(kind), rule), rule=rule, **extra))
            self.rule_of[ident] = rule

    def context(self, kind: str, source: str, target: str, msg: Message, s: int, e: int) -> None:
        """A mention or a co-occurrence: one link per pair, quoting the first sentence, with
        how many sentences there were and the places of the first few."""
        key = (kind, source, target)
        link = self.links.get(key)
        if link is None:
            self.links[key] = [msg, s, e, 1, [msg.where]]
        else:
            link[3] += 1
            if len(link[4]) < _PLACES and link[4][-1] != msg.where:
                link[4].append(msg.where)

    def context_relations(self) -> list[Relation]:
        from ..model import Relation

        # named by what they join, not numbered: drafted again (after a review, say) a link keeps
        # its id, and so its key in every export, which tools that merge by id rely on
        return [Relation(f"draft-{kind.replace('_', '-')}-{source}--{target}", kind, source, target, msg.by,
                         msg.text[s:e], msg.where, msg.id, (s, e), status=DRAFT, count=count, places=tuple(places))
                for (kind, source, target), (msg, s, e, count, places) in self.links.items()]

    def know_term(self, term: Term) -> None:
        from .rules import content_words

        self.term_words[term.id] = tuple(frozenset(content_words(n)) for n in (term.label, *term.aliases))

    def attribute(self, label: str) -> str:
        from ..model import Attribute
        from .rules import unhedged

        plain = normalise(label)
        if plain in self.known:  # a curated one, or one drafted under a label written alike
            return self.known[plain]
        # "opens doors" and "can open doors" are one attribute, said by two people (the hedge is
        # in each one's quote), and so are "needs to know your field" and "... the field": the
        # first label stands
        key = self.forms.get(label) or self.forms.setdefault(
            label, normalise(" ".join(base_form(w) for w in unhedged(label).split() if w.casefold() not in _POINTERS)))
        if key not in self.attributes:
            self.attributes[key] = Attribute(unique_id(_slug(label), self.taken), label, status=DRAFT)
        # "relationship-based" and "relationship based" are one attribute: the review knows
        # an attribute by its label so written (conceptgraph.decisions.key_of), and two would be one item
        self.known[plain] = self.attributes[key].id
        return self.attributes[key].id

    def claim(self, f: Finding, msg: Message, s: int, e: int, words: set[str] | None = None) -> str | None:
        """The claim of a finding (its attribute's id), or None when already drafted or
        when its attribute is the term's own name;
        ``words``: the content words of the sentence, when known."""
        from ..model import Claim
        from .confidence import of
        from .rules import content_words
        from .terms import key_of
        from .text import tokens

        if self.names.get(" ".join(key_of((w for _, _, w in tokens(f.label)), self.split))) == f.term:
            return None  # "the BSD license is a license for ...": a term is no attribute of itself
        if self.who.get(fold(f.label.strip(" .,;:!?"))):
            return None  # "X is weather, like Tomás said": a person named is no attribute
        aid = self.attribute(f.label)
        # a list item quotes its own words; any other claim quotes its whole sentence
        q_start, q_end = (f.start, f.end) if msg.text[s] in "–—•*-" else (s, e)
        if msg.text[s] == "|":  # a table's row quotes its cells, not the marks around them
            row = msg.text[s:e]
            q_start, q_end = s + len(row) - len(row.lstrip("| \t")), s + len(row.rstrip("| \t"))
        sig = (CLAIM, f.term, aid, msg.by, msg.id)
        if sig in self.seen:
            return None
        self.seen.add(sig)
        rule = f.rule or "subject"
        self.claims.append(Claim(f"draft-claim-{len(self.claims) + 1}", f.term, aid, msg.by, msg.text[q_start:q_end],
                                 msg.where, f.negated, msg.id, (q_start, q_end), status=DRAFT,
                                 confidence=of("claim", rule), rule=rule))
        self.rule_of[self.claims[-1].id] = rule
        place = (msg.id, q_start, q_end)
        if self.quoted[0] != place:  # the claims of one sentence quote it all: its words once
            whole = (q_start, q_end) == (s, e)
            self.quoted = (place, words if words is not None and whole else content_words(msg.text[q_start:q_end]))
        named = self.term_words.get(f.term, ())
        claimed: _Said = (self.claims[-1].id, self.quoted[1].union(*named), msg.id, named)
        self.said.setdefault(msg.by, []).append(claimed)
        self.said_in.setdefault((msg.by, msg.id), []).append(claimed)
        return aid

    def claimed_in(self, msg: Message) -> bool:
        """Whether a claim was drafted from ``msg`` (among its speaker's last few)."""
        return any(m == msg.id for _, _, m, _ in self.said.get(msg.by, [])[-20:])

    def view(self) -> _View:
        """What reading one message on its own needs of the terms named so far."""
        return _View(self.names, self.longest, self.firsts, self.split, self.topic, self.renamed, self.who)

    def read(self, msg: Message, reading: _Reading, replied: str, before: str = "", disputed: str = "") -> None:
        """Draft from one message, given what it says on its own (:func:`_read_alone`);
        ``replied`` is the author of the message it answers, ``before`` (in a flat thread)
        the author of the message before by someone else, ``disputed`` whom a dispute
        answers when that message says nothing to dispute."""
        previous: tuple[int, str, str, str] | None = None  # a sentence "TERM verb ...": start, term, verb, attribute
        named_target = ""  # whom this message's stances named
        taken: set[tuple[str, str]] = set()
        agreed: dict[str, tuple[str, ...]] = {}  # whom this message agrees with, about what
        for s, e, text, found, findings, broad, shared, matched, words in reading.sentences:
            named = list(dict.fromkeys(t for _, _, t in found))
            for t in named:
                self.context(MENTIONS, msg.by, t, msg, s, e)
            for a, b in combinations(sorted(named), 2):
                self.context(CO_OCCURS, a, b, msg, s, e)
            self.used_terms.update(named)
            for t in named:
                self.first_by.setdefault(t, msg.by)
                if t in self.senses:  # "remote (noun): ...": a sense of "remote", where it is first named
                    self.relation(SENSE_OF, t, self.senses.pop(t), msg, s, e, "sense")
            self.findings(findings, msg, s, e, words)
            previous = self.parallel(previous, findings, found, msg, s, e)
            self.findings(broad, msg, s, e, words)
            self.findings(shared, msg, s, e, words)
            if not text.startswith(">"):  # a quoted line is someone else's stance
                answers = next((who for at, who in reversed(reading.attributed) if at <= s and who != msg.by), "")
                named_target = self.stances(msg, s, e, text, matched, answers or replied, "" if answers else before,
                                            named_target, taken, agreed, bool(answers), "" if answers else disputed,
                                            self.endorsed(msg.by, [*findings, *shared]))
        self.agreed[msg.by] = agreed
        self.agreed_in[msg.by] = msg.id

    def endorsed(self, speaker: str, findings: list[Finding]) -> list[str]:
        """Who first put forward each name a sentence favours ("I vote for X", "+1 on X or
        Y", "I prefer X"), when that is someone else: favouring a proposal agrees with its
        author. A name the title gives, or one the thread looks to replace, was put forward
        by no one in it."""
        authors: list[str] = []
        for f in findings:
            if f.rule in ("verdict", "shared") and not f.negated and f.label.split()[0] in _FAVOURING \
                    and f.term not in self.title_terms and f.term not in self.renamed:
                by = self.first_by.get(f.term, "")
                if by and by != speaker and by not in authors:
                    authors.append(by)
        return authors

    def opens(self, author: str) -> None:
        """A thread begins with ``author``'s post: "OP" in it stands for them, unless
        someone goes by that name."""
        if self.who.get("op", self.root_by) == self.root_by:
            self.who["op"] = author
        self.root_by = author

    def new_thread(self) -> None:
        """Another thread of the file begins: who spoke in the one before says nothing of
        whom a shared name means in this one."""
        for key in self.shared:
            self.who.pop(key, None)
        self.spoken, self.last_speaker = set(), ""

    def speaks(self, speaker: str) -> None:
        """Before ``speaker``'s message is read: a name shared by several people stands
        for the one of them who has spoken before, other than the speaker, when one has."""
        before, self.last_speaker = self.last_speaker, speaker
        if before:
            self.spoken.add(before)
        for key in {*self.shares.get(speaker, ()), *self.shares.get(before, ())}:
            them = [i for i in self.shared[key] if i in self.spoken and i != speaker]
            if len(them) == 1:
                self.who[key] = them[0]
            else:
                self.who.pop(key, None)

    def stances(self, msg: Message, s: int, e: int, text: str, matched: list[tuple[int, str | None]], replied: str,
                before: str, named_target: str, taken: set[tuple[str, str]], agreed: dict[str, tuple[str, ...]],
                attributed: bool = False, disputed: str = "", endorsed: Sequence[str] = ()) -> str:
        """The stance of one sentence (``matched``: the shapes of stance it matches), towards
        whom it names, else the authors of the names it favours (``endorsed``), else whom it
        answers (the message before when it points back with "that"); a bare "+1" to
        someone who agreed with a third person agrees with that person too. Returns whom the
        message has named."""
        from .rules import content_words
        from .stances import Stance, stances

        if _spoken(msg.where) and _CONTINUER.match(text):
            return named_target  # "Okay." in a meeting's transcript: the listener is following, not agreeing
        found = stances(text, self.who, replied, s, matched)
        if endorsed and not any(st.named or st.kind == DISPUTES for st in found):
            found = [Stance(AGREES_WITH, by, s, e, rule="endorsed") for by in endorsed]  # "I vote for X": with X's author
        if self.answers_question and _ANSWER_OPENS.match(text):
            # "Yes.", "No, a law describes ..." to a question that proposes nothing: an answer, no stance
            found = [st for st in found if st.named]
        echoed = content_words(_side_taken(text)) if found else set()  # what the stances are about
        # (else what the message said before it: "Apple defines a podcast as an RSS feed. So Marcus is
        # right."; not what follows, where "I can live with that, but dues ..." turns to another point)
        wider = content_words(msg.text[:s]) if found and s else set()
        for st in found:
            # after "I agree with Mary", "It is correct." is Mary's too; one stance per person and kind
            target = st.target if st.named or st.rule == "endorsed" or not named_target else named_target
            if st.named:
                named_target = st.target
            elif st.back and before and not named_target:
                target = before
            elif st.root and self.root_by and not named_target and not attributed:  # "the proposal misses ..."
                target = self.root_by
            elif st.kind == DISPUTES and disputed and not named_target:
                target = disputed
            rule = "named" if st.named else st.rule or "answer"
            ends = [(target, rule)]
            if st.kind == AGREES_WITH and st.bare and not st.named \
                    and self.answering in ("", self.agreed_in.get(target)) \
                    and not self.speaks_to_someone(msg):  # (a reply to that message, or to none; to no one by name)
                ends += [(third, "chained") for third in sorted(self.agreed.get(target, {}))]
            for who, why in ends:
                if who != msg.by and (st.kind, who) not in taken:
                    taken.add((st.kind, who))
                    # a "+1" to one who agreed with a third person "on X" is about X too, no more
                    concerns = self.agreed[target][who] if why == "chained" and self.agreed[target][who] \
                        else self.about(who, echoed, msg, s, wider)
                    if st.kind == AGREES_WITH:
                        agreed[who] = concerns
                    self.relation(st.kind, msg.by, who, msg, s, e, why, concerns=concerns)
        return named_target

    def speaks_to_someone(self, msg: Message) -> bool:
        """Whether a sentence of ``msg`` speaks to someone by name ("Good point, Priya."):
        its "+1" is theirs alone, not passed on to whom they had agreed with."""
        from .stances import addressed
        from .text import sentences

        return any(addressed(t, self.who) for _, _, t in sentences(msg.text))

    def lean(self, msg: Message, answered: str, reading: _Reading) -> None:
        """A guessed stance towards ``answered`` of a reply that states none, by the words
        it leans with (:func:`conceptgraph.draft.stances.leaning`)."""
        from .rules import content_words
        from .stances import addressed, names_someone_else, of_the_opening

        found, words = reading.leaning, reading.words
        if found and _spoken(msg.where) and _CONTINUER.match(msg.text[found[1]:found[2]]):
            return  # "Right. Okay." in a meeting: following, not agreeing
        if found and names_someone_else(msg.text[found[1]:found[2]], self.who):
            return  # "I agree with Priya" where no Priya speaks: with whom, the thread does not say
        if found and not (self.answers_question and _ANSWER_OPENS.match(msg.text[found[1]:found[2]].strip())):
            kind, s, e = found
            # "That's the obvious move, Matt, but it doesn't hold water": to the one it speaks to;
            # "Great article": to the one who wrote it
            called = addressed(msg.text[s:e], self.who)
            if called and called != msg.by:
                answered = called
            elif self.root_by and self.root_by != msg.by and of_the_opening(msg.text[s:e]):
                answered = self.root_by
            concerns = self.about(answered, words, msg, s)
            # what the sentence that leans echoes, when it echoes some of that: "Good teaching
            # is asking. I'm not sure teaching is only transfer" disputes the claim on transfer
            own = self.about(answered, content_words(msg.text[s:e]), msg, s)
            concerns = own if own and set(own) < set(concerns) else concerns
            said = self.same_claims(msg, concerns)
            if said:  # the very claim again: with them, whatever words it leans with ("shouldn't" too)
                kind = said
            elif self.answers_question and kind == DISPUTES:
                return  # an answer to a question that only asks disputes nothing in it
            self.relation(kind, msg.by, answered, msg, s, e, "leaning", concerns=concerns)

    def same_claims(self, msg: Message, concerns: Sequence[str]) -> str:
        """AGREES_WITH when ``msg`` drafted one of the claims ``concerns`` names (the same
        term and attribute, asserted or denied alike), DISPUTES when it drafted one the
        other way round, else "": what a reply's own claims say of its target's."""
        mine = {(c.term, c.attribute, c.negated) for c in self.claims[-50:] if c.message == msg.id}
        if not mine:
            return ""
        theirs = {(c.term, c.attribute, c.negated) for c in map(self.claim_of, concerns) if c is not None}
        if mine & theirs:
            return AGREES_WITH
        return DISPUTES if {(t, a, not n) for t, a, n in mine} & theirs else ""

    def claim_of(self, ident: str) -> Claim | None:
        """A drafted claim by its id (``draft-claim-N``)."""
        n = ident.rsplit("-", 1)[-1]
        return self.claims[int(n) - 1] if ident.startswith("draft-claim-") and n.isdigit() and int(n) <= len(self.claims) \
            else None

    def about(self, target: str, words: set[str], msg: Message, s: int,
              wider: set[str] | None = None) -> tuple[str, ...]:
        """The claims of ``target`` that a stance at ``s`` in ``msg`` is about: those its
        ``words`` echo (:func:`_concerns`), else those the ``wider`` words (its message's
        before it) echo, narrowed to those it quotes when it quotes any. "Agreed." under one quoted
        sentence is about that sentence, not all that was said around it."""
        from .rules import content_words

        said = self.said.get(target, [])
        # (a reply to a message of the target's is about that message; to another's, about theirs)
        replied = self.answering if target == self.answering_by else ""
        there = self.said_in.get((target, replied), []) if replied else []
        if self.thread_at:  # of several threads: what they said in this one
            here = self.thread_at.get(msg.id, "")
            said, there = ([x for x in xs if self.thread_at.get(x[2], "") == here] for xs in (said, there))
        echoed = _concerns(said, words, replied, there, wider)
        passages = [_word_line(p) for p in _quoted_before(msg, s)]
        if not passages:
            return echoed
        quoted = [ident for ident, *_ in said
                  if (c := self.claim_of(ident)) is not None and any(_within(_word_line(c.quote), p) for p in passages)]
        # a part of a sentence quoted ("> it causes measurable harm") is what of it is answered: of
        # the claims read from that sentence, those whose words it quotes ("non-native" was not)
        words = set().union(*(content_words(p) for p in passages))
        part = [ident for ident in quoted if (c := self.claim_of(ident)) is not None
                and (any(_word_line(c.quote) in p for p in passages) or words & content_words(self.label_of(c.attribute)))]
        quoted = part or quoted
        return tuple(c for c in echoed if c in quoted) or _in_order(quoted) or echoed

    def label_of(self, attribute: str) -> str:
        """The label of the attribute ``attribute`` (an id) the draft has: drafted or curated."""
        if self._labels[0] != len(self.attributes):  # (worked out again only when an attribute was added)
            self._labels = (len(self.attributes), {**self.curated_labels,
                                                   **{a.id: a.label for a in self.attributes.values()}})
        return self._labels[1].get(attribute, attribute)

    def each_side_its_own(self, stated: int) -> None:
        """A message that agrees with someone and disputes them (the stances from ``stated``
        on) does not agree and disagree on one claim: the later stance is about what the
        earlier one is not about ("I agree with Ann on X. But Y ...": the dispute is over Y),
        unless that leaves it nothing."""
        first: dict[str, Relation] = {}
        for i in range(stated, len(self.relations)):
            r = self.relations[i]
            if r.kind not in STANCES:
                continue
            earlier = first.setdefault(r.target, r)
            if earlier.kind != r.kind:
                own = tuple(c for c in r.concerns if c not in earlier.concerns)
                if own:
                    self.relations[i] = replace(r, concerns=own)

    def other_side(self, msg: Message, reading: _Reading, stated: int) -> None:
        """A reply that took one side towards someone (the stances drafted from ``stated``
        on) and, across a turn, leans the other way ("I agree that X, but Y") takes both:
        the other side is drafted too, about what its own clause echoes, towards whom that
        clause speaks to where it names someone else."""
        from .rules import content_words
        from .stances import addressed

        kinds: dict[str, set[str]] = {}
        for r in self.relations[stated:]:
            if r.kind in STANCES and self.rule_of.get(r.id) not in ("chained", "endorsed"):
                kinds.setdefault(r.target, set()).add(r.kind)
        for target, taken in kinds.items():
            if len(taken) != 1:
                continue
            other = DISPUTES if AGREES_WITH in taken else AGREES_WITH
            side = reading.sides.get(other)
            if side:
                _, s, e = side
                # ("@jess ha, not wrong. But I'd push back, @priya": the other side is Jess's, whom it speaks to)
                called = addressed(msg.text[s:e], self.who)
                to = called if called and called != msg.by else target
                self.relation(other, msg.by, to, msg, s, e, "both sides",
                              concerns=self.about(to, content_words(msg.text[s:e]), msg, s))

    def findings(self, findings: list[Finding], msg: Message, s: int, e: int, words: set[str] | None = None) -> None:
        """Claims, the oppositions between them, and relations between terms, of one sentence."""
        made: dict[int, str] = {}
        for i, f in enumerate(findings):
            if f.kind == CLAIM:
                aid = self.claim(f, msg, s, e, words)
                if aid is not None:
                    made[i] = aid
            elif f.kind == OPPOSES and f.pair and f.pair[0] in made and f.pair[1] in made:
                self.relation(OPPOSES, made[f.pair[0]], made[f.pair[1]], msg, s, e, f.rule)
            elif f.kind != OPPOSES and f.other and f.term != f.other:
                if f.rule == "proposed":  # a name is put forward once; its later votes are stances
                    if (f.term, f.other) in self.put_forward:
                        continue
                    self.put_forward.add((f.term, f.other))
                    if not any(g.kind == CLAIM and g.term == f.term for g in findings):  # "+ NoPlusOne" claims it too
                        from .rules import Finding

                        self.claim(Finding(CLAIM, term=f.term, label="proposed as a name", start=f.start, end=f.end,
                                           rule="put forward"), msg, s, e, words)
                self.relation(f.kind, f.term, f.other, msg, s, e, f.rule)

    def parallel(self, previous: tuple[int, str, str, str] | None, findings: list[Finding],
                 found: list[tuple[int, int, str]], msg: Message, s: int, e: int) -> tuple[int, str, str, str] | None:
        """"Cooperation costs $125 an hour. Collaboration costs $350 an hour.": two sentences
        alike, each on its own term, oppose what they say. Returns this sentence's shape."""
        claimed = [f for f in findings if f.kind == CLAIM and not f.negated]
        named = {t for _, _, t in found}
        # one claim, on the term that opens the sentence, whatever else it names ("Consent means nobody
        # has an objection", where "objection" is a term too)
        opening = _opening(msg.text, s, found) if len(claimed) == 1 and (
            len(named) == 1 or (found and found[0][2] == claimed[0].term)) else None
        current = (s, claimed[0].term, opening, self.attribute(claimed[0].label)) if opening else None
        if current and previous and previous[2] == current[2] and previous[1] != current[1] \
                and (CLAIM, current[1], current[3], msg.by, msg.id) in self.seen:
            self.relation(OPPOSES, previous[3], current[3], msg, previous[0], e, "alike sentences")
        return current


class _View(NamedTuple):
    """The terms' names as the drafter knows them once they are named, and the thread's
    contributors (:meth:`_Drafter.view`): all one message needs to be read on its own."""
    names: dict[str, str]
    longest: int
    firsts: frozenset[str]
    split: frozenset[str]
    topic: str
    renamed: tuple[str, ...]
    who: dict[str, str]


# One sentence read on its own: start, end, text, the terms it names, its findings, its
# broad claims, its shared claims, the shapes of stance it matches, the content words of
# the message's characters there when it makes a claim (which quotes them)
_Sentence = tuple[int, int, str, "list[Mention]", "list[Finding]", "list[Finding]", "list[Finding]",
                  list[tuple[int, str | None]], "set[str] | None"]


class _Reading(NamedTuple):
    """What one message says, read on its own: its sentences (:data:`_Sentence`); whom its
    attribution lines name; its content words; which way it leans; the clauses that take
    each side when it grants one point and turns against another."""
    sentences: list[_Sentence]
    attributed: list[tuple[int, str]]
    words: set[str]
    leaning: tuple[str, int, int] | None
    sides: dict[str, tuple[int, int, int]]


def _read_alone(messages: Sequence[Message], view: _View, progress: Counts | None = None) -> list[_Reading]:
    """Each message's :class:`_Reading`: the findings of its sentences, which do not depend
    on the messages before it (so a long thread's halves can be read at once)."""
    from .named import named_claims, shared_claims
    from .relations import term_relations
    from .rules import content_words, mentions_in, read_sentence
    from .stances import both_sides, leaning, quote_authors, shapes, without_mentions
    from .text import counterfactual, quoted_spans, readable, relayed_spans, reported_spans, sentences

    out = []
    for msg in messages:
        relayed = relayed_spans(msg.text)  # another's words relayed whole ("my translation of Rosa: ...")
        quoted = quoted_spans(msg.text) + reported_spans(msg.text) + relayed  # others' words: quoted, reported, relayed
        read: list[_Sentence] = []
        last_term = ""  # what the sentence before made a claim about
        # Addresses and patches read as blanks, offsets kept: no term is named in a link or a
        # diff, and no attribute is cut from one
        plain = readable(msg.text)
        spoken = without_mentions(plain, view.who)  # what the claims are read from: no "@Name" in it
        # (which way it leans and what stance it takes, in its own words: words relayed for
        # another, "my translation of Rosa: ... but ...", take no side for or against anyone)
        own_words = _blanked(plain, relayed)
        for s, e, text in sentences(plain):
            found = mentions_in(spoken, s, e, view.names, view.longest, view.firsts, view.split)
            if counterfactual(text):  # "If we were apart from nature, I would see a distinction": not so
                read.append((s, e, text, found, [], [], [], [], None))  # ("..., I would agree with Ann": no stance)
                last_term = ""
                continue
            # "it" in a sentence may mean what the sentence before made a claim about
            said = spoken[s:e]
            findings = read_sentence(said, s, view.names, found, last_term) if found or last_term else []
            last_term = next((f.term for f in reversed(findings) if f.kind == CLAIM), "")
            # Words quoted from someone else are theirs, not the speaker's claims.
            # (a claim whose words run out of the quote has no span of its own, but starts in it)
            findings = [f for f in findings
                        if not any(a <= (f.start if f.end > f.start or f.start > s else s) < b for a, b in quoted)]
            # ... nor a relation between terms it names only inside such words ("I'd push back on
            # "every refugee is a migrant"")
            findings += [f for f in term_relations(said, s, found, view.topic, view.renamed)
                         if not (quoted and _quoted_only((f.term, f.other), found, quoted))]
            # what the precise rules did not read: a broad claim on the term the sentence names first
            own = [m for m in found if not any(a <= m[0] < b for a, b in quoted)]
            broad = named_claims(said, s, own, {f.term for f in findings if f.kind == CLAIM})
            shared = shared_claims(said, s, own, [*findings, *broad])
            claims = any(f.kind == CLAIM for f in (*findings, *broad, *shared))
            read.append((s, e, text, found, findings, broad, shared,
                         [] if text.startswith(">") else shapes(own_words[s:e]),  # a quoted line is someone else's stance
                         content_words(msg.text[s:e]) if claims else None))
        # "Bo wrote:": what follows answers Bo
        # (which way it leans, in its own words too: a fenced glossary leans no way)
        out.append(_Reading(read, quote_authors(msg.text, view.who), content_words(msg.text), leaning(own_words),
                            both_sides(own_words)))
        if progress:
            progress.update()
    return out


def _blanked(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with ``spans`` as spaces (a line's end kept): every other character in its place."""
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        chars[a:b] = ["\n" if ch == "\n" else " " for ch in text[a:b]]
    return "".join(chars)


def _english(messages: Sequence[Message], others: Counter[str] | None, progress: Counts | None = None,
             held: bool = False, partly: Counter[str] | None = None) -> tuple[list[Message], list[list[tuple[str, str]]]]:
    """The messages the rules can read: those in English, or too short to tell, and of
    one in another language its English sentences (the others blanked, so that every
    character keeps its place); with ``held``, also the words each holds up
    (:func:`~conceptgraph.draft.terms.held_forms`). A message left out is counted by
    language in ``others``, one read in part in ``partly``."""
    from ..language import UNDETERMINED
    from .parallel import in_halves

    told = [found for part in in_halves(_languages, messages, held, progress=progress) for found in part]
    out, forms = [], []
    for m, (code, held_up, english) in zip(messages, told):
        if code in ("en", UNDETERMINED) or english is not None:
            out.append(m if english is None else replace(m, text=english))
            forms.append(held_up)
            if english is not None and partly is not None:
                partly[code] += 1
        elif others is not None:
            others[code] += 1
    return out, forms


def _languages(messages: Sequence[Message], held: bool = False,
               progress: Counts | None = None) -> list[tuple[str, list[tuple[str, str]], str | None]]:
    """Each message's language, (with ``held``, when the rules can read it) the words it
    holds up, and of one in another language its English sentences alone, or None."""
    from ..language import UNDETERMINED, detect, looks_english
    from .terms import held_forms

    out: list[tuple[str, list[tuple[str, str]], str | None]] = []
    for m in messages:
        code = "en" if looks_english(m.text) else detect(m.text)
        english = None if code in ("en", UNDETERMINED) else _english_sentences(m.text)
        read = m.text if english is None else english
        out.append((code, held_forms(read) if held and (code in ("en", UNDETERMINED) or english) else [], english))
        if progress:
            progress.update()
    return out


_ENGLISH_HINTS = re.compile(r"\b(?:the|is|are|was|were|and|of|to|it|we|in|that|this|not|how|what|you|they)\b", re.I)


def _english_sentences(text: str) -> str | None:
    """``text`` with only its English sentences kept, every other character but a line's
    end a space (so that each keeps its place); None when it has none. A post mostly in
    Spanish may end in a sentence of English ("The pathway view is how we teach it too.").

    >>> _english_sentences("Sí, de acuerdo con Kofi. The pathway view is how we teach it too.")
    '                         The pathway view is how we teach it too.'
    >>> _english_sentences("No, no es lo mismo. Una invasora se expande.") is None
    True
    """
    from ..language import detect, looks_english
    from .text import sentences

    # (the model asked only of a sentence with two of English's commonest words: a thread
    # in another language asks it of no sentence, where each ask costs a millisecond or more)
    keep = [(a, b) for a, b, said in sentences(text)
            if looks_english(said) or (len(_ENGLISH_HINTS.findall(said)) >= 2 and detect(said) == "en")]
    if not keep:
        return None
    ends = [0, *(x for span in keep for x in span), len(text)]
    return _blanked(text, list(zip(ends[::2], ends[1::2])))  # what lies between the English sentences


# What a listener says in a transcript's turn (:func:`_spoken`) to show they follow, which
# in speech is no agreement (conversation analysis calls these continuers): "Okay.",
# "Right.", "Mm-hmm.", "Got it." said and nothing else ("Yes." and "Yeah." answer as often
# as they follow, so they are read as elsewhere)
_CONTINUER = re.compile(r"^\W*(?:(?:ok|okay|right|mm+[- ]?hmm+|m+hm+|uh[- ]?huh|hmm+|uh|um|ah|oh|i see|got it|gotcha|"
                        r"alright|all right)\W*)+$", re.I)


def _spoken(where: str) -> bool:
    """Whether a message's place is a transcript's turn ("turn 12 at 00:03:10")."""
    return re.match(r"turn \d", place_in(where)) is not None


# Words that point at a noun without saying what it is: one attribute with them or without
_POINTERS = frozenset("the a an your my our their his her its this that these those".split())
# "Yes." or "No." and nothing else: an answer when what it answers asks
# An answer, bare ("Yes.", "Right.") or opening a sentence ("No, a law describes what happens.")
_ANSWER_OPENS = re.compile(r"\W*(?:yes|yep|yeah|yup|right|true|correct|sure|no|nope|nah|not really)\W*$|"
                           r"\W*(?:yes|yep|yeah|yup|no|nope|nah|not really)\b\s*[,.!:;–—-]", re.I)
# A question that puts something forward: "Should we rename it?", "Why not call it X?",
# "How about X?". "Yes" or "No" to it takes a side on the proposal.
_PUTS_FORWARD = re.compile(r"(?:^|[.!?]\s+)\W*(?:(?:so|then|and|but|ok|okay),?\s+)?(?:should|shall|could|can|may|might)\s+"
                       r"(?:we|I|you|it|this|that|they|these|those|the\s+\w+)\b"
                       # (not "Can I ask, is X a Y?": leave to ask puts nothing forward)
                       r"(?!\s+(?:just\s+|quickly\s+)?(?:ask|check|clarify|confirm)\b)|"
                       r"\b(?:why\s+not|how\s+about|what\s+about|"
                       r"would\s+it\s+be\s+(?:better|ok|okay|fine|worth)|let['’]s|instead)\b|"
                       # asking the group to assent to what was just said: "Can everyone live with that?"
                       r"\b(?:can|could|does|do|is|are|would)\s+(?:everyone|everybody|we\s+all|you\s+all|all\s+of\s+you)\s+"
                       r"(?:live\s+with|agree|accept|be\s+(?:ok|okay|happy|fine)|ok|okay|happy|fine)\b", re.I)


# The words of a short message that puts something forward ("We should change the title.")
_PUTS_FORWARD_WORDS = re.compile(r"\b(?:should|must|let['’]s|instead|suggest|propose|rename)\b", re.I)


# A message that agrees and says nothing else: "Yes", "Agreed.", "+1 👍", "Yep, same"
_ONLY_ASSENT = re.compile(r"(?:[\W_]*(?:yes|yeah|yep|yup|agreed|agree|same|ok|okay|sure|exactly|indeed|true|correct|"
                          r"right|seconded|this|\+1)\b)+[\W_]*", re.I)


#: The share of a thread's replies that answer a reply, from which it is a tree
_NESTED = 0.25


def _trees(messages: Sequence[Message], by_id: Mapping[str, Message]) -> set[str]:
    """The opening posts of the threads where people reply to replies (a tree of replies,
    not a flat list of comments): at least :data:`_NESTED` of its replies do. Each
    message's opening post is found once, however long its chain of replies.

    >>> from conceptgraph.model import Message
    >>> m = [Message("p", "a", "post", ""), Message("c", "b", "c", "", reply_to="p"),
    ...      Message("d", "a", "d", "", reply_to="c")]
    >>> _trees(m, {x.id: x for x in m}), _trees(m[:2], {x.id: x for x in m[:2]})
    ({'p'}, set())
    """
    root: dict[str, str] = {}

    def root_of(m: Message) -> str:
        up: list[str] = []
        while m.id not in root and m.reply_to in by_id and len(up) <= len(by_id):  # (a loop ends somewhere)
            up.append(m.id)
            m = by_id[m.reply_to]
        top = root.setdefault(m.id, m.id)
        for ident in up:
            root[ident] = top
        return top

    replies: Counter[str] = Counter()
    nested: Counter[str] = Counter()
    for m in messages:
        if m.reply_to in by_id:
            top = root_of(m)
            replies[top] += 1
            nested[top] += by_id[m.reply_to].reply_to in by_id
    # a habit, not one reply: a chat thread where one message quotes another (Slack's "> ...")
    # is still a flat run of replies, each answering the one before
    return {top for top, n in nested.items() if n and n >= _NESTED * replies[top]}


def _asks_only(msg: Message, drafter: _Drafter) -> bool:
    """Whether ``msg`` only asks, and puts nothing forward: a "Yes." or "No." under it
    agrees or disputes nothing in it (nor does one that opens with a question and claims
    nothing: "Is X the same as Y? My textbook uses both." is answered by "No.")."""
    return (_only_asks(msg.text) or _opens_asking(msg.text) and not drafter.said_in.get((msg.by, msg.id))) \
        and not _PUTS_FORWARD.search(msg.text)


def _quoted_only(terms: tuple[str, ...], found: list[Mention], quoted: list[tuple[int, int]]) -> bool:
    """Whether every mention of ``terms`` in a sentence lies in a quoted passage."""
    named = [m for m in found if m[2] in terms]
    return bool(named) and all(any(a <= m[0] < b for a, b in quoted) for m in named)


def _only_asks(text: str) -> bool:
    """Whether a message does nothing but ask: every sentence of its own a question, or
    what the asker says of themselves.

    >>> _only_asks("Is a bug a defect? Or not?"), _only_asks("A bug is a defect. Agreed?")
    (True, False)
    >>> _only_asks("Is a bug a defect? I never know which to use."), _only_asks("Is it? I know it is.")
    (True, False)
    >>> _only_asks("Is anyone going to the offsite? need to book flights")
    True
    """
    if "?" not in text:  # (most messages: no sentence of theirs to split)
        return False
    said = _own_sentences(text)
    asked = [t.rstrip().endswith("?") for t in said]
    # what the asker says of themselves ("I never know which to use.") puts nothing forward
    return any(asked) and all(a or _OF_ONESELF.match(t) for a, t in zip(asked, said))


def _opens_asking(text: str) -> bool:
    """Whether a message's first sentence of its own (not a quote) is a question.

    >>> _opens_asking("Is a bug a defect? My team uses both."), _opens_asking("A bug is a defect. Is it?")
    (True, False)
    """
    return "?" in text and next(iter(_own_sentences(text)), "").rstrip().endswith("?")


def _own_sentences(text: str) -> list[str]:
    """A message's sentences, its quoted lines ("> ...") left out."""
    from .text import sentences

    return [t for _, _, t in sentences(text) if not t.lstrip().startswith(">")]


# A sentence about the speaker alone: "I never know which to use", "I'm confused", "Just curious"
_OF_ONESELF = re.compile(r"\W*(?:(?:and|but|so)\s+)?(?:I(?:['’]m|['’]ve|\s+am|\s+have|\s+was)?\s+(?:always\s+|still\s+|"
                         r"often\s+|sometimes\s+|just\s+|really\s+)?(?:confused|curious|wondering|unsure|not\s+sure|"
                         r"puzzled|lost|wonder|struggle|(?:can['’]t|cannot|don['’]t|never)\s+(?:tell|remember|know|get|"
                         r"understand|see))\b|just\s+curious\b|thanks?\b|thank\s+you\b|"
                         # its "I" left out, as chats do: "need to book flights", "gotta run"
                         r"(?:need|have|want)\s+to\b|gotta\b)", re.I)


def _echoed(rare: set[str], speaker: str, recent: list[tuple[str, set[str]]]) -> str:
    """Whom a message in a flat thread answers: the message before, unless an earlier one
    (of the last few, by others) shares clearly more of its ``rare`` words."""
    others = [(by, theirs) for by, theirs in recent if by != speaker]
    if not others:
        return ""
    scores = [len(rare & theirs) for _, theirs in others]
    best = max(range(len(others)), key=lambda i: (scores[i], i))
    # a short "+1" answers the one before; an earlier message only when it is taken up clearly more
    return others[best][0] if scores[best] >= 3 and scores[best] >= scores[-1] + 2 else others[-1][0]


def _first_said(rare: set[str], speaker: str, said: list[tuple[str, set[str]]]) -> str:
    """Who first said most of what a message takes up (its ``rare`` words), of the
    messages before it by others (``said``: the opening post and the last ones); "" when
    it takes up nothing, or no more of it than the message just before it by another,
    unless that message only said the first one's words again (else it answers that
    message: "I think the name is fine" after a call to rename is about that call, not
    about whoever first said "fine" twenty messages back).

    >>> said = [("ann", {"name", "fine"}), ("bo", {"rename", "page"})]
    >>> _first_said({"name", "fine"}, "cy", said), _first_said({"fine", "page"}, "cy", said)
    ('ann', '')
    >>> _first_said({"merged", "pr"}, "cy", [("ann", {"merged", "pr"}), ("bo", {"merged", "pr"})])  # an echo
    'ann'
    """
    best, who, first = 0, "", set()
    for by, theirs in said:
        if by != speaker and len(rare & theirs) > best:  # the first to say as much keeps it
            best, who, first = len(rare & theirs), by, theirs
    last = next((rare & theirs for by, theirs in reversed(said) if by != speaker), set())
    # as much as the last: the first still, when what it takes up from the last is the first's words again
    return who if best > len(last) or last <= first else ""


def _opening(text: str, start: int, found: list[tuple[int, int, str]]) -> str | None:
    """The word after the term that opens a sentence ("is" in "Cooperation is ..."), else None."""
    if not found or found[0][0] != start:
        return None
    m = re.match(r"\s+(\w+)", text[found[0][1]:found[0][1] + 40])
    return m.group(1).casefold() if m else None


#: A speaker's drafted claim: its id, the content words of its quote and its term, the
#: message it is in, and its term's words
_Said = tuple[str, set[str], str, tuple[frozenset[str], ...]]


#: How many of a person's last messages a stance that echoes their words is taken to be
#: about (on the development threads' 98 matched stances whose gold names claims, the
#: drafted claims that are the gold's: 0.185 of them with no bound, 0.204 with three; and of
#: the gold's, 0.266 found, then 0.286)
_LATELY = 3


def _concerns(said: list[_Said], words: set[str], replied: str = "", there: list[_Said] | None = None,
              wider: set[str] | None = None) -> tuple[str, ...]:
    """The target's drafted claims that the stance's ``words`` (its content words) echo
    in their last :data:`_LATELY` messages, the most recent first: in a long thread,
    agreement is with what was said lately, and a word echoed from long before is
    likelier chance than reference. A
    stance that names terms ("I agree with Ann on defect and failure") is about the
    claims on them. A stance that echoes nothing ("I agree with Bob.") concerns their
    latest message, all it claims. A reply to one of their messages (``replied``, its id)
    is about what that one says: the claims of it that it echoes, else all of them; when
    that message claimed nothing, the earlier claims it echoes, else everything they said
    (none named: their latest claims would be a guess that looks like a reading). Where
    the stance's own words echo none of their claims, the ``wider`` words (those its
    message says before it) are looked for before their latest message is taken.
    ``there``: the claims of ``said`` in ``replied``, when known (else found in ``said``,
    all of which that takes reading).

    >>> said = [("c-1", {"guess"}, "m1", ()), ("c-2", {"proof", "sorry", "guess"}, "m2", (frozenset({"proof"}),))]
    >>> _concerns(said, {"guess"}), _concerns(said, {"sorry"}, replied="m2"), _concerns(said, {"guess", "proof"})
    (('c-1', 'c-2'), ('c-2',), ('c-2',))
    >>> later = said + [(f"c-{i}", {"other"}, f"m{i}", ()) for i in range(3, 6)]
    >>> _concerns(later, {"guess"})  # said three messages ago and more: not what it echoes now, but the latest
    ('c-5',)
    >>> latest = [(f"c-{i}", {"term"}, "m3", ()) for i in range(1, 8)]
    >>> len(_concerns(latest, {"frame"}))  # echoing nothing: all seven of the latest message's
    7
    >>> _concerns(said, {"frame"}, replied="m9"), _concerns(said, {"proof"}, replied="m9")  # m9 claimed nothing
    ((), ('c-2',))
    >>> _concerns(later, {"right"}, wider={"other", "right"})  # the sentence echoes nothing; its message does
    ('c-3', 'c-4', 'c-5')
    """
    theirs_there = [x for x in said if replied and x[2] == replied] if there is None else there
    if theirs_there:
        echoed = _on_named([x for x in theirs_there if x[1] & words], words)
        return _in_order(echoed or [i for i, *_ in theirs_there])
    found: list[_Said] = []
    recent = list(dict.fromkeys(message for _, _, message, _ in reversed(said[-500:])))[:_LATELY]
    for echo in (words, wider or set()):
        for x in reversed(said[-500:]):
            if x[1] & echo and x[2] in recent:
                found.append(x)
                if len(found) == 5:
                    break
        if found:
            words = echo
            break
    if not found and said and not replied:
        # all of it: a few of its claims, picked by their order, would credit those alone
        return _in_order([ident for ident, _, message, _ in said if message == said[-1][2]])
    return _in_order(_on_named(found, words))


#: How many messages back a quote is looked for among (quotes are of what was said lately)
_HEARD = 200


def _quoted_from(msg: Message, heard: Sequence[tuple[str, str]]) -> list[tuple[int, str]]:
    """Where each passage ``msg`` quotes stood, and whose words it is: the latest of the
    messages ``heard`` (author, words) by someone else that holds it word for word (a
    Stack Exchange answer's blockquote names no one; a forum's quote may be of another
    than the one replied to). A passage too short to tell is left out.

    >>> from conceptgraph.model import Message
    >>> m = Message("m", "cy", "comment 3", "Agreed.", quotes=("A law describes what happens.",), quoted_at=(0,))
    >>> _quoted_from(m, [("ann", "A law describes what happens. Always."), ("bo", "No.")])
    [(0, 'ann')]
    """
    out = []
    for quote, at in zip(msg.quotes, msg.quoted_at):
        words = " ".join(quote.rstrip("…").split())[:200]
        if len(words) < 20:
            continue
        who = next((by for by, said in reversed(heard) if by != msg.by and words in said), "")
        if who:
            out.append((at, who))
    return out


def _quoted_before(msg: Message, at: int) -> list[str]:
    """The passages of others ``msg`` quotes that a sentence at ``at`` answers: the
    block of "> " lines last before it, when its text keeps them; else those its
    import set apart (:attr:`conceptgraph.model.Message.quotes`) that stood last before
    it, or all of them when it knows not where they stood or none stood before.

    >>> from conceptgraph.model import Message
    >>> m = Message("m", "bo", "comment 2", "> X is Y.\\n> So.\\nAgreed.\\n> Z is W.\\nNo.")
    >>> _quoted_before(m, m.text.index("Agreed")), _quoted_before(m, m.text.index("No."))
    (['X is Y. So.'], ['Z is W.'])
    >>> m = Message("m", "bo", "comment 2", "Agreed.\\nNo.", quotes=("X is Y.", "Z is W."), quoted_at=(0, 8))
    >>> _quoted_before(m, 0), _quoted_before(m, 8)
    (['X is Y.'], ['Z is W.'])
    """
    blocks: list[list[str]] = []
    quoting = False
    for line in msg.text[:at].split("\n"):
        quote = line.lstrip().startswith(">")
        if quote:
            if not quoting:
                blocks.append([])
            blocks[-1].append(line.lstrip().lstrip(">"))
        quoting = quote or (quoting and not line.strip())  # a blank line inside a quote keeps it open
    last = " ".join(" ".join(blocks[-1]).split()) if blocks else ""
    if last:
        return [last]
    stood = max((x for x in msg.quoted_at if x <= at), default=-1)
    return [q for q, x in zip(msg.quotes, msg.quoted_at) if x == stood] if stood >= 0 else list(msg.quotes)


def _word_line(text: str) -> str:
    """The words of ``text``, lower case, one space apart and around: to find one
    passage in another whatever their marks and spacing."""
    return " " + " ".join(re.findall(r"\w+", text.casefold())) + " "


def _within(claim: str, passage: str) -> bool:
    """Whether a claim's words (:func:`_word_line`) are quoted by ``passage``: all of
    them, or a passage of four words or more out of them."""
    return claim.strip() != "" and (claim in passage or (passage.count(" ") > 4 and passage in claim))


def _on_named(echoed: list[_Said], words: set[str]) -> list[str]:
    """Of the claims ``words`` echo, those on a term they name (by any of its names: a
    reply saying "teaching" names the term "teaching" though not its alias "teach"), when any are."""
    named = [x[0] for x in echoed if any(n and n <= words for n in x[3])]
    return named or [x[0] for x in echoed]


def _in_order(ids: list[str]) -> tuple[str, ...]:
    return tuple(sorted(ids, key=lambda i: int(i.rsplit("-", 1)[1])))


def _slug(text: str) -> str:
    return slug(text)[:60].strip("-") or "x"


def draft_folder(data: str | os.PathLike[str], output: str | os.PathLike[str] | None = None,
                 terms: Iterable[str] | None = None, max_terms: int = 30, force: bool = False) -> dict[str, Any]:
    """Draft the dataset at ``data`` (a dataset folder or file, or a discussion export)
    and write the result as a dataset folder: the input's files as they were, and the
    drafted items in ``draft.yaml``. A folder given as ``data`` is drafted in place
    (only its ``draft.yaml`` is written); with ``output``, or for a file, a new folder
    is written (default ``output/<name>/``), never over an existing one without
    ``force``.

    A reviewed folder's decisions (``decisions.yaml``, see :mod:`conceptgraph.decisions`)
    are respected: nothing rejected is drafted again, nothing accepted or edited twice,
    and the accepted terms and attributes (in ``reviewed.yaml``) are used as they are.
    Items accepted by hand in ``draft.yaml`` (their ``status: draft`` deleted) are
    recorded as accepted first, so no decision is ever drafted over.

    ``draft.yaml`` is replaced only if it and the folder's other files (decisions
    included) are still as they were read, checked under the folder's lock at the
    moment of writing: a decision, a file edited or another draft written while this
    one was made is never overwritten (:class:`~conceptgraph.errors.WriteConflict`).
    A thread in which nothing is found gets an empty draft. Returns a summary of what
    was drafted."""
    from ..graph import gc_paused

    with gc_paused():  # drafting makes millions of objects and no cycles worth a collector's passes
        return _draft_folder(data, output, terms, max_terms, force)


def _draft_folder(data: str | os.PathLike[str], output: str | os.PathLike[str] | None,
                  terms: Iterable[str] | None, max_terms: int, force: bool, settled_once: bool = False) -> dict[str, Any]:
    from ..dataset import Document, build_dataset, dataset_data, dump_data, read_documents
    from ..decisions import (
        DECISIONS_FILE,
        REVIEWED_FILE,
        Decisions,
        draft_data,
        draft_yaml,
        named_by_review_ids,
        respect,
        say_followed,
        sync_folder,
    )
    from ..discussions import read_discussion
    from ..files import check_new_folder, folder_lock, read_limited, read_text, stamp, write_atomic, write_folder
    from ..load import input_kind
    from .parallel import AT_LEAST, at_once

    src = Path(data)
    if src.is_file() and src.name in ("discussion.yaml", DRAFT_FILE) and (src.parent / "discussion.yaml").is_file():
        src = src.parent  # a file of an imported folder is drafted with its folder (in place, unless -o)
    kind, files = input_kind(src)
    if kind == "graph":
        raise DatasetError("a graph file has no messages to draft from; give a dataset or a discussion export",
                           str(src))
    from_folder = src.is_dir() and kind == "dataset"
    in_place = from_folder and output in (None, "")
    default = output in (None, "")
    target = src if in_place else Path("output") / slug(src.stem) if default else Path(str(output))
    # what a draft to another folder writes there: an earlier one holds only these
    own = (frozenset({"discussion.yaml"}) if kind == "discussion" else frozenset(f.name for f in files)) \
        - {DECISIONS_FILE, REVIEWED_FILE} | {DRAFT_FILE}
    existed = not in_place and check_new_folder(target, own, force)
    # decisions with no reviewed.yaml (deleted, or never written): the draft.yaml there may name
    # accepted items that went with it, so it is drafted anew and the decisions settled on it
    lost = from_folder and not settled_once and (src / DECISIONS_FILE).is_file() and not (src / REVIEWED_FILE).exists()
    if from_folder:
        if not lost:
            # decisions first: reviewed.yaml holds every accepted item before anything is drafted
            snap = sync_folder(src)
            if snap is not None and snap.hand and in_place and not force:
                raise _hand_changes(src / DRAFT_FILE, snap.hand)
        files = [f for f in input_kind(src)[1] if f.name != DRAFT_FILE]
    seen = _earlier_draft(src / DRAFT_FILE) if in_place else None
    book = Decisions.read(src) if from_folder else Decisions(target / DECISIONS_FILE)
    if kind == "discussion":
        base, _ = read_discussion([src])
        held = dataset_data(base, ("source", "contributors", "messages"))
        text = dump_data(held)
        base_files = {"discussion.yaml": text.encode("utf-8")}
        base_docs = [Document(str(target / "discussion.yaml"), text, held)]
        stamps = {}
    else:
        stamps = {f.name: stamp(f) for f in files}  # before reading: a later change shows at the end
        if book.raw is not None:
            stamps[DECISIONS_FILE] = stamp(src / DECISIONS_FILE)
        base_files = {f.name: read_limited(f) for f in files}
        base_docs = read_documents({str(f): read_text(f, base_files[f.name]) for f in files})
        base = build_dataset(base_docs)
    # the decisions where their words are now, as review finds them (messages numbered anew
    # by an export imported again): what they decided is left out of the draft there
    by_id = {m.id: m for m in base.messages}
    say_followed(book.respeak(by_id, (c.id for c in base.contributors)), book.path)
    book.reanchor(by_id)
    others: Counter[str] = Counter()
    partly: Counter[str] = Counter()
    drafted = draft(base, terms, max_terms, other_languages=others, partly_english=partly)
    # decisions with no reviewed.yaml (it was deleted, or never written): the whole draft,
    # then the decisions settled on it, as review does; else what was decided stays out
    unsettled = book.raw is not None and REVIEWED_FILE not in base_files and not settled_once \
        and (lost or not (src / DRAFT_FILE).is_file())
    drafted = _not_curated(drafted, base)
    if not unsettled:
        drafted = respect(drafted, base, book)
    # named as review names them, so that two drafts' exports and `review --list` join
    drafted = named_by_review_ids(drafted, base, book)
    held = draft_data(drafted)
    # What is written must be a valid dataset beside the rest, every anchor included:
    # checked before anything is written, on the data the text is written from (that the
    # text parses back as that data is dump_data's promise, tested for any string). A long
    # draft is checked in a second process while this one writes its text.
    path = str(target / DRAFT_FILE)
    check = partial(_valid, [*base_docs, Document(path, "", held)])
    text, valid = at_once(partial(draft_yaml, held), check) if len(base.messages) >= AT_LEAST else \
        (draft_yaml(held), check())
    if not valid:
        try:  # the error again, with the line it is on
            build_dataset([*base_docs, Document(path, text, held)])
        except DatasetError as e:
            if e.file != path:
                raise
            # a fault of ours, not of the folder: the line is of a draft never written
            raise DatasetError(f"the new draft failed its own check ({e.problem}, at line {e.line} of the draft "
                               "it would write); nothing written, the earlier draft is kept. Please report this with "
                               "the folder", path) from None
    if in_place:
        with folder_lock(target):
            _check_unchanged(target, stamps)
            write_atomic(target / DRAFT_FILE, text, expect=seen)
    else:
        if book.raw is not None:
            base_files[DECISIONS_FILE] = book.raw
        # an earlier draft of the same files is replaced, never review decisions or other files
        write_folder(target, {**base_files, DRAFT_FILE: text.encode("utf-8")},
                     replace="own" if existed else "never", make_parents=default,
                     own=frozenset({*base_files, DRAFT_FILE}) - {DECISIONS_FILE, REVIEWED_FILE})
    counts = {"terms": len(drafted.terms), "attributes": len(drafted.attributes), "claims": len(drafted.claims),
              "relations": sum(1 for r in drafted.relations if r.kind not in (MENTIONS, CO_OCCURS))}
    settled = 0
    if unsettled:
        sync_folder(target)
        # what decisions.yaml had decided left the draft for reviewed.yaml: the counts say what is left
        left = _sections(read_limited(target / DRAFT_FILE))
        settled = sum(counts.values()) - sum(left.values())
        # and drafted once more beside what review accepted and made (a term added or renamed
        # there is one the draft then finds claims of): the draft a second run would give
        again = _draft_folder(target, None, terms, max_terms, force, settled_once=True)
        again.pop("replaced", None)
        return {**again, **({"settled": settled} if settled > 0 else {}),
                **({"replaced": n} if seen and (n := _undecided(seen)) else {})}
    return {"path": str(target), "file": str(target / DRAFT_FILE), **counts,
            **({"settled": settled} if settled > 0 else {}),
            "mentions": sum(1 for r in drafted.relations if r.kind == MENTIONS),
            "co_occurrences": sum(1 for r in drafted.relations if r.kind == CO_OCCURS),
            **({"other_languages": _by_count(others)} if others else {}),
            **({"partly_english": _by_count(partly)} if partly else {}),
            **({"terms_not_found": missing} if (missing := _not_found(terms, base, drafted)) else {}),
            **({"replaced": n} if seen and (n := _undecided(seen)) else {})}


def _by_count(counts: Counter[str]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _hand_changes(path: Path, hand: list[Any]) -> OutputError:
    """The refusal to draft over items changed by hand in draft.yaml, which no draft makes
    again: where they are, and the two ways on."""
    from ..decisions import describe

    lines = path.read_text(encoding="utf-8").splitlines()
    at = {line[len("- id: "):].strip(): n for n, line in enumerate(lines, 1) if line.startswith("- id: ")}
    first = min((at[it.record.id] for it in hand if it.record.id in at), default=None)
    what = ", ".join(f"{it.rid} “{excerpt(describe(it), 40)}”" for it in hand[:2]) + (", ..." if len(hand) > 2 else "")
    them = "them" if len(hand) > 1 else "it"
    return OutputError(f"{path}{f':{first}' if first else ''}: {len(hand)} item{'s' if len(hand) > 1 else ''} changed by "
                       f"hand here ({what}), which no draft makes again: accept or edit {them} in review first, or "
                       f"draft with --force to let {them} go; nothing written")


def _latest(disputers: dict[str, list[str]], speaker: str) -> str:
    """Who last disputed ``speaker`` ("" for no one)."""
    return disputers[speaker][-1] if disputers.get(speaker) else ""


def _undecided(text: bytes) -> int:
    r"""How many items a draft.yaml holds that a review decides (terms, attributes, claims,
    relations other than mentions and co-occurrences: what ``review --list`` counts), read
    line by line: a long draft is not parsed again to say what it held.

    >>> _undecided(b"terms:\n- id: a\nattributes:\n- id: b\nclaims:\n- id: c1\nrelations:\n- id: r1\n"
    ...            b"  kind: mentions\n- id: r2\n  kind: disputes\n")
    4
    """
    return sum(_sections(text).values())


def _sections(text: bytes) -> Counter[str]:
    """Of what :func:`_undecided` counts, how many in each section."""
    count: Counter[str] = Counter()
    section, context = "", (f"  kind: {MENTIONS}", f"  kind: {CO_OCCURS}")
    for line in text.decode("utf-8", "replace").splitlines():
        if line[:1].isalpha():
            section = line.split(":", 1)[0]
        elif section in ("terms", "attributes", "claims", "relations") and line.startswith("- id:"):
            count[section] += 1
        elif section == "relations" and line.startswith(context):
            count[section] -= 1
    return count


def _not_curated(drafted: Dataset, base: Dataset) -> Dataset:
    """``drafted`` without the claims and relations its folder holds already, curated by
    hand (the same term, attribute, speaker and message; the same kind, ends, speaker and
    message), and the drafted attributes only those gave: drafting a curated dataset
    adds what it lacks, never a second copy of what it has. A stance about a claim left
    out is about the curated one."""
    from ..kinds import SYMMETRIC

    label = {a.id: normalise(a.label) for a in (*base.attributes, *drafted.attributes)}

    def claim_key(c: Claim) -> tuple[Any, ...]:
        return c.term, label.get(c.attribute, c.attribute), c.negated, c.by, c.message or c.where

    def relation_keys(r: Relation) -> list[tuple[Any, ...]]:
        ends = [(r.source, r.target), (r.target, r.source)] if r.kind in SYMMETRIC else [(r.source, r.target)]
        return [(r.kind, a, b, r.by, r.message or r.where) for a, b in ends]

    curated_claims = {claim_key(c): c.id for c in base.claims if c.status != DRAFT}
    curated_relations = {relation_keys(r)[0] for r in base.relations if r.status != DRAFT}
    same = {c.id: curated_claims[k] for c in drafted.claims if (k := claim_key(c)) in curated_claims}
    # ... nor a claim on a term in words a curated claim of the same speaker on it rests on:
    # the curator said what they say of it ("gratis but closed", where the draft had "gratis");
    # not one accepted as drafted, which says nothing of the others drafted from its sentence
    # ("X is non-native, and it causes harm": accepting the first had dropped the second)
    as_drafted = {claim_key(c) for c in drafted.claims}
    said: dict[tuple[Any, ...], list[tuple[tuple[int, int], str]]] = {}
    for c in base.claims:
        if c.status != DRAFT and c.span is not None and claim_key(c) not in as_drafted:
            said.setdefault((c.term, c.by, c.message), []).append((c.span, c.id))
    for c in drafted.claims:
        if c.id not in same and c.span is not None:
            over = [ident for (a, b), ident in said.get((c.term, c.by, c.message), ()) if a < c.span[1] and c.span[0] < b]
            if over:
                same[c.id] = over[0]
    if not same and not curated_relations:
        return drafted
    claims = tuple(c for c in drafted.claims if c.id not in same)
    relations = tuple(replace(r, concerns=tuple(dict.fromkeys(same.get(x, x) for x in r.concerns)))
                      for r in drafted.relations if r.kind in (MENTIONS, CO_OCCURS)
                      or not curated_relations.intersection(relation_keys(r)))
    used = {c.attribute for c in claims} | {x for r in relations for x in (r.source, r.target, *r.concerns)}
    attributes = tuple(a for a in drafted.attributes if a.id in used)
    return replace(drafted, claims=claims, relations=relations, attributes=attributes)


def _valid(docs: list[Document]) -> bool:
    """Whether ``docs`` make a valid dataset together (:func:`~conceptgraph.dataset.build_dataset`)."""
    from ..dataset import build_dataset

    try:
        build_dataset(docs)
    except DatasetError:
        return False
    return True


def _not_found(terms: Iterable[str] | None, base: Dataset, drafted: Dataset) -> list[str]:
    """The terms given with ``--terms`` that are neither drafted nor in the dataset
    already: no message names them (a misspelling, often)."""
    from .terms import key_of

    known = {key_of(n.split()) for t in (*base.terms, *drafted.terms) for n in (t.id, t.label, *t.aliases) if n}
    return [n for n in (terms or ()) if n.strip() and key_of(n.split()) not in known]


def _earlier_draft(path: Path) -> bytes | None:
    """The bytes of the ``draft.yaml`` a new draft replaces (None: there is none); a
    folder or a FIFO named draft.yaml is never read, nor replaced."""
    from ..files import check_replaceable, read_if_exists

    check_replaceable(path)
    return read_if_exists(path)


def _check_unchanged(folder: Path, stamps: dict[str, Any]) -> None:
    """A :class:`WriteConflict` when the dataset files of ``folder`` (other than the
    draft; decisions.yaml with them) are not those read, as ``stamps`` has them."""
    from ..errors import WriteConflict
    from ..files import DATASET_SUFFIXES, stamp

    try:
        now = {f.name: stamp(f) for f in folder.iterdir()
               if f.suffix.lower() in DATASET_SUFFIXES and f.name != DRAFT_FILE and f.is_file()}
    except (OSError, DatasetError):
        now = {}
    changed = sorted(set(now) ^ set(stamps) | {n for n in now if n in stamps and now[n] != stamps[n]})
    if changed:
        raise WriteConflict(f"{folder / changed[0]}: changed while drafting; nothing written (draft again)")
