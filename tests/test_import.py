"""Bringing a discussion in: every format's speakers, places, replies and own words;
what is left out and why; safety; the folder written whole or not at all."""

from __future__ import annotations

import json
import re
import shutil
import warnings
import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from conceptgraph import ConceptGraphWarning, DatasetError, UsageError, load_dataset, load_graph
from conceptgraph.cli import cli
from conceptgraph.discussions import IMPORTERS, Options, detect, read_discussion
from conceptgraph.discussions.clean import without_addresses
from conceptgraph.draft import draft
from conceptgraph.model import Dataset

from conftest import ROOT, SOURCE

FIX = ROOT / "tests" / "fixtures" / "discussions"


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def messages(name: str, **kw) -> list[tuple[str, str, str, str]]:
    ds, _ = read_discussion([FIX / name], **kw)
    people = {c.id: c.name for c in ds.contributors}
    return [(people[m.by], m.where, m.reply_to, m.text) for m in ds.messages]


def imported_unnamed(path: Path, tmp_path: Path) -> tuple[str, list[str], Dataset]:
    """``path`` copied under a name that says nothing of its format: the format told by
    its content, the first two lines `conceptgraph import` prints, and what it writes."""
    shutil.copy(path, tmp_path / "import")
    imp = detect(tmp_path / "import")
    r = run("import", str(tmp_path / "import"), "-o", str(tmp_path / "out"))
    assert r.exit_code == 0, r.stderr
    return imp.name if imp is not None else "", r.stdout.splitlines()[:2], load_dataset(tmp_path / "out")


def test_the_bundled_discussion_imports_as_curated() -> None:
    ds, summary = read_discussion([SOURCE])
    gold = load_dataset(ROOT / "graph_data")
    assert summary["messages"] == 18 and summary["speakers"] == 17
    assert [(c.name, c.role, c.where) for c in ds.contributors] == [(c.name, c.role, c.where) for c in gold.contributors]
    assert [(m.id, m.where, m.reply_to, m.text) for m in ds.messages] == [
        (m.id, m.where, m.reply_to, m.text) for m in gold.messages]
    assert (ds.source.title, ds.source.author, ds.source.date) == (gold.source.title, gold.source.author,
                                                                   gold.source.date)


def test_files_imported_together_are_titled_by_their_threads() -> None:
    """Two exports imported together: the dataset is titled by their threads' titles (a
    trial's combined page had been headed by the first file's name, "hn_41234567")."""
    ds, _ = read_discussion([FIX / "reddit.json", FIX / "discourse.json"])
    assert ds.source.title == "Cooperation vs collaboration & teams / Cooperation or collaboration?"
    ds, _ = read_discussion([FIX / "discourse.json"])
    assert ds.source.title == "Cooperation or collaboration?"


def test_a_quoted_mail_keeps_none_of_its_signature_in_the_quote(tmp_path: Path) -> None:
    """A reply that quotes a whole mail quotes its sign-off and signature too: kept apart,
    the quote is what was said, as the writer's own words are kept without theirs (a
    trial's quotes had ended "Priya -- sent from my phone")."""
    mbox = tmp_path / "t.mbox"
    mbox.write_text(
        "From priya@x.org Mon Mar  4 10:00:00 2024\nFrom: Priya Raman <priya@x.org>\nSubject: Bug or defect?\n"
        "Message-ID: <1@x.org>\nDate: Mon, 4 Mar 2024 10:00:00 +0000\n\nA bug is a defect in code.\n\nPriya\n"
        "-- \nsent from my phone\n\n"
        "From dana@x.org Mon Mar  4 11:00:00 2024\nFrom: Dana Okafor <dana@x.org>\nSubject: Re: Bug or defect?\n"
        "Message-ID: <2@x.org>\nIn-Reply-To: <1@x.org>\nDate: Mon, 4 Mar 2024 11:00:00 +0000\n\n"
        "On Mon, 4 Mar 2024, Priya Raman wrote:\n> A bug is a defect in code.\n>\n> Priya\n> -- \n> sent from my phone\n\n"
        "Fine for developers, but useless for SRE.\n", encoding="utf-8")
    ds, _ = read_discussion([mbox])
    assert [m.quotes for m in ds.messages] == [(), ("A bug is a defect in code.",)]


def test_a_forwarded_message_is_no_part_of_its_forwarders_words_and_is_counted(tmp_path: Path) -> None:
    """A mail that forwards another keeps its sender's words before the forward; the
    separator and the forwarded mail are someone else's, and the summary says so (a
    trial's forwarder kept the separator line as her own)."""
    mbox = tmp_path / "t.mbox"
    mbox.write_text(
        "From eve@x.org Mon Mar  4 10:00:00 2024\nFrom: Eve <eve@x.org>\nSubject: Fwd: glossary\n"
        "Message-ID: <1@x.org>\nDate: Mon, 4 Mar 2024 10:00:00 +0000\n\nThe HR draft's definitions:\n\n"
        "---------- Forwarded message ---------\nFrom: HR <hr@x.org>\nDate: Fri, 1 Mar 2024\nSubject: glossary\n\n"
        "A sponsor is a senior leader.\n", encoding="utf-8")
    ds, summary = read_discussion([mbox])
    assert [m.text for m in ds.messages] == ["The HR draft's definitions:"]
    assert summary["left_out"] == {"forwarded messages (others' words, to the mail's end)": 1}


def test_an_mbox_or_a_mail_saved_with_a_byte_order_mark_is_read_as_without(tmp_path: Path) -> None:
    """An editor on Windows saves a byte-order mark first: the mbox is read as without it
    (a trial's was refused: "no mail message in this file")."""
    plain = (FIX / "thread.mbox").read_bytes()
    (tmp_path / "bom.mbox").write_bytes(b"\xef\xbb\xbf" + plain)
    (tmp_path / "plain.mbox").write_bytes(plain)
    assert read_discussion([tmp_path / "bom.mbox"])[0].messages == read_discussion([tmp_path / "plain.mbox"])[0].messages
    first = plain.split(b"\nFrom ", 1)[0].split(b"\n", 1)[1]  # the first mail, without its From_ line
    (tmp_path / "one.eml").write_bytes(b"\xef\xbb\xbf" + first)
    assert len(read_discussion([tmp_path / "one.eml"])[0].messages) == 1


def test_thread_shows_what_a_reply_quotes_apart_from_its_words(tmp_path: Path) -> None:
    """A Discourse reply's quote box: kept out of the reply's words, and shown above them
    by `thread` (as "> ...") and in its JSON (``quotes``), so that its answer reads as one."""
    assert run("import", str(FIX / "discourse.json"), "-o", str(tmp_path / "d"), "-q").exit_code == 0
    r = run("thread", "--data", str(tmp_path / "d"))
    assert "post 3 — Chen Wei (replies to post 2), 2024-05-02\n    > Collaboration means a shared goal.\n" \
           "    Cooperation can have a shared goal too." in r.stdout, r.stdout
    messages = json.loads(run("thread", "--data", str(tmp_path / "d"), "--json").stdout)["messages"]
    assert [m.get("quotes") for m in messages] == [None, None, ["Collaboration means a shared goal."], None]


def test_import_writes_a_dataset_every_command_reads(tmp_path: Path) -> None:
    r = run("import", str(SOURCE), "-o", str(tmp_path / "coop"))
    assert r.exit_code == 0, r.stderr
    assert r.stdout == "text: 1 thread, 18 messages, 17 speakers, 17 replies\nlanguage: en\n"
    assert run("validate", str(tmp_path / "coop")).exit_code == 0
    r = run("thread", "--data", str(tmp_path / "coop"), "--by", "todd", "--json")
    assert json.loads(r.stdout)["messages"][0]["where"] == "comment 7"
    r = run("import", str(SOURCE), "-o", str(tmp_path / "coop"))
    assert r.exit_code == 6 and "--force" in r.stderr
    assert run("import", str(SOURCE), "-o", str(tmp_path / "coop"), "--force").exit_code == 0
    # the same messages again under a new title: the draft made from them stays, byte for byte
    assert run("draft", str(tmp_path / "coop"), "-q").exit_code == 0
    drafted = (tmp_path / "coop" / "draft.yaml").read_bytes()
    r = run("import", str(SOURCE), "-o", str(tmp_path / "coop"), "--force", "--title", "Coop or collab?")
    assert r.exit_code == 0 and "kept the draft.yaml: its messages are the same" in r.stdout, r.stdout
    assert (tmp_path / "coop" / "draft.yaml").read_bytes() == drafted
    assert run("compare", "cooperation", "collaboration", "--data", str(tmp_path / "coop")).exit_code == 0
    # other messages (a speaker renamed): a draft made from the earlier import goes with it, and
    # the summary says so (not when drafted anew)
    r = run("import", str(SOURCE), "-o", str(tmp_path / "coop"), "--force", "--rename", "todd=Todd Smith")
    assert "replaced the earlier import, and the draft.yaml drafted from it" in r.stdout
    assert not (tmp_path / "coop" / "draft.yaml").exists()
    assert run("draft", str(tmp_path / "coop"), "-q").exit_code == 0
    r = run("import", str(SOURCE), "-o", str(tmp_path / "coop"), "--force", "--draft")
    assert r.exit_code == 0 and "replaced the earlier import" not in r.stdout and "draft.yaml:" in r.stdout


def test_import_summary_as_json(tmp_path: Path) -> None:
    r = run("import", str(FIX / "wordpress.xml"), "-o", str(tmp_path / "wp"), "--json")
    s = json.loads(r.stdout)
    assert s == {"path": str(tmp_path / "wp"), "format": "wxr", "threads": 2, "messages": 5, "speakers": 3,
                 "replies": 3, "left_out": {"pending": 1, "pingbacks": 1, "quoted passages (others' words)": 1,
                                            "spam": 1, "trash": 1}, "language": "en"}


@pytest.mark.parametrize("files, urls", [
    (["wordpress.xml"], ["https://notes.example.org/2024/03/coop-collab/",
                         "https://notes.example.org/2024/03/coop-collab/#comment-31"]),
    (["disqus.xml"], ["https://notes.example.org/2024/03/coop-collab/#comment-5001"]),
    (["discord.json"], ["https://discord.com/channels/874512378451273728/874512379109781504/1218901234567891002"]),
    (["hackernews-algolia.json"], ["https://news.ycombinator.com/item?id=41230001",
                                   "https://news.ycombinator.com/item?id=41230187"]),
    # the old REST answers give a comment only its API address: its place on the page is built
    (["github/issue-28.json", "github/issue-28-comments.json"],
     ["https://github.com/PyGithub/PyGithub/issues/28",
      "https://github.com/PyGithub/PyGithub/issues/28#issuecomment-5449237"]),
    (["github/discussion-2993.json"], ["https://github.com/PyGithub/PyGithub/discussions/2993",
                                       "https://github.com/PyGithub/PyGithub/discussions/2993#discussioncomment-10426644"]),
])
def test_each_message_keeps_its_address_on_the_site(files: list[str], urls: list[str], tmp_path: Path) -> None:
    ds, _ = read_discussion([FIX / f for f in files])
    assert [m.url for m in ds.messages[:len(urls)]] == urls
    # and it survives the dataset file, to the thread's answer
    assert run("import", *(str(FIX / f) for f in files), "-o", str(tmp_path / "d")).exit_code == 0
    got = json.loads(run("thread", "--data", str(tmp_path / "d"), "--json").stdout)["messages"]
    assert [m.get("url") for m in got[:len(urls)]] == urls


def test_an_address_that_is_no_web_address_is_not_kept(write) -> None:
    xml = (FIX / "wordpress.xml").read_text(encoding="utf-8").replace(
        "<link>https://notes.example.org/2024/03/coop-collab/</link>", "<link>javascript:alert(1)</link>")
    ds, _ = read_discussion([write(xml, "wp.xml")])
    assert ds.messages and not any(m.url for m in ds.messages)


def test_a_quote_left_out_of_a_comment_keeps_the_lines_around_it_apart(write) -> None:
    """"Priya wrote:", the quote, the answer: the answer is not run into the attribution."""
    xml = (FIX / "wordpress.xml").read_text(encoding="utf-8")
    at = xml.index("I disagree")
    start = xml.rindex("<![CDATA[", 0, at) + len("<![CDATA[")
    end = xml.index("]]>", at)
    xml = xml[:start] + "Bruno wrote:\n<blockquote>Cooperation is sharing a road</blockquote>\nI disagree." + xml[end:]
    ds, _ = read_discussion([write(xml, "wp.xml")])
    assert "Bruno wrote:\n\nI disagree." in [m.text for m in ds.messages]


def test_the_sites_own_accounts_are_bots(write) -> None:
    """Discourse's system and discobot (negative user ids) and Stack Exchange's Community
    (user -1) write no one's words: left out as bots, kept with --include-bots."""
    topic = json.loads((FIX / "discourse.json").read_text(encoding="utf-8"))
    bot = {**topic["post_stream"]["posts"][1], "id": 999, "post_number": 7, "username": "discobot", "user_id": -2,
           "name": "", "cooked": "<p>Hi! I'm discobot. Agreed :+1:</p>", "reply_to_post_number": None}
    topic["post_stream"]["posts"].append(bot)
    path = write(json.dumps(topic), "topic.json")
    ds, summary = read_discussion([path])
    assert summary["left_out"]["bots"] == 1 and not any("discobot" in m.text for m in ds.messages)
    ds, _ = read_discussion([path], options=Options(include_bots=True))
    assert any("discobot" in m.text for m in ds.messages)
    question = {"items": [{"question_id": 1, "title": "Mentor or coach?", "body": "<p>Which is it?</p>",
                           "creation_date": 1, "owner": {"user_id": 5, "account_id": 50, "display_name": "Ann"},
                           "comments": [{"comment_id": 9, "post_id": 1, "body": "Your question is unclear.",
                                         "creation_date": 2, "owner": {"user_id": -1, "account_id": -1,
                                                                       "display_name": "Community"}}]}]}
    ds, summary = read_discussion([write(json.dumps(question), "q.json")])
    assert [m.text for m in ds.messages] == ["Which is it?"] and summary["left_out"]["bots"] == 1


def test_a_mail_sent_by_a_program_is_no_ones_words(write) -> None:
    mbox = (FIX / "thread.mbox").read_text(encoding="utf-8") + (
        "\nFrom owner@lists.example.org Fri May  3 10:00:00 2024\nFrom: team-owner@lists.example.org\n"
        "Subject: Your message awaits moderator approval\nDate: Fri, 03 May 2024 10:00:00 +0000\n"
        "Message-ID: <auto1@lists.example.org>\nAuto-Submitted: auto-replied\n\nYour mail to 'team' is held.\n")
    ds, summary = read_discussion([write(mbox, "list.mbox")])
    assert summary["left_out"]["automatic replies"] == 1 and not any("held" in m.text for m in ds.messages)
    # a tracker's notice from an address no one reads, with no header to say so
    mbox += ("\nFrom noreply-jira@acme.example Mon May 13 09:00:00 2024\nFrom: noreply-jira@acme.example\n"
             "Subject: [JIRA] PAY-1432 moved to Done\nMessage-ID: <d9@acme.example>\n\nChris moved PAY-1432 to Done.\n")
    ds, summary = read_discussion([write(mbox, "list.mbox")])
    assert summary["left_out"]["automatic replies"] == 2 and not any("PAY" in m.text for m in ds.messages)
    assert not any("jira" in c.name for c in ds.contributors)


def test_a_mail_s_date_is_its_day_in_utc_as_every_export_s(write) -> None:
    """Sent at 12:00 -0500 (17:00 UTC on the 6th) and answered at 02:30 +0900 on the 7th
    (17:30 UTC on the 6th): both the 6th, as the days of other exports are."""
    mbox = ("From a@x Tue Feb  6 17:00:00 2024\nFrom: Ann <a@x.org>\nMessage-ID: <1@x>\nSubject: terms\n"
            "Date: Tue, 6 Feb 2024 12:00:00 -0500\n\nA bug is a defect.\n\n"
            "From b@x Wed Feb  7 01:00:00 2024\nFrom: Bo <b@x.org>\nMessage-ID: <2@x>\nIn-Reply-To: <1@x>\n"
            "Subject: Re: terms\nDate: Wed, 7 Feb 2024 02:30:00 +0900\n\nNot always.\n")
    ds, _ = read_discussion([write(mbox, "t.mbox")])
    assert [m.date for m in ds.messages] == ["2024-02-06", "2024-02-06"]


@pytest.mark.parametrize("delsp", [False, True])
def test_a_flowed_mail_reads_as_its_writer_typed_it(write, delsp: bool) -> None:
    """Thunderbird sends format=flowed: a line ending in a space was broken there by the
    program (RFC 3676). The message's words join it again, so a glossary item is one line
    and a claim quotes it whole (a trial's were drafted cut at the wrap: "strike or
    short"); a quoted line joins only its own quote, the signature keeps its line, and a
    mail without format=flowed keeps every line as sent."""
    space = " " if delsp else ""  # (with DelSp=yes the space a line ends in is the break's alone)
    mbox = ("From a@x Tue Feb  6 17:00:00 2024\nFrom: Ruth <r@x.org>\nMessage-ID: <1@x>\nSubject: glossary\n"
            "Date: Tue, 6 Feb 2024 12:00:00 -0500\nMIME-Version: 1.0\n"
            f"Content-Type: text/plain; charset=utf-8; format=flowed{'; delsp=yes' if delsp else ''}\n\n"
            f"> Bo wrote that a strike is{space} \n> any stoppage.\n"
            f"- industrial action: any collective action, strike or short{space} \nof a strike\n"
            "-- \nRuth\n")
    ds, _ = read_discussion([write(mbox, "t.mbox")])
    [m] = ds.messages
    assert "- industrial action: any collective action, strike or short of a strike" in m.text.split("\n"), m.text
    assert "Ruth" not in m.text  # the signature: its own line, left out as ever
    assert m.quotes == ("Bo wrote that a strike is any stoppage.",)  # a quote joins its own lines only
    plain = mbox.replace("; format=flowed", "").replace("; delsp=yes", "")
    ds, _ = read_discussion([write(plain, "u.mbox")])
    assert re.search(r"short *\nof a strike", ds.messages[0].text)  # (its lines' trailing spaces trimmed)


def test_a_mail_cross_posted_to_two_lists_is_one_message(write) -> None:
    """One mail in the file twice (cross-posted: its Message-ID again, the same sender and
    words) is read once and counted (a trial's draft doubled every item of it); two mails
    that share a Message-ID but not their words stay two."""
    head = "From a@x Tue Feb  6 17:00:00 2024\nFrom: Ann <a@x.org>\nMessage-ID: <1@x>\nSubject: terms\n"
    reply = ("From b@x Wed Feb  7 01:00:00 2024\nFrom: Bo <b@x.org>\nMessage-ID: <2@x>\nIn-Reply-To: <1@x>\n"
             "Subject: Re: terms\nList-Id: <{}>\nDate: Wed, 7 Feb 2024 02:30:00 +0900\n\n{}\n\n")
    mbox = (f"{head}Date: Tue, 6 Feb 2024 12:00:00 -0500\n\nA bug is a defect.\n\n"
            + reply.format("docs.x", "Not always.") + reply.format("core.x", "Not always."))
    ds, summary = read_discussion([write(mbox, "t.mbox")])
    assert [m.text for m in ds.messages] == ["A bug is a defect.", "Not always."]
    assert summary["left_out"]["copies of one mail (its Message-ID again: cross-posted, or saved twice)"] == 1
    ds, _ = read_discussion([write(mbox.replace("Not always.", "Never.", 1), "u.mbox")])
    assert len(ds.messages) == 3


def test_a_mail_whose_from_line_was_lost_is_read_as_its_own(write) -> None:
    """An mbox entry that lost its "From " line is found by its headers (From:, Date:,
    Message-ID:) after a blank line, read as a mail of its own and said (a trial's was
    read as the words of the mail before: a dispute credited to another, raw headers and
    all); a forwarded mail in the words (no Message-ID) stays words."""
    mbox = ("From a@x Tue Feb  6 17:00:00 2024\nFrom: Ann <a@x.org>\nMessage-ID: <1@x>\nSubject: terms\n"
            "Date: Tue, 6 Feb 2024 12:00:00 -0500\n\nA bug is a defect.\n\n"
            "From: Bo <b@x.org>\nMessage-ID: <2@x>\nIn-Reply-To: <1@x>\nSubject: Re: terms\n"
            "Date: Wed, 7 Feb 2024 02:30:00 +0900\n\nI disagree.\n")
    with pytest.warns(ConceptGraphWarning, match=r'1 mail in the words of the one before, its "From " line lost \(<2@x>\)'):
        ds, _ = read_discussion([write(mbox, "t.mbox")])
    people = {c.id: c.name for c in ds.contributors}
    assert [(people[m.by], m.text) for m in ds.messages] == [("Ann", "A bug is a defect."), ("Bo", "I disagree.")]
    forwarded = mbox.replace("Message-ID: <2@x>\n", "")
    ds, _ = read_discussion([write(forwarded, "f.mbox")])
    assert len(ds.messages) == 1


def test_an_mbox_cut_in_a_line_is_read_with_a_warning(write) -> None:
    """An mbox ends each mail with a line break: one whose last words have none may be cut
    short, said in one line naming the file and line (a trial's read as a shorter thread,
    unsaid); one that ends its line is quiet."""
    mbox = ("From a@x Tue Feb  6 17:00:00 2024\nFrom: Ann <a@x.org>\nMessage-ID: <1@x>\nSubject: terms\n\n"
            "A bug is a defect.\n\nFrom b@x Wed Feb  7 01:00:00 2024\nFrom: Bo <b@x.org>\nMessage-ID: <2@x>\n"
            "In-Reply-To: <1@x>\nSubject: Re: terms\n\nObsolete means it no")
    with pytest.warns(ConceptGraphWarning, match=r"cut\.mbox:14: the file ends in the middle of a line"):
        ds, _ = read_discussion([write(mbox, "cut.mbox")])
    assert len(ds.messages) == 2
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        read_discussion([write(mbox + " longer.\n", "whole.mbox")])


def test_an_mbox_cut_in_a_mail_s_headers_gives_that_mail_no_words(write) -> None:
    """Cut short inside the last mail's headers ("Content-Tran"), the file's rest of a header
    is no one's words: that mail is left out, and said to be (a trial's message read
    "Content-Tran"); the mails before it are read."""
    mbox = ("From a@x Tue Feb  6 17:00:00 2024\nFrom: Ann <a@x.org>\nMessage-ID: <1@x>\nSubject: terms\n\n"
            "A bug is a defect.\n\nFrom b@x Wed Feb  7 01:00:00 2024\nFrom: Bo <b@x.org>\nMessage-ID: <2@x>\n"
            "In-Reply-To: <1@x>\nSubject: Re: terms\nContent-Type: text/plain; charset=utf-8\nContent-Tran")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # (the file ends in a line: said, as the test above shows)
        ds, summary = read_discussion([write(mbox, "cut.mbox")])
    assert [m.text for m in ds.messages] == ["A bug is a defect."]
    assert summary["left_out"]["mails whose headers were cut short (no words)"] == 1


def test_a_mail_whose_from_header_is_lost_is_its_envelope_sender_s(write) -> None:
    """A mail with no From: header is whose its mbox "From " line says, named as their
    other mails name them (a trial's was an "unnamed commenter", beside that very sender)."""
    mbox = ("From a@x.org Tue Feb  6 17:00:00 2024\nFrom: Ann Lee <a@x.org>\nMessage-ID: <1@x>\nSubject: terms\n\n"
            "A bug is a defect.\n\nFrom b@x.org Wed Feb  7 01:00:00 2024\nFrom: Bo <b@x.org>\nMessage-ID: <2@x>\n"
            "Subject: Re: terms\n\nNot always.\n\nFrom a@x.org Wed Feb  7 02:00:00 2024\nMessage-ID: <3@x>\n"
            "Subject: Re: terms\n\nA defect departs from the spec.\n")
    ds, _ = read_discussion([write(mbox, "t.mbox")])
    people = {c.id: c.name for c in ds.contributors}
    assert [people[m.by] for m in ds.messages] == ["Ann Lee", "Bo", "Ann Lee"]


def test_a_sender_written_family_name_first_and_a_german_closing(write) -> None:
    mail = ('From: "Nguyen, Rob" <rob@example.com>\nMessage-ID: <1@x>\nSubject: library or framework\n\n'
            "A framework calls your code.\n\nGrüße,\nRob\n")
    ds, _ = read_discussion([write(mail, "m.eml")])
    assert [c.name for c in ds.contributors] == ["Rob Nguyen"]
    assert [m.text for m in ds.messages] == ["A framework calls your code."]


@pytest.mark.parametrize("attribution", [
    "On Mon, 4 Mar 2024 at 09:12, Ann Lee <ann@example.com> wrote:\n\n",  # a blank line before the quote
    "On Mon, Mar 4, 2024 at 11:40 AM Ann Lee <ann@example.com>\nwrote:\n",  # wrapped, as Gmail writes it
    "On Mon, Mar 4, 2024 at 11:40 AM Ann Lee <ann@example.com>\nwrote:\n\n",
    "On Tue, 17 Mar 2020 14:32:25 +0200\nAnn Lee <ann@example.com> wrote:\n\n",  # the date, then who (Claws Mail)
    "On Thu, Mar 19, 2020 at 2:11 PM Ann Lee\n<ann@example.com> wrote:\n",  # wrapped before the address
    "Am 06.02.2024 um 09:14 schrieb Ann Lee <ann@example.com>:\n",  # the writer after the verb, as German has it
])
def test_a_mail_s_attribution_goes_with_its_quote_however_written(write, attribution: str) -> None:
    mail = ("From: Bo Chen <bo@example.com>\nMessage-ID: <2@x>\nIn-Reply-To: <1@x>\nSubject: Re: terms\n\n"
            f"{attribution}> A member pays dues.\n\nA member is a tenant.\n")
    ds, _ = read_discussion([write(mail, "m.eml")])
    assert [m.text for m in ds.messages] == ["A member is a tenant."]


@pytest.mark.parametrize("html", [
    # Gmail: the attribution in its own div, then the quote
    '<div dir="ltr">A member is a tenant.</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">'
    'On Mon, Mar 4, 2024 at 11:40 AM Ann Lee &lt;ann@example.com&gt; wrote:<br></div>'
    '<blockquote class="gmail_quote"><div dir="ltr">A member pays dues.</div></blockquote></div>',
    # Thunderbird: a paragraph, then a cited blockquote
    '<html><body><p>A member is a tenant.</p><div class="moz-cite-prefix">On 3/4/24 11:40, Ann Lee wrote:<br></div>'
    '<blockquote type="cite"><p>A member pays dues.</p></blockquote></body></html>',
])
def test_an_html_only_mail_s_attribution_goes_with_its_quote(write, html: str) -> None:
    mail = ("From: Bo Chen <bo@example.com>\nMessage-ID: <2@x>\nIn-Reply-To: <1@x>\nSubject: Re: terms\n"
            f"MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n{html}\n")
    ds, _ = read_discussion([write(mail, "m.eml")])
    assert [m.text for m in ds.messages] == ["A member is a tenant."]


