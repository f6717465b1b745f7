"""Mail as people keep it and as mailing lists publish it: an mbox or one ``.eml``, a
public-inbox mbox, a Mailman digest (plain, RFC 1153, or MIME) and a pipermail monthly
archive (``.txt``, its addresses written ``ann at example.org``).

Messages are grouped into threads by ``References`` and ``In-Reply-To``, then by
subject ("Re: [list] ..." answers the first message of that subject) when a message
has neither, as digests never do; each is ``message N`` of its thread, in date order
with a reply never before what it answers (a reply whose clock ran behind stays in its
thread). Quoted lines ("> ...", "Dave> ...", "| ...", an Outlook "From: ... Sent:" block)
with the "On ..., X wrote:" before them, the signature after "-- " and the list's footers
are not the sender's words and are left out.

>>> raw = (b"From a Mon Jan  1 00:00:00 2024\\nFrom: Ann <ann@example.org>\\nSubject: Soup\\n"
...        b"Message-ID: <1@x>\\n\\nSoup?\\n")
>>> [t] = read_mail(raw, "soup.mbox")[0]
>>> [(p.author, p.place, p.text) for p in t.posts]
[('Ann', 'message 1', 'Soup?')]
"""

from __future__ import annotations

import codecs
import email
import email.errors
import email.policy
import email.utils
import re
import warnings
from dataclasses import dataclass, field
from datetime import UTC
from email.errors import MessageError
from email.header import Header, decode_header, make_header
from email.message import Message
from email.utils import getaddresses, parsedate_to_datetime

from ..errors import ConceptGraphWarning, DatasetError, excerpt
from .clean import html_to_text, mail_text
from .thread import Left, Post, Thread, parents_first

__all__ = ["read_mail", "sniff_mbox", "sniff_digest", "sniff_pipermail"]



def _lost_from_lines(raw: bytes, file: str) -> list[bytes]:
    """``raw`` (one mail of an mbox), and the mails in its words whose "From " line was
    lost: a blank line, then a block of headers with From:, Date: and Message-ID: among
    them (a forwarded mail quoted in the words has no Message-ID; one attached as MIME
    is within a multipart mail, left whole). Said, naming the first found.

    >>> two = b"From: A\\nDate: 1\\nMessage-ID: <1@x>\\n\\nHi\\n\\nFrom: B\\nDate: 2\\nMessage-ID: <2@x>\\n\\nYo\\n"
    >>> import warnings
    >>> with warnings.catch_warnings(record=True):
    ...     [p.split(b"\\n")[0] for p in _lost_from_lines(two, "x.mbox")]
    [b'From: A', b'From: B']
    """
    head_end = raw.find(b"\n\n")
    if head_end < 0 or re.search(rb"(?mi)^content-type:\s*multipart", raw[:head_end]):
        return [raw]
    cuts = []
    for m in _HEADED.finditer(raw, head_end):
        block = raw[m.end():raw.find(b"\n\n", m.end())]
        if all(re.search(rb"(?mi)^" + name + rb":", block) for name in (b"from", b"date", b"message-id")):
            cuts.append(m.start())
    if not cuts:
        return [raw]
    first = re.search(rb"(?mi)^message-id:[ \t]*([^\n]{0,80})", raw[cuts[0]:])
    named = excerpt(first.group(1).decode("utf-8", "replace"), 60) if first else "no id"
    many = len(cuts) > 1
    warnings.warn(ConceptGraphWarning(
        f"{file}: {len(cuts)} mail{'s' if many else ''} in the words of the one before, {'their' if many else 'its'} "
        f"\"From \" line lost ({named}{', ...' if many else ''}): read as {'mails' if many else 'a mail'} of "
        f"{'their' if many else 'its'} own"), stacklevel=2)
    return [raw[a:b].strip(b"\n") + b"\n" for a, b in zip([0, *cuts], [*cuts, len(raw)])]


# A From_ line: "From " and, somewhere on the line, a time ("Mon Jan  4 07:07:28 2016").
_FROM_LINE = rb"From [^\n]*?\d{1,2}:\d\d[^\n]*\n"
# pipermail writes "From ann at example.org  Mon Jan  4 07:07:28 2016".
_PIPERMAIL = re.compile(rb"From \S+ at \S+ +\w{3} \w{3} +\d")
_DIGEST = re.compile(rb"(?m)^Today's Topics:\s*$")


