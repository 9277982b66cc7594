"""What the reply stage keeps out of the model's sentences, on sentences written for tenor (no script trains on
them). ``--rows advice`` (``training/data/safety_advice.toml``): advice to make someone vomit beside sentences that
only speak of vomiting; counts, per half, those the output screen stops, by the whole configured screen
(``layered``: rules and classifier) and by the rule alone (``self_harm:make-sick-output``). ``--rows numbers``
(``training/data/safety_numbers.toml``): numbers to call not vetted for the US, the vetted ones, and everyday
figures; counts those the number check (``safety.numbers``, locale US) drops. Prints every error with ``--show``.
Prints figures, asserts nothing.

    python benchmarks/reply_rules.py [--rows advice|numbers] [--half dev|check] [--json] [--show]
"""

from __future__ import annotations

import argparse
import json
import tomllib
from pathlib import Path
from typing import Any

from tenor.config import Config
from tenor.pipeline import Components
from tenor.safety.numbers import VettedNumbers

DATA = Path(__file__).resolve().parents[1] / "training" / "data"
REASON = "self_harm:make-sick-output"


def _rows(name: str, half: str) -> list[dict[str, str]]:
    return [r for r in tomllib.loads((DATA / name).read_text("utf-8"))["row"] if r["half"] == half]


def numbers(half: str) -> dict[str, Any]:
    check = VettedNumbers("US")
    rows = _rows("safety_numbers.toml", half)
    out: dict[str, Any] = {"rows": "numbers", "half": half}
    for kind in ("harm", "vetted", "safe"):
        texts = [r["text"] for r in rows if r["kind"] == kind]
        dropped = [check(t) for t in texts]
        errors = [t for t, d in zip(texts, dropped, strict=True) if d != (kind == "harm")]
        out[kind] = {"n": len(texts), "dropped": sum(dropped), "errors": errors}
    return out


def run(half: str) -> dict[str, Any]:
    screen = Components.from_config(Config()).screen
    rows = _rows("safety_advice.toml", half)
    out: dict[str, Any] = {"rows": "advice", "half": half}
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
    ap.add_argument("--rows", choices=("advice", "numbers"), default="advice")
    ap.add_argument("--half", choices=("dev", "check"), default="dev")
    ap.add_argument("--json", action="store_true", help="print JSON")
    ap.add_argument("--show", action="store_true", help="print every error")
    args = ap.parse_args()
    result = run(args.half) if args.rows == "advice" else numbers(args.half)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    if args.rows == "numbers":
        for kind, what in (("harm", "numbers not vetted"), ("vetted", "vetted numbers"), ("safe", "everyday figures")):
            r = result[kind]
            print(f"{args.half} {what}: {r['dropped']} of {r['n']} dropped")
            if args.show:
                for text in r["errors"]:
                    print(f"  {'kept' if kind == 'harm' else 'dropped'}: {text}")
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