def test_a_mail_s_headers_sent_unencoded_keep_their_letters_and_a_phone_s_line_goes(tmp_path: Path) -> None:
    """Raw UTF-8 in From and Subject (no encoded words), as some clients and archives send
    it, is read as UTF-8; "Von meinem iPhone gesendet" is no one's words, as "Sent from my
    iPhone" is not."""
    mail = ("From: Katarzyna Wi\u015bniewska <kasia@example.pl>\nMessage-ID: <1@x>\n"
            "Subject: Otwarte dane \u2014 open or public?\n\nOpen data is data anyone may reuse.\n\n"
            "Von meinem iPhone gesendet\n").encode("utf-8")
    (tmp_path / "m.eml").write_bytes(mail)
    ds, _ = read_discussion([tmp_path / "m.eml"])
    assert [c.name for c in ds.contributors] == ["Katarzyna Wi\u015bniewska"]
    assert ds.source.title == "Otwarte dane \u2014 open or public?"
    assert [m.text for m in ds.messages] == ["Open data is data anyone may reuse."]


def test_a_mail_keeps_a_shell_session_and_the_letters_of_a_mislabelled_charset(tmp_path: Path) -> None:
    """A tab-indented "> " is a shell's here-document, not a quote; a part labelled UTF-8
    that is Latin-1 (a common fault of mail clients) keeps its letters."""
    body = "Try it:\n\n\t$ gcc -x c - <<- EOF\n\t> #define X 1\n\tEOF\n\nRegards from J\u00fcrgen K\u00f6nig."
    mail = (b"From: =?utf-8?q?J=C3=BCrgen_K=C3=B6nig?= <jk@example.com>\nMessage-ID: <1@x>\nSubject: inverted\n"
            b"Content-Type: text/plain; charset=utf-8\n\n") + body.encode("latin-1")
    path = tmp_path / "m.eml"
    path.write_bytes(mail)
    ds, _ = read_discussion([path])
    [m] = ds.messages
    assert "> #define X 1" in m.text and "Jürgen König" in m.text and "\ufffd" not in m.text
    # code keeps its indentation
    code = b"From: Bo <bo@x.org>\nMessage-ID: <2@x>\nSubject: loops\n\nLike this:\n\n    for x in xs:\n        go(x)\n"
    (tmp_path / "c.eml").write_bytes(code)
    [m] = read_discussion([tmp_path / "c.eml"])[0].messages
    assert m.text == "Like this:\n\n    for x in xs:\n        go(x)"


def test_a_line_of_the_writer_s_own_before_an_attribution_stays(write) -> None:
    mail = ("From: Bo Chen <bo@example.com>\nMessage-ID: <2@x>\nSubject: Re: terms\n\n"
            "I agree with most of it.\nOn release 2 we need 3 sprints, not two.\nAnn wrote:\n> Two.\nThanks.\n")
    ds, _ = read_discussion([write(mail, "m.eml")])
    assert [m.text for m in ds.messages] == ["I agree with most of it.\nOn release 2 we need 3 sprints, not two.\n"
                                             "Thanks."]


def test_a_forum_signature_after_a_rule_is_left_out(write) -> None:
    issue = [{"number": 3, "title": "legacy or deprecated?", "body": "Which word?", "user": {"login": "ann"},
              "created_at": "2024-05-01T00:00:00Z", "html_url": "https://github.com/o/r/issues/3"},
             {"id": 11, "body": "Deprecated means don't start.\n\n---\nOmar Farouk · Developer Advocate\n"
                                "https://omar.dev", "user": {"login": "omar-farouk"},
              "created_at": "2024-05-02T00:00:00Z"}]
    ds, summary = read_discussion([write(json.dumps(issue), "issue.json")])
    assert ds.messages[1].text == "Deprecated means don't start." and summary["left_out"]["signatures"] == 1


def test_a_github_comment_that_quotes_an_earlier_one_answers_it(write) -> None:
    """Issue comments are flat: quoting is how one answers another."""
    issue = [{"number": 3, "title": "legacy or deprecated?", "body": "Which word?", "user": {"login": "ann"},
              "created_at": "2024-05-01T00:00:00Z", "html_url": "https://github.com/o/r/issues/3"},
             {"id": 11, "body": "Deprecated always comes with a removal date.", "user": {"login": "wei"},
              "created_at": "2024-05-02T00:00:00Z"},
             {"id": 12, "body": "Legacy is a softer word.", "user": {"login": "bo"}, "created_at": "2024-05-03T00:00:00Z"},
             {"id": 13, "body": "> Deprecated always comes with a removal date.\n\nNot always.",
              "user": {"login": "omar"}, "created_at": "2024-05-04T00:00:00Z"}]
    ds, _ = read_discussion([write(json.dumps(issue), "issue.json")])
    by_id = {m.id: m for m in ds.messages}
    assert [(m.where, by_id[m.reply_to].where if m.reply_to else "") for m in ds.messages] == [
        ("issue", ""), ("comment 1", "issue"), ("comment 2", "issue"), ("comment 3", "comment 1")]
    assert ds.messages[-1].text == "Not always."


#: what a summary says of GitHub comments given without the issue or pull request they are on
OPENING_GONE = "opening posts not given (import the issue's or pull request's own JSON with its comments)"


def test_github_comments_given_without_their_issue_say_so(write) -> None:
    """A comments file alone is read, the issue missing: the summary says so, and what to
    give too (a trial's was titled "comments", its author a commenter, with no word)."""
    comments = [{"id": 11, "body": "Deprecated always comes with a removal date.", "user": {"login": "wei"},
                 "created_at": "2024-05-02T00:00:00Z", "author_association": "MEMBER",
                 "issue_url": "https://api.github.com/repos/o/r/issues/3"}]
    _, summary = read_discussion([write(json.dumps(comments), "comments.json")])
    assert summary["left_out"] == {OPENING_GONE: 1}


def test_wordpress(tmp_path: Path) -> None:
    got = messages("wordpress.xml")
    thread = "“Cooperation & collaboration” › "
    assert got[:4] == [
        ("Ana Lima", thread + "post", "", "When do we cooperate, and when do we collaborate?\n\nTell me in the comments."),
        ("Bruno Costa", thread + "comment 1", "cooperation-collaboration-post",
         "Cooperation is sharing a road; collaboration is building one together.\n\nIt takes \"a shared goal\"."),
        ("Chen Wei", thread + "reply 1 to comment 1", "cooperation-collaboration-comment-1",
         "I disagree: cooperation needs trust (https://example.com/trust) too."),  # the quote of Bruno left out
        # a reply to a reply is numbered under its comment: places stay short at any depth
        ("Bruno Costa", thread + "reply 2 to comment 1", "cooperation-collaboration-reply-1-to-comment-1",
         "Fair point, Chen."),  # one person under two spellings of one address
    ]
    assert [g[1] for g in got[4:]] == ["“About” › post"]  # a page too; the attachment is not a thread
    assert len(messages("wordpress.xml", options=Options(include_pending=True))) == 6
    # elsewhere it would do nothing: said, not ignored
    with pytest.raises(UsageError, match=r"--include-pending keeps .* WordPress .*haiku.txt is text .*leave it out"):
        messages("haiku.txt", options=Options(include_pending=True))
    assert messages("wordpress.xml", thread="About") == [("Ana Lima", "post", "", "This blog is about working together.")]
    # a thread named by its address, as copied from the browser
    by_address = messages("wordpress.xml", thread="http://notes.example.org/2024/03/coop-collab")
    assert by_address and by_address == messages("wordpress.xml", thread="https://notes.example.org/2024/03/coop-collab/")
    assert by_address[0][3] != "This blog is about working together."


def test_addresses_are_never_stored(tmp_path: Path) -> None:
    for name in ("wordpress.xml", "disqus.xml", "thread.mbox", "slack"):
        out = tmp_path / name.replace(".", "-")
        assert run("import", str(FIX / name), "-o", str(out)).exit_code == 0
        text = (out / "discussion.yaml").read_text(encoding="utf-8")
        for secret in ("@example", "203.0.113", "198.51.100", "192.0.2"):
            assert secret not in text, (name, secret)


def test_old_wordpress_com_exports_with_an_undeclared_prefix() -> None:
    assert messages("wordpress-com.xml") == [("zoe", "post", "", "First post."), ("Yan", "comment 1", "post", "Welcome!")]


@pytest.mark.parametrize("user_id", ["1", "0"])  # signed in as the author, or not
def test_the_post_author_answering_in_the_comments_is_one_person(write, user_id: str) -> None:
    wxr = f"""<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.2/"
      xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
      <wp:author><wp:author_id>1</wp:author_id><wp:author_login>hk</wp:author_login>
        <wp:author_email>Hanna@Example.org</wp:author_email><wp:author_display_name>Hanna K</wp:author_display_name>
      </wp:author>
      <item><title>Bug or defect?</title><dc:creator>hk</dc:creator><wp:post_type>post</wp:post_type>
        <wp:status>publish</wp:status><content:encoded>Is a bug a defect?</content:encoded>
        <wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author>Raj</wp:comment_author>
          <wp:comment_author_email>raj@example.com</wp:comment_author_email><wp:comment_approved>1</wp:comment_approved>
          <wp:comment_parent>0</wp:comment_parent><wp:comment_content>No.</wp:comment_content>
          <wp:comment_user_id>0</wp:comment_user_id></wp:comment>
        <wp:comment><wp:comment_id>2</wp:comment_id><wp:comment_author>Hanna Kowalski</wp:comment_author>
          <wp:comment_author_email>hanna@example.org</wp:comment_author_email><wp:comment_approved>1</wp:comment_approved>
          <wp:comment_parent>1</wp:comment_parent><wp:comment_content>Why not?</wp:comment_content>
          <wp:comment_user_id>{user_id}</wp:comment_user_id></wp:comment>
      </item></channel></rss>"""
    ds, _ = read_discussion([write(wxr, "wp.xml")])
    assert [c.name for c in ds.contributors] == ["Hanna K", "Raj"]
    assert [m.by for m in ds.messages] == [ds.contributors[0].id, ds.contributors[1].id, ds.contributors[0].id]


def test_a_wordpress_comment_typed_as_plain_text_leaves_out_what_it_quotes(write) -> None:
    """"Priya wrote:" and the "> ..." line under it are Priya's words, not the commenter's."""
    wxr = """<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.2/"
      xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
      <item><title>Accuracy or precision?</title><dc:creator>ann</dc:creator><wp:post_type>post</wp:post_type>
        <wp:status>publish</wp:status><content:encoded>Are they the same?</content:encoded>
        <wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author>J\u00fcrgen</wp:comment_author>
          <wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent>
          <wp:comment_content><![CDATA[Priya wrote:
&gt; In ISO 5725 "accuracy" covers both.

Fair, but nobody says trueness.]]></wp:comment_content></wp:comment>
      </item></channel></rss>"""
    ds, summary = read_discussion([write(wxr, "wp.xml")])
    assert [m.text for m in ds.messages][1:] == ["Fair, but nobody says trueness."]
    assert summary["left_out"]["quoted lines (others' words)"] == 1


def _wxr(*comments: tuple[str, str, str, str, str]) -> str:
    """A WordPress export of one post, its comments given as (id, parent, approved, author, text)."""
    return ('<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.2/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            "<channel><item><title>Weather or climate?</title><dc:creator>helen</dc:creator>"
            "<wp:post_type>post</wp:post_type><wp:status>publish</wp:status>"
            "<content:encoded>Weather is today; climate is the average.</content:encoded>"
            + "".join(f"<wp:comment>{f'<wp:comment_id>{i}</wp:comment_id>' if i else ''}<wp:comment_author>{who}"
                      f"</wp:comment_author><wp:comment_approved>{ok}</wp:comment_approved><wp:comment_parent>{parent}"
                      f"</wp:comment_parent><wp:comment_content>{text}</wp:comment_content></wp:comment>"
                      for i, parent, ok, who, text in comments)
            + "</item></channel></rss>")


def test_a_wordpress_reply_to_a_trashed_comment_still_answers_it(write) -> None:
    """A comment in the trash that another answers stays as a stand-in ("[trash]", by no
    one), as a deleted one does elsewhere: its reply does not become an answer to the post
    (a trial's draft had it disputing the blog's author at 0.69); one nobody answered goes.
    Both are counted."""
    ds, summary = read_discussion([write(_wxr(("1", "0", "trash", "Sam", "Weather is noise."),
                                              ("2", "1", "1", "Lena", "No, weather is not random noise."),
                                              ("3", "0", "spam", "Bot", "Buy now.")), "wp.xml")])
    by = {m.id: m for m in ds.messages}
    lena = next(m for m in ds.messages if m.text.startswith("No,"))
    assert by[lena.reply_to].text == "[trash]" and by[lena.reply_to].gone == "trash"
    assert [m.text for m in ds.messages] == ["Weather is today; climate is the average.", "[trash]",
                                             "No, weather is not random noise."]
    assert summary["left_out"] == {"trash": 1, "spam": 1}


def test_a_reply_whose_parent_is_not_in_the_file_is_counted(write) -> None:
    """A reply to a comment the file does not hold (its id missing, or never exported)
    answers the post, and the summary says so: whom it answered is a guess."""
    _, summary = read_discussion([write(_wxr(("", "0", "1", "Sam", "Weather is noise."),
                                             ("2", "9", "1", "Lena", "No, weather is not random noise.")), "wp.xml")])
    assert summary["left_out"] == {"missing parents (not in the file: their replies answer the thread)": 1}


def test_a_reply_to_a_deleted_comment_still_answers_it(write) -> None:
    """A deleted comment that is answered stays as a stand-in ("[deleted]", no one named),
    so that its replies do not become answers to the post (and no stance is drafted
    against a bystander); one nobody answered is left out. Both are counted."""
    def t1(name: str, parent: str, author: str, body: str, replies: tuple[dict, ...] = ()) -> dict:
        return {"kind": "t1", "data": {"name": name, "parent_id": parent, "author": author, "body": body,
                                       "replies": {"kind": "Listing", "data": {"children": list(replies)}}}}
    doc = [{"kind": "Listing", "data": {"children": [{"kind": "t3", "data": {
        "name": "t3_x", "author": "ann", "title": "Weather or climate?", "selftext": "Which is which?"}}]}},
        {"kind": "Listing", "data": {"children": [
            t1("t1_a", "t3_x", "[deleted]", "[deleted]", (t1("t1_b", "t1_a", "zoe", "No: climate is a system."),)),
            t1("t1_c", "t3_x", "[deleted]", "[removed]"),
            t1("t1_d", "t3_x", "bo", "Climate is averaged weather.")]}}]
    ds, summary = read_discussion([write(json.dumps(doc), "r.json")])
    said = {m.where: (m.text, m.reply_to) for m in ds.messages}
    assert said["comment 1"][0] == "[deleted]" and said["reply 1 to comment 1"][1] == "comment-1"
    assert [m.where for m in ds.messages] == ["post", "comment 1", "reply 1 to comment 1", "comment 2"]
    # the stand-in is said apart, and is no speaker: ann, zoe and bo spoke
    assert summary["left_out"] == {"deleted": 1, "removed": 1}
    assert summary["speakers"] == 3 and len(ds.contributors) == 4 and summary["stand_ins"] == 1
    # said as one of those left out, not as a second count of them (a trial read it twice)
    from conceptgraph.output import import_text

    assert "kept as stand-ins: 1 of the messages left out as deleted or removed, which others answer" \
        in import_text({**summary, "format": "reddit", "path": "r", "wrote": "r"})
    assert next(c for c in ds.contributors if c.where == ("comment 1",)).name.startswith("unnamed commenter")


def test_the_author_of_a_disqus_thread_commenting_on_it_is_its_author(write) -> None:
    xml = (FIX / "disqus.xml").read_text(encoding="utf-8").replace("</disqus>", """
  <post dsq:id="5098"><id /><message><![CDATA[<p>Thanks, all.</p>]]></message>
    <createdAt>2024-03-01T12:00:00Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam>
    <author><email>ana@example.org</email><name>Ana L.</name><isAnonymous>false</isAnonymous>
      <username>analima</username></author>
    <thread dsq:id="1001" /></post>
</disqus>""")
    ds, _ = read_discussion([write(xml, "disqus.xml")], thread="1001")
    ana = next(m for m in ds.messages if m.text == "Thanks, all.").by
    assert next(c.role for c in ds.contributors if c.id == ana) == "author"


def test_a_reply_to_a_deleted_disqus_post_still_answers_it(write) -> None:
    xml = (FIX / "disqus.xml").read_text(encoding="utf-8").replace("</disqus>", """
  <post dsq:id="5099"><id /><message><![CDATA[<p>Replying to the deleted one: no.</p>]]></message>
    <createdAt>2024-03-01T12:00:00Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam>
    <author><name>Late Reader</name><isAnonymous>true</isAnonymous></author>
    <thread dsq:id="1001" /><parent dsq:id="5003" /></post>
</disqus>""")
    ds, summary = read_discussion([write(xml, "disqus.xml")])
    late = next(m for m in ds.messages if m.text == "Replying to the deleted one: no.")
    stand_in = next(m for m in ds.messages if m.id == late.reply_to)
    assert stand_in.text == "[deleted]" and summary["left_out"]["deleted"] == 1


def test_disqus_guests_who_gave_no_name_are_each_a_person_of_their_own(write) -> None:
    guest = """
  <post dsq:id="{n}"><id /><message><![CDATA[<p>{said}</p>]]></message>
    <createdAt>2024-03-01T12:0{n[3]}:00Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam>
    <author><name>Guest</name><isAnonymous>true</isAnonymous></author>
    <thread dsq:id="1001" /></post>"""
    xml = (FIX / "disqus.xml").read_text(encoding="utf-8").replace("</disqus>", guest.format(n="5091", said="Soup.")
                                                                    + guest.format(n="5092", said="Salad.") + "</disqus>")
    ds, _ = read_discussion([write(xml, "disqus.xml")], thread="1001")
    by = {m.text: m.by for m in ds.messages}
    assert by["Soup."] != by["Salad."]
    names = {c.id: c.name for c in ds.contributors}
    assert names[by["Soup."]].startswith("unnamed commenter") and "Guest" not in names.values()


def test_disqus() -> None:
    ds, summary = read_discussion([FIX / "disqus.xml"])
    # the blockquote the guest answers is left out of their words, and counted
    assert summary["left_out"] == {"deleted": 1, "spam": 1, "quoted passages (others' words)": 1}
    assert summary["threads"] == 2
    got = messages("disqus.xml")
    assert got[1] == ("Guest Reader", "“Cooperation & collaboration” › reply 1 to comment 1",
                      "cooperation-collaboration-comment-1", "A truce is not cooperation — it is a pause.")
    assert got[2][0] == "Bruno Costa"  # "Bruno C." is the same account


def test_discourse() -> None:
    ds, summary = read_discussion([FIX / "discourse.json"])
    # the quote box in post 3 is Bruno's words: left out, and counted
    assert summary["left_out"] == {"deleted": 1, "small actions": 1, "quoted passages (others' words)": 1}
    assert messages("discourse.json") == [
        ("Ana Lima", "post 1", "", "Is cooperation the same as collaboration?"),
        ("bruno_c", "post 2", "post-1", "No. Collaboration means a shared goal (https://example.com/goal)."),
        ("Chen Wei", "post 3", "post-2", "Cooperation can have a shared goal too."),  # the [quote] is Bruno's
        ("Ana Lima", "post 7", "post-3", "Thanks & noted."),
    ]
    assert {c.name: c.role for c in ds.contributors}["Ana Lima"] == "author"


def test_reddit() -> None:
    ds, summary = read_discussion([FIX / "reddit.json"])
    assert summary["left_out"] == {"bots": 1, "comments not loaded (more)": 4, "deleted": 1, "removed": 1,
                                   "quoted lines (others' words)": 1}
    assert messages("reddit.json") == [
        ("ana_l", "post", "", "What is the difference?"),
        ("bruno", "comment 1", "post", "Collaboration needs a shared goal (https://example.com/goal)."),
        ("chen", "reply 1 to comment 1", "comment-1", "So does cooperation."),
        ("bruno", "comment 2", "post", "Cooperation is lighter."),
    ]
    assert ds.source.title == "Cooperation vs collaboration & teams"


def test_a_reddit_reply_answers_the_comment_it_is_nested_under(tmp_path: Path) -> None:
    """A reply whose parent_id names no comment of the file (an edited or partial export)
    still answers the comment its nesting puts it under, not the post."""
    doc = json.loads((FIX / "reddit.json").read_text(encoding="utf-8"))
    for child in doc[1]["data"]["children"][0]["data"]["replies"]["data"]["children"]:
        child["data"]["parent_id"] = "t1_nowhere"
    (tmp_path / "r.json").write_text(json.dumps(doc), encoding="utf-8")
    ds, _ = read_discussion([tmp_path / "r.json"])
    assert [(m.where, m.reply_to) for m in ds.messages if m.by == "chen"] == [("reply 1 to comment 1", "comment-1")]


def test_mail() -> None:
    got = messages("thread.mbox")
    t = "“Cooperation or collaboration?” › "
    assert got == [
        ("Ana Lima", t + "message 1", "", "Which word fits our project?"),  # the signature left out
        ("Bruno Coço", t + "message 2", "cooperation-or-collaboration-message-1",
         "Collaboration: we build one thing together, café included.\nFrom the start we shared the goal."),
        ("Chen Wei", t + "message 3", "cooperation-or-collaboration-message-2", "I'd say cooperation."),
        ("dee", t + "message 4", "cooperation-or-collaboration-message-1", "Agree with Chen."),  # by its subject
        ("Zed", "“Lunch on Friday” › message 1", "", "Pizza?"),
    ]
    _, summary = read_discussion([FIX / "thread.mbox"])
    assert summary["left_out"]["signatures and footers"] == 1  # said, as all that is left out


def test_slack_folder_and_zip(tmp_path: Path) -> None:
    ds, summary = read_discussion([FIX / "slack"])
    assert summary["left_out"] == {"bots": 1, "joins, leaves and channel events": 1, "quoted lines (others' words)": 1}
    got = messages("slack")
    assert got[:3] == [
        ("Ana Lima", "“#general” › message 1", "", "Is our work cooperation or collaboration? <honest answers>"),
        ("Bruno Costa", "“#general” › reply 1 to message 1", "general-message-1",
         "@Ana Lima collaboration: see the goal doc (https://example.com/goal)"),
        # "> collaboration" quotes Bruno's reply: Ana's answers it
        ("Ana Lima", "“#general” › reply 2 to message 1", "general-reply-1-to-message-1", "Agreed."),
    ]
    # a chat's times to the minute, UTC (Slack's "ts" is Unix seconds)
    assert [m.date for m in ds.messages][:3] == ["2024-05-02 09:00 UTC", "2024-05-02 10:00 UTC", "2024-05-02 10:03 UTC"]
    zipped = tmp_path / "export.zip"
    with zipfile.ZipFile(zipped, "w") as z:
        for f in sorted((FIX / "slack").rglob("*.json")):
            z.write(f, "Team Export/" + str(f.relative_to(FIX / "slack")))
    assert detect(zipped).name == "slack"
    assert read_discussion([zipped])[0].messages == ds.messages
    assert len(read_discussion([FIX / "slack"], thread="random")[0].messages) == 1
    assert len(read_discussion([FIX / "slack"], options=Options(include_bots=True))[0].messages) == 6


def test_a_slack_export_missing_users_or_channels_says_which(tmp_path: Path) -> None:
    """A Slack export without users.json (or channels.json) is not read as one; the error
    says it looks like one, and what it lacks (a researcher's trial read only "not a
    discussion this tool reads")."""
    for missing in ("users.json", "channels.json"):
        folder = tmp_path / missing
        shutil.copytree(FIX / "slack", folder)
        (folder / missing).unlink()
        r = run("import", str(folder), "-o", str(tmp_path / "out"))
        assert r.exit_code == 1 and f"it looks like a Slack export, but {missing} is missing" in r.stderr, r.stderr


def test_a_discord_channel_exported_by_discordchatexporter() -> None:
    ds, summary = read_discussion([FIX / "discord.json"])
    assert summary["format"] == "discord" and summary["left_out"] == {
        "bots": 1, "empty": 1, "joins, leaves and channel events": 2, "quoted lines (others' words)": 1,
        # the reply to a message outside the export answers no one: said (a trial's, to a bot's, was not)
        "replies to a message not read (a bot's, or one before the export)": 1}
    assert messages("discord.json") == [
        ("Ana Lima", "message 1", "",
         "Is what we do in the workshop cooperation or collaboration? I'd say cooperation is helping each other with "
         "separate goals."),
        ("bruno_c", "message 2", "message-1", "Agreed, and collaboration is one shared goal. @Ana Lima"),
        ("Dmitri", "message 3", "", "@bruno_c not quite: in a team both are there. </script><script>alert(1)</script> 🤝"),
        ("Ana Lima", "message 4", "", "Late to this: coordination is the third word we keep mixing up."),
    ]  # a reply to a message outside the export answers no one
    assert [c.role for c in ds.contributors] == ["author", "commenter", "commenter"]
    assert [m.date for m in ds.messages] == ["2024-03-11 09:01 UTC", "2024-03-11 09:05 UTC", "2024-03-11 09:07 UTC",
                                             "2024-03-12 10:15 UTC"]
    assert len(read_discussion([FIX / "discord.json"], options=Options(include_bots=True))[0].messages) == 5


def test_a_telegram_chat_and_a_whole_account_exported_by_telegram_desktop(tmp_path: Path) -> None:
    ds, summary = read_discussion([FIX / "telegram.json"])
    assert summary["format"] == "telegram" and summary["left_out"] == {
        "empty": 1, "forwarded messages (others' words)": 1, "joins, leaves and channel events": 2,
        "quoted passages (others' words)": 1}
    assert messages("telegram.json") == [
        ("Ana Lima", "message 1", "", "Is a guild a kind of community, or something else?"),
        ("Bruno Costa", "message 2", "message-1",
         "A guild is a community of practice with a trade, see https://example.org/guilds <b>not</b> a club."),
        ("Deleted Account", "message 3", "message-2", "No, @bruno_costa: a guild sets rules for its members; a community "
         "need not."),
        ("Ana Lima", "message 4", "message-3", "Agreed 👍"),
    ]
    # by the Unix time beside the exporter's local one ("date": "2024-02-05T18:21:40", an hour ahead)
    assert [m.date for m in ds.messages] == ["2024-02-05 17:21 UTC", "2024-02-05 17:25 UTC", "2024-02-06 09:02 UTC",
                                             "2024-02-06 09:10 UTC"]
    chat = json.loads((FIX / "telegram.json").read_text(encoding="utf-8"))
    other = {"name": "Bruno Costa", "type": "personal_chat", "id": 100000002, "messages": [
        {"id": 1, "type": "message", "date": "2024-02-07T08:00:00", "from": "Bruno Costa", "from_id": "user100000002",
         "text": "Coffee?"}]}
    account = tmp_path / "result.json"
    account.write_text(json.dumps({"about": "Here is the data you requested.", "personal_information": {
        "user_id": 100000001, "first_name": "Ana"}, "chats": {"about": "This page lists all chats.",
                                                               "list": [chat, other]}}), encoding="utf-8")
    assert detect(account).name == "telegram"
    both, _ = read_discussion([account])
    assert [m.where for m in both.messages][-1] == "“Bruno Costa” › message 1"
    assert both.messages[-1].date == "2024-02-07 08:00"  # no Unix time: the local one, as written
    assert len(read_discussion([account], thread="Words we work with")[0].messages) == 4
    # a message sent through a bot (a poll, an inline search) is the bot's words
    chat["messages"].append({"id": 99, "type": "message", "date": "2024-02-06T10:00:00", "date_unixtime": "1707213600",
                             "from": "Ana Lima", "from_id": "user100000001", "via_bot": "@vote",
                             "text": "Poll: guild or community? 3 votes"})
    voted = tmp_path / "voted.json"
    voted.write_text(json.dumps(chat), encoding="utf-8")
    ds, summary = read_discussion([voted])
    assert len(ds.messages) == 4 and summary["left_out"]["bots"] == 1
    assert len(read_discussion([voted], options=Options(include_bots=True))[0].messages) == 5


