"""The input screen's time per message, one classifier against another in the same run, on one core.

Both screens read the same texts in alternating order (which one goes first flips every text), so a busy
neighbour on a shared machine slows both alike; the figure to read is the ratio. Texts of every length a
screen meets: the 2,770 EmpatheticDialogues dev situations (a spoken turn's length), the rows written for
tenor's safety classifier (posts up to a paragraph), and pairs and fives of consecutive situations joined
(long pastes, read in several windows). No test set is read. ``--head-tail`` times the classifier against
itself reading only the head and tail windows of a long text (the reading before stop 25); ``--no-figures``
times the screen against itself reading figures of speech as written (``safety.figures``, before stop 31);
``--no-taken`` times it against itself without the rules for an act already done (``safety.rules_taken``, before stop
39); ``--no-poison`` without the rules for a poisoning by accident (``safety.rules_poison``, before stop 40);
``--no-emergency`` without reading a medical emergency now (``safety.emergency``: the rules, the gate and the
emergency reader's model, before stop 44). Prints
figures, asserts nothing.

    python benchmarks/screen_latency.py (--baseline DIR | --head-tail | --no-figures | --no-taken | --no-poison |
                                         --no-emergency) [--model-dir DIR] [--every 3]
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
import time
from pathlib import Path

from tenor.safety import figures, rules, rules_poison, rules_taken
from tenor.safety.classifier import LayeredScreen, SafetyClassifier

ROOT = Path(__file__).resolve().parents[1]
SITUATIONS = ROOT.parent / "shared" / "data" / "empatheticdialogues_situations" / "dev.csv"
sys.path.insert(0, str(ROOT / "training"))
from safety_texts import written_whole  # noqa: E402  (training/ is not a package)


def bucket(windows: list[list[int]]) -> str:
    """Which length a text has for the encoder: one short window, one longer window, or several."""
    if len(windows) > 1:
        return "several_windows"
    return "tokens_up_to_32" if len(windows[0]) <= 32 else "tokens_33_to_128"


def texts(every: int) -> list[str]:
    with SITUATIONS.open(encoding="utf-8") as f:
        stories = [r["content"] for r in csv.DictReader(f)]
    written = [t for t, _, _, _ in written_whole()]
    pairs = [f"{a} {b}" for a, b in zip(stories[::2], stories[1::2], strict=False)]
    fives = [" ".join(stories[i : i + 5]) for i in range(0, len(stories) - 4, 5)]
    return [*stories, *written, *pairs, *fives][:: max(1, every)]


def p50_ms(seconds: list[float]) -> float:
    return round(1000 * statistics.median(seconds), 2) if seconds else 0.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    base = ap.add_mutually_exclusive_group(required=True)
    base.add_argument("--baseline", type=Path, help="the classifier folder to time against")
    base.add_argument("--head-tail", action="store_true", help="time against the head-and-tail reading")
    base.add_argument("--no-figures", action="store_true", help="time against figures of speech read as written")
    base.add_argument("--no-taken", action="store_true", help="time against the rules without rules_taken's")
    base.add_argument("--no-poison", action="store_true", help="time against the rules without rules_poison's")
    base.add_argument("--no-emergency", action="store_true", help="time against the screen reading no emergency")
    ap.add_argument("--model-dir", type=Path, help="the classifier folder to time (default: the shipped one)")
    ap.add_argument("--every", type=int, default=3, help="time every k-th text (default 3: about 2,000 texts)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    screens = [
        LayeredScreen(classifier=SafetyClassifier(args.model_dir)),
        LayeredScreen(
            classifier=SafetyClassifier(args.model_dir, sentences=None)
            if args.head_tail
            else SafetyClassifier(args.baseline if args.baseline else args.model_dir)
        ),
    ]
    if args.no_emergency:
        # The emergency is read outside the rule list: the baseline reads none.
        screens[1]._emergency = lambda views, raw: ""  # type: ignore[method-assign]
    for screen in screens:
        screen.screen_input("warm up")  # the first call loads the encoder; it is not a message's time
    rows = texts(args.every)
    listed = figures.FIGURES
    every_rule = rules.RULES
    left_out = (
        (*rules_taken.TAKEN, *rules_taken.OTHERS_TAKEN)
        if args.no_taken
        else (*rules_poison.POISONED, *rules_poison.POISONED_PET)
        if args.no_poison
        else ()
    )
    fewer = tuple(r for r in every_rule if all(r is not o for o in left_out))
    times: list[list[float]] = [[], []]
    kinds = [bucket(screens[0].classifier.encoder.windows(t)) for t in rows]
    for i, text in enumerate(rows):
        order = (0, 1) if i % 2 == 0 else (1, 0)
        for k in order:
            # The figures are a module's list, read on each call: emptied only while the baseline reads.
            setattr(figures, "FIGURES", () if args.no_figures and k == 1 else listed)  # noqa: B010
            # The rules too: a module's tuple, read on each call.
            setattr(rules, "RULES", fewer if k == 1 else every_rule)  # noqa: B010
            t0 = time.perf_counter()
            screens[k].screen_input(text)
            times[k].append(time.perf_counter() - t0)
    setattr(figures, "FIGURES", listed)  # noqa: B010
    setattr(rules, "RULES", every_rule)  # noqa: B010
    out: dict[str, object] = {
        "texts": len(rows),
        "p50_ms": p50_ms(times[0]),
        "baseline_p50_ms": p50_ms(times[1]),
        "ratio_p50": round(p50_ms(times[0]) / max(1e-9, p50_ms(times[1])), 3),
    }
    for name in ("tokens_up_to_32", "tokens_33_to_128", "several_windows"):
        picked = [i for i, kind in enumerate(kinds) if kind == name]
        out[name] = {
            "texts": len(picked),
            "p50_ms": p50_ms([times[0][i] for i in picked]),
            "baseline_p50_ms": p50_ms([times[1][i] for i in picked]),
        }
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        print(
            f"{out['texts']} texts: p50 {out['p50_ms']} ms against {out['baseline_p50_ms']} ms "
            f"(ratio {out['ratio_p50']})"
        )
        for key, value in out.items():
            if isinstance(value, dict):
                print(f"  {key}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
