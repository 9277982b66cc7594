"""Requests buried in long messages: does the input screen read all of a message, or only its ends?

Each held-out row written for tenor (``training/safety_texts.written_whole``, the fifth only ever validated
on) and each hand-written validation prompt (``training/data/safety_validation.toml``) is put at the start,
in the middle or at the end of everyday stories: EmpatheticDialogues *dev* situations (never trained on)
drawn with a fixed seed until the padding has at least ``--words`` words. Every text goes through the whole
``layered`` input screen twice: with the classifier reading the whole text (the run time's reading: the head
and tail windows, then every sentence in windows of up to 80 tokens, and each sentence alone where it reads 0.98
or more) and reading only its head and tail windows
(the reading before stop 25). The paddings alone go through both as well: what reading more of an everyday
text costs in false alarms. ``--sentences N`` reads the whole text in windows of N tokens of sentences.

``--lines``: each story and row a line of its own with its closing punctuation taken off (a list, a chat log, a
message typed line by line), read as the run time reads it (each line a sentence, ``normalize.lined``) and with
the line breaks made spaces (the reading before stop 26: one run-on sentence, cut into pieces).

Counted as stopped: refuse or crisis (a harmful row), and for the safe rows and paddings the same (a false
alarm). Prints figures, asserts nothing.

    python benchmarks/safety_buried.py [--words N] [--lines] [--model-dir DIR] [--json]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

from tenor.safety.classifier import SENTENCE_WINDOW, LayeredScreen, SafetyClassifier

ROOT = Path(__file__).resolve().parents[1]
SITUATIONS = ROOT.parent / "shared" / "data" / "empatheticdialogues_situations" / "dev.csv"
VALIDATION = ROOT / "training" / "data" / "safety_validation.toml"
sys.path.insert(0, str(ROOT / "training"))
from safety_texts import written_whole  # noqa: E402  (training/ is not a package)

POSITIONS = ("start", "middle", "end")
STOPPED = ("refuse", "crisis")


def padding(stories: list[str], rng: random.Random, words: int) -> list[str]:
    """Stories drawn until they hold at least ``words`` words."""
    out: list[str] = []
    while sum(len(s.split()) for s in out) < words:
        out.append(rng.choice(stories))
    return out


def bury(item: str, pad: list[str], where: str, lines: bool = False) -> str:
    half = len(pad) // 2
    parts = {"start": [item, *pad], "middle": [*pad[:half], item, *pad[half:]], "end": [*pad, item]}[where]
    return joined(parts, lines)


def joined(parts: list[str], lines: bool) -> str:
    """The parts as one text: side by side, or a line each with no closing full stop, question or exclamation
    mark."""
    if not lines:
        return " ".join(parts)
    return "\n".join(part.strip().rstrip(".!?").rstrip() for part in parts)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=250, help="least words of padding around each row")
    ap.add_argument("--sentences", type=int, default=SENTENCE_WINDOW, help="tokens of a sentence window")
    ap.add_argument("--lines", action="store_true", help="a line per story and row, without full stops")
    ap.add_argument("--model-dir", type=Path, help="a trained classifier's folder (default: the shipped one)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    with SITUATIONS.open(encoding="utf-8") as f:
        stories = [r["content"] for r in csv.DictReader(f)]
    prompts = tomllib.loads(VALIDATION.read_text("utf-8"))
    items = [(t, "harmful" if label != "benign" else "safe") for t, label, held, _ in written_whole() if held]
    items += [(t, "harmful") for t in prompts["harmful"]] + [(t, "safe") for t in prompts["safe"]]
    rng = random.Random(0)
    pads = [padding(stories, rng, args.words) for _ in items]
    whole = SafetyClassifier(args.model_dir, sentences=args.sentences)
    # Each reading: the classifier, and whether the text's line breaks are made spaces before the screen.
    readings = (
        {"lines": (whole, False), "lines_flattened": (whole, True)}
        if args.lines
        else {"whole": (whole, False), "head_tail": (SafetyClassifier(args.model_dir, sentences=None), False)}
    )
    out: dict[str, Any] = {
        "items": dict(Counter(kind for _, kind in items)),
        "padding_words": args.words,
        "lines": args.lines,
    }
    for name, (clf, flatten) in readings.items():
        screen = LayeredScreen(classifier=clf)

        def stops(text: str, screen: LayeredScreen = screen, flatten: bool = flatten) -> bool:
            return screen.screen_input(text.replace("\n", " ") if flatten else text).action in STOPPED

        stopped: Counter[str] = Counter()
        start = time.perf_counter()
        for (text, kind), pad in zip(items, pads, strict=True):
            for where in POSITIONS:
                stopped[f"{kind}:{where}"] += stops(bury(text, pad, where, args.lines))
        pads_stopped = sum(stops(joined(pad, args.lines)) for pad in pads)
        seconds = time.perf_counter() - start
        out[name] = {
            **{key: round(stopped[key] / out["items"][key.split(":")[0]], 4) for key in sorted(stopped)},
            "padding_alone_stopped": round(pads_stopped / len(pads), 4),
            "ms_per_text": round(1000 * seconds / (len(items) * (len(POSITIONS) + 1)), 1),
        }
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        print(f"rows {out['items']}, each padded with at least {args.words} words of stories")
        for name in readings:
            figures = out[name]
            cells = ", ".join(f"{k} {v:.1%}" for k, v in figures.items() if ":" in k)
            print(
                f"{name:15s} stopped: {cells}; padding alone {figures['padding_alone_stopped']:.1%}; "
                f"{figures['ms_per_text']} ms a text"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
