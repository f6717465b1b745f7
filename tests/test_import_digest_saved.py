"""A Mailman digest saved from a mail client or a list's mbox starts with its "From "
line and headers: it is read as the digest it is, as its body alone is (its inner
messages' headers had been taken for mails whose "From " line was lost: the masthead
became a person's message and the separators stayed in people's words)."""

from __future__ import annotations

import warnings
from pathlib import Path

from conceptgraph.discussions import read_discussion

from conftest import ROOT

FIX = ROOT / "tests" / "fixtures" / "discussions"
HEAD = ("From bitcoin-dev-request@lists.linuxfoundation.org  Thu Jun 18 12:00:03 2020\n"
        "From: bitcoin-dev-request@lists.linuxfoundation.org\n"
        "Subject: bitcoin-dev Digest, Vol 101, Issue 7\n"
        "Date: Thu, 18 Jun 2020 12:00:03 +0000\n"
        "Message-ID: <mailman.1.1592481603.1.bitcoin-dev@lists.linuxfoundation.org>\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=\"us-ascii\"\n\n")


def said(path: Path) -> tuple[list[tuple[str, str, str]], list[str]]:
    with warnings.catch_warnings(record=True) as heard:
        warnings.simplefilter("always")
        ds, _ = read_discussion([path])
    names = {c.id: c.name for c in ds.contributors}
    return [(names[m.by], m.where, m.text) for m in ds.messages], [str(w.message) for w in heard]


def test_a_digest_saved_with_its_from_line_reads_as_its_body_does(tmp_path: Path) -> None:
    body = FIX / "bitcoin-dev-digest-101-7.txt"
    saved = tmp_path / "digest.mbox"
    saved.write_text(HEAD + body.read_text(encoding="utf-8"), encoding="utf-8")
    alone, _ = said(body)
    whole, heard = said(saved)
    assert whole == alone and len(alone) > 2
    assert not any("From " in w for w in heard), heard
    assert not any("-" * 30 in text or "Today's Topics" in text for _, _, text in whole)
