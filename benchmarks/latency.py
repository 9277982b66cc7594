"""Voice-to-voice latency through the WebSocket, in real time, with a per-stage breakdown and barge-in.

Starts ``tenor serve`` on a free loopback port (real models: Silero VAD, Whisper tiny.en, the configured reply
backend, Piper), opens one session and speaks N scripted turns into it as a microphone would: 3-5 s RAVDESS
utterances (two statements of one speaker joined by a 0.3 s pause), 20 ms PCM16 chunks each sent when its
audio has "happened", with room silence between turns. Voice-to-voice latency is measured on the client:
from the end of the user's speech (the last voiced sample of the utterance, as sent) to the first byte of
reply audio received (``p50_ms``), and also from when the chunk holding that sample actually left the client
(``p50_ms_from_send``; the client shares the CPU with the server and sometimes sends late). The per-stage
breakdown comes from the server's ``marks_ms`` (ms after the last voiced audio reached it): words offered
early, endpoint decision, final transcript, mood, input screen, first screened sentence, first audio frame
sent. Every ``--barge-every``-th turn, the next utterance starts ``--barge-after`` (1 s) into the reply (from its
first audio byte received): barge-in latency is from
the first voiced sample of that utterance (as sent) to the ``flush`` message received. ``--tuning`` speaks
as actors 1-16 for trying settings; reported figures use the held-out 17-24. ``--natural-endings`` keeps
0.3 s of each utterance's recording after its last voiced sample (its own decay and room), where by default
the audio stops there: the voice detector then has to hear the ending as it would from a microphone.

    python benchmarks/latency.py [--turns 8] [--barge-every 2] [--barge-after 1.0] [--json] [--tuning]
                                 [--natural-endings] [--url ws://HOST:PORT/ws]
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
RAVDESS = ROOT.parent / "shared" / "data" / "ravdess"
RATE_HZ = 16_000
CHUNK = RATE_HZ // 50  # 20 ms
STAGES = ("guess", "endpoint", "stt_final", "mood", "screen", "first_sentence", "first_audio")

from tenor.audio.io import load_file  # noqa: E402


def voiced(x: np.ndarray) -> np.ndarray:
    win = 320
    return np.sqrt(np.convolve(x.astype(np.float64) ** 2, np.ones(win) / win, mode="same")) > 400


# Recording kept after a statement's last loud sample with --natural-endings.
TAIL_S = 0.3


def speech_only(x: np.ndarray, tail_s: float = 0.0) -> np.ndarray:
    """The recording from its first loud sample to its last, and ``tail_s`` of it after that."""
    loud = np.flatnonzero(voiced(x))
    return x[loud[0] : loud[-1] + 1 + int(tail_s * RATE_HZ)] if len(loud) else x


def ends_inside(x: np.ndarray) -> bool:
    """Whether the listener's endpointer (Silero, default options) would end a turn inside this audio: an actor's
    long pause after one word ("Kids ... are talking by the door") makes one recording two turns by design,
    and the second then barges into the reply to the first, which a latency or load run must not count."""
    from tenor.listen.vad import Endpointer, SileroVad

    vad, endpointer = SileroVad(), Endpointer()
    frame = 512
    for i in range(0, len(x) - frame + 1, frame):
        if any(e.kind == "end" for e in endpointer.push(vad(x[i : i + frame]))):
            return True
    return False


def utterances(
    n: int, seed: int = 11, actors: range = range(17, 25), natural_endings: bool = False
) -> list[np.ndarray]:
    """3-5 s utterances: two RAVDESS statements of one speaker (by default of the held-out actors 17-24, for
    reported figures; 1-16 for tuning) with a 0.3 s pause, none with a pause inside that ends a turn
    (``ends_inside``). Each statement is cut where its sound drops below a fixed level; with
    ``natural_endings`` the second keeps the recording's next ``TAIL_S`` (the voice's own decay and the room),
    so the voice detector hears a real ending instead of a sudden stop."""
    rows = [r for r in csv.DictReader((RAVDESS / "labels.csv").open()) if int(r["actor"]) in actors]
    rng = np.random.default_rng(seed)
    out: list[np.ndarray] = []
    while len(out) < n:
        a = rows[int(rng.integers(len(rows)))]
        same = [r for r in rows if r["actor"] == a["actor"] and r["path"] != a["path"]]
        b = same[int(rng.integers(len(same)))]
        x = np.concatenate(
            [
                speech_only(load_file(RAVDESS / a["path"])[0]),
                np.zeros(4800, np.int16),
                speech_only(load_file(RAVDESS / b["path"])[0], TAIL_S if natural_endings else 0.0),
            ]
        )
        if 3.0 <= len(x) / RATE_HZ <= 5.0 and not ends_inside(x):
            out.append(x)
    return out


class Mic:
    """Streams room silence, and an utterance when asked, in real time; remembers when speech began/ended."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.queue: list[np.ndarray] = []
        self.onsets: list[float] = []
        self.ends: list[float] = []
        # When the chunk holding each onset actually went out: later than its audio happened when this process
        # is starved of CPU (the server shares the machine), which a real microphone on another device is not.
        self.onsets_sent: list[float] = []
        # Likewise when the chunk holding each utterance's last loud sample went out.
        self.ends_sent: list[float] = []
        self.stopped = False

    def say(self, x: np.ndarray) -> None:
        self.queue.append(x)

    async def run(self) -> None:
        t0 = time.perf_counter()
        sent = 0  # samples sent so far
        current: np.ndarray | None = None
        pos = 0
        rng = np.random.default_rng(3)
        onset_at = -1  # position in ``current`` of its first loud sample, until the chunk holding it is sent
        end_at = -1  # and of its last loud sample
        while not self.stopped:
            if current is None and self.queue:
                current, pos = self.queue.pop(0), 0
                loud = np.flatnonzero(voiced(current))
                start = t0 + sent / RATE_HZ
                self.onsets.append(start + loud[0] / RATE_HZ)
                self.ends.append(start + (loud[-1] + 1) / RATE_HZ)
                onset_at, end_at = int(loud[0]), int(loud[-1])
            holds_onset = current is not None and 0 <= onset_at < pos + CHUNK
            holds_end = current is not None and 0 <= end_at < pos + CHUNK
            if current is not None:
                chunk = current[pos : pos + CHUNK]
                pos += CHUNK
                if pos >= len(current):
                    current = None
                if len(chunk) < CHUNK:
                    chunk = np.concatenate([chunk, np.zeros(CHUNK - len(chunk), np.int16)])
            else:
                chunk = (rng.standard_normal(CHUNK) * 30).astype(np.int16)  # quiet room
            sent += CHUNK
            # A microphone delivers a chunk once its audio has happened.
            await asyncio.sleep(max(0.0, t0 + sent / RATE_HZ - time.perf_counter()))
            await self.ws.send(chunk.astype("<i2").tobytes())
            if holds_onset:
                self.onsets_sent.append(time.perf_counter())
                onset_at = -1
            if holds_end:
                self.ends_sent.append(time.perf_counter())
                end_at = -1


