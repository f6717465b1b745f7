"""Drafting the graph from a thread's words: every item a draft and anchored to the
exact characters it came from; the same input gives the same bytes; the rules are
general English; the bundled discussion's draft meets its targets against the
curated dataset; curated and accepted items are never overwritten."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from conceptgraph import load_dataset, load_graph
from conceptgraph.answers import ANSWERS, conforms
from conceptgraph.cli import cli
from conceptgraph.discussions import read_discussion
from conceptgraph.draft import DRAFT_FILE, draft
from conceptgraph.draft.confidence import of
from conceptgraph.draft.evaluate import evaluate
from conceptgraph.draft.relations import term_relations
from conceptgraph.draft.rules import mentions_in, read_sentence
from conceptgraph.draft.stances import name_index, stances
from conceptgraph.draft.terms import find_terms, key_of
from conceptgraph.draft.text import lemma
from conceptgraph.errors import DatasetError
from conceptgraph.model import Contributor, Dataset, Message, Relation, Source

from conftest import ROOT, SOURCE

FIX = ROOT / "tests" / "fixtures" / "discussions"
GOLD = ROOT / "graph_data"


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture(scope="module")
def bundled():
    """The bundled discussion imported from its raw text, drafted with no --terms."""
    ds, _ = read_discussion([SOURCE])
    return ds, draft(ds)


def whole(ds, drafted):
    return replace(drafted, contributors=ds.contributors, messages=ds.messages)


# --- the targets on the bundled discussion -------------------------------------------


def test_the_bundled_draft_meets_its_targets(bundled) -> None:
    ds, drafted = bundled
    scores = evaluate(whole(ds, drafted), load_dataset(GOLD))
    assert scores["contributors"]["recall"] == scores["contributors"]["precision"] == 1.0
    assert scores["messages"]["recall"] == scores["messages"]["precision"] == 1.0
    assert scores["terms"]["recall"] >= 0.6
    assert scores["claims"]["recall"] >= 0.6 and scores["claims"]["precision"] >= 0.6
    # stances stated in so many words; the guesses by a reply's leaning are the least sure
    stated = replace(drafted, relations=tuple(r for r in drafted.relations if r.kind not in ("agrees_with", "disputes")
                                              or (r.confidence or 0) > of("stance", "leaning")))
    assert evaluate(whole(ds, stated), load_dataset(GOLD))["stances"]["precision"] >= 0.6
    assert scores["stances"]["recall"] >= evaluate(whole(ds, stated), load_dataset(GOLD))["stances"]["recall"]


def test_every_drafted_quote_is_exactly_its_span(bundled) -> None:
    ds, drafted = bundled
    text = {m.id: m.text for m in ds.messages}
    items = [*drafted.claims, *drafted.relations]
    assert len(drafted.claims) > 50 and items
    for item in items:
        s, e = item.span
        assert text[item.message][s:e] == item.quote, item.id
        assert item.status == "draft"
    assert all(x.status == "draft" for x in (*drafted.terms, *drafted.attributes))


def test_kens_list_is_split_into_its_attributes(bundled) -> None:
    """The baseline cannot split a list; the draft gives each item its own claim."""
    ds, drafted = bundled
    labels = {a.id: a.label for a in drafted.attributes}
    ken = {labels[c.attribute] for c in drafted.claims if c.by == "ken" and c.term == "cooperation"}
    assert len(ken) >= 13 and {"for each other", "respect", "priceless", "joint attention", "clock watching"} <= ken
    denied = {labels[c.attribute] for c in drafted.claims if c.by == "ken" and c.negated}
    assert "clock watching" in denied  # "(not clock-watching)"


def test_quotes_of_someone_else_are_not_the_speakers_claims(bundled) -> None:
    _, drafted = bundled
    bart = [c.quote for c in drafted.claims if c.by == "bart-stewart"]
    assert bart and not any("$125" in q or "$350" in q for q in bart), bart
    jim = [c.quote for c in drafted.claims if c.by == "jim-benson"]
    assert any("$125" in q for q in jim)


def test_terms_merge_inflections_and_put_the_question_first(bundled) -> None:
    _, drafted = bundled
    labels = [t.label for t in drafted.terms]
    assert set(labels[:3]) == {"cooperation", "coordination", "collaboration"}  # the title's and the post's question
    coop = next(t for t in drafted.terms if t.label == "cooperation")
    assert {"cooperate", "cooperative"} <= set(coop.aliases)
    assert len(labels) <= 30 and len(set(labels)) == len(labels)


# --- the rules on general English, not this thread's sentences -------------------------


NAMES = {" ".join(key_of(t.split())): t.replace(" ", "-")
         for t in ("leadership", "management", "trust", "democracy", "open source", "teamwork")}


def claims_of(sentence: str) -> list[tuple[str, str, bool, str]]:
    return [(f.term, f.label, f.negated, sentence[f.start:f.end])
            for f in read_sentence(sentence, 0, NAMES) if f.label]


def test_a_thumbs_up_before_a_clause_is_no_vote_for_its_subject() -> None:
    """"agree 👍 trust is a habit": the sign is for what was said; "👍 trust" votes."""
    assert ("trust", "preferred") not in [(t, label) for t, label, _, _ in claims_of("agree 👍 trust is a habit.")]
    assert [(t, label) for t, label, _, _ in claims_of("👍 trust")] == [("trust", "preferred")]


def test_an_item_with_brackets_in_its_words_quotes_them_whole() -> None:
    """The quote of "steady hands (a crew's word) in a storm" is those words, brackets and
    all (a trial's glossary item quoted " cancelled subscription (logo churn) / MRR lost t")."""
    [(_, label, _, quoted)] = claims_of("– Leadership – steady hands (a crew's word) in a storm.")
    assert (label, quoted) == ("steady hands in a storm", "steady hands (a crew's word) in a storm")


@pytest.mark.parametrize(("sentence", "expected"), [
    # "about" kept: "estimate: work" of "an estimate is about work" read as "an estimate is work"
    ("Leadership is about setting direction.", [("leadership", "about setting direction", False)]),
    ("Management means keeping things running.", [("management", "keeping things running", False)]),
    ("Leadership is when people follow you willingly.", [("leadership", "people follow you willingly", False)]),
    ("Leadership requires courage and vision.", [("leadership", "needs courage", False),
                                                 ("leadership", "needs vision", False)]),
    ("Trust is not a contract.", [("trust", "contract", True)]),
    ("Technically... leadership is a craft.", [("leadership", "craft", False)]),  # an opener, then a pause
    ("All leadership is a craft.", [("leadership", "craft", False)]),  # said of every one: said of the term
    # a saying liked is no verdict on the word it starts with
    ('I like the saying "trust is earned in drops".', []),
    # a clause of a term and its verb alone says what the clause before said of another
    ("Leadership is earned by example; management is not.", [("leadership", "earned by example", False),
                                                             ("management", "earned by example", True)]),
    ("Leadership isn't taught; management isn't either.", [("leadership", "taught", True),
                                                           ("management", "taught", True)]),
    ("Leadership is earned; management is too.", [("leadership", "earned", False), ("management", "earned", False)]),
    ("Leadership is earned; management is.", [("leadership", "earned", False)]),  # said of neither as such
    # a second verb of the same subject, after "but" or "and": its own predicate, not the first verb's
    ("Leadership gives direction but has no title.", [("leadership", "gives direction", False),
                                                      ("leadership", "has title", True)]),
    ("Leadership gives direction and has no title.", [("leadership", "gives direction", False),
                                                      ("leadership", "has no title", False)]),
    ("Trust needs time and cannot be rushed.", [("trust", "needs time", False), ("trust", "cannot be rushed", False)]),
    # "to" after a verb of its own ("happens to", "seems to") is no purpose: one attribute, not two
    ("Leadership is a role that happens to be paid.", [("leadership", "role that happens to be paid", False)]),
    ("Leadership is setting a course to reach a goal.", [("leadership", "setting a course", False),
                                                         ("leadership", "reach a goal", False)]),
    ("Leadership is what you do; management is what you get.", [("leadership", "what you do", False),
                                                               ("management", "what you get", False)]),
    # markup and @addresses in the words say nothing of the term; a placeholder stays
    ("Leadership is <b>setting direction</b> for @bo_lee.", [("leadership", "setting direction", False)]),
    ("Leadership is never about control.", [("leadership", "about control", True)]),
    ("Management is more procedural than leadership.", [("management", "more procedural", False),
                                                         ("leadership", "less procedural", False)]),
    ("Leadership inspires, whereas management organises.", [("leadership", "inspires", False),
                                                             ("management", "organises", False)]),
    ("Trust can grow slowly.", [("trust", "can grow slowly", False)]),
    # chat's fillers around what is said are no part of it ("like," before it, "tbh" after)
    ("Trust is, like, a habit.", [("trust", "habit", False)]),
    ("Trust is a habit tbh.", [("trust", "habit", False)]),
    ("Trust is a habit, imo.", [("trust", "habit", False)]),
    # an adverb between the term and its verb: "only" limits what it does, and stays
    ("Democracies only survive elections.", [("democracy", "only survive elections", False)]),
    ("Democracies usually survive elections.", [("democracy", "survive elections", False)]),
    # a second statement after a comma, an adverb before its verb (a trial's lost its second side)
    ("Leadership inspires people, management just counts them.", [("leadership", "inspires people", False),
                                                                  ("management", "counts them", False)]),
    ("Management does not scale.", [("management", "scales", True)]),  # as "management never scales" has it
    ("Management doesn't depend on titles.", [("management", "depends on titles", True)]),
    ("Management cannot scale.", [("management", "can scale", True)]),  # "cannot scale", not "not scale"
    ("Management won't scale.", [("management", "will scale", True)]),
    ("– Leadership – vision – courage, humility (not arrogance)", [
        ("leadership", "vision", False), ("leadership", "courage", False), ("leadership", "humility", False),
        ("leadership", "arrogance", True)]),
    # "no X" is said as it is: "not login in N days" reads as no English
    ("– Leadership – no title, not a rank", [("leadership", "no title", False), ("leadership", "a rank", True)]),
    # brackets inside an item: no part of its label, and no comma in them parts it
    ("– Leadership – steady hands (a crew's word) in a storm, patience (earned, kept)", [
        ("leadership", "steady hands in a storm", False), ("leadership", "patience", False)]),
    ("I think democracy involves compromise.", [("democracy", "involves compromise", False)]),
    ("Open source is a way of building software in public.",
     [("open-source", "way of building software in public", False)]),
    ("Management is more about trust than leadership.", [("management", "more about trust", False),
                                                          ("leadership", "less about trust", False)]),  # a term between
    ("Management is a practice that is learned slowly.", [("management", "practice", False),
                                                          ("management", "learned slowly", False)]),
    ("Leadership is a skill that can be taught and is rarely innate.", [
        ("leadership", "skill that can be taught", False), ("leadership", "is rarely innate", False)]),
    ("Leadership skills are rare.", []),  # a compound noun, not "leadership skills (something)"
    ("We talked about leadership yesterday.", []),  # a mention, not a claim
    # a Markdown bullet that is no "– X – a – b" item reads as the sentence it holds
    ("- Leadership means setting a direction.", [("leadership", "setting a direction", False)]),
    ("* Trust is not a feeling", [("trust", "feeling", True)]),
    # a verb's object pronoun and a quantifier are the label's own words
    ("Leadership is a habit that serves you.", [("leadership", "habit that serves you", False)]),
    ("Trust can be any size.", [("trust", "can be any size", False)]),
    # a denial typed without its apostrophe denies as well; "does not need" is "needs", denied
    ("Trust isnt a contract.", [("trust", "contract", True)]),
    ("Trust cant be bought.", [("trust", "bought", True)]),
    ("Leadership doesnt require a title.", [("leadership", "needs title", True)]),
    ("Leadership does not need a title.", [("leadership", "needs title", True)]),
    ("Management is significant.", [("management", "significant", False)]),  # "cant" inside a word denies nothing
    # a hedge on what one knows supposes nothing: the statement after it is claimed
    ("If I understand the definitions, all leadership is service.", [("leadership", "service", False)]),
    ("AFAIK trust is earned.", [("trust", "earned", False)]),
    ("I'd add that trust doesn't need proof.", [("trust", "needs proof", True)]),  # "I'd add" opens as "I add"
    # a clause with no subject goes on with the one before; an aside set off by commas is said too
    ("Trust is fragile but precious.", [("trust", "fragile", False), ("trust", "precious", False)]),
    ("Trust is fragile, but not rare.", [("trust", "fragile", False), ("trust", "rare", True)]),
    ("Trust, which is fragile, is precious.", [("trust", "fragile", False), ("trust", "precious", False)]),
    ("Trust is fragile but we need it.", [("trust", "fragile", False)]),  # a subject of its own
    # a relative clause of short words stays whole: the attribute is who, not "anyone"
    ("Leadership is anyone who is followed willingly.", [("leadership", "anyone who is followed willingly", False)]),
    ("Trust is guarding data from people who shouldn't have it.",
     [("trust", "guarding data from people who shouldn't have it", False)]),
    ("Leadership has a meaning that management never has.", [("leadership", "has meaning that management never has",
                                                                False)]),
    ("Leadership is doing the job you're doing.", [("leadership", "doing the job you're doing", False)]),
    ("Teamwork is talking to each other.", [("teamwork", "talking to each other", False)]),
    ("Teamwork is about how pleasant it is.", [("teamwork", "about how pleasant it is", False)]),
    # "something" a clause describes is kept, and "sure to" is one thing said, no purpose (a
    # trial's "should be we're" and "hit" of "should be something we're almost sure to hit")
    ("Trust should be something we're almost sure to keep.",
     [("trust", "should be something we're almost sure to keep", False)]),
    ("Trust is easy to break.", [("trust", "easy to break", False)]),
    # an emoji that ends the sentence is the speaker's nod, no word of the attribute ("work 👍")
    ("Trust is a habit 👍", [("trust", "habit", False)]),
    # "never" before the verb denies; a change of state keeps its verb
    ("Trust never becomes a contract.", [("trust", "becomes contract", True)]),
    ("Trust may become a contract.", [("trust", "may become contract", False)]),
    ("Trust becomes a habit.", [("trust", "becomes habit", False)]),
    ("Leadership remains personal.", [("leadership", "remains personal", False)]),
    ("Democracy is never finished.", [("democracy", "finished", True)]),
    # a second verb of its own has its own negation, or none (a trial's "theory: can not change")
    ("Trust is not proven and can change.", [("trust", "proven", True), ("trust", "can change", False)]),
    ("Trust is not a contract and has no end.", [("trust", "contract", True), ("trust", "has no end", False)]),
    # the "and" of "between A and B" joins the two it sets apart: one attribute
    ("Trust is the gap between what you say and what you do.",
     [("trust", "gap between what you say and what you do", False)]),
    ("Trust is a bridge between people and it grows.", [("trust", "bridge between people", False),
                                                        ("trust", "grows", False)]),
    # a second clause on a term after "and", its verb a negative contraction, is read on its own,
    # not as more of the first one's (a trial's "theories don't graduate into laws" was denied)
    ("Trust is not a contract at all, and trust doesn't grow on demand.", [("trust", "contract", True),
                                                                           ("trust", "grows on demand", True)]),
])
def test_claim_rules(sentence: str, expected: list[tuple[str, str, bool]]) -> None:
    found = claims_of(sentence)
    assert [(t, label, neg) for t, label, neg, _ in found] == expected
    for _, label, _, quoted in found:  # the quote is the phrase's own characters (a verb in any of its forms)
        assert quoted and quoted in sentence and {lemma(w) for w in label.split()} & {
            lemma(w) for w in re.findall(r"[\w'’-]+", quoted)}


@pytest.mark.parametrize(("sentence", "expected", "quoted"), [
    ("I quite like 'teamwork'.", ("teamwork", "liked", False), "like 'teamwork"),
    ("I wouldn't hate the use of 'trust' though.", ("trust", "disliked", True), "hate the use of 'trust"),
    (":+1: on teamwork", ("teamwork", "preferred", False), "+1: on teamwork"),  # a vote, as forges write it
    ("I vote for the name 'leadership'.", ("leadership", "preferred", False), "vote for the name 'leadership"),
    # someone's suggestion liked, the name after it
    ("I like @Fran's suggestion 'teamwork', too", ("teamwork", "liked", False), "like @Fran's suggestion 'teamwork"),
    ("I think I like Fran's idea best re: 'teamwork'.", ("teamwork", "liked", False), "best re: 'teamwork"),
    # "used to mean ...", not "used mean ..."
    ("I never use 'trust' to mean a contract.", ("trust", "used to mean a contract", True), "use 'trust"),
    # what a word is used to do is said of it; that it is used at all says nothing of it
    ("People use 'teamwork' to talk about any group at all.", ("teamwork", "used to talk about any group",
                                                               False), "use 'teamwork"),
    ("Nobody uses the word 'teamwork'.", ("teamwork", "used", True), "uses the word 'teamwork"),
])
def test_a_speakers_verdict_on_a_word(sentence: str, expected: tuple[str, str, bool], quoted: str) -> None:
    """The attribute is the verdict ("liked"), which the words need not hold; the quote
    runs from the verdict to the word."""
    [(term, label, negated, quote)] = claims_of(sentence)
    assert (term, label, negated) == expected and quoted in quote


@pytest.mark.parametrize("sentence", ["If we use 'trust' here, say so.", "Unless we say 'trust', nobody will."])
def test_a_verdict_supposed_is_no_verdict(sentence: str) -> None:
    assert [label for _, label, _, _ in claims_of(sentence) if label in ("used", "said")] == []


@pytest.mark.parametrize("sentence", ["People use 'teamwork' all the time.", "We use the word 'trust'."])
def test_a_word_in_use_is_no_verdict_on_it(sentence: str) -> None:
    """A thread that argues over a word uses it often; "X: used" would top every consensus."""
    assert claims_of(sentence) == []


def test_contrasts_oppose_their_two_attributes() -> None:
    found = read_sentence("Leadership inspires, whereas management organises.", 0, NAMES)
    opposes = [f for f in found if f.kind == "opposes"]
    assert len(opposes) == 1 and opposes[0].pair is not None
    a, b = opposes[0].pair
    assert (found[a].label, found[b].label) == ("inspires", "organises")
    # one verb on each side of "and": set side by side too; two verbs, or one term, are not
    found = read_sentence("Leadership is personal and management is structural.", 0, NAMES)
    [pair] = [f.pair for f in found if f.kind == "opposes"]
    assert pair is not None and (found[pair[0]].label, found[pair[1]].label) == ("personal", "structural")
    for sentence in ("Leadership is personal and management has rules.", "Leadership is personal and it is rare."):
        assert not [f for f in read_sentence(sentence, 0, NAMES) if f.kind == "opposes"]


@pytest.mark.parametrize("sentence, labels", [
    ("Leadership is inspiring, management is organising.", ("inspiring", "organising")),
    ("Leadership is inspiring, the management is organising.", ("inspiring", "organising")),
    ('"Leadership" is a word for speeches, "management" is a word for audits.', ("word for speeches", "word for audits")),
    ("Leadership costs money, management costs time.", ("costs money", "costs time")),  # any verb
    ("Leadership means direction, and management means order.", ("direction", "order")),
    # what follows the verb is the difference: never both cut to "talks"
    ("A leadership talks with you, a management talks about you.", ("talks with you", "talks about you")),
])
def test_two_statements_joined_by_a_comma_are_read_each_and_opposed(sentence: str, labels: tuple[str, str]) -> None:
    found = read_sentence(sentence, 0, NAMES)
    assert [(f.term, f.label) for f in found if f.kind == "claim"] == [("leadership", labels[0]),
                                                                      ("management", labels[1])]
    assert [f.pair for f in found if f.kind == "opposes"] == [(0, 1)]
    # a comma before a term that states nothing of it joins no second statement
    assert [f.label for f in read_sentence("Leadership is inspiring, like management.", 0, NAMES)
            if f.kind == "claim"] == ["inspiring"]


@pytest.mark.parametrize(("sentence", "labels"), [
    # an aside in brackets within what is said of a term is passed over, not where it is cut
    ("Teamwork = the service (or a part of it) is shared.", ["service is shared"]),
    ("Teamwork is where our stakes (and agendas) are shared.", ["our stakes are shared"]),
    ("Teamwork is shared work (mostly).", ["shared work"]),  # one at the end still ends it
])
def test_an_aside_in_brackets_does_not_cut_an_attribute(sentence: str, labels: list[str]) -> None:
    assert [f.label for f in read_sentence(sentence, 0, NAMES) if f.kind == "claim"] == labels


@pytest.mark.parametrize(("sentence", "labels"), [
    # each item of a list is said of the term (the middle one had been lost)
    ("Trust is slow, local and fragile.", ["slow", "local", "fragile"]),
    # a verb and its objects are one thing said, not its first object and the list's last
    # (a trial's "A bug is informal, covers error, defect, failure and incident" gave "bug: incident")
    ("Trust is informal, covers promises, habits and favours.", ["informal", "covers promises, habits and favours"]),
    ("Trust covers promises, habits and favours.", ["covers promises, habits and favours"]),
    ("Trust needs time, patience and care.", ["needs time, patience and care"]),
    # verbs of their own are things said each (only the first had been kept)
    ("Trust takes years, costs nothing and breaks easily.", ["takes years", "costs nothing", "breaks easily"]),
    # asides, tags and clauses after a comma are no list
    ("Trust is a special case of faith, called loyalty.", ["special case of faith"]),
    ("Trust is basically a habit, right?", ["basically a habit"]),
    ("Trust is built over years, even if they aren't aware of it.", ["built over years"]),
])
def test_a_list_says_each_of_its_things_and_keeps_a_verbs_objects_together(sentence: str, labels: list[str]) -> None:
    assert [f.label for f in read_sentence(sentence, 0, NAMES) if f.kind == "claim"] == labels


def test_a_contrast_of_two_attributes_a_side_opposes_them_side_by_side() -> None:
    found = read_sentence("Teamwork is slow and costly, whereas leadership is fast and cheap.", 0, NAMES)
    pairs = [f.pair for f in found if f.kind == "opposes" and f.pair]
    assert [(found[a].label, found[b].label) for a, b in pairs] == [("slow", "fast"), ("costly", "cheap")]


@pytest.mark.parametrize(("sentence", "pair"), [
    ("Teamwork equals trust plus shared goals.", ("teamwork", "trust")),
    ("Leadership includes management.", ("leadership", "management")),
    # the other way round: what a thing is part of includes it (a trial's "feature includes product")
    ("Management is part of leadership.", ("leadership", "management")),
    ("Management is a part of leadership.", ("leadership", "management")),
    ("Management belongs to leadership.", ("leadership", "management")),
])
def test_relations_between_terms(sentence: str, pair: tuple[str, str]) -> None:
    found = [f for f in read_sentence(sentence, 0, NAMES) if f.kind == "includes"]
    assert [(f.term, f.other) for f in found] == [pair]


@pytest.mark.parametrize(("sentence", "kind"), [
    ("We could say leadership instead of management.", "similar_to"),  # a name in place of another
    ("We want leadership rather than management.", "contrasts_with"),
    ("Leadership, not management.", "contrasts_with"),
    ("Leadership is a habit, not a management.", "contrasts_with"),  # what it is, set against the other
    # a genus and what tells the kind apart: a kind of it, no likeness (a trial's "An outage is an
    # incident where the service is unavailable" had been "outage similar to incident")
    ("Management is a leadership where rules win.", "includes"),
    ("Management is a leadership that counts.", "includes"),
])
def test_a_name_instead_of_another_is_another_name_for_it(sentence: str, kind: str) -> None:
    from conceptgraph.draft.relations import term_relations
    from conceptgraph.draft.rules import mentions_in

    found = term_relations(sentence, 0, mentions_in(sentence, 0, len(sentence), NAMES))
    assert [(f.kind, f.term, f.other) for f in found] == [(kind, "leadership", "management")]


def test_what_a_term_is_not_is_set_against_nothing_a_next_clause_names() -> None:
    """"Trust is not a contract, and leadership is a habit": the second clause is about
    leadership, which nothing sets against the contract (a trial's "A theory is not a
    guess, and a law is ..." had drafted "guess contrasts with law")."""
    from conceptgraph.draft.relations import term_relations
    from conceptgraph.draft.rules import mentions_in

    sentence = "Trust is not a management, and leadership is a habit."
    found = term_relations(sentence, 0, mentions_in(sentence, 0, len(sentence), NAMES))
    assert ("management", "leadership") not in {(f.term, f.other) for f in found} | {(f.other, f.term) for f in found}


@pytest.mark.parametrize(("sentence", "found"), [
    # asking how two differ takes the difference as given, as "what is the difference" does
    ("How is leadership different from management?", [("contrasts_with", "leadership", "management")]),
    ("Can I ask how leadership is different from management then?", [("contrasts_with", "leadership", "management")]),
    ("Can someone explain how leadership differs from management?", [("contrasts_with", "leadership", "management")]),
    # a run of "vs" sets each against each, its two ends too (a trial's three-way question lost one pair)
    ("So, leadership vs management vs teamwork: where are the lines?",
     [("contrasts_with", "leadership", "teamwork"), ("contrasts_with", "leadership", "management"),
      ("contrasts_with", "management", "teamwork")]),
    # asking whether they differ, or asking a statement back, states nothing
    ("Is leadership different from management?", []),
    ("So leadership is different from management?", []),
])
def test_a_question_of_how_two_terms_differ_contrasts_them(sentence: str, found: list[tuple[str, str, str]]) -> None:
    from conceptgraph.draft.relations import term_relations
    from conceptgraph.draft.rules import mentions_in

    got = term_relations(sentence, 0, mentions_in(sentence, 0, len(sentence), NAMES))
    assert [(f.kind, f.term, f.other) for f in got] == found


@pytest.mark.parametrize(("sentence", "replied", "expected"), [
    ("I agree with Maria on this.", "", [("agrees_with", "maria")]),
    ("Like Tom, I think it matters.", "", [("agrees_with", "tom")]),
    ("+1", "maria", [("agrees_with", "maria")]),
    ("I'm :+1: on cure", "maria", [("agrees_with", "maria")]),  # as forges and chats write it
    (":thumbsup: from me", "maria", [("agrees_with", "maria")]),
    ("\U0001F44D", "maria", [("agrees_with", "maria")]),
    ("So x+1 is the next index.", "maria", []),
    ("-1 on blame-aware: it sounds like we are tracking blame.", "maria", [("disputes", "maria")]),  # a vote against
    (":-1: from me", "maria", [("disputes", "maria")]),
    ("\U0001F44E", "maria", [("disputes", "maria")]),
    ("Set the limit to -1 for none.", "maria", []),  # a number
    ("-1°C is too warm for the freezer.", "maria", []),
    ("Exactly.", "tom", [("agrees_with", "tom")]),
    ("Yeah, makes sense.", "tom", [("agrees_with", "tom")]),  # an opener before it
    ("To contradict Maria, it is not so simple.", "", [("disputes", "maria")]),
    ("I disagree.", "tom", [("disputes", "tom")]),
    ("Fair, but the rest does not follow.", "tom", [("disputes", "tom")]),  # granted, then taken back
    # "That's fair ..., but": granted, then taken back too (a trial's had no stance at all)
    ("That's fair for the academic usage, but on a sign it reads as a threat.", "tom", [("disputes", "tom")]),
    ("That's true, but it is not the point.", "tom", [("disputes", "tom")]),
    ("I'd disagree slightly with that.", "tom", [("disputes", "tom")]),
    ("I see it differently from Maria.", "tom", [("disputes", "maria")]),  # to the one named, not the one above
    ("I see it differently to Maria actually.", "tom", [("disputes", "maria")]),  # as British English says it
    ("I beg to differ with Maria.", "tom", [("disputes", "maria")]),
    ("I see it differently.", "tom", [("disputes", "tom")]),
    ("Right, let's move on to the next one.", "tom", []),  # running the meeting takes no side
    ("Reminder: team photo on Friday, wear something that isn't a hoodie", "tom", []),  # news to everyone
    ("See Why Open Source Misses the Point (https://example.org/x).", "tom", []),  # a pointer, its title
    ("See, that misses the point.", "tom", [("disputes", "tom")]),
    ("Yes, we can hear you, Tom.", "tom", []),
    ("I agree, let's move on.", "tom", [("agrees_with", "tom")]),
    ("I would agree, mostly.", "tom", [("agrees_with", "tom")]),
    ("Granted, but that is not the point.", "tom", [("disputes", "tom")]),
    ("I completely disagree with Tom Ruiz here.", "", [("disputes", "tom")]),
    ("Unlike Maria, I see no difference.", "", [("disputes", "maria")]),
    ("I agree to meet on Tuesday.", "tom", []),  # not agreement with anyone
    ("Maria and Tom wrote this.", "", []),
    ("Agreed.", "tom", [("agrees_with", "tom")]),
    ("We agreed in May that it was not a good name.", "tom", []),  # a past agreement told, not a stance
    ("Ah, nice!", "tom", [("agrees_with", "tom")]),
    ("Nice weather for it, but no.", "tom", []),
    ("What Tom said", "maria", [("agrees_with", "tom")]),
    ("What Tom said is wrong?", "maria", []),
    ("tom - yes, I think that was the name.", "", [("agrees_with", "tom")]),
    ("Again I'm going to have to disagree with you.", "tom", [("disputes", "tom")]),
    ("+1 to Maria's proposal.", "tom", [("agrees_with", "maria")]),  # to the one it names, not the one above
    ("+1 for Tom", "maria", [("agrees_with", "tom")]),
    ("I see it differently: a weed is a choice.", "tom", [("disputes", "tom")]),
    ("I beg to differ.", "tom", [("disputes", "tom")]),
    # a negation turns the verb round, except in "couldn't ... more"
    ("I do not agree with Maria.", "tom", [("disputes", "maria")]),
    ("I don't fully agree with Maria.", "tom", [("disputes", "maria")]),
    ("I don't disagree here.", "tom", [("agrees_with", "tom")]),
    ("I do not disagree with Maria.", "tom", [("agrees_with", "maria")]),
    ("I couldn't agree more.", "tom", [("agrees_with", "tom")]),
    ("I couldn't agree more with Maria.", "tom", [("agrees_with", "maria")]),
    ("I couldn't disagree more.", "tom", [("disputes", "tom")]),
    ("I couldn't disagree more with Maria.", "tom", [("disputes", "maria")]),
    ("We agree with Maria.", "tom", [("agrees_with", "maria")]),
    ("Wow, this is good.", "tom", [("agrees_with", "tom")]),
    ("That's a great idea!", "tom", [("agrees_with", "tom")]),
    ("That is good for small teams, but not here.", "tom", []),  # more than approval
    ("Maria has a point.", "tom", [("agrees_with", "maria")]),  # granting a point to the one named
    # towards the one named, though an opener would answer the one replied to
    ("Actually, Maria has a point.", "tom", [("agrees_with", "maria")]),
    ("Maria makes a fair point about teams.", "tom", [("agrees_with", "maria")]),
    ("Maria has a point of view on it.", "tom", []),  # a point of view is no point granted
    # taking what was put forward, in the words naming threads use
    ("Works for me.", "tom", [("agrees_with", "tom")]),
    ("That name works for me.", "tom", [("agrees_with", "tom")]),
    ("I can live with that.", "tom", [("agrees_with", "tom")]),
    ("I'd go with that.", "tom", [("agrees_with", "tom")]),
    ("I prefer that name, yes.", "tom", [("agrees_with", "tom")]),
    ("I prefer your wording.", "tom", [("agrees_with", "tom")]),
    ("I prefer that we call it a gadget.", "tom", []),  # putting something else forward
    ("I'm cool with that name.", "tom", [("agrees_with", "tom")]),
    ("I would go along with those who keep it.", "tom", [("agrees_with", "tom")]),
    ("I'm not happy with that name.", "tom", [("disputes", "tom")]),  # the negation turns it round
    ("I'm working with teams.", "tom", []),
    # assent and dissent as people say them in a word or two
    ("Definitely.", "tom", [("agrees_with", "tom")]),
    ("Ditto.", "tom", [("agrees_with", "tom")]),
    ("That's fair.", "tom", [("agrees_with", "tom")]),
    ("Well put.", "tom", [("agrees_with", "tom")]),
    ("I second that.", "tom", [("agrees_with", "tom")]),
    ("I'm with you on this.", "tom", [("agrees_with", "tom")]),
    ("I'm with Maria.", "tom", [("agrees_with", "maria")]),
    ("I'm with Acme and we use teams.", "tom", []),  # an employer, not a side
    ("I think so too.", "tom", [("agrees_with", "tom")]),
    ("I can confirm that.", "tom", [("agrees_with", "tom")]),
    ("Couldn't have said it better.", "tom", [("agrees_with", "tom")]),
    ("Same problem with teams.", "tom", []),
    ("I'm skeptical.", "tom", [("disputes", "tom")]),
    ("I have no objection.", "tom", []),  # no dissent: left to the reply's leaning
    ("You're not wrong.", "tom", []),
    ("I object.", "tom", [("disputes", "tom")]),
    ("I have objections to that.", "tom", [("disputes", "tom")]),
    ("That's a stretch.", "tom", [("disputes", "tom")]),
    ("That doesn't make sense.", "tom", [("disputes", "tom")]),
    ("It doesn't make sense to me why teams exist.", "tom", []),
    ("I would argue the opposite.", "tom", [("disputes", "tom")]),
    ("Respectfully, no.", "tom", [("disputes", "tom")]),
    ("Meh.", "tom", [("disputes", "tom")]),
    ("Hmm, I'm not so sure.", "tom", [("disputes", "tom")]),
    ("I'm not sure which one is meant.", "tom", []),
    ("That works for small teams only.", "tom", []),
    ("LGTM.", "tom", [("agrees_with", "tom")]),
    ("I'm all for it.", "tom", [("agrees_with", "tom")]),
    ("I'm in favour of gadget.", "tom", []),  # of something else put forward
    ("I don't like it.", "tom", [("disputes", "tom")]),
    ("I don't like it when names change.", "tom", []),
    ("Hmm, not sure.", "tom", [("disputes", "tom")]),
    ("That's a bad idea.", "tom", [("disputes", "tom")]),
    ("I'm against it.", "tom", [("disputes", "tom")]),
    ("That won't work.", "tom", [("disputes", "tom")]),
    ("Strong -1.", "tom", [("disputes", "tom")]),
    # contractions typed without the apostrophe, as chat and forums write them
    ("I dont agree.", "tom", [("disputes", "tom")]),
    ("I dont think that's true.", "tom", [("disputes", "tom")]),
    ("That isnt true.", "tom", [("disputes", "tom")]),
    ("That isn't true.", "tom", [("disputes", "tom")]),
    ("I cant agree with Maria.", "tom", [("disputes", "maria")]),
    ("I dont disagree.", "tom", [("agrees_with", "tom")]),
    ("I don' think that's true.", "tom", [("disputes", "tom")]),  # the "t" dropped
    # chat's bare replies, often unpunctuated
    ("ok", "tom", [("agrees_with", "tom")]),
    ("cool", "tom", [("agrees_with", "tom")]),
    ("^ this", "tom", [("agrees_with", "tom")]),
    ("Seconded.", "tom", [("agrees_with", "tom")]),
    ("Nah.", "tom", [("disputes", "tom")]),
    ("k", "tom", []),
    ("agree w/ maria, it is slow.", "tom", [("agrees_with", "maria")]),  # "w/" for "with"
    # agreement in idioms without the word
    ("Bingo.", "tom", [("agrees_with", "tom")]),
    ("Count me in.", "tom", [("agrees_with", "tom")]),
    ("Same thought here.", "tom", [("agrees_with", "tom")]),
    ("I was going to say the same thing.", "tom", [("agrees_with", "tom")]),
    ("I was about to say that a queue is a list.", "tom", []),  # what they would have said, their own
    ("Pretty much.", "tom", [("agrees_with", "tom")]),
    # "not really" answers as a sentence of its own does, before a colon or a dash too
    ("Not really: a queue is a list.", "tom", [("disputes", "tom")]),
    ("Not quite - a queue is a list.", "tom", [("disputes", "tom")]),
    ("Not really sure what a queue is.", "tom", []),
    # a disagreement denied is none (a trial's was a dispute at 0.70)
    ("A queue is a list in order, so I don't think we actually disagree.", "tom", []),
    # the one named right, "is" contracted (a trial's "I think Marco's right here actually" disputed)
    ("Sorry, I think Maria's right here actually.", "tom", [("agrees_with", "maria")]),
])
def test_stance_rules(sentence: str, replied: str, expected: list[tuple[str, str]]) -> None:
    who = name_index([("maria", "Maria Lopez"), ("tom", "Tom Ruiz")])
    assert [(s.kind, s.target) for s in stances(sentence, who, replied)] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("I agree with Siobhan.", "siobhan"),  # the accent left off
    ("+1 to Dr_Isobar_Storm.", "storm"),  # a login that starts like a title
    ("+1 kattie", "kattie"),  # a login in lower case, as chat writes it
    ("@Kwame Osei exactly.", "kwame"),  # an agreement after the name it speaks to
    ("As @Kwame Osei says, the SLA is a promise.", "kwame"),  # a name as chats write it
    ("I agree with @kwos.", "kwame"),  # a forum's handle, made of the starts of first and last names
])
def test_a_stance_finds_whom_it_names_as_people_write_names(sentence: str, expected: str) -> None:
    who = name_index([("siobhan", "Siobhán O'Brien"), ("storm", "Dr_Isobar_Storm"), ("kattie", "kattie"),
                      ("kwame", "Kwame Osei"), ("other", "Zed")])
    assert [(s.kind, s.target, s.named) for s in stances(sentence, who, "other")] == [("agrees_with", expected, True)]


