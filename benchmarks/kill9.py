"""``kill -9`` of the server in the middle of turns: does any committed turn go missing?

Each trial starts the server in its own process (the real app, uvicorn, WebSocket and SQLite store, as ``tenor
serve`` runs them, with a scripted model and voice so turns are fast and many: ``python -m
tenor.server.testing``), opens several sessions that send typed turns back to back, and ``SIGKILL``s the process
at a random moment while turns are in flight. A turn counts as committed when its client received
``turn_ended`` (the store commits the turn's final row before that message is sent). The store is then reopened
as the next start would: every committed turn must be there with the status the client was told, the file must
pass SQLite's integrity check, and turns that were in flight may only show as ``pending``/``failed``.

    python benchmarks/kill9.py [--trials 20] [--sessions 3] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from latency import wait_healthy


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "tenor.server.testing", "--db", str(db), "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wait_healthy(proc, port, 60, 0.1, "server")
    return proc


async def _client(url: str, tag: str, committed: list[tuple[str, str, str]], sent: list[str]) -> None:
    """Send turns one after another until the connection dies; record each turn_ended."""
    import websockets

    try:
        async with websockets.connect(url, max_size=None) as ws:
            ready = json.loads(await ws.recv())
            session = ready["session"]
            i = 0
            while True:
                text = f"{tag} turn {i}: I had a long day and want to talk"
                sent.append(text)
                await ws.send(json.dumps({"type": "text", "text": text}))
                while True:
                    msg = await ws.recv()
                    if isinstance(msg, str):
                        m = json.loads(msg)
                        if m["type"] == "turn_ended":
                            committed.append((session, text, m["status"]))
                            break
                i += 1
    except (OSError, websockets.exceptions.WebSocketException):
        return  # the server was killed


async def _drive(url: str, sessions: int, kill_after_s: float, pid: int) -> tuple[list[tuple[str, str, str]], int]:
    committed: list[tuple[str, str, str]] = []
    sent: list[str] = []
    tasks = [asyncio.create_task(_client(url, f"s{k}", committed, sent)) for k in range(sessions)]
    await asyncio.sleep(kill_after_s)
    os.kill(pid, signal.SIGKILL)
    await asyncio.wait(tasks, timeout=30)
    return list(committed), len(sent)


def trial(seed: int, sessions: int, tmp: Path) -> dict[str, Any]:
    from tenor.store.sqlite import Store

    rng = random.Random(seed)
    db = tmp / f"trial{seed}.db"
    port = _free_port()
    proc = start_server(db, port)
    kill_after = rng.uniform(1.0, 4.0)
    committed, sent = asyncio.run(_drive(f"ws://127.0.0.1:{port}/ws", sessions, kill_after, proc.pid))
    proc.wait(timeout=30)
    store = Store(db)  # what the next start does
    try:
        integrity = store.integrity_ok()
        lost = 0
        by_session: dict[str, dict[str, str]] = {}
        for name, text, status in committed:
            if name not in by_session:
                row = store.find_session(name)
                by_session[name] = {} if row is None else {t.user_text: t.status for t in store.turns(row.id)}
            if by_session[name].get(text) != status:
                lost += 1
        rows = store._query("SELECT status, COUNT(*) FROM turns GROUP BY status")
        statuses = {r[0]: int(r[1]) for r in rows}
    finally:
        store.close()
    return {
        "kill_after_s": round(kill_after, 2),
        "turns_sent": sent,
        "committed": len(committed),
        "lost_committed": lost,
        "integrity_ok": integrity,
        "statuses_after_restart": statuses,
        "returncode": proc.returncode,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--trials", type=int, default=20)
    ap.add_argument("--sessions", type=int, default=3, help="concurrent sessions per trial")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.trials):
            r = trial(i, args.sessions, Path(tmp))
            results.append(r)
            if not args.json:
                print(
                    f"trial {i + 1}: killed after {r['kill_after_s']} s, {r['committed']} committed turns, "
                    f"lost {r['lost_committed']}, integrity {'ok' if r['integrity_ok'] else 'FAILED'}, "
                    f"after restart {r['statuses_after_restart']}",
                    flush=True,
                )
    out = {
        "trials": len(results),
        "committed_turns": sum(r["committed"] for r in results),
        "lost_committed_turns": sum(r["lost_committed"] for r in results),
        "integrity_failures": sum(not r["integrity_ok"] for r in results),
        "killed_by_sigkill": sum(r["returncode"] == -signal.SIGKILL for r in results),
        "in_flight_left_pending": sum(r["statuses_after_restart"].get("pending", 0) for r in results),
    }
    if args.json:
        print(json.dumps({**out, "per_trial": results}, indent=2))
    else:
        print(json.dumps(out))
    return 0 if out["lost_committed_turns"] == 0 and out["integrity_failures"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
