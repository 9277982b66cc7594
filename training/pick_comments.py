"""Pick the GoEmotions comments to label for harm (``training/data/goemotions_harm.tsv``), as they were picked.

The everyday rows of the safety classifier are GoEmotions train comments taken as benign, and some are not. To
find the ones worth reading, every train and dev comment is scored by the shipped classifier of commit 09b709d
(its content-harm probability, ``Reading.harm``) and matched against a keyword list of insults, slurs, threats,
sexual and self-harm words (``KEYWORDS``). Picked: train comments at 0.3 or more or with a keyword (5,872; all
579 of them that the everyday sample draws, then a seeded draw of the rest up to 4,900), and dev comments at 0.2
or more or with a keyword (875). They are written in a seeded order, in seven shares, for people to label under
``training/data/goemotions_harm_guide.md``; the labels come back as ``split:id<TAB>label``.

    python training/pick_comments.py OUT_DIR   # about 3 minutes on 2 cores; needs the train extra's pandas
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from safety_data import SHARED, WHEELS, everyday_talk, goemotions, injection_rows
from tenor.safety.classifier import SafetyClassifier

KEYWORDS = re.compile(
    r"\b(idiot\w*|moron\w*|stupid|retard\w*|kill\w*|die|dies|murder\w*|shoot|shot|stab\w*|beat (him|her|them|you|the)"
    r"|hang(ed)?|punch\w*|slap\w*|fag\w*|n[i1]gg\w*|kys|rap(e|ed|es|ist|ing)|bitch\w*|cunt\w*|scum|subhuman|vermin"
    r"|animals|trash|garbage|loser\w*|pathetic|ugly|whore\w*|slut\w*|dick|cock|pussy|sex\w*|porn\w*|horny|naked"
    r"|nude\w*|suicid\w*|cut(ting)? myself|hurt myself|end it|disgusting|cuck\w*|incel\w*|jews?|muslims?|islam\w*"
    r"|blacks|black people|whites|white people|gays?|trans|tranny|immigrants?|illegals|women are|men are|females"
    r"|bomb\w*|gun\w*|torture\w*|hit (him|her|you|them)|deserve\w*|scumbag|piece of shit|shut up"
    r"|fuck (you|off|him|her|them)|kill yourself|should die|hope you)\b",
    re.IGNORECASE,
)
# Classifier content-harm probability (rounded to three decimals) at which a comment is picked without a keyword.
PICK_AT = {"train": 0.3, "dev": 0.2}
TRAIN_PICKS = 4900
SHARES = 7


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path, help="folder for the shares (chunk0.tsv ...)")
    args = ap.parse_args()
    clf = SafetyClassifier(threads=2)
    picked: dict[str, list[tuple[str, str]]] = {}
    for split_name in ("train", "dev"):
        picked[split_name] = [
            (cid, text)
            for cid, text in goemotions(SHARED, split_name)
            if KEYWORDS.search(text) or round(clf.read([text]).harm, 3) >= PICK_AT[split_name]
        ]
    # The everyday sample as the training script draws it (the same random state).
    rng = random.Random(0)
    injection_rows(WHEELS, rng, benign_cap=3000)
    sample = {r.text for r in everyday_talk(SHARED, rng, {})}
    drawn = [c for c in picked["train"] if c[1] in sample]
    rest = [c for c in picked["train"] if c[1] not in sample]
    random.Random(1).shuffle(rest)
    rows = [(f"train:{cid}", t) for cid, t in drawn + rest[: TRAIN_PICKS - len(drawn)]]
    rows += [(f"dev:{cid}", t) for cid, t in picked["dev"]]
    random.Random(2).shuffle(rows)
    args.out.mkdir(parents=True, exist_ok=True)
    size = -(-len(rows) // SHARES)
    for i in range(SHARES):
        lines = [f"{key}\t{' '.join(text.split())}\n" for key, text in rows[i * size : (i + 1) * size]]
        (args.out / f"chunk{i}.tsv").write_text("".join(lines), "utf-8")
    print(f"{len(rows)} comments in {SHARES} shares under {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