def test_the_name_index_finds_whom_a_plain_dictionary_of_its_names_would() -> None:
    """The index files logins and names apart, for speed, as keys come and go (a name
    two people share is given to one, then taken away): whom a name written in a text
    stands for is the same as when every key is looked through."""
    from conceptgraph.draft.stances import _person

    people = [("sr", "samrivera"), ("sk", "samkhan"), ("mc", "Marcus Cole"), ("ml", "Marcos Lima"),
              ("tw", "Tom Whitfield"), ("jc", "Jessica Carver"), ("an", "Anneliese")]
    index = name_index(people)
    written = ["Sam", "Samr", "Samk", "Marcu's", "Marcus", "Marco", "Dr. Cole", "@twhit", "Jessica", "Jesica",
               "Annelise", "Anneliese's", "Nobody", "Jess"]
    for change in (None, ("set", "jessica", "an"), ("set", "marco", "ml"), ("pop", "marcus"), ("pop", "\x00samrivera")):
        if change and change[0] == "set":
            index[change[1]] = change[2]
        elif change:
            index.pop(change[1])
        plain = dict(index)  # (no index of its own: every key looked through)
        assert type(plain) is dict
        assert [_person(w, index) for w in written] == [_person(w, plain) for w in written], change
    assert _person("Samr", index) == "" and _person("Samk", index) == "sk"  # samrivera's login popped
    with pytest.raises(NotImplementedError):
        index.setdefault("x", "y")


def test_terms_of_a_small_thread_come_from_its_question() -> None:
    msgs = [Message("m1", "a", "post", "Is open-source work a commons or a market?"),
            Message("m2", "b", "comment 1", "A market, clearly: markets set prices.", reply_to="m1"),
            Message("m3", "c", "comment 2", "A commons. Commons are shared.", reply_to="m1")]
    labels = [t.label for t in find_terms(msgs, title="", max_terms=5)]
    assert labels[:2] == ["commons", "market"]


def test_a_kind_defined_outright_is_a_term_though_a_common_word() -> None:
    """"A target is a wish from above.": defined as a dictionary does (a sentence that opens
    "A X is a ...", "An X isn't ..."), a common word is a term of the thread; a trial's
    estimate / forecast / commitment / target thread had only "forecast" drafted."""
    msgs = [Message("m1", "a", "post", "A target is a wish from above."),
            Message("m2", "b", "comment 1", "An estimate is a guess about effort, a forecast is a range of dates."),
            Message("m3", "c", "comment 2", "Well, a forecast is not a promise. Targets come from management."),
            Message("m4", "a", "comment 3", "A commitment is what the team signs up for. The problem is a bad plan."),
            # a compound whose head is a word of talk ("point") is a term all the same; that word alone is not
            Message("m5", "b", "comment 4", "A story point is an estimate of effort. A point is a thing to say.")]
    labels = {t.label for t in find_terms(msgs, title="", max_terms=10)}
    assert {"target", "estimate", "forecast", "commitment", "story point"} <= labels, labels
    assert not labels & {"problem", "point"}, labels


@pytest.mark.parametrize(("title", "kept"), [
    ("Folk & Trad — Lyon / Zaragoza", set()),  # a chat named for where its people are
    ("Lyon / Zaragoza", set()),
    ("lyon / zaragoza", {"lyon", "zaragoza"}),  # not written as names: the title's own sides
    ("Folk — Lyon / Zaragoza", set()),
])
def test_a_name_only_the_title_gives_is_no_term(title: str, kept: set[str]) -> None:
    msgs = [Message("m1", "a", "post", "What's the difference between folk music and traditional music?"),
            Message("m2", "b", "comment 1", "Folk music is what people play at home.", reply_to="m1"),
            Message("m3", "c", "comment 2", "Traditional music is older than folk music.", reply_to="m1")]
    labels = {t.label for t in find_terms(msgs, title=title, max_terms=10)}
    assert {"folk music", "traditional music"} <= labels
    assert labels & {"lyon", "zaragoza"} == kept


@pytest.mark.parametrize("title", ["Facilitation vs moderation: same job or not?",
                                   "Facilitation and moderation, different jobs?"])
def test_the_kind_a_title_compares_in_is_no_term(title: str) -> None:
    """"same job or not?": "job" is what the two are compared as, not a third term (a
    facilitator's trial had it drafted, and listed first)."""
    msgs = [Message("m1", "a", "post", "Is facilitation the same as moderation?"),
            Message("m2", "b", "comment 1", "Facilitation is neutral. Moderation enforces rules.", reply_to="m1"),
            Message("m3", "c", "comment 2", "Online moderation is a different job.", reply_to="m1")]
    labels = {t.label for t in find_terms(msgs, title=title, max_terms=10)}
    assert {"facilitation", "moderation"} <= labels and not labels & {"job", "jobs", "same job"}, labels


def test_a_term_is_named_in_the_singular_the_text_uses_though_the_title_asks_in_the_plural() -> None:
    msgs = [Message("m1", "a", "post", "What is the difference between a tag and a category?"),
            Message("m2", "b", "comment 1", "A tag is a facet. Categories are containers.", reply_to="m1")]
    labels = {t.label: t.aliases for t in find_terms(msgs, title="Tags vs categories", max_terms=10)}
    assert {"tag", "category"} <= set(labels) and "tags" in labels["tag"]


def test_an_opener_is_no_word_of_a_word_defined() -> None:
    msgs = [Message("m1", "a", "post", "Is usability the same as accessibility?"),
            Message("m2", "b", "comment 1", "So conformance means passing the checks.", reply_to="m1")]
    labels = {t.label for t in find_terms(msgs, title="", max_terms=10)}
    assert "conformance" in labels and "so conformance" not in labels


def test_a_name_the_title_gives_and_a_message_takes_up_is_a_term() -> None:
    msgs = [Message("m1", "a", "post", "Is Scrum a kind of Agile? Scrum has sprints; Agile is a manifesto."),
            Message("m2", "b", "comment 1", "Scrum is one way to do Agile.", reply_to="m1")]
    assert {"scrum", "agile"} <= {t.label.casefold() for t in find_terms(msgs, title="Scrum / Agile", max_terms=10)}


@pytest.mark.parametrize(("question", "sides"), [
    ("Do you prefer rebase or merge?", {"rebase", "merge"}),
    ("Is the part named widget or gadget?", {"widget", "gadget"}),
    # a participle before a noun is a word of the side, not the verb that asks
    ("Is it a tracking branch or a remote branch?", {"tracking branch", "remote branch"}),
    ("Is it a signed commit or tagged commit?", {"signed commit", "tagged commit"}),
    # the subject of a question whether it is one thing or another is no part of the first side
    ("Is a dry season weather or climate?", {"weather", "climate"}),
    ("Are cold snaps weather events or climate events?", {"weather events", "climate events"}),
])
def test_the_verb_that_asks_is_no_part_of_a_side(question: str, sides: set[str]) -> None:
    msgs = [Message("m1", "a", "post", question), Message("m2", "b", "comment 1", "No strong view either way.")]
    assert {t.label for t in find_terms(msgs, title="", max_terms=4)} == sides


@pytest.mark.parametrize(("question", "sides"), [
    # each item of a list put in place of another
    ("Should we use widget or gadget instead of gizmo here?", {"widget", "gadget", "gizmo"}),
    ("We could write a widget, a gadget or a doohickey rather than gizmo.", {"widget", "gadget", "doohickey", "gizmo"}),
    # each pair of a rename
    ("I propose renaming widget to gadget and gizmo to doohickey.", {"widget", "gadget", "gizmo", "doohickey"}),
    ("Rename widget to gadget, gizmo to doohickey, and thingamajig to whatsit.",
     {"widget", "gadget", "gizmo", "doohickey", "thingamajig", "whatsit"}),
    ("Replace widget with gadget and gizmo with doohickey.", {"widget", "gadget", "gizmo", "doohickey"}),
    # and no pair where a clause of its own follows the rename
    ("Rename widget to gadget, and go to bed.", {"widget", "gadget"}),
    # a quoted side that is a sentence is said, not named (a trial's terms "We forecast June"
    # and "we commit to June")
    ('What do we tell them: "We ship widgets" or "we sell gadgets"?', set()),
    ('Should we say "widget" or "gadget"?', {"widget", "gadget"}),
])
def test_every_side_a_list_or_a_chain_of_renames_gives_is_a_term(question: str, sides: set[str]) -> None:
    msgs = [Message("m1", "a", "post", question), Message("m2", "b", "comment 1", "No strong view either way.")]
    assert {t.label for t in find_terms(msgs, title="", max_terms=8)} == sides


@pytest.mark.parametrize("title", [
    "Cooperation & collaboration",  # a title that is two names and nothing else
    "Cooperation vs collaboration & teams",  # not "collaboration teams"
    "forum. Cooperation or collaboration?",  # the site's name before it is no word of a side
])
def test_a_title_that_sets_two_names_side_by_side_gives_both(title: str) -> None:
    msgs = [Message("m1", "a", "post", "Which word fits?"),
            Message("m2", "b", "comment 1", "Cooperation is a truce; collaboration is a project.", reply_to="m1")]
    assert {t.label for t in find_terms(msgs, title=title, max_terms=4)} == {"cooperation", "collaboration"}


@pytest.mark.parametrize("title", ["Mentoring vs coaching vs sponsoring", "Mentoring vs. Coaching vs. Sponsoring",
                                   "Mentoring, coaching or sponsoring?",
                                   "What's the difference between mentoring, coaching and sponsoring?"])
def test_a_title_that_sets_three_apart_gives_all_three_as_the_acts_it_names(title: str) -> None:
    """Three sides, however listed, are three terms; a title's capitals are no name's
    when a dictionary has the word ("Mentoring" had been taken for a place, as "Lyon" is);
    and each is named as the title names it, the act ("mentoring"), not the one who does
    it ("mentor"), which its other messages say more often."""
    msgs = [Message("m1", "a", "post", "People use the three words as if they were the same thing."),
            Message("m2", "b", "comment 1", "A mentor shares experience. A mentor is senior. Coaching asks questions.",
                    reply_to="m1"),
            Message("m3", "c", "comment 2", "A sponsor spends reputation on you; a coach does not.", reply_to="m1")]
    labels = [t.label for t in find_terms(msgs, title=title, max_terms=6)]
    assert {"mentoring", "coaching", "sponsoring"} <= set(labels), labels
    msgs[0] = Message("m1", "a", "post", "Well, yes, coaching or sponsoring?")
    assert not {"well", "yes"} & {t.label for t in find_terms(msgs, title="", max_terms=6)}


def test_each_conversation_s_subject_titles_the_thread_too() -> None:
    """A channel of several conversations (Teams'), each opened by a post with its own
    subject: every subject is read as a title, not the first alone."""
    msgs = (Message("m1", "a", "message 1", "We keep mixing these up.", title="Incident vs outage"),
            Message("m2", "b", "reply 1 to message 1", "An outage is total.", reply_to="m1"),
            Message("m3", "c", "message 2", "Which do we print?", title="Uptime or availability?"),
            Message("m4", "a", "reply 1 to message 2", "Availability includes degraded time; uptime does not.",
                    reply_to="m3"))
    people = tuple(Contributor(c, c.upper(), "commenter") for c in "abc")
    labels = {t.label for t in draft(Dataset(Source("sre-terms"), messages=msgs, contributors=people)).terms}
    assert {"incident", "outage", "uptime", "availability"} <= labels, labels


def test_hacker_news_s_own_tag_in_a_title_is_no_term() -> None:
    """"Ask HN: ..." is how the site marks a question: "HN" is no word the thread discusses."""
    from conceptgraph.model import Source

    msgs = (Message("m1", "a", "post", "Which word fits our code?"),
            Message("m2", "b", "comment 1", "A library is called by you; a framework calls you.", reply_to="m1"),
            Message("m3", "c", "comment 2", "HN has had this thread before, and a framework is still a library.",
                    reply_to="m1"))
    ds = Dataset(source=Source(title="Ask HN: Library vs. framework?"),
                 contributors=tuple(Contributor(p, p.upper(), "commenter") for p in "abc"), messages=msgs)
    assert {t.label for t in draft(ds).terms} == {"library", "framework"}


def test_a_disqus_pages_title_is_what_its_comments_discuss(tmp_path: Path) -> None:
    """A Disqus thread has comments only: its page's title goes on the first, as a post's
    title would, so that the draft takes the title's question (it drafted no term)."""
    folder = tmp_path / "d"
    assert run("import", str(ROOT / "tests" / "fixtures" / "discussions" / "disqus.xml"), "-o", str(folder),
               "--draft", "-q").exit_code == 0
    assert {t.label for t in load_dataset(folder).terms} >= {"cooperation", "collaboration"}


def test_a_word_defined_after_a_comma_and_and_is_the_word_alone() -> None:
    msgs = [Message("m1", "a", "post", "What is the difference between weather and climate?"),
            Message("m2", "b", "comment 1", "Weather means what happens today, and climate means the long-term pattern.")]
    assert {t.label for t in find_terms(msgs, title="", max_terms=6)} == {"weather", "climate"}


def test_the_second_side_of_a_question_ends_before_a_preposition() -> None:
    msgs = [Message("m1", "a", "post", "We must teach the difference between weather and climate in year seven."),
            Message("m2", "b", "comment 1", "Weather is today; climate is decades.")]
    assert {t.label for t in find_terms(msgs, title="", max_terms=6)} == {"weather", "climate"}


def test_a_pronoun_for_anyone_is_no_term() -> None:
    """"Nobody remembers an archetype": "nobody" opens claims, and is no term."""
    msgs = [Message("m1", "a", "post", "Is a persona an archetype?"),
            Message("m2", "b", "comment 1", "Without a name nobody remembers an archetype. Nobody reads a segment."),
            Message("m3", "c", "comment 2", "Nobody is the problem. Everyone forgets a segment.")]
    assert not {"nobody", "everyone"} & {t.label.casefold() for t in find_terms(msgs, title="", max_terms=8)}


def test_what_is_said_of_a_word_held_up_is_no_term() -> None:
    """"a term used throughout", "the word that ...": the word is the subject, not the words after it."""
    msgs = [Message("m1", "a", "post", "Blocklist is a term used throughout technology. Blocklist should stay."),
            Message("m2", "b", "comment 1", "Denylist is the word that matters. Denylist is clearer than blocklist."),
            Message("m3", "c", "comment 2", "Denylist is a name given by the team. Blocklist is older.")]
    labels = {t.label.casefold() for t in find_terms(msgs, title="", max_terms=8)}
    assert {"blocklist", "denylist"} <= labels and not {"used", "that", "given"} & labels, labels
    # nor a verb after it, closing the clause or taking an object
    msgs = [Message("m1", "a", "post", "Is a blocklist a denylist? Do you know what the term means?"),
            Message("m2", "b", "comment 1", "Sometimes the term acquires a new meaning. Blocklist is older."),
            Message("m3", "c", "comment 2", "The word suggests a list. Denylist is clearer.")]
    labels = {t.label.casefold() for t in find_terms(msgs, title="", max_terms=8)}
    assert {"blocklist", "denylist"} <= labels and not {"means", "acquires", "suggests"} & labels, labels
    # nor a shouted warning's head ("WARNING: DON'T ..."), which a glossary line looks like
    msgs += [Message("m4", "d", "comment 3", "WARRNING: DON'T ENTER THAT URL IN YOUR BROWSER !"),
             Message("m5", "e", "comment 4", "WARRNING: DON'T ENTER THAT URL IN YOUR BROWSER !")]
    labels = {t.label.casefold() for t in find_terms(msgs, title="", max_terms=8)}
    assert "warrning" not in labels, labels


def test_each_word_a_glossary_defines_is_a_term_though_said_once() -> None:
    """A message of several lines "rollback: undoing a deployment" is a glossary: each
    head is a term, with what it is said to be, though no one says it again; a line that
    only looks like one ("We have two tags: ...", "On the site: ...") is none."""
    glossary = ("Here is how I'd define our words:\n- rollback: undoing a deployment by redeploying the last version\n"
                "- hotfix: a small patch shipped outside the release train\n"
                "- release train: the fixed schedule of releases")
    msgs = [Message("m1", "a", "post", "Which words do we use for releases?"),
            Message("m2", "b", "comment 1", glossary, reply_to="m1"),
            Message("m3", "c", "comment 2", "I agree, but a hotfix can be big.", reply_to="m2")]
    labels = {t.label for t in find_terms(msgs, title="", max_terms=8)}
    assert {"rollback", "hotfix", "release train"} <= labels, labels
    msgs[1] = Message("m2", "b", "comment 1", "We have two tags: cog and whatnot\nOn the site: I think they are one.")
    labels = {t.label for t in find_terms(msgs, title="", max_terms=8)}
    assert not {"tags", "two tags", "site"} & labels, labels


def test_a_markdown_table_of_words_and_meanings_is_a_glossary_row_by_row(tmp_path: Path) -> None:
    """A Markdown table in a mail is kept (a row is no "| " quote of an older reader);
    each row is a sentence, and a table of two columns defines each word of its first,
    its heading ("| term | meaning |") no term; a row's claim quotes its cells."""
    table = ("Proposed terms:\n\n| term | meaning |\n|---|---|\n| tenant | a paying customer organisation |\n"
             "| workspace | a project space inside a tenant |\n\nThoughts?")
    (tmp_path / "m.mbox").write_text(
        "From a@x Mon Jan  1 00:00:00 2024\nFrom: Ann Lee <ann@x.org>\nMessage-ID: <1@x>\nSubject: Words\n\n"
        f"{table}\n\nFrom b@x Mon Jan  1 00:00:00 2024\nFrom: Bo Chen <bo@x.org>\nMessage-ID: <2@x>\n"
        "In-Reply-To: <1@x>\nSubject: Re: Words\n\n| Ann's list is long.\n| Too long.\nA workspace can span tenants.\n",
        encoding="utf-8")
    ds, _ = read_discussion([tmp_path / "m.mbox"])
    assert [m.text for m in ds.messages] == [table, "A workspace can span tenants."]  # an old reader's quote goes
    drafted = draft(ds)
    assert {t.label for t in drafted.terms} == {"tenant", "workspace"}
    said = {(c.term, c.attribute, c.quote) for c in drafted.claims if c.by == "ann-lee"}
    assert said == {("tenant", "paying-customer-organisation", "tenant | a paying customer organisation"),
                    ("workspace", "project-space-inside-a-tenant", "workspace | a project space inside a tenant")}, said


def test_rows_and_lists_that_would_take_hours_are_read_in_proportion() -> None:
    """A table's row with a long run of spaces before a third cell, a slash after a long
    run of spaces, and a long list before a title's question: each read at a size that
    took hours while patterns gave back what they had taken (their times are no test's:
    this one hangs should one come back), the rows and sides around them still found."""
    table = ("| a | " + "b" * 50 + " " * 20_000 + "| x\n| workspace | a project space inside a tenant |\n"
             "| tenant | a paying customer organisation |")
    msgs = [Message("m1", "a", "post", table),
            Message("m2", "b", "comment 1", "A workspace" + " " * 20_000 + "is no space / room.", reply_to="m1")]
    title = "ab cd, " * 20_000 + "mentoring, coaching or sponsoring?"
    labels = {t.label for t in find_terms(msgs, title=title, max_terms=10)}
    assert {"workspace", "tenant", "mentoring", "coaching", "sponsoring"} <= labels, labels


def test_a_name_given_is_the_term_not_the_naming() -> None:
    """"a column called Objective", "call the column Target": the names, never "called
    Objective" nor "column Target"."""
    ds, _ = read_discussion([ROOT / "tests" / "fixtures" / "discussions" / "discourse-goal-objective.json"])
    labels = {t.label.casefold() for t in draft(ds).terms}
    assert {"goal", "objective", "target"} <= labels
    assert not any(label.startswith(("called ", "column ")) for label in labels), labels


def test_a_word_said_to_just_mean_something_is_the_word_alone() -> None:
    msgs = [Message("m1", "a", "post", "Deprecated or legacy: which do we say?"),
            Message("m2", "b", "comment 1", "Deprecated just means do not start using it."),
            Message("m3", "c", "comment 2", "Legacy simply means old.")]
    labels = {t.label.casefold() for t in find_terms(msgs, title="", max_terms=6)}
    assert {"deprecated", "legacy"} <= labels and not any(" " in label for label in labels), labels


def test_two_sides_set_apart_by_a_slash_are_terms_even_common_verbs() -> None:
    """A title "renaming .take / .drop" holds up both names, though "take" is as common a
    word as English has; a held-up "the" or "have" is still no term."""
    msgs = [Message("m1", "a", "post", "We have two methods called take and drop."),
            Message("m2", "b", "comment 1", "I would rather call them limit and skip.", reply_to="m1")]
    labels = [t.label for t in find_terms(msgs, title="Iterator helpers: renaming .take / .drop", max_terms=5)]
    assert {"take", "drop"} <= set(labels)
    msgs = [Message("m1", "a", "post", "A conjecture is a guess. A proof settles it, and the proof is checked.")]
    labels = [t.label for t in find_terms(msgs, title="terminology of conjecture/proof", max_terms=5)]
    assert {"conjecture", "proof"} <= set(labels) and "conjecture proof" not in labels
    msgs = [Message("m1", "a", "post", 'Is "the" a word? And "have"?')]
    labels = [t.label for t in find_terms(msgs, title="the / have", max_terms=5)]
    assert "the" not in labels and "have" not in labels


def test_one_term_however_it_is_spaced_and_a_numbered_series_together() -> None:
    """"strawperson" and "straw person" are one term; "stage 2" beside a held-up "stage 0"
    is one of the series, though said only twice."""
    msgs = [Message("m1", "a", "post", 'Stage 0 was renamed to "strawperson". I like the term "stage 0".'),
            Message("m2", "b", "comment 1", "A straw person is flimsy. The strawperson stage is early.",
                    reply_to="m1"),
            Message("m3", "c", "comment 2", "Stage 2 is a draft. Stage 2 needs spec text.", reply_to="m1")]
    terms = {t.label: t for t in find_terms(msgs, title="Renaming strawperson", max_terms=10)}
    assert "straw person" in terms["strawperson"].aliases and "straw person" not in terms
    assert "stage 2" in terms
    msgs = [Message("m1", "a", "post", 'Is a "popup" the same as a "pop-up"?'),
            Message("m2", "b", "comment 1", "A pop-up window is a popup.", reply_to="m1")]
    # (and "pop-up window", defined outright, a term of its own: not another spelling of it)
    found = [(t.label, t.aliases) for t in find_terms(msgs, title="", max_terms=5)]
    assert found[0] == ("popup", ("pop-up",)) and not any(label in ("pop-up", "pop up") for label, _ in found), found


def test_no_term_from_an_address_nor_from_a_title_about_names() -> None:
    """"a name for the X tests" is about the tests; "github.com/org/repo" is no word."""
    msgs = [Message("m1", "a", "post", 'The "smoke tests" are in https://github.com/org/repo and github.com/org/other.'),
            Message("m2", "b", "comment 1", "Smoke tests run nightly. Smoke tests are fast. See github.com/org/repo.",
                    reply_to="m1")]
    labels = [t.label.casefold() for t in find_terms(msgs, title="a name for the smoke tests", max_terms=10)]
    assert "smoke tests" in labels and "name" not in labels and not any("github" in x or "org" == x for x in labels)


def test_a_speaker_s_hesitation_is_no_term() -> None:
    """"um", "uh" in a transcript are sounds, no term (a trial's meeting had "um" as a term
    at 0.66, the subject of claims on "theory": "um: not certain")."""
    from conceptgraph.model import Source

    said = ["Okay, um, what is the difference between a theory and a hypothesis?",
            "Yeah, um, because in everyday English a theory is just a guess.",
            "Although, um, I'd add that a theory is not certain.",
            "Um, a theory can be revised.",
            "So, um, a hypothesis is a testable prediction.",
            "Right, um, and a law describes what happens.",
            "Hmm, um, a law does not explain why.",
            "Um, so a theory explains why.",
            "So, um, no. More testing doesn't turn one into the other.",
            "Great. So, um, hypothesis: a proposed explanation that can be tested.",
            "Um, okay, and a theory is well tested.",
            "Um, yes, a law is a pattern."]
    msgs = tuple(Message(f"m{i}", "abcd"[i % 4], f"turn {i + 1}", text) for i, text in enumerate(said))
    people = tuple(Contributor(x, x.upper(), "commenter") for x in "abcd")
    drafted = draft(Dataset(Source("meeting"), messages=msgs, contributors=people))
    labels = {t.label.casefold() for t in drafted.terms}
    assert {"theory", "hypothesis"} <= labels and "um" not in labels, labels
    assert {c.term for c in drafted.claims if c.message == "m2"} == {"theory"}


def test_a_name_from_code_that_starts_like_an_address_is_all_of_it() -> None:
    """"tidepool.compat" is a module, no address "tidepool.com" with "pat" after it (a
    trial's draft had a term "pat", and a claim of it)."""
    msgs = [Message("m1", "a", "post", "Is `tidepool.compat` legacy? `tidepool.compat` is described as legacy."),
            Message("m2", "b", "comment 1", "`tidepool.compat` is legacy, yes.", reply_to="m1")]
    labels = {t.label for t in find_terms(msgs, title="", max_terms=10)}
    assert "pat" not in labels and "tidepool.compat" in labels


def test_forms_a_thread_sets_apart_are_two_terms_and_unknown_words_stay_one() -> None:
    """"alternate" and "alternative" share a stem; a thread that holds up both speaks of
    two terms. "rebase" and "rebasing" stay one term: no dictionary tells them apart."""
    from conceptgraph.draft.terms import held_apart

    msgs = [Message("m1", "a", "post", 'Take an "alternate" route when the road is closed. An "alternative" '
                    "route is a choice. An alternate replaces; an alternative adds."),
            Message("m2", "b", "comment 1", 'So "alternative" is a choice and "alternate" a replacement.',
                    reply_to="m1")]
    split = held_apart(msgs, "alternate or alternative?")
    labels = [t.label for t in find_terms(msgs, title="alternate or alternative?", max_terms=5, split=split)]
    assert {"alternate", "alternative"} <= set(labels)
    assert held_apart([Message("m1", "a", "post", 'Is "rebasing" the same as a "rebase"?')]) == frozenset()


def test_names_put_forward_unquoted_are_terms_when_english_rarely_uses_them() -> None:
    """"I would use allowlist and denylist instead": two names proposed, each a term; "I
    would use a hammer" proposes no name."""
    msgs = [Message("m1", "a", "post", 'Should we replace "whitelist" and "blacklist" in the docs?'),
            Message("m2", "b", "comment 1", "I would use allowlist and denylist instead.", reply_to="m1"),
            Message("m3", "c", "comment 2", "I prefer blocklist to denylist. I would use a hammer for that.",
                    reply_to="m1"),
            Message("m4", "d", "comment 3", "Allowlist reads well; the docs say so.", reply_to="m1")]
    labels = {t.label.casefold() for t in find_terms(msgs, title="", max_terms=10)}
    assert {"whitelist", "blacklist", "allowlist", "denylist"} <= labels and "hammer" not in labels


def test_a_name_from_code_put_forward_once_is_a_term() -> None:
    """"I like fetch_all", "I would call it rows.take or rows.first_n": names from code
    proposed, each a term of its own though written once; "I like that" proposes none."""
    msgs = [Message("m1", "a", "post", "Rename rows.get? I like fetch_all. I like that it reads well.", title="Rename"),
            Message("m2", "b", "comment 1", "I would call it rows.take or rows.first_n rows.head_n. No preference.",
                    reply_to="m1"),
            Message("m3", "c", "comment 2", "Fine by me, rows.get is odd.", reply_to="m1")]
    labels = {t.label for t in find_terms(msgs, title="Rename", max_terms=10)}
    assert {"fetch_all", "rows.take", "rows.first_n", "rows.head_n"} <= labels
    assert not {"that", "rows.first_n rows.head_n"} & labels


def test_two_words_set_apart_in_a_title_are_two_terms_not_one() -> None:
    """"affect vs effect" is two terms, never one (a page's title that is its post's too,
    as a Reddit post's is)."""
    from conceptgraph.model import Source

    title = "Affect vs effect - is my teacher wrong?"
    ds = Dataset(source=Source(title=title), contributors=(Contributor("a", "Ann", "author"),
                                                             Contributor("b", "Bo", "commenter")),
                 messages=(Message("m1", "a", "post", 'My teacher says "affect" is the verb and "effect" the noun.',
                                   title=title),
                           Message("m2", "b", "comment 1", "Affect is a verb, effect a noun.", reply_to="m1")))
    labels = {t.label.casefold() for t in draft(ds).terms}
    assert {"affect", "effect"} <= labels and not any("vs" in x.split() for x in labels)


@pytest.mark.parametrize("title", ["Year 10 science: weather vs climate", "Biology club: weather or climate?"])
def test_a_heading_before_the_sides_a_title_sets_apart_is_no_term(title: str) -> None:
    """"Year 10 science: weather vs climate" heads the question, as a course or a series
    does; it is not a word defined, as "remote (noun): ..." is (a teacher's trial had
    "year 10 science" drafted as high as the two sides)."""
    msgs = [Message("m1", "a", "turn 1", "Today we compare weather and climate. Weather is what happens today.")]
    assert {t.label for t in find_terms(msgs, title=title, max_terms=10)} == {"weather", "climate"}


def test_a_side_of_a_title_ends_at_a_dash_standing_alone() -> None:
    """"Fact vs opinion - what's the difference?": the side is "opinion", not "opinion -
    what's", which no one says (a teacher's trial lost the term, and every claim on it)."""
    msgs = [Message("m1", "a", "post", "Post your definition of a fact and an opinion."),
            Message("m2", "b", "comment 1", "An opinion is what someone thinks. A fact can be checked.", reply_to="m1")]
    labels = {t.label for t in find_terms(msgs, title="Fact vs opinion - what's the difference?", max_terms=10)}
    assert {"fact", "opinion"} <= labels, labels


def test_the_talks_own_words_with_a_pointer_or_a_judgement_are_no_terms() -> None:
    """"This question refers to ..." defines no term "this question"; nor is "a relevant
    question" one."""
    msgs = [Message("m1", "a", "post", "Amber is different from orange. Can we use amber for these LEDs?"),
            Message("m2", "b", "comment 1", "This question actually refers to the sentence below. Amber is not "
                    "orange.", reply_to="m1"),
            Message("m3", "c", "comment 2", "It seemed like a relevant question to me. Orange LEDs exist.",
                    reply_to="m1")]
    labels = {t.label.casefold() for t in find_terms(msgs, title="", max_terms=10)}
    assert "amber" in labels and not {"this question", "relevant question"} & labels


def test_the_forms_of_a_short_word_no_dictionary_has_are_one_term() -> None:
    """"pwn", "pwned", "pwns", "pwning" (and "frob", "frobbed"): a three-letter stem keeps
    its endings from the stemmer, which leaves at least four letters."""
    from conceptgraph.draft.terms import key_of

    assert len({key_of([w]) for w in ("pwn", "pwned", "pwns", "pwning")}) == 1
    assert key_of(["frobbed"]) == key_of(["frob"]) == key_of(["frobbing"])
    assert key_of(["owned"]) != key_of(["pwned"]) and key_of(["bus"]) != key_of(["bu"])  # words a dictionary has


def test_a_phrase_with_its_first_word_clipped_is_the_same_term() -> None:
    """"tech debt" is "technical debt" written short: one term, found by both; "formal
    proof" is no clipped "formalized proof", nor "block list" a clipped "blocklist"."""
    msgs = [Message("m1", "a", "post", "Is technical debt the same as legacy code? Technical debt is a trade-off."),
            Message("m2", "b", "comment 1", 'In practice "tech debt" now means code I dislike. Tech debt is a label.',
                    reply_to="m1"),
            Message("m3", "c", "comment 2", "Technical debt is deliberate. A formal proof is checked; a formalized "
                    "proof is in Lean. A formal proof is rare.", reply_to="m1")]
    found = {t.label: t for t in find_terms(msgs, title="", max_terms=10)}
    assert "tech debt" not in found and "tech debt" in found["technical debt"].aliases, list(found)
    assert not any("formalized proof" in t.aliases for t in found.values())


def test_a_noun_made_of_another_noun_is_another_term() -> None:
    """"Contraction" is no "contract" (a trial's draft made "contracts" an alias of
    "contraction", and drafted a claim of it from "annual contracts"); "cooperation" is
    still "cooperate", a verb's act."""
    from conceptgraph.model import Source

    msgs = (Message("m1", "ann", "post", "Is a downgrade churn or contraction? Contraction is revenue lost to downgrades."),
            Message("m2", "bo", "comment 1", "Annual contracts renew once a year.", reply_to="m1"))
    people = (Contributor("ann", "Ann", "author", ("post",)), Contributor("bo", "Bo", "commenter", ("comment 1",)))
    drafted = draft(Dataset(Source("Churn or contraction?"), messages=msgs, contributors=people))
    [contraction] = [t for t in drafted.terms if t.label == "contraction"]
    assert not {"contract", "contracts"} & set(contraction.aliases)
    assert not [c for c in drafted.claims if c.message == "m2"]
    assert key_of(["cooperation"]) == key_of(["cooperate"]) and key_of(["contraction"]) != key_of(["contracts"])


def test_a_name_spoken_to_is_no_word_of_a_claim() -> None:
    """"@Tomás Herrera that's what the X flags are for" says nothing of X that "Herrera"
    begins (a trial's draft had "X: Herrera that's"), nor do words of no content; after
    "@June Okafor" the claim is the sentence's own."""
    from conceptgraph.model import Source

    msgs = (Message("m1", "tomas", "post", "What is the difference between dormant and lapsed? Dormant accounts still pay."),
            Message("m2", "june", "comment 1", "@Tomás Herrera that's what the dormant flags are for", reply_to="m1"),
            Message("m3", "marco", "comment 2", "@June Okafor dormant is a risk flag.", reply_to="m1"))
    people = (Contributor("tomas", "Tomás Herrera", "author", ("post",)),
              Contributor("june", "June Okafor", "commenter", ("comment 1",)),
              Contributor("marco", "Marco", "commenter", ("comment 2",)))
    drafted = draft(Dataset(Source("Dormant or lapsed?"), messages=msgs, contributors=people))
    labels = {a.id: a.label for a in drafted.attributes}
    said = {(c.message, c.term, labels[c.attribute]) for c in drafted.claims if c.message != "m1"}
    assert said == {("m3", "dormant", "risk flag")}, said


def test_one_who_does_it_is_no_term_with_the_act() -> None:
    """"committer" and "commit", "reviewer" and "review" are two things (a person, an act):
    their forms are not one term's aliases, so "commit access" names no committer; the
    forms of each still are one ("committers"), and "answer", whose "er" is its own, is
    "answers" and "answered" still."""
    assert key_of(["committers"]) == key_of(["committer"]) != key_of(["commit"]) == key_of(["commits"])
    assert key_of(["reviewer"]) != key_of(["review"]) and key_of(["teacher"]) != key_of(["teach"])
    assert key_of(["answer"]) == key_of(["answers"]) == key_of(["answered"])
    from conceptgraph.model import Source

    msgs = (Message("m1", "ann", "post", "What is the difference between a committer and a maintainer? "
                    "A committer is a maintainer with commit access."),
            Message("m2", "bo", "comment 1", "Committers review code; nobody commits directly anymore.", reply_to="m1"))
    people = (Contributor("ann", "Ann", "author", ("post",)), Contributor("bo", "Bo", "commenter", ("comment 1",)))
    ds = Dataset(Source("Committer or maintainer?"), messages=msgs, contributors=people)
    [committer] = [t for t in draft(ds).terms if t.label == "committer"]
    assert not {"commit", "commits"} & set(committer.aliases)


