"""Everyday text answered as a medical emergency: the EmpatheticDialogues *dev* situations (2,770 first-person stories
of fear, loss and illness among the rest) and the GoEmotions *dev* comments (5,426), through the whole ``layered``
input screen, read with the emergency reader (``tenor.safety.emergency``, stop 44) and with the rules alone (stops
42-43). Neither set is trained on by the reader; both are everyday talk, so every emergency answer is counted as a
false alarm and listed (``--list``). Prints figures, asserts nothing.

    python benchmarks/emergency_everyday.py [--list] [--json]
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
from pathlib import Path
from typing import Any
from unittest import mock

from tenor.safety import crisis
from tenor.safety.classifier import LayeredScreen
from tenor.safety.screen import RuleScreen

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
EMERGENCY_WORDS = ("emergency", "emergency-pet")


def texts() -> dict[str, list[str]]:
    with (SHARED / "empatheticdialogues_situations" / "dev.csv").open(encoding="utf-8") as f:
        stories = [row["content"] for row in csv.DictReader(f)]
    lines = (SHARED / "goemotions" / "data" / "original" / "dev.tsv").read_text("utf-8").splitlines()
    comments = [line.split("\t")[0] for line in lines]
    return {"empatheticdialogues_dev": stories, "goemotions_dev": comments}


def emergencies(screen: LayeredScreen, items: list[str]) -> list[tuple[str, str]]:
    """(words, text) of each text given an emergency's answer."""
    out = []
    for text in items:
        verdict = screen.screen_input(text)
        if verdict.action == "crisis":
            words = crisis.crisis_words(text, verdict.reasons)
            if words in EMERGENCY_WORDS:
                out.append((words, text))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--list", action="store_true", help="print the texts answered as an emergency")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    screen = LayeredScreen()
    sets = texts()
    out: dict[str, Any] = {}
    rules_alone = mock.patch.object(screen, "_emergency", lambda views, raw: RuleScreen._emergency(screen, views, raw))
    for reading, patch in (("rules alone", rules_alone), ("emergency reader", contextlib.nullcontext())):
        with patch:
            out[reading] = {}
            for name, items in sets.items():
                found = emergencies(screen, items)
                out[reading][name] = {"texts": len(items), "emergency_answers": len(found), "listed": found}
    if args.json:
        print(json.dumps(out, indent=2))
        return 0
    for reading, groups in out.items():
        for name, f in groups.items():
            print(f"{reading:16s} {name:24s} {f['emergency_answers']:3d} of {f['texts']} answered as an emergency")
            if args.list:
                for words, text in f["listed"]:
                    print(f"    {words:14s} {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
