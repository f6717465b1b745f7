"""Seeded synthetic datasets shaped like the real discussion, of any size.

    python bench/generate.py --nodes 20000 --edges 60000 -o /tmp/big.yaml

About 10% of the nodes are terms, 70% attributes and 20% contributors; each claim
gives two edges (term -> attribute, contributor -> attribute) and the rest of the
edges are relations (term contrasts, attribute oppositions, agreements). Labels,
names and quotes have the lengths of the real ones. The same arguments always give
the same file.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

WORDS = (
    "co operate labour shared stake outcome purpose active passive wilful effort focus result meaning "
    "network community trust respect value create together separate agenda intense relationship "
    "product process human market conversation ownership reward flow attention responsibility social "
    "capital strategic tactical operational deep shallow surface level collective individual moral "
    "ground emergent private public context work home time clock face watching specialised task"
).split()
FIRST = "Mary Alice Luke Dave Jim Victoria Patti Matt Ken Todd Ron Rob Bart Jack Ana Wei Olu Sara Ines Omar".split()
LAST = "Arthur Naismith Snowden Benson Ward Anklam Moore Pollard Carver Stewart Hooper Okafor Lindqvist Tanaka".split()
TERM_RELATIONS = ["contrasts_with", "includes", "overlaps_with", "similar_to", "related_to"]


def _phrase(rng: random.Random, lo: int, hi: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(lo, hi)))


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate(nodes: int, edges: int, seed: int = 0) -> str:
    """The YAML text of a dataset with about ``nodes`` nodes and ``edges`` edges."""
    rng = random.Random(seed)
    n_terms = max(2, nodes // 10)
    n_people = max(1, nodes // 5)
    n_attrs = max(1, nodes - n_terms - n_people)
    n_relations = max(0, edges // 10)
    n_claims = max(1, (edges - n_relations) // 2)
    out = [f"source: {{title: {_q(f'Synthetic discussion {nodes} nodes, seed {seed}')}, author: bench, date: '2026-01-01'}}",
           "terms:"]
    for i in range(n_terms):
        word = f"{_phrase(rng, 1, 2)} {i}"
        out.append(f"  - {{id: t{i}, label: {_q(word)}, aliases: [{_q(word + 's')}, {_q('co-' + word)}], "
                   f"gloss: {_q(_phrase(rng, 6, 14))}}}")
    out.append("attributes:")
    for i in range(n_attrs):
        out.append(f"  - {{id: a{i}, label: {_q(_phrase(rng, 2, 5))}}}")
    out.append("contributors:")
    for i in range(n_people):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}"
        out.append(f"  - {{id: p{i}, name: {_q(name)}, role: {'respondent' if i % 7 == 0 else 'commenter'}, "
                   f"where: comment {i + 1}}}")
    out.append("claims:")
    for _ in range(n_claims):
        t, a, p = rng.randrange(n_terms), rng.randrange(n_attrs), rng.randrange(n_people)
        neg = ", negated: true" if rng.random() < 0.05 else ""
        out.append(f"  - {{term: t{t}, attribute: a{a}, by: p{p}{neg}, quote: {_q(_phrase(rng, 8, 30))}}}")
    out.append("relations:")
    for _ in range(n_relations):
        r = rng.random()
        if r < 0.4:
            kind, s, t = rng.choice(TERM_RELATIONS), f"t{rng.randrange(n_terms)}", f"t{rng.randrange(n_terms)}"
        elif r < 0.85:
            kind, s, t = "opposes", f"a{rng.randrange(n_attrs)}", f"a{rng.randrange(n_attrs)}"
        else:
            kind, s, t = rng.choice(["agrees_with", "disputes"]), f"p{rng.randrange(n_people)}", f"p{rng.randrange(n_people)}"
        by = f"p{rng.randrange(n_people)}"
        if kind in ("agrees_with", "disputes"):
            by = s  # a stance is its speaker's
        out.append(f"  - {{kind: {kind}, source: {s}, target: {t}, by: {by}, quote: {_q(_phrase(rng, 5, 20))}}}")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=2000)
    ap.add_argument("--edges", type=int, default=6000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("-o", "--output", default="-")
    a = ap.parse_args(argv)
    text = generate(a.nodes, a.edges, a.seed)
    if a.output == "-":
        sys.stdout.write(text)
    else:
        Path(a.output).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
