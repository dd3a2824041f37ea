"""Measure chartergen at portfolio scale and write the figures to docs/performance.md.

    python benchmarks/run.py [--sizes 1,10,40,100,500] [--repeat 5] [--no-write]

Everything is a whole-process wall-clock median, measured in this one run so
that the ratios hold on a noisy machine: at each portfolio size the commands
run in turn, once per round, so that a busy moment slows them all alike. For
each size it measures validate, check, chartergen's own page generation
(``chartergen render``), the full ``chartergen build`` with each site engine (MkDocs,
then Zensical: ``--engine zensical``), a plain ``mkdocs build``
of the Markdown that ``chartergen render`` writes (the floor MkDocs sets),
check-jsonschema with ``chartergen schema`` (the peer), the weight of one page
and the peak memory; then the time from saving a charter to the change being
served by ``chartergen serve`` on each engine (``benchmarks/serve.py``).

chartergen is installed as users get it, from the last commit (``git archive
HEAD``), in a fresh virtual environment; ``--working-tree`` installs the files
as they are instead, ``--current-env`` uses the tools already installed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import serve  # noqa: E402
from generate import write_portfolio  # noqa: E402

DOC = ROOT / "docs" / "performance.md"
CACHE = Path(tempfile.gettempdir()) / "chartergen-bench-cache"
"""What builds keep between runs (``XDG_CACHE_HOME``) while measuring, emptied before each
cold build."""
MARK_START = "<!-- benchmark:start -->"
MARK_END = "<!-- benchmark:end -->"
TODAY = "2026-11-23"
BIN = Path(sys.executable).parent
"""Where chartergen, mkdocs and check-jsonschema are taken from (see ``install``)."""

VALIDATE, CHECK, RENDER, BUILD, FLOOR, PEER, ZENSICAL = (
    "validate", "check", "render", "chartergen build", "mkdocs build (floor)",
    "check-jsonschema", "chartergen build --engine zensical")
EDITED, EDITED_ZENSICAL = ("chartergen build after a one-charter edit",
                           "chartergen build --engine zensical after a one-charter edit")
COLUMNS = (VALIDATE, CHECK, PEER, RENDER, FLOOR, BUILD, ZENSICAL)
BUILDS = (FLOOR, BUILD, ZENSICAL, EDITED, EDITED_ZENSICAL)
"""What ``--builds-only`` measures."""


@dataclass
class Timing:
    seconds: float
    peak_mb: float
    load: float = 0.0
    """The machine's load average (one minute) when the command started."""


@dataclass
class Row:
    size: int
    figures: dict[str, Timing] = field(default_factory=dict)
    page_kb: float | None = None
    pages: int = 0


def tool(name: str) -> str:
    local = BIN / name
    return str(local) if local.exists() else (shutil.which(name) or name)


