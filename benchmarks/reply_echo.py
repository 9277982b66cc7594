"""How often the embedded model's reply sentences are dropped for repeating its instructions (``InstructionEcho``)
or for narrating the user in the third person (``narrates_the_user``: "The user is not a customer."), on
conversations of EmpatheticDialogues *dev* situations (10 turns each, text, the embedded model). A drop of a
real answer would be a false alarm; every dropped sentence is printed for reading. Also counts the replies that
name the estimated feeling when the person's words did not (the prompt tells the model never to), with the
words named. Prints figures, asserts nothing.

    python benchmarks/reply_echo.py [--conversations 5] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import logging
import re
from pathlib import Path

from tenor.config import Config
from tenor.pipeline import Components, Conversation

ED_DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "empatheticdialogues_situations" / "dev.csv"
TURNS = 10
# Words that name each mood label, for telling a reply that names the estimated feeling.
NAMES = {
    "sadness": ("sad", "sadness", "upset", "unhappy", "depressed"),
    "anger": ("angry", "anger", "mad", "furious", "frustrated"),
    "fear": ("afraid", "scared", "fear", "frightened", "anxious", "worried"),
    "joy": ("happy", "joy", "glad", "excited", "thrilled"),
    "surprise": ("surprised", "surprise", "shocked"),
    "disgust": ("disgusted", "disgust", "disgusting"),
}


def named(label: str, reply: str, said: str) -> str | None:
    """The word for ``label`` the reply uses and the person's words do not, if any."""
    words, own = set(re.findall(r"[a-z]+", reply.lower())), set(re.findall(r"[a-z]+", said.lower()))
    if own & set(NAMES.get(label, ())):
        return None
    return next((w for w in NAMES.get(label, ()) if w in words), None)


class _Drops(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.sentences: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if "repeats the instructions" in record.msg or "narrates the user" in record.msg:
            self.sentences.append(str(record.args[0]) if isinstance(record.args, tuple) else record.getMessage())


async def run(conversations: int) -> dict[str, object]:
    with ED_DEV.open(encoding="utf-8") as fh:
        texts = [row["content"] for row in csv.DictReader(fh)]
    drops = _Drops()
    logger = logging.getLogger("tenor.stages")
    logger.setLevel(logging.INFO)
    logger.addHandler(drops)
    config = Config()
    components = Components.from_config(config)
    kept = 0
    naming: list[str] = []
    for c in range(conversations):
        conv = Conversation(config, components)
        for text in texts[c * TURNS : (c + 1) * TURNS]:
            result = await conv.run(text)
            kept += len(result.sentences)
            word = named(result.mood.label, result.reply, text) if result.mood is not None else None
            if word is not None:
                naming.append(f"{word}: {result.reply}")
    await components.reply.aclose()
    return {"turns": conversations * TURNS, "sentences_kept": kept, "dropped": drops.sentences, "naming": naming}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--conversations", type=int, default=5, help="conversations of 10 turns (default 5)")
    ap.add_argument("--json", action="store_true", help="print JSON")
    args = ap.parse_args()
    result = asyncio.run(run(args.conversations))
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{result['turns']} turns: {result['sentences_kept']} sentences kept, {len(result['dropped'])} dropped")  # type: ignore[arg-type]
        for sentence in result["dropped"]:  # type: ignore[attr-defined]
            print(f"  dropped: {sentence}")
        print(f"{len(result['naming'])} replies name the estimated feeling the person did not name")  # type: ignore[arg-type]
        for reply in result["naming"]:  # type: ignore[attr-defined]
            print(f"  {reply}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
