"""The review page in headless Chromium: thirty items reviewed by keys alone, then what the
files say, what validate says, and what drafting again brings back."""

from __future__ import annotations

from pathlib import Path

import pytest
from review_helpers import keys, run, section

from conceptgraph.decisions import Decisions
from conceptgraph.server import ReviewServer

pytestmark = pytest.mark.browser


def test_thirty_items_reviewed_by_keys_alone(browser, server: ReviewServer, drafted: Path) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server.url)
    page.wait_for_selector("body[data-review='ready']", timeout=60_000)
    review = server.review
    expected: dict[str, str] = {}

    def shown() -> str:
        return page.get_attribute("#rv-card", "data-item") or ""

    def settle() -> None:
        page.wait_for_selector("#review[data-pending='0']", timeout=30_000)

    def press(key: str, decision: str | None = None) -> str:
        rid = shown()
        page.keyboard.press(key)
        if decision:
            expected[rid] = decision
            assert shown() != rid  # the next item at once, before the server has answered
        return rid

    def reject_ok() -> bool:  # a term or attribute that an accepted item uses cannot be rejected
        return review.by_rid[shown()].kind in ("claim", "relation")

    for n in range(28):  # most confident first: accept most, reject some
        no = n % 3 == 2 and reject_ok()
        press("x" if no else "a", "rejected" if no else "accepted")
        if n % 7 == 6:
            settle()
    settle()
    while not reject_ok():
        press("a", "accepted")
    undone = press("x", "rejected")       # a mistake...
    settle()
    press("u")                            # ...taken back: it is shown again
    settle()
    assert shown() == undone
    del expected[undone]
    press("a", "accepted")
    settle()
    skipped = press(" ")                  # skipped: still undecided
    while review.by_rid[shown()].kind != "claim":
        press(" ")
    edited = shown()
    page.keyboard.press("e")
    page.wait_for_selector("#rv-edit input[name='attribute']")
    page.keyboard.press("Tab")            # from the term to the attribute
    page.keyboard.press("Control+A")
    page.keyboard.type("a label of my own")
    page.keyboard.press("Enter")
    expected[edited] = "edited"
    settle()
    decided_by_keys = len(expected)
    assert decided_by_keys >= 30
    assert review.book.find(review.by_rid[skipped].key) is None  # skipped: no decision
    # bulk: every undecided claim about collaboration
    page.keyboard.press("b")
    page.wait_for_selector("#rv-bulk")
    page.keyboard.press("Tab")
    page.keyboard.type("collaboration")
    page.keyboard.press("Enter")          # counts what matches
    page.wait_for_function("() => !document.getElementById('rv-preview').textContent.startsWith('Enter')")
    assert not page.is_disabled("#rv-bulk-accept"), page.text_content("#rv-preview")
    count = int(page.text_content("#rv-preview").split()[0])
    assert count > 0
    page.keyboard.press("Enter")          # "Accept all N" has the focus
    settle()
    counts = page.text_content("#rv-counts")
    assert f"accepted {review.counts()['accepted']}" in counts and f"left {review.counts()['left']}" in counts
    timings = page.evaluate("() => window.conceptgraphReview.timings")
    assert len(timings) >= decided_by_keys
    page.screenshot(path=str(_shots() / "review.png"))
    assert errors == []
    assert {u.split("/")[2] for u in requests} == {f"127.0.0.1:{server.port}"}
    context.close()

    server.stop()  # as Ctrl-C does: the files brought up to date
    book = Decisions.read(drafted)
    by_key = {e.key: e for e in book.latest()}
    for rid, decision in expected.items():
        assert by_key[review.by_rid[rid].key].decision == decision, rid
    assert by_key[review.by_rid[edited].key].edit == {"attribute": "a label of my own"}
    last = [e for e in book.entries if e.action == book.last_action]
    assert len(last) == count and {e.decision for e in last} == {"accepted"}
    assert len(book.entries) == decided_by_keys + count
    # the curated file holds what was accepted, the edit applied
    labels = {a.get("label", a["id"]) for a in section(drafted, "reviewed.yaml", "attributes")}
    assert "a label of my own" in labels
    accepted_claims = sum(1 for e in book.latest() if e.item == "claim" and e.decision != "rejected")
    assert len(section(drafted, "reviewed.yaml", "claims")) == accepted_claims
    assert run("validate", str(drafted)).exit_code == 0
    # drafting again: nothing rejected back, nothing twice, the accepted ones as they were
    reviewed = (drafted / "reviewed.yaml").read_bytes()
    assert run("draft", str(drafted)).exit_code == 0
    found = keys(drafted)
    rejected = {e.key for e in book.latest() if e.decision == "rejected"}
    assert not rejected & set(found["draft.yaml"])
    assert not set(found["draft.yaml"]) & set(found["reviewed.yaml"])
    import difflib
    assert (drafted / "reviewed.yaml").read_bytes() == reviewed, "".join(difflib.unified_diff(
        reviewed.decode().splitlines(True), (drafted / "reviewed.yaml").read_text().splitlines(True)))
    assert run("validate", str(drafted)).exit_code == 0


def _shots() -> Path:
    from browser import SHOTS

    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS
