"""The review server: only the page it gave out may use it, it answers bad requests with
a status and goes on, it stops cleanly, and a kill -9 never leaves decisions.yaml broken."""

from __future__ import annotations

import http.client
import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from review_helpers import decisions, keys, run, serving

from conceptgraph.decisions import Decisions
from conceptgraph.review import Review
from conceptgraph.server import ReviewServer


def call(s: ReviewServer, method: str, path: str, body: Any = None, token: str | None = "", headers: dict | None = None,
         raw: bytes | None = None) -> tuple[int, Any]:
    conn = http.client.HTTPConnection("127.0.0.1", s.port, timeout=30)
    h = {"Host": f"127.0.0.1:{s.port}", **(headers or {})}
    if token is not None:
        h["X-Review-Token"] = token or s.token
    data = raw if raw is not None else json.dumps(body).encode() if body is not None else None
    if data is not None:
        h.setdefault("Content-Type", "application/json")
    conn.request(method, path, body=data, headers=h)
    r = conn.getresponse()
    payload = r.read()
    conn.close()
    try:
        return r.status, json.loads(payload)
    except ValueError:
        return r.status, payload


def test_a_folder_it_cannot_write_is_said_at_once_not_at_the_first_key(drafted: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A read-only folder (a read-only mount, a full disk): the review would fail at its
    first save; it says so before it serves the page, in one line, exit 6."""
    import errno

    real = os.open

    def read_only(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & os.O_CREAT and Path(os.fsdecode(path)).parent == drafted.resolve():
            raise OSError(errno.EROFS, "Read-only file system")
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", read_only)
    r = run("review", str(drafted), "--no-open")
    assert r.exit_code == 6, r.stdout + r.stderr
    assert r.stderr.strip() == f"Error: {drafted}: cannot write: Read-only file system" and "http" not in r.stdout
    monkeypatch.setattr(os, "open", real)
    assert not [p for p in drafted.iterdir() if p.name.startswith(".conceptgraph-check")]


def test_only_the_page_it_gave_out_may_use_it(server: ReviewServer) -> None:
    first = Review(server.review.path).ordered()[0].rid
    decide = {"ids": [first], "decision": "accepted", "base": 0}
    assert call(server, "GET", "/", token=None)[0] == 403                        # no token
    status, page = call(server, "GET", "/?token=" + "x" * len(server.token), token=None)
    # a page reloaded after another start of the server: a page that says what to open, not JSON
    assert status == 403 and b"Open the address the command printed last" in page and server.token.encode() not in page
    status, page = call(server, "GET", "/?token=" + server.token, token=None)
    assert status == 200 and b"conceptgraphReview" in page
    assert call(server, "GET", "/api/state", token="wrong")[0] == 403
    assert call(server, "GET", "/api/state", headers={"Host": "evil.example:80"})[0] == 403   # DNS rebinding
    for other in ({"Origin": "http://evil.example"}, {"Origin": "null"}, {"Sec-Fetch-Site": "cross-site"}):
        assert call(server, "POST", "/api/decide", decide, headers=other)[0] == 403  # a write from another origin
    assert call(server, "POST", "/api/decide", raw=json.dumps(decide).encode(),
                headers={"Content-Type": "text/plain"})[0] == 415                # what a form could send
    assert decisions_count(server) == 0
    status, answer = call(server, "POST", "/api/decide", decide, headers={"Origin": f"http://127.0.0.1:{server.port}"})
    assert status == 200 and answer["revision"] == 1 and decisions_count(server) == 1


def decisions_count(s: ReviewServer) -> int:
    path = s.review.path / "decisions.yaml"
    return len(decisions(s.review.path)) if path.exists() else 0


def test_bad_requests_get_a_status_and_the_server_goes_on(server: ReviewServer) -> None:
    assert call(server, "POST", "/api/decide", raw=b"{nonsense")[0] == 400
    assert call(server, "POST", "/api/decide", raw=b"[1, 2]")[0] == 400
    assert call(server, "POST", "/api/decide", {"ids": "all", "decision": "accepted"})[0] == 400
    assert call(server, "POST", "/api/decide", {"ids": ["c-0"], "decision": "accepted"})[0] == 400
    assert call(server, "POST", "/api/decide", {"ids": [], "decision": "maybe"})[0] == 400
    assert call(server, "POST", "/api/undo", {})[0] == 400                       # nothing to undo
    assert call(server, "POST", "/api/bulk", {"filter": {}, "decision": "accepted"})[0] == 400
    assert call(server, "POST", "/api/add", {"kind": "claim", "fields": "x"})[0] == 400
    status, answer = call(server, "POST", "/api/add", {"kind": "claim", "fields": {"message": "comment-3", "quote": "nowhere"}})
    assert status == 400 and "needs term=" in answer["error"]
    # too big: refused on its Content-Length, before a byte of it is read
    assert call(server, "POST", "/api/decide", raw=b"{}", headers={"Content-Length": str(2 << 20)})[0] == 413
    assert call(server, "GET", "/nowhere")[0] == 404
    assert call(server, "PUT", "/api/decide", {})[0] == 405
    status, state = call(server, "GET", "/api/state")
    assert status == 200 and state["counts"]["reviewed"] == 0
    assert call(server, "POST", "/api/decide", {"ids": [state["queue"][0]], "decision": "rejected", "base": 7})[0] == 409


def test_an_added_item_is_on_the_page_served_next(server: ReviewServer, drafted: Path) -> None:
    """The page's graph is made again with the added item (and without it once undone), so
    that a reload draws it; the state counts it."""
    before = server.page
    status, answer = call(server, "POST", "/api/add", {"kind": "claim", "base": 0, "fields": {
        "message": "response-2", "quote": "collaboration which is a bit deeper", "term": "collaboration",
        "attribute": "a bit deeper than the rest"}})
    assert status == 200 and answer["added"] == "collaboration: a bit deeper than the rest", answer
    assert b"a bit deeper than the rest" in server.page and b"a bit deeper than the rest" not in before
    assert answer["id"] in {it["id"] for it in call(server, "GET", "/api/state")[1]["items"]}
    status, answer = call(server, "POST", "/api/undo", {"base": answer["revision"]})
    assert status == 200 and answer["gone"]
    assert b"a bit deeper than the rest" not in server.page


def test_concurrent_tabs_one_decision_at_a_time(server: ReviewServer) -> None:
    state = call(server, "GET", "/api/state")[1]
    queue = state["queue"][:40]
    results: list[int] = []

    def tab(ids: list[str]) -> None:
        for rid in ids:
            results.append(call(server, "POST", "/api/decide", {"ids": [rid], "decision": "accepted"})[0])
            call(server, "GET", "/api/state")

    threads = [threading.Thread(target=tab, args=(queue[i::4],)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results.count(200) + results.count(400) == 40  # 400: already accepted with a claim that uses it
    assert len({d["action"] for d in decisions(server.review.path)}) == results.count(200)


def test_the_page_counts_what_a_rejection_takes_along_apart(server: ReviewServer) -> None:
    review = server.review
    term = max((it for it in review.items if it.kind == "term"),
               key=lambda t: sum(it.kind == "claim" and it.record.term == t.record.id for it in review.items))
    total = call(server, "GET", "/api/state")[1]["counts"]["total"]
    status, done = call(server, "POST", "/api/decide", {"ids": [term.rid], "decision": "rejected"})
    c = done["counts"]
    assert status == 200 and c["removed"] > 0 and c["reviewed"] == c["rejected"] == 1
    assert c["total"] == c["reviewed"] + c["left"] and c["total"] <= total


def test_preview_and_a_bulk_decision_undone_at_once(server: ReviewServer) -> None:
    flt = {"kind": "claim", "term": "collaboration"}
    status, preview = call(server, "POST", "/api/preview", {"filter": flt})
    assert status == 200 and preview["count"] > 5
    status, done = call(server, "POST", "/api/bulk", {"filter": flt, "decision": "accepted", "base": 0})
    assert status == 200 and {d["action"] for d in decisions(server.review.path)} == {1}
    assert len(decisions(server.review.path)) == preview["count"]
    status, undone = call(server, "POST", "/api/undo", {"base": done["revision"]})
    assert status == 200 and undone["counts"]["reviewed"] == 0 and decisions(server.review.path) == []
    assert set(undone["changed"]) >= set(preview["ids"])
    # confidence bounds split the queue: under a value and at least it, nothing in both
    counts = [call(server, "POST", "/api/preview", {"filter": {bound: 0.5}})[1]["count"] for bound in ("below", "above")]
    assert min(counts) > 0 and sum(counts) <= undone["counts"]["total"]
    assert call(server, "POST", "/api/preview", {"filter": {"below": "low"}})[0] == 400
    # 25 for 0.25 would match everything (under) or nothing (at least), and two bounds that
    # no confidence meets, nothing: refused, with what to give (as --accept-above refuses 1.5)
    status, said = call(server, "POST", "/api/preview", {"filter": {"below": 25}})
    assert status == 400 and "'below' is a number from 0 to 1 (0.25, not 25)" in said["error"], said
    status, said = call(server, "POST", "/api/preview", {"filter": {"above": 0.9, "below": 0.5}})
    assert status == 400 and "no confidence is at least 0.9 and under 0.5" in said["error"], said
    # a speaker's attributes are those they first said, as the card and --list show them
    review = server.review
    first = next(it for it in review.items if it.kind == "attribute" and it.record.id in review.first_said)
    who = review.names[review.first_said[first.record.id][1].by]
    status, found = call(server, "POST", "/api/preview", {"filter": {"speaker": who, "kind": "attribute"}})
    assert status == 200 and first.rid in found["ids"], (who, found)


def test_a_decision_is_answered_once_saved_and_the_order_it_teaches_apart(server: ReviewServer) -> None:
    review = server.review
    status, state = call(server, "GET", "/api/state")
    assert status == 200 and state["warning"] == ""
    assert call(server, "GET", "/api/state")[1] == state  # the same revision: the same answer
    first = state["queue"][0]
    status, done = call(server, "POST", "/api/decide", {"ids": [first], "decision": "rejected", "base": 0})
    assert status == 200 and "next" not in done and done["changed"][first] == "rejected"
    assert [d["decision"] for d in decisions(review.path)] == ["rejected"]  # on disk before the answer
    again = call(server, "GET", "/api/state")[1]
    assert again["revision"] == done["revision"] and first not in again["queue"]
    assert next(it for it in again["items"] if it["id"] == first)["status"] == "rejected"
    status, upcoming = call(server, "GET", "/api/next?order=confidence")
    assert status == 200 and upcoming["revision"] == done["revision"]
    assert upcoming["next"] == [it.rid for it in review.ordered("confidence", first=50)]
    assert first not in upcoming["next"]
    assert call(server, "GET", "/api/next?order=term")[1]["next"] == [it.rid for it in review.ordered("term")[:50]]
    assert call(server, "GET", "/api/next", token="wrong")[0] == 403


def test_a_merge_or_a_reload_draws_the_page_from_the_files_as_they_are(server: ReviewServer) -> None:
    """Two terms made one (a rename to another's label) draw the page again, and so does
    its undo; a reload after any decision serves the page as the files now hold it (a
    rejected term is no longer found by the page's search)."""
    review = server.review
    term = next(it for it in review.items if it.kind == "term" and it.fields["term"] != "collaboration"
                and any(c.kind == "claim" and c.record.term == it.record.id for c in review.items))
    status, done = call(server, "POST", "/api/decide", {"ids": [term.rid], "decision": "edited",
                                                        "edit": {"label": "collaboration"}, "base": 0})
    assert status == 200 and done["merged"] == "collaboration", done
    assert server.page_revision == done["revision"]
    status, undone = call(server, "POST", "/api/undo", {"base": done["revision"]})
    assert status == 200 and undone["unmerged"] is True and server.page_revision == undone["revision"]
    # a rename to a name no one has is drawn by the page itself: no new page
    status, renamed = call(server, "POST", "/api/decide", {"ids": [term.rid], "decision": "edited",
                                                           "edit": {"label": "a name nobody had"}})
    assert status == 200 and "merged" not in renamed and server.page_revision != renamed["revision"]
    before = server.page
    assert call(server, "GET", "/")[0] == 200
    assert server.page_revision == renamed["revision"] and server.page != before
    assert b"a name nobody had" in server.page


def test_what_a_terminal_decided_meanwhile_is_served_at_once(server: ReviewServer, drafted: Path) -> None:
    """`review --accept` / `--undo` / `--add` in a terminal while the page is open: the
    next request sees them (not the tally the server last wrote), the page's stale key is
    refused without a write, and an item added there is on the page served next."""
    state = call(server, "GET", "/api/state")[1]
    first, second = state["queue"][:2]
    assert run("review", str(drafted), "--accept", first).exit_code == 0
    assert call(server, "GET", "/api/revision")[1] == {"revision": 1}
    again = call(server, "GET", "/api/state")[1]
    assert again["revision"] == 1 and again["counts"]["accepted"] == state["counts"]["accepted"] + 1
    assert first not in again["queue"]
    # the page's key, sent with the revision it last saw, is refused and nothing is written
    status, answer = call(server, "POST", "/api/decide", {"ids": [second], "decision": "rejected", "base": 0})
    assert status == 409 and len(decisions(drafted)) == 1
    assert run("review", str(drafted), "--undo").exit_code == 0
    assert call(server, "GET", "/api/state")[1]["counts"] == state["counts"]
    r = run("review", str(drafted), "--add", "claim", "message=response-2", "quote=collaboration which is a bit deeper",
            "term=collaboration", "attribute=a bit deeper than the rest")
    assert r.exit_code == 0, r.output
    assert b"a bit deeper than the rest" not in server.page
    call(server, "GET", "/api/revision")
    assert b"a bit deeper than the rest" in server.page


# `python -m conceptgraph` as a terminal starts it, Ctrl-C armed: a shell that runs these
# tests in the background (a script's "&") hands its children SIGINT ignored, and Python
# then never turns it into KeyboardInterrupt, so "Ctrl-C" could not stop the server.
_AS_FROM_A_TERMINAL = ("import runpy, signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
                       "sys.argv[0] = 'conceptgraph'; runpy.run_module('conceptgraph', run_name='__main__')")


def start(folder: Path, *more: str) -> tuple[subprocess.Popen[str], str]:
    p = subprocess.Popen([sys.executable, "-c", _AS_FROM_A_TERMINAL, "review", str(folder), "--no-open", *more],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = p.stdout.readline().strip() if p.stdout else ""
    assert url.startswith("http://127.0.0.1:"), (p.poll(), p.stderr.read() if p.stderr else "")
    return p, url


def post(url: str, path: str, body: dict[str, Any]) -> tuple[int, Any]:
    from urllib.parse import parse_qs, urlsplit

    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.request("POST", path, json.dumps(body), {"Content-Type": "application/json",
                                                   "X-Review-Token": parse_qs(parts.query)["token"][0]})
    r = conn.getresponse()
    return r.status, json.loads(r.read())


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_ctrl_c_or_sigterm_stops_it_cleanly_with_the_files_in_step(drafted: Path, stop: int) -> None:
    items = [it.rid for it in Review(drafted).ordered("message") if it.kind == "claim"][:3]
    p, url = start(drafted)
    for rid in items:
        assert post(url, "/api/decide", {"ids": [rid], "decision": "accepted"})[0] == 200
    p.send_signal(stop)
    out, err = p.communicate(timeout=60)
    assert p.returncode == 0, err
    assert "stopped: " in err and "stopped: 0 of" not in err and "decisions in " in err and "Traceback" not in err
    # what this session added to the folder's count (with the terms and attributes those claims use)
    assert re.search(r"stopped: (\d+) of \d+ reviewed \(\+\1 since it started\)", err), err
    assert len(_claims(drafted)) == 3  # reviewed.yaml written before it stopped
    p, url = start(drafted)  # resumed: where it stands, as the page says
    said = p.stderr.readline() if p.stderr else ""
    p.send_signal(signal.SIGINT)
    _, again = p.communicate(timeout=60)
    reviewed = re.search(r"stopped: (\d+) of (\d+) reviewed", err)
    assert said == f"Reviewing in the browser ({reviewed[1]} of {reviewed[2]} reviewed so far); Ctrl-C stops.\n", said
    assert f"stopped: {reviewed[1]} of {reviewed[2]} reviewed (+0 since it started)" in again, again
    assert run("validate", str(drafted)).exit_code == 0


def test_the_counts_at_the_stop_are_the_folders_with_decisions_made_meanwhile_elsewhere(drafted: Path) -> None:
    """A review finished from the command line while the page is served: the stop counts
    those decisions too (a trial's "31 of 119 reviewed, 88 left" after "nothing left")."""
    p, _ = start(drafted)
    assert run("review", str(drafted), "--accept-above", "0").exit_code == 0
    p.send_signal(signal.SIGINT)
    _, err = p.communicate(timeout=60)
    assert p.returncode == 0, err
    assert re.search(r"stopped: (\d+) of \1 reviewed \(\+\1 since it started\), 0 left", err), err


def test_a_stop_before_any_decision_names_no_file_that_is_not_there(drafted: Path) -> None:
    p, _ = start(drafted)
    p.send_signal(signal.SIGINT)
    _, err = p.communicate(timeout=60)
    assert p.returncode == 0, err
    assert "stopped: 0 of " in err and "nothing decided, nothing written" in err
    assert not (drafted / "decisions.yaml").exists()


def _claims(folder: Path) -> list[dict[str, Any]]:
    from review_helpers import section

    return section(folder, "reviewed.yaml", "claims")


def test_a_kill_9_during_a_burst_of_decisions_leaves_decisions_yaml_whole(drafted: Path) -> None:
    rng = random.Random(4)
    for round_ in range(3):
        before = Decisions.read(drafted).last_action
        p, url = start(drafted)
        left = [it.rid for it in Review(drafted).left()]
        saved: list[str] = []
        others: list[Any] = []
        stop = threading.Event()

        def burst(url: str = url, left: list[str] = left, saved: list[str] = saved, others: list[Any] = others,
                  stop: threading.Event = stop) -> None:
            for rid in left:
                if stop.is_set():
                    return
                try:
                    status, answer = post(url, "/api/decide",
                                          {"ids": [rid], "decision": rng.choice(["accepted"] * 4 + ["rejected"])})
                except OSError as failure:
                    others.append(repr(failure))
                    return
                if status == 200:
                    saved.append(rid)
                else:
                    others.append((status, answer))

        t = threading.Thread(target=burst)
        t.start()
        time.sleep(0.05 + rng.random() * 0.15)  # a few milliseconds a decision: dozens of them
        os.kill(p.pid, signal.SIGKILL)
        stop.set()
        t.join(timeout=30)
        p.communicate(timeout=30)
        book = Decisions.read(drafted)  # it parses: whole
        assert saved, (round_, others[:3])
        # every decision answered as saved is there, and at most the one being written besides
        assert book.last_action - before in (len(saved), len(saved) + 1), round_
        assert sorted({e.action for e in book.entries}) == list(range(1, book.last_action + 1))
    # a review started afterwards brings draft.yaml and reviewed.yaml in step, and the folder is valid
    assert run("review", str(drafted), "--list").exit_code == 0
    assert not list(drafted.glob(".*.tmp"))  # what a killed write left is cleared by the next one
    assert run("validate", str(drafted)).exit_code == 0
    found = keys(drafted)
    assert not set(found["draft.yaml"]) & set(found["reviewed.yaml"])


def test_a_page_drawn_again_keeps_its_nodes_where_they_were(server: ReviewServer) -> None:
    """Two terms made one: the page is drawn again from the files, every other node where
    it was (a new layout lost the reviewer's place). Two of the least linked: the thread's
    two main terms made one grow a label that pushes its neighbours apart, as it should."""
    review = server.review
    before = dict(server.positions)
    terms = [it for it in review.left() if it.kind == "term"]
    into, merged = terms[-2], terms[-1]
    status, answer = call(server, "POST", "/api/decide", {"ids": [merged.rid], "decision": "edited",
                                                          "edit": {"label": into.fields["term"]},
                                                          "base": review.book.revision})
    assert status == 200 and answer.get("merged"), answer
    after = server.positions
    assert merged.record.id not in after and after.keys() < before.keys()
    assert all(after[n] == before[n] for n in after)


def test_a_page_drawn_again_with_nothing_changed_moves_nothing(drafted: Path) -> None:
    """A first drawing is settled as drawing it again would leave it: labels it left
    covering each other had been pushed apart on every later drawing, 29 of the bundled
    draft's 125 nodes moving on the first with nothing decided, and more after."""
    from conceptgraph.review import Review
    from conceptgraph.server import review_page

    review = Review(drafted)
    positions: dict = {}
    review_page(review, positions)
    first = dict(positions)
    for _ in range(2):
        review_page(review, positions)
        assert positions == first, [n for n in positions if positions[n] != first.get(n)]


def test_the_next_review_of_a_folder_draws_its_nodes_where_the_last_one_did(drafted: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A review stopped and started again (a second day's work) draws each node where the
    last page had it, the rejected ones gone, not a new layout of what is left: the map the
    reviewer had learned stays. Another folder's nodes are laid out as they would be."""
    import shutil

    with serving(drafted) as first:
        before = dict(first.positions)
        term = next(it for it in first.review.left() if it.kind == "term")
        status, _ = call(first, "POST", "/api/decide", {"ids": [term.rid], "decision": "rejected",
                                                        "base": first.review.book.revision})
        assert status == 200
        first.writer.flush()
    with serving(drafted) as second:
        after = second.positions
    assert term.record.id not in after and after.keys() < before.keys()
    assert all(after[n] == before[n] for n in after)
    # (with nothing remembered, the same graph is laid out otherwise: the test could fail)
    monkeypatch.setenv("CONCEPTGRAPH_CACHE", "off")
    with serving(Path(shutil.copytree(drafted, drafted.with_name("again")))) as fresh:
        assert fresh.positions.keys() == after.keys() and any(fresh.positions[n] != before[n] for n in after)


def test_a_second_review_of_a_folder_being_reviewed_says_so(drafted: Path) -> None:
    """Two reviews of one folder keep every decision (each page is told the other's), but
    a hurried user should know the second is a second: it says where the first is served
    (its port and process; never its token). Once the first stops, nothing is said."""
    first, url = start(drafted)
    try:
        second, _ = start(drafted)
        second.send_signal(signal.SIGINT)
        _, err = second.communicate(timeout=60)
        port = url.split(":")[2].split("/")[0]
        assert f"another review of this folder is being served (port {port}, process {first.pid})" in err, err
        assert "token" not in err
    finally:
        first.send_signal(signal.SIGINT)
        first.communicate(timeout=60)
    third, _ = start(drafted)
    third.send_signal(signal.SIGINT)
    _, err = third.communicate(timeout=60)
    assert "another review" not in err, err


def test_the_page_s_notes_say_items_in_words_without_their_ids(server: ReviewServer) -> None:
    """A note to the page names each item by what it says: its keys need no id, and an id
    reads as jargon there (a trial's "r-e4f013f753 (...) is about 1 claim still undecided:
    c-3fe3b2bc5a (...)"); the command line's notes keep them, to decide by."""
    review = server.review
    stance = next(it for it in review.items if it.kind == "relation" and it.record.kind in ("agrees_with", "disputes")
                  and review._claims_named(it.record.concerns)
                  and all(review.status(c) is None for c in review._claims_named(it.record.concerns)))
    status, answer = call(server, "POST", "/api/decide", {"ids": [stance.rid], "decision": "accepted", "base": 0})
    assert status == 200 and "still undecided" in answer["note"], answer
    assert not re.search(r"\b[tacr]-[0-9a-f]{10}\b", answer["note"]) and "“" in answer["note"]
    cli = Review(review.path)
    assert cli.ids_in_notes and stance.rid in cli.named([cli.by_rid[stance.rid]])
