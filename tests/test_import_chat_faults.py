"""Faults a trial found in the Telegram, Stack Exchange and Hacker News importers: a
reply to a message that is not read, two posts under one id, fields missing or of
another type, a code block read as claims, a question without its id, a shortened link
written twice. Each export is written here, small, in its tool's shape (Telegram
Desktop's one-space indent and Unix times as strings, the Stack Exchange API's wrapper,
Algolia's nested tree)."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conceptgraph import ConceptGraphWarning
from conceptgraph.cli import cli
from conceptgraph.discussions import read_discussion
from conceptgraph.discussions.messengers import TELEGRAM_COPIES, TELEGRAM_UNREAD
from conceptgraph.discussions.stackexchange import COPIES
from conceptgraph.draft import draft

from conftest import refused

START = 1710147000  # 2024-03-11 08:50 UTC


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def read(path: Path) -> tuple[Any, dict[str, Any], list[str]]:
    """The dataset and summary of ``path``, and the warnings its import said."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ds, summary = read_discussion([path])
    return ds, summary, [str(w.message) for w in caught if issubclass(w.category, ConceptGraphWarning)]


# --- Telegram ---------------------------------------------------------------------------------

PEOPLE = {"Ines Duarte": "user501", "Tomasz Wierzbicki": "user431", "Kofi Mensah": "user700"}


def tg(ident: int | None, who: str | None, text: Any, reply: int | None = None, **extra: Any) -> dict[str, Any]:
    """A message as Telegram Desktop writes it (``ident`` None: one without an id)."""
    at = START + 60 * (ident or 0) % 86400
    m: dict[str, Any] = {"id": ident, "type": "message", "date": "2024-03-11T10:00:00", "date_unixtime": str(at),
                         "from": who, "from_id": PEOPLE.get(who or "", "user1"), "text": text,
                         "text_entities": [{"type": "plain", "text": text}] if isinstance(text, str) else []}
    if ident is None:
        del m["id"]
    if reply is not None:
        m["reply_to_message_id"] = reply
    return m | extra


CHAT = [tg(1, "Ines Duarte", "What separates a taxonomy from an ontology?"),
        tg(2, "Tomasz Wierzbicki", "A taxonomy is a tree of categories.", 1),
        tg(3, "Kofi Mensah", "Isn't a thesaurus a taxonomy then?", 1),
        tg(4, "Ines Duarte", "No, a thesaurus adds related terms.", 3)]


def chat(tmp_path: Path, messages: list[dict[str, Any]], name: str = "result.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({"name": "KOS Reading Group", "type": "private_supergroup", "id": 77,
                                "messages": messages}, indent=1, ensure_ascii=False), encoding="utf-8")
    return path


def whom(ds: Any) -> list[tuple[str, str, str]]:
    """Each message's place, the place it answers, and its words."""
    where = {m.id: m.where for m in ds.messages}
    return [(m.where, where.get(m.reply_to, ""), m.text) for m in ds.messages]


@pytest.mark.parametrize("target", [
    None,  # not in the file
    {"forwarded_from": "Semantic Web Memes"},
    {"via_bot": "@gif"},
    {"text": "", "text_entities": []},  # no words, and nothing shown (a photo would be kept)
    {"type": "service", "action": "pin_message", "from": None, "actor": "Ines Duarte"},
])
def test_a_telegram_reply_to_a_message_not_read_is_counted_and_answers_no_one(tmp_path: Path,
                                                                               target: dict[str, Any] | None) -> None:
    """The reply had lost its link in silence: "11 replies" became "10", nothing said
    why. It stays, a message of the chat answering no one, and the summary counts it,
    as the Discord reader counts its own."""
    messages = [*CHAT[:2], tg(5, "Kofi Mensah", "An ontology is a taxonomy that went to grad school."),
                tg(6, "Ines Duarte", "Funny but wrong: the relations have formal semantics.", 5), *CHAT[2:]]
    if target is None:
        del messages[2]
        messages[2]["reply_to_message_id"] = 47000
    else:
        messages[2] |= target
    ds, summary, said = read(chat(tmp_path, messages))
    assert summary["left_out"][TELEGRAM_UNREAD] == 1 and not said
    assert ("message 3", "", "Funny but wrong: the relations have formal semantics.") in whom(ds)
    assert summary["replies"] == 3
    # a forwarded message's words are no one's here: no writer is made up for them
    assert [c.name for c in ds.contributors] == ["Ines Duarte", "Tomasz Wierzbicki", "Kofi Mensah"]
    r = run("import", str(tmp_path / "result.json"), "-o", str(tmp_path / "out"))
    assert r.exit_code == 0 and "1 reply to a message not read (forwarded, a bot's, an event" in r.output, r.output


