"""Hostile and damaged imports: the inputs that used to hang import (each now read with
output proportional to its input and places that stay short; their times are in
bench/hostile.py), and the files that used to end in a traceback (now one line naming the
file, exit 1, nothing written)."""

from __future__ import annotations

import json
import shutil
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from conceptgraph.cli import cli
from conceptgraph.discussions import read_discussion
from conceptgraph.discussions.thread import unique_id

from conftest import ROOT

FIX = ROOT / "tests" / "fixtures" / "discussions"
sys.path.insert(0, str(ROOT / "bench"))
import hostile  # noqa: E402  (the generators the benchmark times)


@pytest.mark.parametrize("name", sorted(hostile.CASES))
def test_each_input_that_hung_imports_in_proportion(name: str, tmp_path: Path) -> None:
    """Each once-hanging input, at a size that took minutes, imports: what is written
    is at most a few times the input, and no place or id is longer than 80 characters."""
    path = hostile.write(name, tmp_path, scale=hostile.TEST_SCALE.get(name, 1.0))
    out = tmp_path / "out"
    r = CliRunner().invoke(cli, ["import", str(path), "-o", str(out)])
    assert r.exit_code == 0, r.stderr
    size = hostile.size(path)
    written = (out / "discussion.yaml").stat().st_size
    assert written < 10 * size + 10_000, (written, size)
    ds, _ = read_discussion([path])
    assert ds.messages and max(len(m.where) for m in ds.messages) <= 80
    assert max(len(m.id) for m in ds.messages) <= 80


def test_a_chain_of_replies_names_each_place_by_its_comment(tmp_path: Path) -> None:
    ds, _ = read_discussion([hostile.write("reddit_chain", tmp_path, scale=0.01)])
    assert [m.where for m in ds.messages[:4]] == ["post", "comment 1", "reply 1 to comment 1", "reply 2 to comment 1"]
    assert [m.reply_to for m in ds.messages[1:4]] == ["post", "comment-1", "reply-1-to-comment-1"]


def test_many_people_named_bob_are_as_many_people(tmp_path: Path) -> None:
    ds, _ = read_discussion([hostile.write("bobs", tmp_path, scale=0.25)])
    assert len(ds.contributors) == 5_000 and len({c.id for c in ds.contributors}) == 5_000  # one address each
    assert [c.id for c in ds.contributors[:3]] == ["bob", "bob-2", "bob-3"]


def test_unique_id_keeps_counting_where_it_stopped() -> None:
    taken: set[str] = {"bob-3"}
    counters: dict[str, int] = {}
    assert [unique_id("bob", taken, counters) for _ in range(4)] == ["bob", "bob-2", "bob-4", "bob-5"]
    assert counters == {"bob": 5}
    assert unique_id("bob", {"bob"}) == "bob-2"  # without counters, as before


def _zip(path: Path, entries: dict[str, bytes], **kw) -> Path:
    with zipfile.ZipFile(path, "w", **kw) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return path


def _slack_entries(ts: object = "1700000000.1") -> dict[str, bytes]:
    return {"users.json": b'[{"id": "U1", "name": "ana"}]', "channels.json": b'[{"id": "C1", "name": "general"}]',
            "general/2024-01-01.json": json.dumps([{"user": "U1", "text": "Soup?", "ts": ts}]).encode()}


