"""The sources read as they are published: a Stack Exchange site's data dump and the
API's JSON, GitHub issues, pull requests and discussions (REST, GraphQL, gh --json),
and pages saved from a browser; each from real files (tests/fixtures/discussions/README.md
says where they come from). Also: the language of a thread, addresses never written,
hostile input."""

from __future__ import annotations

import json
import re
import shutil
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

from conceptgraph import ConceptGraphWarning, load_dataset
from conceptgraph.cli import cli
from conceptgraph.discussions import Options, detect, read_discussion
from conceptgraph.language import detect as language_of

from conftest import ROOT

FIX = ROOT / "tests" / "fixtures" / "discussions"
SE = FIX / "stackexchange"
GH = FIX / "github"
WEB = FIX / "webpages"


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def messages(paths: list[Path], **kw) -> list[tuple[str, str, str, str, int | None, bool]]:
    ds, _ = read_discussion(paths, **kw)
    people = {c.id: c.name for c in ds.contributors}
    return [(people[m.by], m.where, m.reply_to, m.text, m.score, m.accepted) for m in ds.messages]


def cat(tmp_path: Path, *names: str) -> Path:
    """The files joined one after the other, as `cat a.json b.json > thread.json` does."""
    out = tmp_path / "thread.json"
    out.write_bytes(b"\n".join((GH / n).read_bytes() for n in names))
    return out


# --- Stack Exchange --------------------------------------------------------------------------

def test_a_stack_exchange_dump_folder_gives_each_question_its_answers_and_comments() -> None:
    ds, summary = read_discussion([SE])
    assert detect(SE).name == "stackexchange"
    assert (summary["threads"], summary["messages"], summary["left_out"]) == (3, 33, {"quoted passages (others' words)": 2})
    got = [m for m in messages([SE], thread="526")]
    assert [g[:3] for g in got] == [
        ("Elrond", "question", ""),
        ("Samuel Russell", "answer 1", "question"),
        ("T.E.D.", "answer 2", "question"),
        ("Elrond", "comment 1 on answer 2", "answer-2"),
        ("T.E.D.", "comment 2 on answer 2", "answer-2"),
        ("ihtkwot", "answer 3", "question"),
        ("Elrond", "comment 1 on answer 3", "answer-3"),
        ("T.E.D.", "comment 2 on answer 3", "answer-3"),
    ]
    assert got[0][3].startswith("After asking this question (https://history.stackexchange.com/questions/8609/")
    assert [g[4] for g in got] == [1, 2, 2, 0, 0, 2, 0, 0]  # the scores, as data
    ds, _ = read_discussion([SE], thread="526")
    assert {c.name: c.role for c in ds.contributors} == {
        "Elrond": "author", "Samuel Russell": "respondent", "T.E.D.": "respondent", "ihtkwot": "respondent"}


def test_stack_exchange_comments_answer_the_one_they_address_and_the_accepted_answer_is_data() -> None:
    got = messages([SE], thread="1")
    by_place = {g[1]: g for g in got}
    # "@TravisChristian Again it comes down to..." answers Travis's latest comment before it
    assert by_place["comment 4 on the question"][2] == "comment-3-on-the-question"
    assert by_place["comment 4 on the question"][3].startswith("@TravisChristian Again")
    assert by_place["comment 1 on answer 1"][:2] == ("user39", "comment 1 on answer 1")  # a deleted account
    accepted = [g[1] for g in messages([SE], thread="11") if g[5]]
    assert accepted == ["answer 2"]  # AcceptedAnswerId="20", the second answer by date


