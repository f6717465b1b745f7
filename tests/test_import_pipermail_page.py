"""One mail of a Mailman archive saved as its web page (pipermail's HTML) is refused,
pointing to the archive's text file: read as a blog page it had been one message by an
unnamed author, the archive's links in its words, and the sender's address, written
" at ", kept in the data (trial 11)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from conceptgraph.cli import cli

from conftest import refused

PAGE = """<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<HTML><HEAD><TITLE> [qa-talk] Is it a bug or a defect?</TITLE>
<LINK REL="made" HREF="mailto:qa-talk%40lists.example.org?In-Reply-To=%3C1%40example.se%3E"></HEAD>
<BODY><H1>[qa-talk] Is it a bug or a defect?</H1>
<B>Dmitri Volkov</B> <A HREF="mailto:qa-talk%40lists.example.org">dmitri at hollowlabs.example.net</A><BR>
<I>Mon Mar  4 12:20:55 UTC 2019</I>
<P><UL><LI> <B>Messages sorted by:</B> <a href="date.html#125">[ date ]</a></LI></UL><HR>
<!--beginarticle-->
<PRE>Agreed with Sofia. A defect is a contractual word.
</PRE>
<!--endarticle-->
</BODY></HTML>
"""


def test_a_pipermail_message_page_is_refused_naming_the_archive_to_import(tmp_path: Path) -> None:
    page = tmp_path / "000125.html"
    page.write_text(PAGE, encoding="utf-8")
    out = tmp_path / "out"
    r = CliRunner().invoke(cli, ["import", str(page), "-o", str(out)])
    refused(r, "000125.html: a page of a Mailman (pipermail) archive", "monthly archive", "pipermail")
    assert not out.exists()
