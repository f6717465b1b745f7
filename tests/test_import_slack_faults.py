"""Faults a trial found in the Slack importer: a day file that is no list of messages, a
message without its ts, a message without its user id, Slackbot, users missing from
users.json, replies whose thread is not in the export, channels without messages, and
--thread given a channel's id. Each export is written here, small, in Slack's shape."""

from __future__ import annotations

import json
import warnings
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conceptgraph import ConceptGraphWarning, load_dataset
from conceptgraph.cli import cli
from conceptgraph.discussions import Options, read_discussion

from conftest import refused

USERS = [{"id": "U01ANA", "name": "ana", "real_name": "Ana Lima", "profile": {"real_name": "Ana Lima"}},
         {"id": "U02BRU", "name": "bruno", "real_name": "Bruno Costa", "profile": {"real_name": "Bruno Costa"}}]
CHANNELS = [{"id": "C01GEN", "name": "general"}]
MISSING = "missing parents (not in the file: their replies answer the thread)"


def said(ts: str, user: str | None, text: Any, **extra: Any) -> dict[str, Any]:
    return {"type": "message", "user": user, "text": text, "ts": ts, **extra}


DAY = [said("1714640400.000100", "U01ANA", "Is our work cooperation or collaboration?",
            thread_ts="1714640400.000100", reply_count=1),
       said("1714640460.000200", "U02BRU", "Collaboration: one goal, shared.", thread_ts="1714640400.000100"),
       said("1714640520.000300", "U02BRU", "Lunch at noon?")]


def export(folder: Path, days: dict[str, Any], channels: list[dict[str, Any]] | None = None) -> Path:
    """A Slack export in ``folder``: users, channels, and ``days`` (path -> JSON, written
    as Slack writes it, indented)."""
    folder.mkdir()
    (folder / "users.json").write_text(json.dumps(USERS), encoding="utf-8")
    (folder / "channels.json").write_text(json.dumps(CHANNELS if channels is None else channels), encoding="utf-8")
    for name, doc in days.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(json.dumps(doc, indent=4), encoding="utf-8")
    return folder


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.mark.parametrize(("doc", "found"), [
    ({"messages": DAY}, 'found an object with a "messages" list'),
    ({"ok": True}, "found an object"),
    ("soup", "found a string"),
    (None, "found null"),
])
def test_a_day_file_that_is_no_list_is_refused_naming_it(doc: Any, found: str, tmp_path: Path) -> None:
    """A day saved as {"messages": [...]} (or as anything but a list) had been skipped:
    a whole day lost, exit 0."""
    folder = export(tmp_path / "slack", {"general/2024-05-02.json": doc, "general/2024-05-03.json": DAY[2:]})
    r = run("import", str(folder), "-o", str(tmp_path / "out"))
    refused(r, "2024-05-02.json: expected a list of messages", found)
    assert not (tmp_path / "out").exists()


def test_an_item_of_a_day_that_is_no_message_is_refused_naming_its_line(tmp_path: Path) -> None:
    folder = export(tmp_path / "slack", {"general/2024-05-02.json": [DAY[0], [DAY[1]], DAY[2]]})
    refused(run("import", str(folder), "-o", str(tmp_path / "out")),
            "2024-05-02.json:10: item 2 of the day is a list, not a message")


@pytest.mark.parametrize(("ts", "fault"), [
    (None, 'has no "ts"'), ("", 'has no "ts"'), ("soon", 'has "ts" "soon", no time stamp'),
    (1714640400.0001, 'has "ts" 1714640400.0001, no time stamp'),
])
def test_a_message_without_its_ts_is_refused_naming_it(ts: Any, fault: str, tmp_path: Path) -> None:
    """A thread's first message without its ts had become a reply to itself, and every
    later message of the channel a reply to it: refused, naming the file, the line and
    the message."""
    first = {k: v for k, v in DAY[0].items() if k != "ts" or ts is not None}
    if ts is not None:
        first["ts"] = ts
    days = {"general/2024-05-02.json": [said("1714640000.000100", "U02BRU", "Morning."), first, *DAY[1:]]}
    folder = export(tmp_path / "slack", days)
    refused(run("import", str(folder), "-o", str(tmp_path / "out")),
            "2024-05-02.json:8: message 2 of the day (U01ANA: “Is our work cooperation or col…”) " + fault)
    zipped = tmp_path / "export.zip"
    with zipfile.ZipFile(zipped, "w") as z:
        for f in sorted(folder.rglob("*.json")):
            z.write(f, str(f.relative_to(folder)))
    refused(run("import", str(zipped), "-o", str(tmp_path / "out")), "export.zip:general/2024-05-02.json:8: message 2")