def test_thread_names_the_place_a_reply_answers() -> None:
    out = run("thread", "--data", str(SE)).stdout
    assert "(replies to “Should we include sources in answers?” › question)" in out
    assert "-que)" not in out and "(replies to question-" not in out  # never a message's id
    # nor when the message it answers is not shown: one speaker's messages, or those naming a word
    answer = json.loads(run("thread", "--data", str(SE), "--json").stdout)["messages"]
    reply = next(m for m in answer if m["reply_to"] and m["by"] != next(
        x["by"] for x in answer if x["id"] == m["reply_to"]))
    parent = next(x for x in answer if x["id"] == reply["reply_to"])
    out = run("thread", "--data", str(SE), "--by", reply["by"]).stdout
    assert reply["reply_where"] == parent["where"] and f"(replies to {parent['where']})" in out
    assert f"(replies to {parent['id']})" not in out


def test_thread_shows_scores_and_the_accepted_answer() -> None:
    r = run("thread", "--data", str(SE), "--json")
    from conceptgraph.answers import ANSWERS, conforms

    answer = json.loads(r.stdout)
    assert conforms(answer, ANSWERS["thread"]) == []
    accepted = [m for m in answer["messages"] if m.get("accepted")]
    assert [(m["where"], m["score"]) for m in accepted] == [("“Could questions here be too localized?” › answer 2", 4)]
    assert ", score 4, accepted" in run("thread", "--data", str(SE)).stdout