def test_a_telegram_reply_to_a_message_read_is_no_fault(tmp_path: Path) -> None:
    ds, summary, said = read(chat(tmp_path, CHAT))
    assert TELEGRAM_UNREAD not in summary["left_out"] and not said and summary["replies"] == 3


def test_two_telegram_messages_under_one_id_have_two_places_and_a_reply_answers_the_first(tmp_path: Path) -> None:
    """Two messages had shared the place "message 4", and the one after lost its reply:
    each message has its own place, the second of one id a key of its own, and one
    warning names the file and the id."""
    messages = [*CHAT[:3], tg(3, "Tomasz Wierzbicki", "A thesaurus is no taxonomy.", 1),
                tg(5, "Kofi Mensah", "So which is it?", 3), *CHAT[3:]]
    ds, summary, said = read(chat(tmp_path, messages))
    assert [m.where for m in ds.messages] == [f"message {n}" for n in range(1, 7)]
    assert whom(ds)[3:5] == [("message 4", "message 1", "A thesaurus is no taxonomy."),
                             ("message 5", "message 3", "So which is it?")]
    assert len(said) == 1 and said[0].startswith(f"{tmp_path / 'result.json'}: 1 message with an id an earlier "
                                                 "message has, with other words (id 3)"), said
    # the same message twice (an export saved twice, joined): read once, counted
    ds, summary, said = read(chat(tmp_path, [*CHAT[:3], dict(CHAT[2]), *CHAT[3:]], "twice.json"))
    assert [m.text for m in ds.messages] == [m["text"] for m in CHAT] and not said
    assert summary["left_out"][TELEGRAM_COPIES] == 1 and summary["replies"] == 3


def test_telegram_messages_with_fields_missing_or_of_another_type_are_read_and_said(tmp_path: Path) -> None:
    """Each had been read in silence (a "text" object as no words, its replies lost;
    parts of a list dropped; no writer; a date "yesterday"): each kind of fault is one
    warning line naming the file and the messages, and the message is read as well as
    it can be."""
    messages = [tg(1, "Ines Duarte", {"type": "bold", "text": "Taxonomy or ontology?"}),
                tg(2, "Tomasz Wierzbicki", ["Start ", None, 42, {"type": "bold"}, {"text": "no type"}, ["nested"],
                                            " end"], 1),
                tg(3, None, "Agreed, mostly.", 2, from_id=None),
                tg(4, "Kofi Mensah", "Roughly yes.", 2, date="yesterday", date_unixtime=None),
                tg(5, None, "Same here.", 2, from_id=None, date="soon", date_unixtime=None),
                tg(None, "Ines Duarte", "Thanks all.")]
    path = chat(tmp_path, messages)
    ds, summary, said = read(path)
    assert whom(ds) == [("message 1", "", "Taxonomy or ontology?"),
                        ("message 2", "message 1", "Start no typenested end"),
                        ("message 3", "message 2", "Agreed, mostly."),
                        ("message 4", "message 2", "Roughly yes."),
                        ("message 5", "message 2", "Same here."),
                        ("message 6", "", "Thanks all.")]
    assert [m.date for m in ds.messages][2:5] == ["2024-03-11 08:53 UTC", "", ""]
    assert [c.name for c in ds.contributors][2:] == ["unnamed commenter (message 3)", "Kofi Mensah",
                                                     "unnamed commenter (message 5)"]
    assert sorted(said) == sorted([
        f'{path}: 1 message with "text" missing, or neither a string nor a list (id 1): read from the words in it or '
        'in its "text_entities", if any',
        f'{path}: 1 message with parts of "text" that are neither strings nor entities with words: null, a number, '
        'an entity without "text", a list (id 2): the words in them read, the rest left out',
        f'{path}: 2 messages with neither "from" nor "from_id" (id 3, id 5): each read as an unnamed writer of its own',
        f"{path}: 2 messages with no date that is a time (id 4, id 5): read without a date",
        f'{path}: 1 message with no "id" (message 6, no id): no reply can name it']), said
    r = run("import", str(path), "-o", str(tmp_path / "out"))
    lines = [line for line in r.stderr.splitlines() if not line.startswith("wrote ")]
    assert r.exit_code == 0 and len(lines) == 5 and all(line.startswith("Warning: ") for line in lines), r.stderr


