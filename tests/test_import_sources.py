"""Who replied to whom and who said it, on real exports and faithful excerpts of them:
Discourse pages, mail and the mailing-list archives (digests, pipermail, public-inbox),
transcripts, Reddit, Slack; and no e-mail address or no-break space in what is written."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from conceptgraph.cli import cli
from conceptgraph.discussions import detect, read_discussion

from conftest import ROOT

FIX = ROOT / "tests" / "fixtures" / "discussions"


def rows(path: Path, **kw) -> list[tuple[str, str, str, str]]:
    ds, _ = read_discussion([path], **kw)
    people = {c.id: c.name for c in ds.contributors}
    return [(people[m.by], m.where, m.reply_to, m.text) for m in ds.messages]


_SE_PAGE = """<!DOCTYPE html><html><head><title>Continual vs continuous - English Language Stack Exchange</title>
<link rel="canonical" href="https://english.stackexchange.com/questions/1/continual-vs-continuous"></head>
<body class="question-page"><header class="s-topbar"><div class="s-topbar--content">Stack Exchange</div></header>
<div id="question-header"><h1 itemprop="name"><a href="/q/1" class="question-hyperlink">Continual vs continuous</a></h1></div>
<div id="mainbar" itemscope itemtype="https://schema.org/QAPage">
<div id="question" class="question js-question" data-questionid="1" itemprop="mainEntity"
     itemscope itemtype="https://schema.org/Question">
 <div class="post-layout"><div class="votecell post-layout--left"><div class="js-vote-count" itemprop="upvoteCount">14</div></div>
 <div class="postcell post-layout--right"><div class="s-prose js-post-body" itemprop="text">
   <p>Is there a real difference between <em>continual</em> and <em>continuous</em>?</p></div>
  <div class="post-signature"><div class="user-info"><div class="user-action-time">edited
    <span title="2024-01-23 08:00:00Z" class="relativetime">Jan 23</span></div>
    <div class="user-details"><a href="/users/9/ed">Ed Itor</a></div></div></div>
  <div class="post-signature owner"><div class="user-info"><div class="user-action-time">asked
    <span title="2024-01-22 05:06:00Z" class="relativetime">Jan 22</span></div>
    <div class="user-details" itemprop="author" itemscope itemtype="http://schema.org/Person">
     <a href="/users/7/fatima">Fatima Al-Sayed</a><span class="d-none" itemprop="name">Fatima Al-Sayed</span>
     <div class="-flair"><span class="reputation-score">321</span></div></div></div></div></div>
 <div class="post-layout--right js-post-comments-component"><div id="comments-1" class="comments js-comments-container">
  <ul class="comments-list js-comments-list"><li id="comment-5" class="comment js-comment">
   <div class="comment-text"><div class="comment-body"><span class="comment-copy">What does your dictionary say?</span>
   &ndash;&nbsp;<div class="d-inline-flex ai-center"><a href="/users/11/tchrist" class="comment-user">tchrist</a>
   <span class="comment-date"><span title="2024-01-22 05:23:00Z" class="relativetime-clean">Jan 22</span></span></div>
   </div></div></li></ul></div></div></div></div>
<div id="answers"><h2>2 Answers</h2>
<div id="answer-2" class="answer js-answer accepted-answer" data-answerid="2" itemprop="acceptedAnswer"
     itemscope itemtype="https://schema.org/Answer"><div class="post-layout">
 <div class="votecell post-layout--left"><div class="js-vote-count" itemprop="upvoteCount">25</div></div>
 <div class="answercell post-layout--right"><div class="s-prose js-post-body" itemprop="text">
  <p>Continuous means without interruption; continual means repeated, with breaks.</p></div>
  <div class="post-signature"><div class="user-info"><div class="user-action-time">answered
   <span title="2024-01-22 06:00:00Z" class="relativetime">Jan 22</span></div>
   <div class="user-details" itemprop="author" itemscope itemtype="http://schema.org/Person">
    <a href="/users/8/soren">S\u00f8ren \u00d3lafsson</a><span class="d-none" itemprop="name">S\u00f8ren \u00d3lafsson</span>
   </div></div></div></div></div></div>
