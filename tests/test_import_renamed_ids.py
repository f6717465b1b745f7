"""Writers an export knows by an id alone (Canvas, Slack, Moodle) are named by
``--rename``; an import that names them is not told, as it reads, to name them."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from conceptgraph.cli import cli
from conceptgraph.dataset import load_dataset


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def warned(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("Warning: ")]


VIEW = {"participants": [{"id": 7, "display_name": "Ana Lima"}],
        "view": [{"id": 1, "user_id": 7, "parent_id": None, "message": "<p>Is a theory a guess?</p>"},
                 {"id": 2, "user_id": 204, "parent_id": 1, "message": "<p>No.</p>"},
                 {"id": 3, "user_id": 305, "parent_id": 1, "message": "<p>A guess is untested.</p>"}]}


def test_canvas_writers_renamed_on_import_are_not_asked_for_again(tmp_path: Path) -> None:
    path = tmp_path / "week-3.json"
    path.write_text(json.dumps(VIEW), encoding="utf-8")
    r = run("import", str(path), "-o", str(tmp_path / "a"))
    assert r.exit_code == 0 and warned(r.stderr) == [
        f"Warning: {path}: 2 entries by 2 users whom no participant names, each named by their id (204, 305): "
        "--rename '204=NAME' names one"], r.stderr
    # one of the two named: the warning stands, as the other is still an id
    r = run("import", str(path), "-o", str(tmp_path / "b"), "--rename", "204=Bo Chen")
    assert r.exit_code == 0 and len(warned(r.stderr)) == 1, r.stderr
    r = run("import", str(path), "-o", str(tmp_path / "c"), "--rename", "204=Bo Chen", "--rename", "305=Cy Dar")
    assert r.exit_code == 0 and warned(r.stderr) == [], r.stderr
    assert {c.name for c in load_dataset(tmp_path / "c").contributors} == {"Ana Lima", "Bo Chen", "Cy Dar"}


def test_a_moodle_post_without_a_name_renamed_still_says_the_field_is_missing(tmp_path: Path) -> None:
    """Moodle's warning is of a fault in the file (an empty author name) as well: that
    stands, and says the post is named as --rename names it, not how to name it."""
    post = {"discussion": 5, "created": 1707300000, "modified": 1707300000, "subject": "Theory",
            "discussionname": "Theory", "messageformat": 1}
    records = [{**post, "id": 1, "parent": 0, "userid": 9, "userfullname": "Ann Lee", "message": "<p>Is it?</p>"},
               {**post, "id": 2, "parent": 1, "userid": 999, "userfullname": "", "message": "<p>No.</p>"}]
    path = tmp_path / "forum.json"
    path.write_text(json.dumps([records]), encoding="utf-8")
    r = run("import", str(path), "-o", str(tmp_path / "a"))
    assert r.exit_code == 0 and warned(r.stderr) == [
        f"Warning: {path}: 1 post with an empty author name (id 2): named by the user id (999): "
        "--rename '999=NAME' names one"], r.stderr
    r = run("import", str(path), "-o", str(tmp_path / "b"), "--rename", "999=Dee Tran")
    assert r.exit_code == 0 and warned(r.stderr) == [
        f"Warning: {path}: 1 post with an empty author name (id 2): named as --rename names them"], r.stderr


def test_warnings_of_another_kind_are_said_once_each_as_before(tmp_path: Path) -> None:
    """Read inside the import's own record of warnings, two alike are still said once."""
    view = {**VIEW, "view": [*VIEW["view"], {"id": 4, "parent_id": 1, "message": "<p>Who wrote this?</p>"},
                             {"id": 5, "parent_id": 1, "message": "<p>And this?</p>"}]}
    path = tmp_path / "week-4.json"
    path.write_text(json.dumps(view), encoding="utf-8")
    r = run("import", str(path), "-o", str(tmp_path / "a"), "--rename", "204=Bo Chen", "--rename", "305=Cy Dar")
    lines = warned(r.stderr)
    assert r.exit_code == 0 and len(lines) == len(set(lines)) == 1 and 'without "user_id"' in lines[0], r.stderr
