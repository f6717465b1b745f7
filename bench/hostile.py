"""The inputs that used to hang `conceptgraph import` (issue 22's table), generated at
the size that took minutes, imported and timed against a baseline that only reads the
same bytes (json.loads, the XML parser, the mail parser, splitting the text): medians
of three runs, and the size of what is written against the size of the input.

    python bench/hostile.py            # writes bench/RESULTS-hostile.md
    python bench/hostile.py --quick    # a tenth of the sizes
"""

from __future__ import annotations

import argparse
import email
import email.policy
import json
import platform
import shutil
import sys
import tempfile
import xml.parsers.expat
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from timing import timed  # noqa: E402


def _text(n: int) -> bytes:  # a line of 20,000 spaces between a name and its words
    return ("Ann: Soup?\nBo" + " " * n + "x\nCy: Salad.\n").encode()


def _disqus(n: int) -> bytes:
    return ('<?xml version="1.0" encoding="utf-8"?><disqus xmlns="http://disqus.com" '
            'xmlns:dsq="http://disqus.com/disqus-internals"><thread dsq:id="1"><title>T</title></thread>'
            f'<post dsq:id="p1"><message><![CDATA[{"<a " * n}]]></message><thread dsq:id="1"/>'
            "<author><name>Ann</name></author></post></disqus>").encode()


def _discourse(n: int) -> bytes:
    return json.dumps({"id": 1, "title": "T", "post_stream": {"posts": [
        {"post_number": 1, "username": "ann", "cooked": "<p>Soup?</p>"},
        {"post_number": 2, "username": "bo", "cooked": "<a " * n}]}}).encode()


def _zulip(unit: str, html: bool) -> Callable[[int], bytes]:
    def make(n: int) -> bytes:
        said = {"sender_full_name": "Ann", "sender_email": "ann@example.org", "display_recipient": "s",
                "subject": "t", "timestamp": 1729150000, "content_type": "text/html" if html else "text/x-markdown"}
        return json.dumps({"messages": [{**said, "id": 1, "content": "A claim is a guess."},
                                        {**said, "id": 2, "content": "A claim. " + unit * n}]}).encode()
    return make


def _bobs(n: int) -> bytes:
    return "\n".join(f"From bob{i}@example.org Mon Jan  1 00:00:00 2024\nFrom: Bob <bob{i}@example.org>\n"
                     f"Subject: Note {i}\nMessage-ID: <{i}@example.org>\n\nHello {i}.\n" for i in range(n)).encode()


def _vtt(n: int) -> bytes:
    cues = ["WEBVTT", ""]
    for k in range(n):
        s = k % 3600
        cues += [f"00:{s // 60:02d}:{s % 60:02d}.000 --> 00:{s // 60:02d}:{s % 60:02d}.900",
                 "<v Ann Lee>one more word of the same turn", ""]
    return "\n".join(cues).encode()


def _reddit_chain(n: int) -> bytes:
    kids = [{"kind": "t1", "data": {"name": f"t1_{k}", "author": f"user{k % 7}", "body": f"Reply {k}.",
                                    "parent_id": f"t1_{k - 1}" if k else "t3_x", "replies": ""}} for k in range(n)]
    return json.dumps([{"kind": "Listing", "data": {"children": [{"kind": "t3", "data": {
        "name": "t3_x", "title": "A chain", "author": "op", "selftext": "Go."}}]}},
        {"kind": "Listing", "data": {"children": kids}}]).encode()