@pytest.mark.parametrize(("sentence", "kind"), [
    ("I looked up both sonnet and ballad and find that they are synonymous.", "similar_to"),
    ("A sonnet and a ballad are not synonyms.", "contrasts_with"),
    ('"Sonnet" is the right word; "ballad" means something completely different.', "contrasts_with"),
    ('I don\'t regard "sonnet" and "ballad" as synonymous, either.', "contrasts_with"),  # denied in its clause
    ("No doubt, a sonnet and a ballad are synonymous.", "similar_to"),  # the "no" is another clause's
    ("IMO a sonnet is much more demanding form than a ballad.", "contrasts_with"),
    ("A sonnet has fewer lines than a ballad.", "contrasts_with"),
    ('"Sonnet" is shorter than "ballad".', "contrasts_with"),
    ("A sonnet is far easier to remember compared to a ballad.", "contrasts_with"),
    ("Sonnet means a fixed form, whereas ballad means a song that tells a story.", "contrasts_with"),
    # a likeness the speaker gives up says they differ; one that is said of what follows stands
    ("Ok, I was treating sonnet and ballad as synonyms and they're not.", "contrasts_with"),
    ("A sonnet and a ballad are the same thing, and it is not a problem.", "similar_to"),
    ("Sonnet and ballad can be used interchangeably.", "similar_to"),  # said they can be
])
def test_what_two_terms_meanings_are_to_each_other(sentence: str, kind: str) -> None:
    names = {key_of(["sonnet"])[0]: "sonnet", key_of(["ballad"])[0]: "ballad"}
    found = term_relations(sentence, 0, mentions_in(sentence, 0, len(sentence), names))
    assert [(f.kind, {f.term, f.other}) for f in found] == [(kind, {"sonnet", "ballad"})]


@pytest.mark.parametrize("text", [
    "People use sonnet and ballad as if they were the same thing.",
    # what would be, were it otherwise (a trial's "otherwise dormant and inactive are the same set")
    "Mark the long ones, otherwise sonnet and ballad are the same thing.",
    "I used to think sonnet and ballad meant the same thing.",  # a belief given up
    # how people use the words, reported (a trial's thread opened so, drafted at 0.82)
    "We use sonnet and ballad interchangeably, which confuses readers.",
    "Two words that we currently use interchangeably: sonnet and ballad.",
])
def test_a_sameness_supposed_is_no_relation(text: str) -> None:
    """"As if they were the same thing" supposes; the speaker says nothing of the two."""
    names = {key_of(["sonnet"])[0]: "sonnet", key_of(["ballad"])[0]: "ballad"}
    assert term_relations(text, 0, mentions_in(text, 0, len(text), names)) == []


def test_a_term_said_to_be_the_kind_its_name_ends_with_is_like_nothing() -> None:
    """"Legacy code is code you're afraid to change" says what legacy code is, not that it
    is like code, which its name says; "Synonymous with tracking branch" is a likeness."""
    names = {key_of(["legacy", "code"]): "legacy-code", key_of(["code"]): "code", key_of(["cruft"]): "cruft",
             key_of(["remote", "tracking", "branch"]): "remote-tracking-branch",
             key_of(["tracking", "branch"]): "tracking-branch"}
    names = {" ".join(k): v for k, v in names.items()}
    for text in ("Legacy code is code you're afraid to change.", "Legacy code is simply old code."):
        assert term_relations(text, 0, mentions_in(text, 0, len(text), names)) == []
    text = "Cruft is basically legacy code."
    assert [(f.kind, f.term, f.other) for f in term_relations(text, 0, mentions_in(text, 0, len(text), names))] \
        == [("similar_to", "cruft", "legacy-code")]
    text = "remote tracking branch: Synonymous with tracking branch."
    assert [f.kind for f in term_relations(text, 0, mentions_in(text, 0, len(text), names))] == ["similar_to"]


def test_two_terms_said_to_be_the_same_are_alike_whatever_else_the_sentence_names() -> None:
    """"X and Y are the same thing seen from two chairs: ... calls it Z" holds X and Y
    alike, though it names more terms (a trial's sentence had given no relation)."""
    names = {" ".join(key_of(w)): i for w, i in ((["sonnet"], "sonnet"), (["ballad"], "ballad"), (["poem"], "poem"),
                                                  (["song"], "song"))}
    text = "I think a sonnet and a ballad are the same thing seen from two chairs: one calls it a poem, one a song."
    assert [(f.kind, f.term, f.other) for f in term_relations(text, 0, mentions_in(text, 0, len(text), names))] \
        == [("similar_to", "sonnet", "ballad")]
    text = "People treat a sonnet and a ballad as if they are the same, but a poem is no song."
    assert not [f for f in term_relations(text, 0, mentions_in(text, 0, len(text), names)) if f.kind == "similar_to"]


def test_two_quoted_words_set_side_by_side_are_terms_said_once() -> None:
    """'"Emacs" and "vi"' in one sentence, said once in the thread, holds both up."""
    msgs = [Message("m1", "a", "post", "Which words do the man pages use?"),
            Message("m2", "b", "comment 1", "Nobody takes \"Emacs\" and \"vi\" as synonymous.", reply_to="m1")]
    labels = {t.label.casefold() for t in find_terms(msgs, title="", max_terms=5)}
    assert {"emacs", "vi"} <= labels


def test_a_quoted_sentence_is_an_example_not_a_term() -> None:
    """'"Foo is in denylist"' quotes a way of saying something; "denylist" is the term."""
    msgs = [Message("m1", "a", "post", 'I replaced "Foo is blacklisted" with "Foo is in denylist". A denylist '
                    "is long."),
            Message("m2", "b", "comment 1", 'Or "Foo is denylisted". The denylist is new.', reply_to="m1")]
    labels = {t.label.casefold() for t in find_terms(msgs, title="", max_terms=10)}
    assert "denylist" in labels and not any(" is " in x for x in labels)


def test_a_person_spoken_to_is_no_term() -> None:
    """"Bill, ..." and "Thanks, Bill." make Bill a person, though no contributor is."""
    msgs = [Message("m1", "a", "post", 'Bill, I read "Bill" and "sonnet" as words here. Sonnets rhyme.'),
            Message("m2", "b", "comment 1", "A sonnet has fourteen lines. Thanks, Bill.", reply_to="m1")]
    labels = {t.label.casefold() for t in find_terms(msgs, title="", max_terms=5)}
    assert "sonnet" in labels and "bill" not in labels


def test_rename_them_to_x_names_the_threads_subject() -> None:
    """In a thread about "the smoke tests", "should we rename them to 'quick checks'?"
    proposes a name for them; with no subject of its own, the sentence relates nothing."""
    names = {key_of(["smoke", "tests"]): "smoke-tests", key_of(["quick", "checks"]): "quick-checks"}
    names = {" ".join(k): v for k, v in names.items()}
    text = 'Should we rename them to "quick checks"?'
    found = term_relations(text, 0, mentions_in(text, 0, len(text), names), topic="smoke-tests")
    assert [(f.kind, f.term, f.other) for f in found] == [("similar_to", "quick-checks", "smoke-tests")]
    assert term_relations(text, 0, mentions_in(text, 0, len(text), names)) == []


def test_compare_counts_who_named_both_terms_in_a_draft(bundled) -> None:
    """A draft's mention links are people speaking of a term too: "Spoke of both" agrees
    with the "named with" lines above it (the post names both terms and claims nothing)."""
    from conceptgraph.graph import build_graph
    from conceptgraph.queries import compare

    ds, drafted = bundled
    G = build_graph(replace(drafted, contributors=ds.contributors, messages=ds.messages))
    assert "Shawn Callahan" in compare(G, "cooperation", "collaboration")["spoke_of_both"]


def test_a_word_in_code_marks_in_markdown_is_held_up(tmp_path: Path) -> None:
    """Markdown keeps its code marks on import, so "`experimental`" written twice by two
    people is a term (they were dropped, and the word with them)."""
    md = tmp_path / "t.md"
    md.write_text("**Ann**: Should we mark it deprecated or obsolete?\n\n**Bo**: Neither, it is still "
                  "`experimental` in my view.\n\n**Cy**: Agreed, `experimental` fits.\n", encoding="utf-8")
    ds, _ = read_discussion([md])
    assert "`experimental`" in ds.messages[1].text
    assert "experimental" in {t.label for t in draft(ds).terms}


# --- the command, its file and its promises ----------------------------------------------


def test_a_table_row_is_a_sentence_and_a_language_keeps_its_sign() -> None:
    """Rows of a table (cells set off by tabs) are not one long sentence; "C++" and "C#"
    are words, not the letter C."""
    from conceptgraph.draft.text import sentences, tokens

    text = "Results below\nfile\tours\ttheirs\nsmall\t2 GB/s\t0.1 GB/s\nlarge\t3 GB/s\t0.2 GB/s"
    assert [s for _, _, s in sentences(text)] == ["Results below", "file\tours\ttheirs", "small\t2 GB/s\t0.1 GB/s",
                                                   "large\t3 GB/s\t0.2 GB/s"]
    assert [w for _, _, w in tokens("C++ and C# differ, as do F# and c.")] == ["C++", "and", "C#", "differ", "as",
                                                                              "do", "F#", "and", "c"]
    # each line of a glossary is a sentence, though none ends with a stop; wrapped prose is not cut
    glossary = "Main - free software, supported\n  Restricted - non-free software\n  Universe: free, by the community"
    assert [s for _, _, s in sentences(glossary)] == ["Main - free software, supported", "Restricted - non-free software",
                                                      "Universe: free, by the community"]
    prose = "We use the main branch - the one\nthat everyone pulls - for releases"
    assert [s for _, _, s in sentences(prose)] == [prose]
    # but a line longer than mail is ever wrapped at says the lines were not wrapped: each ends a sentence
    post = ("I was surprised to find delete at 1158 and remove at 26573 in the whole corpus https://example.org/coca/\n"
            "Still i think remove has its place, for things that can be easily added again")
    assert [s for _, _, s in sentences(post)] == post.split("\n")
    # each item of a list is a sentence, whichever mark Markdown lets it start with
    assert [s for _, _, s in sentences("Ideas:\n+ NoPlusOne\n+ NoPileOn\n* Kudos\n- Thanks")] == [
        "Ideas:", "+ NoPlusOne", "+ NoPileOn", "* Kudos", "- Thanks"]
    # a smiley ends a sentence as a stop does; "f(x):)" is no smiley
    assert [s for _, _, s in sentences("Typed that in French by habit :) I agree with Jun. See f(x):) Then g.")] == [
        "Typed that in French by habit :)", "I agree with Jun.", "See f(x):) Then g."]


def test_capitals_joined_by_an_ampersand_are_one_word() -> None:
    """"P&L", "R&D": one word, which an attribute may be ("has no P&L" had given nothing,
    and a trial's label "Half")."""
    from conceptgraph.draft.text import tokens

    assert [w for _, _, w in tokens("R&D and the P&L, not A & B.")] == ["R&D", "and", "the", "P&L", "not", "A", "B"]
    for said, negated in (("Our products have no P&L.", True), ("A product has a P&L.", False)):
        out, labels = _drafted(said, terms="product")
        assert [(labels[c.attribute], c.negated) for c in out.claims] == [("has P&L", negated)]


@pytest.mark.parametrize("text, expected", [
    # written in lower case, as students and chats do: each sentence its own
    ("a theory is backed by evidence. a hypothesis is an idea you test",
     ["a theory is backed by evidence.", "a hypothesis is an idea you test"]),
    ("what? no way", ["what?", "no way"]),
    # "P&L." is no initial, and a sentence may start with a name as chats write it
    ("Half our products have no P&L. @José Núñez that would make it a non-product.",
     ["Half our products have no P&L.", "@José Núñez that would make it a non-product."]),
    # but no sentence ends at an abbreviation, an initial, a dotted word or an ellipsis
    ("Use e.g. a tab. ok", ["Use e.g. a tab.", "ok"]),
    ("In the U.S. and Canada. fine", ["In the U.S. and Canada.", "fine"]),
    ("it is 5 p.m. now", ["it is 5 p.m. now"]),
    ("well... maybe not", ["well... maybe not"]),
    ("J. Smith said so.", ["J. Smith said so."]),
    # each line of a glossary in a chat message is its own, unpunctuated (a trial's three
    # "X = ..." lines were one sentence: the third line's words drafted of the first term)
    ("My definitions:\nEstimate = our best guess\nForecast = a prediction of when\nit is done\nTarget: a wish",
     ["My definitions:", "Estimate = our best guess", "Forecast = a prediction of when\nit is done", "Target: a wish"]),
    # ... but a line a width broke, or a link, goes on with its sentence
    ("the page is at\nhttps://example.org/x and\nnot elsewhere", ["the page is at\nhttps://example.org/x and\nnot elsewhere"]),
])
def test_where_a_sentence_ends(text: str, expected: list[str]) -> None:
    from conceptgraph.draft.text import sentences

    assert [s for _, _, s in sentences(text)] == expected


def test_draft_is_deterministic_to_the_byte(tmp_path: Path) -> None:
    """Two processes with different hash seeds (set and dict orders) write the same bytes."""
    import os

    for seed, name in (("1", "one"), ("2", "two")):
        r = subprocess.run([sys.executable, "-m", "conceptgraph", "import", str(SOURCE), "-o", str(tmp_path / name),
                            "--draft", "-q"], capture_output=True, text=True, timeout=300,
                           env={**os.environ, "PYTHONHASHSEED": seed})
        assert r.returncode == 0, r.stderr
    one, two = ((tmp_path / n / DRAFT_FILE).read_bytes() for n in ("one", "two"))
    assert one == two and len(one) > 10_000


def test_evaluate_matches_the_same_items_whatever_the_hash_seed() -> None:
    """Where several one-to-one matchings are equally good, the same one is found in
    every process, so the calibration table does not change from run to run."""
    import os

    thread = ROOT / "bench" / "gold" / "heldout" / "ploeh-provider-pattern"
    script = ("import sys\nfrom dataclasses import replace\nfrom conceptgraph import load_dataset\n"
              "from conceptgraph.discussions import read_discussion\nfrom conceptgraph.draft import draft\n"
              "from conceptgraph.draft.evaluate import matches\n"
              "ds, _ = read_discussion([sys.argv[1] + '.txt'])\n"
              "whole = replace(draft(ds), contributors=ds.contributors, messages=ds.messages)\n"
              "print({k: v[2] for k, v in matches(whole, load_dataset(sys.argv[1] + '.yaml')).items()})")
    found = set()
    for seed in ("1", "2", "3"):
        r = subprocess.run([sys.executable, "-c", script, str(thread)], capture_output=True, text=True, timeout=300,
                           env={**os.environ, "PYTHONHASHSEED": seed})
        assert r.returncode == 0, r.stderr
        found.add(r.stdout)
    assert len(found) == 1 and "(" in found.pop()


def test_draft_writes_beside_curated_files_and_keeps_an_item_accepted_by_hand(tmp_path: Path) -> None:
    folder = tmp_path / "coop"
    assert run("import", str(SOURCE), "-o", str(folder), "-q").exit_code == 0
    curated = (folder / "discussion.yaml").read_bytes()
    r = run("draft", str(folder), "--json")
    assert r.exit_code == 0, r.stderr
    summary = json.loads(r.stdout)
    assert conforms(summary, ANSWERS["draft"]) == []
    assert summary["file"] == str(folder / DRAFT_FILE) and summary["claims"] > 50
    assert (folder / "discussion.yaml").read_bytes() == curated
    assert run("validate", str(folder)).exit_code == 0
    # accept the first term the old way: its status line deleted
    text = (folder / DRAFT_FILE).read_text(encoding="utf-8")
    doc = yaml.safe_load(text)
    first = doc["terms"][0]["id"]
    lines = text.split("\n")
    at = lines.index(f"- id: {first}")
    status = next(i for i in range(at, len(lines)) if lines[i].strip() == "status: draft")
    (folder / DRAFT_FILE).write_text("\n".join(lines[:status] + lines[status + 1:]), encoding="utf-8")
    r = run("draft", str(folder))
    assert r.exit_code == 0, r.stderr  # no state in which drafting would overwrite a decision
    decisions = yaml.safe_load((folder / "decisions.yaml").read_text(encoding="utf-8"))["decisions"]
    assert [(d["decision"], d["item"], d["term"]) for d in decisions] == [("accepted", "term", doc["terms"][0].get(
        "label", first))]
    assert first in {t["id"] for t in yaml.safe_load((folder / "reviewed.yaml").read_text())["terms"]}
    assert first not in {t["id"] for t in yaml.safe_load((folder / DRAFT_FILE).read_text())["terms"]}
    assert run("validate", str(folder)).exit_code == 0
    G = load_graph(folder)
    assert G.nodes[first].get("status") is None  # accepted: no longer a draft
    # its claims and its links to drafted terms are drafts; who names it is curated with it
    r = run("neighbors", first, "--data", str(folder), "--curated", "--json")
    assert r.exit_code == 0, r.stderr
    assert {(n["kind"], n["relation"]) for n in json.loads(r.stdout)} == {("contributor", "mentions")}
    second = next(t for t in yaml.safe_load((folder / DRAFT_FILE).read_text())["terms"])
    r = run("neighbors", second.get("label", second["id"]), "--data", str(folder), "--curated")
    assert r.exit_code == 3 and "is only drafted, and --curated leaves drafts out" in r.stderr  # not "no node named"


def test_draft_of_an_export_writes_a_new_folder_and_refuses_an_existing_one(tmp_path: Path) -> None:
    out = tmp_path / "d"
    r = run("draft", str(FIX / "discourse.json"), "-o", str(out))
    assert r.exit_code == 0, r.stderr
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["discussion.yaml", DRAFT_FILE]
    ds = load_dataset(out)
    assert {t.label for t in ds.terms} >= {"cooperation", "collaboration"}
    before = (out / DRAFT_FILE).read_bytes()
    r = run("draft", str(FIX / "discourse.json"), "-o", str(out))
    assert r.exit_code == 6 and "--force" in r.stderr
    assert (out / DRAFT_FILE).read_bytes() == before


def test_a_file_of_an_imported_folder_is_drafted_with_its_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # a new folder would go under output/ here
    folder = tmp_path / "coop"
    assert run("import", str(FIX / "discourse.json"), "-o", str(folder), "-q").exit_code == 0
    r = run("draft", str(folder / "discussion.yaml"), "--json")
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["file"] == str(folder / DRAFT_FILE)
    assert not (tmp_path / "output").exists()
    r = run("draft", str(folder / DRAFT_FILE))  # drafting again, from the draft's own file
    assert r.exit_code == 0, r.stderr
    assert not (tmp_path / "output").exists()


def test_drafting_again_says_what_the_draft_it_replaced_held(tmp_path: Path) -> None:
    folder = tmp_path / "coop"

    def undecided() -> int:  # what review asks about, as it counts it
        return len(json.loads(run("review", str(folder), "--list", "--json").stdout))

    r = run("import", str(FIX / "discourse.json"), "-o", str(folder), "--draft", "--json")
    assert r.exit_code == 0 and "replaced" not in json.loads(r.stdout)["draft"]  # a first draft replaces nothing
    first = undecided()
    r = run("draft", str(folder), "--terms", "cooperation", "--json")
    assert r.exit_code == 0 and json.loads(r.stdout)["replaced"] == first > 0
    second = undecided()
    r = run("draft", str(folder))
    assert f"\nreplaced the earlier draft ({second} undecided items; every decision kept)\n" in r.stdout


def test_drafting_a_curated_dataset_adds_only_what_it_lacks(tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "curated"
    shutil.copytree(ROOT / "graph_data", folder)
    r = run("draft", str(folder), "--json")
    assert r.exit_code == 0, r.stderr
    assert run("validate", str(folder)).exit_code == 0
    ds = load_dataset(folder)
    label = {a.id: a.label.casefold() for a in ds.attributes}

    def key(c):
        return c.term, label[c.attribute], c.negated, c.by, c.message

    curated = {key(c) for c in ds.claims if c.status != "draft"}
    drafted = [c for c in ds.claims if c.status == "draft"]
    assert drafted and not [c for c in drafted if key(c) in curated]  # "cooperation: may be passive" once
    kept = {(r.kind, r.source, r.target, r.by, r.message) for r in ds.relations if r.status != "draft"}
    assert not [r for r in ds.relations if r.status == "draft" and (r.kind, r.source, r.target, r.by, r.message) in kept]
    # the same draft, from the messages alone, has the repeats
    alone = draft(replace(ds, claims=(), relations=(), attributes=(), terms=()), terms=[t.label for t in ds.terms])
    label.update({a.id: a.label.casefold() for a in alone.attributes})
    terms = {t.id: t.label for t in ds.terms}
    assert sum((terms.get(c.term, c.term), *key(c)[1:]) in {(terms[k[0]], *k[1:]) for k in curated}
               for c in alone.claims) > 20


def test_drafting_again_drafts_nothing_on_a_term_where_the_curator_said_what_is_said_of_it() -> None:
    """A curator's claim on a term, in the words a drafted claim on it would rest on
    ("freeware: gratis but closed" where the draft reads "gratis"), is what those words say of it."""
    from conceptgraph.draft import _not_curated
    from conceptgraph.model import Attribute, Claim, Source

    text = "Freeware is gratis but closed."
    msg = Message("m1", "ann", "comment 1", text)
    base = Dataset(Source("t"), contributors=(Contributor("ann", "Ann", "author", ()),), messages=(msg,),
                   attributes=(Attribute("a1", "gratis but closed"),),
                   claims=(Claim("c-1", "freeware", "a1", "ann", text, "comment 1", message="m1", span=(0, 30)),))
    drafted = draft(base, terms=["freeware"])
    assert [c.term for c in drafted.claims]  # the draft alone reads a claim there
    assert _not_curated(drafted, base).claims == ()


def test_drafting_again_keeps_the_others_drafted_from_a_sentence_one_of_which_was_accepted() -> None:
    """"An invasive species is non-native, and it causes measurable harm.": the first claim
    accepted as drafted says nothing of the second, which the next draft keeps to decide
    (it had been dropped, and the answer said every decision was kept; trial 13)."""
    from dataclasses import replace

    from conceptgraph.draft import _not_curated

    text = "An invasive species is non-native, and it causes measurable harm."
    msg = Message("m1", "ann", "comment 1", text)
    base = Dataset(Source("t"), contributors=(Contributor("ann", "Ann", "author", ()),), messages=(msg,))
    drafted = draft(base, terms=["invasive species"])
    assert len(drafted.claims) == 2, drafted.claims
    first = drafted.claims[0]
    curated = replace(base, attributes=tuple(a for a in drafted.attributes if a.id == first.attribute),
                      claims=(replace(first, id="kept", status="", confidence=None),))
    left = _not_curated(drafted, curated).claims
    assert [c.attribute for c in left] == [drafted.claims[1].attribute], left


def test_given_terms_are_the_only_terms(tmp_path: Path) -> None:
    r = run("draft", str(FIX / "reddit.json"), "-o", str(tmp_path / "r"), "--terms", "goal, cooperation", "--json")
    assert r.exit_code == 0, r.stderr
    ds = load_dataset(tmp_path / "r")
    assert [t.label for t in ds.terms] == ["goal", "cooperation"]
    assert {t.aliases for t in ds.terms} == {()}
    # a given term no message names (a misspelling) is said, not dropped without a word
    r = run("draft", str(FIX / "reddit.json"), "-o", str(tmp_path / "r2"), "--terms", "goal,cooperaton")
    assert r.exit_code == 0 and "not drafted: cooperaton (given with --terms)" in r.stdout
    r = run("draft", str(FIX / "reddit.json"), "-o", str(tmp_path / "r3"), "--terms", "goal,cooperaton", "--json")
    assert json.loads(r.stdout)["terms_not_found"] == ["cooperaton"]


@pytest.mark.parametrize(("args", "code", "says"), [
    (["draft", "nothing-here"], 1, "no such file"),
    (["draft", "graph.graphml"], 1, "no messages to draft from"),
    (["draft", "mini.yaml"], 1, "no messages"),
    (["draft", "mini.yaml", "--terms", " , "], 2, "at least one term"),
    (["evaluate", "graph.graphml", "mini.yaml"], 1, "two datasets"),
])
def test_bad_input_gets_one_line(tmp_path: Path, args: list[str], code: int, says: str) -> None:
    from conftest import MINI

    (tmp_path / "mini.yaml").write_text(MINI, encoding="utf-8")
    assert run("export", "--format", "graphml", "-o", str(tmp_path / "graph.graphml")).exit_code == 0
    r = run(*args)
    assert r.exit_code == code and says in r.stderr, r.stderr
    assert "Traceback" not in r.stderr


def test_evaluate_prints_scores_and_what_each_side_lacks(tmp_path: Path) -> None:
    assert run("import", str(SOURCE), "-o", str(tmp_path / "coop"), "--draft", "-q").exit_code == 0
    r = run("evaluate", str(tmp_path / "coop"), str(GOLD), "--json")
    assert r.exit_code == 0, r.stderr
    scores = json.loads(r.stdout)
    assert conforms(scores, ANSWERS["evaluate"]) == []
    assert list(scores) == ["contributors", "messages", "terms", "claims", "relations", "oppositions", "stances"]
    c = scores["claims"]
    assert c["drafted"] - c["matched"] == len(c["unmatched"]["drafted"])
    assert c["gold"] - c["matched"] == len(c["unmatched"]["gold"])
    # the same items as data, for a script's error analysis: ids, speaker, message, characters
    items = c["unmatched_items"]
    assert [x["text"] for x in items["gold"]] == c["unmatched"]["gold"]
    assert all({"id", "term", "attribute", "by", "message", "span"} <= set(x) for x in items["gold"] + items["drafted"])
    said = run("evaluate", str(tmp_path / "coop"), str(GOLD))
    text = said.stdout
    assert text.splitlines()[0].split() == ["drafted", "gold", "matched", "precision", "recall", "F1"]
    assert "claims only in the gold:" in text and said.stderr == ""
    # the lenient table looks the same: it says what it counted
    assert "--lenient: claims matched on term, speaker and place" in run("evaluate", str(tmp_path / "coop"), str(GOLD),
                                                                        "--lenient").stderr
    # --matched: which drafted item matched which gold one, each in its side's words (a trial
    # could not check its 24 matches); as many as the table counts
    paired = json.loads(run("evaluate", str(tmp_path / "coop"), str(GOLD), "--matched", "--json").stdout)
    assert conforms(paired, ANSWERS["evaluate"]) == []
    assert all(len(s["matched_pairs"]) == s["matched"] for s in paired.values())
    assert "matched_pairs" not in scores["claims"]
    first = paired["claims"]["matched_pairs"][0]
    shown = run("evaluate", str(tmp_path / "coop"), str(GOLD), "--matched").stdout
    assert "claims matched (drafted = gold):" in shown and f"  {first['drafted']}  =  {first['gold']}" in shown


def test_evaluate_matches_a_chat_s_places_with_or_without_their_day(tmp_path: Path) -> None:
    """A chat of several days has each turn's day in its place now ("turn 3 at 08:15 on
    2024-01-16"); a gold curated from an older import has none there: the messages, and
    what is said in them, still match (a trial's gold had then matched 13 messages of 48)."""
    from dataclasses import replace

    raw = tmp_path / "wa.txt"
    raw.write_text("15/01/2024, 21:05 - Anna: A bug is a defect in code.\n15/01/2024, 22:07 - Ben: A bug is a "
                   "fault.\n16/01/2024, 08:15 - Anna: No, a bug is a defect.\n", encoding="utf-8")
    ds, _ = read_discussion([raw])
    drafted = draft(ds, terms=["bug", "defect"])
    whole = replace(drafted, contributors=ds.contributors, messages=ds.messages)
    assert ds.messages[2].where == "turn 3 at 08:15 on 2024-01-16"
    older = {m.id: m.where.split(" on ")[0] for m in ds.messages}
    gold = replace(whole, messages=tuple(replace(m, where=older[m.id], id=f"g{i}") for i, m in enumerate(ds.messages)),
                   claims=tuple(replace(c, where=older[c.message], message=f"g{int(c.message.split('-')[1]) - 1}",
                                        status="") for c in whole.claims), relations=())
    scores = evaluate(whole, gold)
    assert scores["messages"]["matched"] == 3 and scores["claims"]["recall"] == 1.0, scores


def test_evaluate_of_the_gold_against_itself_is_perfect() -> None:
    gold = load_dataset(GOLD)
    scores = evaluate(gold, gold)
    assert all(s["f1"] == 1.0 for s in scores.values()), {k: s["f1"] for k, s in scores.items()}


def test_a_drafted_claim_needs_its_attribute_to_match() -> None:
    """Matching is not by place alone: a wrong attribute at the right place is unmatched."""
    gold = load_dataset(GOLD)
    claim = gold.claims[0]
    label = {a.id: set(a.label.split()) for a in gold.attributes}
    said_there = set().union(*(label[c.attribute] for c in gold.claims if c.message == claim.message))
    other = next(a for a in gold.attributes if not label[a.id] & said_there)
    wrong = replace(gold, claims=(replace(claim, attribute=other.id, status="draft"),))
    assert evaluate(wrong, gold)["claims"]["matched"] == 0
    right = replace(gold, claims=(replace(claim, status="draft"),))
    assert evaluate(right, gold)["claims"]["matched"] == 1


# --- evaluate, made hard to misuse ---------------------------------------------------------

_ANN, _BO = Contributor("ann", "Ann", "author", ("post",)), Contributor("bo", "Bo", "commenter", ("comment 1",))
_MSGS = (Message("m0", "ann", "post", "Trust needs time. Trust needs time, I said."),
         Message("m1", "bo", "comment 1", "Exactly.", reply_to="m0"),
         Message("m2", "bo", "comment 2", "Agreed, really.", reply_to="m0"))



def _commenters(title: str, msgs: tuple[Message, ...], people: str) -> Dataset:
    """A thread of ``msgs`` titled ``title``, each of ``people`` (one letter each: "abc") a
    commenter named by their letter thrice ("AAA")."""
    from conceptgraph.model import Source

    return Dataset(source=Source(title), messages=msgs,
                   contributors=tuple(Contributor(c, c.upper() * 3, "commenter") for c in people))

def _thread(claims=(), relations=(), messages=_MSGS, attributes=("needs time", "not needs time")):
    from conceptgraph.model import Attribute, Source, Term

    return Dataset(Source("t"), terms=(Term("trust", "trust"),),
                   attributes=tuple(Attribute(slug, slug) for slug in attributes), contributors=(_ANN, _BO),
                   claims=tuple(claims), relations=tuple(relations), messages=messages)


def _claim(i: str, attribute: str = "needs time", negated: bool = False, span=(0, 17), message: str = "m0"):
    from conceptgraph.model import Claim

    text = next(m.text for m in _MSGS if m.id == message)
    return Claim(i, "trust", attribute, "ann", text[span[0]:span[1]], "post", negated, message, span)


def test_evaluate_matches_a_claim_only_as_it_points() -> None:
    """A claim denied is no match for the claim asserted, however alike their words;
    denied by its flag or in its label's words ("not needs time"), it is the same claim."""
    gold = _thread([_claim("g", negated=True)])
    assert evaluate(_thread([_claim("d")]), gold)["claims"]["matched"] == 0
    assert evaluate(_thread([_claim("d", negated=True)]), gold)["claims"]["matched"] == 1
    assert evaluate(_thread([_claim("d", attribute="not needs time")]), gold)["claims"]["matched"] == 1
    # --lenient leaves the attribute out, and with it which way it points
    assert evaluate(_thread([_claim("d")]), gold, attributes=False)["claims"]["matched"] == 1


def test_evaluate_counts_an_item_written_twice_once() -> None:
    twice = _thread([_claim("g1"), _claim("g2")])
    scores = evaluate(_thread([_claim("d1"), _claim("d2")]), twice)["claims"]
    assert (scores["drafted"], scores["gold"], scores["matched"], scores["f1"]) == (1, 1, 1, 1.0)


def test_evaluate_matches_a_stance_where_it_was_taken() -> None:
    from conceptgraph.model import Relation

    def agrees(i: str, message: str) -> Relation:
        m = next(m for m in _MSGS if m.id == message)
        return Relation(i, "agrees_with", "bo", "ann", "bo", m.text, m.where, m.id, (0, len(m.text)))

    gold = _thread(relations=[agrees("g", "m1")])
    assert evaluate(_thread(relations=[agrees("d", "m1")]), gold)["stances"]["matched"] == 1
    assert evaluate(_thread(relations=[agrees("d", "m2")]), gold)["stances"]["matched"] == 0  # Bo, elsewhere
    # one agreement in a message, though added again on other words of it: counted once
    again = replace(agrees("d2", "m1"), quote="Exactly", span=(0, 7))
    scores = evaluate(_thread(relations=[agrees("d", "m1"), again]), gold)["stances"]
    assert (scores["drafted"], scores["matched"], scores["precision"]) == (1, 1, 1.0)


def test_evaluate_says_how_many_matched_stances_are_about_the_gold_s_points() -> None:
    """A stance matches by its people and message, whatever it is about: the score says
    apart how many matched ones are about one of the points the gold's names (a trial found
    a quarter of its "matched" stances about other points). A gold stance that names none
    is not compared."""
    from conceptgraph.model import Relation
    from conceptgraph.output import evaluate_text

    def agrees(i: str, concerns: tuple[str, ...]) -> Relation:
        m = next(m for m in _MSGS if m.id == "m1")
        return Relation(i, "agrees_with", "bo", "ann", "bo", m.text, m.where, m.id, (0, len(m.text)), concerns=concerns)

    claims = [_claim("c1"), _claim("c2", attribute="not needs time", span=(18, 35))]
    gold = _thread(claims, [agrees("g", ("c1",))])
    for about, same in ((("c1",), 1), (("c2",), 0), ((), 0)):
        scores = evaluate(_thread(claims, [agrees("d", about)]), gold)
        assert scores["stances"]["matched"] == 1 and scores["stances"]["about"] == {"compared": 1, "same": same}
        assert f"stances about the same points as the gold's: {same} of the 1 matched" in evaluate_text(scores)
    gold = _thread(claims, [agrees("g", ())])
    assert evaluate(_thread(claims, [agrees("d", ("c1",))]), gold)["stances"]["about"] == {"compared": 0, "same": 0}


def test_evaluate_knows_a_person_the_gold_names_otherwise_by_the_messages_they_wrote() -> None:
    """The export calls one man "SEK" and the gold "Scott Eric Kaufman" (the gold knows
    what the export does not): an agreement with him by that name is the gold's, for he
    wrote the same messages; a name that wrote other messages is no one's but its own."""
    from conceptgraph.model import Relation

    def agrees(i: str, target: str) -> Relation:
        return Relation(i, "agrees_with", "bo", target, "bo", "Exactly.", "comment 1", "m1", (0, 8))

    renamed = replace(_ANN, id="sek", name="Scott Eric Kaufman")
    gold = replace(_thread(relations=[agrees("g", "sek")]), contributors=(renamed, _BO),
                   messages=tuple(replace(m, by="sek") if m.by == "ann" else m for m in _MSGS))
    assert evaluate(_thread(relations=[agrees("d", "ann")]), gold)["stances"]["matched"] == 1
    # Bo wrote none of his messages: an agreement with Bo is not one with him
    assert evaluate(_thread(relations=[agrees("d", "bo")]), gold)["stances"]["matched"] == 0


def test_a_gold_without_messages_is_anchored_at_its_place_and_compares_no_messages() -> None:
    """With no messages of its own, a gold's quote is found in the draft's messages of its
    speaker, first in the one at its place: Ann says "Trust needs time" in the post and
    again in comment 9, and the gold's claim is the second. The messages row says that
    none were compared."""
    from conceptgraph.model import Claim

    gold_claim = Claim("g", "trust", "needs time", "ann", "Trust needs time", "post")
    scores = evaluate(_thread([_claim("d")]), _thread([gold_claim], messages=()))
    assert scores["claims"]["matched"] == 1
    assert (scores["messages"]["drafted"], scores["messages"]["gold"]) == (0, 0)
    again = Message("m9", "ann", "comment 9", "As I said: Trust needs time.")
    said_again = Claim("d", "trust", "needs time", "ann", "Trust needs time", "comment 9", False, "m9", (11, 27))
    drafted = _thread([said_again], messages=(*_MSGS, again))
    gold = _thread([replace(gold_claim, where="comment 9")], messages=())
    assert evaluate(drafted, gold)["claims"]["matched"] == 1  # not taken from the post, where it is said first


def test_two_annotations_of_a_thread_compare_though_one_keeps_quoted_lines(tmp_path: Path) -> None:
    """Two curators of one thread: one kept the quoted lines in a message, the other its
    speaker's own words. The messages differ (and are counted so), but a claim on the
    same words matches, and the command says in one line on stderr what it did."""
    from conceptgraph.dataset import dump_dataset
    from conceptgraph.model import Claim

    own = Message("m1", "bo", "comment 1", "Trust needs time.")
    quoting = Message("c1", "bo", "comment 1", "> Ann wrote: what does trust need?\nTrust needs time.")
    mine = _thread([Claim("a", "trust", "needs time", "bo", "Trust needs time", "comment 1", False, "c1", (35, 51))],
                   messages=(_MSGS[0], quoting))
    theirs = _thread([Claim("b", "trust", "needs time", "bo", "Trust needs time", "comment 1", False, "m1", (0, 16))],
                     messages=(_MSGS[0], own))
    scores = evaluate(mine, theirs)
    assert (scores["claims"]["matched"], scores["messages"]["matched"]) == (1, 1)
    assert scores["notes"] == ["1 message at the same place by the same speaker differs in words from the gold's "
                               "(quoted lines kept or left out, an edit): the draft's quotes there were found again "
                               "in the gold's words"]
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text(dump_dataset(mine), encoding="utf-8")
    b.write_text(dump_dataset(theirs), encoding="utf-8")
    result = run("evaluate", str(a), str(b))
    assert result.exit_code == 0 and "claims" in result.stdout and "notes" not in result.stdout
    assert result.stderr.strip().splitlines() == ["note: " + scores["notes"][0]]


def test_evaluate_lists_each_sides_items_in_its_own_labels() -> None:
    """Two curators may give one attribute id two labels: what only one side has is
    listed as that side wrote it, not in the other's words."""
    from conceptgraph.model import Attribute

    mine = replace(_thread([_claim("a", attribute="needs time")]), attributes=(Attribute("needs time", "takes years"),))
    theirs = replace(_thread([_claim("b", attribute="needs time", span=(18, 34))]),
                     attributes=(Attribute("needs time", "is slow to grow"),))
    unmatched = evaluate(mine, theirs)["claims"]["unmatched"]
    assert unmatched == {"drafted": ["trust has 'takes years' (Ann, post)"],
                         "gold": ["trust has 'is slow to grow' (Ann, post)"]}


def test_evaluate_tells_apart_two_unmatched_items_that_read_the_same_by_their_words() -> None:
    """A claim each side has in other words of one message (no match, as the words a quote
    takes count) reads the same on both lists: each then shows its quote (a trial found
    the same line under "only in the draft" and "only in the gold" with nothing to tell why)."""
    unmatched = evaluate(_thread([_claim("a")]), _thread([_claim("b", span=(18, 34))]))["claims"]["unmatched"]
    text = _MSGS[0].text
    assert unmatched == {"drafted": [f"trust has 'needs time' (Ann, post): “{text[0:17]}”"],
                         "gold": [f"trust has 'needs time' (Ann, post): “{text[18:34]}”"]}, unmatched


def test_evaluate_refuses_a_gold_of_another_thread() -> None:
    other = (Message("x0", "ann", "post", "A haiku has three lines."),)
    with pytest.raises(DatasetError, match="the gold has none of the draft's messages"):
        evaluate(_thread([_claim("d")]), _thread(messages=other))
    # a gold without messages, of other people: said so, not that one quote is nowhere (a trial's)
    strangers = replace(_thread([_claim("g")], messages=()), contributors=(Contributor("zed", "Zed", "author"),))
    with pytest.raises(DatasetError, match="the gold has none of the draft's contributors"):
        evaluate(_thread([_claim("d")]), strangers)


def test_evaluate_says_when_the_gold_cannot_be_one() -> None:
    """A gold with nothing to score (the import's discussion.yaml) is refused; a gold of
    drafts alone is warned of, as the wrong way round when the draft holds none."""
    import warnings

    from conceptgraph.errors import ConceptGraphWarning

    drafts = _thread([replace(_claim("d"), status="draft")])
    drafted = replace(drafts, terms=tuple(replace(t, status="draft") for t in drafts.terms))
    with pytest.raises(DatasetError, match="the gold has no terms, claims or relations: nothing to score"):
        evaluate(drafted, replace(_thread(), terms=(), claims=(), relations=()))
    for draft_side, words in ((_thread([_claim("c")]), "are they the wrong way round"),
                              (drafted, "no one has decided them")):
        with warnings.catch_warnings(record=True) as said:
            warnings.simplefilter("always")
            evaluate(draft_side, drafted)
        assert [str(w.message) for w in said if issubclass(w.category, ConceptGraphWarning) and words in str(w.message)]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        evaluate(drafted, _thread([_claim("g")]))  # the right way round: nothing to say


def test_a_gold_quote_found_nowhere_names_its_speaker_as_the_gold_writes_them() -> None:
    from conceptgraph.model import Claim

    ann = Contributor("kestrel_ink", "kestrel_ink", "author", ("post",))
    draft_side = replace(_thread(), contributors=(ann, _BO), messages=tuple(replace(m, by="kestrel_ink") if m.by == "ann"
                                                                            else m for m in _MSGS))
    gold = replace(_thread([Claim("g", "trust", "needs time", "kestrel_ink", "Trust is earned", "post")]),
                   contributors=(ann, _BO), messages=())
    with pytest.raises(DatasetError, match="quote not found in any message of 'kestrel_ink' in the draft"):
        evaluate(draft_side, gold)


def test_a_gold_quote_with_a_slip_is_named_by_its_file_and_line_and_where_it_parts(tmp_path: Path) -> None:
    """A gold written by hand, without messages, with one word of a quote wrong: the
    error names the gold's file and line (not an id the file never gave) and where the
    quote parts from the message; the scores say messages were not compared, and list
    no row for them (a trial had read "messages 0 0 0")."""
    chat = tmp_path / "chat.txt"
    chat.write_text("Ann: A haiku is a poem of three lines.\nBo: A sonnet is a poem of fourteen lines.\n",
                    encoding="utf-8")
    assert run("import", str(chat), "-o", str(tmp_path / "d"), "--draft", "--terms", "haiku,sonnet", "-q").exit_code == 0
    gold = tmp_path / "gold.yaml"
    gold.write_text("source: {title: chat}\nterms:\n  - {id: haiku}\n  - {id: sonnet}\n"
                    "attributes:\n  - {id: three, label: poem of three lines}\n  - {id: fourteen, label: poem of "
                    "fourteen lines}\ncontributors:\n  - {id: ann, name: Ann, role: commenter, where: turn 1}\n"
                    "  - {id: bo, name: Bo, role: commenter, where: turn 2}\nclaims:\n"
                    "  - {term: haiku, attribute: three, by: ann, quote: A haiku is a poem of three lines}\n"
                    "  - {term: sonnet, attribute: fourteen, by: bo, quote: A sonnet is a poem of forty lines}\n",
                    encoding="utf-8")
    r = run("evaluate", str(tmp_path / "d"), str(gold))
    assert r.exit_code == 1 and r.stderr.startswith(f"Error: {gold}:13: gold claim-2: quote not found"), r.stderr
    assert "turn 2 has its first 22 characters, then “fourteen lines.” where the gold has “forty lines”" in r.stderr
    gold.write_text(gold.read_text(encoding="utf-8").replace("forty", "fourteen"), encoding="utf-8")
    r = run("evaluate", str(tmp_path / "d"), str(gold))
    assert r.exit_code == 0 and "messages" not in r.stdout.split("\n\n")[0]
    assert "messages are not compared: the gold has none" in r.stderr


def test_a_gold_quote_found_at_another_place_than_it_gives_is_warned_of() -> None:
    import warnings

    from conceptgraph.errors import ConceptGraphWarning
    from conceptgraph.model import Claim

    gold = replace(_thread([Claim("g", "trust", "needs time", "bo", "Agreed, really", "comment 1")]), messages=())
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        evaluate(_thread([_claim("d")]), gold)
    assert [str(w.message) for w in said if issubclass(w.category, ConceptGraphWarning)] == [
        "1 quote of the gold not in its speaker's message at the place it gives, scored where found: "
        "gold g at comment 2, not comment 1"]


def test_a_gold_stance_is_found_by_its_words_and_a_gold_place_of_another_s_message_warned_of() -> None:
    """A gold without messages, numbered as a reader counts (one place off): its stance is
    found by its words in its speaker's messages, as its claims are (a trial's stances
    dropped from 8 to 4 of 10, claims unchanged), and a quote at a place that is another
    speaker's message is warned of, as one at another of the speaker's own is."""
    import warnings

    from conceptgraph.errors import ConceptGraphWarning
    from conceptgraph.model import Claim, Relation

    stance = Relation("r", "agrees_with", "bo", "ann", "bo", "Agreed, really", "comment 1")
    drafted = _thread([_claim("d")], [replace(stance, where="comment 2", message="m2", span=(0, 14))])
    gold = _thread([Claim("g", "trust", "needs time", "ann", "Trust needs time", "comment 1")], [stance], messages=())
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        scores = evaluate(drafted, gold)
    assert (scores["claims"]["matched"], scores["stances"]["matched"]) == (1, 1)
    assert [str(w.message) for w in said if issubclass(w.category, ConceptGraphWarning)] == [
        "2 quotes of the gold not in its speaker's message at the place it gives, scored where found: "
        "gold g at post, not comment 1; gold r at comment 2, not comment 1"]


def test_evaluate_scores_what_a_reviewed_folder_holds_accepted_and_undecided_alike() -> None:
    """After review a folder holds accepted items (curated) beside the undecided drafts:
    all are scored, not the drafts alone."""
    from conceptgraph.model import Claim

    accepted = _claim("a")
    undecided = replace(Claim("u", "trust", "needs time", "ann", "Trust needs time", "post", False, "m0", (18, 34)),
                        status="draft")
    gold = _thread([_claim("g1"), replace(undecided, id="g2", status="")])
    assert evaluate(_thread([accepted, undecided]), gold)["claims"]["matched"] == 2


def test_drafting_works_with_no_network(tmp_path: Path) -> None:
    """Every socket refused: drafting (and the lemmatiser's data) must not need one."""
    script = f"""
import socket, sys
def refuse(*a, **k):
    raise OSError("network used")
socket.socket = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
from conceptgraph.cli import cli
sys.argv = ["conceptgraph", "import", {str(SOURCE)!r}, "-o", {str(tmp_path / "offline")!r}, "--draft", "-q"]
cli()
"""
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "offline" / DRAFT_FILE).stat().st_size > 10_000


