"""Writes that lose nothing: folders marked as exports only by exports, drafts and
imports checked at the moment they are written, standard output checked byte for byte,
interrupted replacements finished by the next run, and the draft's own file refused
when it is not a file. Each test is a way data was once lost or a command once failed."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import conceptgraph.discussions as discussions
import conceptgraph.draft as drafting
import conceptgraph.files as files
from conceptgraph import WriteConflict, load_dataset, load_graph
from conceptgraph.cli import cli
from conceptgraph.draft import DRAFT_FILE, draft_folder
from conceptgraph.files import EXPORT_MARK, folder_lock, read_if_exists, write_atomic
from conceptgraph.formats import FORMATS

from conftest import PROPERTY, ROOT, need

FIX = ROOT / "tests" / "fixtures" / "discussions"
SINGLE_FILE = [name for name, f in FORMATS.items() if f.write is not None]


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def one_line_error(r, code: int, *words: str) -> str:
    lines = [line for line in r.stderr.splitlines() if not line.startswith("Warning:")]
    assert r.exit_code == code, (r.exit_code, r.stderr, r.exception)
    assert len(lines) == 1 and lines[0].startswith("Error: ") and "Traceback" not in r.stderr, r.stderr
    for w in words:
        assert w in lines[0], lines[0]
    return lines[0]


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones too), by relative path."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".tmp", ".prev", ".old")))


def imported(tmp_path: Path, name: str = "thread", source: str = "discourse.json", *extra: str) -> Path:
    folder = tmp_path / name
    r = run("import", str(FIX / source), "-o", str(folder), "-q", *extra)
    assert r.exit_code == 0, r.stderr
    return folder


def accept_first(folder: Path) -> str:
    """The draft as a curator leaves it after accepting its first claim (its status line gone)."""
    text = (folder / DRAFT_FILE).read_text(encoding="utf-8")
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line == "claims:") + 1
    status = next(i for i in range(at, len(lines)) if lines[i].strip() == "status: draft")
    return "\n".join(lines[:status] + lines[status + 1:])


# --- only an export marks a folder as an export -------------------------------------------


def test_only_an_export_marks_a_folder_as_an_export(tmp_path: Path) -> None:
    folder = imported(tmp_path, "a", "discourse.json", "--draft")
    assert run("draft", str(folder), "-q").exit_code == 0
    assert run("draft", str(folder), "-o", str(tmp_path / "b"), "-q").exit_code == 0
    assert run("draft", str(FIX / "reddit.json"), "-o", str(tmp_path / "c"), "-q").exit_code == 0
    for name in "abc":
        assert not (tmp_path / name / EXPORT_MARK).exists(), name
    assert run("export", "--format", "neo4j", "-o", str(tmp_path / "n")).exit_code == 0
    mark = json.loads((tmp_path / "n" / EXPORT_MARK).read_text(encoding="utf-8"))
    assert sorted(mark["files"]) == sorted(p.name for p in (tmp_path / "n").iterdir() if p.name != EXPORT_MARK)


def test_an_export_never_replaces_a_dataset_folder(tmp_path: Path) -> None:
    folder = imported(tmp_path, "coop", "discourse.json", "--draft")
    (folder / "mine.yaml").write_text("# my own notes\n", encoding="utf-8")
    before = snapshot(folder)
    one_line_error(run("export", "--format", "neo4j", "-o", str(folder)), 6, "holds other files", "move them out")
    assert snapshot(folder) == before and leftovers(tmp_path) == []


@pytest.mark.parametrize("target", ["discussion.yaml", "draft.yaml", "decisions.yaml", "notes.yml", ".", ".."])
@pytest.mark.parametrize("command", [["render"], ["export", "graphml"], ["export", "neo4j", "--force"]])
def test_no_output_replaces_the_data_it_was_read_from(tmp_path: Path, command: list[str], target: str) -> None:
    """Nor adds a file the data would be read with; --force or not. Beside it, a page is fine."""
    folder = imported(tmp_path, "coop", "discourse.json", "--draft")
    (folder / "decisions.yaml").write_text("revision: 0\ndecisions: []\n", encoding="utf-8")
    before = snapshot(folder)
    r = run(*command, "--data", str(folder), "-o", str(folder / target))
    folder_out = command[1:2] == ["neo4j"]
    if (target == "..") if not folder_out else target not in (".", ".."):
        assert r.exit_code != 0  # a file onto a folder, a folder onto a file: refused for that already
    else:
        one_line_error(r, 2, "the data being read", "write the output elsewhere")
    assert snapshot(folder) == before and leftovers(tmp_path) == []
    assert run("render", "--data", str(folder), "-o", str(folder / "page.html")).exit_code == 0


def test_an_export_never_replaces_the_file_it_read(tmp_path: Path) -> None:
    source = tmp_path / "thread.json"
    source.write_bytes((FIX / "discourse.json").read_bytes())
    for command in (["render"], ["export", "mermaid"]):
        one_line_error(run(*command, "--data", str(source), "-o", str(source)), 2, "the data being read")
    assert source.read_bytes() == (FIX / "discourse.json").read_bytes()


@pytest.mark.parametrize("fmt", ["html", *SINGLE_FILE])
def test_a_file_of_someone_elses_is_never_replaced_without_force(tmp_path: Path, fmt: str) -> None:
    """render -o notes.md once turned a user's notes into a page (now the name alone is
    refused: .md is Mermaid's); no file of theirs, whatever its name, is replaced; an
    earlier output in the same format (or an empty file) is, as a second run expects."""
    command = ["render"] if fmt == "html" else ["export", fmt]
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n", encoding="utf-8")
    one_line_error(run(*command, "-o", str(notes)), 6, "not an earlier", "--force")
    assert notes.read_text(encoding="utf-8") == "my notes\n" and leftovers(tmp_path) == []
    ours = tmp_path / "out"
    assert run(*command, "-o", str(ours)).exit_code == 0
    first = ours.read_bytes()
    assert run(*command, "-o", str(ours), "--focus", "cooperation").exit_code == 0  # an earlier one of ours
    assert ours.read_bytes() != first
    (tmp_path / "empty").touch()
    assert run(*command, "-o", str(tmp_path / "empty")).exit_code == 0
    assert run(*command, "-o", str(notes), "--force").exit_code == 0 and notes.read_bytes() != b"my notes\n"


def test_ctrl_c_while_import_drafts_says_the_import_stands(tmp_path: Path, monkeypatch) -> None:
    """Ctrl-C during `import --draft` once said only "Aborted!" (exit 1, "cannot be read")
    while the import was written: a second run then refused the folder without saying why."""
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(drafting, "draft_folder", interrupted)
    out = tmp_path / "chat"
    r = run("import", str(FIX / "chat.txt"), "-o", str(out), "--draft")
    assert r.exit_code == 130, r.output
    assert f"imported into {out}" in r.stderr and f"conceptgraph draft {out}" in r.stderr
    assert "Interrupted" in r.stderr and "Traceback" not in r.stderr
    assert (out / "discussion.yaml").exists() and not (out / DRAFT_FILE).exists() and leftovers(tmp_path) == []


def test_a_file_added_to_an_export_folder_is_never_deleted_even_with_force(tmp_path: Path) -> None:
    """As import: --force never deletes a file no export wrote. It takes a folder of the
    export's own files whose mark was lost."""
    out = tmp_path / "n4j"
    assert run("export", "--format", "neo4j", "-o", str(out)).exit_code == 0
    assert run("export", "--format", "neo4j", "-o", str(out)).exit_code == 0  # an export of ours, alone: replaced
    (out / "queries.cypher").write_text("MATCH (n) RETURN n", encoding="utf-8")
    before = snapshot(out)
    for force in ((), ("--force",)):
        r = run("export", "--format", "neo4j", "-o", str(out), *force)
        one_line_error(r, 6, "did not write", "queries.cypher", "move them out")
        assert "--force" not in r.output and snapshot(out) == before
    (out / "queries.cypher").unlink()
    (out / EXPORT_MARK).unlink()
    one_line_error(run("export", "--format", "neo4j", "-o", str(out)), 6, "no earlier export")
    assert run("export", "--format", "neo4j", "-o", str(out), "--force").exit_code == 0
    assert (out / EXPORT_MARK).exists() and leftovers(tmp_path) == []


