"""Measure chartergen at portfolio scale and write the figures to docs/performance.md.

    python benchmarks/run.py [--sizes 1,10,100,500] [--repeat 5] [--no-write]

Everything is a whole-process wall-clock median over ``--repeat`` runs, measured
in this one run so that the ratios hold on a noisy machine. For each portfolio
size it measures: validate, check, chartergen's own page generation (render),
the full ``chartergen build``, a plain ``mkdocs build`` of the Markdown that
``chartergen render`` writes (the floor MkDocs sets), check-jsonschema with
``chartergen schema`` (the peer), the weight of one page and the peak memory.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import write_portfolio  # noqa: E402

DOC = ROOT / "docs" / "performance.md"
MARK_START = "<!-- benchmark:start -->"
MARK_END = "<!-- benchmark:end -->"
BIN = Path(sys.executable).parent
"""Where chartergen, mkdocs and check-jsonschema are taken from (see ``install``)."""


@dataclass
class Timing:
    seconds: float
    peak_mb: float


@dataclass
class Row:
    size: int
    figures: dict[str, Timing] = field(default_factory=dict)
    page_kb: float | None = None


def tool(name: str) -> str:
    local = BIN / name
    return str(local) if local.exists() else (shutil.which(name) or name)


def measure(command: list[str], repeat: int, cwd: Path | None = None,
            ok_codes: tuple[int, ...] = (0,)) -> Timing:
    """Median wall time and the largest peak RSS of the child over ``repeat`` runs."""
    times, peaks = [], []
    for _ in range(repeat):
        with tempfile.TemporaryFile() as out:
            start = time.perf_counter()
            child = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
            _pid, status, usage = os.wait4(child.pid, 0)
            times.append(time.perf_counter() - start)
            code = os.waitstatus_to_exitcode(status)
            if code not in ok_codes:
                out.seek(0)
                raise SystemExit(f"{' '.join(command)} failed ({code}):\n"
                                 f"{out.read()[-3000:].decode(errors='replace')}")
        peaks.append(usage.ru_maxrss / 1024)  # this child's own peak, in MB
    return Timing(statistics.median(times), max(peaks))


def has_command(name: str) -> bool:
    probe = subprocess.run([tool("chartergen"), name, "--help"], capture_output=True)
    return probe.returncode == 0


def bench_size(size: int, work: Path, repeat: int) -> Row:
    row = Row(size)
    charters = work / f"p{size}" / "charters"
    if charters.exists():
        shutil.rmtree(charters.parent)
    write_portfolio(charters, size)
    project = charters.parent
    chartergen = tool("chartergen")
    row.figures["validate"] = measure([chartergen, "validate", str(charters)], repeat)
    if has_command("check"):
        row.figures["check"] = measure([chartergen, "check", str(charters)], repeat,
                                       ok_codes=(0, 1))
    if has_command("schema") and shutil.which(tool("check-jsonschema")):
        schema = project / "charter.schema.json"
        schema.write_text(subprocess.run([chartergen, "schema"], capture_output=True, text=True,
                                         check=True).stdout)
        files = sorted(str(p) for p in charters.glob("*.yaml"))
        row.figures["check-jsonschema"] = measure(
            [tool("check-jsonschema"), "--schemafile", str(schema), *files], repeat)
    if has_command("render"):
        rendered = project / "rendered"
        row.figures["render"] = measure(
            [chartergen, "render", "--charters", str(charters), "--out", str(rendered),
             "--force"], repeat, cwd=project)
        row.figures["mkdocs build (floor)"] = measure(
            [tool("mkdocs"), "build", "-q", "-f", str(rendered / "mkdocs.yml"),
             "-d", str(project / "floor-site")], max(1, repeat // 2), cwd=rendered)
    if has_command("build"):
        site = project / "site"
        row.figures["chartergen build"] = measure(
            [chartergen, "build", "--charters", str(charters), "--site-dir", str(site)],
            max(1, repeat // 2), cwd=project)
        row.page_kb = _page_weight(site)
    return row


def _page_weight(site: Path) -> float | None:
    pages = sorted(site.glob("company-0000/**/index.html")) or sorted(site.rglob("index.html"))
    network = [p for p in pages if "network" in str(p)]
    page = (network or pages or [None])[0]
    return page.stat().st_size / 1024 if page else None


def bench_single(work: Path, repeat: int) -> tuple[Timing, Timing]:
    """The two processes are timed in turn, so a busy moment hits both alike."""
    charters = work / "single"
    if charters.exists():
        shutil.rmtree(charters)
    (path,) = write_portfolio(charters, 1)
    baseline_runs, validate_runs = [], []
    for _ in range(repeat):
        baseline_runs.append(measure(
            [str(BIN / "python"), "-c", "import ruamel.yaml, cerberus, click"], 1))
        validate_runs.append(measure([tool("chartergen"), "validate", str(path)], 1))
    return _median(baseline_runs), _median(validate_runs)


def _median(runs: list[Timing]) -> Timing:
    return Timing(statistics.median(t.seconds for t in runs), max(t.peak_mb for t in runs))


def table(rows: list[Row], single: tuple[Timing, Timing]) -> str:
    names: list[str] = []
    for row in rows:
        for name in row.figures:
            if name not in names:
                names.append(name)
    out = ["| charters | " + " | ".join(names) + " | page weight | peak memory |",
           "|---:|" + "---:|" * (len(names) + 2)]
    for row in rows:
        cells = [f"{row.figures[n].seconds:.2f} s" if n in row.figures else "–" for n in names]
        peak = max((t.peak_mb for t in row.figures.values()), default=0)
        weight = f"{row.page_kb:.0f} KB" if row.page_kb else "–"
        out.append(f"| {row.size} | " + " | ".join(cells) + f" | {weight} | {peak:.0f} MB |")
    baseline, validate = single
    out += ["", "| target | measured | ratio | goal |", "|---|---|---:|---|",
            f"| `chartergen validate` one charter vs `python -c \"import ruamel.yaml, cerberus, "
            f"click\"` | {validate.seconds * 1000:.0f} ms vs {baseline.seconds * 1000:.0f} ms | "
            f"{validate.seconds / baseline.seconds:.2f} | ≤ 1.5 |"]
    by_size = {row.size: row for row in rows}
    hundred = by_size.get(100)
    if hundred and "check-jsonschema" in hundred.figures:
        ours, peer = hundred.figures["validate"], hundred.figures["check-jsonschema"]
        out.append(f"| validate 100 charters vs check-jsonschema | {ours.seconds:.2f} s vs "
                   f"{peer.seconds:.2f} s | {ours.seconds / peer.seconds:.2f} | < 1 |")
    forty = by_size.get(40)
    if forty and "chartergen build" in forty.figures and "mkdocs build (floor)" in forty.figures:
        ours, floor = forty.figures["chartergen build"], forty.figures["mkdocs build (floor)"]
        out.append(f"| `chartergen build` of 40 charters vs plain `mkdocs build` | "
                   f"{ours.seconds:.2f} s vs {floor.seconds:.2f} s | "
                   f"{ours.seconds / floor.seconds:.2f} | ≤ 1.15 |")
    one = by_size.get(1)
    if one and forty and one.page_kb and forty.page_kb:
        out.append(f"| page weight, 40 charters vs 1 | {forty.page_kb:.0f} KB vs "
                   f"{one.page_kb:.0f} KB | {forty.page_kb / one.page_kb:.2f} | ≤ 2 |")
    return "\n".join(out)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        model = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
        cpu = model.group(1).strip() if model else cpu
    except OSError:
        pass
    return (f"{dt.date.today()}, {os.cpu_count()} cores ({cpu}), Python "
            f"{platform.python_version()}, {platform.system()} {platform.release()}")


def write_doc(text: str) -> None:
    current = DOC.read_text(encoding="utf-8")
    start, end = current.index(MARK_START), current.index(MARK_END)
    DOC.write_text(current[: start + len(MARK_START)] + "\n" + text + "\n" + current[end:],
                   encoding="utf-8")


def install(work: Path) -> Path:
    """Install chartergen as users get it (a regular, non-editable install) in a fresh venv.

    An editable install adds an import hook that costs every process about 20 ms;
    the figures should describe what users run, not the developers' set-up.
    """
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q"]
    subprocess.run([*pip, str(ROOT), "check-jsonschema"], check=True)
    return venv / "bin"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,40,100,500")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--current-env", action="store_true",
                        help="use the tools of this environment instead of a fresh install")
    args = parser.parse_args(argv)
    global BIN
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="chartergen-bench-") as tmp:
        work = Path(tmp)
        if not args.current_env:
            print("installing chartergen in a fresh venv...", file=sys.stderr)
            BIN = install(work)
        single = bench_single(work, args.repeat * 2)
        rows = []
        for size in sizes:
            print(f"measuring {size} charters...", file=sys.stderr)
            rows.append(bench_size(size, work, args.repeat if size <= 100 else 1))
    text = f"Measured on {machine()}.\n\n" + table(rows, single)
    print(text)
    if not args.no_write:
        write_doc(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
