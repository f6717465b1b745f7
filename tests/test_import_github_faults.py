"""Faults a trial found in the GitHub importer: files of two issues read as one thread,
a file given twice read twice, and a quoted list item not linked to the comment it
quotes. Each export is written here, small, in the REST API's shape."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conceptgraph import DatasetError
from conceptgraph.cli import cli
from conceptgraph.discussions import read_discussion

from conftest import refused

API = "https://api.github.com/repos"


def issue(repo: str = "acme/db", number: int = 4, body: str = "Is it deprecated or legacy?") -> dict[str, Any]:
    return {"url": f"{API}/{repo}/issues/{number}", "repository_url": f"{API}/{repo}",
            "html_url": f"https://github.com/{repo}/issues/{number}", "number": number, "title": "Words",
            "user": {"login": "ola", "type": "User"}, "body": body, "created_at": "2024-05-01T08:00:00Z",
            "author_association": "OWNER"}


def comment(n: int, body: str, repo: str = "acme/db", number: int = 4, login: str = "") -> dict[str, Any]:
    return {"url": f"{API}/{repo}/issues/comments/{n}",
            "html_url": f"https://github.com/{repo}/issues/{number}#issuecomment-{n}",
            "issue_url": f"{API}/{repo}/issues/{number}", "id": n, "user": {"login": login or f"u{n}", "type": "User"},
            "created_at": f"2024-05-0{n + 1}T09:00:00Z", "author_association": "MEMBER", "body": body}


def save(tmp_path: Path, name: str, doc: Any) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    return path


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


COMMENTS = [comment(1, "Deprecated means it goes away."), comment(2, "Legacy means it stays.")]


def test_comments_of_another_issue_are_refused_naming_the_file_and_both_issues(tmp_path: Path) -> None:
    """An issue and the comments of another, given together, were one thread without a word."""
    other = save(tmp_path, "issue-other.json", issue("other/repo", 99))
    comments = save(tmp_path, "comments.json", COMMENTS)
    for files in ((other, comments), (comments, other)):
        r = run("import", *map(str, files), "-o", str(tmp_path / "out"))
        refused(r, f"{comments}:4:", "acme/db#4", "other/repo#99", str(other))
        assert not (tmp_path / "out").exists()
    with pytest.raises(DatasetError) as e:
        read_discussion([other, comments])
    assert (e.value.file, e.value.line) == (str(comments), 4)


def test_an_issue_says_which_it_is_by_its_repository_and_number_alone(tmp_path: Path) -> None:
    bare = {k: v for k, v in issue("other/repo", 99).items() if k not in ("url", "html_url")}
    r = run("import", str(save(tmp_path, "issue.json", bare)), str(save(tmp_path, "comments.json", COMMENTS)),
            "-o", str(tmp_path / "out"))
    refused(r, "acme/db#4", "other/repo#99")


def test_comments_of_two_issues_or_two_issues_are_refused(tmp_path: Path) -> None:
    """No issue given: the comments of two issues are no one thread either; nor are two
    issues, even in one file (one of them was dropped without a word)."""
    mixed = save(tmp_path, "comments.json", [COMMENTS[0], comment(2, "Legacy means it stays.", number=5)])
    refused(run("import", str(mixed), "-o", str(tmp_path / "a")), "acme/db#4", "acme/db#5")
    one = save(tmp_path, "c4.json", COMMENTS[:1])
    five = save(tmp_path, "c5.json", [comment(2, "Legacy means it stays.", number=5)])
    refused(run("import", str(one), str(five), "-o", str(tmp_path / "b")), str(five), "acme/db#5", "acme/db#4")
    both = save(tmp_path, "issues.json", [issue(number=4), issue(number=5, body="Another question, longer than it.")])
    refused(run("import", str(both), "-o", str(tmp_path / "c")), "acme/db#4", "acme/db#5")


def test_the_same_file_given_twice_is_read_once(tmp_path: Path) -> None:
    """`import issue.json issue.json` was two threads of one message each."""
    path = save(tmp_path, "issue.json", issue())
    comments = save(tmp_path, "comments.json", COMMENTS)
    r = run("import", str(path), str(comments), str(comments), "-o", str(tmp_path / "out"), "--json")
    assert r.exit_code == 0 and "given twice: read once" in r.stderr and json.loads(r.stdout)["threads"] == 1, r.stderr


def test_one_issue_s_files_are_still_one_thread(tmp_path: Path) -> None:
    """Its files as the REST API, GraphQL and gh give them, the repository's name in
    another case, a pull request's issue address and review comments: one issue."""
    pull = {**issue(), "html_url": "https://github.com/acme/db/pull/4", "url": f"{API}/acme/db/pulls/4",
            "issue_url": f"{API}/Acme/DB/issues/4", "head": {"ref": "x"}}
    review = {"id": 70, "pull_request_review_id": 7, "pull_request_url": f"{API}/acme/db/pulls/4",
              "diff_hunk": "@@ -1 +1 @@", "path": "db.py", "line": 3, "body": "This name reads as legacy.",
              "user": {"login": "wei"}, "created_at": "2024-05-09T00:00:00Z",
              "html_url": "https://github.com/acme/db/pull/4#discussion_r70"}
    gh = {"comments": [{"id": "IC_9", "author": {"login": "kto"}, "body": "Deprecated, then removed.",
                        "createdAt": "2024-05-08T00:00:00Z", "authorAssociation": "NONE",
                        "url": "https://github.com/ACME/db/pull/4#issuecomment-9"}]}
    files = [save(tmp_path, "pull.json", pull), save(tmp_path, "comments.json", COMMENTS),
             save(tmp_path, "review-comments.json", [review]), save(tmp_path, "gh.json", gh)]
    ds, summary = read_discussion(files)
    assert summary["threads"] == 1 and len(ds.messages) == 5
    again = save(tmp_path, "comments-newer.json", COMMENTS)  # the same comments saved again: read once
    ds, summary = read_discussion([files[0], files[1], again])
    assert summary["threads"] == 1 and len(ds.messages) == 3


