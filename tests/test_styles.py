"""The link colours can be seen and told apart: WCAG 1.4.11's 3:1 against the white
canvas, and apart from each other in normal vision and in simulated colour blindness."""

from __future__ import annotations

import itertools
import re

import pytest

from conceptgraph.styles import EDGE_STYLES, contrast, rgb

# Machado, Oliveira and Fernandes (2009), severity 1.0, applied to linear RGB
MACHADO = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}


def _lab(colour: str, vision: str | None) -> tuple[float, float, float]:
    """CIELAB (D65) of a colour as seen with ``vision`` (None: normal)."""
    lin = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in (c / 255 for c in rgb(colour))]
    if vision:
        lin = [min(1.0, max(0.0, sum(m * x for m, x in zip(row, lin)))) for row in MACHADO[vision]]
    x = (0.4124 * lin[0] + 0.3576 * lin[1] + 0.1805 * lin[2]) / 0.95047
    y = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    z = (0.0193 * lin[0] + 0.1192 * lin[1] + 0.9505 * lin[2]) / 1.08883
    f = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in (x, y, z)]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def _apart(a: str, b: str, vision: str | None) -> float:
    return sum((p - q) ** 2 for p, q in zip(_lab(a, vision), _lab(b, vision))) ** 0.5


def test_the_simulation_is_the_published_one():
    # red and green, far apart in normal vision, nearly meet for a deuteranope
    assert _apart("#FF0000", "#00FF00", None) > 150
    assert _apart("#FF0000", "#00FF00", "deuteranopia") < 30
    assert _apart("#FF0000", "#00FF00", "protanopia") < 70
    assert _apart("#808080", "#808080", "tritanopia") == 0


@pytest.mark.parametrize("kind", EDGE_STYLES)
def test_every_link_stands_out_from_the_canvas(kind):
    assert contrast(EDGE_STYLES[kind]["color"], "#FFFFFF") >= 3, kind


@pytest.mark.parametrize("vision", [None, *MACHADO])
def test_link_kinds_of_different_colours_stay_apart(vision):
    colours = {s["color"]: k for k, s in EDGE_STYLES.items()}
    closest = min((_apart(a, b, vision), colours[a], colours[b]) for a, b in itertools.combinations(colours, 2))
    assert closest[0] >= 8, closest  # CIE76: 2.3 is just noticeable; 8 reads as another colour


def test_a_faint_node_s_label_can_still_be_read():
    """With a panel open, the nodes it is not about are faded; their labels take one grey,
    at 4.5:1 or more on every kind's fill as faded (a draft's too) and on the canvas."""
    from pathlib import Path

    from conceptgraph.styles import NODE_STYLES, draft_style

    js = (Path(__file__).parent.parent / "src" / "conceptgraph" / "templates" / "explorer.js").read_text("utf-8")
    faint = float(re.search(r"const FAINT = ([\d.]+)", js).group(1))
    text = re.search(r'const FAINT_TEXT = "(#[0-9A-Fa-f]{6})"', js).group(1)

    def faded(fill: str) -> str:
        return "#" + "".join(f"{round(faint * c + (1 - faint) * 255):02X}" for c in rgb(fill))

    fills = [s["color"] for s in NODE_STYLES.values()] + [draft_style(k)["color"] for k in NODE_STYLES]
    assert min(contrast(text, faded(f)) for f in fills + ["#FFFFFF"]) >= 4.5