<div id="answer-3" class="answer js-answer" data-answerid="3" itemprop="suggestedAnswer"
     itemscope itemtype="https://schema.org/Answer"><div class="post-layout">
 <div class="answercell post-layout--right"><div class="s-prose js-post-body" itemprop="text">
  <p>They are synonyms in practice.</p></div>
  <div class="post-signature"><div class="user-info"><div class="user-details">
   <a href="/users/11/tchrist">tchrist</a></div></div></div></div></div></div>
</div></div></body></html>"""


def test_a_saved_stack_exchange_page_reads_as_the_site_s_data(write) -> None:
    """The question, each answer and each comment by its owner (not the editor who signed
    first), with the site's places, scores and accepted answer; no page chrome."""
    ds, _ = read_discussion([write(_SE_PAGE, "q.html")])
    names = {c.id: c.name for c in ds.contributors}
    got = [(names[m.by], m.where, m.text) for m in ds.messages]
    assert got == [
        ("Fatima Al-Sayed", "question", "Is there a real difference between continual and continuous?"),
        ("tchrist", "comment 1 on the question", "What does your dictionary say?"),
        ("S\u00f8ren \u00d3lafsson", "answer 1", "Continuous means without interruption; continual means repeated, "
                                        "with breaks."),
        ("tchrist", "answer 2", "They are synonyms in practice.")]
    assert ds.source.title == "Continual vs continuous" and ds.source.author == "Fatima Al-Sayed"
    assert [m.score for m in ds.messages] == [14, None, 25, None] and [m.accepted for m in ds.messages][2]
    assert ds.messages[0].date == "2024-01-22" and ds.messages[1].date == "2024-01-22"
    assert len({c.name for c in ds.contributors}) == 3  # tchrist once, commenting and answering


def test_a_page_of_a_long_discourse_topic(write) -> None:
    """Page 2 of a topic (/t/ID.json?page=2): post 22 answers post 5, which is on page 1;
    post 21's poster did not start the topic, Ana did (details.created_by)."""
    post = {"post_type": 1, "created_at": "2024-05-02T10:00:00.000Z"}
    page = {"id": 7, "title": "Cooperation or collaboration?", "details": {"created_by": {"username": "ana_l"}},
            "post_stream": {"posts": [
                {**post, "post_number": 21, "username": "bruno", "cooked": "<p>Back to the definitions.</p>"},
                {**post, "post_number": 22, "username": "chen", "reply_to_post_number": 5,
                 "cooked": "<p>As post 5 said, a shared goal.</p>"},
                {**post, "post_number": 23, "username": "ana_l", "name": "Ana Lima", "reply_to_post_number": 21,
                 "cooked": "<p>Agreed, Bruno.</p>"}]}}
    ds, _ = read_discussion([write(json.dumps(page), "topic.json")])
    assert [(m.where, m.reply_to) for m in ds.messages] == [("post 21", ""), ("post 22", ""),
                                                            ("post 23", "post-21")]
    assert {c.name: c.role for c in ds.contributors} == {"bruno": "commenter", "chen": "commenter",
                                                         "Ana Lima": "author"}


def test_a_discourse_page_names_people_as_its_json_does(write) -> None:
    """The crawler view shows "ana_l (Ana Lima)": the person is Ana Lima, as the topic's
    JSON names her; a login shown alone stays the name."""
    post = ('<div class="topic-body crawler-post" itemprop="comment" itemscope itemtype="http://schema.org/Comment">'
            '<div class="crawler-post-meta"><span class="creator" itemprop="author" itemscope '
            'itemtype="http://schema.org/Person"><a itemprop="url" href="/u/{login}"><span itemprop="name">{login}'
            '</span></a>{full}</span><span itemprop="position">{n}</span></div>'
            '<div class="post" itemprop="text"><p>{text}</p></div></div>')
    page = ('<html><head><title>Cooperation or collaboration? - Forum</title></head><body><div id="topic-title">'
            "<h1>Cooperation or collaboration?</h1></div>"
            + post.format(login="ana_l", full=" (Ana Lima)", n=1, text="Which is it?")
            + post.format(login="bruno", full="", n=2, text="Collaboration.")
            + post.format(login="ana_l", full=" (Ana Lima)", n=3, text="Thanks.") + "</body></html>")
    ds, _ = read_discussion([write(page, "topic.html")])
    assert [c.name for c in ds.contributors] == ["Ana Lima", "bruno"]


