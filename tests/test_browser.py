"""The explorer page in headless Chromium: offline, complete, usable, and safe."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conceptgraph import load_graph
from conceptgraph.render import write_page

from browser import Page

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def bundled_page(browser, tmp_path_factory):
    path = write_page(load_graph(), tmp_path_factory.mktemp("page") / "concept_graph.html")
    page = Page(browser, path)
    yield page
    page.close()


def drawn(page: Page) -> tuple[int, int]:
    """Nodes and edges vis-network has in its drawing (not just in its data)."""
    return tuple(page.js("() => [conceptgraph.network.body.nodeIndices.length, conceptgraph.network.body.edgeIndices.length]"))


def test_page_draws_every_node_and_edge_offline(bundled_page: Page) -> None:
    G = load_graph()
    assert drawn(bundled_page) == (G.number_of_nodes(), G.number_of_edges())
    assert [u for u in bundled_page.requests if not u.startswith("file://")] == []
    assert bundled_page.errors == [] and bundled_page.dialogs == []
    shot = bundled_page.screenshot("explorer.png")
    assert shot.stat().st_size > 20_000


def test_heading_and_legend(bundled_page: Page) -> None:
    p = bundled_page.page
    assert p.text_content("#title") == "The difference between cooperation and coordination"
    assert "Shawn Callahan" in p.text_content("#byline")
    node_kinds = p.locator("#node-kinds li").all_text_contents()
    assert node_kinds == ["term18", "attribute82", "contributor17"]  # label, then count
    edge_kinds = " ".join(p.locator("#edge-kinds li").all_text_contents())
    for words in ("term has attribute", "attributes opposed", "agrees with", "disputes", "term lacks attribute"):
        assert words in edge_kinds


def test_search_finds_co_operation(bundled_page: Page) -> None:
    p = bundled_page.page
    p.fill("#search", "co-operation")
    assert "cooperation" in p.text_content("#suggestions li")
    p.press("#search", "Enter")
    p.wait_for_selector("#panel:not([hidden])")
    assert p.text_content("#panel h3") == "cooperation"
    selected = bundled_page.js("() => conceptgraph.network.getSelectedNodes()")
    assert [bundled_page.js("(i) => conceptgraph.data.nodeDetails[i].id", selected[0])] == ["cooperation"]
    assert "Mary Alice Arthur" in p.text_content("#panel")
    bundled_page.screenshot("search-co-operation.png")


def _click_edge(page: Page, kind: str) -> int:
    """Click the middle of an edge of ``kind`` where nothing else lies; return its id."""
    j = page.js(
        """(kind) => {
        const net = conceptgraph.network, d = conceptgraph.data;
        for (let j = 0; j < d.edges.length; j++) {
          const e = d.edges[j];
          if (d.edgeKinds[e[2]].kind !== kind) continue;
          const a = net.getPosition(e[0]), b = net.getPosition(e[1]);
          const dom = net.canvasToDOM({x: (a.x + b.x) / 2, y: (a.y + b.y) / 2});
          if (net.getNodeAt(dom) === undefined && net.getEdgeAt(dom) === j) return j;
        }
        return -1; }""",
        kind,
    )
    assert j >= 0, f"no clickable {kind} edge"
    box = page.page.locator("#network canvas").bounding_box()
    dom = page.js("(j) => { const net = conceptgraph.network, e = conceptgraph.data.edges[j];"
                  " const a = net.getPosition(e[0]), b = net.getPosition(e[1]);"
                  " return net.canvasToDOM({x: (a.x + b.x) / 2, y: (a.y + b.y) / 2}); }", j)
    page.page.mouse.click(box["x"] + dom["x"], box["y"] + dom["y"])
    return j


def test_click_on_a_claim_edge_shows_its_quotes(bundled_page: Page) -> None:
    bundled_page.js("() => { conceptgraph.showAll(); conceptgraph.network.fit(); }")
    bundled_page.page.wait_for_timeout(200)
    j = _click_edge(bundled_page, "claim")
    p = bundled_page.page
    p.wait_for_selector("#panel:not([hidden])")
    detail = bundled_page.js("(j) => conceptgraph.data.edgeDetails[conceptgraph.data.edges[j][3]]", j)
    panel = p.text_content("#panel")
    assert detail["quote"] in panel and detail["speaker"] in panel and detail["where"] in panel
    bundled_page.screenshot("claim-edge.png")


def test_filters_hide_a_node_kind_and_its_links(bundled_page: Page) -> None:
    p = bundled_page.page
    p.uncheck("#node-kinds input[data-kind='contributor']")
    nodes, edges = drawn(bundled_page)
    G = load_graph()
    assert nodes == sum(1 for _, k in G.nodes(data="kind") if k != "contributor")
    assert edges == sum(1 for u, v in G.edges() if "contributor" not in (G.nodes[u]["kind"], G.nodes[v]["kind"]))
    p.check("#node-kinds input[data-kind='contributor']")
    p.uncheck("#edge-kinds input[data-kind='asserts']")
    asserted = sum(1 for *_, d in G.edges(data=True) if d["kind"] == "asserts" and not d["negated"])
    assert drawn(bundled_page)[1] == G.number_of_edges() - asserted  # denials have a toggle of their own
    p.check("#edge-kinds input[data-kind='asserts']")
    assert drawn(bundled_page) == (G.number_of_nodes(), G.number_of_edges())


def test_focus_view_and_back(bundled_page: Page) -> None:
    p = bundled_page.page
    p.fill("#search", "Bart Stewart")
    p.press("#search", "Enter")
    p.click("#focus-here")
    G = load_graph()
    around = {"bart-stewart"} | set(G.succ["bart-stewart"]) | set(G.pred["bart-stewart"])
    assert drawn(bundled_page)[0] == len(around)
    assert p.is_visible("#showall")
    p.click("#showall")
    assert drawn(bundled_page)[0] == G.number_of_nodes()


def test_physics_and_fit_buttons(bundled_page: Page) -> None:
    p = bundled_page.page
    p.click("#physics")
    assert p.get_attribute("#physics", "aria-pressed") == "true"
    assert bundled_page.js("() => conceptgraph.network.physics.physicsEnabled") is True
    p.click("#physics")
    assert bundled_page.js("() => conceptgraph.network.physics.physicsEnabled") is False
    p.click("#fit")
    assert bundled_page.errors == [] and bundled_page.dialogs == []


def test_focus_from_the_command_line_draws_the_neighbourhood(browser, tmp_path: Path) -> None:
    G = load_graph()
    path = write_page(G, tmp_path / "focus.html", focus="collaborate", depth=1)
    page = Page(browser, path)
    try:
        around = {"collaboration"} | set(G.succ["collaboration"]) | set(G.pred["collaboration"])
        assert drawn(page)[0] == len(around)
        assert page.page.text_content("#panel h3") == "collaboration"
    finally:
        page.close()


# --- hostile data ------------------------------------------------------------------------

PAYLOADS = [
    '<img src=x onerror="window.__pwned=1;alert(1)">',
    '</script><script>window.__pwned=2;alert(2)</script>',
    "javascript:window.__pwned=3;alert(3)",
    '" onmouseover="window.__pwned=4;alert(4)" x="',
    "' onfocus='window.__pwned=5;alert(5)' autofocus='",
    'href <a href="javascript:alert(6)">click</a><svg onload=alert(7)>',
    "<!-- {{data}} {{app_js}} \u2028\u2029 <script>alert(8)</script>",
]


def hostile_dataset(tmp_path: Path) -> Path:
    def p(i: int) -> str:
        return PAYLOADS[i % len(PAYLOADS)]

    data = {
        "source": {"title": p(0) + " title", "author": p(1), "date": p(2), "url": "javascript:alert(9)"},
        "terms": [{"id": p(i) + f" t{i}", "label": p(i + 1), "aliases": [p(i + 2), "findme"], "gloss": p(i + 3)}
                  for i in range(3)],
        "attributes": [{"id": p(i) + f" a{i}", "label": p(i + 4), "description": p(i + 5)} for i in range(3)],
        "contributors": [{"id": p(i) + f" c{i}", "name": p(i + 6), "role": "commenter", "where": p(i), "quote": p(i + 1)}
                         for i in range(3)],
    }
    t = [x["id"] for x in data["terms"]]
    a = [x["id"] for x in data["attributes"]]
    c = [x["id"] for x in data["contributors"]]
    data["claims"] = [{"id": p(i) + f" k{i}", "term": t[i], "attribute": a[i], "by": c[i], "quote": p(i + 2),
                       "where": p(i + 3), "negated": i == 1} for i in range(3)]
    data["relations"] = [
        {"kind": "contrasts_with", "source": t[0], "target": t[1], "by": c[0], "quote": p(4), "where": p(5)},
        {"kind": "opposes", "source": a[0], "target": a[1], "by": c[1], "quote": p(6), "where": p(0)},
        {"kind": "disputes", "source": c[0], "target": c[2], "by": c[0], "quote": p(1), "where": p(2)},
    ]
    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_no_script_from_the_data_ever_runs(browser, tmp_path: Path) -> None:
    G = load_graph(hostile_dataset(tmp_path))
    page = Page(browser, write_page(G, tmp_path / "hostile.html"))
    try:
        p = page.page
        assert drawn(page) == (G.number_of_nodes(), G.number_of_edges())
        assert p.text_content("#title") == PAYLOADS[0] + " title"
        box = p.locator("#network canvas").bounding_box()
        positions = page.js("() => Object.values(conceptgraph.network.getPositions())"
                            ".map(q => conceptgraph.network.canvasToDOM(q))")
        for q in positions:  # hover and click every node, opening the panel each time
            p.mouse.move(box["x"] + q["x"], box["y"] + q["y"])
            p.mouse.click(box["x"] + q["x"], box["y"] + q["y"])
            p.wait_for_timeout(30)
            for link in p.locator("#panel:not([hidden]) .linkish").all()[:3]:
                link.hover(timeout=5000)
        for j in range(G.number_of_edges()):
            page.js("(j) => conceptgraph.network.selectEdges([j])", j)
        _click_edge(page, "claim")
        p.fill("#search", "findme")
        for item in p.locator("#suggestions li").all():
            item.hover()
        p.press("#search", "Enter")
        p.wait_for_selector("#panel:not([hidden])")
        assert PAYLOADS[1] in p.text_content("#panel") or PAYLOADS[2] in p.text_content("#panel")
        for value in PAYLOADS:
            p.fill("#search", value)
            p.press("#search", "Enter")
        page.screenshot("hostile.png")
        assert page.dialogs == []
        assert page.js("() => window.__pwned") is None
        assert page.js("() => document.querySelectorAll('img, svg, iframe, a[href]').length") == 0
        assert page.errors == []
        assert [u for u in page.requests if not u.startswith("file://")] == []
    finally:
        page.close()


def test_the_page_compares_two_terms(bundled_page: Page) -> None:
    p = bundled_page.page
    p.fill("#search", "cooperation")
    p.press("#search", "Enter")
    p.select_option("#compare-with", label="collaboration")
    p.click("#compare-go")
    panel = p.text_content("#panel")
    assert p.text_content("#panel h3") == "cooperation vs collaboration"
    passive = p.locator("#panel li", has_text="may be passive").first.text_content()
    assert "always active" in passive and "Bart Stewart" in passive
    assert "Said of both" in panel and "working together" in panel
    assert "denied of collaboration by Rob Carver" in panel
    assert "How they relate" in panel and "Collaboration equals cooperation plus new effort." in panel
    assert "cooperation is not uses technology— denied by Luke Naismith; asserted by Matt Moore" in panel
    G = load_graph()
    attrs = {v for t in ("cooperation", "collaboration") for v, keyed in G.succ[t].items()
             if any(d["kind"] == "claim" for d in keyed.values())}
    assert drawn(bundled_page)[0] == 2 + len(attrs)
    bundled_page.screenshot("compare.png")
    p.click("#showall")
    assert drawn(bundled_page)[0] == G.number_of_nodes()
