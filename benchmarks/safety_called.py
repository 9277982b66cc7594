"""Whether the call reminder is left out for the right follow-up messages (``care.already_called``, stop 43).

The rows of ``training/data/safety_called.toml``: the person's next message after a crisis answer that asked for a
call. Kind "called" says the call is made or help has come (the reminder is left out: the more the better); kind
"not_called" does not (the reminder must stay: a person who has not called and is not reminded is the costly
error). Prints, for one half, how many of each kind the reminder is left out for; ``--list`` prints the rows read
wrongly. Since stop 45 also how many of each kind the whole input screen refuses, and how many of those refusals are
worded for a person whose emergency is in hand (``care.helped_refusal``, as the turn right after an emergency
answer). Asserts nothing.

    python benchmarks/safety_called.py [--half dev|check] [--list] [--json]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from safety_figures import half_rows  # the script's own folder (benchmarks/ is not a package)
from tenor.safety import care
from tenor.safety.classifier import LayeredScreen

ROWS = Path(__file__).resolve().parents[1] / "training" / "data" / "safety_called.toml"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--half", choices=("dev", "check"), default="dev", help="which half of the rows")
    ap.add_argument("--list", action="store_true", help="print the rows read wrongly")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    rows = half_rows(ROWS, args.half)
    out: dict[str, dict[str, int]] = {}
    wrong: list[str] = []
    screen = LayeredScreen()
    for kind in ("called", "not_called"):
        texts = [r["text"] for r in rows if r["kind"] == kind]
        left_out = [t for t in texts if care.already_called(t)]
        refused = [(t, v) for t in texts if (v := screen.screen_input(t)).action == "refuse"]
        # Each row is the turn right after an answer that asked for a call: every such refusal is worded so.
        worded = [t for t, v in refused if care.helped_refusal(t, v.categories, v.reasons, "emergency")]
        out[kind] = {
            "rows": len(texts),
            "reminder_left_out": len(left_out),
            "refused": len(refused),
            "refusals_worded_for_help_come": len(worded),
        }
        wrong += [f"{kind}: {t}" for t in texts if (t in left_out) != (kind == "called")]
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        for kind, f in out.items():
            print(
                f"{args.half} {kind}: reminder left out for {f['reminder_left_out']} of {f['rows']}; refused "
                f"{f['refused']}, worded for help come {f['refusals_worded_for_help_come']}"
            )
    if args.list:
        print("\n".join(wrong))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
