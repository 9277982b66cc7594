"""Faults behind a live session: the language-model server down, slow, or answering garbage (a clear notice,
the turn fails, the session goes on, and the crisis answer still comes, since it never uses the model);
``kill -9`` of the server mid-turn (no committed turn lost); a full disk (a clear error, nothing corrupt)."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tenor.reply.openai import OpenAIReply
from tenor.server.live import LiveOptions, LiveSession
from tenor.server.testing import RecordingWire, ToneSpeaker, fake_services
from tenor.store.sqlite import Store
from tenor.testing import ScriptedReply
from tests.conftest import ROOT

CRISIS = "I want to kill myself"


@contextmanager
def fake_model_server(mode: str) -> Iterator[str]:
    """An OpenAI-compatible endpoint that misbehaves: ``down`` (nothing listens), ``slow`` (never answers in
    time), ``garbage`` (a 200 stream that is not JSON), ``http500``."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    if mode == "down":
        sock.close()
        yield f"http://127.0.0.1:{port}/v1"
        return
    sock.listen(8)
    stop = threading.Event()

    def handle(conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            try:
                conn.recv(65536)
                if mode == "slow":
                    stop.wait(5)
                    return
                if mode == "garbage":
                    body = b"data: <<this is not json>>\n\n"
                    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                else:
                    body = b'{"error": "model crashed"}'
                    head = b"HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\n"
                conn.sendall(head + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
            except OSError:
                pass

    def serve() -> None:
        sock.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except OSError:
                continue
            threading.Thread(target=handle, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        stop.set()
        thread.join(5)
        sock.close()


async def _turn(session: LiveSession, wire: RecordingWire, text: str) -> dict[str, Any]:
    n = len(wire.of("turn_ended"))
    await session.on_text(json.dumps({"type": "text", "text": text}))
    return await wire.wait_for(lambda m: m["type"] == "turn_ended" and len(wire.of("turn_ended")) > n, 30)


@pytest.mark.parametrize("mode", ["down", "slow", "garbage", "http500"])
def test_model_server_fault_gives_a_clear_notice_and_crisis_still_answers(mode: str, tmp_path: Path) -> None:
    store = Store(tmp_path / "t.db")

    async def scenario(base: str) -> tuple[RecordingWire, float]:
        backend = OpenAIReply(base, "m", connect_timeout_s=1, first_token_timeout_s=1, read_timeout_s=1, retries=1)
        wire = RecordingWire()
        services = fake_services(reply=backend, store=store, speaker=ToneSpeaker(ms_per_char=1.0))  # type: ignore[arg-type]
        session = LiveSession(services, wire)
        await session.start()
        t0 = time.monotonic()
        failed = await _turn(session, wire, "Can you help me plan my week?")
        took = time.monotonic() - t0
        assert failed["status"] == "failed" and failed["error"]
        crisis = await _turn(session, wire, CRISIS)
        assert crisis["status"] == "complete"
        await session.close()
        return wire, took

    with fake_model_server(mode) as base:
        wire, took = asyncio.run(scenario(base))
    notice = [m for m in wire.of("error") if m.get("stage") == "reply"]
    assert len(notice) == 1 and "127.0.0.1" in notice[0]["message"]  # says which server, and what went wrong
    assert took < 10  # bounded by the timeouts and retries, not hung
    crisis_replies = [m for m in wire.of("reply") if m["source"] == "crisis"]
    assert crisis_replies, wire.of("reply")
    assert [m["action"] for m in wire.of("safety") if m["stage"] == "input"][-1] == "crisis"
    row = store.find_session(wire.of("ready")[0]["session"])
    assert row is not None and [t.status for t in store.turns(row.id)] == ["failed", "complete"]


def _fill(session_store: Store, wire: RecordingWire, session: LiveSession) -> Any:
    async def until_full() -> list[dict[str, Any]]:
        ended = []
        for i in range(400):
            n_err = len([m for m in wire.of("error") if m["code"] == "storage"])
            n_ended = len(ended)
            await session.on_text(json.dumps({"type": "text", "text": f"turn {i}: " + "words to keep " * 400}))
            await wire.wait_for(
                lambda m, n=n_err, k=n_ended: (
                    (m["type"] == "turn_ended" and len(wire.of("turn_ended")) > k)
                    or len([x for x in wire.of("error") if x["code"] == "storage"]) > n
                ),
                20,
            )
            if len([m for m in wire.of("error") if m["code"] == "storage"]) > n_err:
                return ended
            ended = wire.of("turn_ended")
        raise AssertionError("the store never filled up")

    return until_full()


def _full_disk_scenario(store: Store, grow: Any) -> None:
    async def scenario() -> None:
        wire = RecordingWire()
        reply = ScriptedReply(("Noted.",))
        session = LiveSession(fake_services(reply, store=store, options=LiveOptions(turns_per_minute=0)), wire)
        await session.start()
        ended = await _fill(store, wire, session)
        (err,) = [m for m in wire.of("error") if m["code"] == "storage"]
        assert "disk is full" in err["message"] and "nothing was half-written" in err["message"]
        assert ended and all(m["status"] == "complete" for m in ended)
        assert store.integrity_ok()
        row = store.find_session(wire.of("ready")[0]["session"])
        assert row is not None
        turns = store.turns(row.id)
        # Every turn the person saw complete is there, complete; nothing half-written.
        assert [t.status for t in turns[: len(ended)]] == ["complete"] * len(ended)
        # Space again: the same session goes on.
        grow()
        assert (await _turn(session, wire, "and now?"))["status"] == "complete"
        await session.close()

    asyncio.run(scenario())


def test_full_store_gives_a_clear_error_and_nothing_corrupt(tmp_path: Path) -> None:
    store = Store(tmp_path / "t.db")
    pages = int(store._query("PRAGMA page_count")[0][0])
    store._query(f"PRAGMA max_page_count = {pages + 12}")
    _full_disk_scenario(store, lambda: store._query("PRAGMA max_page_count = 100000"))


def test_full_filesystem_gives_a_clear_error_and_nothing_corrupt(tmp_path: Path) -> None:
    mnt = tmp_path / "tiny"
    mnt.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=320k", "tmpfs", str(mnt)]).returncode:
        pytest.skip("cannot mount a tiny tmpfs here (needs root); the max_page_count test covers the store")
    try:
        store = Store(mnt / "t.db")
        ballast = mnt / "ballast"

        def free_space() -> None:
            ballast.unlink(missing_ok=True)

        ballast.write_bytes(b"\1" * 96 * 1024)  # freed later: space again
        _full_disk_scenario(store, free_space)
        store.close()
        assert Store(mnt / "t.db").integrity_ok()
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_kill9_mid_turns_loses_no_committed_turn() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "kill9.py"), "--trials", "2", "--json"],
        capture_output=True,
        text=True,
        timeout=180,
    )
    result = json.loads(out.stdout)
    assert result["killed_by_sigkill"] == 2 and result["committed_turns"] > 0
    assert result["lost_committed_turns"] == 0 and result["integrity_failures"] == 0