def test_a_telegram_code_block_is_fenced_with_its_language_and_no_claim_is_drafted_from_it(tmp_path: Path) -> None:
    """A `pre` entity had come out as bare lines, its language lost, and the draft read
    "taxonomy: a navigation tree" in a YAML glossary as a claim."""
    code = "# glossary.yml\ntaxonomy: a navigation tree\nontology:\n    an OWL model with axioms"
    messages = [*CHAT[:2], tg(5, "Kofi Mensah", ["Here's a config from our repo:\n",
                                                 {"type": "pre", "text": code, "language": "yaml"},
                                                 "\nThat is how we define them."], 2)]
    ds, _, said = read(chat(tmp_path, messages))
    assert ds.messages[2].text == ("Here's a config from our repo:\n```yaml\n# glossary.yml\ntaxonomy: a navigation "
                                   "tree\nontology:\n    an OWL model with axioms\n```\nThat is how we define them.")
    drafted = draft(ds, terms=["taxonomy", "ontology"])
    labels = {a.id: a.label for a in drafted.attributes}
    assert not [labels[c.attribute] for c in drafted.claims if c.message == ds.messages[2].id], labels
    # a block with no language, between words on the same line: fenced on lines of its own
    messages[2]["text"] = ["Ours: ", {"type": "pre", "text": "a := b", "language": ""}, " done."]
    ds, _, _ = read(chat(tmp_path, messages, "bare.json"))
    assert ds.messages[2].text == "Ours:\n```\na := b\n```\ndone."


# --- Stack Exchange ---------------------------------------------------------------------------

def owner(name: str, ident: int) -> dict[str, Any]:
    return {"account_id": ident * 10, "user_id": ident, "user_type": "registered", "display_name": name}


def comment(ident: int, post: int, name: str, uid: int, body: str) -> dict[str, Any]:
    return {"comment_id": ident, "post_id": post, "owner": owner(name, uid), "score": 1, "edited": False,
            "creation_date": START + ident, "body": f"<p>{body}</p>"}


def answer(ident: int, name: str, uid: int, body: str, comments: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"answer_id": ident, "question_id": 1, "owner": owner(name, uid), "score": 3, "is_accepted": False,
            "creation_date": START + ident, "body": f"<p>{body}</p>", "comments": comments or []}


