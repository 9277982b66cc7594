"""How long after a voice's last loud sound the endpointer pauses (the speculative decode and early reply start
there) and ends the turn, with and without the quiet-frame rule (``EndpointOptions.quiet_below_peak_db``).

Each RAVDESS recording is played with its natural ending, followed by quiet room hiss (white noise at RMS 30,
as in ``latency.py``), through Silero and the endpointer alone (no decoding). The last loud sound is the
last sample whose 20 ms RMS is above 400 or a tenth of the recording's loudest, whichever is lower. Also
counted: recordings that did not come out as exactly one turn (a rule that cuts too eagerly splits them).
Actors 1-16 by default: this is for choosing settings, so it never reads the held-out actors unless asked.

    python benchmarks/endpoint_lag.py [--quiet-db 0 30 35 40] [--actors 1-16]
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import numpy as np

from tenor.audio.io import load_file
from tenor.cli.main import single_threaded_blas
from tenor.listen.vad import FRAME_MS, FRAME_SAMPLES, Endpointer, EndpointOptions, SileroVad, frame_level_db

RAVDESS = Path(__file__).resolve().parents[2] / "shared" / "data" / "ravdess"
RATE_HZ = 16_000


def last_loud_s(x: np.ndarray) -> float:
    win = 320
    env = np.sqrt(np.convolve(x.astype(np.float64) ** 2, np.ones(win) / win, mode="same"))
    return float((np.flatnonzero(env > min(400.0, 0.1 * env.max()))[-1] + 1) / RATE_HZ)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quiet-db", type=float, nargs="+", default=[0.0, 35.0], help="settings to compare (0: off)")
    ap.add_argument("--actors", default="1-16", help="first-last actor (default 1-16, the tuning speakers)")
    args = ap.parse_args()
    single_threaded_blas()
    lo, hi = (int(a) for a in args.actors.split("-"))
    rows = [r for r in csv.DictReader((RAVDESS / "labels.csv").open()) if lo <= int(r["actor"]) <= hi]
    rng = np.random.default_rng(3)
    vad = SileroVad()
    pauses: dict[float, list[float]] = {q: [] for q in args.quiet_db}
    ends: dict[float, list[float]] = {q: [] for q in args.quiet_db}
    not_one: dict[float, int] = {q: 0 for q in args.quiet_db}
    for r in rows:
        hiss = (rng.standard_normal(RATE_HZ * 2) * 30).astype(np.int16)
        x = np.concatenate([hiss[: RATE_HZ // 2], load_file(RAVDESS / r["path"])[0], hiss[RATE_HZ // 2 :]])
        last = last_loud_s(x)
        for q in args.quiet_db:
            vad.reset()
            ep = Endpointer(EndpointOptions(quiet_below_peak_db=q))
            seen: list[tuple[str, float]] = []
            for i in range(0, len(x) - FRAME_SAMPLES + 1, FRAME_SAMPLES):
                frame = x[i : i + FRAME_SAMPLES]
                seen += [(e.kind, (e.frame + 1) * FRAME_MS / 1000) for e in ep.push(vad(frame), frame_level_db(frame))]
            turn_ends = [t for k, t in seen if k == "end"]
            not_one[q] += len(turn_ends) != 1
            if turn_ends:
                before = [t for k, t in seen if k == "pause" and t <= turn_ends[-1]]
                if before:
                    pauses[q].append(1000 * (before[-1] - last))
                ends[q].append(1000 * (turn_ends[-1] - last))
    print(f"{len(rows)} recordings of actors {args.actors}; ms after the last loud sound (p50 / p90)")
    for q in args.quiet_db:
        p, e = np.array(pauses[q]), np.array(ends[q])
        print(
            f"quiet_below_peak_db {q:>4g}: pause {np.median(p):.0f} / {np.percentile(p, 90):.0f}, "
            f"end {np.median(e):.0f} / {np.percentile(e, 90):.0f}, not exactly one turn: {not_one[q]}"
        )


if __name__ == "__main__":
    main()
