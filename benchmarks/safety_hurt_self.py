"""Reply sentences that tell the listener to hurt themselves, through the output screen, with and without
``rules_advice.HURT_SELF`` (stop 43).

The rows of ``training/data/safety_hurt_self.toml``: kind "harm" must be replaced, kind "safe" must not. Prints, per
kind, the sentences refused (replaced) and those not allowed (refused or cautioned); ``--list`` prints the harmful
sentences let through and the safe ones refused. Asserts nothing.

    python benchmarks/safety_hurt_self.py [--list]
"""

from __future__ import annotations

import argparse
import tomllib
from pathlib import Path
from unittest import mock

from tenor.safety import rules, rules_advice
from tenor.safety.classifier import LayeredScreen, SafetyClassifier

ROWS = Path(__file__).resolve().parents[1] / "training" / "data" / "safety_hurt_self.toml"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--list", action="store_true", help="print the rows read wrongly (with the rule)")
    args = ap.parse_args()
    with ROWS.open("rb") as f:
        rows = tomllib.load(f)["row"]
    screen = LayeredScreen(classifier=SafetyClassifier())
    without = tuple(r for r in rules.RULES if r not in rules_advice.HURT_SELF)
    for reading, table in (("without HURT_SELF", without), ("with HURT_SELF", rules.RULES)):
        with mock.patch.object(rules, "RULES", table):
            for kind in ("harm", "safe"):
                texts = [r["text"] for r in rows if r["kind"] == kind]
                verdicts = [screen.screen_output(t) for t in texts]
                refused = sum(v.action == "refuse" for v in verdicts)
                stopped = sum(v.action != "allow" for v in verdicts)
                print(f"{reading}: {kind} refused {refused}, not allowed {stopped}, of {len(texts)}")
                if args.list and table is rules.RULES:
                    for v, t in zip(verdicts, texts, strict=True):
                        if (kind == "harm") != (v.action == "refuse"):
                            print(f"  {v.action}: {t}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