def question(answers: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {"items": [{"question_id": 1, "title": "Library or framework?", "owner": owner("Marta", 1),
                       "score": 5, "creation_date": START, "body": "<p>Which is which?</p>",
                       "link": "https://softwareengineering.stackexchange.com/questions/1/library-or-framework",
                       "comments": [], "answers": answers} | extra],
            "has_more": False, "quota_max": 300, "quota_remaining": 299}


def api(tmp_path: Path, doc: Any, name: str = "se.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc, indent=4), encoding="utf-8")
    return path


JONAS = answer(10, "Jonas", 2, "A framework calls your code.", [comment(100, 10, "Chen", 3, "Inversion of control.")])
AMARA = answer(16, "Amara", 4, "Inversion of control is not sufficient.", [comment(140, 16, "Marta", 1, "+1, the "
                                                                                   "architecture bit.")])


def test_two_stack_exchange_answers_under_one_id_are_both_read_and_said(tmp_path: Path) -> None:
    """Amara's answer, given Jonas's answer_id, had been dropped in silence with the
    comment on it: both are read, the comment on the second stays on it, and one line
    names the file, the id and how many."""
    path = api(tmp_path, question([JONAS, AMARA | {"answer_id": 10}]))
    ds, summary, said = read(path)
    assert whom(ds) == [("question", "", "Which is which?"),
                        ("answer 1", "question", "A framework calls your code."),
                        ("comment 1 on answer 1", "answer 1", "Inversion of control."),
                        ("answer 2", "question", "Inversion of control is not sufficient."),
                        ("comment 1 on answer 2", "answer 2", "+1, the architecture bit.")]
    assert said == [f"{path}: 1 post under an id an earlier post has, with another owner or other words (answer 10): "
                    "each read as a post of its own; what names that id answers the first, unless nested under another"]
    assert summary["left_out"] == {}
    # two comments under one id, too
    amara = AMARA | {"comments": [comment(100, 16, "Marta", 1, "+1, the architecture bit.")]}
    ds, _, said = read(api(tmp_path, question([JONAS, amara]), "comments.json"))
    assert [m.text for m in ds.messages][-1] == "+1, the architecture bit." and "(comment 100)" in said[0]


def test_the_same_stack_exchange_post_twice_is_read_once_and_counted(tmp_path: Path) -> None:
    """A response saved twice, or an answer given in the question and in a file of its
    own: the same id, owner and words are one post."""
    path = api(tmp_path, [question([JONAS, AMARA]), {"items": [AMARA | {"comments": []}]}])
    ds, summary, said = read(path)
    assert len(ds.messages) == 5 and not said and summary["left_out"] == {COPIES: 1}


def test_a_stack_exchange_answer_without_its_owner_is_said(tmp_path: Path) -> None:
    path = api(tmp_path, question([JONAS, {k: v for k, v in AMARA.items() if k != "owner"}]))
    ds, _, said = read(path)
    assert said == [f"{path}: 1 post came without an owner (answer 16): each read as an unnamed writer of its own"]
    assert "unnamed commenter (answer 2)" in [c.name for c in ds.contributors]
    # a deleted account is no fault: the API names it
    gone = AMARA | {"owner": {"user_type": "does_not_exist", "display_name": "user2219"}}
    assert read(api(tmp_path, question([JONAS, gone]), "gone.json"))[2] == []


def test_a_stack_exchange_post_without_its_id_is_refused_naming_the_field(tmp_path: Path) -> None:
    """"no Stack Exchange question, answer or comment in this JSON" had been said of a
    file holding a question, its answers and comments, its question_id alone missing."""
    doc = question([JONAS, AMARA])
    del doc["items"][0]["question_id"]
    refused(run("import", str(api(tmp_path, doc)), "-o", str(tmp_path / "out")),
            'se.json: a question (“Library or framework?”) without its "question_id": its answers and comments name '
            "it by that id")
    refused(run("import", str(api(tmp_path, question([JONAS, {k: v for k, v in AMARA.items() if k != "answer_id"}]),
                                  "answer.json")), "-o", str(tmp_path / "out")),
            'answer.json: an answer to question 1 without its "answer_id"')


# --- Hacker News ------------------------------------------------------------------------------

def hn(ident: int | None, author: str | None, text: str | None, parent: int,
       children: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"id": ident, "created_at": "2024-02-20T10:00:00.000Z", "created_at_i": 1708423200, "type": "comment",
            "author": author, "title": None, "url": None, "text": text, "points": None, "parent_id": parent,
            "story_id": 7, "options": [], "children": children or []}


def story(children: list[dict[str, Any]]) -> dict[str, Any]:
    return {"id": 7, "created_at": "2024-02-20T09:00:00.000Z", "created_at_i": 1708419600, "type": "story",
            "author": "lmarchetti", "title": "Ask HN: Agent or workflow?", "url": None, "text": "Which is it?",
            "points": 214, "parent_id": None, "story_id": 7, "options": [], "children": children}


def algolia(tmp_path: Path, children: list[dict[str, Any]], name: str = "hn.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(story(children)), encoding="utf-8")
    return path


def test_two_hacker_news_comments_under_one_id_are_both_read_and_said(tmp_path: Path) -> None:
    """Both had been kept without a word: one warning names the file and the id; a
    reply nested under the second answers the second."""
    path = algolia(tmp_path, [hn(20, "throwaway", "It's marketing.", 7, [hn(21, "petrel", "Not quite.", 20)]),
                              hn(20, "kelsey_h", "Thanks for asking.", 7, [hn(22, "ann", "Same here.", 20)])])
    ds, summary, said = read(path)
    assert whom(ds) == [("post", "", "Which is it?"), ("comment 1", "post", "It's marketing."),
                        ("reply 1 to comment 1", "comment 1", "Not quite."), ("comment 2", "post", "Thanks for asking."),
                        ("reply 1 to comment 2", "comment 2", "Same here.")]
    assert said == [f"{path}: 1 comment under an id an earlier comment has, with other words (20): each read as a "
                    "comment of its own; a reply naming that id answers the first, unless nested under another"]
    assert [m.url for m in ds.messages][3] == ""  # the id's address shows the other comment
    # the same comment twice: read once, counted
    path = algolia(tmp_path, [hn(20, "throwaway", "It's marketing.", 7), hn(20, "throwaway", "It's marketing.", 7)],
                   "twice.json")
    ds, summary, said = read(path)
    assert len(ds.messages) == 2 and not said
    assert summary["left_out"] == {"copies of a comment (its id again, with the same writer and words)": 1}


def test_a_live_hacker_news_comment_without_its_author_is_said(tmp_path: Path) -> None:
    """It had been read as a deleted account, in silence."""
    path = algolia(tmp_path, [hn(20, "quietbyte", "A workflow is fixed.", 7, [hn(21, None, "I disagree.", 20)])])
    ds, _, said = read(path)
    assert said == [f"{path}: 1 comment with words but no author, not deleted (21): each read as an unnamed commenter "
                    "of its own"]
    assert [c.name for c in ds.contributors][-1] == "unnamed commenter (reply 1 to comment 1)"
    # a deleted comment (no author, no words) is no fault
    assert read(algolia(tmp_path, [hn(20, "quietbyte", "Fixed.", 7, [hn(21, None, None, 20, [hn(22, "bo", "Hm.", 21)])])],
                        "deleted.json"))[2] == []


def test_a_hacker_news_link_shown_shortened_is_written_once(tmp_path: Path) -> None:
    """HN shows a long address cut ("...agen..."): it had been written twice, cut and whole."""
    long = "https:&#x2F;&#x2F;www.anthropic.com&#x2F;research&#x2F;building-effective-agents"
    text = (f'Basically this: <a href="{long}" rel="nofollow">{long[:-8]}...</a><p>And '
            '<a href="https:&#x2F;&#x2F;x.org&#x2F;a" rel="nofollow">this one</a>.')
    ds, _, _ = read(algolia(tmp_path, [hn(20, "quietbyte", text, 7)]))
    assert ds.messages[1].text == ("Basically this: https://www.anthropic.com/research/building-effective-agents\n\n"
                                   "And this one (https://x.org/a).")