def test_drafts_are_ghosted_on_the_page_and_left_out_by_curated(tmp_path: Path) -> None:
    folder = tmp_path / "coop"
    assert run("import", str(SOURCE), "-o", str(folder), "--draft", "-q").exit_code == 0
    r = run("why", "Mary Alice Arthur", "working together", "--data", str(folder), "--json")
    assert r.exit_code == 0, r.stderr
    assert {e["status"] for e in json.loads(r.stdout)} == {"draft"}
    assert "drafted from the text" in run("why", "Mary Alice Arthur", "working together", "--data", str(folder)).stdout
    r = run("why", "Mary Alice Arthur", "working together", "--data", str(folder), "--curated")
    assert r.exit_code != 0
    page = run("render", "--data", str(folder), "-o", "-").stdout
    assert "show drafts" in page
    # an export says how much of what it wrote is drafted; --curated writes none of it
    import networkx as nx

    out = run("export", "graphml", "--data", str(folder), "-o", str(tmp_path / "g.graphml"), "--json")
    G = nx.read_graphml(tmp_path / "g.graphml")
    # what review has still to decide, as it counts: a claim once, though drawn as two links,
    # and not the links of context drafted with it
    drafted = len(json.loads(run("review", str(folder), "--list", "--json").stdout))
    assert json.loads(out.stdout)["drafted"] == drafted > 0
    assert sum(1 for *_, d in G.edges(data=True) if d.get("status") == "draft" and d.get("kind") == "asserts") > 0
    said = run("export", "graphml", "--data", str(folder), "-o", str(tmp_path / "g.graphml"))
    assert f"{drafted:,} drafted items" in said.stderr and "--curated" in said.stderr and said.stdout == ""
    # a note of the "wrote" line: -q silences it
    assert run("-q", "export", "graphml", "--data", str(folder), "-o", str(tmp_path / "g.graphml")).stderr == ""
    out = run("export", "graphml", "--data", str(folder), "-o", str(tmp_path / "c.graphml"), "--curated", "--json")
    assert "drafted" not in json.loads(out.stdout)
    # info counts what the curated export wrote
    counted = json.loads(run("info", "--data", str(folder), "--curated", "--json").stdout)
    C = nx.read_graphml(tmp_path / "c.graphml")
    assert (sum(counted["nodes"].values()), sum(counted["edges"].values())) == (C.number_of_nodes(), C.number_of_edges())
    assert sum(counted["nodes"].values()) < sum(json.loads(run("info", "--data", str(folder), "--json").stdout)["nodes"]
                                                 .values())
    # and so does the page, which draws them dashed
    out = run("render", "--data", str(folder), "-o", str(tmp_path / "p.html"), "--json")
    assert json.loads(out.stdout)["drafted"] == drafted
    assert "drafted" not in json.loads(run("render", "--data", str(folder), "-o", str(tmp_path / "p.html"),
                                           "--curated", "--json").stdout)


def test_min_confidence_leaves_out_the_drafts_under_it(tmp_path: Path) -> None:
    """A fresh draft is noisy: --min-confidence keeps the surer drafts in a query, an
    export or the page, and what no kept item speaks of goes with the rest."""
    import networkx as nx

    folder = tmp_path / "coop"
    assert run("import", str(SOURCE), "-o", str(folder), "--draft", "-q").exit_code == 0
    every = json.loads(run("compare", "cooperation", "collaboration", "--data", str(folder), "--json").stdout)
    sure = json.loads(run("compare", "cooperation", "collaboration", "--data", str(folder), "--json",
                          "--min-confidence", "0.5").stdout)
    assert 0 < len(json.dumps(sure)) < len(json.dumps(every))
    for x in (0.0, 0.5):
        out = tmp_path / f"g{x}.graphml"
        assert run("export", "graphml", "--data", str(folder), "-o", str(out), "--min-confidence", str(x)).exit_code == 0
        G = nx.read_graphml(out)
        confidences = [float(d["confidence"]) for _, d in G.nodes(data=True) if d.get("status") == "draft"
                       and "confidence" in d] + [float(d["confidence"]) for *_, d in G.edges(data=True)
                                                 if d.get("status") == "draft" and "confidence" in d]
        assert confidences and min(confidences) >= x
        assert not [n for n in G if G.degree(n) == 0 and G.nodes[n].get("status") == "draft"]
    r = run("compare", "cooperation", "collaboration", "--min-confidence", "2")
    assert r.exit_code == 2 and "--min-confidence" in r.stderr


def _drafted(*texts: str, terms: str = "leadership,management"):
    from conceptgraph.model import Source

    ds = Dataset(Source("t"), contributors=(Contributor("ann", "Ann", "author", ("post",)),),
                 messages=tuple(Message(f"m{i}", "ann", f"comment {i}", t) for i, t in enumerate(texts)))
    out = draft(ds, terms=terms.split(","))
    labels = {a.id: a.label for a in out.attributes}
    return out, labels


def test_a_clause_after_a_comma_is_no_more_of_the_denial_before_it() -> None:
    """"Leadership is not a watered-down management, it's built for a different job,
    navigation and tagging, not control.": the clause after the comma is its own, and its
    list no more of the denial (a trial's draft said "taxonomy: not tagging", the opposite
    of what was written). "That is," goes on with the same phrase."""
    out, labels = _drafted("Leadership is not a watered-down management, it's built for a different job, "
                           "navigation and tagging, not control.")
    assert [(c.term, labels[c.attribute], c.negated) for c in out.claims] == [
        ("leadership", "watered-down management", True)]
    out, labels = _drafted("Leadership is a habit, that is, a way of working.")
    assert [(c.term, labels[c.attribute], c.negated) for c in out.claims][:1] == [("leadership", "habit", False)]


@pytest.mark.parametrize(("sentence", "expected"), [
    # a label cut at eight words would say the opposite: the clause is kept whole
    ("A mentor is someone who speaks for you when you are not in the room.",
     ("mentor", "who speaks for you when you are not in the room", False)),
    ("Mentor is the word people will actually use.", ("mentor", "word people will actually use", False)),  # its verb kept
    ("We should never use mentor for the volunteer role.", ("mentor", "volunteer role", True)),  # the use denied
    ("A mentor need not coach at all.", ("mentor", "has to coach", True)),  # not "does not need coach"
    ("A mentor does not need a desk.", ("mentor", "needs desk", True)),
    # denied by the modal before the verb (a trial's "shouldn't require a merged PR" had been
    # drafted as requiring one, and four people who agreed as disputing each other)
    ("A mentor shouldn't require a desk.", ("mentor", "needs desk", True)),
    ("A mentor should not require a desk.", ("mentor", "needs desk", True)),
    ("A mentor should require a desk.", ("mentor", "needs desk", False)),
    # a number and its bound are one ("zero or more"), not the number alone
    ("A mentor has zero or more mentees.", ("mentor", "has zero or more mentees", False)),
    ("A mentor is zero or more.", ("mentor", "zero or more", False)),
    # against doing what the verdict names: "should be kept", denied (a trial's consensus had
    # listed the speaker as supporting what they argued against)
    ("I disagree with keeping mentor for the volunteer role.", ("mentor", "should be kept for the volunteer role", True)),
    ("I am against dropping mentor.", ("mentor", "should be dropped", True)),
    # a clause ends on its verb ("what the person makes", not "what the person"), and "cause
    # it to fail" is one label, not "cause it" and a purpose "fail"
    ("A mentor is what the person makes.", ("mentor", "what the person makes", False)),
    ("A mentor is a habit that can cause it to fail.", ("mentor", "habit that can cause it to fail", False)),
    ("Real talk: mentor != coach.", ("mentor", "coach", True)),  # "!=" denies, as "is not" does
    ("A mentor can ONLY be a volunteer.", ("mentor", "can only be volunteer", False)),  # the restriction kept
    ("A mentor burns out.", ("mentor", "burns out", False)),  # a phrasal verb keeps its particle
    ("I don't agree that a mentor needs a desk.", ("mentor", "needs desk", True)),  # denied, as "I don't think"
    # a noun that "to" says the use of is one thing, not the thing and a purpose
    ("A mentor is the best person to ask.", ("mentor", "best person to ask", False)),
    # ... and so is a noun whose "to" says what it is of: "without intent to deceive" is no
    # purpose "deceive" (a trial's "misinformation: deceive" said the opposite of its writer)
    ("A mentor is advice given without intent to judge.", ("mentor", "advice given without intent to judge", False)),
    ("A mentor is a person with the right to refuse.", ("mentor", "person with the right to refuse", False)),
    ("A mentor is different in kind, not in seniority.", ("mentor", "different in kind", False)),  # "kind" a noun here
    ('The word "mentor" means nothing.', ("mentor", "means nothing", False)),
    # ... but "something" or "someone" that a verb follows is a clause's subject, kept whole
    ("A mentor means something is wrong.", ("mentor", "something is wrong", False)),
    ("A mentor means someone noticed.", ("mentor", "someone noticed", False)),  # how much it means, not "nothing"
    ("A mentor means a lot to newcomers.", ("mentor", "means a lot to newcomers", False)),
    # from a facilitator's trial: "does not mean" denies as "is not" does
    ("No, a mentor does not mean a boss.", ("mentor", "boss", True)),
    ("A mentor doesn't mean everyone agrees.", ("mentor", "everyone agrees", True)),
    # "something" an adjective describes is no filler; adjectives of one noun are not cut apart
    ("A mentor produces something new.", ("mentor", "produces something new", False)),
    ("A mentor means nobody has a reasoned, paramount objection.",
     ("mentor", "nobody has a reasoned, paramount objection", False)),
    ("A mentor means helping the group think.", ("mentor", "helping the group think", False)),  # what they are made to do
    # two nouns of one phrase stay together: "keeping time and order", not "keeping time" and "order"
    ("A mentor means keeping time and order.", ("mentor", "keeping time and order", False)),
    ("A mentor is a formal role in meetings with motions and votes.",
     ("mentor", "formal role in meetings with motions and votes", False)),
    # past eight words too, and before a colon's list (a trial's "weather: time")
    ("A mentor is the state of the team at a given place and time.",
     ("mentor", "state of the team at a given place and time", False)),
    # from a researcher's trial: "more than" is no comparison of two terms; "not only" grants
    ("I think a mentor is more than an average.", ("mentor", "more than an average", False)),
    ("I don't think a mentor is only a coach.", ("mentor", "not only coach", False)),
    # ... nor does "only" at the end: without it "means a coach only", denied, says a mentor is no coach
    ("I disagree that a mentor means a coach only.", ("mentor", "coach only", True)),
    ("A mentor is for the learner alone.", ("mentor", "for the learner alone", False)),
    # "only" before a verb limits what it does and stays; before a noun it hedges ("only a name")
    ("Mentors only advise newcomers.", ("mentor", "only advise newcomers", False)),
    ("A mentor is only a name.", ("mentor", "name", False)),
    # a clause that describes a noun with no "that" keeps its verb (a trial's labels had ended
    # "the learner already"), and a lone verb joined to another shares its object
    ("A mentor shares knowledge the learner does not have yet.",
     ("mentor", "shares knowledge the learner does not have yet", False)),
    ("A mentor draws out an answer the learner already has.",
     ("mentor", "draws out an answer the learner already has", False)),
    ("Mentor: find and remove the blockers.", ("mentor", "find and remove the blockers", False)),
    # a statement quoted and judged: read, and denied or granted as judged (a trial's label
    # had been "average weather is not quite right")
    ('I\'d argue that "a mentor is a coach" is not quite right.', ("mentor", "coach", True)),
    ('I think "a mentor is a coach" is spot on.', ("mentor", "coach", False)),
    # doubt denies as "I don't think" does, and grants what "only" limits (a trial's "I'm not sure
    # teaching is only "transferring knowledge"" had been drafted as denying it transfers knowledge)
    ("I'm not sure a mentor is only a coach.", ("mentor", "not only coach", False)),
    ('I\'m not sure a mentor is only "a coach".', ("mentor", "not only coach", False)),
    ("I am not convinced that a mentor is a coach.", ("mentor", "coach", True)),
    # "never" before a common verb denies it, in the plural too, so it meets "gives advice"
    ("Mentors never give advice.", ("mentor", "gives advice", True)),
    ("Plenty of good mentors never give advice, they listen.", ("mentor", "give advice", True)),
    # a quotation is one phrase, its commas too
    ('A mentor is "good enough for now, safe enough to try".', ("mentor", "good enough for now, safe enough to try", False)),
    # from a trial: after "means", "no" is what is meant, not a denial ("is no" still denies); a
    # verb's "yes" and a preposition the sentence ends on are the point, past eight words too
    ("A mentor means no formal authority.", ("mentor", "no formal authority", False)),
    ("A mentor is no boss.", ("mentor", "boss", True)),
    ("A mentor means that everybody votes yes.", ("mentor", "everybody votes yes", False)),
    ("A mentor is a person of the kind everyone in the team can live with.",
     ("mentor", "person of the kind everyone in the team can live with", False)),
])
def test_a_label_says_what_was_said_not_less_nor_the_opposite(sentence: str, expected: tuple[str, str, bool]) -> None:
    out, labels = _drafted(sentence, terms="mentor")
    assert [(c.term, labels[c.attribute], c.negated) for c in out.claims] == [expected]


def test_a_plural_subject_with_its_verb_is_read_as_a_subject() -> None:
    """"Mentors listen ..." says what mentors do, as "A mentor listens ..." does: the
    subject rule's claim, not the broad rule's guess from a sentence that names a term."""
    from conceptgraph.model import Source

    for text in ("Mentors listen more than they talk.", "A mentor listens more than they talk."):
        ds = Dataset(Source("t"), contributors=(Contributor("ann", "Ann", "author", ("post",)),),
                     messages=(Message("m0", "ann", "comment 0", text),))
        explain: dict[str, str] = {}
        out = draft(ds, terms=["mentor"], explain=explain)
        assert [explain[c.id] for c in out.claims] == ["subject"], text


@pytest.mark.parametrize(("sentence", "expected"), [
    # a second verb of its own takes no "needs" or "has" from the first ("has shares experience")
    ("A mentor needs time and gives feedback.", [("mentor", "needs time"), ("mentor", "gives feedback")]),
    ("A mentor has a title and shares experience.", [("mentor", "has title"), ("mentor", "shares experience")]),
    # and a clause "you're on" keeps its preposition, though another piece follows
    ("A mentor has walked the path you're on and shares experience.",
     [("mentor", "has walked the path you're on"), ("mentor", "shares experience")]),
    ("A mentor needs time and patience.", [("mentor", "needs time"), ("mentor", "needs patience")]),  # one verb
    # a purpose is no second thing needed: never "needs persuade"
    ("A mentor needs to be patient to persuade the team.",
     [("mentor", "needs to be patient"), ("mentor", "persuade the team")]),
    # a second statement after a comma, its subject "it": read as one of its own, "nothing to
    # do with" denying (a trial's "it has nothing to do with people" had been "do with people")
    ("A mentor is a role, it has nothing to do with people.",
     [("mentor", "role"), ("mentor", "has to do with people")]),
    ("A mentor is a role, it is dated.", [("mentor", "role"), ("mentor", "dated")]),
])
def test_a_second_verb_is_its_own(sentence: str, expected: list[tuple[str, str]]) -> None:
    out, labels = _drafted(sentence, terms="mentor")
    assert [(c.term, labels[c.attribute]) for c in out.claims] == expected


@pytest.mark.parametrize("sentence", [
    "Leadership is rare and management is common.",  # "and" with no comma, after a clause of its own
    "Leadership = rare, management = common.",  # "=" as the verb of a list of clauses
])
def test_a_second_clause_on_another_term_is_read_too(sentence: str) -> None:
    out, labels = _drafted(sentence)
    assert {(c.term, labels[c.attribute]) for c in out.claims} == {("leadership", "rare"), ("management", "common")}


def test_a_place_or_setting_before_the_subject_leaves_the_clause_its_subject() -> None:
    # "In our contracts" says where it holds; the claims are the subject rule's, and contrast
    out, labels = _drafted("In our contracts a leadership is what the board names, and a management is what staff do.")
    assert {(c.term, labels[c.attribute], out.claims[0].confidence == c.confidence) for c in out.claims} == \
        {("leadership", "what the board names", True), ("management", "what staff do", True)}
    assert [r.kind for r in out.relations if r.kind == "opposes"] == ["opposes"]


def test_two_sentences_alike_on_two_terms_oppose_their_attributes() -> None:
    out, labels = _drafted("Leadership is a calling. Management is a job.")
    opposed = [(labels[r.source], labels[r.target], r.quote) for r in out.relations if r.kind == "opposes"]
    assert opposed == [("calling", "job", "Leadership is a calling. Management is a job.")]
    out, _ = _drafted("Leadership is a calling. Leadership is a job.")  # one term: no contrast
    assert not [r for r in out.relations if r.kind == "opposes"]
    out, _ = _drafted("Leadership is hard. It needs vision.")  # "it": a claim on no term named there
    assert not [r for r in out.relations if r.kind == "opposes"] and len(out.claims) == 2
    # the second names another term after its own: still two sentences alike, on two terms
    out, labels = _drafted("Leadership means vision. Management means a plan for staff.", terms="leadership,management,staff")
    assert [(labels[r.source], labels[r.target]) for r in out.relations if r.kind == "opposes"] == [
        ("vision", "plan for staff")]


def test_a_name_after_a_preposition_is_not_the_subject_of_a_relation() -> None:
    """"Consensus without vetoes is just consent": consensus is like consent, not vetoes."""
    from conceptgraph.draft.relations import term_relations

    text = "Consensus without vetoes is just consent."
    found = term_relations(text, 0, [(0, 9, "consensus"), (18, 24, "veto"), (33, 40, "consent")])
    assert [(f.kind, f.term, f.other) for f in found] == [("similar_to", "consensus", "consent")]


def test_a_term_that_only_qualifies_the_noun_ending_a_clause_has_no_claim_there() -> None:
    """"... does not disprove climate change." says nothing of climate (no "climate: not
    change"); "The climate changes slowly." does, its verb without a noun after it."""
    out, _ = _drafted("One cold winter does not disprove climate change.", "I worry about climate change.",
                      terms="climate")
    assert out.claims == ()
    out, labels = _drafted("The climate changes slowly.", terms="climate")
    assert [labels[c.attribute] for c in out.claims] == ["changes slowly"]


def test_a_list_of_three_definitions_opposes_none_of_them() -> None:
    """"A means x, B y, C z" defines three words; its first and last are no more opposed
    than any two of them (two, set side by side with "whereas", are)."""
    out, _ = _drafted("Leadership means vision, management means process, stewardship means care.",
                      terms="leadership,management,stewardship")
    assert len(out.claims) == 3 and not [r for r in out.relations if r.kind == "opposes"]
    out, labels = _drafted("Leadership is about vision, whereas management is about process.")
    assert [(labels[r.source], labels[r.target]) for r in out.relations if r.kind == "opposes"] == [
        ("about vision", "about process")]
    # and the two terms, each given its own side, are set against each other
    assert [(r.source, r.target) for r in out.relations if r.kind == "contrasts_with"] == [("leadership", "management")]


def test_a_comparative_opposes_more_and_less() -> None:
    out, labels = _drafted("Management is more procedural than leadership.")
    assert [(labels[r.source], labels[r.target]) for r in out.relations if r.kind == "opposes"] == [
        ("more procedural", "less procedural")]
    # and the two terms are set against each other
    assert [(r.source, r.target) for r in out.relations if r.kind == "contrasts_with"] == [("management", "leadership")]