async def session(
    url: str,
    turns: int,
    barge_every: int,
    actors: range = range(17, 25),
    natural_endings: bool = False,
    barge_after_s: float = 1.0,
) -> dict[str, Any]:
    import websockets

    speech = utterances(turns + turns // max(1, barge_every) + 1, actors=actors, natural_endings=natural_endings)
    latencies: list[float] = []
    latencies_sent: list[float] = []
    stages: dict[str, list[float]] = {s: [] for s in STAGES}
    barge: list[float] = []
    barge_sent: list[float] = []
    too_short = 0  # barge-ins not made: the reply had ended
    late_frames = 0
    statuses: list[str] = []
    # Per turn: the client's voice-to-voice time beside the server's milestones (each from its own origin: the
    # client's is the last loud sample sent, the server's the last frame its voice detector heard as speech).
    detail: list[dict[str, Any]] = []
    async with websockets.connect(url, max_size=None) as ws:
        ready = json.loads(await ws.recv())
        assert ready["type"] == "ready", ready
        await ws.send(json.dumps({"type": "start", "sample_rate_hz": RATE_HZ}))
        mic = Mic(ws)
        mic_task = asyncio.create_task(mic.run())
        first_audio: dict[int, float] = {}
        flushes: list[tuple[float, int]] = []
        ended: dict[int, dict[str, Any]] = {}
        started: list[int] = []
        arrived = asyncio.Event()

        async def receive() -> None:
            async for msg in ws:
                now = time.perf_counter()
                if isinstance(msg, bytes):
                    turn = int.from_bytes(msg[:4], "little")
                    first_audio.setdefault(turn, now)
                    if any(turn <= t for _, t in flushes):
                        nonlocal late_frames
                        late_frames += 1
                else:
                    m = json.loads(msg)
                    if m["type"] == "flush":
                        flushes.append((now, m["turn"]))
                    elif m["type"] == "turn_started":
                        started.append(m["turn"])
                    elif m["type"] == "turn_ended":
                        ended[m["turn"]] = m
                    elif m["type"] == "error":
                        print(f"server error: {m['message']}", file=sys.stderr)
                arrived.set()

        async def until(pred: Any, timeout: float = 60.0) -> None:
            await wait_until(arrived, pred, timeout, "the server did not answer in time")

        rx = asyncio.create_task(receive())
        await asyncio.sleep(1.0)
        k = 0
        pending_barge = False
        for i in range(turns):
            n_started = len(started)
            if not pending_barge:
                mic.say(speech[k])
                k += 1
            pending_barge = False
            end_at = None
            await until(lambda n=n_started: len(started) > n)
            turn = started[n_started]
            end_at = mic.ends[-1]
            await until(lambda t=turn: t in first_audio or t in ended)
            v2v = (first_audio[turn] - end_at) * 1000.0 if turn in first_audio else None
            if v2v is not None:
                latencies.append(v2v)
                latencies_sent.append((first_audio[turn] - mic.ends_sent[-1]) * 1000.0)
            if barge_every and (i + 1) % barge_every == 0 and i + 1 < turns and turn in first_audio:
                await asyncio.sleep(barge_after_s)
                n_flush = len(flushes)
                mic.say(speech[k])
                k += 1
                pending_barge = True
                # A reply shorter than the wait (the small model sometimes answers in three words) has ended
                # before the person speaks: nothing to cut, and what they say is simply the next turn.
                await until(lambda n=n_flush, t=turn: len(flushes) > n or t in ended)
                if len(flushes) > n_flush:
                    barge.append((flushes[n_flush][0] - mic.onsets[-1]) * 1000.0)
                    barge_sent.append((flushes[n_flush][0] - mic.onsets_sent[-1]) * 1000.0)
                else:
                    too_short += 1
            await until(lambda t=turn: t in ended, timeout=120.0)
            marks = ended[turn].get("marks_ms", {})
            statuses.append(ended[turn]["status"])
            detail.append(
                {
                    "voice_to_voice_ms": None if v2v is None else round(v2v, 1),
                    "voice_to_voice_ms_from_send": None if v2v is None else round(latencies_sent[-1], 1),
                    "marks_ms": marks,
                    "status": ended[turn]["status"],
                }
            )
            for s in STAGES:
                if s in marks:
                    stages[s].append(marks[s])
            if not pending_barge:
                await asyncio.sleep(0.5)
        mic.stopped = True
        await mic_task
        rx.cancel()
    return {
        "latencies": latencies,
        "latencies_sent": latencies_sent,
        "stages": stages,
        "barge": barge,
        "barge_sent": barge_sent,
        "too_short": too_short,
        "late_frames": late_frames,
        "statuses": statuses,
        "detail": detail,
    }


def pct(xs: list[float], q: float) -> float | None:
    return round(float(np.percentile(xs, q)), 1) if xs else None


async def wait_until(arrived: asyncio.Event, pred: Any, timeout_s: float, what: str) -> None:
    """Wait until ``pred()`` holds, re-checking whenever ``arrived`` is set (a message came in)."""
    deadline = time.perf_counter() + timeout_s
    while not pred():
        arrived.clear()
        left = deadline - time.perf_counter()
        if left <= 0:
            raise TimeoutError(what)
        try:
            await asyncio.wait_for(arrived.wait(), left)
        except TimeoutError:
            pass


def wait_healthy(proc: subprocess.Popen[bytes], port: int, timeout_s: float, poll_s: float, name: str) -> None:
    """Return once the server in ``proc`` answers /healthz; RuntimeError if it exits or stays silent."""
    import httpx

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{name} exited: {proc.stderr.read().decode() if proc.stderr else ''}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(poll_s)
    proc.kill()
    raise RuntimeError(f"{name} did not start in {timeout_s:g} s")


def serve(port: int, home: Path, extra: list[str]) -> subprocess.Popen[bytes]:
    env = {**os.environ, "TENOR_HOME": str(home)}
    cmd = [sys.executable, "-m", "tenor", "serve", "--port", str(port), "--store", str(home / "bench.db"), *extra]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_healthy(proc, port, 180, 0.3, "tenor serve")
    except RuntimeError as err:
        raise SystemExit(str(err)) from None
    return proc


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--turns", type=int, default=8, help="spoken turns (default 8)")
    ap.add_argument("--barge-every", type=int, default=2, help="barge into every Nth reply (0: never)")
    ap.add_argument(
        "--barge-after", type=float, default=1.0, help="seconds into a reply (from its first audio) to barge in"
    )
    ap.add_argument("--url", help="an already running server's WebSocket URL (default: start one)")
    ap.add_argument("--set", action="append", default=[], help="server setting SECTION.KEY=VALUE (repeatable)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument(
        "--tuning",
        action="store_true",
        help="speak as RAVDESS actors 1-16, for trying settings (reported figures use the held-out 17-24)",
    )
    ap.add_argument(
        "--natural-endings",
        action="store_true",
        help=f"keep {TAIL_S:g} s of each utterance's recording after its last loud sample (default: cut there)",
    )
    args = ap.parse_args()
    proc = None
    with tempfile.TemporaryDirectory() as tmp:
        url = args.url
        if url is None:
            import socket

            with socket.socket() as s:
                s.bind(("127.0.0.1", 0))
                port = s.getsockname()[1]
            extra = [a for kv in args.set for a in ("--set", kv)]
            proc = serve(port, Path(tmp), extra)
            url = f"ws://127.0.0.1:{port}/ws"
        try:
            actors = range(1, 17) if args.tuning else range(17, 25)
            r = asyncio.run(session(url, args.turns, args.barge_every, actors, args.natural_endings, args.barge_after))
        finally:
            if proc is not None:
                proc.terminate()
                proc.wait(timeout=30)
    lat = r["latencies"]
    out = {
        "turns": len(lat),
        "p50_ms": pct(lat, 50),
        "p95_ms": pct(lat, 95),
        # From when the chunk holding the end of speech actually left this client: this process shares the
        # server's two cores and sometimes sends late, which a microphone on another device would not.
        "p50_ms_from_send": pct(r["latencies_sent"], 50),
        "p95_ms_from_send": pct(r["latencies_sent"], 95),
        "mean_ms": round(statistics.fmean(lat), 1) if lat else None,
        "stages_ms_p50": {s: pct(v, 50) for s, v in r["stages"].items()},
        "barge_in_stop_ms_p50": pct(r["barge"], 50),
        "barge_in_stop_ms_max": round(max(r["barge"]), 1) if r["barge"] else None,
        "barge_ins": len(r["barge"]),
        # Every barge-in's stop time, in order, so that several runs can be pooled.
        "barge_in_stop_ms_each": [round(b, 1) for b in r["barge"]],
        "barge_ins_missed_reply_over": r["too_short"],
        # From the moment the chunk holding the onset was sent, not when its audio happened: what this client's
        # own lateness (a starved process on the server's machine) added to the figures above.
        "barge_in_stop_ms_from_send_p50": pct(r["barge_sent"], 50),
        "barge_in_stop_ms_from_send_max": round(max(r["barge_sent"]), 1) if r["barge_sent"] else None,
        "audio_frames_after_flush": r["late_frames"],
        "statuses": r["statuses"],
        "per_turn": r["detail"],
        "cpu_count": os.cpu_count(),
    }
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        print(
            f"voice-to-voice over {out['turns']} turns: p50 {out['p50_ms']} ms, p95 {out['p95_ms']} ms "
            f"(from the end's chunk as sent: p50 {out['p50_ms_from_send']} ms, p95 {out['p95_ms_from_send']} ms)"
        )
        print(
            "stages (ms after the end of speech, p50): "
            + ", ".join(f"{k} {v}" for k, v in out["stages_ms_p50"].items())
        )
        print(
            f"barge-in: reply stopped {out['barge_in_stop_ms_p50']} ms (p50, max {out['barge_in_stop_ms_max']}) "
            f"after the user began speaking, over {out['barge_ins']}; "
            f"audio frames after a flush: {out['audio_frames_after_flush']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
