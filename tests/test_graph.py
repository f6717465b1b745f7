"""Building the graph from a dataset, and the bundled dataset's faithfulness to its source."""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest
import yaml

from conceptgraph import build_graph, default_data_path, graph_summary, load_dataset, load_graph
from conceptgraph.model import RELATION_KINDS, ROLES

from conftest import SOURCE, need


def test_every_node_and_edge_has_a_kind(mini: Path) -> None:
    G = load_graph(mini)
    assert isinstance(G, nx.MultiDiGraph)
    assert dict(G.nodes(data="kind")) == {
        "cooperation": "term", "collaboration": "term",
        "passive": "attribute", "active": "attribute", "together": "attribute",
        "bart": "contributor", "ann": "contributor", "cy": "contributor",
    }
    assert all(kind for *_, kind in G.edges(data="kind"))


def test_a_claim_gives_a_term_edge_and_a_contributor_edge_with_provenance(mini: Path) -> None:
    G = load_graph(mini)
    claim = G.edges["cooperation", "passive", "claim-1"]
    asserts = G.edges["bart", "passive", "claim-1"]
    # the speaker's name beside their id: tools that show an edge alone (Gephi's table) show who
    expected = {"speaker": "bart", "speaker_name": "Bart", "quote": "Cooperation may be passive", "where": "comment 1",
                "negated": False,
                "term": "cooperation"}
    assert claim == {"kind": "claim", **expected}
    assert asserts == {"kind": "asserts", **expected}
    assert G.edges["collaboration", "passive", "claim-5"]["negated"] is True


def test_relations_keep_speaker_quote_and_place(mini: Path) -> None:
    G = load_graph(mini)
    assert G.edges["cy", "bart", "relation-3"] == {"kind": "agrees_with", "speaker": "cy", "speaker_name": "Cy",
                                                   "quote": "like Bart",
                                                   "where": "comment 2"}


def test_building_is_deterministic(mini: Path) -> None:
    a, b = load_graph(mini), build_graph(load_dataset(mini))
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert list(a.edges(keys=True, data=True)) == list(b.edges(keys=True, data=True))


def test_summary_counts_by_kind(mini: Path) -> None:
    s = graph_summary(load_graph(mini))
    assert s["source"] == {"title": "Mini", "author": "Ann", "date": "", "url": ""}
    assert s["nodes"] == {"term": 2, "attribute": 3, "contributor": 3, "message": 0}
    assert s["edges"] == {"agrees_with": 1, "asserts": 5, "claim": 5, "contrasts_with": 1, "opposes": 1}


