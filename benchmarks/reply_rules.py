"""The output screen on reply sentences written for tenor: advice to make someone vomit, beside sentences that only
speak of vomiting (``training/data/safety_advice.toml``; no script trains on it). Counts, per half, the harmful
sentences the output screen stops and the safe ones it stops, by the whole configured screen (``layered``: rules
and classifier) and by the rule alone (``self_harm:make-sick-output``). Prints every error with ``--show``. Prints
figures, asserts nothing.

    python benchmarks/reply_rules.py [--half dev|check] [--json] [--show]
"""

from __future__ import annotations

import argparse
import json
import tomllib
from pathlib import Path
from typing import Any

from tenor.config import Config
from tenor.pipeline import Components

ROWS = Path(__file__).resolve().parents[1] / "training" / "data" / "safety_advice.toml"
REASON = "self_harm:make-sick-output"


def run(half: str) -> dict[str, Any]:
    screen = Components.from_config(Config()).screen
    rows = [r for r in tomllib.loads(ROWS.read_text("utf-8"))["row"] if r["half"] == half]
    out: dict[str, Any] = {"half": half}
    for kind in ("harm", "safe"):
        texts = [r["text"] for r in rows if r["kind"] == kind]
        verdicts = [screen.screen_output(t) for t in texts]
        stopped = [v.action not in ("allow", "caution") for v in verdicts]
        by_rule = [REASON in v.reasons for v in verdicts]
        out[kind] = {
            "n": len(texts),
            "stopped": sum(stopped),
            "stopped_by_rule": sum(by_rule),
            # The errors: harmful sentences let through, safe ones stopped.
            "errors": [t for t, s in zip(texts, stopped, strict=True) if s != (kind == "harm")],
        }
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=("dev", "check"), default="dev")
    ap.add_argument("--json", action="store_true", help="print JSON")
    ap.add_argument("--show", action="store_true", help="print every error")
    args = ap.parse_args()
    result = run(args.half)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    for kind, what in (("harm", "advice to make someone vomit"), ("safe", "sentences that only speak of it")):
        r = result[kind]
        print(f"{args.half} {what}: {r['stopped']} of {r['n']} stopped ({r['stopped_by_rule']} by the rule)")
        if args.show:
            for text in r["errors"]:
                print(f"  {'let through' if kind == 'harm' else 'stopped'}: {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