def sniff_mbox(head: bytes) -> bool:
    start = head.lstrip()[:2000]
    if start.startswith(b"From ") or (b"\nMessage-ID:" in start or start.startswith(b"Message-ID:")) and (
            b"\nFrom:" in start or start.startswith(b"From:")):
        return True
    # one mail saved as text: a block of headers, "From:" and "Subject:" or "Date:" among them, then a blank line
    block = _HEADERS.match(start)
    return block is not None and re.search(rb"(?mi)^from:", block.group()) is not None \
        and re.search(rb"(?mi)^(?:subject|date|sent):", block.group()) is not None


_HEADERS = re.compile(rb"(?:[A-Za-z][\w-]{0,40}:[^\n]*\n(?:[ \t][^\n]*\n)*){3,}\r?\n")
# ... and such a block after a blank line, in the words of the mail before it (which of them
# are a mail's own headers, _lost_from_lines says)
_HEADED = re.compile(rb"\n\r?\n(?=" + _HEADERS.pattern + rb")")


def sniff_digest(head: bytes) -> bool:
    """A Mailman digest: its table of contents ("Today's Topics:") near the top."""
    return bool(_DIGEST.search(head)) and (b"Digest" in head or b"\nMessage: 1" in head)


def sniff_pipermail(head: bytes) -> bool:
    return bool(_PIPERMAIL.match(head.lstrip()))


def _split_mbox(data: bytes) -> list[bytes]:
    """The messages of an mbox (or the one message of an .eml), ">From " unescaped
    (one ">" less, as mboxrd and public-inbox write it).

    >>> two = b"From a Mon Jan  1 00:00:00 2024\\nFrom: A\\n\\nHi\\nFrom b Mon Jan  1 01:00:00 2024\\nFrom: B\\n\\nYo\\n"
    >>> len(_split_mbox(two))
    2
    """
    if not re.match(_FROM_LINE, data):
        return [data]
    pieces = re.split(rb"(?:^|\n)(" + _FROM_LINE + rb")", data)
    out = []
    for envelope, part in zip(pieces[1::2], pieces[2::2]):
        if not part.strip():
            continue
        part = re.sub(rb"(?m)^>(>*From )", rb"\1", part)
        head = part.split(b"\n\n", 1)[0]
        sender = re.match(rb"From (\S+@\S+) ", envelope)
        if sender and not re.search(rb"(?mi)^from:", head):
            # a mail whose From: header is lost: its "From " line still says whose it is
            part = b"From: " + sender.group(1) + b"\n" + part
        out.append(part)
    return out


# An obfuscated address, as pipermail writes them: "ann at example.org".
_AT = re.compile(r"(?<![\w.+-])([\w.+-]+) at ([\w-]+(?:\.[\w-]+)+)")


def _header(msg: Message, name: str) -> str:
    """A header's value with encoded words (``=?utf-8?q?...?=``) decoded, on one line."""
    value = msg.get(name)
    if value is None:
        return ""
    if isinstance(value, Header):
        # bytes sent unencoded ("From: Katarzyna Wiśniewska" in raw UTF-8), which the parser keeps
        # as "unknown-8bit": read as UTF-8, else as Windows-1252; encoded words beside them decoded
        parts = decode_header(value)
        text = "".join(_decode(b, None if cs in (None, "unknown-8bit") else cs) if isinstance(b, bytes) else b
                       for b, cs in parts)
        return " ".join(text.split())
    if isinstance(value, str) and "=?" not in value:  # nothing encoded: the common case, read as it is
        return " ".join(value.split())
    try:
        text = str(make_header(decode_header(str(value))))
    except (LookupError, ValueError, MessageError):  # an unknown or unusable charset (=?éutf-8?...), a bad encoded word
        text = str(value)
    return " ".join(text.split())


def _decode(data: bytes, charset: str | None) -> str:
    """``data`` in its declared charset when that is a text encoding that can be read
    leniently; else UTF-8 (``idna``, ``undefined``, ``rot13``... are not). A part said
    to be UTF-8 or ASCII that is not (a client that wrote Latin-1 and labelled it
    otherwise, a common fault) is read as Windows-1252, Latin-1's superset, so that
    "Kleine-König" keeps its "ö".

    >>> _decode("König".encode("latin-1"), "utf-8"), _decode("König".encode(), "utf-8")
    ('König', 'König')
    >>> _decode("naïve König ".encode() + bytes([0xe2, 0x80]), "utf-8")  # one bad byte spoils nothing else
    'naïve König â€'
    """
    try:
        codec = codecs.lookup(charset) if charset else None
        if codec is not None and codec._is_text_encoding and codec.name not in ("utf-8", "ascii"):
            return data.decode(codec.name, "replace")
    except (LookupError, UnicodeError, ValueError):
        pass
    return data.decode("utf-8", _LATIN)  # only the bytes that are no UTF-8 are read as Windows-1252


