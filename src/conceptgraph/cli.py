"""The ``conceptgraph`` command line: the only module that knows about Click.

Each command reads its options, calls one library function and prints the result
through :func:`conceptgraph.output.emit`. Domain errors become one line on stderr and
the exit code given in :data:`conceptgraph.errors.EXIT_CODES`.
"""

from __future__ import annotations

import inspect
import os
import sys
from collections.abc import Callable
from typing import Any

import click

from . import __version__
from . import queries, text
from .errors import EXIT_CODES, ConceptGraphError, NoResult
from .formats import FORMATS
from .graph import DATA_ENV, NODE_KINDS, graph_summary, load_graph
from .names import search as search_nodes
from .output import emit


class _Group(click.Group):
    """Maps domain errors to one line on stderr and their exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ConceptGraphError as e:
            click.echo(f"Error: {e}", err=True)
            code = next((c for cls, c in EXIT_CODES.items() if isinstance(e, cls)), 1)
            ctx.exit(code)
        except BrokenPipeError:  # `conceptgraph ... | head` closed the pipe: not an error
            # Point stdout at /dev/null so that the flush at exit does not fail again.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(0)


def _graph(data: str | None) -> Any:
    """The graph a command works on, through the cache of built graphs."""
    return load_graph(data, cache=True)


def data_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--data PATH``, also read from $CONCEPTGRAPH_DATA; the bundled dataset by default."""
    return click.option(
        "--data",
        "data",
        envvar=DATA_ENV,
        metavar="PATH",
        default=None,
        help=f"Dataset file or folder, or a .graphml/.gexf/.json graph (default: ${DATA_ENV}, "
        "else the bundled discussion).",
    )(f)


def json_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--json``: print the result as JSON instead of a table."""
    return click.option("--json", "as_json", is_flag=True, help="Print JSON (shape documented in the README).")(f)


def _example(example: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Append an example to a command's help."""

    def deco(f: Callable[..., Any]) -> Callable[..., Any]:
        # cleandoc first: the example's lines are not indented, and Click dedents the whole text
        f.__doc__ = inspect.cleandoc(f.__doc__ or "") + "\n\n\b\nExample:\n" + "\n".join(
            "  " + line for line in example.strip().splitlines()
        )
        return f

    return deco


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="conceptgraph")
@click.option("-q", "--quiet", is_flag=True, help="No progress bars on stderr.")
def cli(quiet: bool) -> None:
    """Explore a discussion as a graph of terms, attributes and the people who spoke.

    The bundled dataset is "The difference between cooperation and coordination"
    (Shawn Callahan, 2008): what a dozen people say separates cooperation from
    collaboration, with every claim's speaker, words and place.

    \b
    Start with:
      conceptgraph info
      conceptgraph compare cooperation collaboration

    Built graphs are cached under ~/.cache/conceptgraph (set CONCEPTGRAPH_CACHE to
    another folder, or to "off").
    """
    if quiet:
        from .progress import set_quiet

        set_quiet()


@cli.command()
@data_option
@json_option
@_example("conceptgraph info\nconceptgraph info --json --data mydata.yaml")
def info(data: str | None, as_json: bool) -> None:
    """Show the dataset's source and its nodes and edges counted by kind."""
    emit(graph_summary(_graph(data)), as_json, text.info_text)


@cli.command()
@click.argument("path", required=False)
@data_option
@json_option
@_example("conceptgraph validate graph_data/\nconceptgraph validate mydata.yaml")
def validate(path: str | None, data: str | None, as_json: bool) -> None:
    """Check a dataset file or folder; report its first mistake with file and line.

    Exits 0 when the dataset is valid, 1 (with a one-line error) when it is not.
    """
    summary = graph_summary(load_graph(path or data))  # never from the cache: this checks the files
    emit({"valid": True, **summary}, as_json, text.validate_text)


def _found(rows: list[Any], what: str) -> list[Any]:
    """Empty answers exit 5 with a message, as grep does when nothing matches."""
    if not rows:
        raise NoResult(what)
    return rows


