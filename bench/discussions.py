"""Seeded synthetic discussion exports of any size, one generator per format, shaped like
the real exports (the same ones `conceptgraph import` reads).

    python bench/discussions.py --format wxr --messages 10000 -o /tmp/big.xml

Threads of about 200 messages; a quarter of the messages reply to an earlier one; the
words come from the bundled discussion's vocabulary.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Callable
from pathlib import Path

WORDS = ("cooperation collaboration shared goal stake outcome purpose active passive wilful effort focus result "
         "meaning network community trust respect value create together separate agenda intense relationship "
         "product process market conversation ownership reward flow attention responsibility social").split()
NAMES = [f"{a} {b}" for a in "Ana Bruno Chen Dee Eve Femi Gus Hana Ivo Jun".split()
         for b in "Lima Costa Wei Park Okafor Lind Sato Mora".split()]


def _plan(n: int, seed: int) -> list[tuple[int, int, int, str, str]]:
    """(thread, index in thread, parent index or -1, author, text) for n messages."""
    rng = random.Random(seed)
    out = []
    per = 200
    for k in range(n):
        t, i = divmod(k, per)
        parent = rng.randrange(i) if i and rng.random() < 0.25 else (0 if i else -1)
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 60))).capitalize() + "."
        out.append((t, i, parent, rng.choice(NAMES), text))
    return out


def wxr(n: int, seed: int = 0) -> bytes:
    items: dict[int, list[str]] = {}
    for t, i, parent, who, text in _plan(n, seed):
        if i == 0:
            items[t] = [f"<item><title>Thread {t}</title><dc:creator><![CDATA[{who}]]></dc:creator>"
                        f"<content:encoded><![CDATA[<p>{text}</p>]]></content:encoded><wp:post_id>{t}</wp:post_id>"
                        "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"]
        else:
            items[t].append(f"<wp:comment><wp:comment_id>{i}</wp:comment_id><wp:comment_author><![CDATA[{who}]]>"
                            f"</wp:comment_author><wp:comment_author_email>{who.split()[0].lower()}@example.org"
                            f"</wp:comment_author_email><wp:comment_date_gmt>2024-01-01 00:{i // 60 % 60:02d}:{i % 60:02d}"
                            f"</wp:comment_date_gmt><wp:comment_content><![CDATA[{text}]]></wp:comment_content>"
                            f"<wp:comment_approved>1</wp:comment_approved><wp:comment_type>comment</wp:comment_type>"
                            f"<wp:comment_parent>{parent if parent > 0 else 0}</wp:comment_parent></wp:comment>")
    body = "".join("".join(parts) + "</item>\n" for parts in items.values())
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/'
            'content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">'
            f"<channel><title>Synthetic</title>\n{body}</channel></rss>\n").encode()


def disqus(n: int, seed: int = 0) -> bytes:
    threads, posts = set(), []
    for t, i, parent, who, text in _plan(n, seed):
        threads.add(t)
        par = f'<parent dsq:id="{t}-{parent}"/>' if parent > 0 else ""
        posts.append(f'<post dsq:id="{t}-{i}"><message><![CDATA[<p>{text}</p>]]></message>'
                     f"<createdAt>2024-01-01T{i // 3600:02d}:{i // 60 % 60:02d}:{i % 60:02d}Z</createdAt>"
                     "<isDeleted>false</isDeleted>"
                     f"<isSpam>false</isSpam><author><name>{who}</name><isAnonymous>false</isAnonymous>"
                     f'<username>{who.replace(" ", "").lower()}</username></author><thread dsq:id="{t}"/>{par}</post>')
    head = "".join(f'<thread dsq:id="{t}"><link>https://x.example/{t}</link><title>Thread {t}</title></thread>'
                   for t in sorted(threads))
    return ('<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" '
            f'xmlns:dsq="http://disqus.com/disqus-internals">{head}\n' + "\n".join(posts) + "</disqus>\n").encode()


def discourse(n: int, seed: int = 0) -> bytes:
    posts = [{"id": k, "name": who, "username": who.replace(" ", "_").lower(), "post_number": k + 1, "post_type": 1,
              "cooked": f"<p>{text}</p>", "reply_to_post_number": (parent + 1) if parent > 0 else None,
              "created_at": "2024-01-01T00:00:00.000Z"}
             for k, (_, _, parent, who, text) in enumerate(_plan(n, seed))]
    return json.dumps({"id": 1, "title": "Synthetic topic", "post_stream": {"posts": posts}}).encode()


def reddit(n: int, seed: int = 0) -> bytes:
    plan = _plan(n, seed)
    nodes: list[dict[str, object]] = []
    for k, (_, _, _, who, text) in enumerate(plan):
        nodes.append({"kind": "t1", "data": {"name": f"t1_{k}", "author": who.replace(" ", "_"), "body": text,
                                             "created_utc": 1714640400 + k, "replies": ""}})
    top = []
    for k, (_, i, parent, _, _) in enumerate(plan):
        if i == 0 or parent <= 0:
            nodes[k]["data"]["parent_id"] = "t3_root"  # type: ignore[index]
            top.append(nodes[k])
        else:
            up = nodes[k - i + parent]["data"]
            up["replies"] = up["replies"] or {"kind": "Listing", "data": {"children": []}}  # type: ignore[index]
            up["replies"]["data"]["children"].append(nodes[k])  # type: ignore[index]
            nodes[k]["data"]["parent_id"] = f"t1_{k - i + parent}"  # type: ignore[index]
    sub = {"kind": "t3", "data": {"name": "t3_root", "title": "Synthetic", "selftext": "What do you think?",
                                  "author": "op", "created_utc": 1714640000, "permalink": "/r/x/comments/root/"}}
    doc = [{"kind": "Listing", "data": {"children": [sub]}}, {"kind": "Listing", "data": {"children": top}}]
    import sys

    sys.setrecursionlimit(10_000)
    return json.dumps(doc).encode()


def mbox(n: int, seed: int = 0) -> bytes:
    out = []
    for t, i, parent, who, text in _plan(n, seed):
        mid = f"<{t}.{i}@example.org>"
        reply = f"In-Reply-To: <{t}.{max(parent, 0)}@example.org>\n" if i else ""
        out.append(f"From x@example.org Mon Jan  1 00:00:00 2024\nFrom: {who} <{who.split()[0].lower()}@example.org>\n"
                   f"Subject: {'Re: ' if i else ''}Thread {t}\nDate: Mon, 01 Jan 2024 00:{i // 60 % 60:02d}:{i % 60:02d} +0000\n"
                   f"Message-ID: {mid}\n{reply}Content-Type: text/plain; charset=utf-8\n\n{text}\n")
    return "\n".join(out).encode()


def slack(n: int, seed: int = 0, folder: Path | None = None) -> bytes:
    assert folder is not None
    folder.mkdir(parents=True, exist_ok=True)
    users = [{"id": f"U{k}", "name": name.split()[0].lower(), "real_name": name} for k, name in enumerate(NAMES)]
    (folder / "users.json").write_text(json.dumps(users))
    plan = _plan(n, seed)
    channels = sorted({t for t, *_ in plan})
    (folder / "channels.json").write_text(json.dumps([{"id": f"C{t}", "name": f"c{t}"} for t in channels]))
    by_channel: dict[int, list[dict[str, str]]] = {}
    for t, i, parent, who, text in plan:
        ts = f"{1714640000 + i}.000100"
        m = {"type": "message", "user": f"U{NAMES.index(who)}", "text": text, "ts": ts}
        if parent > 0:
            m["thread_ts"] = f"{1714640000 + parent}.000100"
        by_channel.setdefault(t, []).append(m)
    for t, msgs in by_channel.items():
        (folder / f"c{t}").mkdir(exist_ok=True)
        (folder / f"c{t}" / "2024-05-02.json").write_text(json.dumps(msgs))
    return b""


def vtt(n: int, seed: int = 0) -> bytes:
    cues = ["WEBVTT", ""]
    for k, (_, _, _, who, text) in enumerate(_plan(n, seed)):
        s = k * 4
        cues += [f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}.000 --> {s // 3600:02d}:{s // 60 % 60:02d}:"
                 f"{s % 60:02d}.900", f"<v {who}>{text}</v>", ""]
    return "\n".join(cues).encode()


def text(n: int, seed: int = 0) -> bytes:
    return "\n".join(f"{who}: {words}" for _, _, _, who, words in _plan(n, seed)).encode() + b"\n"


def stackexchange(n: int, seed: int = 0) -> bytes:
    """A dump's Posts.xml: each thread a question with answers (a reply in the plan is an
    answer too: the dump's comments sit in Comments.xml, not written here); each
    person's account id with their name, as a dump without its Users.xml has them."""
    from xml.sax.saxutils import quoteattr

    rows = []
    for t, i, _, who, words in _plan(n, seed):
        pid = t * 1000 + i + 1
        body = quoteattr(f"<p>{words}</p>")
        kind = f'PostTypeId="1" Title="Thread {t}"' if i == 0 else f'PostTypeId="2" ParentId="{t * 1000 + 1}"'
        rows.append(f'  <row Id="{pid}" {kind} CreationDate="2024-01-01T00:{i // 60 % 60:02d}:{i % 60:02d}.000" '
                    f'Score="{i % 7}" Body={body} OwnerUserId="{NAMES.index(who)}" OwnerDisplayName={quoteattr(who)} />')
    return ('<?xml version="1.0" encoding="utf-8"?>\n<posts>\n' + "\n".join(rows) + "\n</posts>\n").encode()


