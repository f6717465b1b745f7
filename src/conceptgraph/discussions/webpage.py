"""A blog post or forum topic saved from a browser (HTML), with its comments.

The comments are found from the page's own comment markup, tried in this order:
Discourse's crawler view (``.crawler-post``, also inside ``<noscript>``; a post that
quotes another answers it), WordPress's
comment list (``li.comment`` with ``.comment-author .fn`` and ``.comment-content``),
Disqus's embed (``li.post`` with ``.post-message``, when the saved page holds the
frame), schema.org ``Comment`` microdata (``itemprop="author"``, ``"text"``), then
the common ``.comment`` lists (an element of class ``comment`` with an author and a
text inside). A comment nested in another answers it. The post is the page's article
(``itemprop="articleBody"``, ``.entry-content``, ``article``, ``main``...), its author
the page's byline (``meta name="author"``, ``rel="author"``, ``.author``), its title the
page's. Site chrome (navigation, sidebars, share buttons, "Reply" links, the comment
form) is never read; quotes (``<blockquote>``) are kept out of the quoter's words.
Pingbacks and trackbacks are left out and counted. A Stack Exchange question page
(``#question``, ``.answer``, ``.comment``) is read as the site's own data is: the
question, each answer, each comment on them, by their owners.

>>> page = b'''<html><head><title>Soup</title></head><body><article><div class="entry-content">
... <p>Soup or salad?</p></div></article><ol class="commentlist"><li class="comment" id="comment-1">
... <div class="comment-author"><cite class="fn">Bo</cite> says:</div><p>Soup.</p>
... <div class="reply"><a class="comment-reply-link">Reply</a></div></li></ol></body></html>'''
>>> [(p.author, p.text, p.parent) for p in read_webpage(page, "soup.html")[0][0].posts]
[('', 'Soup or salad?', None), ('Bo', 'Soup.', 'post')]
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import ConceptGraphWarning, DatasetError
from .clean import html_to_text, tidy
from .thread import Left, Post, Thread

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser, LexborNode

__all__ = ["read_webpage", "sniff_webpage"]


def sniff_webpage(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1024].lower()
    return start.startswith((b"<!doctype html", b"<html", b"<!-- saved from")) or (
        b"<html" in start and b"<rss" not in start)


@dataclass(frozen=True)
class _Markup:
    """How one kind of site marks its comments."""

    name: str
    item: str  # CSS selector of one comment
    author: tuple[str, ...]
    text: tuple[str, ...]  # the comment's words; else all of it but the author, meta and nested comments
    date: tuple[str, ...] = ("time[datetime]",)
    author_mark: str = ""  # a class a comment by the post's author carries


_MARKUPS = (
    _Markup("discourse", ".crawler-post, [itemtype*='schema.org/Comment'].topic-body",
            ("[itemprop='author'] [itemprop='name']", ".creator a", ".creator"), (".post[itemprop='text']", ".post"),
            ("time[datetime]", "[itemprop='datePublished']")),
    _Markup("wordpress", "li.comment, article.comment, div.comment[id^='comment-'], li.pingback, li.trackback",
            (".comment-author .fn", ".comment-author cite", ".fn", ".comment-author strong", ".comment-author b",
             ".comment-author", ".commentauthor"),
            (".comment-content", ".comment-text", ".comment-body > .comment-entry"), author_mark="bypostauthor"),
    _Markup("disqus", "li.post", (".author [data-role='username']", ".author a", ".author", "[data-role='username']"),
            (".post-message",), ("a.time-ago[title]", "time[datetime]")),
    _Markup("schema.org", "[itemtype*='schema.org/Comment']",
            ("[itemprop='author'] [itemprop='name']", "[itemprop='author']", "[itemprop='creator']"),
            ("[itemprop='text']", "[itemprop='commentText']", "[itemprop='articleBody']"),
            ("[itemprop='dateCreated']", "[itemprop='datePublished']", "time[datetime]")),
    _Markup("comment list", ".comment, .comment-item, .comments-item",
            (".comment-author", ".author", ".username", ".user-name", ".name", "[rel='author']", ".fn", "cite"),
            (".comment-content", ".comment-text", ".comment-body", ".comment_text", ".text", ".content", ".body",
             ".message")),
)

# Never the words of a post or comment: site chrome and the parts of a comment that
# are not its text.
_CHROME = ("script, style, noscript, template, nav, aside, form, footer, button, select, textarea, iframe, svg, "
           ".reply, .comment-reply-link, .comment-meta, .comment-metadata, .commentmetadata, .comment-author, "
           ".comment-awaiting-moderation, .says, .avatar, .sharedaddy, .share, .sharing, .social, .jp-relatedposts, "
           ".related-posts, .post-meta, .entry-meta, .entry-footer, .byline, .posted-on, .cat-links, .tags-links, "
           ".vcard, .updated, .rich-snippet-hidden, .crawler-post-meta, .post-byline, .post-menu, .post-footer, "
           "[itemprop='author'], .screen-reader-text, [hidden], [aria-hidden='true']")
# Never part of a name: "says:", the date, a "Reply" link, text for screen readers.
_NAME_NOISE = "time, img, .says, .comment-reply-link, .reply, .screen-reader-text, .badge, .comment-meta, a.time-ago"
_ARTICLE = ("[itemprop='articleBody']", ".entry-content", ".post-content", ".post-body", ".article-content",
            ".article-body", ".blog-post", ".post-entry", ".entry", "article", "[role='main']", "main", "#content")
_BYLINE = ("meta[name='author']", "[itemprop='author'] [itemprop='name']", ".author .fn", ".byline .fn",
           ".entry-author .fn", ".author-name", "a[rel='author']", ".byline a", ".post-author a", ".author a", ".author")
_SAVED_FROM = re.compile(rb"<!-- saved from url=\(\d+\)(\S+?) ?-->")


#: Deeper than this, no page a browser saved (Chromium builds no tree deeper than 512),
#: and HTML's tree building takes time growing with the square of the depth.
MAX_DEPTH = 2048
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)[^>]*?(/?)>")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr p li dt dd option tr td th "
                  "tbody thead tfoot colgroup rb rt rp optgroup".split())  # empty, or closed by the next of their kind


def _too_deep(text: str) -> bool:
    """Whether ``text`` nests elements deeper than :data:`MAX_DEPTH` (a linear scan)."""
    depth = 0
    for m in _TAG.finditer(text):
        if m.group(3) or m.group(2).lower() in _VOID:
            continue
        depth = max(depth - 1, 0) if m.group(1) else depth + 1
        if depth > MAX_DEPTH:
            return True
    return False


def _decode(data: bytes) -> str:
    head = data[:4096]
    m = re.search(rb"<meta[^>]+charset=[\"']?([\w-]+)", head, re.I)
    charset = m.group(1).decode("ascii") if m else "utf-8"
    try:
        return data.decode(charset if not data.startswith(b"\xef\xbb\xbf") else "utf-8-sig", "replace")
    except LookupError:
        return data.decode("utf-8", "replace")


def _name(node: LexborNode | None) -> str:
    """A person's name as the page shows it, without "says:", dates and links around it."""
    if node is None:
        return ""
    if node.tag == "meta":
        return " ".join((node.attributes.get("content") or "").split())
    noise = {n.mem_id for n in node.css(_NAME_NOISE)}
    parts: list[str] = []
    stack = [node]
    while stack:
        n = stack.pop()
        if n.is_text_node:
            parts.append(n.text_content or "")
        elif n.mem_id not in noise:
            stack.extend(reversed(list(n.iter(include_text=True))))
    name = " ".join("".join(parts).split())
    return re.sub(r"\s*\b(says|sagt|dit|dice|schreibt|wrote|a écrit)\s*:?\s*$", "", name, flags=re.I)


