"""No import ends in a traceback (Hypothesis): the JSON, XML, mail and zip exports of the
fixtures with values swapped for random ones, bytes inserted, cut or flipped; random
mail headers, charsets and MIME nesting. Each either imports (and its folder reads back)
or is refused with a ConceptGraphError, which the command line prints as one line.

CI tries 20 cases of each; CONCEPTGRAPH_EXAMPLES=2000 tries more."""

from __future__ import annotations

import io
import json
import os
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conceptgraph.discussions import import_discussion
from conceptgraph.errors import ConceptGraphError

from conftest import ROOT

FIX = ROOT / "tests" / "fixtures" / "discussions"
EXAMPLES = int(os.environ.get("CONCEPTGRAPH_EXAMPLES", "20"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
                    max_leaves=8)
# Characters that matter to the readers: markup, quotes, separators, and the odd ones.
PIECES = st.sampled_from(["<", ">", "&", "&amp;", "<a ", "</a>", "]]>", "<![CDATA[", '"', "'", "\n", "\r\n", " " * 50,
                          "\x00", "\xa0", "From ", "> ", "[quote]", "_a ", "[", "**", "@", "é", "\ud800", "-->", "<v Bo>",
                          "00:00:01.000 --> 00:00:02.000\n", "Message: 1\n", "-" * 30 + "\n"])


def imports_or_refuses(data: bytes | None, name: str, folder: Path | None = None, fmt: str = "auto") -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        if folder is not None:
            path = folder
        else:
            assert data is not None
            path.write_bytes(data)
        try:
            import_discussion([path], Path(tmp) / "out", fmt=fmt, force=True)
        except ConceptGraphError:
            pass


@st.composite
def swapped(draw: st.DrawFn, doc: Any) -> Any:
    """``doc`` with a few of its values, at any depth, replaced by random JSON."""
    doc = json.loads(json.dumps(doc))
    for _ in range(draw(st.integers(1, 4))):
        node, key = None, None
        here: Any = doc
        for _ in range(draw(st.integers(0, 8))):
            if isinstance(here, dict) and here:
                k = draw(st.sampled_from(sorted(here)))
            elif isinstance(here, list) and here:
                k = draw(st.integers(0, len(here) - 1))
            else:
                break
            node, key, here = here, k, here[k]
        if node is None:
            doc = draw(JSON)
        else:
            node[key] = draw(JSON)
    return doc


@st.composite
def edited(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` with pieces inserted, slices cut or bytes changed."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 5))):
        at = draw(st.integers(0, len(out)))
        kind = draw(st.sampled_from(["insert", "cut", "flip"]))
        if kind == "insert":
            out[at:at] = draw(PIECES).encode("utf-8", "surrogatepass")
        elif kind == "cut":
            del out[at:at + draw(st.integers(1, 200))]
        elif out:
            out[min(at, len(out) - 1)] = draw(st.integers(0, 255))
    return bytes(out)


@FUZZ
@given(st.data())
def test_json_exports_with_values_of_any_type(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(["discourse.json", "reddit.json", "discord.json", "telegram.json",
                                      "hackernews-algolia.json", "hackernews-search.json", "zulip.json",
                                      "mattermost-api.json", "teams-channel.json", "teams-chat.json",
                                      "canvas-view.json", "canvas-topic.json", "moodle-forum.json",
                                      "moodle-posts.json"]))
    doc = json.loads((FIX / name).read_bytes())
    imports_or_refuses(json.dumps(data.draw(swapped(doc))).encode(), name)


@FUZZ
@given(st.data())
def test_exports_with_bytes_inserted_cut_or_flipped(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(["wordpress.xml", "wordpress-com.xml", "disqus.xml", "discourse.json",
                                      "reddit.json", "discord.json", "telegram.json", "hackernews-algolia.json",
                                      "hackernews-items.jsonl", "thread.mbox",
                                      "bitcoin-dev-digest-101-7.txt",
                                      "centos-announce-digest.eml", "clearwater-2016-January.txt", "lore-mt6392.mbox",
                                      "meeting.vtt", "meeting.srt", "chat.txt", "minutes.md",
                                      "mattermost-export.jsonl", "mattermost-api.json", "teams-channel.json",
                                      "canvas-view.json", "moodle-forum.json", "moodle-forum.csv", "zulip.json"]))
    imports_or_refuses(data.draw(edited((FIX / name).read_bytes())), name)


HEADER = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
CHARSETS = st.sampled_from(["utf-8", "latin-1", "idna", "undefined", "punycode", "utf-16", "utf-7", "rot13", "base64",
                            "x-unknown", "", "utf-8\"; x=\"", "zlib"])


@st.composite
def mails(draw: st.DrawFn) -> bytes:
    """A message with random headers, charsets, encodings and MIME nesting."""
    depth = draw(st.integers(0, 6))
    body = draw(st.binary(max_size=80))
    charset = draw(CHARSETS)
    part = (f"Content-Type: {draw(st.sampled_from(['text/plain', 'text/html', 'message/rfc822']))}; charset={charset}\n"
            f"Content-Transfer-Encoding: {draw(st.sampled_from(['8bit', 'base64', 'quoted-printable', 'x-y']))}\n\n"
            ).encode() + body
    for i in range(depth):
        kind = draw(st.sampled_from(["mixed", "alternative", "digest"]))
        part = (f'Content-Type: multipart/{kind}; boundary="b{i}"\n\n--b{i}\n').encode() + part + f"\n--b{i}--\n".encode()
    headers = "".join(f"{k}: {draw(HEADER)}\n" for k in ("From", "Subject", "Date", "References", "In-Reply-To")
                      if draw(st.booleans()))
    encoded = f"=?{charset}?{draw(st.sampled_from(['q', 'b']))}?{draw(HEADER)}?="
    return (f"From x Mon Jan  1 00:00:00 2024\nMessage-ID: <{draw(HEADER)}>\nFrom: {encoded} <a@b.c>\n{headers}"
            ).encode("utf-8", "replace") + part


@FUZZ
@given(st.lists(mails(), min_size=1, max_size=4))
def test_mail_with_random_headers_charsets_and_nesting(box: list[bytes]) -> None:
    imports_or_refuses(b"\n".join(box), "box.mbox", fmt="mbox")


def _slack_zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for f in sorted((FIX / "slack").rglob("*.json")):
            z.write(f, "export/" + str(f.relative_to(FIX / "slack")))
    return buf.getvalue()


SLACK_ZIP = _slack_zip()


@FUZZ
@given(st.data())
def test_slack_zips_damaged_anywhere(data: st.DataObject) -> None:
    imports_or_refuses(data.draw(edited(SLACK_ZIP)), "export.zip", fmt="slack")


@pytest.mark.parametrize("prefix", [b"", b"<<\x12\r50r\n\n"])
@pytest.mark.parametrize("fmt", ["auto", "slack"])
def test_a_zip_whose_directory_names_a_version_no_reader_has_is_refused_in_one_line(prefix: bytes, fmt: str) -> None:
    """A zip whose directory says an entry needs version 6.4 to extract: Python's zipfile
    raises NotImplementedError on opening it, which was no refusal (the fuzz test above
    found it): now said in one line, whether the file starts as a zip or not."""
    data = bytearray(SLACK_ZIP)
    at = data.index(b"PK\x01\x02", data.index(b"PK\x01\x02") + 1)  # the directory's second entry
    data[at + 6:at + 8] = b"@\x00"  # version needed to extract: 64
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "export.zip"
        path.write_bytes(prefix + bytes(data))
        with pytest.raises(ConceptGraphError, match="cannot be read|version 6.4"):
            import_discussion([path], Path(tmp) / "out", fmt=fmt, force=True)


@FUZZ
@given(st.data())
def test_slack_folders_with_values_of_any_type(data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "slack"
        for f in sorted((FIX / "slack").rglob("*.json")):
            target = folder / f.relative_to(FIX / "slack")
            target.parent.mkdir(parents=True, exist_ok=True)
            doc = json.loads(f.read_bytes())
            target.write_text(json.dumps(data.draw(swapped(doc)) if data.draw(st.booleans()) else doc))
        imports_or_refuses(None, "slack", folder=folder)