def test_the_bundled_discourse_topic_still_names_its_author() -> None:
    ds, _ = read_discussion([FIX / "discourse.json"])
    assert {c.name: c.role for c in ds.contributors}["Ana Lima"] == "author"
    assert [m.reply_to for m in ds.messages][:2] == ["", "post-1"]


MAIL = """From {who}@example.org Thu May  2 {hh}:00:00 2024
From: {name} <{who}@example.org>
Subject: {subject}
Date: Thu, 02 May 2024 {hh}:00:00 +0000
Message-ID: <{id}@example.org>{refs}

{body}
"""


def mail(who: str, hh: str, ident: str, body: str, reply: str = "", subject: str = "Soup?") -> str:
    refs = f"\nIn-Reply-To: <{reply}@example.org>\nReferences: <{reply}@example.org>" if reply else ""
    return MAIL.format(who=who, name=who.title(), hh=hh, id=ident, refs=refs, body=body,
                       subject=("Re: " if reply else "") + subject)


def test_a_reply_dated_before_its_parent_stays_in_its_thread(write) -> None:
    """Clock skew: Cy's reply to Bo carries a time before Bo's message."""
    box = write(mail("ann", "10", "a", "Soup or salad?") + "\n" + mail("bo", "12", "b", "Soup.", reply="a")
                + "\n" + mail("cy", "11", "c", "Soup, yes.", reply="b") + "\n"
                + mail("dee", "13", "d", "Lunch is at one.", subject="Lunch"), "skew.mbox")
    got = rows(box)
    assert [(g[0], g[1], g[2]) for g in got] == [
        ("Ann", "“Soup?” › message 1", ""), ("Bo", "“Soup?” › message 2", "soup-message-1"),
        ("Cy", "“Soup?” › message 3", "soup-message-2"), ("Dee", "“Lunch” › message 1", "")]


def test_supercite_and_bar_quotes_are_the_quoted_persons(write) -> None:
    body = ("Dave == Dave Smith writes:\nDave> Soup is a meal.\nDave> Always.\n\nNot always.\n\n"
            "| Salad is lighter.\n| Much lighter.\nLighter, yes.")
    got = rows(write(mail("ann", "10", "a", body), "quotes.eml"))
    assert got[0][3] == "Not always.\n\nLighter, yes."


def test_no_address_is_written_from_message_text(tmp_path: Path) -> None:
    """The lore excerpt signs with an address; the pipermail archive writes them
    'name at host' in its text and its From lines."""
    for name in ("lore-mt6392.mbox", "clearwater-2016-January.txt", "thread.mbox"):
        out = tmp_path / name.replace(".", "-")
        r = CliRunner().invoke(cli, ["import", str(FIX / name), "-o", str(out)])
        assert r.exit_code == 0, r.stderr
        text = (out / "discussion.yaml").read_text(encoding="utf-8")
        for address in ("l.scorcia@gmail.com", "@example", "@wipro.com", " at wipro.com", " at gmail.com"):
            assert address not in text, (name, address)
    assert rows(FIX / "lore-mt6392.mbox")[1][3].endswith("Signed-off-by: Luca Leonardo Scorcia <[address]>")


def test_a_plain_mailman_digest(tmp_path: Path) -> None:
    """bitcoin-dev Digest, Vol 101, Issue 7 (four of its six messages): a digest keeps no
    In-Reply-To, so the replies find their thread by subject, list tag and 'Re:' aside,
    and answer the message whose words they quote (Anthony's quotes Andrew's second)."""
    assert detect(FIX / "bitcoin-dev-digest-101-7.txt").name == "digest"
    got = rows(FIX / "bitcoin-dev-digest-101-7.txt")
    fields = "“Proposed BIP for MuSig2 PSBT Fields” › "
    assert [(g[0], g[1], g[2]) for g in got] == [
        ("Andrew Chow", fields + "message 1", ""),
        ("Andrew Chow", fields + "message 2", "proposed-bip-for-musig2-psbt-fields-message-1"),
        ("Anthony Towns", fields + "message 3", "proposed-bip-for-musig2-psbt-fields-message-2"),
        ("Andrew Chow", "“Proposed BIP for MuSig2 Descriptors” › message 1", "")]
    assert got[1][3].startswith("This is the first time I've heard of that")  # Anthony's quoted words left out
    assert got[1][3].endswith("bane of my existence.")  # signed "Andrew": the name is no part of the words
    assert not any("Digest Footer" in g[3] or "mailman/listinfo" in g[3] for g in got)


