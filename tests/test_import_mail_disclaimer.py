"""A company's disclaimer set under a signature with no blank line before it ("Regards,"
/ name / title / "This e-mail and any attachments are confidential and intended solely
for the addressee.") is left out, and so is the sign-off above it: both had stayed in the
speaker's words, quotable as theirs (trial 11, a pipermail archive)."""

from __future__ import annotations

from pathlib import Path

from conceptgraph.discussions import read_discussion

MBOX = """From rhea at example.org  Mon Mar  4 09:12:00 2019
From: rhea at example.org (Rhea Kapoor)
Date: Mon, 04 Mar 2019 09:12:00 +0000
Subject: [qa-talk] Is it a "bug" or a "defect"?
Message-ID: <1@example.org>

Is there actually a difference between a bug and a defect?

From pat at example.com  Mon Mar  4 11:30:00 2019
From: pat at example.com (Pat McGrath)
Date: Mon, 04 Mar 2019 11:30:00 +0000
Subject: [qa-talk] Is it a "bug" or a "defect"?
In-Reply-To: <1@example.org>
Message-ID: <2@example.com>

A bug is not a feature request in disguise.

Regards,
Pat McGrath
Quality Manager, Example Insurance Ltd.
This e-mail and any attachments are confidential and intended solely
for the addressee.

"""


def test_a_disclaimer_under_a_signature_goes_with_the_sign_off(tmp_path: Path) -> None:
    path = tmp_path / "2019-March.txt"
    path.write_text(MBOX, encoding="utf-8")
    ds, summary = read_discussion([path])
    assert [m.text for m in ds.messages] == ["Is there actually a difference between a bug and a defect?",
                                             "A bug is not a feature request in disguise."]
    assert summary["left_out"]["disclaimers"] == 1 and summary["left_out"]["sign-offs"] == 1


def test_a_person_saying_a_message_is_confidential_keeps_their_words(tmp_path: Path) -> None:
    words = "I think this message is confidential and intended only for the committee, so please do not forward it."
    path = tmp_path / "2019-April.txt"
    path.write_text(MBOX.replace("A bug is not a feature request in disguise.", words), encoding="utf-8")
    ds, _ = read_discussion([path])
    assert ds.messages[1].text == words


def test_a_sign_off_above_the_quoted_mail_goes_and_the_quote_stays_below(tmp_path: Path) -> None:
    """A reply written over the mail it quotes ("James", then "On ..., Rhea wrote:" and
    the quote): the name signing it is no part of its words (it had stayed, the mark of
    the quote below it hiding it), and the quote is placed after the words."""
    reply = ("In ISTQB terms a defect is a flaw in the code.\n\nJames\n\n"
             "On 04/03/2019 10:12, Rhea Kapoor wrote:\n> Is there actually a difference between a bug and a defect?\n")
    path = tmp_path / "2019-May.txt"
    path.write_text(MBOX.replace("A bug is not a feature request in disguise.\n\nRegards,\nPat McGrath\n"
                                 "Quality Manager, Example Insurance Ltd.\nThis e-mail and any attachments are "
                                 "confidential and intended solely\nfor the addressee.\n", reply)
                    .replace("(Pat McGrath)", "(James Okafor)"), encoding="utf-8")
    ds, summary = read_discussion([path])
    second = ds.messages[1]
    assert second.text == "In ISTQB terms a defect is a flaw in the code."
    assert second.quotes == ("Is there actually a difference between a bug and a defect?",)
    assert second.quoted_at == (len(second.text),)
    assert summary["left_out"]["sign-offs"] == 1
