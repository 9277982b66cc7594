"""Classification metrics in numpy (no scikit-learn at run time), shared by evaluations and training."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

Floats = NDArray[np.float64] | NDArray[np.float32]


def f1_per_class(pred: NDArray[np.bool_], gold: NDArray[np.bool_]) -> NDArray[np.float64]:
    """F1 of each column of two multi-hot matrices; a class with no gold and no predicted row scores 0."""
    tp = (pred & gold).sum(axis=0).astype(np.float64)
    denom = pred.sum(axis=0) + gold.sum(axis=0)
    return np.where(denom > 0, 2 * tp / np.maximum(denom, 1), 0.0)


def multilabel_decisions(probs: Floats, thresholds: Floats | float) -> NDArray[np.bool_]:
    """Labels at or above their threshold; a row with none gets its most probable label."""
    pred = np.asarray(probs >= thresholds)
    none = ~pred.any(axis=1)
    pred[none, np.asarray(probs)[none].argmax(axis=1)] = True
    return pred


def macro_f1(pred: NDArray[np.bool_], gold: NDArray[np.bool_]) -> float:
    """Unweighted mean of per-class F1 over the classes present in gold or predictions."""
    present = (gold.sum(axis=0) + pred.sum(axis=0)) > 0
    scores = f1_per_class(pred, gold)
    return float(scores[present].mean()) if present.any() else 0.0


def ece_top1(probs: Floats, gold: NDArray[np.bool_], bins: int = 15) -> float:
    """Expected calibration error of the top label (15 equal-width bins); the top label is right when it
    is any of the row's gold labels."""
    conf = np.asarray(probs).max(axis=1)
    correct = gold[np.arange(len(gold)), np.asarray(probs).argmax(axis=1)]
    edges = np.linspace(0.0, 1.0, bins + 1)
    total = 0.0
    for lo, hi in itertools.pairwise(edges):
        m = (conf > lo) & (conf <= hi)
        if m.any():
            total += float(m.mean()) * abs(float(correct[m].mean()) - float(conf[m].mean()))
    return total


def accuracy_top1(probs: Floats, gold: NDArray[np.bool_]) -> float:
    """Share of rows whose most probable label is one of their gold labels."""
    return float(gold[np.arange(len(gold)), np.asarray(probs).argmax(axis=1)].mean()) if len(gold) else 0.0


def percentile_ms(samples_s: Sequence[float], q: float) -> float:
    """The q-th percentile of durations given in seconds, in milliseconds."""
    return float(np.percentile(np.asarray(samples_s) * 1000.0, q)) if samples_s else float("nan")