@pytest.mark.parametrize("body, words", [
    ("No: a defect departs from the spec.\n\nBest regards,\nBo Chen\nQA lead | Acme\n", "No: a defect departs from the spec."),
    ("No: a defect departs from the spec.\n\n-Bo\n", "No: a defect departs from the spec."),
    # a thank-you that is the words, or a name that is someone else's, stays
    ("Thanks,\nthat settles it for me.\n", "Thanks,\nthat settles it for me."),
    ("I agree with\nAnn\n", "I agree with\nAnn"),
])
def test_a_closing_signed_with_the_senders_name_is_no_part_of_the_words(write, body: str, words: str) -> None:
    mbox = ("From bo@example.org Mon Jan  1 00:00:00 2024\nFrom: Bo Chen <bo@example.org>\nSubject: defects\n"
            "Date: Mon, 1 Jan 2024 10:00:00 +0000\nMessage-ID: <b1@example.org>\n\n" + body)
    ds, _ = read_discussion([write(mbox, "t.mbox")])
    assert [m.text for m in ds.messages] == [words]


def test_a_mime_digest() -> None:
    """CentOS-announce Digest, Vol 109, Issue 3 (MIME): its two messages, signatures off."""
    ds, summary = read_discussion([FIX / "centos-announce-digest.eml"])
    assert summary["format"] == "digest" and summary["messages"] == 2
    assert [c.name for c in ds.contributors] == ["Johnny Hughes"]
    assert [m.where for m in ds.messages] == ["“CEBA-2014:0262 CentOS 6 qemu-kvm Update” › message 1",
                                              "“CEBA-2014:0264 CentOS 6 libtirpc Update” › message 1"]
    assert all(m.text.startswith("CentOS Errata and Bugfix Advisory") and "hughesjr" not in m.text
               for m in ds.messages)


@pytest.mark.parametrize("packed", [False, True])
def test_a_pipermail_monthly_archive(tmp_path: Path, packed: bool) -> None:
    """The Clearwater list's 2016-January.txt (its first three messages), as .txt and
    as the .txt.gz pipermail also publishes: names from 'x at host (Name)', the
    scrubbed-attachment notes and the Outlook-quoted originals left out."""
    path = FIX / "clearwater-2016-January.txt"
    if packed:
        path = tmp_path / "2016-January.txt.gz"
        path.write_bytes(gzip.compress((FIX / "clearwater-2016-January.txt").read_bytes()))
    assert detect(path).name == "pipermail"
    got = rows(path)
    assert [g[0] for g in got] == ["sainath.ellendula", "Eleanor Merry", "Eleanor Merry"]
    assert got[1][3].endswith("Can you please send me the logs from /var/log/ellis?\n\nEllie")  # no quoted original
    assert "next part" not in got[0][3] and "scrubbed" not in got[0][3]
    # the company's disclaimer under the first: no words of the writer's, and said as left out
    assert got[0][3].endswith("Thanks in advance!!\n\nRegards,\n\nSai")
    assert read_discussion([path])[1]["left_out"]["disclaimers"] == 1