@pytest.mark.parametrize("encoding", ["TF-8", "zlib", "idna", "undefined"])
def test_an_xml_declaration_naming_an_encoding_python_cannot_read_is_one_clear_line(tmp_path: Path,
                                                                                     encoding: str) -> None:
    bad = tmp_path / "export.xml"
    bad.write_text(f'<?xml version="1.0" encoding="{encoding}"?>\n<rss><channel/></rss>', encoding="utf-8")
    r = run("import", str(bad), "--format", "wxr", "-o", str(tmp_path / "out"))
    assert r.exit_code == 1 and "Traceback" not in r.stderr
    assert f"export.xml:1: cannot read the encoding the XML declaration names ('{encoding}')" in r.stderr


def test_a_whatsapp_chat_is_titled_by_its_group_and_no_thread_is_left_out_of_a_joint_title(tmp_path: Path) -> None:
    """A chat WhatsApp saved as "WhatsApp Chat with Weather Watchers.txt" is that group's,
    and imported with another community's export the dataset is titled by both (a
    researcher's trial had it titled by the other one alone, the chat by its file's name)."""
    chat = tmp_path / "WhatsApp_Chat_with_Weather_Watchers.txt"
    chat.write_text("14/01/2024, 08:02 - Dave: Weather is today.\n14/01/2024, 08:05 - Tom: Climate is decades.\n",
                    encoding="utf-8")
    ds, _ = read_discussion([chat])
    assert ds.source.title == "Weather Watchers"
    ds, _ = read_discussion([chat, FIX / "telegram.json"])
    other, _ = read_discussion([FIX / "telegram.json"])
    assert ds.source.title == f"Weather Watchers / {other.source.title}"
    plain = tmp_path / "notes.txt"
    plain.write_text("Ann: A tab is one character.\nBo: Indeed it is.\n", encoding="utf-8")
    assert read_discussion([plain, FIX / "telegram.json"])[0].source.title == f"notes.txt / {other.source.title}"


def test_whatsapp_s_mark_for_someone_not_in_the_contacts_is_no_part_of_the_name(write) -> None:
    chat = ("[12.03.24, 21:04:55] Lena Weber: Is a hobby the same as a pastime?\n"
            "[12.03.24, 21:07:13] ~\u202fOma Ilse: A hobby takes effort.\n")
    ds, _ = read_discussion([write(chat, "chat.txt")])
    assert [c.name for c in ds.contributors] == ["Lena Weber", "Oma Ilse"]
    # a phone number for a name is nowhere written whole, the thread's author included
    ds, _ = read_discussion([write("[12.03.24, 21:04:55] +49 151 23456789: Is a hobby a pastime?\n"
                                   "[12.03.24, 21:05:00] Ana: No.\n", "phone.txt")])
    assert ds.contributors[0].name == "+49 …6789" and "23456789" not in repr(ds)
    # the summary names them, and --rename takes the number as the file has it (a trial had
    # to type the ellipsis)
    phone = write("[12.03.24, 21:04:55] +49 151 23456789: Is a hobby a pastime?\n[12.03.24, 21:05:00] Ana: No.\n",
                  "phone.txt")
    out = run("import", str(phone), "-o", str(phone.parent / "out"))
    assert out.exit_code == 0 and "known by a phone number only: +49 …6789; --rename" in out.stdout, out.output
    out = run("import", str(phone), "-o", str(phone.parent / "named"), "--rename", "+49 151 23456789=Oma Ilse", "--json")
    assert out.exit_code == 0, out.output
    assert "phone_names" not in json.loads(out.stdout)
    assert [c.name for c in read_discussion([phone])[0].contributors] == ["+49 …6789", "Ana"]


def test_whatsapp_chats_exported_on_ios_and_android() -> None:
    """Their own lines (the encryption notice, "created group", "added", "left"), media
    and deleted messages are left out and counted, never glued to the turn before; a
    phone number's invisible marks are no part of its name; the date is the stamp's when
    the file shows which number is the day; the time goes with each turn's place."""
    for name, clock in (("whatsapp-ios.txt", "09:10:00"), ("whatsapp-android.txt", "09:10")):
        ds, summary = read_discussion([FIX / name])
        stamped = messages(name)
        assert stamped[3][1] == f"turn 4 at {clock}"
        got = [(who, where.split(" at ")[0], *rest) for who, where, *rest in stamped]
        assert got[0] == ("Anna Müller", "turn 1", "", "What is the difference between a bug and a defect?")
        # a phone number for a name is written as its country code and last digits: no number anyone could call
        assert ("+49 …4567", "turn 4", "", "Bug is just slang for defect. Same thing.") in got
        assert ("Ben Okafor", "turn 5", "", "I disagree. A bug is always in code, a defect can be in a spec.") in got
        assert not any("omitted" in t or "deleted" in t or " left" in t or "added" in t for *_, t in got)
        assert {m.date for m in ds.messages} == {"2024-01-15"}
        assert summary["left_out"]["deleted"] == 1 and summary["left_out"]["media without words"] >= 1
        assert summary["left_out"]["joins, leaves and channel events"] >= 3
        assert "encrypted" not in ds.source.title
        assert ds.source.title == "QA Glossary"  # the group's name, as its own line gives it, not the file's
    us, _ = read_discussion([FIX / "whatsapp-android-us.txt"])  # 2/10/24: February or October? No date, not a guess
    assert [m.text for m in us.messages][3] == "I don't think so, José. Admins manage bots and billing."
    assert {m.date for m in us.messages} == {""}


def test_a_chat_of_several_days_says_each_turn_s_day_in_its_place(write) -> None:
    """"turn 3 at 08:15" the next morning had read as earlier than "turn 2 at 22:07" in
    compare and consensus, which show places alone (a trial's two-day chat): in a chat
    of several days each place says its day; the ids are the same (decisions keep them),
    and a chat of one day, or whose days the file cannot tell, says none."""
    two = write("15/01/2024, 21:05 - Anna: A bug is a defect in code.\n15/01/2024, 22:07 - Ben: A defect is any "
                "deviation.\n16/01/2024, 08:15 - Anna: Agreed, a defect is wider.\n", name="wa.txt")
    ds, _ = read_discussion([two])
    assert [(m.id, m.where) for m in ds.messages] == [("turn-1", "turn 1 at 21:05 on 2024-01-15"),
                                                     ("turn-2", "turn 2 at 22:07 on 2024-01-15"),
                                                     ("turn-3", "turn 3 at 08:15 on 2024-01-16")]
    out = CliRunner().invoke(cli, ["thread", "--data", str(two)])
    assert "turn 3 at 08:15 on 2024-01-16 — Anna\n" in out.output, out.output  # the day once
    one, _ = read_discussion([FIX / "whatsapp-android.txt"])
    assert one.messages[3].where == "turn 4 at 09:10"
    unknown = write("2/10/24, 21:05 - Anna: A bug is a defect.\n3/10/24, 08:15 - Ben: Agreed.\n", name="us.txt")
    assert [m.where for m in read_discussion([unknown])[0].messages] == ["turn 1 at 21:05", "turn 2 at 08:15"]


CHATS = FIX / "chat-exports"
MOD_TALK = [  # DiscordChatExporter's #mod-talk, as its JSON, HTML, CSV and TXT exports all hold it
    "Can we agree on what a moderator is vs an admin? New people keep asking admins to mute spammers.",
    "A moderator enforces the rules; an admin changes the rules. That's how I'd put it.",
    "An admin is a moderator with server permissions. Every admin is a moderator.",
    "I don't think so, José. Our admins never moderate anything, they manage bots and billing.",
    "Agreed with Mira. Admin means access, moderator means conduct.",
    "<b>mods</b> are volunteers, admins are owners &amp; co-owners",  # as typed: Discord's words are no HTML
    "Decision from the call: moderator = enforces conduct, admin = owns configuration. Writing it up.",
]


@pytest.mark.parametrize("name, replies", [("dce-mod-talk.json", 3), ("dce-mod-talk.html", 3), ("dce-mod-talk.txt", 0),
                                           ("Hollowmere Guild Hall - Staff - mod-talk [1120000000000000007].csv", 0)])
def test_every_discordchatexporter_export_of_a_channel_reads_the_same_words(name: str, replies: int) -> None:
    """JSON and HTML keep who answers whom; CSV and TXT do not. The call and the renaming
    are the channel's own, in each of them."""
    ds, summary = read_discussion([CHATS / name])
    assert summary["format"] == "discord" and [m.text for m in ds.messages] == MOD_TALK
    assert summary["replies"] == replies and summary["left_out"] == {"joins, leaves and channel events": 2}
    assert ds.source.title == "#mod-talk"


def test_the_parts_of_one_discord_channel_are_one_thread(tmp_path: Path) -> None:
    """An export split in parts, or a channel exported twice: each message once, in order,
    and a reply across two parts still answers."""
    ds, summary = read_discussion([CHATS / "dce-glossary-part2.json", CHATS / "dce-glossary-part1.json"])
    assert summary["threads"] == 1 and summary["replies"] == 5
    assert [m.where for m in ds.messages] == [f"message {n}" for n in range(1, len(ds.messages) + 1)]
    assert len({m.text for m in ds.messages}) == len(ds.messages)
    twice, _ = read_discussion([CHATS / "dce-mod-talk.json", CHATS / "dce-mod-talk-again.json"])
    assert [m.text for m in twice.messages] == MOD_TALK
    both, _ = read_discussion([CHATS / "dce-mod-talk.json", CHATS / "dce-glossary-part1.json"])
    assert both.source.title == "Hollowmere Guild Hall"  # two channels of one server: the server's name
    r = run("import", str(CHATS / "dce-mod-talk.json"), str(CHATS / "dce-glossary-part1.json"), "--thread", "mod-talk",
            "-o", str(tmp_path / "out"))
    assert "left out of all that was read, not only this thread:" in r.stdout


def test_a_discord_role_or_channel_mentioned_is_named(write) -> None:
    """"cc <@&7001> see <#42>" reads as the role's and the channel's names where the
    export gives them (an author's roles, the channel and its category), else as
    "@role" and "#channel": no raw ids in anyone's words."""
    author = {"id": "1", "name": "ann", "isBot": False, "roles": [{"id": "7001", "name": "Wiki Editor"}]}
    doc = {"guild": {"id": "9", "name": "Guild"}, "channel": {"id": "42", "name": "raids", "categoryId": "40",
                                                              "category": "games"},
           "messages": [{"id": "100", "type": "Default", "timestamp": "2024-01-01T00:00:00+00:00", "author": author,
                         "content": "Raid means a large group. cc <@&7001> see <#42>, <#40> and <#41>",
                         "mentions": []}]}
    ds, _ = read_discussion([write(json.dumps(doc), "c.json")])
    assert [m.text for m in ds.messages] == ["Raid means a large group. cc @Wiki Editor see #raids, #games and #channel"]


def test_zulip_topics_quote_and_reply_and_bots() -> None:
    """Each topic is a thread; a "quote and reply" answers the message it links to, its
    quote left out and its "NAME said:" kept (whom it answers); the notification bot is
    left out; the format is told by its content."""
    path = FIX / "zulip.json"
    ds, summary = read_discussion([path])
    assert summary["format"] == "zulip" and summary["threads"] == 2
    assert summary["left_out"] == {"bots": 1, "quoted passages (others' words)": 1}
    first = [m for m in ds.messages if "terminology" in m.where]
    assert [m.where.rsplit("› ", 1)[-1] for m in first] == ["message 1", "message 2", "message 3"]
    reply = first[1]
    assert reply.reply_to == first[0].id and reply.date == "2024-10-17 13:00 UTC"
    # the quote, and the "Floris van Doorn said:" Zulip writes over it, are no words of the reply's
    assert reply.text.startswith("I view") and "Minor terminology" not in reply.text and "said:" not in reply.text
    assert "zulipchat" not in reply.text and not any("moved here" in m.text for m in ds.messages)
    assert {c.name for c in ds.contributors} == {"Floris van Doorn", "Terence Tao", "Jared green", "Mario Carneiro"}
    with_bots, _ = read_discussion([path], options=Options(include_bots=True))
    assert any("moved here" in m.text for m in with_bots.messages)
    # Markdown (apply_markdown=false): the quote block and the mentions as Zulip writes them
    from conceptgraph.discussions.zulip import read_zulip

    md = json.loads(path.read_text(encoding="utf-8"))
    md["messages"][1] |= {"content_type": "text/x-markdown", "content": "@_**Floris van Doorn|110001** [said]("
                          "https://x.zulipchat.com/#narrow/near/476100001):\n````quote\nMinor terminology\n````\n"
                          "@**Jared green** I view it as a formal conjecture."}
    [thread, _], left = read_zulip(json.dumps(md).encode(), "z.json")
    assert thread.posts[1].text == "@Jared green I view it as a formal conjecture."
    assert thread.posts[1].parent == "476100001" and left["quoted passages (others' words)"] == 1
    md["messages"][1] |= {"content": "/me waves at the formal conjecture"}  # Zulip shows "Terence Tao waves ..."
    assert read_zulip(json.dumps(md).encode(), "z.json")[0][0].posts[1].text == "waves at the formal conjecture"


MM_NAMING = [  # the channel of the bulk export (its one thread): its root posts and their replies, in time order
    ("Hyun Lee", "message 1", "", "Is a tenant the same as an organization in our product? @ofelia you "
     "answer the tickets, what do customers say?"),
    ("Ofelia Domínguez", "reply 1 to message 1", "message-1",
     "No — a tenant is the billing and isolation unit; an organization is what the customer sees and names."),
    ("Łukasz Wójcik", "reply 2 to message 1", "message-1",
     "One tenant can hold several organizations, so tenant ⊃ organization."),
    ("Hyun Lee", "reply 3 to message 1", "message-1",
     "Got it, thanks @ofelia and @lwojcik!"),
    ("Jörg", "message 2", "", "Does workspace mean the same thing as tenant then?"),
    ("Ofelia Domínguez", "reply 1 to message 2", "message-2",
     "Not at all: a workspace lives inside an organization, and an organization can have many."),
    # it quotes the reply before it: that is what it answers
    ("Hyun Lee", "reply 2 to message 2", "reply-1-to-message-2",
     "So a workspace is never shared between two organizations?"),
    ("Ofelia Domínguez", "message 3", "", "Follow-up: en español decimos «inquilino», que a los clientes les "
     "suena raro."),
]


def test_a_mattermost_bulk_export_channels_replies_and_direct_messages(tmp_path: Path) -> None:
    """Each channel is a thread ("Team / Channel"), its replies under their root post; the
    direct messages a server's export holds are said between people, not to a channel, and
    are left out, unless they are all the file holds: then each group of people is a
    thread. People by their full name, else their nickname; a mention stays as written;
    quoted lines, system messages, the bot's and the webhook's posts and a reply of a file
    alone are left out and counted."""
    path = FIX / "mattermost-export.jsonl"
    ds, summary = read_discussion([path])
    assert summary["format"] == "mattermost" and summary["threads"] == 1 and summary["replies"] == 5
    assert summary["left_out"] == {"bots": 2, "direct messages": 3, "empty": 1,
                                   "joins, leaves and channel events": 2, "quoted lines (others' words)": 2}
    got = messages("mattermost-export.jsonl")
    assert got == MM_NAMING and not any("Off the record" in m.text for m in ds.messages)
    direct_only = tmp_path / "dms.jsonl"
    direct_only.write_text("".join(line for line in path.read_text(encoding="utf-8").splitlines(keepends=True)
                                   if '"type":"post"' not in line), encoding="utf-8")
    dms, _ = read_discussion([direct_only])
    people = {c.id: c.name for c in dms.contributors}
    direct = "“direct messages: Hyun Lee, Ofelia Domínguez” › "
    assert [(people[m.by], m.where, m.text) for m in dms.messages] == [
        ("Ofelia Domínguez", direct + "message 1",
         "Off the record: tenant is a hard word for people who learned English at work."),
        ("Hyun Lee", direct + "reply 1 to message 1", "Agreed. Shall we propose account instead?"),
        ("Łukasz Wójcik", "“direct messages: Hyun Lee, Ofelia Domínguez, Łukasz Wójcik” › message 1",
         "Shall we bring the glossary to Thursday's meeting?")]
    assert dms.messages[1].reply_to == dms.messages[0].id  # the reply answers its root
    assert [c.name for c in ds.contributors] == ["Hyun Lee", "Ofelia Domínguez", "Łukasz Wójcik", "Jörg"]
    # a chat's messages by the minute (UTC), in the order they were written
    assert {m.date[:10] for m in ds.messages} == {"2024-05-01"} and all(m.date.endswith(" UTC") for m in ds.messages)
    assert [m.date for m in dms.messages] == sorted(m.date for m in dms.messages)
    # the bot's post with --include-bots, by the bot's name; the webhook's has no words
    with_bots, summary = read_discussion([path], options=Options(include_bots=True))
    assert ("Glossary Bot", "Term added to the wiki: tenant") in [
        ({c.id: c.name for c in with_bots.contributors}[m.by], m.text) for m in with_bots.messages]
    assert "bots" not in summary["left_out"] and summary["left_out"]["empty"] == 2
    # told by its content, whatever its name
    fmt, said, written = imported_unnamed(path, tmp_path)
    assert fmt == "mattermost"
    assert said == ["mattermost: 1 thread, 8 messages, 4 speakers, 5 replies",
                    "left out: 2 bots, 3 direct messages, 1 empty, 2 joins, leaves and channel "
                    "events, 2 quoted lines (others' words)"]
    assert [(m.where, m.reply_to, m.text) for m in written.messages][:8] == [w[1:] for w in MM_NAMING]


def test_a_mattermost_api_answer_by_user_ids_or_the_names_beside_them(tmp_path: Path) -> None:
    """The posts API's answer (newest first) read in time order: a reply under its
    root_id; system posts, a webhook's post, a deleted reply and a post of a file alone
    left out and counted; a deleted post that is answered stays as a stand-in. The answer
    names no one: its people are their user ids, unless the file holds the users too."""
    path = FIX / "mattermost-api.json"
    ds, summary = read_discussion([path])
    assert summary["format"] == "mattermost" and summary["threads"] == 1 and summary["replies"] == 2
    assert summary["left_out"] == {"bots": 1, "deleted": 2, "empty": 1, "joins, leaves and channel events": 2,
                                   "quoted lines (others' words)": 1}
    hlee, ofelia, lukasz = "t4jhumgnzgedo95w77zuqmqfu9", "x6teh4kxj94cewxy97efs8edu6", "t1yb7ykh9dotiq339fk63si5s4"
    assert messages("mattermost-api.json") == [
        (hlee, "message 1", "", "Is a tenant the same as an organization? @ofelia what do customers say?"),
        (ofelia, "reply 1 to message 1", "message-1",
         "No — a tenant is the billing unit; an organization is what the customer sees."),
        ("unnamed commenter (message 2)", "message 2", "", "[deleted]"),
        (hlee, "reply 1 to message 2", "message-2", "Whatever it said, I agree: organization is the customer's word."),
        (lukasz, "message 3", "", "`tenant_id` stays in the API; the UI says organization from now on.")]
    assert ds.source.title == "mattermost-api" and ds.source.date == "2024-05-01 10:00 UTC"
    # the users saved in the same file (POST /api/v4/users/ids) name them
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["users"] = [{"id": hlee, "username": "hlee", "first_name": "Hyun", "last_name": "Lee", "nickname": ""},
                    {"id": ofelia, "username": "ofelia", "first_name": "Ofelia", "last_name": "Domínguez"},
                    {"id": lukasz, "username": "lwojcik", "first_name": "", "last_name": "", "nickname": "Łukasz"}]
    named = tmp_path / "naming-posts.json"
    named.write_text(json.dumps(doc), encoding="utf-8")
    r = run("import", str(named), "-o", str(tmp_path / "out"))
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith("mattermost: 1 thread, 5 messages, 3 speakers, 2 replies\n")
    written = load_dataset(tmp_path / "out")
    assert [c.name for c in written.contributors] == ["Hyun Lee", "Ofelia Domínguez", "unnamed commenter (message 2)",
                                                      "Łukasz"]
    assert written.source.title == "naming-posts"
    # a file of several pages saved one after the other reads each post once
    pages = tmp_path / "pages.json"
    pages.write_text(path.read_text(encoding="utf-8") * 2, encoding="utf-8")
    twice, _ = read_discussion([pages])
    assert [m.text for m in twice.messages] == [m.text for m in ds.messages]
    # --format mattermost given another chat's file: the content says which it is
    r = run("import", str(FIX / "zulip.json"), "--format", "mattermost", "-o", str(tmp_path / "z"))
    assert r.exit_code == 2 and "reads as zulip" in r.stderr


def test_a_mattermost_export_line_that_is_no_json_is_named(write) -> None:
    """A bulk export is read line by line: the error names the line, and says whether the
    line or the file is cut short."""
    head = '{"type":"version","version":1}\n'
    post = '{"type":"post","post":{"team":"t","channel":"c","user":"ann","message":"Soup?","create_at":1}}\n'
    for text, problem in (
            (head + post[:40] + "\n" + post, ":2: JSON syntax error: Unterminated string starting at column 35 "
             "(the line ends inside its JSON: is it cut short, or split over two lines?)"),
            (head + post + post[:40], ":3: JSON syntax error: Unterminated string starting at column 35 "
             "(the file ends inside the JSON: is it cut short?)"),
            (head + "[1, 2]\n" + post, ":2: expected a JSON object on each line, as a Mattermost export has"),
            (head + post.replace("Soup?", "caf\xe9"), ":2: not valid UTF-8 (byte 0xe9 at offset 106)"),
            (head + '{"type":"team","team":{"name":"t"}}\n', ": no post in this Mattermost file")):
        path = write(text.encode("latin-1"), "cut.jsonl")
        with pytest.raises(DatasetError) as e:
            read_discussion([path])
        assert str(e.value).startswith(f"{path}{problem}"), str(e.value)


TEAMS_CHANNEL = [  # the channel's posts and their replies, in time order (Graph gives the newest first)
    ("Ingrid Sæther", "message 1", "", "For the status page: is every incident an outage? Tomás Ó Briain, Zoë Marchetti, "
     "what does support say?"),
    ("Tomás Ó Briain", "reply 1 to message 1", "message-1",
     "No. An outage is when customers can't use the service at all; an incident is anything we open a ticket for."),
    ("Zoë Marchetti", "reply 2 to message 1", "message-1", 'Support says "outage" only when nobody can log in 👍'),
    # it quotes Tomás's reply (a messageReference attachment): that is what it answers
    ("Ingrid Sæther", "reply 3 to message 1", "reply-1-to-message-1", "So a slow checkout is an incident but not an "
     "outage?"),
    ("Tomás Ó Briain", "reply 4 to message 1", "message-1",
     'Yes, a degradation. We write "degraded performance" on the page.'),
    ("unnamed commenter (message 2)", "message 2", "", "[deleted]"),
    ("Ingrid Sæther", "reply 1 to message 2", "message-2",
     "Whatever it said: let us keep outage for the status page and incident for tickets."),
    ("Zoë Marchetti", "message 3", "", "Reminder: the glossary review is on Thursday. Bring your terms."),
]


def test_a_teams_channel_from_microsoft_graph_with_its_replies_expanded(tmp_path: Path) -> None:
    """A channel's messages as Graph gives them (``$expand=replies``, newest first) are
    one thread in time order: each post's replies under it, a reply that quotes another
    (a ``messageReference`` attachment) answering it; a post's subject is its title;
    mentions read as names, an emoji as itself. The bot's reply, the members-added event,
    a deleted post nobody answered (the answered one stays as a stand-in), a file alone
    and a quoted passage are left out and counted."""
    path = FIX / "teams-channel.json"
    ds, summary = read_discussion([path])
    assert summary["format"] == "teams" and summary["threads"] == 1 and summary["replies"] == 5
    assert summary["left_out"] == {"bots": 1, "deleted": 2, "empty": 1, "joins, leaves and channel events": 1,
                                   "quoted passages (others' words)": 1}
    assert messages("teams-channel.json") == TEAMS_CHANNEL
    assert [m.title for m in ds.messages] == ["Incident or outage?"] + [""] * 7
    assert ds.source.title == "teams-channel" and ds.source.author == "Ingrid Sæther"  # posts of several subjects
    # one conversation: its subject titles it, not the file's name
    page = json.loads(path.read_text(encoding="utf-8"))
    page["value"] = [m for m in page["value"] if m.get("subject") == "Incident or outage?"]
    one = tmp_path / "one.json"
    one.write_text(json.dumps(page), encoding="utf-8")
    assert read_discussion([one])[0].source.title == "Incident or outage?"
    assert {m.date[:10] for m in ds.messages} == {"2024-06-03"} and ds.messages[0].date.endswith(" UTC")
    assert ds.messages[1].url.startswith("https://teams.microsoft.com/l/message/19%3Ab7e4c1d09a3f4e2c8d6b5a4f3e2d1c0b")
    assert ds.source.url == ds.messages[0].url  # the thread's link: its first message's, in its channel
    # the bot's reply with --include-bots, by the bot's name
    with_bots, summary = read_discussion([path], options=Options(include_bots=True))
    people = {c.id: c.name for c in with_bots.contributors}
    assert ("Glossary Bot", "reply 3 to message 1", "Added to the glossary: outage") in [
        (people[m.by], m.where, m.text) for m in with_bots.messages]
    assert "bots" not in summary["left_out"]
    # told by its content, whatever its name
    fmt, said, written = imported_unnamed(path, tmp_path)
    assert fmt == "teams"
    assert said == ["teams: 1 thread, 8 messages, 3 speakers, 5 replies",
                    "left out: 1 bot, 2 deleted, 1 empty, 1 join, leave or channel event, 1 quoted "
                    "passage (others' words)"]
    assert [(m.where, m.reply_to, m.text) for m in written.messages] == [t[1:] for t in TEAMS_CHANNEL]
    # a post's replies saved alone (GET .../messages/{id}/replies): their post is not here, so each is a message
    doc = json.loads(path.read_text(encoding="utf-8"))
    replies = tmp_path / "replies.json"
    replies.write_text(json.dumps({"@odata.context": doc["@odata.context"], "value": doc["value"][-1]["replies"]}),
                       encoding="utf-8")
    assert [(where, to) for _, where, to, _ in messages(str(replies))] == [
        ("message 1", ""), ("message 2", ""), ("message 3", "message-1"), ("message 4", "")]


def _capitalised(doc):
    """A Graph answer as PowerShell's ConvertTo-Json writes its objects: ``ReplyToId``."""
    if isinstance(doc, list):
        return [_capitalised(v) for v in doc]
    if isinstance(doc, dict):
        return {(k if k.startswith("@") else k[:1].upper() + k[1:]): _capitalised(v) for k, v in doc.items()}
    return doc


