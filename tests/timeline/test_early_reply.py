"""The reply started at the person's pause (``server.early_reply``): held back until the turn ends with the same
words, dropped without a trace when the person goes on. The real listener, session, pacer and store, with a
scripted recogniser, model and voice, on real time."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path
from typing import Any

from tenor.server.live import LiveOptions, LiveSession
from tenor.server.testing import RecordingWire, ScriptedStt, fake_services, silence, speech
from tenor.store.sqlite import Store
from tenor.testing import ScriptedReply
from tests.timeline.test_server_live import feed


class TimedReply(ScriptedReply):
    """A scripted model that notes when each reply was asked for and whether it was let finish."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.asked_at: list[float] = []

    async def stream(self, messages, options, cancel):  # type: ignore[no-untyped-def,override]
        self.asked_at.append(time.monotonic())
        async for piece in super().stream(messages, options, cancel):
            yield piece


def _endpoint_at(wire: RecordingWire) -> float:
    return next(t for t, m in wire.messages if m.get("type") == "speech" and m.get("speaking") is False)


def test_the_reply_starts_at_the_pause_and_nothing_leaves_before_the_turn_ends(tmp_path: Path) -> None:
    async def scenario(early: bool) -> tuple[float, float, float]:
        store = Store(tmp_path / f"{early}.db")
        reply = TimedReply(("Hello there. ", "How can I help?"), delay_s=0.05)
        wire = RecordingWire()
        services = fake_services(reply, ScriptedStt(("I feel great today",)), store=store)
        services.options = LiveOptions(early_reply=early)
        session = LiveSession(services, wire)
        await session.start()
        await session.on_text(json.dumps({"type": "start", "sample_rate_hz": 16_000}))
        await feed(session, silence(0.3) + speech(0.8) + silence(1.2))
        ended = await wire.wait_for(lambda m: m["type"] == "turn_ended")
        assert ended["status"] == "complete"
        endpoint = _endpoint_at(wire)
        # Nothing of the turn reached the person before the silence ended it.
        turn_kinds = {"turn_started", "mood", "safety", "tone", "reply", "reply_done", "turn_ended"}
        assert all(t >= endpoint for t, m in wire.messages if m.get("type") in turn_kinds)
        assert all(t >= endpoint for t, _, _ in wire.audio)
        assert [m["text"] for m in wire.of("reply")] == ["Hello there.", "How can I help?"]
        # The latency breakdown gives each stage its own time: an early reply's were done before the endpoint.
        marks = ended["marks_ms"]
        if early:
            assert marks["guess"] <= marks["screen"] < marks["endpoint"] <= marks["first_audio"]
        else:
            assert "guess" not in marks and marks["endpoint"] <= marks["screen"]
        rows = store.turns(session.conv.session.row.id)  # type: ignore[union-attr]
        assert [(r.user_text, r.status) for r in rows] == [("I feel great today", "complete")]
        assert len(reply.asked_at) == 1 and len(session.conv.session.history) == 1
        first_audio = min(t for t, _, _ in wire.audio)
        await session.close()
        return reply.asked_at[0] - endpoint, first_audio - endpoint, endpoint

    asked_early, audio_early, _ = asyncio.run(scenario(True))
    asked_late, audio_late, _ = asyncio.run(scenario(False))
    # Early: the model was asked at the pause, 200 ms into the 600 ms of silence; otherwise after the end.
    assert asked_early < -0.1 < 0 <= asked_late
    assert audio_early < audio_late


def test_speech_after_the_pause_drops_the_early_reply_without_a_trace(tmp_path: Path) -> None:
    async def scenario() -> None:
        store = Store(tmp_path / "t.db")
        reply = TimedReply(("It sounds like a plan. ", "Tell me more."), delay_s=0.05)
        wire = RecordingWire()
        stt = ScriptedStt(("I want to kill", "I want to kill some time before the film starts"))
        session = LiveSession(fake_services(reply, stt, store=store), wire)
        await session.start()
        await session.on_text(json.dumps({"type": "start", "sample_rate_hz": 16_000}))
        # A pause of 0.5 s: long enough for the guess and its early reply, short of the 600 ms that end a turn.
        await feed(session, silence(0.3) + speech(0.8) + silence(0.5) + speech(0.8) + silence(1.2))
        ended = await wire.wait_for(lambda m: m["type"] == "turn_ended")
        assert ended["status"] == "complete"
        # The model was asked twice (the words before the pause, then the whole turn); only the second counts.
        assert len(reply.asked_at) == 2
        assert reply.calls[0][-1].content == "I want to kill"
        assert len(wire.of("turn_started")) == 1 and len(wire.of("turn_ended")) == 1
        assert [m["text"] for m in wire.of("transcript") if m["final"]] == [
            "I want to kill some time before the film starts"
        ]
        verdicts = [m for m in wire.of("safety") if m.get("stage") == "input"]
        assert len(verdicts) == 1
        rows = store.turns(session.conv.session.row.id)  # type: ignore[union-attr]
        assert [r.user_text for r in rows] == ["I want to kill some time before the film starts"]
        history = session.conv.session.history
        assert [ex.user for ex in history] == ["I want to kill some time before the film starts"]
        # The dropped reply left the prompt of the next turn as it would have been without it.
        assert "I want to kill" not in [m.content for m in reply.calls[1][:-1]]
        await session.close()

    asyncio.run(scenario())
