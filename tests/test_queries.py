"""Queries as library functions, on a small dataset and on the bundled discussion."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conceptgraph import AmbiguousName, NodeNotFound, UsageError, build_graph, load_graph, parse_dataset
from conceptgraph.cli import cli
from conceptgraph.names import normalise, resolve, search
from conceptgraph.queries import (
    clusters,
    compare,
    consensus,
    contributors,
    describe_edge,
    given_way,
    neighbors,
    path,
    rank,
    who,
    why,
)


@pytest.fixture
def G(mini: Path):
    return load_graph(mini)


@pytest.fixture(scope="module")
def B():
    return load_graph()


# --- names ----------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["cooperation", "Cooperation", "co-operation", "CO OPERATE", "cooperate!", "cooperated"])
def test_names_resolve_through_aliases_and_inflections(G, typed: str) -> None:
    assert resolve(G, typed) == "cooperation"


@pytest.mark.parametrize(("typed", "node"), [("bugs", "bug"), ("grades", "grade"), ("failures", "failure"),
                                              ("tickets", "ticket")])
def test_a_plural_names_a_short_word_and_one_that_ends_in_e(typed: str, node: str) -> None:
    """"bugs" is "bug" (too short for the suffix rule), "grades" "grade" (its "e" is no suffix)."""
    G = build_graph(parse_dataset("terms: [{id: bug}, {id: grade}, {id: failure}, {id: ticket}]"))
    assert resolve(G, typed) == node


@pytest.mark.parametrize(("typed", "node"), [("preserve", "preserves"), ("bug", "bugs"), ("grade", "grades")])
def test_a_singular_names_a_term_kept_in_the_plural(typed: str, node: str) -> None:
    G = build_graph(parse_dataset("terms: [{id: preserves}, {id: bugs}, {id: grades}]"))
    assert resolve(G, typed) == node


def test_a_contributor_by_the_nickname_their_name_quotes() -> None:
    G = build_graph(parse_dataset("contributors: [{id: t-oreilly, name: 'Tom \"TJ\" O''Reilly', role: commenter}]"))
    assert resolve(G, "TJ") == resolve(G, "tj") == "t-oreilly"


# a name written twice ("李明 (Li Ming)") is shortened as each: "Li" is its family name in Latin letters
@pytest.mark.parametrize("typed", ["María José", "Maria Jose", "jose nunez", "Li Ming", "Li", "Ming", "李明"])
def test_a_contributor_by_words_that_follow_one_another_in_their_name(typed: str) -> None:
    G = build_graph(parse_dataset("contributors: [{id: mj, name: María José Núñez, role: commenter}, "
                                  "{id: lm, name: 李明 (Li Ming), role: commenter}, {id: jn, name: Jose, role: commenter}]"))
    assert resolve(G, typed) == ("lm" if typed in ("Li Ming", "Li", "Ming", "李明") else "mj")
    with pytest.raises(NodeNotFound):
        resolve(G, "José María")  # in their order only


def test_a_message_is_named_by_its_id_never_taken_for_a_name_like_it() -> None:
    """"comment-3" is the message comment 3, as any id names its node: not the deleted
    commenter whose stand-in name is "unnamed (reply 2 to comment 3)", nor nothing."""
    G = build_graph(parse_dataset(
        "contributors: [{id: ann, name: Ann, role: author}, "
        "{id: unnamed-reply-2-to-comment-3, name: unnamed (reply 2 to comment 3), role: commenter}]\n"
        "messages: [{id: post, by: ann, where: post, text: Hi.}, {id: comment-3, by: ann, where: comment 3, "
        "text: Yes., reply_to: post}, {id: comment-7, by: unnamed-reply-2-to-comment-3, where: comment 7, "
        "text: No., reply_to: comment-3}]"))
    assert resolve(G, "comment-3") == resolve(G, "message:comment-3") == "comment-3"
    assert resolve(G, "comment-7") == "comment-7" and resolve(G, "post") == "post"
    assert resolve(G, "comment-3", "contributor") == "unnamed-reply-2-to-comment-3"  # asked for a person: the name


def test_who_says_where_someone_spoke_when_the_data_gives_no_place_but_their_messages() -> None:
    from conceptgraph.queries import who

    G = build_graph(parse_dataset("""
source: {title: t}
contributors: [{id: ann, name: Ann, role: author}, {id: bo, name: Bo, role: commenter}]
messages:
  - {id: m1, by: ann, where: post, text: A stage is a phase.}
  - {id: m2, by: bo, where: comment 1, text: Agreed., reply_to: m1}
  - {id: m3, by: bo, where: comment 2, text: Mostly.}