TEAMS_CHAT = [
    ("Ana Lúcia Ferreira", "message 1", "", "Quick one: do we call them customers or clients in the onboarding emails?"),
    ("Björn Åkesson", "message 2", "", "Clients, I think. Customers sounds like a shop."),
    # a quoted reply (messageReference): it answers the message it quotes; the mention is the name
    ("Chidi Okeke", "message 3", "message-1", "Legal says customer: it is the word in the contract. Björn?"),
    # an older quoted reply (<blockquote itemid>): the quote is no words of Björn's
    ("Björn Åkesson", "message 4", "message-3", "Fair, customers it is 👍"),
    ("unnamed commenter (message 5)", "message 5", "", "[deleted]"),
    ("Ana Lúcia Ferreira", "message 6", "message-5", "Does that go for the renewal emails too?"),
    ("Ana Lúcia Ferreira", "message 7", "", "OK: customers everywhere. I’ll tell marketing."),
]


def test_a_teams_chat_its_quoted_replies_answer_what_they_quote(tmp_path: Path) -> None:
    """A chat has no replyToId: a message answers the one it quotes. Its pages saved one
    after the other, the list alone, PowerShell's capitalised names, or names Graph left
    out (a user id stands in) read the same people and words."""
    path = FIX / "teams-chat.json"
    ds, summary = read_discussion([path])
    assert summary["format"] == "teams" and summary["threads"] == 1 and summary["replies"] == 3
    assert summary["left_out"] == {"deleted": 1, "joins, leaves and channel events": 2,
                                   "quoted passages (others' words)": 1}
    assert messages("teams-chat.json") == TEAMS_CHAT
    assert ds.source.title == "teams-chat" and not any(m.url for m in ds.messages)
    # what a reply quotes is the words quoted, without the name Teams puts over them
    assert [m.quotes for m in ds.messages if m.quotes] == [("Legal says customer: it is the word in the contract.",)]
    doc = json.loads(path.read_text(encoding="utf-8"))
    for name, data in (("pages.json", json.dumps(doc) + "\n" + json.dumps(doc)),  # a message on two pages, once
                       ("list.json", json.dumps(doc["value"])),
                       ("powershell.json", json.dumps(_capitalised(doc["value"]), indent=4))):
        got = tmp_path / name
        got.write_text(data, encoding="utf-8")
        assert [t[1:] for t in messages(str(got))] == [t[1:] for t in TEAMS_CHAT], name
        assert detect(got) is IMPORTERS["teams"]
    # Graph may give no displayName: a person is their user id, or the name a mention gives them
    for m in doc["value"]:
        if m["from"]:
            m["from"]["user"]["displayName"] = None
    nameless = tmp_path / "nameless.json"
    nameless.write_text(json.dumps(doc), encoding="utf-8")
    assert [who for who, *_ in messages(str(nameless))] == [
        "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d", "Björn Åkesson", "6c5d4e3f-2a1b-4c0d-9e8f-7a6b5c4d3e2f", "Björn Åkesson",
        "unnamed commenter (message 5)", "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d", "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d"]
    # two chats in one file: two threads, told apart by the file's name and their order
    other = json.loads(json.dumps(doc["value"][-1]).replace("4f8e2d6c", "0a0b0c0d")) | {"id": "1717592404001"}
    both = tmp_path / "chats.json"
    both.write_text(json.dumps(doc["value"] + [other]), encoding="utf-8")
    ds, summary = read_discussion([both])
    assert summary["threads"] == 2
    assert {m.where.split(" › ")[0] for m in ds.messages} == {"“chats (chat 1)”", "“chats (chat 2)”"}


def test_a_teams_message_is_ordered_by_its_time_and_a_reply_by_its_post(write) -> None:
    """Time order is the messages' times, not their ids; a reply whose clock was behind
    still comes after its post. A text body is words as written, markup-like or not; an
    event is known by its eventDetail too; a message naming no chat is in the file's; one
    quoting a message not saved answers no one; an address with an "@" in it is not kept."""
    def said(ident: str, when: str, text: str, **more):
        return {"id": ident, "messageType": "message", "createdDateTime": when,
                "from": {"user": {"id": "u1", "displayName": "Ann Lee"}},
                "body": {"contentType": "text", "content": text}, **more}

    path = write(json.dumps({"value": [
        said("1", "2024-06-03T10:00:00Z", "<draft> is the word we use.", chatId="19:x@thread.v2",
             webUrl="https://teams.microsoft.com/l/message/19:x@thread.v2/1"),
        said("7", "2024-06-03T10:30:00Z", "Quoting one not saved.", attachments=[
            {"id": "404", "contentType": "messageReference"}]),
        {"id": "3", "createdDateTime": "2024-06-03T09:30:00Z", "from": None, "body": {"contentType": "html",
         "content": "<p>Call ended</p>"}, "eventDetail": {"@odata.type": "#microsoft.graph.callEndedEventMessageDetail"}},
        said("9", "2024-06-03T09:00:00.1234567Z", "Sooner.",
             replies=[said("5", "2024-06-03T08:59:00Z", "A reply, its clock behind.")])]}), "skewed.json")
    ds, summary = read_discussion([path])
    assert summary["threads"] == 1 and summary["left_out"] == {"joins, leaves and channel events": 1}
    assert [(m.where, m.reply_to, m.text) for m in ds.messages] == [
        ("message 1", "", "Sooner."), ("reply 1 to message 1", "message-1", "A reply, its clock behind."),
        ("message 2", "", "<draft> is the word we use."), ("message 3", "", "Quoting one not saved.")]
    assert not any(m.url for m in ds.messages)


@pytest.mark.parametrize("text, problem", [
    ('{"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#chats(\'19%3Aa\')/messages", "value": []}',
     "no message in this Teams file"),
    ('{"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#chats(\'19%3Aa\')/messages", "value": 3}',
     'expected Microsoft Graph\'s chat or channel messages: an object with "value"'),
    ('{"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#chats(\'19%3Aa\')/messages", "value": [',
     "JSON syntax error"),
])
def test_a_teams_file_of_the_wrong_shape_says_what_it_expected(write, text: str, problem: str) -> None:
    path = write(text, "chat.json")
    r = run("import", str(path), "-o", str(path.parent / "out"))
    assert r.exit_code == 1 and problem in r.stderr and r.stderr.count("\n") == 1, r.stderr


CANVAS = [  # the topic's prompt, then its entries in time order, each reply under what its parent_id names
    ("Émilie Fournier", "post", "", "We often use empathy and sympathy as if they meant the same thing. In your own "
     "words, what does each one mean? Give an example where one fits and the other does not."),
    ("Søren Kjær", "comment 1", "post",
     "I think sympathy is feeling sorry for someone, and empathy is feeling with them."),
    ("Nguyễn Thị Lan", "reply 1 to comment 1", "comment-1", "Agreed, but I'd add that empathy doesn't need pity at all."),
    # a reply to a reply: the passage it quotes is Lan's words, not Søren's
    ("Søren Kjær", "reply 2 to comment 1", "reply-1-to-comment-1",
     "Good point: you can feel with someone who is proud, not only with someone who is sad."),
    ("unnamed commenter (comment 2)", "comment 2", "post", "[deleted]"),
    ("Émilie Fournier", "reply 1 to comment 2", "comment-2", "Aiyana took her post down, but her question was a good "
     "one: yes, you can sympathise with someone without knowing how it feels."),
    ("Kwame Mensah", "comment 3", "post", "In Twi one word covers both, so this difference was new to me. Is compassion "
     "(https://en.wiktionary.org/wiki/compassion) a third thing?"),
    ("Aiyana Whitehorse", "reply 1 to comment 3", "comment-3", "I’d say compassion is empathy plus wanting to help."),
    # from new_entries: not in the view yet, still under the reply it answers
    ("Kwame Mensah", "reply 2 to comment 3", "reply-1-to-comment-3",
     "So sympathy would be wanting to help without feeling it? That fits the Twi word better."),
]


def test_a_canvas_entry_by_a_user_no_participant_names_is_named_by_the_id_and_said(write) -> None:
    """Canvas names a writer by the participants list; one missing from it is known by the
    id alone, and the import says so (a trial's "204" spoke unannounced)."""
    view = {"participants": [{"id": 7, "display_name": "Ana Lima"}],
            "view": [{"id": 1, "user_id": 7, "parent_id": None, "message": "<p>Is a theory a guess?</p>"},
                     {"id": 2, "user_id": 204, "parent_id": 1, "message": "<p>No.</p>"}]}
    with pytest.warns(ConceptGraphWarning, match=r"week-3\.json: 1 entry by 1 user whom no participant names, each "
                                                 r"named by their id \(204\): --rename '204=NAME' names one"):
        ds, _ = read_discussion([write(json.dumps(view), "week-3.json")])
    assert [c.name for c in ds.contributors] == ["Ana Lima", "204"]


def test_a_canvas_entry_changed_after_it_was_posted_says_when_and_by_whom(write) -> None:
    """Canvas's ``updated_at`` and ``editor_id``: an entry its writer changed says when; one
    a teacher changed says who did too (a reply may have answered other words); a moment's
    difference is no edit (a trial's two edits were not recorded)."""
    entry = {"parent_id": None, "created_at": "2024-02-07T09:00:00Z"}
    view = {"participants": [{"id": 7, "display_name": "Ana Lima"}, {"id": 8, "display_name": "Bo Chen"},
                             {"id": 101, "display_name": "Ms. Okafor"}],
            "view": [{**entry, "id": 1, "user_id": 7, "message": "<p>A law explains.</p>",
                      "updated_at": "2024-02-07T09:40:00Z"},
                     {**entry, "id": 2, "user_id": 8, "message": "<p>A law describes.</p>",
                      "updated_at": "2024-02-09T07:00:00Z", "editor_id": 101},
                     {**entry, "id": 3, "user_id": 8, "message": "<p>Yes.</p>", "updated_at": "2024-02-07T09:00:30Z"}]}
    ds, _ = read_discussion([write(json.dumps(view), "week-3.json")])
    assert [m.edited for m in ds.messages] == ["2024-02-07 09:40 UTC", "2024-02-09 07:00 UTC by Ms. Okafor", ""]


def test_a_canvas_full_topic_with_the_topic_beside_it_or_in_the_same_file(tmp_path: Path) -> None:
    """Canvas's full topic (``.../view``) and the topic itself, given together, in either
    order or saved one after the other in one file: one thread, the teacher's prompt its
    post, each entry a comment, replies nested at any depth under their parent_id, names
    from the participants. A deleted entry that was answered stays as a stand-in; the
    other, an attachment alone and a quoted passage are left out and counted."""
    topic, view = FIX / "canvas-topic.json", FIX / "canvas-view.json"
    ds, summary = read_discussion([topic, view])
    assert summary["format"] == "canvas" and summary["threads"] == 1 and summary["replies"] == 8
    assert summary["left_out"] == {"deleted": 2, "empty": 1, "quoted passages (others' words)": 1}
    people = {c.id: c.name for c in ds.contributors}
    assert [(people[m.by], m.where, m.reply_to, m.text) for m in ds.messages] == CANVAS
    assert (ds.source.title, ds.source.author, ds.source.date, ds.source.url) == (
        "Week 3: Empathy or sympathy?", "Émilie Fournier", "2024-09-09",
        "https://canvas.example.edu/courses/1187/discussion_topics/2214")
    assert [m.date for m in ds.messages] == ["2024-09-09"] * 3 + ["2024-09-10"] + ["2024-09-09"] * 3 + ["2024-09-10"] * 2
    assert [(c.name, c.role) for c in ds.contributors][:2] == [("Émilie Fournier", "author"), ("Søren Kjær", "commenter")]
    both = tmp_path / "week-3.json"
    both.write_text(topic.read_text(encoding="utf-8") + view.read_text(encoding="utf-8"), encoding="utf-8")
    for given in ([view, topic], [both]):
        again, _ = read_discussion(given)
        assert [(m.where, m.reply_to, m.text) for m in again.messages] == [c[1:] for c in CANVAS], given
        assert again.source.title == "Week 3: Empathy or sympathy?"
    # the view alone: no prompt, so each entry answers no one, and the thread is titled by the file's name
    alone, summary = read_discussion([view])
    assert [(m.where, m.reply_to) for m in alone.messages][:2] == [("comment 1", ""), ("reply 1 to comment 1",
                                                                                      "comment-1")]
    assert [m.text for m in alone.messages] == [c[3] for c in CANVAS[1:]]
    assert (alone.source.title, alone.source.author, alone.source.url) == ("canvas-view", "", "")
    assert summary["replies"] == 5 and all(c.role == "commenter" for c in alone.contributors)
    # told by their content, whatever their names; read together from the command line
    shutil.copy(view, tmp_path / "import")
    shutil.copy(topic, tmp_path / "topic")
    assert detect(tmp_path / "import") is IMPORTERS["canvas"] and detect(tmp_path / "topic") is IMPORTERS["canvas"]
    r = run("import", str(tmp_path / "topic"), str(tmp_path / "import"), "-o", str(tmp_path / "out"))
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines()[:2] == ["canvas: 1 thread, 9 messages, 5 speakers, 8 replies",
                                         "left out: 2 deleted, 1 empty, 1 quoted passage (others' words)"]
    written = load_dataset(tmp_path / "out")
    assert [(m.where, m.reply_to, m.text) for m in written.messages] == [c[1:] for c in CANVAS]
    # --format canvas given another chat's file: the content says which it is
    r = run("import", str(FIX / "teams-chat.json"), "--format", "canvas", "-o", str(tmp_path / "t"))
    assert r.exit_code == 2 and "reads as teams" in r.stderr


def _canvas_entries(view: dict) -> list[dict]:
    """The full topic as ``GET .../entries`` lists it: the top-level entries newest
    first, each with its user_name and its replies at any depth flat in recent_replies
    (newest first, deleted ones not listed)."""
    names = {p["id"]: p["display_name"] for p in view["participants"]}

    def flat(entry: dict) -> dict:
        out = {k: v for k, v in entry.items() if k != "replies"}
        if "user_id" in entry:
            out["user_name"] = names[entry["user_id"]]
        out["read_state"], out["forced_read_state"] = "read", False
        return out

    def under(entry: dict) -> list[dict]:
        found = []
        for r in entry.get("replies", []) + [e for e in view["new_entries"] if e["parent_id"] == entry["id"]]:
            found += [r, *under(r)]
        return found

    listed = []
    for entry in sorted(view["view"], key=lambda e: e["created_at"], reverse=True):
        replies = sorted((flat(r) for r in under(entry) if not r.get("deleted")), key=lambda r: r["created_at"],
                         reverse=True)
        listed.append(flat(entry) | ({"recent_replies": replies, "has_more_replies": False} if replies else {}))
    return listed


def test_a_canvas_entries_list_reads_as_the_full_topic(tmp_path: Path) -> None:
    """The flat entries list (newest first, replies flat in recent_replies under their
    parent_id, people by user_name), its pages saved one after the other, reads as the
    full topic does; without names, a person is their user id."""
    view = json.loads((FIX / "canvas-view.json").read_text(encoding="utf-8"))
    listed = _canvas_entries(view)
    pages = tmp_path / "entries.json"
    pages.write_text(json.dumps(listed[:2], ensure_ascii=False, indent=1) + "\n" + json.dumps(listed[2:]),
                     encoding="utf-8")
    assert detect(pages) is IMPORTERS["canvas"]
    ds, summary = read_discussion([FIX / "canvas-topic.json", pages])
    people = {c.id: c.name for c in ds.contributors}
    assert [(people[m.by], m.where, m.reply_to, m.text) for m in ds.messages] == CANVAS
    assert summary["left_out"] == {"deleted": 2, "empty": 1, "quoted passages (others' words)": 1}
    for e in listed:
        e.pop("user_name", None)
        for r in e.get("recent_replies", []):
            r.pop("user_name")
    nameless = tmp_path / "nameless.json"
    nameless.write_text(json.dumps(listed), encoding="utf-8")
    with pytest.warns(ConceptGraphWarning, match=r"nameless\.json: \d+ entries by \d+ users whom no participant names"):
        ds, _ = read_discussion([nameless])
    people = {c.id: c.name for c in ds.contributors}
    assert [people[m.by] for m in ds.messages][:3] == ["7101", "7103", "7101"]


@pytest.mark.parametrize("text, problem", [
    ('{"id": 2214, "title": "Week 3", "discussion_type": "threaded", "message": "<p>Why?</p>"}',
     "a Canvas discussion topic but none of its entries: give its full view"),
    ('[{"id": 1, "title": "Week 1", "discussion_type": "threaded"}, {"id": 2, "title": "Week 2", '
     '"discussion_type": "threaded"}]', "holds 2 discussion topics (ids 1, 2): import one topic at a time"),
    ('{"unread_entries": [], "forced_entries": [], "participants": [], "view": []}', "no entry in this Canvas discussion"),
    ('{"unread_entries": [], "forced_entries": [], "participants": [], "view": [{"id": 1, "message": "<p>Hi',
     "JSON syntax error"),
])
def test_a_canvas_file_of_the_wrong_shape_says_what_it_expected(write, text: str, problem: str) -> None:
    path = write(text, "topic.json")
    r = run("import", str(path), "-o", str(path.parent / "out"))
    assert r.exit_code == 1 and problem in r.stderr and r.stderr.count("\n") == 1, r.stderr


MOODLE_MYTH = [  # discussion 31: each reply right after what it answers
    ("Ifeoma Nwosu", "post", "", "This week's question: is a myth the same thing as a legend? Give an example of each."),
    ("Zoë Ångström", "comment 1", "post", "No. A myth explains how the world came to be, and gods act in it; a legend "
     "tells of people who may have lived, like King Arthur."),
    # its <blockquote> of Zoë's words is hers, not Mateus's
    ("Mateus Conceição", "reply 1 to comment 1", "comment-1",
     "But nobody has shown that Robin Hood lived, and he is a legend. Is the test that he could have lived?"),
    ("Ifeoma Nwosu", "reply 2 to comment 1", "reply-1-to-comment-1", "Good question, Mateus. Yes: a legend is told as "
     "history, a myth as sacred truth, whether or not anyone lived."),
    ("unnamed commenter (comment 2)", "comment 2", "post", "[deleted]"),
    ("Nguyễn Thị Thảo", "reply 1 to comment 2", "comment-2", "Whatever the post above said: in Vietnamese we say "
     "thần thoại for myth and truyền thuyết for legend, two different words."),
]
MOODLE_FABLE = [
    ("Søren Kjær", "post", "", "Aesop's story of the fox and the grapes: myth, legend, or neither?"),
    ("Zoë Ångström", "comment 1", "post", "Neither: it is a fable.\nA fable has a moral, and its animals talk."),
]


def _in_thread(title: str, rows: list[tuple[str, str, str, str]]) -> list[tuple[str, str, str, str]]:
    """Rows of one thread as a file of several threads places them: under its title."""
    slug = title.lower().replace(" ", "-").rstrip("?")
    return [(who.replace("(", f"(“{title}” › "), f"“{title}” › {where}", f"{slug}-{to}" if to else "", text)
            for who, where, to, text in rows]


def test_a_moodle_forum_export_each_discussion_a_thread_its_replies_by_parent(tmp_path: Path) -> None:
    """The forum's Export as JSON (a sheet of records): each discussion a thread titled by
    its name, each post under its parent; the private reply (said to the teacher alone),
    the deleted post no one answered and the quoted passage are left out and counted, the
    deleted post that was answered stays as a stand-in; a subject of its own is a reply's
    title, "Re: ..." is none."""
    path = FIX / "moodle-forum.json"
    ds, summary = read_discussion([path])
    assert summary["format"] == "moodle" and summary["threads"] == 2 and summary["replies"] == 6
    assert summary["left_out"] == {"deleted": 2, "private replies": 1, "quoted passages (others' words)": 1}
    assert messages("moodle-forum.json") == _in_thread("Myth or legend?", MOODLE_MYTH) + _in_thread(
        "Is a fable a myth?", MOODLE_FABLE)
    assert not any("ill" in m.text.split() for m in ds.messages)  # the private reply
    assert [m.title for m in ds.messages] == ["Myth or legend?", "", "", "", "", "Two words in Vietnamese",
                                              "Is a fable a myth?", ""]
    assert [m.date for m in ds.messages] == ["2024-06-10"] * 6 + ["2024-06-11"] * 2
    accounts = {c.name: c.role for c in ds.contributors}
    assert accounts["Ifeoma Nwosu"] == "author" and accounts["Søren Kjær"] == "author"
    assert ds.source.title == "Myth or legend? / Is a fable a myth?"  # its discussions', not the file's name
    # told by its content, whatever its name
    fmt, said, written = imported_unnamed(path, tmp_path)
    assert fmt == "moodle"
    assert said == ["moodle: 2 threads, 8 messages, 5 speakers, 6 replies",
                    "left out: 2 deleted, 1 private reply, 1 quoted passage (others' words)"]
    assert [(m.where, m.reply_to, m.text) for m in written.messages] == [
        t[1:] for t in _in_thread("Myth or legend?", MOODLE_MYTH) + _in_thread("Is a fable a myth?", MOODLE_FABLE)]
    # the records alone (not in a sheet), and one discussion's, read the same
    doc = json.loads(path.read_text(encoding="utf-8"))
    alone = tmp_path / "discussion.json"
    alone.write_text(json.dumps([r for r in doc[0] if r["discussion"] == 31]), encoding="utf-8")
    assert [t[1:] for t in messages(str(alone))] == [t[1:] for t in MOODLE_MYTH]


def test_a_moodle_csv_export_reads_as_its_json(tmp_path: Path) -> None:
    """The same forum exported as CSV (a byte-order mark, no discussionname: the first
    post's subject names the thread; a message over several lines) reads the same;
    so it does with "human-readable dates" and "remove HTML" ticked."""
    path = FIX / "moodle-forum.csv"
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    ds, summary = read_discussion([path])
    assert summary["format"] == "moodle" and summary["left_out"] == {
        "deleted": 2, "private replies": 1, "quoted passages (others' words)": 1}
    assert messages("moodle-forum.csv") == messages("moodle-forum.json")
    assert [m.date for m in ds.messages] == ["2024-06-10"] * 6 + ["2024-06-11"] * 2
    shutil.copy(path, tmp_path / "export")
    imp = detect(tmp_path / "export")
    assert imp is not None and imp.name == "moodle"
    r = run("import", str(tmp_path / "export"), "-o", str(tmp_path / "out"))
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith("moodle: 2 threads, 8 messages, 5 speakers, 6 replies\n")
    # dates written out, HTML removed: Moodle's plain text (messageformat 2), a quote as "> " lines
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    for row in rows:
        row["created"] = "Monday, 10 June 2024, 8:00 AM" if row["discussion"] == "31" else "Tuesday, 11 June 2024, 6:00 AM"
        row["message"] = row["message"].replace("<blockquote><p>a legend tells of people who may have lived</p>"
                                                "</blockquote>\n", "")
        row["message"] = row["message"].replace("<p>", "").replace("</p>", "").replace("<em>", "").replace("</em>", "")
        row["message"] = row["message"].replace("<strong>", "").replace("</strong>", "")
        row["messageformat"] = "2"
    buf = io.StringIO(newline="")
    out = csv.DictWriter(buf, list(rows[0]), lineterminator="\r\n")
    out.writeheader()
    out.writerows(rows)
    plain = tmp_path / "plain.csv"
    plain.write_text(buf.getvalue(), encoding="utf-8")
    got, summary = read_discussion([plain])
    assert summary["left_out"] == {"deleted": 2, "private replies": 1}
    assert [m.text for m in got.messages] == [m.text for m in ds.messages]
    assert [m.date for m in got.messages] == ["2024-06-10"] * 6 + ["2024-06-11"] * 2


def test_a_moodle_web_service_answer_of_a_discussion_s_posts(tmp_path: Path) -> None:
    """mod_forum_get_discussion_posts' answer (newest first; the message HTML, the
    author an object; isdeleted, isprivatereply) reads as the export of the same
    discussion does; its first post's subject titles it."""
    path = FIX / "moodle-posts.json"
    ds, summary = read_discussion([path])
    assert summary["format"] == "moodle" and summary["threads"] == 1 and summary["replies"] == 5
    assert summary["left_out"] == {"deleted": 2, "private replies": 1, "quoted passages (others' words)": 1}
    assert messages("moodle-posts.json") == MOODLE_MYTH
    assert ds.source.title == "Myth or legend?" and ds.source.author == "Ifeoma Nwosu"
    assert ds.source.date == "2024-06-10"
    assert [m.title for m in ds.messages] == ["Myth or legend?", "", "", "", "", "Two words in Vietnamese"]
    shutil.copy(path, tmp_path / "posts")
    assert detect(tmp_path / "posts") is IMPORTERS["moodle"]
    r = run("import", str(tmp_path / "posts"), "-o", str(tmp_path / "out"))
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith("moodle: 1 thread, 6 messages, 4 speakers, 5 replies\n")
    # its pages saved one after the other read each post once; --format moodle on another tool's file is refused
    pages = tmp_path / "pages.json"
    pages.write_text(path.read_text(encoding="utf-8") * 2, encoding="utf-8")
    assert [t[1:] for t in messages(str(pages))][:2] == [t[1:] for t in MOODLE_MYTH][:2]
    r = run("import", str(FIX / "teams-chat.json"), "--format", "moodle", "-o", str(tmp_path / "t"))
    assert r.exit_code == 2 and "reads as teams" in r.stderr


def test_a_moodle_message_reads_as_its_format_says(write) -> None:
    """HTML (1), Moodle's own text (0: as written, or HTML when it holds markup), plain
    text (2) and Markdown (4); a subject "RE: Re: ..." of the discussion's is no title,
    one that names something else is."""
    def post(ident: int, parent: int, fmt: int, message: str, subject: str = "Re: Noun or verb?") -> dict:
        return {"id": ident, "discussion": 5, "parent": parent, "userid": 9, "userfullname": "Ann Lee",
                "created": "1718000000", "subject": subject, "message": message, "messageformat": fmt,
                "deleted": 0, "privatereplyto": 0}

    path = write(json.dumps([post(1, 0, 1, "<p>Is <em>run</em> a noun?</p>", "Noun or verb?"),
                             post(2, 1, 0, "Both: a run, to run.\nReally, <b>both</b>?", "RE: Re: noun or verb?"),
                             post(3, 1, 0, "1 < 2, and 3 > 2", "Re: Plurals"),
                             post(4, 1, 2, "<b> stays as typed", "Plurals"),
                             post(5, 1, 4, "> a noun?\n\nYes, **a run**.")]), "forum.json")
    ds, summary = read_discussion([path])
    assert [(m.text, m.title) for m in ds.messages] == [
        ("Is run a noun?", "Noun or verb?"), ("Both: a run, to run.\nReally, both?", ""), ("1 < 2, and 3 > 2", "Re: Plurals"),
        ("<b> stays as typed", "Plurals"), ("Yes, a run.", "")]
    assert summary["left_out"] == {"quoted lines (others' words)": 1} and ds.messages[0].date == "2024-06-10"


@pytest.mark.parametrize("text, problem", [
    # a message of three lines, then a row one field short: the line where that row starts
    (b'id,discussion,parent,userid,userfullname,message\n1,5,0,9,Ann,"<p>a</p>\n<p>b</p>\n<p>c</p>"\n2,5,1,9,Bo\n',
     "bad.csv:5: a row of 5 fields where the header names 6"),
    (b'id,discussion,parent,userid,userfullname,message\n1,5,0,9,Ann,"<p>a</p>"x\n',
     "bad.csv:2: a row that is no CSV record"),
    (b'id,discussion,parent,userid,userfullname,message\n1,5,0,9,Ann,"never closed\n',
     "bad.csv:2: a row that is no CSV record"),
    (b'id,discussion,parent,userid,userfullname,subject\n1,5,0,9,Ann,Hi\n',
     "bad.csv:1: expected the columns of Moodle's forum export; no message in its first line"),
    (b'id,discussion,parent,userid,userfullname,message\n1,5,0,9,Ren\xe9,Hi\n', "bad.csv:2: not valid UTF-8"),
    (b'id,discussion,parent,userid,userfullname,message\n', "bad.csv: no post in this Moodle file"),
])
def test_a_moodle_csv_row_that_is_no_record_is_named(write, text: bytes, problem: str) -> None:
    path = write(text, "bad.csv")
    r = run("import", str(path), "-o", str(path.parent / "out"))
    assert r.exit_code == 1 and problem in r.stderr and r.stderr.count("\n") == 1, r.stderr