@pytest.mark.parametrize("body, words", [
    # a disclaimer in several paragraphs, after a rule of stars
    ("Deprecated, then.\n\n" + "*" * 30 + "\nThis e-mail may contain confidential or privileged information.\n"
     "It is intended only for the named recipient.\n\n(i) Do not copy it.\n\n(ii) Delete it.\n", "Deprecated, then."),
    # words about such words stay: in someone's voice, or speaking of no mail, or the first paragraph
    ("Yes.\n\nIn our policy \"confidential\" means intended only for the named recipient, and \"privileged\" "
     "means confidential and privileged by law. I'd keep both words.", None),
    ("Yes.\n\nA notice saying a file may be confidential and intended solely for the named recipient is a "
     "disclaimer, not a licence.", None),
    ("This email may contain confidential data: it is intended only for the named recipient. Is that a notice?", None),
])
def test_a_disclaimer_under_a_mail_is_no_part_of_its_words(write, body: str, words: str | None) -> None:
    mbox = ("From bo@example.org Mon Jan  1 00:00:00 2024\nFrom: Bo Chen <bo@example.org>\nSubject: terms\n"
            "Date: Mon, 1 Jan 2024 10:00:00 +0000\nMessage-ID: <b1@example.org>\n\n" + body)
    ds, summary = read_discussion([write(mbox, "t.mbox")])
    assert [m.text for m in ds.messages] == [words or body.strip()]
    assert ("disclaimers" in summary["left_out"]) == bool(words)


def test_a_public_inbox_thread() -> None:
    """Two messages of a lore.kernel.org thread (t.mbox.gz, mboxrd 'From mboxrd@z' lines)."""
    got = rows(FIX / "lore-mt6392.mbox")
    assert [(g[1], g[2]) for g in got] == [("message 1", ""), ("message 2", "message-1")]


def test_a_cue_with_two_voices_is_two_turns(write) -> None:
    vtt = ("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ana Lima>Soup?</v> <v Bruno Costa>Salad.</v>\n\n"
           "00:00:05.000 --> 00:00:06.000\n<v Ana Lima>Soup it is.</v>\n")
    assert [(g[0], g[1], g[3]) for g in rows(write(vtt, "two.vtt"))] == [
        ("Ana Lima", "turn 1 at 00:00:01", "Soup?"), ("Bruno Costa", "turn 2 at 00:00:01", "Salad."),
        ("Ana Lima", "turn 3 at 00:00:05", "Soup it is.")]


def test_zoom_continuation_lines_go_on_with_their_speaker(write) -> None:
    """Zoom names a speaker on the first cue of a turn only."""
    vtt = ("WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\nAna Lima: We should settle the word\n\n"
           "2\n00:00:04.000 --> 00:00:06.000\nbefore the workshop starts.\n\n"
           "3\n00:00:06.000 --> 00:00:08.000\nBruno Costa: Collaboration.\nAna Lima: Fine.\n")
    got = rows(write(vtt, "zoom.vtt"))
    assert [(g[0], g[3]) for g in got] == [("Ana Lima", "We should settle the word before the workshop starts."),
                                           ("Bruno Costa", "Collaboration."), ("Ana Lima", "Fine.")]
    assert len({g[0] for g in got}) == 2


def test_each_deleted_reddit_account_is_its_own_unknown_person(write) -> None:
    def comment(name: str, body: str, parent: str = "t3_x") -> dict:
        return {"kind": "t1", "data": {"name": name, "author": "[deleted]", "body": body, "parent_id": parent,
                                       "replies": ""}}
    doc = [{"kind": "Listing", "data": {"children": [{"kind": "t3", "data": {
        "name": "t3_x", "title": "Soup?", "author": "ana", "selftext": "Soup or salad?"}}]}},
        {"kind": "Listing", "data": {"children": [comment("t1_a", "Soup."), comment("t1_b", "Salad."),
                                                  comment("t1_c", "Both.", "t1_a")]}}]
    ds, _ = read_discussion([write(json.dumps(doc), "r.json")])
    assert [c.name for c in ds.contributors] == ["ana", "unnamed commenter (comment 1)",
                                                 "unnamed commenter (reply 1 to comment 1)",
                                                 "unnamed commenter (comment 2)"]


def test_a_slack_file_comment_keeps_its_author(tmp_path: Path) -> None:
    """Older Slack exports: a file_comment carries its author and words in "comment"."""
    (tmp_path / "general").mkdir()
    (tmp_path / "users.json").write_text(json.dumps([{"id": "U1", "name": "ana", "real_name": "Ana Lima"},
                                                     {"id": "U2", "name": "bruno", "real_name": "Bruno Costa"}]))
    (tmp_path / "channels.json").write_text(json.dumps([{"id": "C1", "name": "general"}]))
    (tmp_path / "general" / "2016-03-01.json").write_text(json.dumps([
        {"type": "message", "user": "U1", "text": "Here is the goal doc.", "ts": "1456830000.000002"},
        {"type": "message", "subtype": "file_comment", "text": "<@U2> commented on <@U1>'s file: Good doc.",
         "ts": "1456830060.000003", "comment": {"id": "Fc1", "user": "U2", "comment": "Good doc."}}]))
    assert [(g[0], g[3]) for g in rows(tmp_path)] == [("Ana Lima", "Here is the goal doc."), ("Bruno Costa", "Good doc.")]