kind_option = click.option("--kind", type=click.Choice(NODE_KINDS), help="Only nodes of this kind.")
quotes_option = click.option("--quotes", is_flag=True, help="Show every quote behind each line.")


@cli.command()
@click.argument("name")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(1), help="How many steps out.")
@kind_option
@click.option("--relation", metavar="KIND", help="Follow only edges of this kind (claim, asserts, opposes, ...).")
@data_option
@json_option
@_example("conceptgraph neighbors cooperation\nconceptgraph neighbors co-operate --depth 2 --kind contributor")
def neighbors(name: str, depth: int, kind: str | None, relation: str | None, data: str | None, as_json: bool) -> None:
    """List the nodes around NAME (a term, attribute or contributor), in both directions."""
    rows = queries.neighbors(_graph(data), name, depth=depth, kind=kind, relation=relation)
    emit(_found(rows, f"no neighbours of '{name}' match"), as_json, text.neighbors_text)


@cli.command()
@click.argument("a")
@click.argument("b")
@quotes_option
@data_option
@json_option
@_example("conceptgraph compare cooperation collaboration --quotes")
def compare(a: str, b: str, quotes: bool, data: str | None, as_json: bool) -> None:
    """How terms A and B differ, who says so, and what they share.

    Lists the distinctions drawn (an attribute of A opposed to one of B), what is said
    only of A or only of B, what of both, what someone denies, and how A and B relate.
    """
    emit(queries.compare(_graph(data), a, b, quotes=quotes), as_json, text.compare_text)


@cli.command()
@click.argument("a")
@click.argument("b")
@data_option
@json_option
@_example("conceptgraph why cooperation passive\nconceptgraph why todd cooperation")
def why(a: str, b: str, data: str | None, as_json: bool) -> None:
    """Every claim or relation linking A and B: speaker, quote and place."""
    emit(queries.why(_graph(data), a, b), as_json, text.why_text)


@cli.command()
@click.argument("name")
@data_option
@json_option
@_example("conceptgraph who 'Bart Stewart'\nconceptgraph who todd --json")
def who(name: str, data: str | None, as_json: bool) -> None:
    """What a contributor claimed, and whom they agree with or dispute."""
    emit(queries.who(_graph(data), name), as_json, text.who_text)


@cli.command()
@data_option
@json_option
@_example("conceptgraph contributors")
def contributors(data: str | None, as_json: bool) -> None:
    """Everyone who spoke, with role, place and number of claims."""
    emit(queries.contributors(_graph(data)), as_json, text.contributors_text)


@cli.command()
@click.argument("a")
@click.argument("b")
@click.option("--quotes/--no-quotes", default=True, show_default=True, help="Show the quote behind each step.")
@data_option
@json_option
@_example("conceptgraph path jack-hooper ken")
def path(a: str, b: str, quotes: bool, data: str | None, as_json: bool) -> None:
    """A shortest path between two nodes, explained edge by edge."""
    emit(queries.path(_graph(data), a, b, quotes=quotes), as_json, text.path_text)


@cli.command()
@click.argument("term", required=False)
@quotes_option
@data_option
@json_option
@_example("conceptgraph consensus\nconceptgraph consensus collaboration")
def consensus(term: str | None, quotes: bool, data: str | None, as_json: bool) -> None:
    """Where people agree (attributes by number of supporters) and where they differ."""
    emit(queries.consensus(_graph(data), term, quotes=quotes), as_json, text.consensus_text)


@cli.command()
@click.option("--by", type=click.Choice(["degree", "betweenness"]), default="degree", show_default=True)
@kind_option
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1), help="How many to list.")
@data_option
@json_option
@_example("conceptgraph rank --by betweenness --kind term")
def rank(by: str, kind: str | None, limit: int, data: str | None, as_json: bool) -> None:
    """The nodes that hold the discussion together."""
    emit(_found(queries.rank(_graph(data), by=by, kind=kind, limit=limit), "no node to rank"), as_json, text.rank_text)