@pytest.mark.parametrize("text, problem", [
    ('{"posts": 5, "forumid": 9}', "expected Moodle's forum export"),
    ('{"posts": [], "forumid": 9, "warnings": []}', "no post in this Moodle file"),
    ('{"exception": "moodle_exception", "errorcode": "invalidtoken", "message": "Invalid token - token not found"}',
     "a Moodle web service error, not posts: Invalid token - token not found"),
    ('[[{"id": 1, "discussion": 5, "parent": 0, "userfullname": "Ann", "message": "Hi"}', "JSON syntax error"),
])
def test_a_moodle_file_of_the_wrong_shape_says_what_it_expected(write, text: str, problem: str) -> None:
    path = write(text, "forum.json")
    r = run("import", str(path), "--format", "moodle", "-o", str(path.parent / "out"))
    assert r.exit_code == 1 and problem in r.stderr and r.stderr.count("\n") == 1, r.stderr


def test_telegram_formatting_channel_signatures_left_chats_and_html() -> None:
    ds, summary = read_discussion([CHATS / "telegram-group.json"])
    texts = [m.text for m in ds.messages]
    assert summary["left_out"]["struck-out passages"] == 1
    assert not any("ticket" in t for t in texts)  # the word struck out is not read as said
    assert any("a bug is a defect report" in t for t in texts)  # and the spaces around it are one
    assert any("`bug` = defect in code" in t for t in texts)  # code keeps its marks
    channel, _ = read_discussion([CHATS / "telegram-channel.json"])
    assert [c.name for c in channel.contributors] == ["Anna Müller", "Ben Okafor", "Words We Use"]  # signed posts
    account, _ = read_discussion([CHATS / "telegram-account.json"])
    titles = {m.where.split(" › ")[0] for m in account.messages}
    assert "“Saved Messages”" in titles and "“Old Moderators Lounge”" in titles  # a chat left is still history
    page, summary = read_discussion([CHATS / "telegram-messages.html"])
    assert summary["format"] == "telegram" and summary["replies"] == 4
    assert [m.text for m in page.messages][:2] == texts[:2]
    assert summary["left_out"]["forwarded messages (others' words)"] == 1


HN_THREAD = [
    ("mkadlec", "post", "", "Our QA team says defect, the developers say bug. Is there a real difference, or is it just "
     "who is talking?"),
    ("tptacek_fan", "comment 1", "post", "A defect is a deviation from the spec. A bug is whatever the user thinks is "
     "wrong. Plenty of bugs are not defects.\n\nSee https://en.wikipedia.org/wiki/Software_bug"),
    ("mkadlec", "reply 1 to comment 1", "comment-1",
     "That's the distinction I was missing, thanks. So a defect is always measured against a requirement?"),
    ("unnamed commenter (reply 2 to comment 1)", "reply 2 to comment 1", "reply-1-to-comment-1", "[deleted]"),
    ("ruthless_qa", "reply 3 to comment 1", "reply-2-to-comment-1",
     'Yes, and the parent (now deleted) was wrong: never call a crash a "feature". <script>alert(1)</script>'),
    ("Zoë_Ågren", "comment 2", "post", 'In IEEE 1044 terms a defect is in the product and a failure is what you observe. '
     '"Bug" is informal for either.\n\n```\n  defect -> fault -> failure\n```'),
]


def test_a_hacker_news_thread_from_algolia_or_the_official_api_or_a_search() -> None:
    ds, summary = read_discussion([FIX / "hackernews-algolia.json"])
    assert summary["format"] == "hackernews" and ds.source.title == 'Ask HN: Is a "bug" the same thing as a "defect"?'
    assert ds.source.url == "https://news.ycombinator.com/item?id=41230001"
    assert summary["left_out"] == {"deleted": 1, "quoted lines (others' words)": 1}
    assert messages("hackernews-algolia.json") == HN_THREAD  # the deleted comment stays, as it is answered
    # the official API's items, one per line, in the order a crawler fetched them: the same thread
    official, summary = read_discussion([FIX / "hackernews-items.jsonl"])
    assert summary["left_out"] == {"dead (flagged) comments": 1, "deleted": 1, "quoted lines (others' words)": 1}
    assert [(w, p) for _, w, p, _ in messages("hackernews-items.jsonl")] == [(w, p) for _, w, p, _ in HN_THREAD]
    # a search for the story's comments: newest first, without the story; the comment whose
    # parent it did not return answers the story
    assert [(who, w, p) for who, w, p, _ in messages("hackernews-search.json")] == [
        ("unnamed author (post)", "post", ""), ("tptacek_fan", "comment 1", "post"),
        ("mkadlec", "reply 1 to comment 1", "comment-1"), ("ruthless_qa", "comment 2", "post")]


def test_our_own_files_are_not_imported_and_the_error_says_what_to_do(tmp_path: Path) -> None:
    """A dataset (or its folder) goes to --data, whatever --format says; a rendered page
    is no discussion (read as a web page it was one message of button labels)."""
    folder = tmp_path / "coop"
    assert run("import", str(FIX / "minutes.md"), "-o", str(folder), "--draft", "-q").exit_code == 0
    for given, fmt in ((folder / "discussion.yaml", ()), (folder / "draft.yaml", ()), (folder, ()),
                       (folder / "discussion.yaml", ("--format", "text")), (ROOT / "graph_data", ())):
        r = run("import", str(given), *fmt, "-o", str(tmp_path / "out"))
        assert r.exit_code == 2 and r.stderr.count("\n") == 1, r.stderr
        assert "a conceptgraph dataset already" in r.stderr and "--data" in r.stderr, r.stderr
    assert f"--data {folder}`" in run("import", str(folder / "draft.yaml"), "-o", str(tmp_path / "out")).stderr
    assert run("render", "--data", str(folder), "-o", str(tmp_path / "page.html")).exit_code == 0
    r = run("import", str(tmp_path / "page.html"), "-o", str(tmp_path / "out"))
    assert r.exit_code == 1 and "a page conceptgraph rendered" in r.stderr and r.stderr.count("\n") == 1
    assert not (tmp_path / "out").exists()
    # the same, where the folder it would write exists already: the page is the news
    r = run("import", str(tmp_path / "page.html"), "-o", str(folder))
    assert r.exit_code == 1 and "a page conceptgraph rendered" in r.stderr, r.stderr


def test_a_file_given_twice_is_read_once_and_said(tmp_path: Path) -> None:
    """`import issue.json issue.json comments.json`: the issue once, with a warning (read
    twice, a trial's gave two threads of one message each)."""
    issue, comments = FIX / "github" / "issue-28.json", FIX / "github" / "issue-28-comments.json"
    r = run("import", str(issue), str(issue), str(comments), "-o", str(tmp_path / "out"), "--json")
    assert r.exit_code == 0, r.stderr
    assert f"Warning: {issue}: given twice: read once" in r.stderr and json.loads(r.stdout)["threads"] == 1


def test_a_folder_of_an_issue_and_its_comments_says_to_give_them_together(tmp_path: Path) -> None:
    """A folder of an issue and its comments, saved apart: the hint says how to import
    them as one thread (a trial's said only "give one of those"); a folder of exports
    lists the export folders in it too, as a zip beside them was."""
    folder = tmp_path / "issue"
    folder.mkdir()
    for name in ("issue-28.json", "issue-28-comments.json"):
        shutil.copy(FIX / "github" / name, folder / name)
    r = run("import", str(folder), "-o", str(tmp_path / "out"))
    assert r.exit_code == 1 and r.stderr.count("\n") == 1, r.stderr
    assert f"them together: conceptgraph import {folder / 'issue-28-comments.json'} {folder / 'issue-28.json'})" \
        in r.stderr, r.stderr
    exports = tmp_path / "exports"
    shutil.copytree(FIX / "slack", exports / "workspace")
    r = run("import", str(exports), "-o", str(tmp_path / "out"))
    assert "it holds workspace/ (slack): give that folder" in r.stderr, r.stderr


def test_a_folder_that_holds_an_export_names_it(tmp_path: Path) -> None:
    """Telegram Desktop exports a folder; the export is its result.json."""
    folder = tmp_path / "ChatExport_2024-03-04"
    (folder / "photos").mkdir(parents=True)
    shutil.copy(FIX / "telegram.json", folder / "result.json")
    r = run("import", str(folder), "-o", str(tmp_path / "out"))
    assert r.exit_code == 1 and r.stderr.count("\n") == 1
    assert "it holds result.json (telegram): give that file" in r.stderr, r.stderr
    (folder / "video.mp4").write_bytes(b"\0" * 2000)  # a file over the size limit gives no error of its own
    r = CliRunner().invoke(cli, ["import", str(folder), "-o", str(tmp_path / "out")],
                           env={"CONCEPTGRAPH_MAX_BYTES": "1000"})
    assert r.exit_code == 1 and "not a discussion this tool reads" in r.stderr, r.stderr
    assert run("import", str(folder / "result.json"), "-o", str(tmp_path / "out"), "-q").exit_code == 0


@pytest.mark.parametrize("name, problem", [
    ("hackernews.json", "hackernews.json:2: JSON syntax error"),
    ("discord.json", "expected a DiscordChatExporter channel"),
    ("telegram.json", "expected a Telegram export"),
])
def test_a_chat_export_of_the_wrong_shape_says_what_it_expected(tmp_path: Path, name: str, problem: str) -> None:
    bad = tmp_path / name
    bad.write_text({"discord": '{"guild": {}, "channel": {}, "messages": 3}', "telegram": '{"messages": 3, "from_id": "x"}',
                    "hackernews": '{"by": "ann", "time": 1, "kids": [2]}\n{"by": "bo", oops}'}[name.split(".")[0]],
                   encoding="utf-8")
    r = run("import", str(bad), "--format", name.split(".")[0], "-o", str(tmp_path / "out"))
    assert r.exit_code != 0 and problem in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize("entry, problem", [("../evil.json", "points outside"), ("/etc/x.json", "points outside")])
def test_a_zip_cannot_reach_outside(tmp_path: Path, entry: str, problem: str) -> None:
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("users.json", "[]")
        z.writestr("channels.json", "[]")
        z.writestr(entry, "[]")
    r = run("import", str(bad), "-o", str(tmp_path / "out"))
    assert r.exit_code == 1 and problem in r.stderr and not (tmp_path / "out").exists()


def test_a_zip_bomb_is_refused_before_it_is_read(tmp_path: Path, monkeypatch) -> None:
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("users.json", "[]")
        z.writestr("channels.json", "[]")
        z.writestr("general/2024-01-01.json", "[" + " " * 5_000_000 + "]")
    monkeypatch.setenv("CONCEPTGRAPH_MAX_BYTES", "1000000")
    r = run("import", str(bomb))
    assert r.exit_code == 1 and "unpacks to more than 1,000,000 bytes" in r.stderr


def test_transcripts() -> None:
    # each turn says when it began, to be found in the recording
    assert messages("meeting.vtt") == [
        ("Ana Lima", "turn 1 at 00:00:00", "", "Let's settle it: cooperation or collaboration? We keep using both."),
        ("Bruno Costa", "turn 2 at 00:00:07", "", "Collaboration, because we share the result."),
        ("Ana Lima", "turn 3 at 00:00:11", "", "Fair."),
    ]
    srt = messages("meeting.srt")
    assert [s[:2] for s in srt] == [("Ana Lima", "turn 1 at 00:00:00"), ("Bruno Costa", "turn 2 at 00:00:03"),
                                    ("Ana Lima", "turn 3 at 00:00:08")]
    ds, _ = read_discussion([FIX / "meeting.srt"])
    assert [m.id for m in ds.messages] == ["turn-1", "turn-2", "turn-3"]  # the time is no part of the id
    assert srt[1][3] == "Collaboration, because we share the result."  # a caption's lines are one line of speech


def test_a_zoom_transcript_is_dated_by_its_file_name(write) -> None:
    path = write((FIX / "meeting.vtt").read_text(encoding="utf-8"), "GMT20240307-140212_Recording.transcript.vtt")
    ds, _ = read_discussion([path])
    assert ds.source.date == "2024-03-07" and {m.date for m in ds.messages} == {"2024-03-07"}
    assert ds.source.title == "Zoom meeting, 2024-03-07 14:02 GMT"  # not the file's name


@pytest.mark.parametrize(("cut", "problem"), [
    (b"\n\n00:00:09.000 --> 00:", "ends inside a cue's timing"),
    (b"\n\n00:00:09.000 --> 00:00:10.000\n<v Sof\xc3\xada Ram", "ends inside a voice tag"),
    (b"\n\n00:00:09.000 --> 00:00:10.000\n<v Sof\xc3", "ends inside a character"),
    (b"\n\n00:00:09.000 --> 00:00:10.000\n<v Sof\xc3\xada>But people say", "voice is never closed"),
])
def test_a_transcript_cut_short_is_said_so_not_read_as_a_shorter_one(write, cut: bytes, problem: str) -> None:
    """A Teams or Zoom file cut in a timing, a voice tag, a character, or the words of a
    cue Teams would have closed: one line naming the file and line, not a turn that puts
    the next speaker's name in the last one's mouth."""
    whole = (b"WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Ann>A theory explains.</v>\n\n"
             b"00:00:04.000 --> 00:00:06.000\n<v Bo>A hypothesis guesses.</v>\n\n"
             b"00:00:07.000 --> 00:00:08.000\n<v Ann>Not quite.</v>")
    path = write("", "cut.vtt")
    path.write_bytes(whole + cut)
    with pytest.raises(DatasetError) as e:
        read_discussion([path])
    assert problem in str(e.value) and "cut short" in str(e.value) and e.value.line is not None
    path.write_bytes(whole + b"\n")  # the whole file reads
    assert len(read_discussion([path])[0].messages) == 3


def test_a_cue_whose_timing_is_damaged_is_an_error_and_stray_words_a_warning(write) -> None:
    """A cue's timing line written wrong ("->" for "-->") would leave the cue out unsaid,
    its speaker's turn gone: one line naming the file, the line and the problem. Words
    with no timing line at all (a blank line inside a cue) are left out with a warning
    naming their line, and counted."""
    good = ("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Ann>A theory explains.</v>\n\n"
            "00:00:04.000 -> 00:00:06.000\n<v Bo>A hypothesis guesses.</v>\n")
    path = write(good, "damaged.vtt")
    with pytest.raises(DatasetError) as e:
        read_discussion([path])
    assert e.value.line == 6 and "00:00:04.000 -> 00:00:06.000" in str(e.value) and "-->" in str(e.value)
    # a digit short is a timing mistyped too (a trial's was a warning that blamed a blank line)
    with pytest.raises(DatasetError) as e:
        read_discussion([write(good.replace("00:00:04.000 -> 00:00:06.000", "00:01:3.5 --> 00:01:09.800"), "short.vtt")])
    assert e.value.line == 6 and "00:01:3.5 --> 00:01:09.800" in str(e.value)
    path = write("WEBVTT\n\nNOTE made by hand\n\n00:00:01.000 --> 00:00:03.000\n<v Ann>A theory explains.</v>\n\n"
                 "and more words\n\n00:00:04.000 --> 00:00:06.000\n<v Bo>A guess.</v>\n", "stray.vtt")
    with pytest.warns(ConceptGraphWarning, match=r"stray\.vtt:8: words with no timing line"):
        ds, left = read_discussion([path])
    assert len(ds.messages) == 2 and left["left_out"] == {"blocks with no timing line": 1}


def test_a_zoom_transcript_cut_in_a_cues_words_is_read_with_a_warning(write) -> None:
    """Zoom writes no voice tags to close: a file cut in the middle of a cue's words is a
    file of fewer words, and nothing tells it from a whole one but its last line, left
    open on a word. The import goes on (a writer may leave the last line open) and says
    so in one line naming the file and line; a last line that ends its sentence is quiet."""
    head = ("WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\nAnn: A theory explains.\n\n"
            "2\n00:00:04.000 --> 00:00:06.000\nBo: A moderator decides who gets to speak and rem")
    path = write(head, "GMT20240307-140212_Recording.transcript.vtt")
    with pytest.warns(ConceptGraphWarning, match=r"transcript\.vtt:9: the file ends in the middle of a cue's words"):
        ds, _ = read_discussion([path])
    assert ds.messages[-1].text.endswith("and rem")
    path.write_text(head.replace(" and rem", "."), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(read_discussion([path])[0].messages) == 2


@pytest.mark.parametrize("head", [b"AuthorID,Author,Date,Content,Attachments,Reactions\n1,Ann,2024-01-01,Caf",
                                  b"=" * 24 + b"\nGuild: G\nChannel: c\n" + b"=" * 24 + b"\n\n[1/1/2024 9:00 AM] Ann\nCaf"])
def test_a_discord_csv_or_text_export_cut_in_a_character_is_said_so(write, head: bytes) -> None:
    path = write("", "discord.csv" if head.startswith(b"Author") else "discord.txt")
    path.write_bytes(head + "é".encode()[:1])
    with pytest.raises(DatasetError, match="ends inside a character"):
        read_discussion([path])


def test_a_webvtt_cue_s_escapes_are_its_characters(write) -> None:
    """WebVTT writes "&", "<" and ">" in a cue as &amp; &lt; &gt;: the words are the
    characters, and markup escaped stays text (it is no voice or tag)."""
    path = write("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Ann &amp; Co>Salt &amp; pepper: 2 &lt; 3&nbsp;spices,"
                 " &lt;b&gt;bold&lt;/b&gt;.\n", "esc.vtt")
    ds, _ = read_discussion([path])
    assert [(c.name) for c in ds.contributors] == ["Ann & Co"]
    assert [m.text for m in ds.messages] == ["Salt & pepper: 2 < 3 spices, <b>bold</b>."]


def test_a_transcript_s_sound_cues_and_a_name_s_pronouns_are_no_words(write) -> None:
    """Zoom shows "Rafael Ortiz (he/him)": the person is Rafael Ortiz, as where his name
    has no pronouns; "[laughs]" inside a cue is no one's words."""
    vtt = ("WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\nRafael Ortiz (he/him): A persona is [laughs] made up.\n\n"
           "2\n00:00:05.000 --> 00:00:08.000\nDana Lee: Not quite (inaudible) an archetype.\n\n"
           "3\n00:00:09.000 --> 00:00:12.000\nRafael Ortiz: Fair. `[silence]` Next.\n")
    ds, _ = read_discussion([write(vtt, "meeting.vtt")])
    people = {c.id: c.name for c in ds.contributors}
    assert [(people[m.by], m.text) for m in ds.messages] == [
        ("Rafael Ortiz", "A persona is made up."), ("Dana Lee", "Not quite an archetype."),
        ("Rafael Ortiz", "Fair. Next.")]  # a cue set off in backticks goes with its marks
    assert sorted(people) == ["dana-lee", "rafael-ortiz"]
    # a cue that is only music ("♪ music ♪") is no one's words either
    sung = vtt.replace("`[silence]` Next.", "Next.\n\n4\n00:00:13.000 --> 00:00:15.000\nDana Lee: \u266a music \u266a")
    assert [m.text for m in read_discussion([write(sung, "sung.vtt")])[0].messages][-1] == "Fair. Next."
    # nor is the captioner's credit, a cue of its own, in the last speaker's turn
    for credit in ('<font color="#ffff00">CAPTIONS BY REV.COM</font>', "Subtitles by the Amara.org community"):
        credited = vtt + f"\n4\n00:00:13.000 --> 00:00:15.000\n{credit}\n"
        assert [m.text for m in read_discussion([write(credited, "credited.vtt")])[0].messages][-1] == "Fair. Next."


def test_subtitles_dialogue_lines_are_two_speakers_not_the_last_one_named(write) -> None:
    """A cue of two lines each opening with a dash is two people speaking; the cue names
    neither, so neither is the speaker named before it."""
    srt = ("1\n00:00:00,500 --> 00:00:04,000\nKEIKO: A mentor shares experience,\na coach asks questions.\n\n"
           "2\n00:00:04,500 --> 00:00:08,000\n- Exactly.\n- I don't buy it.\n\n"
           "3\n00:00:08,500 --> 00:00:12,000\n- HOST: Why not?\n- KEIKO: Say more.\n\n"
           "4\n00:00:12,500 --> 00:00:16,000\nKEIKO: A coach\n- and a mentor - differ.\n")
    ds, _ = read_discussion([write(srt, "talk.srt")])
    people = {c.id: c.name for c in ds.contributors}
    assert [(people[m.by], m.text) for m in ds.messages] == [
        ("KEIKO", "A mentor shares experience, a coach asks questions."),
        ("unnamed speaker (turn 2 at 00:00:04)", "Exactly."),
        ("unnamed speaker (turn 3 at 00:00:04)", "I don't buy it."),
        ("HOST", "Why not?"),
        ("KEIKO", "Say more. A coach - and a mentor - differ.")]  # one dash in a cue is no dialogue


def test_a_cue_with_no_voice_among_named_voices_is_an_unnamed_speaker(write) -> None:
    """Teams names each cue's voice; a cue with none (a dial-in line) is someone unnamed,
    said with a warning, never more of whoever spoke before (a trial's caller's words went
    to three other people, and the draft had one agree with "Okay, that makes sense.")."""
    vtt = ("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Ann>A law describes.</v>\n\n"
           "00:00:04.000 --> 00:00:06.000\nIsn't a law a tested theory?\n\n"
           "00:00:06.000 --> 00:00:07.000\nI'm on the phone line.\n\n"
           "00:00:08.000 --> 00:00:09.000\n<v Bo>No, a theory explains.</v>\n")
    with pytest.warns(ConceptGraphWarning, match="2 cues with no voice tag, where the others name theirs"):
        ds, _ = read_discussion([write(vtt, "call.vtt")])
    people = {c.id: c.name for c in ds.contributors}
    assert [(people[m.by], m.text) for m in ds.messages] == [
        ("Ann", "A law describes."),
        ("unnamed speaker (turn 2 at 00:00:04)", "Isn't a law a tested theory? I'm on the phone line."),
        ("Bo", "No, a theory explains.")]


def test_voices_of_one_cue_that_open_with_dialogue_dashes_keep_their_words_only(write) -> None:
    vtt = ("WEBVTT\n\n1\n00:00:36.500 --> 00:00:40.000\n<v Ann>- That's conformance, not accessibility.\n"
           "<v Bo>- Exactly my point!</v>\n\n2\n00:00:41.000 --> 00:00:42.000\n<v Ann>- a list item, said alone\n")
    ds, _ = read_discussion([write(vtt, "call.vtt")])
    assert [m.text for m in ds.messages] == ["That's conformance, not accessibility.", "Exactly my point!",
                                             "- a list item, said alone"]  # one voice: its dash is its own


def test_transcripts_saved_as_text_a_heading_line_per_turn(write) -> None:
    """Otter's and Rev's text exports put the speaker and time on a line of their own and
    the words under it; Otter's closing line is no one's words."""
    otter = ("Meeting on naming - transcript\n\nSpeaker 1  0:03  \nSo is a \"feature flag\" the same as a \"toggle\"?\n\n"
             "Maria Gonzalez  0:09  \nBasically yes. Flag is the everyday word.\nToggle is Fowler's.\n\n"
             "Speaker 1  1:02:17  \nBut a kill switch is a flag.\n\nTranscribed by https://otter.ai\n")
    ds, summary = read_discussion([write(otter, "otter.txt")])
    people = {c.id: c.name for c in ds.contributors}
    assert [(people[m.by], m.where, m.text) for m in ds.messages] == [
        ("Speaker 1", "turn 1 at 0:03", 'So is a "feature flag" the same as a "toggle"?'),
        ("Maria Gonzalez", "turn 2 at 0:09", "Basically yes. Flag is the everyday word.\nToggle is Fowler's."),
        ("Speaker 1", "turn 3 at 1:02:17", "But a kill switch is a flag.")]
    assert ds.source.title == "Meeting on naming - transcript"
    rev = "Ann Lee (00:01):\nIs a flag a toggle? [laughs]\n\nBo Chen (00:09):\nYes (inaudible) it is.\n"
    # a transcriber's sound cues are no one's words
    assert [m.text for m in read_discussion([write(rev, "rev.txt")])[0].messages] == ["Is a flag a toggle?", "Yes it is."]
    # a line of a chat that ends on a time is no heading: "Lunch  12:30" under no words, or words of a turn
    chat = "Ann: When do we meet?\nBo: Lunch  12:30\nAnn: Fine.\n"
    assert [m.text for m in read_discussion([write(chat, "chat.txt")])[0].messages] == [
        "When do we meet?", "Lunch  12:30", "Fine."]


def test_a_zoom_chat_saved_as_text(write) -> None:
    """Zoom's saved chat: 'TIME From NAME to Everyone:' over the words; a direct message is
    said to one person, not the meeting; a reaction is no one's words; a reply names the
    message it quotes."""
    zoom = ('10:02:15 From  Ana Silva  to  Everyone:\n\tIs "hybrid" work the same as "flexible" work?\n'
            "10:02:40 From  Tomasz Zieliński  to  Everyone:\n\tNo - hybrid is about place, flexible is about hours.\n"
            "10:03:05 From  Ana Silva  to  Tomasz Zieliński(Direct Message):\n\tthanks, that helps\n"
            '10:03:20 From  Liang Qiu  to  Everyone:\n\tReacted to "Is "hybrid" work the..." with \U0001f44d\n'
            '10:03:25 From  Liang Qiu  to  Everyone:\n\tRemoved a reaction from "Is "hybrid" work the..."\n'
            '10:03:30 From  Liang Qiu  to  Everyone:\n\tReplying to "No - hybrid is about place, ...":\n\t\n'
            "\tI'd say flexible covers both place and hours.\n"
            "10:04:00 From Bo : an older Zoom, on one line\n")
    path = write(zoom, "meeting_saved_chat.txt")
    ds, summary = read_discussion([path])
    people = {c.id: c.name for c in ds.contributors}
    assert [(people[m.by], m.where, m.text, m.reply_to) for m in ds.messages] == [
        ("Ana Silva", "turn 1 at 10:02:15", 'Is "hybrid" work the same as "flexible" work?', ""),
        ("Tomasz Zieliński", "turn 2 at 10:02:40", "No - hybrid is about place, flexible is about hours.", ""),
        ("Liang Qiu", "turn 3 at 10:03:30", "I'd say flexible covers both place and hours.", "turn-2"),
        ("Bo", "turn 4 at 10:04:00", "an older Zoom, on one line", "")]
    assert summary["left_out"] == {"direct messages": 1, "reactions": 2}


def test_a_weechat_log(write) -> None:
    """WeeChat's logger: date and time, the nick after its mode, the words, tab-separated;
    its own lines ("-->", "<--", "--") are channel events, " *" an action, and a nick
    changed stays one person."""
    log = ("2024-05-07 14:02:11\t@ferris\tso is a crate the same as a package?\n"
           "2024-05-07 14:03:05\t-->\t\u674e\u96f7 (~lilei@2001:db8::1) has joined #rust-words\n"
           "2024-05-07 14:04:00\t\u674e\u96f7\tferris: a crate is what you publish\n"
           "2024-05-07 14:04:30\t *\tferris facepalms\n"
           "2024-05-07 14:07:00\t--\tferris is now known as ferris_afk\n"
           "2024-05-07 14:09:00\t+ferris_afk\tback. a module is another thing\n")
    ds, summary = read_discussion([write(log, "irc.libera.#rust-words.weechatlog")])  # its logger's own suffix
    people = {c.id: c.name for c in ds.contributors}
    assert [(people[m.by], m.where, m.text) for m in ds.messages] == [
        ("ferris", "turn 1 at 14:02:11", "so is a crate the same as a package?"),
        ("\u674e\u96f7", "turn 2 at 14:04:00", "ferris: a crate is what you publish"),
        ("ferris", "turn 3 at 14:04:30", "facepalms"),
        ("ferris", "turn 4 at 14:09:00", "back. a module is another thing")]
    assert summary["left_out"] == {"joins, leaves and channel events": 2} and ds.messages[0].date == "2024-05-07"


def test_the_scribe_s_closing_line_of_minutes_is_no_one_s_words(write) -> None:
    minutes = "Ann: A stakeholder is anyone affected.\n\n*Minutes taken by Bo Chen. Next meeting 2024-09-26.*\n"
    ds, _ = read_discussion([write(minutes, "minutes.md")])
    assert [m.text for m in ds.messages] == ["A stakeholder is anyone affected."]


def test_notes_with_no_speaker_are_refused_and_words_before_the_turns_are_counted(write) -> None:
    """A page of notes whose one "Word:" line is no person ("Next time: ...") is no
    discussion; a note under the title of a chat, before its first turn, is no one's
    turn, and is said to be left out."""
    notes = "Meeting notes\n\nWe talked about glossary terms and agreed nothing.\nNext time: bring definitions.\n"
    r = run("import", str(write(notes, "notes.txt")))
    assert r.exit_code == 1 and "notes.txt:4: reads as a document, not a discussion" in r.stderr, r.stderr
    minutes = "Glossary meeting\nPresent: Ann, Bo\n\nWe started late.\n\nAnn: A user has a login.\nBo: Disagree.\n"
    ds, summary = read_discussion([write(minutes, "minutes.md")])
    assert [m.text for m in ds.messages] == ["A user has a login.", "Disagree."]
    assert summary["left_out"] == {"lines before the first turn": 1, "meeting heads (Attendees:, Agenda:...)": 1}


def test_a_transcripts_notes_of_sounds_are_left_out_and_said(write) -> None:
    """"[laughs]", "(inaudible)" are no one's words; the summary says how many went, as it
    does for the "Attendees:" line above the turns (a trial found both gone unsaid)."""
    ds, summary = read_discussion([write("Attendees: Ann, Bo\nAnn: A bug is a mistake [laughs] really.\n"
                                         "Bo: (inaudible) No.\n", "minutes.txt")])
    assert [m.text for m in ds.messages] == ["A bug is a mistake really.", "No."]
    assert summary["left_out"] == {"meeting heads (Attendees:, Agenda:...)": 1,
                                   "transcriber's notes ([laughs], (inaudible))": 2}


def test_a_webvtt_cue_of_a_sound_alone_is_counted_once(write) -> None:
    """A cue that is "[laughter]" and nothing else is a cue without words, counted once
    (a trial's summary said "1 cue without words, 1 transcriber' note" of one cue); a
    sound within someone's words is a transcriber's note, said in the singular as such."""
    vtt = ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann>A bug is a mistake.</v>\n\n"
           "00:00:02.000 --> 00:00:03.000\n[laughter]\n\n"
           "00:00:03.000 --> 00:00:04.000\n<v Bo>No [laughs] it is not.</v>\n")
    path = write(vtt, "meeting.vtt")
    _, summary = read_discussion([path])
    assert summary["left_out"] == {"cues without words": 1, "transcriber's notes ([laughs], (inaudible))": 1}
    r = run("import", str(path), "-o", str(path.parent / "out"))
    assert "left out: 1 cue without words, 1 transcriber's note ([laughs], (inaudible))" in r.stdout, r.stdout


