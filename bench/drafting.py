"""How well the drafter does on real threads it was not written against.

    python bench/drafting.py                 # every thread; writes bench/RESULTS-drafting.md
    python bench/drafting.py --part dev      # only the development part (prints, writes nothing)
    python bench/drafting.py --show NAME     # one thread's scores and what each side lacks
    python bench/drafting.py --losses        # where the dev threads' gold claims are lost, by cause

Each gold thread (bench/gold/dev, bench/gold/heldout, and the bundled discussion) is
imported from its raw text, drafted with no terms given, and scored against its gold
with ``conceptgraph.draft.evaluate``: terms, claims (strict: the attribute shares a
content word; lenient: term, speaker and place only), relations between terms and
stances, per thread and macro-averaged over each part. The calibration table says, for
the drafted items of the held-out part, how often those drafted at each confidence
match the gold.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

from conceptgraph import load_dataset  # noqa: E402
from conceptgraph.discussions import read_discussion  # noqa: E402
from conceptgraph.draft import draft  # noqa: E402
from conceptgraph.draft.evaluate import evaluate, matches  # noqa: E402

CONFIDENT = 0.25
BUNDLED = ("cooperation-vs-collaboration", ROOT / "graph_data" / "sources" / "cooperation-vs-collaboration.txt",
           ROOT / "graph_data")
#: (section, column, which scores): "confident" scores the draft without its items below
#: CONFIDENT, the line a reviewer can bulk-reject at.
COLUMNS = [("terms", "terms", "strict"), ("claims", "claims", "strict"), ("claims", "claims (lenient)", "lenient"),
           ("claims", f"claims (confidence >= {CONFIDENT})", "confident"), ("relations", "term relations", "strict"),
           ("stances", "stances", "strict")]
TARGETS = {"terms": "R >= 0.7, P >= 0.5", "claims": "P >= 0.6, R >= 0.4", "relations": "R >= 0.3",
           "stances": "R >= 0.5"}
BINS = [(0.0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.01)]


def threads(part: str) -> list[tuple[str, Path, Path]]:
    found = [(p.stem, p.with_suffix(".txt"), p) for p in sorted((HERE / "gold" / part).glob("*.yaml"))]
    return found + ([BUNDLED] if part == "dev" else [])


def run_thread(raw: Path, gold_path: Path) -> tuple[dict[str, dict], dict[str, list], float]:
    """Scores (strict, lenient, and strict without the claims below CONFIDENT) of the draft of ``raw`` against ``gold_path``, the
    (confidence, matched) of each drafted item by section, and the seconds drafting took."""
    ds, _ = read_discussion([raw])
    t = time.perf_counter()
    drafted = draft(ds)
    took = time.perf_counter() - t
    whole = replace(drafted, contributors=ds.contributors, messages=ds.messages)
    gold = load_dataset(gold_path)
    strict, lenient = evaluate(whole, gold), evaluate(whole, gold, attributes=False)
    sure = replace(whole, claims=[c for c in whole.claims if c.confidence is None or c.confidence >= CONFIDENT])
    calib: dict[str, list[tuple[float, bool]]] = {}
    for section, (items, _, pairs) in matches(whole, gold).items():
        hit = {d for d, _ in pairs}
        calib[section] = [(getattr(x, "confidence", None) or 0.0, i in hit) for i, x in enumerate(items)]
    return {"strict": strict, "lenient": lenient, "confident": evaluate(sure, gold)}, calib, took


def rule_precision(part: str = "dev") -> list[str]:
    """How often each rule's items matched the gold on ``part``: what
    conceptgraph/draft/confidence.py holds. Terms by score band."""
    from collections import Counter

    hits: Counter[tuple[str, str]] = Counter()
    seen: Counter[tuple[str, str]] = Counter()
    for _, raw, gold_path in threads(part):
        ds, _ = read_discussion([raw])
        rules: dict[str, str] = {}
        drafted = draft(ds, explain=rules)
        whole = replace(drafted, contributors=ds.contributors, messages=ds.messages)
        for section, (items, _, pairs) in matches(whole, load_dataset(gold_path)).items():
            hit = {d for d, _ in pairs}
            for i, x in enumerate(items):
                if section == "terms":
                    key = ("term", f"confidence {x.confidence}")
                elif section in ("claims", "relations", "oppositions", "stances"):
                    what = {"claims": "claim", "oppositions": "opposes", "stances": "stance"}.get(section, "relation")
                    key = (what, rules.get(x.id, "?"))
                else:
                    continue
                seen[key] += 1
                hits[key] += i in hit
    return [f"{what:9} {rule:22} {hits[(what, rule)]:4} / {n:4}  {hits[(what, rule)] / n:.2f}"
            for (what, rule), n in sorted(seen.items())]


LOSSES = ("matched", "term not drafted", "term not named in the message", "term named in the message only",
          "term named in the sentence, no claim", "a claim on another term there", "the attribute shares no word")


def claim_losses(part: str = "dev") -> list[str]:
    """Why each gold claim of ``part`` is missed, thread by thread: its term not drafted;
    the drafted term not named in the claim's message, or not in its sentence; named
    there but nothing claimed; a claim there on another term; or a claim on its term
    whose attribute shares no word with the gold's."""
    from collections import Counter

    from conceptgraph.draft.evaluate import _anchored, standing_for
    from conceptgraph.draft.rules import mentions_in
    from conceptgraph.draft.terms import key_of
    from conceptgraph.draft.text import sentences

    out = ["| thread | gold | " + " | ".join(LOSSES) + " |", "|---|---|" + "---|" * len(LOSSES)]
    total: Counter[str] = Counter()
    for name, raw, gold_path in threads(part):
        ds, _ = read_discussion([raw])
        whole = replace(draft(ds), contributors=ds.contributors, messages=ds.messages)
        gold = _anchored(load_dataset(gold_path), whole)
        drafted, gold_claims, pairs = matches(whole, gold)["claims"]
        hit = {g for _, g in pairs}
        stands = standing_for(whole.terms, gold.terms)
        index: dict[str, str] = {}
        for t in whole.terms:
            for n in (t.id, t.label, *t.aliases):
                index.setdefault(" ".join(key_of(n.split())), t.id)
        place = {m.id: m.where for m in gold.messages}
        counts: Counter[str] = Counter()
        for gi, g in enumerate(gold_claims):
            ours = {t for t, s in stands.items() if g.term in s}
            msg = next((m for m in whole.messages if m.where == place.get(g.message)), None)
            if gi in hit:
                cause = LOSSES[0]
            elif not ours or msg is None:
                cause = LOSSES[1]
            else:
                spans = [(a, b) for a, b, _ in sentences(msg.text) if a < g.span[1] and g.span[0] < b]
                in_sentence = any(t in ours for a, b in spans for _, _, t in mentions_in(msg.text, a, b, index, 4))
                in_message = any(t in ours for _, _, t in mentions_in(msg.text, 0, len(msg.text), index, 4))
                there = [d for d in drafted if d.message == msg.id and d.span[0] < g.span[1] and g.span[0] < d.span[1]]
                cause = (LOSSES[6] if any(d.term in ours for d in there) else LOSSES[5] if there
                         else LOSSES[4] if in_sentence else LOSSES[3] if in_message else LOSSES[2])
            counts[cause] += 1
        total.update(counts)
        out.append(f"| {name} | {len(gold_claims)} | " + " | ".join(str(counts[c]) for c in LOSSES) + " |")
    out.append(f"| **all** | {sum(total.values())} | " + " | ".join(str(total[c]) for c in LOSSES) + " |")
    return out