def run_once(command: list[str], cwd: Path | None = None,
             ok_codes: tuple[int, ...] = (0,)) -> Timing:
    """Wall time and peak RSS (largest of the process and the workers it waited for)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CHARTERGEN_TODAY": TODAY}
    env.pop("CI", None)
    # as users run it: Python keeps each module's compiled form after the first run (an
    # editable install of chartergen would otherwise compile every module at every run)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    load = os.getloadavg()[0]
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                                 env=env)
        _pid, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        if code not in ok_codes:
            out.seek(0)
            raise SystemExit(f"{' '.join(command)} failed ({code}):\n"
                             f"{out.read()[-3000:].decode(errors='replace')}")
    return Timing(seconds, usage.ru_maxrss / 1024, load)


def rounds(commands: dict[str, tuple[list[str], Path | None, tuple[int, ...]]],
           repeat: int, before: dict[str, object] | None = None,
           warm: bool = False) -> dict[str, Timing]:
    """Each command once per round, in turn; the best time of each (with the load when it
    started) and its largest peak.

    ``warm``: run each command once first, not counted (for start-up figures: the first
    run of a fresh install writes Python's compiled modules)."""
    runs: dict[str, list[Timing]] = {name: [] for name in commands}
    for command, cwd, ok_codes in commands.values() if warm else ():
        run_once(command, cwd, ok_codes)
    for _ in range(repeat):
        for name, (command, cwd, ok_codes) in commands.items():
            prepare = (before or {}).get(name)
            if callable(prepare):
                prepare()
            runs[name].append(run_once(command, cwd, ok_codes))
    best = {name: min(found, key=lambda t: t.seconds) for name, found in runs.items()}
    return {name: Timing(best[name].seconds, max(t.peak_mb for t in found), best[name].load)
            for name, found in runs.items()}


def bench_size(size: int, work: Path, repeat: int, builds_only: bool = False) -> Row:
    row = Row(size)
    project = work / f"p{size}"
    if project.exists():
        shutil.rmtree(project)
    charters = project / "charters"
    write_portfolio(charters, size)
    chartergen = tool("chartergen")
    files = sorted(str(p) for p in charters.glob("*.yaml"))

    schema = project / "charter.schema.json"
    schema.write_text(subprocess.run([chartergen, "schema"], capture_output=True, text=True,
                                     check=True).stdout)
    rendered = project / "rendered"
    run_once([chartergen, "render", "charters", "--out", str(rendered)], project)
    floor_config = align_floor(rendered)

    commands = {
        VALIDATE: ([chartergen, "validate", "charters"], project, (0,)),
        CHECK: ([chartergen, "check", "charters"], project, (0, 1)),
        PEER: ([tool("check-jsonschema"), "--schemafile", str(schema), *files], project, (0,)),
        RENDER: ([chartergen, "render", "charters", "--out", str(rendered)], project, (0,)),
        FLOOR: ([tool("mkdocs"), "build", "-q", "-f", str(floor_config), "-d",
                 str(project / "floor-site")], rendered, (0,)),
        BUILD: ([chartergen, "build", "charters", "-q", "--site-dir", str(project / "site")],
                project, (0,)),
        ZENSICAL: ([chartergen, "build", "charters", "-q", "--engine", "zensical",
                    "--site-dir", str(project / "site-zensical")], project, (0,)),
    }
    # after one charter's text changed, into the site the build above wrote
    commands[EDITED] = commands[BUILD]
    commands[EDITED_ZENSICAL] = commands[ZENSICAL]
    if builds_only:
        commands = {name: commands[name] for name in BUILDS}
    edits = iter(range(1_000_000))

    def edit() -> None:
        path = Path(files[min(7, len(files) - 1)])
        marker = f"Edited{next(edits)}"
        path.write_text(re.sub(r"purpose: (Edited\d+ )?", f"purpose: {marker} ",
                               path.read_text(encoding="utf-8"), count=1), encoding="utf-8")

    # The floor builds the pages render wrote; render runs again in each round, so the
    # floor's configuration is put back before it. Zensical's cold build starts with no
    # kept build; the edit comes before the MkDocs rebuild, and the Zensical rebuild
    # follows the cold Zensical build of the unedited charters.
    row.figures = rounds(commands, repeat, before={
        FLOOR: lambda: align_floor(rendered),
        ZENSICAL: lambda: shutil.rmtree(CACHE, ignore_errors=True),
        EDITED: edit,
    })
    row.page_kb = page_weight(project / "site")
    row.pages = sum(1 for _ in (rendered / "docs").rglob("*.md"))
    return row


def align_floor(rendered: Path) -> Path:
    """The rendered folder's mkdocs.yml with the plugins of ``chartergen build``'s default
    configuration (minus chartergen), so that both build the same site."""
    sys.path.insert(0, str(ROOT / "src"))
    from ruamel.yaml import YAML

    from chartergen.render.config import IFRAME_WORKER, PLUGINS

    yaml = YAML(typ="safe", pure=True)
    path = rendered / "mkdocs.yml"
    config = yaml.load(path.read_text(encoding="utf-8"))
    config["plugins"] = PLUGINS
    if "offline" in str(PLUGINS):
        config.setdefault("extra", {})["polyfills"] = [IFRAME_WORKER]
    with path.open("w", encoding="utf-8") as stream:
        yaml.dump(config, stream)
    return path


def page_weight(site: Path) -> float | None:
    """Kilobytes of one charter page: the first charter's crisis page."""
    for candidate in ("company-0000/crisis.html", "company-0000/crisis/index.html"):
        if (site / candidate).is_file():
            return (site / candidate).stat().st_size / 1024
    return None


def bench_single(work: Path, repeat: int, charter: Path | None = None) -> tuple[Timing, Timing]:
    """Validate one charter (``charter``, else a generated one) against the bare imports,
    timed in turn."""
    if charter is not None:
        path = charter.resolve()
    else:
        charters = work / "single"
        if charters.exists():
            shutil.rmtree(charters)
        (path,) = write_portfolio(charters, 1)
    found = rounds({
        "imports": ([str(BIN / "python"), "-c", "import ruamel.yaml, cerberus, click"], None,
                    (0,)),
        "validate": ([tool("chartergen"), "validate", str(path)], None, (0,)),
    }, repeat, warm=True)
    return found["imports"], found["validate"]


def table(rows: list[Row], single: tuple[Timing, Timing] | None,
          served: dict[str, dict[str, float | list[float]]] | None) -> str:
    out = ["| charters | pages | " + " | ".join(COLUMNS) + " | build per charter "
           "| build per added charter | page weight | peak memory (build) |",
           "|---:|---:|" + "---:|" * (len(COLUMNS) + 4)]
    previous: Row | None = None
    for row in rows:
        cells = [f"{row.figures[n].seconds:.2f} s" if n in row.figures else "–"
                 for n in COLUMNS]
        build = row.figures.get(BUILD)
        per = f"{build.seconds / row.size * 1000:.0f} ms" if build else "–"
        added = "–"
        if build and previous and BUILD in previous.figures:
            step = build.seconds - previous.figures[BUILD].seconds
            added = f"{step / (row.size - previous.size) * 1000:.0f} ms"
        weight = f"{row.page_kb:.1f} KB" if row.page_kb else "–"
        peak = f"{build.peak_mb:.0f} MB" if build else "–"
        out.append(f"| {row.size} | {row.pages} | " + " | ".join(cells)
                   + f" | {per} | {added} | {weight} | {peak} |")
        previous = row

    out += ["", "The two engines side by side (best of the rounds; the load average when "
            "that run started, in brackets; a rebuild follows an edit of one charter's text "
            "and writes into the site the last build left):", "",
            "| charters | pages | mkdocs build (floor) | MkDocs: cold | MkDocs: after one "
            "edit | MkDocs: peak memory | Zensical: cold | Zensical: after one edit | "
            "Zensical: rebuild / cold | Zensical: peak memory |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]

    def timed(row: Row, name: str) -> str:
        found = row.figures.get(name)
        return f"{found.seconds:.2f} s ({found.load:.1f})" if found else "–"

    def peak(row: Row, *names: str) -> str:
        found = [row.figures[n].peak_mb for n in names if n in row.figures]
        return f"{max(found):.0f} MB" if found else "–"

    for row in rows:
        cold, again = row.figures.get(ZENSICAL), row.figures.get(EDITED_ZENSICAL)
        share = f"{again.seconds / cold.seconds:.1%}" if cold and again else "–"
        out.append(f"| {row.size} | {row.pages} | {timed(row, FLOOR)} | {timed(row, BUILD)} | "
                   f"{timed(row, EDITED)} | {peak(row, BUILD, EDITED)} | "
                   f"{timed(row, ZENSICAL)} | {timed(row, EDITED_ZENSICAL)} | {share} | "
                   f"{peak(row, ZENSICAL, EDITED_ZENSICAL)} |")

    out += ["", "| target | measured | ratio | goal | met |", "|---|---|---:|---|---|"]

    def target(what: str, measured: str, ratio: float, limit: float, goal: str) -> None:
        met = ratio < limit if goal.startswith("<") else ratio <= limit
        out.append(f"| {what} | {measured} | {ratio:.2f} | {goal} | {'yes' if met else 'NO'} |")

    if single is not None:
        baseline, validate = single
        target("`chartergen validate` of one charter vs `python -c \"import ruamel.yaml, "
               "cerberus, click\"`",
               f"{validate.seconds * 1000:.0f} ms vs {baseline.seconds * 1000:.0f} ms",
               validate.seconds / baseline.seconds, 1.5, "≤ 1.5")
    by_size = {row.size: row for row in rows}
    hundred = by_size.get(100)
    if hundred and PEER in hundred.figures:
        ours, peer = hundred.figures[VALIDATE], hundred.figures[PEER]
        target("`chartergen validate` of 100 charters vs check-jsonschema",
               f"{ours.seconds:.2f} s vs {peer.seconds:.2f} s", ours.seconds / peer.seconds,
               0.5, "≤ 0.5")
    forty = by_size.get(40)
    for name, engine in ((BUILD, "MkDocs"), (ZENSICAL, "Zensical")):
        if forty and name in forty.figures and FLOOR in forty.figures:
            ours, floor = forty.figures[name], forty.figures[FLOOR]
            target(f"`chartergen build` ({engine}) of 40 charters vs plain single-process "
                   "`mkdocs build` of the same pages",
                   f"{ours.seconds:.2f} s vs {floor.seconds:.2f} s",
                   ours.seconds / floor.seconds, 0.6, "≤ 0.6")
    largest = max(rows, key=lambda r: r.size) if rows else None
    for cold_name, again_name, engine in ((BUILD, EDITED, "MkDocs"),
                                          (ZENSICAL, EDITED_ZENSICAL, "Zensical")):
        if largest and largest.size >= 100 and again_name in largest.figures:
            cold, again = largest.figures[cold_name], largest.figures[again_name]
            target(f"`chartergen build` ({engine}) after a one-charter edit vs a cold build, "
                   f"{largest.size} charters", f"{again.seconds:.2f} s vs {cold.seconds:.2f} s",
                   again.seconds / cold.seconds, 0.05, "≤ 0.05")
    one = by_size.get(1)
    if one and forty and one.page_kb and forty.page_kb:
        target("a page of a 40-charter site vs the same page of a one-charter site",
               f"{forty.page_kb:.1f} KB vs {one.page_kb:.1f} KB", forty.page_kb / one.page_kb,
               2, "≤ 2")
    with_build = [r for r in rows if BUILD in r.figures and r.size >= 10]
    if len(with_build) >= 3:
        # Linear growth means each added charter costs the same: compare the cost of an
        # added charter between the two largest portfolios with that between the two
        # smallest (from 10 charters, where start-up no longer dominates).
        def added(a: Row, b: Row) -> float:
            return (b.figures[BUILD].seconds - a.figures[BUILD].seconds) / (b.size - a.size)
        first = added(with_build[0], with_build[1])
        last = added(with_build[-2], with_build[-1])
        target(f"`chartergen build`: time per added charter, {with_build[-2].size} → "
               f"{with_build[-1].size} vs {with_build[0].size} → {with_build[1].size} charters",
               f"{last * 1000:.0f} ms vs {first * 1000:.0f} ms", last / first, 1,
               "≤ 1 (linear or better)")
    for engine, found in (served or {}).items():
        saves = ", ".join(f"{s:.2f}" for s in found["saves"])  # type: ignore[union-attr]
        out.append(f"| `chartergen serve --engine {engine}`, 100 charters: from saving one "
                   f"charter to the change served | {found['median']:.2f} s (median of "
                   f"{saves} s; load {found['load']:.1f}; first build "
                   f"{found['first_build']:.1f} s) | – | < 1 s on one "
                   f"engine | {'yes' if found['median'] < 1 else 'NO'} |")
    return "\n".join(out)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        model = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
        cpu = model.group(1).strip() if model else cpu
    except OSError:
        pass
    try:
        load = f" load average {os.getloadavg()[0]:.1f} at the start,"
    except OSError:
        load = ""
    return (f"{dt.date.today()}, {os.cpu_count()} cores ({cpu}),{load} Python "
            f"{platform.python_version()}, {platform.system()} {platform.release()}")


def write_doc(text: str) -> None:
    current = DOC.read_text(encoding="utf-8")
    start, end = current.index(MARK_START), current.index(MARK_END)
    DOC.write_text(current[: start + len(MARK_START)] + "\n" + text + "\n" + current[end:],
                   encoding="utf-8")


def install(work: Path, working_tree: bool) -> Path:
    """Install chartergen as users get it (a regular, non-editable install) in a fresh venv.

    An editable install adds an import hook that costs every process about 20 ms;
    the figures should describe what users run, not the developers' set-up.
    """
    source = ROOT
    if not working_tree and (ROOT / ".git").exists():
        source = work / "source"
        source.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", "HEAD"], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(source)], input=archive, check=True)
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q"]
    subprocess.run([*pip, f"{source}[zensical]", "check-jsonschema"], check=True)
    return venv / "bin"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,40,100,500")
    parser.add_argument("--repeat", type=int, default=5,
                        help="rounds per size up to 100 charters (larger sizes: 1)")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--no-serve", action="store_true", help="skip the serve measurement")
    parser.add_argument("--working-tree", action="store_true",
                        help="install the files as they are, not the last commit")
    parser.add_argument("--current-env", action="store_true",
                        help="use the tools of this environment instead of a fresh install")
    parser.add_argument("--builds-only", action="store_true",
                        help="measure only the builds (floor, each engine cold and after an "
                        "edit) and serve: what the engines cost")
    parser.add_argument("--single", type=Path, metavar="CHARTER",
                        help="the charter validated against the bare imports (default: a "
                        "generated one), e.g. charters/hartwell-pumps.yaml")
    args = parser.parse_args(argv)
    global BIN
    sizes = [int(s) for s in args.sizes.split(",")]
    signal_stop()
    with tempfile.TemporaryDirectory(prefix="chartergen-bench-") as tmp:
        work = Path(tmp)
        text_start = f"Measured on {machine()}."
        if not args.current_env:
            print("installing chartergen in a fresh venv...", file=sys.stderr)
            BIN = install(work, args.working_tree)
        os.environ["XDG_CACHE_HOME"] = str(CACHE)
        single = None if args.builds_only else bench_single(work, args.repeat * 2, args.single)
        rows = []
        for size in sizes:
            print(f"measuring {size} charters (load {os.getloadavg()[0]:.1f})...",
                  file=sys.stderr)
            rows.append(bench_size(size, work, args.repeat if size <= 100 else 1,
                                   args.builds_only))
        shutil.rmtree(CACHE, ignore_errors=True)
        served = None
        if not args.no_serve:
            print("measuring chartergen serve...", file=sys.stderr)
            served = {engine: serve.measure(tool("chartergen"), work, charters=100, edits=3,
                                            engine=engine)
                      for engine in ("mkdocs", "zensical")}
    text = text_start + "\n\n" + table(rows, single, served)
    print(text)
    if not args.no_write:
        write_doc(text)
    return 0


def signal_stop() -> None:
    """A plain kill unwinds like Ctrl+C, so that a running server is stopped."""
    import signal

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))


if __name__ == "__main__":
    sys.exit(main())
