"""``tenor eval mood-voice``: the voice mood model and an eGeMAPS + logistic-regression baseline, side by side.

Reads a CSV with ``path`` and ``emotion`` columns (paths absolute or relative to the CSV; emotions RAVDESS's
eight names, or the shared vocabulary's names for the six they share). Every other column with at most
``MAX_GROUP_VALUES`` distinct values is a grouping (gender, intensity, actor, ...). A CSV with an ``actor``
column is RAVDESS's ``labels.csv`` or shaped like it: unless ``--actors`` says otherwise, only the held-out
actors 17-24 are read, so that a figure never includes the actors the model was trained on.

With a speaker column (``actor`` or ``speaker``), ``model_session`` also reports each clip judged as a
conversation would judge it after ``SESSION_UTTERANCES`` earlier utterances of the same voice (a profile of
that many other clips of the speaker, drawn at random; never the clip itself, and no labels used).

The model reads exactly what the listening stage would hand it: the encoder states of the whole clip from
``WhisperSTT.encode_states`` and the clip's audio. Its latency is the time beyond those states (they are
already computed in a spoken turn).
"""

from __future__ import annotations

import csv
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import numpy as np
from numpy.typing import NDArray

from tenor.audio.io import load_file, to_float
from tenor.errors import InputError
from tenor.evals.metrics import ece_top1, f1_per_class, percentile_ms
from tenor.listen.stt import WhisperSTT
from tenor.mood.base import SpeakerProfile
from tenor.mood.voice_model import (
    MIN_PROFILE,
    VOICE_CIRCUMPLEX,
    VOICE_CLASSES,
    VoiceMoodModel,
    VoiceScores,
    model_dir,
    to_estimate,
)

HELD_OUT_ACTORS: Final = frozenset(range(17, 25))
MAX_GROUP_VALUES: Final = 12
# Columns that, with the speaker, name one take of one sentence; RAVDESS records each at two intensities.
_TAKE_COLUMNS: Final = ("statement", "repetition")
# The usual four-class view (Busso et al. 2008): neutral (with calm), happy, sad, angry.
FOUR: Final = (("neutral", "calm"), ("happy",), ("sad",), ("angry",))
_SYNONYMS: Final = {
    "joy": "happy",
    "happiness": "happy",
    "sadness": "sad",
    "anger": "angry",
    "fear": "fearful",
    "surprise": "surprised",
    "disgusted": "disgust",
}


@dataclass
class VoiceEvalData:
    paths: list[Path] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    groups: dict[str, list[str]] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    actors: str = "all"
    # Who speaks each clip (an ``actor`` or ``speaker`` column), for the session figure; empty if unknown.
    speakers: list[str] = field(default_factory=list)
    # Which take of which sentence each clip is (``statement`` and ``repetition`` columns, as RAVDESS has
    # them), for pairing its intensities in the arousal figure; empty if the CSV has neither.
    takes: list[str] = field(default_factory=list)


def parse_actors(spec: str) -> frozenset[int] | None:
    """``all``, ``17-24`` or ``1,3,5``."""
    if spec == "all":
        return None
    out: set[int] = set()
    try:
        for part in spec.split(","):
            lo, _, hi = part.partition("-")
            out.update(range(int(lo), int(hi or lo) + 1))
    except ValueError:
        raise InputError(f"--actors takes 'all', a range like 17-24 or a list like 1,3,5, not {spec!r}") from None
    return frozenset(out)


