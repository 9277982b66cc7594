"""Everyday text read as a medical emergency: the EmpatheticDialogues *dev* situations (2,770 first-person stories of
fear, loss and illness among the rest) and the GoEmotions *dev* comments (5,426), through the whole ``layered`` input
screen (the texts read as an emergency, and of those the ones given its answer), with the emergency reader
(``tenor.safety.emergency``, stop 44) and with the rules alone (stops 42-43). Neither set is trained on by the reader;
both are everyday talk, so every emergency answer is counted as a false alarm and listed (``--list``).
``--moderation`` adds the OpenAI moderation set's 1,680 texts (a test set, read for this count only: a text read as an
emergency carries a self-harm score into ``tenor eval safety``'s figures). Prints figures, asserts nothing.

    python benchmarks/emergency_everyday.py [--list] [--json] [--moderation]
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
from pathlib import Path
from typing import Any
from unittest import mock

from tenor.evals.safety import load_moderation
from tenor.safety import crisis, rules_emergency
from tenor.safety.classifier import LayeredScreen
from tenor.safety.screen import RuleScreen

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
EMERGENCY_WORDS = ("emergency", "emergency-pet")


def texts(moderation: bool = False) -> dict[str, list[str]]:
    with (SHARED / "empatheticdialogues_situations" / "dev.csv").open(encoding="utf-8") as f:
        stories = [row["content"] for row in csv.DictReader(f)]
    lines = (SHARED / "goemotions" / "data" / "original" / "dev.tsv").read_text("utf-8").splitlines()
    comments = [line.split("\t")[0] for line in lines]
    out = {"empatheticdialogues_dev": stories, "goemotions_dev": comments}
    if moderation:
        out["openai_moderation"] = load_moderation(SHARED)[0]
    return out


def emergencies(screen: LayeredScreen, items: list[str]) -> list[tuple[str, str]]:
    """(answer, text) of each text read as an emergency (its verdict has an emergency's reason): the crisis answer's
    words, or the action where the verdict is no crisis."""
    out = []
    for text in items:
        verdict = screen.screen_input(text)
        if any(r in rules_emergency.REASONS for r in verdict.reasons):
            answer = crisis.crisis_words(text, verdict.reasons) if verdict.action == "crisis" else verdict.action
            out.append((answer, text))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--list", action="store_true", help="print the texts answered as an emergency")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--moderation", action="store_true", help="the OpenAI moderation set's texts too")
    args = ap.parse_args()
    screen = LayeredScreen()
    sets = texts(args.moderation)
    out: dict[str, Any] = {}
    rules_alone = mock.patch.object(screen, "_emergency", lambda views, raw: RuleScreen._emergency(screen, views, raw))
    for reading, patch in (("rules alone", rules_alone), ("emergency reader", contextlib.nullcontext())):
        with patch:
            out[reading] = {}
            for name, items in sets.items():
                found = emergencies(screen, items)
                answered = sum(answer in EMERGENCY_WORDS for answer, _ in found)
                out[reading][name] = {
                    "texts": len(items),
                    "read": len(found),
                    "emergency_answers": answered,
                    "listed": found,
                }
    if args.json:
        print(json.dumps(out, indent=2))
        return 0
    for reading, groups in out.items():
        for name, f in groups.items():
            print(
                f"{reading:16s} {name:24s} {f['read']:3d} of {f['texts']} read as an emergency, "
                f"{f['emergency_answers']} answered as one"
            )
            if args.list:
                for words, text in f["listed"]:
                    print(f"    {words:14s} {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
