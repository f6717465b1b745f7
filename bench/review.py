"""Reviewing a draft: how fast the review page is, and whether decisions teach the order.

    python bench/review.py              # both parts; writes bench/RESULTS-review.md
    python bench/review.py --order      # the learned order only (prints, writes nothing)

1. The order. On each development thread (bench/gold/dev and the bundled discussion) the
   draft is reviewed by a simulated reviewer who accepts exactly the drafted items that
   match the gold (``conceptgraph.draft.evaluate.matches``; an attribute when a matched
   claim uses it) and rejects the rest. The reviewer decides the first 30 items of the
   queue as it stands before any decision (most confident first); then the precision of
   the top 20 of what is left is compared in two orders: the one before, and the one
   the 30 decisions teach (``conceptgraph.priority``).
2. Speed, on a draft of about 5,000 items served by ``conceptgraph review`` (a child
   process, as a user runs it) to headless Chromium: from navigation to a page showing
   its first item, against the same graph's read-only page from a file; a decision's
   round trip from its key to the server's answer that decisions.yaml is written,
   against writing that file's bytes atomically (the floor any saved decision pays);
   and keys pressed per decision.
"""

from __future__ import annotations

import argparse
import math
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from conceptgraph import load_dataset  # noqa: E402
from conceptgraph.decisions import ACCEPTED, ATTRIBUTE, CLAIM, CONTEXT, REJECTED, Decisions, items_of, settle  # noqa: E402
from conceptgraph.discussions import read_discussion  # noqa: E402
from conceptgraph.draft import draft  # noqa: E402
from conceptgraph.draft.evaluate import matches  # noqa: E402
from conceptgraph.kinds import OPPOSES  # noqa: E402
from conceptgraph.priority import Prior  # noqa: E402
from conceptgraph.review import likeliest_first  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
DECIDED, TOP = 30, 20


def dev_threads() -> list[tuple[str, Path, Path]]:
    found = [(p.stem, p.with_suffix(".txt"), p) for p in sorted((HERE / "gold" / "dev").glob("*.yaml"))]
    return found + [("cooperation-vs-collaboration", ROOT / "graph_data" / "sources" /
                     "cooperation-vs-collaboration.txt", ROOT / "graph_data")]


def order_one(raw: Path, gold_path: Path) -> dict[str, float]:
    """Precision of the top 20 left after 30 simulated decisions, in the order before and
    in the learned order; and how many items there were and are left."""
    ds, _ = read_discussion([raw])
    drafted = draft(ds)
    whole = replace(drafted, contributors=ds.contributors, messages=ds.messages)
    everything = items_of(drafted, whole)
    items = [it for it in everything if it.kind != CONTEXT]
    hits = set()
    for section, (found, _, pairs) in matches(whole, load_dataset(gold_path)).items():
        if section not in ("contributors", "messages"):
            hits |= {id(found[d]) for d, _ in pairs}
    good = {it.key for it in items if id(it.record) in hits}
    used = {it.record.attribute for it in items if it.key in good and it.kind == CLAIM} | {
        end for it in items if it.key in good and it.kind == "relation" and it.record.kind == OPPOSES
        for end in (it.record.source, it.record.target)}
    good |= {it.key for it in items if it.kind == ATTRIBUTE and it.record.id in used}
    base = replace(ds, terms=(), attributes=())
    book = Decisions(Path(tempfile.gettempdir()) / "decisions.yaml")
    prior = Prior(items, {c.id: c.name for c in ds.contributors})
    position = {it.key: n for n, it in enumerate(items)}

    def queue(status: dict) -> list:  # the page's and --list's order
        left = [it for it in items if status.get(it.key) is None]
        return sorted(left, key=likeliest_first(prior.scores(left, status, book), position))

    status = settle(everything, book, base).status
    before = queue(status)
    for it in before[:DECIDED]:
        if settle(everything, book, base).status.get(it.key) is None:  # not taken away by an earlier decision
            book.record([(ACCEPTED if it.key in good else REJECTED, it.kind, it.fields, {})])
    status = settle(everything, book, base).status
    still = [it for it in before if status.get(it.key) is None][:TOP]
    learned = queue(status)[:TOP]
    # the figure the page and --list show as "likely" (the learned log-odds, shown between
    # 0.01 and 0.99), against whether the reviewer accepts: every item left
    left = [it for it in items if status.get(it.key) is None]
    scores = prior.scores(left, status, book)
    likely = [(min(max(1 / (1 + math.exp(-scores[it.key])), 0.01), 0.99), it.key in good) for it in left]

    def precision(xs: list) -> float:
        return sum(it.key in good for it in xs) / len(xs) if xs else float("nan")

    return {"items": len(items), "good": len(good), "left": sum(1 for it in items if status.get(it.key) is None),
            "before": precision(still), "learned": precision(learned), "likely": likely}


