"""Train tenor's voice mood model on RAVDESS actors 1-16 (speaker-independent selection), export it for numpy.

Steps (fixed seeds throughout):

1. Read the features ``training/ser_features.py`` extracted (Whisper tiny.en encoder states as the listening
   stage hands them on: the middle of the encoder, after blocks 2 and 3 of 4, ``tenor.listen.encoder``;
   Praat statistics, eGeMAPS functionals; speed- and noise-perturbed copies of actors 1-16 only).
2. Compare candidates by 4-fold cross-validation grouped by actor over actors 1-16 (each fold holds out four
   whole actors, two male and two female; augmented copies of held-out actors are never trained on and never
   scored): logistic regression on each feature set (eGeMAPS, Praat, mean and spread of the encoder states)
   and their unions. The score is unweighted accuracy over the 8 classes (UA-8); a costlier candidate must
   win by 0.005 to be chosen.
3. The speaker-adapted head (the chosen features taken relative to the speaker's mean; tenor uses it once a
   conversation has given it enough utterances of that voice) is judged as a conversation uses it: each
   held-out clip against profiles of 10 other clips of its speaker, drawn at random (five draws averaged).
   Two ways to train it are compared: against each actor's mean over all of its clips, and against drawn
   10-clip profiles (three per clip), the noisier mean it meets at run time.
4. Train small convolutional attentive-pooling networks over the state sequence (``voice_mood_net.py``; three
   seeds, averaged) by the same folds, and mix their out-of-fold probabilities with the linear head's at a
   share chosen by CV from 0.3, 0.5, 0.7, separately for the cold and speaker-adapted heads (kept only if the
   mixture beats the linear head by the same margin).
5. Fit everything on all of actors 1-16: the cold head, the adapted head as chosen, and the networks.
   Temperatures are fitted on the out-of-fold mixtures (the adapted one over every drawn profile; calibration
   never sees the held-out actors); the eGeMAPS + logistic-regression baseline is written beside the model.

Actors 17-24 are read by nothing here: their figures come from ``tenor eval mood-voice``.

    python training/ser_features.py --data ../shared/data/ravdess/labels.csv --out artifacts/ser_feats.npz --augment
    python training/train_voice_mood.py --features artifacts/ser_feats.npz --out src/tenor/mood/models/voice_mood

Run time on this 2-core machine: 28 minutes in the latest run, 37 in one before (after the 40-minute feature
extraction), nearly all of it the networks (``--nets 0`` fits the linear heads alone in under 3).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import recall_score
from sklearn.preprocessing import StandardScaler

from tenor.mood.voice_features import pool_states

SEED = 7
CLASSES = ("neutral", "calm", "happy", "sad", "angry", "fearful", "disgust", "surprised")
TRAIN_ACTORS = range(1, 17)
# Four folds of four actors, two male (odd ids) and two female (even ids) in each.
FOLDS = ((1, 2, 9, 10), (3, 4, 11, 12), (5, 6, 13, 14), (7, 8, 15, 16))


@dataclass
class Data:
    states: list[np.ndarray]
    praat: np.ndarray
    gemaps: np.ndarray
    y: np.ndarray
    actor: np.ndarray
    gender: np.ndarray
    orig: np.ndarray


def load(path: Path) -> Data:
    d = np.load(path)
    offsets = np.concatenate([[0], np.cumsum(d["lengths"])])
    all_states = d["states"]
    keep = np.isin(d["actor"], list(TRAIN_ACTORS))
    idx = np.flatnonzero(keep)
    states = [all_states[offsets[i] : offsets[i + 1]].astype(np.float32) for i in idx]
    y = np.array([CLASSES.index(e) for e in d["emotion"][idx]])
    return Data(
        states,
        d["praat"][idx].astype(np.float32),
        d["gemaps"][idx].astype(np.float32),
        y,
        d["actor"][idx],
        d["gender"][idx],
        d["kind"][idx] == "orig",
    )


def pooled(states: list[np.ndarray]) -> np.ndarray:
    return np.stack([pool_states(s) for s in states])


def ua(y: np.ndarray, pred: np.ndarray) -> float:
    return float(recall_score(y, pred, average="macro", labels=list(range(len(CLASSES))), zero_division=0))


# --- linear candidates ------------------------------------------------------------------------------------


def fit_lr(x: np.ndarray, y: np.ndarray, c: float) -> tuple[StandardScaler, LogisticRegression]:
    scaler = StandardScaler().fit(x)
    model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced", random_state=SEED)
    model.fit(scaler.transform(x), y)
    return scaler, model


def cv_lr(x: np.ndarray, data: Data, c: float) -> tuple[float, np.ndarray]:
    oof = np.zeros((len(data.y), len(CLASSES)))
    for fold in FOLDS:
        held = np.isin(data.actor, fold)
        scaler, model = fit_lr(x[~held], data.y[~held], c)
        oof[held] = model.predict_proba(scaler.transform(x[held]))
    m = data.orig
    return ua(data.y[m], oof[m].argmax(1)), oof


def fit_temperature(logits: np.ndarray, y: np.ndarray) -> float:
    """Temperature minimising the negative log-likelihood of out-of-fold logits (grid search: one number)."""
    best, best_nll = 1.0, float("inf")
    for t in np.linspace(0.3, 4.0, 75):
        z = logits / t
        z = z - z.max(1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(1, keepdims=True))
        nll = -float(logp[np.arange(len(y)), y].mean())
        if nll < best_nll:
            best, best_nll = float(t), nll
    return best


def export_linear(
    x: np.ndarray,
    adapted: tuple[np.ndarray, np.ndarray],
    data: Data,
    c: float,
    temperatures: tuple[float, float],
    width: int,
    praat: bool,
    out: Path,
    nets: dict[str, np.ndarray],
) -> None:
    """Both heads for numpy: pooled states (and Praat statistics) -> standardise -> logistic regression, for a
    voice heard cold (``x``) and for one judged against its own mean (``adapted``: row indices into ``data`` and
    their centred features); and the networks (``nets``, the weights and the share of the mixture they take,
    empty for none)."""
    scaler, model = fit_lr(x, data.y, c)
    s_scaler, s_model = fit_lr(adapted[1], data.y[adapted[0]], c)
    np.savez_compressed(
        out / "voice_mood.npz",
        **nets,
        width=np.int32(width),
        uses_praat=np.bool_(praat),
        mean=scaler.mean_.astype(np.float32),
        scale=scaler.scale_.astype(np.float32),
        coef=model.coef_.astype(np.float32),
        intercept=model.intercept_.astype(np.float32),
        temperature=np.float32(temperatures[0]),
        s_mean=s_scaler.mean_.astype(np.float32),
        s_scale=s_scaler.scale_.astype(np.float32),
        s_coef=s_model.coef_.astype(np.float32),
        s_intercept=s_model.intercept_.astype(np.float32),
        s_temperature=np.float32(temperatures[1]),
    )


def export_baseline(data: Data, out: Path, c: float) -> None:
    m = data.orig
    scaler, model = fit_lr(data.gemaps[m], data.y[m], c)
    np.savez_compressed(
        out / "baseline_egemaps_lr.npz",
        mean=scaler.mean_,
        scale=scaler.scale_,
        coef=model.coef_,
        intercept=model.intercept_,
    )


# Candidates cheaper to run come first; a later one must beat the best so far by this much to be chosen.
MIN_GAIN = 0.005


def speaker_normalised(x: np.ndarray, data: Data) -> np.ndarray:
    """Each clip's features minus its actor's mean over the actor's original clips (mean only: with the ten or
    so utterances a conversation gives, a spread per dimension is too noisy to divide by; measured by CV)."""
    out = x.copy()
    for a in np.unique(data.actor):
        m = data.actor == a
        out[m] = x[m] - x[m & data.orig].mean(axis=0)
    return out


# Earlier utterances in the speaker profile the adapted head is judged (and may be trained) against: what a
# conversation has given tenor when the held-out figure's "after 10 utterances" is read (``MIN_PROFILE`` is 8).
PROFILE_CLIPS = 10
# Profiles drawn per clip to judge an adapted head by (one draw moves CV UA-8 by about 0.01) and to train one on.
PROFILE_DRAWS_CV = 5
PROFILE_DRAWS_TRAIN = 3


def draw_profiles(x: np.ndarray, data: Data, rows: np.ndarray, draws: int, seed: int) -> np.ndarray:
    """(draws, rows, features): for each row, the mean of ``PROFILE_CLIPS`` other original clips of its actor,
    drawn at random, as a conversation's profile holds them (never the clip itself; an augmented copy's own
    original may be among them, which only training rows are)."""
    rng = np.random.default_rng(seed)
    out = np.empty((draws, len(rows), x.shape[1]))
    index = np.arange(len(data.y))
    for j, i in enumerate(rows):
        others = np.flatnonzero((data.actor == data.actor[i]) & data.orig & (index != i))
        for r in range(draws):
            out[r, j] = x[rng.choice(others, PROFILE_CLIPS, replace=False)].mean(axis=0)
    return out


def profile_centred(x: np.ndarray, data: Data, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Training rows for an adapted head that has learnt from conversation-sized profiles: every clip centred on
    ``PROFILE_DRAWS_TRAIN`` drawn profiles (row indices into ``data``, features)."""
    rows = np.arange(len(data.y))
    prof = draw_profiles(x, data, rows, PROFILE_DRAWS_TRAIN, seed)
    return np.tile(rows, PROFILE_DRAWS_TRAIN), np.concatenate([x - p for p in prof])


