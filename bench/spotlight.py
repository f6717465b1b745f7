"""What a node's panel costs the page: drawing the rest of the graph faint, against a redraw.

    python bench/spotlight.py           # writes bench/RESULTS-spotlight.md

A panel leaves the node and what it is linked to at full strength and restyles every other
node and link (``spotlight`` in explorer.js), up to ``SPOTLIGHT_MAX`` nodes and links. On
generated pages of growing size, in headless Chromium, each run times the spotlight with
the redraw it causes, and then the whole graph brought back, against the same page's
redraw alone, interleaved; medians of 9 runs. The limit is set where a click waits about a
tenth of a second.
"""

from __future__ import annotations

import platform
import re
import statistics
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from conceptgraph import load_graph  # noqa: E402
from conceptgraph.render import write_page  # noqa: E402

from generate import generate  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SIZES = (150, 300, 450, 580)  # nodes, and about as many links: up to the limit
RUNS = 9
LIMIT = int(re.search(r"SPOTLIGHT_MAX = (\d+)", (ROOT / "src" / "conceptgraph" / "templates" / "explorer.js")
                      .read_text(encoding="utf-8")).group(1))

TIMED = """([what]) => { const c = conceptgraph, t = performance.now();
  if (what === 'on') c.spotlight({ nodes: new Set([0, 1, 2]), edges: new Set([0]) });
  else if (what === 'off') c.spotlight(null);
  c.network.redraw();
  return performance.now() - t; }"""


def main() -> None:
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for nodes in SIZES:
            data = Path(tmp) / f"g{nodes}.yaml"
            data.write_text(generate(nodes, nodes, seed=0), encoding="utf-8")
            G = load_graph(data)
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(write_page(G, Path(tmp) / f"g{nodes}.html").as_uri())
            page.wait_for_selector("body[data-drawn]")
            items = page.evaluate("() => conceptgraph.data.nodes.label.length + conceptgraph.data.edges.source.length")
            base, on, off = [], [], []
            for _ in range(RUNS):
                base.append(page.evaluate(TIMED, ["redraw"]))
                on.append(page.evaluate(TIMED, ["on"]))
                off.append(page.evaluate(TIMED, ["off"]))
            page.close()
            b, s, o = (statistics.median(x) for x in (base, on, off))
            rows.append((items, b, s, o, items <= LIMIT))
            print(f"{items} nodes and links: redraw {b:.1f} ms, faint {s:.1f} ms, back {o:.1f} ms", flush=True)
        browser.close()
    lines = [
        "# A node's panel: the rest of the graph drawn faint",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC with `python bench/spotlight.py` on {platform.machine()}, "
        f"Python {platform.python_version()}, headless Chromium. Medians of {RUNS} interleaved runs; the page "
        f"fades nothing above {LIMIT:,} nodes and links (`SPOTLIGHT_MAX`).",
        "",
        "| nodes and links | redraw alone (baseline) | faint, with its redraw | ratio | whole graph back | faded by the page |",
        "|---|---|---|---|---|---|",
        *(f"| {n:,} | {b:.1f} ms | {s:.1f} ms | {s / b:.1f}x | {o:.1f} ms | {'yes' if kept else 'no'} |"
          for n, b, s, o, kept in rows),
        "",
    ]
    (HERE / "RESULTS-spotlight.md").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
