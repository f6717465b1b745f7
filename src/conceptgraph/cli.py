"""The ``conceptgraph`` command line: the only module that knows about Click.

Each command reads its options, calls one library function and prints the answer
through :func:`conceptgraph.output.emit`. Domain errors become one line on stderr and
end the command with the exit code their class carries; warnings are one line each.
The graph library is imported only when a command runs, so ``--help`` and
``--version`` answer at once.
"""

from __future__ import annotations

import os
import re
import shlex
import signal
import sys
import textwrap
import warnings
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import click

from . import __version__
from .errors import (
    ConceptGraphError,
    ConceptGraphWarning,
    NoDatasetFile,
    NodeNotFound,
    NoResult,
    UsageError,
    WrongKind,
    did_you_mean,
    excerpt,
    printable,
)

if TYPE_CHECKING:
    from .graph import Graph

DATA_ENV = "CONCEPTGRAPH_DATA"


def _message(text: str) -> str:
    """One line for stderr: control characters escaped, at most 500 characters."""
    text = printable(text)
    return text if len(text) <= 500 else text[:500] + "…"


class _Group(click.Group):
    """Maps domain errors to one line on stderr and their exit code, and shows Click's
    own usage errors with any control character the user typed escaped."""

    #: Another spelling of a command's name, taken as it (the README and the page write
    #: "neighbours"); not listed in --help
    SPELLINGS = {"neighbours": "neighbors"}

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return super().get_command(ctx, self.SPELLINGS.get(cmd_name, cmd_name))

    def main(self, *args: Any, **kwargs: Any) -> Any:
        if kwargs.get("standalone_mode", True) is False:
            return super().main(*args, **kwargs)
        kwargs["standalone_mode"] = False
        try:
            code = super().main(*args, **kwargs)
        except click.exceptions.Abort:  # Ctrl-C: every write in progress has removed its temporary file
            click.echo("Interrupted: nothing was left half-written.", err=True)
            sys.exit(130)
        except click.ClickException as e:
            if isinstance(e, click.exceptions.NoSuchOption) and e.possibilities:
                e = click.exceptions.NoSuchOption(e.option_name, possibilities=_likeliest(e.option_name, e.possibilities),
                                                  ctx=e.ctx)
            # one line, as every error: what was wrong, and where the help is (not the usage text)
            hint = f" ({e.ctx.command_path} {e.ctx.help_option_names[0]} for help)" \
                if isinstance(e, click.UsageError) and e.ctx is not None else ""
            click.echo(f"Error: {_message(e.format_message())}{_data_hint(e) or hint}", err=True)
            sys.exit(e.exit_code)
        except click.exceptions.Exit as e:
            sys.exit(e.exit_code)
        except ConceptGraphError as e:  # writing the help or the version to a full standard output
            click.echo(f"Error: {_message(str(e))}", err=True)
            sys.exit(e.exit_code)
        except UnicodeEncodeError:
            # bytes typed in another encoding than UTF-8 ("--title $'\\xff'") reach Python as half
            # characters no file can hold: said of the value, when one the user gave holds them
            from .formats.common import LONE_SURROGATE

            typed = kwargs.get("args") or (args[0] if args else None) or sys.argv[1:]
            given = next((a for a in typed if isinstance(a, str) and LONE_SURROGATE.search(a)), None)
            if given is None:
                raise
            shown = repr(given.encode("utf-8", "surrogateescape"))[2:-1]  # the byte as typed: \\xff
            click.echo(f"Error: '{_message(shown)}' holds bytes that are not UTF-8 text: give it in UTF-8", err=True)
            sys.exit(UsageError.exit_code)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ConceptGraphError as e:
            settings = ctx.find_object(_Settings)
            # a name not found where the user did not say what to read: say what was read, a
            # likeness found in it too ("fact": did you mean 'always active'?)
            also = " (in the bundled discussion: give --data for yours)" if isinstance(e, NodeNotFound) \
                and not isinstance(e, WrongKind) and settings is not None and settings.bundled else ""
            said = str(e)
            if isinstance(e, NodeNotFound) and e.name and settings is not None and settings.read:
                said = _rejected(settings.read, e.name, e.kind) or said
            if isinstance(e, NoDatasetFile):  # what the folder holds instead: an export to import
                from pathlib import Path

                from .discussions import export_hint

                also = export_hint(Path(e.file))
            click.echo(f"Error: {_message(said)}{also}", err=True)
            ctx.exit(e.exit_code)
        except BrokenPipeError:  # `conceptgraph ... | head` closed the pipe: not an error
            # Point stdout at /dev/null so that the flush at exit does not fail again.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(0)


def _likeliest(typed: str, options: Sequence[str]) -> list[str]:
    """The options a mistyped one is likeliest to be, best first; only the best when it
    is clearly so ("--fromat": --format, not --draft).

    >>> _likeliest("--fromat", ["--draft", "--format"]), _likeliest("--forc", ["--force", "--format"])
    (['--format'], ['--force'])
    """
    import difflib

    scored = sorted(((difflib.SequenceMatcher(None, typed, o).ratio() + (sorted(typed) == sorted(o)), o)
                     for o in options), reverse=True)
    best = scored[0][0]
    return [o for score, o in scored if score >= best - 0.05]


def _rejected(data: str, name: str, kind: str | None) -> str:
    """Where a name missing from a reviewed folder went, when its review rejected it
    (with everything that used it): said, with how to have it back; else ""."""
    from .decisions import rejected_as

    rid = rejected_as(data, name, kind) if os.path.isdir(data) else None
    return (f"'{excerpt(name)}' was rejected in review ({rid} in {os.path.join(data, 'decisions.yaml')}), with what "
            f"used it: conceptgraph review {_shell(data)} --accept {rid} brings it back") if rid else ""


def _data_hint(e: click.ClickException) -> str:
    """What to type when a dataset was given where a command takes none ("conceptgraph
    thread out/team"): the queries read theirs from --data."""
    extra = re.fullmatch(r"Got unexpected extra argument \((.+)\)", e.format_message())
    if extra and os.path.exists(extra.group(1)):
        return f"; to read {extra.group(1)}, give --data {_shell(extra.group(1))}"
    return ""


def _show_warning(message: Warning | str, category: type[Warning], *args: Any, **kwargs: Any) -> None:
    if issubclass(category, ConceptGraphWarning):
        click.echo(f"Warning: {_message(str(message))}", err=True)


class _Settings:
    """What the group's options set, for the commands under it."""

    data: str | None = None
    bundled: bool = False  # the command read the bundled discussion, given no data of the user's
    read: str | None = None  # the data the command read, from wherever it was given
    min_confidence: float | None = None  # drafts under it are left out (--min-confidence)
    thread: str | None = None  # one thread of a dataset of several (--thread)
    thread_title: str | None = None  # the title of the one it picked


