"""How many concurrent sessions the server holds: real recorded speech into N sessions at once, over loopback.

Starts ``tenor serve`` on a free loopback port (the real models, as ``benchmarks/latency.py``), then runs
levels of 1, 2, 3, ... concurrent sessions. Each session streams 3-5 s RAVDESS utterances (held-out actors
17-24) into its own WebSocket in real time, 20 ms PCM16 chunks with room noise between turns, and times each
turn on the client from the end of its speech to the first byte of reply audio (voice-to-voice). A level
holds when its p95 is within twice the single-session p95, with zero errors (error messages, failed or
missing turns, dropped connections) and zero lost turns (a turn the client saw end ``complete`` that is not
``complete`` in the store). It stops at the first level that does not hold, at ``--max-sessions``, or when
``--budget-s`` is spent.

    python benchmarks/load.py [--max-sessions 4] [--turns 3] [--budget-s 900] [--json] [--set KEY=VALUE]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from latency import RATE_HZ, Mic, pct, serve, utterances, wait_until


async def one_session(url: str, speech: list[np.ndarray], turn_timeout_s: float) -> dict[str, Any]:
    """Speak each utterance in turn; voice-to-voice per turn, errors, and the turns the client saw complete."""
    import websockets

    latencies: list[float] = []
    errors: list[str] = []
    complete = 0
    session = ""
    try:
        async with websockets.connect(url, max_size=None) as ws:
            ready = json.loads(await ws.recv())
            session = ready["session"]
            await ws.send(json.dumps({"type": "start", "sample_rate_hz": RATE_HZ}))
            mic = Mic(ws)
            mic_task = asyncio.create_task(mic.run())
            first_audio: dict[int, float] = {}
            ended: dict[int, str] = {}
            why: dict[int, str] = {}
            started: list[int] = []
            arrived = asyncio.Event()

            async def receive() -> None:
                async for msg in ws:
                    now = time.perf_counter()
                    if isinstance(msg, bytes):
                        first_audio.setdefault(int.from_bytes(msg[:4], "little"), now)
                    else:
                        m = json.loads(msg)
                        if m["type"] == "turn_started":
                            started.append(m["turn"])
                        elif m["type"] == "turn_ended":
                            ended[m["turn"]] = m["status"]
                        elif m["type"] == "interrupted":
                            why[m["turn"]] = m.get("reason", "")
                        elif m["type"] == "error":
                            errors.append(f"{m['code']}: {m['message']}")
                    arrived.set()

            async def until(pred: Any) -> None:
                await wait_until(arrived, pred, turn_timeout_s, "no answer in time")

            rx = asyncio.create_task(receive())
            await asyncio.sleep(1.0)
            for x in speech:
                n = len(started)
                mic.say(x)
                await until(lambda n=n: len(started) > n)
                turn = started[n]
                end_at = mic.ends[-1]
                await until(lambda t=turn: t in ended)
                if turn in first_audio:
                    latencies.append((first_audio[turn] - end_at) * 1000.0)
                if ended[turn] == "complete":
                    complete += 1
                else:
                    errors.append(f"turn {turn} ended {ended[turn]} ({why.get(turn, 'no reason given')})")
                await asyncio.sleep(0.5)
            mic.stopped = True
            await mic_task
            rx.cancel()
    except (OSError, TimeoutError, websockets.exceptions.WebSocketException) as err:
        errors.append(f"{type(err).__name__}: {err}")
    return {"session": session, "latencies": latencies, "errors": errors, "complete": complete}


def lost_turns(db: Path, results: list[dict[str, Any]]) -> int:
    from tenor.store.sqlite import Store

    store = Store(db)
    try:
        lost = 0
        for r in results:
            row = store.find_session(r["session"]) if r["session"] else None
            stored = 0 if row is None else sum(t.status == "complete" for t in store.turns(row.id))
            lost += max(0, r["complete"] - stored)
        return lost
    finally:
        store.close()


async def level(url: str, n: int, turns: int, seed: int, turn_timeout_s: float) -> list[dict[str, Any]]:
    pool = utterances(n * turns, seed=seed)
    return await asyncio.gather(
        *(one_session(url, pool[k * turns : (k + 1) * turns], turn_timeout_s) for k in range(n))
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--max-sessions", type=int, default=4, help="largest level tried (default 4)")
    ap.add_argument("--turns", type=int, default=3, help="spoken turns per session per level (default 3)")
    ap.add_argument("--budget-s", type=float, default=900.0, help="stop starting levels after this many seconds")
    ap.add_argument("--turn-timeout-s", type=float, default=120.0, help="longest wait for one turn")
    ap.add_argument("--set", action="append", default=[], help="server setting SECTION.KEY=VALUE (repeatable)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    t_start = time.monotonic()
    levels: list[dict[str, Any]] = []
    single_p95: float | None = None
    held = 0
    with tempfile.TemporaryDirectory() as tmp:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        extra = ["--set", "server.turns_per_minute=0", *(a for kv in args.set for a in ("--set", kv))]
        proc = serve(port, Path(tmp), extra)
        url = f"ws://127.0.0.1:{port}/ws"
        try:
            for n in range(1, args.max_sessions + 1):
                if time.monotonic() - t_start > args.budget_s:
                    break
                t0 = time.monotonic()
                results = asyncio.run(level(url, n, args.turns, 100 + n, args.turn_timeout_s))
                lat = [x for r in results for x in r["latencies"]]
                errors = sum(len(r["errors"]) for r in results)
                lost = lost_turns(Path(tmp) / "bench.db", results)
                p95 = pct(lat, 95)
                if n == 1:
                    single_p95 = p95
                ok = (
                    p95 is not None
                    and single_p95 is not None
                    and p95 <= 2 * single_p95
                    and errors == 0
                    and lost == 0
                    and len(lat) == n * args.turns
                )
                row = {
                    "sessions": n,
                    "turns": len(lat),
                    "p50_ms": pct(lat, 50),
                    "p95_ms": p95,
                    "errors": errors,
                    "lost_turns": lost,
                    "held": ok,
                    "seconds": round(time.monotonic() - t0, 1),
                    "error_samples": [e for r in results for e in r["errors"]][:3],
                }
                levels.append(row)
                if not args.json:
                    print(json.dumps(row), flush=True)
                if not ok:
                    break
                held = n
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    out = {
        "sessions_held": held,
        "single_p95_ms": single_p95,
        "errors": sum(r["errors"] for r in levels),
        "lost_turns": sum(r["lost_turns"] for r in levels),
        "levels": levels,
        "cpu_count": os.cpu_count(),
        "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
        "seconds": round(time.monotonic() - t_start, 1),
    }
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        print(
            f"sessions held: {held} (p95 voice-to-voice within 2x the single-session {single_p95} ms, "
            f"no errors, no lost turns); errors {out['errors']}, lost turns {out['lost_turns']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
