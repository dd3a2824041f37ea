"""How well the audit's verdicts match an expert's, over the calibration corpus.

    python benchmarks/diagnosis.py [--today YYYY-MM-DD] [--verbose]

The corpus is ``tests/diagnosis/companies/``: per company, interview notes, an expert's
verdict per mistake (``made``, ``clean``, or ``silent`` when the notes say nothing) and
the charter written from the notes. For every company and mistake this compares the
expert's verdict with the audit's status (``pass``, ``warn``, ``fail``) and prints:

- mistakes made that were flagged (``warn`` or ``fail``): the audit should flag all;
- clean mistakes that were flagged: noise, at most one cell in twenty;
- the table per company (``M`` made, ``.`` clean, ``?`` silent; then the audit's
  ``P``/``W``/``F``; a ``!`` marks a disagreement), with each charter's score and
  completeness when the audit gives one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "diagnosis" / "companies"
TODAY = dt.date(2026, 12, 4)
"""The corpus is audited as of this date, so that figures do not drift with the clock."""

EXPERT = ("made", "clean", "silent")


@dataclass(frozen=True)
class Cell:
    company: str
    mistake: int
    expert: str
    reason: str
    status: str
    """The audit's status: pass, warn or fail."""

    @property
    def flagged(self) -> bool:
        return self.status in ("warn", "fail")

    @property
    def agrees(self) -> bool:
        if self.expert == "made":
            return self.flagged
        if self.expert == "clean":
            return not self.flagged
        return True


@dataclass(frozen=True)
class Company:
    slug: str
    name: str
    score: int
    completeness: int | None
    cells: tuple[Cell, ...]


def companies(charter_file: str = "charter.yaml") -> list[Path]:
    """The company folders that hold ``charter_file`` (``{company}`` stands for the folder)."""
    return sorted(p for p in CORPUS.iterdir()
                  if (p / charter_file.format(company=p.name)).is_file())


def read_verdicts(folder: Path) -> dict[int, tuple[str, str]]:
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load((folder / "verdicts.yaml").read_text(encoding="utf-8"))
    verdicts = {}
    for number, entry in data["verdicts"].items():
        if entry["expert"] not in EXPERT:
            raise ValueError(f"{folder.name}: mistake {number}: unknown verdict "
                             f"{entry['expert']!r}")
        verdicts[int(number)] = (entry["expert"], entry["reason"])
    if sorted(verdicts) != list(range(1, 10)):
        raise ValueError(f"{folder.name}: verdicts must cover mistakes 1 to 9")
    return verdicts


def audit(folder: Path, today: dt.date = TODAY, charter_file: str = "charter.yaml"
          ) -> Company:
    from chartergen.audit import run
    from chartergen.pipeline import load_portfolio

    charter_file = charter_file.format(company=folder.name)
    portfolio = load_portfolio([folder / charter_file])
    if not portfolio.ok or not portfolio.charters:
        problems = "; ".join(str(d) for d in portfolio.diagnostics)
        raise ValueError(f"{folder.name}/{charter_file} is not valid: {problems}")
    charter = portfolio.charters[0].charter
    report = run(charter, today)
    verdicts = read_verdicts(folder)
    cells = tuple(
        Cell(folder.name, m.number, verdicts[m.number][0], verdicts[m.number][1],
             str(m.status))
        for m in report.mistakes
    )
    return Company(folder.name, charter.company.name, report.score,
                   getattr(report, "completeness", None), cells)


def summary(results: list[Company]) -> dict[str, int]:
    cells = [c for company in results for c in company.cells]
    made = [c for c in cells if c.expert == "made"]
    clean = [c for c in cells if c.expert == "clean"]
    return {
        "made": len(made),
        "made_flagged": sum(c.flagged for c in made),
        "clean": len(clean),
        "clean_flagged": sum(c.flagged for c in clean),
        "clean_failed": sum(c.status == "fail" for c in clean),
        "silent": sum(c.expert == "silent" for c in cells),
    }


def table(results: list[Company], verbose: bool = False) -> str:
    marks = {"made": "M", "clean": ".", "silent": "?"}
    width = max(len(c.slug) for c in results)
    lines = [f"{'company':<{width}}  " + "  ".join(f"M{n} " for n in range(1, 10))
             + "  score  complete"]
    for company in results:
        row = []
        for cell in company.cells:
            status = cell.status[0].upper()
            row.append(f"{marks[cell.expert]}{status}{'!' if not cell.agrees else ' '}")
        complete = "-" if company.completeness is None else f"{company.completeness}%"
        lines.append(f"{company.slug:<{width}}  " + "  ".join(row)
                     + f"  {company.score:>5}  {complete:>8}")
        if verbose:
            for cell in company.cells:
                if not cell.agrees:
                    lines.append(f"    M{cell.mistake}: expert says {cell.expert} "
                                 f"({cell.reason}); audit says {cell.status}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--today", type=dt.date.fromisoformat, default=TODAY,
                        help=f"audit as of this date (default {TODAY})")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="explain each disagreement")
    parser.add_argument("--charter", default="charter.yaml", metavar="FILE",
                        help="which charter of each company to audit (default charter.yaml; "
                             "'{company}-new-user.yaml': the ones written from the "
                             "notes and the docs alone)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    results = [audit(folder, args.today, args.charter) for folder in companies(args.charter)]
    figures = summary(results)
    print(f"{len(results)} companies ({args.charter}), {9 * len(results)} verdicts, "
          f"as of {args.today}")
    print(f"mistakes made that were flagged: {figures['made_flagged']} of {figures['made']}")
    print(f"clean mistakes flagged: {figures['clean_flagged']} of {figures['clean']} "
          f"({figures['clean_failed']} of them fail)")
    print(f"cells where the notes say nothing (not scored): {figures['silent']}")
    print()
    print("M made, . clean, ? silent; then the audit's P pass, W warn, F fail; ! disagrees")
    print(table(results, args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