def test_a_deleted_slack_message_is_no_ones_words(tmp_path: Path) -> None:
    """Slack's "This message was deleted." (a tombstone, by Slackbot) is left out and
    counted, and stays as a stand-in, by no one named, while replies answer it."""
    (tmp_path / "general").mkdir()
    (tmp_path / "users.json").write_text(json.dumps([{"id": "U1", "real_name": "Ana Lima"},
                                                     {"id": "U2", "real_name": "Bo Chen"}]))
    (tmp_path / "channels.json").write_text(json.dumps([{"id": "C1", "name": "general"}]))
    (tmp_path / "general" / "2016-03-01.json").write_text(json.dumps([
        {"type": "message", "user": "U1", "text": "A sprint is a time box.", "ts": "1.1"},
        {"type": "message", "subtype": "tombstone", "user": "USLACKBOT", "text": "This message was deleted.",
         "ts": "2.1", "thread_ts": "2.1", "reply_count": 1},
        {"type": "message", "user": "U2", "text": "An iteration is any cycle.", "ts": "3.1", "thread_ts": "2.1"},
        {"type": "message", "subtype": "tombstone", "user": "USLACKBOT", "text": "This message was deleted.",
         "ts": "4.1"}]))
    ds, summary = read_discussion([tmp_path])
    assert [c.name for c in ds.contributors if "USLACKBOT" in c.name or c.name == "USLACKBOT"] == []
    assert [m.text for m in ds.messages] == ["A sprint is a time box.", "[deleted]", "An iteration is any cycle."]
    assert summary["left_out"]["deleted"] == 2
    # marked in the data, not only by its words: counted apart from what people wrote
    from conceptgraph import build_graph
    from conceptgraph.queries import contributors, thread

    assert [m.gone for m in ds.messages] == ["", "deleted", ""]
    G = build_graph(ds)
    rows = {r["name"]: r for r in contributors(G)}
    stand_in = next(r for name, r in rows.items() if name not in ("Ana Lima", "Bo Chen"))
    assert (stand_in["messages"], stand_in["gone"]) == (0, 1) and "gone" not in rows["Ana Lima"]
    assert [m.get("gone") for m in thread(G)["messages"]] == [None, "deleted", None]


def test_words_slack_strikes_out_are_taken_back(tmp_path: Path) -> None:
    """Slack strikes out with one tilde, not Markdown's two: what is struck out is taken
    back (and counted), a tilde of "~5 minutes" or "~/notes" stays."""
    (tmp_path / "general").mkdir()
    (tmp_path / "users.json").write_text(json.dumps([{"id": "U1", "real_name": "Klaus Berg"}]))
    (tmp_path / "channels.json").write_text(json.dumps([{"id": "C1", "name": "general"}]))
    (tmp_path / "general" / "2016-03-01.json").write_text(json.dumps([
        {"type": "message", "user": "U1", "text": "~the incident is the ticket~ the incident is the response",
         "ts": "1.1"},
        {"type": "message", "user": "U1", "text": "It takes ~5 to ~10 minutes, see ~/notes.", "ts": "2.1"}]))
    ds, summary = read_discussion([tmp_path])
    assert [m.text for m in ds.messages] == ["the incident is the response", "It takes ~5 to ~10 minutes, see ~/notes."]
    assert summary["left_out"]["struck-out passages (taken back)"] == 1