def _date(node: LexborNode | None) -> str:
    """The day of a date a page gives in ``datetime``, ``content`` or ``title`` (Stack
    Exchange's "2024-01-22 05:06:00Z"), when it is written year first; else ""."""
    if node is None:
        return ""
    value = node.attributes.get("datetime") or node.attributes.get("content") or node.attributes.get("title") or ""
    return value[:10] if re.match(r"\d{4}-\d\d-\d\d", value) else ""


class _Page:
    """A parsed page and the comments of one markup in it. Every look-up inside a
    comment is made once for the whole page and shared out to the comments (the one
    each match belongs to), so that reading is linear however deep comments nest."""

    def __init__(self, tree: LexborHTMLParser) -> None:
        self.tree = tree
        self.chrome = {n.mem_id for n in tree.css(_CHROME)}
        self.alias: dict[int, int] = {}  # a comment's wrapper -> the comment
        self.classes: dict[int, list[str]] = {}  # a comment -> its wrapper's classes
        self.set_items([])

    def set_items(self, items: list[LexborNode]) -> None:
        """The comments, and every node with one somewhere inside (each node is marked
        once)."""
        self.items = {n.mem_id: n for n in items}
        self.holds_item: set[int] = set()
        self._owner: dict[int, int] = {}
        self._index: dict[str, dict[int, LexborNode]] = {}
        for n in items:
            up = n.parent
            while up is not None and up.mem_id not in self.holds_item:
                self.holds_item.add(up.mem_id)
                up = up.parent

    def owner(self, node: LexborNode | None) -> int:
        """The comment ``node`` is part of (itself, if it is one); 0 for none."""
        path = []
        found = 0
        while node is not None:
            mid = node.mem_id
            if mid in self._owner:
                found = self._owner[mid]
                break
            if mid in self.items:
                found = mid
                break
            path.append(mid)
            node = node.parent
        for mid in path:
            self._owner[mid] = found
        return found

    def first(self, owner: int, selectors: tuple[str, ...]) -> LexborNode | None:
        """The first node matching one of ``selectors`` (tried in order) that is part of
        comment ``owner`` (0: of the page outside the comments)."""
        for s in selectors:
            index = self._index.get(s)
            if index is None:
                index = self._index[s] = {}
                for n in self.select(s):
                    index.setdefault(self.owner(n), n)
            if owner in index:
                return index[owner]
        return None

    def select(self, selector: str) -> list[LexborNode]:
        """The nodes matching ``selector``. "A B" is matched here, not by Lexbor, whose
        walk up from each B to look for an A is quadratic on deeply nested pages."""
        if " " not in selector or ">" in selector or "," in selector:
            return list(self.tree.css(selector))
        outer, inner = selector.rsplit(" ", 1)
        tops = {n.mem_id for n in self.select(outer)}
        if not tops:
            return []
        below: dict[int, bool] = {}  # node -> has an `outer` above it
        found = []
        for n in self.tree.css(inner):
            path, up, answer = [], n.parent, False
            while up is not None:
                if up.mem_id in below:
                    answer = below[up.mem_id]
                    break
                if up.mem_id in tops:
                    answer = True
                    break
                path.append(up.mem_id)
                up = up.parent
            for mid in path:
                below[mid] = answer
            if answer:
                found.append(n)
        return found

    def parent(self, item: LexborNode) -> int:
        """The comment ``item`` answers: the nearest comment around it (past a wrapper of
        its own); 0 for none."""
        up = self.owner(item.parent)
        while up and self.alias.get(up) == item.mem_id:
            up = self.owner(self.items[up].parent)
        return self.alias.get(up, up)

    def own_text(self, node: LexborNode, left: Left | None = None, quotes: list[str] | None = None) -> str:
        """The words of ``node`` without the comments nested in it and the site chrome
        (each node is read once); the passages it quotes, left out, are counted in ``left``
        and added to ``quotes`` when given."""
        parts: list[str] = []
        stack = list(reversed(list(node.iter(include_text=True))))
        while stack:
            n = stack.pop()
            if n.mem_id in self.items or n.mem_id in self.chrome:
                continue
            if n.mem_id in self.holds_item:
                stack.extend(reversed(list(n.iter(include_text=True))))
                if n.is_element_node and n.tag in ("p", "div", "li", "br", "section", "article"):
                    parts.append("<br>")
            else:
                parts.append(n.html or "")
        return html_to_text("".join(parts), left, quotes)