LIST = ("Short version:\n\n- **deprecated**: still works, warns, will be removed.\n"
        "- **legacy**: still works, no warning, not going anywhere, but no new features.\n"
        "1. *obsolete*: we don't use that word.\n\nSee the policy.")


@pytest.mark.parametrize("quote", [
    "> **legacy**: still works, no warning, not going anywhere",  # as the trial's comment quoted it
    "> - **legacy**: still works, no warning, not going anywhere",  # with its bullet
    "> legacy: still works, no warning, not going anywhere",  # its emphasis dropped
    "> * legacy: still works, no warning",  # another bullet
    "> 1. *obsolete*: we don't use that word.",  # a numbered item
    "> - **deprecated**: still works, warns, will be removed.\n> - **legacy**: still works",  # across two items
])
def test_a_quoted_list_item_answers_the_comment_it_is_from(tmp_path: Path, quote: str) -> None:
    """A quote of a list item was no reply; a quote of a plain paragraph was."""
    comments = [comment(1, LIST, login="maintainer"), comment(2, "Something else entirely, said at length."),
                comment(3, f"{quote}\r\n\r\nThen why does the changelog say it goes away?", login="asker")]
    files = [save(tmp_path, "issue.json", issue()), save(tmp_path, "comments.json", comments)]
    ds, _ = read_discussion(files)
    where = {m.id: m.where for m in ds.messages}
    assert [(m.where, where.get(m.reply_to, "")) for m in ds.messages][-1] == ("comment 3", "comment 1")
    assert ds.messages[-1].text == "Then why does the changelog say it goes away?"


def test_a_quote_of_words_no_comment_has_answers_the_issue(tmp_path: Path) -> None:
    comments = [comment(1, LIST), comment(2, "> - **legacy**: gone next year, with a warning\n\nNo.")]
    ds, _ = read_discussion([save(tmp_path, "issue.json", issue()), save(tmp_path, "comments.json", comments)])
    assert ds.messages[-1].reply_to == ds.messages[0].id
