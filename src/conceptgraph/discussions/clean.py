"""Message text as plain text: HTML and Markdown turned into text (paragraphs kept,
links as their text and address, entities decoded), signatures and footers removed,
and the words a message quotes from another kept out of it, so that no quote is ever
credited to the one who quoted it.

>>> html_to_text('<p>I agree &amp; <a href="https://x.org/a">so</a> does Bo.</p><blockquote>Soup!</blockquote><p>Yes</p>')
'I agree & so (https://x.org/a) does Bo.\\n\\nYes'
>>> markdown_to_text("> you said soup\\n\\n**Soup** is [good](https://x.org) &amp; hot")
'Soup is good (https://x.org) & hot'
>>> mail_text("Soup it is.\\n\\nOn Mon, Bo wrote:\\n> Soup.\\n\\n-- \\nAnn, chef")
'Soup it is.'
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

__all__ = ["html_to_text", "markdown_to_text", "mail_text", "tidy", "quoted_lines_removed"]

_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "pre", "hr",
          "section", "article", "header", "footer", "dd", "dt", "figure", "figcaption"}
_SKIP = {"script", "style", "head", "title", "noscript", "template", "svg", "math"}


class _Text(HTMLParser):
    """Collects text; quotes (``blockquote``, Discourse's ``aside.quote``) and scripts dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip: list[str] = []  # open elements whose content is left out
        self.links: list[tuple[str, int]] = []  # (href, index in parts where the link text starts)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if self.skip:
            if tag == self.skip[-1] and tag not in ("br", "img", "hr"):
                self.skip.append(tag)
            return
        classes = (a.get("class") or "").split()
        if tag in _SKIP or tag == "blockquote" or (tag == "aside" and "quote" in classes):
            self.skip.append(tag)
            return
        if tag in _BLOCK:
            self.parts.append("\n\n" if tag in ("p", "div", "pre", "table", "ul", "ol", "hr") or tag[0] == "h" else "\n")
        if tag == "a" and a.get("href"):
            self.links.append((a["href"] or "", len(self.parts)))

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag == self.skip[-1]:
                self.skip.pop()
            return
        if tag in _BLOCK:
            self.parts.append("\n\n" if tag in ("p", "div", "pre", "table", "ul", "ol") or tag[0] == "h" else "")
        if tag == "a" and self.links:
            href, start = self.links.pop()
            text = "".join(self.parts[start:]).strip()
            if href.startswith(("http://", "https://", "mailto:")) and href.rstrip("/") != text.rstrip("/"):
                self.parts.append(f" ({href.removeprefix('mailto:')})")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment: paragraphs as blank lines, line breaks kept,
    links as "text (address)", entities decoded, quotes and scripts left out."""
    parser = _Text()
    parser.feed(markup)
    parser.close()
    return tidy("".join(parser.parts))


def tidy(text: str) -> str:
    """Spaces trimmed at line ends, at most one blank line in a row, none at the ends."""
    lines = [line.strip(" \t") for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip("\n")


def quoted_lines_removed(text: str) -> str:
    """``text`` without the lines it quotes from others (``>``) and the line that
    introduces them ("On Monday, Bo wrote:")."""
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        if line.lstrip().startswith(">"):
            if out and re.search(r"\b(wrote|writes|said|schrieb|a écrit)\s*:\s*$", out[-1]):
                out.pop()  # the attribution of the quote
            continue
        out.append(line)
    return "\n".join(out)


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")


def markdown_to_text(md: str) -> str:
    """Plain text of Markdown (Reddit, Slack, Discourse raw): quotes left out, links as
    "text (address)", emphasis and code marks dropped, entities decoded."""
    text = html.unescape(md)
    text = quoted_lines_removed(text)
    text = re.sub(r"```.*?```", lambda m: m.group(0).strip("`"), text, flags=re.S)
    text = _MD_LINK.sub(lambda m: m.group(1) if m.group(1) == m.group(2) else f"{m.group(1)} ({m.group(2)})", text)
    text = re.sub(r"<(https?://[^>|]+)\|([^>]+)>", r"\2 (\1)", text)  # Slack's <url|text>
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)
    text = re.sub(r"^#{1,6}\s+", "", text, flags=re.M)
    text = re.sub(r"(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])", r"\2", text)
    text = re.sub(r"`([^`]+)`", r"\1", text)
    return tidy(text)


_SIGNATURE = re.compile(r"^(-- ?|—|__+|Sent from my .+|Get Outlook for .+)$")


def mail_text(body: str) -> str:
    """A mail's own words: quoted lines and their attribution, and the signature (after
    "-- "), left out."""
    lines = quoted_lines_removed(body.replace("\r\n", "\n")).split("\n")
    for i, line in enumerate(lines):
        if _SIGNATURE.match(line.rstrip()):
            lines = lines[:i]
            break
    return tidy("\n".join(lines))