def test_a_dumps_three_files_given_together_are_read_once_as_their_folder(tmp_path: Path) -> None:
    whole = messages([SE])
    files = [SE / "Posts.xml", SE / "Comments.xml", SE / "Users.xml"]
    assert messages(files) == whole  # not three readings of the same folder, one per file
    assert messages([SE, SE / "Posts.xml"]) == whole
    r = run("import", *map(str, files), "-o", str(tmp_path / "out"), "--json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["messages"] == len(whole)


def test_a_posts_file_alone_names_people_as_the_site_does(tmp_path: Path) -> None:
    alone = tmp_path / "question-526.xml"
    shutil.copy(SE / "Posts.xml", alone)
    got = messages([alone], thread="526")
    assert [g[0] for g in got] == ["user2263", "user876", "user771", "user579"]  # no Users.xml, no comments


def test_the_comments_of_a_dump_are_not_read_alone(tmp_path: Path) -> None:
    alone = tmp_path / "dump"
    alone.mkdir()
    shutil.copy(SE / "Comments.xml", alone / "Comments.xml")
    r = run("import", str(alone / "Comments.xml"), "-o", str(tmp_path / "out"))
    assert r.exit_code == 1 and r.stderr.count("\n") == 1 and "read with its Posts.xml" in r.stderr


def _as_api(folder: Path) -> list[dict]:
    """The dump's questions as the API gives them with a filter holding bodies,
    answers and comments (field names of the API's question, answer, comment and
    shallow_user types; dates in seconds, HTML escaped in names and titles)."""
    import html
    import xml.etree.ElementTree as ET
    from datetime import UTC, datetime

    users = {u.get("Id"): u.get("DisplayName") for u in ET.parse(folder / "Users.xml").getroot()}
    posts = list(ET.parse(folder / "Posts.xml").getroot())
    comments = list(ET.parse(folder / "Comments.xml").getroot())

    def seconds(value: str) -> int:
        return int(datetime.fromisoformat(value).replace(tzinfo=UTC).timestamp())

    def owner(row, key="OwnerUserId", name="OwnerDisplayName") -> dict:
        if row.get(key):
            return {"user_id": int(row.get(key)), "display_name": html.escape(users[row.get(key)])}
        return {"user_type": "does_not_exist", "display_name": row.get(name)}

    def comments_of(pid: str) -> list[dict]:
        return [{"comment_id": int(c.get("Id")), "post_id": int(pid), "score": int(c.get("Score")),
                 "creation_date": seconds(c.get("CreationDate")), "owner": owner(c, "UserId", "UserDisplayName"),
                 "body_markdown": c.get("Text")} for c in comments if c.get("PostId") == pid]

    items = []
    for q in (p for p in posts if p.get("PostTypeId") == "1"):
        answers = [{"answer_id": int(a.get("Id")), "question_id": int(q.get("Id")), "score": int(a.get("Score")),
                    "is_accepted": a.get("Id") == q.get("AcceptedAnswerId"), "creation_date": seconds(a.get("CreationDate")),
                    "owner": owner(a), "body": a.get("Body"), "comments": comments_of(a.get("Id"))}
                   for a in posts if a.get("ParentId") == q.get("Id")]
        items.append({"question_id": int(q.get("Id")), "title": html.escape(q.get("Title")), "score": int(q.get("Score")),
                      "creation_date": seconds(q.get("CreationDate")), "owner": owner(q), "body": q.get("Body"),
                      "comments": comments_of(q.get("Id")), "answers": answers})
    return items


def test_the_api_json_reads_as_the_dump_does(tmp_path: Path) -> None:
    api = tmp_path / "questions.json"
    api.write_text(json.dumps({"items": _as_api(SE), "has_more": False, "quota_max": 300, "quota_remaining": 299}))
    assert detect(api).name == "stackexchange"
    assert messages([api]) == messages([SE])
    # a question, then its answers, then the comments, saved one after the other
    items = _as_api(SE)
    parts = [{"items": [{k: v for k, v in q.items() if k not in ("answers", "comments")} for q in items]},
             {"items": [a | {"comments": []} for q in items for a in q["answers"]]},
             {"items": [c for q in items for c in q["comments"] + [c for a in q["answers"] for c in a["comments"]]]}]
    api.write_text("\n".join(json.dumps(p) for p in parts))
    assert messages([api]) == messages([SE])
    # ... or in files of their own, given together
    files = [tmp_path / f"{name}.json" for name in ("question", "answers", "comments")]
    for f, part in zip(files, parts):
        f.write_text(json.dumps(part))
    assert messages(files) == messages([SE])
    # the question's link gives the site: each answer and comment its own address there
    parts[0]["items"][0]["link"] = "https://english.stackexchange.com/questions/1/a-title"
    files[0].write_text(json.dumps(parts[0]))
    ds, _ = read_discussion(files)
    first = [m for m in ds.messages if m.url]  # the question the link was given to, and its posts
    answers = [a["answer_id"] for a in parts[1]["items"] if a["question_id"] == parts[0]["items"][0]["question_id"]]
    assert {m.url for m in first if m.where.split(" › ")[-1] == "answer 1"} \
        == {f"https://english.stackexchange.com/a/{answers[0]}"}
    comment = next(m for m in first if "comment" in m.where)
    assert re.fullmatch(r"https://english\.stackexchange\.com/questions/1/a-title#comment\d+_\d+", comment.url)
    files[1].write_text('{"items": [\n{"answer_id": 1,}')
    r = run("import", *map(str, files), "-o", str(tmp_path / "out"))
    assert r.exit_code == 1 and "answers.json:2:" in r.stderr and "Traceback" not in r.stderr


def test_the_api_without_bodies_keeps_the_question_and_says_how_to_get_the_rest(tmp_path: Path) -> None:
    items = [{k: v for k, v in q.items() if k != "body"} | {"answers": [
        {k: v for k, v in a.items() if k != "body"} for a in q["answers"]], "comments": []} for q in _as_api(SE)]
    api = tmp_path / "default-filter.json"
    api.write_text(json.dumps({"items": items}))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ds, summary = read_discussion([api])
    assert ["16 posts came without their text" in str(w.message) and "filter=withbody" in str(w.message)
            for w in caught] == [True]
    assert summary["left_out"] == {"empty": 13}  # the answers; their comments answer the question instead
    assert [m.text for m in ds.messages if not m.reply_to] == [
        "Should we include sources in answers?", "Could questions here be too localized?",
        "What is the difference between fashion and clothing tags?"]
    assert len(ds.messages) == 3 + 13  # the comments on the answers


# --- GitHub ----------------------------------------------------------------------------------

def test_a_github_issue_and_its_comments_from_the_rest_api(tmp_path: Path) -> None:
    thread = cat(tmp_path, "issue-28.json", "issue-28-comments.json")
    assert detect(thread).name == "github"
    ds, summary = read_discussion([thread])
    got = messages([thread])
    assert [g[:3] for g in got] == [("jacquev6", "issue", ""), ("jacquev6", "comment 1", "issue"),
                                    ("roskakori", "comment 2", "issue")]
    assert got[2][3].startswith("Good to hear you are already working on this in #6")
    assert (ds.source.title, ds.source.url) == ("Issue created by PyGithub", "https://github.com/PyGithub/PyGithub/issues/28")
    assert [c.name for c in ds.contributors] == ["jacquev6", "roskakori"]  # one contributor per account


def test_an_issue_and_its_comments_saved_apart_are_one_thread(tmp_path: Path) -> None:
    """`gh api .../issues/28 > issue.json; gh api .../issues/28/comments > comments.json`:
    the two files given together read as the thread they were cut from; a comments file
    alone is still GitHub's, and a broken file is named with its line."""
    together = cat(tmp_path, "issue-28.json", "issue-28-comments.json")
    apart = [GH / "issue-28.json", GH / "issue-28-comments.json"]
    assert detect(GH / "issue-28-comments.json").name == "github"
    assert messages(apart) == messages([together])
    ds, summary = read_discussion(apart)
    assert (summary["format"], summary["threads"], len(ds.messages)) == ("github", 1, 3)
    broken = tmp_path / "comments.json"
    broken.write_text('[{"body": "x",\n "url": "https://api.github.com/repos/a/b/issues/comments/1",\n')
    result = CliRunner().invoke(cli, ["import", str(GH / "issue-28.json"), str(broken), "-o", str(tmp_path / "o")])
    assert result.exit_code != 0 and "comments.json:3:" in result.output and "Traceback" not in result.output


def test_a_pull_request_with_its_reviews_and_the_lines_they_are_about(tmp_path: Path) -> None:
    thread = cat(tmp_path, "pull-31.json", "pull-31-comments.json", "pull-31-review-comments.json",
                 "pull-538-review.json")
    # (the approval is another pull request's, taken as one of this one's: a file of two is refused)
    thread.write_bytes(thread.read_bytes().replace(b"/pulls/538", b"/pulls/31").replace(b"/pull/538", b"/pull/31"))
    ds, summary = read_discussion([thread])
    assert summary["left_out"] == {"reviews without words": 1}  # an approval with no words
    got = messages([thread])
    assert [g[:3] for g in got] == [
        ("jacquev6", "pull request", ""),
        ("jacquev6", "comment 1", "pull-request"),
        ("jacquev6", "review comment on codegen/templates/GithubObject.py line 73", "pull-request"),
        ("eamanu", "review comment on test/IssueEvent.py line 7", "pull-request"),
    ]
    assert [g[4] for g in got] == [None, None, 1, 0]  # 👍 minus 👎, where the API (since 2016) gives reactions


def test_a_github_discussion_from_graphql_keeps_its_chosen_answer() -> None:
    ds, summary = read_discussion([GH / "discussion-2993.json"])
    got = messages([GH / "discussion-2993.json"])
    assert [(g[0], g[1], g[5]) for g in got] == [("heitorPB", "discussion", False), ("dawngerpony", "comment 1", True)]
    assert got[1][3].startswith("This comment (https://github.com/PyGithub/PyGithub/issues/2895#issue-2118964108)")
    assert summary["left_out"] == {"comments given without their text": 1}  # the query asked for their ids only
    assert ds.source.title == "How to get a list of custom repository properties?"


def test_graphql_and_gh_json_comments_minimized_ones_left_out(tmp_path: Path) -> None:
    graphql = GH / "gh-graphql-pr-comments.json"
    ds, summary = read_discussion([graphql])
    # sam-spam's comment; and the pull request's own post, which this answer does not hold
    assert summary["left_out"] == {"hidden (minimized)": 1, "opening posts not given (import the issue's or pull "
                                   "request's own JSON with its comments)": 1}
    got = messages([graphql])
    assert [g[:2] for g in got] == [("monalisa", "comment 1"), ("johnnytest", "comment 2"), ("elvisp", "comment 3"),
                                    ("loislane", "comment 4"), ("marseilles", "comment 5")]
    assert got[0][4] == 8 - 7  # THUMBS_UP minus THUMBS_DOWN
    # `gh pr view --json comments` prints the same comment objects as a plain list
    nodes = json.loads(graphql.read_text())["data"]["repository"]["pullRequest"]["comments"]["nodes"]
    gh = tmp_path / "gh.json"
    gh.write_text(json.dumps({"comments": nodes, "number": 3, "title": "Fix the thing",
                              "author": {"login": "nobody", "is_bot": False}, "body": "It is broken.",
                              "url": "https://github.com/OWNER/REPO/pull/3", "createdAt": "2019-12-31T12:00:00Z"}))
    got = messages([gh])
    assert [g[:3] for g in got][:2] == [("nobody", "pull request", ""), ("monalisa", "comment 1", "pull-request")]
    # the name gh's --json gives beside the login is the one shown; the login still tells the person
    nodes[0]["author"] = {"login": "monalisa", "name": "Mona Lisa Octocat"}
    gh.write_text(json.dumps({"comments": nodes, "number": 3, "title": "Fix the thing",
                              "author": {"login": "monalisa", "is_bot": False}, "body": "It is broken.",
                              "url": "https://github.com/OWNER/REPO/pull/3", "createdAt": "2019-12-31T12:00:00Z"}))
    ds, _ = read_discussion([gh])
    assert [c.name for c in ds.contributors][0] in ("monalisa", "Mona Lisa Octocat")
    assert "Mona Lisa Octocat" in [c.name for c in ds.contributors]
    assert len({m.by for m in ds.messages[:2]}) == 1  # the post and comment 1: one person


def test_replies_to_review_comments_and_graphql_review_threads(tmp_path: Path) -> None:
    review = json.loads((GH / "pull-31-review-comments.json").read_text())
    first = next(c for c in review if c["path"] == "test/IssueEvent.py")
    reply = dict(first, id=1, node_id="R1", in_reply_to_id=first["id"], body="Done, thanks.",
                 created_at="2018-06-26T00:00:00Z", user={"login": "jacquev6"})
    rest = tmp_path / "rest.json"
    rest.write_text((GH / "pull-31.json").read_text() + json.dumps(review + [reply]))
    got = messages([rest])
    assert ("jacquev6", "reply 1 to review comment on test/IssueEvent.py line 7",
            "review-comment-on-test-issueevent-py-line-7") == got[-1][:3]
    # the same comments as GraphQL's reviewThreads give them: a thread's first comment and its replies
    threads = {"nodes": [{"path": c["path"], "line": c["line"], "originalLine": c["original_line"],
                          "comments": {"nodes": [{"id": c["node_id"], "author": {"login": c["user"]["login"]},
                                                  "body": c["body"], "createdAt": c["created_at"]}
                                                 for c in ([first, reply] if c is first else [c])]}}
                         for c in review]}
    graphql = tmp_path / "graphql.json"
    graphql.write_text(json.dumps({"data": {"repository": {"pullRequest": {
        "title": "Title edited by PyGithub", "author": {"login": "jacquev6"}, "body": "Body edited by PyGithub",
        "createdAt": "2012-05-27T09:25:36Z", "url": "https://github.com/PyGithub/PyGithub/pull/31",
        "reviewThreads": threads}}}}))
    assert [g[:3] for g in messages([graphql])] == [g[:3] for g in messages([rest])]


def test_github_bots_and_deleted_accounts(tmp_path: Path) -> None:
    issue = json.loads((GH / "issue-28.json").read_text())
    comments = json.loads((GH / "issue-28-comments.json").read_text())
    bot = dict(comments[0], id=1, user={"login": "dependabot[bot]", "type": "Bot"}, body="Bumps x.")
    ghost1 = dict(comments[1], id=2, user=None, body="I was here.")
    ghost2 = dict(comments[1], id=3, user={"login": "ghost"}, body="So was I.")
    path = tmp_path / "t.json"
    path.write_text(json.dumps(issue) + json.dumps([bot, ghost1, ghost2]))
    ds, summary = read_discussion([path])
    assert summary["left_out"] == {"bots": 1}
    # two unknown people, not one, unnamed as deleted accounts are elsewhere (GitHub calls them "ghost")
    unnamed = [c.name for c in ds.contributors if c.name.startswith("unnamed commenter")]
    assert len(unnamed) == 2 and "ghost" not in [c.name for c in ds.contributors]
    assert len(read_discussion([path], options=Options(include_bots=True))[0].messages) == 4


# --- saved web pages -------------------------------------------------------------------------

def test_a_wordpress_page_its_author_and_the_replies_nested_in_comments() -> None:
    page = WEB / "lemire.me.json.html"
    assert detect(page).name == "html"
    ds, summary = read_discussion([page])
    got = messages([page])
    assert [g[:3] for g in got] == [
        ("Daniel Lemire", "post", ""), ("degski", "comment 1", "post"), ("degski", "comment 2", "post"),
        ("Daniel Lemire", "reply 1 to comment 2", "comment-2"), ("wmu", "comment 3", "post"),
        ("Daniel Lemire", "reply 1 to comment 3", "comment-3")]
    assert got[0][3].startswith("JSON is the ubiquitous data format on the Internet.")
    assert "Reply" not in "".join(g[3] for g in got) and "says:" not in "".join(g[3] for g in got)
    assert {c.name: c.role for c in ds.contributors}["Daniel Lemire"] == "author"
    assert (ds.source.title, ds.source.date) == ("Parsing JSON quickly: 1.4 GB/s on a laptop", "2019-08-02") or \
        ds.source.date == "2019-08-02"


def test_a_german_thread_keeps_its_words_and_reports_its_language(tmp_path: Path) -> None:
    page = WEB / "de.creativecommons.org.endlich.html"
    r = run("import", str(page), "-o", str(tmp_path / "cc"))
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines() == ["html: 1 thread, 4 messages, 4 speakers, 3 replies",
                                     "left out: 2 pingbacks and trackbacks", "language: de"]
    ds = load_dataset(tmp_path / "cc")
    assert [m.text for m in ds.messages[1:]] == [
        "Warum nicht alles offen gestalten.",
        "@ Michael Blahm, weil dann natuerlich der rechte Inhaber benachteiligt wird und das Ziel ist ja im "
        "grundegenommen, das keine seite mehr Nachteile schultert als die andere",
        "Das LG Köln hat einfach keine Ahnung was als kommerziell oder rein privat einzustufen ist.\n\n"
        "Gibt es vielleicht noch mehr Updates?"]
    assert json.loads(run("import", str(page), "-o", str(tmp_path / "cc2"), "--json").stdout)["language"] == "de"


def test_comment_markup_of_other_themes(tmp_path: Path) -> None:
    # Avada: the name in <strong> beside the date and the "Antworten" link
    got = messages([WEB / "moritz-meyer.net.vreni.html"])
    assert [g[0] for g in got[:4]] == ["MoritzMeyer", "Ben", "MoritzMeyer", "Swen denkt"]
    assert got[0][3].startswith("Das “Vreni-Frost-Urteil” hat die gesamte Influencer-Branche")
    assert read_discussion([WEB / "moritz-meyer.net.vreni.html"])[1]["left_out"] == {
        "pingbacks and trackbacks": 16, "quoted passages (others' words)": 5}
    # scilogs: each article.comment wrapped in an li.comment that also holds its replies
    got = messages([WEB / "spektrum.de.engelbart.html"])
    assert len(got) == 60 and len({g[3] for g in got}) == 60  # no comment read twice
    assert got[2][:3] == ("Henning Lobin", "reply 1 to comment 1", "comment-1")
    # Dietmar quotes the post in a blockquote: the post's words, not his
    assert "weiter Akt: Der VDS lässt eine Umfrage" in got[0][3]
    assert got[1][0] == "Dietmar Hilsebein" and "weiter Akt" not in got[1][3]


def test_a_discourse_page_its_posts_numbered_and_a_quote_answering_the_post_quoted() -> None:
    got = messages([WEB / "discourse-ziggit.html"])
    assert [g[:3] for g in got] == [
        ("solenopsys", "post 1", ""), ("xsawyerx", "post 2", "post-1"), ("solenopsys", "post 3", "post-1"),
        ("WeeBull", "post 4", "post-1"), ("shimekukuri", "post 5", "post-3"), ("kristoff", "post 6", "post-1")]
    assert got[4][3].startswith("I’m highly interested") and "embeddable library" not in got[4][3]
    ds, _ = read_discussion([WEB / "discourse-ziggit.html"])
    assert ds.source.title == "Cruller: Bun's Zig Runtime, Continued on Zig 0.16"


def test_a_page_whose_comments_are_in_a_disqus_frame_says_so() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = messages([WEB / "gregoryszorc.com.python3.html"])
    assert len(got) == 1 and got[0][1] == "post"
    assert any(issubclass(w.category, ConceptGraphWarning) and "Disqus frame" in str(w.message) for w in caught)


def test_a_disqus_frame_and_schema_org_comments(write) -> None:
    frame = write('<html><body><ul id="post-list" class="post-list"><li class="post" id="post-1"><div class="post-content">'
                  '<span class="author publisher-anchor-color"><a data-role="username">Ann</a></span>'
                  '<a class="time-ago" title="Monday">2 years ago</a><div class="post-message"><p>Soup.</p></div></div>'
                  '<ul class="children"><li class="post" id="post-2"><span class="author"><a>Bo</a></span>'
                  '<div class="post-message"><blockquote>Soup.</blockquote><p>Salad.</p></div></li></ul></li></ul>'
                  '</body></html>', "frame.html")
    # the frame holds no post: its comments answer a post that is not there
    assert [g[:4] for g in messages([frame])] == [("Ann", "comment 1", "", "Soup."),
                                                  ("Bo", "reply 1 to comment 1", "comment-1", "Salad.")]
    micro = write('<html><body><article itemprop="articleBody"><p>Tea?</p></article><div itemscope '
                  'itemtype="https://schema.org/Comment"><span itemprop="author">Cy</span><time itemprop="dateCreated" '
                  'datetime="2024-03-01">1 March</time><div itemprop="text">Coffee.</div></div></body></html>', "m.html")
    assert [g[:4] for g in messages([micro])] == [("unnamed author (post)", "post", "", "Tea?"),
                                                  ("Cy", "comment 1", "post", "Coffee.")]


# --- every source ----------------------------------------------------------------------------

SOURCES = [SE, SE / "Posts.xml", GH / "discussion-2993.json", GH / "gh-graphql-pr-comments.json",
           WEB / "lemire.me.json.html", WEB / "discourse-ziggit.html"]


@pytest.mark.parametrize("source", SOURCES, ids=[str(s.relative_to(FIX)) for s in SOURCES])
def test_every_source_imports_round_trips_and_is_read_by_data(tmp_path: Path, source: Path) -> None:
    ds, _ = read_discussion([source])
    out = tmp_path / "out"
    r = run("import", str(source), "-o", str(out))
    assert r.exit_code == 0, r.stderr
    back = load_dataset(out)
    assert back.messages == ds.messages and back.contributors == ds.contributors
    r = run("contributors", "--data", str(source), "--json")
    assert r.exit_code == 0 and len(json.loads(r.stdout)) == len(ds.contributors)


def test_language_is_told_offline_and_verbatim_text_is_kept() -> None:
    assert language_of("Bonjour à tous, quelle est la différence entre coopération et collaboration ?") == "fr"
    assert language_of("协作和合作有什么区别？我认为协作需要共同的目标。") == "zh"
    assert language_of("Soup.") == "und"  # too short to tell


def test_a_thread_in_two_languages_lists_both(write) -> None:
    chat = write("Ann: Bonjour à tous, je voudrais savoir quelle est la différence entre coopération et collaboration.\n"
                 "Bo: La collaboration demande un but commun, la coopération seulement des échanges.\n"
                 "Cy: I think collaboration needs a shared goal, while cooperation only needs goodwill.\n", "chat.txt")
    _, summary = read_discussion([chat])
    assert (summary["language"], summary["languages"]) == ("fr", ["fr", "en"])
    r = run("import", str(chat), "-o", "chat")
    assert r.stdout.splitlines()[-1] == "language: fr, en (the first most)"


def test_addresses_never_reach_the_dataset(tmp_path: Path) -> None:
    comments = json.loads((GH / "issue-28-comments.json").read_text())
    comments[0]["body"] = "Write to jane.doe@example.org.\n\n> quoted by someone, of john@example.org\n\nThanks"
    path = tmp_path / "t.json"
    path.write_text((GH / "issue-28.json").read_text() + json.dumps(comments))
    r = run("import", str(path), "-o", str(tmp_path / "out"))
    assert r.exit_code == 0, r.stderr
    text = (tmp_path / "out" / "discussion.yaml").read_text(encoding="utf-8")
    assert "jane.doe" not in text and "john@" not in text
    assert "Write to [address]." in text
    # the quote is kept apart, as the words it answers, never as the speaker's
    message = next(m for m in load_dataset(tmp_path / "out").messages if m.quotes)
    assert message.quotes == ("quoted by someone, of [address]",) and "quoted" not in message.text


@pytest.mark.parametrize("name, text, words", [
    ("Posts.xml", '<?xml version="1.0"?><!DOCTYPE posts [<!ENTITY a "aaaa">]><posts><row Id="1" PostTypeId="1"/></posts>',
     "entity declarations are not accepted"),
    ("Posts.xml", '<?xml version="1.0"?><posts><row Id="1" PostTypeId="1" Body="x"', "XML syntax error"),
    ("q.json", '{"items": [{"question_id": 1, "title": "x"}', "JSON syntax error"),
    ("gh.json", '{"html_url": "https://github.com/o/r/issues/1", "comments": ' + "[" * 100_000 + "]" * 100_000 + "}",
     "nested too deeply"),
    ("page.html", "<html><body>" + "<div>" * 5000 + "</div>" * 5000 + "</body></html>", "nested more than 2,048"),
])
def test_hostile_sources_get_one_line_and_write_nothing(write, tmp_path: Path, name: str, text: str, words: str) -> None:
    path = write(text, name)
    out = tmp_path / "out"
    r = run("import", str(path), "-o", str(out))
    assert r.exit_code == 1 and r.stderr.count("\n") == 1 and words in r.stderr, r.stderr
    assert not out.exists() and "Traceback" not in r.stderr


def test_hostile_strings_in_a_page_stay_text(write, tmp_path: Path) -> None:
    page = write('<html><body><article><p>Fine.</p><script>alert(1)</script></article><ol class="commentlist">'
                 '<li class="comment" id="comment-1"><cite class="fn">&lt;script&gt;x</cite><div class="comment-content">'
                 '<p>&lt;b&gt;{{data}} \x1b[2J</p></div></li></ol></body></html>', "evil.html")
    got = messages([page])
    assert got[0][3] == "Fine." and got[1][0] == "<script>x" and got[1][3] == "<b>{{data}} \x1b[2J"
    r = run("thread", "--data", str(page))
    assert "\x1b" not in r.stdout


def test_the_readme_table_names_every_new_format() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(\w+)`", readme, re.M)
    for name in ("stackexchange", "github", "html"):
        assert name in rows