def load(path: Path, actors: str | None = None) -> VoiceEvalData:
    try:
        with path.open(newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise InputError(f"cannot read {path}: {err}") from None
    if not rows or not {"path", "emotion"} <= set(rows[0]):
        raise InputError(f"{path} needs a header with 'path' and 'emotion' columns")
    has_actor = "actor" in rows[0]
    spec = actors or ("17-24" if has_actor else "all")
    keep = parse_actors(spec)
    if keep is not None and not has_actor:
        raise InputError("--actors needs an 'actor' column in the CSV")
    data = VoiceEvalData(actors=spec)
    extra = [c for c in rows[0] if c not in ("path", "emotion", *_TAKE_COLUMNS)]
    for row in rows:
        if keep is not None:
            try:
                if int(row["actor"]) not in keep:
                    continue
            except ValueError:
                data.skipped["bad actor"] = data.skipped.get("bad actor", 0) + 1
                continue
        if not row.get("path") or row.get("emotion") is None:  # a short row, or a stray quote
            data.skipped["incomplete row"] = data.skipped.get("incomplete row", 0) + 1
            continue
        name = _SYNONYMS.get(row["emotion"].strip().lower(), row["emotion"].strip().lower())
        if name not in VOICE_CLASSES:
            data.skipped[f"emotion {name!r}"] = data.skipped.get(f"emotion {name!r}", 0) + 1
            continue
        p = Path(row["path"])
        data.paths.append(p if p.is_absolute() else path.parent / p)
        data.labels.append(VOICE_CLASSES.index(name))
        for c in extra:
            data.groups.setdefault(c, []).append(row[c])
        who = row.get("actor") or row.get("speaker")
        if who is not None:
            data.speakers.append(who)
        if _TAKE_COLUMNS[0] in row:
            data.takes.append("/".join(row.get(c, "") for c in _TAKE_COLUMNS))
    data.groups = {c: v for c, v in data.groups.items() if len(set(v)) <= MAX_GROUP_VALUES}
    if not data.paths:
        raise InputError(f"no usable rows in {path} (skipped: {data.skipped or 'none'})")
    return data


def unweighted_accuracy(gold: NDArray[np.int_], pred: NDArray[np.int_], n: int) -> float:
    """Mean recall over the classes present in ``gold``."""
    recalls = [float(np.mean(pred[gold == k] == k)) for k in range(n) if np.any(gold == k)]
    return float(np.mean(recalls)) if recalls else 0.0


def one_hot(labels: NDArray[np.int_], n: int) -> NDArray[np.bool_]:
    return np.eye(n, dtype=bool)[labels]


def macro_f1(gold: NDArray[np.int_], pred: NDArray[np.int_], n: int) -> float:
    """Mean F1 over the classes present in ``gold``."""
    present = np.bincount(gold, minlength=n) > 0
    f1 = f1_per_class(one_hot(pred, n), one_hot(gold, n))
    return float(f1[present].mean()) if present.any() else 0.0


def four_class(probs: NDArray[np.float64], gold: NDArray[np.int_]) -> tuple[NDArray[np.int_], NDArray[np.int_]]:
    """Gold and predicted four-class ids for the rows whose gold is one of the four (others dropped)."""
    index = {VOICE_CLASSES.index(name): k for k, names in enumerate(FOUR) for name in names}
    rows = np.array([int(g) in index for g in gold])
    merged = np.stack([probs[:, [VOICE_CLASSES.index(n) for n in names]].sum(axis=1) for names in FOUR], axis=1)
    g4 = np.array([index[int(g)] for g in gold[rows]], dtype=np.int_)
    return g4, merged[rows].argmax(axis=1)


def scores(probs: NDArray[np.float64], gold: NDArray[np.int_]) -> dict[str, Any]:
    pred = probs.argmax(axis=1)
    g4, p4 = four_class(probs, gold)
    n = len(VOICE_CLASSES)
    return {
        "n": len(gold),
        "accuracy": round(float(np.mean(pred == gold)), 4),
        "ua_8": round(unweighted_accuracy(gold, pred, n), 4),
        "ua_4": round(unweighted_accuracy(g4, p4, 4), 4) if len(g4) else None,
        "macro_f1": round(macro_f1(gold, pred, n), 4),
        "ece": round(ece_top1(probs, one_hot(gold, n)), 4),
    }


def report(probs: NDArray[np.float64], data: VoiceEvalData, latencies_s: Sequence[float]) -> dict[str, Any]:
    gold = np.array(data.labels, dtype=np.int_)
    out = scores(probs, gold)
    n = len(VOICE_CLASSES)
    pred = probs.argmax(axis=1)
    out["confusion"] = {
        "labels": list(VOICE_CLASSES),
        "rows_gold_cols_pred": [[int(np.sum((gold == i) & (pred == j))) for j in range(n)] for i in range(n)],
    }
    out["per_class_recall"] = {
        c: round(float(np.mean(pred[gold == k] == k)), 4) for k, c in enumerate(VOICE_CLASSES) if np.any(gold == k)
    }
    out["by"] = {
        col: {v: scores(probs[np.array(vals) == v], gold[np.array(vals) == v]) for v in sorted(set(vals))}
        for col, vals in data.groups.items()
    }
    if "gender" in data.groups:
        by_gender = {v: s["ua_8"] for v, s in out["by"]["gender"].items()}
        out["ua_by_gender"] = by_gender
        out["gender_gap"] = round(max(by_gender.values()) - min(by_gender.values()), 4) if by_gender else None
    out["latency_ms_p50"] = round(percentile_ms(latencies_s, 50), 2)
    out["latency_ms_p95"] = round(percentile_ms(latencies_s, 95), 2)
    return out


class Baseline:
    """eGeMAPS functionals (opensmile) + logistic regression, trained on actors 1-16 by the training script."""

    def __init__(self, path: Path) -> None:
        import opensmile

        with np.load(path) as w:
            self.mean, self.scale = w["mean"], w["scale"]
            self.coef, self.intercept = w["coef"], w["intercept"]
        self.smile = opensmile.Smile(
            feature_set=opensmile.FeatureSet.eGeMAPSv02, feature_level=opensmile.FeatureLevel.Functionals
        )

    def probs(self, audio: NDArray[np.float32]) -> NDArray[np.float64]:
        x = np.asarray(self.smile.process_signal(audio, 16000).to_numpy()[0], dtype=np.float64)
        z = ((x - self.mean) / self.scale) @ self.coef.T + self.intercept
        e = np.exp(z - z.max())
        return np.asarray(e / e.sum(), dtype=np.float64)


def evaluate(
    data: VoiceEvalData,
    stt: WhisperSTT,
    model: VoiceMoodModel,
    *,
    baseline: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    base: Baseline | None = None
    base_note = None
    if baseline:
        try:
            base = Baseline(model_dir() / "baseline_egemaps_lr.npz")
        except ImportError:
            base_note = "opensmile is not installed: pip install 'tenor[eval]'"
    m_probs, b_probs, m_lat, b_lat, failed = [], [], [], [], []
    m_scores: list[VoiceScores] = []
    feats: list[NDArray[np.float32]] = []
    nets: list[NDArray[np.float64] | None] = []
    kept: list[int] = []
    t0 = time.perf_counter()
    for i, p in enumerate(data.paths):
        try:
            pcm, _ = load_file(p, max_seconds=30.0)
        except InputError as err:
            failed.append(f"{p}: {err}")
            continue
        audio = to_float(pcm)
        states = stt.encode_states(audio)
        t_model = time.perf_counter()
        f = model.features(audio, states)
        net = model.net_probs(states)
        s = model.score_features(f, t0=t_model, net=net)
        feats.append(f)
        nets.append(net)
        m_scores.append(s)
        m_probs.append(s.probs)
        m_lat.append(s.ms / 1000.0)
        if base is not None:
            tb = time.perf_counter()
            b_probs.append(base.probs(audio))
            b_lat.append(time.perf_counter() - tb)
        kept.append(i)
        if progress is not None:
            progress(i + 1, len(data.paths))
    if not kept:
        raise InputError(f"none of the {len(data.paths)} files could be read (first: {failed[0]})")
    sub = VoiceEvalData(
        [data.paths[i] for i in kept],
        [data.labels[i] for i in kept],
        {c: [v[i] for i in kept] for c, v in data.groups.items()},
        data.skipped,
        data.actors,
        [data.speakers[i] for i in kept] if data.speakers else [],
        [data.takes[i] for i in kept] if data.takes else [],
    )
    result: dict[str, Any] = {
        "n": len(kept),
        "actors": data.actors,
        "skipped": data.skipped,
        "unreadable": failed,
        "model": report(np.array(m_probs, dtype=np.float64), sub, m_lat) | arousal_report(m_scores, sub),
        "baseline": report(np.array(b_probs, dtype=np.float64), sub, b_lat) if base is not None else None,
        "seconds": round(time.perf_counter() - t0, 1),
    }
    if len(sub.speakers) == len(feats):
        session = session_scores(model, feats, nets, sub.speakers, max(SESSION_UTTERANCES, MIN_PROFILE))
        if session is not None:
            probs = np.array([s.probs for s in session], dtype=np.float64)
            result["model_session"] = report(probs, sub, m_lat) | arousal_report(session, sub)
            result["model_session"]["earlier_utterances"] = SESSION_UTTERANCES
    if base_note:
        result["baseline_note"] = base_note
    return result


# Earlier utterances of the same voice a "session" figure assumes (a conversation of a few minutes).
SESSION_UTTERANCES: Final = 10


def session_scores(
    model: VoiceMoodModel,
    feats: list[NDArray[np.float32]],
    nets: list[NDArray[np.float64] | None],
    speakers: list[str],
    k: int,
    seed: int = 7,
) -> list[VoiceScores] | None:
    """Each clip judged as the (k+1)-th utterance of a conversation: against a profile of ``k`` other clips of
    the same speaker, drawn at random (seeded), never the clip itself. None when no speaker has k+1 clips."""
    rng = np.random.default_rng(seed)
    spk = np.array(speakers)
    out: list[VoiceScores] = []
    for i, f in enumerate(feats):
        others = np.flatnonzero((spk == spk[i]) & (np.arange(len(feats)) != i))
        if len(others) < k:
            return None
        profile = SpeakerProfile()
        for j in rng.choice(others, size=k, replace=False):
            profile.add(feats[j])
        out.append(model.score_features(f, profile, net=nets[i]))
    return out


def arousal_report(scores: Sequence[VoiceScores], data: VoiceEvalData) -> dict[str, Any]:
    """How the estimate's arousal follows the voice: its correlation with the arousal of the clip's emotion
    (``VOICE_CIRCUMPLEX``), and, where the CSV has ``intensity`` with speakers and takes, the share of pairs
    (same speaker, emotion, sentence and take) whose ``strong`` rendition is heard above the ``normal`` one."""
    arousal = np.array([to_estimate(s).arousal for s in scores], dtype=np.float64)
    gold = np.array([VOICE_CIRCUMPLEX[VOICE_CLASSES[y]][1] for y in data.labels], dtype=np.float64)
    out: dict[str, Any] = {}
    if len(arousal) > 2 and arousal.std() > 0 and gold.std() > 0:
        out["arousal_r"] = round(float(np.corrcoef(arousal, gold)[0, 1]), 4)
    intensity = data.groups.get("intensity")
    if intensity and data.speakers and data.takes:
        by_take: dict[tuple[str, ...], dict[str, float]] = {}
        for i, level in enumerate(intensity):
            key = (data.speakers[i], str(data.labels[i]), data.takes[i])
            by_take.setdefault(key, {})[level] = arousal[i]
        pairs = [v for v in by_take.values() if "strong" in v and "normal" in v]
        if pairs:
            out["strong_above_normal_arousal"] = round(float(np.mean([v["strong"] > v["normal"] for v in pairs])), 4)
            out["intensity_pairs"] = len(pairs)
    return out


def format_report(result: dict[str, Any]) -> str:
    lines = [f"{result['n']} clips (actors {result['actors']})"]
    for name in ("model", "model_session", "baseline"):
        if name not in result:
            continue
        r = result[name]
        if r is None:
            lines.append(f"{name}: {result.get('baseline_note', 'not run')}")
            continue
        gap = r.get("gender_gap")
        lines.append(
            f"{name:14s} UA-8 {r['ua_8']:.3f}  UA-4 {r['ua_4']:.3f}  acc {r['accuracy']:.3f}  macro-F1 "
            f"{r['macro_f1']:.3f}  ECE {r['ece']:.3f}  p50 {r['latency_ms_p50']:.1f} ms"
            + (f"  by gender {r['ua_by_gender']} (gap {gap:.3f})" if gap is not None else "")
            + (f"  arousal r {r['arousal_r']:.3f}" if "arousal_r" in r else "")
            + (f", strong above normal {r['strong_above_normal_arousal']:.3f}" if "intensity_pairs" in r else "")
        )
    return "\n".join(lines)
