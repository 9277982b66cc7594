"""``tenor eval mood-text``: the trained text mood model and the lexicon baseline, side by side, one run.

Data formats:
- GoEmotions TSV (text, comma-separated label ids, id; no header). The label names come from ``labels.txt``
  beside the file (or ``--labels``): 28 GoEmotions labels (scored on 28 labels and on the Ekman-7 view
  through GoEmotions' own mapping) or the 7 Ekman names (scored on Ekman-7 only).
- CSV with columns ``text,label`` (label: a GoEmotions or Ekman name; several may be joined by ``|``).
- EmpatheticDialogues situations CSV (``label,content`` with numeric labels and
  ``label_mapping_INFERRED.csv`` beside it), mapped to Ekman by ``evals/data/empathetic_to_ekman.toml``.
"""

from __future__ import annotations

import csv
import json
import time
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from tenor.errors import InputError
from tenor.evals.metrics import accuracy_top1, ece_top1, f1_per_class, macro_f1, multilabel_decisions, percentile_ms
from tenor.vocab import MOOD_LABELS

csv.field_size_limit(10_000_000)


@dataclass
class TextEvalData:
    # Texts to score.
    texts: list[str]
    # Gold Ekman-7 labels, multi-hot (rows x 7).
    ekman: NDArray[np.bool_]
    # Gold GoEmotions-28 labels, multi-hot, when the data has them.
    fine: NDArray[np.bool_] | None
    # Names of the 28 labels (when ``fine`` is present).
    fine_labels: list[str] | None
    # Rows read but not scored, with the reason.
    skipped: dict[str, int]


def _goemotions_mapping() -> tuple[list[str], dict[str, str]]:
    meta = json.loads(resources.files("tenor.mood.models").joinpath("text_mood/meta.json").read_text("utf-8"))
    labels28: list[str] = meta["labels28"]
    to_ekman = {fine: ek for ek, fines in meta["ekman_mapping"].items() for fine in fines}
    to_ekman["neutral"] = "neutral"
    return labels28, to_ekman


def _ekman_index(name: str) -> int:
    return list(MOOD_LABELS).index(name)  # type: ignore[arg-type]


def _read_text(path: Path) -> str:
    if path.is_dir():
        raise InputError(f"{path} is a directory: give a .tsv or .csv file")
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"data file not found: {path}") from None
    except UnicodeDecodeError:
        raise InputError(f"{path} is not UTF-8 text") from None
    except OSError as err:
        raise InputError(f"cannot read {path}: {err.strerror or err}") from None


def _from_names(texts: list[str], names: list[list[str]], skipped: dict[str, int]) -> TextEvalData:
    labels28, to_ekman = _goemotions_mapping()
    all_names = {n for row in names for n in row}
    unknown = sorted(all_names - set(labels28) - set(MOOD_LABELS))
    if unknown:
        raise InputError(f"unknown label names {unknown[:5]} (expected GoEmotions or Ekman names)")
    has_fine = bool(all_names - set(MOOD_LABELS)) and all_names <= set(labels28)
    ekman = np.zeros((len(texts), 7), dtype=bool)
    fine = np.zeros((len(texts), 28), dtype=bool) if has_fine else None
    for i, row in enumerate(names):
        for n in row:
            ekman[i, _ekman_index(to_ekman.get(n, n))] = True
            if fine is not None:
                fine[i, labels28.index(n)] = True
    return TextEvalData(texts, ekman, fine, labels28 if has_fine else None, skipped)


def load(path: Path, labels: Path | None = None) -> TextEvalData:
    """Read an evaluation file in any of the supported formats."""
    body = _read_text(path)
    if not body.strip():
        raise InputError(f"{path} is empty")
    if path.suffix.lower() == ".tsv":
        label_file = labels or path.parent / "labels.txt"
        names = _read_text(label_file).split()
        texts, rows = [], []
        for n, line in enumerate(body.splitlines(), 1):
            parts = line.split("\t")
            if len(parts) < 2 or not parts[1].strip():
                raise InputError(f"{path}:{n}: expected text TAB label ids TAB id")
            try:
                rows.append([names[int(x)] for x in parts[1].split(",")])
            except (ValueError, IndexError):
                raise InputError(f"{path}:{n}: label ids {parts[1]!r} do not fit {label_file}") from None
            texts.append(parts[0])
        return _from_names(texts, rows, {})
    reader = csv.DictReader(body.splitlines())
    fields = set(reader.fieldnames or [])
    if {"text", "label"} <= fields:
        texts, rows = [], []
        for row in reader:
            texts.append(row["text"] or "")
            rows.append([x.strip() for x in (row["label"] or "").split("|") if x.strip()])
        return _from_names(texts, rows, {})
    if {"label", "content"} <= fields:
        return _empathetic(path, list(reader))
    raise InputError(f"{path}: expected a GoEmotions .tsv, or a .csv with columns text,label")


