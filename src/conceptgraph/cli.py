"""The ``conceptgraph`` command line: the only module that knows about Click.

Each command reads its options, calls one library function and prints the result
through :func:`conceptgraph.output.emit`. Domain errors become one line on stderr and
the exit code given in :data:`conceptgraph.errors.EXIT_CODES`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import click

from . import __version__
from .errors import EXIT_CODES, ConceptGraphError
from .graph import DATA_ENV, graph_summary, load_graph
from .output import emit, table


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
            sys.stderr.close()
            ctx.exit(0)


def data_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--data PATH``, also read from $CONCEPTGRAPH_DATA; the bundled dataset by default."""
    return click.option(
        "--data",
        "data",
        envvar=DATA_ENV,
        metavar="PATH",
        default=None,
        help=f"Dataset file or folder (default: ${DATA_ENV}, else the bundled discussion).",
    )(f)


def json_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--json``: print the result as JSON instead of a table."""
    return click.option("--json", "as_json", is_flag=True, help="Print JSON (shape documented in the README).")(f)


def _example(text: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Append an example to a command's help."""

    def deco(f: Callable[..., Any]) -> Callable[..., Any]:
        f.__doc__ = (f.__doc__ or "").rstrip() + "\n\n\b\nExample:\n" + "\n".join(
            "  " + line for line in text.strip().splitlines()
        )
        return f

    return deco


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="conceptgraph")
def cli() -> None:
    """Explore a discussion as a graph of terms, attributes and the people who spoke.

    The bundled dataset is "The difference between cooperation and coordination"
    (Shawn Callahan, 2008): what a dozen people say separates cooperation from
    collaboration, with every claim's speaker, words and place.

    \b
    Start with:
      conceptgraph info
      conceptgraph compare cooperation collaboration
    """


@cli.command()
@data_option
@json_option
@_example("conceptgraph info\nconceptgraph info --json --data mydata.yaml")
def info(data: str | None, as_json: bool) -> None:
    """Show the dataset's source and its nodes and edges counted by kind."""
    emit(graph_summary(load_graph(data)), as_json, _info_text)


def _info_text(s: dict[str, Any]) -> str:
    src = s["source"]
    head = f"{src['title'] or '(untitled)'}" + (f" — {src['author']}" if src["author"] else "")
    head += f", {src['date']}" if src["date"] else ""
    nodes = table(s["nodes"].items(), ["node kind", "count"])
    edges = table(s["edges"].items(), ["edge kind", "count"])
    return f"{head}\n\n{nodes}\n\n{edges}"


@cli.command()
@click.argument("path", required=False)
@data_option
@json_option
@_example("conceptgraph validate graph_data/\nconceptgraph validate mydata.yaml")
def validate(path: str | None, data: str | None, as_json: bool) -> None:
    """Check a dataset file or folder; report its first mistake with file and line.

    Exits 0 when the dataset is valid, 1 (with a one-line error) when it is not.
    """
    summary = graph_summary(load_graph(path or data))
    emit({"valid": True, **summary}, as_json, lambda s: "valid: " + _counts(s))


def _counts(s: dict[str, Any]) -> str:
    nodes = ", ".join(f"{n} {k}s" for k, n in s["nodes"].items())
    return f"{nodes}; {sum(s['edges'].values())} edges"


def main() -> None:
    """Entry point of the console script."""
    cli(prog_name="conceptgraph")

