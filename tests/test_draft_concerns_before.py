"""A stance whose own sentence echoes none of its target's claims ("So by the industry's
definition Marcus is right.") is about the claims the message echoes before it, not
about the target's latest message (trial 11: the agreement had been drafted about
Marcus's talk-show remark, at 0.82, where the message restated his RSS-feed definition)."""

from __future__ import annotations

from pathlib import Path

from conceptgraph.discussions import read_discussion
from conceptgraph.draft import draft


def test_a_stance_is_about_what_its_message_said_before_it(tmp_path: Path) -> None:
    thread = tmp_path / "t.txt"
    thread.write_text("Marcus: A podcast is defined by the RSS feed.\n"
                      "Priya: I disagree. A podcast is any show where two people talk.\n"
                      "Marcus: Talk shows are also two people talking for an hour.\n"
                      "Guest: Apple's definition: a podcast is an RSS feed with enclosures. "
                      "So by the industry's definition Marcus is right.\n", encoding="utf-8")
    ds, _ = read_discussion([thread])
    out = draft(ds, terms=["podcast", "talk show"])
    quote = {c.id: c.quote for c in out.claims}
    [agreement] = [r for r in out.relations if r.kind == "agrees_with" and r.source == "guest"]
    assert agreement.target == "marcus"
    assert [quote[c] for c in agreement.concerns] == ["A podcast is defined by the RSS feed."], \
        [quote.get(c, c) for c in agreement.concerns]


def test_an_agreement_that_names_whom_it_agrees_with_is_not_passed_on(tmp_path: Path) -> None:
    """"Agreed with Dana." in reply to Dana, who had agreed with Hannah, agrees with Dana
    alone; a bare "Agreed." still agrees with Hannah too (trial 11: Marcus had been drafted
    agreeing with Hannah, whose point he did not take up)."""
    for said, expected in (("Agreed with Dana.", {"dana"}), ("Agreed.", {"dana", "hannah"})):
        thread = tmp_path / "t.txt"
        thread.write_text("Hannah: A vodcast is a video podcast.\n"
                          "Dana: Good point Hannah. A video podcast is still a podcast.\n"
                          f"Marcus: {said} The test is the best one.\n", encoding="utf-8")
        ds, _ = read_discussion([thread])
        out = draft(ds, terms=["podcast", "vodcast"])
        assert {r.target for r in out.relations if r.kind == "agrees_with" and r.source == "marcus"} == expected, said
