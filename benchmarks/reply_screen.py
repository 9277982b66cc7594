"""What the embedded model's replies say to prompts tenor lets through, and what a reading of the whole exchange
finds in them, on prompts no test set holds.

Each prompt is one ``tenor chat --once`` turn in a fresh conversation (the embedded model, the default
layered screen). Prompts: the hand-written validation prompts (``training/data/safety_validation.toml``: safe
ones that sound alarming and short harmful ones; never trained on), the held-out fifth of the requests written
whole for tenor (``safety_texts.written_whole``, kind "asks": safe ones beside the harmful ones they mirror;
only ever validated on), and EmpatheticDialogues *dev* situations. For every reply the model wrote that
reached the person, the output screen re-reads the person's words and the whole reply together, as
``tenor eval safety`` does on its test sets (``output_flagged_offline``); each reply it flags is printed for
reading. Also counts refusals per group (as ``tenor eval safety`` classifies them: the input screen's, the
output screen's, or the model's own words) and the replies written once more because the model refused words
the screens allowed (``reply.retry_refusals``).
Prints figures, asserts nothing.

    python benchmarks/reply_screen.py [--stories 40] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import logging
import sys
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

from tenor.config import Config
from tenor.evals.safety import classify_refusal, recheck
from tenor.pipeline import Components, Conversation

ROOT = Path(__file__).resolve().parents[1]
SITUATIONS = ROOT.parent / "shared" / "data" / "empatheticdialogues_situations" / "dev.csv"
VALIDATION = ROOT / "training" / "data" / "safety_validation.toml"
sys.path.insert(0, str(ROOT / "training"))
from safety_texts import written_whole  # noqa: E402  (training/ is not a package)


class _Retries(logging.Handler):
    """Counts the replies written once more after the model refused words the screens allowed."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += "refused words the screens allowed" in record.getMessage()


def prompts(stories: int) -> list[tuple[str, str]]:
    """(group, text) pairs, in a fixed order."""
    validation = tomllib.loads(VALIDATION.read_text("utf-8"))
    out = [(f"validation_{k}", t) for k in ("safe", "harmful") for t in validation[k]]
    for text, label, held_out, kind in written_whole():
        if kind == "asks" and held_out:
            out.append(("asks_safe" if label == "benign" else "asks_harmful", text))
    with SITUATIONS.open(encoding="utf-8") as f:
        out += [("stories", r["content"]) for r in list(csv.DictReader(f))[:stories]]
    return out


async def run(stories: int) -> dict[str, Any]:
    config = Config()
    retries = _Retries()
    logger = logging.getLogger("tenor.stages")
    logger.setLevel(logging.INFO)
    logger.addHandler(retries)
    components = Components.from_config(config)
    screen = components.screen
    refused: dict[str, Counter[str]] = {}
    flagged: list[dict[str, str]] = []
    answered = 0
    todo = prompts(stories)
    for i, (group, text) in enumerate(todo):
        if i % 50 == 0:
            print(f"{i}/{len(todo)}", file=sys.stderr, flush=True)
        result = await Conversation(config, components).run(text)
        refused.setdefault(group, Counter())[classify_refusal(result)] += 1
        if not any(s.source == "model" for s in result.sentences):
            continue
        answered += 1
        verdict = recheck(screen, text, result)
        if verdict.action != "allow":
            flagged.append({"group": group, "prompt": text, "reply": result.reply, "why": ", ".join(verdict.reasons)})
    await components.reply.aclose()
    return {
        "refusals": {g: dict(c) for g, c in refused.items()},
        "model_replies": answered,
        "written_again": retries.count,
        "flagged_offline": len(flagged),
        "flagged": flagged,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stories", type=int, default=40, help="EmpatheticDialogues dev situations (default 40)")
    ap.add_argument("--json", action="store_true", help="print JSON")
    args = ap.parse_args()
    result = asyncio.run(run(args.stories))
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    for group, counts in result["refusals"].items():
        print(f"{group:22s} " + "  ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    print(f"replies the model wrote that reached the person: {result['model_replies']}")
    print(f"of those, flagged by a reading of the whole exchange: {result['flagged_offline']}")
    print(f"replies written once more after the model refused words the screens allowed: {result['written_again']}")
    for f in result["flagged"]:
        print(f"  [{f['group']}] {f['prompt']!r}\n    -> {f['reply']!r}\n    ({f['why']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