def test_plain_text_turns_and_markdown() -> None:
    assert messages("chat.txt") == [("Ana", "turn 1", "", "Is our work cooperation or collaboration?"),
                                    ("Bruno", "turn 2", "", "Collaboration.\nIt is one result."),
                                    ("Chen", "turn 4", "", "Cooperation, I would say.")]  # turn 3 only quoted
    assert messages("minutes.md")[1] == ("Bruno Costa", "turn 2", "",
                                         "Yes: we build one thing (https://example.com/goal) together.")


@pytest.mark.parametrize("name", ["wordpress.xml", "disqus.xml", "discourse.json", "reddit.json", "thread.mbox",
                                  "slack", "discord.json", "telegram.json", "hackernews-algolia.json",
                                  "hackernews-items.jsonl", "meeting.vtt", "meeting.srt", "chat.txt", "minutes.md"])
def test_every_export_can_be_given_to_data_directly(name: str) -> None:
    r = run("contributors", "--data", str(FIX / name), "--json")
    assert r.exit_code == 0, r.stderr
    # each wrote a message, or stands in for a deleted one that others answer
    assert json.loads(r.stdout) and all(row["messages"] or row.get("gone") for row in json.loads(r.stdout))
    assert run("render", "--data", str(FIX / name), "-o", "page.html").exit_code == 0


def test_every_import_round_trips_through_yaml(tmp_path: Path) -> None:
    for name in ("wordpress.xml", "disqus.xml", "discourse.json", "reddit.json", "thread.mbox", "slack",
                 "discord.json", "telegram.json", "hackernews-algolia.json", "meeting.vtt", "chat.txt"):
        ds, _ = read_discussion([FIX / name])
        out = tmp_path / name.replace(".", "-")
        assert run("import", str(FIX / name), "-o", str(out)).exit_code == 0
        back = load_dataset(out)
        assert back.messages == ds.messages and back.contributors == ds.contributors


def _gzipped(text: str) -> bytes:
    import gzip

    return gzip.compress(text.encode(), mtime=0)


def _zipped(files: dict[str, str]) -> bytes:
    import io

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, text in files.items():
            z.writestr(name, text)
    return buf.getvalue()


def test_a_turn_that_holds_a_glossary_list_is_one_speaker_s(write) -> None:
    """A plain "Name: words" chat whose turn holds a glossary ("- strike: a stoppage of
    work", "- work-to-rule: ...") keeps those lines in the turn, as a WhatsApp export's is
    read (it was refused whole as a document; trial 14); a bulleted transcript's "- Ann: ..."
    is still a turn of Ann's."""
    text = ("Dana Whitfield: What do we mean by strike, walkout and work-to-rule?\n"
            "Ruth Adeyemi: Proposal for the notice glossary:\n"
            "- industrial action: any collective action in a dispute\n"
            "- strike: a collective, balloted stoppage of work for a set period\n"
            "- work-to-rule: doing exactly what the contract requires\n"
            "Comments?\n"
            "Dana Whitfield: Looks right to me.\n")
    ds, _ = read_discussion([write(text, "thread.txt")])
    assert [m.by for m in ds.messages] == ["dana-whitfield", "ruth-adeyemi", "dana-whitfield"]
    assert "- strike: a collective, balloted stoppage of work for a set period\nComments?" not in ds.messages[1].text
    assert ds.messages[1].text.endswith("- work-to-rule: doing exactly what the contract requires\nComments?")
    ds, _ = read_discussion([write("- Ann: A strike is a stoppage.\n- Bo: Not always.\n- Ann: Fair.\n", "b.txt")])
    assert [c.name for c in ds.contributors] == ["Ann", "Bo"] and len(ds.messages) == 3


@pytest.mark.parametrize("name, text, words", [
    ("broken.xml", '<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item>',
     "broken.xml:1: XML syntax error: no element found (the file ends inside <item>: is it cut short?)"),
    ("latin.xml", b'<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item>'
                  b'<title>Caf\xe9</title></item></channel></rss>',
     "latin.xml:1: XML syntax error: not well-formed (invalid token) (byte 0xe9 is not UTF-8: the file was saved "
     "in another encoding, such as Latin-1 or Windows-1252; save it as UTF-8)"),
    ("irc.chat", "19:01 <ann> a bug is a defect\n19:02 <bo> no\n",
     "not a discussion this tool reads; if it is plain text (turns 'Name: words', a chat log, a blog page), give "
     "--format text"),
    ("bomb.xml", '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss xmlns:wp="http://wordpress.org/export/'
                 '1.2/"/>', "entity declarations are not accepted"),
    ("topic.json", '{"post_stream": {"posts": "nope"}}', "post_stream.posts\" must be a list"),
    ("deep.json", '{"post_stream": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
    ("r.json", '[{"kind": "Listing", "data": {"children": []}}, {"kind": "Listing", "data": {}}]  "t3"',
     "JSON syntax error"),
    ("notes.txt", "just some words\nwith no speaker\n", "no speaker found"),
    # a document's "word: ..." lines are no speakers: this very project's README
    ("README.md", (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8"),
     "reads as a document, not a discussion"),
    # (its list lines go on the line before, as a turn's glossary does: the first to start with words is line 5)
    ("spec.md", "# Fields\nNote: read this first.\n- id: the id\n- by: who\nwhere: the place\nleft out: what is not kept\n"
                "the text: its words\n", "spec.md:5: reads as a document"),
    # notes on a thread: labelled list items under headings, each label once, are no speakers
    ("notes.md", "# The thread\n\nWhat it is.\n\n## Source\n\n- Text: the issue and its comments.\n"
                 "- Second read: all of it again.\n- Speakers (4): Ann, Bo.\n\n## Doubts\n\n- Jokes: not recorded.\n",
     "notes.md:7: reads as a document, not a discussion: '- Text:' is an item of a list"),
    # or words before a colon with a bracket left open or closed, a sentence's end inside, a number first
    ("notes2.md", "Genre: a forum.\nthe terms (as used): a tool.\nRelations: kept.\n18 relations: all kept.\n"
                  "Checks by hand. Counted: twice.\n", "notes2.md:2: reads as a document"),
    # a Slack zip cut short: damaged, not of an unknown kind
    ("slack.zip", _zipped({"users.json": "[]", "channels.json": "[]", "general/2024-01-01.json": "[]"})[:100],
     "slack.zip: a zip file that cannot be read, cut short or damaged"),
    # a JSON export cut short: where it breaks, not that its kind is unknown
    ("cut.json", '{"kind": "Listing", "data": {"children": [',
     "cut.json:1: JSON syntax error: Expecting value at column 43 (the file ends inside the JSON: is it cut short?)"),
    ("cut2.json", '{"kind": "Listing", "data": {"children": [{"body": "half a sen',
     "(the file ends inside the JSON: is it cut short?)"),
    # and any other file cut short, or empty
    ("cut.json.gz", _gzipped((FIX / "reddit.json").read_text(encoding="utf-8"))[:-200],
     "cut.json.gz: the gzip data ends early, after"),
    ("cut.txt", "Ann: a caf\u00e9".encode()[:-1], "cut.txt:1: the file ends inside a character (offset 10): is it cut short?"),
    ("latin1.txt", "Ann: a caf\u00e9!".encode("latin-1"), "latin1.txt:1: not valid UTF-8 (byte 0xe9 at offset 10)"),
    ("empty.txt", "\n  \n", "empty.txt: the file is empty"),
    ("empty.json", "", "empty.json: the file is empty"),
    # a document or a picture of the thread: what it is, and what to give instead
    ("thread.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
     "thread.pdf: a PDF document, not a discussion export: give the thread as text"),
    ("screenshot.png", b"\x89PNG\r\n\x1a\n" + bytes(40), "screenshot.png: a PNG image, not a discussion export"),
    ("forum.docx", _zipped({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}),
     "forum.docx: a Word document, not a discussion export: give the thread as text"),
    # speakers who say nothing: no folder that draft and review would refuse later
    ("silent.txt", "Posted by Ann\n\n1. Bo says:\n\n2. Cy says:\n\n",
     "no message with words in it to import (left out: 3 empty)"),
])
def test_bad_input_is_one_line_and_writes_nothing(write, tmp_path: Path, name: str, text: str, words: str) -> None:
    path = write(text, name)
    out = tmp_path / "out"
    r = run("import", str(path), "-o", str(out))
    assert r.exit_code == 1 and r.stderr.count("\n") == 1 and words in r.stderr, r.stderr
    assert not out.exists() and "Traceback" not in r.stderr


@pytest.mark.parametrize("log", [
    "[10:32] Ann Lee: Soup or salad?\n[10:33] Bo: Soup.\n[10:34] Ann Lee: Soup it is.\n",
    "10:32 Ann Lee: Soup or salad?\n10:33 Bo: Soup.\n10:34 Ann Lee: Soup it is.\n",
    "12/31/21, 10:32 PM - Ann Lee: Soup or salad?\n12/31/21, 10:33 PM - Bo: Soup.\n12/31/21, 10:34 PM - Ann Lee: Soup it is.\n",
    "[2021-12-31 10:32:11] <Ann Lee> Soup or salad?\n[2021-12-31 10:33:02] <Bo> Soup.\n<Ann Lee> Soup it is.\n",
    "<Ann Lee>: Soup or salad?\n<Bo>: Soup.\n<Ann Lee>: Soup it is.\n",  # a nick with a colon after it
])
def test_a_chat_log_with_times_or_irc_nicks_reads_as_turns(write, log: str) -> None:
    """The shapes chat logs are saved in (IRC, WhatsApp, a timestamped copy): the time is
    no part of the speaker's name."""
    ds, _ = read_discussion([write(log.replace("<Ann Lee>", "<ann_lee>"), "log.txt")])
    people = {c.id: c.name for c in ds.contributors}
    said = [(people[m.by], m.text) for m in ds.messages]
    assert [t for _, t in said] == ["Soup or salad?", "Soup.", "Soup it is."]
    assert said[1][0] == "Bo" and said[0][0] == said[2][0] in ("Ann Lee", "ann_lee")


def test_a_turn_whose_name_is_markup_goes_on_the_turn_before_and_says_so(write) -> None:
    """A speaker's name is no HTML tag: the line is read as part of the turn before, as a
    line "<b>Note</b>: ..." of a message is, and since that gives its words to someone
    else, the import says so."""
    chat = ("Ann: A coach asks.\n<img src=x onerror=alert(1)>: A mentor tells.\nBo: Both listen.\n"
            "<img src=x onerror=alert(1)>: Neither decides.\n")
    with pytest.warns(ConceptGraphWarning, match=r"chat\.txt:2: 2 lines open like a turn but name the speaker in "
                                                 r"markup \('<img src=x onerror=alert\(1\)>:'\), and went on the "
                                                 r"turn before: give the speaker a plain name"):
        ds, _ = read_discussion([write(chat, "chat.txt")])
    assert [c.name for c in ds.contributors] == ["Ann", "Bo"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a plain chat warns of nothing
        read_discussion([write("Ann: A coach asks.\nBo: Both listen.\n<b>Note</b> no colon here.\n", "plain.txt")])


@pytest.mark.parametrize("written, name", [
    ("Tobias Klein [External]", "Tobias Klein [External]"),  # as Teams marks a guest
    ("Tobias Klein | Acme", "Tobias Klein | Acme"),
    ("Tobias Klein <tk@acme.com>", "Tobias Klein"),  # an address is no part of the name
])
def test_a_speaker_named_with_a_tag_a_company_or_an_address_opens_a_turn(write, written: str, name: str) -> None:
    """A name as chat and meeting tools decorate it opens a turn of its own (a trial's
    "Tobias Klein [External]" went, unsaid, on the turn before: his words were someone else's)."""
    chat = f"Grace Liu: Is an incident customer-facing?\nAna Silva: Yes.\n{written}: I don't buy that.\nGrace Liu: Noted.\n"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ds, _ = read_discussion([write(chat, "chat.txt")])
    people = {c.id: c.name for c in ds.contributors}
    assert [(people[m.by], m.text) for m in ds.messages][2] == (name, "I don't buy that.")


@pytest.mark.parametrize("written", ["Tobias <b>Klein</b>", "Tobias `tk` Klein"])
def test_a_name_written_in_markup_inside_a_turn_is_said(write, written: str) -> None:
    """A name in markup opens no turn, and since its words then go to the speaker before,
    the import says so, with the line."""
    chat = f"Grace Liu: Is an incident customer-facing?\nAna Silva: Yes.\n{written}: I don't buy that.\n"
    with pytest.warns(ConceptGraphWarning, match=r"chat\.txt:3: 1 line open like a turn but name the speaker in markup"):
        read_discussion([write(chat, "chat.txt")])


def test_in_a_log_of_timed_turns_an_untimed_name_and_colon_goes_on_the_turn(write) -> None:
    """Every turn of this log opens with a time stamp: a line of a turn that starts "Bo
    put it this way:" is no new speaker's, while an untimed line that starts with a name
    still opens a turn (a line pasted without its time)."""
    log = ("[10:00] Ann Lee: What is a sprint?\n[10:01] Bo: A time box.\n[10:05] Cy: I like it.\n\n"
           "Bo put it this way: “a time box”. Note: short.\nBo: And it never moves.\n[10:06] Ann Lee: Thanks.\n")
    ds, _ = read_discussion([write(log, "log.txt")])
    people = {c.id: c.name for c in ds.contributors}
    said = [(people[m.by], m.text) for m in ds.messages]
    assert said == [("Ann Lee", "What is a sprint?"), ("Bo", "A time box."),
                    ("Cy", "I like it.\n\nBo put it this way: “a time box”. Note: short."),
                    ("Bo", "And it never moves."), ("Ann Lee", "Thanks.")]
    assert "Bo put it this way" not in people.values()


@pytest.mark.parametrize("fixture", ["reddit.json", "chat.txt"])
@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])  # a byte-order mark; PowerShell's "> file"
def test_a_file_saved_with_a_byte_order_mark_or_as_utf16_reads_as_in_utf8(write, fixture: str, encoding: str) -> None:
    src = ROOT / "tests" / "fixtures" / "discussions" / fixture
    want, _ = read_discussion([src])
    got, _ = read_discussion([write(src.read_text(encoding="utf-8").encode(encoding), fixture)])
    assert got.messages == want.messages and got.contributors == want.contributors


def test_a_mail_saved_as_text_is_read_as_mail_and_as_text_says_what_it_is(write, tmp_path: Path) -> None:
    mail = ("From: Ann Lee <ann@example.com>\nTo: words@example.com\nSubject: bug or defect?\n"
            "Date: Mon, 2 Mar 2026 10:00:00 +0000\n\nIs a defect a bug?\n")
    ds, _ = read_discussion([write(mail, "mail.txt")])
    assert [c.name for c in ds.contributors] == ["Ann Lee"] and [m.text for m in ds.messages] == ["Is a defect a bug?"]
    r = run("import", str(write(mail, "again.txt")), "--format", "text", "-o", str(tmp_path / "out"))
    assert r.exit_code == 2 and "again.txt: reads as mbox" in r.stderr and "Traceback" not in r.stderr
    # and so are captions given as text: their numbers and timings would be read as words
    srt = "1\n00:00:00,500 --> 00:00:04,000\nHOST: Mentor or coach?\n\n2\n00:00:04,500 --> 00:00:08,000\n- Mentor.\n- Coach.\n"
    r = run("import", str(write(srt, "panel.srt")), "--format", "text", "-o", str(tmp_path / "out"))
    assert r.exit_code == 2 and "panel.srt: reads as vtt" in r.stderr and not (tmp_path / "out").exists()


def test_a_google_meet_transcript_s_closing_lines_are_no_ones_words(write) -> None:
    text = ("Naming sync - Transcript\n00:00:00\n \nAkira: Deprecated or obsolete?\n"
            "Bea: Deprecated still works.\nMeeting ended after 00:01:30 \U0001F44B\n"
            "This editable transcript was computer generated and might contain errors.\n")
    ds, _ = read_discussion([write(text, "meet.txt")])
    assert [m.text for m in ds.messages] == ["Deprecated or obsolete?", "Deprecated still works."]


def test_minutes_keep_an_action_item_in_its_turn_and_leave_out_words_struck_out(write) -> None:
    notes = ("# Glossary group\n\n**Ann Lee**: A stakeholder is anyone affected.\n\n"
             "- Action: Bo to check the ISO wording.\n\n**Bo Chen**: Too wide.\n\n"
             "~~Cy Park: withdrawn comment~~\n\nAnn Lee: Agreed.\n")
    ds, summary = read_discussion([write(notes, "minutes.md")])
    assert [c.name for c in ds.contributors] == ["Ann Lee", "Bo Chen"]
    assert "Action: Bo to check" in ds.messages[0].text and summary["left_out"]["struck-out lines"] == 1


def test_an_irssi_log_reads_as_turns_without_its_own_lines(write) -> None:
    """irssi writes "< nick>" and "* nick does", and lines of its own ("-!- bo has joined",
    "--- Log closed"): those are no one's words, counted apart; a .log is plain text."""
    log = ("--- Log opened Tue Mar 05 19:00:12 2024\n19:00 -!- Irssi: Join to #terms was synced\n"
           "19:01 < ann_lee> is a bug a defect?\n19:02 -!- bo [~bo@192.0.2.1] has joined #terms\n"
           "19:03 <@bo> no: a defect is in the spec\n19:04  * ann_lee nods\n19:05 <+cy> +1 bo\n"
           "--- Log closed Tue Mar 05 19:10:00 2024\n")
    ds, left = read_discussion([write(log, "terms.log")])
    people = {c.id: c.name for c in ds.contributors}
    assert [(people[m.by], m.text) for m in ds.messages] == [
        ("ann_lee", "is a bug a defect?"), ("bo", "no: a defect is in the spec"), ("ann_lee", "nods"),
        ("cy", "+1 bo")]
    assert left["left_out"] == {"joins, leaves and channel events": 4}
    # a nick changed is the same person, under the nick they had first
    renamed = log.replace("19:05 <+cy> +1 bo\n", "19:05 -!- bo is now known as bo_afk\n19:06 <bo_afk> back\n")
    ds, _ = read_discussion([write(renamed, "renamed.log")])
    assert [c.name for c in ds.contributors] == ["ann_lee", "bo"] and ds.messages[-1].text == "back"


@pytest.mark.parametrize("line, name", [
    ('[00:02:15] Tom "TJ" O\'Reilly: A refactoring is small.', 'Tom "TJ" O\'Reilly'),  # a nickname in quotes
    ('Tom "TJ" O\'Reilly: A refactoring is small.', 'Tom "TJ" O\'Reilly'),
    ("[00:03:40] <b>Guest</b>: A refactoring is small.", "<b>Guest</b>"),  # after a time stamp: a turn, as named
])
def test_a_speaker_named_with_quotes_or_markup_keeps_their_turn(write, line: str, name: str) -> None:
    text = f"[00:00:05] Ann: A rewrite is bad.\n{line}\n[00:00:20] Ann: I agree.\n"
    ds, _ = read_discussion([write(text, "meeting.txt")])
    people = {c.id: c.name for c in ds.contributors}
    assert [(people[m.by], m.text) for m in ds.messages] == [
        ("Ann", "A rewrite is bad."), (name, "A refactoring is small."), ("Ann", "I agree.")]


@pytest.mark.parametrize("text, said", [
    # "Example: ..." or "Edit: ..." sets off part of the speaker's own message
    ("Ann: Weather is what happens today.\nExample: rain on Tuesday.\nBo: Climate is the long run.\n"
     "Edit: thirty years, say.\nAnn: Agreed.\n",
     [("Ann", "Weather is what happens today.\nExample: rain on Tuesday."),
      ("Bo", "Climate is the long run.\nEdit: thirty years, say."), ("Ann", "Agreed.")]),
    # "Present:" and "Apologies:" list who came; no one says them
    ("# Committee, 14 May\n\nPresent: Ann (chair), Bo Chen\nApologies: Cy Diaz\n\n"
     "Ann: Is withdrawn the same as discarded?\nBo: No.\nDate: next Monday, then.\n",
     [("Ann", "Is withdrawn the same as discarded?"), ("Bo", "No.\nDate: next Monday, then.")]),
])
def test_a_label_or_the_head_of_minutes_is_no_speaker(write, text: str, said: list[tuple[str, str]]) -> None:
    ds, _ = read_discussion([write(text, "notes.md")])
    people = {c.id: c.name for c in ds.contributors}
    assert sorted(people.values()) == ["Ann", "Bo"]
    assert [(people[m.by], m.text) for m in ds.messages] == said


@pytest.mark.parametrize(("given", "read_as"), [("mail", "mbox"), ("EML", "mbox"), ("srt", "vtt"), ("markdown", "text"),
                                               ("stackoverflow", "stackexchange"), ("whatsapp", "text")])
def test_a_format_goes_by_the_names_people_give_it(given: str, read_as: str) -> None:
    fixture = {"mbox": "thread.mbox", "vtt": "meeting.vtt", "text": "chat.txt",
               "stackexchange": "stackexchange"}[read_as]
    r = run("import", str(FIX / fixture), "--format", given, "--json")
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["format"] == read_as


def test_unknown_format_and_unknown_thread_are_usage_errors() -> None:
    r = run("import", str(FIX / "chat.txt"), "--format", "pdf")
    assert r.exit_code == 2
    # a format the content is not: what it is, not that it holds no message
    r = run("import", str(FIX / "discourse.json"), "--format", "github")
    assert r.exit_code == 2 and "reads as discourse" in r.stderr and "give --format discourse" in r.stderr
    # a chat log given as a JSON export: what it is, not a JSON syntax error ("[1/2/24, 10:32]" opens no list)
    for chat, fmt in (("whatsapp-ios.txt", "telegram"), ("chat.txt", "github")):
        r = run("import", str(FIX / chat), "--format", fmt)
        assert r.exit_code == 2 and "reads as text (" in r.stderr and "give --format text" in r.stderr, r.stderr
    # a format read from a folder or a zip, given one file: what it reads, and what the file is
    r = run("import", str(FIX / "discourse.json"), "--format", "slack")
    assert r.exit_code == 2 and "--format slack reads a folder or a .zip" in r.stderr, r.stderr
    assert "reads as discourse" in r.stderr and "give --format discourse" in r.stderr
    # the formats of plain text say themselves what they miss
    r = run("import", str(FIX / "chat.txt"), "--format", "mbox")
    assert r.exit_code == 1 and "no mail message" in r.stderr
    r = run("import", str(FIX / "slack"), "--thread", "genral")
    assert r.exit_code == 2 and "did you mean '#general'" in r.stderr
    # a dump's reader picks the thread itself; when none is that one, the titles are listed still
    r = run("import", str(FIX / "stackexchange"), "--thread", "fashion")
    assert r.exit_code == 2 and "What is the difference between fashion and clothing tags?" in r.stderr


def test_hostile_strings_stay_text(tmp_path: Path) -> None:
    evil = '<script>alert(1)</script> \x1b[2J "quoted" {{data}}'
    path = tmp_path / "evil.txt"
    path.write_text(f"Ann: {evil}\nBo: fine\n", encoding="utf-8")
    out = tmp_path / "evil"
    assert run("import", str(path), "-o", str(out)).exit_code == 0
    doc = yaml.safe_load((out / "discussion.yaml").read_text(encoding="utf-8"))
    assert doc["messages"][0]["text"] == evil
    r = run("thread", "--data", str(out))
    assert "\x1b" not in r.stdout and "\\x1b[2J" in r.stdout
    G = load_graph(out)
    assert G.nodes["turn-1"]["text"] == evil


def test_a_failed_import_leaves_nothing(tmp_path: Path, monkeypatch) -> None:
    import conceptgraph.files as files

    def broken(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.Path, "write_bytes", broken)
    r = run("import", str(SOURCE), "-o", str(tmp_path / "coop"))
    assert r.exit_code == 6 and not (tmp_path / "coop").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name != "cache"] == []