def _comments(page: _Page) -> tuple[_Markup | None, list[LexborNode]]:
    for markup in _MARKUPS:
        found = page.tree.css(markup.item)
        if markup.name in ("comment list", "wordpress") and found:
            # only those that look like one: an author (and, in a mere list, a text) of their own
            page.set_items(found)
            found = [n for n in found if page.first(n.mem_id, markup.author) is not None and (
                markup.name == "wordpress" or page.first(n.mem_id, markup.text) is not None)
                or markup.name == "wordpress" and (n.attributes.get("id") or "").startswith(("comment-", "li-comment-"))]
        if found:
            page.set_items(found)
            return markup, found
    return None, []


def _article(page: _Page, left: Left) -> str:
    for s in _ARTICLE:
        for node in page.tree.css(s):
            if page.owner(node):
                continue  # inside a comment
            quoted = Left()  # counted only for the node that is the post
            text = page.own_text(node, quoted)
            if text:
                left.update(quoted)
                return text
    body = page.tree.body
    return page.own_text(body, left) if body is not None else ""


def _meta(tree: LexborHTMLParser, prop: str) -> str:
    node = tree.css_first(f"meta[property='{prop}'], meta[name='{prop}']")
    return (node.attributes.get("content") or "").strip() if node is not None else ""


