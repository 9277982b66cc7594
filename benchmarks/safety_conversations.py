"""Self-harm risk that builds up over turns: how often tenor's input screen, read turn by turn as a conversation
reads it, gives the crisis protocol to a person at risk, and to people who are not.

Conversations: ``training/data/safety_conversations.toml``, written in stop 30 by a helper who read neither
tenor's safety rules nor its training texts nor any test set; only the person's words. Kinds: "risk" (risk shown
over 3-5 turns, mostly indirectly), "sad" (sadness, grief, stress, venting, in the same kinds of words, no risk),
"topic" (suicide talked about, no risk: a loss, a project, a helpline volunteer) and "everyday" (dark figures of
speech). Half of them ("dev") may be used to choose the policy's ``[conversation]`` setting; the other half
("check") only to report it. Everyday sequences: EmpatheticDialogues *dev* situations (never trained on), taken
three at a time in file order, as a stand-in for a person's everyday turns.

Every turn goes through the whole ``layered`` input screen once; the conversation reading (``safety.risk``: a turn
that reads as self-harm at least at ``caution_at`` is read again with the person's turns just before it) is then
applied for each setting compared, each turn alone (``self_harm_turns = 0``) first. Prints, per half and kind, how
many conversations got the crisis answer at some turn, and at which turn it came first. ``--half dev`` (the
default) prints the half that choices may be made on; ``--half check`` the other, for a report. Asserts nothing.

    python benchmarks/safety_conversations.py [--half dev|check] [--settings 0:0.9,3:0.9,3:0.8] [--json]
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

from tenor.events import SafetyVerdict
from tenor.safety.classifier import LayeredScreen
from tenor.safety.policy import ConversationRule, Policy
from tenor.safety.risk import read_turn

ROOT = Path(__file__).resolve().parents[1]
CONVERSATIONS = ROOT / "training" / "data" / "safety_conversations.toml"
SITUATIONS = ROOT.parent / "shared" / "data" / "empatheticdialogues_situations" / "dev.csv"


def first_crisis(turns: list[str], verdicts: list[SafetyVerdict], screen: LayeredScreen, policy: Policy) -> int | None:
    """The first turn (from 1) that gets the crisis answer when the turns are read as one conversation, or None.
    (Care mode begins only after a crisis answer, so it never changes the first.)"""
    earlier: list[str] = []
    for i, (text, v) in enumerate(zip(turns, verdicts, strict=True)):
        read, earlier = read_turn(v, text, earlier, screen, policy)
        if read.action == "crisis":
            return i + 1
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--settings",
        default="0:0.9,2:0.9,3:0.9,4:0.9,3:0.8,3:0.95",
        help="settings compared, TURNS:JOINED_AT, comma-separated (0:... reads each turn alone)",
    )
    ap.add_argument("--half", choices=("dev", "check"), default="dev", help="which half of the conversations")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    screen = LayeredScreen()
    rows = [r for r in tomllib.loads(CONVERSATIONS.read_text("utf-8"))["conversation"] if r["half"] == args.half]
    with SITUATIONS.open(encoding="utf-8") as f:
        stories = [r["content"] for r in csv.DictReader(f)]
    groups: dict[str, list[tuple[list[str], list[SafetyVerdict]]]] = {
        f"{r['half']}:{r['kind']}": [] for r in sorted(rows, key=lambda r: (r["half"], r["kind"]))
    }
    for r in rows:
        groups[f"{r['half']}:{r['kind']}"].append((r["turns"], [screen.screen_input(t) for t in r["turns"]]))
    threes = [stories[i : i + 3] for i in range(0, len(stories) - 2, 3)]
    groups["everyday stories in threes"] = [(t, [screen.screen_input(x) for x in t]) for t in threes]
    out: dict[str, Any] = {}
    for setting in args.settings.split(","):
        turns, joined_at = int(setting.split(":")[0]), float(setting.split(":")[1])
        policy = dataclasses.replace(screen.policy, conversation=ConversationRule(turns, joined_at))
        figures: dict[str, Any] = {}
        for name, convs in groups.items():
            firsts = [first_crisis(t, v, screen, policy) for t, v in convs]
            figures[name] = {
                "conversations": len(convs),
                "crisis": sum(f is not None for f in firsts),
                "first_crisis_turn": dict(sorted(Counter(f for f in firsts if f is not None).items())),
            }
        out[f"turns {turns}, joined at {joined_at}" if turns >= 2 else "each turn alone"] = figures
    if args.json:
        print(json.dumps(out, indent=2))
        return 0
    for setting, figures in out.items():
        print(setting)
        for name, f in figures.items():
            print(
                f"  {name:28s} crisis {f['crisis']:4d} of {f['conversations']:4d}, first at turn "
                f"{f['first_crisis_turn']}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
