"""False alarms on everyday stories, and the hand-written validation prompts, through tenor's input screen.

EmpatheticDialogues *dev* situations (2,770 first-person stories of fear, loss, anger and joy: the talk tenor
exists for; never trained on) go through the whole `layered` input screen (rules and classifier); the counts of
each action (allow, caution, refuse, crisis) and the categories behind refusals and crises are printed. The
classifier alone is also read on ``training/data/safety_validation.toml`` (100 safe prompts that sound
alarming, 53 harmful short requests and statements; never trained on): the share of each flagged (any
category at its operating point, 0.8). And the held-out fifth of the rows written whole for tenor
(``training/safety_texts.written_whole``: posts, everyday stories, risk talk beside sad talk and near misses;
only ever validated on) go through the whole input screen: the actions per kind and class (``held_out_written``:
how much risk reaches the crisis protocol, how much safe writing is refused); so do the long posts that no
script trains on (``safety_texts.long_posts``, 60-100 words each: ``long_posts``), and the held-out probes
written in stop 26 by a helper who read neither the rules nor a test set (``training/data/safety_probes.toml``: 92
harmful, 194 safe look-alikes; the share of each refused or given the crisis answer, ``probes_stopped``), and the
third round of requests written in stop 27 (``safety_texts.asks_check``: 450 harmful, 327 safe; never trained on;
the same share, ``asks_check_stopped``, and the actions per class, ``asks_check``). Real
comments: the GoEmotions
*dev* comments that a keyword list or an earlier classifier picked as possibly harmful, labelled here
(``training/data/goemotions_harm.tsv``; never trained on), are read as ``tenor eval safety`` reads the
moderation set: per class precision, recall, F1 and AUPRC of the whole input screen (``comments``; a hard set:
every benign comment in it was picked for looking harmful). ``--model-dir`` reads another trained classifier
(for a comparison with an earlier one). Prints figures, asserts nothing.

    python benchmarks/safety_everyday.py [--model-dir DIR] [--json]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from tenor.evals.safety import MODERATION, moderation_figures
from tenor.safety.classifier import OPERATING_SCORE, LayeredScreen, SafetyClassifier

ROOT = Path(__file__).resolve().parents[1]
SITUATIONS = ROOT.parent / "shared" / "data" / "empatheticdialogues_situations" / "dev.csv"
VALIDATION = ROOT / "training" / "data" / "safety_validation.toml"
PROBES = ROOT / "training" / "data" / "safety_probes.toml"
sys.path.insert(0, str(ROOT / "training"))
from safety_data import SHARED, comment_labels, goemotions  # noqa: E402  (training/ is not a package)
from safety_texts import asks_check, long_posts, written_whole  # noqa: E402

# The moderation classes each comment label counts for (as ``tenor.evals.safety.MODERATION`` reads categories).
COMMENT_CLASS: dict[str, tuple[str, ...]] = {
    "sexual": ("S",),
    "sexual_minors": ("S", "S3"),
    "hate": ("H",),
    "violence": ("V",),
    "harassment": ("HR",),
    "self_harm": ("SH",),
    "benign": (),
}


def stopped_share(counts: list[Counter[str]]) -> float:
    """Share of the texts behind ``counts`` (actions per text) refused or given the crisis answer."""
    return round(sum(c["refuse"] + c["crisis"] for c in counts) / sum(sum(c.values()) for c in counts), 4)


def flagged(clf: SafetyClassifier, text: str) -> bool:
    """Whether any category reaches the operating point in the classifier's own reading of the text (its
    windows; the classifier alone, no rules)."""
    return max(clf.read([text]).scores.values(), default=0.0) >= OPERATING_SCORE


def comment_figures(screen: LayeredScreen) -> dict[str, Any]:
    """The labelled GoEmotions dev comments read as the moderation set is (``tenor.evals.safety``)."""
    labels = comment_labels()
    rows = [
        (t, labels[f"dev:{cid}"])
        for cid, t in goemotions(SHARED, "dev")
        if labels.get(f"dev:{cid}", "unclear") != "unclear"
    ]
    gold = {k: np.asarray([int(k in COMMENT_CLASS[lab]) for _, lab in rows], dtype=np.int8) for k in MODERATION}
    act_at = {c: rule.act_at for c, rule in screen.policy.categories.items()}
    figures, _ = moderation_figures(screen, [t for t, _ in rows], gold, act_at)
    # A class with no positive comment has no AUPRC (NaN, which JSON lacks).
    figures["auprc"] = {k: None if v != v else v for k, v in figures["auprc"].items()}
    return {"comments": len(rows), "labels": dict(Counter(lab for _, lab in rows))} | figures


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model-dir", type=Path, help="a trained classifier's folder (default: the shipped one)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    clf = SafetyClassifier(args.model_dir)
    screen = LayeredScreen(classifier=clf)
    with SITUATIONS.open(encoding="utf-8") as f:
        stories = [r["content"] for r in csv.DictReader(f)]
    actions: Counter[str] = Counter()
    behind: Counter[str] = Counter()
    for text in stories:
        v = screen.screen_input(text)
        actions[v.action] += 1
        if v.action in ("refuse", "crisis"):
            behind[f"{v.action}:{v.categories[0]}"] += 1
    held: dict[str, Counter[str]] = {}
    for text, label, held_out, kind in written_whole():
        if held_out:
            held.setdefault(f"{kind}:{label}", Counter())[screen.screen_input(text).action] += 1
    long: dict[str, Counter[str]] = {}
    for text, label in long_posts():
        long.setdefault(label, Counter())[screen.screen_input(text).action] += 1
    prompts = tomllib.loads(VALIDATION.read_text("utf-8"))
    probes = tomllib.loads(PROBES.read_text("utf-8"))
    probes_stopped = {
        kind: round(sum(screen.screen_input(t).action in ("refuse", "crisis") for t in texts) / len(texts), 4)
        for kind, texts in probes.items()
    }
    asks: dict[str, Counter[str]] = {}
    for text, label in asks_check():
        asks.setdefault(label, Counter())[screen.screen_input(text).action] += 1
    asks_stopped = {
        "harmful": stopped_share([c for label, c in asks.items() if label != "benign"]),
        "safe": stopped_share([asks["benign"]]),
    }
    comments = comment_figures(screen)
    out = {
        "situations": len(stories),
        "situation_actions": dict(actions),
        "situation_refused_or_crisis_rate": round((actions["refuse"] + actions["crisis"]) / len(stories), 4),
        "situation_crisis_rate": round(actions["crisis"] / len(stories), 4),
        "situation_categories": dict(behind.most_common()),
        "validation_safe_flagged": round(sum(flagged(clf, t) for t in prompts["safe"]) / len(prompts["safe"]), 4),
        "validation_harmful_flagged": round(
            sum(flagged(clf, t) for t in prompts["harmful"]) / len(prompts["harmful"]), 4
        ),
        "held_out_written": {k: dict(v) for k, v in sorted(held.items())},
        "long_posts": {k: dict(v) for k, v in sorted(long.items())},
        "probes_stopped": probes_stopped,
        "asks_check_stopped": asks_stopped,
        "asks_check": {k: dict(v) for k, v in sorted(asks.items())},
        "comments": comments,
    }
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        print(
            f"EmpatheticDialogues dev situations ({len(stories)}): {out['situation_actions']}; refused or crisis "
            f"{out['situation_refused_or_crisis_rate']:.1%} (crisis {out['situation_crisis_rate']:.1%})"
        )
        print(
            f"validation prompts, classifier alone: safe flagged {out['validation_safe_flagged']:.0%}, "
            f"harmful flagged {out['validation_harmful_flagged']:.0%}"
        )
        for group, counts in sorted(held.items()):
            print(f"held-out {group} ({sum(counts.values())}): {dict(counts)}")
        for group, counts in sorted(long.items()):
            print(f"long posts, {group} ({sum(counts.values())}): {dict(counts)}")
        print(
            f"held-out probes refused or crisis: harmful {probes_stopped['harmful']:.1%} of {len(probes['harmful'])}, "
            f"safe {probes_stopped['safe']:.1%} of {len(probes['safe'])}"
        )
        print(
            f"third-round requests refused or crisis: harmful {asks_stopped['harmful']:.1%}, "
            f"safe {asks_stopped['safe']:.1%}"
        )
        for group, counts in sorted(asks.items()):
            print(f"  {group} ({sum(counts.values())}): {dict(counts)}")
        c = comments
        print(f"labelled dev comments {c['labels']}: macro-F1 {c['macro_f1']}, macro-AUPRC {c['macro_auprc']}")
        for k in MODERATION:
            print(f"  {k:3s} P {c['precision'][k]} R {c['recall'][k]} F1 {c['f1'][k]} AUPRC {c['auprc'][k]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
