"""In a digest (no References to thread by), the message whose subject answers no one
opens its thread even when its sender's clock dated it after a reply to it; "Re:"
messages answer it (the opening question had become a reply to its own answer)."""

from __future__ import annotations

from pathlib import Path

from conceptgraph.discussions import read_discussion

DIGEST = """Send Devtools mailing list submissions to
\tdevtools@lists.example.org

Today's Topics:

   1. Renaming "master" to "main"? (Grace Liu)
   2. Re: Renaming "master" to "main"? (Oskar Nieminen)


----------------------------------------------------------------------

Message: 1
Date: Wed, 17 Jun 2020 09:30:00 +0000
From: Oskar Nieminen <oskar@example.org>
Subject: Re: [Devtools] Renaming "master" to "main"?
Message-ID: <o1@example.org>

I think main is clearer for newcomers.

------------------------------

Message: 2
Date: Wed, 17 Jun 2020 09:52:00 +0000
From: Grace Liu <grace@example.org>
Subject: [Devtools] Renaming "master" to "main"?
Message-ID: <g1@example.org>

Should we rename the default branch from master to main?

------------------------------

Subject: Digest Footer

_______________________________________________
Devtools mailing list

------------------------------

End of Devtools Digest, Vol 12, Issue 9
***************************************
"""


def test_the_message_that_answers_no_one_opens_its_thread(tmp_path: Path) -> None:
    path = tmp_path / "digest.txt"
    path.write_text(DIGEST, encoding="utf-8")
    ds, _ = read_discussion([path])
    by = {c.id: c.name for c in ds.contributors}
    first, second = ds.messages
    assert (by[first.by], first.reply_to, by[second.by], second.reply_to) == \
        ("Grace Liu", "", "Oskar Nieminen", first.id)
    assert {c.name: c.role for c in ds.contributors}["Grace Liu"] == "author"


def test_a_reply_in_a_digest_answers_the_message_it_quotes(tmp_path: Path) -> None:
    """"Oskar writes: > ..." in a digest: the reply answers Oskar's message, not the
    thread's first (every reply had answered message 1)."""
    third = ("Message: 3\nDate: Wed, 17 Jun 2020 10:40:00 +0000\nFrom: Bea Adeyemi <bea@example.org>\n"
             "Subject: Re: [Devtools] Renaming \"master\" to \"main\"?\nMessage-ID: <b1@example.org>\n\n"
             "Oskar Nieminen <oskar@example.org> writes:\n> I think main is clearer for newcomers.\n\n"
             "Clearer, maybe, but our scripts hard-code master.\n\n------------------------------\n\n")
    path = tmp_path / "digest.txt"
    path.write_text(DIGEST.replace("Subject: Digest Footer", third + "Subject: Digest Footer"), encoding="utf-8")
    ds, _ = read_discussion([path])
    by = {c.id: c.name for c in ds.contributors}
    place = {m.id: by[m.by] for m in ds.messages}
    assert [(by[m.by], place.get(m.reply_to, "")) for m in ds.messages] == \
        [("Grace Liu", ""), ("Oskar Nieminen", "Grace Liu"), ("Bea Adeyemi", "Oskar Nieminen")]