def cell(s: dict) -> str:
    return f"{s['precision']:.2f} / {s['recall']:.2f} / {s['f1']:.2f}"


def table(rows: list[tuple[str, dict[str, dict]]], title: str) -> list[str]:
    head = "| thread | " + " | ".join(f"{name} P / R / F1" for _, name, _ in COLUMNS) + " |"
    out = [f"### {title}", "", head, "|" + "---|" * (len(COLUMNS) + 1)]
    for name, scores in rows:
        out.append(f"| {name} | " + " | ".join(
            cell(scores[which][section]) for section, _, which in COLUMNS) + " |")
    if len(rows) > 1:
        macro = []
        for section, _, which in COLUMNS:
            vals = [scores[which][section] for _, scores in rows]
            macro.append(" / ".join(f"{statistics.mean(v[k] for v in vals):.2f}" for k in ("precision", "recall", "f1")))
        out.append(f"| **macro ({len(rows)} threads)** | " + " | ".join(f"**{m}**" for m in macro) + " |")
    return out + [""]


def macro(rows: list[tuple[str, dict[str, dict]]]) -> dict[str, dict[str, float]]:
    out = {}
    for section, name, which in COLUMNS:
        vals = [scores[which][section] for _, scores in rows]
        out[name] = {k: statistics.mean(v[k] for v in vals) for k in ("precision", "recall", "f1")}
    return out