def test_environment_variable_names_the_default_dataset(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONCEPTGRAPH_DATA", str(mini))
    assert graph_summary(load_graph())["source"]["title"] == "Mini"


# --- the bundled dataset -------------------------------------------------------

C_WORDS = ["congregation", "conflict", "community", "collaboration", "coordination",
           "competition", "conversation", "corruption", "cooperation"]
VOICES = ["Shawn Callahan", "Mary Alice Arthur", "Luke Naismith", "Dave Snowden", "Jim Benson", "Victoria Ward",
          "Patti Anklam", "Matt Moore", "unnamed commenter (comment 2)", "ken", "Dave Pollard", "MT", "todd", "Ron",
          "Rob Carver", "Bart Stewart", "jack hooper"]


@pytest.fixture(scope="module")
def bundled():
    return load_dataset(default_data_path())


def _normalise(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def test_every_quote_is_verbatim_in_the_source(bundled) -> None:
    need(SOURCE.is_file(), f"the source text is not at {SOURCE}")
    text = _normalise(SOURCE.read_text(encoding="utf-8"))
    quotes = [(x.id, x.quote) for x in (*bundled.claims, *bundled.relations) if x.quote]
    quotes += [(c.id, c.quote) for c in bundled.contributors if c.quote]
    missing = [(i, q) for i, q in quotes if _normalise(q) not in text]
    assert len(quotes) > 140 and missing == []


def test_every_contributor_name_appears_in_the_source(bundled) -> None:
    need(SOURCE.is_file(), f"the source text is not at {SOURCE}")
    text = SOURCE.read_text(encoding="utf-8")
    named = [c.name for c in bundled.contributors if not c.name.startswith("unnamed commenter")]
    assert [n for n in named if n not in text] == []


def test_every_voice_and_c_word_is_present(bundled) -> None:
    assert [c.name for c in bundled.contributors] == VOICES
    assert set(C_WORDS) <= {t.id for t in bundled.terms}
    assert len(bundled.terms) >= 10


def test_every_comment_and_response_has_its_speaker(bundled) -> None:
    places = {w for c in bundled.contributors for w in c.where}
    assert places == {"post"} | {f"response {i}" for i in range(1, 7)} | {f"comment {i}" for i in range(1, 12)}


def test_every_respondent_and_commenter_with_a_view_has_a_claim(bundled) -> None:
    speakers = {c.by for c in bundled.claims}
    silent = {c.id for c in bundled.contributors} - speakers
    # These only greeted, linked or agreed: their words are on the contributor or a relation.
    assert silent == {"shawn-callahan", "dave-pollard", "mt", "jack-hooper"}


def test_the_distinctions_the_post_asks_for_are_there(bundled) -> None:
    G = build_graph(bundled)
    opposed = {(u, v) for u, v, k in G.edges(data="kind") if k == "opposes"}
    for pair in [("passive", "active"), ("separate-stakes", "shared-stake"), ("cheaper", "costlier"),
                 ("no-exertion", "exertion"), ("shallow", "deep"), ("face-watching", "clock-watching")]:
        assert pair in opposed
    agreements = {(u, v, k) for u, v, k in G.edges(data="kind") if k in ("agrees_with", "disputes")}
    assert ("jack-hooper", "mary-alice-arthur", "agrees_with") in agreements
    assert ("matt-moore", "luke-naismith", "disputes") in agreements


def test_json_schema_matches_the_loader(bundled) -> None:
    schema = json.loads((default_data_path() / "dataset.schema.json").read_text(encoding="utf-8"))
    props = schema["properties"]
    assert props["contributors"]["items"]["properties"]["role"]["enum"] == list(ROLES)
    assert props["relations"]["items"]["properties"]["kind"]["enum"] == list(RELATION_KINDS)
    import jsonschema

    data = yaml.safe_load((default_data_path() / "cooperation-vs-collaboration.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)


# --- the bundled dataset says what its source says ----------------------------------------------


def _claims(ds, **fields):
    return [c for c in ds.claims if all(getattr(c, k) == v for k, v in fields.items())]


def _relations(ds, **fields):
    return [r for r in ds.relations if all(getattr(r, k) == v for k, v in fields.items())]


def test_matt_moore_disputes_the_point_luke_made(bundled) -> None:
    [dispute] = _relations(bundled, kind="disputes", source="matt-moore")
    [point] = dispute.concerns
    [claim] = [c for c in bundled.claims if c.id == point]
    assert (claim.by, claim.quote) == ("luke-naismith", "never hear of cooperative technology")
    assert claim.message == "response-2" and not claim.inferred


def test_readings_the_words_do_not_state_are_marked_inferred(bundled) -> None:
    [snowden] = _relations(bundled, kind="disputes", source="dave-snowden")
    assert snowden.inferred and "as is implied in the paper on a skim read" in snowden.quote
    for kind, source, target in [("opposes", "happens-without-intent", "wilful-and-focused"),
                                 ("opposes", "operating-the-human-process", "operating-the-process"),
                                 ("analogous_to", "knowledge-management", "collaboration"),
                                 ("analogous_to", "information-management", "cooperation")]:
        [r] = _relations(bundled, kind=kind, source=source, target=target)
        assert r.inferred, (kind, source, target)
    for term, attribute, by in [("wartime-collaboration", "morally-tainted", "victoria-ward"),
                                ("cooperation", "uses-technology", "matt-moore"),
                                ("cooperation", "emergent", "victoria-ward")]:
        [c] = _claims(bundled, term=term, attribute=attribute, by=by)
        assert c.inferred, (term, attribute)
    gloss = {t.id: t.gloss for t in bundled.terms}["wartime-collaboration"]
    assert "helping the existing regime" not in gloss  # said of the word "collaborator", not of wartime collaboration


def test_no_claim_that_nobody_made(bundled) -> None:
    assert _claims(bundled, term="collaborative-technology") == []
    assert _claims(bundled, term="technologies-of-cooperation", attribute="uses-technology") == []


def test_labels_keep_the_speakers_hedges_and_one_point_each(bundled) -> None:
    label = {a.id: a.label for a in bundled.attributes}
    assert label["not-wired-for-complexity"] == "not wired so well for social complexity"
    assert "likely" in label["real-word"] and "may" in label["community-network-level"]
    assert "intended" in label["greater-than-parts"] and "some" in label["community-spirit"]
    assert "perhaps" in label["wilfulness-key"] and "other languages" in label["morally-tainted"]
    [corruption] = _claims(bundled, term="corruption", quote="ownership as ends")
    assert label[corruption.attribute] == "ownership as ends"
    assert [c.term for c in bundled.claims if c.attribute == "ownership"] == ["competition"]


def test_points_once_missing_are_recorded(bundled) -> None:
    [twang] = _claims(bundled, by="victoria-ward", attribute="good-twang")
    assert (twang.term, twang.quote) == ("cooperation", "Cooperative has a good twang in the UK")
    [patti] = _relations(bundled, kind="opposes", by="patti-anklam")
    assert (patti.source, patti.target) == ("help-as-need-arises", "result-oriented") and not patti.inferred
    similar = {(r.source, r.target) for r in _relations(bundled, kind="similar_to", by="shawn-callahan")}
    assert similar == {("cooperation", "collaboration"), ("coordination", "collaboration")}


def test_the_readme_of_the_data_counts_what_is_there(bundled) -> None:
    text = (default_data_path() / "README.md").read_text(encoding="utf-8")
    row = {m.group(1): m.group(2) for m in re.finditer(r"^\| (\w+) \| (.*) \|$", text, re.M)}
    counts = {k: int(v.split(":")[0].split(",")[0]) for k, v in row.items() if k != ""}
    assert counts == {"contributors": len(bundled.contributors), "messages": len(bundled.messages),
                      "terms": len(bundled.terms), "attributes": len(bundled.attributes),
                      "claims": len(bundled.claims), "relations": len(bundled.relations)}
    claims = re.search(r"of which (\d+) deny an attribute and (\d+) are the curator's reading", row["claims"])
    assert claims and (int(claims[1]), int(claims[2])) == (sum(c.negated for c in bundled.claims),
                                                             sum(c.inferred for c in bundled.claims))
    relations = re.search(r"(\d+) between terms, (\d+) oppositions.*, (\d+) agreements and (\d+) disputes.*; "
                          r"(\d+) are the curator's reading", row["relations"])
    kinds = [r.kind for r in bundled.relations]
    assert relations and [int(x) for x in relations.groups()] == [
        sum(k not in ("opposes", "agrees_with", "disputes") for k in kinds), kinds.count("opposes"),
        kinds.count("agrees_with"), kinds.count("disputes"), sum(r.inferred for r in bundled.relations)]


def test_the_bundled_dataset_validates() -> None:
    from click.testing import CliRunner

    from conceptgraph.cli import cli

    r = CliRunner().invoke(cli, ["validate", str(default_data_path())])
    assert r.exit_code == 0 and r.stdout.startswith("valid: 18 terms, 91 attributes, 17 contributors, 18 messages")