def cv_adapted(x: np.ndarray, data: Data, c: float, train: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """Out-of-fold probabilities (draws, clips, classes) of an adapted head trained on ``train`` (row indices,
    centred features), each held-out original clip judged against ``PROFILE_DRAWS_CV`` drawn profiles of its
    speaker; rows other than held-out originals stay zero."""
    rows, feats = train
    held_orig = np.flatnonzero(data.orig)
    prof = draw_profiles(x, data, held_orig, PROFILE_DRAWS_CV, SEED + 1)
    oof = np.zeros((PROFILE_DRAWS_CV, len(data.y), len(CLASSES)))
    for fold in FOLDS:
        fit_rows = ~np.isin(data.actor[rows], fold)
        scaler, model = fit_lr(feats[fit_rows], data.y[rows][fit_rows], c)
        j = np.flatnonzero(np.isin(data.actor[held_orig], fold))
        for r in range(PROFILE_DRAWS_CV):
            oof[r, held_orig[j]] = model.predict_proba(scaler.transform(x[held_orig[j]] - prof[r, j]))
    return oof


def ua_draws(y: np.ndarray, probs: np.ndarray, m: np.ndarray) -> float:
    """UA-8 over the original clips ``m``, averaged over the profile draws (axis 0) when there are several."""
    stack = probs if probs.ndim == 3 else probs[None]
    return float(np.mean([ua(y[m], p[m].argmax(1)) for p in stack]))


def by_gender(data: Data, probs: np.ndarray) -> dict[str, float]:
    m = data.orig
    return {g: round(ua_draws(data.y, probs, m & (data.gender == g)), 4) for g in ("female", "male")}


def mix(net: np.ndarray, linear: np.ndarray, weight: float) -> np.ndarray:
    return weight * net + (1.0 - weight) * linear


def cv_nets(data: Data, seeds: tuple[int, ...]) -> np.ndarray:
    """Out-of-fold probabilities of the networks (mean over seeds), by the same folds as ``cv_lr``. Frame
    statistics for standardising come from each fold's training actors only."""
    import voice_mood_net as vn

    oof = np.zeros((len(data.y), len(CLASSES)))
    for fold in FOLDS:
        held = np.isin(data.actor, fold)
        train_rows = np.flatnonzero(~held)
        mean, scale = vn.frame_stats([data.states[i] for i in train_rows])
        seqs = vn.Sequences(data.states, mean, scale)
        for seed in seeds:
            net = vn.train(seqs, data.y, train_rows, len(CLASSES), SEED + seed)
            oof[held] += vn.predict(net, seqs, np.flatnonzero(held)) / len(seeds)
            print(f"  net fold {fold} seed {seed} done", file=sys.stderr, flush=True)
    return oof


def fit_nets(data: Data, seeds: tuple[int, ...]) -> dict[str, np.ndarray]:
    import voice_mood_net as vn

    mean, scale = vn.frame_stats(data.states)
    seqs = vn.Sequences(data.states, mean, scale)
    rows = np.arange(len(data.y))
    nets = [vn.train(seqs, data.y, rows, len(CLASSES), SEED + seed) for seed in seeds]
    return vn.export(nets, mean, scale, data.states[0][:60])


# Shares of the mixture the networks may take; chosen by CV, separately for the cold and adapted heads.
NET_WEIGHTS = (0.3, 0.5, 0.7)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--features", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--nets", type=int, default=3, help="networks (seeds) to average; 0 for the linear head alone")
    args = ap.parse_args()
    t0 = time.perf_counter()
    data = load(args.features)
    width = data.states[0].shape[1]
    pool = pooled(data.states)
    report: dict[str, Any] = {"cv_ua8": {}}
    for name, x in {"egemaps": data.gemaps, "praat": data.praat}.items():
        score, _ = cv_lr(x, data, 0.1)
        report["cv_ua8"][f"lr:{name}"] = round(score, 4)
        print(f"lr {name}: UA-8 {score:.3f}", file=sys.stderr, flush=True)
    # (name, cv score, out-of-fold probabilities, features, C), cheapest first.
    candidates: list[tuple[str, float, np.ndarray, np.ndarray, float]] = []
    for praat in (False, True):
        x = np.hstack([pool, data.praat]) if praat else pool
        # 0.003: the middle layers' 1,536 pooled values want a stronger penalty than the last layer's 768.
        for c in (0.003, 0.01, 0.1):
            score, oof = cv_lr(x, data, c)
            name = f"lr:whisper_pooled{'+praat' if praat else ''}:C={c}"
            report["cv_ua8"][name] = round(score, 4)
            print(f"{name}: UA-8 {score:.3f}", file=sys.stderr, flush=True)
            candidates.append((name, score, oof, x, c))
    best = candidates[0]
    for cand in candidates[1:]:
        if cand[1] > best[1] + MIN_GAIN:
            best = cand
    name, score, oof, x, c = best
    m = data.orig
    # The speaker-adapted head: the same features judged against the speaker's own mean. Trained against each
    # actor's mean over all of its clips, or against drawn conversation-sized profiles (a noisier mean, as at
    # run time); both judged as a conversation uses them, against ``PROFILE_CLIPS`` earlier utterances.
    xs_mean = speaker_normalised(x, data)
    report["cv_ua8"][f"{name}+speaker_mean (judged against all the speaker's clips)"] = round(
        cv_lr(xs_mean, data, c)[0], 4
    )
    adapted: list[tuple[str, float, np.ndarray, tuple[np.ndarray, np.ndarray]]] = []
    for head, train in (
        ("+speaker_mean", (np.arange(len(data.y)), xs_mean)),
        ("+profiles", profile_centred(x, data, SEED + 2)),
    ):
        head_oof = cv_adapted(x, data, c, train)
        u = ua_draws(data.y, head_oof, m)
        report["cv_ua8"][f"{name}{head}"] = round(u, 4)
        print(f"{name}{head}: UA-8 {u:.3f} (profiles of {PROFILE_CLIPS})", file=sys.stderr, flush=True)
        adapted.append((head, u, head_oof, train))
    s_head, s_score, s_oof, s_train = adapted[1] if adapted[1][1] > adapted[0][1] + MIN_GAIN else adapted[0]
    nets: dict[str, np.ndarray] = {}
    weight = s_weight = 0.0
    if args.nets:
        seeds = tuple(range(args.nets))
        net_oof = cv_nets(data, seeds)
        report["cv_ua8"][f"net:conv_attentive x{len(seeds)}"] = round(ua(data.y[m], net_oof[m].argmax(1)), 4)
        # Per head, the share that scores best, kept if it beats the linear head alone by the usual margin.
        chosen: list[tuple[float, float]] = []
        for head, lin_oof, base in (("", oof, score), (s_head, s_oof, s_score)):
            scored = []
            for w in NET_WEIGHTS:
                u = ua_draws(data.y, mix(net_oof, lin_oof, w), m)
                report["cv_ua8"][f"{name}{head} + net x{len(seeds)} at {w}"] = round(u, 4)
                print(f"{name}{head} + net at {w}: UA-8 {u:.3f}", file=sys.stderr, flush=True)
                scored.append((u, w))
            best_u, best_w = max(scored)
            chosen.append((best_w, best_u) if best_u > base + MIN_GAIN else (0.0, base))
        (weight, score), (s_weight, s_score) = chosen
        oof, s_oof = mix(net_oof, oof, weight), mix(net_oof, s_oof, s_weight)
        if weight or s_weight:
            nets = fit_nets(data, seeds)
            nets.update(net_weight=np.float32(weight), s_net_weight=np.float32(s_weight))
    temperature = fit_temperature(np.log(np.clip(oof[m], 1e-9, 1.0)), data.y[m])
    # Calibrated on every drawn profile's probabilities: the adapted reading's doubt as a conversation has it.
    s_temperature = fit_temperature(
        np.log(np.clip(s_oof[:, m].reshape(-1, len(CLASSES)), 1e-9, 1.0)), np.tile(data.y[m], len(s_oof))
    )
    report["cv_ua_by_gender"] = {"cold": by_gender(data, oof), "adapted": by_gender(data, s_oof)}
    args.out.mkdir(parents=True, exist_ok=True)
    export_linear(x, s_train, data, c, (temperature, s_temperature), width, "praat" in name, args.out, nets)
    export_baseline(data, args.out, 0.1)
    report.update(
        classes=list(CLASSES),
        selected=name,
        speaker_adapted=f"{name}{s_head}",
        profile_clips=PROFILE_CLIPS,
        selected_cv_ua8=round(score, 4),
        speaker_adapted_cv_ua8=round(s_score, 4),
        net_weight=weight,
        speaker_net_weight=s_weight,
        temperature=round(temperature, 3),
        speaker_temperature=round(s_temperature, 3),
        train_clips=len(data.y),
        train_clips_original=int(m.sum()),
        seconds=round(time.perf_counter() - t0, 1),
    )
    (args.out / "training.json").write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
