"""Validate XML exports against the official schemas in tests/schemas, offline:
the schemas' absolute URLs are mapped to the local copies and nothing is fetched."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from conftest import ROOT, need

SCHEMAS = ROOT / "tests" / "schemas"


@cache
def schema(kind: str):
    """The lxml XMLSchema for ``graphml`` (1.0) or ``gexf`` (1.3)."""
    from lxml import etree

    need(SCHEMAS.is_dir(), f"the official schemas are not at {SCHEMAS}")
    base = {"graphml": SCHEMAS / "graphml" / "1.0", "gexf": SCHEMAS / "gexf" / "1.3"}[kind]
    remote = "http://graphml.graphdrawing.org/xmlns/1.0/"

    class Local(etree.Resolver):
        def resolve(self, url, pubid, context):
            if url.startswith(remote):
                return self.resolve_filename(str(base / url[len(remote):]), context)
            if url.startswith(("http://", "https://")):
                raise AssertionError(f"schema tried to fetch {url}")
            return None

    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(Local())
    main = base / ("graphml.xsd" if kind == "graphml" else "gexf.xsd")
    return etree.XMLSchema(etree.parse(str(main), parser))


def validate(kind: str, path: Path) -> None:
    """Raise AssertionError with the schema's first complaint when ``path`` is invalid."""
    from lxml import etree

    doc = etree.parse(str(path), etree.XMLParser(no_network=True, resolve_entities=False, huge_tree=True))
    s = schema(kind)
    if not s.validate(doc):
        raise AssertionError(f"{path.name} is invalid: {s.error_log.filter_from_errors()[0]}")


VIZ = "http://gexf.net/1.3/viz"


@cache
def relaxng():
    """The official GEXF 1.3 RelaxNG (which puts visual data in the viz namespace)."""
    from lxml import etree

    need((SCHEMAS / "gexf" / "1.3" / "rng" / "gexf.rng").is_file(), "the GEXF RelaxNG is not in tests/schemas")
    return etree.RelaxNG(etree.parse(str(SCHEMAS / "gexf" / "1.3" / "rng" / "gexf.rng")))


def validate_gexf(path: Path) -> None:
    """GEXF against the official RelaxNG, whole, and against the official XSD with the
    viz elements set aside: the XSD's viz.xsd has no namespace, so it wants colours and
    positions in the core namespace, where the RelaxNG, Gephi and networkx do not look."""
    from lxml import etree

    doc = etree.parse(str(path), etree.XMLParser(no_network=True, resolve_entities=False, huge_tree=True))
    rng = relaxng()
    if not rng.validate(doc):
        raise AssertionError(f"{path.name} is invalid against the RelaxNG: {rng.error_log.filter_from_errors()[0]}")
    for el in doc.iter(f"{{{VIZ}}}*"):
        el.getparent().remove(el)
    s = schema("gexf")
    if not s.validate(doc):
        raise AssertionError(f"{path.name} is invalid against the XSD: {s.error_log.filter_from_errors()[0]}")
