"""Which of the Whisper encoder's layers the voice mood model should read, by cross-validation on actors 1-16.

For every RAVDESS recording of actors 1-16 (originals only, as the listener hands them on: same front end,
same padded window), the residual stream after each of tiny.en's 4 blocks and the final (normalised) layer,
each pooled to its mean and spread over time; then a logistic regression per layer and per union of layers,
scored by UA-8 over the same actor-grouped folds as ``train_voice_mood.py``. Actors 17-24 are not read.

    python training/choose_encoder_layers.py --data ../shared/data/ravdess/labels.csv

About 5 minutes on 2 cores. The table it prints is in the voice mood model's card.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import recall_score
from sklearn.preprocessing import StandardScaler

from export_whisper_encoder import build
from tenor.audio.io import load_file, to_float
from tenor.listen.ct2_weights import encoder_blocks, encoder_weights
from tenor.listen.encoder import WhisperEncoder
from tenor.listen.stt import SttOptions, WhisperSTT, bundled_model_path
from tenor.mood.voice_features import pool_states
from train_voice_mood import CLASSES, FOLDS, SEED, TRAIN_ACTORS

UNIONS = ((2, 3), (2, 5), (3, 5), (2, 3, 5), (1, 2, 3, 5))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True)
    args = ap.parse_args()
    weights, heads = encoder_weights(bundled_model_path() / "model.bin")
    blocks = encoder_blocks(weights)
    # The listener's encoder, but with a graph that keeps every block.
    graph = build(weights, heads, keep=tuple(range(1, blocks + 1))).SerializeToString()
    encoder = WhisperEncoder(bundled_model_path() / "model.bin", graph=graph)
    stt = WhisperSTT(SttOptions())
    with args.data.open(newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if int(r["actor"]) in TRAIN_ACTORS]
    width = int(weights["encoder/conv2/bias"].shape[0])
    pooled: list[np.ndarray] = []
    for i, row in enumerate(rows):
        audio = to_float(load_file(args.data.parent / row["path"])[0])
        mel, n = stt.mel_window(audio)
        final, middle = encoder(mel)
        steps = max(1, n // 2)
        layers = [middle[0, :steps, k * width : (k + 1) * width] for k in range(blocks)] + [final[0, :steps]]
        pooled.append(np.stack([pool_states(h) for h in layers]))
        if i % 200 == 0:
            print(f"{i}/{len(rows)}", file=sys.stderr, flush=True)
    x_all = np.stack(pooled)
    y = np.array([CLASSES.index(r["emotion"]) for r in rows])
    actor = np.array([int(r["actor"]) for r in rows])
    names = [f"block {k}" for k in range(1, blocks + 1)] + ["final (normalised)"]

    def cv(x: np.ndarray, c: float) -> float:
        oof = np.zeros(len(y), dtype=int)
        for fold in FOLDS:
            held = np.isin(actor, fold)
            scaler = StandardScaler().fit(x[~held])
            model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced", random_state=SEED)
            model.fit(scaler.transform(x[~held]), y[~held])
            oof[held] = model.predict(scaler.transform(x[held]))
        return float(recall_score(y, oof, average="macro"))

    print("| layers | " + " | ".join(f"C = {c}" for c in (0.003, 0.01, 0.03)) + " |")
    print("|---|---|---|---|")
    sets = [(k,) for k in range(1, blocks + 2)] + [u for u in UNIONS if max(u) <= blocks + 1]
    for keep in sets:
        x = np.concatenate([x_all[:, k - 1] for k in keep], axis=1)
        label = " + ".join(names[k - 1] for k in keep)
        print(f"| {label} | " + " | ".join(f"{cv(x, c):.3f}" for c in (0.003, 0.01, 0.03)) + " |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