def test_the_registry_names_every_format() -> None:
    r = run("import", "--help")
    for imp in IMPORTERS.values():
        assert imp.name in r.stdout
    assert DatasetError  # errors from importers are DatasetErrors: exit 1


_ASKED, _ANSWERED = "What is a sonnet?", "Fourteen lines."
# Each reader, a thread in its shape whose reply quotes what it answers: (file name, its
# text, how many quoted lines are left out, the messages' texts)
_QUOTING = [
    ("t.txt", "Ann: What is a sonnet?\nBo: > What is a sonnet?\n> Really?\nFourteen lines.\n", 2,
     [_ASKED, _ANSWERED]),
    # a copied blog page: counted where they are removed, in comments too
    ("blog.txt", "Sonnets\nPosted by Ann — 2024-01-02\n\nWhat is a sonnet?\n\n1. Bo says:\nAnn wrote:\n"
     "> What is a sonnet?\nFourteen lines.\n2. Cy says:\n> Fourteen lines.\n>\nOr fewer, see 1 > 0.\n", 3,
     [_ASKED, _ANSWERED, "Or fewer, see 1 > 0."]),
    # mail, "Dave>" quotes included
    ("t.mbox", "From ann Mon Jan  1 00:00:00 2024\nFrom: Ann <ann@example.org>\nMessage-ID: <1@x>\n"
     "Subject: sonnets\nDate: Mon, 1 Jan 2024 10:00:00 +0000\n\nWhat is a sonnet?\n\n"
     "From bo Mon Jan  1 00:00:00 2024\nFrom: Bo <bo@example.org>\nMessage-ID: <2@x>\n"
     "In-Reply-To: <1@x>\nSubject: Re: sonnets\nDate: Mon, 1 Jan 2024 11:00:00 +0000\n\n"
     "Ann wrote:\n> What is a sonnet?\nAnn> Really?\nFourteen lines.\n", 2, [_ASKED, _ANSWERED]),
    # Markdown sources: Reddit, GitHub (Discourse, Slack, Stack Exchange alike)
    ("r.json", json.dumps([
        {"kind": "Listing", "data": {"children": [{"kind": "t3", "data": {
            "name": "t3_a", "author": "ann", "title": "Sonnets", "selftext": _ASKED}}]}},
        {"kind": "Listing", "data": {"children": [{"kind": "t1", "data": {
            "name": "t1_b", "author": "bo", "body": f"> {_ASKED}\n\n{_ANSWERED}", "replies": ""}}]}}]), 1,
     [_ASKED, _ANSWERED]),
    ("issue.json", json.dumps({"number": 1, "title": "Sonnets", "body": _ASKED, "user": {"login": "ann"},
                               "created_at": "2024-01-01T00:00:00Z", "html_url": "https://github.com/o/r/issues/1"})
     + json.dumps([{"id": 2, "body": f"> {_ASKED}\n> Really?\n\n{_ANSWERED}", "user": {"login": "bo"},
                    "created_at": "2024-01-02T00:00:00Z", "issue_url": "https://api.github.com/repos/o/r/issues/1"}]),
     2, [_ASKED, _ANSWERED]),
    # a Mattermost export: a reply nested under its root post
    ("export.jsonl", '{"type":"version","version":1}\n' + json.dumps({"type": "post", "post": {
        "team": "t", "channel": "c", "user": "ann", "message": _ASKED, "create_at": 1, "replies": [
            {"user": "bo", "message": f"> {_ASKED}\n> Really?\n\n{_ANSWERED}", "create_at": 2}]}}), 2,
     [_ASKED, _ANSWERED]),
]


@pytest.mark.parametrize(("name", "text", "quoted", "texts"), _QUOTING, ids=[q[0] for q in _QUOTING])
def test_the_summary_counts_the_quoted_lines_it_kept_out(tmp_path: Path, name: str, text: str, quoted: int,
                                                         texts: list[str]) -> None:
    """Quoted '>' lines are another's words, left out of each message: the summary says
    how many, as it does for everything else it leaves out."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    ds, summary = read_discussion([path])
    assert summary["left_out"] == {"quoted lines (others' words)": quoted}
    assert [m.text for m in ds.messages] == texts


GOLD_THREADS = sorted((ROOT / "bench" / "gold").glob("*/*.txt"))


@pytest.mark.parametrize("raw", GOLD_THREADS, ids=[p.stem for p in GOLD_THREADS])
def test_real_plain_text_threads_import_as_their_gold(raw: Path) -> None:
    """Real threads copied as plain text (bench/gold): every speaker and every message's
    own words as the hand-made gold has them. Found there: quoted '>' lines kept in a
    post, one-line turns ("Thank you, everybody.") emptied as sign-offs, a numbered list
    inside a comment ("2. It is a pity ...") or a question read as comments, a hyphen in
    an author's name ("kal-al") taken for the date's dash."""
    ds, _ = read_discussion([raw])
    gold = load_dataset(raw.with_suffix(".yaml"))
    people, gold_people = {c.id: c.name for c in ds.contributors}, {c.id: c.name for c in gold.contributors}
    known = SIGNED_TWICE.get(raw.stem, {})
    # the gold keeps a mail address as published ("Bo <bo@example.org> wrote:"); import never writes one
    assert [(m.where, known.get(people[m.by], people[m.by]), m.text) for m in ds.messages] == \
        [(m.where, gold_people[m.by], without_addresses(m.text)) for m in gold.messages]


# One person signing with two names on the page itself: the gold, read by a person, knows
# them for one; nothing in the text says so (haacked.com: the post by "Phil Haack", his
# reply as "Haacked"; acephalous: the post by "Scott Eric Kaufman", his replies as "SEK").
SIGNED_TWICE = {"haacked-impedance-mismatch": {"Haacked": "Phil Haack"},
                "acephalous-violent-rhetoric": {"SEK": "Scott Eric Kaufman", "Matt": "Matt Gabriele"}}


def test_a_page_without_an_author_line_and_two_unsigned_comments(write) -> None:
    path = write("Is a tomato a fruit?\n\nBotanists call it a fruit; cooks call it a vegetable.\n\n"
                 "  1. It is a berry, strictly.\n\n  2. Ann says:\n\n    No, it is a vegetable.\n\n"
                 "  3. A fruit, legally not.\n", "page.txt")
    ds, _ = read_discussion([path])
    assert [(c.name, c.role) for c in ds.contributors] == [
        ("unnamed author (post)", "author"), ("unnamed commenter (comment 1)", "commenter"), ("Ann", "commenter"),
        ("unnamed commenter (comment 3)", "commenter")]
    assert ds.source.title == "Is a tomato a fruit?" and not ds.source.author


def test_a_mailing_list_archive_page_keeps_no_quoted_initials_or_card(write) -> None:
    """A list's archive copied as a page: "MM> ..." is MM's words (Supercite), however
    the reply is laid out; the post's card (name and address, then institute and phone)
    is no part of what it says."""
    path = write("Beta?\n\nPosted by Mary Moss — March 25, 1998\n\nShould we call it beta?\n\n"
                 "Mary Moss <mm@stat.example.org>\nSeminar of Statistics\nphone: 632-3408\n\n"
                 "  1. Fritz Lang says:\n\n    MM> Should we call it beta?\n    MM>   (or alpha)\n\n"
                 "    No: with version 0, neither.\n", "list.txt")
    ds, left = read_discussion([path])
    assert [m.text for m in ds.messages] == ["Should we call it beta?", "No: with version 0, neither."]


def test_a_sign_off_signs_only_under_words(write) -> None:
    path = write("Soup\n\nPosted by Ann — May 1, 2020\n\nSoup or salad?\n\n  1. Soup, surely.\nBest wishes, Bo\n\n"
                 "  2. Thanks, Cy.\n\n  3. Thank you, everybody.\n", "soup.txt")
    ds, _ = read_discussion([path])
    people = {c.id: c.name for c in ds.contributors}
    assert [(people[m.by], m.text) for m in ds.messages] == [
        ("Ann", "Soup or salad?"), ("Bo", "Soup, surely."), ("unnamed commenter (comment 2)", "Thanks, Cy."),
        ("unnamed commenter (comment 3)", "Thank you, everybody.")]


@pytest.mark.parametrize("line, author, date", [
    ("Posted by Ann", "Ann", None), ("Posted by Ann Oakes on May 1, 2020", "Ann Oakes", "2020-05-01"),
    ("Posted by Ron Onley - 2020-05-01", "Ron Onley", "2020-05-01")])
def test_the_author_line_may_give_a_date_or_not(write, line: str, author: str, date: str | None) -> None:
    path = write(f"Soup\n\n{line}\n\nSoup or salad?\n\n  1. Bo says:\n\n    Soup.\n", "soup.txt")
    ds, _ = read_discussion([path])
    assert (ds.source.author, ds.source.date or None) == (author, date)
    assert [(c.name, m.text) for m in ds.messages for c in ds.contributors if c.id == m.by] == [
        (author, "Soup or salad?"), ("Bo", "Soup.")]


@pytest.mark.parametrize("stamp", ["12 March 2024 at 09:14", "March 12, 2024 at 9:14 am", "2024-03-12 09:14",
                                   "12/03/2024, 09:14", "Sept. 12, 2024 at 9:14 am", "September 12, 2024 at 9:14 am"])
def test_the_date_a_blog_prints_under_a_commenter_is_the_comment_s_date(write, stamp: str) -> None:
    """WordPress prints "12 March 2024 at 09:14" under "NAME says:": the comment's date,
    not the first words of the comment (a draft made a term of "march 2024")."""
    path = write(f"Soup\n\nPosted by Ann\n\nSoup or salad?\n\n1. Bo says:\n{stamp}\nSoup.\n\n2. Cy says:\n"
                 "12 March 2024 was the day we chose soup.\n", "soup.txt")
    ds, _ = read_discussion([path])
    day = "2024-09-12" if stamp.startswith("Sept") else "2024-03-12"
    assert [(m.text, m.date) for m in ds.messages[1:]] == [
        ("Soup.", day), ("12 March 2024 was the day we chose soup.", "")]


COPIED = """Consent or consensus?
Posted by Aoife Ní Bhriain on March 1, 2023

Consent means nobody objects; consensus means everyone agrees.

4 thoughts on “Consent or consensus?”

Raúl Jiménez
March 1, 2023 at 10:14 am
Consensus isn't "everyone agrees".
Reply

Aoife Ní Bhriain
March 1, 2023 at 11:02 am
Then consent is the end of that process, Raúl.
Reply

Kenji Watanabe
March 2, 2023 at 12:40 pm (edited)
Consensus is slower; consent is safer to try.
Reply

Comments are closed.
"""
MARKDOWN = """# Consent or consensus?

*Posted by Aoife Ní Bhriain on 1 March 2023*

Consent means nobody objects; consensus means everyone agrees.