def _markdown(unit: str) -> Callable[[int], bytes]:
    return lambda n: ("**Ann**: " + unit * (n // len(unit)) + "\n**Bo**: Yes.\n").encode()


def _slack(messages: int, channels: int) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "users.json").write_text(json.dumps([{"id": "U1", "name": "ann", "real_name": "Ann Lee"}]))
        (folder / "channels.json").write_text(json.dumps([{"id": f"C{c}", "name": f"c{c}"} for c in range(channels)]))
        per = max(1, messages // channels)
        for c in range(channels):
            (folder / f"c{c}").mkdir(exist_ok=True)
            (folder / f"c{c}" / "2024-01-01.json").write_text(json.dumps(
                [{"type": "message", "user": "U1", "text": f"Message {k}.", "ts": f"{1700000000 + k}.000100"}
                 for k in range(per)]))
    return make


#: name -> (what it is, file name, generator of bytes at full size or a folder maker, full size, baseline kind)
CASES: dict[str, tuple[str, str, Callable[..., object], int, str]] = {
    "spaces": ("a text line of 20,000 spaces", "spaces.txt", _text, 20_000, "text"),
    "disqus_tags": ('Disqus HTML of "<a " * 30000', "disqus.xml", _disqus, 30_000, "xml"),
    "discourse_tags": ('Discourse HTML of "<a " * 30000', "topic.json", _discourse, 30_000, "json"),
    "bobs": ('mail from 20,000 senders named "Bob"', "bobs.mbox", _bobs, 20_000, "mail"),
    "slack_messages": ("a Slack channel of 30,000 messages", "slack-messages", lambda n: _slack(n, 1), 30_000,
                       "slack"),
    "slack_channels": ("30,000 Slack channels", "slack-channels", lambda n: _slack(n, n), 30_000, "slack"),
    "vtt": ("100,000 transcript cues of one speaker", "cues.vtt", _vtt, 100_000, "text"),
    "reddit_chain": ("6,000 Reddit comments each replying to the one before", "chain.json", _reddit_chain, 6_000,
                     "json"),
    "markdown_emphasis": ("60 KB of Markdown `_a `", "emphasis.md", _markdown("_a "), 60_000, "text"),
    "markdown_brackets": ("60 KB of Markdown `[`", "brackets.md", _markdown("["), 60_000, "text"),
    "zulip_links": ('Zulip HTML of "<a /near/1 " * 4000', "zulip-links.json", _zulip("<a /near/1 ", True), 4_000,
                    "json"),
    "zulip_quotes": ('Zulip Markdown of "```quote" lines * 20000', "zulip-quotes.json", _zulip("```quote\n", False),
                     20_000, "json"),
    "zulip_said": ('Zulip Markdown of "[said](" * 20000', "zulip-said.json", _zulip("[said](", False), 20_000, "json"),
}
#: The share of the full size the tests import (the slowest cases, kept short in CI).
TEST_SCALE = {"slack_channels": 0.05, "slack_messages": 0.2, "vtt": 0.2, "bobs": 0.25}


def write(name: str, folder: Path, scale: float = 1.0) -> Path:
    """Write case ``name`` in ``folder`` at ``scale`` of its full size; its path."""
    _, file, make, full, _ = CASES[name]
    path = folder / file
    made = make(max(1, int(full * scale)))
    if callable(made):
        made(path)
    else:
        assert isinstance(made, bytes)
        path.write_bytes(made)
    return path


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else path.stat().st_size


def baseline(kind: str, path: Path) -> None:
    """Only reading the same bytes, the way each format's parser reads them."""
    if kind == "json":
        json.loads(path.read_bytes())
    elif kind == "xml":
        xml.parsers.expat.ParserCreate().Parse(path.read_bytes(), True)
    elif kind == "mail":
        for raw in path.read_bytes().split(b"\nFrom "):
            email.message_from_bytes(raw, policy=email.policy.compat32)
    elif kind == "slack":
        for f in path.rglob("*.json"):
            json.loads(f.read_bytes())
    else:
        path.read_bytes().decode("utf-8").split("\n")


def secs(t: float) -> str:
    return f"{t:.2f} s" if t >= 1 else f"{t * 1000:.1f} ms"


def main() -> None:
    from conceptgraph.discussions import import_discussion

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="a tenth of the sizes, one run each")
    a = ap.parse_args()
    scale, repeat = (0.1, 1) if a.quick else (1.0, 3)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, (what, _, _, _, kind) in CASES.items():
            path = write(name, Path(tmp), scale)
            out = Path(tmp) / f"out-{name}"
            ours = timed(lambda p=path, o=out: import_discussion([p], o, force=True), repeat)
            base = timed(lambda k=kind, p=path: baseline(k, p), repeat)
            written = (out / "discussion.yaml").stat().st_size
            rows.append((what, size(path), ours, base, written))
            print(f"{what}: {secs(ours)} (baseline {secs(base)}), wrote {written:,} bytes", flush=True)
            shutil.rmtree(out, ignore_errors=True)
    lines = ["# Imports of inputs that used to hang", "",
             f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC with `python bench/hostile.py{' --quick' if a.quick else ''}`; "
             f"{platform.processor() or platform.machine()}, Python {platform.python_version()}. Times are medians of "
             f"{repeat} run{'s' if repeat > 1 else ''} of `import_discussion` (read, build, write the folder); the "
             "baseline only reads the same bytes with the parser the format needs.", "",
             "| input | size | import | baseline | ratio | written / input |", "|---|---|---|---|---|---|"]
    for what, n, ours, base, written in rows:
        lines.append(f"| {what} | {n:,} B | {secs(ours)} | {secs(base)} | {ours / base:.0f}x | {written / n:.2f} |")
    target = HERE / ("RESULTS-hostile-quick.md" if a.quick else "RESULTS-hostile.md")
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    sys.exit(main())
