"""Train the lexicon mood estimator's combining weights (tenor/mood/models/lexicon_ekman.json).

Data: GoEmotions, Ekman view (../shared/data/goemotions/data/ekman). Fits a multinomial logistic regression
on train rows with exactly one label, picks the regularisation and class weighting on dev macro-F1, then
fits one temperature on dev (negative log-likelihood) so the probabilities are calibrated. The test split is
never read here. Deterministic: fixed seed, single-threaded solver. Runs in about a minute on 2 cores.

    python training/train_lexicon_mood.py [--data ../shared/data/goemotions/data/ekman] [--out DIR]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

from tenor.mood.lexicon import feature_names, features
from tenor.vocab import MOOD_LABELS

SEED = 13
ROOT = Path(__file__).resolve().parents[1]


def read_split(path: Path) -> tuple[list[str], list[set[int]]]:
    texts, labels = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        texts.append(parts[0])
        labels.append({int(x) for x in parts[1].split(",") if x})
    return texts, labels


def ece(probs: np.ndarray, y: np.ndarray, bins: int = 15) -> float:
    conf = probs.max(axis=1)
    correct = probs.argmax(axis=1) == y
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for lo, hi in itertools.pairwise(edges):
        m = (conf > lo) & (conf <= hi)
        if m.any():
            total += m.mean() * abs(correct[m].mean() - conf[m].mean())
    return float(total)


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/goemotions/data/ekman")
    ap.add_argument("--out", type=Path, default=ROOT / "src/tenor/mood/models")
    args = ap.parse_args()
    labels_file = (args.data / "labels.txt").read_text().split()
    if labels_file != list(MOOD_LABELS):
        print(f"unexpected label order in {args.data / 'labels.txt'}: {labels_file}", file=sys.stderr)
        return 2
    t0 = time.time()
    tr_text, tr_lab = read_split(args.data / "train.tsv")
    dv_text, dv_lab = read_split(args.data / "dev.tsv")
    x_tr = np.array([features(t)[0] for t in tr_text])
    x_dv = np.array([features(t)[0] for t in dv_text])
    single = np.array([len(s) == 1 for s in tr_lab])
    y_tr = np.array([min(s) for s in tr_lab])
    y_dv_sets = dv_lab
    y_dv = np.array([min(s) for s in dv_lab])
    print(f"features: {time.time() - t0:.1f}s for {len(tr_text) + len(dv_text)} texts")

    def dev_macro_f1(model: LogisticRegression) -> float:
        pred = model.predict(x_dv)
        # A prediction is right for a row when it is any of the row's labels (multi-label gold).
        y_match = np.array([p if p in s else min(s) for p, s in zip(pred, y_dv_sets, strict=True)])
        return float(f1_score(y_match, pred, average="macro"))

    best: tuple[float, LogisticRegression, dict[str, object]] | None = None
    for c in (0.1, 0.3, 1.0, 3.0):
        for cw in (None, "balanced"):
            model = LogisticRegression(C=c, class_weight=cw, max_iter=2000, random_state=SEED)
            model.fit(x_tr[single], y_tr[single])
            f1 = dev_macro_f1(model)
            print(f"C={c} class_weight={cw}: dev macro-F1 {f1:.4f}")
            if best is None or f1 > best[0]:
                best = (f1, model, {"C": c, "class_weight": cw})
    assert best is not None
    f1, model, params = best
    logits = x_dv @ model.coef_.T + model.intercept_
    temps = np.linspace(0.5, 3.0, 51)
    nll = [-np.log(softmax(logits / t)[np.arange(len(y_dv)), y_dv] + 1e-12).mean() for t in temps]
    temperature = float(temps[int(np.argmin(nll))])
    p_raw, p_cal = softmax(logits), softmax(logits / temperature)
    report = {
        "dev_macro_f1_ekman": round(f1, 4),
        "dev_ece_before_temperature": round(ece(p_raw, y_dv), 4),
        "dev_ece": round(ece(p_cal, y_dv), 4),
        "params": params,
        "temperature": round(temperature, 3),
        "train_rows_single_label": int(single.sum()),
        "seconds": round(time.time() - t0, 1),
    }
    print(json.dumps(report, indent=2))
    out = {
        "labels": list(MOOD_LABELS),
        "features": feature_names(),
        "coef": np.round(model.coef_, 6).tolist(),
        "intercept": np.round(model.intercept_, 6).tolist(),
        "temperature": round(temperature, 4),
        "trained_on": "GoEmotions ekman train (single-label rows); C, class weight and temperature on dev",
        "dev": report,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "lexicon_ekman.json").write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out / 'lexicon_ekman.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