Share this: [Twitter](https://twitter.com/share)

## 3 Comments

**Raúl Jiménez** says:
March 1, 2023 at 10:14 am

Consensus isn't "everyone agrees".

[Reply](#respond)

**Anonymous** says:
March 1, 2023 at 12:40 pm

This comment was deleted by the author.

**Aoife Ní Bhriain** says:
March 1, 2023 at 11:02 am

> Consensus isn't "everyone agrees".

Then consent is the end of that process, Raúl.

[Reply](#respond)

**Pingback:** [Sociocracy 101 | Another Blog](https://another.example/sociocracy-101)

Comments are closed.
"""
NUMBERED = """# Consent or consensus?

Posted by Aoife Ní Bhriain on 1 March 2023

Consent means nobody objects; consensus means everyone agrees.

1. **Raúl Jiménez** says:
   Consensus isn't "everyone agrees".

2. **Aoife Ní Bhriain** says:
   Then consent is the end of that process, Raúl.
"""


@pytest.mark.parametrize("text, name", [(COPIED, "copied.txt"), (MARKDOWN, "comments.md"), (NUMBERED, "numbered.md")])
def test_a_blog_page_s_comments_are_each_their_speaker_s(write, text: str, name: str) -> None:
    """A blog page copied from a browser (each comment under its author's name and the
    date), or written in Markdown ("**NAME** says:"), numbered or not: each comment is
    its author's, never the post's author's; the page's chrome ("4 thoughts on ...",
    "Reply", "Share this", "Comments are closed."), a pingback and a deleted comment are no
    one's words; names and title lose their Markdown, so the post's author is one person."""
    ds, _ = read_discussion([write(text, name)])
    people = {c.id: c.name for c in ds.contributors}
    said = [(people[m.by], m.where, m.text) for m in ds.messages]
    expected = [("Aoife Ní Bhriain", "post", "Consent means nobody objects; consensus means everyone agrees."),
                ("Raúl Jiménez", "comment 1", 'Consensus isn\'t "everyone agrees".'),
                ("Aoife Ní Bhriain", "comment 2", "Then consent is the end of that process, Raúl.")]
    if name == "copied.txt":
        expected.append(("Kenji Watanabe", "comment 3", "Consensus is slower; consent is safer to try."))
    assert said == expected
    assert ds.source.title == "Consent or consensus?" and len(people) == len({p for p, *_ in expected})
    if name != "numbered.md":
        assert [m.date for m in ds.messages[1:]] == ["2023-03-01", "2023-03-01", "2023-03-02"][: len(expected) - 1]


def test_a_date_that_is_a_comment_s_own_words_stays(write) -> None:
    """A comment that is only a date, or a letter's date line under a blank line, is words."""
    path = write("Soup\n\nPosted by Ann\n\nSoup or salad?\n\n1. Bo says:\n12 March 2024\n\n2. Cy says:\n\n"
                 "May 4, 2021\nDear all, soup.\n", "soup.txt")
    ds, _ = read_discussion([path])
    assert [m.text for m in ds.messages[1:]] == ["12 March 2024", "May 4, 2021\nDear all, soup."]


def test_a_numbered_list_in_the_post_is_no_comment(write) -> None:
    path = write("Tags\n\nPosted by  kal-al —August 30, 2004\n\nTwo readings:\n1. Clothing is worn.\n2. Fashion is "
                 "followed.\n\n\n  1. Bo says:\n\n    The first.\n\n  2. Cy says:\n\n    The second.\n", "tags.txt")
    ds, _ = read_discussion([path])
    people = {c.id: c.name for c in ds.contributors}
    assert [(people[m.by], m.where) for m in ds.messages] == [("kal-al", "post"), ("Bo", "comment 1"),
                                                               ("Cy", "comment 2")]
    assert ds.messages[0].text.endswith("2. Fashion is followed.") and ds.source.date == "2004-08-30"


def test_headings_and_pasted_conversations_in_a_post_are_no_responses(write) -> None:
    """A section heading ("Testability", "Constrained Construction") is no respondent's
    name, and a name heading that comes twice is a conversation pasted into the post."""
    page = ("Providers\n\nPosted by  Ann Oakes —May 1, 2020\n\nIntro.\n\nConstrained Construction\n\nWords.\n\n"
            "Testability\n\nMore words.\n\nJo Qwertz\n\nA pasted reply.\n\nAnn Oakes\n\nAnd mine.\n\nJo Qwertz\n\n"
            "Again.\n\n\n  1. Bo says:\n\n    Nice.\n")
    ds, _ = read_discussion([write(page, "p.txt")])
    people = {c.id: c.name for c in ds.contributors}
    assert [(people[m.by], m.where) for m in ds.messages] == [("Ann Oakes", "post"), ("Bo", "comment 1")]
    assert "Testability" in ds.messages[0].text and ds.messages[0].text.endswith("Again.")
    answered = read_discussion([write(page.replace("Jo Qwertz\n\nAgain.", "Al Zyxw\n\nAgain."), "q.txt")])[0]
    assert [m.where for m in answered.messages] == ["post", "response 1", "response 2", "comment 1"]
    # a line of code standing alone ("OP_PUSHNUM_3 OP_PUSHBYTES_32") is no one's name either
    code = page.replace("Jo Qwertz\n\nAgain.", "Al Zyxw\n\nAgain.").replace("Testability", "OP_PUSHNUM_3 OP_PUSHBYTES_32")
    assert [m.where for m in read_discussion([write(code, "c.txt")])[0].messages] == ["post", "response 1", "response 2",
                                                                                      "comment 1"]


def test_a_file_of_a_few_threads_is_titled_by_theirs() -> None:
    """Not by its last speaker, nor by the file's name: a site's export of two posts is
    named for them (a teacher's forum of two discussions had been "moodle_forum_export")."""
    ds, summary = read_discussion([FIX / "wordpress.xml"])
    assert summary["threads"] == 2 and ds.source.title == "Cooperation & collaboration / About"
    assert ds.source.title not in {c.name for c in ds.contributors}


def test_addresses_typed_in_messages_are_never_written(write, tmp_path: Path) -> None:
    """Not only the export's own address fields: an e-mail or IP address someone typed."""
    path = write("Ann: mail me at ann@example.org, I log in from 203.0.113.7 and 2001:db8::8a2e:370:7334.\n"
                 "Bo: std::vector 1.2.3.4.5 is fine.\n", "chat.txt")
    assert run("import", str(path), "-o", str(tmp_path / "out")).exit_code == 0
    text = (tmp_path / "out" / "discussion.yaml").read_text(encoding="utf-8")
    assert "example.org" not in text and "203.0.113" not in text and "2001:db8" not in text
    assert text.count("[address]") == 3 and "std::vector 1.2.3.4.5" in text


def test_a_saved_pages_tables_and_numbered_lists_keep_their_shape() -> None:
    """A table's cells are set off by tabs, a row a line; an ordered list keeps the
    numbers a reader sees (and may cite), a bulleted one its bullets, as Markdown writes
    them: from a real saved blog page, and by example."""
    from conceptgraph.discussions.clean import html_to_text

    page = ROOT / "tests" / "fixtures" / "discussions" / "webpages" / "lemire.me.json.html"
    post = read_discussion([page])[0].messages[0].text
    assert "file\tsimdjson\tJSON for Modern C++\napache_builds\t2.3 GB/s\t0.098 GB/s" in post
    text = html_to_text('<table><tr><th>a</th> <th>b</th></tr><tr><td>1</td>\n<td> 2 </td></tr></table>'
                        '<ol start="3"><li>three</li><li>four</li></ol><ol><li>one</li></ol><ul><li>dot</li></ul>')
    assert text == "a\tb\n1\t2\n\n3. three\n4. four\n\n1. one\n\n- dot"


def test_a_saved_page_counts_the_passages_its_comments_quote() -> None:
    """A comment's <blockquote> is another's words: left out of the comment, and counted
    (a real saved WordPress page, five quotes in its comments)."""
    page = ROOT / "tests" / "fixtures" / "discussions" / "webpages" / "moritz-meyer.net.vreni.html"
    ds, summary = read_discussion([page])
    assert summary["left_out"]["quoted passages (others' words)"] == page.read_text(encoding="utf-8").count("<blockquote")


def test_html_inline_code_keeps_its_marks_and_a_pre_block_its_lines() -> None:
    """A name written as code is held up, as in Markdown (a real saved Discourse page);
    pasted code or output keeps its lines, fenced."""
    from conceptgraph.discussions.clean import html_to_text

    page = ROOT / "tests" / "fixtures" / "discussions" / "webpages" / "discourse-ziggit.html"
    texts = [m.text for m in read_discussion([page])[0].messages]
    assert any("JavaScriptCore, `Bun.serve`, HTTP/1-3, WebSockets, `fetch`, streams" in t for t in texts)
    text = html_to_text("<p>Call it <code>take</code>, <code></code>not <code><b>drop</b></code>.</p>"
                        "<pre><code>if a:\r\n    b  =  2\r\n\tc = 3</code></pre></code>end")
    # spaces as written, and fenced as Markdown writes code, so that the draft reads no claim in it
    assert text == "Call it `take`, not `drop`.\n\n```\nif a:\n    b  =  2\n    c = 3\n```\n\nend"


def test_a_bulleted_transcript_under_headings_is_a_discussion(write) -> None:
    """Minutes kept as a list, people speaking more than once: turns, not a document's items."""
    path = write("# Weekly call\n\n## Names\n\n- Ann: Is a defect a bug?\n- Bo: Not always.\n"
                 "- Ann: Then which word?\n\n## Next\n\n- Bo: Defect, in the report.\n", "minutes.md")
    ds, _ = read_discussion([path])
    assert [(m.by, m.text) for m in ds.messages] == [("ann", "Is a defect a bug?"), ("bo", "Not always."),
                                                     ("ann", "Then which word?"), ("bo", "Defect, in the report.")]


def test_an_import_to_standard_output_is_refused(write, tmp_path: Path, monkeypatch) -> None:
    """"-o -" is standard output to most tools; a folder of files cannot go there, and no
    folder named "-" is made."""
    monkeypatch.chdir(tmp_path)
    r = run("import", str(write("Ann: Soup?\nBo: Soup.\n", "chat.txt")), "-o", "-")
    assert r.exit_code == 2 and "not to standard output" in r.stderr and not (tmp_path / "-").exists()


def test_a_placeholder_speaker_is_renamed(write, tmp_path: Path) -> None:
    """A transcript's "Speaker 1" named as who they are: their turns are the new name's,
    with an id of it; a name that already speaks is one person (--same-person), said so."""
    path = write("Speaker 1  0:03\nIs a flag a toggle?\n\nMaria Gonzalez  0:09\nYes.\n\n"
                 "Speaker 2  0:12\nNo.\n", "otter.txt")
    r = run("import", str(path), "-o", str(tmp_path / "out"), "--rename", "speaker 1=Ana Ruiz",
            "--rename", "Speaker 2=Bo Chen", "--same-person", "Bo Chen=Ana Ruiz")
    assert r.exit_code == 0, r.stderr
    ds = load_dataset(tmp_path / "out")
    assert [(c.id, c.name) for c in ds.contributors] == [("ana-ruiz", "Ana Ruiz"), ("maria-gonzalez", "Maria Gonzalez")]
    assert [m.by for m in ds.messages] == ["ana-ruiz", "maria-gonzalez", "ana-ruiz"]
    r = run("import", str(path), "-o", str(tmp_path / "two"), "--rename", "Speaker 1=Maria Gonzalez")
    assert r.exit_code == 2 and "give --same-person 'Speaker 1=Maria Gonzalez'" in r.stderr
    assert not (tmp_path / "two").exists()


def test_a_title_given_names_the_discussion(tmp_path: Path) -> None:
    """A transcript's file name is no title: the summary says so, and --title gives one,
    for the page's heading and every answer; an empty one is refused, nothing written."""
    r = run("import", str(FIX / "meeting.vtt"), "-o", str(tmp_path / "named"))
    assert "title: meeting (the file's name; --title gives the discussion its own)" in r.stdout.splitlines(), r.stdout
    r = run("import", str(FIX / "meeting.vtt"), "-o", str(tmp_path / "out"), "--title", "  Year 9:  law or rule? ")
    assert r.exit_code == 0, r.stderr
    assert load_dataset(tmp_path / "out").source.title == "Year 9: law or rule?" and "title:" not in r.stdout
    r = run("import", str(FIX / "meeting.vtt"), "-o", str(tmp_path / "empty"), "--title", " ")
    assert r.exit_code == 2 and "--title is empty" in r.stderr and not (tmp_path / "empty").exists()
    # a byte typed in another encoding (Latin-1's \xff) reaches Python as half a character: said, not a traceback
    r = run("import", str(FIX / "meeting.vtt"), "-o", str(tmp_path / "latin"), "--title", "caf\udcff")
    assert (r.exit_code, r.stderr) == (2, "Error: 'caf\\xff' holds bytes that are not UTF-8 text: give it in UTF-8\n")
    assert not (tmp_path / "latin").exists()


def test_a_name_in_several_files_imported_together_is_one_person(tmp_path: Path, write) -> None:
    """A meeting's transcript names people, a Slack export gives accounts ("U01ANA")
    named so: imported together, Ana Lima is one speaker, and the summary says how many
    were taken as one. In one file, two accounts of one name stay two people, and then
    the name says nothing of which one speaks in another file."""
    r = run("import", str(FIX / "meeting.vtt"), str(FIX / "slack"), "-o", str(tmp_path / "both"), "--json")
    assert r.exit_code == 0, r.stderr
    assert (json.loads(r.stdout)["speakers"], json.loads(r.stdout)["one_name_across_files"]) == (2, 2)
    assert [(c.id, c.name) for c in load_dataset(tmp_path / "both").contributors] == [
        ("ana-lima", "Ana Lima"), ("bruno-costa", "Bruno Costa")]
    r = run("import", str(FIX / "meeting.vtt"), str(FIX / "slack"), "-o", str(tmp_path / "said"))
    assert "one person in several files: 2 speakers, by name (Ana Lima, Bruno Costa): each name one speaker in " \
           "every file it speaks in; if they are people of two communities, import with --people-apart" in r.stdout
    # two communities compared, each with its own Ana: --people-apart keeps every file's people its own
    r = run("import", str(FIX / "meeting.vtt"), str(FIX / "slack"), "-o", str(tmp_path / "apart"), "--json",
            "--people-apart")
    assert r.exit_code == 0 and json.loads(r.stdout)["speakers"] == 4 and "one_name_across_files" not in r.stdout
    apart = load_dataset(tmp_path / "apart")
    assert sorted(c.name for c in apart.contributors) == ["Ana Lima", "Ana Lima", "Bruno Costa", "Bruno Costa"]
    files = {c.id: {m.where.split(" › ")[0].startswith("“#") for m in apart.messages if m.by == c.id}
             for c in apart.contributors}  # the meeting's, or Slack's channels'
    assert all(len(slack) == 1 for slack in files.values()), files
    # two Slack accounts named "Ana Lima": each a person, and the meeting's Ana a third (and
    # Bruno, who speaks in the meeting only); asking for "Ana Lima" names which there are
    twice = tmp_path / "slack"
    shutil.copytree(FIX / "slack", twice)
    users = json.loads((twice / "users.json").read_text(encoding="utf-8"))
    users[1]["real_name"] = users[1]["profile"]["real_name"] = "Ana Lima"
    (twice / "users.json").write_text(json.dumps(users), encoding="utf-8")
    r = run("import", str(FIX / "meeting.vtt"), str(twice), "-o", str(tmp_path / "three"), "--json")
    assert r.exit_code == 0 and json.loads(r.stdout)["speakers"] == 4, r.stderr
    assert "one_name_across_files" not in json.loads(r.stdout)
    r = run("import", str(FIX / "meeting.vtt"), str(twice), "-o", str(tmp_path / "four"),
            "--same-person", "Ana Lima=Ana Lima")
    assert r.exit_code == 2 and "'Ana Lima' names 3 speakers: give one by id" in r.stderr, r.stderr


def _with_reactions(tmp_path: Path, name: str) -> Path:
    """A copy of fixture ``name`` in which one message has three 👍 (one in a skin tone
    on Slack), a 👎 or "angry" and a ❤️, in the export's own shape."""
    one = ["+1", "thumbs_up", "+1", "-1", "heart"]
    if name == "slack":
        out = tmp_path / "slack"
        shutil.copytree(FIX / "slack", out)
        day = sorted((out / "general").glob("*.json"))[0]
        batch = json.loads(day.read_text(encoding="utf-8"))
        first = next(m for m in batch if m.get("text") and not m.get("subtype"))
        first["reactions"] = [{"name": "+1", "count": 2, "users": ["U01ANA", "U02BRU"]},
                              {"name": "+1::skin-tone-3", "count": 1, "users": ["U03"]},
                              {"name": "-1", "count": 1, "users": ["U04"]}, {"name": "heart", "count": 1, "users": ["U05"]}]
        day.write_text(json.dumps(batch), encoding="utf-8")
        return out
    if name == "mattermost":
        lines = [json.loads(x) for x in (FIX / "mattermost-export.jsonl").read_text(encoding="utf-8").splitlines()]
        first = next(x["post"] for x in lines if x.get("type") == "post" and "tenant" in x["post"].get("message", ""))
        first["reactions"] = [{"user": "u", "emoji_name": z, "create_at": 1} for z in one]
        out = tmp_path / "mattermost.jsonl"
        out.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
        return out
    if name == "zulip":
        data = json.loads((FIX / "zulip.json").read_text(encoding="utf-8"))
        first = data["messages"][0]
        first["reactions"] = [{"emoji_name": z, "user_id": i} for i, z in enumerate(one)]
    else:  # Graph's reactions are named: "like" is the 👍; it has no 👎 ("angry" is no vote)
        data = json.loads((FIX / "teams-channel.json").read_text(encoding="utf-8"))
        first = next(m for m in data["value"] if "status page" in (m.get("body") or {}).get("content", ""))
        first["reactions"] = [{"reactionType": t, "user": {"user": {"id": str(i)}}}
                              for i, t in enumerate(["like", "like", "like", "angry", "heart"])]
    out = tmp_path / f"{name}.json"
    out.write_text(json.dumps(data), encoding="utf-8")
    return out


@pytest.mark.parametrize(("name", "votes"), [("slack", [2]), ("zulip", [2]), ("teams", [1, 3]), ("mattermost", [2])])
def test_a_chat_messages_thumbs_up_and_down_are_its_score(tmp_path: Path, name: str, votes: list[int]) -> None:
    """👍 minus 👎, as GitHub's reactions count: what a chat's people voted for is not lost
    (a ❤️ is no vote; the Teams fixture has a reply liked once of its own). Discord's
    export gives the count with the emoji."""
    r = run("import", str(_with_reactions(tmp_path, name)), "-o", str(tmp_path / "out"))
    assert r.exit_code == 0, r.stderr
    assert sorted(m.score for m in load_dataset(tmp_path / "out").messages if m.score is not None) == votes
    r = run("import", str(FIX / "discord.json"), "-o", str(tmp_path / "discord"))
    assert [m.score for m in load_dataset(tmp_path / "discord").messages if m.score is not None] == [2]


def test_a_reddit_comments_score_is_kept(tmp_path: Path) -> None:
    """Reddit's points, as Stack Exchange's score and Hacker News' are."""
    doc = json.loads((FIX / "reddit.json").read_text(encoding="utf-8"))
    doc[0]["data"]["children"][0]["data"]["score"] = 41
    first = next(c for c in doc[1]["data"]["children"] if c["kind"] == "t1")
    first["data"]["score"] = -3
    path = tmp_path / "thread.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert run("import", str(path), "-o", str(tmp_path / "out")).exit_code == 0
    scores = [m.score for m in load_dataset(tmp_path / "out").messages]
    assert scores[0] == 41 and -3 in scores[1:]


def test_a_name_as_a_directory_lists_it_is_said_alike_to_the_name_as_said(tmp_path: Path) -> None:
    """Teams writes a school's accounts "Chen, Mia (Student)"; the forum, "Mia Chen": import
    says they look like one person (a teacher's trial had two Mias, and no word of it)."""
    (tmp_path / "class.vtt").write_text("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Chen, Mia (Student)>A theory is "
                                        "tested.</v>\n\n00:00:05.000 --> 00:00:08.000\n<v Okafor, Grace (Staff)>Is it?"
                                        "</v>\n", encoding="utf-8")
    (tmp_path / "forum.txt").write_text("# Forum\n\nMia Chen: A hypothesis is a guess.\n", encoding="utf-8")
    r = run("import", str(tmp_path / "class.vtt"), str(tmp_path / "forum.txt"), "-o", str(tmp_path / "out"))
    assert r.exit_code == 0, r.stderr
    assert "names alike: Mia Chen and Chen, Mia (Student); if one person: --same-person 'Mia Chen=Chen, Mia " \
        "(Student)'" in r.stdout, r.stdout


def test_names_that_differ_only_by_accents_are_said_and_either_names_them(tmp_path: Path) -> None:
    """A Slack name and a transcript's, "José Núñez" and "Jose Nunez": import says they
    look like one person and how to make them one; --same-person takes either spelling,
    accents, case and emoji aside (a trial's "no one called 'Zoe Muller' speaks")."""
    (tmp_path / "a.txt").write_text("# A\n\nJosé Núñez: A platform is shared.\nZoë Müller 🌱: It is.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("# B\n\nJose Nunez: A platform is a product.\n", encoding="utf-8")
    r = run("import", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(tmp_path / "one"))
    assert r.exit_code == 0, r.stderr
    assert "names alike: Jose Nunez and José Núñez; if one person: --same-person 'Jose Nunez=José Núñez'" in r.stdout
    r = run("import", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(tmp_path / "two"), "--json",
            "--same-person", "JOSE NUNEZ=josé núñez", "--rename", "Zoe Muller=Zoë M.")
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["speakers"] == 2 and "alike_names" not in json.loads(r.stdout)
    assert {c.name for c in load_dataset(tmp_path / "two").contributors} == {"José Núñez", "Zoë M."}
    # where the plain spelling fits both, which one is not guessed
    r = run("import", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(tmp_path / "three"),
            "--same-person", "Jose Nunez=jose núñez")
    assert r.exit_code == 2 and "'jose núñez' names 2 speakers: give one by id" in r.stderr, r.stderr


def test_one_person_made_of_two_names_has_their_places_in_the_threads_order(tmp_path: Path) -> None:
    """A trial's "message 3, message 15, message 9": each name's places, one after the other."""
    (tmp_path / "t.txt").write_text("Ana Núñez: One.\nBo: Two.\nAna Nunez: Three.\nBo: Four.\nAna Núñez: Five.\n",
                                    encoding="utf-8")
    r = run("import", str(tmp_path / "t.txt"), "-o", str(tmp_path / "d"), "--same-person", "Ana Nunez=Ana Núñez")
    assert r.exit_code == 0, r.stderr
    ana = next(c for c in load_dataset(tmp_path / "d").contributors if c.name == "Ana Núñez")
    assert ana.where == ("turn 1", "turn 3", "turn 5")


def test_one_person_under_two_names_is_made_one(tmp_path: Path) -> None:
    out = tmp_path / "d"
    r = run("import", str(FIX / "thread.mbox"), "-o", str(out), "--same-person", "dee=Chen Wei", "--json")
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["speakers"] == 4
    ds = load_dataset(out)
    assert "dee" not in {c.name for c in ds.contributors}
    chen = next(c for c in ds.contributors if c.name == "Chen Wei")
    assert [m.where.rsplit("› ", 1)[-1] for m in ds.messages if m.by == chen.id] == ["message 3", "message 4"]
    r = run("import", str(FIX / "thread.mbox"), "-o", str(tmp_path / "e"), "--same-person", "Chen Way=dee")
    assert r.exit_code == 2 and "no one called 'Chen Way'" in r.stderr and "Chen Wei" in r.stderr, r.stderr
    r = run("import", str(FIX / "thread.mbox"), "-o", str(tmp_path / "e"), "--same-person", "dee")
    assert r.exit_code == 2 and "takes OTHER=NAME" in r.stderr and not (tmp_path / "e").exists()


def test_words_struck_out_are_taken_back_and_a_spoiler_s_bars_go() -> None:
    """Markdown's ~~struck~~ words (Discord, Reddit, Discourse, GitHub) are words their
    writer took back: left out of the message, and counted; a spoiler's bars (Discord's
    ||...||) only hide the words, which stay. Code keeps both as written."""
    from collections import Counter

    from conceptgraph.discussions.clean import markdown_to_text

    left: Counter[str] = Counter()
    text = markdown_to_text("Consent is the ~~vote~~ decision rule. ~~They're opposites.~~\n"
                            "|| I learned that the hard way ||, ||twice||.\n```\nx = a || b ~~c~~\n```", left)
    assert text == "Consent is the decision rule.\n|| I learned that the hard way ||, twice.\n```\nx = a || b ~~c~~\n```"
    assert left == Counter({"struck-out passages (taken back)": 2})


@pytest.mark.parametrize("doc, said", [
    ({"result": "success", "msg": "", "messages": []}, "a Zulip API response with no messages: nothing to import"),
    ({"guild": {"id": "1"}, "channel": {"id": "2"}, "messages": []}, "no message to read in this Discord export"),
    ({"messages": []}, "an export with no messages: nothing to import"),
    ({"zerver_message": [{"id": 1, "content": "Soup?"}]},
     "a Zulip organisation export (its zerver_message table) is not read: export the stream's messages with "
     "Zulip's REST API (GET /messages) and import that")])
def test_an_export_with_nothing_to_read_says_what_it_is(tmp_path: Path, doc: dict, said: str) -> None:
    """An export of a kind we know that holds no message, or the one kind we do not read,
    says so, not that the file is of no kind we read."""
    path = tmp_path / "export.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(DatasetError) as e:
        read_discussion([path])
    assert str(e.value) == f"{path}: {said}"


def test_gh_s_own_comments_marked_edited_say_so() -> None:
    """gh's fixture of a pull request's comments marks two "includesCreatedEdit", one of
    them minimized (left out): the other says it was edited, without a day, which gh does
    not give."""
    said = read_discussion([FIX / "github" / "gh-graphql-pr-comments.json"])[0].messages
    assert [m.edited for m in said] == ["yes", "", "", "", ""]


def _edit_first(found: list[dict], **fields) -> None:
    found[0].update(fields)


def _with_body(doc) -> list[dict]:
    """The objects of a JSON document that hold a message's body, in document order."""
    out = [doc] if isinstance(doc, dict) and isinstance(doc.get("body"), str) else []
    for v in doc.values() if isinstance(doc, dict) else doc if isinstance(doc, list) else ():
        out += _with_body(v)
    return out


# each export's own way of saying a message's words were changed, put on its first message
_EDITS = {
    "github/gh-graphql-pr-comments.json": (lambda d: _edit_first(_with_body(d), lastEditedAt="2024-05-01T10:00:00Z"),
                                           "2024-05-01"),
    "reddit.json": (lambda d: _edit_first([d[1]["data"]["children"][0]["data"]], edited=1714560000.0), "2024-05-01"),
    "discourse.json": (lambda d: _edit_first(d["post_stream"]["posts"], version=3,
                                             updated_at="2024-05-01T10:00:00.000Z"), "2024-05-01"),
    "zulip.json": (lambda d: _edit_first(d["messages"], last_edit_timestamp=1714557600), "2024-05-01 10:00 UTC"),
    "teams-chat.json": (lambda d: _edit_first([m for m in d["value"] if m["messageType"] == "message"],
                                              lastEditedDateTime="2024-05-01T10:00:00Z"), "2024-05-01 10:00 UTC"),
    "mattermost-api.json": (lambda d: _edit_first([p for p in d["posts"].values() if not p.get("type")],
                                                  edit_at=1714557600000), "2024-05-01 10:00 UTC"),
}


@pytest.mark.parametrize("name", sorted(_EDITS))
def test_a_message_whose_words_were_changed_says_when(tmp_path: Path, name: str) -> None:
    """A reply may have answered other words than those the export holds: a message edited
    after it was posted says so (and when), in the dataset, `thread` and the page."""
    doc = json.loads((FIX / name).read_text(encoding="utf-8"))
    for found in _with_body(doc):  # (gh's own fixture marks comments edited, without a day)
        found.pop("includesCreatedEdit", None)
    plain = tmp_path / "plain.json"
    plain.write_text(json.dumps(doc), encoding="utf-8")
    before = {m.id: m.edited for m in read_discussion([plain])[0].messages}
    assert not any(before.values())
    mark, when = _EDITS[name]
    mark(doc)
    path = tmp_path / Path(name).name
    path.write_text(json.dumps(doc), encoding="utf-8")
    ds, _ = read_discussion([path])
    edited = [m for m in ds.messages if m.edited]
    assert [m.edited for m in edited] == [when], [(m.where, m.edited) for m in ds.messages]
    folder = tmp_path / "out"
    assert CliRunner().invoke(cli, ["import", str(path), "-o", str(folder), "-q"]).exit_code == 0
    assert load_dataset(folder).messages == ds.messages  # kept in the dataset as read
    shown = CliRunner().invoke(cli, ["--data", str(folder), "thread"])
    assert shown.exit_code == 0 and f"{edited[0].where} — " in shown.output
    assert sum(f", edited {when}" in line for line in shown.output.splitlines()) == 1, shown.output
    from conceptgraph.page import page_data
    assert [m["edited"] for m in page_data(load_graph(folder))["thread"] if m["edited"]] == [when]


def test_a_slack_message_edited_says_when(tmp_path: Path) -> None:
    """Slack writes who changed a message's words, and when, as its ``edited``."""
    shutil.copytree(FIX / "slack", tmp_path / "slack")
    day = tmp_path / "slack" / "general" / "2024-05-02.json"
    said = json.loads(day.read_text(encoding="utf-8"))
    said[1]["edited"] = {"user": said[1]["user"], "ts": "1714557600.000000"}
    day.write_text(json.dumps(said), encoding="utf-8")
    assert [m.edited for m in read_discussion([tmp_path / "slack"])[0].messages] == ["2024-05-01 10:00 UTC", "", "", "", ""]


def test_the_exports_that_mark_an_edit_themselves_are_read_so() -> None:
    """Real exports with an edited message: Discord's timestampEdited, Telegram's edited,
    WhatsApp's "<This message was edited>" (left out of the words), a Stack Exchange
    dump's LastEditDate."""
    assert [m.edited for m in read_discussion([FIX / "discord.json"])[0].messages] == ["2024-03-11 09:03 UTC", "", "", ""]
    assert [m.edited for m in read_discussion([FIX / "telegram.json"])[0].messages][:2] == ["", "2024-02-05 17:26 UTC"]
    for phone in ("whatsapp-ios.txt", "whatsapp-android.txt"):
        said = read_discussion([FIX / phone])[0].messages
        assert [m.edited for m in said].count("yes") == 1
        assert not any("edited>" in m.text for m in said)
    assert {m.edited for m in read_discussion([FIX / "stackexchange"])[0].messages} >= {"", "2012-05-08"}


def test_a_reply_to_a_photo_alone_still_answers_its_sender(write) -> None:
    """A message with no words (a photo, an image, a sticker) that others reply to is kept
    as what it shows ("[photo]"), so that "Agreed, that chart says it" answers the one who
    posted the chart; one no one replies to is left out as empty, as before."""
    tg = {"name": "Weather", "type": "private_group", "id": 1, "messages": [
        {"id": 1, "type": "message", "date": "2024-01-01T10:00:00", "date_unixtime": "1704103200", "from": "Ann",
         "from_id": "user1", "text": "Weather is not climate."},
        {"id": 2, "type": "message", "date": "2024-01-01T10:01:00", "date_unixtime": "1704103260", "from": "Bo",
         "from_id": "user2", "photo": "photos/photo_1.jpg", "text": ""},
        {"id": 3, "type": "message", "date": "2024-01-01T10:02:00", "date_unixtime": "1704103320", "from": "Cy",
         "from_id": "user3", "media_type": "sticker", "sticker_emoji": "👍", "text": ""},
        {"id": 4, "type": "message", "date": "2024-01-01T10:03:00", "date_unixtime": "1704103380", "from": "Ann",
         "from_id": "user1", "reply_to_message_id": 2, "text": "Agreed, that chart says it."},
        {"id": 5, "type": "message", "date": "2024-01-01T10:04:00", "date_unixtime": "1704103440", "from": "Bo",
         "from_id": "user2", "media_type": "sticker", "sticker_emoji": "👍", "reply_to_message_id": 4, "text": ""}]}
    ds, summary = read_discussion([write(json.dumps(tg), "result.json")])
    name = {c.id: c.name for c in ds.contributors}
    said = [(name[m.by], m.where, m.text) for m in ds.messages]
    # (and a 👍 sticker sent in reply is kept: it agrees as a typed 👍 would)
    assert said == [("Ann", "message 1", "Weather is not climate."), ("Bo", "message 2", "[photo]"),
                    ("Ann", "message 3", "Agreed, that chart says it."), ("Bo", "message 4", "[sticker: 👍]")], said
    assert [(r.source, r.target) for r in draft(ds).relations if r.kind == "agrees_with"] == [
        (ds.messages[2].by, ds.messages[1].by), (ds.messages[3].by, ds.messages[2].by)]
    assert ds.messages[2].reply_to == ds.messages[1].id and summary["left_out"] == {"empty": 1}
    author = {"id": "1", "name": "ann", "isBot": False}
    dc = {"guild": {"id": "9", "name": "Guild"}, "channel": {"id": "42", "name": "weather"}, "messages": [
        {"id": "100", "type": "Default", "timestamp": "2024-01-01T00:00:00+00:00", "content": "",
         "author": {"id": "2", "name": "bo", "isBot": False}, "attachments": [{"fileName": "chart.png"}]},
        {"id": "101", "type": "Reply", "timestamp": "2024-01-01T00:01:00+00:00", "author": author,
         "content": "Agreed, that chart says it.", "reference": {"messageId": "100"}}]}
    ds, _ = read_discussion([write(json.dumps(dc), "c.json")])
    assert [(m.text, m.reply_to) for m in ds.messages] == [("[attachment: chart.png]", ""),
                                                          ("Agreed, that chart says it.", ds.messages[0].id)]



def test_a_slack_thread_started_by_a_file_alone_keeps_its_replies(tmp_path: Path) -> None:
    """A Slack thread under an image posted without words: the image is kept as what it
    shows, and its replies answer it (they were top-level messages answering no one)."""
    shutil.copytree(FIX / "slack", tmp_path / "slack")
    day = tmp_path / "slack" / "general" / "2024-05-02.json"
    said = json.loads(day.read_text(encoding="utf-8"))
    user = said[1]["user"]
    said += [{"type": "message", "user": user, "ts": "1714650000.000100", "text": "",
              "files": [{"id": "F1", "name": "chart.png", "title": "chart.png"}], "thread_ts": "1714650000.000100"},
             {"type": "message", "user": user, "ts": "1714650060.000100", "text": "The arrow is wrong.",
              "thread_ts": "1714650000.000100", "parent_user_id": user},
             {"type": "message", "user": user, "ts": "1714650120.000100", "text": "",
              "files": [{"id": "F2", "name": "unanswered.png"}]}]
    day.write_text(json.dumps(said), encoding="utf-8")
    ds, summary = read_discussion([tmp_path / "slack"])
    chart = next(m for m in ds.messages if m.text == "[file: chart.png]")
    assert next(m for m in ds.messages if m.text == "The arrow is wrong.").reply_to == chart.id
    assert summary["left_out"]["empty"] >= 1 and not any("unanswered" in m.text for m in ds.messages)


def test_the_comments_gh_gives_alone_are_read_without_their_issue(write) -> None:
    """`gh issue view N --json comments` gives {"comments": [...]}: its comments are read
    (the opening post said to be missing), not refused as "no GitHub issue"."""
    comments = [{"id": "IC_1", "author": {"login": "rbaptiste"}, "authorAssociation": "MEMBER",
                 "body": "I'd go with primary and replica.", "createdAt": "2023-08-01T09:12:44Z",
                 "url": "https://github.com/acme/db/issues/4#issuecomment-1", "reactionGroups": []},
                {"id": "IC_2", "author": {"login": "kto-dev"}, "authorAssociation": "NONE",
                 "body": "> I'd go with primary and replica.\n\nAgreed, replica it is.", "createdAt": "2023-08-01T10:00:00Z",
                 "url": "https://github.com/acme/db/issues/4#issuecomment-2", "reactionGroups": []}]
    ds, summary = read_discussion([write(json.dumps({"comments": comments}), "comments.json")])
    assert [m.text for m in ds.messages] == ["I'd go with primary and replica.", "Agreed, replica it is."]
    assert ds.messages[1].reply_to == ds.messages[0].id
    assert any(k.startswith("opening posts not given") for k in summary["left_out"])


def test_gh_json_bots_and_edits_are_told_by_what_gh_gives(write) -> None:
    """`gh ... --json` gives a comment's author as a login alone and an edit as
    "includesCreatedEdit": the well-known apps' logins are bots (left out unless
    --include-bots), and the edit is said without a day (a trial had the github-actions
    welcome drafted as agreeing with the issue's author)."""
    def comment(n: int, login: str, body: str, edited: bool = False) -> dict:
        return {"id": f"IC_{n}", "author": {"login": login}, "authorAssociation": "NONE", "body": body,
                "createdAt": f"2023-08-0{n}T09:00:00Z", "includesCreatedEdit": edited, "reactionGroups": [],
                "url": f"https://github.com/acme/db/issues/4#issuecomment-{n}"}
    issue = {"title": "Rename master to primary", "body": "Master and slave are dated words.", "number": 4,
             "author": {"login": "ola"}, "createdAt": "2023-08-01T08:00:00Z",
             "comments": [comment(1, "github-actions", "Thanks for opening this issue!"),
                          comment(2, "kto-dev", "Agreed, replica it is.", edited=True),
                          comment(3, "stale", "This issue has been marked as stale."),
                          comment(4, "acme-ci-bot", "Build passed.")]}
    path = write(json.dumps(issue), "issue.json")
    ds, summary = read_discussion([path])
    assert [(m.by, m.edited) for m in ds.messages] == [("ola", ""), ("kto-dev", "yes")]
    assert summary["left_out"]["bots"] == 3
    kept, _ = read_discussion([path], options=Options(include_bots=True))
    assert len(kept.messages) == 5


def test_a_stack_exchange_api_comment_edited_says_so(write) -> None:
    """The API's comments say only that they were changed ("edited": true)."""
    items = {"items": [{"question_id": 1, "title": "Library or framework?", "body": "<p>Which is it?</p>",
                        "owner": {"display_name": "Ann", "account_id": 5, "user_id": 5}, "creation_date": 1700000000,
                        "score": 1, "link": "https://x.stackexchange.com/q/1",
                        "comments": [{"comment_id": 9, "post_id": 1, "body": "A library is called by you.",
                                      "owner": {"display_name": "Bo", "account_id": 6, "user_id": 6},
                                      "creation_date": 1700000100, "score": 0, "edited": True}]}]}
    ds, _ = read_discussion([write(json.dumps(items), "api.json")])
    assert [m.edited for m in ds.messages] == ["", "yes"]


def test_a_transcript_cut_in_a_cues_start_time_is_said_so(write) -> None:
    """A file cut after a cue's hours, minutes and seconds, before its fraction
    ("00:01:25"), is cut short in a timing, not a turn whose words are a time (a
    trial's read as words, with a warning blaming a blank line)."""
    path = write("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Ann>A theory explains.</v>\n\n"
                 "id-2\n00:01:25", "cut.vtt")
    with pytest.raises(DatasetError, match="ends inside a cue's timing") as e:
        read_discussion([path])
    assert e.value.line == 7


def test_a_cue_that_ends_before_it_starts_is_read_with_a_warning(write) -> None:
    """A timing typed the wrong way round is no lost turn: its words are read in the
    file's order, and one warning names the line and timing, and counts the others."""
    text = ("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Ann>A theory explains.</v>\n\n"
            "00:00:09.000 --> 00:00:04.000\n<v Bo>A hypothesis guesses.</v>\n\n"
            "00:00:12.000 --> 00:00:10.500\n<v Ann>Not quite.</v>\n")
    with pytest.warns(ConceptGraphWarning, match=r"late\.vtt:6: a cue that ends before it starts "
                                                 r"\('00:00:09\.000 --> 00:00:04\.000', and 1 more\)"):
        ds, left = read_discussion([write(text, "late.vtt")])
    assert [m.by for m in ds.messages] == ["ann", "bo", "ann"] and not left.get("left_out")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # in order, the same file reads quietly
        read_discussion([write(text.replace("00:00:04.000", "00:00:10.000").replace("10.500", "13.000"), "ok.vtt")])


def test_a_message_id_keeps_its_whole_place_whatever_its_threads_title() -> None:
    """In a dataset of several threads a message's id starts with its thread's title; a
    long title is cut, never the place, else "reply 3 to comment 2" had the id
    "...-reply-3-to-comment" and another message's id spelled its place (a trial's
    spreadsheet filter found the wrong message)."""
    from conceptgraph.discussions.thread import Post, Thread, to_dataset

    title = "Weather vs climate: what's the difference, really, for a Year 9 class?"
    posts = [Post(key="1", author="Ann", text="Weather is today.", place="comment 1", root=True),
             *(Post(key=f"1.{i}", author="Bo", text=f"Reply {i}.", parent="1", place=f"reply {i} to comment 1")
               for i in range(1, 4)),
             *(Post(key=f"2.{i}", author="Cy", text=f"Reply {i}.", parent="1", place=f"reply {i} to comment 2")
               for i in range(1, 4))]
    ds, *_ = to_dataset([Thread(key="a", title=title, posts=posts), Thread(key="b", title="Other", posts=[
        Post(key="x", author="Di", text="Hi.", place="comment 1", root=True)])], "two")
    for m in ds.messages:
        place = m.where.split(" › ")[-1]
        assert m.id.endswith("-" + place.replace(" ", "-")) and len(m.id) <= 60, (m.id, m.where)


def test_two_unnamed_commenters_are_not_said_to_look_alike() -> None:
    """Comments whose writers the export does not name (deleted accounts, an author field
    lost) are each their own: no "names alike" pair (two trials' imports offered to make
    two of them one person); a transcript's unnamed speakers may be one voice, and are."""
    from conceptgraph.discussions import alike_names
    from conceptgraph.model import Contributor, Dataset

    def pairs(*names: str) -> list[tuple[str, str]]:
        return alike_names(Dataset(contributors=tuple(Contributor(f"p{i}", n, "commenter") for i, n in enumerate(names))))

    assert pairs("unnamed commenter (comment 1)", "unnamed commenter (reply 1 to comment 2)", "Ann") == []
    assert pairs("unnamed speaker (turn 3)", "unnamed speaker (turn 9)") == [
        ("unnamed speaker (turn 9)", "unnamed speaker (turn 3)")]


def test_a_transcript_of_a_hundred_hours_and_more_reads() -> None:
    """WebVTT writes hours in two digits or more: a cue at 100:00:02.000 is a cue, not a
    timing typed wrong (a bench's 100,000-turn transcript had been refused)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.vtt"
        path.write_text("WEBVTT\n\n99:59:58.000 --> 99:59:58.900\n<v Ann>Hi there.</v>\n\n"
                        "100:00:02.000 --> 100:00:02.900\n<v Bo>Hello.</v>\n", encoding="utf-8")
        ds, _ = read_discussion([path])
    assert [(m.by, m.where) for m in ds.messages] == [("ann", "turn 1 at 99:59:58"), ("bo", "turn 2 at 100:00:02")]
