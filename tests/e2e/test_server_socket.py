"""The server over a real socket (uvicorn, websockets, as ``tenor serve`` runs it), with a scripted model and
voice: the page is served, bad input is answered and survived, concurrent sessions are isolated."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest
import websockets

from tenor.server.app import create_app
from tenor.server.testing import fake_services, serve_in_thread
from tenor.testing import ScriptedReply


@pytest.fixture(scope="module")
def base() -> Any:
    with serve_in_thread(create_app(fake_services)) as url:
        yield url


async def _until(ws: Any, kind: str, timeout: float = 20.0) -> dict[str, Any]:
    async with asyncio.timeout(timeout):
        while True:
            msg = await ws.recv()
            if isinstance(msg, str) and json.loads(msg)["type"] == kind:
                return dict(json.loads(msg))


def test_page_and_static_files_are_served(base: str) -> None:
    page = httpx.get(f"http://{base}/")
    assert page.status_code == 200 and "<title>tenor</title>" in page.text
    for name in ("app.js", "mic-worklet.js", "style.css"):
        assert httpx.get(f"http://{base}/static/{name}").status_code == 200
    assert httpx.get(f"http://{base}/healthz").json() == {"ok": True, "protocol": 1}


def test_bad_input_on_the_socket_gets_errors_and_session_and_server_survive(base: str) -> None:
    async def scenario() -> list[str]:
        codes: list[str] = []
        async with websockets.connect(f"ws://{base}/ws", max_size=None) as ws:
            await _until(ws, "ready")
            for bad in ("{oops", '{"type": "teleport"}', '{"type": "hello", "version": 99}'):
                await ws.send(bad)
                codes.append((await _until(ws, "error"))["code"])
            await ws.send(json.dumps({"type": "start", "sample_rate_hz": 48_000}))
            await ws.send(b"\x01\x02\x03")
            codes.append((await _until(ws, "error"))["code"])
            await ws.send(bytes(50 * 1024 * 1024))  # a 50 MB frame
            codes.append((await _until(ws, "error", timeout=60))["code"])
            # The same session still holds a conversation.
            await ws.send(json.dumps({"type": "text", "text": "hello"}))
            ended = await _until(ws, "turn_ended", timeout=30)
            assert ended["status"] == "complete"
        # And the server takes new sessions.
        async with websockets.connect(f"ws://{base}/ws") as ws:
            assert (await _until(ws, "ready"))["version"] == 1
        return codes

    assert asyncio.run(scenario()) == ["bad_json", "unknown_type", "version", "bad_audio", "too_large"]


def test_concurrent_sessions_are_isolated(base: str) -> None:
    async def one(text: str) -> tuple[str, str, int]:
        async with websockets.connect(f"ws://{base}/ws") as ws:
            ready = await _until(ws, "ready")
            await ws.send(json.dumps({"type": "text", "text": text}))
            transcript = await _until(ws, "transcript")
            frames = 0
            async with asyncio.timeout(30):
                while True:
                    msg = await ws.recv()
                    if isinstance(msg, bytes):
                        frames += 1
                    elif json.loads(msg)["type"] == "turn_ended":
                        break
            return ready["session"], transcript["text"], frames

    async def many() -> list[tuple[str, str, int]]:
        return await asyncio.gather(*(one(f"message number {i}") for i in range(4)))

    results = asyncio.run(many())
    assert len({r[0] for r in results}) == 4  # a session each
    assert [r[1] for r in results] == [f"message number {i}" for i in range(4)]  # each hears only its own words
    assert all(r[2] > 0 for r in results)  # and each got its reply audio


def test_a_model_server_down_at_start_up_does_not_stop_the_server_and_the_crisis_answer_still_comes() -> None:
    # The warm-up's ReplyError failed the start-up with a traceback; now the server serves, says why the model
    # turns fail, and the crisis answer (never from the model) is given.
    async def talk(url: str) -> tuple[dict[str, Any], list[str]]:
        async with websockets.connect(f"ws://{url}/ws") as ws:
            await _until(ws, "ready")
            await ws.send(json.dumps({"type": "text", "text": "I want to kill myself"}))
            texts: list[str] = []
            async with asyncio.timeout(20):
                while True:
                    raw = await ws.recv()
                    if not isinstance(raw, str):
                        continue  # the reply's audio
                    msg = json.loads(raw)
                    if msg["type"] == "reply":
                        texts.append(msg["text"])
                    if msg["type"] == "turn_ended":
                        return msg, texts

    services = fake_services(ScriptedReply(fail_after=0))
    with serve_in_thread(create_app(services, warm=True)) as url:
        health = httpx.get(f"http://{url}/healthz")
        assert health.status_code == 200, health.content
        ended, texts = asyncio.run(talk(url))
    assert ended["status"] == "complete" and any("988" in t for t in texts)
