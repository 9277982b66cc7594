"""Each session limit, exceeded: one clear error naming the limit, and the session goes on (or, for the limits
that close a socket, it is told once and closed once). Each test fails without the limit it names."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import pytest
import websockets
from websockets.exceptions import ConnectionClosed

from tenor.server.app import create_app
from tenor.server.limits import CLOSE_IDLE, CLOSE_TRY_LATER, TurnRate
from tenor.server.live import LiveOptions, LiveSession
from tenor.server.testing import RecordingWire, ScriptedStt, fake_services, serve_in_thread, silence, speech
from tests.timeline.test_server_live import feed


def _limit_errors(wire: RecordingWire, code: str) -> list[dict[str, Any]]:
    return [m for m in wire.of("error") if m["code"] == code]


async def _text_turn(session: LiveSession, wire: RecordingWire, text: str = "hello there") -> dict[str, Any]:
    n = len(wire.of("turn_ended"))
    await session.on_text(json.dumps({"type": "text", "text": text}))
    return await wire.wait_for(lambda m: m["type"] == "turn_ended" and len(wire.of("turn_ended")) > n)


def test_message_over_max_bytes_is_dropped_with_an_error_and_the_session_goes_on() -> None:
    async def scenario() -> RecordingWire:
        wire = RecordingWire()
        session = LiveSession(fake_services(options=LiveOptions(max_message_bytes=4096)), wire)
        await session.start()
        await session.on_text(json.dumps({"type": "start", "sample_rate_hz": 16_000}))
        await session.on_bytes(bytes(8192))  # well-formed PCM16, but over the limit
        await session.on_text(json.dumps({"type": "text", "text": "x" * 5000}))
        assert (await _text_turn(session, wire))["status"] == "complete"
        await session.close()
        return wire

    wire = asyncio.run(scenario())
    errors = _limit_errors(wire, "too_large")
    assert len(errors) == 2 and {e["limit"] for e in errors} == {"max_message_bytes"}
    assert "8,192 bytes" in errors[0]["message"] and "4,096" in errors[0]["message"]
    assert wire.of("ready")[0]["limits"]["max_message_bytes"] == 4096


def test_spoken_turn_over_max_audio_seconds_is_cut_with_an_error_and_listening_goes_on() -> None:
    async def scenario() -> RecordingWire:
        wire = RecordingWire()
        stt = ScriptedStt(("this is a normal turn",))
        session = LiveSession(fake_services(stt=stt, options=LiveOptions(max_turn_audio_s=1.5)), wire)
        await session.start()
        await session.on_text(json.dumps({"type": "start", "sample_rate_hz": 16_000}))
        await feed(session, silence(0.2) + speech(4.0), realtime=False)  # one endless utterance
        await wire.wait_for(lambda m: m.get("code") == "too_long")
        # Then a normal one, paced like a microphone: fed all at once, the audio received can run more than the
        # limit ahead of what the listener has processed on a busy machine, and the cut would catch this turn too.
        await feed(session, silence(1.0) + speech(0.6) + silence(1.0), realtime=True)
        ended = await wire.wait_for(lambda m: m["type"] == "turn_ended", timeout_s=20)
        assert ended["status"] == "complete"
        await session.close()
        return wire

    wire = asyncio.run(scenario())
    cut = _limit_errors(wire, "too_long")
    assert len(cut) == 1 and cut[0]["limit"] == "max_turn_audio_s" and "1.5 s" in cut[0]["message"]
    # The long utterance never became a turn; only the normal one did.
    assert [m["source"] for m in wire.of("turn_started")] == ["voice"]


def test_turns_over_the_per_minute_limit_are_refused_with_an_error() -> None:
    async def scenario() -> RecordingWire:
        wire = RecordingWire()
        session = LiveSession(fake_services(options=LiveOptions(turns_per_minute=2)), wire)
        await session.start()
        for i in range(2):
            assert (await _text_turn(session, wire, f"turn {i}"))["status"] == "complete"
        await session.on_text(json.dumps({"type": "text", "text": "one too many"}))
        await wire.wait_for(lambda m: m.get("code") == "rate_limited")
        await asyncio.sleep(0.2)
        await session.close()
        return wire

    wire = asyncio.run(scenario())
    (err,) = _limit_errors(wire, "rate_limited")
    assert err["limit"] == "turns_per_minute" and "at most 2 a minute" in err["message"]
    assert len(wire.of("turn_started")) == 2


def test_turn_rate_window_slides() -> None:
    now = [0.0]
    rate = TurnRate(2, clock=lambda: now[0])
    assert rate.try_start() is None and rate.try_start() is None
    wait = rate.try_start()
    assert wait is not None and 59.0 < wait <= 60.0
    now[0] = 60.5
    assert rate.try_start() is None  # the first two have left the window
    assert TurnRate(0).try_start() is None  # 0: no limit


async def _recv_all(ws: Any, timeout: float = 10.0) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    try:
        async with asyncio.timeout(timeout):
            async for msg in ws:
                if isinstance(msg, str):
                    out.append(json.loads(msg))
    except ConnectionClosed:
        pass
    return out


def test_sessions_over_the_per_client_limit_are_told_and_closed_once() -> None:
    def services() -> Any:
        return fake_services(options=LiveOptions(sessions_per_client=2))

    async def scenario(url: str) -> tuple[list[dict[str, Any]], int | None, str]:
        ws1 = await websockets.connect(url)
        ws2 = await websockets.connect(url)
        for ws in (ws1, ws2):
            assert json.loads(await ws.recv())["type"] == "ready"
        ws3 = await websockets.connect(url)
        third = await _recv_all(ws3)
        code = ws3.close_code
        await ws1.close()
        await asyncio.sleep(0.3)
        async with websockets.connect(url) as ws4:  # a slot freed: a new session is welcome again
            fourth = json.loads(await ws4.recv())["type"]
        await ws2.close()
        return third, code, fourth

    with serve_in_thread(create_app(services)) as base:
        third, code, fourth = asyncio.run(scenario(f"ws://{base}/ws"))
    assert [m["type"] for m in third] == ["error"]  # told once, no session
    assert (
        third[0]["code"] == "busy" and third[0]["limit"] == "sessions_per_client" and "at most 2" in third[0]["message"]
    )
    assert code == CLOSE_TRY_LATER
    assert fourth == "ready"


def test_idle_session_is_told_and_closed_and_an_active_one_is_not() -> None:
    def services() -> Any:
        return fake_services(options=LiveOptions(idle_timeout_s=0.6))

    async def scenario(url: str) -> tuple[list[dict[str, Any]], int | None, float, bool]:
        async with websockets.connect(url) as ws:
            t0 = time.monotonic()
            got = await _recv_all(ws)
            idle_code, idle_after = ws.close_code, time.monotonic() - t0
        async with websockets.connect(url) as ws:
            for _ in range(8):  # 1.6 s of chatter, well past the idle limit
                await ws.send(json.dumps({"type": "hello", "version": 1}))
                await asyncio.sleep(0.2)
            await ws.send(json.dumps({"type": "hello", "version": 1}))
            alive = True
            try:
                async with asyncio.timeout(2):
                    while json.loads(await ws.recv())["type"] != "ready":
                        pass
            except ConnectionClosed:
                alive = False
        return got, idle_code, idle_after, alive

    with serve_in_thread(create_app(services)) as base:
        got, code, after, alive = asyncio.run(scenario(f"ws://{base}/ws"))
    assert [m["type"] for m in got] == ["ready", "error"]
    assert got[1]["code"] == "idle" and got[1]["limit"] == "idle_timeout_s"
    assert code == CLOSE_IDLE and 0.5 < after < 5.0
    assert alive


@pytest.mark.parametrize(
    "key, value", [("max_turn_audio_s", 60.0), ("turns_per_minute", 20), ("sessions_per_client", 4)]
)
def test_limits_have_sane_defaults_from_config(key: str, value: float) -> None:
    from tenor.config import Config

    assert getattr(LiveOptions.from_config(Config()), key) == value
