"""How far two careful people agree: the ceiling the drafter's figures are read against.

    python bench/agreement.py        # writes bench/RESULTS-agreement.md

Some held-out threads were annotated a second time, each by an annotator who saw neither
the first gold nor the rules and never ran the drafter (bench/gold/second/README.md). The
second annotation is scored against the first exactly as a draft is, with
``conceptgraph.draft.evaluate``: P is the share of the second annotator's items the first
also has, R the share of the first's the second also has. Beside it, the draft of the same
threads against the same (first) gold, so both are read on one scale.
"""
from __future__ import annotations

import statistics
import sys
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent

from drafting import TARGETS  # noqa: E402  (the issue's targets, as the drafting bench states them)

from conceptgraph import load_dataset  # noqa: E402
from conceptgraph.discussions import read_discussion  # noqa: E402
from conceptgraph.draft import draft  # noqa: E402
from conceptgraph.draft.evaluate import evaluate  # noqa: E402
from conceptgraph.model import Dataset  # noqa: E402

SECTIONS = [("terms", "terms", True), ("claims", "claims", True), ("claims", "claims (lenient)", False),
            ("relations", "term relations", True), ("stances", "stances", True)]
KEYS = ("precision", "recall", "f1")


def scores(second: Dataset, gold: Dataset) -> dict[str, dict[str, float]]:
    """The figures of ``second`` (another annotation, or a draft) against ``gold``."""
    strict, lenient = evaluate(second, gold), evaluate(second, gold, attributes=False)
    return {name: (strict if exact else lenient)[section] for section, name, exact in SECTIONS}


def main() -> None:
    rows: list[tuple[str, dict, dict]] = []
    for path in sorted((HERE / "gold" / "second").glob("*.yaml")):
        gold_path = HERE / "gold" / "heldout" / path.name
        gold = load_dataset(gold_path)
        # (where an annotator kept a message's quoted lines, evaluate finds its quotes again
        # in the first gold's words, as it does for any two annotations of one thread)
        human = scores(load_dataset(path), gold)
        ds, _ = read_discussion([gold_path.with_suffix(".txt")])
        drafted = replace(draft(ds), contributors=ds.contributors, messages=ds.messages)
        rows.append((path.stem, human, scores(drafted, gold)))
    if not rows:
        sys.exit("no second annotation in bench/gold/second")

    def cell(s: dict[str, float]) -> str:
        return " / ".join(f"{s[k]:.2f}" for k in KEYS)

    def mean(which: int, name: str) -> dict[str, float]:
        return {k: statistics.mean(r[which][name][k] for r in rows) for k in KEYS}

    out = ["# Two annotators, and the draft, on the same held-out threads", "",
           f"{len(rows)} held-out threads annotated twice (bench/gold/second/README.md). Each cell is P / R / F1 "
           "against the first (committed) gold, scored as `conceptgraph evaluate` scores a draft.", "",
           "## Macro", "", "| | second annotator | draft | target for the draft |", "|---|---|---|---|"]
    for section, name, exact in SECTIONS:
        target = TARGETS.get(section, "") if exact else ""
        out.append(f"| {name} | {cell(mean(1, name))} | {cell(mean(2, name))} | {target} |")
    out += ["", "## Per thread", "", "| thread | " + " | ".join(
        f"{name}: second / draft (F1)" for _, name, _ in SECTIONS) + " |", "|---" * (len(SECTIONS) + 1) + "|"]
    for thread, human, drafted in rows:
        out.append(f"| {thread} | " + " | ".join(
            f"{human[name]['f1']:.2f} / {drafted[name]['f1']:.2f}" for _, name, _ in SECTIONS) + " |")
    text = "\n".join(out) + "\n"
    print(text)
    (HERE / "RESULTS-agreement.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