def calibration(calib: dict[str, list[tuple[float, bool]]]) -> list[str]:
    out = ["| confidence | " + " | ".join(f"{s}: matched / drafted" for s in ("terms", "claims", "relations",
                                                                               "stances")) + " | all |",
           "|---|---|---|---|---|---|"]
    for lo, hi in BINS:
        cells, tot_n, tot_m = [], 0, 0
        for s in ("terms", "claims", "relations", "stances"):
            got = [m for c, m in calib.get(s, []) if lo <= c < hi]
            cells.append(f"{sum(got)} / {len(got)}" + (f" ({sum(got) / len(got):.2f})" if got else ""))
            tot_n += len(got)
            tot_m += sum(got)
        label = f"{lo:.1f}-{min(hi, 1.0):.1f}"
        out.append(f"| {label} | " + " | ".join(cells) + f" | {tot_m} / {tot_n}"
                   + (f" ({tot_m / tot_n:.2f})" if tot_n else "") + " |")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--part", choices=["dev", "heldout", "all"], default="all")
    ap.add_argument("--show", metavar="NAME", help="print one thread's scores and unmatched items")
    ap.add_argument("--rules", action="store_true", help="print how often each rule's items matched, on dev")
    ap.add_argument("--losses", action="store_true", help="print why the dev threads' gold claims are missed")
    args = ap.parse_args()
    if args.rules:
        print("\n".join(rule_precision()))
        return
    if args.losses:
        print("\n".join(claim_losses()))
        return
    if args.show:
        for part in ("dev", "heldout"):
            for name, raw, gold in threads(part):
                if name == args.show:
                    ds, _ = read_discussion([raw])
                    drafted = replace(draft(ds), contributors=ds.contributors, messages=ds.messages)
                    from conceptgraph.output import evaluate_text

                    print(evaluate_text(evaluate(drafted, load_dataset(gold))))
                    return
        sys.exit(f"no gold thread named {args.show}")
    parts = ["dev", "heldout"] if args.part == "all" else [args.part]
    lines = ["# Drafting on real threads", ""]
    results: dict[str, list[tuple[str, dict[str, dict]]]] = {}
    calib: dict[str, list[tuple[float, bool]]] = {}
    seconds = []
    for part in parts:
        rows = []
        for name, raw, gold in threads(part):
            scores, cal, took = run_thread(raw, gold)
            seconds.append(took)
            rows.append((name, scores))
            if part == "heldout":
                for k, v in cal.items():
                    calib.setdefault(k, []).extend(v)
        results[part] = rows
    out = []
    if "heldout" in results and results["heldout"]:
        m = macro(results["heldout"])
        out += ["## Held-out threads (the rules were not developed on them): the figures quoted", ""]
        out += ["| | target | macro P | macro R | macro F1 |", "|---|---|---|---|---|"]
        for name, s in m.items():
            target = TARGETS.get(name.split(" ")[0] if name != "term relations" else "relations", "")
            if name.startswith("claims ("):
                target = ""
            out.append(f"| {name} | {target} | {s['precision']:.2f} | {s['recall']:.2f} | {s['f1']:.2f} |")
        out += [""] + table(results["heldout"], "Held-out, per thread")
        out += ["### Calibration (held-out): how often an item drafted at each confidence matches the gold", ""]
        out += calibration(calib) + [""]
    if "dev" in results:
        out += ["## Development threads (the rules were developed on them; the bundled thread among them)", ""]
        out += table(results["dev"], "Development, per thread")
    print("\n".join(out))
    if args.part == "all":
        stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        head = [f"Run {stamp} on {platform.machine()}, Python {platform.python_version()}; drafting took "
                f"{statistics.median(seconds):.2f} s per thread (median). Each P / R / F1 is a draft with no terms "
                "given, from the thread's raw text, against its hand-made gold (bench/gold/README.md).", ""]
        (HERE / "RESULTS-drafting.md").write_text("\n".join(lines + head + out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