def read_webpage(data: bytes, file: str) -> tuple[list[Thread], Left]:
    from selectolax.lexbor import LexborHTMLParser

    text = _decode(data)
    if _too_deep(text):
        raise DatasetError(f"HTML nested more than {MAX_DEPTH:,} elements deep: not a page a browser saved", file)
    tree = LexborHTMLParser(text)
    if tree.body is None:
        raise DatasetError("no page body in this HTML file", file)
    if _meta(tree, "generator") == "conceptgraph":
        # its thread is data inside a script: read as a page, it is one message of button labels
        raise DatasetError("a page conceptgraph rendered, not a discussion: import the thread it was made from, "
                           "or give its dataset folder to --data", file)
    if "<!--beginarticle-->" in text and "<!--endarticle-->" in text:
        # one mail of a Mailman archive as its web page shows it: no thread to read from it (no
        # Message-ID to follow), the sender's address written " at " that no page reader knows
        raise DatasetError("a page of a Mailman (pipermail) archive, one mail: import the list's monthly archive "
                           "instead, its '[ Text ]' or '[ Gzip'd Text ]' file (2019-March.txt), as `pipermail`", file)
    left = Left()
    qa = _qa_page(tree, file, left)
    if qa is not None:
        return [qa], left
    page = _Page(tree)
    markup, items = _comments(page)
    if markup is not None:
        items = _unwrapped(page, markup, items)
    saved = _SAVED_FROM.search(data[:4096])
    canonical = tree.css_first("link[rel='canonical']")
    url = (canonical.attributes.get("href") if canonical is not None else "") or _meta(tree, "og:url") or (
        saved.group(1).decode("utf-8", "replace") if saved else "")
    title_node = tree.css_first("h1.entry-title, h1.post-title, h1[itemprop='headline'], #topic-title h1")
    headline = tree.css_first("meta[itemprop='headline']")
    title = _meta(tree, "og:title") or (headline.attributes.get("content") or "" if headline is not None else "") or \
        _name(title_node) or _name(tree.css_first("title"))
    author = _name(page.first(0, _BYLINE))
    date = _date(tree.css_first("meta[property='article:published_time']")) or _date(
        tree.css_first("article time[datetime], .entry-date[datetime], time.published[datetime]"))
    thread = Thread(key=url or file, title=tidy(title), url=url if url.startswith(("http://", "https://")) else "",
                    author=author, date=date)
    if markup is not None and markup.name == "discourse":
        return _discourse(page, markup, items, thread, file, left), left
    thread.posts.append(Post(key="post", author=author, text=_article(page, left), root=True,
                             date=date, title=thread.title, account="post author" if author else ""))
    if markup is None and tree.css_first("#disqus_thread") is not None:
        warnings.warn(ConceptGraphWarning(f"{file}: its comments are in a Disqus frame the saved page does not hold; "
                                          "import the frame's own file (saved beside the page) or a Disqus export"),
                      stacklevel=2)
    if markup is None:
        return [thread], left
    for n, item in enumerate(items):
        classes = (item.attributes.get("class") or "").split() + page.classes.get(item.mem_id, [])
        if "pingback" in classes or "trackback" in classes:
            left["pingbacks and trackbacks"] += 1
            continue
        body = page.first(item.mem_id, markup.text)
        if body is not None and body.mem_id in page.holds_item:
            body = None  # a text element holding other comments is the thread, not this comment's words
        quotes: list[str] = []
        text = page.own_text(body if body is not None else item, left, quotes)
        who = _name(page.first(item.mem_id, markup.author))
        by_author = bool(markup.author_mark) and markup.author_mark in classes
        parent = page.parent(item)
        thread.posts.append(Post(
            key=str(item.mem_id), author=who, text=text, parent=str(parent) if parent else "post",
            date=_date(page.first(item.mem_id, markup.date)),
            account="post author" if by_author and author else (f"name:{who.casefold()}" if who else f"unnamed {n}"),
            quotes=quotes))
    return [thread], left