def _as_cp1252(e: UnicodeError) -> tuple[str, int]:
    if not isinstance(e, UnicodeDecodeError):
        raise e
    return e.object[e.start:e.end].decode("cp1252", "replace"), e.end


_LATIN = "conceptgraph-cp1252"
codecs.register_error(_LATIN, _as_cp1252)


_MAX_DEPTH = 50  # MIME nesting read; deeper parts are not anyone's words


def _parts(msg: Message) -> list[Message]:
    """The leaf parts of ``msg`` in order, not inside attached messages, iteratively."""
    out: list[Message] = []
    stack = [(msg, 0)]
    while stack:
        part, depth = stack.pop()
        if part.is_multipart():
            payload = part.get_payload()
            if depth < _MAX_DEPTH and isinstance(payload, list) and part.get_content_maintype() != "message":
                stack.extend((p, depth + 1) for p in reversed(payload) if isinstance(p, Message))
        else:
            out.append(part)
    return out


def _body(msg: Message) -> str:
    """The sender's own words: the first plain-text part (else the HTML one), decoded."""
    html_part = None
    for part in _parts(msg):
        if part.get_filename():
            continue
        kind = part.get_content_type()
        if kind == "text/plain" or (kind == "text/html" and html_part is None):
            payload = part.get_payload(decode=True)
            text = _decode(payload if isinstance(payload, bytes) else b"", part.get_content_charset())
            if kind == "text/plain":
                if str(part.get_param("format", "")).lower() == "flowed":
                    return unflowed(text, str(part.get_param("delsp", "")).lower() == "yes")
                return text
            html_part = text
    return html_to_text(html_part) if html_part is not None else ""


def unflowed(text: str, delsp: bool = False) -> str:
    """A ``format=flowed`` text (RFC 3676) as its writer typed it: a line that ends in a
    space was broken there by their mail program, and goes on in the next line of the same
    quote depth ("> "); a space that opens a line was added to stuff it, and goes;
    ``delsp`` (DelSp=yes) drops the space the break was made at. The signature line, "-- ",
    ends no paragraph of its own words.

    >>> unflowed("doing exactly what the \\nrule book requires.\\n-- \\nRuth")
    'doing exactly what the rule book requires.\\n-- \\nRuth'
    >>> unflowed("> a quoted line \\n> goes on\\n and a stuffed one")
    '> a quoted line goes on\\nand a stuffed one'
    """
    out: list[str] = []
    joining = False
    for raw in text.replace("\r\n", "\n").split("\n"):
        depth = len(raw) - len(raw.lstrip(">"))
        line = raw[depth:]
        line = line[1:] if line.startswith(" ") else line  # space-stuffed (or after the quote marks)
        if joining and out and _depth(out[-1]) == depth:
            out[-1] += line
        else:
            out.append(">" * depth + (" " if depth and line else "") + line)
        joining = line.endswith(" ") and line != "-- "
        if joining and delsp:
            out[-1] = out[-1][:-1]
    return "\n".join(out)


def _depth(line: str) -> int:
    return len(line) - len(line.lstrip(">"))


# "Re:", "AW:", "Fwd:" (and "Re[2]:") and "[list-name]" tags before a subject.
_RE = re.compile(r"^(?:\s*(?:(?:re|aw|sv|fwd?|wg)(?:\[\d+\])?[ \t]*:|\[[^\[\]\n]{1,60}\]))+\s*", re.I)
# ... of which these say that it answers another ("[list] Re: ...", "AW: ...")
_REPLY = re.compile(r"^(?:\s*\[[^\[\]\n]{1,60}\])*\s*(?:re|aw|sv)(?:\[\d+\])?[ \t]*:", re.I)


@dataclass
class _Mail:
    key: str
    id: str
    refs: list[str]
    subject: str
    name: str
    account: str
    when: float | None
    day: str
    text: str
    parent: str | None = None
    quotes: list[str] = field(default_factory=list)
    #: whether its subject says it answers another ("Re: ...")
    answers: bool = False