def test_a_folder_an_earlier_version_marked_is_not_taken_for_an_export(tmp_path: Path) -> None:
    # Earlier versions marked imported and drafted folders as exports, with this text.
    folder = imported(tmp_path)
    (folder / EXPORT_MARK).write_text("written by conceptgraph export\n", encoding="utf-8")
    before = snapshot(folder)
    one_line_error(run("export", "--format", "neo4j", "-o", str(folder)), 6, "discussion.yaml", "move them out")
    assert snapshot(folder) == before


def test_a_file_put_in_an_export_folder_during_the_export_is_kept(tmp_path: Path, monkeypatch) -> None:
    import conceptgraph.formats as formats

    out = tmp_path / "n4j"
    assert run("export", "--format", "neo4j", "-o", str(out)).exit_code == 0
    real = formats.FORMATS["neo4j"]

    def meanwhile(G):
        (out / "notes.txt").write_text("written while exporting", encoding="utf-8")
        return real.write_folder(G)

    monkeypatch.setitem(formats.FORMATS, "neo4j", real._replace(write_folder=meanwhile))
    one_line_error(run("export", "--format", "neo4j", "-o", str(out)), 6, "notes.txt")
    assert (out / "notes.txt").read_text(encoding="utf-8") == "written while exporting"
    assert leftovers(tmp_path) == []


# --- a draft is checked at the moment it is written ----------------------------------------


def while_drafting(monkeypatch, action) -> None:
    """Run ``action()`` in the middle of the next draft, after its files were read."""
    real = drafting.draft

    def slow(*args, **kwargs):
        result = real(*args, **kwargs)
        action()
        return result

    monkeypatch.setattr(drafting, "draft", slow)