def test_a_message_without_its_user_id_is_still_its_writers(tmp_path: Path) -> None:
    """"user": null beside the user_profile Slack writes with each message: the same
    person (it had been a second "Bruno Costa", bruno-costa-2)."""
    profile = {"real_name": "Bruno Costa", "display_name": "bruno", "name": "bruno"}
    days = {"general/2024-05-02.json": [DAY[0], {**DAY[1], "user": None, "user_profile": profile}, DAY[2]]}
    ds, _ = read_discussion([export(tmp_path / "slack", days)])
    assert [(c.id, c.name) for c in ds.contributors] == [("ana-lima", "Ana Lima"), ("bruno-costa", "Bruno Costa")]
    assert [m.by for m in ds.messages] == ["ana-lima", "bruno-costa", "bruno-costa"]
    # no user id, and a profile by a name no one else has: that one
    days = {"general/2024-05-02.json": [DAY[0], {**DAY[1], "user": None, "user_profile": {"real_name": "Bruno Costa"}},
                                        DAY[2]]}
    ds, _ = read_discussion([export(tmp_path / "slack2", days)])
    assert [m.by for m in ds.messages] == ["ana-lima", "bruno-costa", "bruno-costa"] and len(ds.contributors) == 2


def test_a_text_that_is_no_string_is_no_words(tmp_path: Path) -> None:
    """"text": 12345 had been read as the words "12345"."""
    days = {"general/2024-05-02.json": [*DAY[:2], said("1714640490.000250", "U01ANA", 12345,
                                                       thread_ts="1714640400.000100"), DAY[2]]}
    ds, summary = read_discussion([export(tmp_path / "slack", days)])
    assert [m.text for m in ds.messages] == [m["text"] for m in DAY] and summary["left_out"]["empty"] == 1


def test_slackbot_is_a_bot_but_its_tombstones_stand_in(tmp_path: Path) -> None:
    """Slackbot ("USLACKBOT") had been a person named USLACKBOT; left out as bots are,
    named "Slackbot" with --include-bots; a deleted message's tombstone, Slackbot's too,
    still stands in for it while it is answered."""
    tomb = said("1714640400.000100", "USLACKBOT", "This message was deleted.", subtype="tombstone",
                thread_ts="1714640400.000100", reply_count=1)
    days = {"general/2024-05-02.json": [tomb, *DAY[1:], said("1714640600.000400", "USLACKBOT", "Reminder: standup.")]}
    folder = export(tmp_path / "slack", days)
    ds, summary = read_discussion([folder])
    assert summary["left_out"]["bots"] == 1 and summary["left_out"]["deleted"] == 1
    assert [(m.text, m.gone) for m in ds.messages] == [("[deleted]", "deleted"), (DAY[1]["text"], ""),
                                                       (DAY[2]["text"], "")]
    assert "USLACKBOT" not in {c.name for c in ds.contributors}
    ds, summary = read_discussion([folder], options=Options(include_bots=True))
    assert "bots" not in summary["left_out"]
    people = {c.id: c.name for c in ds.contributors}
    assert [people[m.by] for m in ds.messages if m.text == "Reminder: standup."] == ["Slackbot"]


def test_a_user_missing_from_users_json_is_said_with_the_rename_that_names_them(tmp_path: Path) -> None:
    """A user id users.json does not hold had been a speaker named U07GHOST without a
    word: still imported, and said, with --rename to name them."""
    days = {"general/2024-05-02.json": [*DAY, said("1714640700.000500", "U07GHOST", "Who reads this?"),
                                        said("1714640760.000600", "U07GHOST", "Anyone?")]}
    folder = export(tmp_path / "slack", days)
    with pytest.warns(ConceptGraphWarning, match=r"slack: 2 messages by 1 user whom users\.json does not name, each "
                                                 r"named by their id \(U07GHOST\): --rename 'U07GHOST=NAME' names one"):
        ds, _ = read_discussion([folder])
    assert len(ds.messages) == 5
    r = run("import", str(folder), "-o", str(tmp_path / "out"), "--rename", "U07GHOST=Gus Host")
    assert r.exit_code == 0 and "Warning: " not in r.stderr, r.stderr  # named: not asked to name them again
    assert "Gus Host" in {c.name for c in load_dataset(tmp_path / "out").contributors}
    r = run("import", str(folder), "-o", str(tmp_path / "out"), "--force")  # said again, however often it is read
    assert r.exit_code == 0 and "--rename 'U07GHOST=NAME'" in r.stderr, r.stderr
    with warnings.catch_warnings():
        warnings.simplefilter("error", ConceptGraphWarning)  # every user named: nothing to say
        ds, _ = read_discussion([export(tmp_path / "named", {"general/2024-05-02.json": DAY})])
    assert len(ds.contributors) == 2


def test_a_reply_whose_thread_is_not_in_the_export_is_counted_as_its_missing_parent(tmp_path: Path) -> None:
    """A reply to a thread started before the export began had stood as a message of the
    channel uncounted, though the summary counts missing parents."""
    orphans = [said("1714640800.000700", "U01ANA", "Back to last week's question: collaboration.",
                    thread_ts="1714000000.000100"),
               said("1714640860.000800", "U02BRU", "Agreed, collaboration.", thread_ts="1714000000.000100")]
    ds, summary = read_discussion([export(tmp_path / "slack", {"general/2024-05-02.json": [*DAY, *orphans]})])
    assert summary["left_out"][MISSING] == 1
    assert [(m.where, m.reply_to) for m in ds.messages[-2:]] == [("message 3", ""), ("message 4", "")]
    r = run("import", str(tmp_path / "slack"), "-o", str(tmp_path / "out"))
    assert r.exit_code == 0 and "1 missing parent (not in the file" in r.stdout, r.stdout
    _, summary = read_discussion([export(tmp_path / "whole", {"general/2024-05-02.json": DAY})])
    assert MISSING not in summary["left_out"]