def test_the_readme_shows_the_scores_the_draft_gets(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = readme.split("$ conceptgraph evaluate output/cooperation-vs-collaboration/ graph_data/\n", 1)[1]
    shown = shown.split("...\n", 1)[0]
    assert run("import", str(SOURCE), "-o", str(tmp_path / "coop"), "--draft", "-q").exit_code == 0
    printed = run("evaluate", str(tmp_path / "coop"), str(GOLD)).stdout
    assert printed.startswith(shown)


def test_drafting_beside_curated_items_uses_them(tmp_path: Path) -> None:
    """A curated term or attribute is used by the draft, never drafted a second time."""
    folder = tmp_path / "coop"
    assert run("import", str(SOURCE), "-o", str(folder), "-q").exit_code == 0
    (folder / "mine.yaml").write_text("terms:\n  - {id: coop, label: cooperation}\n"
                                      "attributes:\n  - {id: together, label: working together}\n", encoding="utf-8")
    r = run("draft", str(folder), "-q")
    assert r.exit_code == 0, r.stderr
    ds = load_dataset(folder)
    assert [t.id for t in ds.terms if t.label == "cooperation"] == ["coop"]
    assert [a.id for a in ds.attributes if a.label == "working together"] == ["together"]
    assert any(c.term == "coop" and c.attribute == "together" and c.status == "draft" for c in ds.claims)


def test_one_attribute_in_two_inflections_is_one_with_two_supporters() -> None:
    """"opens doors" and "open doors" are one point two people make; "bigger" stays
    apart from "big"."""
    msgs = [Message("m1", "jun", "turn 1", "A good mentor opens doors too."),
            Message("m2", "sam", "turn 2", "A mentor can open doors. A coach is bigger. A sponsor is big.")]
    ds = draft(Dataset(messages=tuple(msgs), contributors=(Contributor("jun", "Jun", "commenter"),
                                                           Contributor("sam", "Sam", "commenter"))),
               terms=["mentor", "coach", "sponsor"])
    by_term = {}
    for c in ds.claims:
        by_term.setdefault(c.term, set()).add(c.attribute)
    labels = {a.id: a.label for a in ds.attributes}
    assert [labels[a] for a in by_term["mentor"]] == ["opens doors"]
    assert by_term["coach"] != by_term["sponsor"]


def test_one_attribute_with_or_without_its_article_is_one_point_asserted_and_denied() -> None:
    """"needs to know your field" and "needs to know the field" are one point: one denied
    it, the other asserts it, and the point is disputed (a trial's central disagreement
    was two attributes of one supporter each)."""
    msgs = [Message("m1", "zoe", "turn 1", "A coach doesn't need to know your field at all."),
            Message("m2", "dan", "turn 2", "A coach needs to know the field.")]
    ds = draft(Dataset(messages=tuple(msgs), contributors=(Contributor("zoe", "Zoe", "commenter"),
                                                           Contributor("dan", "Dan", "commenter"))), terms=["coach"])
    labels = {a.id: a.label for a in ds.attributes}
    said = {(c.by, labels[c.attribute], c.negated) for c in ds.claims}
    assert said == {("zoe", "needs to know your field", True), ("dan", "needs to know your field", False)}, said


def test_mentions_and_co_occurrences_stay_out_of_the_thread(tmp_path: Path) -> None:
    """They only say a sentence names a term: listing or marking them would bury the claims."""
    from conceptgraph.page import page_data

    folder = tmp_path / "coop"
    assert run("import", str(SOURCE), "-o", str(folder), "--draft", "-q").exit_code == 0
    answer = json.loads(run("thread", "--data", str(folder), "--json").stdout)
    kinds = {c["kind"] for m in answer["messages"] for c in m["claims"]}
    assert "claim" in kinds and not kinds & {"mentions", "co_occurs"}
    data = page_data(load_graph(folder))
    context = {data["edges"]["detail"][j] for j, k in enumerate(data["edges"]["kind"])
               if data["edgeKinds"][k]["base"] in ("mentions", "co_occurs")}
    marked = {i for m in data["thread"] for _, _, evidence in m["marks"] for i in evidence}
    assert context and marked and not marked & context


CHAT = """\
Alice: What is the difference between leadership and management?
Bob: Leadership is about setting a direction, whereas management is about keeping things running.
Carol: I agree with Bob. Management needs process; leadership needs trust.
Dan: I disagree. Good management requires trust as well, and leadership without management is just talk.
Alice: Leadership is more personal than management. Management can be taught.
Bob: +1
Erin: Like Carol, I think trust matters most. Trust is not a contract; it grows slowly.
"""


def test_i_disagree_answers_a_short_message_that_claims_something(tmp_path: Path) -> None:
    """"Bug is just slang for defect." is short (three content words), and a dispute after it
    went past it to the message before, as it rightly does past "Okay, thank you."."""
    (tmp_path / "chat.txt").write_text(
        "Ann: What is the difference between a bug and a defect?\n"
        "Bo: A bug is a defect found in code. A defect is any deviation from the requirements.\n"
        "Cy: Per ISTQB a defect is a flaw in a component that can cause it to fail.\n"
        "Dee: Bug is just slang for defect. Same thing.\n"
        "Bo: I disagree. A bug is always in code, a defect can be in a spec.\n", encoding="utf-8")
    assert run("import", str(tmp_path / "chat.txt"), "-o", str(tmp_path / "d"), "--draft", "-q").exit_code == 0
    ds = load_dataset(tmp_path / "d")
    name = {c.id: c.name for c in ds.contributors}
    assert [(name[r.source], r.kind, name[r.target]) for r in ds.relations if r.kind == "disputes"] == \
        [("Bo", "disputes", "Dee")]


def test_a_dispute_answers_a_short_message_that_puts_something_forward(tmp_path: Path) -> None:
    """"We should change the title." is short too, and says something to dispute: "No, it is
    good." answers it, not the message before it."""
    stances = _drafted_stances(tmp_path, "TJ: I titled it weather versus climate, as the course does.\n"
                                         "Ana: We should change the title, it is too long.\n"
                                         "Mei: No, it is good.\n")
    assert [k for k in stances if k[1] == "disputes"] == [("Mei", "disputes", "Ana")]


def test_a_meeting_about_other_words_is_drafted_as_a_reader_would(tmp_path: Path) -> None:
    """A thread on another subject, with no reply structure: "I disagree" and "+1" answer
    the message before; a stance that echoes nothing concerns its target's latest claims."""
    (tmp_path / "chat.txt").write_text(CHAT, encoding="utf-8")
    assert run("import", str(tmp_path / "chat.txt"), "-o", str(tmp_path / "d"), "--draft", "-q").exit_code == 0
    # the question's two sides (not "good management"); "trust", used by three people, is
    # too rare in so short a chat to stand out: given with --terms, its claims are read too
    assert [t.label for t in load_dataset(tmp_path / "d").terms] == ["management", "leadership"]
    assert run("draft", str(tmp_path / "d"), "--terms", "management,leadership,trust", "-q").exit_code == 0
    ds = load_dataset(tmp_path / "d")
    label = {a.id: a.label for a in ds.attributes}
    name = {c.id: c.name for c in ds.contributors}
    claims = {(name[c.by], c.term, label[c.attribute], c.negated) for c in ds.claims}
    assert {("Bob", "leadership", "about setting a direction", False),
            ("Bob", "management", "about keeping things running", False),
            ("Carol", "management", "needs process", False), ("Carol", "leadership", "needs trust", False),
            ("Dan", "management", "needs trust", False), ("Alice", "leadership", "more personal", False),
            ("Alice", "management", "less personal", False), ("Erin", "trust", "contract", True),
            ("Erin", "trust", "grows slowly", False)} <= claims
    assert not [c for c in claims if "leadership without" in c[2]]  # a clause, not an attribute
    by_id = {c.id: c for c in ds.claims}
    stances = {(name[r.source], r.kind, name[r.target], tuple(sorted(label[by_id[k].attribute] for k in r.concerns)))
               for r in ds.relations if r.kind in ("agrees_with", "disputes")}
    assert stances == {
        ("Carol", "agrees_with", "Bob", ("about keeping things running", "about setting a direction")),
        ("Dan", "disputes", "Carol", ("needs process", "needs trust")),
        ("Bob", "agrees_with", "Alice", ("can be taught", "less personal", "more personal")),
        ("Erin", "agrees_with", "Carol", ("needs process", "needs trust")),
    }


def _agreement_about(folder: Path, reply: str) -> tuple[Relation, set[str]]:
    """Bo's agreement with Ann, drafted (into ``folder``) from ``reply`` to her two
    definitions, and the terms of her claims it is about."""
    chat = folder.with_suffix(".txt")
    chat.write_text(f"Ann: A supporter gives time or money. A member pays dues.\nBo: {reply}\n", encoding="utf-8")
    assert run("import", str(chat), "-o", str(folder), "-q").exit_code == 0
    assert run("draft", str(folder), "--terms", "supporter,member,dues", "-q").exit_code == 0
    ds = load_dataset(folder)
    by_id = {c.id: c for c in ds.claims}
    [agreement] = [r for r in ds.relations if r.kind == "agrees_with"]
    return agreement, {by_id[k].term for k in agreement.concerns if k in by_id}


def test_an_agreement_that_turns_with_but_is_about_what_it_granted(tmp_path: Path) -> None:
    """"I agree with Ann on supporters, but dues ...": about what Ann said of supporters,
    not of dues, which the rest of the sentence turns against."""
    agreement, about = _agreement_about(tmp_path / "d", "I agree with Ann on supporters, but dues should not define a member.")
    assert agreement.target == "ann" and about == {"supporter"}
    # the turn before the agreement: it is about what follows
    _, about = _agreement_about(tmp_path / "e", "I am not sure about supporters, but I agree with Ann on dues.")
    assert "supporter" not in about


def test_a_concession_that_turns_with_but_is_about_what_it_answers(tmp_path: Path) -> None:
    """"I can live with that, but dues ...": "that" is what Ann said last, all of it; the
    dues the rest of the sentence turns to are not what it concedes (a trial's agreement
    had been drafted about Ann's earlier claim on the word the "but" clause repeats)."""
    thread = tmp_path / "t.txt"
    thread.write_text("Ann: Dues are paid once a year.\n"
                      "Bo: I think so.\n"
                      "Ann: A supporter gives time or money.\n"
                      "Bo: I can live with that, but dues should stay in the glossary.\n", encoding="utf-8")
    ds, _ = read_discussion([thread])
    out = draft(ds, terms=["supporter", "dues"])
    term = {c.id: c.term for c in out.claims}
    [agreement] = [r for r in out.relations if r.kind == "agrees_with" and r.where.endswith("4")]
    assert agreement.target == "ann" and {term[k] for k in agreement.concerns} == {"supporter"}


_DEFINITIONS = "A supporter gives time or money. A member pays dues every year."


def _discourse_reply(folder: Path, reply_html: str) -> Path:
    """A Discourse topic (``/t/ID.json``, cooked HTML): Ann's two definitions, and Bo's
    reply to her post."""
    posts = [{"id": 1, "name": "Ann", "username": "ann", "post_number": 1, "post_type": 1, "user_id": 2,
              "created_at": "2024-05-01T10:00:00.000Z", "cooked": f"<p>{_DEFINITIONS}</p>"},
             {"id": 2, "name": "Bo", "username": "bo", "post_number": 2, "post_type": 1, "user_id": 3,
              "created_at": "2024-05-01T11:00:00.000Z", "reply_to_post_number": 1, "cooked": reply_html}]
    path = folder / "topic.json"
    folder.mkdir()
    path.write_text(json.dumps({"id": 7, "title": "Supporters and members", "slug": "s", "post_stream": {"posts": posts}}))
    return path


def _reddit_reply(folder: Path, reply_md: str) -> Path:
    """A Reddit thread (``.json``): Ann's post, and Bo's comment on it, in Markdown."""
    comment = {"kind": "t1", "data": {"name": "t1_b", "author": "Bo", "body": reply_md, "parent_id": "t3_a",
                                      "created_utc": 1714560000, "permalink": "/r/x/comments/a/s/b/"}}
    doc = [{"kind": "Listing", "data": {"children": [{"kind": "t3", "data": {
               "name": "t3_a", "author": "Ann", "title": "Supporters and members", "selftext": _DEFINITIONS,
               "created_utc": 1714550000, "permalink": "/r/x/comments/a/s/"}}]}},
           {"kind": "Listing", "data": {"children": [comment]}}]
    folder.mkdir()
    path = folder / "thread.json"
    path.write_text(json.dumps(doc))
    return path


@pytest.mark.parametrize("export", [
    lambda d: _discourse_reply(d, '<aside class="quote" data-username="ann" data-post="1"><div class="title">ann:</div>'
                                  "<blockquote><p>A member pays dues every year.</p></blockquote></aside><p>Agreed.</p>"),
    lambda d: _reddit_reply(d, "> A member pays dues every year.\n\nAgreed."),
], ids=["discourse", "reddit"])
def test_an_agreement_under_a_quote_is_about_what_it_quotes(tmp_path: Path, export) -> None:
    """"Agreed." under one quoted sentence agrees with that sentence, not with all its
    writer said: import keeps the quote apart from the reply's own words
    (:attr:`Message.quotes`), and the draft reads it (a trial had accepted an agreement
    drafted about both of Ann's definitions)."""
    ds, _ = read_discussion([export(tmp_path / "in")])
    assert [m.quotes for m in ds.messages] == [(), ("A member pays dues every year.",)]
    assert "pays dues" not in ds.messages[1].text  # never the replier's words
    out = draft(ds, terms=["supporter", "member"])
    term = {c.id: c.term for c in out.claims}
    assert set(term.values()) == {"supporter", "member"}
    [agreement] = [r for r in out.relations if r.kind == "agrees_with"]
    assert agreement.target == "ann" and {term[k] for k in agreement.concerns} == {"member"}


@pytest.mark.parametrize("export", [
    lambda d: _discourse_reply(d, "<blockquote><p>A supporter gives time or money.</p></blockquote><p>Agreed.</p>"
                                  "<blockquote><p>A member pays dues every year.</p></blockquote><p>No, not every year.</p>"),
    lambda d: _reddit_reply(d, "> A supporter gives time or money.\n\nAgreed.\n\n> A member pays dues every year.\n\n"
                               "No, not every year."),
], ids=["discourse", "reddit"])
def test_each_answer_between_quotes_is_about_the_quote_above_it(tmp_path: Path, export) -> None:
    """A reply that answers two quotes in turn ("> X" "Agreed." "> Y" "No, ..."): import
    keeps where each quote stood (:attr:`Message.quoted_at`), so the agreement is about
    X and the dispute about Y (both had been about both: the quotes had no places)."""
    ds, _ = read_discussion([export(tmp_path / "in")])
    reply = ds.messages[1]
    assert reply.text == "Agreed.\n\nNo, not every year."
    assert reply.quotes == ("A supporter gives time or money.", "A member pays dues every year.")
    assert reply.quoted_at == (0, reply.text.index("No,"))
    out = draft(ds, terms=["supporter", "member"])
    term = {c.id: c.term for c in out.claims}
    about = {r.kind: {term[k] for k in r.concerns} for r in out.relations if r.kind in ("agrees_with", "disputes")}
    assert about == {"agrees_with": {"supporter"}, "disputes": {"member"}}


def test_where_quotes_stood_survives_the_dataset_file(tmp_path: Path) -> None:
    """``quoted_at`` is written to discussion.yaml and read back; the review page and the
    thread view get it with the message (they show each quote where it stood)."""
    path = _reddit_reply(tmp_path / "in", "> A supporter gives time or money.\n\nAgreed.\n\n"
                                          "> A member pays dues every year.\n\nNo.")
    result = CliRunner().invoke(cli, ["import", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    written = yaml.safe_load((tmp_path / "out" / "discussion.yaml").read_text(encoding="utf-8"))
    assert written["messages"][1]["quoted_at"] == [0, len("Agreed.\n\n")]
    assert load_dataset(tmp_path / "out").messages[1].quoted_at == (0, 9)
    G = load_graph(tmp_path / "out")
    assert G.nodes[load_dataset(tmp_path / "out").messages[1].id]["quoted_at"] == [0, 9]
    # `thread` shows each quote where it stood, as "> ..." above the words that answer it
    shown = CliRunner().invoke(cli, ["--data", str(tmp_path / "out"), "thread"]).output
    assert "    > A supporter gives time or money.\n    Agreed.\n    > A member pays dues every year.\n    No.\n" in shown
    as_json = json.loads(CliRunner().invoke(cli, ["--data", str(tmp_path / "out"), "thread", "--json"]).output)
    assert as_json["messages"][1]["quoted_at"] == [0, 9]


def test_a_stance_towards_someone_not_in_the_thread_is_drafted_towards_no_one() -> None:
    """"+1 to Priya's point" where no Priya speaks (a GitHub thread names people by their
    logins): with whom, the thread does not say, so no stance is drafted, nor guessed from
    its words; "Sam" is the only login that starts with it, "samrivera" (a trial's "+1" had
    gone to the thread's author)."""
    from conceptgraph.model import Source

    msgs = (Message("m1", "sam", "post", "A contributor is anyone who has had a pull request merged."),
            Message("m2", "kat", "comment 1", "+1 to Priya's point about contributors.", reply_to="m1"),
            Message("m3", "olu", "comment 2", "I agree with Priya here.", reply_to="m1"),
            Message("m4", "ann", "comment 3", "I agree with Sam here.", reply_to="m1"))
    people = tuple(Contributor(i, name, "author" if i == "sam" else "commenter")
                   for i, name in (("sam", "samrivera"), ("kat", "knovak"), ("olu", "olu"), ("ann", "Ann")))
    out = draft(Dataset(Source("Contributor?"), contributors=people, messages=msgs), terms=["contributor"])
    assert [(r.source, r.target) for r in out.relations if r.kind in ("agrees_with", "disputes")] == [("ann", "sam")]


def test_a_login_written_in_lower_case_names_its_contributor() -> None:
    """Forges and chats name people by their logins, as people write them ("I agree with
    knovak", "olu is right"): the stance is towards that contributor, not whoever the
    message answers, and so is one towards a first name that is no common word ("ann" for
    Ann Lee); a word that is no one's ("I agree with everything") names no one."""
    from conceptgraph.model import Source

    msgs = (Message("m1", "sam", "post", "A contributor is anyone who has had a pull request merged."),
            Message("m2", "kat", "comment 1", "A contributor needs commit access.", reply_to="m1"),
            Message("m3", "olu", "comment 2", "I agree with knovak on this.", reply_to="m1"),
            Message("m4", "ann", "comment 3", "I disagree with everything here.", reply_to="m3"),
            Message("m5", "sam", "comment 4", "olu is right about contributors.", reply_to="m4"),
            Message("m6", "kat", "comment 5", "I agree with ann here.", reply_to="m1"))
    people = tuple(Contributor(i, name, "author" if i == "sam" else "commenter")
                   for i, name in (("sam", "samrivera"), ("kat", "knovak"), ("olu", "olu"), ("ann", "Ann Lee")))
    out = draft(Dataset(Source("Contributor?"), contributors=people, messages=msgs), terms=["contributor"])
    assert sorted((r.kind, r.source, r.target) for r in out.relations if r.kind in ("agrees_with", "disputes")) == [
        ("agrees_with", "kat", "ann"), ("agrees_with", "olu", "kat"), ("agrees_with", "sam", "olu"),
        ("disputes", "ann", "olu")]


def test_students_lower_case_i_and_names_name_whom_they_answer(tmp_path: Path) -> None:
    """"i disagree a bit with josé", "i agree w maria": a class's forum in lower case
    names whom it answers as "I disagree with José" does (a teacher's trial had each go to
    whoever spoke last); "mark" and "will" are words, not Mark and Will."""
    chat = tmp_path / "class.txt"
    chat.write_text("José Ruiz: weather is what happens today.\n"
                    "Maria Lopez: climate is the average weather over thirty years.\n"
                    "Mark Bell: climate is slow.\n"
                    "Bo: i disagree a bit with josé, weather is hard to pin down.\n"
                    "Cy: i agree with maria on this.\n"
                    "Dee: i agree with mark my words, it changes.\n", encoding="utf-8")
    ds, _ = read_discussion([chat])
    out = draft(ds, terms=["weather", "climate"])
    name = {c.id: c.name for c in ds.contributors}
    stances = {(name[r.source], r.kind, name[r.target]) for r in out.relations if r.kind in ("agrees_with", "disputes")}
    assert {("Bo", "disputes", "José Ruiz"), ("Cy", "agrees_with", "Maria Lopez")} <= stances
    assert ("Dee", "agrees_with", "Cy") in stances and ("Dee", "agrees_with", "Mark Bell") not in stances


def test_an_answer_to_a_question_that_only_asks_takes_no_side(tmp_path: Path) -> None:
    """"no, a law describes ..." answers "is a law the same as a theory?": it disputes no
    one; nor does "Good question" agree with the one who asked (a teacher's trial)."""
    chat = tmp_path / "class.txt"
    chat.write_text("Kai: is a law the same as a theory?\n"
                    "Fatima: no, a law describes what happens, a theory explains why.\n"
                    "Priya: what is climate then?\n"
                    "Zoë: Good question Priya. Climate is the average weather over thirty years.\n", encoding="utf-8")
    ds, _ = read_discussion([chat])
    out = draft(ds, terms=["law", "theory", "climate"])
    assert out.claims and not [r for r in out.relations if r.kind in ("agrees_with", "disputes")]


def test_a_noun_and_its_verb_are_no_name_of_two_words(tmp_path: Path) -> None:
    """"Weather changes every hour but climate changes very slowly": "climate changes"
    is climate and what it does, not the term "climate change" (a trial's claim on
    climate was lost to it); "Climate changes are faster" names it."""
    forum = tmp_path / "forum.txt"
    forum.write_text("Tomás: Weather changes every hour but climate changes very slowly.\n"
                     "Liam: Climate changes are faster now.\n", encoding="utf-8")
    out = draft(read_discussion([forum])[0], terms=["weather", "climate", "climate change"])
    labels = {a.id: a.label for a in out.attributes}
    assert [(c.term, labels[c.attribute]) for c in out.claims] == [
        ("weather", "changes every hour"), ("climate", "changes very slowly"), ("climate-change", "faster")]


def test_a_plus_one_said_to_someone_by_name_is_theirs_alone(tmp_path: Path) -> None:
    """Liam agreed with Tomás; "+1" under it agrees with both, but "Nice distinction,
    Liam. 👍" speaks to Liam alone (a trial's draft passed a named "Good point, Priya."
    on to the one Priya had agreed with)."""
    def stances(last: str) -> set[tuple[str, str]]:
        forum = tmp_path / "forum.txt"
        forum.write_text("Tomás: Weather is what happens today.\n"
                         f"Liam: I agree with Tomás, weather is today.\nFatima: {last}\n", encoding="utf-8")
        out = draft(read_discussion([forum])[0], terms=["weather"])
        return {(r.source, r.target) for r in out.relations if r.kind == "agrees_with" and r.source == "fatima"}

    assert stances("+1") == {("fatima", "liam"), ("fatima", "tomás")}
    assert stances("Nice distinction, Liam. 👍") == {("fatima", "liam")}


def test_a_person_named_is_no_attribute(tmp_path: Path) -> None:
    """"The volcano example is weather, like Tomás said.": Tomás is who said it, not
    what weather is (a trial's draft had "weather: Tomás", and an agreement about it)."""
    forum = tmp_path / "forum.txt"
    forum.write_text("Tomás: Weather is what happens today.\n"
                     "Liam: The volcano example is weather, like Tomás said.\n", encoding="utf-8")
    out = draft(read_discussion([forum])[0], terms=["weather"])
    labels = {a.id: a.label for a in out.attributes}
    assert [labels[c.attribute] for c in out.claims] == ["what happens today"]


def test_no_to_a_question_with_its_context_and_no_claim_disputes_no_one(tmp_path: Path) -> None:
    """"Is global warming the same as climate change? My textbook uses both." asks, and
    says where the asker met the words: "No. Global warming is ..." answers it, and
    disputes nothing (a trial's teacher had a student dispute her question at 0.70). Had
    she claimed something, "No." might dispute it: it stays a dispute then."""
    forum = tmp_path / "forum.txt"
    forum.write_text("Ella: Is global warming the same as climate change? My textbook uses both.\n"
                     "Jonah: No. Global warming is the rise in the average temperature.\n", encoding="utf-8")
    out = draft(read_discussion([forum])[0], terms=["global warming", "climate change"])
    assert out.claims and not [r for r in out.relations if r.kind in ("agrees_with", "disputes")]
    forum.write_text("Ella: Is global warming the same as climate change? Climate change is global warming.\n"
                     "Jonah: No. Global warming is the rise in the average temperature.\n", encoding="utf-8")
    out = draft(read_discussion([forum])[0], terms=["global warming", "climate change"])
    assert [r.kind for r in out.relations if r.kind in ("agrees_with", "disputes")] == ["disputes"]


def test_yes_to_an_aside_that_asks_agrees_with_nothing_said_before(tmp_path: Path) -> None:
    """"unrelated but is anyone going to the offsite? need to book flights" asks, its "I"
    left out as chats do: "yes! thursday to sunday" answers it, and agrees with none of
    what its asker had said of the terms (a trial's consensus had Marco endorse Tomás'
    definition of churn)."""
    chat = tmp_path / "chat.txt"
    chat.write_text("Tomas: Churn is sixty days without a login.\n"
                    "Tomas: unrelated but is anyone going to the offsite? need to book flights\n"
                    "Marco: yes! thursday to sunday.\n", encoding="utf-8")
    ds, _ = read_discussion([chat])
    out = draft(ds, terms=["churn"])
    assert out.claims and not [r for r in out.relations if r.kind in ("agrees_with", "disputes")]


def test_a_question_with_the_askers_own_plight_still_only_asks(tmp_path: Path) -> None:
    """"What is the difference between weather and climate? I never know which to use."
    asks, and says only that the asker is unsure: the answer disputes no one. Thanks, to
    whoever answered, agree with nothing either."""
    chat = tmp_path / "class.txt"
    chat.write_text("Ann: What is the difference between weather and climate? I never know which to use.\n"
                    "Bob: Weather is what happens today. Climate is not one day, it is the average over years.\n"
                    "Ann: Thank you, Bob.\n"
                    "Cy: Is weather a kind of climate? I think weather is a kind of climate.\n"
                    "Dee: No, weather is not climate.\n", encoding="utf-8")
    ds, _ = read_discussion([chat])
    out = draft(ds)
    name = {c.id: c.name for c in ds.contributors}
    stances = {(name[r.source], r.kind, name[r.target]) for r in out.relations if r.kind in ("agrees_with", "disputes")}
    # (what was put forward beside the question, Dee disputes)
    assert stances == {("Dee", "disputes", "Cy")}, stances


def test_a_reply_to_a_message_that_claimed_nothing_is_about_everything_its_writer_said() -> None:
    """"Not quite." in reply to a message of Jo's that claimed nothing is not about Jo's
    earlier claims (a newcomer's trial had it "about headcanon: one person's
    interpretation", said three messages before): none are named; a reply that echoes
    an earlier claim's words is still about that claim."""
    from conceptgraph.model import Contributor, Dataset, Message, Source

    people = (Contributor("j", "Jo", "author"), Contributor("t", "Tomás", "commenter"))
    msgs = (Message("m1", "j", "message 1", "A headcanon is one person's interpretation of a story."),
            Message("m2", "t", "message 2", "Nice.", reply_to="m1"),
            Message("m3", "j", "message 3", "The author said so in an interview.", reply_to="m2"),
            Message("m4", "t", "message 4", "Not quite.", reply_to="m3"),
            Message("m5", "t", "message 5", "I disagree, not every interpretation is a headcanon.", reply_to="m3"))
    out = draft(Dataset(Source("fandom"), contributors=people, messages=msgs), terms=["headcanon"])
    about = {r.message: r.concerns for r in out.relations if r.kind == "disputes"}
    claims = {c.id: c.message for c in out.claims}
    assert about["m4"] == () and about["m5"] and {claims[c] for c in about["m5"]} == {"m1"}, about


def test_a_relation_said_twice_in_one_message_is_drafted_once(tmp_path: Path) -> None:
    """"Slang is different from jargon. Slang and jargon are different things." is one
    relation, on its first words (a newcomer's trial saw it twice in --list and compare);
    said again in another message, by another, it is that message's own."""
    chat = tmp_path / "chat.txt"
    chat.write_text("Ann: Slang is different from jargon. Slang and jargon are different things.\n"
                    "Bo: Yes, slang is different from jargon.\n", encoding="utf-8")
    ds, _ = read_discussion([chat])
    out = draft(ds)
    said = [(r.where, r.quote) for r in out.relations if r.kind == "contrasts_with"]
    assert said == [("turn 1", "Slang is different from jargon."), ("turn 2", "Yes, slang is different from jargon.")]


def test_a_plural_possessive_keeps_its_apostrophe_in_a_label(tmp_path: Path) -> None:
    """"the linguists' word for corpus" is labelled so, not "linguists word" (a newcomer's
    trial); a word in single quotes still loses them."""
    chat = tmp_path / "chat.txt"
    chat.write_text("Ann: Is a corpus the same as a dataset?\n"
                    "Bo: Dataset is the linguists' word for corpus. A corpus is the 'raw' collection.\n", encoding="utf-8")
    ds, _ = read_discussion([chat])
    assert {a.label for a in draft(ds).attributes} == {"linguists' word for corpus", "raw collection"}


def test_what_someone_else_said_reported_is_no_claim_of_the_writer(tmp_path: Path) -> None:
    """"Tom, you said a service without an SLA is still a service": Tom's view in Priya's
    words, not Priya's claim (a trial's "service: without an SLA is still a"); "As you say,
    ..." and what follows a "but" are the writer's own."""
    chat = tmp_path / "chat.txt"
    chat.write_text("Tom: A service is what engineers run.\n"
                    "Priya: Tom, you said a service without an SLA is still a service. I think a service needs an SLA.\n"
                    "Ann: As you say, a service is run by engineers.\n", encoding="utf-8")
    ds, _ = read_discussion([chat])
    out = draft(ds, terms=["service"])
    name = {c.id: c.name for c in ds.contributors}
    labels = {a.id: a.label for a in out.attributes}
    said = {(name[c.by], labels[c.attribute]) for c in out.claims}
    assert ("Priya", "needs SLA") in said and ("Ann", "run by engineers") in said
    assert not [a for who, a in said if who == "Priya" and "still" in a]


def test_saying_the_same_thing_again_agrees_whatever_words_it_leans_with(tmp_path: Path) -> None:
    """In a flat chat, a reply that makes the very claim made before it agrees with whoever
    made it first, though "shouldn't" or "not" would make it lean against; and an answer to
    a question that only asks disputes no one (a trial's five people who agreed had been
    drafted as disputing each other, and the first as disputing the one who asked)."""
    chat = tmp_path / "chat.txt"
    chat.write_text("Ann: What is a contributor, really?\n"
                    "Bob: A contributor shouldn't require a merged PR.\n"
                    "Cat: A contributor should not require a merged PR.\n"
                    "Dan: A contributor doesn't need a merged PR.\n", encoding="utf-8")
    ds, _ = read_discussion([chat])
    out = draft(ds, terms=["contributor"])
    assert {c.negated for c in out.claims} == {True}
    name = {c.id: c.name for c in ds.contributors}
    assert sorted((r.kind, name[r.source], name[r.target]) for r in out.relations if r.kind in ("agrees_with", "disputes")) \
        == [("agrees_with", "Cat", "Bob"), ("agrees_with", "Dan", "Bob")]


def test_a_reply_under_several_quotes_answers_the_one_just_above(tmp_path: Path) -> None:
    """A reply that keeps the "> " lines in its text answers, sentence by sentence, the
    quote just above each: "Agreed." the one, "No." the other."""
    ds = Dataset(Source("t"), contributors=(Contributor("ann", "Ann", "author", ("post",)),
                                            Contributor("bo", "Bo", "commenter", ("comment 1",))),
                 messages=(Message("m1", "ann", "post", _DEFINITIONS),
                           Message("m2", "bo", "comment 1", "> A supporter gives time or money.\nAgreed.\n\n"
                                   "> A member pays dues every year.\nNo, I disagree.", reply_to="m1")))
    out = draft(ds, terms=["supporter", "member"])
    term = {c.id: c.term for c in out.claims}
    about = {r.kind: {term[k] for k in r.concerns} for r in out.relations if r.kind in ("agrees_with", "disputes")}
    assert about == {"agrees_with": {"supporter"}, "disputes": {"member"}}


def test_an_agreement_on_named_terms_and_a_dispute_after_it_are_each_about_their_own(tmp_path: Path) -> None:
    """"I agree with Ann on sonnets and odes. But a haiku is not just a short poem: ..."
    agrees on what Ann said of sonnets and odes (not on her haiku claim, whose words name
    an ode too), and disputes the rest: never agree and dispute one claim."""
    thread = tmp_path / "t.txt"
    thread.write_text("Ann: Here are my definitions.\n"
                      "Ann: A sonnet is a poem of fourteen lines. An ode is a poem of praise. "
                      "A haiku is a short ode to nature.\n"
                      "Bo: I agree with Ann on sonnets and odes. But a haiku is not just a short ode: "
                      "a haiku is a poem of seventeen syllables.\n", encoding="utf-8")
    ds, _ = read_discussion([thread])
    out = draft(ds, terms=["sonnet", "ode", "haiku"])
    term = {c.id: c.term for c in out.claims}
    about = {r.kind: {term[k] for k in r.concerns} for r in out.relations if r.kind in ("agrees_with", "disputes")}
    assert about == {"agrees_with": {"sonnet", "ode"}, "disputes": {"haiku"}}


@pytest.mark.parametrize(("sentence", "negated"), [
    ("Trust cannot grow quickly.", True), ("Trust can't grow quickly.", True), ("Trust won't last.", True),
    ("Trust may never grow.", True), ("Trust will always grow.", False), ("Trust can grow slowly.", False),
    ("Trust can, not surprisingly, grow slowly.", False),  # an aside is no denial
])
def test_a_modal_that_denies_drafts_the_claim_negated(sentence: str, negated: bool) -> None:
    out, labels = _drafted(sentence, terms="trust")
    assert [c.negated for c in out.claims] == [negated], [(labels[c.attribute], c.negated) for c in out.claims]


@pytest.mark.parametrize(("sentence", "negated"), [
    ("I think volunteer is a status.", False),
    ("I don't think volunteer is a status.", True),  # the speaker denies it
    ("i dont think volunteer is a status", True),  # typed without its apostrophe
    ("We do not believe that volunteer is a status.", True),
    ("I don't think we should drop volunteer entirely.", True),
    ("I don't think volunteer is not a status.", False),  # denied twice
    ("Bo: I don't think so: volunteer is a status.", False),  # a denial before the colon is another's point
    ("People who don't think ahead say: volunteer is a status.", False),
    ("I disagree that volunteer is a status.", True),  # disagreeing with a clause denies it
    ("I strongly doubt that volunteer is a status.", True),
    ("That doesn't mean volunteer is a status.", True),  # what it means is denied
])
def test_i_dont_think_denies_the_claim_that_follows(sentence: str, negated: bool) -> None:
    out, labels = _drafted(sentence, terms="volunteer,status")
    assert [c.negated for c in out.claims if c.term == "volunteer"] == [negated], [
        (labels[c.attribute], c.negated) for c in out.claims]


@pytest.mark.parametrize(("sentence", "label"), [
    ("A persona has to be grounded in research.", "has to be grounded in research"),  # not "has be grounded"
    ("A persona needs to be grounded in research.", "needs to be grounded in research"),
    ("A volunteer is still something anyone can do.", "still something anyone can do"),  # the verb kept
    ("A persona is |grounded|.", "grounded"),  # a pipe of an alternation or a table is no word of it
    ("A persona is *grounded*.", "grounded"),  # nor Markdown's emphasis
    ("A persona = feeling the same.", "feeling the same"),  # what is felt, not "feeling"
    ("A persona is to be grounded in research.", "to be grounded in research"),  # not "be grounded in research"
    ("A persona may be grounded in research.", "may be grounded in research"),  # how sure, as said
    ("A persona is well-intentioned.", "well-intentioned"),  # "well" opens no phrase here
    ("A persona is a sketch you’d keep on the wall.", "sketch you’d keep on the wall"),  # not "youd"
    ("A persona is a sketch <=> a scenario is a story.", "sketch"),  # an arrow maps, it joins no phrase
    ('A persona is "a sketch of one user"   # the team\'s reading', "sketch of one user"),  # a comment ends it
    ("A persona could, in theory, outlive its research.", "could outlive its research"),
    ("A persona needs to be grounded in research.", "needs to be grounded in research"),  # one "to"
    # what someone is let do is no purpose of its own: not "has skip research"
    ("A persona has rules as far as not allowing you to skip research.", "has rules as far as not allowing you to skip research"),
    # a filler with its other half is no filler: not "or someone who stands in for another"
    ("A persona is something or someone who stands in for another.", "something or someone who stands in for another"),
    ("A persona is choosing what to share.", "choosing what to share"),  # a question word's "to": one object
    ("A persona is knowing how to listen.", "knowing how to listen"),
    # a noun its adjective describes is no filler, though "say" and "look" are verbs too
    ("A persona is whoever has final say.", "whoever has final say"),
    ("A persona is worth a quick look.", "worth a quick look"),
    ("A persona is unable to do anything unnatural.", "unable to do anything unnatural"),
])
def test_labels_keep_the_words_that_make_them_english(sentence: str, label: str) -> None:
    out, labels = _drafted(sentence, terms="persona,volunteer")
    assert [labels[c.attribute] for c in out.claims] == [label]


@pytest.mark.parametrize("sentence", [
    "A persona is used to mean the same thing and merging those tags would make sense.",
    "A persona is too vague and the team can't use it.",
])
def test_a_clause_with_its_own_subject_after_and_is_no_attribute(sentence: str) -> None:
    # "would make sense" is said of "merging those tags", not of the persona
    out, labels = _drafted(sentence, terms="persona")
    assert not [labels[c.attribute] for c in out.claims if re.search(r"make sense|use it", labels[c.attribute])]


@pytest.mark.parametrize("sentence", [
    "I suggest we call it persona.", "Let's call it persona.", "How about persona?", "What about calling it persona?",
    "Why not call it persona?", "I'd propose persona.", "We could rename it to persona.", "I would call it persona.",
    "How about we call the role persona instead?", "Let's call these sketches persona.",
    "I propose we rename all of it to persona.",
])
def test_a_name_put_forward_is_a_claim_that_says_so(sentence: str) -> None:
    # not the words of the frame ("I suggest we call it") as the persona's attribute
    out, labels = _drafted(sentence, terms="persona")
    assert [(c.term, labels[c.attribute]) for c in out.claims] == [("persona", "proposed as a name")]


def test_it_after_words_that_lead_in_is_the_term_they_name() -> None:
    out, labels = _drafted('A coach is paid. I also think "mentor" is a word of its own: it is a friend at work.',
                           terms="mentor,coach")
    assert ("mentor", "friend at work") in {(c.term, labels[c.attribute]) for c in out.claims}
    assert ("coach", "friend at work") not in {(c.term, labels[c.attribute]) for c in out.claims}


@pytest.mark.parametrize("sentence", [
    "A mentor will often share stories & that's a gift.",
    "A mentor will often share stories and that's a gift.",  # "that's a gift" is a clause, shared of no one
])
def test_a_clause_after_and_is_no_second_object(sentence: str) -> None:
    out, labels = _drafted(sentence, terms="mentor")
    assert [(c.term, labels[c.attribute]) for c in out.claims] == [("mentor", "will share stories")]


@pytest.mark.parametrize("sentence", [
    "So a mentor is patient & a coach is demanding.", "So a mentor is patient and a coach is demanding.",
])
def test_an_ampersand_joins_two_statements_as_and_does(sentence: str) -> None:
    out, labels = _drafted(sentence, terms="mentor,coach")
    assert {(c.term, labels[c.attribute]) for c in out.claims} == {("mentor", "patient"), ("coach", "demanding")}


def test_a_statement_asked_back_is_drafted_as_less_sure_than_one_that_asks_to_be_confirmed() -> None:
    # "So X is Y?" asks whether X is Y; "X is Y, right?" states it and asks for assent
    sure = {}
    for sentence in ("So a mentor is a kind of coach?", "A mentor is a kind of coach?",
                     "A mentor is a kind of coach, right?", "A mentor is a kind of coach, isn't it?",
                     "A mentor is a kind of coach, no?", "A mentor is a kind of coach."):
        out, labels = _drafted(sentence, terms="mentor,coach")
        assert [(c.term, labels[c.attribute]) for c in out.claims] == [("mentor", "kind of coach")], sentence
        sure[sentence] = out.claims[0].confidence
    stated = sure.pop("A mentor is a kind of coach.")
    assert sure.pop("So a mentor is a kind of coach?") == sure.pop("A mentor is a kind of coach?") < stated
    assert set(sure.values()) == {stated}


def test_a_question_about_a_name_puts_none_forward() -> None:
    out, labels = _drafted("Is persona the right name? What is a persona?", terms="persona")
    assert [labels[c.attribute] for c in out.claims] == []


@pytest.mark.parametrize(("sentence", "claims"), [
    ("Leadership and management are too often confused.",
     {("leadership", "too often confused"), ("management", "too often confused")}),
    ("Leadership or management can grow slowly.",
     {("leadership", "can grow slowly"), ("management", "can grow slowly")}),
    ("Leadership and management are different.", set()),  # said of the two: a relation, no attribute of each
    ("So leadership and management overlap, but neither contains the other.", set()),
    # a quantifier floated off the subject: each is what the clause says
    ("Leadership and management are both learned skills.",
     {("leadership", "learned skills"), ("management", "learned skills")}),
    ("Leadership and management both need practice.", {("leadership", "needs practice"), ("management", "needs practice")}),
    ("Leadership versus management is ambiguous elsewhere.",  # not "leadership: versus"
     {("leadership", "ambiguous elsewhere"), ("management", "ambiguous elsewhere")}),
])
def test_a_subject_that_names_several_terms_says_the_same_of_each(sentence: str, claims: set[tuple[str, str]]) -> None:
    out, labels = _drafted(sentence)
    assert {(c.term, labels[c.attribute]) for c in out.claims} == claims


@pytest.mark.parametrize(("text", "labels"), [
    ("A persona is a sketch. It is grounded in research.", ["sketch", "grounded in research"]),  # "it": the persona
    ("A persona is a sketch. I think it might be better to interview people.", ["sketch"]),  # "it": nothing
    ("A persona is a sketch. It seems that nobody reads them.", ["sketch"]),
    ("A persona is a sketch. It is another thing to speak at length.", ["sketch"]),
    ("It is only the persona that is shared.", ["shared"]),  # "it is ... that": the term is the subject
])
def test_it_stands_for_the_term_unless_it_stands_for_nothing(text: str, labels: list[str]) -> None:
    out, label = _drafted(text, terms="persona")
    assert [label[c.attribute] for c in out.claims] == labels


def test_the_words_after_a_name_stop_at_a_semicolon() -> None:
    """'"Revenue by Q3" is a persona; "the default tool" is a scenario.' gave the persona the
    second clause; the words before it are what the sentence says of it."""
    out, labels = _drafted('"Revenue 2M by Q3" is a persona; "the default tool for charities" is a scenario.',
                           terms="persona,scenario")
    assert not [c for c in out.claims if "default tool" in labels[c.attribute] and c.term == "persona"]


def test_a_link_in_brackets_ends_no_sentence_it_is_not_part_of() -> None:
    """The link's pattern took the sentence's ")." as its own: the next sentence ran into it
    and its claim was read from the one before."""
    out, labels = _drafted("See the guide (https://example.com/p). A persona is a sketch.", terms="persona")
    assert [(labels[c.attribute], c.quote) for c in out.claims] == [("sketch", "A persona is a sketch.")]


@pytest.mark.parametrize("sentence", ["A persona is a persona.", "In the docs, a persona is defined as:",
                                      "In the template we have a column called Persona.",  # named, not described
                                      "In the end, personas are personas.",
                                      'Someone typed junk (twice) in the chat and called it "persona".',  # named it
                                      'So, there still is no "persona" around.'])  # not "persona: still"
def test_a_claim_that_says_nothing_of_its_term_is_not_drafted(sentence: str) -> None:
    out, labels = _drafted(sentence, terms="persona")
    assert [labels[c.attribute] for c in out.claims] == []


@pytest.mark.parametrize(("sentence", "label"), [
    ("A persona is dated and no longer grounded in research.", "no longer grounded in research"),
    ("A persona is no less central than a scenario.", "no less central than a scenario"),
])
def test_no_longer_is_said_not_denied(sentence: str, label: str) -> None:
    # "not longer grounded" would be neither what was said nor English
    out, labels = _drafted(sentence, terms="persona")
    assert (label, False) in [(labels[c.attribute], c.negated) for c in out.claims]


@pytest.mark.parametrize("line", ["Persona: research-based, named, one person.",
                                  "- persona: research-based, named, one person."])
def test_a_glossary_line_that_lists_gives_each_item(line: str) -> None:
    out, labels = _drafted(line, terms="persona")
    assert [labels[c.attribute] for c in out.claims] == ["research based" if line.startswith("-") else "research-based",
                                                         "named", "one person"]
    out, labels = _drafted("Persona: a made-up user who stands for a group.", terms="persona")  # a clause: one
    assert [labels[c.attribute] for c in out.claims] == ["made-up user who stands for a group"]


@pytest.mark.parametrize(("line", "labels"), [
    # two adjectives of one thing, parted by a comma, are one thing said (a trial's was cut: "a collective")
    ("- strike: a collective, balloted stoppage of work for a set period",
     ["a collective, balloted stoppage of work for a set period"]),
    ("- strike: a stoppage, a walkout", ["a stoppage", "a walkout"]),
    # a definition that takes a long phrase keeps it (a trial's kept only "and nothing more")
    ("- strike: doing exactly what the contract and the rule book require, and nothing more",
     ["doing exactly what the contract and the rule book require", "and nothing more"]),
])
def test_a_glossary_line_keeps_what_its_commas_do_not_part(line: str, labels: list[str]) -> None:
    out, label = _drafted(line, terms="strike")
    assert [label[c.attribute] for c in out.claims] == labels


@pytest.mark.parametrize(("sentence", "said"), [
    # a glossary line's "but" joins two things said of its head (the second had been lost; trial 13)
    ("Persona: fictional but grounded in research", [("fictional", False), ("grounded in research", False)]),
    ("A persona is not cheap but good.", [("cheap", True), ("good", False)]),
    ("A persona is cheap but not accurate.", [("cheap", False), ("accurate", True)]),
    ("A persona is useful, but Bob dislikes it.", [("useful", False)]),  # a clause of another subject: not said of it
])
def test_but_joins_two_things_said_of_a_term(sentence: str, said: list[tuple[str, bool]]) -> None:
    out, labels = _drafted(sentence, terms="persona")
    assert [(labels[c.attribute], c.negated) for c in out.claims] == said


# --- the shapes the drafting issue lists, in sentences of no gold thread -----------------

@pytest.mark.parametrize(("sentence", "expected"), [
    ("A haiku is a kind of poem.", [("includes", "poem", "haiku")]),
    ("A haiku is like a sonnet.", [("similar_to", "haiku", "sonnet")]),
    ("A haiku is the same as a sonnet.", [("similar_to", "haiku", "sonnet")]),
    ("Haiku and sonnet are different.", [("contrasts_with", "haiku", "sonnet")]),
    ("We want a haiku, not a sonnet.", [("contrasts_with", "haiku", "sonnet")]),
    ("A haiku is one way to write a poem.", [("includes", "poem", "haiku")]),
    # an adjective says what it is like, not what it is; a noun after "like" does
    ("This haiku is violent.", []),
    ("This haiku is standard.", []),  # a word that is also a noun, an adjective here (no article)
    ("Haikus are not sonnets.", [("contrasts_with", "haiku", "sonnet")]),
    ("This haiku is like violence.", [("similar_to", "haiku", "violence")]),
    ("A haiku is a sonnet form of old.", []),  # "sonnet" qualifies "form": it is a form, no sonnet
    ("We are renaming haiku to sonnet.", [("similar_to", "sonnet", "haiku")]),
    ("Our club is switching from haiku to sonnet.", []),  # one form for another, not a new name for it
    ("A haiku has three lines and a sonnet fourteen.", []),
    ("A haiku is not a sonnet.", [("contrasts_with", "haiku", "sonnet")]),
    ("A haiku isn't a sonnet.", [("contrasts_with", "haiku", "sonnet")]),
    ("Ours are haiku and not sonnets.", [("contrasts_with", "haiku", "sonnet")]),
    ("All haiku are poems.", [("includes", "poem", "haiku")]),
    ('I think "haiku", "sonnet" and "poem" are all used to mean the same thing.',
     [("similar_to", "haiku", "sonnet"), ("similar_to", "haiku", "poem")]),
    ("We read a haiku, a sonnet and a poem, all different things.", []),  # no list of terms: articles between
    ("Haiku and sonnets, as the poem says, mean the same thing.", []),  # a third term, not listed with them
    ("We write haiku (poems) daily.", [("similar_to", "haiku", "poem")]),  # a gloss in brackets
    ("We write haiku (poems of three lines) daily.", []),
    # a question to be answered yes or no states no relation; one that asks what the difference is takes it as given
    ("Is a haiku the same thing as a sonnet?", []),
    ("Is a haiku a kind of poem?", []),
    ("Is there a difference between haiku and sonnet?", []),
    ("Following that to the end, should haiku be made a synonym of sonnet?", []),  # after a lead phrase
    ("So a haiku is a kind of poem?", []),  # a statement asked back
    ("A haiku is a kind of poem, right?", [("includes", "poem", "haiku")]),  # asks to be confirmed: states
    ("What is the difference between a haiku and a sonnet?", [("contrasts_with", "haiku", "sonnet")]),
    # of a list of three, each with each other
    ("What is the difference between a haiku, a sonnet and a poem?",
     [("contrasts_with", "haiku", "sonnet"), ("contrasts_with", "haiku", "poem"), ("contrasts_with", "sonnet", "poem")]),
    ("What's the difference between haiku, sonnets, and poems?",
     [("contrasts_with", "haiku", "sonnet"), ("contrasts_with", "haiku", "poem"), ("contrasts_with", "sonnet", "poem")]),
    # two names told apart
    ("It is hard to tell a haiku from a sonnet.", [("contrasts_with", "haiku", "sonnet")]),
    ("A haiku clearly distinguishes itself from a sonnet.", [("contrasts_with", "haiku", "sonnet")]),
    ("Haiku would need to be disambiguated from sonnet.", [("contrasts_with", "haiku", "sonnet")]),
    ("We must distinguish between haiku and sonnet.", [("contrasts_with", "haiku", "sonnet")]),
    ("A haiku comes from a sonnet workshop.", []),
    # said of some, not of all: no relation (a trial's "not every stakeholder is a user" included one in the other)
    ("But not every haiku is a sonnet.", []),
    ("Every haiku is a sonnet.", [("includes", "sonnet", "haiku")]),
    # what people say alike is no sameness of the words (a trial's opening post drafted two at 0.82)
    ("Can we settle what we mean by haiku, sonnet and poem so that stewards say the same thing?", []),
    # another name for it, however put (a trial's "just a polite word for" was a claim); not "the wrong word"
    ("A haiku is just a polite word for a sonnet.", [("similar_to", "haiku", "sonnet")]),
    ("Haiku is basically a fancy name for sonnet.", [("similar_to", "haiku", "sonnet")]),
    ("Haiku is the wrong word for sonnet.", []),
    # said while asking: "Isn't X just Y?" says X is (a trial's was no relation); "Is X ...?" asks
    ("Newbie question maybe, but isn't a haiku just a polite word for a sonnet?", [("similar_to", "haiku", "sonnet")]),
    ("Is a haiku just a polite word for a sonnet?", []),
    # two that share some ground (a trial's "overlap" was a claim of each)
    ("So haiku and sonnets overlap, but neither contains the other.", [("overlaps_with", "haiku", "sonnet")]),
    ("A haiku overlaps with a sonnet.", [("overlaps_with", "haiku", "sonnet")]),
    ("Haiku and sonnets don't overlap.", []),
])
def test_relations_from_the_words_between_two_terms(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    names = {" ".join(key_of([t])): t for t in ("haiku", "sonnet", "poem", "violent", "violence", "standard")}
    found = mentions_in(sentence, 0, len(sentence), names)
    assert [(f.kind, f.term, f.other) for f in term_relations(sentence, 0, found)] == expected


@pytest.mark.parametrize(("sentence", "renamed", "expected"), [
    ("I like smoosh.", ("flatten",), [("similar_to", "smoosh", "flatten")]),
    ("How about smoosh?", ("flatten",), [("similar_to", "smoosh", "flatten")]),
    ("+ smoosh", ("flatten",), [("similar_to", "smoosh", "flatten")]),
    ("+ smoosh (it would cover more than arrays)", ("flatten",), [("similar_to", "smoosh", "flatten")]),
    ("Smoosh sounds better to me.", ("flatten",), [("similar_to", "smoosh", "flatten")]),
    ("I think smoosh breaks old sites.", ("flatten",), []),  # named, not put forward
    ("I like smoosh.", (), []),  # a thread that asks for no name
    ("I like flatten more than smoosh.", ("flatten",), []),  # the old name is weighed, not replaced
    # of several names being replaced, the one the new shares a word with the others lack
    ("I would call it memory.drop_data.", ("memory-drop", "table-drop"), [("similar_to", "memory-drop_data", "memory-drop")]),
    ("I would call it data.drop.", ("memory-drop", "table-drop"), []),
])
def test_a_name_put_forward_in_a_thread_asking_for_one(sentence: str, renamed: tuple[str, ...],
                                                        expected: list[tuple[str, str, str]]) -> None:
    names = {" ".join(key_of([t])): t.replace(".", "-") for t in ("smoosh", "flatten", "memory.drop_data", "data.drop")}
    found = mentions_in(sentence, 0, len(sentence), names)
    assert [(f.kind, f.term, f.other) for f in term_relations(sentence, 0, found, renamed=renamed)] == expected


def test_a_name_is_put_forward_once_and_its_later_votes_are_stances() -> None:
    """The name for the thing renamed is drafted where it is first put forward, a claim
    and a likeness; "I vote for smoosh" later agrees with its proposer and proposes it no
    second time."""
    msgs = (Message("m1", "a", "post", "We need another name for flatten. Ideas?"),
            Message("m2", "b", "comment 1", "+ smoosh (it would cover more than arrays)", reply_to="m1"),
            Message("m3", "c", "comment 2", "I vote for smoosh.", reply_to="m1"),
            Message("m4", "d", "comment 3", "I vote for smoosh.", reply_to="m1"))
    ds = _commenters("Rename flatten", msgs, "abcd")
    drafted = draft(ds, terms=["flatten", "smoosh"])
    relations = drafted.relations
    assert [(r.kind, r.by, r.message) for r in relations if r.kind == "similar_to"] == [("similar_to", "b", "m2")]
    labels = {a.id: a.label for a in drafted.attributes}  # and the list item claims it is put forward
    assert ("b", "smoosh", "proposed as a name") in {(c.by, c.term, labels[c.attribute]) for c in drafted.claims
                                                      if c.message == "m2"}
    assert {(r.source, r.target) for r in relations if r.kind == "agrees_with"} == {("c", "b"), ("d", "b")}


def test_the_other_side_of_a_reply_goes_to_whom_its_clause_speaks_to() -> None:
    """"@jcarver ha, not wrong about the price. But I'd push back @pnair: ..." agrees with
    Jess, whom its first clause speaks to by her forum handle, and disputes Priya (a
    trial's draft had Tom agree and disagree with Priya, and Jess's handle named no one)."""
    msgs = (Message("m1", "a", "post", "Coaching and mentoring are the same thing."),
            Message("m2", "p", "comment 1", "Coaching needs domain knowledge.", reply_to="m1"),
            Message("m3", "j", "comment 2", "Coaching is mentoring you pay for.", reply_to="m1"),
            Message("m4", "t", "comment 3", "@jcarver ha, not wrong about the price.\n\nBut I'd push back a bit @pnair: "
                    "what you describe is training, not coaching.", reply_to="m1"))
    ds = Dataset(source=Source("Coaching"), messages=msgs,
                 contributors=(Contributor("a", "Ann Lee", "author"), Contributor("p", "Priya Nair", "commenter"),
                               Contributor("j", "Jess Carver", "commenter"), Contributor("t", "Tom Whitfield", "commenter")))
    drafted = draft(ds, terms=["coaching", "mentoring", "training"])
    assert {(r.kind, r.target) for r in drafted.relations if r.by == "t" and r.kind in ("agrees_with", "disputes")} \
        == {("agrees_with", "j"), ("disputes", "p")}


def test_a_thread_without_a_title_asks_for_a_name_in_its_opening_post() -> None:
    """A post that asks "Should we rename flatten?" asks for a name as a title would:
    "How about smoosh?" puts one forward for flatten; one that only names flatten does not."""
    def proposals(opening: str) -> set[tuple[str, str]]:
        msgs = (Message("m1", "a", "post", opening),
                Message("m2", "b", "comment 1", "How about smoosh?", reply_to="m1"))
        drafted = draft(_commenters("", msgs, "ab"), terms=["flatten", "smoosh"])
        return {(r.source, r.target) for r in drafted.relations if r.kind == "similar_to"}

    assert proposals("Should we rename flatten? It breaks old sites.") == {("smoosh", "flatten")}
    assert proposals("I think a better name for flatten would help.") == {("smoosh", "flatten")}
    assert proposals("Flatten breaks old sites. Ideas?") == set()


@pytest.mark.parametrize(("sentence", "named", "expected"), [
    ("Agreed.", "", "agrees_with"), ("Agree with Maria.", "maria", "agrees_with"),
    ("I agree that the two should be merged.", "", "agrees_with"), ("You are wrong, Maria.", "maria", "disputes"),
    ("Sounds correct to me.", "", "agrees_with"), ("All correct.", "", "agrees_with"), ("Exactly.", "", "agrees_with"),
    ("+1", "", "agrees_with"), ("I don't think so.", "", "disputes"),
    ("Totally agree.", "", "agrees_with"), ("Strongly agree with Maria.", "maria", "agrees_with"),
    ("I agree with Maria but you are wrong, Tom.", "maria", "agrees_with"),  # one stance a sentence, never both
    ("Exactly, Ann.", "", "agrees_with"), ("Exactly, Ann Smith!", "", "agrees_with"),  # said to whom it answers
    ("Exactly: a facilitator is content-neutral.", "", "agrees_with"),  # and what is agreed, after it
    ("I like Maria's point actually.", "maria", "agrees_with"), ("Good point from Maria.", "maria", "agrees_with"),
    ("+1 to Mariq's point.", "maria", "agrees_with"),  # a name typed a letter off, as "Marcu's" for Marcus
    ("Indeed — a moderator enforces rules.", "", "agrees_with"),
    ("Great summary +1", "", "agrees_with"),
    ("For what it's worth, I'd say +1, since it reads better for newcomers.", "", "agrees_with"),  # no sign-off
    # a view held against what was said; a protest
    ("I still think remove has its place.", "", "disputes"), ("Still, I think the old name was clearer.", "", "disputes"),
    ("See the corpus at https://example.org/c/\nStill i think remove has its place.", "", "disputes"),
    ("I still don't think that means we should drop it.", "", "disputes"),
    ("C'mon, the left does it plenty.", "", "disputes"), ("C'mon Tom, the left does it plenty.", "tom", "disputes"),
])
def test_the_stances_the_issue_lists(sentence: str, named: str, expected: str) -> None:
    who = name_index([("maria", "Maria Lopez"), ("tom", "Tom Ruiz")])
    found = stances(sentence, who, replied_author="ann")
    assert [(s.kind, s.target) for s in found] == [(expected, named or "ann")]


def test_a_plus_one_that_signs_off_a_statement_votes_for_no_one() -> None:
    from conceptgraph.draft.stances import leaning

    for signed in ("Categories are set by admins; tags are usually made by users. :+1:",
                   "Categories are set by admins; tags are usually made by users. \U0001F44D"):
        assert stances(signed, name_index([("maria", "Maria Lopez")]), replied_author="ann") == []
        assert leaning(signed) is None


@pytest.mark.parametrize("sentence", ["Come on over and see the demo.", "The old name is still there.",
                                      "I think it still compiles."])
def test_come_on_and_still_alone_dispute_nothing(sentence: str) -> None:
    assert stances(sentence, name_index([("maria", "Maria Lopez")]), replied_author="ann") == []


def test_an_objection_withdrawn_is_no_dispute() -> None:
    from conceptgraph.draft.stances import conceded

    said = "Sure, let's do it, I withdraw my objection to the new name."
    assert [s.kind for s in stances(said, name_index([("maria", "Maria Lopez")]), replied_author="ann")] == []
    assert conceded(said) and not conceded("I have an objection to the new name.")
    assert [s.kind for s in stances("I have an objection to the new name.", name_index([]), replied_author="ann")] \
        == ["disputes"]


@pytest.mark.parametrize("sentence", ["Agreed?", "Everyone OK?", "Makes sense?"])
def test_asking_for_assent_is_no_stance(sentence: str) -> None:
    from conceptgraph.draft.stances import leaning

    assert stances(sentence, name_index([("maria", "Maria Lopez")]), replied_author="ann") == []
    assert leaning(sentence) is None


@pytest.mark.parametrize("reply, expected", [
    ("It sounds like a queue to me.", None),  # "like" a preposition
    ("Something like a queue would do.", None),
    ("Can we fix it right in the issue?", None),  # "right" of place and time
    ("It maps 1 to true.", None),
    ("There is no way to tell.", None),  # "no" a determiner, not the answer
    ("No, it is a queue.", "disputes"),
    ("Is that the right word?", None),  # a thing judged
    ("I like it.", "agrees_with"),
    ("You're right.", "agrees_with"),
    ("That's true.", "agrees_with"),
    ("A good idea.", "agrees_with"),  # a good idea, unlike the right word, grants one
    ("I'd push back a bit.", "disputes"),  # the other side taken in so many words
    ("Okay, I'll concede that one.", "agrees_with"),
    # a word against, negated, leans for
    ("No objection.", "agrees_with"),
    ("I have no objection.", "agrees_with"),
    ("I don't see a problem with that.", "agrees_with"),
    ("Nothing wrong with that.", "agrees_with"),
    ("You're not wrong.", "agrees_with"),
    ("Not a bad idea.", "agrees_with"),
    ("I can't argue with that.", "agrees_with"),
    ("I couldn't disagree more.", "disputes"),
    ("Yeah, the name is not great.", "agrees_with"),  # a word for, negated, cancels: a thing judged
    ("Unrelated, but does anyone know a decent skillet?", None),  # an aside takes no side
    ("Off-topic: I like the forum but not the colours.", None),
    ("There is no agreement yet.", None),  # a state reported, no side taken
    # "support" of one who supports, not a thing (a trial's "does support and design" agreed)
    ("I support this.", "agrees_with"),
    ("That excludes everyone who does support and design.", None),
    ("Docs people would never count.", "disputes"),
    # a request to be told takes no side, though it names a word that leans ("problem");
    # asking why someone thinks so challenges them
    ("Can someone explain how a problem differs from a fault?", None),
    ("What is the real difference between a problem and a fault?", None),
    ("Can you explain why you think it is not a fault?", "disputes"),
    # doubt of what is said leans against ("not sure", with "sure" a word for); an adjective of
    # a statement's subject judges no reply
    ("I'm not sure a mentor is only a coach.", "disputes"),
    ("I'm not sure what you mean.", None),
    ("Good teaching is mostly asking questions.", None),
    # "exactly" that answers agrees; one that stresses a word says nothing of the reply
    ("Exactly, Aisha.", "agrees_with"),
    ("That's exactly it.", "agrees_with"),
    ("That is exactly why the plan keeps aliases.", None),
    # "fair" grants a point, as "fair enough" does; "a fair comparison" judges a thing
    ("That's fair.", "agrees_with"),
    ("Fair, it sits in between.", "agrees_with"),
    ("A fair comparison is hard.", None),
    # an objection taken back gives way (a trial's "I withdraw my objection" had disputed, at 0.69)
    ("Sure, I withdraw my objection to it.", "agrees_with"),
    # an agreement reached before, reported, is no side taken now
    ("Summary of what we agreed: it is a queue.", None),
    ("To sum up what we all agreed on, it is a queue.", None),
    ("I'm pretty sure we agreed in Berlin that a queue is no stack.", None),
    # "sure" that hedges ("pretty sure") and "sense" that understands ("make sense of") judge
    # no reply; "on board" agrees
    ("I'm pretty sure it is a queue.", None),
    ("It was so tangled I couldn't make sense of it.", None),
    ("Sure, that works.", "agrees_with"),
    ("I'm entirely on board with a queue.", "agrees_with"),
    ("The board meets on Monday.", None),
    # support by the speaker leans for; support by a thing does not
    ("We would fully support that.", "agrees_with"),
    ("A queue is not a list. That would support how people use the words.", "disputes"),
    # a name kept as it is: against the change weighed, whatever "fine" says
    ("I think the name is fine the way it is.", "disputes"),
    ("I think it's fine to keep the title as is.", "disputes"),
    ("There is no need to rename it.", "disputes"),
    ("That is fine.", "agrees_with"),
    # granted, and what a word is asked next; a point taken concedes
    ("ok but then what's a queue?", None),
    ("But I take the point that a queue is a list.", "agrees_with"),
    # a point seen is granted; seeing what a page says is no side; a verdict "sounds as if" is none
    ("Okay, I can see that.", "agrees_with"),
    ("I see that the docs call it a queue.", None),
    ("Sounds as if we can choose between queues.", None),
    # a reservation announced leans against
    ("Nit: a queue is ordered.", "disputes"),
    ("One small quibble with the second part.", "disputes"),
    # accepting what is on the table agrees, its own "can't" no word against
    ("Meh. I can live with that.", "agrees_with"),
    ("I understand it and can't think of anything better.", "agrees_with"),
    # a slip pointed out, thanked for; what is proposed, taken; a point granted after it is
    # said again; the speaker convinced (each disputed, or nothing, in a trial's Slack channel)
    ("@bo good catch, that line is wrong.", "agrees_with"),
    ("Queue works for me, as long as we define it.", "agrees_with"),
    ("A queue isn't a list, true.", "agrees_with"),
    ("Ok, I'm convinced. I was treating queues and lists as one.", "agrees_with"),
    ("I'm not convinced.", "disputes"),
    ("I am convinced that a queue is a list.", None),  # a belief, no one answered
])
def test_a_reply_leans_by_words_that_judge_what_was_said(reply: str, expected: str | None) -> None:
    from conceptgraph.draft.stances import leaning

    found = leaning(reply)
    assert (found[0] if found else None) == expected


def test_a_contraction_s_full_stop_ends_its_sentence_and_an_initial_s_does_not() -> None:
    from conceptgraph.draft.text import sentences

    assert [s for _, _, s in sentences("I'd argue it isn't. The metaphor is old.")] == [
        "I'd argue it isn't.", "The metaphor is old."]
    assert [s for _, _, s in sentences("It doesn’t. J. Smith said so.")] == ["It doesn’t.", "J. Smith said so."]


def test_a_no_that_answers_ends_its_sentence_and_a_number_s_does_not() -> None:
    from conceptgraph.draft.text import sentences

    assert [s for _, _, s in sentences("No. A haiku is short.")] == ["No.", "A haiku is short."]
    assert [s for _, _, s in sentences("See No. 5 for more. Yes.")] == ["See No. 5 for more.", "Yes."]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Trust must not be assumed.", [("trust", "assumed", True)]),
    ("Teamwork cannot be forced.", [("teamwork", "forced", True)]),
    ("Teamwork isn't optional.", [("teamwork", "optional", True)]),
    ("A team is either trust or teamwork.", []),
    ("Trust needs time.", [("trust", "needs time", False)]),
    # "not just A" grants A and says more: no denial of A
    ("Trust is not just a feeling.", [("trust", "not just a feeling", False)]),
    ("Teamwork is not only talk.", [("teamwork", "not only talk", False)]),
    ("Trust isn't only a feeling.", [("trust", "not only feeling", False)]),  # "isn't only" as "is not only"
    ("Trust is not a feeling.", [("trust", "feeling", True)]),
    # a long attribute is never cut inside a phrase ("on a given" of "on a given day")
    ("Trust is what grows between two people over a long stretch of time.",
     [("trust", "what grows between two people over a long stretch", False)]),
    ("Teamwork is what happens in the office on a given day.",
     [("teamwork", "what happens in the office on a given day", False)]),
    # a double hyphen is a dash: the phrase ends there
    ("Trust is slow to build -- ask anyone who lost it.", [("trust", "slow to build", False)]),
])
def test_negation_scope_and_choices(sentence: str, expected: list[tuple[str, str, bool]]) -> None:
    assert [(t, label, neg) for t, label, neg, _ in claims_of(sentence)] == expected


# Two speakers of English, then Cy (his words given) and Di in German
_BALLADS = ("Ann: What is the difference between a sonnet and a ballad?\n"
            "Bo: A sonnet has fourteen lines. A ballad tells a story.\n"
            "Cy: {cy}\n"
            "Di: Ich stimme zu, die Ballade ist eine Geschichte in Versen und das Sonett nicht.\n")


def _imported_ballads(tmp_path: Path, cy: str):
    """The ballads chat, Cy saying ``cy``, imported and drafted into tmp_path/d: the run."""
    (tmp_path / "chat.txt").write_text(_BALLADS.format(cy=cy), encoding="utf-8")
    r = run("import", str(tmp_path / "chat.txt"), "-o", str(tmp_path / "d"), "--draft")
    assert r.exit_code == 0, r.output
    return r


def test_messages_in_other_languages_are_left_out_and_said_to_be(tmp_path: Path) -> None:
    """The rules read English: a German message drafts nothing, and the summary says so
    in one line (the import keeps it, verbatim)."""
    r = _imported_ballads(tmp_path, "Ein Sonett hat vierzehn Zeilen, und eine Ballade erzählt immer eine Geschichte.")
    assert "not drafted: 2 messages in other languages (de 2); drafting reads English" in r.output
    ds = load_dataset(tmp_path / "d")
    german = {m.id for m in ds.messages if m.by in ("cy", "di")}
    assert len(german) == 2 and {c.message for c in ds.claims} and not {c.message for c in ds.claims} & german
    assert json.loads(run("draft", str(tmp_path / "d"), "--json", "-q").output)["other_languages"] == {"de": 2}
    # a term given that only the German messages name is in no message the rules read, said so
    r = run("draft", str(tmp_path / "d"), "--terms", "sonnet,Geschichte")
    assert "not in any English message, so not drafted: Geschichte (given with --terms)" in r.output, r.output


def test_of_a_message_in_another_language_its_english_sentences_are_drafted(tmp_path: Path) -> None:
    """A post mostly in German that ends in a sentence of English: that sentence is
    drafted (quoted as written, at its own characters), the German ones are not, and the
    summary says which messages were read in part (a trial's mixed post was skipped whole,
    its English claim too)."""
    r = _imported_ballads(tmp_path, "Ein Sonett hat vierzehn Zeilen, und eine Ballade erzählt immer eine Geschichte. "
                                     "Die Ballade ist eine Geschichte in Versen. A ballad is sung in the pub.")
    assert ("not drafted: 1 message in other languages (de 1); 1 more (de 1) drafted for its English sentences "
            "alone; drafting reads English") in r.output, r.output
    ds = load_dataset(tmp_path / "d")
    [cy] = [m for m in ds.messages if m.by == "cy"]
    said = [c for c in ds.claims if c.message == cy.id]
    assert said and all(c.quote in "A ballad is sung in the pub." for c in said), said
    assert all(cy.text[c.span[0]:c.span[1]] == c.quote for c in said if c.span)
    summary = json.loads(run("draft", str(tmp_path / "d"), "--json", "-q").output)
    assert summary["other_languages"] == {"de": 1} and summary["partly_english"] == {"de": 1}


@pytest.mark.parametrize("lead", ["For the others, my rough translation of Rosa:", "A quick summary of what Rosa said:",
                                  "To paraphrase Rosa:"])
def test_words_relayed_for_another_are_not_the_relayers(tmp_path: Path, lead: str) -> None:
    """Helen translates Rosa's Spanish post for the others: what she relays is Rosa's, so
    it is no claim of Helen's, and its "but ... doesn't" no dispute with Rosa (a trial drafted
    both)."""
    chat = ("Rosa: Una planta naturalizada es una especie exótica que se reproduce sola, pero no desplaza a las nativas.\n"
            f"Helen: {lead} a naturalized plant is an exotic species that reproduces on its own, but it doesn't "
            "push out the natives.\n")
    (tmp_path / "chat.txt").write_text(chat, encoding="utf-8")
    assert run("import", str(tmp_path / "chat.txt"), "-o", str(tmp_path / "d"), "--draft", "--terms", "naturalized",
               "-q").exit_code == 0
    ds = load_dataset(tmp_path / "d")
    assert not [c for c in ds.claims if c.by == "helen"], ds.claims
    assert not [r for r in ds.relations if r.kind in ("agrees_with", "disputes") and r.source == "helen"], ds.relations


def test_yes_to_a_question_answers_it_and_agrees_with_no_one(tmp_path: Path) -> None:
    chat = ("Ann: Are we still on weather versus climate?\n"
            "Bo: Yes. Weather is what happens today; climate is the pattern.\n"
            "Cy: Climate is the pattern over thirty years.\n"
            "Bo: Yes.\n")
    (tmp_path / "chat.txt").write_text(chat, encoding="utf-8")
    assert run("import", str(tmp_path / "chat.txt"), "-o", str(tmp_path / "d"), "--draft", "-q").exit_code == 0
    agreements = {(r.source, r.target) for r in load_dataset(tmp_path / "d").relations if r.kind == "agrees_with"}
    assert ("bo", "ann") not in agreements  # a question answered
    assert ("bo", "cy") in agreements  # a statement agreed with


@pytest.mark.parametrize(("question", "answer", "expected"), [
    ("Is the widget working for you?", "No.", set()),  # an answer, no side taken
    ("Is the widget working for you?", "Yes.", set()),
    ("Should we call it a widget?", "No.", {("disputes", "ann")}),  # a proposal turned down
    ("Should we call it a widget?", "Yes.", {("agrees_with", "ann")}),  # ... and taken up
    ("How about widget?", "Nope.", {("disputes", "ann")}),
    # leave to ask proposes nothing (a trial's "Can I ask, is an outage an incident?" was disputed)
    ("Can I ask, is a widget a gadget? Or is it smaller?", "No, a widget is bigger.", set()),
])
def test_yes_or_no_takes_a_side_only_on_a_question_that_proposes(tmp_path: Path, question: str, answer: str,
                                                                 expected: set[tuple[str, str]]) -> None:
    (tmp_path / "chat.txt").write_text(f"Ann: {question}\nBo: {answer}\n", encoding="utf-8")
    assert run("import", str(tmp_path / "chat.txt"), "-o", str(tmp_path / "d"), "--draft", "-q").exit_code == 0
    assert {(r.kind, r.target) for r in load_dataset(tmp_path / "d").relations
            if r.kind in ("agrees_with", "disputes")} == expected


@pytest.mark.parametrize("chat", [True, False])
def test_a_reply_in_a_chat_thread_answers_the_reply_before_it(chat: bool) -> None:
    """Slack, Mattermost and Teams give every reply in a thread the thread's first message
    as its parent ("reply 2 to message 2"): "Right." answers the reply before it. An
    explicit reply (Reddit's, Discord's) answers the message it names, as before."""
    from conceptgraph.model import Source

    people = ("ann", "bo", "cy", "dee")
    place = "reply {} to message 2" if chat else "reply {} to comment 2"
    msgs = [Message("m0", "ann", "message 1", "Welcome, all."),
            Message("m1", "bo", "message 2", "A widget is a tool."),
            Message("r1", "cy", place.format(1), "Well, a widget is a small gadget.", reply_to="m1"),
            Message("r2", "dee", place.format(2), "Right.", reply_to="m1")]
    ds = Dataset(Source("t"), contributors=tuple(Contributor(p, p.title(), "commenter", ()) for p in people),
                 messages=tuple(msgs))
    agreed = {r.target for r in draft(ds, terms=["widget"]).relations if r.kind == "agrees_with" and r.source == "dee"}
    assert agreed == ({"cy"} if chat else {"bo"})


def test_a_sentence_of_chinese_is_long_enough_to_tell(tmp_path: Path) -> None:
    """Twenty Chinese characters say as much as eighty letters of English: the message is
    told as Chinese, left out of the draft and said to be."""
    chat = ('Ana: What do we mean by "sustainability" in the report? Environmental only?\n'
            "Ben: Sustainability is environmental, social and economic.\n"
            "Mei: \u53ef\u6301\u7eed\u6027\u5728\u6211\u4eec\u7684\u62a5\u544a\u91cc\u5e94\u8be5\u5305\u62ec"
            "\u793e\u4f1a\u8d23\u4efb\u3002\n")
    (tmp_path / "chat.txt").write_text(chat, encoding="utf-8")
    assert run("import", str(tmp_path / "chat.txt"), "-o", str(tmp_path / "d")).exit_code == 0
    assert json.loads(run("draft", str(tmp_path / "d"), "--json", "-q").output)["other_languages"] == {"zh": 1}


def test_a_guess_of_the_language_model_is_no_answer(tmp_path: Path) -> None:
    """A short text gives the model little to go on ("I vote for NoPlusOne." reads as
    Nigerian Pidgin): a guess it gives a low probability is no language, and the message
    is read with the others."""
    from py3langid.langid import classify

    from conceptgraph.language import detect

    vote = "I vote for NoPlusOne."
    assert classify(vote)[0] not in ("en", "und") and detect(vote) == "und"
    chat = ("Ann: Should the page be called NoPlusOne or ConstructiveComments? The old name is confusing now.\n"
            "Bo: NoPlusOne says what not to do, which is the point of the page, I would keep it.\n"
            f"Cy: {vote}\n")
    (tmp_path / "chat.txt").write_text(chat, encoding="utf-8")
    assert run("import", str(tmp_path / "chat.txt"), "-o", str(tmp_path / "d")).stdout.endswith("language: en\n")
    assert "other_languages" not in json.loads(run("draft", str(tmp_path / "d"), "--json", "-q").output)
    ds = load_dataset(tmp_path / "d")
    assert ("cy", "noplusone") in {(r.source, r.target) for r in ds.relations if r.kind == "mentions"}


# --- the broad claim rule --------------------------------------------------------------


def test_the_broad_rule_reads_a_label_led_by_not_or_never_as_denied() -> None:
    from conceptgraph.draft.named import named_claims

    names = {key_of(["sonnet"])[0]: "sonnet"}
    for text, negated in (("Sonnets of Petrarch are not written in English.", True),
                          ("Plenty of old sonnets never rhyme, they scan.", True),
                          ("Old sonnets of Petrarch are not only love poems.", False)):
        found = named_claims(text, 0, mentions_in(text, 0, len(text), names), set())
        assert [f.negated for f in found] == [negated], text


def broad(sentence: str, claimed: frozenset[str] = frozenset()) -> list[tuple[str, str, str]]:
    from conceptgraph.draft.named import named_claims

    names = {key_of(w.split())[0] if " " not in w else " ".join(key_of(w.split())): w.replace(" ", "-")
             for w in ("sonnet", "ballad", "ode", "limerick")}
    found = mentions_in(sentence, 0, len(sentence), names)
    return [(f.term, f.label, sentence[f.start:f.end]) for f in named_claims(sentence, 0, found, set(claimed))]


@pytest.mark.parametrize("sentence, expected", [
    ("I always thought a sonnet was a kind of song.", [("sonnet", "kind of song")]),
    ("My teacher wrote every poem as a sonnet.", [("sonnet", "My teacher wrote every poem")]),  # words before
    ("In class we read a ballad and a sonnet today.", []),  # two named, each the object of what "we" did
    # words before that tell what the speakers do say nothing of the name
    ("We read a ballad and a sonnet in class today.", []),
    ("I always try to stick to saying sonnet.", []),
    ("We colloquially call them sonnets.", []),
    # nor do the words after it that open a clause of the speaker's own
    ("Sonnets I can only say I never liked.", []),
    ("The sonnet maybe I misunderstand the actual intention.", []),
    ("Is a sonnet ever funny?", []),  # a question claims nothing
    ("Could you please help me with the sonnet in this class.", []),  # nor a request, its question mark left off
    ("Please explain what a sonnet is.", []),
    ("A sonnet, a ballad and an ode all rhyme.", []),  # three terms: a list, too little said of each
    ("Sonnet.", []),  # nothing said
    # what something else is not is no claim of the name: never "sonnet: limerick"
    ("A haiku is not a sonnet, and an epic is not a ballad.", []),
    # the words after the name open another clause: the words before are said of it
    ("Teachers all wrote a sonnet, and then the class went home.", [("sonnet", "Teachers all wrote")]),
    ("We all wrote a sonnet, and then the class went home.", []),
    # the difference between two says nothing yet of either
    ("We teach the difference between a sonnet and a ballad at school.", []),
    # a name that qualifies a noun after it: the statement is of the compound
    ("Meteorologists call it a sonnet prediction.", []),
    # words before that deny would assert once cut: "sonnet: Rhymes alone"
    ("Rhymes alone don't make a sonnet.", []),
    ("Not every sonnet rhymes well.", []),  # said of some sonnets, not of the sonnet
    # a name that something is taken as, in a condition, says nothing of it: the words after
    # it run on into the main clause (a trial's "incident: your MTTR numbers become meaningless")
    ("If you log it as a sonnet your grades become meaningless.", []),
    ("Once you call it a sonnet people expect rhymes.", []),
    # words before with a subject and a verb of their own say something of that subject
    ("But then verse is just a label for a sonnet.", []),
    ("But I guess these really are a variety of sonnet.", [("sonnet", "these really are a variety")]),
    # what something is, with words before the name: the label is that something, not "X is an"
    ("A haiku is a short sonnet.", [("sonnet", "haiku")]),
    ("A haiku is also a sonnet, and that's not a song.", [("sonnet", "haiku")]),
    ("Second topic: sonnet vs ballad.", []),  # two names set apart, nothing said of either
    # a piece of code or a path says nothing in words: never "sonnet: NET uses [", "sonnet: /auth"
    ("Fair, but NET uses `[Sonnet]`.", []),
    ("The sonnet /auth stays.", []),
    ("A sonnet is <name> here.", []),
    # a name defined in passing: what it is, not "is ..." or "which means ..."
    ("There is also the sonnet, which is a poem of fourteen lines.", [("sonnet", "poem of fourteen lines")]),
    ("Then you have the sonnet, which means fourteen lines.", [("sonnet", "fourteen lines")]),
    # an "of" phrase narrows the name: what is said comes after it, never "sonnet: Petrarch are ..."
    # (and "not" leads a denial: "written in English", denied, meets "written in English")
    ("Sonnets of Petrarch are not written in English.", [("sonnet", "written in English")]),
    ("The sonnet of the week has fourteen lines.", [("sonnet", "has fourteen lines")]),
    ("A sonnet of mine was printed.", [("sonnet", "printed")]),
    # an adverb between the name and its verb of being is no part of what it is
    ("His sonnet here is clumsy and loud.", [("sonnet", "clumsy and loud")]),
    ("A sonnet really is a short song.", [("sonnet", "short song")]),
    # a name that is how something else is, after a word of degree: that something's claim
    ("I think his poem is fairly sonnet.", []),
])
def test_the_broad_rule_claims_what_a_sentence_says_near_a_term(sentence: str,
                                                                 expected: list[tuple[str, str]]) -> None:
    found = broad(sentence)
    assert [(t, label) for t, label, _ in found] == expected
    for term, label, quoted in found:  # the span holds the name and the label's words
        assert label in quoted and term in quoted.casefold()


@pytest.mark.parametrize("sentence, label, negated", [
    # a denial of the verb that takes the name denies what follows it
    ("Funny, I have not heard the term sonnet thrown around in class.", "thrown around in class", True),
    ("I have never seen a sonnet used as a song.", "used as a song", True),
    ("Nobody calls a sonnet a song.", "song", True),
    ("I havent seen a sonnet used as a song.", "used as a song", True),  # typed without its apostrophe
    # a denial elsewhere, or one the label holds already, is not the claim's
    ("Not only a sonnet rhymes well.", "rhymes", False),
    ("We named things that weren't odes as a sonnet, including limericks.", "including limericks", False),
    ("I don't know, my sonnet doesn't rhyme.", "doesn't rhyme", False),
])
def test_the_broad_rule_keeps_a_denial_before_the_name(sentence: str, label: str, negated: bool) -> None:
    from conceptgraph.draft.named import named_claims

    names = {key_of(["sonnet"])[0]: "sonnet"}
    [found] = named_claims(sentence, 0, mentions_in(sentence, 0, len(sentence), names), set())
    assert (found.label, found.negated) == (label, negated)


def test_the_broad_rule_leaves_a_term_the_precise_rules_claimed() -> None:
    assert broad("I always thought a sonnet was a kind of song.", frozenset({"sonnet"})) == []


def test_broad_claims_are_drafted_at_their_own_lower_confidence() -> None:
    from conceptgraph.draft.confidence import of
    from conceptgraph.model import Contributor, Dataset

    ds = Dataset(contributors=(Contributor("ann", "Ann", "author"), Contributor("bo", "Bo", "commenter")),
                 messages=(Message("m1", "ann", "post", "Is a sonnet the same as a ballad?"),
                           Message("m2", "bo", "comment 1", "A sonnet has fourteen lines. My teacher once sang "
                                   "a ballad to the whole class.", reply_to="m1")))
    rules: dict[str, str] = {}
    drafted = draft(ds, explain=rules)
    got = {(c.term, rules[c.id]): c for c in drafted.claims}
    assert got[("sonnet", "subject")].confidence == of("claim", "subject")
    broad_claim = got[("ballad", "named")]
    assert broad_claim.confidence == of("claim", "named") < of("claim", "subject")
    assert broad_claim.quote == "My teacher once sang a ballad to the whole class."
    assert ("sonnet", "named") not in got  # the precise rule's claim is not drafted twice


@pytest.mark.parametrize("text, label", [
    ("Editors would mark it Historic(al) rather than Obsoleted.", "Editors would mark it"),  # not "al"
    ("Historic documents can't, in principle, be edited.", "documents"),  # not "documents can't"
    ("Historic documents can't be changed.", "documents can't be changed"),
    ("And I guess cyclists definitely use historic.", "cyclists definitely"),  # not "And I guess ..."
    # a label that ends on an article before the next term ends on that term, and reads as English
    ("An error leads to a historic which can become an obsolete.", "can become an obsolete"),
    ("Historic is the word I care about.", "word I care about"),  # the clause's preposition stays
])
def test_a_broad_claims_label_is_never_cut_mid_word_or_mid_verb(text: str, label: str) -> None:
    from conceptgraph.draft.named import named_claims

    names = {key_of(["historic"])[0]: "historic", key_of(["obsolete"])[0]: "obsolete"}
    assert [(f.term, f.label) for f in named_claims(text, 0, mentions_in(text, 0, len(text), names), set())] == \
        [("historic", label)]


def test_a_hedge_alone_is_no_claim() -> None:
    """"As far as I know, historic and obsolete are the same" says nothing of "historic"
    in the words before it: the broad rule makes no claim of "As far"."""
    from conceptgraph.draft.named import named_claims

    names = {key_of(["historic"])[0]: "historic"}
    text = "As far as I know, historic."
    assert named_claims(text, 0, mentions_in(text, 0, len(text), names), set()) == []


def _drafted_stances(tmp_path: Path, thread: str) -> dict[tuple[str, str, str], Relation]:
    """The agreements and disputes drafted from a plain-text thread, by (speaker, kind, target) name."""
    path = tmp_path / "t.txt"
    path.write_text(thread, encoding="utf-8")
    ds, _ = read_discussion([path])
    by = {c.id: c.name for c in ds.contributors}
    return {(by[r.source], r.kind, by[r.target]): r for r in draft(ds).relations if r.kind in ("agrees_with", "disputes")}


def test_a_reply_that_takes_up_a_question_s_words_disputes_no_one_who_only_asked(tmp_path: Path) -> None:
    """In a flat chat a reply leans towards whoever first said what it takes up: when that
    is a question that asks only, a "but" disputes nothing in it (a trial's "So they are
    synonyms, but a bug lives in code." disputed the one who had asked how they differ);
    a question that puts something forward ("Should we call them defects?") can be disputed."""
    asked = "Ann: What is the difference between a bug and an incident?\n"
    said = "Bo: A ticket is in the tracker. A page is in production.\nDi: So they are synonyms, but a bug lives in code.\n"
    assert _drafted_stances(tmp_path, asked + said) == {}
    proposed = "Ann: Should we call every bug and incident a defect?\n"
    assert ("Di", "disputes", "Ann") in _drafted_stances(tmp_path, proposed + said)


def test_a_reply_under_a_bare_yes_answers_whom_that_yes_agreed_with(tmp_path: Path) -> None:
    """"Can everyone live with that?" "Yes" "Yes 👍" "Works for me": each agrees with the
    one who asked, not with the "Yes" before it (a trial's WhatsApp chat had each answer
    agree with the previous answer's writer, one at 0.70)."""
    got = _drafted_stances(tmp_path, "Cleo: A forecast is a probability. A commitment is a promise. "
                                     "Can everyone live with that?\nBen: Yes\nAna: Yes 👍\n"
                                     "Emma: Works for me, as long as a commitment includes testing.\n")
    assert {(who, whom) for who, kind, whom in got if kind == "agrees_with"} == {("Ben", "Cleo"), ("Ana", "Cleo"),
                                                                                 ("Emma", "Cleo")}, got


def test_words_quoted_from_someone_named_are_theirs_and_the_reply_leans_towards_them(tmp_path: Path) -> None:
    """'Quoting Farid from yesterday: "A commitment is about an outcome, an estimate is
    about work" - I'd like that in our glossary.': no claim of the writer's (the claim that
    ran out of the quote had been theirs), and the reply leans towards Farid, not towards
    the message before."""
    said = ("Farid: A commitment is about an outcome, an estimate is about work.\n"
            "Cleo: An estimate becomes a commitment once it is shared.\nBen: No, that's wrong.\n"
            "Cleo: An estimate is what the client hears.\n"
            'Ben: Quoting Farid from yesterday: "A commitment is about an outcome, an estimate is about work" - '
            "I'd like that in our team glossary.\n")
    path = tmp_path / "t.txt"
    path.write_text(said, encoding="utf-8")
    ds, _ = read_discussion([path])
    out = draft(ds, terms=["estimate", "commitment"])
    assert [c.by for c in out.claims if c.by == "ben"] == []
    last = [r for r in out.relations if r.kind in ("agrees_with", "disputes") and r.where == "turn 5"]
    assert [(r.kind, r.target) for r in last] == [("agrees_with", "farid")]


def test_a_question_that_asks_the_group_to_assent_is_answered_with_agreement(tmp_path: Path) -> None:
    """"Can everyone live with that?" in a message of its own asks assent to what was just
    said: "Yes" under it agrees (as a question that only asks, it had taken none)."""
    got = _drafted_stances(tmp_path, "Cleo: A forecast is a probability.\nCleo: Can everyone live with that?\n"
                                     "Ben: Yes\n")
    assert {(who, kind, whom) for who, kind, whom in got} == {("Ben", "agrees_with", "Cleo")}, got


def test_a_fenced_block_leans_no_way_and_a_deleted_message_is_disputed_by_no_one() -> None:
    """A glossary in a code fence ("- a signal, not an incident") is no one's dispute, nor is
    a reply to a deleted message's stand-in one with no one (a researcher's trial had both,
    the dispute quoting the fence)."""
    ds = Dataset(contributors=(Contributor("ann", "Ann", "author"), Contributor("bo", "Bo", "commenter"),
                               Contributor("gone", "unnamed commenter", "commenter")),
                 messages=(Message("m1", "ann", "message 1", "A bug is a mistake in code."),
                           Message("m2", "bo", "reply 1 to message 1", "Draft glossary:\n```\nbug - a mistake\nalert - "
                                   "a signal, not an incident\n```\nObjections?", reply_to="m1"),
                           Message("m3", "gone", "message 2", "[deleted]", gone="deleted"),
                           Message("m4", "bo", "reply 1 to message 2", "That is not so, it never was.", reply_to="m3")))
    assert [(r.source, r.kind, r.target) for r in draft(ds, terms=["bug"]).relations
            if r.kind in ("agrees_with", "disputes")] == []


def test_a_stance_in_one_thread_is_never_about_what_was_said_in_another(tmp_path: Path) -> None:
    """Two threads imported together, the same people in both: Bo's dispute in the second
    is about what Ann said there, never about her claim in the first (a teacher's trial
    had a reply on empathy scoped to claims on facts, from the other discussion)."""
    (tmp_path / "sonnets.txt").write_text("Ann: A sonnet is a poem of fourteen lines.\nBo: Agreed.\n", encoding="utf-8")
    (tmp_path / "haiku.txt").write_text("Ann: Now for the haiku, and what it takes.\nBo: No, Ann, I disagree.\n",
                                        encoding="utf-8")
    ds, _ = read_discussion([tmp_path / "sonnets.txt", tmp_path / "haiku.txt"])
    drafted = draft(ds, terms=["sonnet", "haiku"])
    at = {m.id: m.where for m in ds.messages}
    stances_ = {at[r.message]: r.concerns for r in drafted.relations if r.kind in ("agrees_with", "disputes")}
    claims = {c.id: at[c.message] for c in drafted.claims}
    assert len(stances_) == 2 and all(claims[c].split(" › ")[0] == where.split(" › ")[0]
                                      for where, about in stances_.items() for c in about), (stances_, claims)


def test_a_reply_that_states_no_stance_is_guessed_by_the_way_it_leans(tmp_path: Path) -> None:
    """A reply with no "I agree" or "I disagree" still leans: against what it answers
    ("But ... isn't ..."), or for it ("True, the turn is the part I like"). The guess quotes the
    sentence that leans most, and is drafted at the leaning rule's confidence, below a stance
    stated in words."""
    stances_ = _drafted_stances(tmp_path, "Ann: A sonnet is a poem of fourteen lines.\n"
                                          "Bo: But a sonnet isn't only its lines. It has a turn, not just a count.\n"
                                          "Cy: True, the turn is the part I like.\n"
                                          "Di: I agree with Bo.\n"
                                          "Ed: The meeting is on Monday.\n")
    assert set(stances_) == {("Bo", "disputes", "Ann"), ("Cy", "agrees_with", "Bo"), ("Di", "agrees_with", "Bo")}
    guessed = stances_[("Bo", "disputes", "Ann")]
    assert guessed.quote == "But a sonnet isn't only its lines." and guessed.confidence == of("stance", "leaning")
    assert stances_[("Cy", "agrees_with", "Bo")].confidence == of("stance", "leaning")
    assert (stances_[("Di", "agrees_with", "Bo")].confidence or 0) > of("stance", "leaning")  # said in so many words


def test_praise_of_the_article_leans_towards_its_author(tmp_path: Path) -> None:
    """"Great article." under a comment is said to the one who wrote the article, not to
    the comment before it ("Great point." is)."""
    stances_ = _drafted_stances(tmp_path, "Ann: A sonnet is a poem of fourteen lines, as this post explains.\n"
                                          "Bo: I think a sonnet is a song.\n"
                                          "Cy: Great article.\n"
                                          "Di: Nice write-up, thanks.\n"
                                          "Ed: Great point.\n")
    assert set(stances_) == {("Cy", "agrees_with", "Ann"), ("Di", "agrees_with", "Ann"), ("Ed", "agrees_with", "Di")}


def test_a_reply_that_grants_a_point_and_turns_against_another_takes_both_sides(tmp_path: Path) -> None:
    """"I agree that X, but Y" and "Yes, but ..." agree with what they grant and dispute
    what they turn against: both stances, the second quoting its own clause, at the rule's
    confidence. A "but" after a clause that leans no way takes no second side."""
    found = _drafted_stances(tmp_path, "Ann: A sonnet is a poem of fourteen lines.\n"
                                       "Bo: I agree that it has fourteen lines, but that is not all it is.\n"
                                       "Cy: Yes, but it has a turn.\n"
                                       "Di: A villanelle has nineteen lines, but it is older.\n")
    assert set(found) == {("Bo", "agrees_with", "Ann"), ("Bo", "disputes", "Ann"), ("Cy", "disputes", "Ann"),
                          ("Cy", "agrees_with", "Ann"), ("Di", "disputes", "Cy")}
    assert found[("Bo", "disputes", "Ann")].quote == "but that is not all it is."
    assert found[("Bo", "disputes", "Ann")].confidence == of("stance", "both sides")
    assert found[("Cy", "agrees_with", "Ann")].quote == "Yes"


def test_what_a_speaker_adds_after_granting_a_point_turns_against_no_one(tmp_path: Path) -> None:
    """"Mark is right that X. But I'd add that Y is not Z" adds to the point granted: it
    disputes Mark no more than it agrees with the one it answers (a trial's WordPress
    reply was drafted as agreeing and disputing both)."""
    found = _drafted_stances(tmp_path, "Ann: A sonnet is a poem of fourteen lines.\n"
                                       "Mark: A sonnet is short and a ballad is long.\n"
                                       "Zed: A sonnet is the same as a ballad.\n"
                                       "Li: No, they are not the same. Mark is right that a sonnet is short. "
                                       "But I'd add that a ballad is not a poem at all.\n")
    assert {k for k in found if k[0] == "Li"} == {("Li", "disputes", "Zed"), ("Li", "agrees_with", "Mark")}, found


def test_a_reservation_after_approval_takes_both_sides() -> None:
    """"Looks good. One nit: ..." approves, then turns against one point: both sides, each
    its own sentence (a trial's "Looks good. One nit:" agreed, with all nine claims)."""
    from conceptgraph.draft.stances import both_sides

    found = both_sides("Looks good. One nit: an incident is not a bug.")
    assert {k: v[1:] for k, v in found.items()} == {"agrees_with": (0, 11), "disputes": (12, 46)}
    assert both_sides("Looks good. An incident is a bug.") == {}
    # what follows an agreement and a colon is the speaker's own: a turn within it turns on no one
    assert both_sides("Yes, exactly: every label is a tag, but not every tag is a label.") == {}


def test_nice_try_grants_nothing_it_turns_against() -> None:
    """"Nice try, but ..." dismisses: it disputes, and agrees with nothing (a trial's
    Hacker News reply was drafted as both)."""
    from conceptgraph.draft.stances import both_sides, leaning

    reply = "Nice try, but cruft is the smell, not the disease."
    assert both_sides(reply) == {} and leaning(reply)[0] == "disputes"  # type: ignore[index]
    assert set(both_sides("Good point, but cruft is the smell, not the disease.")) == {"agrees_with", "disputes"}


def test_a_leaning_sentence_that_speaks_to_someone_leans_towards_them() -> None:
    """Cy answers Bo's message, but the sentence that leans speaks to Ann."""
    people = tuple(Contributor(c.lower(), c, "commenter") for c in ("Ann", "Bo", "Cy"))
    msgs = (Message("m1", "ann", "post", "A sonnet is a poem of fourteen lines."),
            Message("m2", "bo", "comment 1", "A sonnet has a turn, too.", reply_to="m1"),
            Message("m3", "cy", "reply 1 to comment 1", "That's the usual first answer, Ann, but it isn't the whole of it.",
                    reply_to="m2"))
    found = {(r.source, r.kind, r.target) for r in draft(Dataset(messages=msgs, contributors=people)).relations
             if r.kind in ("agrees_with", "disputes") and r.source == "cy"}
    assert found == {("cy", "disputes", "ann")}


def test_one_reply_that_quotes_another_leaves_a_chat_thread_flat() -> None:
    """A Slack thread's replies all answer its first message, one of them a reply it
    quotes: still a flat run, so "I disagree." answers the message before it, not the
    thread's opener (where people reply to replies as a habit, as on Reddit, it would)."""
    people = tuple(Contributor(c.lower(), c, "commenter") for c in ("Ann", "Bo", "Cy"))
    said = [("ann", "Should the setting be a sonnet or a ballad?"), ("bo", "A sonnet has fourteen lines."),
            ("cy", "I disagree."), ("ann", "A ballad tells a story."), ("bo", "That is the point."),
            ("cy", "Sure, a ballad is longer."), ("ann", "Then it is a sonnet."), ("bo", "Yes.")]
    msgs = tuple(Message(f"m{i}", by, f"reply {i}" if i else "message 1", text,
                         reply_to="" if i == 0 else "m2" if i == 4 else "m0") for i, (by, text) in enumerate(said))
    found = {(r.source, r.kind, r.target) for r in draft(Dataset(messages=msgs, contributors=people)).relations
             if r.message == "m2"}
    assert found == {("cy", "disputes", "bo")}
    # where replies to replies are many, a comment on the post answers the post's author
    nested = tuple(replace(m, reply_to=f"m{i - 1}") if i in (3, 5, 6) else m for i, m in enumerate(msgs))
    found = {(r.source, r.kind, r.target) for r in draft(Dataset(messages=nested, contributors=people)).relations
             if r.message == "m2"}
    assert found == {("cy", "disputes", "ann")}


def test_what_a_thread_looks_for_something_in_place_of_is_a_term() -> None:
    """"an alternative to X", "a replacement for X", "a better name than X": X is what the
    thread argues over, though it is said once."""
    msgs = [Message("m1", "a", "post", "I like cure best. Something like: the cure for bikeshedding."),
            Message("m2", "b", "comment 1", "We can find a good alternative to weapon that everyone likes. "
                                            "Cure works for me.", reply_to="m1"),
            Message("m3", "c", "comment 2", "I quite like tool as a replacement for weapon. I wouldn't hate cure.",
                    reply_to="m1")]
    labels = [t.label for t in find_terms(msgs, title="Consider other phrasing")]
    assert "weapon" in labels


def test_a_term_the_title_names_is_drafted_though_no_message_uses_it() -> None:
    """"Rename Smoke Tests to Quick Checks": both names are the thread's terms, though
    the messages speak only of the old one."""
    from conceptgraph.model import Contributor, Dataset, Source

    ds = Dataset(Source("Rename Smoke Tests to Quick Checks"),
                 contributors=(Contributor("ann", "Ann", "author"), Contributor("bo", "Bo", "commenter")),
                 messages=(Message("m1", "ann", "post", "The Smoke Tests run too long for their name."),
                           Message("m2", "bo", "comment 1", "Smoke Tests is fine by me.", reply_to="m1")))
    assert {t.label.casefold() for t in draft(ds).terms} >= {"smoke tests", "quick checks"}


@pytest.mark.parametrize("title, said", [
    ("Rename Array.prototype.flatten to Array.prototype.flat", "Array.prototype.flat reads well."),
    ("Is Array.prototype.flatten the same as Array.prototype.flat?", "Array.prototype.flat reads well."),
    ("Names", "Should we call Array.prototype.flatten Array.prototype.flat instead, and rename "
              "Array.prototype.flatten to Array.prototype.flat?")])
def test_a_dotted_name_from_code_is_one_side_of_a_question(title: str, said: str) -> None:
    """A name's dots ("Array.prototype.flat") are no full stop: the whole name is the
    side of the question, or the name something is called."""
    msgs = [Message("m1", "a", "post", "Some sites break with the old name."),
            Message("m2", "b", "comment 1", said, reply_to="m1")]
    labels = {t.label for t in find_terms(msgs, title=title, max_terms=10)}
    assert {"Array.prototype.flatten", "Array.prototype.flat"} <= labels


def test_a_name_from_code_made_like_the_questions_is_proposed_once_and_kept() -> None:
    """In "Rename memory.drop and table.drop", "data.drop" and "elem.drop", each said once,
    are proposals made like the names in question (as many parts, "drop" in the same
    place); "drop_segment" and "load_file" are not made so, nor put forward."""
    msgs = [Message("m1", "a", "post", "There was drop_segment once. It kept it under one label."),
            Message("m2", "b", "comment 1", "I would name it data.drop instead, no strong preference.", reply_to="m1"),
            Message("m3", "c", "comment 2", "Or elem.drop. Whatever we do, load_file stays as it is.", reply_to="m1")]
    labels = {t.label for t in find_terms(msgs, title="Rename memory.drop and table.drop", max_terms=10)}
    assert {"memory.drop", "table.drop", "data.drop", "elem.drop"} <= labels
    assert not labels & {"drop_segment", "load_file"}
    # "NoPlusOne" is made like "NoMeToo": three parts, the first the same
    msgs = [Message("m1", "a", "post", "The page \"NoMeToo\" needs a new name. NoMeToo has other meanings now."),
            Message("m2", "b", "comment 1", "NoPlusOne, maybe.", reply_to="m1")]
    assert "NoPlusOne" in {t.label for t in find_terms(msgs, title="wiki: rename NoMeToo", max_terms=10)}


def test_a_phrase_two_people_speak_of_is_a_term_in_a_short_thread() -> None:
    """Two speakers each make "kill switch" the subject of what they say: in four
    messages, counting its uses shows little, but it is what they talk about."""
    msgs = [Message("m1", "a", "turn 1", 'So is a "feature flag" the same as a "toggle"?'),
            Message("m2", "b", "turn 2", "Basically yes. Flag is the everyday word."),
            Message("m3", "a", "turn 3", "But a kill switch is also a flag, and it's not a feature."),
            Message("m4", "b", "turn 4", "Fair point. A kill switch is an ops toggle.")]
    assert "kill switch" in {t.label for t in find_terms(msgs, title="", max_terms=10)}
    # one speaker saying it twice is no such sign (unless defining it outright, "A kill switch is ...":
    # test_a_kind_defined_outright_is_a_term_though_a_common_word)
    alone = [m if m.id != "m4" else Message("m4", "a", "turn 4", "The kill switch is an ops toggle.") for m in msgs]
    assert "kill switch" not in {t.label for t in find_terms(alone, title="", max_terms=10)}


def test_two_names_set_apart_with_vs_are_terms_wherever_said() -> None:
    """"persona vs archetype" in a later post, said and not asked, sets two names apart;
    a side ends at a bracket ("user (glossary)" is "user")."""
    said = [Message("m1", "a", "post", "A user touches the product."),
            Message("m2", "b", "comment 1", "A stakeholder is anyone affected.", reply_to="m1")]
    assert {t.label for t in find_terms(said, title="Stakeholder vs user (glossary)", max_terms=10)} == {
        "stakeholder", "user"}
    msgs = [Message("m1", "a", "post", "Glossary work for the research team, round two."),
            Message("m2", "b", "comment 1", "Next up: persona vs archetype. Mine differ in who made them.", reply_to="m1"),
            Message("m3", "c", "comment 2", "A persona is researched, an archetype is not.", reply_to="m1")]
    assert {"persona", "archetype"} <= {t.label for t in find_terms(msgs, title="Glossary", max_terms=10)}


@pytest.mark.parametrize("title, opening, expected", [
    ("Question", "What does idempotent mean?", {"idempotent"}),
    ("Retro", 'Quick one: what does "done" mean for us?', {"done"}),  # a participle held up, no auxiliary
    ("Words we use", "Can we agree what technical debt means?", {"technical debt"}),
    ("Words we use", "I know what it means.", set()),
    ("What is a monad?", "I keep reading about them.", {"monad"}),
    ("Question", "What is meant by eventual consistency?", {"eventual consistency"}),
    ("Help", "Can someone explain what a closure is?", {"closure"}),
    ("Question", "What's the definition of a microservice?", {"microservice"}),
    ("Is a tarn a lake?", "Asking for a map.", {"tarn", "lake"}),
    ("Chat", "Is a guild a kind of club, or something else?", {"guild", "club"}),
    ("Chat", "Is a tarn a lake or not?", {"tarn", "lake"}),
    ("Chat", "Question for the workshop: is accessibility just a part of usability, or a different thing?",
     {"accessibility", "usability"}),
    ("Question", "What is your point?", set()), ("Question", "What is right?", set()),
    ("Question", "Is this a bug?", set()),
])
def test_the_word_a_thread_asks_the_meaning_of_is_a_term(title: str, opening: str, expected: set[str]) -> None:
    msgs = [Message("m1", "a", "post", opening), Message("m2", "b", "comment 1", "Good question.", reply_to="m1")]
    assert {t.label for t in find_terms(msgs, title=title, max_terms=5)} == expected


@pytest.mark.parametrize("sentence, phrase", [
    ("Everyone says cog versus sprocket here.", ["cog", "versus", "sprocket"]),
    ("The tags are crop up, pop, pop up.", ["pop", "pop"]),
    ("A rear sprockets sprocket confusion.", ["sprockets", "sprocket"]),
    ("Main, Restricted and Universe.", ["Main", "Restricted"]),
    ("In fact impedance is a term of physics.", ["fact", "impedance"]),  # "in fact" is an adverb
    ("By definition branches are local.", ["definition", "branches"]),
    # a word in -ing after "keep", "are": the verb, not a noun's modifier ("saying law" is no term)
    ("In civics we keep saying law and rule.", ["saying"]),
    ("They are using allowlist now.", ["using"]),
])
def test_no_noun_phrase_runs_across_a_comma_versus_or_a_repeated_word(sentence: str, phrase: list[str]) -> None:
    from conceptgraph.draft.terms import _noun_phrases

    found = [words for _, _, words in _noun_phrases(sentence)]
    assert not any(words[i:i + len(phrase)] == phrase for words in found for i in range(len(words)))


def test_an_adjective_after_a_preposition_still_opens_a_noun_phrase() -> None:
    from conceptgraph.draft.terms import _noun_phrases

    assert ["general", "usage"] in [words for _, _, words in _noun_phrases("The word in general usage wins.")]
    assert ["remote", "tracking", "branch"] in [words for _, _, words in _noun_phrases("A remote tracking branch is.")]


def test_a_word_said_to_mean_something_is_a_term_though_said_once() -> None:
    """"Biweekly means twice a week": the word is defined, so the thread is about it."""
    msgs = [Message("m1", "a", "post", "Biweekly means every two weeks, semiweekly means twice a week."),
            Message("m2", "b", "comment 1", "I never know which is which.", reply_to="m1")]
    labels = {t.label for t in find_terms(msgs, title="Fix the release notes", max_terms=10)}
    assert {"biweekly", "semiweekly"} <= labels


def test_a_word_judged_as_a_word_is_a_term_as_is_what_it_is_weighed_against() -> None:
    """"IMO Manifest is much more confusing term than submission": both words are held
    up; "IMO" is no part of a name."""
    msgs = [Message("m1", "a", "post", "We renamed the object last week."),
            Message("m2", "b", "comment 1", "IMO Manifest is much more confusing term than submission.",
                    reply_to="m1"),
            Message("m3", "c", "comment 2", "Submission is the better word; Manifest is a strange name.",
                    reply_to="m2"),
            Message("m4", "d", "comment 3", 'I think "end to end tests" was the name we used.', reply_to="m1")]
    labels = {t.label.casefold() for t in find_terms(msgs, title="", max_terms=10)}
    assert {"manifest", "submission", "end to end tests"} <= labels
    assert not any("imo" in x for x in labels) and "tests" not in labels


def test_a_name_made_of_several_capitalised_parts_is_a_name_someone_chose() -> None:
    """"NoPlusOne" is a made name, as "takeWhile" is, not a person's; so is a pair of words
    run together that English does not use ("ConstructiveComments"). "GitHub", "DeepMind"
    and "McDonald" stay ordinary capitalised words."""
    from conceptgraph.draft.text import code_like

    assert code_like("NoPlusOne") and not code_like("GitHub") and not code_like("McDonald")
    assert code_like("ConstructiveComments") and not code_like("DeepMind") and not code_like("DeAndre")
    msgs = [Message("m1", "a", "post", "The page NoMeToo has an unfortunate name now. Suggestions welcome."),
            Message("m2", "b", "comment 1", "How about NoPlusOne?", reply_to="m1"),
            Message("m3", "c", "comment 2", "I like NoPlusOne, it is easy to spell.", reply_to="m1"),
            Message("m4", "d", "comment 3", "I vote for ConstructiveComments.", reply_to="m1"),
            Message("m5", "e", "comment 4", "ConstructiveComments, for sure.", reply_to="m1")]
    labels = {t.label for t in find_terms(msgs, title="wiki: rename NoMeToo", max_terms=10)}
    assert {"NoMeToo", "NoPlusOne", "ConstructiveComments"} <= labels
    # a word capitalised inside keeps its capitals, as people write it
    msgs = [Message("m1", "a", "post", "Is JavaScript the same as TypeScript? I use JavaScript daily."),
            Message("m2", "b", "comment 1", "TypeScript adds types to JavaScript.", reply_to="m1")]
    assert {t.label for t in find_terms(msgs, title="JavaScript or TypeScript?", max_terms=5)} == {"JavaScript",
                                                                                                    "TypeScript"}


def test_a_login_is_no_term_whatever_its_case() -> None:
    """IRC and forges name people by logins written in lower case ("kattie: that's the
    line"): a contributor's whole name is never a term, where a capitalised first name
    alone already was not."""
    msgs = [Message("m1", "a", "turn 1", "is free software the same as open source?"),
            Message("m2", "b", "turn 2", "no. free software is about freedom; open source is a method"),
            Message("m3", "c", "turn 3", "kattie: that's the usual line. kattie, the licences are the same set"),
            Message("m4", "b", "turn 4", "linus_t0rvalds: the set overlaps, but free software means more"),
            Message("m5", "c", "turn 5", "I think linus_t0rvalds and kattie agree on open source")]
    labels = {t.label for t in find_terms(msgs, max_terms=10, names=["rms_fan", "kattie", "linus_t0rvalds"])}
    assert {"free software", "open source"} <= labels and not {"kattie", "linus_t0rvalds"} & labels


def test_favouring_a_name_agrees_with_whoever_put_it_forward() -> None:
    """"I vote for X" or "+1 on X", whoever it answers, agrees with the one who first
    proposed X; a name the title gives was put forward by no one in the thread."""
    msgs = (Message("m1", "a", "post", "This page needs a new name. Ideas?"),
            Message("m2", "b", "comment 1", "How about BrightName? Or ClearName? OldName was fine too.", reply_to="m1"),
            Message("m3", "c", "comment 2", "ClearName is long.", reply_to="m1"),
            Message("m4", "e", "comment 3", "+1 on OldName.", reply_to="m1"),
            Message("m5", "d", "comment 4", "I vote for BrightName.", reply_to="m1"))
    ds = _commenters("OldName, the page", msgs, "abcde")
    got = {(r.source, r.target, r.quote) for r in draft(ds, terms=["OldName", "BrightName", "ClearName"]).relations
           if r.kind == "agrees_with"}
    assert ("d", "b", "I vote for BrightName.") in got  # its proposer, not the comment just before
    assert not any(src == "d" and tgt != "b" for src, tgt, _ in got)
    assert {(src, tgt) for src, tgt, _ in got if src == "e"} == {("e", "c")}  # the title's name: as "+1" alone


def test_favouring_two_names_agrees_with_each_ones_proposer_and_disputes_neither() -> None:
    """"+1 on cure or tool, though ..." backs two proposals: it agrees with the author of
    each, and its "though" is no dispute of the people it has just backed."""
    msgs = (Message("m1", "a", "post", "I like cure. It is the cure for bikeshedding."),
            Message("m2", "b", "comment 1", "I quite like tool.", reply_to="m1"),
            Message("m3", "c", "comment 2", "+1 on cure or tool, though I would keep the first sentence.",
                    reply_to="m1"))
    ds = _commenters("Another word", msgs, "abc")
    got = {(r.kind, r.target) for r in draft(ds, terms=["cure", "tool"]).relations
           if r.kind in ("agrees_with", "disputes") and r.source == "c"}
    assert got == {("agrees_with", "a"), ("agrees_with", "b")}


@pytest.mark.parametrize(("sentence", "shared"), [
    ("Leadership, management and vision are too vague.", True),  # a list: what is said of one is said of all
    ("Leadership, management or anything like them is too vague.", True),
    ("Vision means steering two managements, leadership means doing the work.", False),  # a clause ends
])
def test_a_comma_joins_names_only_in_a_list(sentence: str, shared: bool) -> None:
    from conceptgraph.draft.named import shared_claims
    from conceptgraph.draft.rules import Finding, mentions_in

    names = {"leadership": "leadership", "management": "management", "managements": "management", "vision": "vision"}
    found = mentions_in(sentence, 0, len(sentence), names)
    said = Finding("claim", term="leadership", label="too vague", start=0, end=len(sentence), rule="subject")
    assert bool(shared_claims(sentence, 0, found, [said])) == shared


@pytest.mark.parametrize(("sentence", "said"), [
    ("If leadership were a calling, management would be a job.", False),  # supposed, not so
    ("If we were apart from leadership, I would see the difference between leadership and management.", False),
    ("Even if management had a plan, leadership would still be a calling.", False),
    ("If leadership is a calling, management is a job.", True),  # a condition, asserted
])
def test_a_counterfactual_asserts_nothing(sentence: str, said: bool) -> None:
    out, _ = _drafted(sentence)
    drafted = [*out.claims, *(r for r in out.relations if r.kind not in ("mentions", "co_occurs"))]
    assert bool(drafted) == said, drafted


def test_a_counterfactual_takes_no_stance() -> None:

    msgs = (Message("m1", "a", "comment 1", "Leadership is a job."),
            Message("m2", "b", "comment 2", "If leadership were a calling, I would agree with AAA."))
    ds = _commenters("t", msgs, "ab")
    assert not [r for r in draft(ds, terms=["leadership"]).relations if r.kind in ("agrees_with", "disputes")
                and r.quote.startswith("If")]


def test_a_numbered_term_is_found_by_its_number_spelled_either_way() -> None:
    """"stage 4" and "stage four" are one term, whichever the text writes more; search
    finds it by either."""
    from conceptgraph.graph import build_graph
    from conceptgraph.names import resolve

    texts = ["What does stage 4 mean? Is stage 4 the end?", "Stage 4 is the end of the process.",
             "I would call stage 4 finished. We moved from stage zero to stage four in a year."]
    ds = _commenters("What does stage 4 mean?",
                     tuple(Message(f"m{i}", "abc"[i], f"comment {i}", t) for i, t in enumerate(texts)), "abc")
    out = draft(ds)
    [four] = [t for t in out.terms if t.label == "stage 4"]
    assert "stage four" in four.aliases
    G = build_graph(replace(out, source=ds.source, contributors=ds.contributors, messages=ds.messages))
    assert resolve(G, "stage four") == resolve(G, "Stage 4") == four.id


def test_a_hunk_shown_alone_blanks_only_its_own_lines() -> None:
    """A review's suggested change ("@@ ... @@" and its lines): what follows it is read."""
    out, labels = _drafted("Suggested change:\n\n@@ -1 +1 @@\n-old leadership\n+new leadership\n\n"
                           "Leadership is a calling, not a job.")
    quotes = [c.quote for c in out.claims]
    assert "Leadership is a calling, not a job." in quotes and not any("old" in q or "new" in q for q in quotes)


def test_a_patch_in_a_mail_is_no_one_s_words() -> None:
    """From a patch's first header or hunk to the end, a message is code: no term, claim
    or stance is drafted from it, while the words before it are read."""
    from conceptgraph.model import Source

    patch = ("The polarity enum name is misspelled. Inverted is the usual word.\n---\n drivers/pwm/core.c | 2 +-\n"
             " 1 file changed\n\ndiff --git a/drivers/pwm/core.c b/drivers/pwm/core.c\nindex 9145f61..461ab2c 100644\n"
             "--- a/drivers/pwm/core.c\n+++ b/drivers/pwm/core.c\n@@ -1,3 +1,3 @@\n"
             "-\treturn -EINVAL; /* the polarity is wrong */\n+\treturn -EPROTO_ERRNO_VALUE;\n")
    msgs = (Message("m1", "a", "message 1", patch),
            Message("m2", "b", "message 2", "Inverted is fine. The polarity names are a matter of taste.",
                    reply_to="m1"))
    ds = Dataset(source=Source("[PATCH] pwm: rename the polarity enum"), messages=msgs,
                 contributors=(Contributor("a", "Ann Lee", "author"), Contributor("b", "Bo Chen", "commenter")))
    out = draft(ds, terms=["inverted", "polarity", "EINVAL"])
    said = [c.quote for c in out.claims] + [r.quote for r in out.relations if r.quote]
    assert any("misspelled" in q for q in said)
    assert all("EINVAL" not in q and "diff" not in q and "EPROTO" not in q for q in said)
    assert not [t for t in draft(ds).terms if any(w in t.label.lower() for w in ("diff", "einval", "eproto", "core.c"))]


def test_an_editorial_mark_is_no_glossary_head() -> None:
    """"EDIT: ..." and "UPDATE: ..." mark a later addition to a post; a glossary's head
    ("Rebase: ...") is a term."""
    texts = ["Is a rebase a kind of merge?",
             "A rebase rewrites history.\n\nEDIT: thanks for all the answers, lads.",
             "Rebase: replays your commits on another base.\nUPDATE: fixed the typo in my example above.",
             "EDIT: I wrote merge where I meant rebase. EDIT: and the history is rewritten, not kept."]
    ds = _commenters("rebase or merge?",
                     tuple(Message(f"m{i}", "abcd"[i], f"comment {i}", t) for i, t in enumerate(texts)), "abcd")
    labels = {t.label.casefold() for t in draft(ds).terms}
    assert "rebase" in labels and not labels & {"edit", "update"}
    # an acronym that is also an English word heads a glossary line all the same
    from conceptgraph.draft.terms import _held_up, _Scan

    scan = _Scan(set())
    _held_up(scan, "DRY: every piece of knowledge has one single representation.", "a", "m1")
    assert [words for words, *_ in scan.marks] == [["DRY"]]
    # nor is what the writer announces ("Proposal: ...", "Summary: ..."): a trial drafted the term
    # "proposal" and "proposal: category is hierarchical" at 0.77
    for line in ("Proposal: a category is hierarchical; a tag is flat.", "Summary: a tag is flat."):
        scan = _Scan(set())
        _held_up(scan, line, "a", "m1")
        assert not any(words[0].casefold() in ("proposal", "summary") for words, *_ in scan.marks), scan.marks


def test_giving_way_answers_whoever_argued_not_the_message_before() -> None:
    """In a flat thread "OK, you convinced me." is said to the one who disputed the
    speaker, though someone else wrote in between; without a dispute it answers the
    message before, as any reply does."""
    def stances(*said: tuple[str, str]) -> set[tuple[str, str, str]]:
        msgs = tuple(Message(f"m{i}", by, f"comment {i}", text) for i, (by, text) in enumerate(said))
        ds = _commenters("Tests and checks", msgs, "abcd")
        return {(r.kind, r.source, r.target) for r in draft(ds, terms=["tests", "checks"]).relations
                if r.kind in ("agrees_with", "disputes") and r.source == "a"}

    thread = [("a", "Tests are checks that a machine runs every night."),
              ("b", "I disagree, a test asks a question and a check only confirms what we know."),
              ("c", "The build server runs both of them at midnight anyway.")]
    assert stances(*thread, ("a", "OK, you convinced me.")) == {("agrees_with", "a", "b")}
    assert stances(*thread, ("a", "I stand corrected: a check only confirms.")) == {("agrees_with", "a", "b")}
    # nobody argued with the speaker: the message before
    calm = [thread[0], ("b", "A test asks a question and a check only confirms what we know."), thread[2]]
    assert stances(*calm, ("a", "OK, you convinced me.")) == {("agrees_with", "a", "c")}
    # speaking to someone by name still decides
    assert stances(*thread, ("a", "CCC, you convinced me.")) == {("agrees_with", "a", "c")}
    # two argued; the one just heard had too: "you" is them, not whoever argued last
    both = [*thread, ("c", "Not quite, AAA: a test is only a check with a question mark."),
            ("d", "We should stop here."), ("b", "Not quite. A check never asks anything, a test does.")]
    assert stances(*both, ("a", "OK, you convinced me.")) == {("agrees_with", "a", "b")}
    assert stances(*both, ("a", "Point taken.")) == {("agrees_with", "a", "b")}


def test_in_a_tree_giving_way_to_one_who_agreed_goes_to_whoever_argued() -> None:
    """Where people reply to replies, "I stand corrected" written under the comment of
    one who had agreed with the speaker gives way to the one who argued against them;
    written under the one who argued, or under one who had taken no side, it answers
    what it replies to."""
    def stances(last_reply_to: str, backing: str = "Agreed, BBB.") -> set[tuple[str, str, str]]:
        msgs = (Message("m0", "a", "post", "Which word is right, sprocket or cog?"),
                Message("m1", "b", "comment 1", "A sprocket is a wheel that meshes with a chain.", reply_to="m0"),
                Message("m2", "c", "comment 2", "No, that is wrong. A sprocket is any toothed wheel.", reply_to="m1"),
                Message("m3", "d", "comment 3", backing, reply_to="m1"),
                Message("m4", "b", "comment 4", "Fair point, I stand corrected.", reply_to=last_reply_to))
        ds = _commenters("Sprocket or cog?", msgs, "abcd")
        return {(r.kind, r.source, r.target) for r in draft(ds, terms=["sprocket", "cog"]).relations
                if r.kind in ("agrees_with", "disputes") and r.source == "b"}

    assert stances("m3") == {("agrees_with", "b", "c")}
    assert stances("m2") == {("agrees_with", "b", "c")}
    # one who took no side may be who convinced the speaker
    assert stances("m3", "Chains aside, a belt drive has toothed wheels too.") == {("agrees_with", "b", "d")}


def test_in_a_tree_of_replies_a_comment_on_the_post_answers_its_author() -> None:
    """Where people reply to replies (Reddit, Hacker News), a comment on the post
    answers the post, not the comment above it; "OP" is the post's author. In a flat
    list of comments, "I agree" answers the comment before."""
    def stances(tree: bool, *said: tuple[str, str]) -> set[tuple[str, str, str]]:
        msgs = [Message("p", "a", "post", "Tests are checks that a machine runs every night.")]
        msgs += [Message(f"m{i}", by, f"comment {i}", text, reply_to="p") for i, (by, text) in enumerate(said)]
        if tree:
            msgs.append(Message("r", "a", "reply", "Fair, but they are still checks.", reply_to="m0"))
        ds = _commenters("Tests and checks", tuple(msgs), "abcd")
        return {(r.kind, r.source, r.target) for r in draft(ds, terms=["tests", "checks"]).relations
                if r.kind in ("agrees_with", "disputes") and r.source in "cd"}

    said = [("b", "A test asks a question and a check only confirms what we know."),
            ("c", "I agree, tests are run by a machine."), ("d", "I agree with OP.")]
    assert stances(True, *said) == {("agrees_with", "c", "a"), ("agrees_with", "d", "a")}
    assert ("agrees_with", "c", "b") in stances(False, *said)
    assert ("agrees_with", "d", "a") in stances(False, *said)  # "OP" by name, in any thread


def test_an_agreement_in_reply_to_a_message_is_about_what_that_message_says() -> None:
    """A reply to one of its target's messages is about that message's claims, though
    its words echo an earlier one of theirs."""
    msgs = (Message("m1", "a", "message 1", "Tests are guesses about the code."),
            Message("m2", "b", "message 2", "Checks are cheap.", reply_to="m1"),
            Message("m3", "a", "message 3", "Checks are confirmations of what we know.", reply_to="m2"),
            Message("m4", "c", "message 4", "I agree with AAA that these are guesses about the code.", reply_to="m3"))
    ds = _commenters("Tests and checks", msgs, "abc")
    out = draft(ds, terms=["tests", "checks"])
    [agree] = [r for r in out.relations if r.kind == "agrees_with" and r.source == "c"]
    assert agree.target == "a" and agree.concerns
    assert {c.message for c in out.claims if c.id in agree.concerns} == {"m3"}


def test_a_guessed_stance_is_about_what_its_leaning_sentence_echoes() -> None:
    """A reply that leans against a message is about the claim its leaning sentence echoes,
    named by any of the term's names (a trial's doubt about "teaching" had been drafted as
    disputing the claim on "coaching", the other term the reply named)."""
    msgs = (Message("m1", "a", "post", "Teaching transfers knowledge to the learner. Coaching draws out an answer."),
            Message("m2", "b", "comment 1", "I'm not sure teaching is only transferring knowledge. "
                    "Maybe a teacher is more structured than a coach?", reply_to="m1"))
    ds = _commenters("Teaching and coaching", msgs, "ab")
    out = draft(ds, terms=["teaching", "coaching"])
    [dispute] = [r for r in out.relations if r.kind == "disputes" and r.source == "b"]
    assert [(c.term, c.message) for c in out.claims if c.id in dispute.concerns] == [("teaching", "m1")]


def test_a_file_of_several_threads_takes_no_stance_across_them() -> None:
    """A site's dump holds several questions: whoever a drafted stance is towards wrote
    in the same thread as the one who takes it."""
    ds, _ = read_discussion([ROOT / "tests" / "fixtures" / "discussions" / "stackexchange"])
    by_id = {m.id: m for m in ds.messages}

    def thread(m):
        while m.reply_to in by_id:
            m = by_id[m.reply_to]
        return m.id

    writers: dict[str, set[str]] = {}
    for m in ds.messages:
        writers.setdefault(thread(m), set()).add(m.by)
    stances = [r for r in draft(ds).relations if r.kind in ("agrees_with", "disputes")]
    assert stances and all(r.target in writers[thread(by_id[r.message])] for r in stances)


def test_compare_and_consensus_mark_what_is_only_drafted(tmp_path: Path) -> None:
    """A drafted folder's answers say which lines rest on drafts alone, in the text and in --json."""
    from conceptgraph.answers import ANSWERS, conforms

    folder = tmp_path / "lx"
    raw = ROOT / "bench" / "gold" / "dev" / "linux-man-catenate-concatenate.txt"
    assert run("draft", str(raw), "-o", str(folder), "-q").exit_code == 0
    r = run("compare", "catenate", "concatenate", "--data", str(folder), "--json")
    answer = json.loads(r.stdout)
    assert conforms(answer, ANSWERS["compare"]) == []
    only = answer["only_a"] + answer["only_b"]
    assert only and all(set(i["drafted_by"]) == set(i["supporters"]) for i in only)
    text = run("compare", "catenate", "concatenate", "--data", str(folder)).stdout
    said_only = text.split("Said only of catenate")[1].split("\n\n")[0]
    assert all(line.endswith("[drafted from the text]") for line in said_only.splitlines()[1:] if line.startswith("  "))
    assert "[drafted from the text]" in run("consensus", "--data", str(folder)).stdout


def test_a_dispute_consensus_finds_in_a_draft_is_marked_drafted(tmp_path: Path) -> None:
    """consensus's "Disputed" lines (said by one, denied by another) carried no mark, though
    the README says every line resting on drafts alone is marked."""
    from conceptgraph.answers import ANSWERS, conforms

    raw = tmp_path / "chat.txt"
    raw.write_text("Ann: An objective is measurable.\nBo: No, an objective is not measurable.\n", encoding="utf-8")
    folder = tmp_path / "d"
    assert run("draft", str(raw), "-o", str(folder), "--terms", "objective", "-q").exit_code == 0
    answer = json.loads(run("consensus", "objective", "--data", str(folder), "--json").stdout)
    assert conforms(answer, ANSWERS["consensus"]) == []
    [said] = [d for d in answer["disputed"] if d["type"] == "asserted_and_denied"]
    assert set(said["drafted_by"]) == {"Ann", "Bo"}
    text = run("consensus", "objective", "--data", str(folder)).stdout
    assert "objective: measurable: asserted by Ann, denied by Bo  [drafted from the text]" in text, text


def drafted_compare(tmp_path: Path, said: str, a: str, b: str) -> tuple[dict, str]:
    """``compare a b`` (JSON, then text) on the draft of a two-turn chat: Ann asks how a
    and b differ, Bo ``said``."""
    from conceptgraph.answers import ANSWERS, conforms

    raw = tmp_path / "chat.txt"
    raw.write_text(f"Ann: What is the difference between {a} and {b}?\nBo: {said}\n", encoding="utf-8")
    assert run("draft", str(raw), "-o", str(tmp_path / "d"), "-q").exit_code == 0
    answer = json.loads(run("compare", a, b, "--data", str(tmp_path / "d"), "--json").stdout)
    assert conforms(answer, ANSWERS["compare"]) == []
    return answer, run("compare", a, b, "--data", str(tmp_path / "d")).stdout


def test_compare_marks_what_one_speaker_drafted_of_both(tmp_path: Path) -> None:
    """"Said of both by one speaker" says it is a draft, as every other section does."""
    answer, text = drafted_compare(tmp_path, "Weather is local. Climate is local too.", "weather", "climate")
    assert [(i["label"], i["supporters_both"], i["drafted_by"]) for i in answer["shared"]] == [("local", ["Bo"], ["Bo"])]
    assert "\n  local  Bo  [drafted from the text]\n" in text.split("Said of both by one speaker")[1], text


def test_compare_marks_a_drafted_denial(tmp_path: Path) -> None:
    """"A ballad is not short." drafted: its line under Denied says it is a draft, as every other line does."""
    answer, text = drafted_compare(tmp_path, "A sonnet is short. A ballad is not short.", "sonnet", "ballad")
    assert [(d["label"], d["denied_by"], d["drafted_by"]) for d in answer["denied"]] == [("short", ["Bo"], ["Bo"])]
    assert "\n  ballad: not short — said by Bo  [drafted from the text]\n" in text.split("Denied")[1], text


# --- a long thread read in halves ---------------------------------------------------------


# Each runs in a fresh Python: a process running other threads (as a test session may) is never forked.
_HALVES = """
import sys
from conceptgraph.decisions import draft_text
from conceptgraph.discussions import read_discussion
from conceptgraph.draft import draft, parallel

ds, _ = read_discussion([sys.argv[1]])
whole = draft_text(draft(ds))
parts = []
real = parallel.halves

def counted(*args, **kwargs):
    parts.append(0)
    here = len(parts) - 1
    for part in real(*args, **kwargs):
        parts[here] += 1
        yield part

parallel.halves = counted
parallel.AT_LEAST = 2
print(draft_text(draft(ds)) == whole, parts)
"""


@pytest.mark.parametrize("raw", [SOURCE, ROOT / "bench" / "gold" / "dev" / "tc39-iterator-take-drop-names.txt",
                                 ROOT / "bench" / "gold" / "dev" / "git-tracking-branch-terms.txt"])
def test_a_thread_read_in_halves_drafts_the_same_bytes(raw: Path) -> None:
    """The passes that read messages each on their own (language, candidate terms, each
    message's findings) give the same draft when a second process reads half the thread."""
    out = subprocess.run([sys.executable, "-c", _HALVES, str(raw)], capture_output=True, text=True, check=True)
    # the same bytes, and each of the three passes was read in two processes
    assert out.stdout.split("\n")[-2] == "True [2, 2, 2]", out.stdout + out.stderr


_ORPHAN = """
import os, sys, time
from conceptgraph.draft.parallel import in_halves

PARENT = os.getpid()

def read(items):
    if os.getpid() != PARENT:  # the second process says who it is
        with open(sys.argv[1], "w") as f:
            f.write(str(os.getpid()))
    time.sleep(60)
    return items

in_halves(read, list(range(10)), at_least=2)
"""


def test_the_second_process_ends_when_the_first_is_killed(tmp_path: Path) -> None:
    """A draft killed outright (kill -9, out of memory) leaves no process behind: the one
    reading the other half had waited on its pipe for ever, holding a caller's pipe open."""
    import os
    import signal
    import time

    if (os.cpu_count() or 1) < 2 or not sys.platform.startswith("linux"):
        pytest.skip("a second process is forked only on Linux with a second core")
    said = tmp_path / "child.pid"
    first = subprocess.Popen([sys.executable, "-c", _ORPHAN, str(said)])
    try:
        for _ in range(300):
            if said.exists() and said.read_text():
                break
            time.sleep(0.05)
        child = int(said.read_text())
    finally:
        first.kill()
        first.wait()

    def alive() -> bool:
        try:
            return Path(f"/proc/{child}/stat").read_text().split(") ")[1][0] not in "ZX"  # not a zombie
        except (FileNotFoundError, ProcessLookupError):
            return False

    for _ in range(100):
        if not alive():
            break
        time.sleep(0.05)
    still = alive()
    if still:
        os.kill(child, signal.SIGKILL)
    assert not still, "the second process outlived the first"


_CHECKED = """
import sys
from dataclasses import replace
from pathlib import Path
from conceptgraph import draft as drafting
from conceptgraph.draft import draft_folder, parallel
from conceptgraph.errors import DatasetError

folder = Path(sys.argv[2])
draft_folder(sys.argv[1], output=folder)
before = (folder / "draft.yaml").read_bytes()
real, forks = drafting.draft, []

def misplaced(*args, **kwargs):
    out = real(*args, **kwargs)
    first = out.claims[0]
    return replace(out, claims=(replace(first, span=(first.span[0] + 1, first.span[1] + 1)), *out.claims[1:]))

def counted(here, there):
    forks.append(parallel._can_fork())
    return real_at_once(here, there)

real_at_once, parallel.at_once, parallel.AT_LEAST = parallel.at_once, counted, 2
drafting.draft = misplaced
try:
    draft_folder(folder)
except DatasetError as e:
    print(str(e).replace(str(folder), "FOLDER"))
print(forks, (folder / "draft.yaml").read_bytes() == before)
"""


def test_a_long_draft_is_checked_in_a_second_process_and_never_written_when_wrong(tmp_path: Path) -> None:
    """A long thread's draft is checked while its text is written, in a forked process:
    a claim whose quote is not at its place still stops it, with the line of the draft
    it would have written, and the draft written before stays."""
    out = subprocess.run([sys.executable, "-c", _CHECKED, str(SOURCE), str(tmp_path / "t")],
                         capture_output=True, text=True, check=True)
    error, forked = out.stdout.split("\n")[-3:-1]
    assert error.startswith("FOLDER/draft.yaml: the new draft failed its own check (claims[0]"), out.stdout + out.stderr
    assert forked == "[True] True", out.stdout + out.stderr


_ORDER = """
import os
import tempfile
import threading
import time
from conceptgraph.draft.parallel import halves, in_halves

print(in_halves(sorted, [4, 3, 2, 1], at_least=10))  # short: one part, here
print(in_halves(sorted, [4, 3, 2, 1], at_least=2))
stop = threading.Event()
other = threading.Thread(target=stop.wait)
other.start()
print(in_halves(sorted, [4, 3, 2, 1], at_least=2))  # never forked while another thread runs
stop.set()
other.join()
here = os.getpid()

def killed_elsewhere(items):
    if os.getpid() != here:
        os._exit(9)  # as the kernel's out-of-memory killer would end it
    return sorted(items)

print(in_halves(killed_elsewhere, [4, 3, 2, 1], at_least=2))  # the lost half is read here
asked = os.path.join(tempfile.mkdtemp(), "asked")

def waits_for_the_first(items):
    if os.getpid() != here:  # the other half is done only once the first has been handed over
        for _ in range(200):
            if os.path.exists(asked):
                return sorted(items)
            time.sleep(0.05)
        return "late"
    return sorted(items)

parts = halves(waits_for_the_first, [4, 3, 2, 1], at_least=2)
print(next(parts))
open(asked, "w").close()
print(next(parts))
"""


def test_halves_come_back_in_order_and_only_where_forking_is_safe() -> None:
    out = subprocess.run([sys.executable, "-c", _ORDER], capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[:6] == ["[[1, 2, 3, 4]]", "[[3, 4], [1, 2]]", "[[1, 2, 3, 4]]", "[[3, 4], [1, 2]]",
                                        "[3, 4]", "[1, 2]"], out.stderr


def test_a_name_two_people_answer_to_means_the_one_who_has_spoken() -> None:
    """"What Matt said" before the second Matt speaks agrees with the first; once both
    have spoken, the name alone says neither (the message replied to is answered)."""
    from conceptgraph.model import Source

    people = tuple(Contributor(i, name, "commenter", ()) for i, name in (
        ("mg", "Matt Gabriele"), ("cy", "Cy"), ("bo", "Bo"), ("m", "Matt"), ("di", "Di")))
    said = [("mg", "Rhetoric appeals to feeling."), ("cy", "Logic matters more here."), ("bo", "What Matt said."),
            ("m", "Rhetoric also persuades."), ("cy", "What Matt said.")]
    ds = Dataset(Source("t"), contributors=people,
                 messages=tuple(Message(f"m{i}", by, f"comment {i}", t) for i, (by, t) in enumerate(said)))
    stances = [(r.source, r.target) for r in draft(ds).relations if r.kind == "agrees_with"]
    assert ("bo", "mg") in stances and ("cy", "mg") not in stances


def test_a_first_name_with_an_initial_tells_two_people_of_that_name_apart() -> None:
    """"+1 to Alex K." and "I agree with A. Kim" mean Alex Kim, not the other Alex who
    spoke last; as the command line's lookups read them too."""
    from conceptgraph.model import Source

    people = tuple(Contributor(i, name, "commenter", ()) for i, name in (
        ("ak", "Alex Kim"), ("am", "Alex Moreau"), ("pr", "Priya Raman"), ("dl", "Dana Lee")))
    said = [("ak", "An incident is anything customers notice."), ("am", "An outage is when the service is down."),
            ("pr", "+1 to Alex K., that is how we use it."), ("dl", "I agree with A. Kim on this.")]
    ds = Dataset(Source("t"), contributors=people,
                 messages=tuple(Message(f"m{i}", by, f"comment {i}", t) for i, (by, t) in enumerate(said)))
    stances = {(r.source, r.target) for r in draft(ds).relations if r.kind == "agrees_with"}
    assert stances == {("pr", "ak"), ("dl", "ak")}
    from conceptgraph.graph import build_graph
    from conceptgraph.names import resolve

    G = build_graph(ds)
    assert [resolve(G, n) for n in ("Alex K", "Alex K.", "A. Kim", "Alex M")] == ["ak", "ak", "ak", "am"]


def test_an_emoji_written_by_its_name_is_no_term_but_a_thumb_still_agrees() -> None:
    """Slack and GitHub write emoji as ":sweat_smile:": no term, no word of a claim;
    ":+1:" and ":thumbsup:" still agree."""
    from conceptgraph.model import Source

    said = [("a", "An incident is anything customers notice :sweat_smile: and an outage is worse."),
            ("b", "I think an outage is when the service is down :sweat_smile:"),
            ("a", "Sure, an incident is wider than an outage :thinking_face:"),
            ("c", "Incident and outage are different things :sweat_smile: honestly."),
            ("b", ":+1:")]
    ds = Dataset(Source("t"), contributors=tuple(Contributor(p, p.upper(), "author", ()) for p in "abc"),
                 messages=tuple(Message(f"m{i}", w, f"comment {i}", t) for i, (w, t) in enumerate(said)))
    out = draft(ds)
    labels = [t.label for t in out.terms] + [a.label for a in out.attributes]
    assert not [x for x in labels if "smile" in x or "thinking" in x], labels
    assert ("b", "c") in {(r.source, r.target) for r in out.relations if r.kind == "agrees_with"}


def test_words_quoted_from_another_draft_no_relation_for_the_quoter() -> None:
    """"I'd push back on "every refugee is a migrant"": the inclusion is the one quoted,
    not the quoter's; the one who said it keeps theirs."""
    from conceptgraph.model import Source

    said = [("ann", "Every refugee is a migrant, legally speaking."),
            ("bo", "I would push back on \"every refugee is a migrant\". A refugee is protected by law.")]
    ds = Dataset(Source("t"), contributors=(_ANN, _BO),
                 messages=tuple(Message(f"m{i}", by, f"comment {i}", t) for i, (by, t) in enumerate(said)))
    includes = {r.by for r in draft(ds, terms=["refugee", "migrant"]).relations if r.kind == "includes"}
    assert includes == {"ann"}


def test_a_listener_following_a_spoken_turn_agrees_with_no_one(tmp_path: Path) -> None:
    """In a meeting's transcript "Okay." or "Right. Okay." said and nothing else shows the
    listener follows; an agreement needs words of its own ("I agree with Ana")."""
    path = tmp_path / "meeting.vtt"
    turns = [("Ana Ruiz", "A workshop is participatory, training is one-way."), ("Ben Cole", "Okay."),
             ("Ana Ruiz", "And a workshop produces something."), ("Ben Cole", "Right. Okay."),
             ("Cara Diaz", "Mm-hmm."), ("Dev Patel", "I agree with Ana, a workshop is participatory.")]
    path.write_text("WEBVTT\n\n" + "".join(f"{i}\n00:00:{i:02d}.000 --> 00:00:{i:02d}.900\n<v {who}>{text}\n\n"
                                           for i, (who, text) in enumerate(turns, 1)), encoding="utf-8")
    ds, _ = read_discussion([path])
    assert all(m.where.startswith("turn ") for m in ds.messages)
    by = {c.id: c.name for c in ds.contributors}
    assert [(by[r.source], r.kind, by[r.target]) for r in draft(ds).relations if r.kind in ("agrees_with", "disputes")] \
        == [("Dev Patel", "agrees_with", "Ana Ruiz")]


def test_a_draft_that_would_not_be_valid_is_never_written_and_says_so(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Should drafting ever make a draft that is not a valid dataset (two claims of one id,
    say), the error says it is the new draft's fault, not a line of the file on disk, and
    the earlier draft stays as it was."""
    import conceptgraph.decisions as decisions

    folder = tmp_path / "d"
    (tmp_path / "t.txt").write_text("Ann: What is the difference between a workshop and a training?\n"
                                    "Sam: A training transfers known content, a workshop produces something new.\n",
                                    encoding="utf-8")
    assert run("import", str(tmp_path / "t.txt"), "-o", str(folder), "--draft", "-q").exit_code == 0
    assert len(load_dataset(folder).claims) == 2
    earlier = (folder / DRAFT_FILE).read_bytes()
    named = decisions.named_by_review_ids

    def one_id(*args, **kwargs):  # a fault of the drafter's: every claim given one id
        ds = named(*args, **kwargs)
        return replace(ds, claims=tuple(replace(c, id="c-same") for c in ds.claims))

    monkeypatch.setattr(decisions, "named_by_review_ids", one_id)
    r = CliRunner().invoke(cli, ["draft", str(folder)])
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert f"{folder / DRAFT_FILE}: the new draft failed its own check (claims[1].id: duplicate claim id 'c-same', " \
           "at line" in r.output and "nothing written, the earlier draft is kept" in r.output, r.output
    assert (folder / DRAFT_FILE).read_bytes() == earlier


def test_a_bare_agreement_with_one_who_agreed_with_another_agrees_with_both_on_that_only(tmp_path: Path) -> None:
    """"Makes sense." under "I agree with Sam on the workshop" agrees with Priya, and with
    Sam too, but only on what Priya agreed with him about (a facilitator's trial had it
    about all of Sam's claims)."""
    path = tmp_path / "t.txt"
    path.write_text("Sam: A workshop produces something new. A chair is a facilitator with authority.\n"
                    "Priya: I agree with Sam on the workshop. A training has a curriculum.\n"
                    "Chen: Makes sense.\n", encoding="utf-8")
    drafted = draft(read_discussion([path])[0], terms=["workshop", "training", "chair"])
    claims = {c.id: c.term for c in drafted.claims}
    stated = {(r.source, r.target): r for r in drafted.relations if r.kind == "agrees_with"}
    assert set(stated) == {("priya", "sam"), ("chen", "priya"), ("chen", "sam")}
    assert {claims[c] for c in stated[("priya", "sam")].concerns} == {"workshop"}
    assert stated[("chen", "sam")].concerns == stated[("priya", "sam")].concerns
    assert stated[("chen", "sam")].confidence == of("stance", "chained")


@pytest.mark.parametrize(("said", "disputes"), [
    ("Chairing we still disagree on. 🙂", False),  # where the group stands, told
    ("We disagree about the name.", False),
    ("We disagree.", True), ("I disagree on this point.", True), ("We disagree with Ann on chairing.", True),
])
def test_we_disagree_on_x_tells_where_the_group_stands(said: str, disputes: bool) -> None:
    assert bool(stances(said, name_index([("ann", "Ann Lee")]), replied_author="bo")) == disputes


@pytest.mark.parametrize("sentence", [
    'I\'d mark down any answer that says a mentor is "a boss in disguise".',
    "People who say a mentor is a boss are wrong.",
    # someone's view, reported: theirs, not the writer's (a trial's "Her argument is that ..."
    # was drafted as the writer's claim)
    "Her argument is that a mentor is a kind of boss.", "Ann's point was that a mentor is a boss.",
    "According to Ann, a mentor is a boss.", "Ann thinks a mentor is a boss.",
])
def test_what_an_answer_or_people_say_is_reported_no_claim_of_the_writer(sentence: str) -> None:
    out, labels = _drafted(sentence, terms="mentor")
    assert [(labels[c.attribute], c.negated) for c in out.claims] == []


@pytest.mark.parametrize("sentence", ["We forecast the rest.", "You can forecast it weekly.", "I never forecast sales."])
def test_a_term_used_as_a_verb_gives_no_broad_claim(sentence: str) -> None:
    """After a subject or a modal the name is a verb ("We forecast the rest."): the broad
    rule, which says that a sentence names a term, had drafted "forecast: rest"."""
    out, labels = _drafted(sentence, terms="forecast")
    assert [labels[c.attribute] for c in out.claims] == []


def test_a_researchers_telegram_stances(tmp_path: Path) -> None:
    """From a researcher's trial: "Fair, but ... @priya_n can we ..." disputes the message
    replied to, not Priya (the "@" had not ended the sentence before it, and the dispute
    went to her at the top confidence); "This." under Hannah's message agrees with her
    only, not with whom her later message agreed; "Mags" is Margaret; "Thanks all, mark
    scheme updated" takes no side."""
    from conceptgraph.draft.stances import leaning

    who = name_index([("priya", "Priya Nair"), ("ben", "Ben Carter"), ("mags", "Margaret Hollis")])
    from conceptgraph.draft.text import sentences

    said = "Fair, but the oceans are not on the spec. @priya_n can we keep the average?"
    assert [text for *_, text in sentences(said)] == ["Fair, but the oceans are not on the spec.",
                                                      "@priya_n can we keep the average?"]
    assert [[(s.kind, s.target) for s in stances(text, who, replied_author="ben")] for *_, text in sentences(said)] \
        == [[("disputes", "ben")], []]
    assert [(s.kind, s.target) for s in stances("I disagree with Mags.", who, replied_author="ben")] == \
        [("disputes", "mags")]
    assert leaning("Thanks all, mark scheme updated 📝") is None
    path = tmp_path / "chat.json"
    msgs = [("m1", "Priya", "", "What do you accept as the difference between weather and climate?"),
            ("m2", "Hannah", "m1", "Climate is the whole distribution, not the average."),
            ("m3", "Jo", "m1", "Climate is not a forecast."),
            ("m4", "Hannah", "m3", "Exactly."),
            ("m5", "Ben", "m2", "This.")]
    path.write_text(json.dumps({"name": "Geography", "type": "private_supergroup", "id": 1, "messages": [
        {"id": i + 1, "type": "message", "date": f"2024-01-1{i}T10:00:00", "from": by, "from_id": f"user{by}",
         "text": text, **({"reply_to_message_id": int(to[1:])} if to else {})}
        for i, (_, by, to, text) in enumerate(msgs)]}), encoding="utf-8")
    ds, _ = read_discussion([path])
    names = {c.id: c.name for c in ds.contributors}
    agreed = {(names[r.source], names[r.target]) for r in draft(ds, terms=["climate"]).relations
              if r.kind == "agrees_with"}
    assert ("Ben", "Hannah") in agreed and ("Ben", "Jo") not in agreed, agreed


def test_a_second_verb_after_and_keeps_its_own_be() -> None:
    """"can be tested once and still be a hypothesis": the second half says "can still be a
    hypothesis", not "can be still be a hypothesis" (a trial's label)."""
    out, labels = _drafted("A mentor can be tested once and still be a mentor.", terms="mentor")
    assert [labels[c.attribute] for c in out.claims] == ["can be tested", "can still be a mentor"]


def test_a_stance_under_a_quote_of_another_than_the_one_answered_is_towards_whose_words_they_are(tmp_path: Path) -> None:
    """A reply to the opening post that quotes a later answer's words (a Stack Exchange
    blockquote names no one): "Agreed" under them agrees with whoever wrote them, found
    word for word among the messages before; "No" under the opening post's own words
    disputes its author (a trial's agreement had gone to the asker, at 0.69)."""
    posts = [(1, "hana", None, "<p>A law is just a theory with better evidence, I think.</p>"),
             (2, "thornton", 1, "<p>A law describes what happens; a theory explains why it happens.</p>"),
             (3, "omar", 1, "<blockquote><p>A law describes what happens; a theory explains why it happens.</p>"
                            "</blockquote><p>Agreed, that is the clearest way to put it.</p>"
                            "<blockquote><p>A law is just a theory with better evidence, I think.</p></blockquote>"
                            "<p>No, that is a common mix-up.</p>")]
    topic = {"id": 7, "title": "Law or theory?", "slug": "s", "post_stream": {"posts": [
        {"id": n, "name": who, "username": who, "post_number": n, "post_type": 1, "user_id": n + 1,
         "created_at": f"2024-05-01T1{n}:00:00.000Z", "cooked": html, **({"reply_to_post_number": to} if to else {})}
        for n, who, to, html in posts]}}
    path = tmp_path / "topic.json"
    path.write_text(json.dumps(topic))
    ds, _ = read_discussion([path])
    out = draft(ds, terms=["law", "theory"])
    stances = {(r.kind, r.source, r.target) for r in out.relations if r.kind in ("agrees_with", "disputes")}
    assert ("agrees_with", "omar", "thornton") in stances and ("disputes", "omar", "hana") in stances, stances
    assert ("agrees_with", "omar", "hana") not in stances


@pytest.mark.parametrize("sentence, agrees", [
    ("That's the practical distinction, I think, behind Jim Benson's perceptive phrasing.", True),
    ("Jim Benson's excellent summary says it all.", True),
    ("It's a good point, though.", False),  # no one named
])
def test_praise_of_what_someone_said_agrees_with_them(sentence: str, agrees: bool) -> None:
    """Praise of what a person said, by their name ("Jim Benson's perceptive phrasing"),
    agrees with that person, though the sentence answers another (the bundled thread's
    development gold had it; the draft had none)."""
    people = (Contributor("jim", "Jim Benson", "commenter", ("comment 1",)),
              Contributor("ana", "Ana", "commenter", ("comment 2",)),
              Contributor("bart", "Bart", "commenter", ("comment 3",)))
    ds = Dataset(Source("t"), contributors=people, messages=(
        Message("m1", "jim", "comment 1", "A team cooperates."),
        Message("m2", "ana", "comment 2", "A group meets.", reply_to="m1"),
        Message("m3", "bart", "comment 3", sentence, reply_to="m2")))
    out = draft(ds, terms=["team", "group"])
    with_jim = [r for r in out.relations if r.kind == "agrees_with" and r.target == "jim"]
    assert bool(with_jim) == agrees, [(r.kind, r.target, r.rule) for r in out.relations]


def test_a_stance_under_part_of_a_quoted_sentence_is_about_what_that_part_says() -> None:
    """Kofi quotes only "it causes measurable harm" of Dmitri's sentence and pushes back:
    the dispute is about the harm, not also about "non-native", read from the same
    sentence (a trial's draft had both; nobody disputed "non-native"; trial 13)."""
    from conceptgraph.model import Source

    said = "An invasive species is non-native, and it causes measurable harm."
    msgs = (Message("m1", "dmitri", "post 1", said),
            Message("m2", "kofi", "post 2", "No, I'd push back a little on the harm part.", reply_to="m1",
                    quotes=("it causes measurable harm",), quoted_at=(0,)))
    ds = Dataset(Source("t"), contributors=(Contributor("dmitri", "Dmitri", "author"),
                                            Contributor("kofi", "Kofi", "commenter")), messages=msgs)
    drafted = draft(ds, terms=["invasive species"])
    label = {a.id: a.label for a in drafted.attributes}
    [dispute] = [r for r in drafted.relations if r.kind == "disputes"]
    assert [label[c.attribute] for c in drafted.claims if c.id in dispute.concerns] == ["causes measurable harm"]