"""))
    assert who(G, "Bo")["contributor"]["where"] == ["comment 1", "comment 2"]


def test_contributor_by_name_or_id(G) -> None:
    assert resolve(G, "Bart") == resolve(G, "bart") == "bart"


def test_a_hyphenated_first_name_is_found_by_its_first_part() -> None:
    """"Shu" is Shu-yu Guo, as the drafter reads "I agree with Shu"."""
    G = build_graph(parse_dataset("contributors: [{id: sg, name: Shu-yu Guo, role: commenter, where: comment 1}, "
                                  "{id: uk, name: Uwe Kleine-König, role: commenter, where: comment 2}]"))
    assert resolve(G, "Shu") == "sg" and resolve(G, "kleine") == "uk"


def test_a_login_is_found_by_its_parts() -> None:
    G = build_graph(parse_dataset("contributors: [{id: mk, name: mira-k, role: author, where: post}, "
                                  "{id: ln, name: luke-naismith, role: commenter, where: comment 1}]"))
    assert resolve(G, "mira") == "mk" and resolve(G, "naismith") == "ln"


def test_unknown_name_suggests(G) -> None:
    with pytest.raises(NodeNotFound, match=r"no node named 'colaboration' \(did you mean 'collaboration'"):
        resolve(G, "colaboration")


def test_a_name_spelled_close_to_an_accented_one_suggests_it() -> None:
    G = build_graph(parse_dataset("contributors: [{id: z, name: Zoë Ångström, role: commenter}, "
                                  "{id: b, name: Bo Chen, role: commenter}]"))
    with pytest.raises(NodeNotFound, match=r"\(did you mean 'Zoë Ångström'\?\)"):
        resolve(G, "Zoey", "contributor")


def test_ambiguous_name_lists_candidates() -> None:
    G = build_graph(parse_dataset("terms: [{id: a, label: same}, {id: b, label: Same}]"))
    with pytest.raises(AmbiguousName, match=r"'same' names several nodes: 'same' \(term a\), 'Same' \(term b\); give an id"):
        resolve(G, "same")


def test_an_id_wins_over_a_label_but_says_so() -> None:
    from conceptgraph import ConceptGraphWarning

    G = build_graph(parse_dataset("terms: [{id: trust, label: reliance}, {id: t2, label: Trust}, {id: faith}]"))
    with pytest.warns(ConceptGraphWarning, match=r"'trust' is the id of 'reliance' \(term trust\); also called so: "
                      r"'Trust' \(term t2\) \(give its id\)"):
        assert resolve(G, "trust") == "trust"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert resolve(G, "faith") == "faith" and resolve(G, "t2") == "t2"  # nothing else is called so


def test_a_term_and_an_attribute_of_one_name_take_no_warning() -> None:
    """A draft often has both ("a guild is a team" makes an attribute "team" beside the
    term): the id names the term, and the attribute is not of its kind."""
    G = build_graph(parse_dataset("terms: [{id: team}, {id: guild}]\nattributes: [{id: team-2, label: team}]"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert resolve(G, "team") == "team"


def test_an_attribute_id_that_a_term_is_called_by_is_ambiguous_and_each_is_named_with_its_kind() -> None:
    """A term added after the draft made an attribute "Error" (id ``error``) gets the id
    ``error-2``: "error" named the attribute, silently, where the user meant the term."""
    G = build_graph(parse_dataset("terms: [{id: error-2, label: error}, {id: defect}]\n"
                                  "attributes: [{id: error, label: Error}]"))
    with pytest.raises(AmbiguousName, match=r"'error' names several nodes: 'Error' \(attribute error\), 'error' "
                                            r"\(term error-2\); give an id, with its kind if need be: attribute:error, "
                                            r"term:error-2$"):
        resolve(G, "error")
    assert resolve(G, "term:error") == "error-2" and resolve(G, "attribute:error") == "error"
    assert resolve(G, "Term: error-2") == "error-2" and resolve(G, "error", kind="attribute") == "error"
    assert resolve(G, "defect") == "defect"
    with pytest.raises(NodeNotFound):
        resolve(G, "contributor:error")
    # a label that opens so is looked for as written, when the kind's node is not found
    G = build_graph(parse_dataset("terms: [{id: t1, label: 'term: a note'}]"))
    assert resolve(G, "term: a note") == "t1"


def test_a_name_typed_without_its_accents_is_found() -> None:
    G = build_graph(parse_dataset('contributors: [{id: sob, name: "Siobhán O\'Brien", role: author, where: post},'
                                  ' {id: lw, name: "Łukasz Þórsdóttir", role: commenter, where: comment 1}]\n'
                                  "terms: [{id: cv, label: résumé}, {id: c1, label: Café}]"))
    assert resolve(G, "Siobhan") == "sob" and resolve(G, "resume") == "cv" and resolve(G, "cafe") == "c1"
    assert resolve(G, "Lukasz") == "lw" and resolve(G, "Thorsdottir") == "lw"  # letters with no accent to leave off


def test_empty_name_is_refused(G) -> None:
    with pytest.raises(NodeNotFound, match="names no node"):
        resolve(G, " - ")


def test_search_ranks_exact_then_prefix_then_substring(B) -> None:
    hits = search(B, "co-operation")
    assert hits[0]["id"] == "cooperation" and hits[0]["score"] == 3
    assert [h["id"] for h in search(B, "stake", kind="attribute")] == ["shared-stake", "separate-stakes"]
    assert search(B, "zzzz") == [] and search(B, "!!") == []


def test_of_names_with_a_word_starting_so_the_one_that_starts_so_comes_first() -> None:
    G = build_graph(parse_dataset("terms: [{id: pc, label: political climate}, {id: gc, label: global climate}, "
                                  "{id: c, label: climate}]\n"))
    assert [h["id"] for h in search(G, "climat")] == ["c", "pc", "gc"]


def test_a_hit_shows_the_label_it_matched_where_its_id_matches_as_well() -> None:
    """"sam" matches Sam Okoro's id and label alike: what it matched is said by the name
    a reader knows (a trial's search showed "sam-okoro")."""
    G = build_graph(parse_dataset("terms: [{id: sam-okoro, label: Sam Okoro}]\n"))
    assert [h["matched"] for h in search(G, "sam")] == ["Sam Okoro"]


def test_search_inside_a_word_never_crosses_a_hyphen_or_space(B) -> None:
    assert [h["id"] for h in search(B, "ken")] == ["ken"]  # not lu-ke-naismith
    assert "cooperation" in [h["id"] for h in search(B, "operat")]  # inside "co-operation"'s "operation"


def test_normalise_keeps_non_latin_letters() -> None:
    assert normalise("Coopération–Ü") == "coopérationü"


# --- neighbours and paths -------------------------------------------------------


def test_neighbors_in_both_directions_with_relation_and_distance(G) -> None:
    rows = neighbors(G, "passive")
    assert [(r["id"], r["relations"], r["direction"], r["distance"]) for r in rows] == [
        ("collaboration", ["claim"], "in", 1),
        ("cooperation", ["claim"], "in", 1),
        ("active", ["opposes"], "out", 1),
        ("bart", ["asserts"], "in", 1),
        ("cy", ["asserts"], "in", 1),
    ]


def test_neighbors_depth_kind_and_relation_filters(G) -> None:
    two = neighbors(G, "bart", depth=2)
    assert {r["id"]: r["distance"] for r in two}["cooperation"] == 2
    assert [r["id"] for r in neighbors(G, "bart", depth=2, kind="term")] == ["collaboration", "cooperation"]
    assert [r["id"] for r in neighbors(G, "passive", relation="opposes")] == ["active"]


def test_neighbors_of_an_isolated_node_is_empty() -> None:
    G = build_graph(parse_dataset("terms: [{id: alone}]"))
    assert neighbors(G, "alone") == []


def test_path_explains_each_step(G) -> None:
    r = path(G, "ann", "active")
    assert [n["id"] for n in r["nodes"]] == ["ann", "together", "collaboration", "active"]
    step = r["steps"][0]
    assert step["edges"][0]["speaker"] == "Ann" and step["edges"][0]["quote"] == "both work together"
    assert "quote" not in path(G, "ann", "active", quotes=False)["steps"][0]["edges"][0]


def test_a_path_goes_through_what_was_said_before_what_was_only_named() -> None:
    """Ann named both terms, which links them in two steps; what she claimed links them in
    three, and that is the path that explains something. Mentions alone still join."""
    G = build_graph(parse_dataset("""
contributors: [{id: ann, name: Ann, role: commenter}]
terms: [{id: weather}, {id: climate}, {id: lonely}]
attributes: [{id: daily, label: daily}, {id: slow, label: slow}]
claims:
- {term: weather, attribute: daily, by: ann, quote: "Weather is daily", where: post}
- {term: climate, attribute: slow, by: ann, quote: "Climate is slow", where: post}
relations:
- {kind: opposes, source: daily, target: slow, by: ann, quote: "daily, not slow", where: post}
- {kind: mentions, source: ann, target: weather, by: ann, quote: "weather", where: post, status: draft}
- {kind: mentions, source: ann, target: climate, by: ann, quote: "climate", where: post, status: draft}
- {kind: mentions, source: ann, target: lonely, by: ann, quote: "lonely", where: post, status: draft}
"""))
    assert [n["id"] for n in path(G, "weather", "climate")["nodes"]] == ["weather", "daily", "slow", "climate"]
    assert [n["id"] for n in path(G, "weather", "lonely")["nodes"]] == ["weather", "ann", "lonely"]


def test_no_path_is_an_empty_answer() -> None:
    G = build_graph(parse_dataset("terms: [{id: a}, {id: b}]"))
    assert path(G, "a", "b") == {"nodes": [], "steps": []}


def test_why_lists_every_edge_between_two_nodes(G) -> None:
    edges = why(G, "cooperation", "collaboration")
    assert [(e["kind"], e["speaker"], e["quote"], e["where"]) for e in edges] == [
        ("contrasts_with", "Ann", "they differ", "post")
    ]
    assert [e["text"] for e in why(G, "cy", "collaboration")] == [
        "collaboration: working together", "collaboration: may not be passive"
    ]
    assert why(G, "ann", "active") == []


# --- compare --------------------------------------------------------------------


def test_compare_sorts_attributes_into_only_shared_and_contrasts(G) -> None:
    r = compare(G, "cooperation", "collaboration")
    assert [(i["attribute"], i["supporters"]) for i in r["only_a"]] == [("passive", ["Bart"])]
    assert r["only_a"][0]["denied_for_b"] == ["Cy"]
    assert [(i["attribute"], i["supporters"]) for i in r["only_b"]] == [("active", ["Bart"])]
    assert [(i["attribute"], i["supporters_a"], i["supporters_b"]) for i in r["shared"]] == [
        ("together", ["Ann"], ["Cy"])
    ]
    # said of one and denied of the other is a distinction too: Bart says cooperation may be passive, Cy denies it
    # of collaboration
    assert [(c["attribute"], c["opposite"], c["supporters"], c.get("denied")) for c in r["contrasts"]] == [
        ("passive", "passive", ["Bart", "Cy"], "b"), ("passive", "active", ["Bart"], None)]
    assert (r["contrasts"][0]["supporters_a"], r["contrasts"][0]["supporters_b"]) == (["Bart"], ["Cy"])
    flipped = compare(G, "collaboration", "cooperation")["contrasts"]
    assert [(c["attribute"], c.get("denied"), c["supporters_a"]) for c in flipped][:1] == [("passive", "a", ["Cy"])]
    assert [d["label"] for d in r["denied"]] == ["may be passive"]
    assert [e["kind"] for e in r["relations"]] == ["contrasts_with"]
    assert r["spoke_of_both"] == ["Ann", "Bart"]  # Ann stated how the two relate: she spoke of both
    both = compare(load_graph(), "cooperation", "collaboration")["spoke_of_both"]
    assert len(both) > 3 and both == sorted(both, key=str.casefold)  # in an order a reader can find a name in
    assert "quotes" not in r["shared"][0]
    assert compare(G, "cooperation", "collaboration", quotes=True)["shared"][0]["quotes"][1]["quote"] == "we work together"


def test_compare_needs_terms(G) -> None:
    with pytest.raises(NodeNotFound, match="'Bart' is a contributor; compare needs a term"):
        compare(G, "bart", "cooperation")


def test_compare_takes_the_term_a_name_shares_with_an_attribute(write) -> None:
    """"collaborate" names a term (an alias) and, said of cooperation ("is to collaborate"),
    an attribute: compare and consensus, which take only terms, take the term."""
    from conftest import MINI

    mini = MINI.replace("  - {id: together, label: working together}",
                        "  - {id: together, label: working together}\n  - {id: collab-attr, label: collaborate}")
    mini = mini.replace("relations:", "  - {term: cooperation, attribute: collab-attr, by: ann, quote: is to collaborate}\n"
                        "relations:")
    G = load_graph(write(mini))
    with pytest.raises(AmbiguousName):
        resolve(G, "collaborate")  # where any kind will do, both are named
    assert compare(G, "cooperation", "collaborate")["b"]["id"] == "collaboration"
    assert consensus(G, "collaborate") is not None


def test_compare_answers_the_post(B) -> None:
    r = compare(B, "cooperation", "collaboration")
    pairs = {(c["attribute"], c["opposite"]): c["supporters"] for c in r["contrasts"]}
    assert pairs[("passive", "active")] == ["Bart Stewart"]
    assert pairs[("separate-stakes", "shared-stake")] == ["todd"]
    assert pairs[("serves-each-partys-needs", "creates-something-together")] == ["Mary Alice Arthur", "Patti Anklam"]
    assert len(pairs) >= 15
    shared = {i["attribute"]: i for i in r["shared"]}
    assert shared["uses-technology"]["supporters_a"] == ["Matt Moore"]
    assert {"includes", "overlaps_with", "contrasts_with"} <= {e["kind"] for e in r["relations"]}


# --- people, consensus, ranking -------------------------------------------------


def test_who_lists_claims_and_stances(G) -> None:
    r = who(G, "Cy")
    assert r["contributor"]["where"] == ["comment 2", "comment 3"]
    assert [(c["term"], c["attribute"], c["negated"]) for c in r["claims"]] == [
        ("collaboration", "together", False), ("collaboration", "passive", True)
    ]
    assert [p["id"] for p in r["agrees_with"]] == ["bart"]
    assert [p["id"] for p in who(G, "bart")["agreed_by"]] == ["cy"]


def test_op_is_whoever_opened_the_thread_unless_someone_goes_by_it(B) -> None:
    assert who(B, "OP")["contributor"]["name"] == "Shawn Callahan"
    H = B.copy()
    H.add_node("op", kind="contributor", label="OP", role="commenter")
    assert who(H, "OP")["contributor"]["id"] == "op"


def test_who_needs_a_contributor(G) -> None:
    with pytest.raises(NodeNotFound):
        who(G, "cooperation")


def test_contributors_counts_claims(B) -> None:
    rows = {r["id"]: r for r in contributors(B)}
    assert len(rows) == 17
    assert rows["ken"]["claims"] == 39 and rows["ken"]["where"] == ["comment 3", "comment 4"]
    assert rows["ken"]["messages"] == 2 and sum(r["messages"] for r in rows.values()) == 18
    assert rows["jack-hooper"]["claims"] == 0 and rows["jack-hooper"]["relations"] == 1


def test_consensus_ranks_support_and_finds_disputes(G) -> None:
    r = consensus(G)
    assert r["agreed"][0]["count"] == 1
    together = [i for i in r["agreed"] if i["attribute"] == "together"]
    assert {i["term"] for i in together} == {"cooperation", "collaboration"}
    passive = [i for i in r["agreed"] if i["attribute"] == "passive"][0]
    assert passive["endorsed_by"] == ["Cy"]
    assert [d["type"] for d in r["disputed"]] == []  # cooperation's 'passive' is denied only of collaboration
    assert [(g["from"], g["to"]) for g in r["agreements"]] == [("Cy", "Bart")]


def test_one_who_disputes_a_point_does_not_endorse_it(write) -> None:
    """Cy agrees with Bart ("I concede the history") and disputes his 'may be passive':
    that point is not endorsed by Cy, the others Cy agreed with still are."""
    from conftest import MINI

    G = load_graph(write(MINI.replace(
        "  - {kind: agrees_with, source: cy, target: bart, by: cy, where: comment 2, quote: like Bart}",
        "  - {kind: agrees_with, source: cy, target: bart, by: cy, where: comment 2, quote: like Bart}\n"
        "  - {kind: disputes, source: cy, target: bart, by: cy, where: comment 2, quote: not passive, concerns: [passive]}")))
    endorsed = {(i["term"], i["attribute"]): i["endorsed_by"] for i in consensus(G)["agreed"]}
    assert endorsed[("cooperation", "passive")] == []
    assert endorsed[("collaboration", "active")] == ["Cy"]


_MIND = """
source: {title: t}
contributors:
  - {id: ngozi, name: Ngozi, role: commenter}
  - {id: tobias, name: Tobias, role: commenter}
messages:
  - {id: m1, by: ngozi, where: post 1, text: Consensus is no voting rule.}
  - {id: m2, by: tobias, where: post 2, text: I disagree with Ngozi., reply_to: m1}
  - {id: m3, by: tobias, where: post 3, text: I take that back. Ngozi is right., reply_to: m1}
terms: [{id: consensus}]
attributes: [{id: voting-rule, label: voting rule}]
claims:
  - {id: c1, term: consensus, attribute: voting-rule, negated: true, by: ngozi, quote: Consensus is no voting rule.}
relations:
  - {kind: disputes, source: tobias, target: ngozi, by: tobias, quote: I disagree with Ngozi., concerns: [c1]}
  - {kind: agrees_with, source: tobias, target: ngozi, by: tobias, quote: Ngozi is right., concerns: [c1]}
"""


@pytest.mark.parametrize("first, then, endorsed", [
    ("I disagree with Ngozi.", "Ngozi is right.", ["Tobias"]),
    ("Ngozi is right.", "I disagree with Ngozi.", []),
], ids=["disputed, then agreed", "agreed, then disputed"])
def test_a_change_of_mind_counts_as_the_latest_stance(write, first: str, then: str, endorsed: list[str]) -> None:
    """Tobias disputes Ngozi's point, then takes it back and agrees: he endorses it now
    (a trial's consensus never counted him, even with the agreement scoped to the point
    by hand); the dispute is listed with where he agreed later. The other way round, the
    later dispute stands: no endorsement."""
    text = _MIND.replace("text: I disagree with Ngozi., reply_to", f"text: {first}, reply_to") \
        .replace("text: I take that back. Ngozi is right., reply_to", f"text: I take that back. {then}, reply_to")
    G = build_graph(parse_dataset(text))
    r = consensus(G)
    [point] = [i for i in r["agreed"] if i["label"] == "voting rule"]
    assert point["supporters"] == ["Ngozi"] and point["endorsed_by"] == endorsed
    [dispute] = [d for d in r["disputed"] if d["type"] == "contributors"]
    assert dispute.get("later_agrees") == ("post 3" if endorsed else None)
    shown = CliRunner().invoke(cli, ["--data", write(text), "consensus"]).output
    assert ("Tobias disputes Ngozi" in shown) and (("(agrees later: post 3)" in shown) == bool(endorsed)), shown


def test_consensus_of_a_term_lists_the_stances_about_it_only() -> None:
    """A stance about everything its target said belongs to a term's consensus only when
    the target had said something of that term by then; the speaker's own words on it do
    not bring it in."""
    G = build_graph(parse_dataset("""
source: {title: t}
terms: [{id: stage}, {id: column}]
attributes: [{id: long}, {id: wide}]
contributors:
  - {id: ann, name: Ann, role: commenter, where: comment 1}
  - {id: bo, name: Bo, role: commenter, where: comment 2}
  - {id: cy, name: Cy, role: commenter, where: comment 3}
messages:
  - {id: m1, by: ann, where: comment 1, text: A stage is long.}
  - {id: m2, by: bo, where: comment 2, text: I agree with Ann. A column is wide.}
  - {id: m3, by: cy, where: comment 3, text: I disagree with Bo.}
  - {id: m4, by: bo, where: comment 4, text: A stage is wide too.}
claims:
  - {id: c1, term: stage, attribute: long, by: ann, quote: A stage is long., where: comment 1, message: m1}
  - {id: c2, term: column, attribute: wide, by: bo, quote: A column is wide., where: comment 2, message: m2}
  - {id: c3, term: stage, attribute: wide, by: bo, quote: A stage is wide too., where: comment 4, message: m4}
relations:
  - {id: r1, kind: agrees_with, source: bo, target: ann, by: bo, quote: I agree with Ann., where: comment 2,
     message: m2}
  - {id: r2, kind: disputes, source: cy, target: bo, by: cy, quote: I disagree with Bo., where: comment 3,
     message: m3}
"""))
    stage = consensus(G, "stage")
    assert [(a["from"], a["to"]) for a in stage["agreements"]] == [("Bo", "Ann")]
    # Cy disputed Bo before Bo said anything of stage: not a dispute about stage
    assert not [d for d in stage["disputed"] if d["type"] == "contributors"]
    column = consensus(G, "column")
    assert [(d["from"], d["to"]) for d in column["disputed"] if d["type"] == "contributors"] == [("Cy", "Bo")]
    assert column["agreements"] == []  # Bo spoke of column, but agreed with what Ann said of stage


_ABOUT_EVERYTHING = """
source: {title: t}
terms: [{id: sick-out}, {id: walkout}]
attributes: [{id: unofficial}, {id: sudden}]
contributors:
  - {id: dev, name: Dev, role: commenter}
  - {id: dana, name: Dana, role: commenter}
messages:
  - {id: m1, by: dev, where: post 1, text: A sick-out is unofficial. A walkout is sudden.}
  - {id: m2, by: dana, where: post 2, text: "No, a walkout is planned.", reply_to: m1}
claims:
  - {id: c1, term: sick-out, attribute: unofficial, by: dev, quote: A sick-out is unofficial., message: m1}
  - {id: c2, term: walkout, attribute: sudden, by: dev, quote: A walkout is sudden., message: m1}
relations:
  - {id: r1, kind: disputes, source: dana, target: dev, by: dana, quote: "No,", message: m2}
"""


@pytest.mark.parametrize("named", [True, False])
def test_consensus_of_a_term_leaves_out_a_stance_about_everything_whose_words_name_another(named: bool) -> None:
    """Dana disputes Dev, naming no point, in words that name walkout only ("No, a walkout
    is planned."): the dispute is listed under walkout, not under sick-out, though Dev had
    spoken of both (a trial's consensus sick-out listed it). Without the draft's record of
    what her words name, it stays under both, as before."""
    mention = "  - {id: r2, kind: mentions, source: dana, target: walkout, by: dana, quote: a walkout, message: m2}\n"
    text = _ABOUT_EVERYTHING + (mention if named else "")
    G = build_graph(parse_dataset(text))
    disputes = {t: [(d["from"], d["to"]) for d in consensus(G, t)["disputed"] if d["type"] == "contributors"]
                for t in ("sick-out", "walkout")}
    assert disputes == {"sick-out": [] if named else [("Dana", "Dev")], "walkout": [("Dana", "Dev")]}


def test_consensus_of_a_term_reads_first_what_a_stance_concerns_of_it() -> None:
    """A dispute over claims on two terms lists, in a term's consensus, its claims on that
    term first (a trial's "consensus mentoring" read coaching claims first); all are kept."""
    G = build_graph(parse_dataset("""
source: {title: t}
terms: [{id: stage}, {id: column}]
attributes: [{id: long}, {id: wide}]
contributors:
  - {id: ann, name: Ann, role: commenter, where: comment 1}
  - {id: bo, name: Bo, role: commenter, where: comment 2}
messages:
  - {id: m1, by: ann, where: comment 1, text: A column is wide. A stage is long.}
  - {id: m2, by: bo, where: comment 2, text: No.}
claims:
  - {id: c1, term: column, attribute: wide, by: ann, quote: A column is wide., where: comment 1, message: m1}
  - {id: c2, term: stage, attribute: long, by: ann, quote: A stage is long., where: comment 1, message: m1}
relations:
  - {id: r1, kind: disputes, source: bo, target: ann, by: bo, quote: No., where: comment 2, message: m2,
     concerns: [c1, c2]}
"""))
    [stage] = [d for d in consensus(G, "stage")["disputed"] if d["type"] == "contributors"]
    assert stage["concerns"] == ["c2", "c1"] and stage["concerns_labels"] == ["stage: long", "column: wide"]
    [column] = [d for d in consensus(G, "column")["disputed"] if d["type"] == "contributors"]
    assert column["concerns"] == ["c1", "c2"]
    [whole] = [d for d in consensus(G)["disputed"] if d["type"] == "contributors"]
    assert whole["concerns"] == ["c1", "c2"]  # no term asked about: as the stance has them


def test_the_curated_graph_has_no_attribute_floating_without_its_drafted_claims() -> None:
    """An attribute accepted while its claim is still a draft says nothing on its own: the
    curated graph leaves it out, as it leaves the claim; one with a curated claim stays."""
    from conceptgraph.queries import without_drafts

    G = build_graph(parse_dataset("""
source: {title: t}
terms: [{id: stage}]
attributes: [{id: early}, {id: late}]
contributors: [{id: ann, name: Ann, role: commenter}]
claims:
  - {id: c1, term: stage, attribute: early, by: ann, quote: q, where: post, status: draft}
  - {id: c2, term: stage, attribute: late, by: ann, quote: q, where: post}
"""))
    H = without_drafts(G)
    assert "early" not in H and "late" in H and "stage" in H


def test_a_curated_link_comes_before_a_drafted_one_to_the_same_neighbour() -> None:
    G = build_graph(parse_dataset("""
source: {title: t}
terms: [{id: stage}, {id: phase}]
contributors: [{id: ann, name: Ann, role: commenter, where: comment 1}]
messages: [{id: m1, by: ann, where: comment 1, text: A stage is a phase.}]
relations:
  - {id: r1, kind: overlaps_with, source: stage, target: phase, by: ann, quote: A stage is a phase., where: comment 1,
     message: m1, status: draft}
  - {id: r2, kind: similar_to, source: stage, target: phase, by: ann, quote: A stage is a phase., where: comment 1,
     message: m1}
"""))
    [row] = [r for r in neighbors(G, "stage") if r["id"] == "phase"]
    assert row["relation"] == "similar_to" and row["relations"] == ["similar_to", "overlaps_with"]
    assert row["drafted_relations"] == ["overlaps_with"] and "status" not in row


def test_consensus_on_the_bundled_discussion(B) -> None:
    r = consensus(B)
    top = r["agreed"][0]
    assert top["count"] == 2
    assert {d["type"] for d in r["disputed"]} == {"contributors"}  # the bundled data asserts no opposed pair of one term
    tech = [d for d in r["disputed"] if d["type"] == "contributors" and d["from"] == "Matt Moore"][0]
    assert tech["concerns"] == ["luke-never-hears-of-cooperative-technology"]
    assert tech["concerns_labels"] == ["technologies of cooperation: never heard of"]
    only_coord = consensus(B, "coordination")
    assert {i["term"] for i in only_coord["agreed"]} == {"coordination"} and only_coord["agreements"] == []
    # a dispute scoped to a claim about another term is not one about this term
    for term in ("collaboration", "cooperation"):
        assert tech not in consensus(B, term)["disputed"]
    assert tech in consensus(B, "technologies-of-cooperation")["disputed"]
    # an agreement about an attribute is about the terms its target said it of
    wilful = [a for a in consensus(B)["agreements"] if a["concerns_labels"] == ["wilful and focused"]]
    assert len(wilful) == 1
    assert wilful[0] in consensus(B, "collaboration")["agreements"]
    assert wilful[0] not in consensus(B, "cooperation")["agreements"]


def test_an_agreement_never_endorses_what_its_target_said_later() -> None:
    """"I agree with Ann" endorses what Ann had said, not what she says after it."""
    from conceptgraph.model import Attribute, Claim, Contributor, Dataset, Message, Relation, Source, Term

    text = ("Soup is hot.", "I agree with Ann.", "Soup is cheap.")
    ds = Dataset(Source("t"), terms=(Term("soup", "soup"),),
                 attributes=(Attribute("hot", "hot"), Attribute("cheap", "cheap")),
                 contributors=(Contributor("ann", "Ann", "author"), Contributor("bo", "Bo", "commenter")),
                 messages=(Message("m1", "ann", "post", text[0]), Message("m2", "bo", "comment 1", text[1]),
                           Message("m3", "ann", "comment 2", text[2])),
                 claims=(Claim("c1", "soup", "hot", "ann", text[0], "post", message="m1", span=(0, 12)),
                         Claim("c2", "soup", "cheap", "ann", text[2], "comment 2", message="m3", span=(0, 14))),
                 relations=(Relation("r1", "agrees_with", "bo", "ann", "bo", text[1], "comment 1", message="m2",
                                     span=(0, 17)),))
    endorsed = {i["attribute"]: i["endorsed_by"] for i in consensus(build_graph(ds))["agreed"]}
    assert endorsed == {"hot": ["Bo"], "cheap": []}


def test_an_agreement_about_a_message_endorses_its_target_s_claims_there_only() -> None:
    """A stance may name a message of its target's (review writes one so when the claims
    it was about were all rejected): it is about their claims there, and with none kept
    there about nothing, neither everything they said nor any term (a trial's reviewed
    agreement about rejected claims had endorsed all else its target said, and made its
    speaker give way on a dispute about another term)."""
    from conceptgraph.model import Attribute, Claim, Contributor, Dataset, Message, Relation, Source, Term

    text = ("Soup is hot.", "Soup is cheap.", "Soup is a meal.", "No, soup is a starter.", "I agree with Ann on that.")
    messages = tuple(Message(f"m{i}", by, where, t) for i, (by, where, t) in enumerate(
        zip(("ann", "ann", "bo", "ann", "bo"), ("post", "comment 1", "comment 2", "comment 3", "comment 4"), text), 1))

    def endorsed(*concerns: str, said: tuple[str, ...] = ("c1", "c2")) -> tuple[dict[str, list[str]], Any]:
        claims = (Claim("c1", "soup", "hot", "ann", text[0], "post", message="m1", span=(0, 12)),
                  Claim("c2", "soup", "cheap", "ann", text[1], "comment 1", message="m2", span=(0, 14)),
                  Claim("c3", "soup", "meal", "bo", text[2], "comment 2", message="m3", span=(0, 15)),
                  Claim("c4", "soup", "starter", "ann", text[3], "comment 3", message="m4", span=(4, 22)))
        ds = Dataset(Source("t"), terms=(Term("soup", "soup"),),
                     attributes=tuple(Attribute(a, a) for a in ("hot", "cheap", "meal", "starter")),
                     contributors=(Contributor("ann", "Ann", "author"), Contributor("bo", "Bo", "commenter")),
                     messages=messages, claims=tuple(c for c in claims if c.id in (*said, "c3")),
                     relations=(Relation("r0", "disputes", "ann", "bo", "ann", text[3], "comment 3", message="m4",
                                         span=(0, 22), concerns=("c3",)),
                                Relation("r1", "agrees_with", "bo", "ann", "bo", text[4], "comment 4", message="m5",
                                         span=(0, 25), concerns=concerns)))
        G = build_graph(ds)
        return {i["attribute"]: i["endorsed_by"] for i in consensus(G)["agreed"]}, G

    found, G = endorsed("m1")
    assert found == {"hot": ["Bo"], "cheap": [], "meal": []}
    assert consensus(G)["agreements"][0]["concerns_labels"] == ["what Ann said in post"]
    assert given_way(G) == ({}, {})  # agreeing on another point than the one Ann disputed
    found, G = endorsed("m4", said=("c1", "c4"))  # on what she said as she disputed his soup: he gives way
    assert found == {"hot": [], "starter": ["Bo"], "meal": []} and given_way(G)[0] == {"c3": "comment 4"}
    found, G = endorsed("m1", said=("c2",))  # the claim there rejected: about nothing kept
    assert found == {"cheap": [], "meal": []}
    assert given_way(G) == ({}, {}) and consensus(G, "soup")["agreements"] == []
    assert describe_edge(G, "bo", "ann", "r1", G["bo"]["ann"]["r1"])["concerns_labels"] == ["what Ann said in post"]


def test_an_agreement_in_one_thread_endorses_nothing_said_in_another() -> None:
    """Threads imported together are kept apart: "Agreed with Ann." in a chat endorses
    nothing Ann said in the meeting's transcript (a trial's consensus had one who was never
    at the meeting endorse what was said there); in its own thread it does."""
    from conceptgraph.model import Attribute, Claim, Contributor, Dataset, Message, Relation, Source, Term

    text = ("Soup is hot.", "Soup is cheap.", "Agreed with Ann.")
    ds = Dataset(Source("t"), terms=(Term("soup", "soup"),),
                 attributes=(Attribute("hot", "hot"), Attribute("cheap", "cheap")),
                 contributors=(Contributor("ann", "Ann", "commenter"), Contributor("bo", "Bo", "commenter")),
                 messages=(Message("m1", "ann", "“Meeting” › turn 1", text[0]),
                           Message("m2", "ann", "“Chat” › turn 1", text[1]),
                           Message("m3", "bo", "“Chat” › turn 2", text[2])),
                 claims=(Claim("c1", "soup", "hot", "ann", text[0], "“Meeting” › turn 1", message="m1", span=(0, 12)),
                         Claim("c2", "soup", "cheap", "ann", text[1], "“Chat” › turn 1", message="m2", span=(0, 14))),
                 relations=(Relation("r1", "agrees_with", "bo", "ann", "bo", text[2], "“Chat” › turn 2", message="m3",
                                     span=(0, 16)),))
    endorsed = {i["attribute"]: i["endorsed_by"] for i in consensus(build_graph(ds))["agreed"]}
    assert endorsed == {"hot": [], "cheap": ["Bo"]}


def test_agreeing_with_a_denial_endorses_no_assertion() -> None:
    """Ann said soup is hot, then that it is not; Bo agrees with the second: he endorses
    no "soup is hot"."""
    from conceptgraph.model import Attribute, Claim, Contributor, Dataset, Message, Relation, Source, Term

    text = ("Soup is hot.", "Soup is not hot, I was wrong.", "Agreed, Ann.")
    ds = Dataset(Source("t"), terms=(Term("soup", "soup"),), attributes=(Attribute("hot", "hot"),),
                 contributors=(Contributor("ann", "Ann", "author"), Contributor("bo", "Bo", "commenter")),
                 messages=(Message("m1", "ann", "post", text[0]), Message("m2", "ann", "comment 1", text[1]),
                           Message("m3", "bo", "comment 2", text[2])),
                 claims=(Claim("c1", "soup", "hot", "ann", text[0], "post", message="m1", span=(0, 12)),
                         Claim("c2", "soup", "hot", "ann", text[1], "comment 1", negated=True, message="m2",
                               span=(0, 16))),
                 relations=(Relation("r1", "agrees_with", "bo", "ann", "bo", text[2], "comment 2", message="m3",
                                     span=(0, 12), concerns=("c2",)),))
    hot, not_hot = sorted(consensus(build_graph(ds))["agreed"], key=lambda i: i.get("denied", False))
    assert hot["supporters"] == ["Ann"] and hot["endorsed_by"] == [] and "denied" not in hot
    # the denial is a point of its own, and it is the one Bo endorses
    assert not_hot["denied"] is True and not_hot["supporters"] == ["Ann"] and not_hot["endorsed_by"] == ["Bo"]


def test_a_point_people_share_by_denying_it_is_agreed() -> None:
    """Three people who each say a contributor needs no merged PR agree on it, as much as
    three who say it does: `consensus` ranks the denial with its supporters, and says it
    as a denial (a trial's strongest agreement had been missing from the list)."""
    from conceptgraph.model import Attribute, Claim, Contributor, Dataset, Message, Source, Term

    said = "A contributor does not need a merged PR."
    people = ("ann", "bo", "cy")
    ds = Dataset(Source("t"), terms=(Term("contributor", "contributor"),),
                 attributes=(Attribute("merged-pr", "needs a merged PR"), Attribute("helps", "anyone who helps")),
                 contributors=tuple(Contributor(p, p.title(), "commenter") for p in people),
                 messages=tuple(Message(f"m{i}", p, f"comment {i}", said) for i, p in enumerate(people)),
                 claims=(*(Claim(f"c{i}", "contributor", "merged-pr", p, said, f"comment {i}", negated=True)
                           for i, p in enumerate(people)),
                         Claim("c9", "contributor", "helps", "ann", said, "comment 0", inferred=True)))
    from conceptgraph.output import consensus_text

    answer = consensus(build_graph(ds))
    top = answer["agreed"][0]
    assert (top["attribute"], top["count"], top.get("denied")) == ("merged-pr", 3, True)
    assert "3  contributor  does not need a merged PR  Ann, Bo, Cy" in consensus_text(answer)  # type: ignore[arg-type]


def test_an_agreement_endorses_only_the_point_it_concerns(B) -> None:
    endorsed = {(i["term"], i["attribute"]): i["endorsed_by"] for i in consensus(B)["agreed"]}
    jims = {(t, a) for (t, a), _ in endorsed.items()
            if "Jim Benson" in next(i["supporters"] for i in consensus(B)["agreed"] if (i["term"], i["attribute"]) == (t, a))}
    by_whom = {k: endorsed[k] for k in jims if endorsed[k]}
    assert by_whom == {("collaboration", "wilful-and-focused"): ["unnamed commenter (comment 2)"],
                       ("cooperation", "cheaper"): ["Bart Stewart"], ("collaboration", "costlier"): ["Bart Stewart"]}
    # an agreement that names nothing endorses all its target said: jack hooper and Mary Alice Arthur
    assert all("jack hooper" in endorsed[("cooperation", a)] for a in ("working-together", "serves-each-partys-needs"))


def test_opposed_attributes_asserted_of_one_term_are_a_dispute(write) -> None:
    G = load_graph(write(
        "terms: [{id: t}]\nattributes: [{id: x}, {id: y}]\n"
        "contributors: [{id: p, name: P, role: commenter, where: c1}, {id: q, name: Q, role: commenter, where: c2}]\n"
        "claims: [{term: t, attribute: x, by: p, quote: a}, {term: t, attribute: y, by: q, quote: b}]\n"
        "relations: [{kind: opposes, source: x, target: y}]\n"
    ))
    [d] = consensus(G)["disputed"]
    assert (d["type"], d["asserted_by"], d["opposite_asserted_by"]) == ("opposed_attributes", ["P"], ["Q"])


def test_rank_by_degree_and_betweenness(B) -> None:
    assert [r["id"] for r in rank(B, kind="term", limit=2)] == ["cooperation", "collaboration"]
    assert "comment-3" not in {r["id"] for r in rank(B, limit=1000)}  # messages are not concepts
    top = rank(B, by="betweenness", kind="term", limit=3)
    assert {r["id"] for r in top[:2]} == {"cooperation", "collaboration"} and all(r["kind"] == "term" for r in top)
    with pytest.raises(UsageError):
        rank(B, by="pagerank")


def test_clusters_are_deterministic_and_cover_every_node(B) -> None:
    a, b = clusters(B), clusters(B)
    assert a == b
    assert sum(c["size"] for c in a) == sum(1 for _, k in B.nodes(data="kind") if k != "message")
    social = [c for c in a if "social atomism" in c["terms"]][0]
    assert "communitarianism" in social["terms"]


def test_path_is_as_short_as_networkx_finds(tmp_path: Path) -> None:
    import importlib.util
    import random

    import networkx as nx

    from conftest import ROOT

    spec = importlib.util.spec_from_file_location("gen", ROOT / "bench" / "generate.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    (tmp_path / "g.yaml").write_text(gen.generate(600, 900, seed=5), encoding="utf-8")
    G = load_graph(tmp_path / "g.yaml")
    U = G.to_undirected(as_view=True)
    rng = random.Random(0)
    nodes = list(G)
    for _ in range(40):
        a, b = rng.choice(nodes), rng.choice(nodes)
        try:
            expected = nx.shortest_path_length(U, a, b)
        except nx.NetworkXNoPath:
            assert path(G, a, b)["nodes"] == []
            continue
        found = [n["id"] for n in path(G, a, b)["nodes"]]
        assert len(found) - 1 == expected and found[0] == a and found[-1] == b
        assert all(U.has_edge(x, y) for x, y in zip(found, found[1:]))


def test_a_login_is_found_by_any_word_of_it() -> None:
    """"who Okafor" finds M_Okafor_PhD, "who nadia" the_real_nadia: a login's words are
    its names, not its first and last alone (nor initials of them)."""
    from conceptgraph.names import resolve

    G = build_graph(parse_dataset("contributors: [{id: mo, name: M_Okafor_PhD, role: author}, "
                                  "{id: nr, name: the_real_nadia, role: commenter}, {id: ki, name: kestrel_ink, "
                                  "role: commenter}]\n"))
    assert [resolve(G, n) for n in ("Okafor", "okafor", "PhD", "nadia", "real", "kestrel")] == \
        ["mo", "mo", "mo", "nr", "nr", "ki"]
    with pytest.raises(NodeNotFound):
        resolve(G, "kink")  # no initials of a login


def test_a_path_step_says_what_was_said_of_the_two_before_the_context(drafted: Path) -> None:
    """In each step of a path, the links someone asserted (a contrast, a claim) come
    before the context ones (named together, named by): a drafted thread has both."""
    from conceptgraph.kinds import CONTEXT_RELATIONS, TERM

    G = load_graph(drafted)
    terms = sorted(n for n, k in G.nodes(data="kind") if k == TERM)
    mixed = 0
    for a in terms:
        for b in terms:
            if a < b:
                for step in path(G, a, b)["steps"]:
                    context = [e["kind"] in CONTEXT_RELATIONS for e in step["edges"]]
                    assert context == sorted(context), (a, b, step)
                    mixed += len(set(context)) == 2
    assert mixed


def test_a_point_asserted_as_not_x_and_one_denying_x_are_one() -> None:
    """"A theory is not just a guess" (the attribute "not just a guess") and "a theory is
    NOT just a guess" (the attribute "just a guess", denied) say one thing: one row with
    both supporters, and whoever agreed with the denial endorses it (a teacher's trial
    saw two rows of one supporter each)."""
    from conceptgraph.model import Attribute, Claim, Contributor, Dataset, Relation, Source, Term

    ds = Dataset(Source("t"), terms=(Term("theory", "theory"),),
                 attributes=(Attribute("guess", "just a guess"), Attribute("not-guess", "not just a guess"),
                             Attribute("nothing", "nothing more")),
                 contributors=tuple(Contributor(i, i.title(), "commenter") for i in ("maria", "tom", "priya")),
                 claims=(Claim("c1", "theory", "guess", "maria", "", "", negated=True),
                         Claim("c2", "theory", "not-guess", "tom", "", ""),
                         Claim("c3", "theory", "nothing", "priya", "", "")),
                 relations=(Relation("r1", "agrees_with", "priya", "maria", concerns=("c1",)),))
    agreed = consensus(build_graph(ds))["agreed"]
    row = next(a for a in agreed if a["label"] == "not just a guess")
    assert row["supporters"] == ["Tom", "Maria"] and row["count"] == 2 and row["endorsed_by"] == ["Priya"]
    assert [a["label"] for a in agreed].count("just a guess") == 0 and len(agreed) == 2


_GIVEN_WAY = """
source: {title: t}
contributors:
  - {id: bo, name: Bo, role: commenter}
  - {id: cy, name: Cy, role: commenter}
messages:
  - {id: m1, by: bo, where: post 1, text: Churn is any drop in revenue. Contraction is a downgrade.}
  - {id: m2, by: cy, where: post 2, text: I disagree with Bo. Churn is a cancelled subscription., reply_to: m1}
  - {id: m3, by: bo, where: post 3, text: "OK, I take that back. Cy is right.", reply_to: m2}
terms: [{id: churn}, {id: contraction}]
attributes: [{id: drop, label: any drop in revenue}, {id: cancelled, label: cancelled subscription},
             {id: downgrade, label: a downgrade}]
claims:
  - {id: c1, term: churn, attribute: drop, by: bo, quote: Churn is any drop in revenue.}
  - {id: c2, term: contraction, attribute: downgrade, by: bo, quote: Contraction is a downgrade.}
  - {id: c3, term: churn, attribute: cancelled, by: cy, quote: Churn is a cancelled subscription.}
relations:
  - {kind: disputes, source: cy, target: bo, by: cy, quote: I disagree with Bo., concerns: [c1]}
  - {kind: agrees_with, source: bo, target: cy, by: bo, quote: Cy is right., concerns: [c3]}
"""


def test_a_claim_its_speaker_took_back_is_said_so_where_it_is_listed(write) -> None:
    """Bo says churn is any drop in revenue; Cy disputes it; Bo gives way ("OK, I take
    that back. Cy is right."). compare and consensus still list what Bo said, marked as
    taken back and where (a trial's compare showed it unmarked); what the dispute was not
    about (contraction) stands; the dispute says Bo gave way."""
    G = build_graph(parse_dataset(_GIVEN_WAY))
    r = compare(G, "churn", "contraction")
    [drop] = [i for i in r["only_a"] if i["label"] == "any drop in revenue"]
    assert drop["taken_back"] == [{"speaker": "Bo", "where": "post 3"}] and drop["supporters"] == ["Bo"]
    assert all("taken_back" not in i for i in r["only_b"])
    [dispute] = [d for d in consensus(G)["disputed"] if d["type"] == "contributors"]
    assert dispute["gives_way"] == "post 3" and "later_agrees" not in dispute
    data = write(_GIVEN_WAY)
    shown = CliRunner().invoke(cli, ["--data", data, "compare", "churn", "contraction"]).output
    assert "any drop in revenue     Bo  [taken back by Bo, post 3]" in shown, shown
    shown = CliRunner().invoke(cli, ["--data", data, "consensus"]).output
    assert "Bo (taken back by Bo, post 3)" in shown and "Cy disputes Bo" in shown and "(Bo gives way: post 3)" in shown, shown


_WON = """
source: {title: t}
contributors:
  - {id: leonie, name: Leonie, role: commenter}
  - {id: samuel, name: Samuel, role: commenter}
messages:
  - {id: m1, by: leonie, where: message 1, text: Degradation is still an incident.}
  - {id: m2, by: samuel, where: message 2, text: "No. Degradation is no incident. Outage needs no total loss."}
  - {id: m3, by: samuel, where: message 3, text: "I take that back, Leonie is right."}
  - {id: m4, by: leonie, where: message 4, text: Agreed with Samuel.}
terms: [{id: degradation}, {id: outage}]
attributes: [{id: incident, label: an incident}, {id: total, label: total loss}]
claims:
  - {id: c1, term: degradation, attribute: incident, by: leonie, quote: Degradation is still an incident.}
  - {id: c2, term: outage, attribute: total, negated: true, by: samuel, quote: Outage needs no total loss.}
relations:
  - {kind: disputes, source: samuel, target: leonie, by: samuel, quote: No., concerns: [c1]}
  - {kind: agrees_with, source: samuel, target: leonie, by: samuel, quote: Leonie is right., concerns: [c1]}
  - {kind: agrees_with, source: leonie, target: samuel, by: leonie, quote: Agreed with Samuel., concerns: [c2]}
"""


@pytest.mark.parametrize("gave_way_first", [True, False])
def test_the_one_who_won_a_dispute_took_nothing_back(gave_way_first: bool) -> None:
    """Samuel disputes Leonie, then gives way; Leonie later agrees with him on another
    term: she took nothing back (a trial's compare marked her claims "taken back by
    Leonie"). Without his giving way, her agreement on another term still concedes
    nothing of the one disputed."""
    text = _WON if gave_way_first else _WON.replace(
        "  - {kind: agrees_with, source: samuel, target: leonie, by: samuel, quote: Leonie is right., concerns: [c1]}\n", "")
    G = build_graph(parse_dataset(text))
    [incident] = [i for i in compare(G, "degradation", "outage")["only_a"] if i["label"] == "an incident"]
    assert "taken_back" not in incident
    [dispute] = [d for d in consensus(G)["disputed"] if d["type"] == "contributors"]
    assert dispute.get("gives_way") is None
    assert dispute.get("later_agrees") == ("message 3" if gave_way_first else None)


def test_fair_but_in_one_message_is_no_giving_way() -> None:
    """"Fair, but churn is still a cancelled subscription.": one message that agrees with
    and disputes the one who had disputed Bo grants a point and keeps arguing. Bo took
    nothing back, and the dispute is not said to be given way (a trial's consensus had
    the same message both dispute and give way)."""
    text = _GIVEN_WAY.replace('text: "OK, I take that back. Cy is right."',
                              'text: "Fair, but a drop in revenue is churn. Cy is right on one thing."').replace(
        "  - {kind: agrees_with, source: bo, target: cy, by: bo, quote: Cy is right., concerns: [c3]}",
        "  - {kind: agrees_with, source: bo, target: cy, by: bo, quote: Fair, where: post 3, concerns: [c3]}\n"
        "  - {kind: disputes, source: bo, target: cy, by: bo, quote: a drop in revenue is churn., where: post 3}")
    G = build_graph(parse_dataset(text))
    [drop] = [i for i in compare(G, "churn", "contraction")["only_a"] if i["label"] == "any drop in revenue"]
    assert "taken_back" not in drop
    disputes = [d for d in consensus(G)["disputed"] if d["type"] == "contributors"]
    assert disputes and all(d.get("gives_way") is None for d in disputes)


_TWO_POINTS = """
source: {title: Taken back too much}
terms: [{id: soup}, {id: stew}]
attributes: [{id: hot, label: hot}, {id: salty, label: salty}, {id: thick, label: thick}]
contributors:
  - {id: ann, name: Ann, role: author}
  - {id: bo, name: Bo, role: commenter}
messages:
  - {id: m1, by: ann, where: post, text: "Soup is hot. Soup is salty. Stew is thick."}
  - {id: m2, by: bo, where: comment 1, reply_to: m1, text: "No, soup is not hot."}
  - {id: m3, by: bo, where: comment 2, reply_to: m1, text: "And soup is not salty either."}
  - {id: m4, by: ann, where: comment 3, reply_to: m2, text: "Fine, Bo is right that soup is not hot."}
claims:
  - {id: ann-hot, term: soup, attribute: hot, by: ann, quote: "Soup is hot."}
  - {id: ann-salty, term: soup, attribute: salty, by: ann, quote: "Soup is salty."}
  - {id: ann-thick, term: stew, attribute: thick, by: ann, quote: "Stew is thick."}
  - {id: bo-not-hot, term: soup, attribute: hot, negated: true, by: bo, quote: "soup is not hot"}
  - {id: bo-not-salty, term: soup, attribute: salty, negated: true, by: bo, quote: "soup is not salty"}
relations:
  - {kind: disputes, source: bo, target: ann, concerns: [ann-hot], quote: "No, soup is not hot."}
  - {kind: disputes, source: bo, target: ann, concerns: [ann-salty], quote: "And soup is not salty either."}
  - {kind: agrees_with, source: ann, target: bo, concerns: [bo-not-hot], quote: "Fine, Bo is right that soup is not hot."}
"""


@pytest.mark.parametrize("about", ["[bo-not-hot]", "[hot]", "[m2]"])
def test_agreeing_on_one_point_takes_back_that_point_only(about: str) -> None:
    """Bo disputes Ann's "soup: hot" in one message and her "soup: salty" in another; Ann
    agrees with him only that soup is not hot (the claim, its attribute, or his message):
    she took back "hot", and gave way on that dispute, not on "salty", though of the same
    term (a trial's compare had both taken back)."""
    from conceptgraph.queries import given_way

    G = build_graph(parse_dataset(_TWO_POINTS.replace("concerns: [bo-not-hot]", f"concerns: {about}")))
    back, gave = given_way(G)
    assert back == {"ann-hot": "comment 3"}, back
    assert list(gave.values()) == ["comment 3"] and [m for _, _, m in gave] == ["m2"], gave
    only = {i["label"]: i for i in compare(G, "soup", "stew")["only_a"]}
    assert "taken_back" in only["hot"] and "taken_back" not in only["salty"], only


@pytest.mark.parametrize("text", [_GIVEN_WAY, _WON])
def test_what_was_taken_back_is_the_same_read_through_the_speakers_own_links(text: str) -> None:
    """compare reads what was taken back through its speakers' own links, not every link
    of a big graph: for those speakers, the same as a reading of the whole graph."""
    from conceptgraph.queries import given_way

    for G in (build_graph(parse_dataset(text)), load_graph()):
        back, gave = given_way(G)
        people = {d.get("speaker") for *_, d in G.edges(keys=True, data=True) if d.get("kind") == "claim"}
        for some in (people, set(list(people)[:1])):
            mine = {k for *_, k, d in G.edges(keys=True, data=True) if d.get("kind") == "claim" and d.get("speaker") in some}
            assert given_way(G, some)[0] == {k: w for k, w in back.items() if k in mine}
        assert given_way(G, people)[1] == gave


def test_who_marks_what_its_person_took_back() -> None:
    """who lists a claim its speaker gave way on as compare does, with where (a trial's
    who had shown it unmarked, the opposite picture of compare's); the text says so."""
    from conceptgraph.answers import ANSWERS, conforms
    from conceptgraph.output import who_text

    G = build_graph(parse_dataset(_GIVEN_WAY))
    answer = who(G, "Bo")
    assert conforms(answer, ANSWERS["who"]) == []
    back = {c["label"]: c.get("taken_back") for c in answer["claims"]}
    assert back == {"any drop in revenue": "post 3", "a downgrade": None}
    assert "churn: any drop in revenue  [taken back, post 3]" in who_text(answer)


_CHANGED_MIND = """
source: {title: t}
contributors:
  - {id: liam, name: Liam, role: commenter}
  - {id: rosa, name: Rosa, role: commenter}
messages:
  - {id: m1, by: liam, where: post 1, text: "Isn't naturalized just a polite word for invasive?"}
  - {id: m2, by: rosa, where: post 2, text: "No, it is not the same.", reply_to: m1}
  - {id: m3, by: liam, where: post 3, text: "I take that back: naturalized and invasive are not the same.", reply_to: m2}
terms: [{id: naturalized}, {id: invasive}]
relations:
  - {id: r1, kind: similar_to, source: naturalized, target: invasive, by: liam,
     quote: "Isn't naturalized just a polite word for invasive?"}
  - {id: r2, kind: contrasts_with, source: naturalized, target: invasive, by: liam,
     quote: "naturalized and invasive are not the same."}
"""


@pytest.mark.parametrize("how", ["said the opposite", "gave way", "another said the opposite", "dispute about another message"])
def test_a_relation_its_speaker_took_back_is_said_so_where_it_is_listed(how: str) -> None:
    """Liam asks whether naturalized is just a polite word for invasive, then says they
    are not the same: compare, who and why mark the likeness taken back, and where (a
    trial's compare, who and page listed it with no note). Giving way to a dispute of
    everything he had said takes it back too; another's contrary relation, or a dispute
    about another message of his, does not."""
    from conceptgraph.output import compare_text, who_text

    text = _CHANGED_MIND
    if how != "said the opposite":  # no contrary relation of his own: only a stance can take it back
        text = text.replace("  - {id: r2, kind: contrasts_with, source: naturalized, target: invasive, by: liam,",
                            "  - {id: r2, kind: contrasts_with, source: naturalized, target: invasive, by: rosa,")
    if how in ("gave way", "dispute about another message"):
        text += ("  - {kind: disputes, source: rosa, target: liam, quote: \"No, it is not the same.\"%s}\n"
                 "  - {kind: agrees_with, source: liam, target: rosa, quote: I take that back}\n"
                 % (", concerns: [m0]" if how == "dispute about another message" else ""))
    if how != "said the opposite":
        text = text.replace('quote: "naturalized and invasive are not the same."', 'quote: "No, it is not the same."')
    if how == "dispute about another message":
        text = text.replace("messages:\n",
                            "messages:\n  - {id: m0, by: liam, where: post 0, text: Weeds are a human category.}\n")
    G = build_graph(parse_dataset(text))
    taken = how in ("said the opposite", "gave way")
    by_kind = {e["kind"]: e for e in compare(G, "naturalized", "invasive")["relations"]}
    assert by_kind["similar_to"].get("taken_back") == ("post 3" if taken else None), by_kind
    assert "taken_back" not in by_kind["contrasts_with"]
    likeness = [by_kind["similar_to"].get("taken_back")]
    assert [e.get("taken_back") for e in who(G, "Liam")["stated"] if e["kind"] == "similar_to"] == likeness
    assert [e.get("taken_back") for e in why(G, "naturalized", "invasive") if e["kind"] == "similar_to"] == likeness
    mark = "naturalized is similar to invasive (Liam, post 1)  [taken back, post 3]"
    assert (mark in compare_text(compare(G, "naturalized", "invasive"))) is taken
    assert (mark in who_text(who(G, "Liam"))) is taken


def test_a_difference_then_a_likeness_is_taken_back_too_and_no_other_pair_of_relations() -> None:
    """A difference, then a likeness of the same two by the same speaker: the first is
    taken back where the second was said. "X includes Y", then "X is like Y", is no change
    of mind."""
    from conceptgraph.queries import relations_taken_back

    for first, later in (("contrasts_with", "similar_to"), ("includes", "similar_to"), ("similar_to", "includes")):
        G = build_graph(parse_dataset(_CHANGED_MIND.replace("kind: similar_to", f"kind: {first}", 1)
                                      .replace("kind: contrasts_with", f"kind: {later}", 1)))
        back = relations_taken_back(G, list(G.edges(keys=True, data=True)))
        expected = {"r1": "post 3"} if first == "contrasts_with" else {}
        assert {k: w for (_, _, k), w in back.items()} == expected, (first, later, back)