# A Stack Exchange question page: the question, its answers, the comments under each
_QUESTION = "#question, div.question[data-questionid], [itemtype*='schema.org/Question']"
_ANSWER = "div.answer, [id^='answer-'][data-answerid], [itemtype*='schema.org/Answer']"
_POST_BODY = ".js-post-body, .post-text, [itemprop='text']"
_OWNER = (".post-signature.owner .user-details [itemprop='name']", ".post-signature.owner .user-details a",
          ".post-signature.owner .user-details")
_SIGNED = (".user-details [itemprop='name']", ".user-details a", ".user-details")


def _qa_page(tree: LexborHTMLParser, file: str, left: Left) -> Thread | None:
    """A saved Stack Exchange question page as a thread (places as for the site's data:
    ``question``, ``answer 2``, ``comment 1 on answer 2``), or None for another page."""
    question = tree.css_first(_QUESTION)
    if question is None or question.css_first(_POST_BODY) is None:
        return None
    heading = tree.css_first("#question-header h1, h1 a.question-hyperlink, h1[itemprop='name']")
    title = tidy(_name(heading) or _meta(tree, "og:title") or _name(tree.css_first("title")))
    canonical = tree.css_first("link[rel='canonical']")
    url = (canonical.attributes.get("href") or "") if canonical is not None else ""
    answers, seen = [], {question.mem_id}
    for node in tree.css(_ANSWER):
        if node.mem_id not in seen and node.css_first(_POST_BODY) is not None:
            seen.add(node.mem_id)
            answers.append(node)
    thread = Thread(key=url or file, title=title, url=url if url.startswith("https://") else "")
    for n, node in enumerate([question, *answers]):
        place = "question" if n == 0 else f"answer {n}"
        key = "question" if n == 0 else f"answer-{n}"
        comments = node.css(".comment")  # (the site never nests them)
        body = node.css_first(_POST_BODY)
        who, account, date = _signed(node)
        votes = node.css_first(".js-vote-count, [itemprop='upvoteCount']")
        score = votes.text(strip=True) if votes is not None else ""
        quotes: list[str] = []
        thread.posts.append(Post(
            key=key, author=who, text=html_to_text(body.html or "", left, quotes) if body is not None else "",
            parent=None if n == 0 else "question", date=date, account=account, root=n == 0, place=place, quotes=quotes,
            title=title if n == 0 else "", score=int(score) if re.fullmatch(r"-?\d{1,9}", score) else None,
            accepted="accepted-answer" in (node.attributes.get("class") or "")
            or node.attributes.get("itemprop") == "acceptedAnswer"))
        for k, c in enumerate(comments, 1):
            said = c.css_first(".comment-copy")
            user = c.css_first(".comment-user")
            when = c.css_first(".comment-date [title]") or c.css_first(".relativetime-clean[title], [datetime]")
            thread.posts.append(Post(
                key=f"{key}-comment-{k}", author=_name(user), text=html_to_text(said.html or "", left) if said else "",
                parent=key, date=_date(when), account=_user(user) or (f"name:{_name(user).casefold()}" if user else ""),
                place=f"comment {k} on the {place}" if n == 0 else f"comment {k} on {place}"))
    thread.author, thread.date = thread.posts[0].author, thread.posts[0].date
    return thread