def _damaged_zips(tmp: Path) -> dict[str, Path]:
    good = _zip(tmp / "good.zip", _slack_entries(), compression=zipfile.ZIP_DEFLATED).read_bytes()
    out = {}
    out["truncated"] = tmp / "truncated.zip"
    out["truncated"].write_bytes(good[: len(good) // 2])
    out["damaged"] = tmp / "damaged.zip"
    out["damaged"].write_bytes(good[:40] + b"\x00" * 60 + good[100:])
    crc = bytearray(good)
    at = crc.index(b"PK\x01\x02", 0)  # the central directory's first entry: its CRC at +16
    crc[at + 16:at + 20] = b"\xde\xad\xbe\xef"
    local = crc.index(b"PK\x03\x04")
    crc[local + 14:local + 18] = b"\xde\xad\xbe\xef"
    out["bad-crc"] = tmp / "bad-crc.zip"
    out["bad-crc"].write_bytes(bytes(crc))
    flagged = bytearray(good)  # the general-purpose flag's bit 0: encrypted
    for sig, off in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        i = flagged.find(sig)
        while i >= 0:
            flagged[i + off] |= 1
            i = flagged.find(sig, i + 4)
    out["encrypted"] = tmp / "encrypted.zip"
    out["encrypted"].write_bytes(bytes(flagged))
    method = bytearray(good)  # compression method 99 (AES), which zipfile cannot read
    for sig, off in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        i = method.find(sig)
        while i >= 0:
            method[i + off:i + off + 2] = (99).to_bytes(2, "little")
            i = method.find(sig, i + 4)
    out["unknown-method"] = tmp / "unknown-method.zip"
    out["unknown-method"].write_bytes(bytes(method))
    return out


def _bad_inputs(tmp: Path) -> list[tuple[str, Path, str]]:
    def w(name: str, data: str | bytes) -> Path:
        p = tmp / name
        if isinstance(data, str):
            data = data.encode()
        p.write_bytes(data)
        return p

    topic = {"post_stream": {"posts": [{"post_number": 1, "username": "a", "cooked": "<p>Hi</p>"}]}}
    listing = [{"kind": "Listing", "data": {"children": [{"kind": "t3", "data": {"name": "t3_x", "title": "T",
                                                                                 "author": "op", "selftext": "q"}}]}},
               {"kind": "Listing", "data": {"children": [{"kind": "t1", "data": {"name": "t1_a", "author": "a",
                                                                                 "body": "hi", "parent_id": "t3_x"}}]}}]

    def reddit_more(more: dict) -> str:
        doc = json.loads(json.dumps(listing))
        doc[1]["data"]["children"].append({"kind": "more", "data": more})
        return json.dumps(doc)

    mm_version = '{"type":"version","version":1}'
    mm_post = json.dumps({"type": "post", "post": {"team": "t", "channel": "c", "user": "ann", "message": "Soup?",
                                                   "create_at": 1}})
    mm_wrong = [json.dumps(line) for line in (
        {"type": "post", "post": {"team": 5, "channel": ["x"], "user": {"a": 1}, "message": 5, "create_at": "soon",
                                  "replies": "none", "props": "x", "type": 7}},
        {"type": "post", "post": {"team": "t", "channel": "c", "user": "ann", "message": "Soup or salad?",
                                  "create_at": 10 ** 400, "delete_at": "x", "props": {"from_webhook": ["true"]},
                                  "replies": [1, None, {"user": 3, "message": ["a"]},
                                              {"user": "bo", "message": "Soup.", "create_at": 1e308}]}},
        {"type": "direct_post", "direct_post": {"channel_members": "ann", "user": None, "message": "Hi",
                                                "replies": {"a": 1}}},
        {"type": "user", "user": {"username": ["x"], "first_name": 5}}, {"type": "post", "post": "text"},
        {"type": ["post"]}, {})]
    mm_api_wrong = {"order": [], "users": "x", "posts": {
        "a": {"id": "a", "create_at": "x", "root_id": 5, "channel_id": None, "user_id": 3, "message": "Soup?",
              "delete_at": 10 ** 400, "props": [], "type": None},
        "b": [1],
        "c": {"id": "c", "root_id": "a", "message": "Soup.", "user_id": "u", "channel_id": "k", "create_at": 10 ** 400,
              "type": "system_"},
        "d": {"id": "d", "root_id": "d", "message": "Me."}}}
    teams_context = "https://graph.microsoft.com/v1.0/$metadata#chats('19%3Aa%40thread.v2')/messages"
    teams_wrong = {"@odata.context": teams_context, "value": [
        {"id": 5, "messageType": "message", "createdDateTime": "2024-13-45T99:99:99Z", "from": None,
         "body": "<p>Soup?</p>", "replyToId": ["x"], "attachments": {"id": "x"}, "mentions": "Ann",
         "replies": "none", "deletedDateTime": None},
        {"id": "b", "messageType": 7, "createdDateTime": 10 ** 400, "from": {"user": "Bo", "application": "x"},
         "body": {"contentType": ["html"], "content": '<emoji alt="🙂"<img itemtype="schema.skype.com/Emoji">'
                                                      '<blockquote itemtype="schema.skype.com/Reply" itemid="b">Hi'},
         "attachments": [None, {"contentType": "messageReference", "id": 3}, {"contentType": "messageReference",
                                                                           "id": "b"}],
         "replies": [1, None, {"id": "c", "replyToId": "c", "body": {"content": ["a"]}, "createdDateTime": "soon"},
                     {"id": "d", "body": {"contentType": "text", "content": "Soup."},
                      "createdDateTime": "/Date(999999999999999)/", "from": {"user": {"id": 1, "displayName": 2}}}]},
        {"id": "e", "createdDateTime": "2024-06-10T06:00:00+99:00", "eventDetail": [], "chatId": 5,
         "channelIdentity": "x", "from": {"application": None, "user": {"displayName": "Ann"}},
         "body": {"content": "x" * 10 + "<emoji " * 2000}},
        "text", None, []]}
    canvas_wrong = {"unread_entries": "x", "forced_entries": [], "participants": [
        None, "Ann", {"id": [1], "display_name": "Ann"}, {"id": 7, "display_name": 5}, {"id": 10 ** 40, "display_name": "X"},
        {"id": True, "display_name": "Bo"}], "new_entries": {"id": 3}, "view": [
        {"id": 1, "user_id": 7, "parent_id": 1, "created_at": "2024-13-45T99:99:99Z", "message": ["<p>Hi</p>"],
         "replies": "none", "deleted": "yes"},
        {"id": "2", "user_id": {"id": 7}, "parent_id": [1], "created_at": 10 ** 400,
         "message": "<p>Soup?" + "<blockquote>" * 2000, "user_name": 7, "user": "Ann",
         "replies": [None, 1, {"id": 2, "parent_id": "2", "message": "<p>Me.</p>", "created_at": "soon"},
                     {"id": 4.5, "user_id": 7, "message": "<p>Soup.</p>", "parent_id": "404",
                      "recent_replies": [{"message": "Yes", "created_at": "2024-01-01T00:00:00+99:00"}]}]},
        {"id": None, "deleted": True, "replies": [{"id": None, "deleted": True}]}, "text", None, []]}
    canvas_topic = {"id": [1], "title": ["Week 3"], "discussion_type": 5, "message": {"html": "x"},
                    "author": "Ann", "user_name": None, "html_url": "javascript:alert(1)", "posted_at": 10 ** 400}
    moodle_wrong = [[
        {"id": [1], "discussion": None, "parent": {"id": 0}, "userid": True, "userfullname": 5, "created": "soon",
         "subject": None, "message": ["<p>x</p>"], "messageformat": "html", "deleted": None, "privatereplyto": None},
        {"id": "2", "discussion": 7, "parent": "0", "userid": "9", "userfullname": "Ann", "created": 10 ** 400,
         "subject": "Re: " * 2000 + "x", "message": "<p>Soup?" + "<blockquote>" * 2000, "messageformat": 1.5,
         "deleted": "0", "privatereplyto": "0", "discussionname": ["x"]},
        {"id": 3, "discussion": 7, "parent": 3, "userfullname": "Bo", "created": -10 ** 20, "message": "Me.",
         "messageformat": 10 ** 400, "deleted": 0, "privatereplyto": 0},
        {"id": 4, "discussion": 7, "parent": 404, "userfullname": "Cy", "created": "Monday, 99 June 2024",
         "message": "Re " + " " * 50_000 + "x", "subject": "re" + " " * 50_000 + "x", "messageformat": 0},
        "text", None, [None, 5]]]
    moodle_service_wrong = {"posts": [
        {"id": 1, "author": "Ann", "discussionid": {}, "hasparent": "no", "parentid": [1], "timecreated": "x",
         "message": {"html": "x"}, "messageformat": None, "isdeleted": "no", "isprivatereply": None},
        {"id": 2, "author": {"id": [2], "fullname": 7}, "discussionid": 5, "hasparent": True, "parentid": 1,
         "timecreated": 10 ** 400, "message": "<p>Soup.</p>", "subject": 5, "isdeleted": False},
        5, None, "x"], "forumid": "x", "warnings": "none"}
    moodle_head = "id,discussion,parent,userid,userfullname,created,subject,message,messageformat,deleted,privatereplyto\n"
    nested = "From: a@b.c\nMessage-ID: <x@y>\nSubject: s\n" + "".join(
        f'Content-Type: multipart/mixed; boundary="b{i}"\n\n--b{i}\n' for i in range(3000)) + "\nhello\n"
    wxr = ('<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.2/" '
           'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
           '<channel><item><title>T</title><dc:creator>a</dc:creator><content:encoded>Hi</content:encoded>'
           '<wp:post_type>post</wp:post_type><wp:status>publish</wp:status>'
           + "".join(f"<wp:comment><wp:comment_id>{cid}</wp:comment_id><wp:comment_author>b</wp:comment_author>"
                     "<wp:comment_content>Yes</wp:comment_content><wp:comment_approved>1</wp:comment_approved>"
                     "<wp:comment_date_gmt>2024-01-01</wp:comment_date_gmt></wp:comment>" for cid in ("7", "x7", "²"))
           + "</item></channel></rss>")
    cases: list[tuple[str, Path, str]] = [
        ("discourse created_by not an object", w("t1.json", json.dumps({**topic, "details": {"created_by": "ana"}})), ""),
        ("discourse details not an object", w("t2.json", json.dumps({**topic, "details": [1, 2]})), ""),
        ("discourse mixed post_number", w("t3.json", json.dumps({"post_stream": {"posts": [
            {"post_number": 2, "cooked": "a"}, {"post_number": "1", "cooked": "b"}]}})), "post_number"),
        ("reddit more.count abc", w("r1.json", reddit_more({"count": "abc", "children": ["x"]})), ""),
        ("reddit more.count 1e400", w("r2.json", reddit_more({"count": 1e400}).replace("Infinity", "1e400")), ""),
        ("reddit more.count NaN", w("r3.json", reddit_more({"count": float("nan")})), ""),
        ("reddit children not a list", w("r4.json", reddit_more({"children": 5})), ""),
        ("reddit submission not an object", w("r5.json", json.dumps([
            {"kind": "Listing", "data": {"children": [{"kind": "t3", "data": "oops"}]}}, listing[1]])),
         "no submission"),
        ("mail charset idna", w("m1.eml", "From: a@b.c\nMessage-ID: <1@x>\nContent-Type: text/plain; charset=idna\n\n"
                                          "caf\xe9".encode("latin-1").decode("latin-1")), ""),
        ("mail charset undefined", w("m2.eml", b"From: a@b.c\nMessage-ID: <1@x>\nContent-Type: text/plain; "
                                               b"charset=undefined\n\ncaf\xe9\n"), ""),
        ("mail charset punycode", w("m3.eml", b"From: =?punycode?q?caf\xe9?= <a@b.c>\nMessage-ID: <1@x>\n"
                                              b"Content-Type: text/plain; charset=punycode\n\ncaf\xe9\n"), ""),
        ("mail charset not ascii", w("m5.eml", b"From: =?\xc3\xa9utf-8?q?Bruno_Co=C3=A7o?= <a@b.c>\nMessage-ID: <1@x>\n"
                                              b"Content-Type: text/plain; charset=utf-8\n\nhello\n"), ""),
        ("mail 3,000 nested multipart levels", w("m4.eml", nested), "nested too deeply"),
        ("wordpress comment_id not a number", w("w.xml", wxr), ""),
        ("zulip timestamp too big for a float", w("z1.json", json.dumps({"messages": [
            {"id": 1, "sender_full_name": "A", "display_recipient": "s", "subject": "t", "content": "hello there",
             "timestamp": int("1" + "0" * 400)}, {"id": 2.5, "sender_full_name": "B", "display_recipient": "s",
                                                   "subject": "t", "content": ["not", "text"], "timestamp": "soon"}]})), ""),
        ("hackernews created_at_i too big for a float", w("h1.json", (FIX / "hackernews-search.json").read_text(
            encoding="utf-8").replace('"created_at_i": ', '"created_at_i": 9' + "9" * 400 + ', "was": ')), ""),
        ("slack ts not a number (zip)", _zip(tmp / "s.zip", _slack_entries(ts="soon")), "no time stamp"),
        ("mattermost values of the wrong type", w("mm1.jsonl", "\n".join([mm_version, *mm_wrong])), ""),
        ("mattermost API values of the wrong type", w("mm2.json", json.dumps(mm_api_wrong)), ""),
        ("mattermost export line cut short", w("mm3.jsonl", f"{mm_version}\n{mm_post[:50]}\n{mm_post}"),
         "mm3.jsonl:2: JSON syntax error"),
        ("mattermost export line not an object", w("mm4.jsonl", f'{mm_version}\n{mm_post}\n"soup"\n'),
         "mm4.jsonl:3: expected a JSON object"),
        ("mattermost export line nested too deeply", w("mm5.jsonl", f"{mm_version}\n{'[' * 100_000}{']' * 100_000}"),
         "nested too deeply"),
        ("mattermost create_at of 5,000 digits", w("mm6.jsonl", f"{mm_version}\n" + mm_post.replace(
            '"create_at": 1', '"create_at": 1' + "0" * 5000)), "mm6.jsonl:2: JSON value refused"),
        ("mattermost API posts not an object", w("mm7.json", '{"order": [], "posts": 5}'), "posts API answer"),
        ("teams values of the wrong type", w("te1.json", json.dumps(teams_wrong)), ""),
        ("teams value not a list", w("te2.json", json.dumps({"@odata.context": teams_context, "value": 5})),
         "expected Microsoft Graph's chat or channel messages"),
        ("teams no message to read", w("te3.json", json.dumps({"@odata.context": teams_context, "value": [
            {"id": "1", "messageType": "systemEventMessage", "from": None, "body": {"content": "<systemEventMessage/>"}},
            {"id": "2", "messageType": "message", "deletedDateTime": "2024-06-10T06:00:00Z"}]})),
         "no message with words in it"),
        ("teams nested too deeply", w("te4.json", '{"@odata.context": "' + teams_context + '", "value": '
                                      + "[" * 100_000 + "]" * 100_000 + "}"), "nested too deeply"),
        ("teams a page cut short", w("te5.json", json.dumps({"@odata.context": teams_context, "value": []}) * 2
                                     + '{"value": [{"id": "1", "body": '), "te5.json:1: JSON syntax error"),
        ("canvas values of the wrong type", w("cv1.json", json.dumps(canvas_wrong)), ""),
        ("canvas topic of the wrong types beside its view", w("cv2.json", json.dumps(canvas_topic)
                                                             + json.dumps(canvas_wrong)), ""),
        ("canvas view not a list", w("cv3.json", json.dumps({"unread_entries": [], "view": 5, "participants": 5})),
         "no entry in this Canvas discussion"),
        ("canvas replies nested too deeply", w("cv4.json", '{"unread_entries": [], "view": '
                                               + '[{"replies": ' * 50_000 + "[]" + "}]" * 50_000 + "}"),
         "nested too deeply"),
        ("canvas only deleted entries", w("cv5.json", json.dumps({"forced_entries": [], "view": [
            {"id": 1, "deleted": True, "replies": [{"id": 2, "parent_id": 1, "deleted": True}]}]})),
         "no message with words in it"),
        ("canvas a page of entries cut short", w("cv6.json", '[{"id": 1, "parent_id": null, "created_at": "x", '
                                                 '"user_name": "Ann", "message": "<p>Hi'), "cv6.json:1: JSON syntax error"),
        ("moodle export values of the wrong type", w("mo1.json", json.dumps(moodle_wrong)), ""),
        ("moodle web service values of the wrong type", w("mo2.json", json.dumps(moodle_service_wrong)), ""),
        ("moodle csv row a field short", w("mo3.csv", moodle_head + '1,5,0,9,Ann,1718000000,Hi,"<p>a\n\nb</p>",1,0,0\n'
                                          "2,5,1,9,Bo,1718000000,Re: Hi,No\n"), "mo3.csv:5: a row of 8 fields"),
        ("moodle csv quote never closed", w("mo4.csv", moodle_head + '1,5,0,9,Ann,1,Hi,"<p>a' + "\n" * 3),
         "mo4.csv:2: a row that is no CSV record"),
        ("moodle csv not utf-8", w("mo5.csv", moodle_head.encode() + b"1,5,0,9,Ren\xe9,1,Hi,Hi,2,0,0\n"),
         "mo5.csv:2: not valid UTF-8"),
        ("moodle csv a message of 200,000 characters", w("mo6.csv", moodle_head + "1,5,0,9,Ann,1,Hi," + "a " * 100_000
                                                         + ",2,0,0\n"), ""),
        ("moodle nested too deeply", w("mo7.json", '[[{"id": 1, "discussion": 1, "parent": 0, "userfullname": "A", '
                                       '"message": ' + "[" * 100_000 + "]" * 100_000 + "}]]"), "nested too deeply"),
        ("moodle created of 5,000 digits", w("mo8.json", '[[{"id": 1, "discussion": 1, "parent": 0, "userfullname": '
                                             '"A", "message": "Hi", "created": 1' + "0" * 5000 + "}]]"),
         "mo8.json: JSON value refused"),
        ("moodle only private and deleted posts", w("mo9.json", json.dumps([[
            {"id": 1, "discussion": 1, "parent": 0, "userfullname": "A", "message": "Hi", "privatereplyto": 4},
            {"id": 2, "discussion": 1, "parent": 0, "userfullname": "B", "message": "", "deleted": 1}]])),
         "no message with words in it"),
    ]
    folder = tmp / "slack-folder"
    for name, data in _slack_entries(ts=[1]).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    cases.append(("slack ts not a number (folder)", folder, "no time stamp"))
    cases += [(f"{kind} zip", path, "zip") for kind, path in _damaged_zips(tmp).items()]
    return cases


def test_every_damaged_input_is_one_line_or_read(tmp_path: Path) -> None:
    """Each input that gave a traceback: either read (a value of the wrong type is
    ignored) or refused in one line naming the file, exit 1, nothing written."""
    for what, path, words in _bad_inputs(tmp_path):
        out = tmp_path / "out"
        r = CliRunner().invoke(cli, ["import", str(path), "-o", str(out)])
        assert r.exception is None or isinstance(r.exception, SystemExit), (what, r.exception)
        if words:
            assert r.exit_code == 1 and r.stderr.count("\n") == 1 and path.name in r.stderr and words in r.stderr, \
                (what, r.stderr)
            assert not out.exists()
        else:
            assert r.exit_code == 0, (what, r.stderr)
            shutil.rmtree(out)


def _with_lone_surrogates(doc: object) -> object:
    """``doc`` with half a character (as JSON escapes it when an emoji is cut in two) at
    the end of every string of more than one word."""
    if isinstance(doc, dict):
        return {k: _with_lone_surrogates(v) for k, v in doc.items()}
    if isinstance(doc, list):
        return [_with_lone_surrogates(v) for v in doc]
    return doc + " \ud83d" if isinstance(doc, str) and " " in doc.strip() else doc


# (a Canvas topic alone is no discussion: its entries come in its view, canvas-view.json)
@pytest.mark.parametrize("name", sorted(p.name for p in FIX.glob("*.json") if p.name != "canvas-topic.json"))
def test_half_a_character_in_an_export_is_replaced_and_counted(name: str, tmp_path: Path) -> None:
    """A lone surrogate in a JSON export's words ends in no traceback: each is written as
    U+FFFD and the summary counts them (it had failed at the write, Slack and GitHub alike)."""
    path = tmp_path / name
    path.write_text(json.dumps(_with_lone_surrogates(json.loads((FIX / name).read_text("utf-8")))), "utf-8")
    r = CliRunner().invoke(cli, ["import", str(path), "-o", str(tmp_path / "out")])
    assert r.exit_code == 0, (r.stderr, r.exception)
    written = (tmp_path / "out" / "discussion.yaml").read_text("utf-8")
    assert "\ufffd" in written and "lone surrogate" in r.output