EMPTY = [*CHANNELS, {"id": "C08EMPTY", "name": "empty-room"}, {"id": "C09NOFILES", "name": "no-files-yet"}]


def test_channels_without_messages_are_counted(tmp_path: Path) -> None:
    """A channel whose folder holds [] and one without a folder had vanished unsaid."""
    folder = export(tmp_path / "slack", {"general/2024-05-02.json": DAY, "empty-room/2024-05-02.json": []}, EMPTY)
    ds, summary = read_discussion([folder])
    assert summary["left_out"]["channels without messages (#empty-room, #no-files-yet)"] == 2
    assert summary["threads"] == 1 and len(ds.messages) == 3
    r = run("import", str(folder), "-o", str(tmp_path / "out"))
    assert r.exit_code == 0 and "2 channels without messages (#empty-room, #no-files-yet)" in r.stdout, r.stdout


def test_thread_given_a_channel_without_messages_says_it_has_none(tmp_path: Path) -> None:
    """--thread empty-room had said "no thread 'empty-room'", as if it did not exist."""
    folder = export(tmp_path / "slack", {"general/2024-05-02.json": DAY, "empty-room/2024-05-02.json": []}, EMPTY)
    r = run("import", str(folder), "-o", str(tmp_path / "out"), "--thread", "empty-room")
    refused(r, "no message with words in it to import", "channels without messages (#empty-room")
    assert "no thread" not in r.stderr


def test_thread_finds_a_channel_by_its_id(tmp_path: Path) -> None:
    """--thread C01GEN (its help says "its id, title or address") had been refused."""
    folder = export(tmp_path / "slack", {"general/2024-05-02.json": DAY, "random/2024-05-02.json": DAY[2:]},
                    [*CHANNELS, {"id": "C02RND", "name": "random"}])
    assert len(read_discussion([folder], thread="C01GEN")[0].messages) == 3
    assert len(read_discussion([folder], thread="general")[0].messages) == 3  # by its name still
    r = run("import", str(folder), "-o", str(tmp_path / "out"), "--thread", "C02RND")
    assert r.exit_code == 0 and "1 thread, 1 message" in r.stdout, r.stderr


def test_private_channels_and_direct_messages_are_read_and_an_unlisted_folder_is_said(tmp_path: Path) -> None:
    """An export with private channels (groups.json) and direct messages (dms.json, their
    folders named by id) reads them as threads of their own, a direct message titled by
    who speaks in it; a folder of days that no list names is read by its folder's name,
    with a warning (all three had been left out without a word)."""
    folder = export(tmp_path / "ws", {"general/2024-05-02.json": DAY, "secret/2024-05-02.json": DAY[:1],
                                      "D01ANABRU/2024-05-02.json": DAY[1:2], "stray/2024-05-02.json": DAY[2:]})
    (folder / "groups.json").write_text(json.dumps([{"id": "G01SEC", "name": "secret"}]), encoding="utf-8")
    (folder / "dms.json").write_text(json.dumps([{"id": "D01ANABRU", "members": ["U01ANA", "U02BRU"]}]),
                                     encoding="utf-8")
    with pytest.warns(ConceptGraphWarning, match=r"1 folder of days that no channel list names \(stray\)"):
        ds, summary = read_discussion([folder])
    assert summary["threads"] == 4
    titles = {m.where.split(" › ")[0] for m in ds.messages}
    assert titles == {"“#general”", "“#secret”", "“direct messages (Ana Lima, Bruno Costa)”", "“#stray”"}
    (folder / "dms.json").write_text('{"id": "D01ANABRU"}', encoding="utf-8")
    refused(run("import", str(folder), "-o", str(tmp_path / "out")), "dms.json", "expected a list of conversations")


def test_a_long_message_signed_with_its_writer_s_name_loses_the_sign_off(tmp_path: Path) -> None:
    """A Slack message that ends on its writer's name alone ("...\\nComments?\\nAna") keeps
    its words but not the sign-off, as a mail's is left out (a trial's "Ruth" stayed as her
    words); the summary counts it. A message that is only a name, or names someone else,
    keeps it."""
    day = [said("1714640400.000100", "U01ANA", "Proposal:\n- strike: a stoppage of work\nComments?\nAna"),
           said("1714640460.000200", "U02BRU", "Ana"),
           said("1714640520.000300", "U02BRU", "Who wrote the glossary?\nAna")]
    ds, summary = read_discussion([export(tmp_path / "x", {"general/2024-05-02.json": day})])
    assert [m.text for m in ds.messages] == ["Proposal:\n- strike: a stoppage of work\nComments?", "Ana",
                                             "Who wrote the glossary?\nAna"]
    assert summary["left_out"]["sign-offs"] == 1