def test_an_item_accepted_while_drafting_is_never_overwritten(tmp_path: Path, monkeypatch) -> None:
    folder = imported(tmp_path, "t", "discourse.json", "--draft")
    accepted = accept_first(folder)
    while_drafting(monkeypatch, lambda: (folder / DRAFT_FILE).write_text(accepted, encoding="utf-8"))
    one_line_error(run("draft", str(folder)), 6, "draft.yaml", "changed since it was read")
    assert (folder / DRAFT_FILE).read_text(encoding="utf-8") == accepted
    monkeypatch.undo()
    r = run("draft", str(folder))  # now the accepted item is recorded as a decision, and kept
    assert r.exit_code == 0, r.stderr
    assert "decision: accepted" in (folder / "decisions.yaml").read_text(encoding="utf-8")
    assert run("validate", str(folder)).exit_code == 0
    accepted = (folder / DRAFT_FILE).read_text(encoding="utf-8")
    # --force drafts over accepted items, never over a change it has not seen
    while_drafting(monkeypatch, lambda: (folder / DRAFT_FILE).write_text(accepted + "\n", encoding="utf-8"))
    one_line_error(run("draft", str(folder), "--force"), 6, "changed since it was read")
    assert (folder / DRAFT_FILE).read_text(encoding="utf-8") == accepted + "\n"


def test_a_draft_whose_anchor_is_off_is_never_written(tmp_path: Path, monkeypatch) -> None:
    """The drafted items are checked as a dataset beside the folder's files before the
    draft is written: a claim whose quote is not at its place stops it, and the draft
    written before stays as it was."""
    from dataclasses import replace

    folder = imported(tmp_path, "t", "discourse.json", "--draft")
    before = (folder / DRAFT_FILE).read_bytes()
    real = drafting.draft

    def misplaced(*args, **kwargs):
        out = real(*args, **kwargs)
        first = out.claims[0]
        return replace(out, claims=(replace(first, span=(first.span[0] + 1, first.span[1] + 1)), *out.claims[1:]))

    monkeypatch.setattr(drafting, "draft", misplaced)
    one_line_error(run("draft", str(folder), "--force"), 1, "draft.yaml", "claims[0]")
    assert (folder / DRAFT_FILE).read_bytes() == before and leftovers(folder) == []


def test_a_curated_file_written_while_drafting_stops_the_draft(tmp_path: Path, monkeypatch) -> None:
    folder = imported(tmp_path)
    while_drafting(monkeypatch, lambda: (folder / "mine.yaml").write_text("terms: [{id: trust}]\n", encoding="utf-8"))
    one_line_error(run("draft", str(folder)), 6, "mine.yaml", "changed while drafting")
    assert not (folder / DRAFT_FILE).exists() and leftovers(folder) == []


def test_of_two_concurrent_drafts_the_later_write_is_refused(tmp_path: Path, monkeypatch) -> None:
    folder = imported(tmp_path)
    real = drafting.draft
    other: list[bytes] = []

    def second_draft() -> None:  # starts after the first read the folder, and finishes first
        monkeypatch.setattr(drafting, "draft", real)
        draft_folder(folder, terms=["collaboration"])
        other.append((folder / DRAFT_FILE).read_bytes())

    while_drafting(monkeypatch, second_draft)
    with pytest.raises(WriteConflict):
        draft_folder(folder, terms=["cooperation"])
    assert (folder / DRAFT_FILE).read_bytes() == other[0]
    assert [t.label for t in load_dataset(folder).terms] == ["collaboration"]


COUNTER = """
import sys
from pathlib import Path
from conceptgraph.errors import WriteConflict
from conceptgraph.files import read_if_exists, write_atomic
path, times = Path(sys.argv[1]), int(sys.argv[2])
done = conflicts = 0
while done < times:
    seen = read_if_exists(path)
    try:
        write_atomic(path, str(int(seen or b"0") + 1), expect=seen)
        done += 1
    except WriteConflict:
        conflicts += 1
print(conflicts)
"""


def test_concurrent_writers_that_compare_lose_no_update(tmp_path: Path) -> None:
    """Four processes add one to a counter 25 times each, every write compared with what
    it read: no increment may be lost (a plain read-then-write loses most of them)."""
    counter = tmp_path / "n.txt"
    procs = [subprocess.Popen([sys.executable, "-c", COUNTER, str(counter), "25"], stdout=subprocess.PIPE, text=True)
             for _ in range(4)]
    outs = [p.communicate(timeout=300)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], outs
    assert counter.read_text() == "100"
    assert leftovers(tmp_path) == []


def test_the_lock_of_a_folder_is_one_writer_at_a_time(tmp_path: Path) -> None:
    holder = textwrap.dedent(f"""
        import time
        from conceptgraph.files import folder_lock
        with folder_lock({str(tmp_path)!r}):
            print("held", flush=True)
            time.sleep(1.5)
    """)
    p = subprocess.Popen([sys.executable, "-c", holder], stdout=subprocess.PIPE, text=True)
    assert p.stdout is not None and p.stdout.readline() == "held\n"
    started = time.monotonic()
    write_atomic(tmp_path / "x.txt", "after")  # waits for the other process to let go
    assert time.monotonic() - started > 0.5
    assert p.wait(timeout=60) == 0
    with folder_lock(tmp_path), folder_lock(tmp_path):  # reentrant in one thread
        assert write_atomic(tmp_path / "x.txt", "again", expect=b"after").read_text() == "again"


def test_a_folder_everyone_may_write_is_written_without_its_lock(tmp_path: Path) -> None:
    """In a folder like /tmp, another user could hold the lock forever: it is not taken."""
    need(os.geteuid() == 0, "making a folder owned by another user needs root")
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    os.chown(shared, 65534, 65534)
    holder = textwrap.dedent(f"""
        import fcntl, os, time
        fd = os.open({str(shared)!r}, os.O_RDONLY)
        fcntl.flock(fd, fcntl.LOCK_EX)
        print("held", flush=True)
        time.sleep(60)
    """)
    p = subprocess.Popen([sys.executable, "-c", holder], stdout=subprocess.PIPE, text=True)
    try:
        assert p.stdout is not None and p.stdout.readline() == "held\n"
        started = time.monotonic()
        assert run("export", "--format", "json", "-o", str(shared / "g.json")).exit_code == 0
        assert time.monotonic() - started < 20
    finally:
        p.kill()
        p.wait()