def _when(msg: Message) -> tuple[float | None, str]:
    try:
        moment = parsedate_to_datetime(_header(msg, "Date"))
        # the day in UTC, as every other export's: a reply is never dated before what it answers
        day = moment.astimezone(UTC) if moment.tzinfo is not None else moment
        return moment.timestamp(), day.date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError, OSError):
        return None, ""


def _sender(msg: Message, obfuscated: bool) -> tuple[str, str]:
    """(name, address) of the sender; pipermail's "ann at example.org (Ann Lee)" too."""
    field = _header(msg, "From")
    if obfuscated:
        field = _AT.sub(r"\1@\2", field)
    try:
        addresses = getaddresses([field])
    except (ValueError, IndexError, TypeError):
        addresses = []
    name, address = addresses[0] if addresses else ("", "")
    if not name or "@" in name:  # "(ann@example.org)": the address again, not a name
        name = address.split("@")[0] if "@" in address else name.split("@")[0]
    turned = _SURNAME_FIRST.fullmatch(name.strip())
    if turned:  # Outlook's "Nguyen, Rob" is Rob Nguyen, as he signs
        name = f"{turned.group('given')} {turned.group('family')}"
    return name.strip(), address.casefold()


# "Family, Given" as company directories write a sender ("Nguyen, Rob", "van Dijk, Anna M."),
# not "Smith, Jr." nor "Lee, PhD"
_SURNAME_FIRST = re.compile(r"(?P<family>(?:[a-z]+ )?[^\W\d_][\w'’-]*),\s+"
                            r"(?!(?:jr|sr|ii|iii|iv|phd|md|esq|inc|ltd|llc|gmbh|corp|co)\b\.?)"
                            r"(?P<given>[^\W\d_][\w'’-]*(?: [^\W\d_]\.?)?)", re.I)


def _mail(msg: Message, key: str, file: str, obfuscated: bool, left: Left) -> _Mail | None:
    if not (msg["From"] or msg["Message-ID"]):
        return None
    refs = re.findall(r"<[^<>\s]+>", _header(msg, "References")) + re.findall(r"<[^<>\s]+>", _header(msg, "In-Reply-To"))
    name, account = _sender(msg, obfuscated)
    when, day = _when(msg)
    text = _body(msg)
    if obfuscated:
        text = _AT.sub(r"\1@\2", text)  # an address, so that it is never written
    quotes: list[str] = []
    return _Mail(key=key, id=_header(msg, "Message-ID") or key, refs=refs, subject=_RE.sub("", _header(msg, "Subject")),
                 name=name, account=account, when=when, day=day, text=mail_text(text, left, sender=name, quotes=quotes),
                 quotes=quotes, answers=bool(_REPLY.match(_header(msg, "Subject"))))


# RFC 1153: the table of contents ends at a line of 70 dashes, each message at one of 30.
_DIGEST_SPLIT = re.compile(r"\n-{30}\n|\n-{70}\n")
_DIGEST_MESSAGE = re.compile(r"\s*Message: *\d+\s*\n")


def _digest(msg: Message) -> list[Message] | None:
    """The messages of a digest: the parts of a MIME digest, or the messages of a plain
    (RFC 1153) one; None for a message that is not a digest."""
    inner = _parts_with_messages(msg)
    if inner:
        return inner
    if msg.is_multipart():
        return None
    payload = msg.get_payload(decode=True)
    text = _decode(payload if isinstance(payload, bytes) else b"", msg.get_content_charset())
    if not re.search(r"(?m)^Today's Topics:\s*$", text) or not _DIGEST_MESSAGE.search(text):
        return None
    chunks: list[str] = []
    for chunk in _DIGEST_SPLIT.split(text.replace("\r\n", "\n")):
        if _DIGEST_MESSAGE.match(chunk):
            chunks.append(_DIGEST_MESSAGE.sub("", chunk, count=1))
        elif chunks and not chunk.lstrip().startswith(("Subject: Digest Footer", "End of ")):
            chunks[-1] += "\n" + "-" * 30 + "\n" + chunk  # a line of dashes inside a message
    return [email.message_from_string(c, policy=email.policy.compat32) for c in chunks]


def _a_digest(raw: bytes) -> bool:
    """Whether the mail ``raw`` is a digest (:func:`_digest`), looked at closely only
    when its words name a digest's table of contents or a MIME digest."""
    return (b"Today's Topics:" in raw or b"multipart/digest" in raw) \
        and _digest(email.message_from_bytes(raw, policy=email.policy.compat32)) is not None