def bench_order() -> list[str]:
    rows, scored = [], []
    for name, raw, gold in dev_threads():
        r = order_one(raw, gold)
        rows.append(f"| {name} | {r['items']} | {r['good']} | {r['left']} | "
                    + (f"{r['before']:.2f} | {r['learned']:.2f} |" if r["left"] else "- | - |"))
        if r["left"]:
            scored.append(r)
        print(rows[-1], flush=True)
    mb, ml = (statistics.mean(r[k] for r in scored) for k in ("before", "learned"))
    pooled = [pair for r in scored for pair in r["likely"]]
    brier, share = statistics.mean((p - y) ** 2 for p, y in pooled), statistics.mean(y for _, y in pooled)
    bins = [(lo, [(p, y) for p, y in pooled if lo <= p < lo + 0.2 or (lo == 0.8 and p == 1)])
            for lo in (0.0, 0.2, 0.4, 0.6, 0.8)]
    calibration = [f"| {lo:.1f}-{lo + 0.2:.1f} | {len(b)} | {statistics.mean(p for p, _ in b):.2f} | "
                   f"{statistics.mean(y for _, y in b):.2f} |" for lo, b in bins if b]
    return (["## The order: precision of the top 20 left after 30 decisions", "",
             "| thread | items | accepted by the gold | left after 30 | order before | learned order |",
             "|---|---|---|---|---|---|"] + rows
            + [f"| **macro ({len(scored)} threads with items left)** | | | | **{mb:.2f}** | **{ml:.2f}** |", "",
               "## The learned \"likely\" figure after those 30 decisions, against what the reviewer accepts", "",
               f"Every item left on those threads, pooled ({len(pooled)}): Brier score {brier:.3f} (0 is perfect; "
               f"always saying the share accepted would score {share * (1 - share):.3f}).", "",
               "| likely | items | mean likely | share accepted |", "|---|---|---|---|", *calibration, ""])


# --- speed -------------------------------------------------------------------------------


def big_folder(folder: Path, items: int) -> Path:
    """A drafted folder of real English (the bundled thread's messages over and over)
    with about ``items`` items to review."""
    from run import english_thread

    from conceptgraph.draft import draft_folder
    from conceptgraph.review import Review

    n = 18
    while True:
        out = english_thread(folder, n)
        draft_folder(out)
        have = len(Review(out).items)
        if have >= items:
            return out
        n = int(n * items / have * 1.02) + 1