def test_a_block_of_code_keeps_its_fences_and_the_draft_reads_no_claim_in_it(tmp_path: Path) -> None:
    """A fenced block stays as its writer typed it, fences and all, so that the draft knows
    it for code: "/incident declare --sev 2" once became "incident: declare --sev 2"."""
    from conceptgraph.draft import draft

    (tmp_path / "general").mkdir()
    (tmp_path / "users.json").write_text(json.dumps([{"id": "U1", "real_name": "Sam Lee"},
                                                     {"id": "U2", "real_name": "Ola Berg"}]))
    (tmp_path / "channels.json").write_text(json.dumps([{"id": "C1", "name": "general"}]))
    said = ["A page is not an incident. Here is what the bot does:\n```\n/incident declare --sev 2\n```\n"
            "So an incident means declared.", "An incident is anything customers notice.",
            "An incident is declared, an outage is felt."]
    (tmp_path / "general" / "2016-03-01.json").write_text(json.dumps([
        {"type": "message", "user": f"U{1 + i % 2}", "text": t, "ts": f"{i + 1}.1"} for i, t in enumerate(said)]))
    ds, _ = read_discussion([tmp_path])
    assert "```\n/incident declare --sev 2\n```" in ds.messages[0].text
    drafted = draft(ds, terms=["incident", "outage"])
    labels = {a.id: a.label for a in drafted.attributes}
    assert drafted.claims and not [c for c in drafted.claims if "declare --sev" in labels[c.attribute]
                                   or "--sev" in c.quote]


def test_a_slack_message_that_quotes_an_earlier_one_answers_it(tmp_path: Path) -> None:
    """Slack writes a quote as "&gt; ...": left out of the quoter's words, and whose it is
    says whom the message answers, in the channel and inside a thread; its place stays."""
    (tmp_path / "general").mkdir()
    (tmp_path / "users.json").write_text(json.dumps([{"id": f"U{i}", "real_name": n} for i, n in
                                                     enumerate(["Ana Lima", "Bo Chen", "Cy Park"])]))
    (tmp_path / "channels.json").write_text(json.dumps([{"id": "C1", "name": "general"}]))
    (tmp_path / "general" / "2016-03-01.json").write_text(json.dumps([
        {"type": "message", "user": "U0", "text": "A sprint is a time box of two weeks.", "ts": "1.1"},
        {"type": "message", "user": "U1", "text": "An iteration is any cycle.", "ts": "2.1", "thread_ts": "1.1"},
        {"type": "message", "user": "U2", "text": "Lunch?", "ts": "3.1", "thread_ts": "1.1"},
        {"type": "message", "user": "U2", "text": "&gt; An iteration is any cycle.\nToo loose.", "ts": "4.1",
         "thread_ts": "1.1"},
        {"type": "message", "user": "U1", "text": "Unrelated news.", "ts": "5.1"},
        {"type": "message", "user": "U1", "text": "&gt; A sprint is a time box of two weeks.\nNot always two.",
         "ts": "6.1"}]))
    got = rows(tmp_path)
    assert got[3] == ("Cy Park", "reply 3 to message 1", "reply-1-to-message-1", "Too loose.")
    assert got[5] == ("Bo Chen", "message 3", "message-1", "Not always two.")
    assert got[2][2] == "message-1" and not got[4][2]  # no quote: the thread's first message, or no one


def test_no_break_spaces_are_spaces(write, tmp_path: Path) -> None:
    """&nbsp; in HTML comments, U+00A0 in plain text: spaces in what is written, and
    nothing escaped when the thread is printed."""
    xml = ('<?xml version="1.0"?><disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">'
           '<thread dsq:id="1"><title>Soup</title></thread><post dsq:id="p"><message><![CDATA[<p>Soup&nbsp;is&nbsp;'
           'good.&nbsp;&nbsp;</p>]]></message><thread dsq:id="1"/><author><name>Ann\xa0Lee</name></author></post>'
           '</disqus>')
    got = rows(write(xml, "d.xml"))
    assert got == [("Ann Lee", "comment 1", "", "Soup is good.")]
    out = tmp_path / "nb"
    assert CliRunner().invoke(cli, ["import", str(write("Ann: Soup\xa0is good.\n", "t.txt")), "-o", str(out)]).exit_code == 0
    assert yaml.safe_load((out / "discussion.yaml").read_text(encoding="utf-8"))["messages"][0]["text"] == "Soup is good."
    r = CliRunner().invoke(cli, ["thread", "--data", str(out)])
    assert "\\xa0" not in r.stdout and "Soup is good." in r.stdout