def _parts_with_messages(msg: Message) -> list[Message]:
    """The messages a MIME digest carries (``message/rfc822`` parts of a
    ``multipart/digest``)."""
    out: list[Message] = []
    stack = [(msg, 0)]
    while stack:
        part, depth = stack.pop()
        if not part.is_multipart() or depth >= _MAX_DEPTH:
            continue
        payload = part.get_payload()
        if not isinstance(payload, list):
            continue
        if part.get_content_type() == "multipart/digest":
            for p in payload:
                inner = p.get_payload() if isinstance(p, Message) and p.get_content_type() == "message/rfc822" else None
                if isinstance(inner, list) and inner and isinstance(inner[0], Message):
                    out.append(inner[0])
        elif part.get_content_maintype() != "message":
            stack.extend((p, depth + 1) for p in reversed(payload) if isinstance(p, Message))
    return out


def _automatic(msg: Message) -> bool:
    """Whether a mail says it was sent by a program, not a person (RFC 3834's
    ``Auto-Submitted``, the headers auto-responders set, or a sender no one reads:
    "noreply-jira@", "do-not-reply@", "mailer-daemon@")."""
    auto = str(msg.get("Auto-Submitted") or "").strip().lower()
    sender = email.utils.parseaddr(str(msg.get("From") or ""))[1]
    return (bool(auto) and not auto.startswith("no")) or any(msg.get(h) for h in ("X-Autoreply", "X-Autorespond")) \
        or bool(_NO_ONE.match(sender))


# the part before "@" of a sender no one answers: a tracker's or a mail server's
_NO_ONE = re.compile(r"(?:no-?reply|do-?not-?reply|donotreply|mailer-daemon)(?![a-z])", re.I)


def _messages(data: bytes, file: str, left: Left) -> list[_Mail]:
    obfuscated = sniff_pipermail(data[:4096])
    mails: list[_Mail] = []
    parts = _split_mbox(data)
    if len(parts) > 1 or re.match(_FROM_LINE, data):  # an mbox: a mail in it may have lost its "From " line
        # (but a digest saved as a mail holds its messages' headers in its words: read as a digest)
        parts = [piece for whole in parts for piece in ([whole] if _a_digest(whole) else _lost_from_lines(whole, file))]
    for raw in parts:
        try:
            # compat32 parses ten times faster than the modern policy; headers are decoded here.
            msg = email.message_from_bytes(raw, policy=email.policy.compat32)
            if b"\n\n" not in raw.replace(b"\r\n", b"\n").rstrip(b"\n") + b"\n" \
                    and any(isinstance(d, email.errors.MissingHeaderBodySeparatorDefect) for d in msg.defects):
                # cut in its headers (the file ends there): what is left of a header is no one's words
                left["mails whose headers were cut short (no words)"] += 1
                continue
            inner = _digest(msg)
            for m in inner if inner is not None else [msg]:
                if _automatic(m):
                    left["automatic replies"] += 1  # a vacation notice, a moderation bounce: no one's words
                    continue
                found = _mail(m, f"<{len(mails) + 1}@{file}>", file, obfuscated, left)
                if found is None:
                    left["not a message"] += 1
                else:
                    mails.append(found)
        except RecursionError:
            left["unreadable (nested too deeply)"] += 1
    return mails