# --- import -o and draft -o never replace a folder that appeared meanwhile -----------------


@pytest.mark.parametrize("what", ["notes", "an empty folder"])
def test_import_never_replaces_a_folder_that_appeared_meanwhile(tmp_path: Path, monkeypatch, what: str) -> None:
    out = tmp_path / "out"
    real = files.check_new_folder

    def slow(*args, **kwargs):  # the folder appears after it was looked at, before the write
        existed = real(*args, **kwargs)
        out.mkdir()
        if what == "notes":
            (out / "notes.md").write_text("my notes", encoding="utf-8")
        return existed

    monkeypatch.setattr(files, "check_new_folder", slow)
    one_line_error(run("import", str(FIX / "chat.txt"), "-o", str(out)), 6, "appeared", str(out))
    assert sorted(os.listdir(out)) == (["notes.md"] if what == "notes" else [])
    assert leftovers(tmp_path) == []


def test_of_two_imports_to_one_new_folder_the_second_fails(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out"
    real = files.check_new_folder

    def racing(*args, **kwargs):
        existed = real(*args, **kwargs)
        monkeypatch.setattr(files, "check_new_folder", real)
        discussions.import_discussion([FIX / "reddit.json"], out)  # starts later, ends first
        return existed

    monkeypatch.setattr(files, "check_new_folder", racing)
    one_line_error(run("import", str(FIX / "chat.txt"), "-o", str(out)), 6, "appeared")
    assert "reddit" in (out / "discussion.yaml").read_text(encoding="utf-8")
    assert leftovers(tmp_path) == []


def test_import_force_replaces_a_folder_it_found(tmp_path: Path) -> None:
    out = imported(tmp_path, "out", "chat.txt")
    one_line_error(run("import", str(FIX / "reddit.json"), "-o", str(out)), 6, "already exists", "--force")
    assert run("import", str(FIX / "reddit.json"), "-o", str(out), "--force", "-q").exit_code == 0
    assert "reddit" in (out / "discussion.yaml").read_text(encoding="utf-8") and leftovers(tmp_path) == []


def test_draft_to_a_new_folder_never_replaces_one_that_appeared_meanwhile(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "drafted"

    def appear() -> None:
        out.mkdir()
        (out / "notes.md").write_text("mine", encoding="utf-8")

    while_drafting(monkeypatch, appear)
    one_line_error(run("draft", str(FIX / "discourse.json"), "-o", str(out)), 6, "appeared")
    assert os.listdir(out) == ["notes.md"] and leftovers(tmp_path) == []


# --- standard output: every byte checked ----------------------------------------------------


COMMANDS = [["render", "-o", "-"], ["thread"], ["thread", "--json"], ["info"],
            *(["export", "--format", name, "-o", "-"] for name in SINGLE_FILE)]


def _run_all(commands: list[list[str]], stdout_for, env: dict[str, str], preexec=None) -> list[tuple[int, str]]:
    """Run every command at once (in processes of their own), each with its own stdout."""
    procs = []
    for i, cmd in enumerate(commands):
        with stdout_for(i) as out:
            procs.append(subprocess.Popen([sys.executable, "-m", "conceptgraph", *cmd], stdout=out,
                                          stderr=subprocess.PIPE, text=True, env=env, preexec_fn=preexec))
    return [(p.wait(timeout=300), p.stderr.read()) for p in procs if p.stderr is not None]


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "CONCEPTGRAPH_CACHE": str(tmp_path / "cache"), **extra}


@pytest.mark.parametrize("unbuffered", ["1", ""])
def test_a_short_write_to_standard_output_is_an_error(tmp_path: Path, unbuffered: str) -> None:
    """A file that can grow no further (a full disk; here a file size limit of 4 KiB)
    takes part of a write and refuses the rest: that is exit 6, never a cut-off file."""
    limit = 4096

    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    def file(i: int):
        return open(tmp_path / f"out{i}", "wb")

    results = _run_all(COMMANDS, file, _env(tmp_path, PYTHONUNBUFFERED=unbuffered), limited)
    for cmd, (code, err), i in zip(COMMANDS, results, range(len(COMMANDS))):
        if (tmp_path / f"out{i}").stat().st_size < limit:  # `info` is shorter than the limit
            assert (code, err) == (0, ""), cmd
            continue
        assert code == 6, (cmd, code, err)
        assert err.startswith("Error: standard output: cannot write") and err.count("\n") == 1, (cmd, err)


def test_a_full_standard_output_is_an_error_in_every_format(tmp_path: Path) -> None:
    need(Path("/dev/full").exists(), "no /dev/full")
    commands = COMMANDS + [["--help"], ["--version"], ["export", "--help"]]
    results = _run_all(commands, lambda i: open("/dev/full", "wb"), _env(tmp_path, PYTHONUNBUFFERED="1"))
    for cmd, (code, err) in zip(commands, results):
        assert code == 6 and err == "Error: standard output: cannot write: No space left on device\n", (cmd, err)


def test_a_reader_that_stops_early_ends_the_command_quietly(tmp_path: Path) -> None:
    commands = [c for c in COMMANDS if c != ["info"]]
    procs = [subprocess.Popen([sys.executable, "-m", "conceptgraph", *cmd], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env=_env(tmp_path, PYTHONUNBUFFERED="1")) for cmd in commands]
    for cmd, p in zip(commands, procs):
        assert p.stdout is not None and p.stderr is not None
        p.stdout.read(10)
        p.stdout.close()  # like `| head -c 10`
        assert (p.wait(timeout=300), p.stderr.read()) == (0, b""), cmd


def test_output_written_in_memory_is_whole(tmp_path: Path) -> None:
    r = run("export", "--format", "graphml", "-o", "-")
    assert r.exit_code == 0 and r.stdout.rstrip().endswith("</graphml>")
    assert run("thread", "--json").stdout.rstrip().endswith("}")


# --- what a killed write leaves, the next run finishes or removes ----------------------------


KILL_BETWEEN_RENAMES = """
import os, signal, sys
from pathlib import Path
import conceptgraph.files as files
real = os.rename
def rename(src, dst):
    if str(src).endswith(".tmp") and any(p.name.endswith(".prev") for p in Path(dst).parent.iterdir()):
        os.kill(os.getpid(), signal.SIGKILL)  # the old folder moved aside, the new one not yet in place
    real(src, dst)
files.os.rename = rename
sys.argv = ["conceptgraph", *sys.argv[1:]]
from conceptgraph.cli import main
main()
"""


@pytest.mark.parametrize("next_run", ["reads it", "writes it again"])
def test_a_replacement_killed_between_its_renames_is_finished_by_the_next_run(tmp_path: Path, next_run: str) -> None:
    out = imported(tmp_path, "out", "chat.txt")
    p = subprocess.run([sys.executable, "-c", KILL_BETWEEN_RENAMES, "import", str(FIX / "reddit.json"), "-o", str(out),
                        "--force", "-q"], cwd=tmp_path, capture_output=True, text=True, timeout=300,
                       env=_env(tmp_path))
    assert p.returncode == -signal.SIGKILL, p.stderr
    assert not out.exists() and len(leftovers(tmp_path)) == 2  # the new folder and the old one
    if next_run == "reads it":
        r = run("contributors", "--data", str(out), "--json")
        assert r.exit_code == 0, r.stderr
    else:
        assert run("import", str(FIX / "minutes.md"), "-o", str(out), "--force", "-q").exit_code == 0
    text = (out / "discussion.yaml").read_text(encoding="utf-8")
    assert ("reddit" if next_run == "reads it" else "minutes") in text
    assert leftovers(tmp_path) == []


def test_a_replacement_an_earlier_version_left_cut_is_restored(tmp_path: Path) -> None:
    out = imported(tmp_path, "out", "chat.txt")
    before = snapshot(out)
    old = tmp_path / ".out.k2x_9a0b.old"  # how earlier versions named the folder moved aside
    old.mkdir()
    out.rename(old / "previous")
    assert run("thread", "--data", str(out)).exit_code == 0
    assert snapshot(out) == before and leftovers(tmp_path) == []


def test_stray_temporary_files_are_removed_but_never_one_being_written(tmp_path: Path) -> None:
    import fcntl

    target = tmp_path / "g.json"
    stray = tmp_path / ".g.json.0123abcd.tmp"
    stray.write_text("left by a killed export")
    live = tmp_path / ".g.json.89abcdef.tmp"
    live.write_text("being written")
    other = tmp_path / ".h.json.0123abcd.tmp"  # another file's: not this write's business
    other.write_text("h")
    with open(live, "rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        assert run("export", "--format", "json", "-o", str(target)).exit_code == 0
        assert not stray.exists() and live.exists() and other.exists()
    assert run("export", "--format", "json", "-o", str(target)).exit_code == 0
    assert not live.exists() and other.exists()


def test_a_write_killed_midway_leaves_nothing_the_next_write_keeps(tmp_path: Path) -> None:
    script = textwrap.dedent(f"""
        import os, signal, sys
        import conceptgraph.formats as formats
        def killed(G, fmt, out):
            out.write(b"partial")
            out.flush()
            os.kill(os.getpid(), signal.SIGKILL)
        formats.write = killed
        sys.argv = ["conceptgraph", "export", "--format", "json", "-o", {str(tmp_path / "g.json")!r}]
        from conceptgraph.cli import main
        main()
    """)
    p = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, timeout=300,
                       env=_env(tmp_path))
    assert p.returncode == -signal.SIGKILL and len(leftovers(tmp_path)) == 1
    assert run("export", "--format", "json", "-o", str(tmp_path / "g.json")).exit_code == 0
    assert leftovers(tmp_path) == [] and json.loads((tmp_path / "g.json").read_bytes())["nodes"]


# --- the draft's own file: a FIFO, a folder, bytes that are not text ------------------------


def test_a_fifo_named_draft_yaml_is_refused_at_once(tmp_path: Path) -> None:
    folder = imported(tmp_path)
    os.mkfifo(folder / DRAFT_FILE)
    started = time.monotonic()
    one_line_error(run("draft", str(folder)), 6, "not a regular file")
    one_line_error(run("draft", str(folder), "--force"), 6, "not a regular file")
    assert time.monotonic() - started < 60
    r = run("draft", str(folder), "-o", str(tmp_path / "elsewhere"), "-q")  # not part of the dataset: left alone
    assert r.exit_code == 0, r.stderr
    assert (folder / DRAFT_FILE).is_fifo()


def test_a_folder_named_draft_yaml_is_refused(tmp_path: Path) -> None:
    folder = imported(tmp_path)
    (folder / DRAFT_FILE).mkdir()
    (folder / DRAFT_FILE / "x").write_text("kept")
    for extra in ([], ["--force"]):
        one_line_error(run("draft", str(folder), *extra), 6, "draft.yaml", "is a folder")
    assert (folder / DRAFT_FILE / "x").read_text() == "kept"


@PROPERTY
@given(junk=st.binary(min_size=1, max_size=200).filter(lambda b: not _is_utf8(b)))
def test_a_draft_yaml_that_is_not_text_is_never_replaced(tmp_path_factory, junk: bytes) -> None:
    folder = tmp_path_factory.mktemp("junk") / "t"
    assert draft_folder(FIX / "chat.txt", folder)["path"] == str(folder)
    (folder / DRAFT_FILE).write_bytes(junk)
    r = run("draft", str(folder))  # it may hold decisions nobody can read: never drafted over
    line = one_line_error(r, 1, "draft.yaml")
    assert "not valid UTF-8" in line or "ends inside a character" in line
    assert run("draft", str(folder), "--force").exit_code == 1
    assert (folder / DRAFT_FILE).read_bytes() == junk
    (folder / DRAFT_FILE).unlink()
    assert run("draft", str(folder), "-q").exit_code == 0
    load_dataset(folder)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@PROPERTY
@given(junk=st.binary(min_size=1, max_size=200).filter(lambda b: not _is_utf8(b)))
def test_a_curated_file_that_is_not_text_is_one_line_with_its_line(tmp_path_factory, junk: bytes) -> None:
    folder = tmp_path_factory.mktemp("junk") / "t"
    draft_folder(FIX / "chat.txt", folder)
    (folder / "notes.yaml").write_bytes(b"# my notes\n" + junk)
    before = snapshot(folder)
    line = one_line_error(run("draft", str(folder)), 1, "notes.yaml:")
    assert "not valid UTF-8" in line or "NUL" in line or "ends inside a character" in line
    assert snapshot(folder) == before


# --- a thread where nothing is found ---------------------------------------------------------


def test_a_thread_where_nothing_is_found_gets_an_empty_draft(tmp_path: Path) -> None:
    chat = tmp_path / "hello.txt"
    chat.write_text("Ann: Hello there.\nBo: Hi!\n", encoding="utf-8")
    r = run("import", str(chat), "-o", str(tmp_path / "a"), "--draft", "--terms", "zymurgy", "--json")
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["draft"]["claims"] == 0
    r = run("draft", str(chat), "-o", str(tmp_path / "b"), "--terms", "zymurgy", "--json")
    assert r.exit_code == 0, r.stderr
    for name in "ab":
        folder = tmp_path / name
        doc = yaml.safe_load((folder / DRAFT_FILE).read_text(encoding="utf-8"))
        assert doc == {"terms": [], "attributes": [], "claims": [], "relations": []}
        assert run("validate", str(folder)).exit_code == 0
        ds = load_dataset(folder)
        assert (ds.terms, ds.claims, len(ds.messages)) == ((), (), 2)
    assert run("draft", str(tmp_path / "a"), "--terms", "zymurgy", "-q").exit_code == 0  # replaced: still a draft


@PROPERTY
@given(turns=st.lists(st.tuples(st.sampled_from(["Ann", "Bo", "Cy"]),
                                st.text(st.sampled_from("ab .,!?'-xyz"), min_size=1, max_size=40)
                                .filter(lambda w: any(c.isalpha() for c in w))),
                      min_size=1, max_size=6))
def test_any_small_chat_drafts_to_a_folder_that_reads_back(tmp_path_factory, turns) -> None:
    folder = tmp_path_factory.mktemp("chat")
    chat = folder / "chat.txt"
    chat.write_text("".join(f"{who}: {words}\n" for who, words in turns), encoding="utf-8")
    r = run("draft", str(chat), "-o", str(folder / "out"), "--json")
    assert r.exit_code == 0, r.stderr
    summary = json.loads(r.stdout)
    ds = load_dataset(folder / "out")
    assert (len(ds.terms), len(ds.claims)) == (summary["terms"], summary["claims"])


# --- draft DIR -o OTHER when DIR already holds a draft ----------------------------------------


def test_draft_to_another_folder_leaves_the_draft_of_the_first_out(tmp_path: Path) -> None:
    folder = imported(tmp_path, "t", "discourse.json", "--draft")
    before = snapshot(folder)
    r = run("draft", str(folder), "-o", str(tmp_path / "other"), "--terms", "cooperation")
    assert r.exit_code == 0, r.stderr
    assert snapshot(folder) == before
    ds = load_dataset(tmp_path / "other")
    assert [t.label for t in ds.terms] == ["cooperation"]
    assert sorted(os.listdir(tmp_path / "other")) == ["discussion.yaml", DRAFT_FILE]
    # an item accepted in the draft goes with the decisions to the new folder: nothing left behind
    (folder / DRAFT_FILE).write_text(accept_first(folder), encoding="utf-8")
    assert run("draft", str(folder), "-o", str(tmp_path / "third"), "-q").exit_code == 0
    assert {"decisions.yaml", "reviewed.yaml"} <= set(os.listdir(tmp_path / "third"))
    assert run("validate", str(tmp_path / "third")).exit_code == 0


# --- the values of a graph keep their types through a round trip ------------------------------


TEXT_FIELDS = ["gloss", "label", "description", "quote", "where", "title", "date", "role", "kind", "text", "speaker"]
SCALAR = st.one_of(st.integers(-(10**12), 10**12), st.floats(allow_nan=False, allow_infinity=False), st.booleans(),
                   st.text(st.characters(blacklist_categories=("Cs",)), max_size=10))


@PROPERTY
@given(values=st.lists(st.dictionaries(st.sampled_from(TEXT_FIELDS), SCALAR, max_size=4), min_size=2, max_size=5),
       graph=st.dictionaries(st.sampled_from(TEXT_FIELDS), SCALAR, max_size=3))
def test_any_value_reads_back_as_it_was_written(tmp_path_factory, values: list, graph: dict) -> None:
    """`gloss: 0` is read back as 0 (not '0'), and so is any number, boolean or text in
    any field; load_graph then makes the fields the queries read text."""
    import networkx as nx

    from conceptgraph.formats import conform, export, read_graph

    G = nx.MultiDiGraph(**graph)
    for i, attrs in enumerate(values):
        G.add_node(f"n{i}", **attrs)
    G.add_edge("n0", "n1", "e", **values[-1])
    folder = tmp_path_factory.mktemp("rt")
    for fmt in ("graphml", "gexf", "json"):
        path = folder / f"g.{fmt}"
        export(G, fmt, path)
        H = read_graph(path)
        assert H.graph == G.graph and list(H.nodes(data=True)) == list(G.nodes(data=True)), fmt
        assert list(H.edges(keys=True, data=True)) == list(G.edges(keys=True, data=True)), fmt
        loaded = load_graph(path)
        assert list(loaded.nodes(data=True)) == list(conform(H).nodes(data=True))
        assert all(isinstance(d.get("gloss", ""), str) and isinstance(d["label"], str) for _, d in loaded.nodes(data=True))


def test_gloss_zero_reads_back_as_zero(tmp_path: Path) -> None:
    import networkx as nx

    from conceptgraph.formats import export, read_graph

    G = nx.MultiDiGraph()
    G.add_node("t", kind="term", label="t", gloss=0)
    for fmt in ("graphml", "gexf", "json"):
        export(G, fmt, tmp_path / f"g.{fmt}")
        assert read_graph(tmp_path / f"g.{fmt}").nodes["t"]["gloss"] == 0
    assert load_graph(tmp_path / "g.json").nodes["t"]["gloss"] == "0"  # what the page and the queries read


def test_a_graph_whose_text_names_an_exports_key_reads_back_as_a_graph(tmp_path: Path) -> None:
    """A gloss "answer_id" (found by the property test above) made the JSON export read
    as Stack Exchange's API answer."""
    import networkx as nx

    from conceptgraph.formats import export

    G = nx.MultiDiGraph(gloss="answer_id")
    G.add_node("t", kind="term", label="question_id", gloss="comment_id")
    export(G, "json", tmp_path / "g.json")
    assert load_graph(tmp_path / "g.json").nodes["t"]["gloss"] == "comment_id"


def test_read_if_exists_says_none_for_nothing(tmp_path: Path) -> None:
    assert read_if_exists(tmp_path / "nothing") is None
    with pytest.raises(WriteConflict):
        write_atomic(tmp_path / "nothing", "x", expect=b"something")
    assert not (tmp_path / "nothing").exists()
    write_atomic(tmp_path / "nothing", "x", expect=None)
    with pytest.raises(WriteConflict):
        write_atomic(tmp_path / "nothing", "y", expect=None)
    assert (tmp_path / "nothing").read_text() == "x"


def test_an_empty_folder_is_taken_and_no_force_is_suggested_that_would_be_refused(tmp_path: Path) -> None:
    """An empty folder made for the import is used; a folder of one's notes is refused
    once, saying why (--force, suggested before, was then refused too)."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "notes.md").write_text("mine\n", encoding="utf-8")
    for command in ("import", "draft"):  # draft -o DIR as import -o DIR
        (tmp_path / command).mkdir()
        assert run(command, str(FIX / "chat.txt"), "-o", str(tmp_path / command), "-q").exit_code == 0
        r = run(command, str(FIX / "chat.txt"), "-o", str(notes))
        one_line_error(r, 6, "notes.md", "would delete", "choose another folder")
        assert "--force" not in r.stderr and [p.name for p in notes.iterdir()] == ["notes.md"]


def test_force_replaces_an_earlier_import_but_never_review_work_or_other_files(tmp_path: Path) -> None:
    """`import --force` and `draft -o --force` replace what import and draft wrote; a
    folder that also holds review decisions or a file of the user's is refused, whole."""
    folder = imported(tmp_path, "t", "discourse.json", "--draft")
    r = run("import", str(FIX / "reddit.json"), "-o", str(folder), "--force", "--draft", "-q")
    assert r.exit_code == 0, r.stderr  # an earlier import and its draft: replaced
    assert "reddit" in (folder / "discussion.yaml").read_text(encoding="utf-8").casefold()
    (folder / "decisions.yaml").write_text("decisions: []\n", encoding="utf-8")
    (folder / "notes.txt").write_text("mine\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    for args in (("import", str(FIX / "discourse.json")), ("draft", str(FIX / "discourse.json"))):
        r = run(*args, "-o", str(folder), "--force")
        one_line_error(r, 6, "decisions.yaml, notes.txt", "would delete")
        assert {p.name: p.read_bytes() for p in folder.iterdir()} == before and leftovers(tmp_path) == []


def test_a_review_kept_across_a_newer_import_as_the_refusal_says(tmp_path: Path) -> None:
    """The refusal says how to keep a review: move its files out, import the newer export,
    move decisions.yaml back and draft again; what was accepted stays accepted."""
    from conceptgraph.review import Review

    raw = tmp_path / "thread.txt"
    raw.write_text("Ana: A haiku is a short poem.\nBen: A sonnet has fourteen lines.\n", encoding="utf-8")
    folder = tmp_path / "t"
    assert run("import", str(raw), "-o", str(folder), "--draft", "-q", "--terms", "haiku,sonnet").exit_code == 0
    haiku = next(it for it in Review(folder).items if it.kind == "term" and it.fields["term"] == "haiku")
    assert run("review", str(folder), "--accept", haiku.rid).exit_code == 0
    raw.write_text("Ana: A haiku is a short poem.\nBen: A sonnet has fourteen lines.\nCy: Both are poems.\n",
                   encoding="utf-8")
    r = run("import", str(raw), "-o", str(folder), "--force")
    one_line_error(r, 6, "decisions.yaml", "to import again and keep a review: move them out, import with --force, "
                   "move decisions.yaml back in, and draft again")
    kept = tmp_path / "kept"
    kept.mkdir()
    for name in ("decisions.yaml", "reviewed.yaml"):
        (folder / name).rename(kept / name)
    assert run("import", str(raw), "-o", str(folder), "--force", "-q").exit_code == 0
    (kept / "decisions.yaml").rename(folder / "decisions.yaml")
    r = run("draft", str(folder), "--terms", "haiku,sonnet", "--json")
    assert r.exit_code == 0, r.stderr
    review = Review(folder)
    # what the draft says it holds is what is left to review: the decided item is counted apart
    said = json.loads(r.stdout)
    assert said["settled"] >= 1 and review.counts()["left"] == sum(
        said[k] for k in ("terms", "attributes", "claims", "relations"))
    assert len(load_dataset(folder).messages) == 3
    assert [review.status(it) for it in review.items if it.kind == "term" and it.fields["term"] == "haiku"] == ["accepted"]


def test_a_read_only_file_is_never_replaced(tmp_path: Path) -> None:
    """A file made read-only ("chmod a-w") is one its owner wants kept: an export, a
    page or a dataset written over it is refused in one line naming it (exit 6), for
    root too (a rename would replace it whatever its mode), and it keeps its bytes."""
    for args, name in ((["export", "graphml"], "kept.graphml"), (["render"], "kept.html")):
        target = tmp_path / name
        cli_ok = CliRunner().invoke(cli, [*args, "-o", str(target)])
        assert cli_ok.exit_code == 0, cli_ok.output
        before = target.read_bytes()
        target.chmod(0o444)
        result = CliRunner().invoke(cli, [*args, "-o", str(target), "--force"])
        assert result.exit_code == 6, result.output
        assert result.output.strip().splitlines() == [
            f"Error: {target}: the file is read-only; refusing to replace it (make it writable, or write elsewhere)"]
        assert target.read_bytes() == before and not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
        target.chmod(0o644)
        assert CliRunner().invoke(cli, [*args, "-o", str(target)]).exit_code == 0
    with pytest.raises(files.OutputError, match="read-only"):
        ro = tmp_path / "notes.yaml"
        ro.write_text("x: 1\n", encoding="utf-8")
        ro.chmod(0o400)
        files.write_atomic(ro, "x: 2\n")
    assert ro.read_text(encoding="utf-8") == "x: 1\n"


def test_a_folder_that_takes_no_new_files_is_named_as_such(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """/proc answers "No such file or directory" to a new file in a folder that is there:
    the error says the folder takes no new files (a trial read it as a missing folder),
    one line, exit 6; any other reason is the system's own."""
    import errno

    real = os.open

    def refuse(path, flags, *args):  # as /proc does
        if flags & os.O_CREAT and str(tmp_path) in str(path):
            raise FileNotFoundError(errno.ENOENT, "No such file or directory")
        return real(path, flags, *args)

    monkeypatch.setattr(os, "open", refuse)
    out = run("export", "graphml", "-o", str(tmp_path / "g.graphml"))
    assert out.exit_code == 6 and out.stderr == f"Error: {tmp_path / 'g.graphml'}: cannot write: {tmp_path} takes no new " \
        "files\n", out.stderr
    if Path("/proc").is_dir():  # the real thing, where the machine has it
        real_run = subprocess.run([sys.executable, "-m", "conceptgraph", "export", "graphml", "-o", "/proc/g.graphml"],
                                  capture_output=True, text=True)
        assert real_run.returncode == 6 and real_run.stderr == \
            "Error: /proc/g.graphml: cannot write: /proc takes no new files\n", real_run.stderr
