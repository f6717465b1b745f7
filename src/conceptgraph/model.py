"""The concept graph's data model: plain typed records, independent of any file format.

A :class:`Dataset` holds the terms of a discussion, the attributes people give them,
the contributors who spoke, the messages they wrote, the claims they made (a term has,
or lacks, an attribute) and the relations they drew between terms, attributes or
contributors. Every claim and relation keeps its speaker, their verbatim words and
where they said them; when the dataset has its messages, also the message and the
characters (``span``) the words are in.

>>> t = Term(id="cooperation", label="cooperation", aliases=("cooperate",))
>>> a = Attribute(id="passive", label="may be passive")
>>> p = Contributor(id="bart", name="Bart Stewart", role="commenter", where=("comment 10",))
>>> c = Claim(id="c1", term="cooperation", attribute="passive", by="bart",
...           quote="Cooperation may be passive", where="comment 10")
>>> Dataset(terms=(t,), attributes=(a,), contributors=(p,), claims=(c,)).node_count
3
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .kinds import ATTRIBUTE_RELATIONS, CONTRIBUTOR_RELATIONS, RELATION_KINDS, ROLES, TERM_RELATIONS

__all__ = [
    "ROLES",
    "TERM_RELATIONS",
    "ATTRIBUTE_RELATIONS",
    "CONTRIBUTOR_RELATIONS",
    "RELATION_KINDS",
    "Source",
    "Term",
    "Attribute",
    "Contributor",
    "Claim",
    "Relation",
    "Message",
    "Span",
    "Dataset",
]

#: ``(start, end)``: character offsets into a message's text; ``text[start:end]`` is the quote.
Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Source:
    """The discussion a dataset was drawn from."""

    title: str
    author: str = ""
    date: str = ""
    url: str = ""


@dataclass(frozen=True, slots=True)
class Term:
    """A word under discussion, with the other forms people write it in."""

    id: str
    label: str
    aliases: tuple[str, ...] = ()
    gloss: str = ""
    status: str = ""
    #: for a drafted item: how likely a curator is to accept it, in [0, 1]
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class Attribute:
    """A property people give a term; ``label`` is short enough to sit on a graph node."""

    id: str
    label: str
    description: str = ""
    status: str = ""
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class Contributor:
    """Someone who spoke, as their name is written, with where they spoke.

    ``quote`` holds their words when they made no claim a graph can carry (a link, a thank-you).
    """

    id: str
    name: str
    role: str
    where: tuple[str, ...] = ()
    quote: str = ""


@dataclass(frozen=True, slots=True)
class Message:
    """One message of the thread (the post, a response, a comment), verbatim."""

    id: str
    by: str
    where: str
    text: str
    reply_to: str = ""
    date: str = ""
    title: str = ""
    #: The votes the site counts for it (Stack Exchange's score, GitHub's 👍 minus 👎).
    score: int | None = None
    #: The answer the asker (or a maintainer) accepted.
    accepted: bool = False
    #: Its own address on the site it came from, where the export gives one: a way back
    #: to the words in their place.
    url: str = ""
    #: Why its words are gone ("deleted", "removed"): a stand-in, "[deleted]" by no one
    #: named, kept because others answer it; no one's words.
    gone: str = ""
    #: The passages of others it quotes, left out of ``text`` (they are not its speaker's
    #: words): what a short answer under them ("Agreed.") is about.
    quotes: tuple[str, ...] = ()
    #: When its words were changed after it was posted (the export's date, or "yes" where
    #: it says only that they were): a reply may have answered other words.
    edited: str = ""
    #: Where in ``text`` each of ``quotes`` stood (the offset of the words after it), when
    #: the import knows: "No." under the second of two quotes answers the second.
    quoted_at: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Claim:
    """``by`` says that ``term`` has (or, when ``negated``, lacks) ``attribute``.

    ``message`` and ``span`` locate ``quote`` in the thread; ``inferred`` marks the
    curator's reading rather than the speaker's words; ``status`` is ``"draft"`` for a
    claim drafted from the text and not yet accepted."""

    id: str
    term: str
    attribute: str
    by: str
    quote: str
    where: str
    negated: bool = False
    message: str = ""
    span: Span | None = None
    inferred: bool = False
    status: str = ""
    confidence: float | None = None
    #: for a drafted claim: the rule that drafted it, whose record on the development
    #: threads its confidence is (:mod:`conceptgraph.draft.confidence`)
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Relation:
    """A relation of ``kind`` from ``source`` to ``target``, stated by ``by`` when known."""

    id: str
    kind: str
    source: str
    target: str
    by: str = ""
    quote: str = ""
    where: str = ""
    message: str = ""
    span: Span | None = None
    #: what an agreement or dispute is about: claim ids and attribute ids
    concerns: tuple[str, ...] = ()
    inferred: bool = False
    status: str = ""
    confidence: float | None = None
    #: for a context link (mentions, co_occurs): how many sentences, and the places of the first few
    count: int = 0
    places: tuple[str, ...] = ()
    #: for a drafted relation: the rule that drafted it (as :attr:`Claim.rule`)
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Dataset:
    """Everything a discussion says, ready to be built into a graph."""

    source: Source = field(default_factory=lambda: Source(title=""))
    terms: tuple[Term, ...] = ()
    attributes: tuple[Attribute, ...] = ()
    contributors: tuple[Contributor, ...] = ()
    claims: tuple[Claim, ...] = ()
    relations: tuple[Relation, ...] = ()
    messages: tuple[Message, ...] = ()

    @property
    def node_count(self) -> int:
        """Number of nodes: terms, attributes, contributors and messages."""
        return len(self.terms) + len(self.attributes) + len(self.contributors) + len(self.messages)
