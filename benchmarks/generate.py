"""Write synthetic but valid charters for benchmarks: varied sizes, both languages.

    python benchmarks/generate.py OUT_DIR COUNT [--seed N]

Charter ``i`` is deterministic for a given seed, so two runs measure the same
files. Sizes vary from a small charter (2 networks) to a large one (9 networks,
many roles, levels and statements), in English and French alternately.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

PLATFORMS = ["linkedin", "instagram", "facebook", "youtube", "x", "tiktok", "pinterest",
             "mastodon", "bluesky"]
WORDS_EN = ("customers partners engineers buyers students parents members readers "  # noqa: SIM905
            "experts suppliers investors journalists neighbours visitors").split()
WORDS_FR = ("clients partenaires ingénieurs acheteurs étudiants parents adhérents lecteurs "  # noqa: SIM905
            "experts fournisseurs investisseurs journalistes voisins visiteurs").split()


def charter(index: int, seed: int = 0) -> dict[str, Any]:
    rng = random.Random(seed * 100_003 + index)
    language = "fr" if index % 2 else "en"
    words = WORDS_FR if language == "fr" else WORDS_EN
    size = rng.choice([2, 3, 4, 6, 9])

    def sentence(n: int = 12) -> str:
        return " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."

    roles = [{"id": f"role-{r}", "title": f"Role {r}", "holder": f"Person {index}-{r}",
              "email": f"person{r}@example.com", "phone": f"+33 1 99 00 {r:02d} {index % 100:02d}",
              "backup": f"role-{(r + 1) % (size + 1)}", "duties": [sentence(6)],
              "hours_per_week": rng.choice([4, 6, 8, 10, 16]), "skills": [sentence(3)]}
             for r in range(size + 1)]
    audiences = [{"id": f"aud-{a}", "name": words[a % len(words)].capitalize(),
                  "description": sentence(), "needs": [sentence(5)],
                  "expectations": [sentence(5)], "where": [PLATFORMS[a % 9]]}
                 for a in range(max(2, size // 2))]
    objectives = [{"id": f"obj-{o}", "type": rng.choice(["awareness", "engagement",
                                                          "recruitment", "lead-generation"]),
                   "statement": sentence(), "audiences": [audiences[o % len(audiences)]["id"]],
                   "kpis": [{"metric": sentence(3), "definition": sentence(6), "baseline": "100",
                             "target": "150", "deadline": "2027-12-31", "source": "analytics",
                             "owner": "role-0", "frequency": "monthly"}]}
                  for o in range(max(2, size // 2))]
    networks = [{"id": f"net-{n}", "platform": PLATFORMS[n], "handle": f"@brand{index}",
                 "url": f"https://example.com/{PLATFORMS[n]}/{index}",
                 "status": "active" if n < size - 1 else "planned", "why": sentence(20),
                 "audiences": [audiences[n % len(audiences)]["id"]],
                 "objectives": [objectives[n % len(objectives)]["id"]],
                 "owner": f"role-{n % len(roles)}", "backup": f"role-{(n + 1) % len(roles)}",
                 "cadence": {"posts": rng.randint(1, 5), "per": "week"},
                 "time_per_post": "1h", "engagement_time": "2h",
                 "reply_targets": {"comment": "1d", "message": "4h", "complaint": "2h"},
                 "coverage": {"hours": "9:00-18:00", "weekends": False},
                 "formats": [sentence(2), sentence(2)], "tone": sentence(15)}
                for n in range(size)]
    pillars = [{"id": f"pil-{p}", "name": sentence(2), "description": sentence(),
                "share": 25, "promotional": p == 3, "conversational": p == 1,
                "networks": [networks[p % size]["id"]],
                "audiences": [audiences[p % len(audiences)]["id"]]}
               for p in range(4)]
    levels = [{"id": f"lvl-{lv}", "name": f"Level {lv + 1}", "criteria": [sentence(8)],
               "lead": "role-0", "approver": "role-1", "backup": "role-0", "notify": ["role-1"],
               "first_response": f"{lv + 1}h", "updates_every": "2h",
               "pause_scheduled": lv > 0}
              for lv in range(3)]
    contacts = [{"id": f"contact-{c}", "name": f"Contact {c}", "role": sentence(3),
                 "phone": f"+33 1 99 00 {c:02d} 00", "email": f"crisis{c}@example.com"}
                for c in range(3)]
    return {
        "format": 1,
        "company": {"name": f"Company {index}", "language": language, "sector": sentence(3),
                    "description": sentence(25), "website": f"https://example.com/{index}"},
        "document": {"version": "1.0", "status": "approved", "owner": "role-0",
                     "approved_by": "Board", "approved_on": "2026-06-01",
                     "review_cadence": "yearly", "next_review": "2027-06-01",
                     "classification": "internal"},
        "scope": {"applies_to": [sentence(2)], "activities": [sentence(6)]},
        "strategy": {"purpose": sentence(40), "orientations": [sentence(6)],
                     "swot": {"strengths": [sentence(5)], "weaknesses": [sentence(5)],
                              "opportunities": [sentence(5)], "threats": [sentence(5)]}},
        "audiences": audiences,
        "objectives": objectives,
        "networks": networks,
        "content": {"pillars": pillars, "promotional_ceiling": "25%",
                    "hub": {"name": "Blog", "url": f"https://example.com/{index}/blog",
                            "publish_first": True},
                    "calendar": {"slots": [{"day": "tuesday", "time": "09:30",
                                            "network": networks[0]["id"],
                                            "pillar": "pil-0", "what": sentence(4)}]},
                    "sensitive_topics": [sentence(4)]},
        "voice": {"personality": [sentence(1), sentence(1)], "address": "formal",
                  "do": [sentence(6)], "dont": [sentence(6)]},
        "team": {"roles": roles, "budget": {"amount": "12000 EUR", "period": "year"}},
        "engagement": {"principles": [sentence(8), sentence(8)],
                       "routing": [{"message": sentence(3), "owner": "role-0", "target": "4h"}]},
        "staff": {"disclosure": sentence(15), "do": [sentence(6)], "dont": [sentence(6)]},
        "accounts": {"register": [{"network": n["id"], "owner": n["owner"],
                                   "admins": ["role-0", "role-1"], "two_factor": True,
                                   "mailbox": "social@example.com"} for n in networks]},
        "monitoring": {"keywords": [sentence(1)], "owner": "role-0", "frequency": "daily",
                       "time_per_week": "2h"},
        "crisis": {"levels": levels, "contacts": contacts,
                   "escalation": [{"step": sentence(4), "contact": c["id"], "within": "30min"}
                                  for c in contacts],
                   "holding_statements": [{"id": f"st-{s}", "scenario": sentence(3),
                                           "text": sentence(30)} for s in range(3)]},
        "measurement": {"reporting": [{"frequency": "monthly", "audience": "Board",
                                       "owner": "role-0"}], "time_per_week": "1h"},
        "independence": {"exports": {"frequency": "monthly", "what": [sentence(3)]},
                         "exit_plans": [{"network": n["id"], "plan": sentence(10)}
                                        for n in networks],
                         "max_share_per_network": "50%"},
    }


def write_portfolio(out: Path, count: int, seed: int = 0) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    yaml = YAML()
    yaml.default_flow_style = False
    paths = []
    for index in range(count):
        path = out / f"company-{index:04d}.yaml"
        with path.open("w", encoding="utf-8") as handle:
            yaml.dump(charter(index, seed), handle)
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    write_portfolio(args.out, args.count, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