def _signed(post: LexborNode) -> tuple[str, str, str]:
    """Who owns a Stack Exchange post (the owner's signature, not its editor's), their
    account and the post's date."""
    node = next((x for s in _OWNER if (x := post.css_first(s)) is not None), None)
    if node is None:  # no signature marked the owner's: the last one is (an editor signs first)
        signatures = post.css(".post-signature")
        last = signatures[-1] if signatures else post
        node = next((x for s in _SIGNED if (x := last.css_first(s)) is not None), None)
    owner = node
    while owner is not None and "post-signature" not in (owner.attributes.get("class") or ""):
        owner = owner.parent
    when = (owner or post).css_first(".relativetime[title], time[itemprop='dateCreated'][datetime], "
                                     "span[title][class*='relativetime']")
    name = _name(node)
    return name, _user(node) or (f"name:{name.casefold()}" if name else ""), _date(when)


def _user(node: LexborNode | None) -> str:
    """A Stack Exchange account from a link to its profile ("/users/123/ann"), else ""."""
    link = node if node is not None and node.tag == "a" else node.css_first("a") if node is not None else None
    m = re.search(r"/users/(-?\d+)", (link.attributes.get("href") or "") if link is not None else "")
    return f"se:{m.group(1)}" if m else ""


def _unwrapped(page: _Page, markup: _Markup, items: list[LexborNode]) -> list[LexborNode]:
    """The comments without their wrappers: WordPress themes put each comment's
    ``article.comment`` in an ``li.comment`` that also holds its replies. A comment
    whose first inner comment holds its author is that comment's wrapper, and what
    answers the wrapper answers the inner one."""
    kept = []
    for n, item in enumerate(items):
        inner = items[n + 1] if n + 1 < len(items) else None
        if inner is not None and page.owner(inner.parent) == item.mem_id:
            if page.first(item.mem_id, markup.author) is None:  # its author is the inner comment's
                page.alias[item.mem_id] = inner.mem_id
                page.classes[inner.mem_id] = (item.attributes.get("class") or "").split()
                continue
        kept.append(item)
    return kept


def _discourse(page: _Page, markup: _Markup, items: list[LexborNode], thread: Thread, file: str,
               left: Left) -> list[Thread]:
    """A Discourse topic's crawler view: its posts, numbered as the forum numbers them."""
    seen: set[str] = set()
    for n, item in enumerate(items, 1):
        position = page.first(item.mem_id, ("[itemprop='position']",))
        number = position.text(strip=True) if position is not None and position.text(strip=True).isdigit() else str(n)
        if number in seen:  # the same post in the page and in its <noscript> copy
            continue
        seen.add(number)
        body = page.first(item.mem_id, markup.text)
        quotes: list[str] = []
        text = page.own_text(body if body is not None else item, left, quotes)
        who = _name(page.first(item.mem_id, markup.author))
        # "analucia (Ana Lúcia Ferreira)": the login, and the full name the forum shows beside it
        creator = page.first(item.mem_id, (".creator",))
        full = re.search(r"\(([^()/]{2,80})\)\s*$", _name(creator)) if creator is not None and who else None
        login, who = who, full.group(1).strip() if full else who
        first = not thread.posts
        quoted = page.first(item.mem_id, ("aside.quote[data-post]",))  # the post it quotes is the post it answers
        answers = quoted.attributes.get("data-post") if quoted is not None else None
        parent = None if first else answers if answers in seen and answers != number else thread.posts[0].key
        thread.posts.append(Post(key=number, author=who, text=text,
                                 parent=parent, date=_date(page.first(item.mem_id, markup.date)),
                                 account=f"name:{login.casefold()}" if login else f"unnamed {number}", root=first,
                                 place=f"post {number}", title=thread.title if first else "", quotes=quotes))
    if thread.posts:
        thread.author = thread.posts[0].author
        thread.date = thread.date or thread.posts[0].date
    if not thread.posts:
        raise DatasetError("no post in this Discourse page", file)
    return [thread]