def _settings() -> _Settings:
    ctx = click.get_current_context()
    obj = ctx.find_object(_Settings)
    return obj if obj is not None else _Settings()


def _quiet(ctx: click.Context, param: click.Parameter, value: bool) -> bool:
    if value:
        from .progress import set_quiet

        set_quiet()
    return value


def _one_data(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> str | None:
    """--data given once: a second would be read in place of the first, which said nothing."""
    if len(value) > 1:
        raise click.UsageError(f"--data given {len(value)} times ({', '.join(value)}): a command reads one "
                               "dataset (`conceptgraph import A B -o FOLDER` puts threads in one)")
    return value[0] if value else None


def _data_option(help: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.option("--data", "data", metavar="PATH", multiple=True, callback=_one_data, help=help)


def common(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--data PATH`` and ``-q/--quiet``, which work before or after the command name."""
    f = click.option("-q", "--quiet", is_flag=True, expose_value=False, callback=_quiet, is_eager=True,
                     help="No progress or \"wrote\" lines on stderr.")(f)
    return _data_option(f"Dataset file or folder, or a .graphml/.gexf/.json graph (default: ${DATA_ENV}, "
                        "else the bundled discussion).")(f)


def _data(data: str | None) -> str | None:
    return data or _settings().data or os.environ.get(DATA_ENV) or None


def _graph(data: str | None, curated: bool = False) -> Graph:
    """The graph a command works on, through the cache of built graphs."""
    from .load import load_graph

    read = _settings().read = _data(data)
    _settings().bundled = read is None
    G = load_graph(read, cache=True)
    below = _settings().min_confidence
    if curated or below is not None:
        from .queries import without_drafts

        G = without_drafts(G, None if curated else below)
    if (picked := _settings().thread) is not None:
        from .threads import one_thread

        G = one_thread(G, picked)
        _settings().thread_title = str(G.graph["title"])
    return G


def json_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--json``: print the answer as JSON instead of text."""
    return click.option("--json", "as_json", is_flag=True, help="Print JSON (shape documented in the README).")(f)


def curated_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--curated``: leave out what was drafted from the text and not yet accepted; and
    ``--min-confidence X``: only the drafts under X."""
    f = click.option("--min-confidence", type=click.FloatRange(0, 1), metavar="X", expose_value=False,
                     callback=_min_confidence, help="Leave out the drafted items drafted with a confidence under X "
                     "(curated and accepted items stay).")(f)
    f = click.option("--thread", metavar="TITLE", expose_value=False, callback=_thread,
                     help="In a dataset of several threads (import A B), only what was said in the one this "
                     "names: its title (any case), its start or a part only it has, or its address.")(f)
    return click.option("--curated", is_flag=True, help="Leave out drafted items (status: draft).")(f)


def _thread(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None:
        ctx.ensure_object(_Settings).thread = value
    return value


def _min_confidence(ctx: click.Context, param: click.Parameter, value: float | None) -> float | None:
    ctx.ensure_object(_Settings).min_confidence = value
    return value


def _example(example: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Append an example to a command's help."""

    def deco(f: Callable[..., Any]) -> Callable[..., Any]:
        # cleandoc first: the example's lines are not indented, and Click dedents the whole text
        doc = f.__doc__ or ""
        first, _, rest = doc.partition("\n")
        f.__doc__ = (first.strip() + "\n" + textwrap.dedent(rest)).strip() + "\n\n\b\nExample:\n" + "\n".join(
            "  " + line for line in example.strip().splitlines()
        )
        return f

    return deco


def _complete_names(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
    """Shell completion of node names: ids and labels that start like what is typed."""
    try:
        from .names import node_names, normalise

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            G = _graph(ctx.params.get("data"))
        key = normalise(incomplete)
        out = []
        for n in G.nodes:
            for name in node_names(G, n):
                if normalise(name).startswith(key):
                    out.append(click.shell_completion.CompletionItem(name, help=str(G.nodes[n].get("kind", ""))))
                    break
        return out[:200]
    except Exception:  # noqa: BLE001 - completion must never print a traceback into a shell
        return []


def _name_argument(name: str, **kw: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.argument(name, shell_complete=_complete_names, **kw)


def _answer(result: Any, as_json: bool, command: str, empty: str = "") -> None:
    """Print the answer; an empty one still prints (``[]`` with --json) and exits 5."""
    from .output import emit, is_empty

    emit(result, as_json, command)
    if empty and is_empty(result):
        raise NoResult(empty)


def _written(result: dict[str, Any], as_json: bool) -> None:
    """What a command wrote: "wrote PATH" on stderr, with how many drafted items review has
    still to decide (what to do next on stdout), or the JSON."""
    from .output import drafted_note

    ctx = click.get_current_context(silent=True)
    settings = ctx.find_object(_Settings) if ctx is not None else None
    # given no data, the page is the bundled discussion's: said, lest it pass for one's own
    bundled = " (the bundled discussion: give --data for yours)" if settings is not None and settings.bundled else ""
    _say_written(result["path"] + drafted_note(result.get("drafted", 0)) + bundled, as_json)
    _answer(result, as_json, "export")


def _written_as(result: Any, as_json: bool, command: str) -> None:
    _say_written(result["path"], as_json)
    _answer(result, as_json, command)


def _say_written(path: str, as_json: bool) -> None:
    """"wrote PATH" on stderr, unless the output is JSON or -q asked for silence."""
    from .progress import is_quiet

    if not as_json and not is_quiet():
        click.echo(f"wrote {path}", err=True)


def _split_terms(ctx: click.Context, param: click.Parameter, value: str | None) -> list[str] | None:
    if value is None:
        return None
    names = [n.strip() for n in value.split(",") if n.strip()]
    if not names:
        raise click.BadParameter("give at least one term, e.g. --terms 'cooperation,collaboration'")
    return names


def _terms_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--terms`` and ``--max-terms`` of drafting."""
    f = click.option("--max-terms", default=30, show_default=True, type=click.IntRange(1, 1000),
                     help="At most this many terms found in the text (without --terms).")(f)
    return click.option("--terms", metavar="A,B,...", callback=_split_terms,
                        help="The terms to draft about (comma-separated; default: found in the text).")(f)


class _LazyChoice(click.ParamType):  # type: ignore[type-arg]
    """One of the names a registry holds. The registry is read only when a command needs
    it, so that the command line starts without importing every format."""

    name = "format"

    def __init__(self, names: Callable[[], list[str]], aliases: Callable[[], dict[str, str]] | None = None) -> None:
        self.names = names
        self.aliases = aliases or dict

    def get_metavar(self, *args: Any, **kwargs: Any) -> str:
        return "[" + "|".join(self.names()) + "]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        names = self.names()
        if value in names:
            return value
        folded, aliases = str(value).casefold(), self.aliases()
        if folded in names:  # "GraphML" is graphml
            return folded
        if folded in aliases:  # "mail" is mbox
            return aliases[folded]
        self.fail(f"'{value}' is not one of {', '.join(names)}{did_you_mean(folded, [*names, *aliases])}.", param, ctx)

    def shell_complete(self, ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
        return [click.shell_completion.CompletionItem(n) for n in self.names() if n.startswith(incomplete)]


class _TableHelp(click.Command):
    """Puts a registry's table (``table()``: name and help of each entry) where the help
    says FORMATS, when the help is shown."""

    @staticmethod
    def table() -> list[tuple[str, str]]:
        return []

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = self.table()
        width = max((len(name) for name, _ in rows), default=0)  # "stackexchange" is the longest name
        table = "\b\n" + "\n".join(f"{name:<{width}}  {text}" for name, text in rows)
        text, self.help = self.help, (self.help or "").replace("FORMATS", table, 1)
        try:
            super().format_help_text(ctx, formatter)
        finally:
            self.help = text


def _export_formats() -> list[tuple[str, str]]:
    from .formats import FORMATS

    return [(f.name, f.help) for f in FORMATS.values()]


def _import_formats() -> list[tuple[str, str]]:
    from .discussions import IMPORTERS

    return [(i.name, i.help) for i in IMPORTERS.values()]


def _with_aliases(rows: list[tuple[str, str]], aliases: dict[str, str]) -> list[tuple[str, str]]:
    """Each row's help with the other names --format takes for it: "(also: wordpress)"."""
    other: dict[str, list[str]] = {}
    for alias, name in aliases.items():
        other.setdefault(name, []).append(alias)
    return [(name, f"{text} (also: {', '.join(other[name])})" if name in other else text) for name, text in rows]


def _export_names() -> list[str]:
    return [name for name, _ in _export_formats()]


def _export_aliases() -> dict[str, str]:
    """A tool's name for the format it reads best: "export gephi" writes GEXF."""
    return {"gephi": "gexf", "d3": "json", "excel": "csv", "spreadsheet": "csv", "r": "pandas"}


def _import_names() -> list[str]:
    return ["auto", *(name for name, _ in _import_formats())]


def _import_aliases() -> dict[str, str]:
    from .discussions import IMPORT_ALIASES

    return IMPORT_ALIASES


class _FormatsHelp(_TableHelp):
    table = staticmethod(lambda: _with_aliases(_export_formats(), _export_aliases()))


class _ImportHelp(_TableHelp):
    table = staticmethod(lambda: _with_aliases(_import_formats(), _import_aliases()))


def _shell(*words: str) -> str:
    return " ".join(shlex.quote(w) for w in words)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="conceptgraph")
@click.option("-q", "--quiet", is_flag=True, expose_value=False, callback=_quiet, is_eager=True,
              help="No progress or \"wrote\" lines on stderr.")
@_data_option(f"Dataset or graph file for every command (default: ${DATA_ENV}, else the bundled discussion).")
@click.pass_context
def cli(ctx: click.Context, data: str | None) -> None:
    """Explore a discussion as a graph of terms, attributes and the people who spoke.

    The bundled dataset is "The difference between cooperation and coordination"
    (Shawn Callahan, 2008): what a dozen people say separates cooperation from
    collaboration, with every claim's speaker, words and place.

    \b
    Start with:
      conceptgraph info
      conceptgraph compare cooperation collaboration
      conceptgraph render --open

    \b
    Your own discussion (an export: WordPress, Discourse, Reddit, mail, Slack,
    a transcript...): imported and drafted, reviewed in the browser one key per
    decision, then explored:
      conceptgraph import thread.json -o mine --draft
      conceptgraph review mine
      conceptgraph --data mine compare "term a" "term b"

    Built graphs are cached under ~/.cache/conceptgraph (set CONCEPTGRAPH_CACHE to
    another folder, or to "off").
    """
    settings = ctx.ensure_object(_Settings)
    settings.data = data
    warnings.showwarning = _show_warning
    ctx.call_on_close(_unquiet)  # -q lasts one command, also when called from Python


def _unquiet() -> None:
    from .progress import set_quiet

    set_quiet(False)


@cli.command()
@common
@curated_option
@json_option
@_example("conceptgraph info\nconceptgraph info --json --data mydata.yaml\nconceptgraph info --curated --data drafted/")
def info(data: str | None, curated: bool, as_json: bool) -> None:
    """Show the dataset's source and its nodes and edges counted by kind (with
    --curated, those of the graph `export --curated` writes)."""
    from .graph import graph_summary

    _answer(graph_summary(_graph(data, curated)), as_json, "info")


@cli.command()
@click.argument("path", required=False)
@common
@json_option
@_example("conceptgraph validate graph_data/\nconceptgraph validate mydata.yaml")
def validate(path: str | None, data: str | None, as_json: bool) -> None:
    """Check a dataset file or folder; report its first mistake with file and line.

    Every quote is checked against the messages when the dataset has them. Exits 0
    when the dataset is valid, 1 (with a one-line error) when it is not.
    """
    from .graph import graph_summary
    from .load import load_graph

    summary = graph_summary(load_graph(path or _data(data)))  # never from the cache: this checks the files
    _answer({"valid": True, **summary}, as_json, "validate")


def _kind_option(multiple: bool = False) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    help_ = "Only nodes of this kind: term, attribute, contributor, message, or any kind the graph has."
    if multiple:
        return click.option("--kind", "kinds", multiple=True, metavar="KIND", help=help_ + " Repeat for several.")
    return click.option("--kind", metavar="KIND", help=help_)


def _given(name: str) -> bool:
    """Whether the option ``name`` was typed on the command line (not left at its default)."""
    from click.core import ParameterSource

    return click.get_current_context().get_parameter_source(name) is ParameterSource.COMMANDLINE


def _refuse_ignored(option: str, name: str, unless: bool, why: str) -> None:
    """Refuse an option typed where it would change nothing, rather than ignore it."""
    if _given(name) and not unless:
        raise UsageError(f"{option} {why}")


def _check_kinds(G: Graph, kinds: tuple[str, ...] | list[str]) -> None:
    from .kinds import NODE_KINDS

    have = list(dict.fromkeys([*NODE_KINDS, *(str(k) for _, k in G.nodes(data="kind"))]))
    for k in kinds:
        if k not in have:
            raise UsageError(f"unknown node kind '{k}'; this graph has: {', '.join(have)}")


quotes_option = click.option("--quotes", is_flag=True, help="Show every quote behind each line.")


@cli.command()
@_name_argument("name")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(1, 1000), help="How many steps out.")
@_kind_option()
@click.option("--relation", metavar="KIND", help="Follow only edges of this kind (claim, asserts, opposes, ...).")
@common
@curated_option
@json_option
@_example("conceptgraph neighbors cooperation\nconceptgraph neighbors co-operate --depth 2 --kind contributor")
def neighbors(name: str, depth: int, kind: str | None, relation: str | None, data: str | None, curated: bool,
              as_json: bool) -> None:
    """List the nodes around NAME (a term, attribute or contributor), in both directions.

    A claim someone denies is marked "(denied)".
    """
    from .queries import neighbors as query
    from .queries import nothing_near

    G = _graph(data, curated)
    _check_kinds(G, [kind] if kind else [])
    found = query(G, name, depth=depth, kind=kind, relation=relation)
    _answer(found, as_json, "neighbors", "" if found else nothing_near(G, name, depth, kind, relation))


@cli.command()
@_name_argument("a")
@_name_argument("b")
@quotes_option
@common
@curated_option
@json_option
@_example("conceptgraph compare cooperation collaboration --quotes")
def compare(a: str, b: str, quotes: bool, data: str | None, curated: bool, as_json: bool) -> None:
    """How terms A and B differ, who says so, and what they share.

    Lists the distinctions drawn (an attribute of A opposed to one of B, or said of one
    and denied of the other, with who said each side), what is said only of A or only
    of B, what one speaker said of both (and what some said of A and others of B), what
    someone denies, and how A and B relate. What is the curator's reading rather than
    the speakers' words is marked so.
    """
    from .queries import compare as query

    _answer(query(_graph(data, curated), a, b, quotes=quotes), as_json, "compare")


@cli.command()
@_name_argument("a")
@_name_argument("b")
@common
@curated_option
@json_option
@_example("conceptgraph why cooperation passive\nconceptgraph why todd cooperation")
def why(a: str, b: str, data: str | None, curated: bool, as_json: bool) -> None:
    """Every claim or relation linking A and B: speaker, quote and place.

    A drafted item says "drafted from the text"; the curator's own reading says so too.
    """
    from .queries import why as query
    from .queries import why_else

    G = _graph(data, curated)
    if not as_json and (more := why_else(G, a, b)):
        click.echo(f"note: {more}", err=True)
    _answer(query(G, a, b), as_json, "why",
            f"nothing links '{a}' and '{b}' directly; try `{_shell('conceptgraph', 'path', a, b)}`")


@cli.command()
@_name_argument("name")
@common
@curated_option
@json_option
@_example("conceptgraph who 'Bart Stewart'\nconceptgraph who Jim\nconceptgraph who todd --json")
def who(name: str, data: str | None, curated: bool, as_json: bool) -> None:
    """What a contributor claimed, and whom they agree with or dispute, about what.

    NAME may be a first name, last name or initials that no one else has, a first name
    with the last's initial ("Alex K.") or the reverse, or a word of a login ("mira" for
    mira-k).
    """
    from .queries import who as query

    _answer(query(_graph(data, curated), name), as_json, "who")


@cli.command()
@common
@curated_option
@json_option
@_example("conceptgraph contributors")
def contributors(data: str | None, curated: bool, as_json: bool) -> None:
    """Everyone who spoke, with role, place and numbers of messages and claims."""
    from .queries import contributors as query

    _answer(query(_graph(data, curated)), as_json, "contributors", "no contributors in this graph")


@cli.command()
@common
@curated_option
@json_option
@_example("conceptgraph terms")
def terms(data: str | None, curated: bool, as_json: bool) -> None:
    """Every term, with its other names and numbers of claims, people and relations.

    A drafted term not yet reviewed says so, with the confidence it was drafted with."""
    from .queries import terms as query

    _answer(query(_graph(data, curated)), as_json, "terms", "no terms in this graph")


@cli.command()
@_name_argument("a")
@_name_argument("b")
@click.option("--quotes/--no-quotes", default=True, show_default=True, help="Show the quote behind each step.")
@common
@curated_option
@json_option
@_example("conceptgraph path 'jack hooper' ken")
def path(a: str, b: str, quotes: bool, data: str | None, curated: bool, as_json: bool) -> None:
    """A shortest path between two nodes, explained edge by edge.

    A drafted link that only says a term was named (someone mentions it, two terms named
    together) is taken only when nothing said joins the two."""
    from .queries import path as query

    _answer(query(_graph(data, curated), a, b, quotes=quotes), as_json, "path", f"no path joins '{a}' and '{b}'")


@cli.command()
@_name_argument("term", required=False)
@quotes_option
@click.option("--limit", default=25, show_default=True, type=click.IntRange(0),
              help="How many of the most supported points to list (0: all).")
@common
@curated_option
@json_option
@_example("conceptgraph consensus\nconceptgraph consensus collaboration --limit 0")
def consensus(term: str | None, quotes: bool, limit: int, data: str | None, curated: bool, as_json: bool) -> None:
    """Where people agree (attributes by number of supporters) and where they differ.

    An agreement counts only for the point it is about, when the data says which.
    """
    from .queries import consensus as query

    _answer(query(_graph(data, curated), term, quotes=quotes, limit=limit or None), as_json, "consensus")


@cli.command()
@click.option("--by", type=click.Choice(["degree", "betweenness"]), default="degree", show_default=True)
@_kind_option()
@click.option("--limit", default=10, show_default=True, type=click.IntRange(0), help="How many to list (0: all).")
@common
@curated_option
@json_option
@_example("conceptgraph rank --by betweenness --kind term")
def rank(by: str, kind: str | None, limit: int, data: str | None, curated: bool, as_json: bool) -> None:
    """The nodes that hold the discussion together.

    The score is, --by degree, how many other nodes a node is linked to (a term: its
    attributes, the people who spoke of it, the terms it is set beside); --by
    betweenness, the share of shortest paths between two other nodes that pass
    through it, from 0 to 1: the bridges between parts of the discussion. Messages
    are left out.
    """
    from .queries import rank as query

    G = _graph(data, curated)
    _check_kinds(G, [kind] if kind else [])
    _answer(query(G, by=by, kind=kind, limit=limit or None), as_json, "rank", "no node to rank")


@cli.command()
@click.option("--seed", default=0, show_default=True, help="Seed of the Louvain method (same seed, same clusters).")
@click.option("--resolution", default=1.0, show_default=True, help="Above 1: more, smaller clusters.")
@common
@curated_option
@json_option
@_example("conceptgraph clusters --resolution 1.5")
def clusters(seed: int, resolution: float, data: str | None, curated: bool, as_json: bool) -> None:
    """Groups of concepts and people that hang together (Louvain communities)."""
    from .queries import clusters as query

    _answer(query(_graph(data, curated), seed=seed, resolution=resolution), as_json, "clusters", "the graph is empty")


@cli.command()
@click.argument("text_", metavar="TEXT")
@_kind_option()
@common
@curated_option
@json_option
@_example("conceptgraph search co-operate\nconceptgraph search stake --kind attribute")
def search(text_: str, kind: str | None, data: str | None, curated: bool, as_json: bool) -> None:
    """Find terms, attributes and contributors by label, alias or inflection.

    Case, accents and punctuation are ignored ("co-operate" finds cooperation, "resume"
    finds résumé); the text matches the start of a word, or inside one word, never
    across two.
    """
    from .names import normalise
    from .names import search as query

    if not normalise(text_):  # "", " - ": nothing to look for, which is no empty answer
        raise UsageError("give a word or name to search for, e.g. conceptgraph search co-operate")
    G = _graph(data, curated)
    _check_kinds(G, [kind] if kind else [])
    hits = query(G, text_, kind=kind)
    _answer(hits, as_json, "search", "" if hits else _nothing_named(G, text_, kind))


def _nothing_named(G: Graph, text: str, kind: str | None) -> str:
    """What search says when no name has ``text``: that the review rejected it, or where
    it was said instead, if anywhere."""
    from .queries import thread

    if (read := _settings().read) and (rejected := _rejected(read, text, kind)):
        return rejected
    said = len(thread(G, text=text)["messages"])
    where = f" among the graph's names; {said} message{'s' if said > 1 else ''} say{'' if said > 1 else 's'} it: " \
            f"conceptgraph thread --text {_shell(text)}" if said else ""
    return f"nothing matches '{text}'{where}"


@cli.command()
@click.option("--by", "by", metavar="NAME", shell_complete=_complete_names, help="Only this contributor's messages.")
@click.option("--mentions", metavar="TERM", shell_complete=_complete_names,
              help="Only messages that name this term (aliases and inflections count), marked ⟦like this⟧.")
@click.option("--text", "text_", metavar="WORDS",
              help="Only messages that say these words (case, accents and punctuation aside; from the start of a "
                   "word: 'venn' finds \"Venn's\"), marked ⟦like this⟧.")
@common
@curated_option
@json_option
@_example("conceptgraph thread\nconceptgraph thread --mentions cooperation --by 'Jim Benson'\n"
          "conceptgraph thread --text 'venn diagram'")
def thread(by: str | None, mentions: str | None, text_: str | None, data: str | None, curated: bool,
           as_json: bool) -> None:
    """The discussion's messages in order: speaker, place, what each replies to, what
    it quotes of another ("> ...", where it stood among its words), and the claims
    anchored in each, with the characters they quote."""
    from .queries import thread as query

    _answer(query(_graph(data, curated), by=by, mentions=mentions, text=text_), as_json, "thread",
            "no message matches" if by or mentions or text_ else "this dataset has no messages")


@cli.command("import", cls=_ImportHelp)
@click.argument("sources", nargs=-1, required=True, type=click.Path(), metavar="SOURCE...")
@click.option("--format", "fmt", default="auto", show_default=True, type=_LazyChoice(_import_names, _import_aliases),
              help="The export's format (auto: told by its content).")
@click.option("-o", "--output", "output", default=None, metavar="DIR",
              help="The dataset folder to write (default: output/<name of the first source>/); "
              "its parent must exist (only output/ is made, so a mistyped path is not).")
@click.option("--thread", metavar="ID_OR_TITLE",
              help="Keep only this thread of a file that holds several (its id, title or address).")
@click.option("--include-pending", is_flag=True, help="Keep comments awaiting moderation (a WordPress export: wxr).")
@click.option("--include-bots", is_flag=True,
              help="Keep messages of bots, left out by default (Slack, Discord, GitHub, Discourse, Reddit's "
                   "AutoModerator, Zulip, Mattermost, Teams, Stack Exchange's Community user, Telegram's sent "
                   "through a bot).")
@click.option("--force", is_flag=True, help="Replace an earlier import (never a folder with review decisions or other files).")
@click.option("--people-apart", is_flag=True,
              help="A name that speaks in several of the files is a different person in each (two communities "
                   "compared), not one person; join those who are one with --same-person.")
@click.option("--same-person", "same", multiple=True, metavar="OTHER=NAME",
              help="OTHER is NAME under another name (a blog's author commenting as 'Haacked'): one person, "
                   "NAME. Each by name or id; repeat for more.")
@click.option("--rename", "rename", multiple=True, metavar="OLD=NEW",
              help="Call the speaker OLD (by name or id) NEW: a transcript's 'Speaker 1', or a user id an export "
                   "gives for a name. Repeat for more.")
@click.option("--title", metavar="TEXT", help="The discussion's title, where the export gives none or a poor one "
              "(a transcript's file name).")
@click.option("--draft", "draft_", is_flag=True, help="Then draft the graph from the messages (as `draft` does).")
@_terms_options
@click.option("-q", "--quiet", is_flag=True, expose_value=False, callback=_quiet, is_eager=True,
              help="No progress or \"wrote\" lines on stderr.")
@json_option
@_example("conceptgraph import comments.xml\nconceptgraph import export.zip --thread general -o team/\n"
          "conceptgraph import issue.json comments.json\n"
          "conceptgraph import comments.xml --draft\nconceptgraph thread --data output/comments/")
def import_(sources: tuple[str, ...], fmt: str, output: str | None, thread: str | None, include_pending: bool,
            include_bots: bool, force: bool, people_apart: bool, same: tuple[str, ...], rename: tuple[str, ...],
            title: str | None, draft_: bool, terms: list[str] | None, max_terms: int, as_json: bool) -> None:
    """Read a discussion export into a dataset folder of its people and messages.

    FORMATS

    The folder holds discussion.yaml (source, contributors, messages), which `validate`
    accepts and every command reads with --data; it is written whole or not at all, and
    replaced only with --force. Any of these files can also be given to --data directly.
    Files saved apart from one thread (a GitHub issue and its comments, a Stack Exchange
    question and its answers) are read together when given together.
    """
    from pathlib import Path

    from .discussions import Options, import_discussion

    _refuse_ignored("--max-terms", "max_terms", draft_ and not terms,
                    "limits the terms found in the text: give it with --draft, not with --terms")
    summary: dict[str, Any] = dict(import_discussion([Path(s) for s in sources], output, fmt, thread,
                                                     Options(include_pending, include_bots,
                                                             people_apart=people_apart), force,
                                                     [_pair(x, "--same-person") for x in same],
                                                     [_pair(x, "--rename", "OLD=NEW") for x in rename], title))
    if draft_ or terms:
        from .draft import draft_folder

        try:
            summary["draft"] = draft_folder(summary["path"], terms=terms, max_terms=max_terms)
        except KeyboardInterrupt:
            # the import is whole and stays; only the draft is to do again
            click.echo(f"imported into {summary['path']}; the draft was interrupted before it was written: "
                       f"conceptgraph draft {summary['path']}", err=True)
            raise
    _say_written(summary["path"], as_json)
    _answer(summary, as_json, "import")


def _pair(given: str, option: str, shape: str = "OTHER=NAME") -> tuple[str, str]:
    """``A=B`` as the pair (A, B)."""
    a, eq, b = given.partition("=")
    if not eq or not a.strip() or not b.strip():
        raise UsageError(f"{option} takes {shape}, not '{given}'")
    return a.strip(), b.strip()


@cli.command()
@click.argument("folder", type=click.Path(), metavar="DATA", required=False)
@_data_option("DATA, given as every other command takes it.")
@_terms_options
@click.option("-o", "--output", "output", default=None, metavar="DIR",
              help="The dataset folder to write (default: DATA itself when it is a folder, "
              "else output/<name of DATA>/); its parent must exist (only output/ is made).")
@click.option("--force", is_flag=True, help="Replace an earlier draft in -o (never review decisions or other files); in place, "
              "let go of items changed by hand in draft.yaml.")
@click.option("-q", "--quiet", is_flag=True, expose_value=False, callback=_quiet, is_eager=True,
              help="No progress or \"wrote\" lines on stderr.")
@json_option
@_example("conceptgraph draft output/comments/\nconceptgraph draft comments.xml --terms 'cooperation,collaboration'\n"
          "conceptgraph render --data output/comments/ --open")
def draft(folder: str | None, data: str | None, terms: list[str] | None, max_terms: int, output: str | None,
          force: bool, as_json: bool) -> None:
    """Draft terms, attributes, claims and relations from a discussion's own words.

    DATA is a dataset with messages (a folder from `import`) or a discussion export.
    Every drafted item is marked `status: draft` and quotes exactly the characters of
    its message; they go in DATA/draft.yaml, beside the curated files, which are never
    touched. Review them with `conceptgraph review DATA`; drafting again respects every
    decision (nothing rejected comes back, nothing accepted is drafted twice),
    and never writes over a change made to the folder while it drafted.

    The page shows drafts dashed and lighter, and --curated leaves them out of any query.
    """
    from .draft import draft_folder

    _refuse_ignored("--max-terms", "max_terms", not terms, "limits the terms found in the text: with --terms, "
                    "the terms are those given")
    _written_as(draft_folder(_folder(folder, data, "draft")[0], output, terms, max_terms, force), as_json, "draft")


def _folder(folder: str | None, data: str | None, command: str, ids: tuple[str, ...] = ()) -> tuple[str, tuple[str, ...]]:
    """The folder a command that writes into it works on, and the ids after it: DATA, or
    --data (after the command name or before it, else $CONCEPTGRAPH_DATA). With --data,
    every word after the command name is an id."""
    given = data or _settings().data
    if given is None:
        folder = folder or os.environ.get(DATA_ENV) or None
        if folder is None:
            raise UsageError(f"give the folder: conceptgraph {command} DATA (or --data DATA)")
        return folder, ids
    if folder is not None and os.path.normpath(folder) != os.path.normpath(given):
        ids = (folder, *ids)
    return given, ids


@cli.command()
@click.argument("folder", type=click.Path(), metavar="DATA", required=False)
@click.argument("ids", nargs=-1, metavar="[ID]...")
@_data_option("DATA, given as every other command takes it (then every word after the command is an id).")
@click.option("--list", "list_", is_flag=True, help="Print the undecided items (with their ids) instead of serving.")
@click.option("--order", type=click.Choice(["confidence", "message", "term"]), default="confidence", show_default=True,
              help="Order of --list: most likely accepted first (as your decisions teach: its 'likely' column), the "
              "thread's order, or by term (each item under the term it is of: an attribute its claim's, a stance the "
              "term of what it is about).")
@click.option("--accept", "accept", is_flag=True, help="Accept the items whose ids follow (as --list or draft.yaml gives them).")
@click.option("--reject", "reject", is_flag=True, help="Reject the items whose ids follow (as --list or draft.yaml gives them).")
@click.option("--accept-above", type=click.FloatRange(0, 1), metavar="X",
              help="Accept every undecided item drafted with a confidence of X or more.")
@click.option("--reject-below", type=click.FloatRange(0, 1), metavar="X",
              help="Reject every undecided item drafted with a confidence under X.")
@click.option("--edit", "edits", multiple=True, metavar="FIELD=VALUE",
              help="Edit the one item whose id follows and accept it, as the page's e does: a claim's term=, "
                   "attribute= or negated=true|false; a relation's kind=, source= or target= (a term by its "
                   "label, a person by id or name; a stance's source is its speaker's), a stance's about= (a claim "
                   "of its target's, by id, attribute or 'term: attribute'; empty: everything they said); a claim's "
                   "or relation's quote= (other words of its message, copied); a "
                   "term's label=, gloss= or aliases= (its other names, between commas); an attribute's label= or "
                   "description=.")
@click.option("--add", "add", metavar="KIND",
              help="Add an item the draft missed, accepted, as the page's n does: KIND is claim or a relation's "
                   "kind (agrees_with, disputes, similar_to, ...), and FIELD=VALUE arguments follow instead of ids: "
                   "message= (id or place, as `thread` gives them) and quote= (its words, copied), then a claim's "
                   "term=, attribute= [negated=true], or a relation's source= and target= (an agreement's source "
                   "is the speaker; about= one of the target's claims, by id, attribute or 'term: attribute').")
@click.option("--undo", is_flag=True, help="Take back the last action (a bulk decision is one), as the page's u does.")
@click.option("--thread", metavar="TITLE",
              help="In a dataset of several threads (import A B), --list, --accept-above and --reject-below "
              "only the items said in the one this names: its title (any case), its start or a part only it has, "
              "or its address.")
@click.option("--port", type=click.IntRange(0, 65535), default=0, help="Port on 127.0.0.1 (default: a free one).")
@click.option("--no-open", is_flag=True, help="Print the address only; do not open a browser.")
@click.option("-q", "--quiet", is_flag=True, expose_value=False, callback=_quiet, is_eager=True,
              help="No progress or \"wrote\" lines on stderr.")
@json_option
@_example("conceptgraph review output/comments/\nconceptgraph review output/comments/ --list\n"
          "conceptgraph review output/comments/ --accept c-1f0e2a9b3c t-0564e28df2\n"
          "conceptgraph review output/comments/ --accept-above 0.9\n"
          "conceptgraph review output/comments/ c-1f0e2a9b3c --edit attribute='works as a team'\n"
          "conceptgraph review output/comments/ --reject-below 0.25\nconceptgraph review output/comments/ --undo\n"
          "conceptgraph review output/both/ --list --thread 'weather vs climate'\n"
          "conceptgraph review output/comments/ --add claim message=comment-3 'quote=trust grows slowly' "
          "term=trust 'attribute=grows slowly'")
def review(folder: str | None, data: str | None, ids: tuple[str, ...], list_: bool, order: str, accept: bool, reject: bool,
           accept_above: float | None, reject_below: float | None, edits: tuple[str, ...], add: str | None,
           undo: bool, thread: str | None, port: int, no_open: bool, as_json: bool) -> None:
    """Review the draft of DATA (a drafted folder): accept, reject or edit each item.

    Without options, serves the page in review mode on 127.0.0.1 and opens it (Ctrl-C or
    SIGTERM stops it and says how many items were reviewed): one key per decision (a
    accept, x reject, e edit, space skip, u undo, b bulk, n add what the draft missed,
    f fold the card, ? help). Every decision is
    written at once to DATA/decisions.yaml; the accepted items make DATA/reviewed.yaml,
    and draft.yaml keeps what is left.
    --list, --accept, --reject, --accept-above, --reject-below, --edit, --add and
    --undo do the same from a script.
    """
    from .review import edit_fields, review_add, review_decide, review_edit, review_list, review_undo

    data, ids = _folder(folder, data, "review", ids)
    deciding = accept or reject or accept_above is not None or reject_below is not None
    if sum((list_, deciding, undo, bool(edits), add is not None)) > 1:
        raise UsageError("give one of --list, --undo, --edit, --add, or decisions (--accept, --reject, "
                         "--accept-above, --reject-below)")
    if add is not None:
        _answer(review_add(data, add, edit_fields(ids, "--add")), as_json, "review --add")
        return
    if edits:
        if len(ids) != 1:
            raise UsageError("--edit changes one item: give its id (see --list)")
        _answer(review_edit(data, ids[0], edit_fields(edits)), as_json, "review")
        return
    if accept and reject:
        raise UsageError("give --accept or --reject, not both")
    if ids and not (accept or reject):
        raise UsageError("give --accept, --reject or --edit with the ids")
    if (accept or reject) and not ids:
        raise UsageError("--accept and --reject take the ids of items (see --list)")
    if thread is not None and not (list_ or accept_above is not None or reject_below is not None):
        raise UsageError("--thread goes with --list, --accept-above or --reject-below (an id names its item "
                         "in any thread; the page shows them all)")
    if list_:
        _answer(review_list(data, order, thread), as_json, "review --list")
    elif undo:
        _answer(review_undo(data), as_json, "review")
    elif deciding:
        _answer(review_decide(data, list(ids) if accept else [], list(ids) if reject else [], accept_above,
                              reject_below, thread), as_json, "review")
    else:
        _serve(data, port, not no_open)


def _serve(data: str, port: int, open_browser: bool) -> None:
    from .files import DECISIONS_FILE
    from .server import serve

    def ready(url: str, counts: dict[str, int]) -> None:
        click.echo(url)
        # (resumed: where it stands, as the page says)
        so_far = f" ({counts['reviewed']} of {counts['total']} reviewed so far)" if counts["reviewed"] else ""
        click.echo(f"Reviewing in the browser{so_far}; Ctrl-C stops.", err=True)
        if open_browser:
            _launch(url)

    def also_open(where: str) -> None:
        click.echo(f"note: another review of this folder is being served ({where}): each page is told what "
                   "the other decides, and a key on an item decided there meanwhile is not saved (it says so)",
                   err=True)

    signal.signal(signal.SIGTERM, signal.default_int_handler)  # a stop, as Ctrl-C is: the summary still printed
    counts = serve(data, port, ready, also_open=also_open)
    record = os.path.join(counts["path"], DECISIONS_FILE)
    where = f"decisions in {record}" if os.path.exists(record) else "nothing decided, nothing written"
    since = counts["reviewed"] - counts["started"]  # (another page's or the command line's meanwhile too)
    click.echo(f"stopped: {counts['reviewed']} of {counts['total']} reviewed ({since:+d} since it started), "
               f"{counts['left']} left; {where}", err=True)


@cli.command()
@click.argument("drafted", type=click.Path(), metavar="DRAFT")
@click.argument("gold", type=click.Path(), metavar="GOLD")
@click.option("--lenient", is_flag=True, help="Match claims on term, speaker and place alone, whatever the attribute.")
@click.option("--matched", is_flag=True, help="List which drafted item matched which gold item, too.")
@json_option
@_example("conceptgraph evaluate output/comments/ curated/\nconceptgraph evaluate output/comments/ curated/ --json")
def evaluate(drafted: str, gold: str, lenient: bool, matched: bool, as_json: bool) -> None:
    """How a drafted dataset compares with a curated one (GOLD) of the same thread.

    For contributors, messages, terms, claims, relations between terms, oppositions
    between attributes and stances (agreements and disputes): how many each side has,
    how many match one to one, precision, recall and F1, then what only one side has.
    A drafted claim matches a gold one when the term, the speaker and the message are
    the same, the quoted characters overlap, the attributes share a content word, and
    both are asserted or both denied; a stance, when it was taken in the same message.
    DRAFT may be a reviewed folder: all it holds is scored. A GOLD without messages has
    its quotes found in the draft's messages; a GOLD of another thread, or with nothing
    to score, is refused, and a GOLD of drafts alone is warned of.
    Two curators' datasets of one thread compare the same way (how far they agree),
    though one kept quoted lines in its messages that the other left out.
    """
    from .draft.evaluate import evaluate_files
    from .progress import is_quiet

    result = evaluate_files(drafted, gold, attributes=not lenient, pairs=matched)
    _answer(result, as_json, "evaluate")
    if not as_json and not is_quiet():  # the table looks the same: say what it counted
        for note in result.get("notes", []):
            click.echo(f"note: {note}", err=True)
        if lenient:
            click.echo("--lenient: claims matched on term, speaker and place, whatever their attribute", err=True)


def _part_options(verb: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--focus NAME --depth N`` and ``--kind K``: the part of the graph that render
    draws and export writes."""
    def add(f: Callable[..., Any]) -> Callable[..., Any]:
        f = _kind_option(multiple=True)(f)
        f = click.option("--depth", default=1, show_default=True, type=click.IntRange(1, 1000),
                         help="Steps around --focus.")(f)
        return click.option("--focus", metavar="NAME", shell_complete=_complete_names,
                            help=f"{verb} only the neighbourhood of this node.")(f)
    return add


def _output_name(data: str | None) -> str:
    """What a file written for the data is named by default: after the data, however it
    was given (``--data`` before or after the command, or the environment), and the
    thread picked: "output/comments.html", so that two datasets' pages never replace
    each other."""
    from pathlib import Path

    from .discussions.thread import slug

    data = _data(data)
    name = (slug(Path(data).name.split(".")[0]) or "concept_graph") if data else "concept_graph"
    # one thread's page beside the others', named after its title: "output/both-provider-is-not-a-pattern.html"
    picked = _settings().thread_title or _settings().thread
    return name + (f"-{slug(picked)[:40].strip('-') or 'thread'}" if picked else "")


@cli.command()
@click.option("-o", "--output", "output", default=None, metavar="PATH",
              help="Where to write the page (default: output/concept_graph.html, or output/NAME.html for "
              "--data NAME; - for stdout).")
@click.option("--open", "open_", is_flag=True, help="Open the page in the default browser.")
@click.option("--force", is_flag=True, help="Replace a file at -o that is not an earlier page (someone's notes).")
@click.option("--relayout", is_flag=True, help="Lay the graph out anew; by default the nodes an earlier page at the "
              "same path drew stay where they were.")
@_part_options("Draw")
@common
@curated_option
@json_option
@_example("conceptgraph render --open\nconceptgraph render --focus cooperation --depth 2 -o coop.html")
def render(output: str | None, open_: bool, force: bool, relayout: bool, focus: str | None, depth: int,
           kinds: tuple[str, ...], data: str | None, curated: bool, as_json: bool) -> None:
    """Write the graph as one interactive HTML page that works offline.

    The page has a legend, a search box over labels and aliases, filters for each kind
    of node and link, a focus view, a comparison of two terms, the thread's messages
    with every quote marked, and a panel with every quote behind a node or link. The
    positions of a graph drawn before come from the cache, so it is not laid out again.
    Drawn again over an earlier page (after a review, say), the nodes it had stay where
    they were and the new ones are placed among them (--relayout lays it all out anew).
    """
    from .files import data_paths
    from .graph import drafted_count
    from .render import render_html, subgraph, write_page

    _refuse_ignored("--depth", "depth", bool(focus), "counts steps around --focus: give --focus NAME too")
    G = _graph(data, curated)
    _check_kinds(G, kinds)
    if output == "-":
        from .output import emit_bytes

        emit_bytes(render_html(G, focus=focus, depth=depth, kinds=list(kinds), cache=True).encode("utf-8"))
        return
    path = write_page(G, output, focus=focus, depth=depth, kinds=list(kinds), cache=True, name=_output_name(data),
                      keep=data_paths(_data(data)), force=force, relayout=relayout)
    # a drafted folder's page draws its drafts too, dashed: said, as export says it
    drawn = subgraph(G, focus, depth, list(kinds))
    _written({"format": "html", "path": str(path)} | ({"drafted": n} if (n := drafted_count(drawn)) else {}), as_json)
    if open_:
        _launch(str(path.resolve()))


def _launch(target: str) -> None:
    """Open ``target`` (a page, or the review's address) in the browser; where none can
    open it, one line says so instead of the opener's own messages."""
    if sys.platform.startswith("linux"):
        import subprocess

        try:
            opener = subprocess.Popen(["xdg-open", target], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL, start_new_session=True)
            failed = opener.wait(timeout=3) != 0
        except subprocess.TimeoutExpired:  # still at it: a browser was found, and runs
            failed = False
        except OSError:  # no xdg-open at all
            failed = True
    else:
        failed = click.launch(target) != 0
    if failed:
        click.echo(f"no browser could be opened; open {target} yourself", err=True)


@cli.command(cls=_FormatsHelp)
@click.argument("fmt_arg", required=False, metavar="[FORMAT]", type=_LazyChoice(_export_names, _export_aliases))
@click.option("--format", "fmt", type=_LazyChoice(_export_names, _export_aliases),
              help="What to write (or give it first: export graphml; export gephi writes gexf).")
@click.option("-o", "--output", "output", metavar="PATH",
              help="File (folder for neo4j); - for stdout; default under output/, named after --data "
              "(output/concept_graph.graphml for the bundled discussion).")
@click.option("--force", is_flag=True, help="Replace a file that is no earlier export in this format (someone's "
              "notes). A folder (neo4j) of other files is never replaced.")
@_part_options("Export")
@common
@curated_option
@json_option
@_example("conceptgraph export --format graphml\nconceptgraph export neo4j -o neo4j-import/\n"
          "conceptgraph export --format mermaid --focus cooperation -o - > coop.mmd")
def export(fmt_arg: str | None, fmt: str | None, output: str | None, force: bool, focus: str | None, depth: int,
           kinds: tuple[str, ...], data: str | None, curated: bool, as_json: bool) -> None:
    """Write the graph for another tool.

    FORMATS

    Every format keeps each claim's speaker, quote and place. Files are replaced
    atomically: a failed export leaves the previous file as it was. A file is replaced
    only when it is an earlier export in the same format (GraphML and yEd's count as
    one) or with --force, never when it is read-only; a folder only when it holds an
    earlier export and nothing else (--force or not).
    """
    from .files import data_paths
    from .formats import export as export_graph
    from .graph import drafted_count
    from .render import subgraph

    if fmt and fmt_arg and fmt != fmt_arg:
        raise UsageError(f"two formats given ({fmt_arg} and --format {fmt}): give one")
    from .formats import check_not_foreign, format_to_write

    if output:
        check_not_foreign(output)  # "-o class.xlsx": said so, before asking for a format
    if not (fmt or fmt_arg or output and format_to_write(output)):  # else "-o team.gexf" names it
        raise UsageError(f"give a format (conceptgraph export NAME, or --format NAME, or -o a file named "
                         f"for it: team.gexf): one of {', '.join(_export_names())}")
    _refuse_ignored("--depth", "depth", bool(focus), "counts steps around --focus: give --focus NAME too")
    G = _graph(data, curated)
    _check_kinds(G, kinds)
    part = subgraph(G, focus, depth, list(kinds))
    result = export_graph(part, fmt or fmt_arg, output, force=force, name=_output_name(data),
                          keep=data_paths(_data(data)))
    if result["path"] != "-":
        _written(result | ({"drafted": n} if (n := drafted_count(part)) else {}), as_json)


def _terminate(signum: int, frame: Any) -> None:
    # Raised in the main thread: every write in progress removes its temporary file.
    raise SystemExit(128 + signum)


def main() -> None:
    """Entry point of the console script."""
    from .stdout import guard_stdout

    signal.signal(signal.SIGTERM, _terminate)
    guard_stdout()  # every write to stdout checked: a full disk is an error, never a cut-off file
    cli(prog_name="conceptgraph")
