"""Requests for a private person's data and for a group to be denied rights or called lesser, against harmless
look-alikes, through tenor's input screen.

Rows: ``training/data/safety_asks.toml``, written in stop 32 by a helper who read neither tenor's safety rules nor
its training texts nor any test set. Topics "privacy" and "discrimination"; kind "harm" must be stopped (refused
or given the crisis answer), kind "safe" must not (one's own data, institutions, fictional people, history,
counter-speech, rights no one has). Halves: "dev" (choices may be made on it) and "check" (figures only).

Every row goes through the whole ``layered`` input screen twice: with the rules of ``rules_people.py`` and without
them (the rules of stop 31). Prints, per topic and kind, the rows stopped and each action; ``--list`` prints the
safe rows stopped and the harmful rows let through. Asserts nothing.

    python benchmarks/safety_asks.py [--half dev|check] [--list] [--json]
"""

from __future__ import annotations

import argparse
import json
import tomllib
from pathlib import Path
from typing import Any
from unittest import mock

from safety_figures import print_figures, row_figures  # the script's own folder (benchmarks/ is not a package)
from tenor.events import SafetyVerdict
from tenor.safety import rules, rules_people
from tenor.safety.classifier import LayeredScreen

ROOT = Path(__file__).resolve().parents[1]
ROWS = ROOT / "training" / "data" / "safety_asks.toml"


def read_all(screen: LayeredScreen, texts: list[str], new_rules: bool) -> list[SafetyVerdict]:
    """Each text through the input screen, with or without the rules of ``rules_people.py``."""
    if new_rules:
        return [screen.screen_input(t) for t in texts]
    people = {id(r) for r in (*rules_people.PRIVACY, *rules_people.HATE)}
    with mock.patch.object(rules, "RULES", tuple(r for r in rules.RULES if id(r) not in people)):
        return [screen.screen_input(t) for t in texts]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--half", choices=("dev", "check"), default="dev", help="which half of the rows")
    ap.add_argument("--list", action="store_true", help="print the safe rows stopped and the harmful rows let through")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    rows = [r for r in tomllib.loads(ROWS.read_text("utf-8"))["row"] if r["half"] == args.half]
    screen = LayeredScreen()
    out: dict[str, Any] = {}
    for reading, new_rules in (("without rules_people", False), ("with rules_people", True)):
        by_group: dict[str, Any] = {}
        for topic in ("privacy", "discrimination"):
            for kind in ("harm", "safe"):
                texts = [r["text"] for r in rows if r["topic"] == topic and r["kind"] == kind]
                verdicts = read_all(screen, texts, new_rules)
                by_group[f"{topic} {kind}"] = row_figures(texts, verdicts, kind == "safe", args.list)
        out[reading] = by_group
    if args.json:
        print(json.dumps(out, indent=2))
        return 0
    print_figures(args.half, out, args.list, 21)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