def _empathetic(path: Path, rows: list[dict[str, str]]) -> TextEvalData:
    mapping_file = path.parent / "label_mapping_INFERRED.csv"
    id_to_name = {r["label"]: r["emotion"] for r in csv.DictReader(_read_text(mapping_file).splitlines())}
    table = tomllib.loads(resources.files("tenor.evals.data").joinpath("empathetic_to_ekman.toml").read_text())
    to_ekman: dict[str, str] = table["map"]
    texts, names = [], []
    skipped: dict[str, int] = {}
    for row in rows:
        emotion = id_to_name.get(row["label"], "")
        if emotion not in to_ekman:
            skipped[emotion or "unknown"] = skipped.get(emotion or "unknown", 0) + 1
            continue
        texts.append(row["content"])
        names.append([to_ekman[emotion]])
    return _from_names(texts, names, skipped)


def _timed(fn: Callable[[str], Any], texts: Sequence[str]) -> tuple[list[Any], list[float]]:
    out, secs = [], []
    for t in texts:
        t0 = time.perf_counter()
        out.append(fn(t))
        secs.append(time.perf_counter() - t0)
    return out, secs


def _report(
    ekman_probs: NDArray[np.float64],
    ekman_pred: NDArray[np.bool_],
    data: TextEvalData,
    secs: list[float],
    load_s: float,
    uncertain: list[bool],
    fine_pred: NDArray[np.bool_] | None,
) -> dict[str, Any]:
    per_class = f1_per_class(ekman_pred, data.ekman)
    out: dict[str, Any] = {
        "macro_f1_ekman": round(macro_f1(ekman_pred, data.ekman), 4),
        "per_class_f1_ekman": {m: round(float(f), 4) for m, f in zip(MOOD_LABELS, per_class, strict=True)},
        "accuracy": round(accuracy_top1(ekman_probs, data.ekman), 4),
        "ece": round(ece_top1(ekman_probs, data.ekman), 4),
        "uncertain_rate": round(float(np.mean(uncertain)), 4) if uncertain else 0.0,
        "macro_f1_28": None,
        "per_class_f1_28": None,
        "latency_ms_p50": round(percentile_ms(secs, 50), 3),
        "latency_ms_p95": round(percentile_ms(secs, 95), 3),
        "load_s": round(load_s, 3),
    }
    if fine_pred is not None and data.fine is not None and data.fine_labels is not None:
        out["macro_f1_28"] = round(macro_f1(fine_pred, data.fine), 4)
        scores = f1_per_class(fine_pred, data.fine)
        out["per_class_f1_28"] = {n: round(float(f), 4) for n, f in zip(data.fine_labels, scores, strict=True)}
    return out


def evaluate(data: TextEvalData) -> dict[str, Any]:
    """Scores of the trained model and the lexicon baseline on ``data``."""
    from tenor.mood.lexicon import LexiconMood
    from tenor.mood.text_model import TrainedTextMood

    t0 = time.perf_counter()
    model = TrainedTextMood(threads=1)
    model_load = time.perf_counter() - t0
    model.estimate("warm up")
    results, secs = _timed(model.scores, data.texts)
    probs = np.stack([r.ekman for r in results])
    uncertain = [model.estimate(t).uncertain for t in data.texts]
    fine_pred = multilabel_decisions(np.stack([r.fine for r in results]), model.thresholds28)
    model_report = _report(
        probs, multilabel_decisions(probs, model.thresholds_ekman), data, secs, model_load, uncertain, fine_pred
    )

    t0 = time.perf_counter()
    baseline = LexiconMood()
    baseline.estimate("warm up")  # loads both lexicons
    base_load = time.perf_counter() - t0
    estimates, bsecs = _timed(baseline.estimate, data.texts)
    bprobs = np.array([[e.probs[m] for m in MOOD_LABELS] for e in estimates])
    bpred = np.zeros_like(bprobs, dtype=bool)
    bpred[np.arange(len(bprobs)), bprobs.argmax(axis=1)] = True  # the lexicon estimator names one mood
    base_report = _report(bprobs, bpred, data, bsecs, base_load, [e.uncertain for e in estimates], None)
    return {
        "rows": len(data.texts),
        "skipped": data.skipped,
        "labels": "ekman+28" if data.fine is not None else "ekman",
        "model": model_report,
        "baseline": base_report,
    }


def format_report(result: dict[str, Any]) -> str:
    """Side-by-side text table."""
    m, b = result["model"], result["baseline"]
    lines = [
        f"{result['rows']} rows ({result['labels']})" + (f", skipped {result['skipped']}" if result["skipped"] else ""),
        f"{'':24}{'model (minilm)':>16}{'baseline (lexicon)':>20}",
    ]
    for key in (
        "macro_f1_ekman",
        "macro_f1_28",
        "accuracy",
        "ece",
        "uncertain_rate",
        "latency_ms_p50",
        "latency_ms_p95",
        "load_s",
    ):
        mv, bv = m[key], b[key]
        lines.append(f"{key:24}{'-' if mv is None else mv:>16}{'-' if bv is None else bv:>20}")
    lines.append("per-class F1 (Ekman):")
    for label in MOOD_LABELS:
        lines.append(f"  {label:22}{m['per_class_f1_ekman'][label]:>16}{b['per_class_f1_ekman'][label]:>20}")
    if m["per_class_f1_28"]:
        lines.append("per-class F1 (28 labels, model):")
        lines += [f"  {k:22}{v:>16}" for k, v in m["per_class_f1_28"].items()]
    return "\n".join(lines)