def bench_speed(folder: Path, items: int, decisions: int) -> list[str]:
    from playwright.sync_api import sync_playwright

    from conceptgraph import load_graph
    from conceptgraph.decisions import replace_expected
    from conceptgraph.render import write_page
    from conceptgraph.review import Review

    data = big_folder(folder, items)
    total = len(Review(data).items)
    offline = write_page(load_graph(data), folder / "offline.html")
    server = subprocess.Popen([sys.executable, "-m", "conceptgraph", "review", str(data), "--no-open"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = server.stdout.readline().strip() if server.stdout else ""
    out = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            loads, drawn, file_loads = [], [], []
            for _ in range(3):
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                t = time.perf_counter()
                page.goto(url)
                page.wait_for_selector("body[data-review='ready']", timeout=120_000)
                loads.append(time.perf_counter() - t)
                page.wait_for_selector("body[data-drawn='1']", timeout=120_000)
                drawn.append(time.perf_counter() - t)
                page.close()
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                t = time.perf_counter()
                page.goto(offline.as_uri())
                page.wait_for_selector("body[data-drawn='1']", timeout=120_000)
                file_loads.append(time.perf_counter() - t)
                page.close()
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(url)
            page.wait_for_selector("body[data-review='ready']", timeout=120_000)
            before = len(Decisions.read(data).entries)
            keys = 0
            for n in range(decisions):
                page.keyboard.press("x" if n % 4 == 3 else "a")
                keys += 1
                try:
                    page.wait_for_selector("#review[data-pending='0']", state="attached", timeout=30_000)
                except Exception:
                    sys.exit(f"no answer to decision {n}: {page.text_content('#rv-saved')}")
                page.wait_for_timeout(150)  # a reviewer reads before the next key
            timings = page.evaluate("() => window.conceptgraphReview.timings")
            browser.close()
        made = len(Decisions.read(data).entries) - before
        path = data / "decisions.yaml"
        body = path.read_bytes()
        floor = []
        for _ in range(decisions):
            t = time.perf_counter()
            replace_expected(path, body, body)
            floor.append(time.perf_counter() - t)
        rt = statistics.median(timings)
        q = statistics.quantiles(timings, n=10)
        out += [f"Served draft: {total:,} items to review (a {data.name.split('-')[-1]}-message thread).", "",
                "| measure | ours | baseline | ratio | target | met |", "|---|---|---|---|---|---|",
                f"| page usable: navigation to the first item shown, its keys working (median of 3) | "
                f"{statistics.median(loads):.2f} s | {statistics.median(file_loads):.2f} s (the read-only page "
                f"from a file, drawn) | {statistics.median(loads) / statistics.median(file_loads):.2f}x | <= 2 s | "
                f"{'yes' if statistics.median(loads) <= 2 else 'NO'} |",
                f"| the same page's graph drawn (median of 3) | {statistics.median(drawn):.2f} s | "
                f"{statistics.median(file_loads):.2f} s | {statistics.median(drawn) / statistics.median(file_loads):.2f}x"
                " | (reported) | - |",
                f"| a decision's round trip, key to saved (median of {len(timings)}; p10-p90 {q[0]:.1f}-{q[-1]:.1f} ms)"
                f" | {rt:.1f} ms | {statistics.median(floor) * 1000:.1f} ms (writing decisions.yaml atomically, "
                f"fsync'd) | {rt / (statistics.median(floor) * 1000):.1f}x | <= 50 ms | {'yes' if rt <= 50 else 'NO'} |",
                f"| keys per decision | {keys / made:.2f} ({keys} keys, {made} decisions) | 3 (doccano, per the issue) "
                f"| {3 / (keys / made):.1f}x fewer | 1 | {'yes' if keys == made else 'NO'} |", ""]
    finally:
        server.terminate()
        server.communicate(timeout=60)
    return ["## Speed", ""] + out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--order", action="store_true", help="only the learned order")
    ap.add_argument("--items", type=int, default=5000)
    ap.add_argument("--decisions", type=int, default=60)
    args = ap.parse_args()
    lines = bench_order()
    if args.order:
        print("\n".join(lines))
        return
    with tempfile.TemporaryDirectory() as tmp:
        lines += bench_speed(Path(tmp), args.items, args.decisions)
    print("\n".join(lines))
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    head = ["# Reviewing a draft", "", f"Run {stamp} with `python bench/review.py` on {platform.machine()}, "
            f"Python {platform.python_version()}. Medians; each baseline in the same run, on the same data.", ""]
    (HERE / "RESULTS-review.md").write_text("\n".join(head + lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
