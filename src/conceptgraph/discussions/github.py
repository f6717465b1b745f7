"""GitHub issues, pull requests and discussions, as the API and ``gh`` give them.

Read as published: the REST API's issue or pull request (``gh api
repos/OWNER/REPO/issues/N``), its comments (``.../issues/N/comments``), a pull
request's reviews and review comments (``.../pulls/N/reviews``, ``.../pulls/N/comments``),
several of these saved one after the other (``cat`` them, or ``gh api --paginate``) or
given as several files (``conceptgraph import issue.json comments.json``: one issue's,
so a file of another issue is refused);
a GraphQL answer (``{"data": {"repository": {"issue" | "pullRequest" | "discussion":
...}}}``, with ``comments``, ``reviews``, ``reviewThreads``, a discussion's ``replies``
and ``answer``); and ``gh issue view N --json ...`` / ``gh pr view N --json ...``.

Places: ``issue`` (``pull request``, ``discussion``), ``comment N``, ``reply K to
comment N`` (a discussion's replies), ``review N`` (with its verdict: ``review 2
(approved)``), ``review comment on src/app.py line 12`` and the replies to it. Reactions
are kept as a score (👍 minus 👎), a discussion's chosen answer as accepted. Bots are
left out (``--include-bots`` keeps them), so are minimized comments (spam, off-topic)
and reviews with no words; a deleted account ("ghost") is a person of its own. Quoted
``>`` lines are the quoted person's, not the quoter's; an issue's comments are flat, so
a comment that quotes an earlier one is a reply to it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import DatasetError, excerpt
from ..formats.common import load_documents
from .clean import QUOTED_LINES, html_to_text, markdown_to_text, passages, quoted_post
from .thread import Left, Post, Thread

__all__ = ["read_github", "sniff_github"]

# A comment of the REST API names its own address ("url": ".../repos/..."), even in
# the old records that have no html_url.
_KEYS = (b'"author_association"', b'"authorAssociation"', b'"html_url": "https://github.com/',
         b'"html_url":"https://github.com/', b'"reactionGroups"', b'"url":"https://api.github.com/repos/',
         b'"url": "https://api.github.com/repos/')
_GRAPHQL = re.compile(rb'^\s*\{\s*"data"\s*:\s*\{\s*"(repository|node)"\s*:')


def sniff_github(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return start[:1] in (b"{", b"[") and (any(k in head for k in _KEYS) or bool(_GRAPHQL.match(start)))


def _get(obj: dict[str, Any], *names: str) -> Any:
    for n in names:
        if obj.get(n) is not None:
            return obj[n]
    return None


def _nodes(value: Any) -> list[dict[str, Any]]:
    """A GraphQL connection (``nodes`` or ``edges``), or a plain list, as a list."""
    if isinstance(value, dict):
        if isinstance(value.get("nodes"), list):
            value = value["nodes"]
        elif isinstance(value.get("edges"), list):
            value = [e.get("node") for e in value["edges"] if isinstance(e, dict)]
    return [x for x in value if isinstance(x, dict)] if isinstance(value, list) else []


@dataclass
class _Item:
    """One message found, before places are given."""

    kind: str  # root, comment, reply, review, review comment
    key: str
    login: str
    bot: bool
    when: str
    text: str
    score: int | None
    parent: str = ""
    place: str = ""
    accepted: bool = False
    hidden: bool = False
    extra: dict[str, Any] = field(default_factory=dict)
    quoted: int = 0  # lines quoted from others, left out of its text
    url: str = ""  # its address on github.com
    name: str = ""  # the name its author shows, where the export gives it (gh's --json, GraphQL)
    quotes: list[str] = field(default_factory=list)  # the passages it quotes ("> ..."), to find whom it answers
    edited: str = ""  # the day its words were last changed (GraphQL's lastEditedAt), or "yes" (gh's includesCreatedEdit)
    issue: str = ""  # the issue it is on ("owner/repo#12"), where it names it


# An issue's, pull request's or discussion's own address, on github.com or the API, or
# the address of something on it (a comment's "#issuecomment-5"); not a comment's own
# API address (".../issues/comments/5"), which names no issue
_ISSUE = re.compile(r"https://(?:api\.github\.com/repos/|github\.com/)([^/\s#?]+/[^/\s#?]+)/"
                    r"(?:issues|pulls?|discussions)/(\d+)(?![\w/])", re.I)


def _issue(*urls: Any) -> str:
    """The issue the first of ``urls`` that names one is of, as GitHub writes it.

    >>> _issue("https://api.github.com/repos/o/r/issues/comments/5", "https://github.com/o/r/pull/31#issuecomment-5")
    'o/r#31'
    """
    for url in urls:
        m = _ISSUE.match(url) if isinstance(url, str) else None
        if m:
            return f"{m.group(1)}#{m.group(2)}"
    return ""


def _issue_of(obj: dict[str, Any]) -> str:
    """The issue an object is, or is on (a comment's ``issue_url``, a review's
    ``pull_request_url``), where it says so."""
    found = _issue(*(obj.get(k) for k in ("issue_url", "pull_request_url", "url", "html_url")))
    repo = obj.get("repository_url")
    if not found and isinstance(repo, str) and isinstance(obj.get("number"), int) and not obj.get("issue_url"):
        found = _issue(f"{repo}/issues/{obj['number']}")
    return found


def _author(obj: dict[str, Any]) -> tuple[str, bool]:
    who = _get(obj, "user", "author")
    if not isinstance(who, dict):
        return "", False
    login = str(who.get("login") or "")
    bot = who.get("type") == "Bot" or who.get("__typename") == "Bot" or who.get("is_bot") is True \
        or login.endswith("[bot]") or _BOT_LOGIN.search(login) is not None or login.casefold() in _APPS
    return login, bot


# A bot's login where the export says nothing more of the account: `gh ... --json` gives an
# author's login alone, and GitHub Apps comment there without their "[bot]" ("github-actions")
_BOT_LOGIN = re.compile(r"[-_](?:bot|robot)$", re.I)
_APPS = frozenset("""github-actions dependabot dependabot-preview renovate stale codecov codecov-commenter netlify
vercel allcontributors mergify sonarcloud sonarqubecloud coveralls welcome changeset-bot pre-commit-ci gitguardian
snyk-bot lgtm-com azure-pipelines googlebot google-cla cla-assistant claassistantio linux-foundation-easycla
k8s-ci-robot k8s-triage-robot openshift-ci openshift-ci-robot codesandbox copilot coderabbitai sourcery-ai
github-advanced-security deepsource-autofix imgbot restyled-io boring-cyborg rust-highfive rustbot bors
msftbot""".split())


def _score(obj: dict[str, Any]) -> int | None:
    rest = obj.get("reactions")
    if isinstance(rest, dict) and ("+1" in rest or "-1" in rest):
        return int(rest.get("+1") or 0) - int(rest.get("-1") or 0)
    groups = obj.get("reactionGroups")
    if isinstance(groups, list):
        count = {str(g.get("content")): _count(g) for g in groups if isinstance(g, dict)}
        return count.get("THUMBS_UP", 0) - count.get("THUMBS_DOWN", 0)
    return None


def _count(group: dict[str, Any]) -> int:
    for name in ("users", "reactors"):
        inner = group.get(name)
        if isinstance(inner, dict) and isinstance(inner.get("totalCount"), int):
            return int(inner["totalCount"])
    return 0


def _text(obj: dict[str, Any], left: Counter[str] | None = None, quotes: list[str] | None = None) -> str:
    body = obj.get("body")
    if isinstance(body, str):
        return markdown_to_text(body, left, quotes=quotes)
    if isinstance(obj.get("bodyHTML"), str):
        return html_to_text(obj["bodyHTML"], left, quotes)
    return str(obj.get("bodyText") or "")


def _has_text(obj: dict[str, Any]) -> bool:
    return any(isinstance(obj.get(k), str) for k in ("body", "bodyHTML", "bodyText"))


def _item(kind: str, obj: dict[str, Any], fallback: str) -> _Item:
    login, bot = _author(obj)
    key = str(_get(obj, "id", "node_id", "databaseId") or fallback)
    when = str(_get(obj, "created_at", "createdAt", "submitted_at", "submittedAt", "publishedAt") or "")
    hidden = obj.get("isMinimized") is True or obj.get("minimized") is True
    quoted: Counter[str] = Counter()
    quotes: list[str] = []
    url = str(obj.get("html_url") or obj.get("url") or "")
    who = _get(obj, "user", "author")
    name = str(who.get("name") or "").strip() if isinstance(who, dict) and isinstance(who.get("name"), str) else ""
    return _Item(kind, key, login, bot, when, _text(obj, quoted, quotes), _score(obj), hidden=hidden,
                 accepted=obj.get("isAnswer") is True, quoted=sum(quoted.values()),
                 url=url if url.startswith("https://github.com/") else "", quotes=quotes, name=name,
                 # (gh --json says only that the words were changed: "includesCreatedEdit")
                 edited=str(obj.get("lastEditedAt") or "")[:10] or ("yes" if obj.get("includesCreatedEdit") is True else ""),
                 issue=_issue_of(obj))


def _line(obj: dict[str, Any]) -> str:
    """Where in the file a review comment points: "src/app.py line 12", "lines 3-5"."""
    path = str(obj.get("path") or "")
    end = _get(obj, "line", "original_line", "originalLine")
    start = _get(obj, "start_line", "original_start_line", "startLine", "originalStartLine")
    if end is None:
        return path
    lines = f"lines {start}-{end}" if start is not None and start != end else f"line {end}"
    return f"{path} {lines}" if path else lines


class _Found:
    """What one file holds, gathered from however many documents it has."""

    def __init__(self) -> None:
        self.root: dict[str, Any] | None = None
        self.kind = "issue"
        self.items: list[_Item] = []
        self.seen: set[str] = set()
        self.left = Left()
        self.file = ""  # the file being read
        # the first thing of each issue in each file, as said ("comments of o/r#4"), and whether it is the issue
        self.named: dict[tuple[str, str], tuple[str, bool]] = {}

    def name(self, issue: str, what: str, itself: bool = False) -> None:
        if issue:
            self.named.setdefault((issue.casefold(), self.file), (f"{what} {issue}", itself))

    def add(self, item: _Item) -> _Item:
        self.name(item.issue, "reviews of" if item.kind == "review" else "comments of")
        if item.key not in self.seen:
            self.seen.add(item.key)
            self.items.append(item)
        return item

    def take_root(self, obj: dict[str, Any], kind: str) -> None:
        self.name(_issue_of(obj), f"the {kind}", itself=True)
        if self.root is None or len(obj) > len(self.root):
            self.root, self.kind = obj, kind
        self.take_children(obj)

    def one_issue(self, data: dict[str, bytes]) -> None:
        """Refuse files of two issues given as one thread, naming the file and both.

        Refused rather than read as a thread each: files given together are read as one
        issue, so one of another issue among them is far likelier the wrong file than a
        wish, and two threads would set one issue's comments, without their opening
        post, beside the other's with nothing in the summary but "2 threads"; a thread
        merged from both would have its people answer what they never read."""
        named = sorted(self.named.items(), key=lambda n: not n[1][1])  # the issue itself first, where given
        if not named:
            return
        (issue, file), (first, _) = named[0]
        for (other, there), (said, _) in named[1:]:
            if other != issue:
                where = "it also holds" if there == file else f"{file} is"
                raise DatasetError(f"{said}, but {where} {first}: files imported together are one issue's thread "
                                   "(import each issue with its own comments)", there,
                                   _line_of(data.get(there, b""), said.rsplit(" ", 1)[-1]))

    def take_children(self, obj: dict[str, Any]) -> None:
        answer = obj.get("answer")
        if isinstance(answer, dict) and _has_text(answer):  # a discussion's chosen answer, given whole
            self.add(_item("comment", answer, "answer")).accepted = True
        for n, c in enumerate(_nodes(obj.get("comments"))):
            if not _has_text(c):
                if str(_get(c, "id", "node_id", "databaseId")) not in self.seen:
                    self.left["comments given without their text"] += 1
                continue
            item = self.add(_item("comment", c, f"comment-{n}"))
            for k, r in enumerate(_nodes(c.get("replies"))):
                reply = self.add(_item("reply", r, f"{item.key}-reply-{k}"))
                reply.parent = item.key
        for n, r in enumerate(_nodes(obj.get("reviews"))):
            review = self.add(_item("review", r, f"review-{n}"))
            review.extra["state"] = str(r.get("state") or "")
            for k, c in enumerate(_nodes(r.get("comments"))):
                self.review_comment(c, f"{review.key}-{k}")
        for n, t in enumerate(_nodes(obj.get("reviewThreads"))):
            first = ""
            for k, c in enumerate(_nodes(t.get("comments"))):
                where = {**t, **{key: v for key, v in c.items() if v is not None}}
                item = self.review_comment(where, f"thread-{n}-{k}")
                if first and not item.parent:
                    item.parent = first
                first = first or item.key

    def review_comment(self, c: dict[str, Any], fallback: str) -> _Item:
        item = self.add(_item("review comment", c, fallback))
        item.extra["line"] = _line(c)
        reply = _get(c, "in_reply_to_id", "replyTo")
        if isinstance(reply, dict):
            reply = _get(reply, "id", "databaseId")
        if reply is not None:
            item.parent = str(reply)
        for alias in ("id", "node_id", "databaseId"):  # replies may name their parent by either id
            if c.get(alias) is not None:
                item.extra.setdefault("aliases", set()).add(str(c[alias]))
        return item

    def take(self, obj: dict[str, Any]) -> None:
        """Sort one object into the thread: the issue itself, or something in it."""
        data = obj.get("data")
        if isinstance(data, dict):
            repo = data.get("repository")
            holder = repo if isinstance(repo, dict) else data
            for name, kind in (("issue", "issue"), ("pullRequest", "pull request"), ("discussion", "discussion"),
                               ("node", "")):
                node = holder.get(name) if isinstance(holder, dict) else None
                if isinstance(node, dict):
                    kind = kind or _node_kind(node)
                    if "title" in node or "body" in node or "author" in node:
                        self.take_root(node, kind)
                    else:
                        self.take_children(node)
            return
        if "diff_hunk" in obj or "pull_request_review_id" in obj:
            self.review_comment(obj, f"review-comment-{len(self.items)}")
        elif "submitted_at" in obj or ("state" in obj and "pull_request_url" in obj):
            review = self.add(_item("review", obj, f"review-{len(self.items)}"))
            review.extra["state"] = str(obj.get("state") or "")
        elif "title" not in obj and "number" not in obj and ("issue_url" in obj or _has_text(obj) and (
                "user" in obj or "author" in obj)):
            self.add(_item("comment", obj, f"comment-{len(self.items)}"))
        elif "title" in obj or "number" in obj:
            url = str(_get(obj, "html_url", "url") or "")
            kind = "pull request" if "/pull/" in url or "pull_request" in obj or "head" in obj or "headRefName" in obj \
                else "discussion" if "/discussions/" in url else "issue"
            self.take_root(obj, kind)
        elif isinstance(obj.get("comments"), list) or isinstance(obj.get("reviews"), list):
            self.take_children(obj)  # `gh issue view N --json comments`: the comments, without the issue


def _line_of(data: bytes, issue: str) -> int | None:
    """The line of ``data`` where an address of ``issue`` ("o/r#12") first stands."""
    repo, _, number = issue.partition("#")
    m = re.search(rb"/" + re.escape(repo.encode()) + rb"/(?:issues|pulls?|discussions)/" + number.encode() +
                  rb"(?![\w/])", data, re.I)
    return data[:m.start()].count(b"\n") + 1 if m else None


def _node_kind(node: dict[str, Any]) -> str:
    return {"PullRequest": "pull request", "Discussion": "discussion"}.get(str(node.get("__typename")), "issue")


def _objects(doc: Any) -> Iterator[dict[str, Any]]:
    if isinstance(doc, dict):
        yield doc
    elif isinstance(doc, list):
        for x in doc:
            yield from _objects(x)


# A list item's marker at a line's start ("- ", "* ", "1. ", a task's "- [x] "): a quote
# of one item may keep it or not
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?", re.M)


def _as_said(quotes: list[str]) -> list[str]:
    """Each quoted passage (Markdown, as written after its ``>``) as it stands in the
    words of the comment it quotes, list markers aside (those words are plain text, and
    a quote keeps its emphasis and bullets or not, as its writer copied it), after the
    passage as written.

    >>> _as_said(["- **legacy**: still works", "plain words"])
    ['**legacy**: still works', 'legacy: still works', 'plain words']
    """
    out: list[str] = []
    for quote in quotes:
        listed = _LIST_ITEM.sub("", quote)
        out += dict.fromkeys((listed, " ".join(markdown_to_text(listed, entities=False).split())))
    return out


_VERDICT = {"APPROVED": "approved", "CHANGES_REQUESTED": "changes requested", "DISMISSED": "dismissed"}


def read_github(data: bytes, file: str, include_bots: bool = False,
                more: Sequence[tuple[bytes, str]] = ()) -> tuple[list[Thread], Left]:
    """The thread in ``data`` (from ``file``), with what ``more`` files (bytes, name)
    hold of it: an issue and its comments saved apart are one thread."""
    found = _Found()
    read: dict[str, bytes] = {}
    for part, name in ((data, file), *more):  # (a file given twice is read once: read_discussion)
        read[name] = part
        found.file = name
        for doc in load_documents(part, name):  # an error names the file it is in
            for obj in _objects(doc):
                found.take(obj)
    found.one_issue(read)
    root = found.root
    if root is None and not found.items:
        raise DatasetError("no GitHub issue, pull request, discussion or comment in this JSON", file)
    left = found.left
    thread = Thread(key=file)
    posts: list[_Item] = []
    if root is None:  # comments saved apart from their issue: said, for the thread lacks its opening post
        left["opening posts not given (import the issue's or pull request's own JSON with its comments)"] += 1
    if root is not None:
        item = _item("root", root, "root")
        item.place = found.kind
        url = str(_get(root, "html_url", "url") or "")
        number = root.get("number")
        thread = Thread(key=url or (f"#{number}" if number is not None else file),
                        title=str(root.get("title") or (f"#{number}" if number is not None else "")),
                        url=url if url.startswith("https://") else "", author=item.name or item.login,
                        date=item.when[:10])
        posts.append(item)
    posts += sorted(found.items, key=lambda i: i.when)
    aliases = {a: i.key for i in posts for a in i.extra.get("aliases", ())}
    counters: dict[str, int] = {}
    places: dict[str, str] = {}
    kept: list[_Item] = []
    said: list[tuple[str, str]] = []  # each kept item's key and words, for the comments that quote it
    for i in posts:
        if i.hidden:
            left["hidden (minimized)"] += 1
            continue
        if i.bot and not include_bots:
            left["bots"] += 1
            continue
        if i.kind == "review" and not i.text:
            left["reviews without words"] += 1
            continue
        if i.quoted:  # counted for the messages kept only, each once
            left[QUOTED_LINES] += i.quoted
        i.parent = aliases.get(i.parent, i.parent)
        if i.kind == "comment" and not i.parent and i.quotes:
            i.parent = quoted_post(_as_said(i.quotes), said)  # a comment that quotes an earlier one answers it
        if i.kind == "comment":
            counters["comment"] = counters.get("comment", 0) + 1
            i.place = f"comment {counters['comment']}"
        elif i.kind == "review":
            counters["review"] = counters.get("review", 0) + 1
            verdict = _VERDICT.get(i.extra.get("state", ""))
            i.place = f"review {counters['review']}" + (f" ({verdict})" if verdict else "")
        elif i.kind in ("reply", "review comment") and i.parent in places:
            counters[i.parent] = counters.get(i.parent, 0) + 1
            i.place = f"reply {counters[i.parent]} to {places[i.parent]}"
        elif i.kind == "review comment":
            base = f"review comment on {i.extra.get('line') or 'the code'}"
            counters[base] = counters.get(base, 0) + 1
            i.place = base if counters[base] == 1 else base.replace("review comment", f"review comment {counters[base]}", 1)
            i.parent = ""
        elif i.kind == "reply":
            i.kind, i.parent = "comment", ""
            counters["comment"] = counters.get("comment", 0) + 1
            i.place = f"comment {counters['comment']}"
        places[i.key] = i.place
        kept.append(i)
        said.append((i.key, " ".join(_LIST_ITEM.sub("", i.text).split())))
    root_key = kept[0].key if kept and kept[0].kind == "root" else None
    root_url = kept[0].url if root_key else ""
    shown = {i.login: i.name for i in kept if i.name}  # a name one item gives is its author's in every item
    for n, i in enumerate(kept):
        if not i.url and root_url and i.kind == "comment" and i.key.isdigit():
            i.url = f"{root_url}#issuecomment-{i.key}"  # old REST answers give only the API's address
        ghost = not i.login or i.login.casefold() == "ghost"
        thread.posts.append(Post(
            key=i.key, author="" if ghost else shown.get(i.login, i.login), text=i.text,  # a deleted account: unnamed
            parent=None if i.kind == "root" else (i.parent or root_key),
            date=i.when[:10], account=f"ghost {n}" if ghost else f"github:{i.login.casefold()}",
            root=i.kind == "root", place=i.place, title=thread.title if i.kind == "root" else "",
            score=i.score, accepted=i.accepted, url=i.url, quotes=passages(i.quotes), edited=i.edited))
    if not thread.posts:
        raise DatasetError(f"nothing left to read in this GitHub thread ({excerpt(', '.join(left), 80)} left out)", file)
    if root_key:
        thread.author = thread.posts[0].author
    return [thread], left
