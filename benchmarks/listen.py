"""Listening latency and throughput. Prints figures; asserts nothing about absolute time.

1. End of speech to final transcript, for 3-5 s utterances streamed in real time (20 ms chunks, as a
   microphone delivers them) through the live listener (partials and speculative final decoding on).
   Two figures: from the end-of-turn decision (SpeechEnded) to the final transcript, and from the last
   voiced audio to the final transcript (which includes the silence that ends a turn, 600 ms by default).
   Baseline from the same run: decoding each utterance from scratch once the turn has ended, as a listener
   without speculation would; the ratio of the two is the part that does not depend on this machine. Also how
   long before the end-of-turn decision the listener offered the words (``TurnGuess``): the head start the
   server's early reply gets.
2. Real-time factor on a long file (RAVDESS clips joined, default 10 minutes; ``--long FILE`` for your
   own), through the file listener, with the peak resident memory before and after.

    python benchmarks/listen.py [--utterances 20] [--long-minutes 10] [--long FILE] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import resource
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
RAVDESS = ROOT.parent / "shared" / "data" / "ravdess"

from tenor.audio.io import load_file, to_float, write_wav  # noqa: E402
from tenor.events import AudioChunk, Event, SpeechEnded, SpeechResumed, Transcript, TurnGuess  # noqa: E402
from tenor.listen.files import listen_file  # noqa: E402
from tenor.listen.listener import Listener, ListenOptions  # noqa: E402
from tenor.listen.stt import shared_stt  # noqa: E402

CHUNK_MS = 20


def speech_only(x: np.ndarray) -> np.ndarray:
    win = 320
    rms = np.sqrt(np.convolve(x.astype(np.float64) ** 2, np.ones(win) / win, mode="same"))
    loud = np.flatnonzero(rms > 400)
    return x[loud[0] : loud[-1] + 1] if len(loud) else x


def utterances(n: int) -> list[np.ndarray]:
    """3-5 s utterances: two RAVDESS statements of one speaker joined by a 0.3 s pause."""
    rows = list(csv.DictReader((RAVDESS / "labels.csv").open()))
    rng = np.random.default_rng(7)
    out = []
    while len(out) < n:
        a, b = rng.choice(len(rows), 2, replace=False)
        x = np.concatenate([speech_only(load_file(RAVDESS / rows[a]["path"])[0]), np.zeros(4800, np.int16),
                            speech_only(load_file(RAVDESS / rows[b]["path"])[0])])  # fmt: skip
        if 3.0 <= len(x) / 16000 <= 5.0:
            out.append(x)
    return out


async def one_turn(listener: Listener, speech: np.ndarray) -> dict[str, float]:
    stream = np.concatenate([np.zeros(8000, np.int16), speech, np.zeros(32000, np.int16)])
    step = 16 * CHUNK_MS
    speech_end_sample = 8000 + len(speech)
    marks: dict[str, float] = {}

    async def source() -> AsyncIterator[Event]:
        t0 = time.perf_counter()
        for i in range(0, len(stream), step):
            # Real time: chunk i is available at t0 + its end time.
            due = t0 + (i + step) / 16000
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
            if i <= speech_end_sample < i + step:
                marks["speech_end"] = time.perf_counter()
            yield AudioChunk(turn_id=0, pcm=stream[i : i + step].tobytes(), sample_rate_hz=16000)

    async for ev in listener(source()):
        if isinstance(ev, TurnGuess) and "endpoint" not in marks:
            marks["guess"] = time.perf_counter()
        if isinstance(ev, SpeechResumed):
            marks.pop("guess", None)
        if isinstance(ev, SpeechEnded) and "endpoint" not in marks:
            marks["endpoint"] = time.perf_counter()
        if isinstance(ev, Transcript) and ev.final and "final" not in marks:
            marks["final"] = time.perf_counter()
    return marks


def latency(n: int) -> dict[str, object]:
    stt = shared_stt()
    stt.decode(to_float(np.zeros(16000, np.int16)))  # warm up
    after_endpoint, after_speech, baseline = [], [], []
    guess_lead = []  # how long before the end-of-turn decision the words were offered (the early reply's head start)
    for speech in utterances(n):
        marks = asyncio.run(one_turn(Listener(stt, ListenOptions()), speech))
        if "final" in marks:
            after_endpoint.append((marks["final"] - marks["endpoint"]) * 1000)
            after_speech.append((marks["final"] - marks["speech_end"]) * 1000)
        if "guess" in marks and "endpoint" in marks:
            guess_lead.append((marks["endpoint"] - marks["guess"]) * 1000)
        t0 = time.perf_counter()
        stt.decode(to_float(np.concatenate([np.zeros(4800, np.int16), speech, np.zeros(3200, np.int16)])),
                   words=True, states=True)  # fmt: skip
        baseline.append((time.perf_counter() - t0) * 1000)

    def pct(xs: list[float], q: float) -> float:
        return round(float(np.percentile(xs, q)), 1) if xs else float("nan")

    return {
        "utterances": n,
        "finals": len(after_endpoint),
        "endpoint_to_final_ms_p50": pct(after_endpoint, 50),
        "endpoint_to_final_ms_p95": pct(after_endpoint, 95),
        "speech_end_to_final_ms_p50": pct(after_speech, 50),
        "speech_end_to_final_ms_p95": pct(after_speech, 95),
        "guesses": len(guess_lead),
        "guess_before_endpoint_ms_p50": pct(guess_lead, 50),
        "guess_before_endpoint_ms_min": round(min(guess_lead), 1) if guess_lead else None,
        "baseline_decode_after_end_ms_p50": pct(baseline, 50),
        "ratio_to_baseline_p50": round(pct(after_endpoint, 50) / pct(baseline, 50), 3) if baseline else None,
        "end_silence_ms": ListenOptions().endpoint.end_silence_ms,
    }


def long_file(minutes: float, path: str | None) -> dict[str, object]:
    if path is None:
        rows = list(csv.DictReader((RAVDESS / "labels.csv").open()))
        tmp = Path(tempfile.mkdtemp()) / "long.wav"
        target = int(minutes * 60 * 16000)
        parts, total, i = [], 0, 0
        while total < target:
            x = load_file(RAVDESS / rows[i % len(rows)]["path"])[0]
            parts.append(x)
            total += len(x)
            i += 1
        write_wav(tmp, np.concatenate(parts)[:target], 16000)
        path = str(tmp)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    stt = shared_stt()
    heard = asyncio.run(listen_file(path, stt))
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "file": path,
        "audio_s": round(heard.report.seconds, 1),
        "wall_s": round(heard.seconds, 1),
        "real_time_factor": round(heard.seconds / heard.report.seconds, 4),
        "utterances": len(heard.utterances),
        "peak_rss_mb_before": round(rss_before, 1),
        "peak_rss_mb_after": round(rss_after, 1),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--utterances", type=int, default=20)
    ap.add_argument("--long-minutes", type=float, default=10.0)
    ap.add_argument("--long", help="a long audio file of your own instead of joined RAVDESS clips")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    result = {"latency": latency(args.utterances), "long_file": long_file(args.long_minutes, args.long)}
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for section, figures in result.items():
            print(section)
            for k, v in figures.items():
                print(f"  {k:36} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
