"""Whisper encoder time: tenor's onnxruntime encoder (final and middle layers) against CTranslate2's own.

The listening stage runs the encoder on onnxruntime so that the voice mood model can read its middle layers
(``tenor.listen.encoder``); CTranslate2 (int8, as faster-whisper loads it) returns only the final layer and
is the baseline, timed in the same run on the same windows, alternating, so the ratio does not depend on
how busy this shared machine is. Windows are RAVDESS recordings padded as the listener pads them (10 s, the
shortest window; and 30 s, the longest). Then whole decodes (``WhisperSTT.decode``, 2 beams) of 20 RAVDESS
recordings each way: tenor's encoder with CTranslate2's decoder (middle layers kept, as the listener runs),
against CTranslate2's encoder and decoder (the path tenor falls back to for another Whisper model). Prints
figures; asserts nothing.

    python benchmarks/encoder.py [--repeats 30] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import numpy as np

from tenor.audio.io import load_file, to_float
from tenor.listen.stt import SttOptions, WhisperSTT

CLIP = Path(__file__).resolve().parents[2] / "shared/data/ravdess/flac/Actor_01/03-01-05-02-01-01-01.flac"


def p50s(times: dict[str, list[float]]) -> dict[str, float]:
    """Each way's median in ms, and tenor's over CTranslate2's."""
    ours, base = (statistics.median(times[k]) * 1000 for k in ("onnxruntime", "ctranslate2"))
    return {"onnxruntime_ms_p50": round(ours, 1), "ctranslate2_ms_p50": round(base, 1), "ratio": round(ours / base, 2)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeats", type=int, default=30)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    stt = WhisperSTT(SttOptions())
    feats = stt._model.feature_extractor(to_float(load_file(CLIP)[0]))
    out: dict[str, dict[str, float]] = {}
    for seconds in (10, 30):
        window = np.zeros((feats.shape[0], seconds * 100), np.float32)
        window[:, : feats.shape[1]] = feats
        times: dict[str, list[float]] = {"onnxruntime": [], "ctranslate2": []}
        stt._encoder(window), stt._model.encode(window)  # warm both
        for _ in range(args.repeats):
            t0 = time.perf_counter()
            stt._encoder(window)
            t1 = time.perf_counter()
            stt._model.encode(window)
            t2 = time.perf_counter()
            times["onnxruntime"].append(t1 - t0)
            times["ctranslate2"].append(t2 - t1)
        out[f"{seconds} s window"] = p50s(times)
    clips = sorted(CLIP.parents[1].glob("Actor_17/*.flac"))[:20]
    audio = [to_float(load_file(p)[0]) for p in clips]
    encoder = stt._encoder
    decodes: dict[str, list[float]] = {"onnxruntime": [], "ctranslate2": []}
    for _ in range(2):
        for y in audio:
            for name in decodes:
                stt._encoder = encoder if name == "onnxruntime" else None
                t0 = time.perf_counter()
                stt.decode(y, states=name == "onnxruntime")
                decodes[name].append(time.perf_counter() - t0)
    stt._encoder = encoder
    out["decode"] = p50s(decodes)
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        for name, r in out.items():
            print(
                f"{name}: onnxruntime {r['onnxruntime_ms_p50']} ms p50, CTranslate2 "
                f"{r['ctranslate2_ms_p50']} ms p50, ratio {r['ratio']}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