@cli.command()
@click.option("--seed", default=0, show_default=True, help="Seed of the Louvain method (same seed, same clusters).")
@click.option("--resolution", default=1.0, show_default=True, help="Above 1: more, smaller clusters.")
@data_option
@json_option
@_example("conceptgraph clusters --resolution 1.5")
def clusters(seed: int, resolution: float, data: str | None, as_json: bool) -> None:
    """Groups of concepts and people that hang together (Louvain communities)."""
    emit(_found(queries.clusters(_graph(data), seed=seed, resolution=resolution), "the graph is empty"),
         as_json, text.clusters_text)


@cli.command()
@click.argument("text_", metavar="TEXT")
@kind_option
@data_option
@json_option
@_example("conceptgraph search co-operate\nconceptgraph search stake --kind attribute")
def search(text_: str, kind: str | None, data: str | None, as_json: bool) -> None:
    """Find terms, attributes and contributors by label, alias or inflection.

    Case, spaces and punctuation are ignored: "co-operate" finds cooperation.
    """
    emit(_found(search_nodes(_graph(data), text_, kind=kind), f"nothing matches '{text_}'"), as_json, text.search_text)


@cli.command()
@click.option("-o", "--output", "output", default=None, metavar="PATH",
              help="Where to write the page (default: output/concept_graph.html; - for stdout).")
@click.option("--open", "open_", is_flag=True, help="Open the page in the default browser.")
@click.option("--focus", metavar="NAME", help="Draw only the neighbourhood of this node.")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(1), help="Steps around --focus.")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(NODE_KINDS), help="Draw only these node kinds (repeat).")
@data_option
@_example("conceptgraph render --open\nconceptgraph render --focus cooperation --depth 2 -o coop.html")
def render(output: str | None, open_: bool, focus: str | None, depth: int, kinds: tuple[str, ...], data: str | None) -> None:
    """Write the graph as one interactive HTML page that works offline.

    The page has a legend, a search box over labels and aliases, filters for each kind
    of node and link, a focus view, and a panel with every quote behind a node or link.
    """
    from .render import DEFAULT_OUTPUT, render_html, write_page

    G = _graph(data)
    if output == "-":
        click.echo(render_html(G, focus=focus, depth=depth, kinds=list(kinds)), nl=False)
        return
    path = write_page(G, output or DEFAULT_OUTPUT, focus=focus, depth=depth, kinds=list(kinds))
    click.echo(f"wrote {path}", err=True)
    if open_:
        click.launch(str(path.resolve()))


@cli.command()
@click.option("--format", "fmt", required=True, type=click.Choice(list(FORMATS)), help="What to write.")
@click.option("-o", "--output", "output", metavar="PATH",
              help="File (folder for neo4j); - for stdout; default under output/.")
@data_option
@json_option
@_example("conceptgraph export --format graphml\nconceptgraph export --format neo4j -o neo4j-import/\n"
          "conceptgraph export --format mermaid -o - > graph.mmd")
def export(fmt: str, output: str | None, data: str | None, as_json: bool) -> None:
    """Write the graph for another tool.

    \b
    graphml    yEd, Cytoscape, igraph, Gephi (valid against the GraphML XSD)
    gexf       Gephi (GEXF 1.3, with colours and positions)
    json       networkx node-link JSON
    cytoscape  Cytoscape.js elements, with positions
    neo4j      a folder of CSVs, and the neo4j-admin command that loads them
    mermaid    a flowchart for Markdown

    Every format keeps each claim's speaker, quote and place. Files are replaced
    atomically: a failed export leaves the previous file as it was.
    """
    from .formats import export as export_graph

    result = export_graph(_graph(data), fmt, output)
    if result["path"] == "-":
        return
    if as_json:
        emit(result, True, str)
    else:
        click.echo(f"wrote {result['path']}", err=True)
        if "command" in result:
            click.echo(result["command"])


def main() -> None:
    """Entry point of the console script."""
    cli(prog_name="conceptgraph")

