"""Train the voice mood model's speaker-relative arousal head on RAVDESS actors 1-16.

The class heads read the Whisper encoder states, which a recogniser learns to keep apart from pitch and
loudness; arousal read from their eight class probabilities therefore hears *which* emotion far better than
*how strongly* it is voiced (the strong and normal renditions of one emotion by one actor). Pitch level and
spread, loudness and its movement and tempo are the classic correlates of arousal (Banse & Scherer 1996;
Juslin & Laukka 2003), but their absolute values say as much about the voice and the microphone as about the
mood. So this head reads them only relative to the speaker's own mean: a ridge regression from the Praat pitch
and loudness statistics (``voice_features.PROSODY_NAMES``), each minus the speaker's mean, to the arousal of
the clip's emotion (``voice_model.VOICE_CIRCUMPLEX``). tenor uses it only once a conversation has given the
voice's profile (``voice_model.MIN_PROFILE`` utterances), blended with the class arousal.

Selection, by the 4-fold actor-grouped cross-validation of ``train_voice_mood.py`` (actors 17-24 are read by
nothing here):

- the ridge penalty, by the head's own out-of-fold correlation with the emotion's arousal;
- the blend weight, from 0.1 to 0.5: the one that most often places a strong rendition above the normal
  rendition of the same actor, emotion, sentence and take, among weights that keep the blended correlation
  within ``MAX_R_LOSS`` of the class arousal alone. The class arousal here is the speaker-adapted linear
  head's, refitted per fold as ``train_voice_mood.py`` fits it (the shipped model mixes in networks too).

Training rows are the original clips and their noise-added copies; the speed-perturbed copies are left out,
because changing the speed shifts pitch and tempo, the very cues this head reads, without changing the label.

    python training/train_voice_arousal.py --features artifacts/ser_feats.npz --out src/tenor/mood/models/voice_mood

Under a minute on this 2-core machine (after ``ser_features.py``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import Ridge
from sklearn.preprocessing import StandardScaler

from tenor.mood.voice_features import PROSODY_COLUMNS, PROSODY_NAMES
from tenor.mood.voice_model import VOICE_CIRCUMPLEX

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_voice_mood import CLASSES, FOLDS, TRAIN_ACTORS, cv_lr, load, pooled, speaker_normalised

ALPHAS = (1.0, 10.0, 100.0)
WEIGHTS = (0.1, 0.2, 0.3, 0.4, 0.5)
# The most the blended arousal may lose in correlation with the emotion's arousal, for hearing intensity.
MAX_R_LOSS = 0.01
# C of the speaker-adapted linear head, as train_voice_mood.py selected it (training.json "selected").
CLASS_C = 0.01


def strong_normal_pairs(paths: np.ndarray, rows: np.ndarray) -> list[tuple[int, int]]:
    """(strong, normal) row pairs of the same actor, emotion, sentence and take, among ``rows``. RAVDESS file
    names: modality-channel-emotion-intensity-statement-repetition-actor."""
    by_key: dict[tuple[str, ...], dict[str, int]] = {}
    for i in rows:
        part = Path(str(paths[i])).stem.split("-")
        by_key.setdefault((part[2], part[4], part[5], part[6]), {})[part[3]] = int(i)
    return [(v["02"], v["01"]) for v in by_key.values() if "01" in v and "02" in v]


def share_above(pred: np.ndarray, pairs: list[tuple[int, int]]) -> float:
    return float(np.mean([pred[s] > pred[n] for s, n in pairs]))


def corr(pred: np.ndarray, target: np.ndarray) -> float:
    return float(np.corrcoef(pred, target)[0, 1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--features", type=Path, default=Path("artifacts/ser_feats.npz"))
    ap.add_argument("--out", type=Path, default=Path("src/tenor/mood/models/voice_mood"))
    args = ap.parse_args()

    data = load(args.features)
    with np.load(args.features) as raw:
        keep = np.isin(raw["actor"], list(TRAIN_ACTORS))
        kind, paths = raw["kind"][keep], raw["path"][keep]
    arousal_of = np.array([VOICE_CIRCUMPLEX[c][1] for c in CLASSES])
    target = arousal_of[data.y]
    x = speaker_normalised(data.praat[:, PROSODY_COLUMNS].astype(np.float64), data)
    fit_rows = (kind == "orig") | (kind == "noise20")
    scored = np.flatnonzero(data.orig)
    pairs = strong_normal_pairs(paths, scored)

    def oof(alpha: float) -> np.ndarray:
        pred = np.zeros(len(target))
        for fold in FOLDS:
            held = np.isin(data.actor, fold)
            scaler = StandardScaler().fit(x[fit_rows & ~held])
            model = Ridge(alpha=alpha).fit(scaler.transform(x[fit_rows & ~held]), target[fit_rows & ~held])
            pred[held] = model.predict(scaler.transform(x[held]))
        return pred

    heads = {alpha: oof(alpha) for alpha in ALPHAS}
    r_head = {alpha: corr(p[scored], target[scored]) for alpha, p in heads.items()}
    alpha = max(ALPHAS, key=lambda a: r_head[a])
    head = heads[alpha]
    _, class_probs = cv_lr(speaker_normalised(pooled(data.states), data), data, CLASS_C)
    class_arousal = class_probs @ arousal_of
    r_class = corr(class_arousal[scored], target[scored])
    blends = {}
    for w in WEIGHTS:
        b = w * head + (1 - w) * class_arousal
        blends[w] = {"r": corr(b[scored], target[scored]), "strong_above_normal": share_above(b, pairs)}
    allowed = [w for w in WEIGHTS if blends[w]["r"] >= r_class - MAX_R_LOSS]
    weight = max(allowed, key=lambda w: blends[w]["strong_above_normal"]) if allowed else 0.0

    scaler = StandardScaler().fit(x[fit_rows])
    model = Ridge(alpha=alpha).fit(scaler.transform(x[fit_rows]), target[fit_rows])
    args.out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.out / "voice_arousal.npz",
        names=np.array(PROSODY_NAMES),
        mean=scaler.mean_.astype(np.float32),
        scale=scaler.scale_.astype(np.float32),
        coef=model.coef_.astype(np.float32),
        intercept=np.float32(model.intercept_),
        weight=np.float32(weight),
    )
    figures = {
        "cv_r_head_by_alpha": {str(a): round(r, 4) for a, r in r_head.items()},
        "alpha": alpha,
        "cv_r_class_adapted_linear": round(r_class, 4),
        "cv_strong_above_normal_class": round(share_above(class_arousal, pairs), 4),
        "cv_strong_above_normal_head": round(share_above(head, pairs), 4),
        "cv_blends": {str(w): {k: round(v, 4) for k, v in b.items()} for w, b in blends.items()},
        "weight": weight,
        "pairs": len(pairs),
        "train_rows": int(fit_rows.sum()),
    }
    (args.out / "arousal_training.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
