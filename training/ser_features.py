"""Extract voice features for every RAVDESS recording once, for training and model selection.

For each file: the Whisper tiny.en encoder states exactly as the listening stage hands them on
(``WhisperSTT.encode_states``: same front end, same padded window), Praat pitch/energy/voice-quality
statistics (``tenor.mood.voice_features``), and eGeMAPS functionals (opensmile, for the baseline and the
feature comparison). Augmented copies (speed and noise perturbation) are made only for actors 1-16: the
held-out actors 17-24 are read once, as they are, for the reported figures.

    python training/ser_features.py --data ../shared/data/ravdess/labels.csv --out artifacts/ser_feats.npz

About 6 minutes on 2 cores without augmentation, 15 with it.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

import numpy as np

from tenor.audio.io import load_file, to_float
from tenor.listen.stt import SttOptions, WhisperSTT
from tenor.mood.voice_features import praat_features

SEED = 7
# Test actors: never augmented, never seen by training or selection.
TEST_ACTORS = frozenset(range(17, 25))


def _augment(audio: np.ndarray, rng: np.random.Generator) -> list[tuple[str, np.ndarray]]:
    import soxr

    out: list[tuple[str, np.ndarray]] = []
    for factor in (0.9, 1.1):
        # Resampling as speed perturbation: tempo and pitch move together, as in Ko et al. 2015.
        y = soxr.resample(audio, 16000, int(16000 / factor)).astype(np.float32)
        out.append((f"speed{factor}", y))
    rms = float(np.sqrt(np.mean(audio**2))) + 1e-9
    for snr_db in (20.0,):
        noise = rng.standard_normal(len(audio)).astype(np.float32) * rms / (10 ** (snr_db / 20))
        out.append((f"noise{snr_db:.0f}", (audio + noise).astype(np.float32)))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--augment", action="store_true", help="speed and noise copies of actors 1-16")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    rng = np.random.default_rng(SEED)
    import opensmile

    smile = opensmile.Smile(
        feature_set=opensmile.FeatureSet.eGeMAPSv02, feature_level=opensmile.FeatureLevel.Functionals
    )
    stt = WhisperSTT(SttOptions())
    with args.data.open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    if args.limit:
        rows = rows[: args.limit]
    states: list[np.ndarray] = []
    praat: list[np.ndarray] = []
    gemaps: list[np.ndarray] = []
    meta: list[tuple[str, int, str, str, str, str]] = []
    t0 = time.perf_counter()
    for i, row in enumerate(rows):
        pcm, _ = load_file(args.data.parent / row["path"])
        audio = to_float(pcm)
        actor = int(row["actor"])
        versions = [("orig", audio)]
        if args.augment and actor not in TEST_ACTORS:
            versions += _augment(audio, rng)
        for kind, y in versions:
            states.append(stt.encode_states(y).astype(np.float16))
            praat.append(praat_features(y))
            gemaps.append(smile.process_signal(y, 16000).to_numpy()[0].astype(np.float32))
            meta.append((row["path"], actor, row["gender"], row["emotion"], row["intensity"], kind))
        if i % 100 == 0:
            print(f"{i}/{len(rows)} {time.perf_counter() - t0:.0f}s", file=sys.stderr, flush=True)
    lengths = np.array([len(s) for s in states])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.out,
        states=np.concatenate(states),
        lengths=lengths,
        praat=np.stack(praat),
        gemaps=np.stack(gemaps),
        path=np.array([m[0] for m in meta]),
        actor=np.array([m[1] for m in meta]),
        gender=np.array([m[2] for m in meta]),
        emotion=np.array([m[3] for m in meta]),
        intensity=np.array([m[4] for m in meta]),
        kind=np.array([m[5] for m in meta]),
    )
    print(f"{len(meta)} clips in {time.perf_counter() - t0:.0f}s -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