def read_mail(data: bytes, file: str) -> tuple[list[Thread], Left]:
    """The threads of the mail in ``data`` (an mbox, one message, a digest or a
    pipermail archive), and what was left out."""
    left = Left()
    mails = _messages(data, file, left)
    if len(mails) > 1 and re.match(_FROM_LINE, data) and not data.rstrip(b" \t").endswith(b"\n"):
        # an mbox ends each mail with a line break; its last words with none, it may be cut short
        lines = data.count(b"\n") + 1
        last = data.rstrip().rsplit(b"\n", 1)[-1].decode("utf-8", "replace")[-30:]
        warnings.warn(ConceptGraphWarning(
            f"{file}:{lines}: the file ends in the middle of a line (\"...{excerpt(last, 30)}\", no line break after "
            "it): if it was cut short, the last mail is incomplete"), stacklevel=2)
    if not mails:
        why = ", ".join(f"{n} {k}" for k, n in left.items())
        raise DatasetError(f"no mail message in this file{f' ({why})' if why else ''}", file)
    mails.sort(key=lambda m: (m.when is None, m.when or 0.0))
    # a sender named by their address alone in one mail (its From: header lost, or bare) is
    # the name their other mails give them
    named = {m.account: m.name for m in mails if m.account and m.name and m.name.casefold() != m.account.split("@")[0]}
    for m in mails:
        if m.account in named and m.name.casefold() == m.account.split("@")[0]:
            m.name = named[m.account]
    by_id: dict[str, _Mail] = {}
    kept: list[_Mail] = []
    for m in mails:  # a Message-ID seen twice: the first keeps it
        if m.id in by_id:
            first = by_id[m.id]
            if (first.account, " ".join(first.text.split())) == (m.account, " ".join(m.text.split())):
                continue  # one mail, cross-posted to two lists or saved twice: read once
            m.id = m.key
        by_id[m.id] = m
        kept.append(m)
    if len(kept) < len(mails):
        left["copies of one mail (its Message-ID again: cross-posted, or saved twice)"] += len(mails) - len(kept)
    mails = kept
    # the mail each answers by its headers (References, In-Reply-To), where they name one here
    headed = [next((by_id[r] for r in reversed(m.refs) if r in by_id and r != m.id), None) for m in mails]
    # the first of a subject that answers no one ("Re:" aside), where its sender's clock put it
    # after a reply to it: the thread's first all the same (a digest has nothing else to say so)
    opens: dict[str, _Mail] = {}
    for m, up in zip(mails, headed):
        if up is None and not m.answers and m.subject:
            opens.setdefault(m.subject, m)
    of_subject: dict[str, list[_Mail]] = {}
    for m, parent in zip(mails, headed):
        earlier = of_subject.setdefault(m.subject, [])
        if parent is None and m.subject and m.quotes:  # no headers of its thread (a digest): the mail it quotes
            parent = _quoted_in(m.quotes, earlier[-_QUOTED_AMONG:])
        if parent is None and m.subject and m is not opens.get(m.subject):  # else by its subject
            parent = opens.get(m.subject) or (earlier[0] if earlier else None)
        earlier.append(m)
        m.parent = parent.id if parent is not None else None
    threads: dict[str, Thread] = {}
    for m in mails:
        root = _root(m, by_id)
        if root.id not in threads:
            threads[root.id] = Thread(key=root.id, title=root.subject, author=root.name, date=root.day)
        threads[root.id].posts.append(Post(key=m.id, author=m.name, text=m.text, account=m.account, parent=m.parent,
                                           root=m is root, date=m.day, title=m.subject if m is root else "",
                                           quotes=m.quotes))
    for thread in threads.values():
        thread.posts = parents_first(thread.posts, in_order=True)  # a reply dated before its parent: after it
        for n, post in enumerate(thread.posts, 1):
            post.place = f"message {n}"
    return list(threads.values()), left


#: How many of the latest mails of its subject a reply that no header threads may quote
#: (a reply quotes what was said lately; an mbox of thousands on one subject stays linear)
_QUOTED_AMONG = 50


def _quoted_in(quotes: list[str], earlier: list[_Mail]) -> _Mail | None:
    """The latest of ``earlier`` whose words hold a line of ``quotes`` (one of twenty
    characters or more, spaces aside): the mail a reply quotes, where no header names it.

    >>> a = _Mail("a", "a", [], "s", "Ann", "", None, "", "Main is clearer for newcomers.")
    >>> b = _Mail("b", "b", [], "s", "Bo", "", None, "", "Scripts hard-code master everywhere.")
    >>> _quoted_in(["Main is clearer for\\nnewcomers."], [a, b]).name, _quoted_in(["Yes."], [a, b])
    ('Ann', None)
    """
    lines = [" ".join(line.split()) for q in quotes for line in q.split("\n")]
    lines = [line for line in lines if len(line) >= 20] or [" ".join(q.split()) for q in quotes if len(q) >= 20]
    for e in reversed(earlier):
        words = " ".join(e.text.split())
        if any(line in words for line in lines):
            return e
    return None


def _root(m: _Mail, by_id: dict[str, _Mail]) -> _Mail:
    """The first message of ``m``'s thread; a loop of replies is cut where it closes."""
    seen = {m.id}
    while m.parent is not None:
        up = by_id[m.parent]
        if up.id in seen:
            m.parent = None
            break
        seen.add(up.id)
        m = up
    return m