def github(n: int, seed: int = 0) -> bytes:
    """An issue and its comments as the REST API gives them, saved one after the other;
    one issue of n messages (GitHub threads are not split)."""
    plan = _plan(n, seed)
    issue = {"number": 1, "title": "Synthetic", "html_url": "https://github.com/o/r/issues/1",
             "user": {"login": "op", "type": "User"}, "body": plan[0][4], "created_at": "2024-01-01T00:00:00Z",
             "author_association": "OWNER", "comments": n - 1}
    comments = [{"id": k, "user": {"login": who.replace(" ", ""), "type": "User"}, "body": words,
                 "issue_url": "https://api.github.com/repos/o/r/issues/1", "author_association": "NONE",
                 "created_at": f"2024-01-{1 + k // 86400 % 28:02d}T{k // 3600 % 24:02d}:{k // 60 % 60:02d}:{k % 60:02d}Z",
                 "reactions": {"+1": k % 3, "-1": k % 2}}
                for k, (_, _, _, who, words) in enumerate(plan[1:], 1)]
    return (json.dumps(issue) + "\n" + json.dumps(comments)).encode()


def html(n: int, seed: int = 0) -> bytes:
    """A WordPress page saved from a browser, its comments nested as the theme nests
    replies (``ul.children`` inside the comment answered)."""
    from html import escape

    plan = _plan(n, seed)
    children: dict[int, list[int]] = {}
    for k, (_, _, parent, _, _) in enumerate(plan[1:], 1):
        children.setdefault(parent + 1 if parent > 0 else 0, []).append(k)

    def comment(k: int) -> str:
        _, _, _, who, words = plan[k]
        inner = "".join(comment(c) for c in children.get(k, []))
        return (f'<li class="comment" id="comment-{k}"><article class="comment-body"><footer class="comment-meta">'
                f'<div class="comment-author vcard"><b class="fn">{escape(who)}</b> <span class="says">says:</span>'
                f'</div></footer><div class="comment-content"><p>{escape(words)}</p></div>'
                f'<div class="reply"><a class="comment-reply-link">Reply</a></div></article>'
                + (f'<ol class="children">{inner}</ol>' if inner else "") + "</li>")

    import sys

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 4 * n))
    top = "".join(comment(k) for k in children.get(0, []))
    return ('<!DOCTYPE html><html><head><title>Synthetic</title></head><body><article><div class="entry-content">'
            f"<p>{escape(plan[0][4])}</p></div></article><ol class=\"comment-list\">{top}</ol></body></html>").encode()


GENERATORS: dict[str, tuple[str, Callable[..., bytes]]] = {
    "wxr": (".xml", wxr), "disqus": (".xml", disqus), "discourse": (".json", discourse), "reddit": (".json", reddit),
    "mbox": (".mbox", mbox), "slack": ("", slack), "vtt": (".vtt", vtt), "text": (".txt", text),
    "stackexchange": (".xml", stackexchange), "github": (".json", github), "html": (".html", html),
}


def write(fmt: str, n: int, path: Path, seed: int = 0) -> Path:
    """Write a synthetic export of ``n`` messages in ``fmt`` at ``path`` (a folder for Slack)."""
    suffix, gen = GENERATORS[fmt]
    if fmt == "slack":
        gen(n, seed, folder=path)
    else:
        path.write_bytes(gen(n, seed))
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--format", required=True, choices=list(GENERATORS))
    ap.add_argument("--messages", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("-o", "--output", type=Path, required=True)
    a = ap.parse_args()
    write(a.format, a.messages, a.output, a.seed)


if __name__ == "__main__":
    main()
